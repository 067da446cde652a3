"""Dialogs every screen uses: a Dutch error message, a question, and "Over Grensverkeer".

Errors are shown as one clear Dutch message, never as a traceback: a ``GrensverkeerError``
carries its own message; anything else is logged and shown as ``unexpected_error_message()``.
``install_excepthook`` does that for exceptions that escape a slot.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import __version__
from grensverkeer.errors import GrensverkeerError
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.workers import unexpected_error_message

log = logging.getLogger("grensverkeer.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class Unattended:
    """A run nobody watches (``app --screenshot``): a modal box would wait for ever, so every
    message goes to stderr instead, questions are answered No, and errors are kept."""

    active = False
    errors: ClassVar[list[str]] = []

    @classmethod
    def start(cls) -> None:
        cls.active, cls.errors = True, []

    @classmethod
    def stop(cls) -> list[str]:
        cls.active = False
        return cls.errors


def show_error(parent: QWidget | None, text: str) -> None:
    """A modal Dutch error message."""
    if Unattended.active:
        Unattended.errors.append(text)
        print(f"Fout: {text}", file=sys.stderr)
        return
    QMessageBox.critical(parent, _tr("Grensverkeer: fout"), text)


def show_info(parent: QWidget | None, text: str) -> None:
    if Unattended.active:
        print(text, file=sys.stderr)
        return
    QMessageBox.information(parent, _tr("Grensverkeer"), text)


def ask(parent: QWidget | None, text: str) -> bool:
    """A yes/no question; No is the default, so Enter never confirms something by accident."""
    if Unattended.active:
        print(f"{text} (nee)", file=sys.stderr)
        return False
    answer = QMessageBox.question(
        parent,
        _tr("Grensverkeer"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def message_for(error: BaseException) -> str:
    """What a user reads about an exception: its own Dutch text, or the general message."""
    if isinstance(error, GrensverkeerError):
        return error_text(error)
    return unexpected_error_message()


def install_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Show exceptions that escape a slot as a Dutch dialog (and log them); returns the old hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        if isinstance(error, GrensverkeerError):
            log.info("Melding aan de gebruiker: %s", error)
        else:
            log.error("Onverwachte fout", exc_info=(kind, error, trace))
        show_error(parent(), message_for(error))

    sys.excepthook = hook
    return previous


class AboutDialog(QDialog):
    """Over Grensverkeer: the version, what the program does, and its licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Grensverkeer"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Grensverkeer {version}").format(version=__version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "Grensverkeer van zorg in onderwijs: leerlingen die in de ene gemeente wonen "
                "en in een andere naar school gaan, en de verrekening van de kosten tussen "
                "de gemeenten van de jeugdhulpregio.\n\n"
                "Leerlinggegevens worden alleen gepseudonimiseerd bewaard.\n\n"
                "Licentie: EUPL-1.2."
            )
        )
        text.setWordWrap(True)
        text.setMinimumWidth(text.fontMetrics().averageCharWidth() * 60)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.version_label = title
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        close.setAccessibleName(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
