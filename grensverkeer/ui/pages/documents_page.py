"""Documenten: make the verrekenvoorstel and the agreements, look at them, print, save, export.

At the top the source: the school year's finalised plan ("Vastgesteld plan", as stored, later
imports change nothing) or a draft computed now ("Concept", with the settlement page's
methods, a centre, a threshold), and the tolerance the documents judge the balance with.
"Documenten maken" runs ``documents.generate.generate_documents`` in a worker, with progress
and a cancel button; the documents are listed (the verrekenvoorstel, then one agreement per
participant) and the selected one is shown by ``PdfPreview``. "Afdrukken…" (Ctrl+P) prints the
selected document through the print dialog, "Opslaan…" writes every document into a folder,
and "Exporteren naar Excel…" (Ctrl+E) writes the same workbook as ``grensverkeer export`` for
the chosen plan or method, in a worker.

Problems are Dutch sentences: missing tariffs and invalid options under the button, the
failures of saving, printing and exporting in a message box.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.documents import RenderedDocument
from grensverkeer.documents.generate import DocumentSet, generate_documents, save_documents
from grensverkeer.errors import GrensverkeerError
from grensverkeer.export import build_export, write_workbook
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.balance import DEFAULT_TOLERANCE, Tolerance, parse_tolerance
from grensverkeer.services.matrix import MissingTariffError
from grensverkeer.services.membership import participants
from grensverkeer.services.plans import Plan, finalized_plan
from grensverkeer.services.settling import REGIONAL_CENTRE, REGIONAL_CENTRE_NAME
from grensverkeer.services.year_pupils import year_pupils
from grensverkeer.settlement import Method
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import ask, show_error, show_info
from grensverkeer.ui.empty_year import no_pupils_text
from grensverkeer.ui.models import Column, RowsModel, selected_row, table_view
from grensverkeer.ui.models import heading as page_heading
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.pages.settlement_page import METHODS
from grensverkeer.ui.pdf_preview import PdfPreview, fit_printer_to, print_pdf
from grensverkeer.ui.workers import Cancelled, Progress, Worker


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


def tariff_hint() -> str:
    return _tr("Tarieven stelt u in bij Instellingen → Tarieven.")


def method_label(method: Method | str) -> str:
    """The settlement page's words for a method (one translation for both pages)."""
    for known, label in METHODS:
        if known is Method(method):
            return QCoreApplication.translate("SettlementPage", label)
    return str(method)


def short_method_label(method: Method | str) -> str:
    """The first words of a method's label: "Multilateraal" (for a sentence)."""
    return method_label(method).split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Choice:
    """What to make: a plan's documents (``plan_id``) or a draft with these options."""

    plan_id: int | None
    method: Method
    centre: str | None
    threshold_cents: int
    tolerance: Tolerance


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


