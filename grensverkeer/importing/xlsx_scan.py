"""Reading an xlsx sheet's XML once, before calamine does: its real extent, and cells that hold
no value (error values, formulas saved without their result).

calamine builds a dense grid from the first to the last cell that has a value, whatever the
``<dimension>`` says; a 3 KB file with one value at XFD1048576 makes it allocate hundreds of
gigabytes and the process aborts. And it reads an error cell (``#REF!``) or a formula without a
saved result as an empty cell, which would silently turn "einddatum #REF!" into "no end date".
So each sheet is streamed here first, at C speed for well-formed files:

* the fast path counts every ``<c r="…">`` reference (also of empty cells: an overestimate is
  safe) and requires that every cell element carries one, with the root's own prefix (``x:``);
* cells without ``r`` are placed row by row by :mod:`xlsx_sequential`;
* anything else takes the exact path, an XML parse that places cells as calamine does; it is
  refused when too large to parse. :mod:`xlsx_sheet` chooses among the three.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Protocol
from xml.parsers import expat

from grensverkeer.importing.cell_bounds import outside
from grensverkeer.importing.xlsx_faults import CellFault, column_number, faults_in
from grensverkeer.importing.xlsx_syntax import CellSyntax, root_syntax

MB = 1_000_000
CHUNK = 4 * MB
#: A text node this long holds no '<' for a whole window: no spreadsheet cell is that long
#: (Excel stops at 32,767 characters), but calamine would copy it three times over.
TEXT_WINDOW = 64 * 1024
#: The exact path parses element by element; beyond this many cells (in the whole workbook)
#: it would take too long.
EXACT_PATH_MAX_CELLS = 1_000_000

ERROR_CELL = re.compile(rb't="e"')
#: cells outside the extent looked at one by one in a piece before all its references are read
MAX_EXTENT_STEPS = 64
_ERROR_WORDS = (re.compile(rb"Err:"), re.compile(rb"Fout:"))
_SHARED = re.compile(rb't="s"[^>]*>\s*<(?:\w+:)?v>\s*(\d+)\s*<')


class UnsafeXml(Exception):
    """The sheet's XML is refused as a whole; ``reason`` says why in a few English words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SheetScan:
    rows: int  # 1-based number of the last row with a cell (0: none)
    columns: int  # 1-based number of the last column with a cell
    cells: int  # cell elements seen (ods: values, repeats counted)
    faults: tuple[CellFault, ...] = ()
    #: from the exact path: only cells with a value count; else an overestimate
    exact: bool = False
    #: xlsx: cells that show a shared string (calamine copies the string into each)
    shared_cells: int = 0
    #: ods: characters of text the values make, repeats expanded
    text: int = 0
    #: whether a text cell may read as an error value (``#N/A``, ``Err:502``): only the fast
    #: path, which sees every byte, can say no
    error_text: bool = True

    @property
    def grid(self) -> int:
        """What calamine will allocate, counted from A1 as the reader pads it."""
        return self.rows * self.columns


def may_hold_error_text(body: bytes, end: int | None = None) -> bool:
    """Whether some text in ``body`` could read as an error value: each one holds ``#`` (so
    does every character reference) or is LibreOffice's ``Err:``/``Fout:``. Single bytes
    are found at memchr speed; the words are searched for only where a colon is."""
    end = len(body) if end is None else end
    if body.find(b"#", 0, end) >= 0:
        return True
    if body.find(b":", 0, end) < 0:
        return False
    return any(word.search(body, 0, end) is not None for word in _ERROR_WORDS)


def shared_string_indices(member: IO[bytes]) -> list[int]:
    """The shared string each ``t="s"`` cell shows, streamed from the sheet's XML."""
    found: list[int] = []
    tail = b""
    while chunk := member.read(CHUNK):
        buffer = tail + chunk
        cut = buffer.rfind(b"<c")
        cut = cut if cut > 0 else len(buffer)
        found.extend(map(int, _SHARED.findall(buffer, 0, cut)))
        tail = buffer[cut:]
    found.extend(map(int, _SHARED.findall(tail)))
    return found


