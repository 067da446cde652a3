"""Cells in well-formed sheet XML that show something but hold no value calamine reads: error
values (``t="e"``) and formulas saved without their result. The fast path hands each piece
that hints at one to :func:`faults_in`; the exact path finds them while it parses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from grensverkeer.importing.xlsx_syntax import CellSyntax

_ATTRIBUTE = re.compile(rb'\s([\w:]+)="([^"]*)"')
_REFERENCE = re.compile(rb"([A-Z]+)(\d+)")


@dataclass(frozen=True, slots=True)
class CellFault:
    """A cell that shows something in Excel but holds no value calamine can read.

    ``text`` is what the user sees: the error value (``#REF!``) or, for a formula that was
    saved without its result, the formula (``=SOM(A1:A3)`` as ``=SUM(A1:A3)``).
    """

    row: int  # 0-based, like Sheet.rows
    column: int  # 0-based
    text: str
    formula: bool


def column_number(letters: str) -> int:
    """1-based column number of spreadsheet letters: A → 1, XFD → 16384."""
    number = 0
    for char in letters.upper():
        number = number * 26 + (ord(char) - 64)
    return number


def faults_in(body: bytes, syntax: CellSyntax) -> list[CellFault]:
    """Error cells and formulas without a saved value in a piece of well-formed sheet XML."""
    faults = []
    seen = -1
    for hint in syntax.fault_hint.finditer(body):
        start = body.rfind(syntax.cell_open, 0, hint.start() + 1)
        if start <= seen or start < 0:
            continue
        seen = start
        end = body.find(syntax.cell_close, start)
        open_end = body.find(b">", start)
        if end < 0 or open_end < 0 or body[open_end - 1 : open_end] == b"/":
            continue
        name_end = start + len(syntax.cell_open) - 1
        fault = _cell_fault(body[name_end:open_end], body[open_end + 1 : end], syntax)
        if fault is not None:
            faults.append(fault)
    return faults


def _cell_fault(attributes: bytes, content: bytes, syntax: CellSyntax) -> CellFault | None:
    attrs = dict(_ATTRIBUTE.findall(attributes))
    match = _REFERENCE.fullmatch(attrs.get(b"r", b""))
    if match is None:
        return None
    row, column = int(match[2]) - 1, column_number(match[1].decode()) - 1
    value = syntax.value.search(content)
    if attrs.get(b"t") == b"e":
        text = value[1].decode("utf-8", "replace") if value else "#N/A"
        return CellFault(row, column, text.strip() or "#N/A", formula=False)
    formula = syntax.formula.search(content)
    if formula is not None and (value is None or not value[1].strip()):
        text = (formula[1] or b"").decode("utf-8", "replace")
        return CellFault(row, column, f"={_unescape(text)}" if text else "=…", formula=True)
    return None


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )
