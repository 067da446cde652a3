"""Documenten: make the documents in a worker, preview, print, save, and export to Excel."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from grensverkeer.documents.generate import DocumentsCancelled, generate_documents
from grensverkeer.export import (
    AMOUNTS_SHEET,
    BALANCES_SHEET,
    IMPORTS_SHEET,
    PUPILS_SHEET,
    SCHOOLS_SHEET,
    TRANSFERS_SHEET,
    TYPES_SHEET,
)
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import Plan, finalize
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.services.years.tariffs import list_tariffs, remove_tariff
from grensverkeer.settlement import Method
from grensverkeer.ui.pages.documents_page import DocumentsPage
from grensverkeer.ui.pdf_preview import fit_printer_to, print_pdf

Y = SchoolYear(2024)
SHEETS = [
    PUPILS_SHEET,
    AMOUNTS_SHEET,
    BALANCES_SHEET,
    TRANSFERS_SHEET,
    SCHOOLS_SHEET,
    TYPES_SHEET,
    IMPORTS_SHEET,
]


def _page(context, qtbot, year: SchoolYear | None = Y) -> DocumentsPage:
    page = DocumentsPage(context)
    qtbot.addWidget(page)
    page.set_school_year(year)
    page.refresh()
    return page


def _generated(page: DocumentsPage, idle) -> DocumentsPage:
    assert page.generate() is not None
    assert page.is_busy()
    idle(page)
    assert not page.is_busy()
    return page


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _finalized(context) -> Plan:
    return finalize(context.db, compute_settlement(context.db, Y, Method.BILATERAL))


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# Making and showing ----------------------------------------------------------------------


def test_the_demo_draft_gives_ten_documents_in_a_worker(
    context, qtbot, idle, messages, qtmodeltester
) -> None:
    page = _generated(_page(context, qtbot), idle)
    rows = page.documents.rows()
    assert len(rows) == 10
    assert rows[0].title == "Verrekenvoorstel 2024-2025"
    assert rows[0].filename == "verrekenvoorstel-2024-2025.pdf"
    assert rows[1].title == "Overeenkomst Delft"
    assert all(row.filename.startswith("overeenkomst-2024-2025-") for row in rows[1:])
    assert page.message.text().startswith("10 conceptdocumenten gemaakt (multilateraal, kenmerk ")
    assert "concept" in page.summary.text()
    assert messages == []
    qtmodeltester.check(page.documents)


def test_the_preview_shows_the_selected_document(context, qtbot, idle) -> None:
    page = _generated(_page(context, qtbot), idle)
    assert page.selected_document() == page.documents.rows()[0]  # selected at once
    proposal = page.documents.rows()[0].document.pdf
    assert page.preview.page_count() == _pages(proposal) > 1
    page.documents_view.selectRow(3)
    chosen = page.selected_document()
    assert chosen is not None and chosen.title == "Overeenkomst Rijswijk (ZH.)"
    assert page.preview.name == chosen.filename
    assert page.preview.page_count() == _pages(chosen.document.pdf)
    assert page.preview.page_box.suffix() == f" van {_pages(chosen.document.pdf)}"


def test_the_preview_pages_and_zooms(context, qtbot, idle) -> None:
    page = _generated(_page(context, qtbot), idle)
    preview = page.preview
    assert not preview.previous_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1
    assert preview.page_box.value() == 2
    preview.page_box.setValue(preview.page_count())
    assert preview.current_page() == preview.page_count() - 1
    assert not preview.next_button.isEnabled()
    assert preview.zoom_box.currentData() == "breedte"
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findData(1.0))
    preview.zoom_in()
    assert preview.zoom_box.currentData() == 1.25
    preview.zoom_out()
    preview.zoom_out()
    assert preview.zoom_box.currentData() == 0.75


def test_a_finalised_plan_is_offered_and_its_documents_carry_its_hash(context, qtbot, idle) -> None:
    page = _page(context, qtbot)
    assert not page.plan_radio.isEnabled()
    assert page.draft_radio.isChecked()
    plan = _finalized(context)
    page.refresh()
    assert page.plan_radio.isEnabled()
    assert page.plan_radio.isChecked()
    assert plan.short_hash in page.plan_combo.currentText()
    assert page.plan_combo.currentData() == plan.id
    assert not page.method.isEnabled()
    _generated(page, idle)
    assert page.message.text() == (
        f"10 documenten gemaakt van plan {plan.id} (kenmerk {plan.short_hash})."
    )
    for row in page.documents.rows():
        text = _text(row.document.pdf)
        assert plan.short_hash in text
        assert "CONCEPT" not in text


def test_a_draft_beside_a_plan_says_so(context, qtbot, idle) -> None:
    plan = _finalized(context)
    page = _page(context, qtbot)
    page.draft_radio.setChecked(True)
    assert page.method.isEnabled()
    _generated(page, idle)
    assert f"plan {plan.id} vastgesteld" in page.message.text()
    assert "CONCEPT" in _text(page.documents.rows()[0].document.pdf)


def test_the_central_method_uses_the_chosen_centre(context, qtbot, idle) -> None:
    page = _page(context, qtbot)
    assert not page.centre.isEnabled()
    page.method.setCurrentIndex(page.method.findData(str(Method.CENTRAL)))
    assert page.centre.isEnabled()
    page.centre.setCurrentIndex(page.centre.findData("GM0518"))
    choice = page.choice()
    assert (choice.plan_id, choice.method, choice.centre) == (None, Method.CENTRAL, "GM0518")
    _generated(page, idle)
    assert page.documents.rowCount() == 10


def test_missing_tariffs_say_so_in_dutch_and_make_nothing(context, qtbot, idle, messages) -> None:
    for tariff in list_tariffs(context.db, Y):
        remove_tariff(context.db, Y, tariff.edu_type, tariff.arrangement)
    page = _generated(_page(context, qtbot), idle)
    text = page.message.text()
    assert text.startswith("Geen tarief voor schooljaar 2024-2025: ")
    assert text.endswith("Tarieven stelt u in op de pagina Instellingen, tab Tarieven.")
    assert page.documents.rowCount() == 0
    assert page.document_set is None
    assert page.preview.page_count() == 0
    assert not page.save_button.isEnabled()
    assert messages == []


def test_invalid_options_are_said_in_dutch(context, qtbot) -> None:
    page = _page(context, qtbot)
    page.tolerance.setText("veel")
    assert page.generate() is None
    assert "geen geldige tolerantie" in page.message.text()
    page.tolerance.setText("10%")
    page.threshold.setText("12.500")
    assert page.generate() is None
    assert page.message.text().startswith("Bagatelgrens: ")
    assert not page.is_busy()


def test_cancelling_stops_the_work_and_shows_nothing(
    context, qtbot, idle, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*_args: object, cancelled, **_kwargs: object):
        while not cancelled():
            time.sleep(0.005)
        raise DocumentsCancelled("Het maken van de documenten is afgebroken.")

    monkeypatch.setattr("grensverkeer.ui.pages.documents_page.generate_documents", slow)
    page = _page(context, qtbot)
    page.generate()
    assert page.cancel_button.isVisibleTo(page)
    assert not page.generate_button.isEnabled()
    page.cancel()
    idle(page)
    assert page.message.text() == "Het maken van de documenten is afgebroken."
    assert page.documents.rowCount() == 0
    assert not page.cancel_button.isVisibleTo(page)
    assert page.generate_button.isEnabled()


def test_another_school_year_puts_the_documents_away(context, qtbot, idle) -> None:
    page = _generated(_page(context, qtbot), idle)
    page.set_school_year(SchoolYear(2023))
    page.refresh()
    assert page.documents.rowCount() == 0
    _generated(page, idle)
    assert page.documents.rows()[0].title == "Verrekenvoorstel 2023-2024"


def test_without_a_school_year_nothing_can_be_made(context, qtbot, messages) -> None:
    page = _page(context, qtbot, year=None)
    assert not page.generate_button.isEnabled()
    said = page.message.text()
    assert said.startswith("Er zijn nog geen leerlingen geteld.")
    assert "Bestand → Importeren… (Ctrl+O)" in said and "grensverkeer" not in said
    assert page.export_excel() is None
    assert messages == [("info", said)]


# Printing --------------------------------------------------------------------------------


def test_printing_needs_documents_first(context, qtbot, messages) -> None:
    page = _page(context, qtbot)
    assert page.print_document() == 0
    assert messages == [
        (
            "info",
            "Maak eerst de documenten (‘Documenten maken’) en kies er een om af te drukken.",
        )
    ]


def test_printing_renders_every_page_of_the_selected_document(
    context, qtbot, idle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "afdruk.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page = _generated(_page(context, qtbot), idle)
    expected = _pages(page.documents.rows()[0].document.pdf)
    assert page.print_document() == expected
    assert out.is_file()
    assert len(PdfReader(out).pages) == expected
    assert page.message.text() == f"Verrekenvoorstel 2024-2025: {expected} pagina’s afgedrukt."


def test_a_cancelled_print_dialog_prints_nothing(
    context, qtbot, idle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    page = _generated(_page(context, qtbot), idle)
    assert page.print_document() == 0


def test_print_pdf_keeps_each_pages_orientation_and_the_range(
    context, qtbot, idle, tmp_path: Path
) -> None:
    page = _generated(_page(context, qtbot), idle)
    document = page.preview.document
    sizes = [document.pagePointSize(i) for i in range(document.pageCount())]
    landscape = [size.width() > size.height() for size in sizes]
    assert any(landscape) and not all(landscape)  # the verrekenvoorstel has a landscape page

    printer = _pdf_printer(tmp_path / "alles.pdf")
    fit_printer_to(printer, document)
    assert print_pdf(document, printer) == len(sizes)
    printed = PdfReader(tmp_path / "alles.pdf").pages
    assert [p.mediabox.width > p.mediabox.height for p in printed] == landscape

    assert print_pdf(document, _pdf_printer(tmp_path / "twee.pdf"), 2, 3) == 2
    assert len(PdfReader(tmp_path / "twee.pdf").pages) == 2


# Saving and exporting --------------------------------------------------------------------


def test_saving_writes_every_document(
    context, qtbot, idle, messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "documenten"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    page = _generated(_page(context, qtbot), idle)
    paths = page.save_all()
    rows = page.documents.rows()
    assert [path.name for path in paths] == [row.filename for row in rows]
    assert all(path.read_bytes() == row.document.pdf for path, row in zip(paths, rows, strict=True))
    assert messages == [("info", f"10 documenten opgeslagen in {folder}.")]
    assert not list(folder.glob(".*"))  # no temporary files left

    messages.clear()
    assert len(page.save_all()) == 10  # the question to replace them is answered Yes
    assert messages[0] == (
        "vraag",
        f"10 van deze bestanden staan al in {folder} en worden vervangen. Doorgaan?",
    )


def test_saving_into_a_file_is_a_dutch_error(
    context, qtbot, idle, messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(blocker))
    page = _generated(_page(context, qtbot), idle)
    assert page.save_all() == []
    ((kind, text),) = messages
    assert kind == "fout"
    assert text.startswith(f"De documenten konden niet in {blocker} worden geschreven: ")


def test_exporting_writes_the_seven_sheets(
    context, qtbot, idle, messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "export"  # without .xlsx: the page adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), ""))
    page = _page(context, qtbot)
    assert page.export_excel() is not None
    assert page.is_busy()
    idle(page)
    target = tmp_path / "export.xlsx"
    assert load_workbook(target, read_only=True).sheetnames == SHEETS
    expected = f"Geschreven: {target} (7 bladen, schooljaar 2024-2025)."
    assert messages == [("info", expected)]
    assert page.message.text() == expected


def test_exporting_a_plan_uses_its_stored_result(
    context, qtbot, idle, messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _finalized(context)
    target = tmp_path / "plan.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    page = _page(context, qtbot)
    assert page.plan_radio.isChecked()
    page.export_excel()
    idle(page)
    sheet = load_workbook(target, read_only=True)[BALANCES_SHEET]
    notes = " ".join(str(cell.value) for row in sheet.iter_rows(max_row=3) for cell in row)
    assert f"plan {plan.id}" in notes.lower()


def test_without_tariffs_the_export_fails_in_dutch(
    context, qtbot, idle, messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for tariff in list_tariffs(context.db, Y):
        remove_tariff(context.db, Y, tariff.edu_type, tariff.arrangement)
    target = tmp_path / "export.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    page = _page(context, qtbot)
    page.export_excel()
    idle(page)
    ((kind, text),) = messages
    assert kind == "fout"
    assert text.startswith("Geen tarief voor schooljaar 2024-2025: ")
    assert text.endswith("Tarieven stelt u in op de pagina Instellingen, tab Tarieven.")
    assert not target.exists()


# The window and the core -----------------------------------------------------------------


def test_the_window_forwards_ctrl_p_and_ctrl_e(
    context, store, qtbot, idle, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from grensverkeer.ui.main_window import MainWindow

    asked: list[str] = []

    def cancel(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)

    window = MainWindow(context, store, pages=(DocumentsPage,), remember=False)
    qtbot.addWidget(window)
    idle(window)
    assert window.page_names() == ["documenten"]
    window.print_action.trigger()
    assert messages[-1][1].startswith("Maak eerst de documenten")
    window.export_action.trigger()
    assert asked == ["Exporteren naar Excel"]  # cancelled: nothing written, nothing running
    page = window.page("documenten")
    assert isinstance(page, DocumentsPage) and page.year == Y
    assert not page.is_busy()


def test_generating_reports_each_document_and_can_be_stopped(demo_db) -> None:
    steps: list[tuple[str, int, int]] = []
    document_set = generate_documents(
        demo_db, Y, progress=lambda text, done, total: steps.append((text, done, total))
    )
    assert len(document_set.documents) == 10 == steps[-1][1] == steps[-1][2]
    assert steps[0] == ("Verrekenvoorstel", 0, 10)
    assert steps[1] == ("Overeenkomst Delft", 1, 10)
    with pytest.raises(DocumentsCancelled):
        generate_documents(demo_db, Y, cancelled=lambda: True)
