"""Checking the sheets inside an xlsx or ods before calamine reads them.

calamine allocates a dense grid from A1 to the last value and expands every ods repeat; a tiny
hostile file can make that hundreds of gigabytes, and a failed allocation aborts the process
(the window with it). :mod:`xlsx_scan` and :mod:`ods_scan` find the real extent and the
values; here that is held against :class:`ReadLimits`, and a refusal worded for the user.
The scans also find the cells calamine would read as empty (error values, formulas without
a saved result), which the reader hands on with the sheet.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import IO, NamedTuple
from xml.etree import ElementTree

from grensverkeer.importing.file_safety import (
    MAX_METADATA_BYTES,
    ReadError,
    ReadLimits,
    read_small,
    truncated,
)
from grensverkeer.importing.ods_scan import scan_content
from grensverkeer.importing.sheet_refusals import (
    sheet_too_large,
    too_much_text,
    unsafe_xml,
    workbook_too_large,
)
from grensverkeer.importing.xls_scan import XlsUnreadable, scan_xls
from grensverkeer.importing.xlsx_scan import (
    CHUNK,
    EXACT_PATH_MAX_CELLS,
    SheetScan,
    UnsafeXml,
    check_text,
    may_hold_error_text,
    shared_string_indices,
)
from grensverkeer.importing.xlsx_sheet import scan_sheet
from grensverkeer.importing.xlsx_split import SPLIT_MAX_BYTES, SPLIT_MIN_BYTES, SplitSheet

#: The start of every XML part is looked at for a DTD; a prolog longer than this is refused.
PROLOG_BYTES = 64 * 1024


def fits(scan: SheetScan, limits: ReadLimits) -> bool:
    """Whether calamine may build this sheet's grid (and, for ods, expand its repeats)."""
    allowed = max(limits.free_grid, limits.grid_per_cell * scan.cells)
    return scan.grid <= min(allowed, limits.max_sheet_cells) and (
        scan.cells <= limits.max_sheet_cells
    )


def guard_xlsx(
    path: Path,
    sheet_names: list[str],
    limits: ReadLimits,
    strings: Sequence[int] = (),
    splits: dict[str, SplitSheet] | None = None,
) -> dict[str, SheetScan]:
    """Scan each named sheet; refuse the file when one, or all together, is too large or
    unsafe to read. ``strings`` are the sizes of the shared strings (``guard_xlsx_workbook``).
    With ``splits``, each large sheet gets a :class:`SplitSheet` there that starts reading
    the part of it already scanned, once that part is safe (the caller closes them)."""
    scans: dict[str, SheetScan] = {}
    totals = _Totals(limits)
    longest = max(strings, default=0)

    def safe(so_far: SheetScan) -> bool:
        text = so_far.shared_cells * longest
        return fits(so_far, limits) and totals.room_for(so_far, text)

    try:
        with zipfile.ZipFile(path) as zf:
            parts = _worksheet_parts(zf)
            for name in sheet_names:
                part = parts.get(name)
                if part is None:
                    continue
                watch = None
                if splits is not None and SPLIT_MIN_BYTES <= zf.getinfo(part).file_size <= (
                    SPLIT_MAX_BYTES
                ):
                    watch = splits[name] = SplitSheet(zf, part, name, safe)
                try:
                    scan = scan_sheet(
                        partial(zf.open, part),
                        lambda s: fits(s, limits),
                        totals.budget,
                        shared_strings=bool(strings),
                        watch=watch,
                    )
                except UnsafeXml as unsafe:
                    raise unsafe_xml(path, name, unsafe.reason) from unsafe
                if not fits(scan, limits):
                    raise sheet_too_large(path, name, scan)
                text = _shared_text(partial(zf.open, part), scan, strings, totals.text, limits)
                totals.add(path, name, scan, text)
                scans[name] = scan
    except ReadError:
        raise
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, ValueError, OSError) as exc:
        raise truncated(path) from exc
    return scans


