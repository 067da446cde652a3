"""The import wizard's view of the top of a sheet, a Qt table model over a ``FilePreview``.

``PreviewModel`` shows the rows above the header, the header row (highlighted, bold, marked
"kopregel" in the row header and tooltip) and the first :data:`PREVIEW_ROWS` data rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from grensverkeer.importing.fields import Field
from grensverkeer.importing.issues import column_letter
from grensverkeer.ui.field_labels import cell_text, field_label
from grensverkeer.ui.import_preview_model import FilePreview
from grensverkeer.ui.table_models import Index

PREVIEW_ROWS = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


class PreviewModel(QAbstractTableModel):
    """The top of a sheet: rows above the header, the header row and the first data rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Sequence[object]] = []
        self._header: int | None = None
        self._columns: dict[int, Field] = {}
        self._width = 0

    def show(self, preview: FilePreview | None) -> None:
        self.beginResetModel()
        if preview is None or preview.workbook is None:
            self._rows, self._header, self._columns = [], None, {}
        else:
            header = preview.header_row
            end = (header + 1 if header is not None else 1) + PREVIEW_ROWS
            self._rows = list(preview.rows[:end])
            self._header = header
            self._columns = dict(preview.columns)
        self._width = max((len(r) for r in self._rows), default=0)
        self.endResetModel()

    @property
    def header_row(self) -> int | None:
        return self._header

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        is_header = row == self._header
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[row]
            return cell_text(cells[column]) if column < len(cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole and is_header:
            return QBrush(QColor(255, 230, 153))
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_header:
                return QBrush(QColor(0, 0, 0))
            if self._header is not None and row < self._header:
                return QBrush(QColor(110, 110, 110))
        if role == Qt.ItemDataRole.FontRole and is_header:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and is_header:
            return _tr("kopregel: de namen van de kolommen")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._width:
            chosen = self._columns.get(section)
            label = column_letter(section)
            return f"{label}: {field_label(chosen, short=True)}" if chosen else label
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            if section == self._header:
                return _tr("{row} kopregel").format(row=section + 1)
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
