"""Tariffs: set, list, remove, import from a spreadsheet; amounts as people write them."""

from __future__ import annotations

from builders import snapshot, write_xlsx

from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.tariffs import list_tariffs


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def test_three_ways_to_write_the_same_amount(db, cli) -> None:
    for amount, kind in (("12500", "VSO"), ("12500.00", "SO"), ("12.500,00", "VO")):
        code, out, err = cli(
            "--db",
            _url(db),
            "tariff",
            "set",
            "--school-year",
            "2024-2025",
            "--type",
            kind,
            "--amount",
            amount,
        )
        assert code == 0, err
        assert "€ 12.500,00 per leerling" in out
    assert {t.cents for t in list_tariffs(db, SchoolYear(2024))} == {1_250_000}


def test_an_amount_read_two_ways_is_refused(db, cli) -> None:
    before = snapshot(db)
    code, _out, err = cli(
        "--db",
        _url(db),
        "tariff",
        "set",
        "--school-year",
        "2024-2025",
        "--type",
        "VSO",
        "--amount",
        "12.500",
    )
    assert code == 2
    assert "twee manieren" in err
    assert snapshot(db) == before


def test_list_shows_arrangements_and_remove_works(db, cli) -> None:
    url = _url(db)
    cli(
        "--db",
        url,
        "tariff",
        "set",
        "--school-year",
        "2024-2025",
        "--type",
        "vso",
        "--amount",
        "12500",
    )
    cli(
        "--db",
        url,
        "tariff",
        "set",
        "--school-year",
        "2024-2025",
        "--type",
        "VSO",
        "--arrangement",
        "Dagbesteding + onderwijs",
        "--amount",
        "18000",
    )
    code, out, _err = cli("--db", url, "tariff", "list", "--school-year", "2024-2025")
    assert code == 0
    assert "Dagbesteding + onderwijs" in out and "€ 18.000,00" in out and "(alle)" in out
    assert (
        cli("--db", url, "tariff", "remove", "--school-year", "2024-2025", "--type", "VSO")[0] == 0
    )
    assert [(t.edu_type, t.arrangement) for t in list_tariffs(db, SchoolYear(2024))] == [
        (EduType.VSO, "Dagbesteding + onderwijs")
    ]
    code, _out, err = cli(
        "--db", url, "tariff", "remove", "--school-year", "2024-2025", "--type", "PO"
    )
    assert code == 2 and "geen tarief voor PO" in err


def test_a_tariff_table_from_a_spreadsheet(db, cli, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "tarieven.xlsx",
        {
            "Tarieven": [
                ["Tarieven jeugdhulp in onderwijs"],
                [],
                ["Schooljaar", "Onderwijstype", "Arrangement", "Tarief"],
                ["2024-2025", "VSO", "", "12.500,00"],
                ["2024-2025", "vso", "Dagbesteding + onderwijs", 18000],
                ["2023-2024", "SO", None, "11000"],
            ]
        },
    )
    code, out, err = cli("--db", _url(db), "tariff", "import", path)
    assert code == 0, err
    assert "3 tarieven ingesteld" in out
    assert [(str(t.school_year), t.edu_type, t.cents) for t in list_tariffs(db)] == [
        ("2023-2024", EduType.SO, 1_100_000),
        ("2024-2025", EduType.VSO, 1_250_000),
        ("2024-2025", EduType.VSO, 1_800_000),
    ]


def test_a_tariff_table_with_problems_is_refused_whole(db, cli, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "fout.xlsx",
        {
            "T": [
                ["Onderwijstype", "Tarief"],
                ["VSO", "12500"],
                ["MBO", "5000"],
                ["SO", "12.500"],
            ]
        },
    )
    before = snapshot(db)
    code, _out, err = cli("--db", _url(db), "tariff", "import", path, "--school-year", "2024-2025")
    assert code == 2
    assert "fout.xlsx, blad ‘T’, rij 3, kolom A (Onderwijstype)" in err
    assert "rij 4, kolom B (Tarief)" in err and "twee manieren" in err
    assert snapshot(db) == before
