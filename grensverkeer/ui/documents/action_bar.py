"""The Documenten page's bottom row: print the chosen document, save them all, export the
school year to Excel. The page connects the buttons; this only lays them out and words them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


class ActionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.print_button = QPushButton(_tr("Af&drukken…"))
        self.print_button.setAccessibleName(_tr("Het gekozen document afdrukken"))
        self.print_button.setToolTip(_tr("Het gekozen document afdrukken (Ctrl+P)"))
        self.save_button = QPushButton(_tr("&Opslaan…"))
        self.save_button.setAccessibleName(_tr("Alle documenten opslaan"))
        self.save_button.setToolTip(_tr("Alle documenten als PDF in een map opslaan"))
        self.export_button = QPushButton(_tr("&Exporteren naar Excel…"))
        self.export_button.setAccessibleName(_tr("Exporteren naar Excel"))
        self.export_button.setToolTip(
            _tr(
                "Matrix, saldi, betalingen en bronnen van het schooljaar als Excel-werkmap, "
                "met het gekozen plan of de gekozen methode (Ctrl+E)"
            )
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch()
        row.addWidget(self.export_button)
