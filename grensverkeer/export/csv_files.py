"""The export as a folder of CSV files: one per sheet, and one per section under a sheet.

Each file holds the table of its sheet from the header row down, total row included, so it opens
in Dutch Excel as the sheet does: separator ``;``, UTF-8 with a byte order mark, amounts in euros
with a decimal comma and no thousands separator (``-1234,50``), pupils as whole numbers (two
decimals naar rato), dates as ``2024-10-01``. The titles and notes of the sheets go into
``toelichting.txt``. Text that a spreadsheet could read as a formula gets a leading apostrophe
(OWASP); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.export.contents import Export, Kind, Table, Value
from grensverkeer.export.files import write_atomically
from grensverkeer.export.safe_text import csv_text
from grensverkeer.file_faults import file_fault, os_reason
from grensverkeer.money import cents_to_decimal

ENCODING = "utf-8-sig"
DELIMITER = ";"
NOTES_FILE = "toelichting.txt"


def csv_files(export: Export) -> dict[str, str]:
    """File name → contents, in sheet order."""
    files: dict[str, str] = {}
    for sheet in export.sheets:
        files[f"{sheet.slug}.csv"] = _table_text(sheet.table)
        for section in sheet.sections:
            files[f"{sheet.slug}-{section.slug}.csv"] = _table_text(section)
    files[NOTES_FILE] = _notes(export)
    return files


def write_csv_folder(export: Export, directory: Path) -> list[Path]:
    """Write the files into ``directory`` (made if missing): all of them or none.

    They are written into a hidden folder inside ``directory`` first and moved into place when
    all are complete (a rename needs no space): a full disk halfway leaves the folder as it
    was, not a set of files that belong to two exports.
    """
    files = csv_files(export)
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise GrensverkeerError(f"{directory} is een bestand; geef voor CSV een map op.")
    staging: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=directory, prefix=".export-"))
        for name, text in files.items():
            write_atomically(staging / name, text.encode(ENCODING))
        written = []
        for name in files:
            os.replace(staging / name, directory / name)
            written.append(directory / name)
    except OSError as error:
        what = f"de export naar {directory}"
        raise file_fault(error, what) or GrensverkeerError(
            f"In {directory} kan niet worden geschreven ({os_reason(error)})."
        ) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return written


def _table_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([csv_text(column.header) for column in table.columns])
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    for row in rows:
        writer.writerow(
            [
                _field(value, column.kind)
                for column, value in zip(table.columns, row.values, strict=True)
            ]
        )
    return buffer.getvalue()


def _field(value: Value, kind: Kind) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if kind is Kind.MONEY:
        return _comma(cents_to_decimal(int(value)))
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return _comma(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return str(value)


def _comma(number: Decimal) -> str:
    return f"{number:f}".replace(".", ",")


def _notes(export: Export) -> str:
    lines = [
        export.title,
        export.subject,
        f"Peildatum {formatting.long_date(export.peildatum)}.",
        "",
        "Bestanden (scheidingsteken ;, UTF-8; bedragen in euro met decimale komma):",
    ]
    for sheet in export.sheets:
        lines += ["", f"{sheet.slug}.csv — {sheet.name}: {sheet.title}"]
        lines += [f"  {note}" for note in sheet.notes]
        lines += [
            f"{sheet.slug}-{section.slug}.csv — {section.title}" for section in sheet.sections
        ]
    return "\r\n".join(lines) + "\r\n"
