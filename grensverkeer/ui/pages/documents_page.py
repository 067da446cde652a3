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
failures of saving, printing and exporting in a message box. The source box and the printing,
saving and exporting are in ``grensverkeer.ui.documents``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from grensverkeer.documents.generate import DocumentSet, generate_documents
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import MissingTariffError
from grensverkeer.services.matrices.year_pupils import year_pupils
from grensverkeer.services.plans.finalized_plans import Plan, finalized_plan
from grensverkeer.services.years.membership import participants
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import show_error, show_info
from grensverkeer.ui.documents.action_bar import ActionBar
from grensverkeer.ui.documents.output import (
    DocumentPrinter,
    DocumentRow,
    ask_workbook_path,
    document_rows,
    documents_model,
    export_job,
    made_text,
    save_into_folder,
    summary_text,
)
from grensverkeer.ui.documents.source_box import Choice, SourceBox
from grensverkeer.ui.empty_year import error_text, no_pupils_text
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.pdf_preview import PdfPreview
from grensverkeer.ui.table_models import heading as page_heading
from grensverkeer.ui.table_models import selected_row, table_view
from grensverkeer.ui.workers import Cancelled, Progress, Worker


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


class DocumentsPage(Page):
    name = "documenten"
    title = "Documenten"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.year: SchoolYear | None = None
        self.counted = False  # the school year has counted pupils (else nothing to make)
        self.document_set: DocumentSet | None = None
        self._generator: Worker | None = None
        self._exporter: Worker | None = None
        self._printing = DocumentPrinter()
        self._folder = ""  # the folder last saved into, in this session
        self._source_year: SchoolYear | None = None  # the year the source was chosen for
        self._build()

    # Widgets ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(_tr("Documenten")))
        self.source = SourceBox(self.context.reference)
        layout.addWidget(self.source)
        source = self.source  # its fields, as the page's own (the tests and the window use them)
        self.plan_radio, self.draft_radio = source.plan_radio, source.draft_radio
        self.plan_combo, self.method, self.centre = source.plan_combo, source.method, source.centre
        self.threshold, self.tolerance = source.threshold, source.tolerance

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

        bar = ActionBar()
        self.print_button, self.save_button = bar.print_button, bar.save_button
        self.export_button = bar.export_button
        layout.addWidget(bar)

        self.generate_button.clicked.connect(lambda: self.generate())
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_all())
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.documents_view.selectionModel().selectionChanged.connect(self._selected)
        self.threshold.returnPressed.connect(lambda: self.generate())
        self.tolerance.returnPressed.connect(lambda: self.generate())
        self._update_controls()

    @property
    def plan(self) -> Plan | None:
        """The school year's finalised plan, as the source box offers it."""
        return self.source.plan

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
        self.source.fill_plans(year, finalized_plan(db, year) if year is not None else None)
        self.source.fill_centres(participants(db, year) if year is not None else ())
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
        self.source.source_changed()
        self._update_controls()

    def _empty_text(self) -> str:
        year = self.year
        return no_pupils_text(year_pupils(self.context.db, year) if year is not None else None)

    def is_busy(self) -> bool:
        """Documents are being made or a workbook written (the screenshot waits for it)."""
        return self._generator is not None or self._exporter is not None

    # The choice ---------------------------------------------------------------------------

    def choice(self) -> Choice:
        """The options in the form; a Dutch ``GrensverkeerError`` when one is not valid."""
        return self.source.choice()

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
            self.message.setText(error_text(error))
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
            self.message.setText(error_text(result))
        elif result.data.school_year != self.year:  # the year changed meanwhile
            self.message.clear()
        else:
            self._show_documents(result)
            self.message.setText(made_text(result, self.plan))
        self._update_controls()

    def _generation_failed(self, message: str) -> None:
        self._generator = None
        self.message.setText(message)
        self._update_controls()

    def _show_documents(self, document_set: DocumentSet | None) -> None:
        self.document_set = document_set
        self.documents.set_rows(document_rows(document_set) if document_set else [])
        self.documents_view.resizeColumnToContents(0)
        if document_set is None:
            self.summary.clear()
            self.preview.clear()
            return
        self.summary.setText(summary_text(document_set))
        self.documents_view.selectRow(0)
        self.documents_view.setFocus()

    def selected_document(self) -> DocumentRow | None:
        row = selected_row(self.documents_view)
        return row if isinstance(row, DocumentRow) else None

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

    # Printing, saving, exporting (``ui.documents.output``) --------------------------------

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
        printed = self._printing.print(self, self.preview, row)
        if printed is None:
            return 0
        self.message.setText(
            _tr("{title}: {n} pagina’s afgedrukt.").format(title=row.title, n=printed)
        )
        return printed

    def save_all(self) -> list[Path]:
        """Ask for a folder and write every document into it; returns the files written."""
        document_set = self.document_set
        if document_set is None:
            show_info(self, _tr("Maak eerst de documenten (‘Documenten maken’)."))
            return []
        paths, folder = save_into_folder(self, document_set.documents, self._folder)
        if folder is not None:
            self._folder = str(folder)
        return paths

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
            show_error(self, error_text(error))
            return None
        target = ask_workbook_path(self, self._folder, year)
        if target is None:
            return None
        export = export_job(self.context.db, year, choice, self.context.reference, target)
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
