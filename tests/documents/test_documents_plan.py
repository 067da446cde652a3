"""``grensverkeer documents`` on a small fixed region: golden texts, totals, determinism.

The region: the test school list, VSO pupils with known flows between Den Haag, Delft,
Rijswijk and Westland (and to and from Leiden, outside the region), one tariff of € 12.345,67,
and a plan finalised on 14 March 2025. Positions: Den Haag +3T, Delft +1T, Rijswijk -2T,
Westland -2T (T the tariff), so the multilateral plan needs 3 transfers of together 4T.

Documents do nothing database-specific beyond reading a plan, so most tests run on SQLite;
``test_documents_on_every_database`` runs through the ``db`` fixture (SQLite and PostgreSQL).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from builders import flows_extract, school_list
from pypdf import PdfReader
from test_documents_helpers import (
    AMOUNT,
    cents,
    check_golden,
    page_texts,
    run_documents,
)

from grensverkeer.documents import figures
from grensverkeer.documents.data import from_plan
from grensverkeer.domain import EduType
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.plans.finalized_plans import Plan, finalize, get_plan
from grensverkeer.services.settling.scenarios import scenarios
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.services.years.tariffs import set_tariff
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PlanRow

Y = SchoolYear(2024)
TARIFF = 1_234_567
FLOWS = {
    ("GM0503", "GM0518"): 3,
    ("GM0518", "GM0503"): 1,
    ("GM0603", "GM0518"): 2,
    ("GM0518", "GM0603"): 1,
    ("GM0603", "GM0503"): 1,
    ("GM1783", "GM0503"): 2,
    ("GM0518", "GM0518"): 4,
    ("GM0503", "GM0503"): 2,
    ("GM0546", "GM0518"): 1,
    ("GM0518", "GM0546"): 1,
}
FINALISED_AT = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
PROPOSAL = "verrekenvoorstel-2024-2025.pdf"
STATEMENTS = {
    "GM0503": "overeenkomst-2024-2025-GM0503-delft.pdf",
    "GM0518": "overeenkomst-2024-2025-GM0518-den-haag.pdf",
    "GM0603": "overeenkomst-2024-2025-GM0603-rijswijk.pdf",
    "GM0629": "overeenkomst-2024-2025-GM0629-wassenaar.pdf",
    "GM0637": "overeenkomst-2024-2025-GM0637-zoetermeer.pdf",
    "GM1783": "overeenkomst-2024-2025-GM1783-westland.pdf",
    "GM1842": "overeenkomst-2024-2025-GM1842-midden-delfland.pdf",
    "GM1916": "overeenkomst-2024-2025-GM1916-leidschendam-vb.pdf",
    "GM1926": "overeenkomst-2024-2025-GM1926-pijnacker-n.pdf",
}


def url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def load_region(db: Database, tmp_path: Path, *, tariff: bool = True) -> Importer:
    importer = Importer(db, load_pseudonymizer())
    importer.import_files([school_list(tmp_path)])
    importer.import_files(
        [flows_extract(tmp_path / "leerlingen.xlsx", FLOWS)], ImportOptions(school_year=Y)
    )
    if tariff:
        set_tariff(db, Y, EduType.VSO, TARIFF)
    return importer


def finalise(db: Database) -> Plan:
    """Finalise the multilateral plan and date it 14 March 2025 (the clock is not fixed)."""
    plan = finalize(db, compute_settlement(db, Y, "multilateral"), by="projectleider")
    with db.sessions.begin() as session:
        session.get(PlanRow, plan.id).finalized_at = FINALISED_AT
    return get_plan(db, plan.id)


@pytest.fixture
def region(sqlite_db: Database, tmp_path: Path) -> Database:
    load_region(sqlite_db, tmp_path)
    return sqlite_db


@pytest.fixture
def plan(region: Database) -> Plan:
    return finalise(region)


@pytest.fixture
def documents(region: Database, plan: Plan, tmp_path: Path) -> Path:
    out = tmp_path / "documenten"
    code, printed, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--plan", plan.id,
        "--out", out,
    )  # fmt: skip
    assert code == 0, err
    assert printed.splitlines() == [
        str(out / PROPOSAL),
        *(str(out / n) for n in STATEMENTS.values()),
    ]
    return out


def test_the_plan_is_what_the_documents_describe(plan: Plan) -> None:
    positions = dict(plan.result.positions)
    assert positions["GM0518"] == 3 * TARIFF and positions["GM0503"] == TARIFF
    assert positions["GM0603"] == positions["GM1783"] == -2 * TARIFF
    assert plan.result.total_moved == 4 * TARIFF
    assert len(plan.result.transfers) == 3


def test_the_documents_match_the_reviewed_golden_texts(documents: Path) -> None:
    check_golden(documents / PROPOSAL)
    for name in STATEMENTS.values():
        check_golden(documents / name)


def _transfer_amounts(pages: list[str]) -> tuple[list[int], int]:
    """The amounts of the numbered rows of the transfers table, and its total."""
    text = "\n".join(pages)
    section = text[text.index("4. Betalingen") : text.index("5. Evenwicht")]
    rows = [line for line in section.splitlines() if re.match(r"^\d+ ", line)]
    amounts = [cents(AMOUNT.findall(line)[-1]) for line in rows]
    (total_line,) = [line for line in section.splitlines() if line.startswith("Totaal")]
    return amounts, cents(AMOUNT.findall(total_line)[-1])


def test_every_amount_sums_to_the_plan(documents: Path, plan: Plan) -> None:
    amounts, total = _transfer_amounts(page_texts(documents / PROPOSAL))
    assert amounts == [t.cents for t in plan.result.transfers]
    assert sum(amounts) == total == plan.result.total_moved
    for code, name in STATEMENTS.items():
        text = "\n".join(page_texts(documents / name))
        position = plan.result.position(code)
        saldo = [line for line in text.splitlines() if line.startswith("Per saldo €")]
        if position:
            (line,) = saldo
            assert cents(AMOUNT.findall(line)[-1]) == position, name
            # received amounts are shown positive, paid ones negative
            rows = [
                line
                for line in text.splitlines()
                if line.startswith(("ontvangt van", "betaalt aan"))
            ]
            assert all(("-" in AMOUNT.findall(r)[-1]) == r.startswith("betaalt") for r in rows)
            assert sum(cents(AMOUNT.findall(r)[-1]) for r in rows) == position, name
        else:
            assert not saldo and "betaalt en ontvangt niets" in text, name


def test_the_per_municipality_totals_add_up(documents: Path, plan: Plan) -> None:
    text = "\n".join(page_texts(documents / PROPOSAL))
    section = text[text.index("3. Per gemeente") : text.index("4. Betalingen")]
    total = next(line for line in section.splitlines() if line.startswith("Totaal"))
    cross = sum(TARIFF * n for (r, s), n in FLOWS.items() if r != s and "GM0546" not in (r, s))
    assert [cents(a) for a in AMOUNT.findall(total)] == [cross, cross, 0]


def test_the_same_plan_gives_byte_identical_pdfs(region: Database, plan: Plan, tmp_path) -> None:
    outputs = []
    for attempt in ("een", "twee"):
        out = tmp_path / attempt
        code, _out, err = run_documents(
            "--db", url(region), "documents", "--school-year", "2024-2025", "--plan", plan.id,
            "--out", out,
        )  # fmt: skip
        assert code == 0, err
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 1 + len(STATEMENTS)


def test_later_imports_do_not_change_a_plans_documents(
    region: Database, plan: Plan, documents: Path, tmp_path: Path
) -> None:
    importer = Importer(region, load_pseudonymizer())
    importer.import_files(
        [flows_extract(tmp_path / "later.xlsx", {("GM0603", "GM0518"): 5}, first_bsn=400_000_000)],
        ImportOptions(school_year=Y),
    )
    set_tariff(region, Y, EduType.VSO, 2 * TARIFF)
    again = tmp_path / "later"
    code, _out, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--plan", plan.id,
        "--out", again,
    )  # fmt: skip
    assert code == 0, err
    for path in documents.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_metadata_and_an_embedded_truetype_font(documents: Path, plan: Plan) -> None:
    for path in documents.iterdir():
        reader = PdfReader(path)
        meta = reader.metadata
        assert meta is not None
        assert meta.title and meta.author and meta.subject, path.name
        assert "2024-2025" in meta.title and plan.short_hash in meta.subject
        for page in reader.pages:
            fonts = page["/Resources"]["/Font"]
            assert fonts, path.name
            for font in fonts.values():
                font = font.get_object()
                descendant = (
                    font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                )
                assert "/FontFile2" in descendant["/FontDescriptor"], (path.name, font["/BaseFont"])
                assert "DejaVuSans" in font["/BaseFont"]


def test_every_page_says_which_page_which_plan_and_when(documents: Path, plan: Plan) -> None:
    for path in documents.iterdir():
        pages = page_texts(path)
        for number, text in enumerate(pages, start=1):
            assert f"pagina {number} van {len(pages)}" in text, (path.name, number)
            assert f"plan {plan.id} · kenmerk {plan.short_hash}" in text, (path.name, number)
            assert "Datum: 14 maart 2025" in text, (path.name, number)
            assert "CONCEPT" not in text


def test_dutch_formatting_and_letters(documents: Path) -> None:
    text = "\n".join(page_texts(documents / PROPOSAL))
    assert "€ 12.345,67" in text  # the tariff
    assert "€ 49.382,68" in text  # total moved: 4 × the tariff
    assert "1 oktober 2024" in text and "14 maart 2025" in text
    assert "'s-Gravenhage" in text and "euro’s" in text
    assert "Buiten de regio" in text and "Leiden (GM0546)" in text


def test_without_tariffs_nothing_is_written(sqlite_db: Database, tmp_path: Path) -> None:
    load_region(sqlite_db, tmp_path, tariff=False)
    out = tmp_path / "leeg"
    code, printed, err = run_documents(
        "--db", url(sqlite_db), "documents", "--school-year", "2024-2025", "--out", out
    )
    assert code == 2
    assert "Geen tarief voor schooljaar 2024-2025: VSO (18 leerlingen)" in err
    assert printed == "" and not out.exists()


def test_a_draft_is_marked_concept_on_every_page(region: Database, tmp_path: Path) -> None:
    out = tmp_path / "concept"
    code, printed, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--method",
        "bilateral", "--date", "2-10-2024", "--out", out,
    )  # fmt: skip
    assert code == 0, err
    assert len(printed.splitlines()) == 1 + len(STATEMENTS)
    for path in out.iterdir():
        pages = page_texts(path)
        for number, text in enumerate(pages, start=1):
            assert "CONCEPT — niet vastgesteld" in text, (path.name, number)
            assert "Datum: 2 oktober 2024" in text
            assert f"pagina {number} van {len(pages)}" in text
    proposal = "\n".join(page_texts(out / PROPOSAL))
    assert "Methode bilateraal" in proposal and "geen: dit is een concept" in proposal


def test_a_draft_after_finalising_points_to_the_plan(
    region: Database, plan: Plan, tmp_path: Path
) -> None:
    code, _out, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--out", tmp_path / "c"
    )
    assert code == 0
    assert f"plan {plan.id} vastgesteld" in err and f"--plan {plan.id}" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--method", "gross"), "vastgesteld met de methode multilateral, niet gross"),
        (("--threshold", "100"), "--centre en --threshold horen bij een concept"),
    ],
)
def test_a_plan_fixes_its_method_and_options(
    region: Database, plan: Plan, tmp_path: Path, extra: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "x"
    code, _out, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--plan", plan.id,
        *extra, "--out", out,
    )  # fmt: skip
    assert code == 2 and message in err and not out.exists()


def test_a_plan_of_another_school_year_is_refused(
    region: Database, plan: Plan, tmp_path: Path
) -> None:
    code, _out, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2023-2024", "--plan", plan.id,
        "--out", tmp_path / "x",
    )  # fmt: skip
    assert code == 2 and "hoort bij schooljaar 2024-2025, niet bij 2023-2024" in err


def test_a_plan_shows_its_stored_pupil_counts_with_several_tariffs(
    region: Database, tmp_path: Path
) -> None:
    """The plan keeps its pupil counts: with two different tariffs they do not follow from the
    amounts, and today's database is not asked, so a later import changes nothing."""
    set_tariff(region, Y, EduType.SO, 999_00)
    plan = finalise(region)
    assert plan.stored_inputs.pupils
    out = tmp_path / "bedragen"
    code, _out, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--plan", plan.id,
        "--out", out,
    )  # fmt: skip
    assert code == 0, err
    text = "\n".join(page_texts(out / PROPOSAL))
    assert "Het plan legt geen leerlingaantallen vast" not in text
    assert "Leerlingen in" in text
    amounts, total = _transfer_amounts(page_texts(out / PROPOSAL))
    assert sum(amounts) == total == plan.result.total_moved


