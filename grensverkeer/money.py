"""Money as integer cents: reading amounts as people write them, and nothing else.

Spreadsheets hand us floats and Dutch or English text. Each is rounded once, with ``Decimal``,
at the edge; an amount that can be read two ways (``12.500``: twelve and a half, or twelve
thousand five hundred?) is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

_CENT = Decimal("0.01")
_STRIP = re.compile(r"[\s\u00a0\u202f€]|EUR|eur")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


#: No amount per pupil (a cost, a tariff) comes near this; above it a value is a mistake
#: (a BSN or a date in the amount column, a misplaced decimal separator).
MAX_PER_PUPIL_CENTS = 10_000_000 * 100
#: Beyond this no amount is read at all: the database's 64-bit cents end near 9.2 · 10^18.
MAX_CENTS = 10**15


class AmountError(ValueError):
    """An amount that cannot be read unambiguously; ``str()`` is a Dutch reason."""


def parse_pupil_amount(value: object) -> int:
    """An amount per pupil (a cost in an extract, a tariff): never negative, never absurd."""
    cents = parse_euros(value)
    if cents < 0:
        raise AmountError(f"‘{_shown(value)}’: een bedrag per leerling kan niet negatief zijn")
    if cents > MAX_PER_PUPIL_CENTS:
        raise AmountError(
            f"‘{_shown(value)}’ is meer dan € 10.000.000 per leerling; dat kan niet kloppen "
            "(staat er een ander getal in de kolom, of een verschoven komma?)"
        )
    return cents


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def to_cents(value: Decimal) -> int:
    """Round a euro amount to whole cents, half away from zero."""
    return int((value / _CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_euros(value: object) -> int:
    """Euros written as a number or text (``12500``, ``12500.00``, ``12.500,00``, ``€ 1.234,56``)
    to cents."""
    if isinstance(value, bool):
        raise AmountError("een ja/nee-waarde is geen bedrag")
    if isinstance(value, int):
        return _bounded(Decimal(value), value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AmountError(f"‘{value}’ is geen getal")
        return _bounded(Decimal(repr(value)), value)
    text = _STRIP.sub("", str(value))
    sign = ""
    if text[:1] in "-+" and text:
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    if not text or not re.fullmatch(r"[\d.,]+", text) or not text[0].isdigit():
        raise AmountError(f"‘{value}’ is geen bedrag")
    return _bounded(Decimal(sign + _plain_number(text, str(value))), value)


def _bounded(euros: Decimal, value: object) -> int:
    """Cents of an amount that fits the database; refused before rounding when it does not
    (``1e308`` cannot even be rounded to cents in ``Decimal``'s precision)."""
    if abs(euros) * 100 > MAX_CENTS:
        raise AmountError(f"‘{_shown(value)}’ is veel te groot voor een bedrag")
    return to_cents(euros)


def _plain_number(text: str, original: str) -> str:
    """Remove thousands separators and make the decimal separator a dot."""
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        whole, _, fraction = text.rpartition(decimal_sep)
        if not _GROUPED.match(whole) or len(fraction) > 2 or not fraction.isdigit():
            raise AmountError(f"‘{original}’ is geen geldig bedrag")
        return whole.replace(".", "").replace(",", "") + "." + fraction
    separator = "." if has_dot else "," if has_comma else ""
    if not separator:
        return text
    parts = text.split(separator)
    if len(parts) > 2:
        if not _GROUPED.match(text):
            raise AmountError(f"‘{original}’ is geen geldig bedrag")
        return text.replace(separator, "")
    whole, fraction = parts
    if len(fraction) == 3 and whole.isdigit() and len(whole) <= 3 and whole != "0":
        if fraction.endswith("0"):  # 1.250: 1250 euros, or 1 euro 25?
            raise AmountError(
                f"‘{original}’ kan op twee manieren gelezen worden; "
                f"schrijf {whole}{fraction},00 of {whole},{fraction[:2]}"
            )
        return whole + fraction  # 12.345 cannot be cents: thousands
    extra_digits = fraction[2:]
    if not whole or not fraction.isdigit() or (extra_digits and set(extra_digits) != {"0"}):
        raise AmountError(f"‘{original}’ is geen geldig bedrag")
    return whole + "." + fraction


def round_cents(value: Fraction) -> int:
    """An exact (fractional) number of cents rounded once, half away from zero."""
    whole, rest = divmod(abs(value.numerator), value.denominator)
    if rest * 2 >= value.denominator:
        whole += 1
    return whole if value >= 0 else -whole


def split_largest_remainder(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """Split ``total`` cents in proportion to ``weights`` so the parts add up exactly.

    Every part gets its floor; the cents left go to the largest remainders (ties by key),
    which is the fairest rounding that still sums to the whole.
    """
    weight_sum = sum(weights.values())
    if weight_sum <= 0:
        raise ValueError("weights must add up to more than zero")
    parts = {key: total * w // weight_sum for key, w in weights.items()}
    left = total - sum(parts.values())
    order = sorted(weights, key=lambda key: (-(total * weights[key] % weight_sum), key))
    for key in order[:left]:
        parts[key] += 1
    return parts


def cents_to_decimal(cents: int) -> Decimal:
    return Decimal(cents) * _CENT


__all__ = [
    "AmountError",
    "cents_to_decimal",
    "parse_euros",
    "round_cents",
    "split_largest_remainder",
    "to_cents",
]
