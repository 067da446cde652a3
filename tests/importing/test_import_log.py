"""Re-importing changes nothing; every import is recorded and can be undone."""

from __future__ import annotations

from builders import PUPIL_HEADER, pupils_rows, snapshot, write_xlsx

from grensverkeer.services.imports import import_log
from grensverkeer.services.imports.reports import Outcome


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def test_importing_the_same_file_again_changes_nothing(schools_loaded, db, tmp_path, cli) -> None:
    path = write_xlsx(tmp_path / "swv.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    assert cli("--db", _url(db), "import", path)[0] == 0
    before = snapshot(db)
    copy = tmp_path / "kopie-met-andere-naam.xlsx"
    copy.write_bytes(path.read_bytes())
    code, out, _err = cli("--db", _url(db), "import", copy)
    assert code == 0
    assert "al geïmporteerd als import 2 (swv.xlsx); er is niets gewijzigd" in out
    assert snapshot(db) == before


def test_imports_are_listed_with_their_figures(schools_loaded, db, tmp_path, cli) -> None:
    rows = [*pupils_rows(), pupils_rows()[0]]
    path = write_xlsx(tmp_path / "swv.xlsx", {"L": [PUPIL_HEADER, *rows]})
    schools_loaded.import_files([path])
    (schools, pupils) = import_log.list_imports(db)
    assert (schools.kind, schools.rows_stored) == ("scholen", 6)
    assert (pupils.kind, pupils.school_year, pupils.rows_read, pupils.rows_stored) == (
        "leerlingen",
        2024,
        7,
        6,
    )
    assert pupils.duplicates_merged == 1
    assert pupils.warnings == ("1× dubbele leerlingen samengevoegd",)
    assert len(pupils.sha256) == 64
    code, out, _err = cli("--db", _url(db), "imports")
    assert code == 0
    assert "swv.xlsx" in out and "2024-2025" in out and "scholen.csv" in out


def test_undoing_an_import_restores_the_database(schools_loaded, db, tmp_path, cli, cells) -> None:
    before = snapshot(db)
    path = write_xlsx(tmp_path / "swv.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    (report,) = schools_loaded.import_files([path])
    assert cells()
    code, out, _err = cli("--db", _url(db), "imports", "remove", str(report.import_id))
    assert code == 0
    assert f"Import {report.import_id} (swv.xlsx) is verwijderd" in out
    after = snapshot(db)
    # what stays: the key fingerprint, the peildatum setting, the seeded membership table
    for settings in ("meta", "school_years", "memberships"):
        after.pop(settings), before.pop(settings)
    assert after == before
    (again,) = schools_loaded.import_files([path])  # and it can be imported anew
    assert again.outcome is Outcome.STORED


def test_undoing_an_unknown_import_is_a_clear_message(db, cli) -> None:
    code, _out, err = cli("--db", _url(db), "imports", "remove", "99")
    assert code == 2
    assert "Er is geen import met nummer 99" in err


def test_a_different_pseudonym_key_is_refused(schools_loaded, db, tmp_path, monkeypatch) -> None:
    from grensverkeer.errors import GrensverkeerError
    from grensverkeer.pseudonym import load_pseudonymizer
    from grensverkeer.services.imports.importer import Importer

    schools_loaded.import_files(
        [write_xlsx(tmp_path / "a.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})]
    )
    monkeypatch.setenv("GRENSVERKEER_KEY", "f" * 64)
    other = Importer(db, load_pseudonymizer())
    before = snapshot(db)
    try:
        other.import_files([write_xlsx(tmp_path / "b.xlsx", {"L": [PUPIL_HEADER]})])
    except GrensverkeerError as error:
        assert "andere pseudoniemsleutel" in str(error)
    else:
        raise AssertionError("a second key must be refused")
    assert snapshot(db) == before
