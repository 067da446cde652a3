"""The figures the documents print, computed exactly from ``DocumentData`` (no reportlab here).

Kept apart from the layout so tests can check every printed total against these sums, and
these sums against the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from grensverkeer.documents.data import DocumentData, Payment, Pupils
from grensverkeer.services.balance import MunicipalityBalance, balances, regional_ratio
from grensverkeer.services.settling import REGIONAL_CENTRE
from grensverkeer.settlement import Method, settle


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
    sums: dict[str, list[object]] = {}
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
        entry = sums.setdefault(kind, [0, 0])
        entry[0] += pupils.get((residence, school), 0)  # type: ignore[operator]
        entry[1] += cents  # type: ignore[operator]

    def part(kind: str) -> tuple[Pupils, int]:
        found = sums.get(kind, [0, 0])
        return found[0], found[1]  # type: ignore[return-value]

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
    amounts = {cell: cents for cell, cents in data.amount_cells().items()}
    lines = []
    for method in (Method.GROSS, Method.BILATERAL, Method.MULTILATERAL, Method.CENTRAL):
        centre = (data.centre or REGIONAL_CENTRE) if method is Method.CENTRAL else None
        if method is data.method:
            lines.append(ScenarioLine(method, centre, len(data.transfers), data.total_moved, True))
            continue
        other = settle(
            amounts,
            data.participants,
            method,
            centre=centre,
            threshold_cents=data.threshold_cents,
        )
        lines.append(ScenarioLine(method, centre, len(other.transfers), other.total_moved, False))
    return lines


def extreme_positions(data: DocumentData) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """The largest receiver and the largest payer (ties by code), None when nobody is."""
    receivers = [(code, cents) for code, cents in data.positions if cents > 0]
    payers = [(code, cents) for code, cents in data.positions if cents < 0]
    top = min(receivers, key=lambda item: (-item[1], item[0])) if receivers else None
    bottom = min(payers, key=lambda item: (item[1], item[0])) if payers else None
    return top, bottom
