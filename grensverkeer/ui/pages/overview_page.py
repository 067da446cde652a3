"""Overzicht: every school year at a glance, what needs attention, and the last imports.

``year_overviews`` gathers the figures from the services (matrix, amounts, plans); the page
only words them. The overview shows all school years; the year selector does not narrow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.counting import MissingTariff
from grensverkeer.mapping.trend import YearFigures, year_chart, year_figures
from grensverkeer.method_names import method_name
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_log import ImportSummary, list_imports
from grensverkeer.services.matrices.counted_matrix import (
    MissingTariffError,
    amount_matrix,
    pupil_matrix,
    school_years_present,
)
from grensverkeer.services.plans.finalized_plans import Plan, finalized_plan
from grensverkeer.services.settling.balance import DEFAULT_TOLERANCE, cross_border, parse_tolerance
from grensverkeer.services.years.tariffs import list_tariffs
from grensverkeer.storage.database import Database
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.heatmap import full_name
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.picture_view import PictureView
from grensverkeer.ui.table_models import (
    Column,
    RowsModel,
    count_column,
    fit_rows,
    group,
    heading,
    pupils_text,
    table_view,
)
from grensverkeer.ui.workers import Loader

Pupils = int | Fraction
LAST_IMPORTS = 10


@dataclass(frozen=True, slots=True)
class YearOverview:
    school_year: SchoolYear
    peildatum: date
    pro_rata: bool
    participants: int
    pupils: Pupils
    cross_border: Pupils  # between two different participants
    outside: Pupils  # with the residence or the school outside the participants
    cross_border_cents: int | None  # None when tariffs are missing
    has_tariffs: bool
    missing: tuple[MissingTariff, ...]
    plan: Plan | None


def year_overviews(db: Database) -> list[YearOverview]:
    """The figures of every school year with pupils, newest first."""
    overviews = []
    for year in reversed(school_years_present(db)):
        pupils = pupil_matrix(db, year)
        members = pupils.participants
        try:
            amounts = amount_matrix(db, year)
        except MissingTariffError as error:
            cents, missing = None, error.missing
        else:
            cents, missing = int(cross_border(amounts.cells, members)), ()
        settings = pupils.settings
        overviews.append(
            YearOverview(
                year,
                pupils.peildatum,
                bool(settings and settings.pro_rata),
                len(members),
                pupils.total(),
                cross_border(pupils.cells, members),
                sum(pupils.outside_cells().values(), 0),
                cents,
                bool(list_tariffs(db, year)),
                missing,
                finalized_plan(db, year),
            )
        )
    return overviews


class OverviewPage(Page):
    name = "overzicht"
    title = "Overzicht"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Overzicht"))
        self.loader = Loader(self, context.pool, "overzicht tellen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Overzicht")))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.years_model: RowsModel[YearOverview] = RowsModel(self._year_columns(), self)
        self.years_view = table_view(self.years_model, self.tr("Schooljaren"))
        layout.addWidget(group(self.tr("Schooljaren"), self.years_view))

        # the newest school year as a chart, drawn like the Trend and Verrekening charts
        self.chart_loader = Loader(self, context.pool, "grafiek van het schooljaar")
        self.chart_figures: YearFigures | None = None
        self.chart = PictureView(fit=False)
        self.chart.setAccessibleName(self.tr("Grafiek van het schooljaar"))
        self.chart.reshaped.connect(self._draw_chart)
        layout.addWidget(self.chart)

        self.attention = QListWidget()
        self.attention.setWordWrap(True)
        self.attention.setAccessibleName(self.tr("Vraagt aandacht"))
        self.attention.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(group(self.tr("Vraagt aandacht"), self.attention), 2)

        self.imports_model: RowsModel[ImportSummary] = RowsModel(self._import_columns(), self)
        self.imports_view = table_view(self.imports_model, self.tr("Laatste imports"))
        layout.addWidget(group(self.tr("Laatste imports"), self.imports_view), 3)

    # Page -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Count in the background (seconds on a large region); ``show_figures`` fills the page."""
        db = self.context.db
        self.summary.setText(self.tr("Bezig met tellen…"))
        self.loader.load(
            lambda: (year_overviews(db), list_imports(db)), self.show_figures, self.show_failure
        )
        self._load_chart()

    def is_busy(self) -> bool:
        return self.loader.busy() or self.chart_loader.busy()

    def _load_chart(self) -> None:
        db = self.context.db

        def newest() -> YearFigures | None:
            years = school_years_present(db)
            return (
                year_figures(db, years[-1], parse_tolerance(DEFAULT_TOLERANCE)) if years else None
            )

        self.chart_loader.load(newest, self._chart_counted, lambda _message: None)

    def _chart_counted(self, figures: YearFigures | None) -> None:
        self.chart_figures = figures
        self.chart.setVisible(figures is not None)
        self._draw_chart()

    def _draw_chart(self) -> None:
        figures = self.chart_figures
        if figures is None:
            return
        reference = self.context.reference
        width = max(self.chart.viewport().width(), 320)
        size = self.chart.text_size() * 0.9  # a small chart: the tables stay the main thing
        picture = year_chart(figures, lambda code: full_name(reference, code), width, size)
        self.chart.show_picture(picture)

    def show_failure(self, message: str) -> None:
        self.summary.setText(message)

    def show_figures(self, figures: tuple[list[YearOverview], list[ImportSummary]]) -> None:
        years, imports = figures
        self.years_model.set_rows(years)
        self.imports_model.set_rows(list(reversed(imports))[:LAST_IMPORTS])
        for view in (self.years_view, self.imports_view):
            view.resizeColumnsToContents()
        fit_rows(self.years_view)
        self.attention.clear()
        for text in self.attention_items(years, imports):
            self.attention.addItem(QListWidgetItem(text))
        if not self.attention.count():
            self.attention.addItem(QListWidgetItem(self.tr("Niets: alles is compleet.")))
        if years:
            self.summary.setText(
                self.tr("{years} met leerlingen; {files} geïmporteerd.").format(
                    years=formatting.count(
                        len(years), self.tr("schooljaar"), self.tr("schooljaren")
                    ),
                    files=formatting.count(len(imports), self.tr("bestand"), self.tr("bestanden")),
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Er zijn nog geen leerlingen geïmporteerd. Begin bij Gegevens "
                    "(Bestand → Importeren…) met een scholenlijst en de overzichten van de "
                    "samenwerkingsverbanden."
                )
            )

    # Wording --------------------------------------------------------------------------

    def attention_items(self, years: list[YearOverview], imports: list[ImportSummary]) -> list[str]:
        items = []
        for year in years:
            if not year.has_tariffs:
                items.append(
                    self.tr(
                        "Schooljaar {year}: geen tarieven ingesteld, dus nog geen bedragen "
                        "(Instellingen → Tarieven)."
                    ).format(year=year.school_year)
                )
            elif year.missing:
                listed = ", ".join(
                    self.tr("{type} ({pupils})").format(
                        type=m.edu_type, pupils=pupils_text(m.pupils)
                    )
                    for m in year.missing
                )
                items.append(
                    self.tr("Schooljaar {year}: geen tarief voor {listed}.").format(
                        year=year.school_year, listed=listed
                    )
                )
        for summary in imports:
            problems = list(summary.warnings)
            if summary.rows_skipped:
                problems.insert(
                    0,
                    self.tr("{rows} overgeslagen").format(
                        rows=formatting.count(
                            summary.rows_skipped, self.tr("rij"), self.tr("rijen")
                        )
                    ),
                )
            if problems:
                items.append(
                    self.tr("{file}: {problems}.").format(
                        file=summary.file_name, problems="; ".join(problems)
                    )
                )
        return items

    def _year_columns(self) -> list[Column[YearOverview]]:
        return [
            Column(self.tr("Schooljaar"), lambda y: str(y.school_year)),
            Column(
                self.tr("Geteld"),
                lambda y: (
                    self.tr("naar rato")
                    if y.pro_rata
                    else self.tr("peildatum {day}").format(day=formatting.short_date(y.peildatum))
                ),
                sort=lambda y: y.peildatum.isoformat(),
            ),
            count_column(self.tr("Deelnemers"), lambda y: y.participants),
            Column(
                self.tr("Leerlingen"),
                lambda y: _number(y.pupils),
                sort=lambda y: float(y.pupils),
                numeric=True,
            ),
            Column(
                self.tr("Grensverkeer"),
                lambda y: _number(y.cross_border),
                sort=lambda y: float(y.cross_border),
                numeric=True,
                tooltip=lambda y: self.tr(
                    "Leerlingen die in de ene deelnemende gemeente wonen en in een andere "
                    "naar school gaan"
                ),
            ),
            Column(
                self.tr("Buiten de regio"),
                lambda y: _number(y.outside),
                sort=lambda y: float(y.outside),
                numeric=True,
                tooltip=lambda y: self.tr(
                    "Leerlingen van wie de woon- of schoolgemeente geen deelnemer is"
                ),
            ),
            Column(
                self.tr("Bedrag grensverkeer"),
                self._amount_text,
                sort=lambda y: -1 if y.cross_border_cents is None else y.cross_border_cents,
                numeric=True,
            ),
            Column(self.tr("Plan vastgesteld"), self._plan_text),
        ]

    def _amount_text(self, year: YearOverview) -> str:
        if year.cross_border_cents is not None:
            return formatting.euros(year.cross_border_cents)
        if not year.has_tariffs:
            return self.tr("geen tarieven")
        return self.tr("tarief ontbreekt ({types})").format(
            types=", ".join(m.edu_type for m in year.missing)
        )

    def _plan_text(self, year: YearOverview) -> str:
        plan = year.plan
        if plan is None:
            return self.tr("nee")
        return self.tr("ja: plan {id}, {method}, {day}").format(
            id=plan.id,
            method=method_name(plan.method),
            day=formatting.short_date(plan.finalized_at.astimezone()),
        )

    def _import_columns(self) -> list[Column[ImportSummary]]:
        return [
            Column(
                self.tr("Datum"),
                lambda i: formatting.moment(i.imported_at),
                sort=lambda i: i.imported_at.isoformat(),
            ),
            Column(self.tr("Bestand"), lambda i: i.file_name),
            Column(self.tr("Soort"), lambda i: i.kind),
            Column(
                self.tr("Schooljaar"),
                lambda i: "" if i.school_year is None else str(SchoolYear(i.school_year)),
            ),
            count_column(self.tr("Gelezen"), lambda i: i.rows_read),
            count_column(self.tr("Opgeslagen"), lambda i: i.rows_stored),
            count_column(self.tr("Overgeslagen"), lambda i: i.rows_skipped),
            Column(
                self.tr("Waarschuwingen"),
                lambda i: "; ".join(i.warnings),
                tooltip=lambda i: "\n".join(i.warnings),
            ),
        ]


def _number(value: Pupils) -> str:
    return formatting.pupils(value)


PAGE = OverviewPage
