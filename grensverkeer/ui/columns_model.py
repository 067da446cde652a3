"""The column page's table: every column of the sheet, what it is read as, and how sure.

One row per column: its letter, its header (with the group header above it), five sample
values, what it is read as (or "niet gebruikt"), the confidence and why. A column with dates
or places that is used for nothing is marked as a warning in its own row; a column the
program asks about is marked too. Every cell shows its full text in a tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from grensverkeer.importing.fields import Field
from grensverkeer.importing.layout import ColumnReading, SheetLayout
from grensverkeer.ui.field_labels import field_label
from grensverkeer.ui.table_models import Index

KOLOM, KOP, VOORBEELDEN, GELEZEN, ZEKERHEID, TOELICHTING = range(6)
FIELD_COLUMN = GELEZEN
WARNING = QColor(255, 236, 204)
ASKED = QColor(255, 214, 214)
UNUSED = QColor(110, 110, 110)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ColumnsModel", text)


def confidence_word(reading: ColumnReading) -> str:
    if reading.field is None:
        return ""
    if reading.confidence >= 0.9:
        return _tr("zeker")
    if reading.confidence >= 0.6:
        return _tr("waarschijnlijk")
    return _tr("onzeker")


def read_as(reading: ColumnReading) -> str:
    """What the column is read as, in the words of the choice boxes."""
    if reading.field is None:
        return _tr("niet gebruikt")
    if reading.field is Field.SCHOOL_PLACE:
        return _tr("plaats of gemeente van de school (niet gebruikt)")
    if reading.field is Field.SCHOOL_NAME:
        return _tr("naam van de school")
    return field_label(reading.field)


class ColumnsModel(QAbstractTableModel):
    """The readings of one sheet's columns (read-only; the choice boxes sit on top)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._layout: SheetLayout | None = None
        self._asked: set[int] = set()

    def show(self, layout: SheetLayout | None) -> None:
        self.beginResetModel()
        self._layout = layout
        self._asked = {c for q in layout.questions for c in q.candidates} if layout else set()
        self.endResetModel()

    def reading(self, row: int) -> ColumnReading | None:
        if self._layout is None or not 0 <= row < len(self._layout.readings):
            return None
        return self._layout.readings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._layout is None:
            return 0
        return len(self._layout.readings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        reading = self.reading(index.row()) if index.isValid() else None
        if reading is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(reading, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if reading.index in self._asked:
                return QBrush(ASKED)
            if reading.warning:
                return QBrush(WARNING)
        if role == Qt.ItemDataRole.ForegroundRole and reading.field is None:
            return QBrush(UNUSED) if column != TOELICHTING else None
        return None

    def _text(self, reading: ColumnReading, column: int) -> str:
        if column == KOLOM:
            return reading.letter
        if column == KOP:
            return f"{reading.group} › {reading.header}" if reading.group else reading.header
        if column == VOORBEELDEN:
            return ", ".join(reading.samples)
        if column == GELEZEN:
            return read_as(reading)
        if column == ZEKERHEID:
            return confidence_word(reading)
        notes = []
        if reading.index in self._asked:
            notes.append(_tr("kies hierboven"))
        if reading.warning:
            looks = " en ".join(str(k) for k in reading.looks) or _tr("gegevens")
            notes.append(_tr("let op: bevat {looks} maar wordt niet gebruikt").format(looks=looks))
        if reading.reason:
            notes.append(reading.reason)
        return "; ".join(notes)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            _tr("Kolom"),
            _tr("Kop"),
            _tr("Voorbeelden"),
            _tr("Gelezen als"),
            _tr("Zekerheid"),
            _tr("Toelichting"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        reading = self.reading(index.row())
        if index.column() == FIELD_COLUMN and reading is not None and reading.header:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
