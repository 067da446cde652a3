"""The rows of the Verrekening page's tables: a position per municipality, and per municipality
its position and transfer count in every scenario side by side, with the words for both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from grensverkeer import formatting
from grensverkeer.method_names import scenario_name
from grensverkeer.services.settling.analysis import Analysis
from grensverkeer.services.settling.scenarios import Scenario


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettlementPage", text)


#: the window's scenarios, in its column order; a pool is split by inhabitants
SCENARIOS = (
    Scenario.GROSS,
    Scenario.BILATERAL,
    Scenario.MULTILATERAL,
    Scenario.NONE,
    Scenario.POOL_H10,
    Scenario.POOL_H8,
)


def scenario_label(scenario: Scenario) -> str:
    name = scenario_name(scenario)
    return _tr(name + " (inwoners)" if name.startswith("pool") else name)


@dataclass(frozen=True, slots=True)
class PositionRow:
    code: str
    name: str
    cents: int


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    code: str
    name: str
    cells: tuple[tuple[int, int] | None, ...]  # per scenario (position, transfers) or n.b.


def scenario_rows(analysis: Analysis, names: dict[str, str]) -> list[ScenarioRow]:
    """Per participant its position and transfer count in every scenario, side by side."""
    results = [analysis.assessment.scenario(s) for s in SCENARIOS]
    rows = []
    for code in analysis.assessment.participants:
        cells: list[tuple[int, int] | None] = []
        for result in results:
            if result.unavailable is not None:
                cells.append(None)
                continue
            position = dict(result.positions).get(code, 0)
            if result.scenario is Scenario.NONE:  # what not settling means for x: −net
                position = -analysis.assessment.balance(code).net
            count = sum(1 for t in result.transfers if code in (t.payer, t.payee))
            cells.append((position, count))
        rows.append(ScenarioRow(code, names[code], tuple(cells)))
    return rows


def scenario_text(index: int) -> Callable[[ScenarioRow], str]:
    def text(row: ScenarioRow) -> str:
        cell = row.cells[index]
        if cell is None:
            return _tr("n.b.")
        position, count = cell
        return f"{formatting.euros(position)}  ({count})"

    return text
