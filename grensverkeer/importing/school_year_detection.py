"""Which school year a pupil extract is about, when the user did not say.

A title line ("Peildatum: 1 oktober 2024", "Schooljaar 2024-2025") wins; otherwise the year
whose peildatum has the most active records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

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


def year_from_dates(periods: Sequence[Period]) -> SchoolYear | None:
    """The school year on whose default peildatum most records are active (latest on a tie)."""
    days = {d for period in periods for d in period if d is not None}
    candidates = {SchoolYear.containing(day) for day in days}
    if not candidates:
        return None

    def active(year: SchoolYear) -> int:
        peil = year.default_peildatum
        return sum(
            1
            for start, end in periods
            if (start is None or start <= peil) and (end is None or end >= peil)
        )

    counts = {year: active(year) for year in candidates}
    return max(candidates, key=lambda year: (counts[year], year))
