"""The matrix's filters as one widget: measure, onderwijstype, SWV and arrangement.

The map page uses it so it filters exactly as the matrix does
(``services.matrices.matrix_filters``), and ``copy_to`` puts the same choices on the matrix page
when the map opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from grensverkeer.domain import EduType
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import AMOUNT, PUPILS
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, arrangements, swv_choices
from grensverkeer.storage.database import Database


class FilterBar(QWidget):
    """``changed`` fires when any choice changes (not while the arrangements are refilled)."""

    changed = Signal()

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)  # two rows, so the page still fits a laptop at 150%
        rows.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        second = QHBoxLayout()
        rows.addLayout(bar)
        rows.addLayout(second)
        bar.addWidget(QLabel(self.tr("Maat:")))
        self.measure_pupils = QRadioButton(self.tr("&Leerlingen"))
        self.measure_amount = QRadioButton(self.tr("&Bedragen (€)"))
        self.measure_pupils.setChecked(True)
        self.measure_group = QButtonGroup(self)
        for button in (self.measure_pupils, self.measure_amount):
            button.setAccessibleName(button.text().replace("&", ""))
            self.measure_group.addButton(button)
            bar.addWidget(button)
        self.measure_group.buttonToggled.connect(
            lambda _button, checked: self.changed.emit() if checked else None
        )
        bar.addSpacing(self.fontMetrics().horizontalAdvance("  "))
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("Alle onderwijstypes"), None)
        for edu_type in EduType:
            self.type_combo.addItem(str(edu_type), str(edu_type))
        self.swv_combo = QComboBox()
        self.swv_combo.addItem(self.tr("Alle SWV's"), None)
        for swv in swv_choices(reference):
            self.swv_combo.addItem(swv.name, swv.ident)
        self.arrangement_combo = QComboBox()
        self.arrangement_combo.addItem(self.tr("Alle arrangementen"), None)
        for combo, length in ((self.swv_combo, 14), (self.arrangement_combo, 12)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
        for text, combo, accessible in (
            (self.tr("&Onderwijstype:"), self.type_combo, self.tr("Onderwijstype")),
            (self.tr("&SWV:"), self.swv_combo, self.tr("Samenwerkingsverband")),
            (self.tr("&Arrangement:"), self.arrangement_combo, self.tr("Arrangement")),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(accessible)
            combo.currentIndexChanged.connect(self.changed)
            row = bar if combo is self.type_combo else second
            row.addWidget(label)
            row.addWidget(combo, 1)

    @property
    def measure(self) -> str:
        return AMOUNT if self.measure_amount.isChecked() else PUPILS

    def set_measure(self, measure: str) -> None:
        (self.measure_amount if measure == AMOUNT else self.measure_pupils).setChecked(True)

    def current_filter(self) -> MatrixFilter:
        edu_type = self.type_combo.currentData()
        return MatrixFilter(
            EduType(edu_type) if edu_type else None,
            self.swv_combo.currentData(),
            self.arrangement_combo.currentData(),
        )

    def set_filter(self, wanted: MatrixFilter) -> None:
        """Choose ``wanted`` as if the user did; an arrangement not offered yet (the list is
        filled when the page refreshes) is added, so the choice is never lost."""
        for combo, value in (
            (self.type_combo, None if wanted.edu_type is None else str(wanted.edu_type)),
            (self.swv_combo, wanted.swv),
            (self.arrangement_combo, wanted.arrangement),
        ):
            if combo is self.arrangement_combo and value is not None and combo.findData(value) < 0:
                combo.addItem(value or self.tr("(zonder arrangement)"), value)
            combo.setCurrentIndex(max(combo.findData(value), 0))

    def fill_arrangements(self, db: Database, year: SchoolYear | None) -> None:
        chosen = self.arrangement_combo.currentData()
        present = arrangements(db, year) if year else []
        combo = self.arrangement_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("Alle arrangementen"), None)
            for arrangement in present:
                combo.addItem(arrangement or self.tr("(zonder arrangement)"), arrangement)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
        finally:
            combo.blockSignals(False)

    def copy_to(self, other: FilterBar) -> None:
        """Put these choices on another page's filters (the map opening the matrix)."""
        other.set_measure(self.measure)
        other.set_filter(self.current_filter())
