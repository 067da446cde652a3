"""What a school year must have before its plan can be finalised.

A plan is fixed for good, so an empty year (nothing imported, or no pupil on the peildatum:
``year_pupils`` decides) or pupils without a tariff would fix a plan that says too little or
prices pupils at nothing. Finalising refuses both, naming what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.counting import CountedRecord, Tariffs, counted, price_of
from grensverkeer.errors import SET_TARIFF, GrensverkeerError, Hint
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import CountedYear
from grensverkeer.services.matrices.year_pupils import NoPupilsError, year_pupils
from grensverkeer.services.years.year_settings import YearSettings
from grensverkeer.storage.database import Database
from grensverkeer.storage.read_only import require_write


@dataclass(frozen=True, slots=True)
class Unpriced:
    """Counted pupils of one onderwijstype and arrangement ("" none) that have no tariff."""

    edu_type: str
    arrangement: str
    pupils: int


def check_finalizable(
    db: Database, year: SchoolYear, year_read: CountedYear | None = None
) -> CountedYear:
    """Refuse, in Dutch, a reader (before any work), a school year without counted pupils or
    with pupils lacking a tariff. Returns the year as read (``year_read`` when given), so
    finalising settles from the same read it checked."""
    require_write(db.engine)
    found = year_pupils(db, year)
    if not found.counted:  # the edges say what to import, as for every empty year
        raise NoPupilsError(found)
    year_read = year_read or CountedYear.read(db, year)
    weighted = counted(year_read.records, year_read.settings.rules)
    missing = unpriced(weighted, year_read.settings, year_read.tariffs)
    if missing:
        first = missing[0]
        fields = {"school_year": year, "edu_type": first.edu_type, "arrangement": first.arrangement}
        raise GrensverkeerError(_without_tariff(year, missing), Hint(SET_TARIFF, fields))
    return year_read


def unpriced(
    weighted: list[tuple[CountedRecord, Fraction]], settings: YearSettings, tariffs: Tariffs
) -> list[Unpriced]:
    """Counted pupils without a tariff (neither their arrangement's nor their type's own), and
    not priced by their actual cost either: exactly those the amount matrix cannot price."""
    missing: dict[tuple[str, str], int] = {}
    for record, _weight in weighted:
        if price_of(record, settings.rules, tariffs) is None:
            key = (str(record.edu_type), record.arrangement)
            missing[key] = missing.get(key, 0) + record.pupils
    return [Unpriced(t, a, n) for (t, a), n in sorted(missing.items())]


def _without_tariff(year: SchoolYear, missing: list[Unpriced]) -> str:
    total = sum(m.pupils for m in missing)
    listed = ", ".join(
        f"{m.edu_type}"
        + (f" met arrangement ‘{m.arrangement}’" if m.arrangement else "")
        + f" ({formatting.number(m.pupils)} {'leerling' if m.pupils == 1 else 'leerlingen'})"
        for m in missing
    )
    return (
        f"Schooljaar {year} kan niet worden vastgesteld: {_pupils(total)} zonder tarief: "
        f"{listed}. Stel eerst een tarief in (een tarief voor het onderwijstype geldt ook voor "
        "zijn arrangementen)."
    )


def _pupils(n: int) -> str:
    return "1 getelde leerling" if n == 1 else f"{formatting.number(n)} getelde leerlingen"
