"""The map page: a click selects a municipality, the filters change the arrows, and every number
shown (side table, tooltips) is the matrix's number with the same filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from grensverkeer.domain import EduType
from grensverkeer.mapping.units import value_text
from grensverkeer.services.matrices.counted_matrix import AMOUNT, PUPILS
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, filtered_matrix
from grensverkeer.ui.heatmap import TOTAL
from grensverkeer.ui.main_window import MainWindow
from grensverkeer.ui.pages.map_page import DEFAULT_TOP, MapPage
from grensverkeer.ui.pages.matrix_page import MatrixPage
from grensverkeer.ui.picture_view import KEY

DELFT = "GM0503"
VOORSCHOTEN = "GM0626"


@pytest.fixture
def window(qtbot, context, store, messages, idle) -> Iterator[MainWindow]:
    window = MainWindow(context, store, pages=(MatrixPage, MapPage), remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("kaart")
    yield idle(window)
    idle(window)


def _page(window: MainWindow) -> MapPage:
    page = window.page("kaart")
    assert isinstance(page, MapPage)
    return page


def _expected_flows(window: MainWindow, measure: str, wanted: MatrixFilter) -> list[tuple]:
    """The largest flows with an end in the region, straight from the service."""
    matrix = filtered_matrix(window.context.db, window.school_year, measure, wanted)
    members = set(matrix.participants)
    flows = [
        (value, r, s)
        for (r, s), value in matrix.cells.items()
        if r != s and value and (r in members or s in members)
    ]
    return sorted(flows, key=lambda f: (-f[0], f[1], f[2]))


def test_the_map_draws_the_largest_flows_of_the_matrix(window: MainWindow) -> None:
    page = _page(window)
    expected = _expected_flows(window, PUPILS, MatrixFilter())[:DEFAULT_TOP]
    assert page.shown_flows() == [f"{r}>{s}" for _v, r, s in expected]
    # every arrow's hover text carries the matrix number
    for value, r, s in expected:
        (arrow,) = [i for i in page.view.scene().items() if i.data(KEY) == f"{r}>{s}"]
        assert arrow.toolTip().endswith(value_text(value, PUPILS, exact=True))
    assert "Voorschoten" in " ".join(page.map.picture.texts())


def test_filters_and_limits_change_the_arrows(window: MainWindow, idle) -> None:
    page = _page(window)
    before = page.shown_flows()
    page.top.setValue(5)
    assert page.shown_flows() == before[:5]
    page.top.setValue(0)  # all
    everything = _expected_flows(window, PUPILS, MatrixFilter())
    assert len(page.shown_flows()) == len(everything)
    page.threshold.setValue(20)
    assert page.shown_flows() == [f"{r}>{s}" for v, r, s in everything if v >= 20]
    page.threshold.setValue(0)
    page.top.setValue(DEFAULT_TOP)

    vo = page.filters.type_combo.findData(str(EduType.VO))
    page.filters.type_combo.setCurrentIndex(vo)
    idle(window)
    expected = _expected_flows(window, PUPILS, MatrixFilter(EduType.VO))[:DEFAULT_TOP]
    assert page.shown_flows() == [f"{r}>{s}" for _v, r, s in expected]
    assert page.shown_flows() != before

    page.filters.measure_amount.setChecked(True)
    idle(window)
    expected = _expected_flows(window, AMOUNT, MatrixFilter(EduType.VO))[:DEFAULT_TOP]
    assert page.shown_flows() == [f"{r}>{s}" for _v, r, s in expected]
    page.threshold.setValue(50_000)  # euros
    assert all(v >= 5_000_000 for v, r, s in expected if f"{r}>{s}" in page.shown_flows())
    assert "in euro’s" in " ".join(page.map.picture.texts())


def test_a_click_selects_and_lists_the_matrix_numbers(qtbot, window: MainWindow) -> None:
    page = _page(window)
    where = page.view.scene_point(page.map.anchors[DELFT])
    # a little below the label's baseline: on the municipality, not on an arrow's head
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where.toPoint())
    assert page.selected == DELFT
    assert page.list.currentItem().text() == "Delft"
    assert page.detail_title.text() == "Delft"

    matrix = filtered_matrix(window.context.db, window.school_year, PUPILS, MatrixFilter())
    shown = {(row.direction, row.other): row.value for row in page.flows_model.rows()}
    expected = {("in", r): v for (r, s), v in matrix.cells.items() if s == DELFT and r != DELFT}
    expected |= {("uit", s): v for (r, s), v in matrix.cells.items() if r == DELFT and s != DELFT}
    assert shown == expected
    into = sum(v for (d, _o), v in expected.items() if d == "in")
    assert f"{into} leerlingen" in page.detail.text()
    # the outline of the chosen municipality is drawn
    assert page.matrix_button.isEnabled()


def test_keyboard_choice_and_the_matrix_on_it(qtbot, window: MainWindow, idle) -> None:
    page = _page(window)
    vo = page.filters.type_combo.findData(str(EduType.VO))
    page.filters.type_combo.setCurrentIndex(vo)
    idle(window)
    page.list.setFocus()
    for row in range(page.list.count()):
        if page.list.item(row).text() == "Delft":
            page.list.setCurrentRow(row)
    assert page.selected == DELFT

    page.matrix_button.click()
    idle(window)
    qtbot.waitUntil(lambda: window.current_page().name == "matrix", timeout=5_000)
    matrix_page = window.page("matrix")
    assert matrix_page.current_filter() == MatrixFilter(EduType.VO)
    qtbot.waitUntil(
        lambda: matrix_page.view.currentIndex() == matrix_page.model.index_of(DELFT, TOTAL),
        timeout=5_000,
    )


def test_voorschoten_is_outside_from_2024_on(window: MainWindow, idle) -> None:
    page = _page(window)
    assert str(window.school_year) == "2024-2025"
    assert not page.map.figures[VOORSCHOTEN].participant
    from grensverkeer.schoolyear import SchoolYear

    window.set_school_year(SchoolYear(2023))
    idle(window)
    assert page.map.figures[VOORSCHOTEN].participant


def test_a_large_map_drawn_again_and_again_keeps_python_alive() -> None:
    """PySide6 6.12 drops a reference to None on every call of a C++ method that returns
    nothing; without ``picture_view._give_back`` a map of 40 municipalities with all arrows,
    drawn a few times, stops Python ("none_dealloc"). In a child, so a crash fails one test."""
    import subprocess
    import sys

    code = (
        "import os, sys, random\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsScene\n"
        "app = QApplication([])\n"
        "from grensverkeer.mapping.flowmap import MapRequest, build_map\n"
        "from grensverkeer.mapping.geo import shapes\n"
        "from grensverkeer.ui.picture_view import fill_scene, render_image\n"
        "codes = sorted(shapes())[100:148]\n"
        "rng = random.Random(1)\n"
        "cells = {(r, s): rng.randint(1, 30) for r in codes for s in codes}\n"
        "flow_map = build_map(MapRequest(cells, tuple(codes[:40]), 'pupils', {}, top=None))\n"
        "scene = QGraphicsScene()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(15):\n"
        "    fill_scene(scene, flow_map.picture)\n"
        "render_image(flow_map.picture, 1.0)\n"
        "assert sys.getrefcount(None) >= before - 100, (before, sys.getrefcount(None))\n"
        "print('ok', len(scene.items()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok")


def test_an_empty_database_points_to_the_import(qtbot, context, store, tmp_path, idle) -> None:
    from PySide6.QtWidgets import QLabel

    from grensverkeer.storage.database import open_database
    from grensverkeer.ui.context import UiContext
    from grensverkeer.ui.pages.trend_page import TrendPage

    empty = open_database(str(tmp_path / "leeg.sqlite"))
    try:
        pages = (MapPage, TrendPage)
        window = MainWindow(UiContext(empty, context.reference), store, pages=pages, remember=False)
        qtbot.addWidget(window)
        window.show()
        for name in ("kaart", "trend"):
            window.show_page(name)
            idle(window)
            page = window.page(name)
            said = "\n".join(label.text() for label in page.findChildren(QLabel))
            assert "Importeren…" in said, name
        assert _page(window).map is None and _page(window).shown_flows() == []
    finally:
        empty.close()
