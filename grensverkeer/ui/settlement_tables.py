"""The Verrekening page's tables and its chart: which columns each table shows and how the
balances are drawn. The rows themselves are made in :mod:`settlement_rows`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from grensverkeer.mapping.charts import BarChart, Series, bar_chart
from grensverkeer.mapping.picture import Picture
from grensverkeer.mapping.units import whole_euros
from grensverkeer.settlement import Transfer
from grensverkeer.ui.settlement_rows import (
    SCENARIOS,
    PositionRow,
    ScenarioRow,
    scenario_label,
    scenario_text,
)
from grensverkeer.ui.table_models import Column, RowsModel, euro_column

#: a flow reported apart: its kind, from, to and cents
ApartRow = tuple[str, str, str, int]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettlementPage", text)


def positions_model(parent: QObject) -> RowsModel[PositionRow]:
    return RowsModel[PositionRow](
        [
            Column(_tr("Gemeente"), lambda r: r.name),
            euro_column(_tr("Saldo (+ ontvangt)"), lambda r: r.cents),
        ],
        parent,
    )


def transfers_model(parent: QObject, name: Callable[[str], str]) -> RowsModel[Transfer]:
    """Payments, each party by ``name``."""
    return RowsModel[Transfer](
        [
            Column(_tr("Betaalt"), lambda t: name(t.payer)),
            Column(_tr("Aan"), lambda t: name(t.payee)),
            euro_column(_tr("Bedrag"), lambda t: t.cents),
        ],
        parent,
    )


def scenarios_model(parent: QObject) -> RowsModel[ScenarioRow]:
    return RowsModel[ScenarioRow](
        [
            Column(_tr("Gemeente"), lambda r: r.name),
            *(
                Column(scenario_label(scenario), scenario_text(i), numeric=True)
                for i, scenario in enumerate(SCENARIOS)
            ),
        ],
        parent,
    )


def apart_model(parent: QObject) -> RowsModel[ApartRow]:
    return RowsModel[ApartRow](
        [
            Column(_tr("Soort"), lambda r: r[0]),
            Column(_tr("Van"), lambda r: r[1]),
            Column(_tr("Naar"), lambda r: r[2]),
            euro_column(_tr("Bedrag"), lambda r: r[3]),
        ],
        parent,
    )


def positions_chart(
    positions: list[PositionRow], names: dict[str, str], width: float, size: float
) -> Picture:
    """The balances as horizontal bars (purple receives, orange pays: colour-blind safe), every
    municipality's name in full and the axis in euros with Dutch thousands separators."""
    ordered = sorted(positions, key=lambda p: (-p.cents, p.code))
    chart = BarChart(
        tuple(names.get(p.code, p.name) for p in ordered),
        (Series(_tr("saldo"), tuple(float(p.cents) for p in ordered), signed=True),),
        _tr("saldo in euro’s (positief: ontvangt, negatief: betaalt)"),
        whole_euros,
        value_text=whole_euros,
    )
    return bar_chart(chart, width, size)
