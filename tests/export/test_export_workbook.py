"""The export workbook and CSV folder: golden cells, exact totals, styles, no formulas.

A small fixed region (the builders' school list, VSO/SO/SBO pupils, tariffs with cents) is
exported and every sheet's cell values are compared with a reviewed copy in
``tests/golden/export``. Regenerate after a deliberate change with
``GRENSVERKEER_UPDATE_GOLDEN=1 pytest tests/export`` and review the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from builders import VSO_SCHOOL, valid_bsns, write_xlsx

from grensverkeer.domain import EduType
from grensverkeer.export import (
    AMOUNTS_SHEET,
    BALANCES_SHEET,
    IMPORTS_SHEET,
    PUPILS_SHEET,
    SCHOOLS_SHEET,
    TRANSFERS_SHEET,
    TYPES_SHEET,
    build_export,
    csv_files,
    workbook_bytes,
    write_workbook,
)
from grensverkeer.export.workbook import MONEY_FORMAT
from grensverkeer.money import to_cents
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.matrices.counted_matrix import amount_matrix, pupil_matrix
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.services.years.tariffs import set_tariff
from grensverkeer.services.years.year_settings import change_year_settings

Y = SchoolYear(2024)
DEN_HAAG, DELFT, RIJSWIJK, LEIDEN = "GM0518", "GM0503", "GM0603", "GM0546"
WESTLAND, VOORSCHOTEN = "GM1783", "GM0626"  # Voorschoten left the region per 1 January 2024
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "export"
UPDATE = os.environ.get("GRENSVERKEER_UPDATE_GOLDEN") == "1"
HEADER_ROW = 4
SHEETS = [
    PUPILS_SHEET,
    AMOUNTS_SHEET,
    BALANCES_SHEET,
    TRANSFERS_SHEET,
    SCHOOLS_SHEET,
    TYPES_SHEET,
    IMPORTS_SHEET,
]

# (residence, school location, type, end date): VSO at each municipality's VSO location, SO at
# De Klimop (Den Haag), SBO at De Brug (Rijswijk). Two Den Haag pupils leave during the year
# (they count on the peildatum, and naar rato for part of the year); one left before it.
VSO, SO, SBO = "VSO", "SO", "SBO"
PUPILS = [
    *[(DELFT, VSO_SCHOOL[DEN_HAAG], VSO, None)] * 3,
    (DEN_HAAG, VSO_SCHOOL[DELFT], VSO, None),
    *[(RIJSWIJK, VSO_SCHOOL[DEN_HAAG], VSO, None)] * 2,
    (DEN_HAAG, VSO_SCHOOL[DEN_HAAG], VSO, None),
    (DEN_HAAG, VSO_SCHOOL[DEN_HAAG], VSO, date(2025, 3, 31)),
    (LEIDEN, VSO_SCHOOL[DEN_HAAG], VSO, None),
    (DEN_HAAG, VSO_SCHOOL[LEIDEN], VSO, None),
    (WESTLAND, VSO_SCHOOL[RIJSWIJK], VSO, None),
    (VOORSCHOTEN, VSO_SCHOOL[DELFT], VSO, None),
    (DEN_HAAG, VSO_SCHOOL[DELFT], VSO, date(2024, 9, 15)),  # left before the peildatum
    (RIJSWIJK, "20XA00", SO, None),
    (DEN_HAAG, "20XA00", SO, date(2025, 5, 15)),
    *[(DEN_HAAG, "20XC00", SBO, None)] * 2,
]


def _extract(path: Path) -> Path:
    bsns = valid_bsns(300_000_000)
    header = ["BSN", "Woongemeente", "Brinvest", "Onderwijstype", "Startdatum", "Einddatum"]
    rows = [[next(bsns), r, school, t, date(2023, 8, 28), end] for r, school, t, end in PUPILS]
    return write_xlsx(path, {"Leerlingen": [header, *rows]})


@pytest.fixture
def region(schools_loaded, db, tmp_path):
    (report,) = schools_loaded.import_files(
        [_extract(tmp_path / "leerlingen.xlsx")], ImportOptions(school_year=Y)
    )
    assert not report.errors, report.errors
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    set_tariff(db, Y, EduType.SO, 1_100_050)  # € 11.000,50: cents that must add up
    set_tariff(db, Y, EduType.SBO, 750_000)
    return db


# Reading a workbook back -----------------------------------------------------------------------


def _load(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data), data_only=False)


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _cells(data: bytes) -> dict[str, list[list[object]]]:
    """Every sheet as a list of rows of plain values; import moments (which change on every run)
    are replaced by a marker after checking that they are real date cells."""
    workbook = _load(data)
    result = {}
    for ws in workbook:
        rows = [[_plain(v) for v in row] for row in ws.iter_rows(values_only=True)]
        if ws.title == IMPORTS_SHEET:
            for row in rows[HEADER_ROW:]:
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", row[1]), row
                row[1] = "<importmoment>"
        result[ws.title] = rows
    return result


def _assert_no_formulas(data: bytes) -> None:
    workbook = _load(data)
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode("utf-8")
                assert not re.search(r"<(\w+:)?f[ >/]", xml), name


def _golden(name: str, actual: object) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"{path} ontbreekt; maak hem met GRENSVERKEER_UPDATE_GOLDEN=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(actual, ensure_ascii=False)) == expected


# Golden files ----------------------------------------------------------------------------------


def test_workbook_cells_match_the_golden_file(region) -> None:
    data = workbook_bytes(build_export(region, Y))
    cells = _cells(data)
    assert list(cells) == SHEETS
    _golden("workbook_2024-2025.json", cells)
    _assert_no_formulas(data)


def test_csv_files_match_the_golden_file(region) -> None:
    files = csv_files(build_export(region, Y))
    moment = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")
    actual = {
        name: moment.sub("<importmoment>", text).split("\r\n") for name, text in files.items()
    }
    assert actual["importverslag.csv"][1].count("<importmoment>") == 1
    _golden("csv_2024-2025.json", actual)


# Totals ----------------------------------------------------------------------------------------


def _cents(value) -> int:
    return to_cents(Decimal(repr(value))) if value is not None else 0


def _table(ws) -> tuple[list[str], list[list[object]], list[object]]:
    """Header, data rows and total row of a sheet's main table."""
    rows = [list(r) for r in ws.iter_rows(min_row=HEADER_ROW, values_only=True)]
    header, body = rows[0], rows[1:]
    end = next(i for i, row in enumerate(body) if row[0] == "Totaal")
    return header, body[:end], body[end]


