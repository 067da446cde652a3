"""Instellingen: the school year's counting options, tariffs, region membership, inhabitants,
the database and the pseudonym key.

Every change goes through a service and then emits ``context.events.changed``; a refused
change shows the service's Dutch message next to the form and stores nothing. The page asks
the window to open another database through ``open_database_requested`` (see main_window).
The tabs themselves are in ``grensverkeer.ui.settings``, one module each.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.settings.database_tab import DatabaseTab
from grensverkeer.ui.settings.inhabitants_tab import InhabitantsTab
from grensverkeer.ui.settings.members_tab import MembersTab
from grensverkeer.ui.settings.tab import Tab, say
from grensverkeer.ui.settings.tariff_tab import TariffTab
from grensverkeer.ui.settings.year_tab import YearTab
from grensverkeer.ui.table_models import heading


class SettingsPage(Page):
    """Settings in tabs; the school year tabs follow the window's year selector."""

    name = "instellingen"
    title = "Instellingen"

    open_database_requested = Signal(str)  # a path or URL the window should open

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Instellingen"))
        self.school_year: SchoolYear | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Instellingen")))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Onderdelen van de instellingen"))
        self.year_tab = YearTab(self)
        self.tariff_tab = TariffTab(self)
        self.members_tab = MembersTab(self)
        self.inhabitants_tab = InhabitantsTab(self)
        self.database_tab = DatabaseTab(self)
        for tab, text in (
            (self.year_tab, self.tr("Schooljaar")),
            (self.tariff_tab, self.tr("Tarieven")),
            (self.members_tab, self.tr("Deelnemers")),
            (self.inhabitants_tab, self.tr("Inwoners")),
            (self.database_tab, self.tr("Database en sleutel")),
        ):
            tab.setAccessibleName(text)
            self.tabs.addTab(tab, text)
        layout.addWidget(self.tabs, 1)

    def set_school_year(self, year: SchoolYear | None) -> None:
        self.school_year = year

    def refresh(self) -> None:
        for tab in self.tabs_all():
            tab.load(self.school_year)

    def tabs_all(self) -> tuple[Tab, ...]:
        return (
            self.year_tab,
            self.tariff_tab,
            self.members_tab,
            self.inhabitants_tab,
            self.database_tab,
        )

    def database_opened(self, description: str) -> None:
        """The window opened the requested database."""
        say(
            self.database_tab.message,
            self.tr("Geopend: {db}. Bij de volgende start opent Grensverkeer deze weer.").format(
                db=description
            ),
        )

    def database_failed(self, text: str) -> None:
        say(self.database_tab.message, text, error=True)

    def receivers_of_open(self) -> bool:
        return self.isSignalConnected(
            self.metaObject().method(
                self.metaObject().indexOfSignal("open_database_requested(QString)")
            )
        )


PAGE = SettingsPage
