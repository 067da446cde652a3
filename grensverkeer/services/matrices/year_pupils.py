"""Whether a school year has counted pupils: the one check before a matrix, a settlement, an
analysis, documents or an export, so an empty year is a clear message and never a page of zeros.

The core only finds and says what is missing in neutral words; the command line and the window
each add how to fix it in their own words (``cli.no_pupils``, ``ui.empty_year``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, func, or_, select

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import school_years_present
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PupilRecordRow


@dataclass(frozen=True, slots=True)
class YearPupils:
    """What a school year holds: its stored enrolments, and whether any of them counts."""

    school_year: SchoolYear
    records: int  # stored enrolment rows of the year
    counted: bool  # at least one pupil counts: on the peildatum, or naar rato in the year
    peildatum: date
    pro_rata: bool
    elsewhere: tuple[SchoolYear, ...]  # the other school years with stored pupils


class NoPupilsError(GrensverkeerError):
    """No counted pupils, so every figure would be zero. ``found`` is None when no school year
    was given and none has pupils (an empty database). Status 1: there is nothing to show."""

    exit_code = 1

    def __init__(self, found: YearPupils | None) -> None:
        self.found = found
        super().__init__(core_message(found))


def year_pupils(db: Database, year: SchoolYear) -> YearPupils:
    """The year's stored and counted pupils, by two cheap queries rather than a whole count.

    The conditions are those of ``counting.counted``: on the peildatum a record counts when it
    runs that day; naar rato when it touches the school year (a test checks they agree).
    """
    settings = year_settings(db, year)
    record = PupilRecordRow
    if settings.pro_rata:
        runs = and_(
            or_(record.start_date.is_(None), record.start_date <= year.last_day),
            or_(record.end_date.is_(None), record.end_date >= year.first_day),
            or_(
                record.start_date.is_(None),
                record.end_date.is_(None),
                record.start_date <= record.end_date,
            ),
        )
    else:
        day = settings.peildatum
        runs = and_(
            or_(record.start_date.is_(None), record.start_date <= day),
            or_(record.end_date.is_(None), record.end_date >= day),
        )
    of_year = record.school_year == year.start_year
    with db.sessions() as session:
        records = session.scalar(select(func.count()).where(of_year)) or 0
        counted = bool(
            records
            and session.scalar(select(exists().where(of_year, record.pupil_count > 0, runs)))
        )
    elsewhere = tuple(y for y in school_years_present(db) if y != year)
    return YearPupils(year, records, counted, settings.peildatum, settings.pro_rata, elsewhere)


def require_pupils(db: Database, year: SchoolYear | None = None) -> SchoolYear:
    """``year`` (default: the latest school year with stored pupils) if it has counted pupils;
    else ``NoPupilsError``."""
    if year is None:
        years = school_years_present(db)
        if not years:
            raise NoPupilsError(None)
        year = years[-1]
    found = year_pupils(db, year)
    if not found.counted:
        raise NoPupilsError(found)
    return year


def not_running(found: YearPupils) -> str:
    """Why stored enrolments count for nothing: "geen van de 12 … loopt op de peildatum …"."""
    year = found.school_year
    if found.pro_rata:
        verb = "valt"
        when = (
            f"in het schooljaar ({formatting.long_date(year.first_day)} t/m "
            f"{formatting.long_date(year.last_day)})"
        )
    else:
        verb, when = "loopt", f"op de peildatum {formatting.long_date(found.peildatum)}"
    if found.records == 1:
        return f"de enige geïmporteerde inschrijving {verb} niet {when}"
    records = formatting.number(found.records)
    return f"geen van de {records} geïmporteerde inschrijvingen {verb} {when}"


def what_to_check(found: YearPupils) -> str:
    """The dates that decide who counts: naar rato the enrolment dates only."""
    dates = "de begin- en einddatums in de SWV-overzichten"
    return dates if found.pro_rata else f"de peildatum en {dates}"


def core_message(found: YearPupils | None) -> str:
    """The neutral wording, naming no command or menu (the edges add those)."""
    if found is None:
        return (
            "Er zijn nog geen leerlingen geteld: de database bevat nog geen schooljaar met "
            "leerlingen. Importeer eerst een scholenlijst en de SWV-overzichten."
        )
    head = f"Er zijn voor schooljaar {found.school_year} geen leerlingen geteld"
    if found.records:
        return f"{head}: {not_running(found)}. Controleer {what_to_check(found)}."
    return f"{head}: importeer eerst een scholenlijst en de SWV-overzichten.{elsewhere(found)}"


def elsewhere(found: YearPupils) -> str:
    """The other school years with pupils, as a sentence after a space ("" when none has)."""
    if not found.elsewhere:
        return ""
    return " Er zijn wel leerlingen voor " + ", ".join(str(y) for y in found.elsewhere) + "."
