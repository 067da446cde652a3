"""From an amounts matrix to what is settled: positions, bilateral differences, outside flows.

``amounts`` maps (residence r, school s) to the cents r owes s. Only pairs with r != s and both
ends among the participants are settled; the diagonal is the municipality's own pupils and pairs
with a non-participant are reported apart (``outside_flows``), never dropped.
"""

from collections.abc import Collection, Iterable, Mapping

from .errors import SettlementError
from .transfers import Flow

Amounts = Mapping[tuple[str, str], int]


def check_amounts(amounts: Amounts) -> None:
    """Refuse what no settlement can pay: amounts that are not whole cents, or negative ones."""
    for (residence, school), cents in amounts.items():
        if not isinstance(cents, int) or isinstance(cents, bool):
            raise SettlementError(
                f"Het bedrag van {residence} aan {school} is geen geheel aantal centen: {cents!r}.",
                code="amount_not_integer",
            )
        if cents < 0:
            raise SettlementError(
                f"Het bedrag van {residence} aan {school} is negatief ({cents} cent).",
                code="amount_negative",
            )


def positions_from_matrix(amounts: Amounts, participants: Collection[str]) -> dict[str, int]:
    """n(x) = what x receives as school minus what x owes as residence, among the participants.

    Every participant is present, zero included, in code order; the positions add up to zero.
    """
    return positions_of_flows(gross_flows(amounts, participants), participants)


def positions_of_flows(flows: Iterable[Flow], codes: Iterable[str]) -> dict[str, int]:
    """Positions of ``codes`` (code order, zero included) when every flow is paid in full."""
    positions = dict.fromkeys(sorted(set(codes)), 0)
    for flow in flows:
        positions[flow.to_code] += flow.cents
        positions[flow.from_code] -= flow.cents
    return positions


def outside_flows(amounts: Amounts, participants: Collection[str]) -> tuple[Flow, ...]:
    """The nonzero amounts between different codes of which at least one is not a participant."""
    check_amounts(amounts)
    members = frozenset(participants)
    return tuple(
        sorted(
            (
                Flow(residence, school, cents)
                for (residence, school), cents in amounts.items()
                if residence != school
                and cents
                and (residence not in members or school not in members)
            ),
            key=_flow_sort_key,
        )
    )


def gross_flows(amounts: Amounts, participants: Collection[str]) -> tuple[Flow, ...]:
    """Each nonzero amount between two different participants, residence to school."""
    check_amounts(amounts)
    return tuple(
        sorted(
            (
                Flow(residence, school, cents)
                for (residence, school), cents in _inside_items(amounts, participants)
                if cents
            ),
            key=_flow_sort_key,
        )
    )


def bilateral_differences(amounts: Amounts, participants: Collection[str]) -> tuple[Flow, ...]:
    """Per pair of participants that owe each other anything, the net: debtor to creditor.

    A pair whose amounts cancel exactly is listed with 0 cents (from the smaller code), so a
    threshold can tell it apart from a pair that owes nothing.
    """
    check_amounts(amounts)
    owed: dict[tuple[str, str], int] = {}
    for (residence, school), cents in _inside_items(amounts, participants):
        if not cents:
            continue
        pair = (min(residence, school), max(residence, school))
        owed[pair] = owed.get(pair, 0) + (cents if residence == pair[0] else -cents)
    differences = [
        Flow(first, second, net) if net >= 0 else Flow(second, first, -net)
        for (first, second), net in owed.items()
    ]
    return tuple(sorted(differences, key=_flow_sort_key))


def _inside_items(
    amounts: Amounts, participants: Collection[str]
) -> list[tuple[tuple[str, str], int]]:
    """The (residence, school) -> cents items that are settled: r != s, both participants."""
    members = frozenset(participants)
    return [
        (pair, cents)
        for pair, cents in amounts.items()
        if pair[0] != pair[1] and pair[0] in members and pair[1] in members
    ]


def _flow_sort_key(flow: Flow) -> tuple[str, str, int]:
    """The one order in which flows are listed."""
    return (flow.from_code, flow.to_code, flow.cents)
