"""The grensverkeer matrix as a heat map: a thin table model over a counted ``Matrix``.

The ``Matrix`` is that of ``services.matrices.counted_matrix``.

Rows are residence municipalities, columns school municipalities: first the school year's
participants (by name), then "Buiten de regio" (every non-participant together), then
"Totaal". Off-diagonal cells are coloured on a scale from the largest off-diagonal flow
inside the grid; the diagonal (pupils at school in their own municipality) is tinted apart,
as is the outside × outside corner; totals are bold on grey.

Roles: ``DisplayRole`` Dutch text ("1.234" pupils, "12.345,00" euros, empty for zero),
``ToolTipRole`` "Westland → Delft: 12 leerlingen" (euros with cents; the cells show whole
euros when every amount is whole), ``BackgroundRole``/``ForegroundRole`` the
heat, ``TextAlignmentRole`` right, ``VALUE_ROLE`` the raw value (pupils as ``int`` or a
``Fraction`` naar rato; cents as ``int``) and ``CELL_ROLE`` the cell's (residence, school) keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from grensverkeer import formatting
from grensverkeer.reference import Reference
from grensverkeer.services.matrices.cell_pupils import OUTSIDE_REGION
from grensverkeer.services.matrices.counted_matrix import AMOUNT, Matrix

Index = QModelIndex | QPersistentModelIndex
Value = int | Fraction

OUTSIDE = OUTSIDE_REGION  # the key of the "Buiten de regio" row and column
TOTAL = "totaal"  # the key of the totals row and column

VALUE_ROLE = Qt.ItemDataRole.UserRole
CELL_ROLE = Qt.ItemDataRole.UserRole + 1

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Sequential orange-red (ColorBrewer OrRd), light to dark.
HEAT = ((255, 247, 236), (253, 212, 158), (252, 141, 89), (215, 48, 31), (127, 0, 0))
DIAGONAL = QColor(222, 231, 242)
TOTALS = QColor(236, 236, 236)
DARK_TEXT = QColor(20, 20, 20)
LIGHT_TEXT = QColor(255, 255, 255)
SHORT_LABEL = 10  # column labels up to this many characters never wrap


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatrixModel", text)


@dataclass(frozen=True)
class MatrixGrid:
    """The matrix folded to participants + outside, with totals: plain data, no Qt."""

    keys: tuple[str, ...]  # participants by name, then OUTSIDE
    values: dict[tuple[str, str], Value] = field(default_factory=dict)

    @classmethod
    def of(cls, matrix: Matrix, reference: Reference) -> MatrixGrid:
        members = sorted(matrix.participants, key=lambda c: short_name(reference, c).casefold())
        inside = set(members)
        values: dict[tuple[str, str], Value] = {}
        for (r, s), value in matrix.cells.items():
            key = (r if r in inside else OUTSIDE, s if s in inside else OUTSIDE)
            values[key] = values.get(key, 0) + value
        return cls((*members, OUTSIDE), values)

    def value(self, row: str, column: str) -> Value:
        if row == TOTAL and column == TOTAL:
            return sum(self.values.values(), 0)
        if row == TOTAL:
            return sum((v for (_r, s), v in self.values.items() if s == column), 0)
        if column == TOTAL:
            return sum((v for (r, _s), v in self.values.items() if r == row), 0)
        return self.values.get((row, column), 0)

    def off_diagonal_max(self) -> Value:
        flows = [v for (r, s), v in self.values.items() if is_flow(r, s)]
        return max(flows, default=0)

    def largest_flow(self) -> tuple[str, str] | None:
        """The cell of the largest flow between two different places, None without flows."""
        flows = [(v, cell) for cell, v in self.values.items() if is_flow(*cell) and v]
        return max(flows, key=lambda item: (item[0], item[1]))[1] if flows else None

    def diagonal_max(self) -> Value:
        return max((v for (r, s), v in self.values.items() if r == s != OUTSIDE), default=0)


def is_flow(row: str, column: str) -> bool:
    """A cell between two different places (not the diagonal, not outside × outside)."""
    return row != column and TOTAL not in (row, column)


def short_name(reference: Reference, code: str) -> str:
    municipality = reference.municipality(code)
    return municipality.short_name if municipality else code


def full_name(reference: Reference, code: str) -> str:
    """The name as people say it: "Den Haag", "Rijswijk", but "Pijnacker-Nootdorp" in full."""
    municipality = reference.municipality(code)
    if municipality is None:
        return code
    short = municipality.short_name
    return short if short and not short.endswith(".") else municipality.name


def heat_colour(share: float) -> QColor:
    """A colour on the OrRd scale for a share between 0 and 1."""
    share = min(max(share, 0.0), 1.0)
    position = share * (len(HEAT) - 1)
    low = min(int(position), len(HEAT) - 2)
    t = position - low
    a, b = HEAT[low], HEAT[low + 1]
    return QColor(*(round(x + (y - x) * t) for x, y in zip(a, b, strict=True)))


class MatrixModel(QAbstractTableModel):
    """Rows: residence; columns: school municipality; last row and column: totals."""

    def __init__(self, reference: Reference, parent: Any = None) -> None:
        super().__init__(parent)
        self.reference = reference
        self.matrix: Matrix | None = None
        self.grid = MatrixGrid(())
        self._keys: tuple[str, ...] = ()
        self._flow_max: Value = 0
        self._diagonal_max: Value = 0
        self._show_cents = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.grid = MatrixGrid.of(matrix, self.reference) if matrix else MatrixGrid(())
        self._keys = (*self.grid.keys, TOTAL) if matrix else ()
        self._flow_max = self.grid.off_diagonal_max()
        self._diagonal_max = self.grid.diagonal_max()
        self._show_cents = any(int(v) % 100 for v in self.grid.values.values())
        self.endResetModel()

    @property
    def amounts(self) -> bool:
        return self.matrix is not None and self.matrix.measure == AMOUNT

    def keys(self) -> tuple[str, ...]:
        return self._keys

    def total(self) -> Value:
        return self.grid.value(TOTAL, TOTAL)

    def index_of(self, row: str, column: str) -> QModelIndex:
        return self.index(self._keys.index(row), self._keys.index(column))

    # Wording -----------------------------------------------------------------------------

    def label(self, key: str) -> str:
        if key == OUTSIDE:
            return _tr("Buiten de regio")
        if key == TOTAL:
            return _tr("Totaal")
        return short_name(self.reference, key)

    def long_label(self, key: str, side: str) -> str:
        if key == OUTSIDE:
            return _tr("Buiten de regio")
        if key == TOTAL:
            return _tr("alle woongemeenten") if side == "row" else _tr("alle schoolgemeenten")
        return full_name(self.reference, key)

    def text(self, value: Value) -> str:
        if not value:
            return ""
        if self.amounts:
            if not self._show_cents:  # whole euros everywhere: no column of ",00"
                return formatting.number(int(value) // 100)
            return formatting.euros(int(value)).removeprefix("€ ")
        return _pupils_number(value)

    def spoken(self, value: Value) -> str:
        """The value with its unit: "12 leerlingen", "1 leerling", "€ 12.345,00"."""
        if self.amounts:
            return formatting.euros(int(value))
        if value == 1:
            return _tr("1 leerling")
        return _tr("{n} leerlingen").format(n=_pupils_number(value) if value else "0")

    # QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < len(self._keys) and 0 <= index.column() < len(self._keys)
        ):
            return None
        row, column = self._keys[index.row()], self._keys[index.column()]
        value = self.grid.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column, value)
        if role == Qt.ItemDataRole.ForegroundRole:
            background = self._background(row, column, value)
            if background is None:
                return None
            return LIGHT_TEXT if background.lightnessF() < 0.55 else DARK_TEXT
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if TOTAL in (row, column) else None
        if role == VALUE_ROLE:
            return value
        if role == CELL_ROLE:
            return (row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(row, column, value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not 0 <= section < len(self._keys):
            return None
        key = self._keys[section]
        side = "row" if orientation == Qt.Orientation.Vertical else "column"
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == TOTAL:
                return self.long_label(key, side).capitalize()
            if key == OUTSIDE:
                return _tr("Alle gemeenten die in dit schooljaar geen deelnemer zijn")
            return self.reference.label(key)
        if role == Qt.ItemDataRole.FontRole and key == TOTAL:
            return self._bold
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # Presentation ------------------------------------------------------------------------

    def _tooltip(self, row: str, column: str, value: Value) -> str:
        if row == TOTAL and column == TOTAL:
            return _tr("Totaal: {value}").format(value=self.spoken(value))
        text = _tr("{row} → {column}: {value}").format(
            row=self.long_label(row, "row"),
            column=self.long_label(column, "column"),
            value=self.spoken(value),
        )
        if row == column == OUTSIDE:
            return text + _tr(" (beide buiten de regio)")
        if row == column:
            return text + _tr(" (in de eigen gemeente)")
        return text

    def _background(self, row: str, column: str, value: Value) -> QColor | None:
        if TOTAL in (row, column):
            return TOTALS
        if row == column:
            return DIAGONAL
        if not value or not self._flow_max:
            return None
        return heat_colour(float(Fraction(value) / Fraction(self._flow_max)))


def _pupils_number(value: Value) -> str:
    return formatting.pupils(value)


class WrappingHeader(QHeaderView):
    """A column header whose labels wrap onto two lines ("Leidschendam-/Vb."), so the
    columns can be as narrow as their numbers and the whole matrix fits on the screen."""

    FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap

    def __init__(self, parent: Any = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(self.FLAGS)
        self.setSectionsClickable(False)

    def padding(self) -> int:
        return self.fontMetrics().horizontalAdvance("MM")

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        text = model.headerData(logicalIndex, self.orientation()) if model else None
        if not text:
            return size
        width = max(self.sectionSize(logicalIndex) - self.padding() // 2, 1)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), self.FLAGS, str(text))
        return QSize(size.width(), max(size.height(), rect.height() + self.padding() // 2))


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its numbers, its longest word, and half its label."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    padding = metrics.horizontalAdvance("MM")
    for column in range(model.columnCount()):
        label = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        words = label.replace("-", "- ").split() or [""]
        longest = max(metrics.horizontalAdvance(word) for word in words)
        full = metrics.horizontalAdvance(label)
        half = full if len(label) <= SHORT_LABEL else full // 2  # "Den Haag" stays whole
        header.resizeSection(
            column, max(view.sizeHintForColumn(column), max(longest, half) + padding)
        )
    header.setMinimumHeight(0)
    header.setFixedHeight(max(header.sizeHint().height(), metrics.height() + padding // 2))
