"""The settlement methods side by side on the same amounts: one rule for every comparison.

The analysis compares the methods per participant (positions), the documents per method
(transfers and money moved); both take them from here, so a comparison never settles one
method with other inputs (a threshold, a centre) than another.
"""

from collections.abc import Collection, Sequence

from .matrix import Amounts
from .methods import Method, Settlement, settle

#: every method, in the order a comparison lists them
ALL_METHODS = (Method.GROSS, Method.BILATERAL, Method.MULTILATERAL, Method.CENTRAL)


def compare_methods(
    amounts: Amounts,
    participants: Collection[str],
    methods: Sequence[Method] = ALL_METHODS,
    *,
    centre: str | None = None,
    threshold_cents: int = 0,
) -> tuple[Settlement, ...]:
    """Each of ``methods`` settled on the same ``amounts``, participants and bagatelgrens, in
    the order given. ``centre`` is the clearing party of the central method (needed only when
    that method is compared)."""
    return tuple(
        settle(
            amounts,
            participants,
            method,
            centre=centre if method is Method.CENTRAL else None,
            threshold_cents=threshold_cents,
        )
        for method in methods
    )
