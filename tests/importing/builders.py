"""Small spreadsheets made inside the tests, in every format real extracts arrive in."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import MetaData, select

from grensverkeer.storage.database import Database

SCHOOLS_HEADER = [
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "VESTIGINGSNAAM",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "SOORT PRIMAIR ONDERWIJS",
    "ONDERWIJS",
]
SCHOOLS = [
    ["20XA", "00", "DE KLIMOP", "S GRAVENHAGE", "0518", "S GRAVENHAGE", "(V)SO", "SO/VSO"],
    ["20XA", "01", "DE KLIMOP VSO", "S GRAVENHAGE", "518", "S GRAVENHAGE", "(V)SO", "VSO"],
    ["20XB", "00", "HET ANKER", "DELFT", "0503", "DELFT", "(V)SO", "VSO"],
    ["20XC", "00", "DE BRUG", "RIJSWIJK", "0603", "RIJSWIJK (ZH.)", "SBAO", ""],
    ["21QQ", "00", "LEIDSE SCHOOL", "LEIDEN", "0546", "LEIDEN", "(V)SO", "VSO"],
    ["20XE", "00", "DE HAVEN", "RIJSWIJK", "0603", "RIJSWIJK (ZH.)", "(V)SO", "VSO"],
]
# A VSO location per municipality, for tests that need flows between them.
VSO_SCHOOL = {"GM0518": "20XA01", "GM0503": "20XB00", "GM0603": "20XE00", "GM0546": "21QQ00"}

# Valid BSNs (11-proef); the second starts with 0 so Excel drops it.
BSN = ["111222333", "012345672", "123456782", "100000009", "100000010", "100000022"]

PUPIL_HEADER = [
    "BSN",
    "Achternaam",
    "Woongemeente",
    "BRIN",
    "Vestiging",
    "Onderwijstype",
    "Startdatum",
    "Einddatum",
]


def pupils_rows() -> list[list[object]]:
    """Six pupils: flows Den Haag→Den Haag, Westland→Delft, Rijswijk→Den Haag, Leiden→Den Haag,
    Den Haag→Leiden, and one who left before the peildatum."""
    return [
        [111222333, "Jansen", "Den Haag", "20xa", 0, "VSO", date(2023, 8, 28), None],
        [12345672, "de Vries", "Gemeente Westland", "20XB", 0, "", date(2023, 8, 28), None],
        ["123.456.782", "Bakker", "Rijswijk (ZH)", "20XA", 1, "vso", date(2024, 8, 26), None],
        [100000009, "Visser", "Leiden", "20XA", 1, "VSO", date(2022, 8, 29), None],
        [100000010, "Smit", "’s-Gravenhage", "21QQ", "00", "VSO", date(2024, 8, 26), None],
        [100000022, "Mulder", "Den  Haag ", "20XB", 0, "VSO", date(2023, 8, 28), date(2024, 9, 15)],
    ]


EXPECTED_2024 = {
    ("GM0518", "GM0518"): 1,
    ("GM1783", "GM0503"): 1,
    ("GM0603", "GM0518"): 1,
    ("GM0546", "GM0518"): 1,
    ("GM0518", "GM0546"): 1,
}


def write_csv(
    path: Path, rows: Sequence[Sequence[object]], *, delimiter: str = ";", encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else _text(v) for v in row])
    return path


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def school_list(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "scholen.csv", [SCHOOLS_HEADER, *SCHOOLS], encoding="cp1252")


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def write_xls(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Leerlingen")
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(r, c, value, date_style)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    import pandas as pd

    width = max(len(r) for r in rows)
    frame = pd.DataFrame([[*r, *([None] * (width - len(r)))] for r in rows])
    frame.to_excel(path, engine="odf", header=False, index=False, sheet_name="Leerlingen")
    return path


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to show that a refused import changed nothing."""
    metadata = MetaData()
    metadata.reflect(db.engine)
    with db.engine.connect() as connection:
        return {
            name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for name, table in metadata.tables.items()
        }


def valid_bsns(start: int = 200_000_000):
    """Valid BSNs (11-proef) in increasing order, for tests that need many pupils."""
    from grensverkeer.importing.values import passes_eleven_test

    number = start
    while True:
        if passes_eleven_test(f"{number:09d}"):
            yield f"{number:09d}"
        number += 1


def flows_extract(
    path: Path,
    flows: dict[tuple[str, str], int],
    *,
    edu_type: str = "VSO",
    start: date = date(2023, 8, 28),
    end: date | None = None,
    extra: Sequence[Sequence[object]] = (),
    first_bsn: int = 200_000_000,
) -> Path:
    """An extract with ``n`` pupils per (residence code, school municipality code) pair."""
    header = ["BSN", "Woongemeente", "Brinvest", "Onderwijstype", "Startdatum", "Einddatum"]
    bsns = valid_bsns(first_bsn)
    rows = [
        [next(bsns), residence, VSO_SCHOOL[school], edu_type, start, end]
        for (residence, school), count in sorted(flows.items())
        for _ in range(count)
    ]
    return write_xlsx(path, {"Leerlingen": [header, *rows, *extra]})
