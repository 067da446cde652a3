"""The Matrix page and its heat-map model on the demo region."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from grensverkeer import formatting
from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import (
    AMOUNT,
    PUPILS,
    amount_matrix,
    pupil_matrix,
)
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, filtered_matrix
from grensverkeer.services.years.tariffs import list_tariffs, remove_tariff
from grensverkeer.ui.heatmap import (
    CELL_ROLE,
    DIAGONAL,
    OUTSIDE,
    TOTAL,
    VALUE_ROLE,
    MatrixModel,
    heat_colour,
)
from grensverkeer.ui.main_window import MainWindow
from grensverkeer.ui.pages.matrix_page import MatrixPage

YEAR = SchoolYear(2024)
PAGES = (MatrixPage,)
DELFT, DEN_HAAG, WESTLAND, RIJSWIJK = "GM0503", "GM0518", "GM1783", "GM0603"


@pytest.fixture
def window(qtbot, context, store, messages, idle) -> Iterator[MainWindow]:
    window = MainWindow(context, store, pages=PAGES)
    qtbot.addWidget(window)
    yield idle(window)
    idle(window)


@pytest.fixture
def page(window: MainWindow, idle) -> MatrixPage:
    page = window.current_page()
    assert isinstance(page, MatrixPage)
    return page


def test_the_total_is_the_sum_of_the_matrix_cells(page: MatrixPage, demo_db) -> None:
    matrix = pupil_matrix(demo_db, YEAR)
    assert page.model.total() == sum(matrix.cells.values()) == 2945
    assert "Totaal: 2.945 leerlingen" in page.caption.text()
    model = page.model
    assert model.index_of(WESTLAND, DELFT).data(VALUE_ROLE) == matrix.cells[WESTLAND, DELFT]
    outside_row = sum(v for (r, _s), v in matrix.cells.items() if r not in matrix.participants)
    assert model.index_of(OUTSIDE, TOTAL).data(VALUE_ROLE) == outside_row
    den_haag_row = sum(v for (r, _s), v in matrix.cells.items() if r == DEN_HAAG)
    assert model.index_of(DEN_HAAG, TOTAL).data(VALUE_ROLE) == den_haag_row


def test_rows_are_participants_then_outside_then_total(page: MatrixPage, demo_db) -> None:
    model = page.model
    keys = model.keys()
    assert keys[-2:] == (OUTSIDE, TOTAL)
    assert set(keys[:-2]) == set(pupil_matrix(demo_db, YEAR).participants)
    header = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(keys))]
    assert header[0] == "Delft" and header[-2:] == ["Buiten de regio", "Totaal"]
    assert "Den Haag" in header


def test_roles_word_and_colour_the_cells(page: MatrixPage, demo_db) -> None:
    model = page.model
    value = pupil_matrix(demo_db, YEAR).cells[WESTLAND, DELFT]
    cell = model.index_of(WESTLAND, DELFT)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == str(value)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == f"Westland → Delft: {value} leerlingen"
    assert cell.data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert cell.data(CELL_ROLE) == (WESTLAND, DELFT)
    assert model.index_of(DELFT, DELFT).data(Qt.ItemDataRole.BackgroundRole) == DIAGONAL
    assert "eigen gemeente" in model.index_of(DELFT, DELFT).data(Qt.ItemDataRole.ToolTipRole)
    grand = model.index_of(TOTAL, TOTAL)
    assert grand.data(Qt.ItemDataRole.DisplayRole) == "2.945"
    assert grand.data(Qt.ItemDataRole.FontRole).bold()
    largest = max(
        (model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())),
        key=lambda i: (
            i.data(VALUE_ROLE)
            if TOTAL not in i.data(CELL_ROLE) and i.data(CELL_ROLE)[0] != i.data(CELL_ROLE)[1]
            else -1
        ),
    )
    assert largest.data(Qt.ItemDataRole.BackgroundRole) == heat_colour(1.0)
    assert largest.data(Qt.ItemDataRole.ForegroundRole).lightnessF() > 0.9  # white on dark


def test_the_models_pass_the_model_tester(qtmodeltester, page: MatrixPage, context, idle) -> None:
    qtmodeltester.check(page.model)
    page.set_measure(AMOUNT)
    idle(page)
    qtmodeltester.check(page.model)
    empty = MatrixModel(context.reference)
    qtmodeltester.check(empty)
    page.show_cell(page.model.index_of(OUTSIDE, DEN_HAAG))
    idle(page)
    qtmodeltester.check(page.pupils_model)


def test_euros_show_amounts(page: MatrixPage, demo_db, idle) -> None:
    page.set_measure(AMOUNT)
    idle(page)
    assert page.model.amounts
    amounts = amount_matrix(demo_db, YEAR)
    assert page.model.total() == amounts.total()
    cell = page.model.index_of(WESTLAND, DELFT)
    cents = amounts.cells[WESTLAND, DELFT]
    assert cell.data(VALUE_ROLE) == cents
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("Westland → Delft: € ")
    assert "€" in page.caption.text()
    page.set_measure(PUPILS)
    idle(page)
    assert page.model.total() == 2945


def test_missing_tariffs_are_a_message_in_the_page(page: MatrixPage, demo_db, idle) -> None:
    for tariff in list_tariffs(demo_db, YEAR):
        remove_tariff(demo_db, YEAR, tariff.edu_type, tariff.arrangement)
    page.set_measure(AMOUNT)
    idle(page)
    assert not page.message.isHidden()
    assert "Geen tarief voor schooljaar 2024-2025" in page.message.text()
    assert "pagina Instellingen, tab Tarieven" in page.message.text()
    assert page.model.rowCount() == 0
    page.set_measure(PUPILS)
    idle(page)
    assert page.message.isHidden()
    assert page.model.total() == 2945


def test_filters_count_like_the_services(page: MatrixPage, demo_db, idle) -> None:
    page.type_combo.setCurrentIndex(page.type_combo.findData("SO"))
    idle(page)
    assert page.model.total() == pupil_matrix(demo_db, YEAR, EduType.SO).total()
    page.type_combo.setCurrentIndex(0)
    idle(page)
    page.swv_combo.setCurrentIndex(page.swv_combo.findData("PO 28-15"))
    idle(page)
    wanted = filtered_matrix(demo_db, YEAR, PUPILS, MatrixFilter(swv="PO 28-15"))
    assert 0 < page.model.total() == wanted.total() < 2945
    page.arrangement_combo.setCurrentIndex(page.arrangement_combo.findData("Zorg in de klas"))
    idle(page)
    both = MatrixFilter(swv="PO 28-15", arrangement="Zorg in de klas")
    assert page.model.total() == filtered_matrix(demo_db, YEAR, PUPILS, both).total()
    page.set_measure(AMOUNT)
    idle(page)
    assert page.model.total() == filtered_matrix(demo_db, YEAR, AMOUNT, both).total()


def test_clicking_a_cell_lists_exactly_its_pupils(qtbot, window: MainWindow, page, idle) -> None:
    window.show()
    qtbot.waitExposed(window)
    for cell in ((WESTLAND, DELFT), (OUTSIDE, DEN_HAAG), (DEN_HAAG, TOTAL)):
        index = page.model.index_of(*cell)
        page.view.scrollTo(index)
        qtbot.mouseClick(
            page.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=page.view.visualRect(index).center(),
        )
        idle(page)
        assert page.cell == cell
        assert page.pupils_model.rowCount() == index.data(VALUE_ROLE) > 0
        assert formatting.number(index.data(VALUE_ROLE)) in page.cell_caption.text()
    pupils = page.pupils_model.rows()
    assert all(len(p.pseudonym) == 8 for p in pupils)
    assert not page.pupils_view.isColumnHidden(7)  # "Woont in" shown for an aggregate


def test_a_filtered_cell_lists_the_filtered_pupils(page: MatrixPage, idle) -> None:
    page.type_combo.setCurrentIndex(page.type_combo.findData("VO"))
    idle(page)
    page.arrangement_combo.setCurrentIndex(page.arrangement_combo.findData("Zorg in de klas"))
    idle(page)
    index = page.model.index_of(DEN_HAAG, RIJSWIJK)
    page.show_cell(index)
    idle(page)
    assert page.pupils_model.rowCount() == index.data(VALUE_ROLE)
    assert {p.edu_type for p in page.pupils_model.rows()} <= {EduType.VO}
    assert {p.arrangement for p in page.pupils_model.rows()} <= {"Zorg in de klas"}


def test_without_pupils_the_page_says_so(qtbot, context, store, tmp_path, idle) -> None:
    from grensverkeer.storage.database import open_database
    from grensverkeer.ui.context import UiContext

    empty = open_database(str(tmp_path / "leeg.sqlite"))
    try:
        window = MainWindow(UiContext(empty, context.reference), store, pages=PAGES)
        qtbot.addWidget(window)
        page = idle(window).current_page()
        assert page.model.rowCount() == 0
        said = page.message.text()
        assert "geen leerlingen geteld" in said
        assert "Bestand → Importeren…" in said and "grensverkeer import" not in said
    finally:
        empty.close()


def test_the_page_opens_with_the_pupils_of_the_largest_flow(page: MatrixPage, idle) -> None:
    idle(page)
    assert page.cell == (DEN_HAAG, RIJSWIJK)  # 93 pupils: the largest flow in the demo
    index = page.model.index_of(DEN_HAAG, RIJSWIJK)
    assert page.view.currentIndex() == index
    assert page.pupils_model.rowCount() == index.data(VALUE_ROLE) == 93
    assert page.cell_title.text() == "Den Haag → Rijswijk"
