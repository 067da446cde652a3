"""How long the full document set takes: the demo region and a synthetic region of 40.

Run from the repository root:

    /work/venv/bin/python benchmarks/documents_bench.py [--repeat 3] [--out DIR]

Prints seconds per document set (the verrekenvoorstel and every agreement, best of
``--repeat``) for

* a baseline measured in the same run: a one-page reportlab PDF with the same embedded font,
  so the other figures can be read as ratios that hold on any machine;
* the demo region (loaded with ``services.demo.load_demo`` into a temporary SQLite file), as a
  draft and as a finalised plan;
* a synthetic region of 40 participants and 8 outside municipalities, built directly as
  ``DocumentData`` (no imports): it shows how the documents grow with the region.

With ``--out`` the PDFs of the last run are written there, to look at.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BENCH_KEY = "5e" * 32
SYNTHETIC_SEED = 20240601


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_pdf() -> bytes:
    """One page with one line of text in the embedded font: the fixed cost of a PDF."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from grensverkeer.documents.fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(REGULAR, 12)
    canvas.drawString(72, 720, "Grensverkeer ’s-Gravenhage ë é ö € 12.345,67")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def demo_data(workdir: Path):
    """The demo region as a draft and as a finalised plan, loaded as a user would."""
    from grensverkeer.documents.data import from_plan
    from grensverkeer.documents.sources import draft_document_data
    from grensverkeer.pseudonym import load_pseudonymizer
    from grensverkeer.schoolyear import SchoolYear
    from grensverkeer.services.demo import load_demo
    from grensverkeer.services.plans.finalized_plans import finalize
    from grensverkeer.services.settling.year_settlement import compute_settlement
    from grensverkeer.storage.database import open_database

    db = open_database(str(workdir / "demo.sqlite"))
    try:
        load_demo(db, load_pseudonymizer())
        year = SchoolYear(2024)
        draft = draft_document_data(db, year, "multilateral", issued=date(2024, 10, 1))
        plan = finalize(db, compute_settlement(db, year, "multilateral"), by="benchmark")
        return draft, from_plan(plan)
    finally:
        db.close()


def synthetic_data(
    participants: int = 40,
    outside: int = 8,
    seed: int = SYNTHETIC_SEED,
    *,
    method: str = "multilateral",
    centre: str | None = None,
    threshold_cents: int = 0,
):
    """A region of ``participants`` municipalities with flows between most pairs, a few
    neighbours outside the region, two tariffs and a multilateral settlement: built directly as
    ``DocumentData``, the way the document builders take it."""
    from grensverkeer.documents.data import DocumentData, Party, Payment, TariffLine
    from grensverkeer.schoolyear import SchoolYear
    from grensverkeer.settlement import Method, settle

    rng = random.Random(seed)
    members = [f"GM9{n:03d}" for n in range(1, participants + 1)]
    others = [f"GM8{n:03d}" for n in range(1, outside + 1)]
    names = {code: f"Synthetische gemeente {code[2:]}" for code in members + others}
    shorts = {code: f"Synth. {code[2:]}" for code in members + others}
    tariffs = (TariffLine("VSO", "", 1_250_000), TariffLine("SO", "", 1_100_000))
    pupils: dict[tuple[str, str], int] = {}
    amounts: dict[tuple[str, str], int] = {}
    for residence in members + others:
        for school in members + others:
            if residence in others and school in others:
                continue
            if residence == school:
                count = rng.randint(20, 400)
            elif rng.random() < 0.35:
                count = rng.randint(1, 40)
            else:
                continue
            so = rng.randint(0, count)
            pupils[residence, school] = count
            amounts[residence, school] = (count - so) * 1_250_000 + so * 1_100_000
    settlement = settle(
        amounts, members, Method(method), centre=centre, threshold_cents=threshold_cents
    )
    year = SchoolYear(2024)
    return DocumentData(
        region="Synthetisch",
        school_year=year,
        peildatum=year.default_peildatum,
        issued=date(2024, 11, 15),
        method=settlement.method,
        centre=settlement.centre,
        threshold_cents=threshold_cents,
        pro_rata=False,
        actual_cost=False,
        participants=tuple(sorted(members)),
        parties=tuple(Party(c, names[c], shorts[c]) for c in sorted(members + others)),
        amounts=tuple(sorted((r, s, v) for (r, s), v in amounts.items())),
        pupils=tuple(sorted((r, s, v) for (r, s), v in pupils.items())),
        tariffs=tariffs,
        positions=settlement.positions,
        transfers=tuple(Payment(t.payer, t.payee, t.cents) for t in settlement.transfers),
        total_moved=settlement.total_moved,
        waived=tuple(Payment(f.from_code, f.to_code, f.cents) for f in settlement.waived),
        outside=tuple(Payment(f.from_code, f.to_code, f.cents) for f in settlement.outside),
        sha256="0" * 64,
        plan_id=999,
        finalized_on=date(2024, 11, 15),
        finalized_by="benchmark",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as temp:
        workdir = Path(temp)
        os.environ["GRENSVERKEER_HOME"] = str(workdir / "home")
        os.environ["GRENSVERKEER_KEY"] = BENCH_KEY
        os.environ.pop("GRENSVERKEER_DB", None)

        from grensverkeer.documents import render_documents, write_documents

        baseline_pdf()  # fonts registered and modules imported before timing
        baseline = best_of(max(args.repeat, 5), baseline_pdf)
        draft, plan = demo_data(workdir)
        synthetic = synthetic_data()

        rows = []
        for label, data in (
            ("demo-regio, concept", draft),
            ("demo-regio, plan", plan),
            ("synthetisch, 40 deelnemers", synthetic),
        ):
            documents = render_documents(data)
            seconds = best_of(args.repeat, lambda data=data: render_documents(data))
            pages = sum(document.pdf.count(b"/Type /Page\n") for document in documents)
            size = sum(len(document.pdf) for document in documents)
            rows.append((label, len(documents), pages, size, seconds))
            if args.out:
                write_documents(documents, args.out / label.split(",")[0].replace(" ", "-"))

    print(f"basislijn (één pagina, ingebed font): {baseline * 1000:8.1f} ms")
    for label, count, pages, size, seconds in rows:
        print(
            f"{label:30s} {count:3d} documenten {pages:4d} pagina's {size / 1024:8.0f} kB "
            f"{seconds:7.3f} s  = {seconds / baseline:7.0f} × basislijn"
        )
    demo_seconds = rows[1][4]
    synthetic_seconds = rows[2][4]
    print(f"synthetisch / demo (plan): {synthetic_seconds / demo_seconds:.1f} ×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
