"""The map's figures as text: the flows of one municipality as rows, the filters in words.

Kept apart from the page so the CLI and the tests read the same rows the window lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from grensverkeer.mapping.units import Number
from grensverkeer.services.matrices.counted_matrix import Matrix
from grensverkeer.services.matrices.matrix_filters import MatrixFilter


@dataclass(frozen=True, slots=True)
class FlowRow:
    """One flow of the chosen municipality: ``direction`` is "in" or "uit"."""

    direction: str
    other: str
    name: str
    value: Number


def flow_rows(matrix: Matrix, code: str, names: dict[str, str]) -> list[FlowRow]:
    """Every flow into and out of ``code`` in the matrix, largest first: the same numbers as
    the matrix's row and column of ``code``."""
    rows = [
        FlowRow("in", r, names.get(r, r), value)
        for (r, s), value in matrix.cells.items()
        if s == code and r != code and value
    ]
    rows += [
        FlowRow("uit", s, names.get(s, s), value)
        for (r, s), value in matrix.cells.items()
        if r == code and s != code and value
    ]
    return sorted(rows, key=lambda row: (row.direction, -row.value, row.other))


def filter_text(wanted: MatrixFilter) -> str:
    parts = []
    if wanted.edu_type is not None:
        parts.append(f"onderwijstype {wanted.edu_type}")
    if wanted.swv is not None:
        parts.append(f"SWV {wanted.swv}")
    if wanted.arrangement is not None:
        parts.append(f"arrangement {wanted.arrangement or '(geen)'}")
    return "Alle leerlingen" if not parts else "Alleen " + ", ".join(parts)
