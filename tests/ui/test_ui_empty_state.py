"""An empty database in the window: every page says what to import in the window's own words
(menu, page and button names), never a command of the command line, and shows no zeros."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.year_pupils import YearPupils
from grensverkeer.storage.database import open_database
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.empty_year import no_pupils_text
from grensverkeer.ui.main_window import MainWindow


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_every_page_of_an_empty_database_points_to_the_import(
    qtbot, context, store, tmp_path: Path, idle
) -> None:
    empty = open_database(str(tmp_path / "leeg.sqlite"))
    try:
        window = MainWindow(UiContext(empty, context.reference), store, remember=False)
        qtbot.addWidget(window)
        window.show()
        for name in ("overzicht", "matrix", "verrekening", "documenten"):
            window.show_page(name)
            idle(window)
            said = _texts(window.page(name))
            assert "Importeren…" in said, name
            assert "grensverkeer " not in said.lower().replace("grensverkeer —", ""), name
        settlement = window.page("verrekening")
        assert settlement.transfers.rowCount() == 0 and settlement.positions.rowCount() == 0
        assert not settlement.finalize_button.isEnabled()
    finally:
        empty.close()


def test_records_that_do_not_count_point_to_the_peildatum() -> None:
    found = YearPupils(SchoolYear(2024), 3, False, date(2024, 10, 1), False, ())
    said = no_pupils_text(found)
    assert "geen van de 3 geïmporteerde inschrijvingen loopt op de peildatum 1 oktober 2024" in said
    assert "pagina Instellingen, tab Schooljaar" in said and "--" not in said
    other = YearPupils(SchoolYear(2024), 0, False, date(2024, 10, 1), False, (SchoolYear(2023),))
    said = no_pupils_text(other)
    assert "Er zijn wel leerlingen voor 2023-2024. Kies dat schooljaar bovenaan" in said
