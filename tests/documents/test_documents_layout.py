"""The document builders on plain data, without a database: large regions, refused data,
pupil counts from a plan, draft marks, and the rule that documents never import Qt."""

from __future__ import annotations

import dataclasses
import importlib.util
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_documents_helpers import AMOUNT, REPO, cents, page_texts

from grensverkeer.documents import render_documents, write_documents
from grensverkeer.documents.data import DocumentData, Payment, from_plan, plan_pupils
from grensverkeer.documents.text import slug, whole_euros
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import Plan
from grensverkeer.settlement_result import PlanInputs, SettlementResult

BENCH = REPO / "benchmarks" / "documents_bench.py"


def _bench():
    spec = importlib.util.spec_from_file_location("documents_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic() -> DocumentData:
    """40 participants and 8 outside municipalities, straight from the benchmark's builder."""
    return _bench().synthetic_data()


def _write(data: DocumentData, out: Path) -> dict[str, Path]:
    return {path.name: path for path in write_documents(render_documents(data), out)}


def test_a_region_of_forty_fits_the_pages(synthetic: DocumentData, tmp_path: Path) -> None:
    paths = _write(synthetic, tmp_path)
    assert len(paths) == 41
    proposal = paths["verrekenvoorstel-2024-2025.pdf"]
    pages = page_texts(proposal)
    text = "\n".join(pages)
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page
        assert "plan 999 · kenmerk 000000000000" in page
    # the matrix is split into parts of whole columns; every part has its own caption
    assert "Leerlingen (deel 1 van" in text and "Bedragen in euro’s (deel 1 van" in text
    # landscape pages for the matrix, portrait for the rest
    reader = PdfReader(proposal)
    shapes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert shapes == {(595, 842), (842, 595)}
    # long lists of names in the summary become a number
    assert "per saldo betalen" in text and "gemeenten (hoofdstuk 3)" in text


def test_the_transfers_of_a_large_region_add_up(synthetic: DocumentData, tmp_path: Path) -> None:
    paths = _write(synthetic, tmp_path)
    text = "\n".join(page_texts(paths["verrekenvoorstel-2024-2025.pdf"]))
    section = text[text.index("4. Betalingen") : text.index("5. Evenwicht")]
    rows = [line for line in section.splitlines() if line[:1].isdigit() and "€" in line]
    assert [cents(AMOUNT.findall(r)[-1]) for r in rows] == [t.cents for t in synthetic.transfers]
    total = next(line for line in section.splitlines() if line.startswith("Totaal"))
    assert cents(AMOUNT.findall(total)[-1]) == synthetic.total_moved


def test_a_bagatelgrens_and_a_central_party_add_up(tmp_path: Path) -> None:
    data = _bench().synthetic_data(
        participants=8, outside=2, method="central", centre="REGIO", threshold_cents=100_000_00
    )
    assert data.waived, "the threshold should waive some differences"
    paths = _write(data, tmp_path)
    text = "\n".join(page_texts(paths["verrekenvoorstel-2024-2025.pdf"]))
    assert "Saldo na" in text  # the column after the bagatelgrens (its heading wraps)
    assert "centraal, via de regionale organisatie (GR Jeugdhulp Haaglanden)" in text
    section = text[text.index("Bagatelgrens: een verschil") : text.index("Deelnemers")]
    total = next(line for line in section.splitlines() if line.startswith("Totaal"))
    assert cents(AMOUNT.findall(total)[-1]) == sum(w.cents for w in data.waived)
    for code in data.participants:
        name = next(n for n in paths if code in n)
        statement = "\n".join(page_texts(paths[name]))
        saldo = [line for line in statement.splitlines() if line.startswith("Per saldo €")]
        if data.position(code):
            assert [cents(AMOUNT.findall(line)[-1]) for line in saldo] == [data.position(code)]
            assert "regionale organisatie" in statement


def test_inconsistent_figures_are_refused(synthetic: DocumentData) -> None:
    first = synthetic.transfers[0]
    changed = (Payment(first.payer, first.payee, first.cents + 1), *synthetic.transfers[1:])
    with pytest.raises(GrensverkeerError, match="brengen de saldi niet precies tot stand"):
        dataclasses.replace(synthetic, transfers=changed, total_moved=synthetic.total_moved + 1)
    with pytest.raises(GrensverkeerError, match="tellen niet op tot het totaal"):
        dataclasses.replace(synthetic, total_moved=synthetic.total_moved + 1)
    members = set(synthetic.participants)
    index = next(i for i, (r, s, _) in enumerate(synthetic.amounts) if r != s and {r, s} <= members)
    amounts = list(synthetic.amounts)
    amounts[index] = (*amounts[index][:2], amounts[index][2] + 1)
    with pytest.raises(GrensverkeerError, match="volgen niet uit de matrix"):
        dataclasses.replace(synthetic, amounts=tuple(amounts))


def _inputs(**changes: object) -> PlanInputs:
    inputs: dict[str, object] = {
        "pro_rata": False,
        "actual_cost": False,
        "tariffs": [{"type": "VSO", "arrangement": "", "cents": 1000}],
        "amounts": [{"from": "GM0503", "to": "GM0518", "cents": 3000}],
    }
    return PlanInputs.from_json(inputs | changes)


def test_pupil_counts_come_from_the_plan_alone() -> None:
    assert plan_pupils(_inputs()) == (("GM0503", "GM0518", 3),)
    same = [{"type": t, "arrangement": "", "cents": 1000} for t in ("SO", "VSO")]
    assert plan_pupils(_inputs(tariffs=same)) == (("GM0503", "GM0518", 3),)
    two = [{"type": "SO", "arrangement": "", "cents": 500}, *same[1:]]
    assert plan_pupils(_inputs(tariffs=two)) is None
    assert plan_pupils(_inputs(pro_rata=True)) is None
    assert plan_pupils(_inputs(actual_cost=True)) is None
    odd = _inputs(amounts=[{"from": "GM0503", "to": "GM0518", "cents": 3001}])
    assert plan_pupils(odd) is None
    stored = _inputs(
        tariffs=two,
        pupils=[
            {"from": "GM0503", "to": "GM0518", "value": 3},
            {"from": "GM0603", "to": "GM0518", "value": "5/2"},
        ],
    )
    assert plan_pupils(stored) == (("GM0503", "GM0518", 3), ("GM0603", "GM0518", 2.5))


def _plan(finalized_at: datetime) -> Plan:
    cents = 1_250_000
    return Plan(
        id=7,
        school_year=SchoolYear(2024),
        method="bilateral",
        centre=None,
        threshold_cents=0,
        finalized_at=finalized_at,
        finalized_by="test",
        sha256="ab" * 32,
        inputs={
            "school_year": "2024-2025",
            "peildatum": "2024-10-01",
            "pro_rata": False,
            "actual_cost": False,
            "participants": ["GM0503", "GM0518"],
            "method": "bilateral",
            "centre": None,
            "threshold_cents": 0,
            "tariffs": [{"type": "VSO", "arrangement": "", "cents": cents}],
            "amounts": [{"from": "GM0503", "to": "GM0518", "cents": 2 * cents}],
        },
        result=SettlementResult.from_json(
            {
                "school_year": "2024-2025",
                "method": "bilateral",
                "participants": ["GM0503", "GM0518"],
                "positions": {"GM0503": -2 * cents, "GM0518": 2 * cents},
                "transfers": [{"from": "GM0503", "to": "GM0518", "amount": 2 * cents}],
                "total_moved": 2 * cents,
                "waived": [],
                "outside": [],
            }
        ),
    )


def test_a_plan_is_dated_on_its_day_in_the_region() -> None:
    late = datetime(2025, 3, 14, 23, 30, tzinfo=UTC)  # already 15 March in the Netherlands
    data = from_plan(_plan(late))
    assert data.issued == data.finalized_on == date(2025, 3, 15)
    assert data.pupils == (("GM0503", "GM0518", 2),)
    assert from_plan(_plan(late), issued=date(2025, 4, 1)).issued == date(2025, 4, 1)


def test_a_plan_with_stored_figures_that_disagree_is_refused() -> None:
    plan = _plan(datetime(2025, 3, 14, tzinfo=UTC))
    plan = dataclasses.replace(plan, result=dataclasses.replace(plan.result, total_moved=1))
    with pytest.raises(GrensverkeerError, match="De gegevens van dit verrekenplan kloppen niet"):
        from_plan(plan)


def test_a_draft_is_marked_on_every_page(tmp_path: Path) -> None:
    data = dataclasses.replace(from_plan(_plan(datetime(2025, 3, 14, tzinfo=UTC))), plan_id=None)
    paths = _write(data, tmp_path)
    assert len(paths) == 3
    for path in paths.values():
        for page in page_texts(path):
            assert "CONCEPT — niet vastgesteld" in page
            assert "plan 7" not in page


def test_file_names_and_axis_labels() -> None:
    assert slug("Leidschendam-Vb.") == "leidschendam-vb"
    assert slug("’s-Gravenhage") == "s-gravenhage"
    assert slug("Súdwest-Fryslân") == "sudwest-fryslan"
    assert whole_euros(-150_000_000) == "€\u00a0-1.500.000"  # the space does not break
    assert whole_euros(0) == "€\u00a00"


def test_building_documents_never_imports_qt() -> None:
    """The core rule (no Qt below the UI) for this package, until the import-linter contract
    lists it: build a whole document set in a fresh interpreter and look at what got loaded."""
    script = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('bench', {str(BENCH)!r})\n"
        "bench = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(bench)\n"
        "from grensverkeer.cli import documents_cmd\n"
        "from grensverkeer.documents import render_documents\n"
        "render_documents(bench.synthetic_data(participants=3, outside=1))\n"
        "loaded = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_stored_inputs_are_read_in_one_place() -> None:
    """A plan's inputs stay the JSON its hash covers; ``PlanInputs`` reads them, and keys an
    older plan lacks read as "not stored" (never filled in from today's database)."""
    plan = _plan(datetime(2025, 3, 14, tzinfo=UTC))
    inputs = plan.stored_inputs
    assert inputs.participants == ("GM0503", "GM0518")
    assert inputs.peildatum == date(2024, 10, 1)
    assert inputs.amounts == (("GM0503", "GM0518", 2_500_000),)
    assert inputs.pupils is None
    old = PlanInputs.from_json({"amounts": [], "tariffs": []})
    assert (old.participants, old.peildatum, old.pupils) == (None, None, None)
    without = dataclasses.replace(
        plan, inputs={k: v for k, v in plan.inputs.items() if k != "participants"}
    )
    with pytest.raises(GrensverkeerError, match="bewaart zijn deelnemers of peildatum niet"):
        from_plan(without)
