"""Amounts per cell: tariffs (per arrangement), actual costs, naar rato, missing tariffs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from builders import flows_extract

from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.matrices.counted_matrix import (
    MissingTariffError,
    amount_matrix,
    pupil_matrix,
)
from grensverkeer.services.years.tariffs import set_tariff
from grensverkeer.services.years.year_settings import change_year_settings

Y = SchoolYear(2024)


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _load(importer, path) -> None:
    (report,) = importer.import_files([path], ImportOptions(school_year=Y))
    assert not report.errors, [e.describe() for e in report.errors]


def test_amount_matrix_is_tariff_times_pupils_in_cents(schools_loaded, db, cli, tmp_path):
    _load(
        schools_loaded,
        flows_extract(tmp_path / "a.xlsx", {("GM0503", "GM0518"): 3, ("GM0518", "GM0503"): 1}),
    )
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    code, out, _err = cli(
        "--db",
        _url(db),
        "matrix",
        "--school-year",
        "2024-2025",
        "--measure",
        "amount",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["measure"] == "amount"
    assert data["cells"] == [
        {"from": "GM0503", "to": "GM0518", "value": 3_750_000},
        {"from": "GM0518", "to": "GM0503", "value": 1_250_000},
    ]


def test_a_pupil_without_tariff_is_reported_never_zero(schools_loaded, db, cli, tmp_path):
    _load(schools_loaded, flows_extract(tmp_path / "a.xlsx", {("GM0503", "GM0518"): 2}))
    set_tariff(db, Y, EduType.SO, 1_000_000)
    with pytest.raises(MissingTariffError) as caught:
        amount_matrix(db, Y)
    assert [(m.edu_type, m.pupils) for m in caught.value.missing] == [("VSO", 2)]
    code, _out, err = cli("--db", _url(db), "matrix", "--measure", "amount")
    assert code == 2
    assert "Geen tarief voor schooljaar 2024-2025: VSO (2 leerlingen)" in err


def test_an_arrangement_tariff_wins_over_the_general_one(schools_loaded, db, tmp_path):
    path = tmp_path / "arr.xlsx"
    from builders import VSO_SCHOOL, valid_bsns, write_xlsx

    bsns = valid_bsns()
    header = ["BSN", "Woongemeente", "Brinvest", "Onderwijstype", "Arrangement", "Startdatum"]
    write_xlsx(
        path,
        {
            "L": [
                header,
                [next(bsns), "GM0503", VSO_SCHOOL["GM0518"], "VSO", "Dagbesteding", "01-08-2024"],
                [next(bsns), "GM0503", VSO_SCHOOL["GM0518"], "VSO", "", "01-08-2024"],
            ]
        },
    )
    _load(schools_loaded, path)
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    set_tariff(db, Y, EduType.VSO, 1_800_000, "Dagbesteding")
    assert dict(amount_matrix(db, Y).cells) == {("GM0503", "GM0518"): 3_050_000}


def test_actual_cost_replaces_the_tariff_when_chosen(schools_loaded, db, tmp_path):
    from builders import VSO_SCHOOL, valid_bsns, write_xlsx

    bsns = valid_bsns()
    header = ["BSN", "Woongemeente", "Brinvest", "Onderwijstype", "Startdatum", "Kosten"]
    write_xlsx(
        tmp_path / "k.xlsx",
        {
            "L": [
                header,
                [next(bsns), "GM0503", VSO_SCHOOL["GM0518"], "VSO", "01-08-2024", "9.876,54"],
                [next(bsns), "GM0503", VSO_SCHOOL["GM0518"], "VSO", "01-08-2024", ""],
            ]
        },
    )
    _load(schools_loaded, tmp_path / "k.xlsx")
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    assert dict(amount_matrix(db, Y).cells) == {("GM0503", "GM0518"): 2_500_000}
    change_year_settings(db, Y, actual_cost=True)
    assert dict(amount_matrix(db, Y).cells) == {("GM0503", "GM0518"): 987_654 + 1_250_000}


def test_naar_rato_counts_days_active_in_the_school_year(schools_loaded, db, cli, tmp_path):
    # 1 August 2024 to 31 January 2025 is 184 of the 365 days of 2024-2025.
    _load(
        schools_loaded,
        flows_extract(
            tmp_path / "r.xlsx",
            {("GM0503", "GM0518"): 1},
            start=date(2024, 8, 1),
            end=date(2025, 1, 31),
        ),
    )
    _load(
        schools_loaded,
        flows_extract(
            tmp_path / "s.xlsx",
            {("GM0503", "GM0518"): 1},
            start=date(2025, 2, 1),
            first_bsn=300_000_000,
        ),
    )
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    assert dict(pupil_matrix(db, Y).cells) == {("GM0503", "GM0518"): 1}  # on the peildatum
    change_year_settings(db, Y, pro_rata=True)
    # 184/365 + 181/365 of a year: one whole pupil-year, and exactly one tariff
    assert dict(pupil_matrix(db, Y).cells) == {("GM0503", "GM0518"): 1}
    assert dict(amount_matrix(db, Y).cells) == {("GM0503", "GM0518"): 1_250_000}
    code, out, _err = cli("--db", _url(db), "matrix", "--format", "json")
    assert code == 0
    assert json.loads(out)["cells"][0]["value"] == 1


def test_naar_rato_gives_fractions_and_rounds_each_cell_once(schools_loaded, db, tmp_path):
    _load(
        schools_loaded,
        flows_extract(
            tmp_path / "r.xlsx",
            {("GM0503", "GM0518"): 1},
            start=date(2024, 8, 1),
            end=date(2025, 1, 31),
        ),
    )
    set_tariff(db, Y, EduType.VSO, 1_250_000)
    change_year_settings(db, Y, pro_rata=True)
    matrix = pupil_matrix(db, Y)
    assert matrix.as_json()["cells"] == [{"from": "GM0503", "to": "GM0518", "value": 0.5}]
    # 12,500.00 × 184 / 365 = 6,301.369… euros → 630,137 cents
    assert dict(amount_matrix(db, Y).cells) == {("GM0503", "GM0518"): 630_137}


def test_settings_command_and_a_peildatum_outside_the_year(db, cli) -> None:
    url = _url(db)
    code, out, _err = cli(
        "--db",
        url,
        "settings",
        "--school-year",
        "2024-2025",
        "--peildatum",
        "1-2-2025",
        "--pro-rata",
        "aan",
    )
    assert code == 0
    assert "1 februari 2025" in out and "naar rato" in out
    code, _out, err = cli(
        "--db", url, "settings", "--school-year", "2024-2025", "--peildatum", "2025-09-01"
    )
    assert code == 2 and "ligt niet in schooljaar 2024-2025" in err
    with pytest.raises(GrensverkeerError):
        change_year_settings(db, Y, peildatum=date(2024, 7, 31))
