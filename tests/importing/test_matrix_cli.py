"""``grensverkeer matrix``: the exact JSON contract, the table and the filters."""

from __future__ import annotations

import json

from builders import EXPECTED_2024, PUPIL_HEADER, pupils_rows, write_xlsx


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _load(schools_loaded, tmp_path) -> None:
    rows = pupils_rows()
    rows[1][5] = "SO"  # one SO pupil at a (V)SO location that offers only VSO: type as given
    schools_loaded.import_files([write_xlsx(tmp_path / "m.xlsx", {"L": [PUPIL_HEADER, *rows]})])


def test_json_has_exactly_the_agreed_shape(schools_loaded, db, tmp_path, cli) -> None:
    _load(schools_loaded, tmp_path)
    code, out, _err = cli(
        "--db", _url(db), "matrix", "--school-year", "2024-2025", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["school_year", "peildatum", "measure", "cells"]
    assert data["school_year"] == "2024-2025"
    assert data["peildatum"] == "2024-10-01"
    assert data["measure"] == "pupils"
    assert all(list(cell) == ["from", "to", "value"] for cell in data["cells"])
    assert {(c["from"], c["to"]): c["value"] for c in data["cells"]} == EXPECTED_2024
    assert data["cells"] == sorted(data["cells"], key=lambda c: (c["from"], c["to"]))


def test_type_filter(schools_loaded, db, tmp_path, cli) -> None:
    _load(schools_loaded, tmp_path)
    code, out, _err = cli("--db", _url(db), "matrix", "--type", "so", "--format", "json")
    assert code == 0
    assert json.loads(out)["cells"] == [{"from": "GM1783", "to": "GM0503", "value": 1}]


def test_table_shows_names_totals_and_outside_region_apart(
    schools_loaded, db, tmp_path, cli
) -> None:
    _load(schools_loaded, tmp_path)
    code, out, _err = cli("--db", _url(db), "matrix")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == ("Grensverkeer schooljaar 2024-2025, peildatum 1 oktober 2024 (leerlingen)")
    header = lines[2]
    assert "Den Haag" in header and "Westland" in header and "Buiten de regio" in header
    assert "Voorschoten" not in header  # left the region per 1 January 2024
    total_row = next(line for line in lines if line.startswith("Totaal"))
    assert total_row.split()[-1] == "5"
    assert "Leiden (GM0546)" in out  # the outside flows, listed apart


def test_csv_output(schools_loaded, db, tmp_path, cli) -> None:
    _load(schools_loaded, tmp_path)
    code, out, _err = cli("--db", _url(db), "matrix", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "woongemeente;schoolgemeente;leerlingen"
    assert "GM1783;GM0503;1" in out


def test_no_data_and_unknown_year_are_clear(db, cli, schools_loaded, tmp_path) -> None:
    code, _out, err = cli("--db", _url(db), "matrix")
    assert code == 1 and "nog geen leerlingen" in err  # exit 1: nothing to show
    _load(schools_loaded, tmp_path)
    code, _out, err = cli("--db", _url(db), "matrix", "--school-year", "2019-2020")
    assert code == 1 and "Er zijn wel leerlingen voor 2024-2025." in err


def test_swv_and_arrangement_filters_are_parts_of_the_matrix(
    schools_loaded, db, tmp_path, cli
) -> None:
    _load(schools_loaded, tmp_path)
    url = _url(db)
    full = {
        (c["from"], c["to"]): c["value"]
        for c in json.loads(cli("--db", url, "matrix", "--format", "json")[1])["cells"]
    }
    code, out, _err = cli("--db", url, "matrix", "--swv", "vo  28-06", "--format", "json")
    assert code == 0
    part = {(c["from"], c["to"]): c["value"] for c in json.loads(out)["cells"]}
    # VO 28-06 is Den Haag, Rijswijk and Leidschendam-Voorburg: only their residents remain
    assert part and all(r in {"GM0518", "GM0603", "GM1916"} for r, _s in part)
    assert all(full[cell] >= value for cell, value in part.items())
    code, out, _err = cli("--db", url, "matrix", "--arrangement", "geen", "--format", "json")
    assert code == 0 and json.loads(out)["cells"] == []
    code, _out, err = cli("--db", url, "matrix", "--swv", "28-99")
    assert code == 2 and "Onbekend samenwerkingsverband ‘28-99’" in err
