"""Finalised plans: stored with their inputs, immutable, one per school year."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from builders import flows_extract

from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.plans.finalized_plans import get_plan, inputs_hash, list_plans
from grensverkeer.services.years.tariffs import set_tariff

Y = SchoolYear(2024)


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def loaded(schools_loaded, db, tmp_path):
    flows = {("GM0503", "GM0518"): 30, ("GM0518", "GM0503"): 10, ("GM0603", "GM0518"): 20}
    schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", flows)], ImportOptions(school_year=Y)
    )
    set_tariff(db, Y, EduType.VSO, 100_000)
    return db


def test_finalize_stores_the_plan_with_its_inputs(loaded, cli) -> None:
    code, out, err = cli("--db", _url(loaded), "settle", "--school-year", "2024-2025", "--finalize")
    assert code == 0, err
    (plan,) = list_plans(loaded)
    assert f"Vastgesteld als plan {plan.id} (kenmerk {plan.sha256[:12]})" in out
    assert plan.school_year == Y and plan.method == "multilateral"
    assert plan.sha256 == inputs_hash(plan.inputs)
    assert {"from": "GM0503", "to": "GM0518", "cents": 3_000_000} in plan.inputs["amounts"]
    assert plan.inputs["tariffs"] == [{"type": "VSO", "arrangement": "", "cents": 100_000}]
    assert plan.result.total_moved == 4_000_000


def test_later_imports_do_not_change_a_plan(loaded, schools_loaded, cli, tmp_path) -> None:
    cli("--db", _url(loaded), "settle", "--school-year", "2024-2025", "--finalize")
    (before,) = list_plans(loaded)
    schools_loaded.import_files(
        [flows_extract(tmp_path / "later.xlsx", {("GM0603", "GM0503"): 7}, first_bsn=400_000_000)],
        ImportOptions(school_year=Y),
    )
    set_tariff(loaded, Y, EduType.VSO, 200_000)
    after = get_plan(loaded, before.id)
    assert after == before
    fresh = json.loads(
        cli("--db", _url(loaded), "settle", "--school-year", "2024-2025", "--format", "json")[1]
    )
    assert fresh["total_moved"] != before.result.total_moved  # the new data differs...
    code, out, _err = cli("--db", _url(loaded), "plans", "show", str(before.id), "--format", "json")
    assert code == 0
    assert json.loads(out)["total_moved"] == before.result.total_moved  # ...the plan not


def test_a_second_plan_for_the_same_year_is_refused(loaded, cli) -> None:
    assert cli("--db", _url(loaded), "settle", "--school-year", "2024-2025", "--finalize")[0] == 0
    code, _out, err = cli(
        "--db",
        _url(loaded),
        "settle",
        "--school-year",
        "2024-2025",
        "--method",
        "bilateral",
        "--finalize",
    )
    assert code == 2
    assert "Voor schooljaar 2024-2025 is al een plan vastgesteld: plan" in err
    assert len(list_plans(loaded)) == 1


def test_plans_are_listed_and_shown(loaded, cli) -> None:
    url = _url(loaded)
    assert "nog geen plan" in cli("--db", url, "plans")[1]
    cli("--db", url, "settle", "--school-year", "2024-2025", "--finalize")
    code, out, _err = cli("--db", url, "plans")
    assert code == 0 and "2024-2025" in out and "multilateral" in out
    code, out, _err = cli("--db", url, "plans", "show", "1")
    assert code == 0 and "Betalingen" in out and "kenmerk" in out
    code, _out, err = cli("--db", url, "plans", "show", "42")
    assert code == 2 and "geen plan 42" in err


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_users_finalising_at_once_make_exactly_one_plan(loaded, tmp_path) -> None:
    """Two processes on the shared PostgreSQL database, started together."""
    url = _url(loaded)
    env = {**os.environ, "GRENSVERKEER_HOME": str(tmp_path / "h")}
    command = [
        sys.executable,
        "-m",
        "grensverkeer",
        "--db",
        url,
        "settle",
        "--school-year",
        "2024-2025",
        "--finalize",
    ]
    processes = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in processes]
    codes = sorted(code for code, _out, _err in results)
    assert codes == [0, 2], [(code, err[-800:]) for code, _out, err in results]
    loser = next(err for code, _out, err in results if code == 2)
    assert "is al een plan vastgesteld" in loser
    assert "Traceback" not in loser
    assert len(list_plans(loaded)) == 1


def test_the_losing_insert_of_a_race_gets_the_clear_message(loaded, monkeypatch) -> None:
    """Both users passed the "is there a plan?" check; the database's constraint decides."""
    from grensverkeer.errors import GrensverkeerError
    from grensverkeer.services.plans import finalized_plans as plans
    from grensverkeer.services.settling.year_settlement import compute_settlement

    run = compute_settlement(loaded, Y, "multilateral")
    first = plans.finalize(loaded, run, by="eerste")
    real = plans.finalized_plan
    calls = []

    def stale_check(db, year):  # the first look happened before the other user's commit
        calls.append(year)
        return None if len(calls) == 1 else real(db, year)

    monkeypatch.setattr(plans, "finalized_plan", stale_check)
    with pytest.raises(GrensverkeerError, match=f"al een plan vastgesteld: plan {first.id}"):
        plans.finalize(loaded, run, by="tweede")
    assert len(calls) == 2
    assert [p.finalized_by for p in list_plans(loaded)] == ["eerste"]
