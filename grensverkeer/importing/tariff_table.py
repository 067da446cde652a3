"""Reading a tariff table from a spreadsheet: school year, onderwijstype, arrangement, amount.

The same rules as for pupil files: the header row is found wherever it is, every problem is
collected with its row and column, and a table with any error is refused whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.collector import SheetProblems
from grensverkeer.importing.fields import HEADER_SCAN_ROWS
from grensverkeer.importing.header_words import fold
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.importing.readers import read_workbook
from grensverkeer.importing.rows import is_footer
from grensverkeer.importing.values import clean_text, is_empty, parse_edu_type
from grensverkeer.money import parse_pupil_amount
from grensverkeer.schoolyear import SchoolYear

_HEADERS = {
    "schooljaar": {"schooljaar", "jaar"},
    "type": {"onderwijstype", "type", "type onderwijs", "soort onderwijs", "onderwijssoort"},
    "arrangement": {"arrangement", "zorgarrangement", "soort arrangement"},
    "amount": {"tarief", "bedrag", "tarief per leerling", "bedrag per leerling", "kosten"},
}


@dataclass(frozen=True, slots=True)
class TariffLine:
    school_year: SchoolYear
    edu_type: EduType
    arrangement: str
    cents: int


@dataclass(slots=True)
class TariffTable:
    lines: list[TariffLine] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)


def read_tariff_table(path: Path, default_year: SchoolYear | None = None) -> TariffTable:
    """Every tariff line of the first sheet that has a tariff header; problems as data."""
    workbook = read_workbook(path)
    result = TariffTable()
    for sheet in workbook.sheets:
        for index, cells in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
            columns = _columns(cells)
            if {"type", "amount"} <= columns.keys():
                _read_lines(
                    path.name, sheet.name, sheet.rows, index, cells, columns, default_year, result
                )
                return result
    raise GrensverkeerError(
        f"{path.name}: geen tarieventabel gevonden; verwacht kolommen als ‘Onderwijstype’ en "
        "‘Tarief’ (en eventueel ‘Schooljaar’ en ‘Arrangement’)."
    )


def _columns(cells: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, cell in enumerate(cells):
        key = fold(cell) if not is_empty(cell) else ""
        for name, keys in _HEADERS.items():
            if key in keys and name not in found:
                found[name] = position
    return found


def _read_lines(
    file: str,
    sheet: str,
    rows: Sequence[Sequence[object]],
    header_index: int,
    header: Sequence[object],
    columns: dict[str, int],
    default_year: SchoolYear | None,
    result: TariffTable,
) -> None:
    problems = SheetProblems(file, sheet, [str(c) for c in header])
    seen: dict[tuple[SchoolYear, EduType, str], int] = {}
    for index in range(header_index + 1, len(rows)):
        cells = list(rows[index]) + [""] * (max(columns.values()) + 1 - len(rows[index]))
        row = index + 1
        if all(is_empty(cells[c]) for c in columns.values()) or is_footer(cells):
            continue
        year = default_year
        if "schooljaar" in columns and not is_empty(cells[columns["schooljaar"]]):
            try:
                year = SchoolYear.parse(clean_text(cells[columns["schooljaar"]]))
            except GrensverkeerError as error:
                problems.error(
                    row,
                    columns["schooljaar"],
                    "schooljaar",
                    str(error),
                    cells[columns["schooljaar"]],
                )
                continue
        if year is None:
            problems.error(
                row,
                columns.get("schooljaar"),
                "schooljaar_ontbreekt",
                "het schooljaar ontbreekt",
                "",
                "geef het schooljaar op, in een kolom of voor het hele bestand",
            )
            continue
        try:
            edu_type = parse_edu_type(cells[columns["type"]])
        except ValueError as reason:
            problems.error(
                row, columns["type"], "onderwijstype", str(reason), cells[columns["type"]]
            )
            continue
        try:
            cents = parse_pupil_amount(cells[columns["amount"]])
        except ValueError as reason:
            problems.error(row, columns["amount"], "bedrag", str(reason), cells[columns["amount"]])
            continue
        arrangement = (
            clean_text(cells[columns["arrangement"]])[:100]
            if "arrangement" in columns and not is_empty(cells[columns["arrangement"]])
            else ""
        )
        key = (year, edu_type, arrangement)
        if key in seen:
            problems.error(
                row, columns["type"], "dubbel", f"dit tarief staat ook op rij {seen[key]}"
            )
            continue
        seen[key] = row
        result.lines.append(TariffLine(year, edu_type, arrangement, cents))
    result.issues.extend(problems.issues)
