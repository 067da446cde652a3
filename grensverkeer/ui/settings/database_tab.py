"""Database en sleutel tab: the database in use, opening another one, and where the
pseudonym key comes from (never the key itself)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from grensverkeer.errors import GrensverkeerError
from grensverkeer.pseudonym import KEY_ENV, key_file, load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.ui.settings.tab import Tab, button, message_label, say

if TYPE_CHECKING:
    from grensverkeer.ui.pages.settings_page import SettingsPage


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
