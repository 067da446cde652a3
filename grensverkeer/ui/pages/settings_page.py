"""Instellingen: the school year's counting options, tariffs, region membership, inhabitants,
the database and the pseudonym key.

Every change goes through a service and then emits ``context.events.changed``; a refused
change shows the service's Dutch message next to the form and stores nothing. The page asks
the window to open another database through ``open_database_requested`` (see main_window).
"""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.pseudonym import KEY_ENV, key_file, load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.inhabitants import all_inhabitants, set_inhabitants
from grensverkeer.services.matrix_filters import arrangements
from grensverkeer.services.membership import (
    Membership,
    add_member,
    end_member,
    memberships,
    participants,
)
from grensverkeer.services.school_years import change_year_settings, year_settings
from grensverkeer.services.tariffs import Tariff, list_tariffs, remove_tariff, set_tariff
from grensverkeer.ui.dialogs import ask
from grensverkeer.ui.heatmap import full_name
from grensverkeer.ui.models import Column, RowsModel, heading, selected_row, table_view
from grensverkeer.ui.pages.base import Page

DATE_FORMAT = "dd-MM-yyyy"
Inhabitants = tuple[str, int, int]  # (code, year, count), as services.inhabitants gives them


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


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
                peildatum=self.peildatum.date().toPython(),
                actual_cost=self.actual_cost.isChecked(),
                pro_rata=self.pro_rata.isChecked(),
            )
        except GrensverkeerError as error:
            say(self.message, str(error), error=True)
            return
        say(
            self.message,
            self.tr("Opgeslagen: schooljaar {year} telt op {day}.").format(
                year=self.year, day=formatting.long_date(stored.peildatum)
            ),
        )
        self.changed()


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
                Column(
                    self.tr("Bedrag per leerling"),
                    lambda t: formatting.euros(t.cents),
                    sort=lambda t: t.cents,
                    numeric=True,
                ),
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
            say(self.message, str(error), error=True)
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
            say(self.message, str(error), error=True)
            return
        say(self.message, self.tr("Verwijderd: het tarief voor {what}.").format(what=what))
        self.changed()


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
        self.municipality.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.municipality.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
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
            return self.municipality.itemData(index)
        return self.context.reference.resolve_municipality(self.municipality.currentText()).code

    def store_join(self) -> None:
        code = self._code()
        if code is None:
            say(self.message, self.tr("Kies een gemeente uit de lijst."), error=True)
            return
        try:
            add_member(self.context.db, code, self.joins_on.date().toPython())
        except GrensverkeerError as error:
            say(self.message, str(error), error=True)
            return
        say(
            self.message,
            self.tr("{name} is lid vanaf {day}.").format(
                name=self.context.reference.label(code),
                day=formatting.long_date(self.joins_on.date().toPython()),
            ),
        )
        self.changed()

    def store_end(self) -> None:
        member = selected_row(self.view)
        if member is None:
            say(self.message, self.tr("Kies eerst een gemeente in de tabel."), error=True)
            return
        leaves_on = self.leaves_on.date().toPython()
        try:
            end_member(self.context.db, member.code, leaves_on)
        except GrensverkeerError as error:
            say(self.message, str(error), error=True)
            return
        say(
            self.message,
            self.tr("{name} is geen lid meer per {day}.").format(
                name=self.context.reference.label(member.code),
                day=formatting.long_date(leaves_on),
            ),
        )
        self.changed()


class InhabitantsTab(Tab):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        reference = self.context.reference
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "Inwoners op 1 januari, voor een verdeling naar rato van het inwonersaantal. "
                "Dubbelklik op een aantal om het te wijzigen."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.model: RowsModel[Inhabitants] = RowsModel(
            [
                Column(self.tr("Gemeente"), lambda r: reference.label(r[0])),
                Column(self.tr("Jaar"), lambda r: str(r[1]), sort=lambda r: r[1]),
                Column(
                    self.tr("Inwoners"),
                    lambda r: formatting.number(r[2]),
                    sort=lambda r: r[2],
                    numeric=True,
                    edit=self.store,
                ),
            ],
            self,
        )
        self.model.edit_refused.connect(lambda text: say(self.message, text, error=True))
        self.view = table_view(self.model, self.tr("Inwoners per gemeente"), stretch=None)
        self.view.setEditTriggers(
            self.view.EditTrigger.DoubleClicked
            | self.view.EditTrigger.EditKeyPressed
            | self.view.EditTrigger.AnyKeyPressed
        )
        layout.addWidget(self.view, 1)
        self.message = message_label(self.tr("Melding inwoners"))
        layout.addWidget(self.message)

    def load(self, year: SchoolYear | None) -> None:
        self.model.set_rows(all_inhabitants(self.context.db))
        self.view.resizeColumnsToContents()

    def store(self, row: Inhabitants, text: str) -> str | None:
        code, year, _count = row
        digits = text.replace(".", "").replace(" ", "").replace("\u00a0", "").strip()
        if not digits.isdigit():
            return self.tr(
                "‘{text}’ is geen aantal inwoners; schrijf bijvoorbeeld 104.000."
            ).format(text=text)
        try:
            set_inhabitants(self.context.db, code, year, int(digits))
        except GrensverkeerError as error:
            return str(error)
        say(
            self.message,
            self.tr("Opgeslagen: {name} had op 1 januari {year} {count} inwoners.").format(
                name=self.context.reference.label(code),
                year=year,
                count=formatting.number(int(digits)),
            ),
        )
        self.changed()
        return None


