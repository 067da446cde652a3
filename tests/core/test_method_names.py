"""The names of the methods and scenarios live in one place and every edge uses them."""

from __future__ import annotations

from grensverkeer.method_names import (
    OFFERED,
    method_label,
    method_name,
    method_title,
    scenario_name,
)
from grensverkeer.services.settling.scenarios import Scenario
from grensverkeer.settlement import Method


def test_every_method_and_scenario_has_its_words() -> None:
    assert set(OFFERED) == set(Method)
    for method in Method:
        name = method_name(method)
        assert method_label(method).startswith(f"{name} (")
        assert method_title(method).startswith(f"{name.capitalize()}: ")
    assert {scenario_name(s) for s in Scenario} >= {"bruto", "geen verrekening", "pool H8"}
    assert method_name("multilateral") == scenario_name(Scenario.MULTILATERAL) == "multilateraal"


def test_the_window_and_the_cli_say_the_same(qtbot, demo_db) -> None:
    from grensverkeer.cli.settle_cmd import settlement_table
    from grensverkeer.reference import load_reference
    from grensverkeer.schoolyear import SchoolYear
    from grensverkeer.services.settling.year_settlement import (
        compute_settlement,
        settlement_result,
    )
    from grensverkeer.ui.context import UiContext
    from grensverkeer.ui.pages.settlement_page import SettlementPage

    page = SettlementPage(UiContext(demo_db))
    qtbot.addWidget(page)  # closed and deleted with the test, never by a later collection
    offered = [page.method.itemText(i) for i in range(page.method.count())]
    assert offered == [method_title(m) for m in OFFERED]
    run = compute_settlement(demo_db, SchoolYear(2024), Method.BILATERAL)
    table = settlement_table(settlement_result(run), load_reference())
    assert table.splitlines()[0].endswith(method_label(Method.BILATERAL))
