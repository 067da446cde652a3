"""Multilateral netting: exact fewest transfers, the greedy traps, determinism and its errors."""

import itertools
import os
import random
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grensverkeer.settlement import (
    EXACT_LIMIT,
    SettlementError,
    Transfer,
    plan_positions,
    realised_positions,
    settle_positions,
)
from grensverkeer.settlement.zero_sum_partition import max_zero_sum_partition

TARIFFS = (12_500_00, 8_000_00, 15_000_00)


def named(amounts: list[int]) -> dict[str, int]:
    """Positions keyed by made-up municipality codes in input order."""
    return {f"GM{index:04d}": cents for index, cents in enumerate(amounts, start=1)}


def nonzero(positions: dict[str, int]) -> dict[str, int]:
    return {code: cents for code, cents in positions.items() if cents}


def most_zero_sum_groups(values: list[int]) -> int:
    """Brute force: the most parts over every partition of ``values`` into zero-sum parts."""

    def best(rest: tuple[int, ...]) -> int:
        if not rest:
            return 0
        first, others = rest[0], rest[1:]
        result = -len(values)
        for size in range(len(others) + 1):
            for chosen in itertools.combinations(range(len(others)), size):
                if first + sum(others[i] for i in chosen) == 0:
                    left = tuple(v for i, v in enumerate(others) if i not in chosen)
                    result = max(result, 1 + best(left))
        return result

    return best(tuple(values))


def most_zero_sum_groups_by_subsets(values: list[int]) -> int:
    """The textbook n * 2^n dynamic programme, as an independent check for larger inputs."""
    sums = [0]
    for value in values:
        sums += [total + value for total in sums]
    best = [0] * len(sums)
    for mask in range(1, len(sums)):
        below = max(best[mask ^ (1 << bit)] for bit in range(len(values)) if mask >> bit & 1)
        best[mask] = below + (sums[mask] == 0)
    return best[-1]


@st.composite
def tariff_positions(draw: st.DrawFn, max_size: int = 7) -> dict[str, int]:
    """Zero-sum positions from small multiples of common tariffs: many repeats, many groups."""
    steps = draw(st.lists(st.integers(-3, 3).filter(bool), min_size=1, max_size=max_size - 1))
    tariffs = draw(st.lists(st.sampled_from(TARIFFS), min_size=len(steps), max_size=len(steps)))
    amounts = [step * tariff for step, tariff in zip(steps, tariffs, strict=True)]
    amounts.append(-sum(amounts))
    return named(amounts)


@st.composite
def shuffled(draw: st.DrawFn, positions: dict[str, int]) -> dict[str, int]:
    order = draw(st.permutations(list(positions)))
    return {code: positions[code] for code in order}


def test_worked_example_from_domain() -> None:
    positions = {"GM0518": 35_000_00, "GM0503": -12_000_00, "GM0603": -23_000_00}
    assert settle_positions(positions) == [
        Transfer("GM0503", "GM0518", 12_000_00),
        Transfer("GM0603", "GM0518", 23_000_00),
    ]


@pytest.mark.parametrize(
    ("amounts", "fewest"),
    [([3, 2, 2, -3, -4], 3), ([3, 3, 2, 2, -4, -6], 4)],
    ids=["greedy-makes-4", "greedy-makes-5"],
)
def test_repeated_amounts_beat_greedy(amounts: list[int], fewest: int) -> None:
    positions = named([cents * 12_500_00 for cents in amounts])
    plan = plan_positions(positions)
    assert len(plan.transfers) == fewest
    assert plan.exact and plan.lower_bound == fewest
    assert realised_positions(plan.transfers) == positions


def test_greedy_trap_plan_is_the_expected_one() -> None:
    positions = {"A": 3, "B": 2, "C": 2, "D": -3, "E": -4}
    assert settle_positions(positions) == [
        Transfer("D", "A", 3),
        Transfer("E", "B", 2),
        Transfer("E", "C", 2),
    ]


def test_zero_positions_are_ignored_and_empty_input_gives_no_transfers() -> None:
    assert settle_positions({}) == []
    assert settle_positions({"A": 0, "B": 0}) == []
    assert settle_positions({"A": 5, "B": 0, "C": -5}) == [Transfer("C", "A", 5)]


def test_unbalanced_positions_raise_a_dutch_error() -> None:
    with pytest.raises(SettlementError) as raised:
        settle_positions({"A": 2000, "B": -766})
    assert str(raised.value) == "De saldi tellen niet op tot nul (verschil: 1234 cent)."
    assert raised.value.code == "positions_unbalanced"
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("bad", [1.5, True, "10"])
def test_positions_must_be_whole_cents(bad: object) -> None:
    with pytest.raises(SettlementError, match="geen geheel aantal centen"):
        settle_positions({"A": bad, "B": -1})  # type: ignore[dict-item]


