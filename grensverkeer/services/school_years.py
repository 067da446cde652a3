"""Per school year settings, such as the peildatum that decides who counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.storage.models import SchoolYearRow


def peildatum_of(session: Session, year: SchoolYear) -> date:
    row = session.get(SchoolYearRow, year.start_year)
    return row.peildatum if row is not None else year.default_peildatum


def ensure_school_year(session: Session, year: SchoolYear, *, commit: bool) -> date:
    """The school year's peildatum, creating its settings with the default when new."""
    row = session.get(SchoolYearRow, year.start_year)
    if row is None:
        row = SchoolYearRow(start_year=year.start_year, peildatum=year.default_peildatum)
        session.add(row)
        if commit:
            session.commit()
    return row.peildatum
