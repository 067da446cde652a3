"""The four methods on a matrix: DOMAIN.md's worked example, the bagatelgrens, outside flows and
the properties every settlement must keep."""

from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grensverkeer.settlement import (
    Flow,
    Method,
    Settlement,
    SettlementError,
    Transfer,
    outside_flows,
    positions_from_matrix,
    realised_positions,
    settle,
)

EURO = 100
DELFT, DEN_HAAG, RIJSWIJK = "GM0503", "GM0518", "GM0603"
PARTICIPANTS = (DEN_HAAG, RIJSWIJK, DELFT)
EXAMPLE = {
    (DELFT, DEN_HAAG): 30_000 * EURO,
    (DEN_HAAG, DELFT): 10_000 * EURO,
    (RIJSWIJK, DEN_HAAG): 20_000 * EURO,
    (DEN_HAAG, RIJSWIJK): 5_000 * EURO,
    (RIJSWIJK, DELFT): 8_000 * EURO,
}
CODES = ("GM0503", "GM0518", "GM0603", "GM1783", "GM1916", "GM0637", "GM0599", "GM0546")
TARIFFS = (12_500 * EURO, 8_000 * EURO, 15_000 * EURO)


def realised_among(settlement: Settlement) -> dict[str, int]:
    """What the transfers do to every participant (zero included); anyone else must end at zero."""
    realised = realised_positions(settlement.transfers)
    others = {
        code: cents for code, cents in realised.items() if code not in settlement.participants
    }
    assert set(others.values()) <= {0}
    return {code: realised.get(code, 0) for code in settlement.participants}


def with_waived(settlement: Settlement) -> dict[str, int]:
    """The positions of the transfers plus the waived differences."""
    positions = realised_among(settlement)
    for flow in settlement.waived:
        positions[flow.to_code] += flow.cents
        positions[flow.from_code] -= flow.cents
    return positions


Matrix = tuple[dict[tuple[str, str], int], list[str]]


@st.composite
def matrices(draw: st.DrawFn) -> Matrix:
    """A matrix over some region codes and outsiders, amounts in small multiples of tariffs."""
    participants = draw(st.lists(st.sampled_from(CODES[:6]), min_size=0, max_size=6, unique=True))
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)), max_size=20, unique=True
        )
    )
    amounts = {pair: draw(st.integers(0, 3)) * draw(st.sampled_from(TARIFFS)) for pair in pairs}
    return amounts, participants


@pytest.mark.parametrize("method", list(Method))
def test_example_positions(method: Method) -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, method, centre="REGIO")
    assert settlement.participants == (DELFT, DEN_HAAG, RIJSWIJK)
    assert dict(settlement.positions) == {
        DEN_HAAG: 35_000 * EURO,
        DELFT: -12_000 * EURO,
        RIJSWIJK: -23_000 * EURO,
    }
    assert positions_from_matrix(EXAMPLE, PARTICIPANTS) == dict(settlement.positions)
    assert settlement.waived == settlement.outside == ()


def test_example_gross() -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, Method.GROSS)
    assert len(settlement.transfers) == 5
    assert settlement.total_moved == 73_000 * EURO
    assert Counter(settlement.transfers) == Counter(
        Transfer(residence, school, cents) for (residence, school), cents in EXAMPLE.items()
    )


def test_example_bilateral() -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, "bilateral")
    assert settlement.transfers == (
        Transfer(DELFT, DEN_HAAG, 20_000 * EURO),
        Transfer(RIJSWIJK, DELFT, 8_000 * EURO),
        Transfer(RIJSWIJK, DEN_HAAG, 15_000 * EURO),
    )
    assert settlement.total_moved == 43_000 * EURO


def test_example_multilateral() -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, Method.MULTILATERAL)
    assert settlement.transfers == (
        Transfer(DELFT, DEN_HAAG, 12_000 * EURO),
        Transfer(RIJSWIJK, DEN_HAAG, 23_000 * EURO),
    )
    assert settlement.total_moved == 35_000 * EURO
    assert settlement.exact and settlement.lower_bound == 2


