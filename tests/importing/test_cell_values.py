"""Cell values as they are (issue 12): error cells, formulas without a result, absurd amounts,
twin headers, control characters and ISO timestamps never turn into numbers silently.

The error-cell shapes are the ones real programs write: Excel stores a failed formula as
``<c t="e"><f>…</f><v>#N/A</v></c>``; openpyxl (and every script that writes formulas) stores
``<f>…</f><v/>`` without a result; LibreOffice stores ``#DIV/0!`` as the number 0 with
``calcext:value-type="error"``; a csv export writes the error text itself.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from builders import PUPIL_HEADER, pupils_rows, snapshot, write_csv, write_xlsx

from grensverkeer.importing.readers import read_workbook
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.imports.reports import Outcome

YEAR = ImportOptions(school_year=SchoolYear(2024))


def _import(importer, path: Path, options: ImportOptions = YEAR):
    (report,) = importer.import_files([path], options)
    return report


def _excel_error_cell(path: Path, cell: str, formula: str, error: str) -> Path:
    """Rewrite one cell of an openpyxl file into Excel's form of a formula whose result is an
    error value."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename.startswith("xl/worksheets/"):
                start = data.index(f'<c r="{cell}"'.encode())
                end = data.index(b"</c>", start) + 4
                data = (
                    data[:start]
                    + f'<c r="{cell}" t="e"><f>{formula}</f><v>{error}</v></c>'.encode()
                    + data[end:]
                )
            target.writestr(info, data)
    return path


def test_an_excel_error_in_the_end_date_refuses_the_row_and_names_the_cell(
    schools_loaded, cells, db, tmp_path
) -> None:
    rows = pupils_rows()
    rows[0][7] = date(2025, 7, 31)  # Jansen: an end date, which the formula will replace
    path = write_xlsx(tmp_path / "fout.xlsx", {"L": [PUPIL_HEADER, *rows]})
    _excel_error_cell(path, "H2", "VLOOKUP(A2,Uit!A:B,2,FALSE)", "#REF!")
    before = snapshot(db)
    report = _import(schools_loaded, path)
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert (error.row, error.column, error.code) == (2, "H (Einddatum)", "foutwaarde")
    assert "‘#REF!’" in error.message and error.value == "#REF!"
    assert snapshot(db) == before
    report = _import(
        schools_loaded, path, ImportOptions(school_year=SchoolYear(2024), skip_invalid=True)
    )
    assert report.outcome is Outcome.STORED and report.rows_skipped == 1
    assert ("GM0518", "GM0518") not in cells()  # Jansen did not count as "no end date"


def test_a_formula_saved_without_its_result_is_not_an_empty_cell(schools_loaded, tmp_path) -> None:
    rows = pupils_rows()
    rows[2][7] = "=G4+365"  # openpyxl keeps the formula and no result, like any script
    report = _import(schools_loaded, write_xlsx(tmp_path / "f.xlsx", {"L": [PUPIL_HEADER, *rows]}))
    (error,) = report.errors
    assert (error.row, error.code) == (4, "formule_zonder_waarde")
    assert "‘=G4+365’" in error.message and "opnieuw op" in error.suggestion


def test_a_na_residence_does_not_fall_back_to_the_place(schools_loaded, tmp_path) -> None:
    header = [*PUPIL_HEADER, "Woonplaats"]
    rows = [[*row, row[2]] for row in pupils_rows()]
    rows[1][2], rows[1][8] = "#N/B", "Naaldwijk"  # a Dutch Excel's #N/A, as a csv writes it
    report = _import(schools_loaded, write_csv(tmp_path / "n.csv", [header, *rows]))
    assert report.outcome is Outcome.REFUSED
    assert [(e.row, e.code, e.value) for e in report.errors] == [(3, "foutwaarde", "#N/B")]


