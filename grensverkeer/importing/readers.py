"""The file-reading layer of the importer: any accepted file in, plain rows of cell values out.

``read_workbook`` decides the format by content, refuses what is unsafe or unreadable with a
Dutch :class:`ReadError`, and returns every visible worksheet as rows indexed like Excel:
``rows[i][j]`` is row ``i + 1``, column ``j + 1`` (A = 0), also when the data starts lower or
further right. Values are not normalised here; that is the next layer's work.

What calamine hands over (kept as is): numbers in xlsx and ods are ``float`` (``12.0``), in xls an
integral number is ``int``; a date cell is ``date`` when it has no time part, else ``datetime``; a
time-only cell is ``time``, a duration ``timedelta``; an empty cell, every cell of a merged range
but its top-left one, and an error cell (``#N/A``) are ``""``. Csv cells are ``str``; csv rows
are as long as their record, spreadsheet rows all as wide as the sheet's used range.

A large xlsx sheet is read by calamine in parts at once (:mod:`xlsx_split`), giving the same
rows as one read.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from grensverkeer.importing.delimited import read_delimited
from grensverkeer.importing.file_safety import (
    ACCEPTED_EXTENSIONS,
    DEFAULT_LIMITS,
    HEAD_BYTES,
    SPREADSHEET_EXTENSIONS,
    ReadError,
    ReadLimits,
    encrypted,
    human_size,
    inspect_ole,
    inspect_zip,
    quoted,
    refuse_binary,
    refuse_text_as_spreadsheet,
    sniff_content,
    truncated,
)
from grensverkeer.importing.sheet_guard import (
    SharedStrings,
    guard_ods,
    guard_xls,
    guard_xlsx,
    guard_xlsx_workbook,
)
from grensverkeer.importing.sheet_refusals import sheet_too_large
from grensverkeer.importing.values import clean_text
from grensverkeer.importing.xlsx_faults import CellFault
from grensverkeer.importing.xlsx_scan import SheetScan
from grensverkeer.importing.xlsx_split import SheetRows, SplitSheet

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

__all__ = [
    "DEFAULT_LIMITS",
    "ReadError",
    "ReadLimits",
    "Sheet",
    "Workbook",
    "read_workbook",
]

#: The extensions calamine's ``from_path`` opens as each format (it chooses by extension).
_CALAMINE_EXTENSIONS = {"xlsx": {".xlsx", ".xlsm"}, "xls": {".xls"}, "ods": {".ods"}}
_FORMAT_NAMES = {
    "xlsx": "Excel-werkmap (.xlsx)",
    "xls": "Excel 97-2003-werkmap (.xls)",
    "ods": "OpenDocument-werkblad (.ods)",
}


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet; for csv/txt the file itself, named after the file."""

    name: str
    #: cell values as read: str, int, float, bool, date, datetime, time, timedelta;
    #: an empty cell is "" (or None): callers treat both as empty
    rows: Sequence[Sequence[object]]
    #: merged ranges ((first row, first column), (last row, last column)), 0-based, where the
    #: format keeps them (xlsx, xls): a merged group header covers the columns below it
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()
    #: cells that show something in Excel but hold no value (``#REF!``, a formula saved
    #: without its result): read as "" above, and each one a problem where it is used
    faults: tuple[CellFault, ...] = ()
    #: whether a text cell may be an error value written as text (``#N/A``): the xlsx scan
    #: can tell that none is, which spares searching every used column for one
    error_text: bool = True


@dataclass(frozen=True, slots=True)
class Workbook:
    path: Path
    format: str  # "xlsx", "xls", "ods", "csv"
    sheets: tuple[Sheet, ...]  # only visible worksheets, in workbook order
    encoding: str | None  # csv: "utf-8", "utf-8-sig", "utf-16" or "cp1252"
    delimiter: str | None  # csv
    notes: tuple[str, ...]  # Dutch remarks worth showing the user


