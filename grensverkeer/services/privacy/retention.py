"""How long pupil-level rows are kept after a school year ends: one setting for the region.

The default, 24 months after 31 July, covers what the rows are needed for: the settlement plan is
finalised in the school year after, objections to it (six weeks) are handled, and the
municipalities' accountants have checked the annual accounts the payments are in. After that a purge
keeps the counts (``services.privacy.purge``) and drops the pupils. ``docs/privacy.md`` explains.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import school_years_present
from grensverkeer.services.privacy.purge import purged_years
from grensverkeer.storage.database import Database
from grensverkeer.storage.read_only import require_write
from grensverkeer.storage.schema import MetaRow

RETENTION_KEY = "bewaartermijn_maanden"
DEFAULT_MONTHS = 24
MAX_MONTHS = 120


@dataclass(frozen=True, slots=True)
class Retention:
    months: int
    is_default: bool


@dataclass(frozen=True, slots=True)
class YearRetention:
    school_year: SchoolYear
    keep_until: date  # pupil rows may be purged after this day
    purged_on: date | None

    def overdue(self, today: date) -> bool:
        return self.purged_on is None and today > self.keep_until


def retention(db: Database) -> Retention:
    with db.sessions() as session:
        row = session.get(MetaRow, RETENTION_KEY)
    if row is None or not row.value.isdigit():
        return Retention(DEFAULT_MONTHS, True)
    return Retention(int(row.value), False)


def set_retention(db: Database, months: int) -> Retention:
    """Change the region's retention; from 1 month to 10 years."""
    require_write(db.engine)
    if not 1 <= months <= MAX_MONTHS:
        raise GrensverkeerError(
            f"Een bewaartermijn van {months} maanden kan niet: kies 1 tot en met {MAX_MONTHS} "
            f"maanden (de standaard is {DEFAULT_MONTHS})."
        )
    with db.sessions.begin() as session:
        row = session.get(MetaRow, RETENTION_KEY)
        if row is None:
            session.add(MetaRow(key=RETENTION_KEY, value=str(months)))
        else:
            row.value = str(months)
    return retention(db)


def keep_until(year: SchoolYear, months: int) -> date:
    """The last day of the school year plus ``months`` (31 July 2025 + 24 → 31 July 2027)."""
    last = year.last_day
    month = last.month - 1 + months
    end_year, end_month = last.year + month // 12, month % 12 + 1
    day = min(last.day, _days_in(end_year, end_month))
    return date(end_year, end_month, day)


def years_retention(db: Database) -> list[YearRetention]:
    """Every school year with pupils or a purge, with its keep-until date."""
    months = retention(db).months
    purged = purged_years(db)
    years = sorted({*school_years_present(db), *purged}, key=lambda y: y.start_year)
    return [
        YearRetention(y, keep_until(y, months), purged[y].purged_on if y in purged else None)
        for y in years
    ]


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days