class DatabaseTab(Tab):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        layout = QVBoxLayout(self)
        database = QGroupBox(self.tr("Database"))
        form = QVBoxLayout(database)
        form.addWidget(QLabel(self.tr("In gebruik:")))
        self.current = QLineEdit()
        self.current.setReadOnly(True)
        self.current.setAccessibleName(self.tr("Database in gebruik"))
        form.addWidget(self.current)
        label = QLabel(
            self.tr("&Andere database openen: het pad van een SQLite-bestand of een PostgreSQL-URL")
        )
        label.setWordWrap(True)
        form.addWidget(label)
        row = QHBoxLayout()
        self.target = QLineEdit()
        self.target.setPlaceholderText(
            self.tr("bijvoorbeeld postgresql+psycopg://gebruiker@server/grensverkeer")
        )
        self.target.setAccessibleName(self.tr("Pad of URL van de database"))
        self.target.returnPressed.connect(self.open_other)
        label.setBuddy(self.target)
        self.browse = button(self.tr("B&laderen…"), self.tr("Databasebestand kiezen"))
        self.browse.clicked.connect(self.choose_file)
        self.open = button(self.tr("O&penen"), self.tr("Database openen"))
        self.open.clicked.connect(self.open_other)
        row.addWidget(self.target, 1)
        row.addWidget(self.browse)
        row.addWidget(self.open)
        form.addLayout(row)
        self.message = message_label(self.tr("Melding database"))
        form.addWidget(self.message)
        layout.addWidget(database)

        key = QGroupBox(self.tr("Pseudoniemsleutel"))
        key_layout = QVBoxLayout(key)
        self.key_source = QLabel()
        self.key_source.setWordWrap(True)
        self.key_source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_layout.addWidget(self.key_source)
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Vingerafdruk van de sleutel"))
        key_layout.addWidget(self.fingerprint)
        note = QLabel(
            self.tr(
                "De database bewaart van elke leerling alleen een pseudoniem dat met deze "
                "sleutel uit het BSN is gemaakt. De sleutel staat niet in de database en wordt "
                "hier nooit getoond; de vingerafdruk laat zien of twee computers dezelfde "
                "sleutel gebruiken. Bewaar een kopie op een veilige plek: zonder dezelfde "
                "sleutel worden leerlingen uit nieuwe bestanden niet herkend."
            )
        )
        note.setWordWrap(True)
        key_layout.addWidget(note)
        layout.addWidget(key)
        layout.addStretch(1)

    def load(self, year: SchoolYear | None) -> None:
        self.current.setText(self.context.db.description)
        path = key_file()
        if os.environ.get(KEY_ENV) is not None:
            self.key_source.setText(
                self.tr("De sleutel komt uit de omgevingsvariabele {name}.").format(name=KEY_ENV)
            )
        elif path.exists():
            self.key_source.setText(
                self.tr("De sleutel staat in het bestand {path}.").format(path=path)
            )
        else:
            self.key_source.setText(
                self.tr(
                    "Er is nog geen sleutel. Die wordt bij de eerste import gemaakt in {path}."
                ).format(path=path)
            )
            self.fingerprint.setText("")
            return
        try:
            fingerprint = load_pseudonymizer().fingerprint
        except GrensverkeerError as error:
            self.fingerprint.setText(str(error))
            return
        self.fingerprint.setText(self.tr("Vingerafdruk: {value}").format(value=fingerprint))

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database kiezen of maken"),
            self.target.text(),
            self.tr("SQLite-database (*.sqlite *.db);;Alle bestanden (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.target.setText(path)

    def open_other(self) -> None:
        target = self.target.text().strip()
        if not target:
            say(self.message, self.tr("Vul een pad of een URL in."), error=True)
            return
        if not self.page.receivers_of_open():
            say(
                self.message,
                self.tr("Dit venster kan geen andere database openen."),
                error=True,
            )
            return
        say(self.message, self.tr("Bezig met openen van {target}…").format(target=target))
        self.page.open_database_requested.emit(target)


class SettingsPage(Page):
    """Settings in tabs; the school year tabs follow the window's year selector."""

    name = "instellingen"
    title = "Instellingen"

    open_database_requested = Signal(str)  # a path or URL the window should open

    def __init__(self, context, parent: QWidget | None = None) -> None:
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


def _day(day: date | None, empty: str) -> str:
    return empty if day is None else f"{day:%d-%m-%Y}"


PAGE = SettingsPage
