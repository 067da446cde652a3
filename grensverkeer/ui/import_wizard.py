"""The import wizard: files in, a preview, a check, the import with progress, the result.

Steps (one ``QWizardPage`` each):

1. **Bestanden**: choose files (``QFileDialog``) or drag them in; remove with the button or
   Delete. Optional school year ("uit het bestand" or a year) and "foute rijen overslaan".
2. **Voorbeeld en kolommen** (``import_preview_page``): per file (read in a worker) the
   sheet, the header row found (highlighted) and the first rows, and per column a combobox
   with the field it holds. A change gives the file its own mapping, used for this import;
   "Koppeling opslaan als…" stores it by name (``services.mappings.save_mapping``). The rules
   are in ``import_preview_model``.
3. **Controle**: a dry run (``services.import_check.import_plan(dry_run=True)``) lists what
   would happen per file and every problem per file and row. A problem whose suggestion names
   a municipality (``bedoelde u 's-Gravenhage (GM0518)?``) can be accepted: the written name is
   stored as an alias (``services.aliases``) and the check runs again. This is the commit
   page: "Importeren" starts the import and there is no way back.
4. **Importeren**: the real import in a worker, a progress bar fed by the importer's progress
   callback (marshalled to the GUI thread by the worker's signals) and "Afbreken", wired to the
   importer's ``cancelled``. The importer stops at the next file; files before it stay stored
   and are listed, since every file is its own transaction.
5. **Resultaat**: per file the outcome and counts, and the problems and warnings.
   ``context.events.changed`` is emitted once the import has ended, also after a cancel.

Keyboard: every control has a mnemonic that is unique on its page (Alt+letter), tables let Tab
move on (``setTabKeyNavigation(False)``), Delete removes a chosen file, Escape cancels (during
the import: stops it), and every widget has an accessible name.

Check and import use the reference with the stored aliases
(``services.aliases.reference_with_aliases``), built in the worker each time. All decisions
(what is a problem, what can be accepted, what is stored) are the services'; the pages only show
them and pass the user's choices on. Database work runs in ``ui.workers.Worker``s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from grensverkeer import formatting
from grensverkeer.importing.file_safety import ACCEPTED_EXTENSIONS
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.aliases import AliasSuggestion, add_alias, reference_with_aliases
from grensverkeer.services.import_check import PlannedFile, import_plan
from grensverkeer.services.import_log import ImportSummary, list_imports
from grensverkeer.services.importer import ImportCancelled
from grensverkeer.services.reports import ImportReport, Outcome
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import show_error
from grensverkeer.ui.import_preview_model import FilePreview
from grensverkeer.ui.import_preview_page import PreviewPage, fit_columns, labelled, table_view
from grensverkeer.ui.issues_model import (
    FileRow,
    IssueRow,
    files_model,
    issue_rows,
    issues_model,
)
from grensverkeer.ui.models import ROW_ROLE, RowsModel, sorted_view
from grensverkeer.ui.workers import Cancelled, Progress, Worker

SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)"
CANCELLED_MESSAGE = "De import is afgebroken; er is niets opgeslagen van het lopende bestand."
YEARS_BACK = 6


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files in a drag; folders and remote URLs are left out."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """How the import step ended: the reports, or a cancel (with what was stored before it)."""

    reports: tuple[ImportReport, ...] = ()
    cancelled: bool = False
    stored_before_cancel: tuple[ImportSummary, ...] = ()
    cancel_too_late: bool = False  # "Afbreken" came during the last file: all was done
    error: str = ""


@dataclass(frozen=True, slots=True)
class Batch:
    """What the user chose in steps 1 and 2."""

    files: tuple[PlannedFile, ...]
    school_year: SchoolYear | None
    skip_invalid: bool


def check_task(
    context: UiContext, batch: Batch, alias: AliasSuggestion | None = None
) -> Callable[[Progress, Cancelled], list[ImportReport]]:
    """A worker task: store ``alias`` if given, then check the batch (a dry run)."""

    def task(progress: Progress, cancelled: Cancelled) -> list[ImportReport]:
        if alias is not None:
            add_alias(context.db, alias.text, alias.code, context.reference)
        return _run_plan(context, batch, progress, cancelled, dry_run=True)

    return task


def import_task(context: UiContext, batch: Batch) -> Callable[[Progress, Cancelled], ImportOutcome]:
    """A worker task: import the batch; a cancel lists what was stored before it."""

    def task(progress: Progress, cancelled: Cancelled) -> ImportOutcome:
        before = max((s.id for s in list_imports(context.db)), default=0)
        try:
            reports = _run_plan(context, batch, progress, cancelled, dry_run=False)
        except ImportCancelled:
            stored = tuple(s for s in list_imports(context.db) if s.id > before)
            return ImportOutcome(cancelled=True, stored_before_cancel=stored)
        return ImportOutcome(tuple(reports), cancel_too_late=cancelled())

    return task


def _run_plan(
    context: UiContext, batch: Batch, progress: Progress, cancelled: Cancelled, *, dry_run: bool
) -> list[ImportReport]:
    """The batch through ``import_plan``, with the remembered spellings: checked or stored."""
    return import_plan(
        context.db,
        context.pseudonymizer(),
        batch.files,
        school_year=batch.school_year,
        skip_invalid=batch.skip_invalid,
        reference=reference_with_aliases(context.db, context.reference),
        progress=progress,
        cancelled=cancelled,
        dry_run=dry_run,
    )


class ImportWizard(QWizard):
    """Files → preview → check → import → result. Open it with ``open()`` (not blocking)."""

    FILES, PREVIEW, CHECK, IMPORT, RESULT = range(5)

    imported = Signal(object)  # ImportOutcome, once the import has ended

    def __init__(
        self, context: UiContext, paths: Iterable[Path] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.previews: dict[Path, FilePreview] = {}
        self.outcome: ImportOutcome | None = None
        self.setWindowTitle(self.tr("Bestanden importeren"))
        self.setAccessibleName(self.tr("Importeren"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Vo&rige")),
            (QWizard.WizardButton.NextButton, self.tr("&Volgende >")),
            (QWizard.WizardButton.CommitButton, self.tr("&Importeren")),
            (QWizard.WizardButton.FinishButton, self.tr("&Sluiten")),
            (QWizard.WizardButton.CancelButton, self.tr("&Annuleren")),
        ):
            self.setButtonText(button, text)
        self.files_page = FilesPage(self)
        self.preview_page = PreviewPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        self.setPage(self.FILES, self.files_page)
        self.setPage(self.PREVIEW, self.preview_page)
        self.setPage(self.CHECK, self.check_page)
        self.setPage(self.IMPORT, self.import_page)
        self.setPage(self.RESULT, self.result_page)
        self.resize(1100, 720)
        self.files_page.add_files(paths)

    def batch(self) -> Batch:
        files = []
        for path in self.files_page.paths():
            preview = self.previews.get(path)
            files.append(preview.planned() if preview else PlannedFile(path))
        return Batch(
            tuple(files), self.files_page.school_year(), self.files_page.skip_box.isChecked()
        )

    def start(
        self,
        task: Callable[[Progress, Cancelled], Any],
        finished: Callable[[Any], None],
        failed: Callable[[str], None],
        description: str,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> Worker:
        worker = Worker(task, description)
        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        if progress is not None:
            worker.signals.progress.connect(progress)
        return worker.start(self.context.pool)

    def is_busy(self) -> bool:
        return (
            self.preview_page.loading() or self.check_page.running() or self.import_page.running()
        )

    def reject(self) -> None:
        """Cancel closes the wizard, except during the import: then it stops the import."""
        if self.import_page.running():
            self.import_page.cancel()
            return
        self.preview_page.stop()
        self.check_page.stop()
        super().reject()


class FilesPage(QWizardPage):
    """Step 1: which files, which school year, and whether bad rows are skipped."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.setTitle(self.tr("Bestanden kiezen"))
        self.setSubTitle(
            self.tr(
                "Kies de leerlingenoverzichten en scholenlijsten (xlsx, xls, ods, csv), of sleep "
                "ze hierheen. Scholenlijsten worden eerst geïmporteerd."
            )
        )
        self.setAcceptDrops(True)
        self.file_list = QListWidget()
        self.file_list.setAccessibleName(self.tr("Gekozen bestanden"))
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.choose_button = QPushButton(self.tr("&Bestanden kiezen…"))
        self.choose_button.setAccessibleName(self.tr("Bestanden kiezen"))
        self.choose_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Verwij&deren"))
        self.remove_button.setAccessibleName(self.tr("Gekozen bestand verwijderen"))
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.file_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.ignored_label = QLabel()
        self.ignored_label.setWordWrap(True)
        self.year_box = QComboBox()
        self.year_box.addItem(self.tr("uit het bestand"), None)
        current = SchoolYear.containing(date.today()).start_year
        for start in range(current + 1, current - YEARS_BACK - 1, -1):
            self.year_box.addItem(str(SchoolYear(start)), start)
        self.skip_box = QCheckBox(self.tr("&Foute rijen overslaan en de goede rijen importeren"))
        self.skip_box.setAccessibleName(self.tr("Foute rijen overslaan"))

        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        files = QHBoxLayout()
        files.addWidget(self.file_list, 1)
        files.addLayout(buttons)
        form = QFormLayout()
        form.addRow(labelled(self.tr("&Schooljaar:"), self.year_box), self.year_box)
        form.addRow("", self.skip_box)
        layout = QVBoxLayout(self)
        layout.addLayout(files, 1)
        layout.addWidget(self.ignored_label)
        layout.addLayout(form)
        self._update_buttons()
        self.file_list.itemSelectionChanged.connect(self._update_buttons)

    def paths(self) -> list[Path]:
        return [
            Path(self.file_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.file_list.count())
        ]

    def school_year(self) -> SchoolYear | None:
        start = self.year_box.currentData()
        return SchoolYear(int(start)) if start else None

    def set_school_year(self, year: SchoolYear | None) -> None:
        index = self.year_box.findData(year.start_year if year else None)
        self.year_box.setCurrentIndex(max(index, 0))

    def add_files(self, paths: Iterable[Path | str]) -> None:
        known = {p.resolve() for p in self.paths()}
        ignored: list[str] = []
        for entry in paths:
            path = Path(entry)
            if path.suffix.lower() not in ACCEPTED_EXTENSIONS or not path.is_file():
                ignored.append(path.name)
                continue
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.file_list.addItem(item)
        self.ignored_label.setText(
            self.tr("Niet toegevoegd (geen spreadsheet of csv): {names}").format(
                names=", ".join(ignored)
            )
            if ignored
            else ""
        )
        self._update_buttons()
        self.completeChanged.emit()

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Bestanden kiezen"), "", self.tr(SPREADSHEET_FILTER)
        )
        self.add_files(Path(n) for n in names)

    def remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self._update_buttons()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.file_list.count() > 0

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files(dropped_paths(event.mimeData()))
        event.acceptProposedAction()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.file_list.selectedItems()))


