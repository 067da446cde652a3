"""The Dutch names of the settlement methods and of the scenarios set beside them: one place
for the command line, the window, the documents and the export (issue 14 found them in seven).

``method_name`` is the word in a sentence ("multilateraal"), ``method_label`` adds what it
does ("multilateraal (saldi, zo min mogelijk betalingen)") and ``method_title`` is the same as
a choice in a list ("Multilateraal: saldi, zo min mogelijk betalingen"). Scenarios are keyed by
their JSON values (``services.settling.scenarios.Scenario``), so this module stays below every
layer.
"""

from __future__ import annotations

from grensverkeer.settlement import Method

_NAMES = {
    Method.GROSS: "bruto",
    Method.BILATERAL: "bilateraal",
    Method.MULTILATERAL: "multilateraal",
    Method.CENTRAL: "centraal",
}
_DETAILS = {
    Method.GROSS: "per leerling, zoals nu",
    Method.BILATERAL: "per paar het verschil",
    Method.MULTILATERAL: "saldi, zo min mogelijk betalingen",
    Method.CENTRAL: "via één verrekenpartij",
}
#: the order in which the window offers them: the usual proposal first
OFFERED = (Method.MULTILATERAL, Method.BILATERAL, Method.GROSS, Method.CENTRAL)

_SCENARIOS = {
    "gross": "bruto",
    "bilateral": "bilateraal",
    "multilateral": "multilateraal",
    "none": "geen verrekening",
    "pool_h10": "pool H10",
    "pool_h8": "pool H8",
}


def method_name(method: Method | str) -> str:
    return _NAMES[Method(method)]


def method_label(method: Method | str) -> str:
    method = Method(method)
    return f"{_NAMES[method]} ({_DETAILS[method]})"


def method_title(method: Method | str) -> str:
    method = Method(method)
    return f"{_NAMES[method].capitalize()}: {_DETAILS[method]}"


def scenario_name(scenario: str) -> str:
    """``pool_h10`` → ``pool H10``; a method's scenario has the method's name."""
    return _SCENARIOS[str(scenario)]
