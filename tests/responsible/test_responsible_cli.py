"""``grensverkeer responsible``: the exact JSON contract, the table and the errors."""

from __future__ import annotations

import json
from datetime import date

from grensverkeer.schoolyear import SchoolYear


def test_json_has_exactly_the_agreed_shape(db, schools_loaded, add_plan, ask) -> None:
    plan = add_plan(2024, None)
    status, out, err = ask(
        "--residence", "Naaldwijk", "--school", "20xa-0", "--date", "1-10-2024", "--format", "json"
    )
    assert status == 0, err
    data = json.loads(out)
    assert list(data) == ["residence", "school", "covered", "plan", "reason"]
    assert data["residence"] == "GM1783"
    assert data["school"] == "GM0518"
    assert data["covered"] is True
    assert data["plan"] == plan
    assert isinstance(data["reason"], str) and data["reason"].endswith(".")


def test_json_plan_is_null_without_a_finalised_plan(db, schools_loaded, ask) -> None:
    status, out, _err = ask(
        "--residence", "GM0626", "--school", "20XA00", "--date", "2023-10-01", "--format", "json"
    )
    assert status == 0
    assert json.loads(out) == {
        "residence": "GM0626",
        "school": "GM0518",
        "covered": False,
        "plan": None,
        "reason": "Er is voor 2023-2024 nog geen vastgesteld plan; regel dit per leerling "
        "tussen Voorschoten (woongemeente, betaalt) en 's-Gravenhage (schoolgemeente).",
    }


def test_table_lines(db, schools_loaded, add_plan, ask) -> None:
    plan = add_plan(2024, None)
    status, out, _err = ask("--residence", "2671 AB", "--school", "20XA00", "--date", "1 okt 2024")
    assert status == 0
    assert out.splitlines() == [
        "Woongemeente (betaalt): Westland (GM1783)",
        "Schoolgemeente: 's-Gravenhage (GM0518)",
        "School: 20XA00 DE KLIMOP (S GRAVENHAGE)",
        "Schooljaar: 2024-2025 (deelnemers op peildatum 1 oktober 2024)",
        f"Gedekt door regionaal plan: ja (plan {plan})",
        "Toelichting: Westland en 's-Gravenhage zijn in 2024-2025 allebei deelnemer en "
        f"plan {plan} is vastgesteld: deze stroom wordt regionaal verrekend, een regeling per "
        "leerling is niet nodig.",
    ]


def test_table_not_covered_and_same_municipality(db, schools_loaded, ask) -> None:
    _status, out, _err = ask("--residence", "Leiden", "--school", "20XB00", "--date", "1-10-2024")
    assert "Gedekt door regionaal plan: nee" in out
    assert "Toelichting: Leiden is in 2024-2025 geen deelnemer van de regio; " in out
    _status, out, _err = ask("--residence", "Delft", "--school", "20XB00", "--date", "1-10-2024")
    assert "Gedekt door regionaal plan: niet nodig (geen grensverkeer)" in out


def test_table_shows_notes(db, schools_loaded, ask) -> None:
    _status, out, _err = ask("--residence", "1783", "--school", "20XB00", "--date", "1-10-2024")
    assert out.splitlines()[0] == "Woongemeente (betaalt): Westland (GM1783)"
    assert out.splitlines()[-1].startswith("Let op: ‘1783’ is gelezen als gemeentecode")


def test_date_defaults_to_today(db, schools_loaded, ask) -> None:
    status, out, _err = ask("--residence", "Westland", "--school", "20XB00")
    assert status == 0
    assert f"Schooljaar: {SchoolYear.containing(date.today())} " in out


def test_a_bad_date_is_a_dutch_error(db, schools_loaded, ask) -> None:
    status, out, err = ask("--residence", "Westland", "--school", "20XB00", "--date", "31-02-2024")
    assert (status, out) == (2, "")
    assert err.strip() == "Fout: Datum ‘31-02-2024’ bestaat niet."
