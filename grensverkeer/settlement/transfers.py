"""The values a settlement hands out (transfers and flows) and how a group of positions is paid.

Amounts are integer cents. A position is positive for a party that receives and negative for a
party that pays.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Transfer:
    """One payment of ``cents`` from ``payer`` to ``payee``."""

    payer: str
    payee: str
    cents: int


@dataclass(frozen=True, slots=True)
class Flow:
    """An amount owed from one code to another that is reported, not paid (waived or outside)."""

    from_code: str
    to_code: str
    cents: int


def realised_positions(transfers: Iterable[Transfer]) -> dict[str, int]:
    """The positions that transfers bring about, so any plan can be checked against its input."""
    positions: dict[str, int] = {}
    for transfer in transfers:
        positions[transfer.payee] = positions.get(transfer.payee, 0) + transfer.cents
        positions[transfer.payer] = positions.get(transfer.payer, 0) - transfer.cents
    return positions


def transfer_sort_key(transfer: Transfer) -> tuple[str, str, int]:
    """The one order in which transfers are listed, so equal plans look equal."""
    return (transfer.payer, transfer.payee, transfer.cents)


def pay_group(members: Sequence[tuple[str, int]]) -> list[Transfer]:
    """Pay a zero-sum group: the largest debtor pays the largest creditor, ties by smallest code.

    Every transfer settles at least one member in full, so a group of k members needs at most k - 1
    transfers, and exactly k - 1 when no part of the group sums to zero on its own.
    """
    if sum(cents for _, cents in members):
        raise ValueError("pay_group needs members whose positions sum to zero")
    open_positions = {code: cents for code, cents in members if cents}
    transfers: list[Transfer] = []
    while open_positions:
        payer = min(open_positions, key=lambda code: (open_positions[code], code))
        payee = min(open_positions, key=lambda code: (-open_positions[code], code))
        cents = min(-open_positions[payer], open_positions[payee])
        transfers.append(Transfer(payer, payee, cents))
        for code, change in ((payer, cents), (payee, -cents)):
            open_positions[code] += change
            if not open_positions[code]:
                del open_positions[code]
    return transfers
