"""Which school year a pupil extract is about, when the user did not say.

A title line ("Peildatum: 1 oktober 2024", "Schooljaar 2024-2025") wins; otherwise the year
whose peildatum has the most active records, among the years where enough records have a date;
a file that holds the pupils of two school years is not decided but asked about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from math import ceil

from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.values import parse_date
from grensverkeer.schoolyear import SchoolYear

_YEAR_LINE = re.compile(r"schooljaar\s*:?\s*(\d{4}\s*[-/–]\s*\d{2,4})", re.IGNORECASE)
_PEIL_LINE = re.compile(r"peildatum\s*:?\s*(.+?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class YearHint:
    """What a file's title rows say: a school year and/or a peildatum."""

    school_year: SchoolYear | None
    peildatum: date | None
    text: str


def hints_in(rows: Sequence[Sequence[object]]) -> YearHint | None:
    """Look at the title rows above the header for a school year or peildatum line."""
    for cells in rows:
        for cell in cells:
            if not isinstance(cell, str) or len(cell) > 200:
                continue
            if match := _YEAR_LINE.search(cell):
                try:
                    return YearHint(SchoolYear.parse(match.group(1)), None, cell.strip())
                except GrensverkeerError:
                    continue
            if match := _PEIL_LINE.search(cell):
                try:
                    day = parse_date(match.group(1))
                except ValueError:
                    continue
                return YearHint(SchoolYear.containing(day), day, cell.strip())
    return None


_NAME_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*[-_/–]\s*(20\d{2}|\d{2})(?!\d)")


def hints_in_name(name: str) -> YearHint | None:
    """A school year in the file name (``leerlingen_2024-2025.xlsx``), as a last resort."""
    for match in _NAME_YEAR.finditer(name):
        try:
            year = SchoolYear.parse(f"{match.group(1)}-{match.group(2)}")
        except GrensverkeerError:
            continue
        return YearHint(year, None, f"bestandsnaam {name}")
    return None


Period = tuple[date | None, date | None]
#: A school year counts for a file only when this many of its records have a date in it
#: (at least MIN_RECORDS): one record dated next year, or a typo, never moves a file.
YEAR_SHARE = 0.05
MIN_RECORDS = 3


@dataclass(frozen=True, slots=True)
class YearFromDates:
    """The school year the dates point to, or the years the file spans (then: ask)."""

    year: SchoolYear | None
    spans: tuple[SchoolYear, ...] = ()  # two or more: the file holds pupils of each
    active: dict[SchoolYear, int] | None = None  # records active on each year's peildatum


def year_from_dates(periods: Sequence[Period]) -> YearFromDates:
    """The school year on whose peildatum most records are active, among the years in which
    enough records have a date. When another such year has enough records of its own (active
    on its peildatum, not on the chosen one, and without any date in the chosen year), the
    file spans both and the user must say which is meant."""
    dated = [p for p in periods if p[0] is not None or p[1] is not None]
    if not dated:
        return YearFromDates(None)
    need = min(max(MIN_RECORDS, ceil(YEAR_SHARE * len(dated))), len(dated))
    per_year = Counter(
        year for period in dated for year in {SchoolYear.containing(d) for d in period if d}
    )
    candidates = [year for year, n in per_year.items() if n >= need]
    if not candidates:
        return YearFromDates(None, tuple(sorted(per_year)))
    active = {year: _active(dated, year.default_peildatum) for year in candidates}
    best = max(candidates, key=lambda year: (active[year], per_year[year], year))
    spans = [year for year in candidates if year != best and _own(dated, year, best) >= need]
    if spans:
        return YearFromDates(None, tuple(sorted([best, *spans])), active)
    return YearFromDates(best, (), active)


def _active(periods: Sequence[Period], peil: date) -> int:
    return sum(
        1
        for start, end in periods
        if (start is None or start <= peil) and (end is None or end >= peil)
    )


def _own(periods: Sequence[Period], year: SchoolYear, chosen: SchoolYear) -> int:
    """Records that belong to ``year`` and not to ``chosen``."""
    peil, other = year.default_peildatum, chosen.default_peildatum
    first, last = chosen.first_day, chosen.last_day
    return sum(
        1
        for start, end in periods
        if (start is None or start <= peil)
        and (end is None or end >= peil)
        and not ((start is None or start <= other) and (end is None or end >= other))
        and not any(d is not None and first <= d <= last for d in (start, end))
    )
