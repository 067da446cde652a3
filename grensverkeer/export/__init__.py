"""Exports for people: the school year's matrix, settlement and sources as a workbook or CSV.

``build_export`` gathers the sheets from the services (exact values, totals in integer cents);
``write_workbook`` and ``write_csv_folder`` turn them into files. No Qt here: the CLI and the
application use the same functions.
"""

from grensverkeer.export.contents import Column, Export, Kind, Row, Sheet, Table
from grensverkeer.export.csv_files import csv_files, write_csv_folder
from grensverkeer.export.sheet_parts import (
    AMOUNTS_SHEET,
    BALANCES_SHEET,
    IMPORTS_SHEET,
    PUPILS_SHEET,
    SCHOOLS_SHEET,
    TRANSFERS_SHEET,
    TYPES_SHEET,
)
from grensverkeer.export.sheets import build_export
from grensverkeer.export.workbook import workbook_bytes, write_workbook

__all__ = [
    "AMOUNTS_SHEET",
    "BALANCES_SHEET",
    "IMPORTS_SHEET",
    "PUPILS_SHEET",
    "SCHOOLS_SHEET",
    "TRANSFERS_SHEET",
    "TYPES_SHEET",
    "Column",
    "Export",
    "Kind",
    "Row",
    "Sheet",
    "Table",
    "build_export",
    "csv_files",
    "workbook_bytes",
    "write_csv_folder",
    "write_workbook",
]
