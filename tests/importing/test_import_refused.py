"""Hostile and broken files: a clear Dutch message naming the file, and an unchanged database."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from builders import PUPIL_HEADER, pupils_rows, snapshot, write_xlsx

from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.services.imports.importer import Importer
from grensverkeer.services.imports.reports import Outcome


def _truncated(tmp_path: Path) -> Path:
    whole = write_xlsx(tmp_path / "heel.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    data = whole.read_bytes()
    path = tmp_path / "afgebroken.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _text_named_xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "tekst.xlsx"
    path.write_text("BSN;Woongemeente\n111222333;Delft\n", encoding="utf-8")
    return path


def _empty_workbook(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "leeg.xlsx", {"Blad1": []})


def _unknown_columns(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "vreemd.xlsx", {"Blad1": [["Kolom A", "Kolom B"], [1, 2]]})


def _zip_bomb(tmp_path: Path) -> Path:
    """A small xlsx whose one member declares gigabytes once inflated."""
    path = tmp_path / "bom.xlsx"
    whole = write_xlsx(tmp_path / "basis.xlsx", {"L": [PUPIL_HEADER]})
    chunk = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(whole) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        with target.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as member:
            for _ in range(1100):  # 1.1 GB of zeros, a few MB on disk
                member.write(chunk)
    return path


def _empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "niks.csv"
    path.write_bytes(b"")
    return path


HOSTILE = {
    "truncated": (_truncated, "beschadigd"),
    "text_named_xlsx": (_text_named_xlsx, "geen Excel-bestand"),
    "empty_workbook": (_empty_workbook, "leeg"),
    "unknown_columns": (_unknown_columns, "kolom"),
    "empty_file": (_empty_file, "leeg"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_and_nothing_changes(
    case: str, schools_loaded, db, tmp_path: Path, cli
) -> None:
    make, words = HOSTILE[case]
    path = make(tmp_path)
    before = snapshot(db)
    (report,) = schools_loaded.import_files([path])
    assert report.outcome is Outcome.REFUSED
    text = " ".join(i.describe() for i in report.errors)
    assert words in text
    assert path.name in text
    assert snapshot(db) == before


@pytest.mark.slow
def test_zip_bomb_is_refused_before_it_is_inflated(schools_loaded, db, tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path)
    assert path.stat().st_size < 20_000_000
    before = snapshot(db)
    (report,) = schools_loaded.import_files([path])
    assert report.outcome is Outcome.REFUSED
    assert report.errors[0].code == "zip_bomb"
    assert "bom.xlsx" in report.errors[0].describe()
    assert snapshot(db) == before


def test_a_file_with_row_errors_is_refused_whole(schools_loaded, db, tmp_path, cli) -> None:
    rows = pupils_rows()
    rows[1][2] = "Den Haaag"
    rows[3][0] = 111222334  # fails the 11-proef
    path = write_xlsx(tmp_path / "fouten.xlsx", {"Leerlingen": [PUPIL_HEADER, *rows]})
    before = snapshot(db)
    code, out, err = cli(
        "--db", db.engine.url.render_as_string(hide_password=False), "import", path
    )
    assert code == 2
    assert snapshot(db) == before
    assert "fouten.xlsx: geweigerd, 2 fouten; er is niets van opgeslagen." in err
    assert (
        "fouten.xlsx, blad ‘Leerlingen’, rij 3, kolom C (Woongemeente): onbekende "
        "woongemeente ‘Den Haaag’; bedoelde u 's-Gravenhage (GM0518)?"
    ) in err
    assert "rij 5, kolom A (BSN): BSN ‘11•••••34’: dit BSN voldoet niet aan de 11-proef" in err
    assert "111222334" not in err  # the BSN itself is masked
    assert "Traceback" not in err + out


def test_skip_invalid_stores_the_good_rows_and_lists_the_rest(
    schools_loaded, cells, tmp_path, cli, db
) -> None:
    rows = pupils_rows()
    rows[1][2] = "Den Haaag"
    path = write_xlsx(tmp_path / "deels.xlsx", {"Leerlingen": [PUPIL_HEADER, *rows]})
    code, out, _err = cli(
        "--db",
        db.engine.url.render_as_string(hide_password=False),
        "import",
        path,
        "--skip-invalid",
    )
    assert code == 0
    assert "6 rijen gelezen, 5 opgeslagen, 1 overgeslagen" in out
    assert "rij 3, kolom C (Woongemeente)" in out
    assert ("GM1783", "GM0503") not in cells()
    assert sum(cells().values()) == 4


def test_too_large_file_is_refused(schools_loaded, db, tmp_path) -> None:
    from grensverkeer.importing.readers import ReadLimits

    small = Importer(db, load_pseudonymizer(), limits=ReadLimits(max_file_bytes=1000))
    path = write_xlsx(tmp_path / "groot.xlsx", {"L": [PUPIL_HEADER, *pupils_rows() * 20]})
    before = snapshot(db)
    (report,) = small.import_files([path])
    assert report.outcome is Outcome.REFUSED
    assert report.errors[0].code == "too_large"
    assert snapshot(db) == before


def test_missing_file(schools_loaded, tmp_path) -> None:
    (report,) = schools_loaded.import_files([tmp_path / "bestaat-niet.xlsx"])
    assert report.outcome is Outcome.REFUSED
    assert "niet gevonden" in report.errors[0].describe()
