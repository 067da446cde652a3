"""The four ways to settle a school year's matrix, behind one entry point: ``settle``.

* gross (bruto): every nonzero amount between two participants is paid as it is (today's way).
* bilateral: per pair of participants one transfer of the difference.
* multilateral: the positions, realised with the fewest transfers (``plan_positions``).
* central: every participant pays to or receives from one clearing party, at most one transfer
  each. The centre is a participant (its own position is then what the others pay and receive)
  or a label that is no participant, such as "REGIO" for the regional organisation.

Bagatelgrens (``threshold_cents``): a pair of participants whose bilateral difference is strictly
under the threshold counts as square in every method. Its nonzero difference is listed in
``waived`` (debtor to creditor); the positions settled are those of the remaining bilateral
differences, i.e. the matrix positions minus the waived differences. So with a threshold, gross
leaves out both amounts of such a pair, bilateral its difference, and multilateral and central
net the positions that remain. The default threshold of 0 waives nothing.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .errors import SettlementError
from .fewest_transfers import plan_positions
from .matrix import (
    Amounts,
    bilateral_differences,
    check_amounts,
    gross_flows,
    outside_flows,
    positions_of_flows,
)
from .transfers import Flow, Transfer, transfer_sort_key


class Method(StrEnum):
    """How a settlement turns the matrix into transfers."""

    GROSS = "gross"
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    CENTRAL = "central"


@dataclass(frozen=True, slots=True)
class Settlement:
    """One settlement of a matrix among participants: what is paid and what is reported apart.

    ``positions`` holds (code, cents) for every participant in code order, zero included: the
    positions this settlement realises (the matrix positions minus the ``waived`` differences).
    It is a tuple so the value stays immutable and hashable; ``dict(settlement.positions)`` gives
    a mapping. The transfers realise these positions exactly (a central label that is no
    participant ends at zero). ``exact`` and ``lower_bound`` report on the fewest-transfers
    search of the multilateral method; the other methods have a fixed plan, so for them
    ``exact`` is True and ``lower_bound == len(transfers)``.
    """

    method: Method
    participants: tuple[str, ...]
    positions: tuple[tuple[str, int], ...]
    transfers: tuple[Transfer, ...]
    total_moved: int
    waived: tuple[Flow, ...]
    outside: tuple[Flow, ...]
    exact: bool
    lower_bound: int
    centre: str | None = None
    threshold_cents: int = 0


def settle(
    amounts: Amounts,
    participants: Collection[str],
    method: Method | str,
    *,
    centre: str | None = None,
    threshold_cents: int = 0,
) -> Settlement:
    """Settle ``amounts`` ((residence, school) -> cents owed) among ``participants``.

    ``centre`` is needed for the central method and ignored by the others. Raises
    ``SettlementError`` for an unknown method, a missing centre, a negative or non-integer
    threshold and amounts that are negative or not whole cents.
    """
    method = _as_method(method)
    _check_threshold(threshold_cents)
    check_amounts(amounts)
    members = tuple(sorted(set(participants)))
    differences = bilateral_differences(amounts, members)
    square = {
        frozenset((flow.from_code, flow.to_code))
        for flow in differences
        if flow.cents < threshold_cents
    }
    waived = tuple(flow for flow in differences if 0 < flow.cents < threshold_cents)
    settled = tuple(flow for flow in differences if flow.cents >= threshold_cents)
    positions = positions_of_flows(settled, members)

    exact, lower_bound = True, None
    if method is Method.GROSS:
        flows = gross_flows(amounts, members)
        transfers = [_paid(flow) for flow in flows if frozenset(_ends(flow)) not in square]
    elif method is Method.BILATERAL:
        transfers = [_paid(flow) for flow in settled if flow.cents]
    elif method is Method.MULTILATERAL:
        plan = plan_positions(positions)
        transfers, exact, lower_bound = list(plan.transfers), plan.exact, plan.lower_bound
    else:
        centre = _check_centre(centre)
        transfers = _central_transfers(positions, centre)
    transfers.sort(key=transfer_sort_key)
    return Settlement(
        method=method,
        participants=members,
        positions=tuple(positions.items()),
        transfers=tuple(transfers),
        total_moved=sum(transfer.cents for transfer in transfers),
        waived=waived,
        outside=outside_flows(amounts, members),
        exact=exact,
        lower_bound=len(transfers) if lower_bound is None else lower_bound,
        centre=centre if method is Method.CENTRAL else None,
        threshold_cents=threshold_cents,
    )


def _central_transfers(positions: Mapping[str, int], centre: str) -> list[Transfer]:
    """One transfer between the centre and every other participant with a nonzero position."""
    transfers = []
    for code, cents in positions.items():
        if code == centre or not cents:
            continue
        if cents < 0:
            transfers.append(Transfer(code, centre, -cents))
        else:
            transfers.append(Transfer(centre, code, cents))
    return transfers


def _paid(flow: Flow) -> Transfer:
    """A flow that is paid as it is."""
    return Transfer(flow.from_code, flow.to_code, flow.cents)


def _ends(flow: Flow) -> tuple[str, str]:
    """The two codes a flow runs between."""
    return (flow.from_code, flow.to_code)


def _as_method(method: Method | str) -> Method:
    """Accept the enum or its value, with a Dutch error for anything else."""
    try:
        return Method(method)
    except ValueError:
        known = ", ".join(member.value for member in Method)
        raise SettlementError(
            f"Onbekende verrekenmethode {method!r}; kies uit: {known}.", code="unknown_method"
        ) from None


def _check_threshold(threshold_cents: int) -> None:
    """A bagatelgrens is a whole, non-negative number of cents."""
    if not isinstance(threshold_cents, int) or isinstance(threshold_cents, bool):
        raise SettlementError(
            f"De bagatelgrens is geen geheel aantal centen: {threshold_cents!r}.",
            code="threshold_not_integer",
        )
    if threshold_cents < 0:
        raise SettlementError(
            f"De bagatelgrens mag niet negatief zijn ({threshold_cents} cent).",
            code="threshold_negative",
        )


def _check_centre(centre: str | None) -> str:
    """Central settlement needs a clearing party: a participant's code or a label such as REGIO."""
    if not isinstance(centre, str) or not centre.strip():
        raise SettlementError(
            "Centrale verrekening heeft een clearingpartij nodig: een gemeentecode of een "
            "naam zoals REGIO.",
            code="centre_missing",
        )
    return centre