def test_example_central_through_a_participant_has_no_self_transfer() -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, Method.CENTRAL, centre=DEN_HAAG)
    assert settlement.transfers == (
        Transfer(DELFT, DEN_HAAG, 12_000 * EURO),
        Transfer(RIJSWIJK, DEN_HAAG, 23_000 * EURO),
    )
    assert settlement.centre == DEN_HAAG


def test_example_central_through_the_region() -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, Method.CENTRAL, centre="REGIO")
    assert settlement.transfers == (
        Transfer(DELFT, "REGIO", 12_000 * EURO),
        Transfer(RIJSWIJK, "REGIO", 23_000 * EURO),
        Transfer("REGIO", DEN_HAAG, 35_000 * EURO),
    )
    assert realised_positions(settlement.transfers)["REGIO"] == 0


def test_threshold_waives_small_bilateral_differences_before_netting() -> None:
    threshold = 10_000 * EURO  # Rijswijk -> Delft 8,000 is under it
    waived = (Flow(RIJSWIJK, DELFT, 8_000 * EURO),)
    bilateral = settle(EXAMPLE, PARTICIPANTS, Method.BILATERAL, threshold_cents=threshold)
    assert bilateral.transfers == (
        Transfer(DELFT, DEN_HAAG, 20_000 * EURO),
        Transfer(RIJSWIJK, DEN_HAAG, 15_000 * EURO),
    )
    assert bilateral.waived == waived
    multilateral = settle(EXAMPLE, PARTICIPANTS, Method.MULTILATERAL, threshold_cents=threshold)
    assert dict(multilateral.positions) == {
        DELFT: -20_000 * EURO,
        DEN_HAAG: 35_000 * EURO,
        RIJSWIJK: -15_000 * EURO,
    }
    assert multilateral.transfers == bilateral.transfers
    assert multilateral.waived == waived
    gross = settle(EXAMPLE, PARTICIPANTS, Method.GROSS, threshold_cents=threshold)
    assert Transfer(RIJSWIJK, DELFT, 8_000 * EURO) not in gross.transfers
    assert len(gross.transfers) == 4 and gross.waived == waived
    central = settle(EXAMPLE, PARTICIPANTS, "central", centre="REGIO", threshold_cents=threshold)
    assert central.positions == multilateral.positions and central.waived == waived


def test_a_difference_equal_to_the_threshold_is_settled() -> None:
    settlement = settle(EXAMPLE, PARTICIPANTS, Method.BILATERAL, threshold_cents=8_000 * EURO)
    assert settlement.waived == ()
    assert len(settlement.transfers) == 3


def test_a_square_pair_is_left_out_of_gross_only_with_a_threshold() -> None:
    amounts = {("A", "B"): 500, ("B", "A"): 500}
    assert len(settle(amounts, "AB", Method.GROSS).transfers) == 2
    square = settle(amounts, "AB", Method.GROSS, threshold_cents=1)
    assert square.transfers == square.waived == ()
    assert settle(amounts, "AB", Method.BILATERAL).transfers == ()


def test_outside_flows_and_the_diagonal_are_reported_not_settled() -> None:
    amounts = {
        **EXAMPLE,
        (DELFT, DELFT): 99_000 * EURO,
        ("GM0599", DELFT): 4_000 * EURO,
        (DEN_HAAG, "GM0599"): 2_500 * EURO,
        ("GM0599", "GM0606"): 1 * EURO,
        (DEN_HAAG, "GM0546"): 0,
    }
    expected = (
        Flow(DEN_HAAG, "GM0599", 2_500 * EURO),
        Flow("GM0599", DELFT, 4_000 * EURO),
        Flow("GM0599", "GM0606", 1 * EURO),
    )
    assert outside_flows(amounts, PARTICIPANTS) == expected
    settlement = settle(amounts, PARTICIPANTS, Method.MULTILATERAL)
    assert settlement.outside == expected
    assert settlement.transfers == settle(EXAMPLE, PARTICIPANTS, "multilateral").transfers


