"""The school years side by side: per municipality the pupils in grensverkeer and the net
position, and per year the regional share against the tolerance, as bar charts.

Figures are those of ``services.settling.balance`` for each year's own participants (pupils matrix
and, when every tariff is there, the amount matrix). A municipality that was no participant in a
year has no value that year (marked "geen lid" in the chart, not drawn as zero), and every change of
membership is named under the charts: Voorschoten left Haaglanden per 1 January 2024, so it has
values for 2023-2024 and none after.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.mapping import colours as c
from grensverkeer.mapping.charts import BarChart, Series, bar_chart
from grensverkeer.mapping.picture import Picture
from grensverkeer.mapping.units import whole_euros
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import (
    MissingTariffError,
    amount_matrix,
    pupil_matrix,
    school_years_present,
)
from grensverkeer.services.settling.balance import PERCENT, MunicipalityBalance, Tolerance, balances
from grensverkeer.services.settling.balance import regional_ratio as ratio_of
from grensverkeer.storage.database import Database


@dataclass(frozen=True, slots=True)
class YearFigures:
    school_year: SchoolYear
    participants: tuple[str, ...]
    balances: tuple[MunicipalityBalance, ...]  # cents are 0 without tariffs
    priced: bool  # every counted pupil has a tariff: the euro figures mean something
    ratio: Fraction | None  # Σ|net| / Σ gross in euros; None without tariffs or flows
    balanced: bool | None

    def balance(self, code: str) -> MunicipalityBalance | None:
        return next((b for b in self.balances if b.code == code), None)


def year_figures(db: Database, year: SchoolYear, tolerance: Tolerance) -> YearFigures:
    """One school year's balances among its own participants."""
    pupils = pupil_matrix(db, year)
    members = pupils.participants
    try:
        cells = {cell: int(cents) for cell, cents in amount_matrix(db, year).cells.items()}
        priced = True
    except MissingTariffError:
        cells, priced = {}, False
    items = balances(pupils.cells, cells, members)
    ratio = ratio_of(items) if priced else None
    balanced = all(tolerance.allows(i.net, i.gross) for i in items) if priced else None
    return YearFigures(year, members, items, priced, ratio, balanced)


def trend_figures(db: Database, tolerance: Tolerance) -> list[YearFigures]:
    """Every school year with pupils, oldest first."""
    return [year_figures(db, year, tolerance) for year in school_years_present(db)]


def year_chart(
    figures: YearFigures, name: Callable[[str], str], width: float, size: float = 8.0
) -> Picture:
    """One school year at a glance: per participant the pupils coming to school here and
    those going to school elsewhere in the region (the overview page's chart)."""
    codes = sorted(figures.participants, key=name)
    into = tuple(float(b.pupils_in) for code in codes if (b := figures.balance(code)))
    out = tuple(float(b.pupils_out) for code in codes if (b := figures.balance(code)))
    chart = BarChart(
        tuple(name(code) for code in codes),
        (
            Series("naar school hier, wonend elders in de regio", into, c.SERIES[0]),
            Series("wonend hier, naar school elders in de regio", out, c.SERIES[1]),
        ),
        "leerlingen",
        _pupils,
        title=f"Schooljaar {figures.school_year}: leerlingen in grensverkeer binnen de regio",
        value_text=_pupils,
    )
    return bar_chart(chart, width, size)


def membership_notes(years: Sequence[YearFigures], name: Callable[[str], str]) -> list[str]:
    """``Voorschoten: geen deelnemer meer vanaf 2024-2025`` for every change between years."""
    notes = []
    for before, after in itertools.pairwise(years):
        for code in sorted(set(before.participants) - set(after.participants)):
            notes.append(f"{name(code)}: geen deelnemer meer vanaf {after.school_year}")
        for code in sorted(set(after.participants) - set(before.participants)):
            notes.append(f"{name(code)}: deelnemer vanaf {after.school_year}")
    return notes


def _pupils(value: float) -> str:
    return formatting.number(round(value, 1) if value % 1 else int(value))


def trend_charts(
    years: Sequence[YearFigures],
    name: Callable[[str], str],
    tolerance: Tolerance,
    width: float,
    size: float = 8.0,
) -> list[Picture]:
    """Three charts: pupils in grensverkeer, net position (euros when every year is priced,
    else pupils), and the regional share per year."""
    if not years:
        return []
    codes = sorted({code for y in years for code in y.participants}, key=lambda k: name(k))
    categories = tuple(name(code) for code in codes)
    notes = tuple(membership_notes(years, name))
    colours = c.SERIES

    def series(
        value: Callable[[MunicipalityBalance], float | Fraction], signed: bool
    ) -> tuple[Series, ...]:
        return tuple(
            Series(
                str(y.school_year),
                tuple(
                    None if (b := y.balance(code)) is None else float(value(b)) for code in codes
                ),
                colours[index % len(colours)],
            )
            for index, y in enumerate(years)
        )

    gross = BarChart(
        categories,
        series(lambda b: b.pupils_in + b.pupils_out, False),
        "leerlingen in grensverkeer binnen de regio (naar school hier én elders)",
        _pupils,
        title="Leerlingen in grensverkeer per gemeente",
        value_text=_pupils,
        notes=notes,
    )
    priced = all(y.priced for y in years)
    net = BarChart(
        categories,
        series((lambda b: b.net) if priced else (lambda b: b.pupils_in - b.pupils_out), True),
        "saldo in euro’s (positief: ontvangt)" if priced else "saldo in leerlingen (in − uit)",
        whole_euros if priced else _pupils,
        title="Saldo per gemeente per schooljaar",
        value_text=whole_euros if priced else _pupils,
        notes=notes,
    )
    shares = tuple(None if y.ratio is None else float(y.ratio) * 100 for y in years)
    reference = None
    if tolerance.kind == PERCENT and tolerance.percent is not None:
        reference = (
            float(tolerance.percent),
            f"tolerantie {formatting.number(tolerance.percent)}%",
        )
    share = BarChart(
        tuple(
            f"{y.school_year} ({len(y.participants)} deelnemers)"
            + (
                ""
                if y.balanced is None
                else ", in evenwicht"
                if y.balanced
                else ", niet in evenwicht"
            )
            for y in years
        ),
        (Series("regionaal aandeel", shares, c.SERIES[0]),),
        "regionaal aandeel: Σ |saldo| / Σ bruto, in procenten",
        lambda v: formatting.number(round(v)) + "%",
        title="Regionaal aandeel per schooljaar",
        value_text=lambda v: formatting.percent(v / 100),
        reference=reference,
        missing_text="geen tarieven",
        notes=notes,
    )
    return [bar_chart(chart, width, size) for chart in (gross, net, share)]
