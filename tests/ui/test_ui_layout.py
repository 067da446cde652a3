"""Every main page and every wizard page fits a laptop: 1366×768 and 1100×720, at 100%, 125%
and 150% scaling, with no text elided or clipped (labels, buttons, table headers and cells).

Scaling is emulated in logical pixels (see ``layout_check``). A window must also be able to
take the size: its pages scroll rather than push it past the screen. Screenshots of every
page at every size go to ``tests/output/layout`` to be looked at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from layout_check import SCALES, SIZES, clipped, logical_size, screenshot
from PySide6.QtCore import QThreadPool

from grensverkeer.services.demo import demo_dir
from grensverkeer.storage.database import Database
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.import_wizard import ImportWizard
from grensverkeer.ui.main_window import MainWindow

TIMEOUT = 60_000
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "cases"


def _fits(qtbot, widget, name: str) -> list[str]:
    """The problems of ``widget`` at every size and scale (a screenshot of each)."""
    problems = []
    for size in SIZES:
        for scale in SCALES:
            width, height = logical_size(size, scale)
            widget.resize(width, height)
            qtbot.wait(10)
            where = f"{name} {size[0]}×{size[1]} {int(scale * 100)}%"
            if (widget.width(), widget.height()) != (width, height):
                problems.append(f"{where}: venster {widget.width()}×{widget.height()} past niet")
            problems.extend(f"{where}: {p}" for p in clipped(widget))
            screenshot(widget, f"{name}-{size[0]}x{size[1]}-{int(scale * 100)}")
    return problems


@pytest.fixture
def window(qtbot, context, store, messages, idle) -> Iterator[MainWindow]:
    window = MainWindow(context, store)
    qtbot.addWidget(window)
    window.show()
    yield idle(window)
    idle(window)


def test_every_main_page_fits(qtbot, window: MainWindow, idle) -> None:
    problems = []
    for name in window.page_names():
        window.show_page(name)
        idle(window)
        problems.extend(_fits(qtbot, window, name))
    assert problems == []


@pytest.fixture
def wizard_context(sqlite_db: Database) -> Iterator[UiContext]:
    pool = QThreadPool()
    yield UiContext(sqlite_db, pool=pool)
    pool.waitForDone(TIMEOUT)


def test_every_wizard_page_fits(qtbot, wizard_context: UiContext) -> None:
    schools = sorted((demo_dir() / "scholen").glob("*.csv"))
    files = [
        *schools,
        demo_dir() / "met_fouten" / "swv_met_fouten.xlsx",
        next((CORPUS / "c28_weigeren_plaats_en_plaats_2").glob("*.xlsx")),
    ]
    wizard = ImportWizard(wizard_context, files)
    qtbot.addWidget(wizard)
    wizard.files_page.skip_box.setChecked(True)
    wizard.show()

    def settle() -> None:
        qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=TIMEOUT)

    problems = _fits(qtbot, wizard, "wizard-1-bestanden")
    wizard.next()
    settle()
    assert wizard.column_page.question_boxes()  # the two-places file asks here
    problems += _fits(qtbot, wizard, "wizard-2-kolommen")
    box = wizard.column_page.question_boxes()[0]
    box.setCurrentIndex(1)
    settle()
    wizard.next()
    settle()
    assert wizard.check_page.reports is not None
    problems += _fits(qtbot, wizard, "wizard-3-controle")
    wizard.next()
    settle()
    assert wizard.currentId() == ImportWizard.RESULT
    problems += _fits(qtbot, wizard, "wizard-5-resultaat")
    assert problems == []
