"""Finding text that does not fit: labels, buttons, table headers and cells that Qt would clip.

Scaling is emulated the way it acts on a window in logical pixels: at 150% a 1100×720 window
is 733×480 logical pixels with fonts of the usual logical size. A text fits when its width
and height, as Qt itself computes them (size hints of labels, buttons, header sections and
cells), is no more than the space it gets. A table cell may also show its full text in a
tooltip; a word-wrapped label must get the height it needs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QWidget,
)

SIZES = ((1366, 768), (1100, 720))
SCALES = (1.0, 1.25, 1.5)
OUTPUT = Path(__file__).resolve().parents[1] / "output" / "layout"


def logical_size(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return round(size[0] / scale), round(size[1] / scale)


def clipped(root: QWidget) -> list[str]:
    """Every text under ``root`` (shown) that gets less room than it needs."""
    QApplication.processEvents()
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1 or widget.height() <= 1:
            continue
        if isinstance(widget, QLabel):
            problems.extend(_label(widget))
        elif isinstance(widget, QAbstractButton):
            problems.extend(_button(widget))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            problems.extend(_view(widget))
    return problems


def _name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    rect = label.contentsRect()
    if label.wordWrap():
        need = label.heightForWidth(rect.width() + label.margin() * 2)
        if need > label.height() + 1:
            return [f"label ‘{text[:60]}’: {need} px hoog nodig, {label.height()} gekregen"]
        return []
    need = label.minimumSizeHint().width()
    if need > label.width() + 1:
        return [f"label ‘{text[:60]}’: {need} px breed nodig, {label.width()} gekregen"]
    return []


def _button(button: QAbstractButton) -> list[str]:
    if not button.text():
        return []
    need = button.minimumSizeHint().width()
    if need > button.width() + 1:
        return [f"knop ‘{button.text()}’: {need} px nodig, {button.width()} gekregen"]
    return []


def _view(view: QAbstractItemView) -> list[str]:
    model = view.model()
    problems: list[str] = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model (a QListView's)
        columns = 1
    header = getattr(view, "horizontalHeader", lambda: None)()
    if header is not None and header.isVisible():
        wraps = hasattr(header, "padding")  # the heat map's header wraps its labels
        for section in range(columns):
            if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
                continue
            if wraps:
                tall = header.sectionSizeFromContents(section).height()
                if tall > header.height() + 1:
                    text = model.headerData(section, Qt.Orientation.Horizontal)
                    problems.append(f"{_name(view)}: kop ‘{text}’ {tall} px hoog nodig")
                continue
            need = header.sectionSizeHint(section)
            if need > header.sectionSize(section) + 1:
                text = model.headerData(section, Qt.Orientation.Horizontal)
                problems.append(
                    f"{_name(view)}: kop ‘{text}’ {need} px nodig, {header.sectionSize(section)}"
                )
    viewport = view.viewport().rect()
    for row in range(min(model.rowCount(QModelIndex()), 200)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            rect = view.visualRect(index)
            if not rect.isValid() or not rect.intersects(viewport):
                continue
            problems.extend(_cell(view, index, rect.width(), rect.height()))
    return problems


def _cell(view: QAbstractItemView, index: QModelIndex, width: int, height: int) -> list[str]:
    if view.indexWidget(index) is not None:
        return []  # a widget in the cell: checked as a widget
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or str(text) == "":
        return []
    need = view.sizeHintForIndex(index)
    if view.wordWrap():  # the text wraps: it must fit in the cell's height
        metrics = view.fontMetrics()
        box = metrics.boundingRect(
            QRect(0, 0, max(width - 8, 1), 100_000), int(Qt.TextFlag.TextWordWrap), str(text)
        )
        need = QSize(width, box.height())
    if need.width() <= width + 1 and need.height() <= height + 1:
        return []
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    if tip and str(text) in str(tip):
        return []
    return [
        f"{_name(view)}: cel ‘{str(text)[:50]}’ {need.width()}×{need.height()} px nodig, "
        f"{width}×{height}"
    ]


def screenshot(widget: QWidget, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    widget.grab().save(str(path))
    return path
