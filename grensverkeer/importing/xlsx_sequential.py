"""The extent of an xlsx sheet whose cells carry no reference (``<c>`` without ``r``), or not
one the fast path can search for.

The spec makes ``r`` optional and some exporters leave it out (report servers, ERP exports,
streaming writers such as LargeXlsx); Excel, LibreOffice and calamine then put each cell
after the previous one in its row, and each row after the previous one unless it names its
number. So the extent is the last row and the widest row, counted here at C speed per row,
where the exact path (an XML parse) would refuse a sheet of more than a million cells.

A row that mixes cells with and without a reference (exceljs/exceljs#537 shows one from the
wild), or whose cells name ``r`` after another attribute, is placed cell by cell instead: a
reference re-anchors, the next cell follows it. Prefixed cells, formulas and error values
are left to the exact path (their position is what it reports). The counts are an upper
bound (an empty cell counts), which is safe.
"""

from __future__ import annotations

import re
from typing import IO

from grensverkeer.importing.xlsx_faults import column_number
from grensverkeer.importing.xlsx_scan import ERROR_CELL, SheetScan, check_text, chunks
from grensverkeer.importing.xlsx_syntax import CELL_START, cell_syntax

_ROW_START = re.compile(rb"<row[\s>/]")
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
_CELL_WITH_REF = re.compile(rb"<c\s[^>]*?\br\s*=")
_PLAIN_REF = re.compile(rb'\sr="([A-Z]+)(\d+)"')
_PLAIN = cell_syntax(b"")  # only unprefixed sheets are counted here
_SHEET_DATA = b"<sheetData"
_SHEET_DATA_END = b"</sheetData>"


class _Rows:
    """The running count: the current row number, the last row and the widest row seen."""

    def __init__(self) -> None:
        self.row = self.rows = self.columns = self.cells = 0

    def add(self, body: bytes, starts: list[int], end: int) -> bool:
        """The rows starting at ``starts`` in ``body``, the last one ending at ``end``; False
        for a reference that is not a plain ``r="A1"`` (only the parse can place it)."""
        if not starts:
            return True
        mixed = _CELL_WITH_REF.search(body, starts[0], end) is not None
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            tag_end = body.find(b">", start, stop)
            number = _ROW_NUMBER.search(body, start, tag_end if tag_end >= 0 else stop)
            self.row = int(number[1]) if number else self.row + 1
            if mixed and _CELL_WITH_REF.search(body, start, stop):
                if not self._place(body, start + 4, stop):
                    return False
                continue
            count = body.count(b"<c", start + 4, stop)
            if count:
                self.cells += count
                self.rows = max(self.rows, self.row)
                self.columns = max(self.columns, count)
        return True

    def _place(self, body: bytes, start: int, stop: int) -> bool:
        """A row that mixes cells with and without a reference, cell by cell, as calamine
        places them: a reference re-anchors, a cell without one follows the previous cell."""
        column = 0
        for cell in CELL_START.finditer(body, start, stop):
            tag_end = body.find(b">", cell.start(), stop)
            tag_end = stop if tag_end < 0 else tag_end
            if _CELL_WITH_REF.match(body, cell.start(), tag_end + 1):
                ref = _PLAIN_REF.search(body, cell.start(), tag_end)
                if ref is None:
                    return False
                self.row, column = int(ref[2]), column_number(ref[1].decode())
            else:
                column += 1
            self.cells += 1
            self.rows = max(self.rows, self.row)
            self.columns = max(self.columns, column)
        return True


def sequential_scan(member: IO[bytes], shared_strings: bool = True) -> SheetScan | None:
    """The extent of a sheet of cells without (plain) references, or None when only the parse
    can tell (see the module docstring)."""
    counted = _Rows()
    shared = 0
    tail = b""
    started = False
    for chunk in chunks(member):
        buffer = tail + chunk
        check_text(buffer)
        if _PLAIN.foreign_cell(buffer, len(buffer)):
            return None
        if _PLAIN.formula_start.search(buffer) or ERROR_CELL.search(buffer):
            return None
        if not started:
            at = buffer.find(_SHEET_DATA)
            if at < 0:
                tail = buffer[-len(_SHEET_DATA) :]
                if not chunk:
                    break
                continue
            started, buffer = True, buffer[at:]
        stop = buffer.find(_SHEET_DATA_END)
        ended = stop >= 0 or not chunk
        body = buffer[:stop] if stop >= 0 else buffer
        starts = [found.start() for found in _ROW_START.finditer(body)]
        complete = starts if ended else starts[:-1]
        end = len(body) if ended or not starts else starts[-1]
        if not counted.add(body, complete, end):
            return None
        if shared_strings:
            shared += body.count(b' t="s"', 0, end)
        if ended:
            break
        tail = body[end:] if starts else body
    return SheetScan(counted.rows, counted.columns, counted.cells, (), shared_cells=shared)
