"""The figures the documents print, computed exactly from ``DocumentData`` (no reportlab here).

Kept apart from the layout so tests can check every printed total against these sums, and
these sums against the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.documents.data import DocumentData, Payment, Pupils
from grensverkeer.mapping.charts import BarChart, Series, bar_chart
from grensverkeer.mapping.flowmap import MapRequest, build_map
from grensverkeer.mapping.picture import Picture
from grensverkeer.mapping.trend import YearFigures, trend_charts
from grensverkeer.mapping.units import AMOUNT, whole_euros
from grensverkeer.reference import load_reference
from grensverkeer.services.settling.balance import MunicipalityBalance, balances, regional_ratio
from grensverkeer.services.settling.year_settlement import REGIONAL_CENTRE
from grensverkeer.settlement import ALL_METHODS, Method, compare_methods

MAP_FLOWS = 15  # the arrows on the map in the verrekenvoorstel: the largest flows


@dataclass(frozen=True, slots=True)
class Exchange:
    """What flows between one municipality and one other, seen from the first."""

    other: str
    pupils_in: Pupils  # living in ``other``, at a school here
    cents_in: int
    pupils_out: Pupils  # living here, at a school in ``other``
    cents_out: int

    @property
    def net(self) -> int:
        return self.cents_in - self.cents_out


@dataclass(frozen=True, slots=True)
class Overview:
    """The region at a glance, for the summary."""

    own_pupils: Pupils
    own_cents: int
    cross_pupils: Pupils
    cross_cents: int
    outside_in_pupils: Pupils
    outside_in_cents: int
    outside_out_pupils: Pupils
    outside_out_cents: int
    beyond_pupils: Pupils  # residence and school in two different non-participants
    beyond_cents: int


@dataclass(frozen=True, slots=True)
class ScenarioLine:
    method: Method
    centre: str | None
    transfers: int
    total_moved: int
    chosen: bool


def region_balances(data: DocumentData) -> tuple[MunicipalityBalance, ...]:
    return balances(data.pupil_cells() or {}, data.amount_cells(), data.participants)


def ratio(data: DocumentData) -> Fraction | None:
    """Σ|saldo| / Σ bruto over the participants; None when nothing flows."""
    return regional_ratio(region_balances(data))


def overview(data: DocumentData) -> Overview:
    members = set(data.participants)
    pupils = data.pupil_cells() or {}
    pupil_sums: dict[str, Pupils] = {}
    cent_sums: dict[str, int] = {}
    for (residence, school), cents in data.amount_cells().items():
        inside_r, inside_s = residence in members, school in members
        if inside_r and inside_s:
            kind = "own" if residence == school else "cross"
        elif inside_s:
            kind = "in"
        elif inside_r:
            kind = "out"
        elif residence != school:
            kind = "beyond"
        else:
            continue  # at school in its own municipality outside the region: no flow
        pupil_sums[kind] = pupil_sums.get(kind, 0) + pupils.get((residence, school), 0)
        cent_sums[kind] = cent_sums.get(kind, 0) + int(cents)

    def part(kind: str) -> tuple[Pupils, int]:
        return pupil_sums.get(kind, 0), cent_sums.get(kind, 0)

    return Overview(*part("own"), *part("cross"), *part("in"), *part("out"), *part("beyond"))


def exchanges(data: DocumentData, code: str, *, participants: bool = True) -> list[Exchange]:
    """Per other municipality with any flow to or from ``code``: among the participants, or
    (``participants=False``) outside them. Ordered by code."""
    members = set(data.participants)
    amounts = data.amount_cells()
    pupils = data.pupil_cells() or {}
    others = {
        other
        for cell in amounts
        for other in cell
        if code in cell and other != code and (other in members) == participants
    }
    return [
        Exchange(
            other,
            pupils.get((other, code), 0),
            amounts.get((other, code), 0),
            pupils.get((code, other), 0),
            amounts.get((code, other), 0),
        )
        for other in sorted(others)
    ]


def own_cell(data: DocumentData, code: str) -> tuple[Pupils, int]:
    pupils = data.pupil_cells() or {}
    return pupils.get((code, code), 0), data.amount_cells().get((code, code), 0)


def transfers_of(data: DocumentData, code: str) -> list[Payment]:
    return [t for t in data.transfers if code in (t.payer, t.payee)]


def waived_of(data: DocumentData, code: str) -> list[Payment]:
    return [w for w in data.waived if code in (w.payer, w.payee)]


def counterparties(data: DocumentData, code: str) -> list[str]:
    """Who ``code`` pays or is paid by under this settlement, in code order."""
    return sorted(
        {t.payee if t.payer == code else t.payer for t in transfers_of(data, code)} - {code}
    )


def scenario_lines(data: DocumentData) -> list[ScenarioLine]:
    """The chosen settlement as stored, and the other methods computed from the same amounts
    with the same bagatelgrens, for comparison."""
    centre = data.centre or REGIONAL_CENTRE
    others = [method for method in ALL_METHODS if method is not data.method]
    compared = {
        s.method: s
        for s in compare_methods(
            data.amount_cells(),
            data.participants,
            others,
            centre=centre,
            threshold_cents=data.threshold_cents,
        )
    }
    lines = []
    for method in ALL_METHODS:
        shown_centre = centre if method is Method.CENTRAL else None
        other = compared.get(method)
        if other is None:  # the chosen method: as the plan stored it
            lines.append(
                ScenarioLine(method, shown_centre, len(data.transfers), data.total_moved, True)
            )
        else:
            lines.append(
                ScenarioLine(method, shown_centre, len(other.transfers), other.total_moved, False)
            )
    return lines


def extreme_positions(data: DocumentData) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """The largest receiver and the largest payer (ties by code), None when nobody is."""
    receivers = [(code, cents) for code, cents in data.positions if cents > 0]
    payers = [(code, cents) for code, cents in data.positions if cents < 0]
    top = min(receivers, key=lambda item: (-item[1], item[0])) if receivers else None
    bottom = min(payers, key=lambda item: (item[1], item[0])) if payers else None
    return top, bottom


def map_picture(data: DocumentData, width: float, height: float) -> Picture:
    """The flow map of the plan in euros: the same drawing as the window's Kaart page and
    ``grensverkeer map --measure amount``, from the plan's own amounts."""
    names = {party.code: party.short_name for party in data.parties}
    codes = {code for cell in data.amount_cells() for code in cell}
    reference = load_reference()
    for code in codes - set(names):
        municipality = reference.municipality(code)
        names[code] = municipality.short_name if municipality else code
    request = MapRequest(
        data.amount_cells(),
        data.participants,
        AMOUNT,
        names,
        top=MAP_FLOWS,
        width=width,
        height=height,
    )
    return build_map(request).picture


def positions_picture(
    data: DocumentData, balances: Sequence[MunicipalityBalance], width: float
) -> Picture:
    """The net positions as bars in the window's colours (purple receives, orange pays),
    every name in full and the axis in whole euros."""
    chart = BarChart(
        tuple(data.party(b.code).name for b in balances),
        (Series("saldo", tuple(float(b.net) for b in balances), signed=True),),
        "saldo in euro’s (positief: ontvangt, negatief: betaalt)",
        whole_euros,
        value_text=lambda cents: formatting.euros(int(cents)),  # exact, as in the table
    )
    return bar_chart(chart, width, 7.5)


def trend_pictures(data: DocumentData, trend: Sequence[YearFigures], width: float) -> list[Picture]:
    """The trend charts of the window's Trend page, for the PDF."""
    reference = load_reference()

    def name(code: str) -> str:
        party = next((p for p in data.parties if p.code == code), None)
        if party is not None:
            return party.name
        municipality = reference.municipality(code)
        return municipality.name if municipality else code

    return trend_charts(trend, name, data.tolerance, width, 7.5)