def read_workbook(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> Workbook:
    """Read a spreadsheet or csv/txt file; raise :class:`ReadError` when it cannot be read."""
    path = Path(path)
    try:
        return _read(path, limits)
    except FileNotFoundError as exc:
        raise ReadError(
            path,
            "not_found",
            f"{quoted(path)} bestaat niet (meer) of is niet bereikbaar. Kies het bestand opnieuw.",
        ) from exc
    except OSError as exc:
        raise ReadError(
            path,
            "unreadable",
            f"{quoted(path)} kan niet worden geopend. Is het nog geopend in een ander programma, "
            "of ontbreken de leesrechten? Sluit het bestand en probeer het opnieuw.",
        ) from exc


def _read(path: Path, limits: ReadLimits) -> Workbook:
    extension = path.suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        what = f"de extensie {extension}" if extension else "geen extensie"
        raise ReadError(
            path,
            "unsupported",
            f"{quoted(path)} heeft {what} en wordt niet ingelezen. Geschikt zijn Excel-werkmappen "
            "(.xlsx, .xlsm, .xls), OpenDocument-werkbladen (.ods) en tekstbestanden (.csv, .txt). "
            "Sla de gegevens in een van die vormen op.",
        )
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        what = "een map" if stat.S_ISDIR(status.st_mode) else "geen gewoon bestand"
        raise ReadError(path, "unreadable", f"{quoted(path)} is {what}. Kies het bestand zelf.")
    size = status.st_size
    if size == 0:
        raise ReadError(
            path,
            "empty",
            f"{quoted(path)} is leeg (0 bytes). Controleer of het goed is opgeslagen of "
            "gedownload.",
        )
    if size > limits.max_file_bytes:
        raise ReadError(
            path,
            "too_large",
            f"{quoted(path)} is {human_size(size)} groot; het maximum is "
            f"{human_size(limits.max_file_bytes)}. Splits het bestand, of verwijder overbodige "
            "werkbladen en kolommen.",
        )
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)

    content = sniff_content(head)
    if content == "zip":
        return _read_spreadsheet(path, inspect_zip(path, size, limits), limits)
    if content == "ole":
        inspect_ole(path, size)
        return _read_spreadsheet(path, "xls", limits)
    if content == "binary":
        raise refuse_binary(path)
    if extension in SPREADSHEET_EXTENSIONS or content in ("html", "spreadsheetml"):
        raise refuse_text_as_spreadsheet(path, content)
    return _read_text(path, head, limits)


def _read_text(path: Path, head: bytes, limits: ReadLimits) -> Workbook:
    text = read_delimited(path, head, limits)
    if not any(any(row) for row in text.rows):
        raise _empty(path, hidden=False)
    return Workbook(
        path=path,
        format="csv",
        sheets=(Sheet(path.name, cast(list[list[object]], text.rows)),),
        encoding=text.encoding,
        delimiter=text.delimiter,
        notes=text.notes,
    )


