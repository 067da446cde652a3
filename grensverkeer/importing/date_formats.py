"""Dates as exports write them, with the ambiguous choices made once per column.

A column of dates may hold date cells, Excel serial numbers, Dutch text (``28-08-2023``), ISO
(``2023-08-28``), written months (``1 oktober 2024``), eight digits (``28082023`` or
``20230828``) or US order (``08/28/2023``). Most shapes say what they are; two choices do not:
day-month or month-day order, and ``ddmmjjjj`` or ``jjjjmmdd``. Those are decided for the
whole column from all its values (:func:`decide`), never cell by cell; every cell is then read
with that decision (:func:`parser`). A column where the order cannot be told from the values,
and where the two readings would count a pupil differently, is reported as ambiguous: the
caller asks the user instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from grensverkeer.importing.values import MONTHS, clean_text

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (3_000, 80_000)  # 1908 to 2119: plausible dates, not small numbers
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[ t].*)?$")
# matched on lowercased text: an ISO timestamp's T is a t here (2024-08-26t00:00:00)
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$")
_COMPACT = re.compile(r"^(\d{8})(?:\.0)?$")
_WRITTEN = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$")
_WRITTEN_US = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
#: A two-digit year is this century up to ten years from now, else the last: on 4-12-2026
#: "36" is 2036 and "37" 1937; never 2099 for a "99" that meant 1999.
_TWO_DIGIT_LAST = (date.today().year + 10) % 100
TWO_DIGIT_YEAR = "jaartal van 2 cijfers"


class Order(StrEnum):
    DMY = "dag-maand-jaar"
    MDY = "maand-dag-jaar"


class Compact(StrEnum):
    DDMMYYYY = "ddmmjjjj"
    YYYYMMDD = "jjjjmmdd"


@dataclass(frozen=True, slots=True)
class DateReading:
    """How a column's dates are read, and how well its values fit."""

    order: Order = Order.DMY
    compact: Compact = Compact.YYYYMMDD
    share: float = 0.0  # of the non-empty values, the part that reads as a date
    order_decided: bool = True  # False: no value told day-month from month-day
    order_matters: bool = False  # ...and the two readings differ around a peildatum
    shapes: tuple[str, ...] = ()  # what was seen: "datumcel", "tekst d-m-j", ...


def decide(values: Iterable[object], prefer: Order | None = None) -> DateReading:
    """Decide the column's order and eight-digit form from its distinct non-empty values."""
    distinct = {v for v in values if v is not None and v != "" and not _blank(v)}
    if not distinct:
        return DateReading(share=0.0)
    day_first = month_first = 0
    ddmm = yyyymm = 0
    shapes: set[str] = set()
    numeric: list[tuple[int, int, int]] = []
    for value in distinct:
        shape = _shape(value)
        if shape is None:
            continue
        kind, detail = shape
        shapes.add(kind)
        if kind == "tekst d-m-j":
            assert isinstance(detail, tuple)
            first, second, year = detail
            if year < 100:
                shapes.add(TWO_DIGIT_YEAR)
            numeric.append((first, second, year))
            day_first += first > 12 >= second
            month_first += second > 12 >= first
        elif kind == "8 cijfers":
            assert isinstance(detail, str)
            text = detail
            ddmm += _valid(int(text[4:]), int(text[2:4]), int(text[:2]))
            yyyymm += _valid(int(text[:4]), int(text[4:6]), int(text[6:]))
    if day_first or month_first:
        order, decided = (Order.MDY if month_first > day_first else Order.DMY), True
    else:
        order = prefer or Order.DMY
        decided = not any(first != second for first, second, _y in numeric)
    compact = Compact.DDMMYYYY if ddmm > yyyymm else Compact.YYYYMMDD
    reading = DateReading(order, compact, 0.0, decided, False, tuple(sorted(shapes)))
    parse = parser(reading)
    good = sum(1 for v in distinct if _looks_like_date(parse, v))
    matters = not decided and _order_matters(numeric)
    return DateReading(order, compact, good / len(distinct), decided, matters, reading.shapes)


def parser(reading: DateReading) -> Callable[[object], date]:
    """Read one cell with the column's decision; raises ValueError quoting the value."""

    def parse(value: object) -> date:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, bool):
            raise ValueError(f"‘{value}’ is geen datum")
        if isinstance(value, int | float):
            return _number(value, reading.compact)
        text = clean_text(value).lower()
        try:
            return _text(text, reading)
        except _Impossible:
            raise ValueError(f"datum ‘{clean_text(value)}’ bestaat niet") from None
        except ValueError:  # quoted as written, not lowercased
            raise ValueError(
                f"‘{clean_text(value)}’ is geen datum; schrijf bijvoorbeeld 28-08-2024"
            ) from None

    return parse


