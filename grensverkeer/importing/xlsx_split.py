"""Reading a large xlsx sheet in parts at once, on more than one core.

calamine parses a sheet without holding the GIL, but it may only start once the scan has proved
that what it reads is safe to allocate. So a large sheet is read in parts: as soon as the scan
has passed a part (whole rows, a third of the XML or so), calamine reads that part in a thread
while the scan goes on with the rest; the last part is read when the scan is done. Each part is
a small workbook in memory (the workbook, styles and shared strings, and the sheet cut at a
``</row>``), so calamine reads each exactly as it reads the whole; the rows are joined as the
whole would have given them. Anything unusual (a comment or processing instruction in the rows,
rows out of order, a sheet the fast scan does not take) keeps the sheet to one plain read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import IO, cast

from grensverkeer.background import Background
from grensverkeer.importing.xlsx_scan import MB, SheetScan
from grensverkeer.importing.xlsx_syntax import root_syntax

#: a sheet part smaller than this is read in one go: splitting would gain little
SPLIT_MIN_BYTES = 8 * MB
#: ... and one larger than this too: the parts keep the sheet's XML in memory until read
SPLIT_MAX_BYTES = 160 * MB
#: where the parts end, as shares of the XML: each starts while the scan still reads the rest.
#: The first is small, so the second core starts early; the last, read after the scan, too.
CUT_SHARES = (0.1, 0.3, 0.55, 0.8)
_SHEET_DATA = re.compile(rb"<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*(?<!/)>")
#: the start of a comment, CDATA or processing instruction
_MARKUP = (b"<!", b"<?")
#: what calamine reads of a workbook besides the sheet (lower case: some writers capitalise)
_NEEDED = frozenset(
    {
        "[content_types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedstrings.xml",
    }
)
#: each part carries a copy of those: beyond this size together, the sheet is read in one go
MEMBERS_MAX_BYTES = 64 * MB

Row = list[object]
_Span = tuple[bytes, int, int]  # a piece of the sheet's XML and the part of it that is meant
Merged = tuple[tuple[tuple[int, int], tuple[int, int]], ...]


@dataclass(frozen=True, slots=True)
class PartRead:
    """What calamine gave for one part: its rows from ``start`` and its merged ranges."""

    rows: list[Row]
    start: tuple[int, int] | None
    end: tuple[int, int] | None
    merged: Merged


@dataclass(frozen=True, slots=True)
class SheetRows:
    """A sheet's rows as one read gives them, whether read in one go or joined from parts."""

    rows: list[Row]  # from A1, as ``to_python(skip_empty_area=False)`` of the whole sheet
    end: tuple[int, int] | None
    merged: Merged


