"""The words for a sheet refused before reading: too large a range, too much text, XML that no
spreadsheet program writes. Each names the file (and the sheet) and says what to do."""

from __future__ import annotations

from pathlib import Path

from grensverkeer.importing.cell_bounds import letters_of
from grensverkeer.importing.file_safety import ReadError, dutch_int, human_size, quoted
from grensverkeer.importing.xlsx_scan import SheetScan


def _where(path: Path, sheet: str) -> str:
    return f"Werkblad ‘{sheet}’ in {quoted(path)}" if sheet else quoted(path)


def sheet_too_large(path: Path, sheet: str, scan: SheetScan) -> ReadError:
    rows, cols = scan.rows, scan.columns
    if scan.cells > rows * cols:  # ods: repeats that expand beyond the grid itself
        reach = f"herhaalt cellen tot {dutch_int(scan.cells)} waarden"
    else:
        reach = (
            f"loopt door tot rij {dutch_int(rows)} en kolom {letters_of(cols)}; zo'n groot "
            f"bereik ({dutch_int(rows * cols)} cellen) wordt niet ingelezen"
        )
    return ReadError(
        path,
        "sheet_too_large",
        f"{_where(path, sheet)} {reach}. Verwijder wat ver buiten de tabel staat (Ctrl+End in "
        "Excel springt naar het einde van het blad) of kopieer de tabel naar een nieuwe werkmap.",
    )


def workbook_too_large(path: Path, cells: int, limit: int) -> ReadError:
    return ReadError(
        path,
        "sheet_too_large",
        f"De werkbladen van {quoted(path)} hebben samen {dutch_int(cells)} cellen; meer dan "
        f"{dutch_int(limit)} wordt niet ingelezen. Verwijder overbodige werkbladen, of sla het "
        "blad met de gegevens op als .csv.",
    )


def too_much_text(path: Path, sheet: str, size: int, limit: int) -> ReadError:
    return ReadError(
        path,
        "sheet_too_large",
        f"{_where(path, sheet)} herhaalt lange teksten zo vaak dat het uitgepakt "
        f"{human_size(size)} tekst wordt (meer dan {human_size(limit)}); zo'n bestand wordt "
        "niet ingelezen. Haal de lange teksten weg, of sla de gegevens op als .csv.",
    )


def unsafe_xml(path: Path, sheet: str, reason: str) -> ReadError:
    """A sheet whose XML no spreadsheet program writes, worded by what was found."""
    details = {
        "doctype": "bevat een XML-documenttypedefinitie (DOCTYPE/ENTITY), die geen "
        "spreadsheetprogramma schrijft; zo'n bestand kan de computer vastzetten",
        "long text": "bevat een tekst van meer dan 64.000 tekens in één cel (Excel stopt bij "
        "32.767)",
        "too many cells": "is ongewoon opgeschreven (cellen zonder celverwijzing) en te groot "
        "om veilig te controleren",
        "malformed": "is geen geldige XML: het bestand is beschadigd of niet door een "
        "spreadsheetprogramma gemaakt",
    }
    return ReadError(
        path,
        "unsafe_xml" if reason != "malformed" else "truncated",
        f"{_where(path, sheet)} {details.get(reason, details['malformed'])}. Het bestand is "
        "niet gelezen. Vertrouwt u het, open het dan in Excel of LibreOffice en sla het opnieuw "
        "op, of sla de gegevens op als .csv.",
    )
