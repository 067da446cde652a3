"""Tariffs per school year and onderwijstype, optionally per arrangement."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select

from grensverkeer.counting import Tariffs
from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.tariff_table import TariffTable, read_tariff_table
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.storage.database import Database
from grensverkeer.storage.read_only import require_write
from grensverkeer.storage.schema import TariffRow


@dataclass(frozen=True, slots=True)
class Tariff:
    school_year: SchoolYear
    edu_type: EduType
    arrangement: str  # "" for the type's general tariff
    cents: int


def set_tariff(
    db: Database, year: SchoolYear, edu_type: EduType, cents: int, arrangement: str = ""
) -> Tariff:
    """Set (or replace) one tariff."""
    if cents < 0:
        raise GrensverkeerError("Een tarief kan niet negatief zijn.")
    arrangement = arrangement.strip()
    with db.sessions.begin() as session:
        row = session.scalar(
            select(TariffRow).where(
                TariffRow.school_year == year.start_year,
                TariffRow.edu_type == str(edu_type),
                TariffRow.arrangement == arrangement,
            )
        )
        if row is None:
            session.add(
                TariffRow(
                    school_year=year.start_year,
                    edu_type=str(edu_type),
                    arrangement=arrangement,
                    amount_cents=cents,
                )
            )
        else:
            row.amount_cents = cents
    return Tariff(year, edu_type, arrangement, cents)


def set_tariffs(db: Database, tariffs: list[Tariff]) -> None:
    """Set many tariffs in one transaction (a tariff table from a spreadsheet)."""
    with db.sessions.begin() as session:
        for tariff in tariffs:
            session.execute(
                delete(TariffRow).where(
                    TariffRow.school_year == tariff.school_year.start_year,
                    TariffRow.edu_type == str(tariff.edu_type),
                    TariffRow.arrangement == tariff.arrangement,
                )
            )
            session.add(
                TariffRow(
                    school_year=tariff.school_year.start_year,
                    edu_type=str(tariff.edu_type),
                    arrangement=tariff.arrangement,
                    amount_cents=tariff.cents,
                )
            )


def list_tariffs(db: Database, year: SchoolYear | None = None) -> list[Tariff]:
    query = select(TariffRow).order_by(
        TariffRow.school_year, TariffRow.edu_type, TariffRow.arrangement
    )
    if year is not None:
        query = query.where(TariffRow.school_year == year.start_year)
    with db.sessions() as session:
        rows = session.scalars(query).all()
    return [
        Tariff(SchoolYear(r.school_year), EduType(r.edu_type), r.arrangement, r.amount_cents)
        for r in rows
    ]


def remove_tariff(db: Database, year: SchoolYear, edu_type: EduType, arrangement: str = "") -> None:
    with db.sessions.begin() as session:
        gone = session.execute(
            delete(TariffRow).where(
                TariffRow.school_year == year.start_year,
                TariffRow.edu_type == str(edu_type),
                TariffRow.arrangement == arrangement.strip(),
            )
        )
        # a DELETE gives a CursorResult (rowcount); Session.execute is typed as Result
        if not cast("CursorResult[Any]", gone).rowcount:
            raise GrensverkeerError(
                f"Er is geen tarief voor {edu_type} in {year} om te verwijderen."
            )


def tariffs_of(db: Database, year: SchoolYear) -> Tariffs:
    return Tariffs({(str(t.edu_type), t.arrangement): t.cents for t in list_tariffs(db, year)})


def load_tariff_table(
    db: Database, path: Path, default_year: SchoolYear | None = None
) -> TariffTable:
    """Read a tariff spreadsheet and store it whole, or store nothing when it has problems."""
    require_write(db.engine)  # a reader is refused before the file is read
    table = read_tariff_table(path, default_year)
    if not table.issues:
        set_tariffs(
            db, [Tariff(t.school_year, t.edu_type, t.arrangement, t.cents) for t in table.lines]
        )
    return table
