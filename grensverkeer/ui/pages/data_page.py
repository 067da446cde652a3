"""Gegevens: the imported files with their reports, the import wizard, undoing an import.

Two tabs:

- **Geïmporteerde bestanden**: every import (``services.imports.import_log.list_imports``) with
  date, file, kind, school year, rows read/stored/skipped and warnings, and a details pane for the
  selected one. The stored record keeps counted warnings, not the problems themselves; for a file
  imported in this session the details also list its problems and warnings from the wizard's report.
  "Importeren…" (``start_import``, also Ctrl+O in the main window and a drop of files on the page)
  opens the wizard; "Import ongedaan maken" asks first, then removes the import with its rows
  (``remove_import``) in a worker and emits ``context.events.changed``.
- **Onthouden schrijfwijzen**: the aliases accepted in the wizard (``services.imports.aliases``),
  with "Schrijfwijze vergeten" to remove a wrong one.
- **Privacy**: find or remove one pupil by BSN, purge a finished school year, and per year how
  long its pupils are kept (``ui.privacy_dialogs.PrivacyTab``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.imports.aliases import Alias, list_aliases, remove_alias
from grensverkeer.services.imports.import_log import ImportSummary, list_imports, remove_import
from grensverkeer.services.imports.reports import ImportReport
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import ask, show_error
from grensverkeer.ui.import_wizard import ImportOutcome, ImportWizard, dropped_paths
from grensverkeer.ui.issues_model import severity_text
from grensverkeer.ui.page_widgets import table_view
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.privacy_dialogs import PrivacyTab
from grensverkeer.ui.table_models import ROW_ROLE, Column, RowsModel, heading, sorted_view
from grensverkeer.ui.workers import Worker

DETAIL_ISSUES = 200


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPage", text)


def _year(start: int | None) -> str:
    return f"{start}-{start + 1}" if start else ""


def _moment(summary: ImportSummary) -> str:
    return f"{summary.imported_at:%d-%m-%Y %H:%M}"


def imports_model(parent: object = None) -> RowsModel[ImportSummary]:
    n = formatting.number
    columns: list[Column[ImportSummary]] = [
        Column(_tr("Nr."), lambda s: str(s.id), sort=lambda s: s.id, numeric=True),
        Column(_tr("Datum"), _moment, sort=lambda s: s.imported_at.isoformat()),
        Column(_tr("Bestand"), lambda s: s.file_name, tooltip=lambda s: f"sha256 {s.sha256}"),
        Column(_tr("Soort"), lambda s: s.kind),
        Column(
            _tr("Schooljaar"), lambda s: _year(s.school_year), sort=lambda s: s.school_year or 0
        ),
        Column(_tr("Gelezen"), lambda s: n(s.rows_read), sort=lambda s: s.rows_read, numeric=True),
        Column(
            _tr("Opgeslagen"),
            lambda s: n(s.rows_stored),
            sort=lambda s: s.rows_stored,
            numeric=True,
        ),
        Column(
            _tr("Overgeslagen"),
            lambda s: n(s.rows_skipped),
            sort=lambda s: s.rows_skipped,
            numeric=True,
        ),
        Column(
            _tr("Waarschuwingen"),
            lambda s: "; ".join(s.warnings),
            tooltip=lambda s: "\n".join(s.warnings),
        ),
    ]
    return RowsModel(columns, parent)


def aliases_model(context: UiContext, parent: object = None) -> RowsModel[Alias]:
    columns: list[Column[Alias]] = [
        Column(_tr("Schrijfwijze"), lambda a: a.text, sort=lambda a: a.key),
        Column(_tr("Gemeente"), lambda a: context.reference.label(a.code)),
        Column(_tr("Onthouden op"), lambda a: f"{a.created_at.astimezone():%d-%m-%Y %H:%M}"),
    ]
    return RowsModel(columns, parent)


def _table(name: str, model: object) -> QTableView:
    view = table_view(name, model)
    view.setSortingEnabled(True)
    return view


class DataPage(Page):
    """The imports and aliases of the open database."""

    name = "gegevens"
    title = "Gegevens"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.reports: dict[int, ImportReport] = {}  # this session's reports, by import id
        self.wizard: ImportWizard | None = None
        self._worker: Worker | None = None
        self.setAcceptDrops(True)

        self.import_button = QPushButton(self.tr("&Importeren…"))
        self.import_button.setAccessibleName(self.tr("Bestanden importeren"))
        self.import_button.setToolTip(self.tr("Bestanden importeren (Ctrl+O)"))
        self.import_button.clicked.connect(lambda: self.start_import())
        self.undo_button = QPushButton(self.tr("Import &ongedaan maken"))
        self.undo_button.setAccessibleName(self.tr("Import ongedaan maken"))
        self.undo_button.clicked.connect(lambda: self.undo_import())
        self.hint = QLabel(self.tr("Sleep bestanden hierheen om ze te importeren."))

        self.imports = imports_model(self)
        self.imports_proxy = sorted_view(self.imports)
        self.imports_view = _table(self.tr("Geïmporteerde bestanden"), self.imports_proxy)
        self.imports_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Details van de gekozen import"))
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.imports_view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        buttons.addWidget(self.hint)
        imports_tab = QWidget()
        imports_layout = QVBoxLayout(imports_tab)
        imports_layout.addLayout(buttons)
        imports_layout.addWidget(splitter, 1)

        self.aliases = aliases_model(context, self)
        self.aliases_view = _table(self.tr("Onthouden schrijfwijzen"), sorted_view(self.aliases))
        self.forget_button = QPushButton(self.tr("Schrijfwijze &vergeten"))
        self.forget_button.setAccessibleName(self.tr("Schrijfwijze vergeten"))
        self.forget_button.clicked.connect(lambda: self.forget_alias())
        aliases_tab = QWidget()
        aliases_layout = QVBoxLayout(aliases_tab)
        explanation = QLabel(
            self.tr(
                "Schrijfwijzen van gemeenten die u bij een import als suggestie overnam. Elke "
                "volgende import leest ze als die gemeente."
            )
        )
        explanation.setWordWrap(True)
        aliases_layout.addWidget(explanation)
        aliases_layout.addWidget(self.aliases_view, 1)
        forget_row = QHBoxLayout()
        forget_row.addWidget(self.forget_button)
        forget_row.addStretch()
        aliases_layout.addLayout(forget_row)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Gegevens"))
        self.tabs.addTab(imports_tab, self.tr("&Geïmporteerde bestanden"))
        self.tabs.addTab(aliases_tab, self.tr("Onthouden schrijf&wijzen"))
        self.privacy = PrivacyTab(context)
        self.tabs.addTab(self.privacy, self.tr("&Privacy"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Gegevens")))
        layout.addWidget(self.tabs)

        self.imports_view.selectionModel().selectionChanged.connect(self._selected)
        self.aliases_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # Page -------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected_import()
        self.imports.set_rows(list_imports(self.context.db))
        self.imports_view.resizeColumnsToContents()
        self.aliases.set_rows(list_aliases(self.context.db))
        self.aliases_view.resizeColumnsToContents()
        self.privacy.refresh()
        if chosen is not None:
            self.select_import(chosen.id)
        elif self.imports.rowCount():
            self.imports_view.selectRow(0)  # the newest import, so the details are never empty
        self._selected()

    # Imports ----------------------------------------------------------------------------

    def start_import(self, paths: Sequence[Path] = ()) -> ImportWizard:
        """Open the import wizard (not blocking), with ``paths`` already chosen."""
        if self.wizard is not None:
            self.wizard.files_page.add_files(paths)
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        wizard = ImportWizard(self.context, paths, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.finished.connect(self._wizard_closed)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _imported(self, outcome: ImportOutcome) -> None:
        """Keep the reports for the details pane; the wizard then emits ``changed``."""
        for report in outcome.reports:
            if report.import_id is not None:
                self.reports[report.import_id] = report

    def _wizard_closed(self, _result: int) -> None:
        self.wizard = None

    def selected_import(self) -> ImportSummary | None:
        rows = self.imports_view.selectionModel().selectedRows()
        if not rows:
            return None
        return cast(ImportSummary, self.imports_proxy.data(rows[0], ROW_ROLE))

    def select_import(self, import_id: int) -> bool:
        for row in range(self.imports_proxy.rowCount()):
            summary = self.imports_proxy.data(self.imports_proxy.index(row, 0), ROW_ROLE)
            if summary.id == import_id:
                self.imports_view.selectRow(row)
                return True
        return False

    def undo_import(self) -> Worker | None:
        """Ask, then remove the selected import and everything it stored."""
        summary = self.selected_import()
        if summary is None or self.is_busy():
            return None
        question = self.tr(
            "Import {id} ({file}, {rows} rijen opgeslagen) ongedaan maken? Alles wat uit dit "
            "bestand is opgeslagen, wordt verwijderd."
        ).format(id=summary.id, file=summary.file_name, rows=formatting.number(summary.rows_stored))
        if not ask(self, question):
            return None
        db = self.context.db
        worker = Worker(lambda _p, _c: remove_import(db, summary.id), "import ongedaan maken")
        worker.signals.finished.connect(self._undone)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        self._update_buttons()
        return worker.start(self.context.pool)

    def is_busy(self) -> bool:
        """An undo or the wizard's work is running (the window's screenshot waits for it)."""
        undoing = self._worker is not None  # until its result has been handled
        return undoing or (self.wizard is not None and self.wizard.is_busy())

    def _undone(self, summary: ImportSummary) -> None:
        self._worker = None
        self.reports.pop(summary.id, None)
        self.context.events.changed.emit()  # the window refreshes this page

    def _failed(self, message: str) -> None:
        self._worker = None
        self._update_buttons()
        show_error(self, message)

    def _selected(self, *_args: object) -> None:
        summary = self.selected_import()
        self.details.setHtml(self._details(summary) if summary else "")
        self._update_buttons()

    def _details(self, s: ImportSummary) -> str:
        n = formatting.number
        facts = [
            (self.tr("Bestand"), s.file_name),
            (self.tr("Import"), str(s.id)),
            (self.tr("Geïmporteerd op"), _moment(s)),
            (self.tr("Soort"), s.kind),
            (self.tr("Schooljaar"), _year(s.school_year) or "—"),
            (self.tr("Rijen gelezen"), n(s.rows_read)),
            (self.tr("Opgeslagen"), n(s.rows_stored)),
            (self.tr("Overgeslagen"), n(s.rows_skipped)),
            (self.tr("Dubbel, samengevoegd"), n(s.duplicates_merged)),
            (self.tr("sha256"), s.sha256),
        ]
        html = ["<table>"]
        for key, value in facts:
            html.append(f"<tr><th align='left'>{escape(key)}</th><td>{escape(value)}</td></tr>")
        html.append("</table>")
        if s.warnings:
            html.append(f"<p><b>{escape(self.tr('Waarschuwingen'))}</b></p><ul>")
            html += [f"<li>{escape(w)}</li>" for w in s.warnings]
            html.append("</ul>")
        report = self.reports.get(s.id)
        if report is not None and report.issues:
            html.append(f"<p><b>{escape(self.tr('Meldingen bij deze import'))}</b></p><ul>")
            for issue in report.issues[:DETAIL_ISSUES]:
                line = f"{severity_text(issue.severity)}: {issue.describe()}"
                html.append(f"<li>{escape(line)}</li>")
            html.append("</ul>")
            if len(report.issues) > DETAIL_ISSUES:
                rest = len(report.issues) - DETAIL_ISSUES
                html.append(f"<p>{escape(self.tr('en nog {n} meldingen').format(n=n(rest)))}</p>")
        return "".join(html)

    # Aliases ----------------------------------------------------------------------------

    def selected_alias(self) -> Alias | None:
        rows = self.aliases_view.selectionModel().selectedRows()
        if not rows:
            return None
        model = self.aliases_view.model()
        return cast(Alias, model.data(rows[0], ROW_ROLE))

    def forget_alias(self) -> None:
        alias = self.selected_alias()
        if alias is None:
            return
        question = self.tr("De schrijfwijze ‘{text}’ ({label}) vergeten?").format(
            text=alias.text, label=self.context.reference.label(alias.code)
        )
        if not ask(self, question):
            return
        try:
            remove_alias(self.context.db, alias.text)
        except GrensverkeerError as error:
            show_error(self, str(error))
        self.refresh()  # aliases change no data of the other pages: no ``changed``

    # Drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def _update_buttons(self, *_args: object) -> None:
        self.undo_button.setEnabled(self.selected_import() is not None and not self.is_busy())
        self.forget_button.setEnabled(self.selected_alias() is not None)


PAGE = DataPage