class DocumentsPage(Page):
    name = "documenten"
    title = "Documenten"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.year: SchoolYear | None = None
        self.plan: Plan | None = None  # the school year's finalised plan
        self.counted = False  # the school year has counted pupils (else nothing to make)
        self.document_set: DocumentSet | None = None
        self._generator: Worker | None = None
        self._exporter: Worker | None = None
        self._printer: QPrinter | None = None
        self._folder = ""  # the folder last saved into, in this session
        self._source_year: SchoolYear | None = None  # the year the source was chosen for
        self._build()

    # Widgets ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(_tr("Documenten")))
        layout.addWidget(self._source_box())

        self.generate_button = QPushButton(_tr("Documenten ma&ken"))
        self.generate_button.setAccessibleName(_tr("Documenten maken"))
        self.generate_button.setToolTip(
            _tr("Het verrekenvoorstel en per deelnemende gemeente een overeenkomst, als PDF")
        )
        self.cancel_button = QPushButton(_tr("Annuleren"))
        self.cancel_button.setAccessibleName(_tr("Het maken van de documenten annuleren"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_tr("Voortgang"))
        self.progress.setTextVisible(True)
        self.message = QLabel()
        self.message.setAccessibleName(_tr("Melding"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        run_row = QHBoxLayout()
        run_row.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignTop)
        run_row.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        run_row.addWidget(self.progress, 2, Qt.AlignmentFlag.AlignTop)
        run_row.addWidget(self.message, 3)
        layout.addLayout(run_row)

        self.documents = documents_model(self)
        self.documents_view = table_view(self.documents, _tr("Gemaakte documenten"), sortable=False)
        self.documents_view.setTabKeyNavigation(False)
        self.documents_view.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        list_label = QLabel(_tr("Gemaakte doc&umenten:"))
        list_label.setBuddy(self.documents_view)
        self.summary = QLabel()
        self.summary.setAccessibleName(_tr("Over deze documenten"))
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.documents_view, 1)
        left_layout.addWidget(self.summary)

        self.preview = PdfPreview()
        self.preview.setAccessibleName(_tr("Voorbeeld"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.print_button = QPushButton(_tr("Af&drukken…"))
        self.print_button.setAccessibleName(_tr("Het gekozen document afdrukken"))
        self.print_button.setToolTip(_tr("Het gekozen document afdrukken (Ctrl+P)"))
        self.save_button = QPushButton(_tr("&Opslaan…"))
        self.save_button.setAccessibleName(_tr("Alle documenten opslaan"))
        self.save_button.setToolTip(_tr("Alle documenten als PDF in een map opslaan"))
        self.export_button = QPushButton(_tr("&Exporteren naar Excel…"))
        self.export_button.setAccessibleName(_tr("Exporteren naar Excel"))
        self.export_button.setToolTip(
            _tr(
                "Matrix, saldi, betalingen en bronnen van het schooljaar als Excel-werkmap, "
                "met het gekozen plan of de gekozen methode (Ctrl+E)"
            )
        )
        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addStretch()
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.generate_button.clicked.connect(lambda: self.generate())
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_all())
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.documents_view.selectionModel().selectionChanged.connect(self._selected)
        self.threshold.returnPressed.connect(lambda: self.generate())
        self.tolerance.returnPressed.connect(lambda: self.generate())
        self._update_controls()

    def _source_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Welke documenten"))
        self.plan_radio = QRadioButton(_tr("Vastgesteld &plan:"))
        self.plan_radio.setAccessibleName(_tr("Documenten van het vastgestelde plan"))
        self.draft_radio = QRadioButton(_tr("&Concept, nu berekend:"))
        self.draft_radio.setAccessibleName(_tr("Conceptdocumenten, nu berekend"))
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(_tr("Vastgesteld plan"))
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method = QComboBox()
        self.method.setAccessibleName(_tr("Methode"))
        for method, _label in METHODS:
            self.method.addItem(method_label(method), str(method))
        self.centre = QComboBox()
        self.centre.setAccessibleName(_tr("Verrekenpartij"))
        self.threshold = QLineEdit("0")
        self.threshold.setAccessibleName(_tr("Bagatelgrens in euro"))
        self.threshold.setToolTip(_tr("Kleinere verschillen per paar worden niet verrekend"))
        self.tolerance = QLineEdit(DEFAULT_TOLERANCE)
        self.tolerance.setAccessibleName(_tr("Tolerantie"))
        self.tolerance.setToolTip(
            _tr(
                "Wanneer een saldo ‘in evenwicht’ heet: bijvoorbeeld 10% van het eigen bruto, "
                "of 25000 euro"
            )
        )

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text)
            widget.setBuddy(buddy)
            return widget

        grid = QGridLayout(box)
        grid.addWidget(self.plan_radio, 0, 0)
        grid.addWidget(self.plan_combo, 0, 1, 1, 4)
        grid.addWidget(self.draft_radio, 1, 0)
        grid.addWidget(label(_tr("&Methode:"), self.method), 1, 1)
        grid.addWidget(self.method, 1, 2)
        grid.addWidget(label(_tr("Verrekenpart&ij:"), self.centre), 1, 3)
        grid.addWidget(self.centre, 1, 4)
        grid.addWidget(label(_tr("Ba&gatelgrens (€):"), self.threshold), 2, 1)
        grid.addWidget(self.threshold, 2, 2)
        grid.addWidget(label(_tr("&Tolerantie:"), self.tolerance), 2, 3)
        grid.addWidget(self.tolerance, 2, 4)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 1)

        order = [
            self.plan_radio,
            self.plan_combo,
            self.draft_radio,
            self.method,
            self.centre,
            self.threshold,
            self.tolerance,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        self.draft_radio.setChecked(True)
        self.plan_radio.toggled.connect(self._source_changed)
        self.method.currentIndexChanged.connect(self._source_changed)
        return box

    def _source_changed(self, *_args: object) -> None:
        draft = not self.plan_radio.isChecked()
        for widget in (self.method, self.threshold):
            widget.setEnabled(draft)
        self.centre.setEnabled(draft and self.current_method() is Method.CENTRAL)
        self.plan_combo.setEnabled(not draft and self.plan is not None)

    def current_method(self) -> Method:
        return Method(self.method.currentData())

    # Page contract ------------------------------------------------------------------------

    def set_school_year(self, year: SchoolYear | None) -> None:
        self.year = year

    def refresh(self) -> None:
        """Offer the year's plan and participants; documents of another year are put away."""
        year = self.year
        if self.document_set is not None and self.document_set.data.school_year != year:
            self._show_documents(None)
        if year != self._source_year and self._generator is None:
            self.message.clear()
        db = self.context.db
        before = self.plan.id if self.plan is not None else None
        self.plan = finalized_plan(db, year) if year is not None else None
        self._fill_plans()
        self._fill_centres(participants(db, year) if year is not None else ())
        new_plan = self.plan is not None and self.plan.id != before
        if year != self._source_year or new_plan:  # a new year or plan: the plan, if any
            self._source_year = year
            (self.plan_radio if self.plan is not None else self.draft_radio).setChecked(True)
        elif self.plan is None and self.plan_radio.isChecked():
            self.draft_radio.setChecked(True)
        self.plan_radio.setEnabled(self.plan is not None)
        found = year_pupils(db, year) if year is not None else None  # two cheap queries
        self.counted = found is not None and found.counted
        if not self.counted and not self.is_busy():  # an empty year: what to import, no zeros
            self.message.setText(no_pupils_text(found))
        self._source_changed()
        self._update_controls()

    def _empty_text(self) -> str:
        year = self.year
        return no_pupils_text(year_pupils(self.context.db, year) if year is not None else None)

    def is_busy(self) -> bool:
        """Documents are being made or a workbook written (the screenshot waits for it)."""
        return self._generator is not None or self._exporter is not None

    def _fill_plans(self) -> None:
        self.plan_combo.clear()
        plan = self.plan
        if plan is None:
            self.plan_combo.addItem(
                _tr("geen vastgesteld plan voor {year}").format(year=self.year or "—"), None
            )
            self.plan_combo.setToolTip("")
            return
        text = _tr("Plan {id}: {method}, vastgesteld op {day} (kenmerk {hash})").format(
            id=plan.id,
            method=short_method_label(plan.method).lower(),
            day=formatting.long_date(plan.finalized_at.astimezone().date()),
            hash=plan.short_hash,
        )
        self.plan_combo.addItem(text, plan.id)
        self.plan_combo.setToolTip(
            _tr("Vastgesteld door {who}; later geïmporteerde gegevens veranderen het niet.").format(
                who=plan.finalized_by or _tr("onbekend")
            )
        )

    def _fill_centres(self, codes: tuple[str, ...]) -> None:
        chosen = self.centre.currentData()
        self.centre.blockSignals(True)
        self.centre.clear()
        self.centre.addItem(
            QCoreApplication.translate("SettlementPage", REGIONAL_CENTRE_NAME), REGIONAL_CENTRE
        )
        for code in codes:
            self.centre.addItem(self.context.reference.label(code), code)
        self.centre.setCurrentIndex(max(self.centre.findData(chosen), 0))
        self.centre.blockSignals(False)

    # The choice ---------------------------------------------------------------------------

    def choice(self) -> Choice:
        """The options in the form; a Dutch ``GrensverkeerError`` when one is not valid."""
        try:
            threshold = parse_euros(self.threshold.text().strip() or "0")
        except AmountError as error:
            raise GrensverkeerError(_tr("Bagatelgrens: {error}").format(error=error)) from None
        tolerance = parse_tolerance(self.tolerance.text().strip() or DEFAULT_TOLERANCE)
        if self.plan_radio.isChecked() and self.plan is not None:
            return Choice(self.plan.id, Method(self.plan.method), None, 0, tolerance)
        method = self.current_method()
        centre = (
            (self.centre.currentData() or REGIONAL_CENTRE) if method is Method.CENTRAL else None
        )
        return Choice(None, method, centre, threshold, tolerance)

    # Making the documents -----------------------------------------------------------------

    def generate(self) -> Worker | None:
        """Make the documents of the chosen source in a worker; None when nothing started."""
        if self._generator is not None:
            return None
        year = self.year
        if year is None or not self.counted:
            self.message.setText(self._empty_text())
            return None
        try:
            choice = self.choice()
        except GrensverkeerError as error:
            self.message.setText(str(error))
            return None
        db, reference = self.context.db, self.context.reference

        def make(progress: Progress, cancelled: Cancelled) -> DocumentSet | MissingTariffError:
            try:
                return generate_documents(
                    db,
                    year,
                    plan_id=choice.plan_id,
                    method=choice.method,
                    centre=choice.centre,
                    threshold_cents=choice.threshold_cents,
                    tolerance=choice.tolerance,
                    reference=reference,
                    progress=progress,
                    cancelled=cancelled,
                )
            except MissingTariffError as missing:  # a finding to show, not a failure
                return missing

        worker = Worker(make, "documenten maken")
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._generated)
        worker.signals.failed.connect(self._generation_failed)
        self._generator = worker
        self._show_documents(None)
        self.message.setText(_tr("De documenten worden gemaakt…"))
        self.progress.setRange(0, 0)  # busy until the first document is reported
        self._update_controls()
        return worker.start(self.context.pool)

    def cancel(self) -> None:
        if self._generator is not None:
            self._generator.cancel()
            self.message.setText(_tr("Bezig met annuleren…"))

    def _progress(self, text: str, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(
            _tr("{text} ({done} van {total} klaar)").format(done=done, total=total, text=text)
        )

    def _generated(self, result: DocumentSet | MissingTariffError) -> None:
        self._generator = None
        if isinstance(result, MissingTariffError):
            self.message.setText(f"{result} {tariff_hint()}")
        elif result.data.school_year != self.year:  # the year changed meanwhile
            self.message.clear()
        else:
            self._show_documents(result)
            self.message.setText(self._made_text(result))
        self._update_controls()

    def _generation_failed(self, message: str) -> None:
        self._generator = None
        self.message.setText(message)
        self._update_controls()

    def _made_text(self, document_set: DocumentSet) -> str:
        data = document_set.data
        n = len(document_set.documents)
        if data.plan_id is not None:
            return _tr("{n} documenten gemaakt van plan {id} (kenmerk {hash}).").format(
                n=n, id=data.plan_id, hash=data.short_hash
            )
        text = _tr("{n} conceptdocumenten gemaakt ({method}, kenmerk {hash}).").format(
            n=n, method=short_method_label(data.method).lower(), hash=data.short_hash
        )
        if self.plan is not None:
            text += " " + _tr(
                "Let op: voor schooljaar {year} is plan {id} vastgesteld; kies ‘Vastgesteld "
                "plan’ voor de documenten van dat plan."
            ).format(year=data.school_year, id=self.plan.id)
        return text

    def _show_documents(self, document_set: DocumentSet | None) -> None:
        self.document_set = document_set
        self.documents.set_rows(document_rows(document_set) if document_set else [])
        self.documents_view.resizeColumnToContents(0)
        if document_set is None:
            self.summary.clear()
            self.preview.clear()
            return
        data = document_set.data
        issued = formatting.long_date(data.issued)
        self.summary.setText(
            _tr("Schooljaar {year}, {what}, gedateerd {day}.").format(
                year=data.school_year,
                what=_tr("plan {id}").format(id=data.plan_id) if data.plan_id else _tr("concept"),
                day=issued,
            )
        )
        self.documents_view.selectRow(0)
        self.documents_view.setFocus()

    def selected_document(self) -> DocumentRow | None:
        return selected_row(self.documents_view)

    def _selected(self, *_args: object) -> None:
        row = self.selected_document()
        if row is None:
            self.preview.clear()
        else:
            self.preview.show_pdf(row.document.pdf, row.filename)
        self._update_controls()

    def _update_controls(self) -> None:
        generating = self._generator is not None
        self.generate_button.setEnabled(not generating and self.year is not None and self.counted)
        self.cancel_button.setVisible(generating)
        self.progress.setVisible(generating)
        if not generating:
            self.progress.reset()
            self.progress.setFormat("%p%")
        have = self.document_set is not None
        self.print_button.setEnabled(have and self.selected_document() is not None)
        self.save_button.setEnabled(have)
        self.export_button.setEnabled(
            self._exporter is None and self.year is not None and self.counted
        )

    # Printing -----------------------------------------------------------------------------

    def print_document(self) -> int:
        """Print the selected document through the print dialog; returns the pages printed."""
        row = self.selected_document()
        if self.document_set is None or row is None:
            show_info(
                self,
                _tr(
                    "Maak eerst de documenten (‘Documenten maken’) en kies er een om af te drukken."
                ),
            )
            return 0
        document = self.preview.document
        count = self.preview.page_count()
        printer = self._printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(row.filename)
        fit_printer_to(printer, document)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_tr("Afdrukken: {title}").format(title=row.title))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        self._printer = printer
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
            first, last = printer.fromPage(), printer.toPage() or count
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdf(document, printer, first, last)
        except GrensverkeerError as error:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, str(error))
            return 0
        QGuiApplication.restoreOverrideCursor()
        self.message.setText(
            _tr("{title}: {n} pagina’s afgedrukt.").format(title=row.title, n=printed)
        )
        return printed

    # Saving -------------------------------------------------------------------------------

    def save_all(self) -> list[Path]:
        """Ask for a folder and write every document into it; returns the files written."""
        document_set = self.document_set
        if document_set is None:
            show_info(self, _tr("Maak eerst de documenten (‘Documenten maken’)."))
            return []
        folder = QFileDialog.getExistingDirectory(
            self, _tr("Map voor de documenten"), self._folder or QDir.homePath()
        )
        if not folder:
            return []
        out = Path(folder)
        documents = document_set.documents
        existing = [d.filename for d in documents if (out / d.filename).exists()]
        if existing and not ask(
            self,
            _tr(
                "{n} van deze bestanden staan al in {folder} en worden vervangen. Doorgaan?"
            ).format(n=len(existing), folder=out),
        ):
            return []
        try:
            paths = save_documents(documents, out)
        except GrensverkeerError as error:
            show_error(self, str(error))
            return []
        self._folder = str(out)
        show_info(
            self,
            _tr("{n} documenten opgeslagen in {folder}.").format(n=len(paths), folder=out),
        )
        return paths

    # Exporting ----------------------------------------------------------------------------

    def export_excel(self) -> Worker | None:
        """Ask for a file name and write the school year's workbook there, in a worker."""
        year = self.year
        if year is None or not self.counted:
            show_info(self, self._empty_text())
            return None
        if self._exporter is not None:
            show_info(self, _tr("De export naar Excel loopt nog."))
            return None
        try:
            choice = self.choice()
        except GrensverkeerError as error:
            show_error(self, str(error))
            return None
        start = Path(self._folder or QDir.homePath()) / f"grensverkeer-{year}.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _tr("Exporteren naar Excel"),
            str(start),
            _tr("Excel-werkmap (*.xlsx)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        db, reference = self.context.db, self.context.reference

        hint = tariff_hint()

        def export(_progress: Progress, _cancelled: Cancelled) -> tuple[Path, int]:
            try:
                workbook = build_export(
                    db,
                    year,
                    method=choice.method if choice.plan_id is None else None,
                    centre=choice.centre,
                    threshold_cents=choice.threshold_cents,
                    plan_id=choice.plan_id,
                    reference=reference,
                )
            except MissingTariffError as missing:
                raise GrensverkeerError(f"{missing} {hint}") from None
            write_workbook(workbook, target)
            return target, len(workbook.sheets)

        worker = Worker(export, "exporteren naar Excel")
        worker.signals.finished.connect(self._exported)
        worker.signals.failed.connect(self._export_failed)
        self._exporter = worker
        self.message.setText(_tr("De Excel-werkmap wordt geschreven…"))
        self._update_controls()
        return worker.start(self.context.pool)

    def _exported(self, result: tuple[Path, int]) -> None:
        self._exporter = None
        path, sheets = result
        self._update_controls()
        text = _tr("Geschreven: {path} ({n} bladen, schooljaar {year}).").format(
            path=path, n=sheets, year=self.year
        )
        self.message.setText(text)
        show_info(self, text)

    def _export_failed(self, message: str) -> None:
        self._exporter = None
        self.message.clear()
        self._update_controls()
        show_error(self, message)


PAGE = DocumentsPage
