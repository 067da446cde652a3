"""Step 3 of the import wizard: a dry run of the import, its problems, and their remedies.

The check is the import's own pipeline with nothing stored (``import_plan(dry_run=True)``).
Every problem comes with its remedy as a control, never as a command: a school year to choose,
a school list to add to the import, the column to look at again (back on the column page,
that column selected), a spelling suggestion to accept (stored as an alias). This is the commit
page: "Importeren" starts the import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from grensverkeer import formatting
from grensverkeer.importing.layout import QuestionCode
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.aliases import AliasSuggestion
from grensverkeer.services.imports.import_decision import MISREAD, YEAR_CODES, YEAR_SPANS
from grensverkeer.services.imports.reports import ImportReport, Outcome
from grensverkeer.ui.dialogs import show_error
from grensverkeer.ui.files_page import SPREADSHEET_FILTER, year_box
from grensverkeer.ui.issues_model import FileRow, IssueRow, files_model, issue_rows, issues_model
from grensverkeer.ui.page_widgets import fit_columns, labelled, table_view
from grensverkeer.ui.table_models import ROW_ROLE, sorted_view
from grensverkeer.ui.wizard_tasks import check_task, outside_year_text, skipped_text
from grensverkeer.ui.workers import Worker

if TYPE_CHECKING:
    from grensverkeer.ui.import_wizard import ImportWizard

#: Problems whose remedy is a school list added to the import.
SCHOOL_LIST_CODES = frozenset({"scholenlijst_ontbreekt"})
#: Problems whose remedy is a look at a column on the column page.
COLUMN_CODES = frozenset({MISREAD, *(code.value for code in QuestionCode)})


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
        self.files = files_model(True, self)
        self.files_view = table_view(self.tr("Bestanden en wat ermee zou gebeuren"), self.files)
        self.issues = issues_model(self)
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
        self.remedies = QGroupBox(self.tr("Oplossen"))
        self.remedies.setAccessibleName(self.tr("Oplossingen voor de problemen"))
        self.year_box = year_box()
        self.year_box.removeItem(0)  # here the file could not tell: a year must be chosen
        self.year_button = QPushButton(self.tr("Met dit &schooljaar controleren"))
        self.year_button.clicked.connect(self.use_year)
        self.school_list_button = QPushButton(self.tr("Scholen&lijst toevoegen…"))
        self.school_list_button.setAccessibleName(self.tr("Scholenlijst toevoegen"))
        self.school_list_button.clicked.connect(lambda: self.add_school_list())
        self.column_box = QComboBox()
        self.column_button = QPushButton(self.tr("Naar de &kolom"))
        self.column_button.setAccessibleName(self.tr("Naar de kolom"))
        self.column_button.clicked.connect(self.go_to_column)
        year_row = QHBoxLayout()
        year_row.addWidget(labelled(self.tr("Schoo&ljaar:"), self.year_box))
        year_row.addWidget(self.year_box)
        year_row.addWidget(self.year_button)
        year_row.addStretch()
        column_row = QHBoxLayout()
        column_row.addWidget(labelled(self.tr("K&olom:"), self.column_box))
        column_row.addWidget(self.column_box, 1)
        column_row.addWidget(self.column_button)
        remedies = QVBoxLayout(self.remedies)
        remedies.addLayout(year_row)
        remedies.addWidget(self.school_list_button, 0, Qt.AlignmentFlag.AlignLeft)
        remedies.addLayout(column_row)

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
        layout.addWidget(self.remedies)
        layout.addWidget(splitter, 1)
        layout.addLayout(suggestion)
        layout.addWidget(self.alias_label)
        self.issues_view.selectionModel().selectionChanged.connect(self._issue_selected)
        self._issue_selected()

    def initializePage(self) -> None:
        self.alias_label.clear()
        self._show_remedies([])
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
        skipped = " ".join(filter(None, (skipped_text(reports), outside_year_text(reports))))
        if skipped:
            text += " " + skipped
        self.status_label.setText(text)
        self._show_remedies(reports)
        self._issue_selected()
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.status_label.setText(message)
        self.alias_label.clear()
        self._issue_selected()
        show_error(self, message)
        self.completeChanged.emit()

    # Remedies ---------------------------------------------------------------------------

    def _show_remedies(self, reports: list[ImportReport]) -> None:
        issues = [(r, i) for r in reports for i in r.errors]
        year = any(i.code in YEAR_CODES for _r, i in issues)
        schools = any(
            i.code in SCHOOL_LIST_CODES or (i.code == MISREAD and i.fields) for _r, i in issues
        )
        self.column_box.clear()
        for report, issue in issues:
            if issue.code in COLUMN_CODES and not (issue.code == MISREAD and issue.fields):
                for label in issue.options[:1] or (issue.column,):
                    text = self.tr("‘{column}’ in {file}").format(column=label, file=report.file)
                    if self.column_box.findText(text) < 0:
                        self.column_box.addItem(text, (report.file, label))
        for widget in (self.year_box, self.year_button):
            widget.setVisible(year)
        spans = [o for _r, i in issues if i.code == YEAR_SPANS for o in i.options]
        if spans:  # the years the file holds: the latest shown first, the user confirms it
            self.year_box.setCurrentIndex(self.year_box.findData(int(max(spans)[:4])))
        self.school_list_button.setVisible(schools)
        has_columns = self.column_box.count() > 0
        for widget in (self.column_box, self.column_button):
            widget.setVisible(has_columns)
        for caption in self.remedies.findChildren(QLabel):
            buddy = caption.buddy()
            caption.setVisible(buddy is not None and buddy.isVisibleTo(self.remedies))
        self.remedies.setVisible(year or schools or has_columns)

    def use_year(self) -> None:
        """Choose the school year the files could not tell, and check again."""
        start = self.year_box.currentData()
        if start is not None:
            self.owner.files_page.set_school_year(SchoolYear(int(start)))
            self.run_check()

    def add_school_list(self, paths: list[Path] | None = None) -> None:
        """Add a school list to the import (asked when not given), then check again."""
        if paths is None:
            names, _filter = QFileDialog.getOpenFileNames(
                self, self.tr("Scholenlijst kiezen"), "", self.tr(SPREADSHEET_FILTER)
            )
            paths = [Path(n) for n in names]
        if paths:
            self.owner.files_page.add_files(paths)
            self.run_check()

    def go_to_column(self) -> None:
        """Back to the column page, with the file and the column of the problem shown."""
        target = self.column_box.currentData()
        if target is None:
            return
        file, label = target
        self.owner.show_column(file, label)

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
