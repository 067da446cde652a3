"""Small widget helpers the wizard's pages share: a plain table, column widths, labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QTableView, QWidget

from grensverkeer.ui.table_models import fill_with, read_only_rows


def table_view(name: str, model: Any) -> QTableView:
    """A read-only, row-selecting table that keyboard users can tab out of.

    Columns can be resized by the user; what does not fit shows in a tooltip (the models give
    every cell one), and the table scrolls sideways rather than squeeze its columns.
    """
    view = QTableView()
    view.setModel(model)
    read_only_rows(view, name)
    view.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users reach the buttons
    fill_with(view)
    return view


def fit_columns(view: QTableView, widest: int = 300) -> None:
    """Columns as wide as their text and header, but none wider than ``widest`` (the tooltip
    tells the rest), and never narrower than their header."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        floor = header.sectionSizeHint(column)
        if view.columnWidth(column) > max(widest, floor):
            view.setColumnWidth(column, max(widest, floor))


def labelled(text: str, widget: QWidget, name: str | None = None) -> QLabel:
    """A label (with its mnemonic) for ``widget``, which gets an accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name or text.replace("&", "").rstrip(":"))
    return label
