"""One rule for comparing the methods: the same amounts, participants and bagatelgrens for
each, the centre only for the central method (grensverkeer.settlement.comparison)."""

from __future__ import annotations

import pytest

from grensverkeer.settlement import ALL_METHODS, Method, SettlementError, compare_methods, settle

AMOUNTS = {
    ("A", "B"): 1_000_00,
    ("B", "A"): 400_00,
    ("B", "C"): 250_00,
    ("C", "A"): 30_00,
    ("A", "A"): 99_00,
}
MEMBERS = ("A", "B", "C")


@pytest.mark.parametrize("threshold", [0, 50_00])
def test_each_method_is_settled_with_the_same_inputs(threshold: int) -> None:
    compared = compare_methods(AMOUNTS, MEMBERS, centre="REGIO", threshold_cents=threshold)
    assert [s.method for s in compared] == list(ALL_METHODS)
    for settlement in compared:
        centre = "REGIO" if settlement.method is Method.CENTRAL else None
        alone = settle(
            AMOUNTS, MEMBERS, settlement.method, centre=centre, threshold_cents=threshold
        )
        assert settlement == alone
        assert settlement.threshold_cents == threshold
    assert {s.positions for s in compared[1:3]} == {compared[1].positions}  # same netting


def test_the_order_asked_for_is_kept_and_no_centre_is_needed_without_central() -> None:
    methods = (Method.MULTILATERAL, Method.GROSS)
    assert [s.method for s in compare_methods(AMOUNTS, MEMBERS, methods)] == list(methods)
    with pytest.raises(SettlementError):
        compare_methods(AMOUNTS, MEMBERS, (Method.CENTRAL,))  # a centre is needed there
