"""``analyse``: is the grensverkeer of a school year roughly balanced, what would each way of
settling mean, how does it develop over the years, and how much crosses the SWV borders?

This module gathers what the pure parts need from the database: the pupil and amount matrices
(``services.matrices.counted_matrix``), the inhabitants of the peildatum's calendar year and the
counted records; the maths is in ``services.settling.balance`` and ``services.settling.swv_flows``.
No printing here: ``grensverkeer.cli.analyse_cmd`` renders the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from grensverkeer.counting import MissingTariff, counted
from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import (
    MissingTariffError,
    amount_matrix,
    load_records,
    pupil_matrix,
    school_years_present,
)
from grensverkeer.services.matrices.year_pupils import require_pupils
from grensverkeer.services.settling.balance import (
    Assessment,
    OutsideFlows,
    Tolerance,
    assess,
    balances,
    cross_border,
    outside_flows,
    regional_ratio,
)
from grensverkeer.services.settling.cells import Cell, Pupils
from grensverkeer.services.settling.swv_flows import SwvOverview, swv_flows
from grensverkeer.services.years.inhabitants import inhabitants
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.storage.database import Database


@dataclass(frozen=True, slots=True)
class YearTrend:
    """One school year in the trend: what crosses borders among its participants.

    Without tariffs for every counted pupil, ``cents``, ``regional_ratio`` and ``balanced`` are
    None and ``missing_tariffs`` says which are missing.
    """

    school_year: SchoolYear
    peildatum: date
    participants: tuple[str, ...]
    pupils: Pupils
    cents: int | None
    regional_ratio: Fraction | None
    balanced: bool | None
    missing_tariffs: tuple[MissingTariff, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything ``grensverkeer analyse`` shows for one school year."""

    school_year: SchoolYear
    peildatum: date
    pro_rata: bool
    assessment: Assessment
    outside: OutsideFlows
    years: tuple[YearTrend, ...]
    swv: SwvOverview


def _present_year(db: Database, year: SchoolYear | None) -> tuple[SchoolYear, list[SchoolYear]]:
    """The year to analyse (``NoPupilsError`` when it has no counted pupils) and every year
    with stored pupils, for the trend."""
    year = require_pupils(db, year)
    return year, school_years_present(db)


def year_trend(db: Database, year: SchoolYear, tolerance: Tolerance) -> YearTrend:
    """Cross-border pupils and euros among the year's participants; pupils only without tariffs."""
    pupils = pupil_matrix(db, year)
    members = pupils.participants
    try:
        amounts = amount_matrix(db, year)
    except MissingTariffError as error:
        return YearTrend(
            year,
            pupils.peildatum,
            members,
            cross_border(pupils.cells, members),
            None,
            None,
            None,
            error.missing,
        )
    cells = {cell: int(cents) for cell, cents in amounts.cells.items()}
    items = balances(pupils.cells, cells, members)
    return YearTrend(
        year,
        pupils.peildatum,
        members,
        cross_border(pupils.cells, members),
        int(cross_border(cells, members)),
        regional_ratio(items),
        all(tolerance.allows(item.net, item.gross) for item in items),
    )


def analyse(
    db: Database,
    year: SchoolYear | None,
    tolerance: Tolerance,
    reference: Reference | None = None,
) -> Analysis:
    """Analyse ``year`` (default: the latest with pupils) against ``tolerance``.

    Raises ``NoPupilsError`` when the year has no counted pupils and
    ``MissingTariffError`` when the year itself lacks tariffs; other years without tariffs
    show their pupils only.
    """
    reference = reference or load_reference()
    year, years = _present_year(db, year)
    settings = year_settings(db, year)
    pupils = pupil_matrix(db, year)
    amounts = amount_matrix(db, year)  # MissingTariffError for the requested year itself
    cells = {cell: int(cents) for cell, cents in amounts.cells.items()}
    members = amounts.participants
    if not members:
        raise GrensverkeerError(f"Schooljaar {year} heeft geen deelnemende gemeenten.")
    inhabitants_year = settings.peildatum.year
    assessment = assess(
        pupils.cells,
        cells,
        members,
        tolerance,
        inhabitants(db, inhabitants_year),
        inhabitants_year,
        reference,
    )
    trend = tuple(
        _trend_of_requested(year, pupils.cells, cells, assessment, settings.peildatum)
        if other == year
        else year_trend(db, other, tolerance)
        for other in years
    )
    records = counted(load_records(db, year), settings.rules)
    return Analysis(
        school_year=year,
        peildatum=settings.peildatum,
        pro_rata=settings.pro_rata,
        assessment=assessment,
        outside=outside_flows(pupils.cells, cells, members),
        years=trend,
        swv=swv_flows(records, reference),
    )


def _trend_of_requested(
    year: SchoolYear,
    pupils: Mapping[Cell, Pupils],
    cells: Mapping[Cell, int],
    assessment: Assessment,
    peildatum: date,
) -> YearTrend:
    """The requested year's trend line, from what was already computed."""
    members = assessment.participants
    return YearTrend(
        year,
        peildatum,
        members,
        cross_border(pupils, members),
        int(cross_border(cells, members)),
        assessment.regional_ratio,
        assessment.balanced,
    )