def test_participants_without_flows_get_a_zero_position() -> None:
    positions = positions_from_matrix(EXAMPLE, [*PARTICIPANTS, "GM1783"])
    assert positions["GM1783"] == 0
    assert list(positions) == sorted(positions)


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: settle(EXAMPLE, PARTICIPANTS, "netto"), "unknown_method"),
        (lambda: settle(EXAMPLE, PARTICIPANTS, Method.CENTRAL), "centre_missing"),
        (lambda: settle(EXAMPLE, PARTICIPANTS, "central", centre=" "), "centre_missing"),
        (lambda: settle(EXAMPLE, PARTICIPANTS, "gross", threshold_cents=-1), "threshold_negative"),
        (
            lambda: settle(EXAMPLE, PARTICIPANTS, "gross", threshold_cents=2.5),
            "threshold_not_integer",
        ),
        (lambda: settle({("A", "B"): -1}, "AB", "gross"), "amount_negative"),
        (lambda: settle({("A", "B"): 1.0}, "AB", "gross"), "amount_not_integer"),
        (lambda: positions_from_matrix({("A", "B"): 1.0}, "AB"), "amount_not_integer"),
    ],
)
def test_bad_input_raises_a_settlement_error(call: Callable[[], object], code: str) -> None:
    with pytest.raises(SettlementError) as raised:
        call()
    assert raised.value.code == code
    assert str(raised.value).endswith(".")


@settings(max_examples=80, deadline=None)
@given(matrices(), st.sampled_from([0, 1, 8_000 * EURO, 20_000 * EURO]))
def test_every_method_realises_its_positions(matrix: Matrix, threshold: int) -> None:
    amounts, participants = matrix
    matrix_positions = positions_from_matrix(amounts, participants)
    assert sum(matrix_positions.values()) == 0
    assert set(matrix_positions) == set(participants)
    results = {
        method: settle(amounts, participants, method, centre="REGIO", threshold_cents=threshold)
        for method in Method
    }
    for settlement in results.values():
        positions = dict(settlement.positions)
        assert sum(positions.values()) == 0
        assert realised_among(settlement) == positions
        assert with_waived(settlement) == matrix_positions
        assert settlement.total_moved == sum(t.cents for t in settlement.transfers)
        assert all(t.cents > 0 and t.payer != t.payee for t in settlement.transfers)
        assert settlement.outside == outside_flows(amounts, participants)
        assert list(settlement.transfers) == sorted(
            settlement.transfers, key=lambda t: (t.payer, t.payee, t.cents)
        )
    multilateral = results[Method.MULTILATERAL]
    bilateral = results[Method.BILATERAL]
    assert len(multilateral.transfers) <= len(bilateral.transfers)
    assert multilateral.total_moved <= bilateral.total_moved
    assert multilateral.total_moved == sum(c for _, c in multilateral.positions if c > 0)
    assert multilateral.exact and multilateral.lower_bound == len(multilateral.transfers)


@settings(max_examples=60, deadline=None)
@given(matrices(), st.data())
def test_central_has_at_most_one_transfer_per_participant(
    matrix: Matrix, data: st.DataObject
) -> None:
    amounts, participants = matrix
    centre = data.draw(st.sampled_from([*participants, "REGIO"]))
    settlement = settle(amounts, participants, Method.CENTRAL, centre=centre)
    counted = Counter(
        code for t in settlement.transfers for code in (t.payer, t.payee) if code != centre
    )
    assert all(t.payer == centre or t.payee == centre for t in settlement.transfers)
    assert set(counted) <= set(participants) - {centre}
    assert max(counted.values(), default=0) <= 1
    realised = realised_positions(settlement.transfers)
    for code, cents in settlement.positions:
        if code != centre:
            assert realised.get(code, 0) == cents


@settings(max_examples=60, deadline=None)
@given(matrices(), st.data(), st.sampled_from(list(Method)))
def test_settlement_does_not_depend_on_input_order(
    matrix: Matrix, data: st.DataObject, method: Method
) -> None:
    amounts, participants = matrix
    order = data.draw(st.permutations(list(amounts)))
    reordered = {pair: amounts[pair] for pair in order}
    members = data.draw(st.permutations(participants))
    first = settle(amounts, participants, method, centre="REGIO", threshold_cents=1)
    again = settle(reordered, members, method, centre="REGIO", threshold_cents=1)
    assert first == again
