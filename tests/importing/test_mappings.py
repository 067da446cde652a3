"""A file whose headers cannot be recognised is imported with a saved column mapping."""

from __future__ import annotations

from builders import EXPECTED_2024, pupils_rows, snapshot, write_xlsx


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _odd_file(tmp_path):
    header = ["Leerling-ID", "Achternaam", "Woont in", "Instelling", "Loc.", "Type", "Sinds", "Tot"]
    return write_xlsx(
        tmp_path / "vreemd.xlsx", {"Export": [["Export 2024"], header, *pupils_rows()]}
    )


def test_unsure_columns_are_asked_with_the_option_that_settles_them(
    schools_loaded, db, tmp_path, cli
) -> None:
    path = _odd_file(tmp_path)
    before = snapshot(db)
    code, _out, err = cli("--db", _url(db), "import", path)
    assert code == 2
    assert "vreemd.xlsx" in err
    # "Woont in" holds municipality names, but its header says too little to count on
    assert "‘Woont in’ (kolom C" in err
    assert '--column woongemeente="Woont in"' in err
    assert snapshot(db) == before
    code, _out, err = cli("--db", _url(db), "import", path, "--column", "woongemeente=Woont in")
    assert code == 0, err


def test_a_saved_mapping_imports_the_file(schools_loaded, db, tmp_path, cli, cells) -> None:
    code, out, err = cli(
        "--db",
        _url(db),
        "mappings",
        "save",
        "swv-export",
        "bsn=Leerling-ID",
        "woongemeente=Woont in",
        "brin=Instelling",
        "vestiging=Loc.",
        "onderwijstype=Type",
        "startdatum=Sinds",
        "einddatum=Tot",
    )
    assert code == 0, err
    assert "swv-export" in out
    code, out, _err = cli("--db", _url(db), "mappings")
    assert "bsn=Leerling-ID" in out
    code, out, err = cli(
        "--db",
        _url(db),
        "import",
        _odd_file(tmp_path),
        "--mapping",
        "swv-export",
        "--school-year",
        "2024-2025",
    )
    assert code == 0, err
    assert cells() == EXPECTED_2024


def test_a_mapping_may_name_only_what_the_program_misreads(db, cli) -> None:
    code, _out, err = cli("--db", _url(db), "mappings", "save", "half", "bsn=Nummer")
    assert code == 0, err
    code, _out, err = cli("--db", _url(db), "mappings", "save", "x", "schoenmaat=Maat")
    assert code == 2
    assert "Onbekend veld ‘schoenmaat’" in err
    code, _out, err = cli("--db", _url(db), "mappings", "save", "y", "bsn=A", "bsn=B")
    assert code == 2
    assert "twee keer" in err


def test_an_unknown_mapping_name_is_a_clear_message(db, tmp_path, cli) -> None:
    code, _out, err = cli("--db", _url(db), "import", _odd_file(tmp_path), "--mapping", "nee")
    assert code == 2
    assert "Er is geen kolomkoppeling ‘nee’" in err


def test_removing_a_mapping(db, cli) -> None:
    cli("--db", _url(db), "mappings", "save", "m", "bsn=A", "brinvest=B", "woonplaats=C")
    assert cli("--db", _url(db), "mappings", "remove", "m")[0] == 0
    assert "nog geen kolomkoppelingen" in cli("--db", _url(db), "mappings")[1]
