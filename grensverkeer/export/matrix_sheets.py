"""The two matrix sheets of the export: pupils and amounts per residence and school
municipality."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.export.contents import Column, Kind, Row, Sheet, Table
from grensverkeer.export.sheet_parts import AMOUNTS_SHEET, PUPILS_SHEET, TOTAL, Layout
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import Matrix
from grensverkeer.services.years.tariffs import list_tariffs
from grensverkeer.storage.database import Database


def _matrix_table(
    cells: Mapping[tuple[str, str], int | Fraction], layout: Layout, kind: Kind
) -> Table:
    names, members = layout.names, layout.members
    columns = (
        Column("Woongemeente \\ schoolgemeente"),
        *(Column(names(s), kind, outside=s not in members) for s in layout.schools),
        Column(TOTAL, kind),
    )
    rows = []
    for r in layout.residences:
        values = [cells.get((r, s), 0) for s in layout.schools]
        highlight = layout.schools.index(r) + 1 if r in layout.schools else None
        rows.append(
            Row(
                (names(r), *(v or None for v in values), sum(values, 0)),
                outside=r not in members,
                highlight=highlight,
            )
        )
    column_totals = [
        sum((cells.get((r, s), 0) for r in layout.residences), 0) for s in layout.schools
    ]
    total = Row((TOTAL, *column_totals, sum(column_totals, 0)))
    return Table(columns, tuple(rows), total)


def _region_note(layout: Layout) -> str:
    return (
        f"Rijen: woongemeente; kolommen: schoolgemeente. Eerst de {len(layout.participants)} "
        "deelnemers, daarna grijs: gemeenten buiten de regio. De diagonaal (eigen gemeente) is "
        "gemarkeerd."
    )


def pupil_matrix_sheet(pupils: Matrix, layout: Layout, kind: Kind, counted_how: str) -> Sheet:
    return Sheet(
        PUPILS_SHEET,
        "matrix-leerlingen",
        f"Leerlingen per woon- en schoolgemeente, schooljaar {pupils.school_year}",
        (f"Geteld {counted_how}.", _region_note(layout)),
        _matrix_table(pupils.cells, layout, kind),
    )


def _tariff_note(db: Database, year: SchoolYear, actual_cost: bool) -> str:
    listed = "; ".join(
        f"{t.edu_type}{' ' + t.arrangement if t.arrangement else ''} {formatting.euros(t.cents)}"
        for t in list_tariffs(db, year)
    )
    own = " Waar een overzicht werkelijke kosten geeft, gelden die." if actual_cost else ""
    return f"Tarief per leerling per schooljaar: {listed}.{own}"


def amount_matrix_sheet(db: Database, amounts: Matrix, layout: Layout, counted_how: str) -> Sheet:
    settings = amounts.settings
    actual_cost = settings is not None and settings.actual_cost
    return Sheet(
        AMOUNTS_SHEET,
        "matrix-bedragen",
        f"Bedragen (euro) per woon- en schoolgemeente, schooljaar {amounts.school_year}",
        (
            f"Geteld {counted_how}. {_tariff_note(db, amounts.school_year, actual_cost)}",
            _region_note(layout),
        ),
        _matrix_table(amounts.cells, layout, Kind.MONEY),
    )
