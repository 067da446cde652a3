"""What the Documenten page does with made documents: list and describe them, print one through
the print dialog, save them all into a folder, and write the school year's Excel workbook.

Apart from the page so that the page itself is about the source and the worker that makes the
documents; every function here asks its own dialogs and says its own failures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from grensverkeer import formatting
from grensverkeer.documents import RenderedDocument
from grensverkeer.documents.generate import DocumentSet, save_documents
from grensverkeer.errors import GrensverkeerError
from grensverkeer.export import build_export, write_workbook
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import Plan
from grensverkeer.storage.database import Database
from grensverkeer.ui.dialogs import ask, show_error, show_info
from grensverkeer.ui.documents.source_box import Choice, short_method_label
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.pdf_preview import PdfPreview, fit_printer_to, print_pdf
from grensverkeer.ui.table_models import Column, RowsModel
from grensverkeer.ui.workers import Cancelled, Progress


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    title: str
    document: RenderedDocument

    @property
    def filename(self) -> str:
        return self.document.filename


def document_rows(document_set: DocumentSet) -> list[DocumentRow]:
    """The verrekenvoorstel first, then the agreements, each with the name it is listed by."""
    data = document_set.data
    rows = [
        DocumentRow(
            _tr("Verrekenvoorstel {year}").format(year=data.school_year), document_set.proposal
        )
    ]
    rows += [
        DocumentRow(_tr("Overeenkomst {name}").format(name=data.party(code).name), document)
        for code, document in document_set.statements
    ]
    return rows


def documents_model(parent: object = None) -> RowsModel[DocumentRow]:
    columns: list[Column[DocumentRow]] = [
        Column(_tr("Document"), lambda r: r.title, tooltip=lambda r: r.filename),
        Column(_tr("Bestand"), lambda r: r.filename),
    ]
    return RowsModel(columns, parent)


def summary_text(document_set: DocumentSet) -> str:
    """Under the list: the school year, the plan or a draft, and the date on the documents."""
    data = document_set.data
    issued = formatting.long_date(data.issued)
    return _tr("Schooljaar {year}, {what}, gedateerd {day}.").format(
        year=data.school_year,
        what=_tr("plan {id}").format(id=data.plan_id) if data.plan_id else _tr("concept"),
        day=issued,
    )


def made_text(document_set: DocumentSet, plan: Plan | None) -> str:
    """What was made; a draft of a year with a finalised ``plan`` says that plan exists."""
    data = document_set.data
    n = len(document_set.documents)
    if data.plan_id is not None:
        return _tr("{n} documenten gemaakt van plan {id} (kenmerk {hash}).").format(
            n=n, id=data.plan_id, hash=data.short_hash
        )
    text = _tr("{n} conceptdocumenten gemaakt ({method}, kenmerk {hash}).").format(
        n=n, method=short_method_label(data.method).lower(), hash=data.short_hash
    )
    if plan is not None:
        text += " " + _tr(
            "Let op: voor schooljaar {year} is plan {id} vastgesteld; kies ‘Vastgesteld "
            "plan’ voor de documenten van dat plan."
        ).format(year=data.school_year, id=plan.id)
    return text


class DocumentPrinter:
    """Prints the shown document through the print dialog; keeps the printer's settings (the
    chosen printer, the paper) from one print to the next in this session."""

    def __init__(self) -> None:
        self.printer: QPrinter | None = None

    def print(self, parent: QWidget, preview: PdfPreview, row: DocumentRow) -> int | None:
        """The pages printed; None when the dialog was cancelled or printing failed (said)."""
        document = preview.document
        count = preview.page_count()
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(row.filename)
        fit_printer_to(printer, document)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("Afdrukken: {title}").format(title=row.title))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.printer = printer
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
            first, last = printer.fromPage(), printer.toPage() or count
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdf(document, printer, first, last)
        except GrensverkeerError as error:
            QGuiApplication.restoreOverrideCursor()
            show_error(parent, error_text(error))
            return None
        QGuiApplication.restoreOverrideCursor()
        return printed


def save_into_folder(
    parent: QWidget, documents: Sequence[RenderedDocument], start: str
) -> tuple[list[Path], Path | None]:
    """Ask for a folder (starting in ``start``) and write every document into it.

    Returns the files written and the folder, or ``([], None)`` when nothing was saved.
    """
    folder = QFileDialog.getExistingDirectory(
        parent, _tr("Map voor de documenten"), start or QDir.homePath()
    )
    if not folder:
        return [], None
    out = Path(folder)
    existing = [d.filename for d in documents if (out / d.filename).exists()]
    if existing and not ask(
        parent,
        _tr("{n} van deze bestanden staan al in {folder} en worden vervangen. Doorgaan?").format(
            n=len(existing), folder=out
        ),
    ):
        return [], None
    try:
        paths = save_documents(tuple(documents), out)
    except GrensverkeerError as error:
        show_error(parent, error_text(error))
        return [], None
    show_info(
        parent,
        _tr("{n} documenten opgeslagen in {folder}.").format(n=len(paths), folder=out),
    )
    return paths, out


def ask_workbook_path(parent: QWidget, folder: str, year: SchoolYear) -> Path | None:
    """Ask where the workbook goes; a name without ``.xlsx`` gets it. None: cancelled."""
    start = Path(folder or QDir.homePath()) / f"grensverkeer-{year}.xlsx"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _tr("Exporteren naar Excel"),
        str(start),
        _tr("Excel-werkmap (*.xlsx)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    return target


def export_job(
    db: Database, year: SchoolYear, choice: Choice, reference: Reference, target: Path
) -> Callable[[Progress, Cancelled], tuple[Path, int]]:
    """The worker's task: write the workbook of ``choice`` to ``target``; (path, sheets)."""

    def export(_progress: Progress, _cancelled: Cancelled) -> tuple[Path, int]:
        workbook = build_export(  # a missing tariff: the worker says it in window words
            db,
            year,
            method=choice.method if choice.plan_id is None else None,
            centre=choice.centre,
            threshold_cents=choice.threshold_cents,
            plan_id=choice.plan_id,
            reference=reference,
        )
        write_workbook(workbook, target)
        return target, len(workbook.sheets)

    return export