def _check_grid(ws, first: int, last: int, total_column: int | None, as_number) -> list[int]:
    """Row totals, column totals and the grand total of columns first..last; returns the
    column totals (grand total last)."""
    _header, rows, total = _table(ws)
    for row in rows:
        parts = [as_number(v) for v in row[first : last + 1]]
        if total_column is not None:
            assert sum(parts) == as_number(row[total_column]), row
    columns = range(first, (total_column if total_column is not None else last) + 1)
    sums = [sum(as_number(row[c]) for row in rows) for c in columns]
    assert sums == [as_number(total[c]) for c in columns], ws.title
    return sums


def _count(value) -> int:
    return int(value or 0)


@pytest.mark.parametrize("pro_rata", [False, True], ids=["peildatum", "naar-rato"])
def test_every_total_is_the_sum_of_its_parts(region, pro_rata) -> None:
    if pro_rata:
        change_year_settings(region, Y, pro_rata=True)
    amounts = amount_matrix(region, Y)
    pupils = pupil_matrix(region, Y)
    settlement = compute_settlement(region, Y, "multilateral").settlement
    workbook = _load(workbook_bytes(build_export(region, Y)))
    exact_pupils = not pro_rata  # naar rato the cells show rounded leerlingjaren

    money = workbook[AMOUNTS_SHEET]
    width = money.max_column
    sums = _check_grid(money, 1, width - 2, width - 1, _cents)
    assert sums[-1] == amounts.total()
    if exact_pupils:
        sums = _check_grid(workbook[PUPILS_SHEET], 1, width - 2, width - 1, _count)
        assert sums[-1] == pupils.total()

    balances = workbook[BALANCES_SHEET]
    _header, rows, total = _table(balances)
    positions = dict(settlement.positions)
    for row in rows:
        name, code, _in, _out, cents_in, cents_out, correction, position = row
        assert _cents(position) == positions[code], name
        assert _cents(cents_in) - _cents(cents_out) + _cents(correction) == _cents(position)
    assert _cents(total[7]) == 0
    _check_grid(balances, 4, 7, None, _cents)

    transfers = workbook[TRANSFERS_SHEET]
    _header, rows, total = _table(transfers)
    assert sum(_cents(row[4]) for row in rows) == _cents(total[4]) == settlement.total_moved
    assert len(rows) == len(settlement.transfers)
    sections = [row for row in transfers.iter_rows(values_only=True) if row[0] == "Totaal"]
    outside_total = _cents(sections[-1][4])
    assert outside_total == sum(flow.cents for flow in settlement.outside) > 0

    types = workbook[TYPES_SHEET]
    header, _rows, total = _table(types)
    money_columns = [
        i for i, h in enumerate(header) if h.endswith("bedrag") and h != "Totaal bedrag"
    ]
    for row in _table(types)[1]:
        assert sum(_cents(row[i]) for i in money_columns) == _cents(row[-1])
    assert sum(_cents(total[i]) for i in money_columns) == _cents(total[-1]) == amounts.total()
    _check_grid(types, 1, len(header) - 1, None, _cents)

    schools = workbook[SCHOOLS_SHEET]
    if exact_pupils:
        sums = _check_grid(schools, 4, schools.max_column - 2, schools.max_column - 1, _count)
        assert sums[-1] == pupils.total()


