"""The command line's words for a problem's fix: the command that does it.

The core raises ``GrensverkeerError`` with a neutral message and, where the fix is an action of
the program, a ``Hint`` (``errors.HINTS``); ``worded`` is what ``cli.main`` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from grensverkeer.errors import (
    LIST_IMPORTS,
    LIST_PLANS,
    PLAN_FIXES_OPTIONS,
    PURGE_ANYWAY,
    SET_TARIFF,
    USE_DEMO_DATABASE,
    WITHDRAW_PLAN,
    GrensverkeerError,
)


def _tariff(fields: Mapping[str, object]) -> str:
    arrangement = fields.get("arrangement") or ""
    option = f" --arrangement '{arrangement}'" if arrangement else ""
    return (
        f"Bijvoorbeeld: grensverkeer tariff set --school-year {fields['school_year']} "
        f"--type {fields['edu_type']}{option} --amount 12500"
    )


HINTS: dict[str, Callable[[Mapping[str, object]], str]] = {
    SET_TARIFF: _tariff,
    WITHDRAW_PLAN: lambda f: f'Intrekken: grensverkeer plans withdraw {f["plan_id"]} --reason "…"',
    LIST_PLANS: lambda _f: "‘grensverkeer plans’ toont de plannen.",
    LIST_IMPORTS: lambda _f: "‘grensverkeer imports’ toont de imports.",
    USE_DEMO_DATABASE: lambda _f: "Laat --db weg: dan gebruikt de demo zijn eigen database.",
    PLAN_FIXES_OPTIONS: lambda _f: "Geef bij --plan geen --method, --centre of --threshold.",
    PURGE_ANYWAY: lambda _f: "Toch opschonen: voeg --force toe.",
}


def worded(error: GrensverkeerError) -> str:
    """The message, and on the next line the command that fixes it (when there is one)."""
    hint = error.hint
    if hint is None:
        return str(error)
    return f"{error}\n{HINTS[hint.code](hint.fields)}"
