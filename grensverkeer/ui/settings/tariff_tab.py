"""Tarieven tab: the amounts per pupil of the selected school year, set and removed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from grensverkeer import formatting
from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.matrix_filters import arrangements
from grensverkeer.services.years.tariffs import Tariff, list_tariffs, remove_tariff, set_tariff
from grensverkeer.ui.dialogs import ask
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.settings.tab import Tab, bold_label, button, message_label, say
from grensverkeer.ui.table_models import Column, RowsModel, euro_column, selected_row, table_view

if TYPE_CHECKING:
    from grensverkeer.ui.pages.settings_page import SettingsPage


class TariffTab(Tab):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        layout = QVBoxLayout(self)
        self.title = bold_label()
        layout.addWidget(self.title)
        self.model: RowsModel[Tariff] = RowsModel(
            [
                Column(self.tr("Onderwijstype"), lambda t: str(t.edu_type)),
                Column(
                    self.tr("Arrangement"),
                    lambda t: t.arrangement or self.tr("(algemeen tarief)"),
                ),
                euro_column(self.tr("Bedrag per leerling"), lambda t: t.cents),
            ],
            self,
        )
        self.view = table_view(self.model, self.tr("Tarieven"), stretch=1)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.view, 1)

        form = QGridLayout()
        self.edu_type = QComboBox()
        for edu_type in EduType:
            self.edu_type.addItem(str(edu_type), str(edu_type))
        self.edu_type.setAccessibleName(self.tr("Onderwijstype"))
        self.arrangement = QLineEdit()
        self.arrangement.setPlaceholderText(self.tr("leeg: het algemene tarief van het type"))
        self.arrangement.setAccessibleName(self.tr("Arrangement"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("bijvoorbeeld 12.500,00"))
        self.amount.setAccessibleName(self.tr("Bedrag per leerling"))
        self.amount.returnPressed.connect(self.store)
        for column, (text, widget) in enumerate(
            (
                (self.tr("&Type:"), self.edu_type),
                (self.tr("A&rrangement:"), self.arrangement),
                (self.tr("&Bedrag (€):"), self.amount),
            )
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addWidget(label, 0, column)
            form.addWidget(widget, 1, column)
        form.setColumnStretch(1, 2)
        form.setColumnStretch(2, 1)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.save = button(self.tr("Tarief &opslaan"), self.tr("Tarief opslaan"))
        self.save.clicked.connect(self.store)
        self.remove = button(self.tr("Tarief &verwijderen"), self.tr("Tarief verwijderen"))
        self.remove.clicked.connect(self.delete)
        row.addWidget(self.save)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = message_label(self.tr("Melding tarieven"))
        layout.addWidget(self.message)
        self.year: SchoolYear | None = None

    def load(self, year: SchoolYear | None) -> None:
        self.year = year
        for widget in (self.save, self.remove, self.amount, self.arrangement, self.edu_type):
            widget.setEnabled(year is not None)
        if year is None:
            self.title.setText(self.tr("Er is nog geen schooljaar."))
            self.model.set_rows([])
            return
        self.title.setText(
            self.tr("Tarieven per leerling voor schooljaar {year}").format(year=year)
        )
        self.model.set_rows(list_tariffs(self.context.db, year))
        self.view.resizeColumnsToContents()
        completer = QCompleter(arrangements(self.context.db, year), self.arrangement)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.arrangement.setCompleter(completer)

    def _selected(self) -> None:
        tariff = selected_row(self.view)
        if tariff is None:
            return
        self.edu_type.setCurrentIndex(self.edu_type.findData(str(tariff.edu_type)))
        self.arrangement.setText(tariff.arrangement)
        self.amount.setText(formatting.euros(tariff.cents).removeprefix("€ "))

    def store(self) -> None:
        if self.year is None:
            return
        text = self.amount.text().strip()
        if not text:
            say(self.message, self.tr("Vul een bedrag per leerling in."), error=True)
            return
        try:
            cents = parse_euros(text)
        except AmountError as error:
            say(self.message, self.tr("Bedrag: {reason}.").format(reason=error), error=True)
            return
        edu_type = EduType(self.edu_type.currentData())
        try:
            tariff = set_tariff(
                self.context.db, self.year, edu_type, cents, self.arrangement.text()
            )
        except GrensverkeerError as error:
            say(self.message, error_text(error), error=True)
            return
        say(
            self.message,
            self.tr("Opgeslagen: {type}{arrangement} {amount} per leerling in {year}.").format(
                type=tariff.edu_type,
                arrangement=f" ({tariff.arrangement})" if tariff.arrangement else "",
                amount=formatting.euros(tariff.cents),
                year=self.year,
            ),
        )
        self.changed()

    def delete(self) -> None:
        tariff = selected_row(self.view)
        if self.year is None or tariff is None:
            say(self.message, self.tr("Kies eerst een tarief in de tabel."), error=True)
            return
        what = str(tariff.edu_type) + (f" ({tariff.arrangement})" if tariff.arrangement else "")
        if not ask(
            self,
            self.tr("Het tarief voor {what} in {year} verwijderen?").format(
                what=what, year=self.year
            ),
        ):
            return
        try:
            remove_tariff(self.context.db, self.year, tariff.edu_type, tariff.arrangement)
        except GrensverkeerError as error:
            say(self.message, error_text(error), error=True)
            return
        say(self.message, self.tr("Verwijderd: het tarief voor {what}.").format(what=what))
        self.changed()
