"""Every format an extract arrives in gives the same matrix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import (
    EXPECTED_2024,
    PUPIL_HEADER,
    pupils_rows,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx,
)

from grensverkeer.domain import FileKind
from grensverkeer.services.imports.reports import Outcome


def _messy_sheet() -> list[list[object]]:
    """Title rows, a blank row, the header, data, a Totaal footer."""
    return [
        ["Samenwerkingsverband VO 28-06 — overzicht grensverkeer"],
        ["Peildatum: 1 oktober 2024"],
        [],
        PUPIL_HEADER,
        *pupils_rows(),
        [],
        ["Totaal", 6],
    ]


def _as_text(rows: list[list[object]]) -> list[list[object]]:
    return [[v.strftime("%d-%m-%Y") if isinstance(v, date) else v for v in row] for row in rows]


WRITERS = {
    "xlsx": lambda p: write_xlsx(
        p, {"Toelichting": [["Uitleg bij dit overzicht"]], "Leerlingen": _messy_sheet()}
    ),
    "xls": lambda p: write_xls(p, _messy_sheet()),
    "ods": lambda p: write_ods(p, _as_text(_messy_sheet())),
    "csv": lambda p: write_csv(p, _messy_sheet(), encoding="cp1252"),
    "txt": lambda p: write_csv(p, _messy_sheet(), delimiter="\t", encoding="utf-8-sig"),
}


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_every_format_gives_the_same_matrix(
    extension: str, schools_loaded, cells, tmp_path: Path
) -> None:
    path = WRITERS[extension](tmp_path / f"leerlingen.{extension}")
    (report,) = schools_loaded.import_files([path])
    assert report.outcome is Outcome.STORED, [i.describe() for i in report.errors]
    assert report.kind is FileKind.PUPILS
    assert str(report.school_year) == "2024-2025"
    assert "Peildatum: 1 oktober 2024" in report.school_year_source
    assert report.rows_read == 6
    assert report.rows_stored == 6
    assert cells() == EXPECTED_2024


def test_comma_separated_utf8_with_bom_and_quotes(schools_loaded, cells, tmp_path) -> None:
    path = write_csv(
        tmp_path / "swv.csv", [PUPIL_HEADER, *pupils_rows()], delimiter=",", encoding="utf-8-sig"
    )
    (report,) = schools_loaded.import_files([path])
    assert report.outcome is Outcome.STORED, [i.describe() for i in report.errors]
    assert report.school_year_source == "afgeleid uit de start- en einddatums"
    assert cells() == EXPECTED_2024


def test_school_list_and_extract_in_one_command_in_any_order(importer, cells, tmp_path) -> None:
    from builders import school_list

    extract = write_xlsx(tmp_path / "x.xlsx", {"Blad1": [PUPIL_HEADER, *pupils_rows()]})
    reports = importer.import_files([extract, school_list(tmp_path)])
    assert [r.kind for r in reports] == [FileKind.PUPILS, FileKind.SCHOOLS]
    assert all(r.outcome is Outcome.STORED for r in reports)
    assert cells() == EXPECTED_2024


def test_the_right_sheet_among_several(schools_loaded, cells, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "meer.xlsx",
        {
            "Samenvatting": [["Gemeente", "Aantal"], ["Delft", 12]],
            "Data": [PUPIL_HEADER, *pupils_rows()],
        },
    )
    (report,) = schools_loaded.import_files([path])
    assert report.outcome is Outcome.STORED
    assert any("Samenvatting" in note for note in report.notes)
    assert cells() == EXPECTED_2024


def test_header_found_below_merged_title_and_data_starting_in_column_c(
    schools_loaded, cells, tmp_path
) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["C2"] = "Overzicht leerlingen met zorgarrangement"
    sheet.merge_cells("C2:J2")
    for r, row in enumerate([PUPIL_HEADER, *pupils_rows()], start=5):
        for c, value in enumerate(row, start=3):
            sheet.cell(row=r, column=c, value=value)
    path = tmp_path / "samengevoegd.xlsx"
    workbook.save(path)
    (report,) = schools_loaded.import_files([path])
    assert report.outcome is Outcome.STORED, [i.describe() for i in report.errors]
    assert cells() == EXPECTED_2024