class CheckPage(QWizardPage):
    """Step 3: a dry run; problems per file and row; accepting a municipality suggestion."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.reports: list[ImportReport] | None = None
        self._worker: Worker | None = None
        self.setTitle(self.tr("Controle"))
        self.setSubTitle(
            self.tr(
                "Zo zou de import verlopen; er is nog niets opgeslagen. Een bestand met fouten "
                "wordt geweigerd, tenzij u foute rijen overslaat (stap 1)."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Importeren"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Uitkomst van de controle"))
        self.files = cast(RowsModel[FileRow], files_model(True, self))
        self.files_view = table_view(self.tr("Bestanden en wat ermee zou gebeuren"), self.files)
        self.issues = cast(RowsModel[IssueRow], issues_model(self))
        self.issues_proxy = sorted_view(self.issues)
        self.issues_view = table_view(self.tr("Problemen per bestand en rij"), self.issues_proxy)
        self.issues_view.setSortingEnabled(True)
        self.issues_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.issues_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.suggestion_box = QComboBox()
        self.accept_button = QPushButton(self.tr("Suggestie &overnemen"))
        self.accept_button.setAccessibleName(self.tr("Suggestie overnemen"))
        self.accept_button.setToolTip(
            self.tr(
                "De schrijfwijze wordt onthouden: ook volgende imports lezen haar als deze "
                "gemeente."
            )
        )
        self.accept_button.clicked.connect(lambda: self.accept_suggestion())
        self.alias_label = QLabel()
        self.alias_label.setWordWrap(True)

        suggestion = QHBoxLayout()
        suggestion.addWidget(
            labelled(self.tr("S&uggestie:"), self.suggestion_box, self.tr("Suggestie"))
        )
        suggestion.addWidget(self.suggestion_box, 1)
        suggestion.addWidget(self.accept_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.files_view)
        splitter.addWidget(self.issues_view)
        splitter.setSizes([150, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(suggestion)
        layout.addWidget(self.alias_label)
        self.issues_view.selectionModel().selectionChanged.connect(self._issue_selected)
        self._issue_selected()

    def initializePage(self) -> None:
        self.alias_label.clear()
        self.run_check()

    def cleanupPage(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def running(self) -> bool:
        return self._worker is not None  # until its result has been handled

    def isComplete(self) -> bool:
        return not self.running() and self.reports is not None

    def run_check(self, alias: AliasSuggestion | None = None) -> None:
        """Check (again); with ``alias``, store it first. A refused alias keeps the last check."""
        if alias is None:
            self.reports = None
            self.files.set_rows([])
            self.issues.set_rows([])
        self.status_label.setText(self.tr("Controleren…"))
        self.accept_button.setEnabled(False)
        task = check_task(self.owner.context, self.owner.batch(), alias)
        self._worker = self.owner.start(task, self._checked, self._failed, "controle")
        self.completeChanged.emit()

    def _checked(self, reports: list[ImportReport]) -> None:
        self._worker = None
        self.reports = reports
        self.files.set_rows([FileRow(r, checking=True) for r in reports])
        self.files_view.resizeColumnsToContents()
        self.issues.set_rows(issue_rows(reports, self.owner.context.reference))
        fit_columns(self.issues_view)
        errors = sum(len(r.errors) for r in reports)
        warnings = sum(len(r.warnings) for r in reports)
        refused = sum(r.outcome is Outcome.REFUSED for r in reports)
        text = self.tr("{files} gecontroleerd: {errors}, {warnings}.").format(
            files=formatting.count(len(reports), self.tr("bestand"), self.tr("bestanden")),
            errors=formatting.count(errors, self.tr("fout"), self.tr("fouten")),
            warnings=formatting.count(warnings, self.tr("waarschuwing"), self.tr("waarschuwingen")),
        )
        if refused:
            text += " " + (
                self.tr("Eén bestand zou worden geweigerd.")
                if refused == 1
                else self.tr("{n} bestanden zouden worden geweigerd.").format(n=refused)
            )
        self.status_label.setText(text)
        self._issue_selected()
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.status_label.setText(message)
        self.alias_label.clear()
        self._issue_selected()
        show_error(self, message)
        self.completeChanged.emit()

    # Suggestions ------------------------------------------------------------------------

    def selected_issue(self) -> IssueRow | None:
        rows = self.issues_view.selectionModel().selectedRows()
        if not rows:
            return None
        return cast(IssueRow, self.issues_proxy.data(rows[0], ROW_ROLE))

    def select_issue(self, predicate: Callable[[IssueRow], bool]) -> IssueRow | None:
        """Select the first problem that matches (keyboard users and tests)."""
        for row in range(self.issues_proxy.rowCount()):
            index = self.issues_proxy.index(row, 0)
            issue = cast(IssueRow, self.issues_proxy.data(index, ROW_ROLE))
            if predicate(issue):
                self.issues_view.selectRow(row)
                self.issues_view.scrollTo(index)
                return issue
        return None

    def _issue_selected(self, *_args: object) -> None:
        issue = self.selected_issue()
        self.suggestion_box.clear()
        for suggestion in issue.aliases if issue else ():
            self.suggestion_box.addItem(
                self.tr("‘{text}’ is {label}").format(text=suggestion.text, label=suggestion.label),
                suggestion.code,
            )
        usable = bool(issue and issue.aliases) and not self.running()
        self.suggestion_box.setEnabled(usable)
        self.accept_button.setEnabled(usable)

    def accept_suggestion(self, code: str | None = None) -> AliasSuggestion | None:
        """Store the selected problem's suggestion (or the one with ``code``) and check again."""
        issue = self.selected_issue()
        if issue is None or not issue.aliases or self.running():
            return None
        wanted = code or self.suggestion_box.currentData()
        suggestion = next((s for s in issue.aliases if s.code == wanted), issue.aliases[0])
        self.alias_label.setText(
            self.tr("‘{text}’ wordt voortaan gelezen als {label}.").format(
                text=suggestion.text, label=suggestion.label
            )
        )
        self.run_check(suggestion)
        return suggestion


