"""School years (1 August – 31 July) and their counting date (peildatum)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from grensverkeer.errors import GrensverkeerError

_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/–]\s*(\d{2}|\d{4})\s*$")


@dataclass(frozen=True, slots=True, order=True)
class SchoolYear:
    """A school year, named by the calendar year in which it starts."""

    start_year: int

    @classmethod
    def parse(cls, text: str) -> SchoolYear:
        """Read ``2024-2025`` (also ``2024/2025``, ``2024-25``); anything else is a user error."""
        match = _PATTERN.match(text or "")
        if match:
            first = int(match.group(1))
            second = match.group(2)
            end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
            if end == first + 1:
                return cls(first)
        raise GrensverkeerError(
            f"Ongeldig schooljaar ‘{text}’: schrijf het als 2024-2025 (twee opeenvolgende jaren)."
        )

    @classmethod
    def containing(cls, day: date) -> SchoolYear:
        """The school year a date falls in: August starts a new one."""
        return cls(day.year if day.month >= 8 else day.year - 1)

    @property
    def first_day(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 7, 31)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def default_peildatum(self) -> date:
        """DUO's counting date: 1 October."""
        return date(self.start_year, 10, 1)

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether a period (open ends allowed) touches this school year."""
        return (start is None or start <= self.last_day) and (end is None or end >= self.first_day)

    def __str__(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"
