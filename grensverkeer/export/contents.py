"""What an export holds, before it is a file: sheets of tables of plain, exact values.

Money stays integer cents and pupils whole numbers (or exact fractions naar rato) until a writer
turns them into cells, so every total is computed exactly once and the workbook and the CSV files
show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from fractions import Fraction

from grensverkeer.schoolyear import SchoolYear

Value = str | int | Fraction | date | datetime | None


class Kind(StrEnum):
    """How a column's values are shown."""

    TEXT = "text"
    COUNT = "count"  # whole pupils, files, rows
    YEARS = "years"  # pupils naar rato: fractions of a school year, two decimals
    MONEY = "money"  # integer cents, shown as euros
    DATE = "date"
    DATETIME = "datetime"


NUMERIC = frozenset({Kind.COUNT, Kind.YEARS, Kind.MONEY})


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    outside: bool = False  # a municipality outside the region's participants: shown grey


@dataclass(frozen=True, slots=True)
class Row:
    values: tuple[Value, ...]
    outside: bool = False
    highlight: int | None = None  # index of a cell shown lightly marked (a matrix diagonal)


@dataclass(frozen=True, slots=True)
class Table:
    """A header, rows and an optional total row (always computed, never a formula)."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    total: Row | None = None
    title: str = ""  # shown above a table that is a section under the sheet's main table
    slug: str = ""  # the CSV file name of a section: ``<sheet slug>-<slug>.csv``


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    slug: str
    title: str
    notes: tuple[str, ...]  # at most two lines under the title
    table: Table
    freeze_columns: int = 1
    sections: tuple[Table, ...] = ()

    def __post_init__(self) -> None:
        if len(self.notes) > 2:
            raise ValueError("a sheet has at most two lines of notes")


@dataclass(frozen=True, slots=True)
class Export:
    school_year: SchoolYear
    peildatum: date
    title: str
    subject: str
    sheets: tuple[Sheet, ...]

    @property
    def created(self) -> datetime:
        """A fixed moment derived from the data, so the same data gives the same file."""
        return datetime.combine(self.peildatum, datetime.min.time())

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)
