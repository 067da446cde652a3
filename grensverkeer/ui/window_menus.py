"""The main window's menus and their shortcuts: Bestand (importeren, exporteren, afdrukken,
recente bestanden, afsluiten), Beeld (vernieuwen) and Help.

A mixin of ``MainWindow``, like ``window_tasks``: the actions call the window's own slots,
and the recent files come from its ``store``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from grensverkeer.ui.settings_store import SettingsStore
    from grensverkeer.ui.workers import Worker

    _Window = QMainWindow  # for the type checker the mixin is the window it is mixed into
else:
    _Window = object


class WindowMenus(_Window):
    """The menu bar (see the module docstring)."""

    store: SettingsStore

    if TYPE_CHECKING:

        def start_import(self) -> None: ...

        def export_excel(self) -> None: ...

        def print_document(self) -> None: ...

        def refresh_now(self) -> None: ...

        def show_about(self) -> None: ...

        def open_database(self, target: str) -> Worker: ...

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&Bestand"))
        self.import_action = self._action(self.tr("&Importeren…"), "Ctrl+O", self.start_import)
        self.export_action = self._action(
            self.tr("&Exporteren naar Excel…"), "Ctrl+E", self.export_excel
        )
        self.print_action = self._action(self.tr("Af&drukken…"), "Ctrl+P", self.print_document)
        self.quit_action = self._action(self.tr("Af&sluiten"), "Ctrl+Q", self.close)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        self.recent_menu = QMenu(self.tr("&Recente bestanden"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = menus.addMenu(self.tr("Bee&ld"))
        self.refresh_action = self._action(self.tr("&Vernieuwen"), "F5", self.refresh_now)
        view_menu.addAction(self.refresh_action)

        help_menu = menus.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&Over Grensverkeer"), "", self.show_about)
        help_menu.addAction(self.about_action)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.store.recent_files()
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(nog geen)"))
            empty.setEnabled(False)
            return
        for number, target in enumerate(recent, start=1):
            escaped = target.replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number} {escaped}" if number < 10 else escaped)
            action.setData(target)
            action.triggered.connect(lambda _checked=False, t=target: self.open_database(t))
