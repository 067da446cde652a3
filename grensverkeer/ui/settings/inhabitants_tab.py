"""Inwoners tab: inhabitants per municipality on 1 January, edited in the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.inhabitants import all_inhabitants, set_inhabitants
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.settings.tab import Tab, message_label, say
from grensverkeer.ui.table_models import Column, RowsModel, table_view

if TYPE_CHECKING:
    from grensverkeer.ui.pages.settings_page import SettingsPage


Inhabitants = tuple[str, int, int]  # (code, year, count), as services.years.inhabitants gives them


class InhabitantsTab(Tab):
    message: QLabel  # made below the table; the table's refusals are said in it

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
            return error_text(error)
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
