"""The window: the Privacy tab on the Gegevens page, a purged year in the drill-down, and
every page under a user who may only read."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest
from privacy_helpers import BSN, grant_select

from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.demo import load_demo
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.privacy.pupil_requests import find_pupil
from grensverkeer.services.privacy.purge import purged_year
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.storage.database import Database, open_database
from grensverkeer.storage.read_only import READ_ONLY

Y = SchoolYear(2024)


def make_window(qtbot, db: Database, tmp_path: Path):
    from grensverkeer.ui.context import UiContext
    from grensverkeer.ui.main_window import MainWindow
    from grensverkeer.ui.settings_store import SettingsStore

    window = MainWindow(UiContext(db), SettingsStore.at(tmp_path / "instellingen.ini"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    return window


@pytest.fixture
def window(qtbot, qapp, demo_sqlite: Database, messages, tmp_path: Path) -> Iterator[object]:
    window = make_window(qtbot, demo_sqlite, tmp_path)
    yield window
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


def test_find_and_remove_in_the_window(window, demo_sqlite: Database, messages) -> None:
    page = window.show_page("gegevens")
    tab = page.privacy
    found = tab.find_pupil(BSN)
    assert found is not None and len(found.records) == 2
    kind, said = messages[-1]
    assert kind == "info" and "*****6887: 2 inschrijvingen" in said and BSN not in said
    finalize(demo_sqlite, compute_settlement(demo_sqlite, Y, "multilateral"))
    removal = tab.remove(BSN, "verzoek van de ouders")
    assert removal is not None and removal.removed == 2
    question = next(text for kind, text in messages if kind == "vraag")
    assert "2 inschrijvingen van de leerling met BSN *****6887" in question
    assert "wijken nu af van de gegevens" in messages[-1][1]
    assert find_pupil(demo_sqlite, load_pseudonymizer(), BSN).records == ()


def test_purge_in_the_window_and_the_drill_down_says_so(
    qtbot, window, demo_sqlite: Database, messages
) -> None:
    finalize(demo_sqlite, compute_settlement(demo_sqlite, Y, "multilateral"))
    page = window.show_page("gegevens")
    done = page.privacy.purge(Y)
    assert done is not None and done.pupil_rows == 2993
    question = next(text for kind, text in messages if kind == "vraag")
    assert "2.993 leerlingrijen van 2.993 leerlingen" in question
    assert purged_year(demo_sqlite, Y) is not None
    page = window.show_page("gegevens")
    page.refresh()
    day = f"{purged_year(demo_sqlite, Y).purged_on:%d-%m-%Y}"
    assert f"2024-2025: leerlinggegevens verwijderd op {day}" in page.privacy.status.toPlainText()
    matrix = window.show_page("matrix")
    window.set_school_year(Y)
    matrix.refresh()
    qtbot.waitUntil(lambda: not window.is_busy() and matrix.model.rowCount() > 0, timeout=10_000)
    from grensverkeer.ui.heatmap import TOTAL

    matrix.show_cell(matrix.model.index_of(TOTAL, TOTAL))
    assert f"zijn verwijderd op {day}" in matrix.cell_caption.text()
    assert matrix.pupils_model.rowCount() == 0


def test_every_page_works_for_a_reader_and_writes_are_refused(
    qtbot, qapp, pg_schema_url: str, reader_url: str, messages, tmp_path: Path
) -> None:
    db = open_database(pg_schema_url)
    try:
        load_demo(db, load_pseudonymizer())
        finalize(db, compute_settlement(db, Y, "multilateral"))
    finally:
        db.close()
    grant_select(pg_schema_url, reader_url)
    reader = open_database(reader_url)
    try:
        window = make_window(qtbot, reader, tmp_path)
        for name in window.page_names():
            page = window.show_page(name)
            page.refresh()
            qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)
        assert not [text for kind, text in messages if kind == "fout"]
        tab = window.show_page("gegevens").privacy
        assert tab.find_pupil(BSN) is not None
        assert tab.remove(BSN, "ouders") is None
        assert READ_ONLY in messages[-1][1]
        assert tab.purge(Y) is None
        assert READ_ONLY in messages[-1][1]
        assert len(find_pupil(reader, load_pseudonymizer(), BSN).records) == 2
    finally:
        reader.close()
