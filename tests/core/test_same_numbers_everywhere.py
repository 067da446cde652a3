"""One plan, four places: the command line, the window, the PDF and the Excel workbook show
the same amounts, written the same Dutch way (issue 14: one formatter for all of them)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from grensverkeer import formatting
from grensverkeer.export import TRANSFERS_SHEET, build_export, write_workbook
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.settling.year_settlement import compute_settlement

Y = SchoolYear(2024)


def test_one_plan_reads_the_same_in_cli_window_pdf_and_excel(
    qtbot, demo_db, cli, tmp_path: Path
) -> None:
    from grensverkeer.documents.generate import generate_documents
    from grensverkeer.ui.plans_panel import PlansPanel

    plan = finalize(demo_db, compute_settlement(demo_db, Y, "multilateral"))
    amounts = [flow.cents for flow in plan.result.transfers]
    assert amounts and plan.result.total_moved == sum(amounts)
    shown = [formatting.euros(cents) for cents in amounts]
    total = formatting.euros(plan.result.total_moved)

    url = str(demo_db.engine.url.database)
    code, out, err = cli("--db", url, "plans", "show", str(plan.id))
    assert code == 0, err
    assert all(text in out for text in shown) and total in out

    panel = PlansPanel(demo_db)
    qtbot.addWidget(panel)
    panel.refresh()
    row = panel.model.rows().index(next(p for p in panel.model.rows() if p.id == plan.id))
    from PySide6.QtCore import Qt

    horizontal = Qt.Orientation.Horizontal
    columns = [panel.model.headerData(c, horizontal) for c in range(panel.model.columnCount())]
    assert panel.model.data(panel.model.index(row, columns.index("Bedrag"))) == total

    documents = generate_documents(demo_db, Y, plan_id=plan.id)
    proposal = next(d for d in documents.documents if d.filename.startswith("verrekenvoorstel"))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(proposal.pdf)).pages)
    for cents in amounts:  # in the PDF's tables the column says euro: the number alone
        assert formatting.euros(cents).removeprefix("€ ") in text
    assert total in text

    path = write_workbook(build_export(demo_db, Y, plan_id=plan.id), tmp_path / "werkmap.xlsx")
    sheet = openpyxl.load_workbook(path)[TRANSFERS_SHEET]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    euros = {Decimal(str(v)) for v in values if isinstance(v, int | float)}
    for cents in amounts:  # the workbook keeps numbers, in euros to the cent
        assert Decimal(cents) / 100 in euros
    assert Decimal(plan.result.total_moved) / 100 in euros


@pytest.fixture
def reads(monkeypatch) -> list[SchoolYear]:
    """The school years whose records are read from the database, one entry per read."""
    from grensverkeer.services.matrices import counted_matrix

    seen: list[SchoolYear] = []
    real = counted_matrix.load_records

    def counting_reads(db, year, edu_type=None):
        seen.append(year)
        return real(db, year, edu_type)

    monkeypatch.setattr(counted_matrix, "load_records", counting_reads)
    return seen


def test_a_draft_reads_the_years_records_once(demo_db, reads) -> None:
    """The settlement, the plan's inputs (its hash) and the draft's pupil counts all come from
    one read of the school year's records (a draft used to read them three times)."""
    from grensverkeer.documents.generate import document_data

    data = document_data(demo_db, Y)
    assert data.draft and data.pupil_cells()
    assert reads == [Y]


def test_finalising_checks_and_settles_one_read_of_the_year(demo_db, reads) -> None:
    """Inside its lock, finalising checks the year (pupils, tariffs) and settles it again from
    one read of the records, so the check and the plan cannot see different data."""
    run = compute_settlement(demo_db, Y, "multilateral")
    reads.clear()
    plan = finalize(demo_db, run)
    assert reads == [Y]
    assert plan.result.total_moved == run.settlement.total_moved
