"""The pure maths of ``analyse``: flows, tolerance, scenarios and pooled splits."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import load_reference
from grensverkeer.services.settling.balance import (
    AMOUNT,
    PERCENT,
    Proposal,
    Tolerance,
    assess,
    balanced,
    parse_tolerance,
)
from grensverkeer.services.settling.scenarios import Scenario, pool_positions, pool_split, scenarios
from grensverkeer.settlement import positions_from_matrix, realised_positions

DELFT, DEN_HAAG, RIJSWIJK = "GM0503", "GM0518", "GM0603"
WESTLAND, ZOETERMEER, LEIDEN = "GM1783", "GM0637", "GM0546"
EURO = 100

# DOMAIN.md, "Settlement": the worked example.
EXAMPLE = {
    (DELFT, DEN_HAAG): 30_000 * EURO,
    (DEN_HAAG, DELFT): 10_000 * EURO,
    (RIJSWIJK, DEN_HAAG): 20_000 * EURO,
    (DEN_HAAG, RIJSWIJK): 5_000 * EURO,
    (RIJSWIJK, DELFT): 8_000 * EURO,
}
THREE = (DELFT, DEN_HAAG, RIJSWIJK)
INHABITANTS = {DELFT: 104_000, DEN_HAAG: 553_417, RIJSWIJK: 56_941}
TEN_PERCENT = Tolerance(PERCENT, percent=Decimal(10))


def _example_pupils() -> dict[tuple[str, str], int]:
    return {cell: cents // (1_000 * EURO) for cell, cents in EXAMPLE.items()}


def test_domain_example_flows_positions_and_regional_ratio() -> None:
    result = assess(_example_pupils(), EXAMPLE, THREE, TEN_PERCENT, INHABITANTS, 2024)
    den_haag = result.balance(DEN_HAAG)
    assert (den_haag.pupils_in, den_haag.pupils_out) == (50, 15)
    assert (den_haag.cents_in, den_haag.cents_out) == (50_000 * EURO, 15_000 * EURO)
    assert {b.code: b.net for b in result.balances} == {
        DEN_HAAG: 35_000 * EURO,
        DELFT: -12_000 * EURO,
        RIJSWIJK: -23_000 * EURO,
    }
    assert {b.code: b.gross for b in result.balances} == {
        DEN_HAAG: 65_000 * EURO,
        DELFT: 48_000 * EURO,
        RIJSWIJK: 33_000 * EURO,
    }
    assert den_haag.net_share == Fraction(35, 65)
    assert result.regional_ratio == Fraction(35 + 12 + 23, 65 + 48 + 33)
    assert {b.code: b.net for b in result.balances} == positions_from_matrix(EXAMPLE, THREE)


def test_domain_example_scenarios_transfers_and_money_moved() -> None:
    result = assess(_example_pupils(), EXAMPLE, THREE, TEN_PERCENT, INHABITANTS, 2024)
    moved = {r.scenario: (len(r.transfers), r.total_moved) for r in result.scenarios}
    assert moved[Scenario.GROSS] == (5, 73_000 * EURO)
    assert moved[Scenario.BILATERAL] == (3, 43_000 * EURO)
    assert moved[Scenario.MULTILATERAL] == (2, 35_000 * EURO)
    assert moved[Scenario.NONE] == (0, 0)
    parties = {r.scenario: {code: r.transfers_of(code) for code in THREE} for r in result.scenarios}
    assert parties[Scenario.GROSS] == {DEN_HAAG: 4, DELFT: 3, RIJSWIJK: 3}
    assert parties[Scenario.BILATERAL] == {DEN_HAAG: 2, DELFT: 2, RIJSWIJK: 2}
    assert parties[Scenario.MULTILATERAL] == {DEN_HAAG: 2, DELFT: 1, RIJSWIJK: 1}
    for method in (Scenario.GROSS, Scenario.BILATERAL, Scenario.MULTILATERAL):
        assert dict(result.scenario(method).positions) == positions_from_matrix(EXAMPLE, THREE)
    assert dict(result.scenario(Scenario.NONE).positions) == dict.fromkeys(THREE, 0)
    # The example is far from balanced: every municipality is outside 10%.
    assert result.outside_tolerance == (DELFT, DEN_HAAG, RIJSWIJK)
    assert result.proposal is Proposal.MULTILATERAL


@pytest.mark.parametrize(
    ("text", "kind", "percent", "cents"),
    [
        ("10%", PERCENT, Decimal(10), None),
        (" 7,5 % ", PERCENT, Decimal("7.5"), None),
        ("0%", PERCENT, Decimal(0), None),
        ("25000", AMOUNT, None, 2_500_000),
        ("€ 25.000,00", AMOUNT, None, 2_500_000),
        ("0", AMOUNT, None, 0),
    ],
)
def test_tolerance_is_a_percentage_or_an_amount(text, kind, percent, cents) -> None:
    assert parse_tolerance(text) == Tolerance(kind, percent=percent, cents=cents)


@pytest.mark.parametrize("text", ["abc", "", "%", "10%%", "-5", "-5%", "1.250", "ten"])
def test_tolerance_that_cannot_be_read_is_a_dutch_error(text) -> None:
    with pytest.raises(GrensverkeerError) as error:
        parse_tolerance(text)
    assert str(error.value) == (
        f"‘{text}’ is geen geldige tolerantie; gebruik bijvoorbeeld 10% of 25000"
    )


def test_a_percentage_above_hundred_is_refused() -> None:
    with pytest.raises(GrensverkeerError, match="tussen 0% en 100%"):
        parse_tolerance("150%")


def test_percent_tolerance_compares_with_each_own_gross_exactly() -> None:
    # net 10, gross 100: exactly 10% is within 10%, not within 9.9%.
    amounts = {(DELFT, RIJSWIJK): 55, (RIJSWIJK, DELFT): 45}
    assert balanced(amounts, (DELFT, RIJSWIJK), parse_tolerance("10%"))
    assert not balanced(amounts, (DELFT, RIJSWIJK), parse_tolerance("9,9%"))


def test_balanced_and_not_balanced_with_a_percentage() -> None:
    # Den Haag → Delft 100,000 and back 95,000: net 5,000 of gross 195,000 (2.6%).
    amounts = {(DEN_HAAG, DELFT): 100_000 * EURO, (DELFT, DEN_HAAG): 95_000 * EURO}
    pupils = {(DEN_HAAG, DELFT): 8, (DELFT, DEN_HAAG): 7}
    calm = assess(pupils, amounts, THREE, parse_tolerance("10%"), INHABITANTS, 2024)
    assert calm.balanced and calm.outside_tolerance == ()
    assert calm.proposal is Proposal.NO_SETTLEMENT
    strict = assess(pupils, amounts, THREE, parse_tolerance("2%"), INHABITANTS, 2024)
    assert not strict.balanced
    assert strict.outside_tolerance == (DELFT, DEN_HAAG)  # Rijswijk has no flows: 0 ≤ 0
    assert strict.proposal is Proposal.MULTILATERAL


def test_balanced_and_not_balanced_with_an_amount() -> None:
    pupils = _example_pupils()
    some = assess(pupils, EXAMPLE, THREE, parse_tolerance("25000"), INHABITANTS, 2024)
    assert some.outside_tolerance == (DEN_HAAG,)  # 35,000 > 25,000; 12,000 and 23,000 fit
    assert some.proposal is Proposal.MULTILATERAL
    every = assess(pupils, EXAMPLE, THREE, parse_tolerance("35000"), INHABITANTS, 2024)
    assert every.balanced and every.proposal is Proposal.NO_SETTLEMENT


def test_pool_shares_add_up_to_the_total_and_positions_to_zero() -> None:
    amounts = {
        (DELFT, DELFT): 40,  # the diagonal is paid by the pool too
        (DELFT, RIJSWIJK): 30,
        (RIJSWIJK, WESTLAND): 30,
        (LEIDEN, DELFT): 1_000,  # a non-participant: never in the pool
    }
    members = (DELFT, RIJSWIJK, WESTLAND)
    split = pool_split(amounts, members, dict.fromkeys(members, 1), 2024)
    assert split.total == 100
    # 100 / 3: every share gets 33, the cent left goes to the first code on a tie.
    assert dict(split.shares) == {DELFT: 34, RIJSWIJK: 33, WESTLAND: 33}
    assert sum(dict(split.shares).values()) == split.total
    assert dict(split.prefinanced) == {DELFT: 40, RIJSWIJK: 30, WESTLAND: 30}
    positions = pool_positions(amounts, members, split)
    assert positions == {DELFT: 6, RIJSWIJK: -3, WESTLAND: -3}
    assert sum(positions.values()) == 0


def test_pool_h8_leaves_out_den_haag_and_zoetermeer_who_settle_as_usual() -> None:
    participants = (DELFT, DEN_HAAG, RIJSWIJK, WESTLAND, ZOETERMEER)
    amounts = {
        (DELFT, DELFT): 40,
        (DELFT, RIJSWIJK): 30,
        (RIJSWIJK, WESTLAND): 30,
        (DELFT, DEN_HAAG): 500,
        (DEN_HAAG, RIJSWIJK): 200,
        (ZOETERMEER, WESTLAND): 70,
        (DEN_HAAG, DEN_HAAG): 9_999,  # inside H10, outside H8
    }
    inhabitants = dict.fromkeys(participants, 1)
    results = {r.scenario: r for r in scenarios(amounts, participants, inhabitants, 2024)}
    h8 = results[Scenario.POOL_H8]
    assert h8.pool is not None
    assert h8.pool.members == (DELFT, RIJSWIJK, WESTLAND)
    assert h8.pool.total == 100
    assert dict(h8.positions) == {
        DELFT: 6 - 500,
        DEN_HAAG: 500 - 200,
        RIJSWIJK: -3 + 200,
        WESTLAND: -3 + 70,
        ZOETERMEER: -70,
    }
    net = positions_from_matrix(amounts, participants)
    assert h8.position(DEN_HAAG) == net[DEN_HAAG]
    assert h8.position(ZOETERMEER) == net[ZOETERMEER]
    assert realised_positions(h8.transfers) == {k: v for k, v in h8.positions if v}
    h10 = results[Scenario.POOL_H10]
    assert h10.pool is not None and h10.pool.members == tuple(sorted(participants))
    assert h10.pool.total == 40 + 30 + 30 + 500 + 200 + 70 + 9_999
    assert sum(dict(h10.positions).values()) == 0


def test_missing_inhabitants_make_a_pool_not_computable_with_a_reason() -> None:
    participants = (DELFT, DEN_HAAG, RIJSWIJK, WESTLAND)
    without_westland = {DELFT: 1, DEN_HAAG: 2, RIJSWIJK: 3}
    result = assess(
        {},
        EXAMPLE,
        participants,
        TEN_PERCENT,
        without_westland,
        2024,
        load_reference(),
    )
    for scenario in (Scenario.POOL_H10, Scenario.POOL_H8):
        pool = result.scenario(scenario)
        assert not pool.computable
        assert pool.positions == () and pool.transfers == ()
        assert pool.unavailable == (
            "geen inwonertal voor Westland (GM1783) in 2024 of eerder; "
            "vul het inwonertal in om deze verdeling te berekenen"
        )
        assert pool.pool is not None and pool.pool.missing == (WESTLAND,)
    # Only Den Haag missing: H10 cannot be split, H8 (without Den Haag) can.
    only_den_haag = {DELFT: 1, RIJSWIJK: 3, WESTLAND: 4}
    result = assess({}, EXAMPLE, participants, TEN_PERCENT, only_den_haag, 2024)
    assert not result.scenario(Scenario.POOL_H10).computable
    assert "GM0518" in (result.scenario(Scenario.POOL_H10).unavailable or "")
    assert result.scenario(Scenario.POOL_H8).computable


CODES = (DELFT, DEN_HAAG, RIJSWIJK, WESTLAND, ZOETERMEER, LEIDEN)


@settings(max_examples=60, deadline=None)
@given(
    amounts=st.dictionaries(
        st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)),
        st.integers(min_value=1, max_value=10**9),
        max_size=20,
    ),
    inhabitants=st.lists(st.integers(min_value=1, max_value=10**6), min_size=6, max_size=6),
)
def test_pools_always_split_exactly_and_balance(amounts, inhabitants) -> None:
    participants = CODES[:5]  # Leiden is no participant
    counts = dict(zip(CODES, inhabitants, strict=True))
    net = positions_from_matrix(amounts, participants)
    for result in scenarios(amounts, participants, counts, 2024)[4:]:
        assert result.pool is not None and result.computable
        assert sum(dict(result.pool.shares).values()) == result.pool.total
        positions = dict(result.positions)
        assert sum(positions.values()) == 0
        assert realised_positions(result.transfers) == {k: v for k, v in positions.items() if v}
        for code in participants:
            if code not in result.pool.members:
                assert positions[code] == net[code]
