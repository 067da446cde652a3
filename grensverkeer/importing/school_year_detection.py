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
from grensverkeer.importing.pupil_columns import PupilColumns
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


def year_from_dates(pupils: PupilColumns) -> SchoolYear | None:
    """The school year on whose default peildatum most records are active (latest on a tie)."""
    candidates = {SchoolYear.containing(day) for day in set(pupils.dates())}
    if not candidates:
        return None
    active = {year: pupils.active_count(year.default_peildatum) for year in candidates}
    return max(candidates, key=lambda year: (active[year], year))