def test_the_types_sheet_splits_every_cent_naar_rato(region) -> None:
    """Naar rato the amounts are fractions of cents per type; the split still adds up exactly."""
    change_year_settings(region, Y, pro_rata=True)
    export = build_export(region, Y)
    table = export.sheet(TYPES_SHEET).table
    assert table.total is not None
    assert table.total.values[-1] == amount_matrix(region, Y).total()
    for row in table.rows:
        amounts = [v for c, v in zip(table.columns, row.values, strict=True) if c.kind == "money"]
        assert sum(amounts[:-1]) == amounts[-1]


# Styles, properties, determinism -----------------------------------------------------------------


def test_styles_panes_filters_and_number_formats(region, tmp_path) -> None:
    path = write_workbook(build_export(region, Y), tmp_path / "export.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEETS
    assert workbook.properties.title == "Grensverkeer schooljaar 2024-2025"
    assert workbook.properties.creator == "Grensverkeer"
    assert workbook.properties.created == workbook.properties.modified == datetime(2024, 10, 1)
    for ws in workbook:
        header = ws[HEADER_ROW]
        assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:"), ws.title
        assert header[0].font.bold and header[0].fill.fgColor.rgb.endswith("1F4E78")
        assert ws.column_dimensions["A"].width >= 8
    for name in (PUPILS_SHEET, AMOUNTS_SHEET, BALANCES_SHEET, TYPES_SHEET, IMPORTS_SHEET):
        assert workbook[name].freeze_panes == "B5", name
    assert workbook[SCHOOLS_SHEET].freeze_panes == "C5"

    money = workbook[AMOUNTS_SHEET]
    assert money["B5"].number_format == MONEY_FORMAT  # 's-Gravenhage → 's-Gravenhage
    assert money["B5"].fill.fgColor.rgb.endswith("FFF2CC")  # the diagonal
    assert isinstance(money["B5"].value, int | float)
    pupils = workbook[PUPILS_SHEET]
    assert pupils["B5"].number_format == "#,##0" and pupils["B5"].value == 3
    names = [c.value for c in pupils["A"][HEADER_ROW:]]
    assert names[:4] == ["'s-Gravenhage", "Delft", "Leidschendam-Voorburg", "Midden-Delfland"]
    leiden = names.index("Leiden") + HEADER_ROW + 1
    assert pupils.cell(leiden, 1).fill.fgColor.rgb.endswith("EDEDED")  # buiten de regio
    assert pupils.cell(leiden, 1).border.top.style == "medium"  # the separator
    assert names.index("Leiden") > names.index("Zoetermeer")  # after every participant
    total_row = pupils.cell(HEADER_ROW + len(names), 1)
    assert total_row.value == "Totaal" and total_row.font.bold
    balances = workbook[BALANCES_SHEET]
    assert balances["H5"].number_format == MONEY_FORMAT
    assert balances["C5"].number_format == "#,##0"
    assert workbook[IMPORTS_SHEET]["B5"].number_format == "dd-mm-yyyy hh:mm"
    assert workbook[IMPORTS_SHEET]["B5"].is_date


def test_the_same_data_gives_the_same_bytes(region) -> None:
    first = workbook_bytes(build_export(region, Y))
    second = workbook_bytes(build_export(region, Y))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 10, 1, 0, 0, 0)}


