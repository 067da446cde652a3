"""The Trend page and the charts elsewhere in the window: the figures of every year with its
own participants, membership changes marked, names in full and euros in Dutch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grensverkeer.mapping.picture import Text
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.settling.analysis import year_trend
from grensverkeer.services.settling.balance import parse_tolerance
from grensverkeer.ui.main_window import MainWindow
from grensverkeer.ui.pages.overview_page import OverviewPage
from grensverkeer.ui.pages.settlement_page import SettlementPage
from grensverkeer.ui.pages.trend_page import TrendPage


@pytest.fixture
def window(qtbot, context, store, messages, idle) -> Iterator[MainWindow]:
    pages = (OverviewPage, TrendPage, SettlementPage)
    window = MainWindow(context, store, pages=pages, remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield idle(window)
    idle(window)


def _texts(view) -> list[str]:
    assert view.picture is not None
    return [item.text for item in view.picture.items if isinstance(item, Text)]


def test_the_years_side_by_side(window: MainWindow, idle, demo_db) -> None:
    window.show_page("trend")
    idle(window)
    page = window.page("trend")
    assert [str(y.school_year) for y in page.years] == ["2023-2024", "2024-2025"]
    tolerance = parse_tolerance("10%")
    for figures in page.years:
        expected = year_trend(demo_db, figures.school_year, tolerance)
        assert figures.participants == expected.participants
        assert figures.ratio == expected.regional_ratio
        assert figures.balanced == expected.balanced
        assert sum(b.pupils_in for b in figures.balances) == expected.pupils
    gross, net, share = (_texts(view) for view in page.charts)
    # Voorschoten left on 1 January 2024: a value for 2023-2024, none after, and a note
    assert "Voorschoten" in gross and "geen lid" in gross
    assert "Voorschoten: geen deelnemer meer vanaf 2024-2025" in gross
    assert any(text.startswith("€ ") and "." in text for text in net)  # € 1.332.100
    assert "saldo in euro’s (positief: ontvangt)" in net
    assert "tolerantie 10%" in share
    assert page.table_model.rowCount() == 2


def test_the_settlement_chart_names_every_municipality_in_full(window: MainWindow, idle) -> None:
    window.set_school_year(SchoolYear(2024))
    window.show_page("verrekening")
    idle(window)
    page = window.page("verrekening")
    page.refresh()
    idle(window)
    texts = _texts(page.chart_view)
    for name in ("Leidschendam-Voorburg", "Pijnacker-Nootdorp", "Midden-Delfland", "Den Haag"):
        assert name in texts
    axis = [t for t in texts if t.startswith("€ ")]
    assert axis and all("…" not in t for t in texts)
    assert any(t.count(".") >= 1 for t in axis)  # Dutch thousands separators
    # the picture is as wide as the view: nothing is cut at its edge
    assert page.chart_view.picture.width <= page.chart_view.viewport().width() + 1


def test_the_overview_has_a_chart_of_the_year(window: MainWindow, idle) -> None:
    window.show_page("overzicht")
    idle(window)
    page = window.page("overzicht")
    texts = _texts(page.chart)
    assert "Schooljaar 2024-2025: leerlingen in grensverkeer binnen de regio" in texts
    assert "Voorschoten" not in texts  # no participant in 2024-2025
