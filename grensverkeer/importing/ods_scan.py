"""Reading an OpenDocument spreadsheet's content.xml once, before calamine does.

An ODS cell or row can say "repeat me": ``table:number-columns-repeated="16384"`` on a cell with
a value, inside a row with ``table:number-rows-repeated="1048576"``, is 17 billion values in a
1 KB file, and calamine expands every one of them. LibreOffice itself writes such repeats only
for empty cells (the rest of a row, the rest of a sheet), which calamine does not expand. So each
table is followed here, with repeats counted and not expanded: where its last value lies, how
many values the repeats make, and which cells hold an error value (LibreOffice stores ``#DIV/0!``
as the number 0 with ``calcext:value-type="error"``).
"""

from __future__ import annotations

from typing import IO

from grensverkeer.importing.xlsx_faults import CellFault
from grensverkeer.importing.xlsx_scan import (
    EXACT_PATH_MAX_CELLS,
    SheetScan,
    UnsafeXml,
    stream_parse,
)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_SEP = "|"
_ERROR_TYPE = f"{_CALCEXT}{_SEP}value-type"


def scan_content(member: IO[bytes]) -> dict[str, SheetScan]:
    """Every table of content.xml by name; raise :class:`UnsafeXml` for a DTD, an endless
    text, XML that does not parse, or more cell elements than can be followed in time."""
    tables = _Tables()
    stream_parse(member, tables, _SEP)
    return tables.found


def _repeat(attrs: dict[str, str], name: str) -> int:
    text = attrs.get(f"{_TABLE}{_SEP}{name}", "1")
    return int(text) if text.isdigit() and text != "0" else 1


class _Tables:
    """expat handlers following tables, rows and cells with their repeats."""

    def __init__(self) -> None:
        self.found: dict[str, SheetScan] = {}
        self.elements = 0
        self._name = ""
        self._reset()

    def _reset(self) -> None:
        self.rows = self.columns = self.values = self.text_size = 0
        self.row = self.col = 0  # 0-based position of the current row and the next cell
        self.row_repeat = 1
        self.faults: list[CellFault] = []
        self._error: list[str] | None = None  # text of an error cell being read
        self._copies = 0  # how often the text of the open cell is repeated (0: not a value)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        space, _, name = tag.partition(_SEP)
        if space != _TABLE:
            if self._error is not None and space == _TEXT and name == "p" and self._error:
                self._error.append("\n")
            return
        if name in ("table-cell", "covered-table-cell"):
            self.elements += 1
            if self.elements > EXACT_PATH_MAX_CELLS:
                raise UnsafeXml("too many cells")
            repeat = _repeat(attrs, "number-columns-repeated")
            if self._has_value(attrs):
                self._copies = repeat * self.row_repeat
                self.values += self._copies
                self.rows = max(self.rows, self.row + self.row_repeat)
                self.columns = max(self.columns, self.col + repeat)
            if attrs.get(_ERROR_TYPE) == "error":
                self._error = []
            self.col += repeat
        elif name == "table-row":
            self.row_repeat = _repeat(attrs, "number-rows-repeated")
            self.col = 0
        elif name == "table":
            self._name = attrs.get(f"{_TABLE}{_SEP}name", "")
            self._reset()

    @staticmethod
    def _has_value(attrs: dict[str, str]) -> bool:
        return f"{_OFFICE}{_SEP}value-type" in attrs

    def text(self, data: str) -> None:
        if self._copies:
            self.text_size += len(data) * self._copies
        if self._error is not None:
            self._error.append(data)

    def end(self, tag: str) -> None:
        space, _, name = tag.partition(_SEP)
        if space != _TABLE:
            return
        if name in ("table-cell", "covered-table-cell"):
            self._copies = 0
        if name in ("table-cell", "covered-table-cell") and self._error is not None:
            text = "".join(self._error).strip() or "#N/A"
            self.faults.append(CellFault(self.row, self.col - 1, text, formula=False))
            self._error = None
        elif name == "table-row":
            self.row += self.row_repeat
            self.row_repeat = 1
        elif name == "table":
            scan = SheetScan(
                self.rows,
                self.columns,
                self.values,
                tuple(self.faults),
                exact=True,
                text=self.text_size,
            )
            self.found[self._name] = scan
