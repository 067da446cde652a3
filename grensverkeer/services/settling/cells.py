"""The matrix cells the analysis works on, ``(residence, school) -> value``, and which of them
are settled. Its own module because both ``balance`` and ``scenarios`` need it and
``balance`` imports ``scenarios``."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction

Cell = tuple[str, str]
Pupils = int | Fraction


def settled_cells(cells: Mapping[Cell, object], members: Collection[str]) -> Iterable[Cell]:
    """The cells that are settled: r != s, both ends participants."""
    return (
        cell for cell in cells if cell[0] != cell[1] and cell[0] in members and cell[1] in members
    )