def test_libreoffice_error_cells_are_read_as_errors(tmp_path) -> None:
    path = tmp_path / "lo.ods"
    cell = (
        '<table:table-cell office:value-type="float" office:value="{0}">'
        "<text:p>{0}</text:p></table:table-cell>"
    )
    error = (
        '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
        'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
        '<office:body><office:spreadsheet><table:table table:name="Blad1">'
        f"<table:table-row>{cell.format(1)}{error}</table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
            'xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    (sheet,) = read_workbook(path).sheets
    assert sheet.rows == [[1.0, 0.0]]  # calamine alone reads the error as the number 0
    ((row, column, text),) = [(f.row, f.column, f.text) for f in sheet.faults]
    assert (row, column, text) == (0, 1, "#DIV/0!")


@pytest.mark.parametrize(
    ("amount", "why"),
    [
        (-1250, "negatief"),
        ("-1.250,00", "negatief"),
        (30_000_000, "meer dan € 10.000.000"),
        (1e308, "veel te groot"),
        (10**18, "veel te groot"),
    ],
)
def test_a_negative_or_absurd_amount_is_refused_with_its_value(
    schools_loaded, tmp_path, amount, why
) -> None:
    header = [*PUPIL_HEADER, "Kosten"]
    rows = [[*row, 12_500] for row in pupils_rows()]
    rows[3][8] = amount
    report = _import(schools_loaded, write_xlsx(tmp_path / "k.xlsx", {"L": [header, *rows]}))
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert (error.row, error.code) == (5, "bedrag")
    assert why in error.message


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_an_amount_that_is_no_finite_number_is_refused(value: float) -> None:
    from grensverkeer.money import AmountError, parse_pupil_amount

    with pytest.raises(AmountError, match="geen getal"):
        parse_pupil_amount(value)


def test_the_largest_allowed_amount_is_stored_exactly(schools_loaded, db, tmp_path) -> None:
    header = [*PUPIL_HEADER, "Kosten"]
    rows = [[*row, "€ 10.000.000,00"] for row in pupils_rows()]
    report = _import(schools_loaded, write_csv(tmp_path / "max.csv", [header, *rows]))
    assert report.outcome is Outcome.STORED
    from sqlalchemy import text

    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT DISTINCT cost_cents FROM pupil_records")).all()
    assert stored == [(1_000_000_000,)]


def test_two_columns_with_one_header_are_a_question(schools_loaded, tmp_path) -> None:
    header = [*PUPIL_HEADER, "Einddatum"]
    rows = [[*row, row[7]] for row in pupils_rows()]
    rows[2][8] = date(2024, 9, 1)  # the second Einddatum ends Bakker before the peildatum
    report = _import(schools_loaded, write_xlsx(tmp_path / "d.xlsx", {"L": [header, *rows]}))
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert error.code == "kolom_dubbel"
    assert "‘Einddatum’ staat er twee keer" in error.message
    assert "kolom H" in error.message and "kolom I" in error.message


def test_identical_twin_columns_are_no_question(schools_loaded, tmp_path) -> None:
    header = [*PUPIL_HEADER, "Einddatum"]
    rows = [[*row, row[7]] for row in pupils_rows()]
    report = _import(schools_loaded, write_xlsx(tmp_path / "s.xlsx", {"L": [header, *rows]}))
    assert report.outcome is Outcome.STORED


def test_control_characters_never_reach_the_database(schools_loaded, db, tmp_path) -> None:
    header = [*PUPIL_HEADER, "Arrangement"]
    rows = [[*row, "Licht"] for row in pupils_rows()]
    rows[4][8] = "Zwaar\x00 arrangement\x07"  # a NUL late in the file, past the sniffed head
    path = write_csv(tmp_path / "nul.csv", [header, *rows])
    report = _import(schools_loaded, path)
    assert report.outcome is Outcome.STORED
    assert any("besturingstekens" in note for note in report.notes)
    from sqlalchemy import text

    with db.engine.connect() as connection:
        stored = {
            row[0] for row in connection.execute(text("SELECT arrangement FROM pupil_records"))
        }
    assert stored == {"Licht", "Zwaar arrangement"}


def test_iso_timestamps_are_dates(schools_loaded, cells, tmp_path) -> None:
    rows = pupils_rows()
    for row in rows:
        for i in (6, 7):
            if isinstance(row[i], date):
                row[i] = f"{row[i]:%Y-%m-%d}T00:00:00"
    report = _import(schools_loaded, write_csv(tmp_path / "iso.csv", [PUPIL_HEADER, *rows]))
    assert report.outcome is Outcome.STORED
    assert report.rows_stored == 6


def test_utf16_without_byte_order_mark_is_read_as_text(tmp_path) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes("BSN;Woonplaats\r\n123456782;’s-Gravenhage\r\n".encode("utf-16-le"))
    workbook = read_workbook(path)
    assert workbook.encoding == "utf-16-le"
    assert workbook.sheets[0].rows == [["BSN", "Woonplaats"], ["123456782", "’s-Gravenhage"]]


def test_a_giant_cell_is_named_as_such(tmp_path) -> None:
    from grensverkeer.importing.readers import ReadError

    path = tmp_path / "lang.csv"
    path.write_text("BSN;Opmerking\n123456782;" + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_workbook(path)
    assert "regel 2 bevat een cel van meer dan 131.072 tekens" in caught.value.message
    assert "aanhalingsteken" not in caught.value.message


def test_an_unclosed_quote_is_still_named_as_such(tmp_path) -> None:
    from grensverkeer.importing.readers import ReadError

    path = tmp_path / "quote.csv"
    lines = ["BSN;Opmerking", '123456782;"begint hier'] + ["123456782;tekst"] * 20_000
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_workbook(path)
    assert "vanaf regel 2" in caught.value.message and "aanhalingsteken" in caught.value.message


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX only")
def test_a_pipe_or_a_folder_is_no_file(importer, tmp_path) -> None:
    import os

    pipe = tmp_path / "pijp.csv"
    os.mkfifo(pipe)
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    reports = importer.import_files([pipe, folder, tmp_path / "weg.csv"])
    messages = [r.errors[0].message for r in reports]
    assert "geen gewoon bestand" in messages[0]
    assert "een map" in messages[1]
    assert messages[2] == "bestand niet gevonden"


def test_an_xls_error_cell_is_found_and_a_far_cell_refused_before_reading(tmp_path) -> None:
    import xlwt

    from grensverkeer.importing.readers import ReadError

    book = xlwt.Workbook()
    sheet = book.add_sheet("Blad1")
    sheet.write(0, 0, "BSN")
    sheet.write(1, 0, 123456782)
    sheet.row(1).set_cell_error(1, "#REF!")  # a BOOLERR record, as Excel 97-2003 stores it
    book.save(str(tmp_path / "fout.xls"))
    (read,) = read_workbook(tmp_path / "fout.xls").sheets
    assert read.rows == [["BSN", ""], [123456782, ""]]
    assert [(f.row, f.column, f.text) for f in read.faults] == [(1, 1, "#REF!")]
    sheet.write(65535, 255, 1)  # IV65536: calamine would build a grid of 16.7 million cells
    book.save(str(tmp_path / "ver.xls"))
    with pytest.raises(ReadError) as caught:
        read_workbook(tmp_path / "ver.xls")
    assert caught.value.code == "sheet_too_large" and "rij 65.536 en kolom IV" in str(caught.value)


def _shared_string_xlsx(path: Path, text: str, cells: int) -> Path:
    """An xlsx as Excel writes it: the text once in sharedStrings.xml, each cell pointing at it
    (openpyxl would write every cell's text inline)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="s"><v>0</v></c></row>'
        for r in range(1, cells + 1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="L" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{main}" count="{cells}" uniqueCount="1"><si><t>{text}</t></si></sst>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>',
        )
    return path


def test_a_long_shared_string_in_many_cells_is_refused_before_calamine_copies_it(
    tmp_path,
) -> None:
    from grensverkeer.importing.readers import ReadError

    note = "opmerking " * 6_000  # 60,000 characters: allowed in one cell (under 64 kB) ...
    few = read_workbook(_shared_string_xlsx(tmp_path / "weinig.xlsx", note, 100))
    assert few.sheets[0].rows[99] == [100.0, note.strip()]  # calamine trims the end
    # ... but calamine copies a shared string into every cell that shows it: 2,000 × 60 kB
    with pytest.raises(ReadError) as caught:
        read_workbook(_shared_string_xlsx(tmp_path / "veel.xlsx", note, 2_000))
    assert "herhaalt lange teksten" in caught.value.message
    assert "120 MB tekst" in caught.value.message