def test_documents_on_every_database(schools_loaded: Importer, db: Database, tmp_path) -> None:
    schools_loaded.import_files(
        [flows_extract(tmp_path / "leerlingen.xlsx", FLOWS)], ImportOptions(school_year=Y)
    )
    set_tariff(db, Y, EduType.VSO, TARIFF)
    plan = finalise(db)
    out = tmp_path / "pg"
    code, _out, err = run_documents(
        "--db", url(db), "documents", "--school-year", "2024-2025", "--plan", plan.id,
        "--out", out,
    )  # fmt: skip
    assert code == 0, err
    amounts, total = _transfer_amounts(page_texts(out / PROPOSAL))
    assert amounts == [t.cents for t in plan.result.transfers]
    assert total == 4 * TARIFF
    assert sorted(p.name for p in out.iterdir()) == sorted([PROPOSAL, *STATEMENTS.values()])


def test_an_output_path_that_is_a_file_is_a_clear_error(region: Database, tmp_path: Path) -> None:
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    code, _out, err = run_documents(
        "--db", url(region), "documents", "--school-year", "2024-2025", "--out", blocked
    )
    assert code == 2 and f"De documenten konden niet in {blocked} worden geschreven" in err


def test_the_proposal_compares_the_methods_as_the_analysis_does(plan: Plan) -> None:
    """One comparison of the methods: the document's lines (transfers, money moved) are the
    analysis' scenarios on the same amounts, and the chosen line is the plan itself."""
    data = from_plan(plan)
    assert data.threshold_cents == 0  # the analysis has no bagatelgrens
    lines = {line.method.value: line for line in figures.scenario_lines(data)}
    analysed = scenarios(data.amount_cells(), data.participants, {}, 2024)
    for result in analysed[:3]:
        line = lines[result.scenario.value]
        assert (line.transfers, line.total_moved) == (len(result.transfers), result.total_moved)
    chosen = lines[plan.method]
    assert chosen.chosen and chosen.transfers == len(plan.result.transfers)
    assert chosen.total_moved == plan.result.total_moved
    assert sum(line.chosen for line in lines.values()) == 1
