"""Deelnemers tab: which municipalities belong to the region, joining and leaving."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.membership import (
    Membership,
    add_member,
    end_member,
    memberships,
    participants,
)
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.heatmap import full_name
from grensverkeer.ui.settings.tab import (
    Tab,
    button,
    date_edit,
    from_qdate,
    message_label,
    say,
    to_qdate,
)
from grensverkeer.ui.table_models import Column, RowsModel, selected_row, table_view

if TYPE_CHECKING:
    from grensverkeer.ui.pages.settings_page import SettingsPage


class MembersTab(Tab):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        reference = self.context.reference
        layout = QVBoxLayout(self)
        self.participants = QLabel()
        self.participants.setWordWrap(True)
        layout.addWidget(self.participants)
        self.model: RowsModel[Membership] = RowsModel(
            [
                Column(self.tr("Gemeente"), lambda m: reference.label(m.code)),
                Column(
                    self.tr("Lid vanaf"),
                    lambda m: _day(m.valid_from, self.tr("altijd")),
                    sort=lambda m: m.valid_from.isoformat() if m.valid_from else "",
                ),
                Column(
                    self.tr("Lid tot en met"),
                    lambda m: _day(m.valid_to, self.tr("onbepaald")),
                    sort=lambda m: m.valid_to.isoformat() if m.valid_to else "9999",
                ),
            ],
            self,
        )
        self.view = table_view(self.model, self.tr("Lidmaatschap van de regio"))
        layout.addWidget(self.view, 1)

        join = QGroupBox(self.tr("Een gemeente treedt toe"))
        join_layout = QHBoxLayout(join)
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.municipality.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.municipality.setAccessibleName(self.tr("Gemeente die toetreedt"))
        for item in sorted(reference.municipalities(date.today()), key=lambda m: m.name):
            self.municipality.addItem(reference.label(item.code), item.code)
        completer = self.municipality.completer()  # an editable box has one
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.municipality.setCurrentIndex(-1)
        self.joins_on = date_edit(self.tr("Lid vanaf"))
        self.add = button(self.tr("&Toevoegen"), self.tr("Lidmaatschap toevoegen"))
        self.add.clicked.connect(self.store_join)
        label = QLabel(self.tr("&Gemeente:"))
        label.setBuddy(self.municipality)
        join_layout.addWidget(label)
        join_layout.addWidget(self.municipality, 2)
        label = QLabel(self.tr("&vanaf:"))
        label.setBuddy(self.joins_on)
        join_layout.addWidget(label)
        join_layout.addWidget(self.joins_on)
        join_layout.addWidget(self.add)
        layout.addWidget(join)

        leave = QGroupBox(self.tr("De gekozen gemeente treedt uit"))
        leave_layout = QHBoxLayout(leave)
        self.leaves_on = date_edit(self.tr("Geen lid meer per"))
        label = QLabel(self.tr("Geen lid meer &per:"))
        label.setBuddy(self.leaves_on)
        self.end = button(self.tr("Lidmaatschap &beëindigen"), self.tr("Lidmaatschap beëindigen"))
        self.end.clicked.connect(self.store_end)
        leave_layout.addWidget(label)
        leave_layout.addWidget(self.leaves_on)
        leave_layout.addWidget(self.end)
        leave_layout.addStretch(1)
        layout.addWidget(leave)
        self.message = message_label(self.tr("Melding lidmaatschap"))
        layout.addWidget(self.message)
        today = to_qdate(date.today())
        self.joins_on.setDate(today)
        self.leaves_on.setDate(today)

    def load(self, year: SchoolYear | None) -> None:
        db = self.context.db
        reference = self.context.reference
        rows = memberships(db, reference)
        self.model.set_rows(sorted(rows, key=lambda m: (full_name(reference, m.code), m.id)))
        self.view.resizeColumnsToContents()
        if year is None:
            self.participants.setText("")
            return
        members = participants(db, year)
        names = sorted(full_name(reference, code) for code in members)
        self.participants.setText(
            self.tr(
                "Deelnemers in schooljaar {year}, op de peildatum {day} ({count} gemeenten): "
                "{names}."
            ).format(
                year=year,
                day=formatting.long_date(year_settings(db, year).peildatum),
                count=formatting.number(len(members)),
                names=", ".join(names),
            )
        )

    def _code(self) -> str | None:
        index = self.municipality.findText(self.municipality.currentText())
        if index >= 0:
            code = self.municipality.itemData(index)  # the CBS code given with addItem
            return code if isinstance(code, str) else None
        return self.context.reference.resolve_municipality(self.municipality.currentText()).code

    def store_join(self) -> None:
        code = self._code()
        if code is None:
            say(self.message, self.tr("Kies een gemeente uit de lijst."), error=True)
            return
        try:
            add_member(self.context.db, code, from_qdate(self.joins_on.date()))
        except GrensverkeerError as error:
            say(self.message, error_text(error), error=True)
            return
        say(
            self.message,
            self.tr("{name} is lid vanaf {day}.").format(
                name=self.context.reference.label(code),
                day=formatting.long_date(from_qdate(self.joins_on.date())),
            ),
        )
        self.changed()

    def store_end(self) -> None:
        member = selected_row(self.view)
        if member is None:
            say(self.message, self.tr("Kies eerst een gemeente in de tabel."), error=True)
            return
        leaves_on = from_qdate(self.leaves_on.date())
        try:
            end_member(self.context.db, member.code, leaves_on)
        except GrensverkeerError as error:
            say(self.message, error_text(error), error=True)
            return
        say(
            self.message,
            self.tr("{name} is geen lid meer per {day}.").format(
                name=self.context.reference.label(member.code),
                day=formatting.long_date(leaves_on),
            ),
        )
        self.changed()


def _day(day: date | None, empty: str) -> str:
    return empty if day is None else formatting.short_date(day)
