"""Step 2 of the import wizard: the preview of each file and its column mapping.

The page shows one file at a time (a combobox picks it): its sheet, the header row found
(highlighted), the first rows, and per column a combobox with the field the column holds. The
state of each file is a :class:`~grensverkeer.ui.import_preview_model.FilePreview`, which also
holds the rules for changing it; this page only shows it and passes the user's choices on.
Files are read in a worker; a file read once is not read again when the user comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from grensverkeer import formatting
from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.fields import HEADER_SCAN_ROWS, Field
from grensverkeer.importing.issues import column_letter
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.services.aliases import reference_with_aliases
from grensverkeer.services.mappings import list_mappings, save_mapping
from grensverkeer.services.schools import stored_school_index
from grensverkeer.ui.dialogs import show_error
from grensverkeer.ui.import_preview_model import (
    NO_FIELD,
    FilePreview,
    PreviewModel,
    field_label,
    fields_for,
    kind_label,
)
from grensverkeer.ui.workers import Cancelled, Progress, Worker

if TYPE_CHECKING:
    from grensverkeer.ui.import_wizard import ImportWizard


def table_view(name: str, model: Any) -> QTableView:
    """A read-only, row-selecting table that keyboard users can tab out of."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users reach the buttons
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, widest: int = 300) -> None:
    """Columns as wide as their text, but none wider than ``widest`` (tooltips tell the rest)."""
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        if view.columnWidth(column) > widest:
            view.setColumnWidth(column, widest)


