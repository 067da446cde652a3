"""The settlement scenarios of the analysis side by side, per participant (see DOMAIN.md,
"Roughly balanced?"); apart from ``balance`` because they are most of its maths.

Bruto, bilateraal and multilateraal (the settlement engine), geen verrekening, and pooled
splits over a set S of participants in proportion to inhabitants ("pool H10" over all
participants, "pool H8" without Den Haag and Zoetermeer). A pool pays every amount with both
ends in S, the diagonal included, and shares that total T over S by inhabitants (largest
remainder, so the shares add up to T exactly); the position of x in S is what it pre-finances
for S minus its share. Pairs with an end outside S (both ends participants) are settled as
usual, so the positions still add up to exactly zero.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from grensverkeer.money import split_largest_remainder
from grensverkeer.reference import Reference
from grensverkeer.services.settling.cells import Cell, settled_cells
from grensverkeer.settlement import Method, Transfer, compare_methods, plan_positions

DEN_HAAG = "GM0518"
ZOETERMEER = "GM0637"
H8_EXCLUDED = frozenset({DEN_HAAG, ZOETERMEER})
#: the scenarios that are a settlement method (no bagatelgrens: the analysis shows the flows)
SETTLED = (Method.GROSS, Method.BILATERAL, Method.MULTILATERAL)


class Scenario(StrEnum):
    """The ways of settling (or not) that are shown side by side; values are the JSON keys."""

    GROSS = "gross"
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    NONE = "none"
    POOL_H10 = "pool_h10"
    POOL_H8 = "pool_h8"


@dataclass(frozen=True, slots=True)
class PoolSplit:
    """A pooled split over ``members``: the total, what each pre-finances and its share.

    ``inhabitants``, ``prefinanced`` and ``shares`` hold (code, value) for every member in
    code order; ``missing`` lists members without an inhabitants figure (then nothing is split).
    """

    members: tuple[str, ...]
    inhabitants_year: int
    total: int
    inhabitants: tuple[tuple[str, int], ...]
    prefinanced: tuple[tuple[str, int], ...]
    shares: tuple[tuple[str, int], ...]
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """One scenario: every participant's position (code order) and the transfers that realise
    it. ``unavailable`` is the Dutch reason when the scenario cannot be computed (then there are
    no positions); ``pool`` is set for the pooled splits."""

    scenario: Scenario
    positions: tuple[tuple[str, int], ...]
    transfers: tuple[Transfer, ...]
    pool: PoolSplit | None = None
    unavailable: str | None = None

    @property
    def computable(self) -> bool:
        return self.unavailable is None

    @property
    def total_moved(self) -> int:
        return sum(transfer.cents for transfer in self.transfers)

    def position(self, code: str) -> int | None:
        return dict(self.positions).get(code)

    def transfers_of(self, code: str) -> int:
        """How many transfers ``code`` pays or receives."""
        return sum(1 for t in self.transfers if code in (t.payer, t.payee))


def pool_split(
    amounts: Mapping[Cell, int],
    members: Collection[str],
    inhabitants: Mapping[str, int],
    inhabitants_year: int,
) -> PoolSplit:
    """Total T of the amounts with both ends in ``members`` (diagonal included), split over the
    members in proportion to their inhabitants so the shares add up to T exactly."""
    pool = tuple(sorted(set(members)))
    inside = {cell: cents for cell, cents in amounts.items() if cell[0] in pool and cell[1] in pool}
    total = sum(inside.values())
    prefinanced = dict.fromkeys(pool, 0)
    for (_residence, school), cents in inside.items():
        prefinanced[school] += cents
    missing = tuple(code for code in pool if inhabitants.get(code, 0) <= 0)
    counts = {code: inhabitants.get(code, 0) for code in pool}
    shares = {} if missing or not pool else split_largest_remainder(total, counts)
    return PoolSplit(
        members=pool,
        inhabitants_year=inhabitants_year,
        total=total,
        inhabitants=tuple(counts.items()),
        prefinanced=tuple(prefinanced.items()),
        shares=tuple(sorted(shares.items())),
        missing=missing,
    )


def pool_positions(
    amounts: Mapping[Cell, int], participants: Collection[str], split: PoolSplit
) -> dict[str, int]:
    """Positions of every participant when ``split`` pays the pool and the rest is settled as
    usual; they add up to exactly zero."""
    if split.missing or not split.members:
        raise ValueError("a pool without inhabitants for every member cannot be settled")
    members = frozenset(participants)
    pool = frozenset(split.members)
    if not pool <= members:
        raise ValueError("a pool's members must be participants")
    shares = dict(split.shares)
    positions = dict.fromkeys(sorted(members), 0)
    for code, cents in split.prefinanced:
        positions[code] += cents - shares[code]
    for residence, school in settled_cells(amounts, members):
        if residence in pool and school in pool:
            continue
        positions[school] += amounts[residence, school]
        positions[residence] -= amounts[residence, school]
    assert sum(positions.values()) == 0, "pool positions must add up to zero"
    return positions


def _pool_scenario(
    scenario: Scenario,
    amounts: Mapping[Cell, int],
    members: tuple[str, ...],
    pool: Collection[str],
    inhabitants: Mapping[str, int],
    inhabitants_year: int,
    reference: Reference | None,
) -> ScenarioResult:
    split = pool_split(amounts, pool, inhabitants, inhabitants_year)
    if not split.members:
        return ScenarioResult(scenario, (), (), split, "geen deelnemers in deze pool")
    if split.missing:
        names = ", ".join(_label(reference, code) for code in split.missing)
        return ScenarioResult(
            scenario,
            (),
            (),
            split,
            f"geen inwonertal voor {names} in {inhabitants_year} of eerder; "
            "vul het inwonertal in om deze verdeling te berekenen",
        )
    positions = pool_positions(amounts, members, split)
    plan = plan_positions(positions)
    return ScenarioResult(scenario, tuple(positions.items()), plan.transfers, split)


def scenarios(
    amounts: Mapping[Cell, int],
    participants: Collection[str],
    inhabitants: Mapping[str, int],
    inhabitants_year: int,
    reference: Reference | None = None,
) -> tuple[ScenarioResult, ...]:
    """Every scenario of ``Scenario``, in that order, for the participants of one school year.

    A pool that cannot be computed (a member without inhabitants) is returned with its reason,
    never raised; ``reference`` only names municipalities in that reason.
    """
    members = tuple(sorted(set(participants)))
    settled = tuple(
        ScenarioResult(Scenario(s.method.value), s.positions, s.transfers)
        for s in compare_methods(amounts, members, SETTLED)
    )
    nothing = ScenarioResult(Scenario.NONE, tuple((code, 0) for code in members), ())
    return (
        *settled,
        nothing,
        _pool_scenario(
            Scenario.POOL_H10, amounts, members, members, inhabitants, inhabitants_year, reference
        ),
        _pool_scenario(
            Scenario.POOL_H8,
            amounts,
            members,
            [code for code in members if code not in H8_EXCLUDED],
            inhabitants,
            inhabitants_year,
            reference,
        ),
    )


def _label(reference: Reference | None, code: str) -> str:
    return reference.label(code) if reference is not None else code