def fast_scan(
    member: IO[bytes],
    shared_strings: bool = True,
    scanned: Callable[[SheetScan, int], None] | None = None,
) -> SheetScan | None:
    """The well-formed case at C speed, or None when the sheet needs the exact path.

    Every cell must start ``<c r="A1"`` (or ``<x:c r="A1"`` when the root element has the
    prefix, as .NET exports write it). The extent grows with the last cell of each piece, and
    one search per piece finds any cell outside it (a far stray cell, a cell without a
    reference), which is looked at on its own. Literal searches go through ``re``: it skips
    to a rare first byte at memchr speed, where ``bytes.find`` looks at every ``<``.
    ``scanned`` hears after each piece what was seen so far and how many bytes read are not
    yet scanned (:mod:`xlsx_split` starts reading the part already proved safe).
    """
    columns = rows = cells = shared = 0
    error_text = False
    faults: list[CellFault] = []
    syntax: CellSyntax | None = None
    tail = b""
    for chunk in chunks(member):
        buffer = tail + chunk
        cut = buffer.rfind(b"<") if chunk else len(buffer)
        if chunk and cut <= 0:
            check_text(buffer)
            tail = buffer
            continue
        check_text(buffer, cut)
        syntax = syntax or root_syntax(buffer[:cut])
        if syntax is None or syntax.foreign_cell(buffer, cut):
            return None  # cells under another prefix (calamine reads them): parse properly
        if chunk:
            cut = _before_open_cell(buffer, cut, syntax)
        last = syntax.cell_ref.match(buffer, max(buffer.rfind(syntax.ref_start, 0, cut), 0))
        if last is not None:
            columns = max(columns, column_number(last[1].decode()))
            rows = max(rows, int(last[2]))
        extent = _extent_of(buffer, cut, columns, rows, syntax)
        if extent is None:
            return None  # a cell without r= (or with its attributes in another order)
        columns, rows, count = extent
        cells += count
        if shared_strings:
            shared += buffer.count(b' t="s"', 0, cut)
        if syntax.formula_start.search(buffer, 0, cut) or ERROR_CELL.search(buffer, 0, cut):
            faults.extend(faults_in(buffer[:cut], syntax))
        error_text = error_text or may_hold_error_text(buffer, cut)
        tail = buffer[cut:]
        if scanned is not None:
            scanned(SheetScan(rows, columns, cells, shared_cells=shared), len(tail))
        if not chunk:
            break
    return SheetScan(
        rows, columns, cells, tuple(faults), shared_cells=shared, error_text=error_text
    )


def _before_open_cell(buffer: bytes, cut: int, syntax: CellSyntax) -> int:
    """``cut``, or the start of the last cell when the piece ends inside it: a formula or an
    error value cut in two would be found in neither piece."""
    start = buffer.rfind(syntax.cell_open, 0, cut)
    if start < 0 or buffer.find(syntax.cell_close, start, cut) >= 0:
        return cut
    tag_end = buffer.find(b">", start, cut)
    if tag_end >= 0 and buffer[tag_end - 1 : tag_end] == b"/":
        return cut  # <c r="A1" s="2"/>: an empty cell, whole
    return start


def _extent_of(
    body: bytes, end: int, columns: int, rows: int, syntax: CellSyntax
) -> tuple[int, int, int] | None:
    """The extent grown by every cell of ``body`` outside it, and the number of cells; None
    for a cell without a plain ``r="A1"`` reference, which only the exact path places as
    calamine does. A piece with many cells outside (written in an odd order) has every
    reference collected instead, so no file makes this search start over and over."""
    position = 0
    for _ in range(MAX_EXTENT_STEPS):
        found = outside(columns, rows, syntax.prefix).search(body, position, end)
        if found is None:
            return columns, rows, body.count(syntax.cell_open, 0, end)
        ref = syntax.cell_ref.match(body, found.start())
        if ref is None:
            return None
        columns = max(columns, column_number(ref[1].decode()))
        rows = max(rows, int(ref[2]))
        position = found.start() + 2
    refs = syntax.cell_ref.findall(body, 0, end)
    count = body.count(syntax.cell_open, 0, end) + body.count(syntax.cell_bare, 0, end)
    if len(refs) != count:
        return None
    letters = {letters for letters, _digits in refs}
    columns = max([columns, *(column_number(text.decode()) for text in letters)])
    rows = max([rows, *(int(digits) for digits in {digits for _letters, digits in refs})])
    return columns, rows, count


