"""Plans are withdrawn, never deleted; a year without counted pupils or tariffs is not finalised.

Issue 13: a plan finalised on an empty database could never be undone, so that school year
could never get its real plan. Now finalising refuses an empty year and pupils without a
tariff, and ``plans withdraw ID --reason`` marks a plan ingetrokken (who, when, why): it stays
readable, its documents say INGETROKKEN on every page, and the year may get a new plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import flows_extract
from pypdf import PdfReader

from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.plans.finalized_plans import (
    finalized_plan,
    get_plan,
    list_plans,
    withdraw,
)
from grensverkeer.services.years.tariffs import set_tariff

Y = SchoolYear(2024)
FLOWS = {("GM0503", "GM0518"): 30, ("GM0518", "GM0503"): 10, ("GM0603", "GM0518"): 20}


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def pupils(schools_loaded, db, tmp_path):
    """The pupils of 2024-2025, without a tariff yet."""
    schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", FLOWS)], ImportOptions(school_year=Y)
    )
    return db


@pytest.fixture
def loaded(pupils, db):
    set_tariff(db, Y, EduType.VSO, 100_000)
    return db


def _finalize(cli, db, *more: str) -> tuple[int, str, str]:
    return cli("--db", _url(db), "settle", "--school-year", "2024-2025", "--finalize", *more)


def test_an_empty_year_is_not_finalised(db, cli) -> None:
    code, out, err = _finalize(cli, db)
    assert code == 1, (out, err)
    assert "Er zijn voor schooljaar 2024-2025 geen leerlingen geteld" in err
    assert "grensverkeer import" in err  # the command line names the command that fixes it
    assert list_plans(db) == []


def test_a_year_whose_pupils_have_no_tariff_is_not_finalised(pupils, cli) -> None:
    code, _out, err = _finalize(cli, pupils)
    assert code != 0
    assert list_plans(pupils) == []
    assert "tarief" in err


def test_withdraw_keeps_the_plan_readable_and_frees_the_year(loaded, cli) -> None:
    assert _finalize(cli, loaded)[0] == 0
    (plan,) = list_plans(loaded)
    code, out, err = cli(
        "--db", _url(loaded), "plans", "withdraw", str(plan.id), "--reason", "  tarief   fout "
    )
    assert code == 0, err
    assert f"Plan {plan.id} (schooljaar 2024-2025, kenmerk {plan.short_hash})" in out
    assert "INGETROKKEN op" in out and "reden: tarief fout" in out
    withdrawn = get_plan(loaded, plan.id)
    assert withdrawn.withdrawn and withdrawn.withdrawn_reason == "tarief fout"
    assert withdrawn.withdrawn_by  # who: the operating-system user
    # nothing of what the plan says changed
    assert (withdrawn.sha256, withdrawn.inputs, withdrawn.result) == (
        plan.sha256,
        plan.inputs,
        plan.result,
    )
    assert finalized_plan(loaded, Y) is None

    code, out, _err = cli("--db", _url(loaded), "plans")
    assert code == 0 and "INGETROKKEN" in out
    code, out, _err = cli("--db", _url(loaded), "plans", "show", str(plan.id), "--format", "json")
    shown = json.loads(out)
    assert shown["withdrawn"]["reason"] == "tarief fout"
    assert shown["sha256"] == plan.sha256

    code, _out, err = _finalize(cli, loaded, "--method", "bilateral")
    assert code == 0, err
    second = finalized_plan(loaded, Y)
    assert second is not None and second.id != plan.id and second.method == "bilateral"
    assert len(list_plans(loaded)) == 2


def test_an_active_plan_blocks_a_second_one_until_withdrawn(loaded, cli) -> None:
    assert _finalize(cli, loaded)[0] == 0
    code, _out, err = _finalize(cli, loaded)
    assert code == 2
    assert "trek dat plan eerst in" in err


def test_withdraw_refuses_twice_an_empty_reason_and_an_unknown_plan(loaded, cli) -> None:
    assert _finalize(cli, loaded)[0] == 0
    (plan,) = list_plans(loaded)
    with pytest.raises(GrensverkeerError, match="Geef een reden"):
        withdraw(loaded, plan.id, "   ")
    with pytest.raises(GrensverkeerError, match="houd het bij 1000 tekens"):
        withdraw(loaded, plan.id, "x" * 1001)
    assert not get_plan(loaded, plan.id).withdrawn
    withdraw(loaded, plan.id, "dubbel geteld", by="jan")
    with pytest.raises(GrensverkeerError, match=r"is al ingetrokken .* door jan"):
        withdraw(loaded, plan.id, "nog eens")
    code, _out, err = cli("--db", _url(loaded), "plans", "withdraw", "999", "--reason", "x")
    assert code == 2 and "Er is geen plan 999" in err


def test_the_documents_of_a_withdrawn_plan_say_so_on_every_page(
    loaded, cli, tmp_path: Path
) -> None:
    assert _finalize(cli, loaded)[0] == 0
    (plan,) = list_plans(loaded)
    withdraw(loaded, plan.id, "verkeerde peildatum", by="piet")
    out_dir = tmp_path / "stukken"
    code, out, err = cli(
        "--db",
        _url(loaded),
        "documents",
        "--school-year",
        "2024-2025",
        "--plan",
        str(plan.id),
        "--out",
        out_dir,
    )
    assert code == 0, err
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert pdfs and len(pdfs) == len(out.split())
    for pdf in pdfs:
        for number, page in enumerate(PdfReader(pdf).pages, 1):
            text = page.extract_text()
            assert "INGETROKKEN" in text, f"{pdf.name} pagina {number}"
            assert "verkeerde peildatum" in text, f"{pdf.name} pagina {number}"
            assert plan.short_hash in text
