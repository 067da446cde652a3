"""How a sheet writes its cells: ``<c r="A1">`` as Excel does, or ``<x:c r="A1">`` with the
namespace prefix that the Open XML SDK and ClosedXML put on every element (.NET exports).

calamine reads cells by their local name, whatever the prefix, so the scan must too: the
patterns of the fast path are made per prefix, and a sheet that mixes prefixes (or hides a
cell under another one) is left to the exact path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>/]")
_ELEMENT_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*):\Z")
#: the start of an unprefixed cell element
CELL_START = re.compile(rb"<c[\s>/]")


@dataclass(frozen=True, slots=True)
class CellSyntax:
    """The patterns of one prefix (``b""`` or ``b"x:"``)."""

    prefix: bytes
    cell_ref: re.Pattern[bytes]  # <c r="A1" with the letters and the digits
    ref_start: bytes  # <c r="
    cell_open: bytes  # <c followed by a space
    cell_bare: bytes  # <c>
    cell_close: bytes  # </c>
    formula_start: re.Pattern[bytes]
    fault_hint: re.Pattern[bytes]
    value: re.Pattern[bytes]
    formula: re.Pattern[bytes]
    other_prefix: re.Pattern[bytes]  # ":c" not after this prefix (a text may hold it too)

    def foreign_cell(self, body: bytes, end: int) -> bool:
        """Whether ``body`` has a cell element written with another prefix than this one
        before ``end``; calamine reads it all the same, the fast path would not see it. A
        text such as ``Status:compleet`` is no element."""
        for found in self.other_prefix.finditer(body, 0, end):
            start = found.start()
            element = _ELEMENT_PREFIX.search(body, max(start - 64, 0), start + 1)
            if element is not None and element[1] + b":" != self.prefix:
                return True
        return bool(self.prefix) and CELL_START.search(body, 0, end) is not None


@lru_cache(maxsize=8)
def cell_syntax(prefix: bytes = b"") -> CellSyntax:
    p = re.escape(prefix)
    return CellSyntax(
        prefix=prefix,
        cell_ref=re.compile(rb"<" + p + rb'c r="([A-Z]+)(\d+)"'),
        ref_start=b"<" + prefix + b'c r="',
        cell_open=b"<" + prefix + b"c ",
        cell_bare=b"<" + prefix + b"c>",
        cell_close=b"</" + prefix + b"c>",
        formula_start=re.compile(rb"<" + p + rb"f[\s>/]"),
        fault_hint=re.compile(rb"<" + p + rb'f[\s>/]|\st="e"'),
        value=re.compile(rb"<" + p + rb"v>([^<]*)</" + p + rb"v>"),
        formula=re.compile(rb"<" + p + rb"f\b[^>]*?(?:/>|>([^<]*)</" + p + rb"f>)"),
        other_prefix=re.compile(rb":c" + _not_after(prefix) + rb"[\s>/]"),
    )


def _not_after(prefix: bytes) -> bytes:
    """Lookbehinds, placed after the literal ``:c`` (so ``re`` still skips to it at C speed),
    that pass over this prefix's own cells, opening and closing (``<x:c``, ``</x:c``)."""
    if not prefix:
        return b""
    name = re.escape(prefix[:-1])
    return rb"(?<!<" + name + rb":c)(?<!/" + name + rb":c)"


def root_syntax(head: bytes) -> CellSyntax | None:
    """The syntax of the prefix the root ``worksheet`` element uses (None: no such root in
    the first piece, which only the exact path can judge)."""
    found = _ROOT.search(head)
    return None if found is None else cell_syntax(found[1] or b"")
