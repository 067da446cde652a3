"""Syntax of CBS municipality codes and postcodes: extracts write them in many shapes."""

import re
from decimal import Decimal
from numbers import Integral, Real
from typing import SupportsInt, cast

_CODE = re.compile(r"(?:gm)?\s*(\d{1,4})(?:\.0*)?", re.IGNORECASE)
_POSTCODE = re.compile(r"([1-9]\d{3})(?:\s*[a-z]{2})?", re.IGNORECASE)


def _whole_number(value: object) -> int | None:
    """Return a number cell as an int when it is whole: Excel hands codes over as 518.0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Decimal | Real):
        try:
            # Decimal and the Reals that occur (float, Fraction) have __int__; numbers.Real
            # does not declare it
            as_int = int(cast("SupportsInt", value))
        except (ValueError, OverflowError):  # NaN and infinity
            return None
        return as_int if as_int == value else None
    return None


def normalize_code(text: object) -> str | None:
    """Return ``GM`` + 4 digits for any accepted form of a CBS code, else None.

    Accepts ``518``, ``0518``, ``GM518``, ``gm0518``, the numbers 518 and 518.0 (a code read
    from a numeric cell). Syntax only: whether the code exists is the reference's business.
    Code 0 is rejected: an empty numeric cell often reads as 0 and no municipality has it.
    """
    number = _whole_number(text)
    if number is None:
        if not isinstance(text, str):
            return None
        match = _CODE.fullmatch(text.strip())
        if match is None:
            return None
        number = int(match.group(1))
    if not 0 < number <= 9999:
        return None
    return f"GM{number:04d}"


def normalize_pc4(text: object) -> str | None:
    """Return the 4-digit PC4 of a postcode (``2671 AB``, ``2671AB``, ``2671``, 2671), else None.

    Dutch postcodes never start with 0, so ``0123`` is not a postcode.
    """
    number = _whole_number(text)
    if number is not None:
        return str(number) if 1000 <= number <= 9999 else None
    if not isinstance(text, str):
        return None
    match = _POSTCODE.fullmatch(text.strip())
    return match.group(1) if match else None