class SplitSheet:
    """One sheet part followed through the scan (``member``, ``scanned``), read in parts."""

    def __init__(
        self,
        zf: zipfile.ZipFile,
        part: str,
        sheet_name: str,
        safe: Callable[[SheetScan], bool],
    ) -> None:
        needed = [info for info in zf.infolist() if info.filename.lower() in _NEEDED]
        self._given_up = (
            "xl/workbook.xml" not in {info.filename.lower() for info in needed}
            or sum(info.file_size for info in needed) > MEMBERS_MAX_BYTES
        )  # an odd workbook, or one with parts so large that each copy would cost too much
        self._members = {} if self._given_up else {i.filename: zf.read(i) for i in needed}
        self._part = part
        self._sheet = sheet_name
        self._safe = safe
        size = zf.getinfo(part).file_size
        self._targets = [int(size * share) for share in CUT_SHARES]
        self._received = 0
        self._head = b""  # up to and with <sheetData>
        self._prefix = b""
        self._start: list[bytes] = []  # the first pieces, until the head is found in them
        self._rows: list[_Span] = []  # the rows not yet in a part: (piece, start, end)
        self._odd = -1  # where the first comment, CDATA or processing instruction in the rows is
        self._parts: list[Background[PartRead]] = []

    def member(self, member: IO[bytes]) -> IO[bytes]:
        """``member`` as the fast scan reads it, every piece kept for the parts."""
        return cast(IO[bytes], _Recorder(member, self._received_piece))

    def _received_piece(self, piece: bytes) -> None:
        if self._given_up or not piece:
            return
        start = self._received
        self._received += len(piece)
        if not self._head:
            self._start.append(piece)
            self._find_head()
            return
        last = self._rows[-1] if self._rows else None
        if (
            last is not None
            and self._odd < 0
            and last[0][last[2] - 1 : last[2]] + piece[:1] in (_MARKUP)
        ):
            self._odd = start - 1
        self._rows.append((piece, 0, len(piece)))
        if self._odd < 0:
            self._find_odd(piece, start, 0)

    def _find_head(self) -> None:
        """The sheet up to its rows (``<sheetData>``), in the first piece or the first few."""
        data = b"".join(self._start)
        found = _SHEET_DATA.search(data, 0, 1 * MB)
        if found is None:
            if self._received >= 1 * MB:
                self.give_up()
            return
        syntax = root_syntax(data[: found.start()])
        if syntax is None or (found[1] or b"") != syntax.prefix or b"<!" in data[: found.end()]:
            self.give_up()  # a comment before the rows could hold what looked like their start
            return
        self._start = []
        self._head, self._prefix = data[: found.end()], syntax.prefix
        self._rows = [(data, found.end(), len(data))]
        self._find_odd(data, 0, found.end())

    def _find_odd(self, piece: bytes, offset: int, start: int) -> None:
        """Note where a comment, CDATA or processing instruction is in the rows: one could
        hold "</row>", so no cut may come after it."""
        found = [
            at for at in (_find_markup(piece, mark, start) for mark in (b"!", b"?")) if at >= 0
        ]
        if found:
            self._odd = offset + min(found)

    def scanned(self, so_far: SheetScan, unscanned: int) -> None:
        """The scan has read all but the last ``unscanned`` bytes received; start the next
        part once it is past it, when what was seen so far is safe to allocate."""
        done = len(self._parts)
        if self._given_up or not self._head or done >= len(self._targets):
            return
        scanned = self._received - unscanned
        if scanned < self._targets[done] or not self._safe(so_far):
            return
        limit = scanned if self._odd < 0 else min(scanned, self._odd)
        cut = self._cut(limit)
        if cut is None:
            if not done:
                self.give_up()
            return
        rows, self._rows = cut
        close = b"</" + self._prefix + b"sheetData></" + self._prefix + b"worksheet>"
        workbook = partial(self._workbook, rows, close)
        read = partial(_read_part, workbook, self._sheet, whole_from_a1=not done)
        self._parts.append(Background(read))
        del rows, workbook, read  # the thread lets go of the rows once its workbook is made

    def _cut(self, limit: int) -> tuple[list[_Span], list[_Span]] | None:
        """The rows before and after the last ``</row>`` that ends before ``limit``."""
        row_end = b"</" + self._prefix + b"row>"
        end_offset = self._received
        for index in range(len(self._rows) - 1, -1, -1):
            piece, start, end = self._rows[index]
            offset = end_offset - len(piece)  # where this piece began in the sheet
            end_offset = offset
            split = piece.rfind(row_end, start, max(min(end, limit - offset), start))
            if split >= 0:
                split += len(row_end)
                before = [*self._rows[:index], (piece, start, split)]
                return before, [(piece, split, end), *self._rows[index + 1 :]]
        return None

    def give_up(self) -> None:
        """The sheet is read in one go after all (the fast scan could not take it)."""
        self._given_up = True
        self._start = []
        self._rows = []

    def read(self) -> SheetRows | None:
        """The whole sheet's rows from the parts; None when it must be read in one go."""
        if not self._parts or self._given_up:
            self.close()
            return None
        rows, self._rows = self._rows, []
        last = _read_part(partial(self._workbook, rows, b""), self._sheet, whole_from_a1=False)
        joined: SheetRows | None = None
        for part in [*(done.result() for done in self._parts), last]:
            joined = _joined(joined, part)
            if joined is None:
                return None
        return joined

    def close(self) -> None:
        """Wait for the parts being read (a refused file must not leave one running)."""
        for part in self._parts:
            part.join()

    def _workbook(self, rows: list[_Span], close: bytes) -> bytes:
        """A workbook in memory with this sheet's head, ``rows`` and end; stored, not packed.
        ``rows`` is emptied on the way: each piece is let go of once it is written."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
            for name, content in self._members.items():
                out.writestr(name, content)
            with out.open(self._part, "w", force_zip64=True) as sheet:
                sheet.write(self._head)
                rows.reverse()
                while rows:
                    piece, start, end = rows.pop()
                    sheet.write(memoryview(piece)[start:end])
                sheet.write(close)
        return buffer.getvalue()


def _joined(so_far: SheetRows | None, part: PartRead) -> SheetRows | None:
    if so_far is None:
        return SheetRows(part.rows, part.end, part.merged)
    return join_parts(PartRead(so_far.rows, None, so_far.end, so_far.merged), part)


def _find_markup(piece: bytes, mark: bytes, start: int) -> int:
    """Where ``<`` + ``mark`` first is from ``start`` (-1: nowhere). The rare mark is looked
    for first, at memchr speed: ``find(b"<!")`` stops at every ``<`` of the sheet."""
    if piece.find(mark, start) < 0:
        return -1
    return piece.find(b"<" + mark, start)


class _Recorder:
    """A file-like member that hands every piece it reads to ``keep``."""

    def __init__(self, member: IO[bytes], keep: Callable[[bytes], None]) -> None:
        self._member = member
        self._keep = keep

    def read(self, size: int = -1) -> bytes:
        piece = self._member.read(size)
        self._keep(piece)
        return piece


def _read_part(workbook: Callable[[], bytes], sheet_name: str, *, whole_from_a1: bool) -> PartRead:
    """calamine's read of the workbook ``workbook()`` makes; the bytes are not kept (calamine
    holds its own copy)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(workbook()))
    try:
        sheet = book.get_sheet_by_name(sheet_name)
    finally:
        book.close()  # its copy of the workbook, before the rows are made
    start, end = sheet.start, sheet.end
    made = sheet.to_python(skip_empty_area=not whole_from_a1) if end is not None else []
    rows = cast(list[Row], made)
    return PartRead(rows, start, end, tuple(sheet.merged_cell_ranges or ()))


def join_parts(first: PartRead, second: PartRead) -> SheetRows | None:
    """The rows the whole sheet gives from A1: the first part's (read from A1), empty rows up
    to the second's first row, then the second's, each as wide as the widest; None when the
    parts overlap (rows written out of order), which only a read in one go places right."""
    merged = second.merged or first.merged
    if second.start is None or second.end is None:
        return SheetRows(first.rows, first.end, merged)
    if first.end is not None and second.start[0] <= first.end[0]:
        return None
    last_row, last_column = second.end[0], max(second.end[1], first.end[1] if first.end else 0)
    width = last_column + 1
    rows = first.rows
    if first.end is not None and first.end[1] + 1 < width:
        extra = [""] * (width - first.end[1] - 1)
        rows = [[*row, *extra] for row in rows]
    rows.extend([""] * width for _ in range(len(rows), second.start[0]))
    before = [""] * second.start[1]
    after = [""] * (width - second.end[1] - 1)
    if before or after:
        rows.extend([*before, *row, *after] for row in second.rows)
    else:
        rows.extend(second.rows)
    return SheetRows(rows, (last_row, last_column), merged)