class ImportPage(QWizardPage):
    """Step 4: the import itself, with progress and "Afbreken"."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self._worker: Worker | None = None
        self.setTitle(self.tr("Importeren"))
        self.setSubTitle(self.tr("Elk bestand wordt in zijn geheel opgeslagen of geweigerd."))
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Voortgang van de import"))
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Wat de import nu doet"))
        self.cancel_button = QPushButton(self.tr("Af&breken"))
        self.cancel_button.setAccessibleName(self.tr("Import afbreken"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch()

    def initializePage(self) -> None:
        self.owner.outcome = None
        self.progress_bar.setRange(0, 0)
        self.status_label.setText(self.tr("Importeren…"))
        self.cancel_button.setEnabled(True)
        task = import_task(self.owner.context, self.owner.batch())
        self._worker = self.owner.start(
            task, self._finished, self._failed, "import", progress=self._progress
        )
        self.cancel_button.setFocus()

    def running(self) -> bool:
        return self._worker is not None  # until its result has been handled

    def isComplete(self) -> bool:
        return self.owner.outcome is not None

    def cancel(self) -> None:
        if self._worker is None:
            return
        self._worker.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Afbreken… de import stopt voor het volgende bestand."))

    def _progress(self, text: str, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if self.cancel_button.isEnabled():
            self.status_label.setText(text)

    def _finished(self, outcome: ImportOutcome) -> None:
        self._end(outcome)

    def _failed(self, message: str) -> None:
        self._end(ImportOutcome(error=message))

    def _end(self, outcome: ImportOutcome) -> None:
        self._worker = None
        self.owner.outcome = outcome
        self.cancel_button.setEnabled(False)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.owner.imported.emit(outcome)
        self.owner.context.events.changed.emit()
        self.completeChanged.emit()
        if self.owner.currentPage() is self:
            self.owner.next()


class ResultPage(QWizardPage):
    """Step 5: what was stored, refused or already there, with the problems and warnings."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.setTitle(self.tr("Resultaat"))
        self.setFinalPage(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Uitkomst van de import"))
        self.files = cast(RowsModel[FileRow], files_model(False, self))
        self.files_view = table_view(self.tr("Bestanden en hun uitkomst"), self.files)
        self.issues = cast(RowsModel[IssueRow], issues_model(self))
        self.issues_view = table_view(self.tr("Fouten en waarschuwingen"), sorted_view(self.issues))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.files_view)
        splitter.addWidget(self.issues_view)
        splitter.setSizes([250, 350])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)

    def initializePage(self) -> None:
        outcome = self.owner.outcome or ImportOutcome()
        self.files.set_rows([FileRow(r, checking=False) for r in outcome.reports])
        self.files_view.resizeColumnsToContents()
        self.issues.set_rows(issue_rows(outcome.reports, self.owner.context.reference))
        fit_columns(self.issues_view)
        self.message_label.setText(self.message(outcome))

    def message(self, outcome: ImportOutcome) -> str:
        if outcome.error:
            return outcome.error
        if outcome.cancelled:
            text = self.tr(CANCELLED_MESSAGE)
            if outcome.stored_before_cancel:
                stored = ", ".join(
                    self.tr("{file} (import {id})").format(file=s.file_name, id=s.id)
                    for s in outcome.stored_before_cancel
                )
                text += " " + self.tr("Wel opgeslagen voor het afbreken: {files}.").format(
                    files=stored
                )
            return text
        counts = {o: sum(r.outcome is o for r in outcome.reports) for o in Outcome}
        text = self.tr(
            "Klaar: {stored} opgeslagen, {refused} geweigerd, {already} al eerder geïmporteerd."
        ).format(
            stored=counts[Outcome.STORED],
            refused=counts[Outcome.REFUSED],
            already=counts[Outcome.ALREADY],
        )
        if outcome.cancel_too_late:
            text = self.tr("Het afbreken kwam te laat: de import was al klaar.") + " " + text
        return text


__all__ = [
    "CANCELLED_MESSAGE",
    "SPREADSHEET_FILTER",
    "ImportOutcome",
    "ImportWizard",
    "dropped_paths",
]