def labelled(text: str, widget: QWidget, name: str | None = None) -> QLabel:
    """A label (with its mnemonic) for ``widget``, which gets an accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name or text.replace("&", "").rstrip(":"))
    return label


class PreviewPage(QWizardPage):
    """Step 2: per file the header row found and the field of every column, editable."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self._worker: Worker | None = None
        self._mappings: list[SavedMapping] = []
        self._boxes: list[QComboBox] = []
        self._shape: tuple[object, ...] = ()
        self.setTitle(self.tr("Voorbeeld en kolommen"))
        self.setSubTitle(
            self.tr(
                "Controleer per bestand de kopregel (geel) en wat elke kolom bevat. Past u een "
                "kolom aan, dan geldt die koppeling voor deze import; bewaar haar met "
                "‘Koppeling opslaan als…’ voor een volgende keer."
            )
        )
        self.file_box = QComboBox()
        self.sheet_box = QComboBox()
        self.kind_box = QComboBox()
        self.kind_box.addItem(kind_label(FileKind.PUPILS), str(FileKind.PUPILS))
        self.kind_box.addItem(kind_label(FileKind.SCHOOLS), str(FileKind.SCHOOLS))
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, HEADER_SCAN_ROWS)
        self.saved_box = QComboBox()
        self.save_button = QPushButton(self.tr("Koppeling &opslaan als…"))
        self.save_button.setAccessibleName(self.tr("Koppeling opslaan als"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Toestand van het bestand"))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = PreviewModel(self)
        self.table = table_view(self.tr("Voorbeeld van het blad"), self.model)
        self.table.verticalHeader().setVisible(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.mapping_area = QScrollArea()
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setAccessibleName(self.tr("Kolommen en hun betekenis"))
        self.mapping_form = QFormLayout()
        holder = QWidget()
        holder.setLayout(self.mapping_form)
        self.mapping_area.setWidget(holder)

        top = QFormLayout()
        top.addRow(labelled(self.tr("&Bestand:"), self.file_box), self.file_box)
        top.addRow(labelled(self.tr("B&lad:"), self.sheet_box), self.sheet_box)
        top.addRow(labelled(self.tr("Soort &gegevens:"), self.kind_box), self.kind_box)
        top.addRow(labelled(self.tr("&Kopregel (rij):"), self.header_spin), self.header_spin)
        saved = QHBoxLayout()
        saved.addWidget(self.saved_box, 1)
        saved.addWidget(self.save_button)
        top.addRow(labelled(self.tr("Ko&ppeling:"), self.saved_box), saved)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Kolommen (kies ‘genegeerd’ om een kolom niet te lezen):")))
        right.addWidget(self.mapping_area)
        right_widget = QWidget()
        right_widget.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)

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
        self.status_label.setText(self.tr("Bestanden lezen…"))
        self.model.show(None)
        db = self.owner.context.db

        def read(
            progress: Progress, cancelled: Cancelled
        ) -> tuple[list[FilePreview], list[SavedMapping]]:
            previews = []
            reference = reference_with_aliases(db, self.owner.context.reference)
            schools = stored_school_index(db)
            for number, path in enumerate(missing):
                if cancelled():
                    break
                progress(path.name, number, len(missing))
                previews.append(FilePreview.read(path, reference, schools))
            return previews, list_mappings(db)

        self._worker = self.owner.start(read, self._loaded, self._failed, "voorbeeld lezen")
        self.completeChanged.emit()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def loading(self) -> bool:
        return self._worker is not None  # until its result has been handled

    def isComplete(self) -> bool:
        paths = self.owner.files_page.paths()
        return not self.loading() and all(p in self.owner.previews for p in paths)

    def _loaded(self, result: tuple[list[FilePreview], list[SavedMapping]]) -> None:
        previews, mappings = result
        for preview in previews:
            self.owner.previews[preview.path] = preview
        self._mappings = mappings
        self._worker = None
        self._fill_saved_box()
        self._show_current()
        self.completeChanged.emit()

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

    def _fill_saved_box(self) -> None:
        self.saved_box.blockSignals(True)
        self.saved_box.clear()
        self.saved_box.addItem(self.tr("(automatisch herkend)"), "")
        for mapping in self._mappings:
            self.saved_box.addItem(f"{mapping.name} ({kind_label(mapping.kind)})", mapping.name)
        self.saved_box.blockSignals(False)

    def _show_current(self) -> None:
        preview = self.current()
        widgets = (self.sheet_box, self.kind_box, self.header_spin, self.saved_box)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.sheet_box.clear()
            if preview is not None:
                self.sheet_box.addItems(preview.sheet_names)
                self.sheet_box.setCurrentIndex(preview.sheet)
                self.kind_box.setCurrentIndex(
                    max(self.kind_box.findData(str(preview.kind)), 0) if preview.kind else 0
                )
                self.header_spin.setValue((preview.header_row or 0) + 1)
                index = self.saved_box.findData(preview.mapping_name)
                self.saved_box.setCurrentIndex(max(index, 0))
            usable = preview is not None and preview.classified is not None
            for widget in (*widgets, self.save_button):
                widget.setEnabled(usable)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.model.show(preview)
        self.table.resizeColumnsToContents()
        if self.model.header_row is not None:
            self.table.scrollTo(self.model.index(self.model.header_row, 0))
        self._sync_boxes(preview)
        self.status_label.setText(self._status(preview))

    def _status(self, preview: FilePreview | None) -> str:
        if preview is None:
            return ""
        if preview.error:
            return self.tr("Dit bestand is niet te lezen: {error}").format(error=preview.error)
        parts = []
        if preview.kind is not None and preview.header_row is not None:
            parts.append(
                self.tr("{kind}; kopregel op rij {row} van blad ‘{sheet}’.").format(
                    kind=kind_label(preview.kind).capitalize(),
                    row=preview.header_row + 1,
                    sheet=preview.sheet_names[preview.sheet],
                )
            )
        if preview.changed:
            parts.append(self.tr("Eigen koppeling voor dit bestand."))
        if preview.problem:
            parts.append(preview.problem)
        missing = preview.missing()
        if missing:
            parts.append(self.tr("Nog niet gekoppeld: {fields}.").format(fields=", ".join(missing)))
        parts.extend(formatting.sentence(note) for note in preview.notes)
        return " ".join(parts)

    def _sync_boxes(self, preview: FilePreview | None) -> None:
        """Update the column comboboxes; rebuild them only when the columns themselves change."""
        headers = preview.headers if preview else ()
        shape = (id(preview), preview.kind if preview else None, headers)
        if shape != self._shape:
            self._shape = shape
            focused = next((i for i, b in enumerate(self._boxes) if b.hasFocus()), None)
            while self.mapping_form.rowCount():
                self.mapping_form.removeRow(0)
            self._boxes = []
            choices = fields_for(preview.kind if preview else None)
            for column, header in enumerate(headers):
                box = QComboBox()
                box.addItem(NO_FIELD, "")
                for value in choices:
                    box.addItem(field_label(value), str(value))
                name = f"{column_letter(column)} ({header})" if header else column_letter(column)
                label = labelled(name, box, self.tr("Veld van kolom {column}").format(column=name))
                box.setEnabled(bool(header) and bool(choices))
                box.currentIndexChanged.connect(
                    lambda _index, column=column: self._field_chosen(column)
                )
                self.mapping_form.addRow(label, box)
                self._boxes.append(box)
            if focused is not None and focused < len(self._boxes):
                self._boxes[focused].setFocus()
        for column, box in enumerate(self._boxes):
            chosen = preview.field_of(column) if preview else None
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(str(chosen) if chosen else ""), 0))
            box.blockSignals(False)

    # Changes ----------------------------------------------------------------------------

    def column_box(self, column: int) -> QComboBox:
        return self._boxes[column]

    def _field_chosen(self, column: int) -> None:
        preview = self.current()
        if preview is None:
            return
        data = self._boxes[column].currentData()
        preview.set_field(column, _field(data))
        self._show_current()

    def _sheet_chosen(self, index: int) -> None:
        preview = self.current()
        if preview is not None and index >= 0:
            preview.select_sheet(index)
            self._show_current()

    def _kind_chosen(self, _index: int) -> None:
        preview = self.current()
        if preview is not None and preview.classified is not None:
            preview.set_kind(FileKind(self.kind_box.currentData()))
            self._show_current()

    def _header_chosen(self, row: int) -> None:
        preview = self.current()
        if preview is not None and preview.classified is not None:
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
        """Store the current file's mapping by name (asked when not given) and use it."""
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
            show_error(self, str(error))
            return None
        preview.use_mapping(mapping)
        self._mappings = [m for m in self._mappings if m.name != name] + [mapping]
        self._mappings.sort(key=lambda m: m.name)
        self._fill_saved_box()
        self._show_current()
        self.status_label.setText(
            self.tr("Koppeling ‘{name}’ opgeslagen. ").format(name=name) + self.status_label.text()
        )
        return mapping


def _field(data: object) -> Field | None:
    return Field(str(data)) if data else None
