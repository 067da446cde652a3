"""Where the header row of a sheet is, and the group headers above it.

Real extracts put title rows, blank rows and merged "Leerling" / "School" cells above the row
that names the columns. The header row is the row among the top rows whose cells most look
like column names (short text with words the vocabulary knows). The row right above it is a
group header row when its labels say whose the columns are; a label covers its merged range,
or, where the file keeps no merges (csv, ods), the columns up to the next label.
"""

from __future__ import annotations

from collections.abc import Sequence

from grensverkeer.importing.fields import HEADER_SCAN_ROWS
from grensverkeer.importing.header_words import sense
from grensverkeer.importing.values import clean_text, is_empty
from grensverkeer.importing.vocabulary import Concept

Merge = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first col), (last row, last col))

_NAMING = frozenset(Concept) - {Concept.PUPIL, Concept.SCHOOL, Concept.SCHOOL_YEAR}
_MAX_HEADER_WORDS = 6
_MAX_HEADER_CHARS = 60


def header_text(cell: object) -> str:
    return "" if is_empty(cell) else clean_text(cell)


def naming_cells(cells: Sequence[object]) -> int:
    """How many cells of a row look like column names."""
    count = 0
    for cell in cells:
        if not isinstance(cell, str):
            continue
        text = cell.strip()
        if not text or len(text) > _MAX_HEADER_CHARS or len(text.split()) > _MAX_HEADER_WORDS:
            continue
        if sense(text).concepts & _NAMING:
            count += 1
    return count


def header_candidates(rows: Sequence[Sequence[object]], limit: int = 3) -> list[int]:
    """Indexes of the most header-like top rows, best first (at least two naming cells)."""
    scored = [(naming_cells(cells), -index) for index, cells in enumerate(rows[:HEADER_SCAN_ROWS])]
    ranked = sorted((s for s in scored if s[0] >= 2), reverse=True)
    if not ranked:
        return []
    close = [s for s in ranked if s[0] >= ranked[0][0] - 1]  # a data row names one or two
    return [-index for _count, index in close[:limit]]


def group_labels(
    rows: Sequence[Sequence[object]], header: int, width: int, merges: Sequence[Merge] = ()
) -> tuple[str, ...]:
    """The group label over each column, or "" (no group row, or no label over it)."""
    if header == 0:
        return ("",) * width
    above = rows[header - 1]
    cells = [header_text(above[i]) if i < len(above) else "" for i in range(width)]
    labelled = [i for i, text in enumerate(cells) if text]
    if not labelled or not any(sense(cells[i]).owner for i in labelled):
        return ("",) * width
    if any(len(cells[i].split()) > _MAX_HEADER_WORDS for i in labelled):
        return ("",) * width  # a title line, not group labels
    row_merges = [m for m in merges if m[0][0] <= header - 1 <= m[1][0]]
    groups = [""] * width
    if row_merges:
        for i in labelled:
            groups[i] = cells[i]
        for (_r0, c0), (_r1, c1) in row_merges:
            label = cells[c0] if c0 < width else ""
            for column in range(c0, min(c1 + 1, width)):
                groups[column] = label
        return tuple(groups)
    current = ""
    for i in range(width):
        current = cells[i] or current
        groups[i] = current if labelled[0] <= i else ""
    return tuple(groups)
