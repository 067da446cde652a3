"""Step 1 of the import wizard: which files, which school year, and whether bad rows are skipped.

Files come from a file dialog or are dragged in; a file that is no spreadsheet or csv is named
and left out. Delete removes the chosen files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from grensverkeer.importing.file_safety import ACCEPTED_EXTENSIONS
from grensverkeer.importing.folders import spreadsheets_in
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.ui.page_widgets import labelled

if TYPE_CHECKING:
    from grensverkeer.ui.import_wizard import ImportWizard

SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)"
YEARS_BACK = 6


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files in a drag; folders and remote URLs are left out."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def year_box() -> QComboBox:
    """ "uit het bestand" and the recent school years, newest first."""
    box = QComboBox()
    box.addItem(QCoreApplication.translate("FilesPage", "uit het bestand"), None)
    current = SchoolYear.containing(date.today()).start_year
    for start in range(current + 1, current - YEARS_BACK - 1, -1):
        box.addItem(str(SchoolYear(start)), start)
    return box


class FilesPage(QWizardPage):
    """Step 1: which files, which school year, and whether bad rows are skipped."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.setTitle(self.tr("Bestanden kiezen"))
        self.setSubTitle(
            self.tr(
                "Kies de leerlingenoverzichten en scholenlijsten (xlsx, xls, ods, csv) of een map "
                "met zulke bestanden, of sleep ze hierheen. Scholenlijsten worden eerst "
                "geïmporteerd."
            )
        )
        self.setAcceptDrops(True)
        self.file_list = QListWidget()
        self.file_list.setAccessibleName(self.tr("Gekozen bestanden"))
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.choose_button = QPushButton(self.tr("&Bestanden kiezen…"))
        self.choose_button.setAccessibleName(self.tr("Bestanden kiezen"))
        self.choose_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("&Map kiezen…"))
        self.folder_button.setAccessibleName(self.tr("Map kiezen"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("Verwij&deren"))
        self.remove_button.setAccessibleName(self.tr("Gekozen bestand verwijderen"))
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.file_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.ignored_label = QLabel()
        self.ignored_label.setWordWrap(True)
        self.year_box = year_box()
        self.skip_box = QCheckBox(self.tr("&Foute rijen overslaan en de goede rijen importeren"))
        self.skip_box.setAccessibleName(self.tr("Foute rijen overslaan"))

        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.folder_button)
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
        empty_folders: list[str] = []
        for path in self._expanded(paths, empty_folders):
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
        said = []
        if ignored:
            said.append(
                self.tr("Niet toegevoegd (geen spreadsheet of csv): {names}").format(
                    names=", ".join(ignored)
                )
            )
        if empty_folders:
            said.append(
                self.tr(
                    "Geen spreadsheets of csv-bestanden in de map {names} "
                    "(submappen worden niet doorzocht)."
                ).format(names=", ".join(empty_folders))
            )
        self.ignored_label.setText("\n".join(said))
        self._update_buttons()
        self.completeChanged.emit()

    @staticmethod
    def _expanded(paths: Iterable[Path | str], empty_folders: list[str]) -> list[Path]:
        """The paths, a folder replaced by the spreadsheets directly in it."""
        result: list[Path] = []
        for entry in paths:
            path = Path(entry)
            if path.is_dir():
                found = spreadsheets_in(path)
                if not found:
                    empty_folders.append(f"‘{path.name}’")
                result.extend(found)
            else:
                result.append(path)
        return result

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Bestanden kiezen"), "", self.tr(SPREADSHEET_FILTER)
        )
        self.add_files(Path(n) for n in names)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map kiezen"))
        if folder:
            self.add_files([Path(folder)])

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
