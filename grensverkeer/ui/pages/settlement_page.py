"""Verrekening: choose a method, see the positions and the transfers, compare the scenarios,
and fix (vaststellen) a plan.

Everything shown comes from ``services.settling.year_settlement`` (the settlement),
``services.settling.analysis`` (the balance and the scenarios) and
``services.plans.finalized_plans``; the page only words it. A plan is fixed after a confirmation; a
school year that has one already gets the service's Dutch refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.method_names import OFFERED, method_title
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.settling.analysis import Analysis, analyse
from grensverkeer.services.settling.balance import parse_tolerance
from grensverkeer.services.settling.year_settlement import (
    REGIONAL_CENTRE,
    REGIONAL_CENTRE_NAME,
    SettlementRun,
    compute_settlement,
)
from grensverkeer.settlement import Method
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import ask, show_error, show_info
from grensverkeer.ui.empty_year import error_text, no_pupils_text
from grensverkeer.ui.heatmap import full_name
from grensverkeer.ui.page_widgets import labelled
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.picture_view import PictureView
from grensverkeer.ui.plans_panel import PlansPanel
from grensverkeer.ui.settlement_rows import PositionRow, scenario_rows
from grensverkeer.ui.settlement_tables import (
    apart_model,
    positions_chart,
    positions_model,
    scenarios_model,
    transfers_model,
)
from grensverkeer.ui.table_models import group, heading, table_view
from grensverkeer.ui.workers import Loader


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettlementPage", text)


class SettlementPage(Page):
    name = "verrekening"
    title = "Verrekening"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.year: SchoolYear | None = None
        self.run: SettlementRun | None = None
        self._build()

    # Widgets ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_tr("Verrekening")))

        self.method = QComboBox()
        self.method.setAccessibleName(_tr("Methode"))
        for method in OFFERED:
            self.method.addItem(_tr(method_title(method)), str(method))
        self.centre = QComboBox()
        self.centre.setAccessibleName(_tr("Verrekenpartij"))
        self.threshold = QLineEdit("0")
        self.threshold.setAccessibleName(_tr("Bagatelgrens in euro"))
        self.threshold.setToolTip(_tr("Kleinere verschillen per paar worden niet verrekend"))
        self.tolerance = QLineEdit("10%")
        self.tolerance.setAccessibleName(_tr("Tolerantie"))
        self.tolerance.setToolTip(_tr("Bijvoorbeeld 10% van het eigen bruto, of 25000 euro"))
        self.compute_button = QPushButton(_tr("&Berekenen"))
        self.compute_button.setAccessibleName(_tr("Berekenen"))
        self.finalize_button = QPushButton(_tr("Plan &vaststellen…"))
        self.finalize_button.setAccessibleName(_tr("Plan vaststellen"))

        for box in (self.method, self.centre):  # long choices never widen the page
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(24)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_tr("&Methode:"), self.method)
        form.addRow(_tr("&Verrekenpartij:"), self.centre)
        small = QHBoxLayout()
        small.addWidget(self.threshold)
        small.addWidget(labelled(_tr("&Tolerantie:"), self.tolerance))
        small.addWidget(self.tolerance)
        bagatel = labelled(_tr("Ba&gatelgrens (€):"), self.threshold, _tr("Bagatelgrens in euro"))
        form.addRow(bagatel, small)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.finalize_button)
        buttons.addStretch()
        form.addRow("", buttons)
        layout.addLayout(form)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(_tr("Oordeel"))
        layout.addWidget(self.verdict)

        self.positions = positions_model(self)
        self.transfers = transfers_model(self, self._name)
        self.scenarios = scenarios_model(self)
        self.apart = apart_model(self)
        # the settlement and the analysis take seconds on a real region: never on the GUI thread
        self.loader = Loader(self, self.context.pool, "verrekening berekenen")
        self.plans_panel = PlansPanel(self.context.db, self)
        self.plans = self.plans_panel.model

        self.chart_view = PictureView(fit=False)
        self.chart_view.setAccessibleName(_tr("Saldi als staafdiagram"))
        metrics = self.fontMetrics()  # the longest name in full, and room for the bars
        self.chart_view.setMinimumWidth(
            metrics.horizontalAdvance("Leidschendam-Voorburg") + metrics.horizontalAdvance("M") * 20
        )
        self.chart_positions: list[PositionRow] = []
        self.chart_timer = QTimer(self)
        self.chart_timer.setSingleShot(True)
        self.chart_timer.setInterval(100)
        self.chart_timer.timeout.connect(self._draw_chart)
        self.chart_view.reshaped.connect(self.chart_timer.start)
        self.positions_view = table_view(self.positions, _tr("Saldi per gemeente"))

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        tabs = QTabWidget()
        tabs.setAccessibleName(_tr("Uitkomsten"))
        transfers = QWidget()
        transfers_layout = QVBoxLayout(transfers)
        transfers_layout.addWidget(self.summary)
        self.views = [
            self.positions_view,
            table_view(self.transfers, _tr("Betalingen")),
            table_view(self.scenarios, _tr("Scenario's")),
            table_view(self.apart, _tr("Apart te regelen")),
            self.plans_panel.view,
        ]
        transfers_layout.addWidget(self.views[1])
        tabs.addTab(self.positions_view, _tr("Saldi"))
        tabs.addTab(transfers, _tr("Betalingen"))
        tabs.addTab(self.views[2], _tr("Scenario's"))
        tabs.addTab(self.views[3], _tr("Apart te regelen"))
        tabs.addTab(self.plans_panel, _tr("Plannen"))
        self.tabs = tabs

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(group(_tr("Saldi (positief: ontvangt)"), self.chart_view))
        splitter.addWidget(tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.method.currentIndexChanged.connect(self._method_changed)
        self.compute_button.clicked.connect(self.refresh)
        self.threshold.returnPressed.connect(self.refresh)
        self.tolerance.returnPressed.connect(self.refresh)
        self.finalize_button.clicked.connect(self.finalize_plan)
        self.plans_panel.changed.connect(self.context.events.changed.emit)
        self._method_changed()

    def _method_changed(self) -> None:
        self.centre.setEnabled(self.current_method() is Method.CENTRAL)

    def current_method(self) -> Method:
        return Method(self.method.currentData())

    def _name(self, code: str) -> str:
        if code == REGIONAL_CENTRE:
            return REGIONAL_CENTRE_NAME
        return self.context.reference.label(code)

    # Page contract ------------------------------------------------------------------------

    def set_school_year(self, year: SchoolYear | None) -> None:
        self.year = year

    def refresh(self) -> None:
        self.plans_panel.refresh()
        self.run = None
        if self.year is None:
            self._show_nothing(no_pupils_text(None))
            return
        try:
            threshold = parse_euros(self.threshold.text() or "0")
            tolerance = parse_tolerance(self.tolerance.text() or "10%")
        except (AmountError, GrensverkeerError) as error:
            self._show_nothing(error_text(error))
            return
        db, reference, year = self.context.db, self.context.reference, self.year
        method, centre = self.current_method(), self._centre()

        def compute() -> tuple[SettlementRun, Analysis]:
            run = compute_settlement(db, year, method, centre=centre, threshold_cents=threshold)
            return run, analyse(db, year, tolerance, reference)

        self.finalize_button.setEnabled(False)  # until this year's settlement is shown
        self.verdict.setText(_tr("Bezig met berekenen…"))
        self.loader.load(compute, self._computed, self._show_nothing)

    def is_busy(self) -> bool:
        return self.loader.busy()

    def _computed(self, result: tuple[SettlementRun, Analysis]) -> None:
        run, analysis = result
        self.run = run
        self._fill_centres(run.matrix.participants)
        self._show(run, analysis)

    def _centre(self) -> str | None:
        if self.current_method() is not Method.CENTRAL:
            return None
        return self.centre.currentData() or REGIONAL_CENTRE

    def _fill_centres(self, participants: tuple[str, ...]) -> None:
        chosen = self.centre.currentData()
        self.centre.blockSignals(True)
        self.centre.clear()
        self.centre.addItem(_tr(REGIONAL_CENTRE_NAME), REGIONAL_CENTRE)
        for code in participants:
            self.centre.addItem(self.context.reference.label(code), code)
        index = self.centre.findData(chosen)
        self.centre.setCurrentIndex(max(index, 0))
        self.centre.blockSignals(False)

    def _show_nothing(self, message: str) -> None:
        self.verdict.setText(message)
        for model in (self.positions, self.transfers, self.scenarios, self.apart):
            model.set_rows([])
        self.summary.clear()
        self.chart_positions = []
        self.chart_view.show_picture(None)
        self.finalize_button.setEnabled(False)

    def _show(self, run: SettlementRun, analysis: Analysis) -> None:
        settlement = run.settlement
        names = {code: self.context.reference.label(code) for code in run.matrix.participants}
        positions = [PositionRow(code, names[code], cents) for code, cents in settlement.positions]
        self.positions.set_rows(positions)
        self.transfers.set_rows(list(settlement.transfers))
        self.scenarios.set_rows(scenario_rows(analysis, names))
        label = self.context.reference.label
        self.apart.set_rows(
            [
                (_tr("onder de bagatelgrens"), label(f.from_code), label(f.to_code), f.cents)
                for f in settlement.waived
            ]
            + [
                (_tr("buiten de regio"), label(f.from_code), label(f.to_code), f.cents)
                for f in settlement.outside
            ]
        )
        summary = _tr("{n} betalingen, samen {amount}.").format(
            n=len(settlement.transfers), amount=formatting.euros(settlement.total_moved)
        )
        if not settlement.exact:
            summary += " " + _tr("Benadering: minstens {n} betalingen zijn nodig.").format(
                n=settlement.lower_bound
            )
        self.summary.setText(summary)
        self.verdict.setText(self._verdict(analysis))
        self.chart_positions = positions
        self._draw_chart()
        self.finalize_button.setEnabled(True)
        for view in self.views:
            view.resizeColumnsToContents()

    def _verdict(self, analysis: Analysis) -> str:
        assessment = analysis.assessment
        ratio = (
            formatting.percent(assessment.regional_ratio)
            if assessment.regional_ratio is not None
            else "—"
        )
        if assessment.balanced:
            return _tr(
                "Grosso modo in evenwicht: elke gemeente blijft binnen de tolerantie "
                "(regionale verhouding Σ|saldo| / Σ bruto: {ratio}). Voorstel: niet verrekenen."
            ).format(ratio=ratio)
        outside = ", ".join(self.context.reference.label(c) for c in assessment.outside_tolerance)
        return _tr(
            "Niet in evenwicht (regionale verhouding {ratio}); buiten de tolerantie: {outside}. "
            "Voorstel: multilateraal verrekenen."
        ).format(ratio=ratio, outside=outside)

    def _draw_chart(self) -> None:
        """Draw the balances at the width the chart has, in the window's text size."""
        if not self.chart_positions:
            return
        view = self.chart_view
        reference = self.context.reference
        names = {p.code: full_name(reference, p.code) for p in self.chart_positions}
        width = max(view.viewport().width(), 240)
        view.show_picture(positions_chart(self.chart_positions, names, width, view.text_size()))

    # Actions ------------------------------------------------------------------------------

    def finalize_plan(self) -> None:
        if self.run is None:
            return
        run = self.run
        question = _tr(
            "Het plan voor schooljaar {year} ({method}, {n} betalingen, samen {amount}) "
            "vaststellen? Een vastgesteld plan verandert daarna niet meer, ook niet door "
            "latere imports."
        ).format(
            year=run.school_year,
            method=self.method.currentText(),
            n=len(run.settlement.transfers),
            amount=formatting.euros(run.settlement.total_moved),
        )
        if not ask(self, question):
            return
        try:
            plan = finalize(self.context.db, run)
        except GrensverkeerError as error:
            show_error(self, error_text(error))
            return
        show_info(
            self,
            _tr("Vastgesteld als plan {id} (kenmerk {hash}).").format(
                id=plan.id, hash=plan.short_hash
            ),
        )
        self.context.events.changed.emit()


PAGE = SettlementPage
