"""The one exception family the program shows to users: every message is Dutch and complete.

The core words a problem neutrally: what is wrong and what must happen, naming no command,
menu or button. Where the fix is an action of the program, the error carries a ``Hint`` (a
code with its fields); the command line (``cli.hints``) and the window (``ui.hints``) each add
the action in their own terms. A PDF or a log shows the neutral message only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: the hints there are; the edges word each one (a test checks both know them all)
SET_TARIFF = "tarief_instellen"  # school_year, edu_type, arrangement ("" none)
WITHDRAW_PLAN = "plan_intrekken"  # plan_id
LIST_PLANS = "plannen_tonen"
LIST_IMPORTS = "imports_tonen"
USE_DEMO_DATABASE = "demo_eigen_database"  # path
PLAN_FIXES_OPTIONS = "plan_legt_vast"
PURGE_ANYWAY = "toch_opschonen"
HINTS = (
    SET_TARIFF,
    WITHDRAW_PLAN,
    LIST_PLANS,
    LIST_IMPORTS,
    USE_DEMO_DATABASE,
    PLAN_FIXES_OPTIONS,
    PURGE_ANYWAY,
)


@dataclass(frozen=True, slots=True)
class Hint:
    """How to fix a problem, as a value: ``code`` (one of ``HINTS``) and its fields."""

    code: str
    fields: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if self.code not in HINTS:
            raise ValueError(f"unknown hint {self.code!r}")


class GrensverkeerError(Exception):
    """An error a user can act on; ``str(err)`` is the neutral Dutch message, ``hint`` the
    fix that each edge words in its own terms (None: the message says it all)."""

    exit_code = 2

    def __init__(self, message: str, hint: Hint | None = None) -> None:
        super().__init__(message)
        self.hint = hint
