"""The Overzicht page: school years, what needs attention, the last imports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from grensverkeer import formatting
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_log import list_imports
from grensverkeer.services.matrices.counted_matrix import amount_matrix, pupil_matrix
from grensverkeer.services.settling.balance import cross_border
from grensverkeer.services.years.tariffs import list_tariffs, remove_tariff
from grensverkeer.ui.main_window import MainWindow
from grensverkeer.ui.pages.overview_page import OverviewPage, year_overviews

PAGES = (OverviewPage,)


@pytest.fixture
def window(qtbot, context, store, messages, idle) -> Iterator[MainWindow]:
    window = MainWindow(context, store, pages=PAGES)
    qtbot.addWidget(window)
    yield idle(window)
    idle(window)


@pytest.fixture
def page(window: MainWindow) -> OverviewPage:
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    return page


def cell(model, row: int, title: str) -> str:
    column = next(i for i, c in enumerate(model.columns) if c.title == title)
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_school_years_show_pupils_and_amounts(page: OverviewPage, demo_db) -> None:
    model = page.years_model
    assert [cell(model, r, "Schooljaar") for r in range(model.rowCount())] == [
        "2024-2025",
        "2023-2024",
    ]
    year = SchoolYear(2024)
    pupils = pupil_matrix(demo_db, year)
    amounts = amount_matrix(demo_db, year)
    assert cell(model, 0, "Leerlingen") == "2.945"
    assert cell(model, 0, "Grensverkeer") == formatting.number(
        cross_border(pupils.cells, pupils.participants)
    )
    assert cell(model, 0, "Bedrag grensverkeer") == formatting.euros(
        cross_border(amounts.cells, amounts.participants)
    )
    assert cell(model, 0, "Deelnemers") == "9"
    assert cell(model, 1, "Deelnemers") == "10"
    assert cell(model, 0, "Plan vastgesteld") == "nee"
    assert cell(model, 0, "Geteld") == "peildatum 01-10-2024"


def test_the_last_imports_newest_first(page: OverviewPage, demo_db) -> None:
    imports = list_imports(demo_db)
    model = page.imports_model
    assert model.rowCount() == min(10, len(imports))
    assert model.row_at(0).id == imports[-1].id
    assert cell(model, 0, "Bestand") == imports[-1].file_name


def test_what_needs_attention(page: OverviewPage, demo_db, context, idle) -> None:
    texts = [page.attention.item(i).text() for i in range(page.attention.count())]
    skipped = [i for i in list_imports(demo_db) if i.rows_skipped]
    assert skipped
    for summary in skipped:
        assert any(t.startswith(summary.file_name) and "overgeslagen" in t for t in texts)
    year = SchoolYear(2024)
    for tariff in list_tariffs(demo_db, year):
        remove_tariff(demo_db, year, tariff.edu_type, tariff.arrangement)
    context.events.changed.emit()
    idle(page)
    assert cell(page.years_model, 0, "Bedrag grensverkeer") == "geen tarieven"
    texts = [page.attention.item(i).text() for i in range(page.attention.count())]
    assert texts[0].startswith("Schooljaar 2024-2025: geen tarieven ingesteld")


def test_year_overviews_name_missing_tariffs(page: OverviewPage, demo_db, context, idle) -> None:
    from grensverkeer.domain import EduType

    year = SchoolYear(2024)
    remove_tariff(demo_db, year, EduType.SO, "")  # the general SO tariff
    first = year_overviews(demo_db)[0]
    assert first.cross_border_cents is None
    assert [m.edu_type for m in first.missing] == ["SO"]
    context.events.changed.emit()
    idle(page)
    assert cell(page.years_model, 0, "Bedrag grensverkeer") == "tarief ontbreekt (SO)"
    texts = [page.attention.item(i).text() for i in range(page.attention.count())]
    assert texts[0].startswith("Schooljaar 2024-2025: geen tarief voor SO (")


def test_the_models_pass_the_model_tester(qtmodeltester, page: OverviewPage) -> None:
    qtmodeltester.check(page.years_model)
    qtmodeltester.check(page.imports_model)
    qtmodeltester.check(page.years_view.model())