def test_mirror_pairs_beyond_the_limit_are_still_exact() -> None:
    amounts = [cents * 100 for cents in range(1, EXACT_LIMIT + 1)]
    positions = named(amounts + [-cents for cents in amounts])
    plan = plan_positions(positions)
    assert plan.exact and len(plan.transfers) == EXACT_LIMIT
    assert realised_positions(plan.transfers) == positions


def test_beyond_the_limit_triples_are_peeled_and_proven_by_the_lower_bound() -> None:
    amounts: list[int] = []
    for k in range(1, 9):  # 24 positions, no two mirror images, eight zero-sum triples
        amounts += [k * 1_000_003, k * 1_000_003 + 7, -(2 * k * 1_000_003 + 7)]
    positions = named(amounts)
    plan = plan_positions(positions)
    assert len(positions) > EXACT_LIMIT
    assert len(plan.transfers) == 16 == plan.lower_bound
    assert plan.exact
    assert realised_positions(plan.transfers) == positions


def test_beyond_the_limit_without_structure_reports_a_lower_bound() -> None:
    rng = random.Random(20240801)
    amounts = [rng.randrange(1, 10**9) * rng.choice((1, -1)) for _ in range(EXACT_LIMIT + 4)]
    amounts.append(-sum(amounts))
    positions = named(amounts)
    plan = plan_positions(positions)
    assert realised_positions(plan.transfers) == positions
    assert plan.lower_bound <= len(plan.transfers) <= len(positions) - 1
    assert plan.exact is (plan.lower_bound == len(plan.transfers))
    assert not plan.exact


def test_twenty_equal_tariff_positions_are_fast_and_exact() -> None:
    positions = named([12_500_00] * 10 + [-12_500_00] * 10)
    plan = plan_positions(positions)
    assert plan.exact and len(plan.transfers) == 10


@settings(max_examples=150, deadline=None)
@given(tariff_positions())
def test_exact_count_equals_brute_force(positions: dict[str, int]) -> None:
    plan = plan_positions(positions)
    values = list(nonzero(positions).values())
    assert plan.exact
    assert len(plan.transfers) == len(values) - most_zero_sum_groups(values)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-6, 6).filter(bool), min_size=1, max_size=8))
def test_core_partition_matches_brute_force(values: list[int]) -> None:
    values = [*values, -sum(values)] if sum(values) else values
    groups = max_zero_sum_partition(values)
    assert sorted(index for group in groups for index in group) == list(range(len(values)))
    assert all(sum(values[index] for index in group) == 0 for group in groups)
    assert len(groups) == most_zero_sum_groups(values)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-4, 4).filter(bool), min_size=7, max_size=12))
def test_core_partition_matches_subset_programme(values: list[int]) -> None:
    values = [*values, -sum(values)] if sum(values) else values
    groups = max_zero_sum_partition(values)
    assert all(sum(values[index] for index in group) == 0 for group in groups)
    assert len(groups) == most_zero_sum_groups_by_subsets(values)


@settings(max_examples=60, deadline=None)
@given(tariff_positions(max_size=16))
def test_every_plan_realises_its_positions_with_the_least_money(
    positions: dict[str, int],
) -> None:
    transfers = settle_positions(positions)
    assert realised_positions(transfers) == nonzero(positions)
    assert all(transfer.cents > 0 and transfer.payer != transfer.payee for transfer in transfers)
    assert sum(t.cents for t in transfers) == sum(c for c in positions.values() if c > 0)
    assert len(transfers) <= max(len(nonzero(positions)) - 1, 0)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_plan_does_not_depend_on_input_order(data: st.DataObject) -> None:
    positions = data.draw(tariff_positions(max_size=12))
    reordered = data.draw(shuffled(positions))
    assert plan_positions(reordered) == plan_positions(positions)


def test_plan_does_not_depend_on_hash_seed() -> None:
    script = textwrap.dedent(
        """
        from grensverkeer.settlement import settle_positions
        codes = ["GM0518", "GM0503", "GM1916", "GM1842", "GM1926", "GM0603", "GM0629",
                 "GM1783", "GM0637", "GM0626", "GM0599", "GM0546"]
        steps = [2, -1, 1, -2, 1, 1, -1, 2, -2, 1, -1, -1]
        print(settle_positions({c: s * 1250000 for c, s in zip(codes, steps)}))
        """
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
