"""The settlement engine: who pays whom how much, in integer cents, deterministically.

Pure: no Qt, no I/O, no database and nothing else of grensverkeer, so it is tested and reused on
its own. ``settle`` settles a matrix by one of the ``Method``s; ``plan_positions`` and
``settle_positions`` realise given positions with the fewest transfers.
"""

from .comparison import ALL_METHODS, compare_methods
from .errors import SettlementError
from .fewest_transfers import EXACT_LIMIT, SettlementPlan, plan_positions, settle_positions
from .matrix import Amounts, bilateral_differences, outside_flows, positions_from_matrix
from .methods import Method, Settlement, settle
from .transfers import Flow, Transfer, realised_positions

__all__ = [
    "ALL_METHODS",
    "EXACT_LIMIT",
    "Amounts",
    "Flow",
    "Method",
    "Settlement",
    "SettlementError",
    "SettlementPlan",
    "Transfer",
    "bilateral_differences",
    "compare_methods",
    "outside_flows",
    "plan_positions",
    "positions_from_matrix",
    "realised_positions",
    "settle",
    "settle_positions",
]
