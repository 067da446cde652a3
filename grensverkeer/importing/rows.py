"""Walking the data rows under a header: blank rows and "Totaal" footers are not data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from grensverkeer.importing.values import is_empty

_FOOTER = re.compile(r"^\s*(sub)?totaal|^\s*aantal\b|^\s*totals?\b", re.IGNORECASE)


def is_footer(cells: Sequence[object]) -> bool:
    """A summary line such as ``Totaal: 412`` that extracts put below the data."""
    for cell in cells:
        if isinstance(cell, str) and cell.strip():
            return bool(_FOOTER.match(cell))
    return False


def data_rows(
    rows: Sequence[Sequence[object]], header_index: int, used: Sequence[int]
) -> Iterator[tuple[int, Sequence[object]]]:
    """(Excel row number, cells) of every row below the header with something in a used column."""
    width = max(used, default=-1) + 1
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if len(cells) < width:
            cells = [*cells, *([""] * (width - len(cells)))]
        if all(is_empty(cells[i]) for i in used):
            continue
        if is_footer(cells):
            continue
        yield index + 1, cells
