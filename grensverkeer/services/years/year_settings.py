"""Per school year settings: the peildatum that decides who counts, and how amounts are made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from grensverkeer import formatting
from grensverkeer.counting import CountRules
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import SchoolYearRow


@dataclass(frozen=True, slots=True)
class YearSettings:
    school_year: SchoolYear
    peildatum: date
    actual_cost: bool = False
    pro_rata: bool = False

    @property
    def rules(self) -> CountRules:
        return CountRules(self.school_year, self.peildatum, self.pro_rata, self.actual_cost)


def peildatum_of(session: Session, year: SchoolYear) -> date:
    row = session.get(SchoolYearRow, year.start_year)
    return row.peildatum if row is not None else year.default_peildatum


def ensure_school_year(session: Session, year: SchoolYear, *, commit: bool) -> date:
    """The school year's peildatum, creating its settings with the default when new."""
    row = session.get(SchoolYearRow, year.start_year)
    if row is None:
        row = SchoolYearRow(
            start_year=year.start_year,
            peildatum=year.default_peildatum,
            actual_cost=False,
            pro_rata=False,
        )
        session.add(row)
        if commit:
            session.commit()
    return row.peildatum


def year_settings(db: Database, year: SchoolYear) -> YearSettings:
    with db.sessions() as session:
        row = session.get(SchoolYearRow, year.start_year)
    if row is None:
        return YearSettings(year, year.default_peildatum)
    return YearSettings(year, row.peildatum, row.actual_cost, row.pro_rata)


def change_year_settings(
    db: Database,
    year: SchoolYear,
    *,
    peildatum: date | None = None,
    actual_cost: bool | None = None,
    pro_rata: bool | None = None,
) -> YearSettings:
    """Change what is given, keep the rest; a peildatum must lie inside the school year."""
    if peildatum is not None and not year.first_day <= peildatum <= year.last_day:
        raise GrensverkeerError(
            f"De peildatum {formatting.short_date(peildatum)} ligt niet in schooljaar {year} "
            f"({formatting.short_date(year.first_day)} t/m {formatting.short_date(year.last_day)})."
        )
    with db.sessions.begin() as session:
        ensure_school_year(session, year, commit=False)
        row = session.get(SchoolYearRow, year.start_year)
        assert row is not None
        if peildatum is not None:
            row.peildatum = peildatum
        if actual_cost is not None:
            row.actual_cost = actual_cost
        if pro_rata is not None:
            row.pro_rata = pro_rata
    return year_settings(db, year)


def configured_years(db: Database) -> list[SchoolYear]:
    with db.sessions() as session:
        years = session.scalars(select(SchoolYearRow.start_year)).all()
    return [SchoolYear(y) for y in sorted(years)]
