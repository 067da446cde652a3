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
from pathlib import Path
from xml.etree import ElementTree

from grensverkeer.importing.file_safety import (
    MAX_METADATA_BYTES,
    ReadError,
    ReadLimits,
    dutch_int,
    quoted,
    read_small,
    truncated,
)
from grensverkeer.importing.ods_scan import scan_content
from grensverkeer.importing.xls_scan import XlsUnreadable, scan_xls
from grensverkeer.importing.xlsx_scan import CHUNK, SheetScan, UnsafeXml, check_text, scan_sheet

#: The start of every XML part is looked at for a DTD; a prolog longer than this is refused.
PROLOG_BYTES = 64 * 1024


def fits(scan: SheetScan, limits: ReadLimits) -> bool:
    """Whether calamine may build this sheet's grid (and, for ods, expand its repeats)."""
    allowed = max(limits.free_grid, limits.grid_per_cell * scan.cells)
    return scan.grid <= min(allowed, limits.max_sheet_cells) and (
        scan.cells <= limits.max_sheet_cells
    )


def guard_xlsx(path: Path, sheet_names: list[str], limits: ReadLimits) -> dict[str, SheetScan]:
    """Scan each named sheet; refuse the file when one is too large or unsafe to read."""
    scans: dict[str, SheetScan] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            parts = _worksheet_parts(zf)
            for name in sheet_names:
                part = parts.get(name)
                if part is None:
                    continue
                try:
                    scan = scan_sheet(lambda p=part: zf.open(p), lambda s: fits(s, limits))
                except UnsafeXml as unsafe:
                    raise unsafe_xml(path, name, unsafe.reason) from unsafe
                if not fits(scan, limits):
                    raise sheet_too_large(path, name, scan)
                scans[name] = scan
    except ReadError:
        raise
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, ValueError, OSError) as exc:
        raise truncated(path) from exc
    return scans


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
    for name, scan in scans.items():
        if not fits(scan, limits):
            raise sheet_too_large(path, name, scan)
    return scans


def guard_xlsx_workbook(path: Path) -> None:
    """What calamine parses when it opens an xlsx (workbook, styles, shared strings), checked
    before it does: no DTD anywhere, no endless text in the shared strings."""
    try:
        with zipfile.ZipFile(path) as zf:
            _check_prologs(path, zf)
            if "xl/sharedStrings.xml" in zf.NameToInfo:
                with zf.open("xl/sharedStrings.xml") as member:
                    while chunk := member.read(CHUNK):
                        check_text(chunk)
    except UnsafeXml as unsafe:
        raise unsafe_xml(path, "", unsafe.reason) from unsafe
    except ReadError:
        raise
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise truncated(path) from exc


def guard_xls(path: Path, limits: ReadLimits) -> dict[str, SheetScan]:
    """Walk each worksheet's records; refuse the file when one is too large to read."""
    try:
        scans = scan_xls(path)
    except (XlsUnreadable, struct.error, IndexError) as exc:
        raise truncated(path) from exc
    for name, scan in scans.items():
        if not fits(scan, limits):
            raise sheet_too_large(path, name, scan)
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


def column_letters(number: int) -> str:
    """Spreadsheet letters of a 1-based column number: 1 → A, 16384 → XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_too_large(path: Path, sheet: str, scan: SheetScan) -> ReadError:
    rows, cols = scan.rows, scan.columns
    where = f"Werkblad ‘{sheet}’ in {quoted(path)}" if sheet else quoted(path)
    if scan.cells > rows * cols:  # ods: repeats that expand beyond the grid itself
        reach = f"herhaalt cellen tot {dutch_int(scan.cells)} waarden"
    else:
        reach = (
            f"loopt door tot rij {dutch_int(rows)} en kolom {column_letters(cols)}; zo'n groot "
            f"bereik ({dutch_int(rows * cols)} cellen) wordt niet ingelezen"
        )
    return ReadError(
        path,
        "sheet_too_large",
        f"{where} {reach}. Verwijder wat ver buiten de tabel staat (Ctrl+End in Excel springt "
        "naar het einde van het blad) of kopieer de tabel naar een nieuwe werkmap.",
    )


def unsafe_xml(path: Path, sheet: str, reason: str) -> ReadError:
    """A sheet whose XML no spreadsheet program writes, worded by what was found."""
    where = f"werkblad ‘{sheet}’ in {quoted(path)}" if sheet else quoted(path)
    details = {
        "doctype": "bevat een XML-documenttypedefinitie (DOCTYPE/ENTITY), die geen "
        "spreadsheetprogramma schrijft; zo'n bestand kan de computer vastzetten",
        "long text": "bevat een tekst van meer dan een half miljoen tekens in één cel",
        "too many cells": "is ongewoon opgeschreven (cellen zonder celverwijzing) en te groot "
        "om veilig te controleren",
        "malformed": "is geen geldige XML: het bestand is beschadigd of niet door een "
        "spreadsheetprogramma gemaakt",
    }
    return ReadError(
        path,
        "unsafe_xml" if reason != "malformed" else "truncated",
        f"{where[0].upper()}{where[1:]} {details.get(reason, details['malformed'])}. Het "
        "bestand is niet gelezen. Vertrouwt u het, open het dan in Excel of LibreOffice en sla "
        "het opnieuw op, of sla de gegevens op als .csv.",
    )
