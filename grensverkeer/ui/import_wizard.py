"""The import wizard: files in, a preview, a check, the import with progress, the result.

Steps (one ``QWizardPage`` each):

1. **Bestanden**: choose files (``QFileDialog``) or drag them in; remove with the button or
   Delete. Optional school year ("uit het bestand" or a year) and "foute rijen overslaan".
2. **Kolommen** (``column_page``): per file (read in a worker) every column of the sheet,
   what it is read as and how sure, with a choice box per column; what the program will not
   decide alone is asked here and "Volgende" waits for the answer. The user's choices go to
   the import as the command line's ``--column`` would; "Koppeling opslaan als…" stores them
   by name and a saved mapping for the same headers is used by itself.
3. **Controle**: a dry run (``services.imports.import_check.import_plan(dry_run=True)``) lists what
   would happen per file and every problem per file and row. A problem whose suggestion names
   a municipality (``bedoelde u 's-Gravenhage (GM0518)?``) can be accepted: the written name is
   stored as an alias (``services.imports.aliases``) and the check runs again. This is the commit
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
(``services.imports.aliases.reference_with_aliases``), built in the worker each time. All decisions
(what is a problem, what can be accepted, what is stored) are the services'; the pages only show
them and pass the user's choices on. Database work runs in ``ui.workers.Worker``s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from grensverkeer.services.imports.import_check import PlannedFile
from grensverkeer.ui.check_page import CheckPage
from grensverkeer.ui.column_page import ColumnPage
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.files_page import SPREADSHEET_FILTER, FilesPage, dropped_paths
from grensverkeer.ui.import_preview_model import FilePreview
from grensverkeer.ui.result_page import ResultPage
from grensverkeer.ui.wizard_tasks import (
    CANCELLED_MESSAGE,
    Batch,
    ImportOutcome,
    import_task,
)
from grensverkeer.ui.workers import Cancelled, Progress, Worker


class ImportWizard(QWizard):
    """Files → preview → check → import → result. Open it with ``open()`` (not blocking)."""

    FILES, COLUMNS, CHECK, IMPORT, RESULT = range(5)

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
        self.column_page = ColumnPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        self.setPage(self.FILES, self.files_page)
        self.setPage(self.COLUMNS, self.column_page)
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

    def show_column(self, file: str, label: str) -> None:
        """Back to the column page with a file and one of its columns shown (a problem's
        remedy); the check runs again when the user comes forward."""
        while self.currentId() > self.COLUMNS:
            self.back()
        self.column_page.select_file(file)
        self.column_page.select_column(label)

    def is_busy(self) -> bool:
        return self.column_page.loading() or self.check_page.running() or self.import_page.running()

    def reject(self) -> None:
        """Cancel closes the wizard, except during the import: then it stops the import."""
        if self.import_page.running():
            self.import_page.cancel()
            return
        self.column_page.stop()
        self.check_page.stop()
        super().reject()


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


__all__ = [
    "CANCELLED_MESSAGE",
    "SPREADSHEET_FILTER",
    "Batch",
    "ImportOutcome",
    "ImportWizard",
    "dropped_paths",
]
