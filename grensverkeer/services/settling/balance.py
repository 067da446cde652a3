"""Roughly balanced? The pure maths of the analysis: flows per participant, the tolerance, and
the settlement scenarios side by side (see DOMAIN.md, "Roughly balanced?").

Everything here works on plain matrices, ``(residence, school) -> value``, so it is tested
without a database: pupils are whole numbers (or fractions naar rato), amounts integer cents.

* Only pairs with both ends participants and ``r != s`` count as in or out; ``net`` is the
  settlement position n(x) and ``gross`` what flows through x either way.
* A tolerance is a share of a participant's own gross (``10%``) or a fixed amount (``25000``
  euros). When every participant's ``|net|`` stays within it, the region is "grosso modo in
  evenwicht" and the proposal is not to settle at all.
* Scenarios per participant: bruto, bilateraal and multilateraal (the settlement engine), geen
  verrekening, and pooled splits over a set S of participants in proportion to inhabitants
  ("pool H10" over all participants, "pool H8" without Den Haag and Zoetermeer). A pool pays
  every amount with both ends in S, the diagonal included, and shares that total T over S by
  inhabitants (largest remainder, so the shares add up to T exactly); the position of x in S is
  what it pre-finances for S minus its share. Pairs with an end outside S (both ends
  participants) are settled as usual, so the positions still add up to exactly zero.

The scenarios are computed in ``services.settling.scenarios``, the settled cells in
``services.settling.cells``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

from grensverkeer.errors import GrensverkeerError
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.reference import Reference
from grensverkeer.services.settling.cells import Cell, Pupils, settled_cells
from grensverkeer.services.settling.scenarios import Scenario, ScenarioResult, scenarios

PERCENT = "percent"
AMOUNT = "amount"
DEFAULT_TOLERANCE = "10%"

_PERCENT_TEXT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


# Tolerance ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a participant's net may stray: ``percent`` of its own gross, or ``cents``."""

    kind: str  # PERCENT or AMOUNT
    percent: Decimal | None = None
    cents: int | None = None

    def allows(self, net: int, gross: int) -> bool:
        """Whether ``|net|`` stays within the tolerance; exact, no floats."""
        if self.kind == PERCENT:
            assert self.percent is not None
            return abs(net) * 100 <= Fraction(self.percent) * gross
        assert self.cents is not None
        return abs(net) <= self.cents