class _Impossible(ValueError):
    """The shape of a date, but no such day (31-02-2024)."""


def _number(value: float, compact: Compact) -> date:
    if not float(value).is_integer():
        raise ValueError(f"‘{value}’ is geen datum")
    number = int(value)
    if 1_000_000 <= number <= 99_999_999:
        try:
            return _text(f"{number:08d}", DateReading(compact=compact))
        except _Impossible:
            raise ValueError(f"datum ‘{number}’ bestaat niet") from None
    low, high = _SERIAL_RANGE
    if low <= number <= high:
        return _EXCEL_EPOCH + timedelta(days=number)
    raise ValueError(f"‘{number}’ is geen datum")


def _text(text: str, reading: DateReading) -> date:
    if match := _ISO.match(text):
        return _day(*(int(g) for g in match.groups()))
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        year = _full_year(year, match.group(3))
        if reading.order is Order.MDY:
            return _day(year, first, second)
        return _day(year, second, first)
    if match := _COMPACT.match(text):
        digits = match.group(1)
        if reading.compact is Compact.DDMMYYYY:
            return _day(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        return _day(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    if (match := _WRITTEN.match(text)) and match.group(2).rstrip(".") in MONTHS:
        return _day(int(match.group(3)), MONTHS[match.group(2).rstrip(".")], int(match.group(1)))
    if (match := _WRITTEN_US.match(text)) and match.group(1) in MONTHS:
        return _day(int(match.group(3)), MONTHS[match.group(1)], int(match.group(2)))
    raise ValueError(f"‘{text}’ is geen datum; schrijf bijvoorbeeld 28-08-2024")


def _day(year: int, month: int, day: int) -> date:
    if not 1900 <= year <= 2100:
        raise _Impossible
    try:
        return date(year, month, day)
    except ValueError:
        raise _Impossible from None


def _full_year(year: int, written: str) -> int:
    if len(written) == 4:
        return year
    return 2000 + year if year <= _TWO_DIGIT_LAST else 1900 + year


def two_digit_window() -> str:
    """How two-digit years are read, in words for a note."""
    return f"‘00’ tot ‘{_TWO_DIGIT_LAST:02d}’ als 2000–20{_TWO_DIGIT_LAST:02d}, de rest als 19.."


def _shape(value: object) -> tuple[str, tuple[int, int, int] | str | None] | None:
    """The shape's name, with the three numbers of a d-m-j text or the eight digits."""
    if isinstance(value, datetime | date):
        return ("datumcel", None)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer() and 1_000_000 <= value <= 99_999_999:
            return ("8 cijfers", f"{int(value):08d}")  # 7 digits: ddmmjjjj lost its 0
        low, high = _SERIAL_RANGE
        return ("serieel getal", None) if low <= value <= high else None
    text = clean_text(value).lower()
    if _ISO.match(text):
        return ("tekst j-m-d", None)
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        return ("tekst d-m-j", (first, second, year))
    if match := _COMPACT.match(text):
        return ("8 cijfers", match.group(1))
    if _WRITTEN.match(text) or _WRITTEN_US.match(text):
        return ("tekst met maand", None)
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        _day(year, month, day)
    except _Impossible:
        return False
    return True


def _looks_like_date(parse: Callable[[object], date], value: object) -> bool:
    """Reads as a date, or has a date's shape but no such day (``31-02-2024``: a typo in a
    date column, to be reported, not a sign that the column holds something else)."""
    try:
        parse(value)
    except ValueError as reason:
        return "bestaat niet" in str(reason) and not isinstance(value, int | float)
    return True


def _order_matters(numeric: list[tuple[int, int, int]]) -> bool:
    """Whether reading d-m or m-d puts some date on the other side of a 1 October."""
    for first, second, year in numeric:
        if first == second:
            continue
        full = _full_year(year, str(year) if year >= 100 else "00")
        if not (_valid(full, second, first) and _valid(full, first, second)):
            continue
        one, other = date(full, second, first), date(full, first, second)
        peil = date(full, 10, 1)
        if (one < peil) != (other < peil) or (one > peil) != (other > peil):
            return True
    return False


def _blank(value: object) -> bool:
    return isinstance(value, str) and not value.strip()
