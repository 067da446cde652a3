"""Verrekening: the page shows what the settlement service computes, and fixes a plan."""

from __future__ import annotations

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import list_plans
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.settlement import Method

Y = SchoolYear(2024)


def _page(context, qtbot):
    from grensverkeer.ui.pages.settlement_page import SettlementPage

    page = SettlementPage(context)
    qtbot.addWidget(page)
    page.set_school_year(Y)
    return _refreshed(page, qtbot)


def _refreshed(page, qtbot):
    """The page computes in a worker (never on the GUI thread): wait until it shows it."""
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=20_000)
    return page


def test_page_shows_the_services_settlement(context, qtbot, qtmodeltester) -> None:
    page = _page(context, qtbot)
    expected = compute_settlement(context.db, Y, Method.MULTILATERAL).settlement
    assert [(r.code, r.cents) for r in page.positions.rows()] == list(expected.positions)
    assert page.transfers.rows() == list(expected.transfers)
    assert str(len(expected.transfers)) in page.summary.text()
    assert "Voorstel: multilateraal verrekenen" in page.verdict.text()
    assert page.scenarios.rowCount() == len(expected.participants)
    for model in (page.positions, page.transfers, page.scenarios, page.apart, page.plans):
        qtmodeltester.check(model)


def test_the_scenarios_agree_with_the_settlement(context, qtbot) -> None:
    page = _page(context, qtbot)
    positions = dict(compute_settlement(context.db, Y, Method.MULTILATERAL).settlement.positions)
    for row in page.scenarios.rows():
        gross, bilateral, multilateral, none = row.cells[:4]
        assert gross[0] == bilateral[0] == multilateral[0] == positions[row.code]
        assert none == (-positions[row.code], 0)


def test_central_method_uses_the_chosen_centre(context, qtbot) -> None:
    page = _page(context, qtbot)
    page.method.setCurrentIndex(page.method.findData("central"))
    assert page.centre.isEnabled()
    page.centre.setCurrentIndex(page.centre.findData("GM0518"))
    _refreshed(page, qtbot)
    assert all("GM0518" in (t.payer, t.payee) for t in page.transfers.rows())


def test_a_bad_threshold_is_said_in_dutch_and_shows_nothing(context, qtbot) -> None:
    page = _page(context, qtbot)
    page.threshold.setText("12.500")
    _refreshed(page, qtbot)
    assert "twee manieren" in page.verdict.text()
    assert page.transfers.rowCount() == 0
    assert not page.finalize_button.isEnabled()


def test_finalizing_stores_one_plan_and_refuses_a_second(context, qtbot, messages) -> None:
    page = _page(context, qtbot)
    with qtbot.waitSignal(context.events.changed):
        page.finalize_plan()
    (plan,) = list_plans(context.db)
    assert ("info", f"Vastgesteld als plan {plan.id} (kenmerk {plan.short_hash}).") in messages
    _refreshed(page, qtbot)
    assert page.plans.rowCount() == 1
    page.finalize_plan()
    assert any(kind == "fout" and "al een plan vastgesteld" in text for kind, text in messages)
    assert len(list_plans(context.db)) == 1


def test_a_plan_is_withdrawn_with_a_reason_and_a_new_one_can_follow(
    context, qtbot, messages, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from grensverkeer.ui.plans_panel import WithdrawDialog

    page = _page(context, qtbot)
    page.finalize_plan()
    _refreshed(page, qtbot)
    panel = page.plans_panel
    assert not panel.withdraw_button.isEnabled()  # nothing selected yet
    panel.view.selectRow(0)
    assert panel.withdraw_button.isEnabled()
    assert panel.model.rows()[0].withdrawn is False

    seen: list[WithdrawDialog] = []

    def answer(dialog: WithdrawDialog) -> int:
        seen.append(dialog)
        assert not dialog.ok_button.isEnabled()  # no reason, no withdrawal
        dialog.reason.setPlainText("  tarief   VSO was fout ")
        assert dialog.ok_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WithdrawDialog, "exec", answer)
    with qtbot.waitSignal(context.events.changed):
        panel.withdraw_selected()
    (plan,) = list_plans(context.db)
    assert plan.withdrawn and plan.withdrawn_reason == "tarief VSO was fout"
    assert f"Plan {plan.id} is ingetrokken" in messages[-1][1]
    status = panel.model.data(panel.model.index(0, panel.model.columnCount() - 1))
    assert status.startswith("ingetrokken op ") and status.endswith(": tarief VSO was fout")
    panel.view.selectRow(0)
    assert not panel.withdraw_button.isEnabled()  # a withdrawn plan cannot be withdrawn again

    _refreshed(page, qtbot)
    with qtbot.waitSignal(context.events.changed):
        page.finalize_plan()  # the year is free again
    assert len(list_plans(context.db)) == 2


def test_the_settlement_is_computed_off_the_gui_thread(context, qtbot) -> None:
    import threading

    import grensverkeer.ui.pages.settlement_page as module

    threads: list[str] = []
    real = module.compute_settlement

    def spy(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    module.compute_settlement = spy
    try:
        page = _page(context, qtbot)
    finally:
        module.compute_settlement = real
    assert threads and threading.main_thread().name not in threads
    assert page.transfers.rowCount() > 0 and page.finalize_button.isEnabled()


def test_amount_columns_sort_by_cents_not_by_text(qapp) -> None:
    """'€ 9,00' sorts after '€ 10,00' as text; every amount column sorts by its cents."""
    from grensverkeer.ui.table_models import euro_column

    column = euro_column("Bedrag", lambda cents: cents)
    amounts = [1_000, 900, -50_000, 12_345_67]
    assert column.text(900) == "€ 9,00"
    assert sorted(amounts, key=column.sort) == [-50_000, 900, 1_000, 12_345_67]
    assert sorted(amounts, key=column.text) != sorted(amounts, key=column.sort)