def _read_spreadsheet(path: Path, fmt: str, limits: ReadLimits) -> Workbook:
    import python_calamine as calamine

    notes: list[str] = []
    if path.suffix.lower() not in _CALAMINE_EXTENSIONS[fmt]:
        notes.append(f"{quoted(path)} is eigenlijk een {_FORMAT_NAMES[fmt]} en is zo gelezen.")
    sheets: list[Sheet] = []
    hidden_skipped = False
    scans: dict[str, SheetScan] = {}
    splits: dict[str, SplitSheet] = {}
    strings = SharedStrings([], False)
    if fmt == "ods":
        scans = guard_ods(path, limits)  # calamine reads every table when it opens an ods
    elif fmt == "xls":
        scans = guard_xls(path, limits)  # ... and every sheet when it opens an xls
    elif fmt == "xlsx":
        strings = guard_xlsx_workbook(path, limits)
    try:
        with _open_calamine(path, fmt) as book:
            visible = []
            for meta in book.sheets_metadata:
                if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                    continue  # chart and macro sheets hold no cells
                if meta.visible != calamine.SheetVisibleEnum.Visible:
                    hidden_skipped = True
                    notes.append(f"Werkblad ‘{meta.name}’ is verborgen en is niet gelezen.")
                    continue
                visible.append(meta.name)
            if fmt == "xlsx":
                scans = guard_xlsx(path, visible, limits, strings.sizes, splits)
            for name in visible:
                split = splits[name].read() if name in splits else None
                if split is not None:
                    _check_grid(path, name, split.end, limits)
                read = split or _read_whole(book, path, name, limits)
                scan = scans.get(name)
                faults = scan.faults if scan else ()
                error_text = scan is None or scan.error_text or strings.error_text
                sheets.append(Sheet(clean_text(name), read.rows, read.merged, faults, error_text))
    except ReadError:
        raise
    except calamine.PasswordError as exc:
        raise encrypted(path) from exc
    except MemoryError as exc:
        raise ReadError(
            path,
            "too_large",
            f"{quoted(path)} is te groot om in het geheugen te lezen. Verwijder overbodige "
            "werkbladen, rijen en kolommen, of sla de gegevens op als .csv.",
        ) from exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine errors, and a Rust panic (a BaseException)
        raise truncated(path) from exc
    finally:
        for waiting in splits.values():
            waiting.close()
    if not any(_has_value(sheet.rows) for sheet in sheets):
        raise _empty(path, hidden=hidden_skipped)
    return Workbook(
        path=path,
        format=fmt,
        sheets=tuple(sheets),
        encoding=None,
        delimiter=None,
        notes=tuple(notes),
    )


def _read_whole(book: CalamineWorkbook, path: Path, name: str, limits: ReadLimits) -> SheetRows:
    """One sheet in one read, refused before its rows are made when the grid is too large."""
    sheet = book.get_sheet_by_name(name)
    end = sheet.end
    _check_grid(path, name, end, limits)
    # skip_empty_area=False pads from A1, so rows[i][j] is Excel's row i+1, column j+1
    merged = tuple(getattr(sheet, "merged_cell_ranges", None) or ())
    return SheetRows(cast(list[list[object]], sheet.to_python(skip_empty_area=False)), end, merged)


def _check_grid(path: Path, name: str, end: tuple[int, int] | None, limits: ReadLimits) -> None:
    if end is not None and (end[0] + 1) * (end[1] + 1) > limits.max_sheet_cells:
        raise sheet_too_large(path, name, SheetScan(end[0] + 1, end[1] + 1, 0))


def _open_calamine(path: Path, fmt: str) -> CalamineWorkbook:
    """Open by path when the extension matches the content (calamine picks its reader by
    extension); otherwise from the file's bytes, which calamine reads into memory once."""
    from python_calamine import CalamineWorkbook

    if path.suffix.lower() in _CALAMINE_EXTENSIONS[fmt]:
        return CalamineWorkbook.from_path(str(path))
    with path.open("rb") as f:
        return CalamineWorkbook.from_filelike(f)


def _has_value(rows: Sequence[Sequence[object]]) -> bool:
    """Whether any cell holds something; stops at the first one (normally in the first row)."""
    return any(value != "" and value is not None for row in rows for value in row)


def _empty(path: Path, *, hidden: bool) -> ReadError:
    message = f"{quoted(path)} bevat geen gegevens: "
    if hidden:
        message += (
            "de zichtbare werkbladen zijn leeg en verborgen werkbladen worden niet gelezen. "
            "Staan de gegevens op een verborgen blad, maak dat dan zichtbaar en sla het "
            "bestand opnieuw op."
        )
    else:
        message += "alle cellen zijn leeg. Controleer of u het juiste bestand hebt gekozen."
    return ReadError(path, "empty", message)