def parse_tolerance(text: str) -> Tolerance:
    """``10%`` (also ``7,5 %``) is a share of each participant's gross; a plain number is an
    amount in euros (``25000``, ``25.000,00``, ``€ 25.000``) read with ``parse_euros``."""
    invalid = GrensverkeerError(
        f"‘{text}’ is geen geldige tolerantie; gebruik bijvoorbeeld 10% of 25000"
    )
    raw = str(text).strip()
    if "%" in raw:
        match = _PERCENT_TEXT.match(raw)
        if not match:
            raise invalid
        try:
            percent = Decimal(match.group(1).replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise invalid from None
        if percent > 100:
            raise GrensverkeerError(
                f"‘{text}’ is geen geldige tolerantie: een percentage ligt tussen 0% en 100%."
            )
        return Tolerance(PERCENT, percent=percent)
    try:
        cents = parse_euros(raw)
    except AmountError:
        raise invalid from None
    if cents < 0:
        raise invalid
    return Tolerance(AMOUNT, cents=cents)


# Flows per participant ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MunicipalityBalance:
    """Pupils and cents flowing into and out of one participant, among the participants."""

    code: str
    pupils_in: Pupils
    pupils_out: Pupils
    cents_in: int
    cents_out: int

    @property
    def net(self) -> int:
        """The settlement position n(x): positive receives."""
        return self.cents_in - self.cents_out

    @property
    def gross(self) -> int:
        return self.cents_in + self.cents_out

    @property
    def net_share(self) -> Fraction | None:
        """``|net| / gross``; None when nothing flows."""
        return Fraction(abs(self.net), self.gross) if self.gross else None


def balances(
    pupils: Mapping[Cell, Pupils], amounts: Mapping[Cell, int], participants: Collection[str]
) -> tuple[MunicipalityBalance, ...]:
    """In, out, net and gross of every participant (code order, zero flows included)."""
    members = frozenset(participants)
    pupils_in: dict[str, Pupils] = dict.fromkeys(members, 0)
    pupils_out: dict[str, Pupils] = dict.fromkeys(members, 0)
    cents_in = dict.fromkeys(members, 0)
    cents_out = dict.fromkeys(members, 0)
    for cell in settled_cells(pupils, members):
        pupils_out[cell[0]] += pupils[cell]
        pupils_in[cell[1]] += pupils[cell]
    for cell in settled_cells(amounts, members):
        cents_out[cell[0]] += amounts[cell]
        cents_in[cell[1]] += amounts[cell]
    return tuple(
        MunicipalityBalance(
            code, pupils_in[code], pupils_out[code], cents_in[code], cents_out[code]
        )
        for code in sorted(members)
    )


def regional_ratio(items: Iterable[MunicipalityBalance]) -> Fraction | None:
    """``Σ|net(x)| / Σ gross(x)`` over the participants; None when nothing flows."""
    items = list(items)
    gross = sum(item.gross for item in items)
    return Fraction(sum(abs(item.net) for item in items), gross) if gross else None


def cross_border(cells: Mapping[Cell, Pupils], participants: Collection[str]) -> Pupils:
    """Pupils (or cents) between two different participants."""
    members = frozenset(participants)
    return sum((cells[cell] for cell in settled_cells(cells, members)), 0)


@dataclass(frozen=True, slots=True)
class OutsideFlows:
    """Between a participant and a non-participant: reported, never settled or dropped.

    ``*_in``: living outside the participants at a school of a participant; ``*_out``: living
    in a participant at a school outside them. Cents are None when no amounts are known.
    """

    pupils_in: Pupils
    pupils_out: Pupils
    cents_in: int | None
    cents_out: int | None


def outside_flows(
    pupils: Mapping[Cell, Pupils],
    amounts: Mapping[Cell, int] | None,
    participants: Collection[str],
) -> OutsideFlows:
    members = frozenset(participants)

    def into(cells: Mapping[Cell, Pupils]) -> Pupils:
        return sum((v for (r, s), v in cells.items() if r not in members and s in members), 0)

    def out_of(cells: Mapping[Cell, Pupils]) -> Pupils:
        return sum((v for (r, s), v in cells.items() if r in members and s not in members), 0)

    return OutsideFlows(
        into(pupils),
        out_of(pupils),
        None if amounts is None else int(into(amounts)),
        None if amounts is None else int(out_of(amounts)),
    )


# The assessment ----------------------------------------------------------------------------


class Proposal(StrEnum):
    """What the analysis proposes; the CLI words it."""

    NO_SETTLEMENT = "no_settlement"
    MULTILATERAL = "multilateral"


@dataclass(frozen=True, slots=True)
class Assessment:
    """Is one school year roughly balanced, and what would each way of settling mean?"""

    participants: tuple[str, ...]
    tolerance: Tolerance
    balances: tuple[MunicipalityBalance, ...]
    regional_ratio: Fraction | None
    outside_tolerance: tuple[str, ...]
    scenarios: tuple[ScenarioResult, ...]

    @property
    def balanced(self) -> bool:
        return not self.outside_tolerance

    @property
    def proposal(self) -> Proposal:
        return Proposal.NO_SETTLEMENT if self.balanced else Proposal.MULTILATERAL

    def balance(self, code: str) -> MunicipalityBalance:
        return next(item for item in self.balances if item.code == code)

    def scenario(self, scenario: Scenario) -> ScenarioResult:
        return next(item for item in self.scenarios if item.scenario is scenario)


def assess(
    pupils: Mapping[Cell, Pupils],
    amounts: Mapping[Cell, int],
    participants: Collection[str],
    tolerance: Tolerance,
    inhabitants: Mapping[str, int],
    inhabitants_year: int,
    reference: Reference | None = None,
) -> Assessment:
    """The whole analysis of one school year from its pupil and amount matrices."""
    members = tuple(sorted(set(participants)))
    items = balances(pupils, amounts, members)
    results = scenarios(amounts, members, inhabitants, inhabitants_year, reference)
    multilateral = dict(next(r for r in results if r.scenario is Scenario.MULTILATERAL).positions)
    assert all(multilateral[item.code] == item.net for item in items), "net must be n(x)"
    return Assessment(
        participants=members,
        tolerance=tolerance,
        balances=items,
        regional_ratio=regional_ratio(items),
        outside_tolerance=tuple(
            item.code for item in items if not tolerance.allows(item.net, item.gross)
        ),
        scenarios=results,
    )


def balanced(
    amounts: Mapping[Cell, int], participants: Collection[str], tolerance: Tolerance
) -> bool:
    """Whether every participant's net stays within ``tolerance``."""
    return all(
        tolerance.allows(item.net, item.gross) for item in balances({}, amounts, participants)
    )
