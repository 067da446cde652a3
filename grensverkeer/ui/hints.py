"""The window's words for a problem's fix: the page, menu or button that does it, never a
command of the command line (the core's ``Hint`` values; ``cli.hints`` has the other words)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Hints", text)


HINTS: dict[str, Callable[[Mapping[str, object]], str]] = {
    SET_TARIFF: lambda f: _tr("Tarieven stelt u in op de pagina Instellingen, tab Tarieven."),
    WITHDRAW_PLAN: lambda f: _tr(
        "Intrekken kan op de pagina Verrekening, tab Plannen: kies plan {id} en ‘Plan intrekken…’."
    ).format(id=f["plan_id"]),
    LIST_PLANS: lambda _f: _tr("De plannen staan op de pagina Verrekening, tab Plannen."),
    LIST_IMPORTS: lambda _f: _tr("De imports staan op de pagina Gegevens."),
    USE_DEMO_DATABASE: lambda _f: _tr("De demoregio opent altijd in haar eigen database."),
    PLAN_FIXES_OPTIONS: lambda _f: _tr(
        "Kies ‘Concept’ om een andere methode of bagatelgrens te gebruiken."
    ),
    PURGE_ANYWAY: lambda _f: _tr(
        "Opschonen op de pagina Gegevens, tab Privacy, vraagt om een bevestiging en kan dan ook "
        "zonder vastgesteld plan."
    ),
}


def window_hint(error: GrensverkeerError) -> str:
    """The window's sentence for the error's fix; "" when it has none."""
    hint = error.hint
    return "" if hint is None else HINTS[hint.code](hint.fields)
