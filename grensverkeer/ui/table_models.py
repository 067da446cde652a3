"""Thin table models over lists of frozen values (the vorta way).

A ``RowsModel`` shows a list of rows (frozen dataclasses from the services, or tuples) through
``Column``s: each column says how to word a row as text and, optionally, how to sort it and
how to store an edit. The model holds no rules: an edit goes to the column's ``edit``
callable, which calls a service and returns a Dutch message when the value is refused.

Roles: ``DisplayRole``/``EditRole`` the text, ``ToolTipRole``, ``TextAlignmentRole`` (numbers
right), ``ROW_ROLE`` the row itself and ``SORT_ROLE`` a sort key, which the pages set as the
``sortRole`` of a ``QSortFilterProxyModel`` on top.

At the end, the few view helpers every page shares: ``table_view`` (a read-only table on a
model, through the sort proxy), ``group`` and ``heading``, and ``pupils_text`` for
"1 leerling" / "12 leerlingen".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None  # default: the text
    numeric: bool = False  # right-aligned
    tooltip: Callable[[Row], str] | None = None
    edit: Callable[[Row, str], str | None] | None = None  # returns a refusal, None when stored


def count_column(title: str, value: Callable[[Any], int]) -> Column[Any]:
    """A right-aligned whole-number column (Dutch thousands), sorted by the number."""
    return Column(title, lambda row: formatting.number(value(row)), sort=value, numeric=True)


def euro_column(title: str, cents: Callable[[Row], int]) -> Column[Row]:
    """A right-aligned amount column in euros, sorted by its cents (not by its text)."""
    return Column(title, lambda row: formatting.euros(cents(row)), sort=cents, numeric=True)


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows × columns, read-only unless a column has ``edit``."""

    edit_refused = Signal(str)  # the Dutch reason an edit was not stored

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Row] = []

    # Data in ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full text of a cell too narrow for it
            return column.tooltip(row) if column.tooltip else column.text(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _sortable(column.sort(row) if column.sort else column.text(row).casefold())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT if self.columns[section].numeric else LEFT
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._rows)
        ):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        edit = self.columns[index.column()].edit
        if edit is None:
            return False
        refusal = edit(self._rows[index.row()], str(value))
        if refusal:
            self.edit_refused.emit(refusal)
            return False
        return True


def sorted_view(model: RowsModel[Any]) -> QSortFilterProxyModel:
    """A sort/filter proxy over ``model`` that sorts on ``SORT_ROLE``."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def _sortable(key: Any) -> Any:
    """Qt compares numbers and strings; everything else sorts as its text."""
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, int | float | str):
        return key
    if isinstance(key, tuple):
        return "\x1f".join(str(part) for part in key)
    return str(key)


# Views -------------------------------------------------------------------------------------


def table_view(
    model: RowsModel[Any], name: str, *, sortable: bool = True, stretch: int | None = -1
) -> QTableView:
    """A read-only table on ``model`` through a sort proxy; rows are selected whole.

    ``stretch`` is the column that takes the spare width: -1 the last, None none.
    """
    view = QTableView()
    view.setModel(sorted_view(model))
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order first
    read_only_rows(view, name)
    if stretch is not None:
        fill_with(view, stretch)
    return view


def read_only_rows(view: QTableView, name: str) -> None:
    """What every table of the window is: named, read-only, one whole row selected at a time,
    columns the user can resize, no row numbers."""
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


class _Filler(QObject):
    """Gives one column the spare width of its table, but never less than its contents and
    header need: on a narrow screen the table scrolls sideways instead of cutting a header
    (Qt's own stretch squeezes the column to its minimum)."""

    def __init__(self, view: QTableView, column: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        view.viewport().installEventFilter(self)
        view.model().modelReset.connect(self.fill)
        view.model().layoutChanged.connect(self.fill)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill()
        return False

    def fill(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        count = header.count()
        if not count:
            return
        column = self.column if self.column >= 0 else count - 1
        others = sum(header.sectionSize(i) for i in range(count) if i != column)
        need = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        header.resizeSection(column, max(need, view.viewport().width() - others))


def fill_with(view: QTableView, column: int = -1) -> None:
    """Let ``column`` (-1: the last) take the spare width of ``view``, see :class:`_Filler`."""
    view.horizontalHeader().setStretchLastSection(False)
    _Filler(view, column)


def fit_rows(view: QTableView, minimum_rows: int = 2) -> None:
    """Make a short table as high as its rows (from the font's row height, so it scales)."""
    header = view.verticalHeader()
    rows = max(view.model().rowCount(), minimum_rows)
    height = rows * header.defaultSectionSize() + view.horizontalHeader().sizeHint().height()
    height += 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height()
    view.setMaximumHeight(height)
    view.setSizePolicy(view.sizePolicy().horizontalPolicy(), view.sizePolicy().Policy.Maximum)


def selected_row(view: QTableView) -> Any:
    """The row value selected in a ``table_view`` (through its proxy), None when none is."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def group(title: str, content: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(content)
    return box


def heading(text: str) -> QLabel:
    """A page title: the application font, larger and bold (scales with the user's font)."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def pupils_text(n: int | Fraction) -> str:
    if n == 1:
        return QCoreApplication.translate("Models", "1 leerling")
    return QCoreApplication.translate("Models", "{n} leerlingen").format(n=formatting.pupils(n))
