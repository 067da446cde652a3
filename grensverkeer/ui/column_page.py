"""Step 2 of the import wizard: every column of every file, what it is read as, and the choices.

Per file (a box picks it) the sheet, the kind of data and the header row, then a table with one
row per column: header, five sample values, what it is read as (a choice box in the row), how
sure and why. What the program will not decide alone (two residence columns that disagree, a
date of unclear role, day-month order) stops here: the question is shown above the table with
its candidates in a box, and "Volgende" waits for the answer. These are the decisions the
command line makes on the same file, and an answer is what ``--column`` would say.

The state of a file is a :class:`~grensverkeer.ui.import_preview_model.FilePreview`; files are
read in a worker, once (``ui.column_reading``). A saved mapping made for the same headers is used
by itself. The status sentence and the boxes per column and per question are built in
``ui.column_widgets``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.fields import HEADER_SCAN_ROWS, Field
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.services.imports.mappings import save_mapping
from grensverkeer.ui.column_reading import ReadResult, read_task
from grensverkeer.ui.column_widgets import field_box, file_status, question_widgets
from grensverkeer.ui.columns_model import FIELD_COLUMN, KOP, ColumnsModel
from grensverkeer.ui.dialogs import show_error
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.field_labels import fields_for, kind_label
from grensverkeer.ui.import_preview_model import FilePreview
from grensverkeer.ui.page_widgets import fit_columns, labelled, table_view
from grensverkeer.ui.preview_table import PreviewModel

if TYPE_CHECKING:
    from grensverkeer.ui.import_wizard import ImportWizard
    from grensverkeer.ui.workers import Worker

WIDEST_COLUMN = 260


class ColumnPage(QWizardPage):
    """Step 2: per file, every column with what it is read as; questions stop here."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self._worker: Worker | None = None
        self._mappings: list[SavedMapping] = []
        self.setTitle(self.tr("Kolommen"))
        self.setSubTitle(
            self.tr(
                "Controleer per bestand wat elke kolom bevat. Kies in de kolom ‘Gelezen als’ "
                "een ander veld waar het niet klopt; oranje rijen bevatten datums of plaatsen "
                "die niet gebruikt worden."
            )
        )
        self.file_box = QComboBox()
        self.sheet_box = QComboBox()
        self.kind_box = QComboBox()
        for kind in (FileKind.PUPILS, FileKind.COUNTS, FileKind.SCHOOLS):
            self.kind_box.addItem(kind_label(kind), str(kind))
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, HEADER_SCAN_ROWS)
        self.saved_box = QComboBox()
        self.save_button = QPushButton(self.tr("Koppeling &opslaan als…"))
        self.save_button.setAccessibleName(self.tr("Koppeling opslaan als"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Toestand van het bestand"))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.questions = QGroupBox(self.tr("Eerst kiezen"))
        self.questions.setAccessibleName(self.tr("Keuzes die het programma niet alleen maakt"))
        self.question_list = QVBoxLayout(self.questions)
        self._answer_boxes: list[QComboBox] = []
        self.columns = ColumnsModel(self)
        self.columns_view = table_view(self.tr("Kolommen en wat ze bevatten"), self.columns)
        self.columns_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.model = PreviewModel(self)
        self.table = table_view(self.tr("Voorbeeld van het blad"), self.model)
        self.table.verticalHeader().setVisible(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.columns_view, self.tr("&Kolommen"))
        self.tabs.addTab(self.table, self.tr("&Blad"))

        top = QGridLayout()
        top.addWidget(labelled(self.tr("B&estand:"), self.file_box), 0, 0)
        top.addWidget(self.file_box, 0, 1)
        top.addWidget(labelled(self.tr("B&lad:"), self.sheet_box), 0, 2)
        top.addWidget(self.sheet_box, 0, 3)
        top.addWidget(labelled(self.tr("Soort &gegevens:"), self.kind_box), 1, 0)
        top.addWidget(self.kind_box, 1, 1)
        top.addWidget(labelled(self.tr("Kop&regel (rij):"), self.header_spin), 1, 2)
        top.addWidget(self.header_spin, 1, 3)
        top.addWidget(labelled(self.tr("Ko&ppeling:"), self.saved_box), 2, 0)
        top.addWidget(self.saved_box, 2, 1)
        top.addWidget(self.save_button, 2, 2, 1, 2)
        top.setColumnStretch(1, 2)
        top.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.questions)
        layout.addWidget(self.tabs, 1)

        self.file_box.currentIndexChanged.connect(self._show_current)
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.header_spin.valueChanged.connect(self._header_chosen)
        self.saved_box.currentIndexChanged.connect(self._saved_chosen)
        self.save_button.clicked.connect(lambda: self.save_mapping_as())

    # Loading ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        paths = self.owner.files_page.paths()
        missing = [p for p in paths if p not in self.owner.previews]
        self.file_box.blockSignals(True)
        self.file_box.clear()
        for path in paths:
            self.file_box.addItem(path.name, str(path))
        self.file_box.blockSignals(False)
        if not missing:
            self._show_current()
            return
        self.status_label.setText(self.tr("Bestanden lezen…"))
        self.model.show(None)
        self.columns.show(None)
        db, reference = self.owner.context.db, self.owner.context.reference
        known = [self.owner.previews[p] for p in paths if p in self.owner.previews]
        read = read_task(db, reference, missing, known)
        self._worker = self.owner.start(read, self._loaded, self._failed, "kolommen lezen")
        self.completeChanged.emit()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def loading(self) -> bool:
        return self._worker is not None  # until its result has been handled

    def isComplete(self) -> bool:
        if self.loading():
            return False
        paths = self.owner.files_page.paths()
        previews = [self.owner.previews.get(p) for p in paths]
        return all(p is not None and (p.ready() or p.error) for p in previews)

    def _loaded(self, result: ReadResult) -> None:
        previews, mappings = result
        self._mappings = mappings
        for preview in previews:
            saved = next((m for m in mappings if preview.fits(m)), None)
            if saved is not None:  # made for a file with the same headers: use it
                preview.use_mapping(saved)
            self.owner.previews[preview.path] = preview
        self._worker = None
        self._fill_saved_box()
        self._show_first_unready()
        self.completeChanged.emit()

    def _show_first_unready(self) -> None:
        """Open on the first file that needs the user: the one a question stops."""
        for index in range(self.file_box.count()):
            preview = self.owner.previews.get(Path(self.file_box.itemData(index)))
            if preview is not None and not preview.ready():
                if index != self.file_box.currentIndex():
                    self.file_box.setCurrentIndex(index)  # shows it
                    return
                break
        self._show_current()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.status_label.setText(message)
        show_error(self, message)
        self.completeChanged.emit()

    # Showing ----------------------------------------------------------------------------

    def current(self) -> FilePreview | None:
        data = self.file_box.currentData()
        return self.owner.previews.get(Path(data)) if data else None

    def select_file(self, name: str) -> None:
        index = self.file_box.findText(name)
        if index >= 0:
            self.file_box.setCurrentIndex(index)

    def select_column(self, label: str) -> bool:
        """Show the column with this header (or letter) selected: where a problem leads."""
        for row in range(self.columns.rowCount()):
            reading = self.columns.reading(row)
            if reading is not None and label in (reading.header, f"(kolom {reading.letter})"):
                self.tabs.setCurrentIndex(0)
                self.columns_view.selectRow(row)
                self.columns_view.scrollTo(self.columns.index(row, KOP))
                return True
        return False

    def _fill_saved_box(self) -> None:
        self.saved_box.blockSignals(True)
        self.saved_box.clear()
        self.saved_box.addItem(self.tr("(automatisch herkend)"), "")
        for mapping in self._mappings:
            self.saved_box.addItem(f"{mapping.name} ({kind_label(mapping.kind)})", mapping.name)
        self.saved_box.blockSignals(False)

    def _show_current(self) -> None:
        preview = self.current()
        focused = self._focused_row()
        widgets = (self.sheet_box, self.kind_box, self.header_spin, self.saved_box)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.sheet_box.clear()
            if preview is not None:
                self.sheet_box.addItems(preview.sheet_names)
                self.sheet_box.setCurrentIndex(preview.sheet)
                kind = self.kind_box.findData(str(preview.kind)) if preview.kind else 0
                self.kind_box.setCurrentIndex(max(kind, 0))
                self.header_spin.setValue((preview.header_row or 0) + 1)
                saved = self.saved_box.findData(preview.mapping_name)
                self.saved_box.setCurrentIndex(max(saved, 0))
            usable = preview is not None and preview.workbook is not None
            for control in (*widgets, self.save_button):
                control.setEnabled(usable)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.model.show(preview)
        self.table.resizeColumnsToContents()
        self.columns.show(preview.layout if preview else None)
        self._column_boxes(preview, focused)
        fit_columns(self.columns_view, WIDEST_COLUMN)
        self._fill_questions(preview)
        self.status_label.setText(file_status(preview))
        self.completeChanged.emit()

    def _column_boxes(self, preview: FilePreview | None, focused: int | None) -> None:
        """A choice box in every row: what the column is, or "—" for the program's reading."""
        if preview is None or preview.layout is None:
            return
        choices = fields_for(preview.kind)
        for row in range(self.columns.rowCount()):
            reading = self.columns.reading(row)
            if reading is None or not reading.header:
                continue
            box = field_box(preview, reading, choices)
            box.currentIndexChanged.connect(lambda _i, row=row: self._field_chosen(row))
            self.columns_view.setIndexWidget(self.columns.index(row, FIELD_COLUMN), box)
            if row == focused:
                box.setFocus()  # a keyboard user stays where the choice was made

    def _focused_row(self) -> int | None:
        for row in range(self.columns.rowCount()):
            widget = self.columns_view.indexWidget(self.columns.index(row, FIELD_COLUMN))
            if widget is not None and widget.hasFocus():
                return row
        return None

    def _fill_questions(self, preview: FilePreview | None) -> None:
        while self.question_list.count():
            item = self.question_list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._answer_boxes = []
        layout = preview.layout if preview else None
        questions = preview.questions if preview else ()
        self.questions.setVisible(bool(questions))
        if layout is None:
            return
        for question in questions:
            text, box = question_widgets(question, layout)
            box.currentIndexChanged.connect(lambda _i, box=box: self._answered(box))
            self.question_list.addWidget(text)
            self.question_list.addWidget(box)
            self._answer_boxes.append(box)

    # Changes ----------------------------------------------------------------------------

    def column_box(self, column: int) -> QComboBox:
        widget = self.columns_view.indexWidget(self.columns.index(column, FIELD_COLUMN))
        assert isinstance(widget, QComboBox)
        return widget

    def question_boxes(self) -> list[QComboBox]:
        return list(self._answer_boxes)

    def question_texts(self) -> list[str]:
        return [box.accessibleDescription() for box in self._answer_boxes]

    def _answered(self, box: QComboBox) -> None:
        preview, answer = self.current(), box.currentData()
        if preview is not None and answer is not None:
            preview.answer(answer)
            self._show_current()

    def _field_chosen(self, row: int) -> None:
        preview = self.current()
        if preview is None:
            return
        data = self.column_box(row).currentData()
        preview.set_field(row, Field(str(data)) if data else None)
        self._show_current()

    def _sheet_chosen(self, index: int) -> None:
        preview = self.current()
        if preview is not None and index >= 0:
            preview.select_sheet(index)
            self._show_current()

    def _kind_chosen(self, _index: int) -> None:
        preview = self.current()
        if preview is not None and preview.workbook is not None:
            preview.set_kind(FileKind(self.kind_box.currentData()))
            self._show_current()

    def _header_chosen(self, row: int) -> None:
        preview = self.current()
        if preview is not None and preview.workbook is not None:
            preview.set_header_row(row - 1)
            self._show_current()

    def _saved_chosen(self, _index: int) -> None:
        preview = self.current()
        if preview is None:
            return
        name = self.saved_box.currentData()
        mapping = next((m for m in self._mappings if m.name == name), None)
        if mapping is None:
            preview.use_automatic()
        else:
            preview.use_mapping(mapping)
        self._show_current()

    def save_mapping_as(self, name: str | None = None) -> SavedMapping | None:
        """Store the current file's choices by name (asked when not given) and use them."""
        preview = self.current()
        if preview is None or preview.kind is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Koppeling opslaan"),
                self.tr("Naam van de koppeling:"),
                text=preview.mapping_name,
            )
            if not ok:
                return None
        name = name.strip()
        if not name:
            show_error(self, self.tr("Geef de koppeling een naam."))
            return None
        mapping = preview.to_save(name)
        try:
            save_mapping(self.owner.context.db, mapping.name, mapping.kind, mapping.choices())
        except GrensverkeerError as error:
            show_error(self, error_text(error))
            return None
        preview.use_mapping(mapping)
        self._mappings = sorted(
            [m for m in self._mappings if m.name != name] + [mapping], key=lambda m: m.name
        )
        self._fill_saved_box()
        self._show_current()
        self.status_label.setText(
            self.tr("Koppeling ‘{name}’ opgeslagen. ").format(name=name) + self.status_label.text()
        )
        return mapping
