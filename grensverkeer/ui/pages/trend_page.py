"""Trend: the school years side by side, as bar charts: pupils in grensverkeer and the net
position per municipality, and the regional share per year against the tolerance.

The figures are ``mapping.trend.trend_figures`` (the balance of every year's own
participants), counted in the background; the charts are ``mapping.trend.trend_charts`` drawn
by ``ui.picture_view``, the same charts the verrekenvoorstel can print. A change of membership
(Voorschoten from 2024-2025 on) shows as "geen lid" in the rows and as a note under each chart.
The numbers are always available as text: hover a bar, or read the table below the charts.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from grensverkeer.errors import GrensverkeerError
from grensverkeer.mapping.trend import YearFigures, trend_charts, trend_figures
from grensverkeer.services.settling.balance import DEFAULT_TOLERANCE, Tolerance, parse_tolerance
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.empty_year import no_pupils_text
from grensverkeer.ui.heatmap import full_name
from grensverkeer.ui.page_widgets import labelled
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.picture_view import PictureView
from grensverkeer.ui.table_models import Column, RowsModel, fit_rows, heading, table_view
from grensverkeer.ui.workers import Loader


class TrendPage(Page):
    name = "trend"
    title = "Trend"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Trend"))
        self.loader = Loader(self, context.pool, "trend tellen")
        self.years: list[YearFigures] = []
        self.tolerance_value: Tolerance = parse_tolerance(DEFAULT_TOLERANCE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Trend over de schooljaren")))
        bar = QHBoxLayout()
        self.tolerance = QLineEdit(DEFAULT_TOLERANCE)
        self.tolerance.setToolTip(self.tr("Bijvoorbeeld 10% van het eigen bruto, of 25000 euro"))
        bar.addWidget(labelled(self.tr("&Tolerantie:"), self.tolerance))
        bar.addWidget(self.tolerance)
        self.apply = QPushButton(self.tr("&Toepassen"))
        self.apply.setAccessibleName(self.tr("Tolerantie toepassen"))
        self.apply.clicked.connect(self.refresh)
        self.tolerance.returnPressed.connect(self.refresh)
        bar.addWidget(self.apply)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.charts: list[PictureView] = []
        for name in (
            self.tr("Leerlingen in grensverkeer per gemeente en schooljaar"),
            self.tr("Saldo per gemeente en schooljaar"),
            self.tr("Regionaal aandeel per schooljaar"),
        ):
            view = PictureView(fit=False)
            view.setAccessibleName(name)
            view.reshaped.connect(self._later)
            layout.addWidget(view)
            self.charts.append(view)
        self.table_model: RowsModel[YearFigures] = RowsModel(self._columns(), self)
        self.table = table_view(self.table_model, self.tr("Schooljaren in cijfers"))
        layout.addWidget(self.table)
        layout.addStretch(1)
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setSingleShot(True)
        self.redraw_timer.setInterval(100)
        self.redraw_timer.timeout.connect(self.draw)

    def _columns(self) -> list[Column[YearFigures]]:
        from grensverkeer import formatting

        def share(year: YearFigures) -> str:
            return self.tr("n.b.") if year.ratio is None else formatting.percent(year.ratio)

        def pupils(year: YearFigures) -> str:
            total: int | Fraction = sum(b.pupils_in for b in year.balances)
            return formatting.pupils(total)

        def verdict(year: YearFigures) -> str:
            if year.balanced is None:
                return self.tr("geen tarieven")
            return self.tr("ja") if year.balanced else self.tr("nee")

        return [
            Column(self.tr("Schooljaar"), lambda y: str(y.school_year)),
            Column(self.tr("Deelnemers"), lambda y: str(len(y.participants)), numeric=True),
            Column(self.tr("Leerlingen in grensverkeer"), pupils, numeric=True),
            Column(self.tr("Regionaal aandeel"), share, numeric=True),
            Column(self.tr("In evenwicht"), verdict),
        ]

    # Page ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            tolerance = parse_tolerance(self.tolerance.text() or DEFAULT_TOLERANCE)
        except GrensverkeerError as error:
            self.caption.setText(str(error))
            return
        self.tolerance_value = tolerance
        db = self.context.db
        self.caption.setText(self.tr("Bezig met tellen…"))
        self.loader.load(lambda: trend_figures(db, tolerance), self._counted, self.caption.setText)

    def is_busy(self) -> bool:
        return self.loader.busy()

    def _counted(self, years: list[YearFigures]) -> None:
        self.years = years
        if not years:
            self.caption.setText(no_pupils_text(None))
        else:
            self.caption.setText(
                self.tr(
                    "{count} schooljaren naast elkaar, elk met zijn eigen deelnemers. Wijs een "
                    "staaf aan voor het getal."
                ).format(count=len(years))
            )
        self.table_model.set_rows(years)
        self.table.resizeColumnsToContents()
        fit_rows(self.table)
        self.draw()

    def _later(self) -> None:
        self.redraw_timer.start()

    def draw(self) -> None:
        """Lay the charts out at the width they have, in the window's text size."""
        if not self.years:
            for view in self.charts:
                view.show_picture(None)
            return
        reference = self.context.reference
        width = max(self.charts[0].viewport().width(), 320)
        size = self.charts[0].text_size()
        pictures = trend_charts(
            self.years, lambda code: full_name(reference, code), self.tolerance_value, width, size
        )
        for view, picture in zip(self.charts, pictures, strict=True):
            view.show_picture(picture)


PAGE = TrendPage
