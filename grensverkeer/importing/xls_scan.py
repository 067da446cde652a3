"""Reading an Excel 97-2003 workbook's records once, before calamine does.

calamine builds the same dense grid for an .xls as for an .xlsx: one value at IV65536 in a
6 KB file costs a gigabyte before any check after reading can refuse it. And it reads an error
value (``#REF!`` in a BOOLERR record, or a formula whose cached result is an error) as an empty
cell. So the BIFF8 records of each worksheet are walked here: the cell records carry their row
and column in their first four bytes; the rest is not looked at.
"""

from __future__ import annotations

import struct
from pathlib import Path

import olefile

from grensverkeer.importing.xlsx_faults import CellFault
from grensverkeer.importing.xlsx_scan import SheetScan

_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
_NUMBER, _RK, _LABELSST, _LABEL, _RSTRING = 0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6
_FORMULA, _BOOLERR, _MULRK = 0x0006, 0x0205, 0x00BD
_VALUES = frozenset({_NUMBER, _RK, _LABELSST, _LABEL, _RSTRING, _FORMULA, _BOOLERR})
_SPECIAL = frozenset({_FORMULA, _BOOLERR})
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}
_HEAD = struct.Struct("<HH")
_CELL = struct.Struct("<HHHH")  # record type, length, row, column


class XlsUnreadable(Exception):
    """The workbook stream is not BIFF8 as Excel writes it."""


def scan_xls(path: Path) -> dict[str, SheetScan]:
    """Each worksheet of the workbook by name: the extent of its values and its error cells."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if stream is None:
                raise XlsUnreadable("no workbook stream")
            data = ole.openstream(stream).read()
    except OSError as error:
        raise XlsUnreadable(str(error)) from error
    return {name: _scan_sheet(data, offset) for name, offset in _sheets(data)}


def _sheets(data: bytes) -> list[tuple[str, int]]:
    """(name, offset of its BOF) of every worksheet, from the globals' BOUNDSHEET records."""
    found = []
    position = 0
    while position + 4 <= len(data):
        kind, length = _HEAD.unpack_from(data, position)
        body = data[position + 4 : position + 4 + length]
        if kind == _BOUNDSHEET and len(body) >= 8 and body[5] == 0:  # dt 0: a worksheet
            found.append((_short_string(body[6:]), struct.unpack_from("<I", body)[0]))
        if kind == _EOF:
            break
        position += 4 + length
    return found


def _short_string(raw: bytes) -> str:
    count, high = raw[0], raw[1] & 1
    text = raw[2 : 2 + count * (2 if high else 1)]
    return text.decode("utf-16-le" if high else "latin-1", "replace")


def _scan_sheet(data: bytes, position: int) -> SheetScan:
    """One worksheet substream: the hot loop of an .xls read, kept to the bare minimum."""
    last_row = last_col = cells = 0
    faults: list[CellFault] = []
    end = len(data)
    if position + 4 > end or _HEAD.unpack_from(data, position)[0] != _BOF:
        raise XlsUnreadable("a sheet offset does not point at its BOF")
    position += 4 + _HEAD.unpack_from(data, position)[1]
    unpack, values, special = _CELL.unpack_from, _VALUES, _SPECIAL
    depth = 1  # an embedded chart is a BOF … EOF of its own inside the sheet
    while position + 8 <= end:
        kind, length, row, col = unpack(data, position)
        if kind in values:
            cells += 1
            if row > last_row:
                last_row = row
            if col > last_col:
                last_col = col
            if kind in special:
                fault = _error(kind, data[position + 4 : position + 4 + length], row, col)
                if fault is not None:
                    faults.append(fault)
        elif kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if not depth:
                break
        elif kind == _MULRK and length >= 6:
            last = struct.unpack_from("<H", data, position + 4 + length - 2)[0]
            cells += max(last - col + 1, 0)
            last_row, last_col = max(last_row, row), max(last_col, last)
        position += 4 + length
    if not cells:
        return SheetScan(0, 0, 0, (), exact=True)
    return SheetScan(last_row + 1, last_col + 1, cells, tuple(faults), exact=True)


def _error(kind: int, body: bytes, row: int, col: int) -> CellFault | None:
    """The error value of a BOOLERR record, or of a formula whose cached result is one."""
    if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
        return CellFault(row, col, _ERRORS.get(body[6], "#N/A"), formula=False)
    if kind == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
        return CellFault(row, col, _ERRORS.get(body[8], "#N/A"), formula=False)
    return None
