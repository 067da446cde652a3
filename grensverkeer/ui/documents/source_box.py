"""The "Welke documenten" box of the Documenten page: the finalised plan or a draft with a
method, a centre, a threshold and a tolerance, read back as one ``Choice``.

Its own widget so that the page only asks it for the choice; the page's own module keeps making
the documents and showing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.method_names import OFFERED, method_title
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import Plan
from grensverkeer.services.settling.balance import DEFAULT_TOLERANCE, Tolerance, parse_tolerance
from grensverkeer.services.settling.year_settlement import REGIONAL_CENTRE, REGIONAL_CENTRE_NAME
from grensverkeer.settlement import Method


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


def method_label(method: Method | str) -> str:
    """The settlement page's words for a method (one translation for both pages)."""
    return QCoreApplication.translate("SettlementPage", method_title(method))


def short_method_label(method: Method | str) -> str:
    """The first words of a method's label: "Multilateraal" (for a sentence)."""
    return method_label(method).split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Choice:
    """What to make: a plan's documents (``plan_id``) or a draft with these options."""

    plan_id: int | None
    method: Method
    centre: str | None
    threshold_cents: int
    tolerance: Tolerance


class SourceBox(QGroupBox):
    """The plan or draft options; ``plan`` is the school year's finalised plan (or None)."""

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Welke documenten"), parent)
        self.reference = reference
        self.plan: Plan | None = None
        self.plan_radio = QRadioButton(_tr("Vastgesteld &plan:"))
        self.plan_radio.setAccessibleName(_tr("Documenten van het vastgestelde plan"))
        self.draft_radio = QRadioButton(_tr("&Concept, nu berekend:"))
        self.draft_radio.setAccessibleName(_tr("Conceptdocumenten, nu berekend"))
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(_tr("Vastgesteld plan"))
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method = QComboBox()
        self.method.setAccessibleName(_tr("Methode"))
        for method in OFFERED:
            self.method.addItem(method_label(method), str(method))
        self.centre = QComboBox()
        self.centre.setAccessibleName(_tr("Verrekenpartij"))
        self.threshold = QLineEdit("0")
        self.threshold.setAccessibleName(_tr("Bagatelgrens in euro"))
        self.threshold.setToolTip(_tr("Kleinere verschillen per paar worden niet verrekend"))
        self.tolerance = QLineEdit(DEFAULT_TOLERANCE)
        self.tolerance.setAccessibleName(_tr("Tolerantie"))
        self.tolerance.setToolTip(
            _tr(
                "Wanneer een saldo ‘in evenwicht’ heet: bijvoorbeeld 10% van het eigen bruto, "
                "of 25000 euro"
            )
        )

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text)
            widget.setBuddy(buddy)
            return widget

        grid = QGridLayout(self)
        grid.addWidget(self.plan_radio, 0, 0)
        grid.addWidget(self.plan_combo, 0, 1, 1, 4)
        grid.addWidget(self.draft_radio, 1, 0)
        grid.addWidget(label(_tr("&Methode:"), self.method), 1, 1)
        grid.addWidget(self.method, 1, 2)
        grid.addWidget(label(_tr("Verrekenpart&ij:"), self.centre), 1, 3)
        grid.addWidget(self.centre, 1, 4)
        grid.addWidget(label(_tr("Ba&gatelgrens (€):"), self.threshold), 2, 1)
        grid.addWidget(self.threshold, 2, 2)
        grid.addWidget(label(_tr("&Tolerantie:"), self.tolerance), 2, 3)
        grid.addWidget(self.tolerance, 2, 4)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 1)

        order = [
            self.plan_radio,
            self.plan_combo,
            self.draft_radio,
            self.method,
            self.centre,
            self.threshold,
            self.tolerance,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        self.draft_radio.setChecked(True)
        self.plan_radio.toggled.connect(self.source_changed)
        self.method.currentIndexChanged.connect(self.source_changed)

    def source_changed(self, *_args: object) -> None:
        draft = not self.plan_radio.isChecked()
        for widget in (self.method, self.threshold):
            widget.setEnabled(draft)
        self.centre.setEnabled(draft and self.current_method() is Method.CENTRAL)
        self.plan_combo.setEnabled(not draft and self.plan is not None)

    def current_method(self) -> Method:
        return Method(self.method.currentData())

    def fill_plans(self, year: SchoolYear | None, plan: Plan | None) -> None:
        """Offer the school year's finalised plan (``plan``), or say there is none."""
        self.plan = plan
        self.plan_combo.clear()
        if plan is None:
            self.plan_combo.addItem(
                _tr("geen vastgesteld plan voor {year}").format(year=year or "—"), None
            )
            self.plan_combo.setToolTip("")
            return
        text = _tr("Plan {id}: {method}, vastgesteld op {day} (kenmerk {hash})").format(
            id=plan.id,
            method=short_method_label(plan.method).lower(),
            day=formatting.long_date(plan.finalized_at.astimezone().date()),
            hash=plan.short_hash,
        )
        self.plan_combo.addItem(text, plan.id)
        self.plan_combo.setToolTip(
            _tr("Vastgesteld door {who}; later geïmporteerde gegevens veranderen het niet.").format(
                who=plan.finalized_by or _tr("onbekend")
            )
        )

    def fill_centres(self, codes: tuple[str, ...]) -> None:
        chosen = self.centre.currentData()
        self.centre.blockSignals(True)
        self.centre.clear()
        self.centre.addItem(
            QCoreApplication.translate("SettlementPage", REGIONAL_CENTRE_NAME), REGIONAL_CENTRE
        )
        for code in codes:
            self.centre.addItem(self.reference.label(code), code)
        self.centre.setCurrentIndex(max(self.centre.findData(chosen), 0))
        self.centre.blockSignals(False)

    def choice(self) -> Choice:
        """The options in the form; a Dutch ``GrensverkeerError`` when one is not valid."""
        try:
            threshold = parse_euros(self.threshold.text().strip() or "0")
        except AmountError as error:
            raise GrensverkeerError(_tr("Bagatelgrens: {error}").format(error=error)) from None
        tolerance = parse_tolerance(self.tolerance.text().strip() or DEFAULT_TOLERANCE)
        if self.plan_radio.isChecked() and self.plan is not None:
            return Choice(self.plan.id, Method(self.plan.method), None, 0, tolerance)
        method = self.current_method()
        centre = (
            (self.centre.currentData() or REGIONAL_CENTRE) if method is Method.CENTRAL else None
        )
        return Choice(None, method, centre, threshold, tolerance)
