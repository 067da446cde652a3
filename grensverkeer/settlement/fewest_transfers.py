"""Multilateral netting: realise given positions exactly with the fewest transfers.

The fewest transfers for n nonzero positions is n minus the largest number of disjoint groups
whose positions sum to zero (a group of k parties is paid with k - 1 transfers). The steps:

1. Ignore zero positions and refuse positions that do not add up to zero.
2. Pair every position +x with a position -x. Such a pair is part of some optimal plan (swap the
   pair into one group and merge what is left of the two groups it came from), so this is exact,
   and it is how a user would settle two mirror images anyway.
3. Up to ``EXACT_LIMIT`` remaining positions: the largest zero-sum partition, found exactly
   (``zero_sum_partition``). Beyond it: peel zero-sum triples, then the exact search if few enough
   are left, else one greedy group; the plan carries a proven lower bound instead.
4. Each group is paid by its largest debtor paying its largest creditor (``pay_group``).

Ties are broken by the sorted municipality codes everywhere, so the same positions in any order
give the same plan on every machine.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .errors import SettlementError
from .transfers import Transfer, pay_group, transfer_sort_key
from .zero_sum_partition import max_zero_sum_partition

EXACT_LIMIT = 20
"""Most nonzero positions (left after pairing +x with -x) that are solved exactly; about 20 ms."""


@dataclass(frozen=True, slots=True)
class SettlementPlan:
    """Transfers that realise the positions exactly, and how sure we are there is none fewer.

    ``lower_bound`` is a proven minimum number of transfers; ``exact`` means the plan reaches it,
    in which case ``lower_bound == len(transfers)``.
    """

    transfers: tuple[Transfer, ...]
    exact: bool
    lower_bound: int


def settle_positions(positions: Mapping[str, int]) -> list[Transfer]:
    """The transfers of ``plan_positions``: fewest transfers, exact up to ``EXACT_LIMIT``."""
    return list(plan_positions(positions).transfers)


def plan_positions(positions: Mapping[str, int]) -> SettlementPlan:
    """Realise ``positions`` (code -> cents, positive receives) with as few transfers as possible.

    Raises ``SettlementError`` when a position is not an integer or the positions do not add up
    to zero. Transfers are sorted by payer, payee and amount.
    """
    members = _nonzero_members(positions)
    pairs, rest = _pair_mirror_images(members)
    groups: list[list[tuple[str, int]]] = [list(pair) for pair in pairs]
    if len(rest) <= EXACT_LIMIT:
        groups += _exact_groups(rest)
        lower_bound = None
    else:
        groups += _heuristic_groups(rest)
        lower_bound = len(members) - len(pairs) - _most_groups_without_pairs(rest)
    transfers = [transfer for group in groups for transfer in pay_group(group)]
    transfers.sort(key=transfer_sort_key)
    if lower_bound is None:
        lower_bound = len(transfers)
    return SettlementPlan(tuple(transfers), len(transfers) == lower_bound, lower_bound)


def _nonzero_members(positions: Mapping[str, int]) -> list[tuple[str, int]]:
    """Nonzero positions sorted by code, after checking they are whole cents that add up to zero."""
    for code, cents in positions.items():
        if not isinstance(cents, int) or isinstance(cents, bool):
            raise SettlementError(
                f"Het saldo van {code} is geen geheel aantal centen: {cents!r}.",
                code="position_not_integer",
            )
    difference = sum(positions.values())
    if difference:
        raise SettlementError(
            f"De saldi tellen niet op tot nul (verschil: {difference} cent).",
            code="positions_unbalanced",
        )
    return sorted((code, cents) for code, cents in positions.items() if cents)


def _pair_mirror_images(
    members: Sequence[tuple[str, int]],
) -> tuple[list[tuple[tuple[str, int], tuple[str, int]]], list[tuple[str, int]]]:
    """Match each +x with a -x (smallest codes first); return the pairs and the rest by code."""
    payers_by_amount: dict[int, list[tuple[str, int]]] = {}
    for member in members:  # members are sorted by code, so each list is too
        if member[1] < 0:
            payers_by_amount.setdefault(-member[1], []).append(member)
    pairs = []
    paired: set[str] = set()
    for receiver in members:
        if receiver[1] > 0 and payers_by_amount.get(receiver[1]):
            payer = payers_by_amount[receiver[1]].pop(0)
            pairs.append((payer, receiver))
            paired.update((payer[0], receiver[0]))
    rest = [member for member in members if member[0] not in paired]
    return pairs, rest


def _exact_groups(members: Sequence[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The largest zero-sum partition of ``members`` (sorted by code), as lists of members."""
    partition = max_zero_sum_partition([cents for _, cents in members])
    return [[members[index] for index in group] for group in partition]


def _heuristic_groups(members: Sequence[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Peel zero-sum triples (first by code), then solve the rest exactly or as one group."""
    rest = list(members)
    groups: list[list[tuple[str, int]]] = []
    while len(rest) > EXACT_LIMIT:
        triple = _first_zero_sum_triple(rest)
        if triple is None:
            return [*groups, rest]
        groups.append([rest[index] for index in triple])
        rest = [member for index, member in enumerate(rest) if index not in triple]
    return groups + _exact_groups(rest)


def _first_zero_sum_triple(members: Sequence[tuple[str, int]]) -> tuple[int, int, int] | None:
    """Indices i < j < k of the first three members (in code order) whose positions sum to zero."""
    last_index: dict[int, list[int]] = {}
    for index, (_, cents) in enumerate(members):
        last_index.setdefault(cents, []).append(index)
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            wanted = -(members[i][1] + members[j][1])
            for k in last_index.get(wanted, ()):
                if k > j:
                    return (i, j, k)
    return None


def _most_groups_without_pairs(members: Sequence[tuple[str, int]]) -> int:
    """An upper bound on the zero-sum groups when no +x meets a -x: each needs three members and
    a payer and a receiver."""
    receivers = sum(1 for _, cents in members if cents > 0)
    return min(len(members) // 3, receivers, len(members) - receivers)
