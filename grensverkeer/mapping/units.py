"""Numbers on the map and in the charts: pupils (whole, or one decimal naar rato) or euros.

Amounts are cents everywhere; on a map or an axis a euro amount is shown in whole euros with
Dutch thousands separators (``€ 12.500``), in tooltips and tables with cents
(``formatting.euros``).
"""

from __future__ import annotations

from fractions import Fraction

from grensverkeer import formatting

PUPILS = "pupils"
AMOUNT = "amount"

Number = int | float | Fraction


def whole_euros(cents: Number) -> str:
    """``1250000`` cents → ``€ 12.500``; negative ``€ -12.500`` as ``formatting.euros``."""
    return "€ " + formatting.number(round(float(cents) / 100))


def pupils(value: Number) -> str:
    """``1234`` → ``1.234``; a fraction (naar rato) with one decimal: ``12,5`` (the one rule of
    ``formatting.pupils``; a float is read as the decimal it prints as)."""
    exact = Fraction(repr(value)) if isinstance(value, float) else value
    return formatting.pupils(exact)


def value_text(value: Number, measure: str, *, exact: bool = False) -> str:
    """A value of ``measure`` with its unit: ``12 leerlingen`` or ``€ 12.500`` (``exact``:
    ``€ 12.500,00``)."""
    if measure == AMOUNT:
        return formatting.euros(int(value)) if exact else whole_euros(value)
    word = "leerling" if value == 1 else "leerlingen"
    return f"{pupils(value)} {word}"


def short_text(value: Number, measure: str) -> str:
    """A value without the word: ``12`` or ``€ 12.500``; an axis or legend label."""
    return whole_euros(value) if measure == AMOUNT else pupils(value)


def signed(value: Number, measure: str) -> str:
    """``+12`` / ``-3`` / ``€ +1.200``: a net position with its sign always shown."""
    text = short_text(-value if value < 0 else value, measure)
    sign = "+" if value > 0 else ("-" if value < 0 else "")
    return text.replace("€ ", "€ " + sign) if measure == AMOUNT else sign + text


def unit_name(measure: str) -> str:
    return "euro’s" if measure == AMOUNT else "leerlingen"
