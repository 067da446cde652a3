"""Reading xlsx, xls and ods: values, Excel row/column fidelity, sheets and visibility."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlwt
from openpyxl.styles import PatternFill

from grensverkeer.importing.readers import ReadError, ReadLimits, read_workbook


def _xlsx(path: Path, sheets: dict[str, dict[str, object]], hidden: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, cells in sheets.items():
        sheet = book.create_sheet(name)
        for ref, value in cells.items():
            sheet[ref] = value
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def test_xlsx_values_keep_their_types(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "leerlingen.xlsx",
        {
            "Leerlingen": {
                "A1": "BSN",
                "B1": "Startdatum",
                "C1": "Bedrag",
                "D1": "Woonplaats",
                "A2": 123456782,
                "B2": dt.date(2023, 8, 28),
                "C2": 1234.56,
                "D2": "’s-Gravenzande",
                "A3": "012345678",
                "B3": dt.datetime(2023, 8, 28, 10, 30),
                "C3": 12,
                "E3": True,
            }
        },
    )
    book = read_workbook(path)
    assert (book.format, book.encoding, book.delimiter, book.notes) == ("xlsx", None, None, ())
    assert [sheet.name for sheet in book.sheets] == ["Leerlingen"]
    rows = book.sheets[0].rows
    assert rows[0] == ["BSN", "Startdatum", "Bedrag", "Woonplaats", ""]
    assert rows[1] == [123456782, dt.date(2023, 8, 28), 1234.56, "’s-Gravenzande", ""]
    assert rows[2] == ["012345678", dt.datetime(2023, 8, 28, 10, 30), 12, "", True]
    # xlsx stores every number as text; calamine gives floats, also for whole numbers
    assert isinstance(rows[1][0], float)
    assert type(rows[1][1]) is dt.date


def test_xlsx_data_starting_at_b3_keeps_excel_rows_and_columns(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "b3.xlsx",
        {"Blad1": {"B3": "BSN", "C3": "Naam", "B4": 123456782, "C4": "Jan", "D6": "Totaal"}},
    )
    rows = read_workbook(path).sheets[0].rows
    assert len(rows) == 6  # rows 1..6
    assert all(len(row) == 4 for row in rows)  # columns A..D
    assert rows[0] == ["", "", "", ""]
    assert rows[2][1] == "BSN"  # B3
    assert rows[3][1:3] == [123456782, "Jan"]  # B4, C4
    assert rows[5][3] == "Totaal"  # D6


def test_xlsx_title_row_and_merged_cells_above_the_header(tmp_path: Path) -> None:
    path = tmp_path / "titel.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Overzicht"
    sheet["B1"] = "Leerlingen SWV 28-06, schooljaar 2024-2025"
    sheet.merge_cells("B1:D1")
    sheet["B3"], sheet["C3"], sheet["D3"] = "BSN", "BRIN", "Vestiging"
    sheet["B4"], sheet["C4"], sheet["D4"] = 123456782, "12ab", 0
    book.save(path)
    rows = read_workbook(path).sheets[0].rows
    # a merged range holds its value in the top-left cell only; the rest reads as empty
    assert rows[0] == ["", "Leerlingen SWV 28-06, schooljaar 2024-2025", "", ""]
    assert rows[1] == ["", "", "", ""]
    assert rows[2] == ["", "BSN", "BRIN", "Vestiging"]
    assert rows[3] == ["", 123456782, "12ab", 0]


def test_xlsx_sheets_in_order_hidden_ones_skipped_with_a_note(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "blad.xlsx",
        {
            "PO": {"A1": "po"},
            "Oud": {"A1": "verborgen gegevens"},
            "VO": {"A1": "vo"},
            "Leeg": {},
        },
        hidden=("Oud",),
    )
    book = read_workbook(path)
    assert [sheet.name for sheet in book.sheets] == ["PO", "VO", "Leeg"]
    assert book.sheets[2].rows == []
    assert book.notes == ("Werkblad ‘Oud’ is verborgen en is niet gelezen.",)


def test_xlsx_very_hidden_sheet_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "zeer.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "zichtbaar"
    secret = book.create_sheet("Geheim")
    secret["A1"] = "x"
    secret.sheet_state = "veryHidden"
    book.save(path)
    result = read_workbook(path)
    assert [sheet.name for sheet in result.sheets] == ["Sheet"]
    assert "Geheim" in result.notes[0]


def test_xls_values_dates_and_hidden_sheet(tmp_path: Path) -> None:
    path = tmp_path / "oud.xls"
    book = xlwt.Workbook()
    sheet = book.add_sheet("Leerlingen")
    sheet.write_merge(0, 0, 1, 3, "Titel")
    sheet.write(2, 1, "BSN")
    sheet.write(2, 2, "Start")
    sheet.write(2, 3, "Bedrag")
    sheet.write(3, 1, 123456782)
    sheet.write(3, 2, dt.date(2023, 8, 28), xlwt.easyxf(num_format_str="DD-MM-YYYY"))
    sheet.write(3, 3, 1234.56)
    sheet.write(4, 1, "’s-Gravenzande")
    hidden = book.add_sheet("Verborgen")
    hidden.write(0, 0, "x")
    hidden.visibility = 1
    book.save(str(path))

    result = read_workbook(path)
    assert result.format == "xls"
    assert [sheet.name for sheet in result.sheets] == ["Leerlingen"]
    assert result.notes == ("Werkblad ‘Verborgen’ is verborgen en is niet gelezen.",)
    rows = result.sheets[0].rows
    assert rows[0] == ["", "Titel", "", ""]
    assert rows[2] == ["", "BSN", "Start", "Bedrag"]
    assert rows[3] == ["", 123456782, dt.date(2023, 8, 28), 1234.56]
    assert type(rows[3][1]) is int  # xls keeps whole numbers as int
    assert rows[4][1] == "’s-Gravenzande"


def test_ods_values_and_position(tmp_path: Path) -> None:
    path = tmp_path / "lijst.ods"
    frame = pd.DataFrame(
        {
            "BSN": [123456782, 987654321],
            "Start": [dt.date(2023, 8, 28), dt.date(2024, 1, 2)],
            "Woonplaats": ["’s-Gravenzande", "Delft"],
            "Bedrag": [1234.5, 7],
        }
    )
    with pd.ExcelWriter(path, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Leerlingen", startrow=2, startcol=1, index=False)
        frame.head(1).to_excel(writer, sheet_name="Tweede", index=False)
    result = read_workbook(path)
    assert result.format == "ods"
    assert [sheet.name for sheet in result.sheets] == ["Leerlingen", "Tweede"]
    rows = result.sheets[0].rows
    assert rows[0] == ["", "", "", "", ""]
    assert rows[2] == ["", "BSN", "Start", "Woonplaats", "Bedrag"]
    assert rows[3] == ["", 123456782, dt.date(2023, 8, 28), "’s-Gravenzande", 1234.5]
    assert rows[4] == ["", 987654321, dt.date(2024, 1, 2), "Delft", 7]
    assert result.sheets[1].rows[0][0] == "BSN"


@pytest.mark.parametrize("name", ["eigenlijk-xlsx.xls", "eigenlijk-xlsx.csv", "LEERLINGEN.XLSX"])
def test_content_decides_the_format_not_the_extension(tmp_path: Path, name: str) -> None:
    path = _xlsx(tmp_path / name, {"Blad1": {"A1": "BSN", "A2": 123456782}})
    result = read_workbook(path)
    assert result.format == "xlsx"
    assert result.sheets[0].rows == [["BSN"], [123456782]]
    if name.endswith(".XLSX"):
        assert result.notes == ()
    else:
        assert result.notes == (
            f"‘{name}’ is eigenlijk een Excel-werkmap (.xlsx) en is zo gelezen.",
        )


def test_xls_content_named_xlsx_is_read_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    book = xlwt.Workbook()
    book.add_sheet("Blad1").write(0, 0, "BSN")
    book.save(str(path))
    result = read_workbook(path)
    assert result.format == "xls"
    assert result.sheets[0].rows == [["BSN"]]
    assert "Excel 97-2003-werkmap (.xls)" in result.notes[0]


def test_far_away_cell_is_refused_before_calamine_builds_the_grid(tmp_path: Path) -> None:
    # calamine would allocate 1,048,576 × 16,384 cells and abort the process
    path = _xlsx(tmp_path / "ver.xlsx", {"Blad1": {"A1": "BSN", "XFD1048576": "x"}})
    with pytest.raises(ReadError) as caught:
        read_workbook(path)
    assert caught.value.code == "sheet_too_large"
    assert "‘ver.xlsx’" in caught.value.message
    assert "rij 1.048.576 en kolom XFD" in caught.value.message


def test_far_away_formatted_empty_cell_does_not_block_reading(tmp_path: Path) -> None:
    path = tmp_path / "opmaak.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["B2"] = "BSN", 123456782
    sheet["XFD1048576"].fill = PatternFill("solid", fgColor="FFFF00")  # dimension A1:XFD1048576
    book.save(path)
    assert read_workbook(path).sheets[0].rows == [["BSN", ""], ["", 123456782]]


def test_hidden_far_away_sheet_is_never_opened(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "solver.xlsx",
        {"Data": {"A1": "BSN"}, "Solver": {"A1": 1, "XFD1048576": 2}},
        hidden=("Solver",),
    )
    assert [sheet.name for sheet in read_workbook(path).sheets] == ["Data"]


def test_sheet_without_dimension_is_checked_after_reading(tmp_path: Path) -> None:
    path = tmp_path / "stream.xlsx"
    book = openpyxl.Workbook(write_only=True)  # writes no <dimension>
    sheet = book.create_sheet("Blad1")
    for row in range(3):
        sheet.append([row] * 5)
    book.save(path)
    with pytest.raises(ReadError) as caught:
        read_workbook(path, limits=ReadLimits(max_sheet_cells=10))
    assert caught.value.code == "sheet_too_large"
    assert len(read_workbook(path).sheets[0].rows) == 3
