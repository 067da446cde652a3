"""Text from files and users, made safe for a spreadsheet: never a live formula.

A school name or a file name that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which Excel treats the same) would be read by a spreadsheet as a formula: CSV or
formula injection. In a workbook such text is stored as a string cell with a quote prefix; in a
CSV it gets a leading apostrophe, as OWASP advises. Only text is touched: numbers we write
ourselves (a negative amount) stay numbers.
"""

from __future__ import annotations

import re

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = frozenset("=+-@\t\r")

# XML 1.0 cannot hold these control characters; openpyxl refuses them rather than write them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: Excel's limit for the text in one cell.
MAX_CELL_CHARS = 32_767


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula if it were typed in."""
    return bool(text) and text[0] in FORMULA_STARTS


def clean(text: str) -> str:
    """Text a workbook can store: no XML-illegal control characters, within Excel's limit."""
    text = _ILLEGAL.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def csv_text(text: str) -> str:
    """Text for a CSV field: a leading apostrophe when it could be read as a formula."""
    text = _ILLEGAL.sub("", text)
    return "'" + text if looks_like_formula(text) else text