# Hostile text ----------------------------------------------------------------------------------

HOSTILE_NAMES = {
    "20XA00": '=HYPERLINK("http://x","klik")',
    "20XA01": "+31 70 123 45 67",
    "20XB00": "@SUM(A1)",
    "20XE00": "-2+3",
}
HOSTILE_FILE = "=1+2 leerlingen.xlsx"


@pytest.fixture
def hostile(importer, db, tmp_path):
    from builders import SCHOOLS, SCHOOLS_HEADER, write_csv

    rows = [[*row[:2], HOSTILE_NAMES.get(row[0] + row[1], row[2]), *row[3:]] for row in SCHOOLS]
    schools = write_csv(tmp_path / "@scholen.csv", [SCHOOLS_HEADER, *rows])
    pupils = [
        (DELFT, "20XA00", SO, None),
        (DEN_HAAG, "20XA01", VSO, None),
        (DEN_HAAG, "20XB00", VSO, None),
        (DELFT, "20XE00", VSO, None),
    ]
    bsns = valid_bsns(500_000_000)
    header = ["BSN", "Woongemeente", "Brinvest", "Onderwijstype", "Startdatum", "Einddatum"]
    extract = write_xlsx(
        tmp_path / HOSTILE_FILE,
        {
            "Leerlingen": [
                header,
                *([next(bsns), r, s, t, date(2023, 8, 28), e] for r, s, t, e in pupils),
            ]
        },
    )
    reports = importer.import_files([schools, extract], ImportOptions(school_year=Y))
    assert not any(r.errors for r in reports), [r.errors for r in reports]
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    set_tariff(db, Y, EduType.SO, 1_100_000)
    return db


def test_hostile_text_stays_text_in_the_workbook(hostile) -> None:
    data = workbook_bytes(build_export(hostile, Y))
    _assert_no_formulas(data)
    workbook = _load(data)
    hostile_text = {*HOSTILE_NAMES.values(), HOSTILE_FILE, "@scholen.csv"}
    found = {}
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in hostile_text:
                    found[cell.value] = cell
    assert set(found) == hostile_text
    for text, cell in found.items():
        assert cell.data_type == "s" and cell.quotePrefix, text


def test_hostile_text_gets_an_apostrophe_in_csv(hostile) -> None:
    files = csv_files(build_export(hostile, Y))
    schools = files["per-school.csv"]
    for name in HOSTILE_NAMES.values():
        quoted = "\"'" + name.replace('"', '""') + '"' if '"' in name else "'" + name
        assert f";{quoted};" in schools, name
    assert ";'=1+2 leerlingen.xlsx;" in files["importverslag.csv"]
    assert ";'@scholen.csv;" in files["importverslag.csv"]
    # numbers are no text: a negative saldo stays a number
    assert re.search(r";-\d+,\d\d\r\n", files["saldi.csv"])
    for name, text in files.items():
        for line in text.split("\r\n"):
            for field in line.split(";"):
                assert not field.startswith(("=", "+", "@", "\t")), (name, field)
