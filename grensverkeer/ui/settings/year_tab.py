"""Schooljaar tab: the peildatum and the counting options of the selected school year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.year_settings import change_year_settings, year_settings
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.settings.tab import (
    Tab,
    bold_label,
    button,
    date_edit,
    from_qdate,
    message_label,
    say,
    to_qdate,
)

if TYPE_CHECKING:
    from grensverkeer.ui.pages.settings_page import SettingsPage


class YearTab(Tab):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        layout = QVBoxLayout(self)
        self.title = bold_label()
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.peildatum = date_edit(self.tr("Peildatum"))
        form.addRow(self.tr("&Peildatum:"), self.peildatum)
        self.actual_cost = QCheckBox(
            self.tr("&Werkelijke kosten gebruiken waar het overzicht die per leerling geeft")
        )
        self.actual_cost.setAccessibleName(self.tr("Werkelijke kosten"))
        form.addRow("", self.actual_cost)
        self.pro_rata = QCheckBox(
            self.tr(
                "&Naar rato: een leerling telt voor het deel van het jaar dat hij ingeschreven is"
            )
        )
        self.pro_rata.setAccessibleName(self.tr("Naar rato"))
        form.addRow("", self.pro_rata)
        layout.addLayout(form)
        explanation = QLabel(
            self.tr(
                "Op de peildatum telt een leerling één keer, bij de inschrijving die dan loopt. "
                "Zonder keuze is dat 1 oktober (de teldatum van DUO)."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        row = QHBoxLayout()
        self.save = button(self.tr("&Opslaan"), self.tr("Schooljaarinstellingen opslaan"))
        self.save.clicked.connect(self.store)
        row.addWidget(self.save)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = message_label(self.tr("Melding schooljaar"))
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.year: SchoolYear | None = None

    def load(self, year: SchoolYear | None) -> None:
        self.year = year
        for widget in (self.peildatum, self.actual_cost, self.pro_rata, self.save):
            widget.setEnabled(year is not None)
        if year is None:
            self.title.setText(self.tr("Er is nog geen schooljaar."))
            return
        settings = year_settings(self.context.db, year)
        self.title.setText(self.tr("Telling voor schooljaar {year}").format(year=year))
        self.peildatum.setDateRange(to_qdate(year.first_day), to_qdate(year.last_day))
        self.peildatum.setDate(to_qdate(settings.peildatum))
        self.actual_cost.setChecked(settings.actual_cost)
        self.pro_rata.setChecked(settings.pro_rata)

    def store(self) -> None:
        if self.year is None:
            return
        try:
            stored = change_year_settings(
                self.context.db,
                self.year,
                peildatum=from_qdate(self.peildatum.date()),
                actual_cost=self.actual_cost.isChecked(),
                pro_rata=self.pro_rata.isChecked(),
            )
        except GrensverkeerError as error:
            say(self.message, error_text(error), error=True)
            return
        say(
            self.message,
            self.tr("Opgeslagen: schooljaar {year} telt op {day}.").format(
                year=self.year, day=formatting.long_date(stored.peildatum)
            ),
        )
        self.changed()
