"""Pupil records kept column by column.

A 100,000-row extract would otherwise become 100,000 objects that are built, filtered and
taken apart again for the database. Columns are filtered with one list per field and go
straight into the bulk insert; single records are made only for the few rows that need a
closer look (duplicates, conflicts).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from itertools import compress
from typing import Any

from grensverkeer.counting import touching
from grensverkeer.domain import EduType, PupilRecord
from grensverkeer.schoolyear import SchoolYear


@dataclass(slots=True)
class PupilColumns:
    """Parallel lists, one entry per pupil record; the field order is PupilRecord's."""

    pseudonym: list[str] = field(default_factory=list)
    residence: list[str] = field(default_factory=list)
    brinvest: list[str] = field(default_factory=list)
    school_municipality: list[str] = field(default_factory=list)
    edu_type: list[EduType] = field(default_factory=list)
    arrangement: list[str] = field(default_factory=list)
    start: list[date | None] = field(default_factory=list)
    end: list[date | None] = field(default_factory=list)
    cost_cents: list[int | None] = field(default_factory=list)
    sheet: list[str] = field(default_factory=list)
    row: list[int] = field(default_factory=list)
    pupils: list[int] = field(default_factory=list)  # 1 per pupil; a count row's count
    uncertain: list[int] = field(default_factory=list)  # how many more a masked count may be

    def __post_init__(self) -> None:
        """A pupil extract leaves the counts out: every record is one pupil, exactly."""
        if not self.pupils and self.pseudonym:
            self.pupils = [1] * len(self.pseudonym)
            self.uncertain = [0] * len(self.pseudonym)

    def __len__(self) -> int:
        return len(self.pseudonym)

    def _lists(self) -> Iterator[list[Any]]:
        """The lists in field order; each holds its own field's type (hence Any)."""
        for item in fields(self):
            yield getattr(self, item.name)

    def record(self, index: int) -> PupilRecord:
        return PupilRecord(*(values[index] for values in self._lists()))

    def records(self) -> Iterator[PupilRecord]:
        return (PupilRecord(*values) for values in zip(*self._lists(), strict=True))

    def take(self, indexes: Sequence[int]) -> PupilColumns:
        """Only the given rows, in the given order."""
        if len(indexes) == len(self) and list(indexes) == list(range(len(self))):  # C speed
            return self
        return PupilColumns(*([values[i] for i in indexes] for values in self._lists()))

    def extend(self, other: PupilColumns) -> None:
        for mine, theirs in zip(self._lists(), other._lists(), strict=True):
            mine.extend(theirs)

    def within(self, year: SchoolYear) -> list[int]:
        """Indexes of the records whose period touches the school year."""
        flags = touching(self.start, self.end, year.first_day, year.last_day)
        return list(compress(range(len(flags)), flags))

    def dates(self) -> Iterable[date]:
        return (d for d in (*self.start, *self.end) if d is not None)
