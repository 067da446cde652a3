"""The one Dutch formatter for numbers, money and dates, used by CLI, documents and UI."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from babel.dates import format_date as _format_date
from babel.numbers import format_currency, format_decimal

from grensverkeer.money import cents_to_decimal

LOCALE = "nl_NL"


def number(value: int | float | Decimal) -> str:
    """``1234567`` → ``1.234.567``."""
    return format_decimal(value, locale=LOCALE)


def euros(cents: int) -> str:
    """``1234567`` cents → ``€ 12.345,67``; negative ``€ -12.345,67`` (Dutch custom)."""
    text = format_currency(cents_to_decimal(cents), "EUR", locale=LOCALE)
    return text.replace("\xa0", " ")


def long_date(day: date) -> str:
    """``1 oktober 2024``."""
    return _format_date(day, format="d MMMM y", locale=LOCALE)


def short_date(day: date) -> str:
    """``01-10-2024``: dates in tables, messages and lists (``long_date`` in running text)."""
    return f"{day:%d-%m-%Y}"


def moment(when: datetime) -> str:
    """``05-03-2025 14:02``: when something happened (convert to local time first)."""
    return f"{when:%d-%m-%Y %H:%M}"


def pupils(value: int | Fraction) -> str:
    """Pupils: whole as ``1.234``; naar rato fractions with one decimal, half up (``12,3``).
    The one rule for the CLI, the window, the PDF and the workbook's shown text."""
    if isinstance(value, Fraction) and value.denominator != 1:
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return format_decimal(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), locale=LOCALE)
    return number(int(value))


def percent(share: Fraction | float) -> str:
    """``0.355`` → ``35,5%``: one decimal always (half up), so figures line up in a column."""
    exact = Fraction(share) * 100
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return (
        format_decimal(
            value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), format="0.0", locale=LOCALE
        )
        + "%"
    )


def count(n: int, one: str, many: str) -> str:
    """``1 leerling``, ``1.234 leerlingen``."""
    return f"{number(n)} {one if n == 1 else many}"


def sentence(text: str) -> str:
    """A reason as a sentence: first letter up, a full stop at the end (``‘x’ is …`` stays)."""
    text = text.strip()
    if text and text[0].isalpha():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