class _Totals:
    """What the sheets read so far add up to: calamine keeps every sheet of a workbook."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.cells = self.grid = self.text = 0
        self.budget = EXACT_PATH_MAX_CELLS  # cells the exact path may still parse

    def room_for(self, scan: SheetScan, text: int) -> bool:
        """Whether a sheet (or the part of one seen so far) fits with the sheets before it."""
        most = self.limits.max_sheet_cells
        return (
            max(self.cells + scan.cells, self.grid + scan.grid) <= most
            and self.text + text <= self.limits.max_text
        )

    def add(self, path: Path, name: str, scan: SheetScan, text: int) -> None:
        self.cells += scan.cells
        self.grid += scan.grid
        self.text += text
        if scan.exact:
            self.budget = max(self.budget - scan.cells, 0)
        most = self.limits.max_sheet_cells
        if max(self.cells, self.grid) > most:
            raise workbook_too_large(path, max(self.cells, self.grid), most)
        if self.text > self.limits.max_text:
            raise too_much_text(path, name, self.text, self.limits.max_text)


def _shared_text(
    open_part: Callable[[], IO[bytes]],
    scan: SheetScan,
    strings: Sequence[int],
    so_far: int,
    limits: ReadLimits,
) -> int:
    """The text calamine copies into the sheet's shared-string cells: at most every such cell
    times the longest string; counted string by string only when that bound is too high."""
    if not scan.shared_cells or not strings:
        return 0
    bound = scan.shared_cells * max(strings)
    if so_far + bound <= limits.max_text:
        return bound
    with open_part() as member:
        indices = shared_string_indices(member)
    size = len(strings)
    return sum(strings[i] for i in indices if i < size)


class SharedStrings(NamedTuple):
    sizes: list[int]  # of each string's XML: an upper bound of its text
    error_text: bool  # whether one may read as an error value (``may_hold_error_text``)


def guard_xlsx_workbook(path: Path, limits: ReadLimits) -> SharedStrings:
    """What calamine parses when it opens an xlsx (workbook, styles, shared strings), checked
    before it does: no DTD anywhere, no endless text. Returns what ``guard_xlsx`` and the
    reader need to know of the shared strings."""
    try:
        with zipfile.ZipFile(path) as zf:
            _check_prologs(path, zf)
            if "xl/sharedStrings.xml" not in zf.NameToInfo:
                return SharedStrings([], False)
            with zf.open("xl/sharedStrings.xml") as member:
                strings = _string_sizes(member)
    except UnsafeXml as unsafe:
        raise unsafe_xml(path, "", unsafe.reason) from unsafe
    except ReadError:
        raise
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise truncated(path) from exc
    if len(strings.sizes) > limits.max_sheet_cells:
        raise workbook_too_large(path, len(strings.sizes), limits.max_sheet_cells)
    return strings


def _string_sizes(member: IO[bytes]) -> SharedStrings:
    """The byte length of every ``<si>`` element, streamed; the endless-text check on the way."""
    sizes: list[int] = []
    error_text = False
    tail = b""
    while chunk := member.read(CHUNK):
        check_text(chunk)
        buffer = tail + chunk
        error_text = error_text or may_hold_error_text(buffer)
        pieces = buffer.split(b"<si")
        tail = pieces.pop()
        sizes.extend(map(len, pieces))
    sizes.append(len(tail))
    return SharedStrings(sizes[1:], error_text)  # sizes[0]: what comes before the first string


def guard_ods(path: Path, limits: ReadLimits) -> dict[str, SheetScan]:
    """Follow content.xml's tables; refuse the file when one is too large or unsafe to read."""
    try:
        with zipfile.ZipFile(path) as zf:
            _check_prologs(path, zf)
            try:
                with zf.open("content.xml") as member:
                    scans = scan_content(member)
            except UnsafeXml as unsafe:
                raise unsafe_xml(path, "", unsafe.reason) from unsafe
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, OSError) as exc:
        raise truncated(path) from exc
    return _held_to_limits(path, scans, limits)


def guard_xls(path: Path, limits: ReadLimits) -> dict[str, SheetScan]:
    """Walk each worksheet's records; refuse the file when one is too large to read."""
    try:
        scans = scan_xls(path)
    except (XlsUnreadable, struct.error, IndexError) as exc:
        raise truncated(path) from exc
    return _held_to_limits(path, scans, limits)


def _held_to_limits(
    path: Path, scans: dict[str, SheetScan], limits: ReadLimits
) -> dict[str, SheetScan]:
    """Every sheet of a format read whole at opening (ods, xls), alone and all together."""
    totals = _Totals(limits)
    for name, scan in scans.items():
        if not fits(scan, limits):
            raise sheet_too_large(path, name, scan)
        totals.add(path, name, scan, scan.text)
    return scans


def _check_prologs(path: Path, zf: zipfile.ZipFile) -> None:
    """No spreadsheet program writes a DTD; one here is an entity bomb or an XXE attempt."""
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with zf.open(info) as member:
            head = member.read(PROLOG_BYTES)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise unsafe_xml(path, "", "doctype")


def _worksheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part, from xl/workbook.xml and its relationships."""
    infos = {info.filename: info for info in zf.infolist()}
    workbook = infos.get("xl/workbook.xml")
    rels = infos.get("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    if max(workbook.file_size, rels.file_size) > MAX_METADATA_BYTES:
        return {}
    targets = {}
    for element in ElementTree.fromstring(read_small(zf, rels, MAX_METADATA_BYTES)).iter():
        if element.tag.endswith("Relationship") and "Id" in element.attrib:
            target = element.attrib.get("Target", "")
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join("xl", target))
            targets[element.attrib["Id"]] = part
    parts = {}
    for element in ElementTree.fromstring(read_small(zf, workbook, MAX_METADATA_BYTES)).iter():
        if not element.tag.endswith("}sheet"):
            continue
        rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
        if rel_id in targets and targets[rel_id] in infos:
            parts[element.attrib.get("name", "")] = targets[rel_id]
    return parts