def chunks(member: IO[bytes]) -> Iterator[bytes]:
    """The member in pieces of ``CHUNK`` bytes, ending with b''. (Inflating the next piece
    in a thread was tried: the searches hold the GIL, so it gained nothing.)"""
    while chunk := member.read(CHUNK):
        yield chunk
    yield b""


def check_text(body: bytes, end: int | None = None) -> None:
    for start in range(0, (len(body) if end is None else end) - TEXT_WINDOW + 1, TEXT_WINDOW):
        if body.find(b"<", start, start + TEXT_WINDOW) < 0:
            raise UnsafeXml("long text")


# --- the exact path ------------------------------------------------------------------------------


def exact_scan(member: IO[bytes], budget: int) -> SheetScan:
    """Parse the sheet with expat and place each cell as calamine does: by its ``r``, else next
    to the previous cell (a row without ``r`` follows the previous row). Only cells with a
    value extend the grid; the parse stops when there are too many cells to parse in time."""
    placer = _CellPlacer(budget)
    stream_parse(member, placer)
    return SheetScan(
        placer.rows,
        placer.columns,
        placer.cells,
        tuple(placer.faults),
        exact=True,
        shared_cells=placer.shared,
    )


class Handlers(Protocol):
    def start(self, tag: str, attrs: dict[str, str]) -> None: ...
    def end(self, tag: str) -> None: ...
    def text(self, data: str) -> None: ...


def stream_parse(member: IO[bytes], handlers: Handlers, separator: str | None = None) -> None:
    """Feed a part to expat in chunks: no DTD (an entity bomb, an XXE), no endless text, and
    XML that does not parse is :class:`UnsafeXml`. ``separator`` turns on namespaces."""
    parser = expat.ParserCreate(namespace_separator=separator)
    parser.StartElementHandler = handlers.start
    parser.EndElementHandler = handlers.end
    parser.CharacterDataHandler = handlers.text
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.buffer_text = True
    try:
        while chunk := member.read(CHUNK):
            check_text(chunk)
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise UnsafeXml("malformed") from error


def refuse_doctype(*_args: object) -> None:
    raise UnsafeXml("doctype")


class _CellPlacer:
    """expat handlers that follow rows and cells, with as little work per element as can be."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.shared = 0
        self.rows = self.columns = self.cells = 0
        self.row = self.col = 0
        self.faults: list[CellFault] = []
        self._kind = ""  # t= of the open cell
        self._inside = ""  # local name of the value element being read: v, t or f
        self._value: list[str] = []
        self._formula: list[str] | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = tag.rpartition(":")[2]
        if name == "c":
            self.cells += 1
            if self.cells > self.budget:
                raise UnsafeXml("too many cells")
            self.row, self.col = _position(attrs.get("r"), self.row, self.col)
            self._kind = attrs.get("t", "")
            self.shared += self._kind == "s"
            self._value, self._formula = [], None
        elif name == "row":
            number = attrs.get("r", "")
            self.row, self.col = (int(number) if number.isdigit() else self.row + 1), 0
        elif name in ("v", "t"):
            self._inside = "v"
        elif name == "f":
            self._inside, self._formula = "f", []

    def text(self, data: str) -> None:
        if self._inside == "v":
            self._value.append(data)
        elif self._inside == "f" and self._formula is not None:
            self._formula.append(data)

    def end(self, tag: str) -> None:
        name = tag.rpartition(":")[2]
        if name in ("v", "t", "f"):
            self._inside = ""
        elif name == "c":
            value = "".join(self._value).strip()
            if self._kind == "e":
                self.faults.append(CellFault(self.row - 1, self.col - 1, value or "#N/A", False))
            elif self._formula is not None and not value:
                text = "".join(self._formula)
                self.faults.append(
                    CellFault(self.row - 1, self.col - 1, f"={text}" if text else "=…", True)
                )
            elif value:
                self.rows, self.columns = max(self.rows, self.row), max(self.columns, self.col)


def _position(ref: str | None, row: int, col: int) -> tuple[int, int]:
    """(row, column), 1-based, of a cell: its reference, or the next column in this row."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref or "")
    if match is None:
        return row, col + 1
    return int(match[2]), column_number(match[1])
