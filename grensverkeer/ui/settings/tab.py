"""What every settings tab shares: the ``Tab`` base class and the small widget helpers
(date fields, buttons, the message line under a form)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QWidget

from grensverkeer.schoolyear import SchoolYear

if TYPE_CHECKING:
    from grensverkeer.ui.pages.settings_page import SettingsPage


DATE_FORMAT = "dd-MM-yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """What ``QDate.toPython()`` gives, typed (the stubs say ``object``)."""
    return date(day.year(), day.month(), day.day())


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def message_label(name: str) -> QLabel:
    """Where a form says what happened: "Opgeslagen." or the reason nothing was stored."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def say(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setStyleSheet("color: #a40000;" if error else "")
    label.setText(text)


def bold_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def button(text: str, name: str) -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(name)
    return push


class Tab(QWidget):
    """One section of the page; ``load`` fills it for the school year (None: no data yet)."""

    def __init__(self, page: SettingsPage) -> None:
        super().__init__()
        self.page = page
        self.context = page.context

    def changed(self) -> None:
        self.context.events.changed.emit()

    def load(self, year: SchoolYear | None) -> None:  # pragma: no cover - every tab has it
        raise NotImplementedError
