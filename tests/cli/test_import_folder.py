"""Importing a folder imports the spreadsheets directly in it, school lists first.

Issue 13: ``grensverkeer import MAP`` said "bestand niet gevonden". The SWV-overzichten of a
year usually arrive together in one folder; Excel's lock files, hidden files and subfolders
(an archive of last year) are left alone, and a folder without spreadsheets is said.
"""

from __future__ import annotations

from pathlib import Path

from builders import flows_extract, school_list

from grensverkeer.importing.folders import files_to_import, spreadsheets_in
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_log import list_imports
from grensverkeer.services.matrices.counted_matrix import pupil_matrix


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "aanlevering"
    folder.mkdir()
    flows_extract(folder / "a_leerlingen.xlsx", {("GM0503", "GM0518"): 3})
    school_list(folder)  # scholen.csv: sorts after a_leerlingen.xlsx, imported first all the same
    (folder / "~$a_leerlingen.xlsx").write_bytes(b"lock")
    (folder / ".verborgen.csv").write_text("x", encoding="utf-8")
    (folder / "notities.docx").write_bytes(b"PK")
    archive = folder / "vorig jaar"
    archive.mkdir()
    flows_extract(archive / "oud.xlsx", {("GM0603", "GM0518"): 9})
    return folder


def test_the_folder_is_read_flat_and_without_lock_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert [p.name for p in spreadsheets_in(folder)] == ["a_leerlingen.xlsx", "scholen.csv"]
    single = folder / "scholen.csv"
    assert files_to_import([single, folder]) == [single, folder / "a_leerlingen.xlsx"]


def test_import_a_folder(db, cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out, err = cli("--db", _url(db), "import", folder, "--school-year", "2024-2025")
    assert code == 0, (out, err)
    names = [entry.file_name for entry in list_imports(db)]
    assert names == ["scholen.csv", "a_leerlingen.xlsx"]  # the school list first
    assert pupil_matrix(db, SchoolYear(2024)).cells[("GM0503", "GM0518")] == 3
    assert "oud.xlsx" not in out + err


def test_a_folder_without_spreadsheets_is_said(db, cli, tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    (empty / "brief.pdf").write_bytes(b"%PDF-")
    code, out, err = cli("--db", _url(db), "import", empty)
    assert code == 2 and out == ""
    assert "De map ‘" in err and "bevat geen werkbladen of csv-bestanden" in err
    assert list_imports(db) == []
