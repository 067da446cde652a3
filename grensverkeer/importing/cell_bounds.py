"""Regular expressions that recognise cell references inside a known extent.

The xlsx scan must know the last row and column any cell claims before calamine builds its
grid. Collecting every reference of a 100,000-row sheet costs more than calamine's whole read;
searching once for a cell *outside* the extent seen so far costs a fraction, because in a
well-formed sheet that search finds nothing. These builders make the "inside" part: column
letters up to a column number, and decimal numbers up to a row number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from grensverkeer.importing.issues import column_letter

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letters_of(number: int) -> str:
    """Spreadsheet letters of a 1-based column number: 1 → A, 27 → AA, 16384 → XFD."""
    return column_letter(number - 1)


def _up_to_letter(letter: str) -> str:
    return "A" if letter == "A" else f"[A-{letter}]"


def _below_letter(letter: str) -> str:
    """A class of the letters before ``letter`` ('' when there are none)."""
    if letter == "A":
        return ""
    before = _LETTERS[_LETTERS.index(letter) - 1]
    return "A" if before == "A" else f"[A-{before}]"


def columns_up_to(number: int) -> str:
    """A regex for column letters whose column number is at most ``number`` (≥ 1).

    Shorter letter strings are always smaller; a string as long as the limit's is smaller or
    equal letter by letter, the first smaller letter freeing the rest.
    """
    limit = letters_of(number)
    parts = [f"[A-Z]{{1,{len(limit) - 1}}}"] if len(limit) > 1 else []
    for i, letter in enumerate(limit[:-1]):
        below = _below_letter(letter)
        if below:
            parts.append(f"{limit[:i]}{below}[A-Z]{{{len(limit) - i - 1}}}")
    parts.append(f"{limit[:-1]}{_up_to_letter(limit[-1])}")
    return "(?:" + "|".join(parts) + ")"


def numbers_up_to(number: int) -> str:
    """A regex for decimal numbers (without leading zeros) of at most ``number`` (≥ 0)."""
    limit = str(number)
    parts = [f"\\d{{1,{len(limit) - 1}}}"] if len(limit) > 1 else []
    for i, digit in enumerate(limit[:-1]):
        if digit != "0":
            below = "0" if digit == "1" else f"[0-{int(digit) - 1}]"
            parts.append(f"{limit[:i]}{below}\\d{{{len(limit) - i - 1}}}")
    last = limit[-1]
    parts.append(f"{limit[:-1]}{'0' if last == '0' else f'[0-{last}]'}")
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=64)
def outside(columns: int, rows: int, prefix: bytes = b"") -> re.Pattern[bytes]:
    """The start of a cell element (``<c``, or ``<x:c`` with ``prefix`` ``b"x:"``) that is not
    written ``<c r="A1"`` with a reference inside ``columns`` × ``rows``: a cell beyond the
    extent, one without a reference, or one whose reference is not its first attribute. Each
    match is looked at on its own."""
    inside = (columns_up_to(max(columns, 1)) + numbers_up_to(max(rows, 0))).encode()
    return re.compile(b"<" + re.escape(prefix) + b'c(?! r="' + inside + b'")[\\s>/]')
