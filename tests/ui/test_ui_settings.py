"""The Instellingen page: every change goes through a service and emits ``changed``."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt

from grensverkeer.domain import EduType
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.inhabitants import all_inhabitants
from grensverkeer.services.years.membership import memberships
from grensverkeer.services.years.tariffs import list_tariffs
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.ui.main_window import MainWindow
from grensverkeer.ui.pages.settings_page import SettingsPage

YEAR = SchoolYear(2024)
PAGES = (SettingsPage,)


@pytest.fixture
def window(qtbot, context, store, messages) -> MainWindow:
    window = MainWindow(context, store, pages=PAGES)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def page(window: MainWindow) -> SettingsPage:
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    return page


def select_row(view, predicate) -> None:
    model = view.model()
    for row in range(model.rowCount()):
        if predicate(model.index(row, 0).data(Qt.ItemDataRole.UserRole)):
            view.selectionModel().select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError("rij niet gevonden")


def test_a_new_peildatum_is_stored_and_announced(qtbot, page: SettingsPage, demo_db, context):
    tab = page.year_tab
    assert tab.peildatum.date() == QDate(2024, 10, 1)
    assert tab.peildatum.displayFormat() == "dd-MM-yyyy"
    tab.peildatum.setDate(QDate(2024, 10, 15))
    tab.pro_rata.setChecked(True)
    with qtbot.waitSignal(context.events.changed, timeout=1000):
        tab.save.click()
    stored = year_settings(demo_db, YEAR)
    assert stored.peildatum == date(2024, 10, 15)
    assert stored.pro_rata and not stored.actual_cost
    assert "15 oktober 2024" in tab.message.text()


def test_an_ambiguous_amount_shows_the_message_and_stores_nothing(
    qtbot, page: SettingsPage, demo_db, context
) -> None:
    tab = page.tariff_tab
    before = list_tariffs(demo_db, YEAR)
    tab.edu_type.setCurrentIndex(tab.edu_type.findData("SO"))
    tab.amount.setText("12.500")
    with qtbot.assertNotEmitted(context.events.changed):
        tab.save.click()
    assert "kan op twee manieren gelezen worden" in tab.message.text()
    assert tab.message.text().startswith("Bedrag: ‘12.500’")
    assert list_tariffs(demo_db, YEAR) == before


def test_a_tariff_is_added_edited_and_removed(qtbot, page: SettingsPage, demo_db, context):
    tab = page.tariff_tab
    tab.edu_type.setCurrentIndex(tab.edu_type.findData("VO"))
    tab.arrangement.setText("Zorg in de klas")
    tab.amount.setText("€ 9.250,50")
    with qtbot.waitSignal(context.events.changed, timeout=1000):
        tab.save.click()
    added = [t for t in list_tariffs(demo_db, YEAR) if t.arrangement == "Zorg in de klas"]
    assert [(t.edu_type, t.cents) for t in added] == [(EduType.VO, 925050)]
    assert tab.model.rowCount() == len(list_tariffs(demo_db, YEAR))

    select_row(tab.view, lambda t: t.arrangement == "Zorg in de klas")
    assert tab.amount.text() == "9.250,50"
    with qtbot.waitSignal(context.events.changed, timeout=1000):
        tab.remove.click()
    assert not [t for t in list_tariffs(demo_db, YEAR) if t.arrangement == "Zorg in de klas"]


def test_inhabitants_are_edited_in_the_table(qtbot, page: SettingsPage, demo_db, context):
    tab = page.inhabitants_tab
    code, year, _count = all_inhabitants(demo_db)[0]
    index = tab.model.index(0, 2)
    with qtbot.waitSignal(context.events.changed, timeout=1000):
        assert tab.model.setData(index, "110.500")
    assert (code, year, 110500) in all_inhabitants(demo_db)
    with qtbot.assertNotEmitted(context.events.changed):
        assert not tab.model.setData(index, "veel")
    assert "geen aantal inwoners" in tab.message.text()
    assert (code, year, 110500) in all_inhabitants(demo_db)


def test_members_join_and_leave(qtbot, page: SettingsPage, demo_db, context) -> None:
    tab = page.members_tab
    assert "9" in tab.participants.text() and "2024-2025" in tab.participants.text()
    tab.municipality.setCurrentIndex(tab.municipality.findData("GM1621"))
    tab.joins_on.setDate(QDate(2025, 1, 1))
    with qtbot.waitSignal(context.events.changed, timeout=1000):
        tab.add.click()
    joined = [m for m in memberships(demo_db) if m.code == "GM1621"]
    assert [(m.valid_from, m.valid_to) for m in joined] == [(date(2025, 1, 1), None)]

    select_row(tab.view, lambda m: m.code == "GM1621")
    tab.leaves_on.setDate(QDate(2026, 1, 1))
    with qtbot.waitSignal(context.events.changed, timeout=1000):
        tab.end.click()
    ended = [m for m in memberships(demo_db) if m.code == "GM1621"]
    assert [m.valid_to for m in ended] == [date(2025, 12, 31)]


def test_the_key_is_described_but_never_shown(page: SettingsPage) -> None:
    tab = page.database_tab
    page.tabs.setCurrentWidget(tab)
    key = os.environ["GRENSVERKEER_KEY"]
    assert "GRENSVERKEER_KEY" in tab.key_source.text()
    fingerprint = Pseudonymizer(key.encode()).fingerprint
    assert tab.fingerprint.text() == f"Vingerafdruk: {fingerprint}"
    shown = " ".join(label.text() for label in tab.findChildren(type(tab.fingerprint)))
    assert key not in shown and key[:16] not in shown


def test_the_database_is_shown_and_another_one_opened(
    qtbot, window: MainWindow, page: SettingsPage, demo_db, store, tmp_path
) -> None:
    tab = page.database_tab
    assert tab.current.text() == demo_db.description
    other = tmp_path / "ander.sqlite"
    tab.target.setText(str(other))
    with qtbot.waitSignal(window.context.events.changed, timeout=10_000):
        tab.open.click()
    try:
        assert str(other) in window.context.db.description
        assert tab.current.text() == window.context.db.description
        assert store.last_database() == str(other)
        assert store.recent_files()[0] == str(other)
        assert "Geopend" in tab.message.text()
        assert window.school_year == SchoolYear.containing(date.today())
    finally:
        window.context.db.close()


def test_a_database_that_cannot_open_is_a_message(
    qtbot, window: MainWindow, page: SettingsPage, messages
) -> None:
    tab = page.database_tab
    tab.target.setText("mysql+nietbestaand://x@y/z")
    worker_done = window.open_database("mysql+nietbestaand://x@y/z")
    qtbot.waitUntil(lambda: worker_done.is_done() and not window.is_busy(), timeout=10_000)
    assert messages and messages[-1][0] == "fout"
    assert "geen geldige database-URL" in messages[-1][1]
    assert "geen geldige database-URL" in tab.message.text()


def test_the_models_pass_the_model_tester(qtmodeltester, page: SettingsPage) -> None:
    for tab in (page.tariff_tab, page.members_tab, page.inhabitants_tab):
        qtmodeltester.check(tab.model)
