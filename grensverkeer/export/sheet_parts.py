"""What the export's sheets share: their names, the order in which municipalities are shown
(``Layout``), the names of municipalities and exact column totals."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from grensverkeer.export.contents import Kind, Row
from grensverkeer.reference import Reference
from grensverkeer.services.matrices.counted_matrix import Matrix
from grensverkeer.services.settling.year_settlement import REGIONAL_CENTRE, REGIONAL_CENTRE_NAME

PUPILS_SHEET = "Matrix leerlingen"
AMOUNTS_SHEET = "Matrix bedragen"
BALANCES_SHEET = "Saldi"
TRANSFERS_SHEET = "Transacties"
SCHOOLS_SHEET = "Per school"
TYPES_SHEET = "Per onderwijstype"
IMPORTS_SHEET = "Importverslag"

TOTAL = "Totaal"

Names = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Layout:
    """Who is shown where: participants first by name, then the rest ("buiten de regio")."""

    members: frozenset[str]
    participants: tuple[str, ...]
    residences: tuple[str, ...]  # matrix rows
    schools: tuple[str, ...]  # matrix columns
    names: Names


def namer(reference: Reference) -> Names:
    def name(code: str) -> str:
        if code == REGIONAL_CENTRE:
            return REGIONAL_CENTRE_NAME
        municipality = reference.municipality(code)
        return municipality.name if municipality else code

    return name


def layout_of(pupils: Matrix, amounts: Matrix, names: Names) -> Layout:
    members = frozenset(pupils.participants)

    def by_name(codes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=lambda c: (names(c).casefold(), c)))

    cells = [*pupils.cells, *amounts.cells]
    participants = by_name(members)
    return Layout(
        members,
        participants,
        participants + by_name({r for r, _ in cells} - members),
        participants + by_name({s for _, s in cells} - members),
        names,
    )


def whole(value: Fraction, kind: Kind) -> int | Fraction:
    """Pupils on the peildatum are whole numbers; naar rato they stay exact fractions."""
    return int(value) if kind is Kind.COUNT and value.denominator == 1 else value


def column_sums(rows: Sequence[Row], indexes: Iterable[int]) -> list[Any]:
    """Exact sums of numeric columns (empty cells count as zero)."""
    return [sum((row.values[i] or 0 for row in rows), 0) for i in indexes]
