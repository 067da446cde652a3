"""The Gegevens page: the imports with their details, undoing one, dropping files, aliases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent

from grensverkeer.services.demo import demo_dir, demo_files
from grensverkeer.services.imports.aliases import add_alias, list_aliases
from grensverkeer.services.imports.import_log import list_imports
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.pages.data_page import DataPage, aliases_model, imports_model

TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, context: UiContext) -> Iterator[DataPage]:
    """The page on the demo database (the shared ``context``), wired as the window does."""
    page = DataPage(context)
    qtbot.addWidget(page)
    context.events.changed.connect(page.refresh)
    page.refresh()
    yield page
    QThreadPool.globalInstance().waitForDone(TIMEOUT)


def test_the_page_lists_every_import_with_its_details(page: DataPage) -> None:
    assert page.name == "gegevens" and page.title == "Gegevens"
    names = [s.file_name for s in page.imports.rows()]
    assert sorted(names) == sorted(p.name for p in demo_files())
    newest = max(page.imports.rows(), key=lambda s: s.id)
    assert page.selected_import() == newest  # the details are never empty
    assert newest.file_name in page.details.toPlainText()
    assert page.select_import(page.imports.rows()[4].id)
    chosen = page.selected_import()
    assert chosen is not None and chosen.file_name in page.details.toPlainText()
    assert "Rijen gelezen" in page.details.toPlainText()
    assert page.undo_button.isEnabled()


def test_undo_an_import_asks_first_and_removes_its_rows(
    qtbot, page: DataPage, messages: list[tuple[str, str]]
) -> None:
    chosen = next(s for s in page.imports.rows() if s.file_name == "swv_28-08_westland.csv")
    page.select_import(chosen.id)
    with qtbot.waitSignal(page.context.events.changed, timeout=TIMEOUT):
        assert page.undo_import() is not None
    assert [kind for kind, _text in messages] == ["vraag"]
    assert "swv_28-08_westland.csv" in messages[0][1]
    assert chosen.id not in {s.id for s in list_imports(page.context.db)}
    assert chosen.id not in {s.id for s in page.imports.rows()}  # refreshed
    assert len(page.imports.rows()) == len(demo_files()) - 1


def test_undo_does_nothing_when_the_user_says_no(
    page: DataPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("grensverkeer.ui.pages.data_page.ask", lambda _parent, _text: False)
    page.select_import(page.imports.rows()[0].id)
    assert page.undo_import() is None
    assert len(list_imports(page.context.db)) == len(demo_files())


def test_dropping_files_on_the_page_opens_the_wizard_with_them(page: DataPage) -> None:
    dropped = demo_dir() / "met_fouten" / "swv_met_fouten.xlsx"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)
    assert page.wizard is not None
    assert page.wizard.files_page.paths() == [Path(dropped)]
    page.wizard.reject()
    assert page.wizard is None


def test_start_import_opens_one_wizard(page: DataPage) -> None:
    wizard = page.start_import()
    assert wizard.isVisible() and wizard.files_page.paths() == []
    assert page.start_import([demo_files()[0]]) is wizard  # Ctrl+O again: the same wizard
    assert wizard.files_page.paths() == [demo_files()[0]]
    wizard.reject()


def test_an_accepted_spelling_is_listed_and_can_be_forgotten(
    page: DataPage, messages: list[tuple[str, str]]
) -> None:
    add_alias(page.context.db, "Den Haaag", "GM0518")
    page.refresh()
    (alias,) = page.aliases.rows()
    assert alias.text == "Den Haaag"
    assert page.aliases.data(page.aliases.index(0, 1)) == "'s-Gravenhage (GM0518)"
    page.aliases_view.selectRow(0)
    assert page.forget_button.isEnabled()
    page.forget_alias()
    assert list_aliases(page.context.db) == []
    assert page.aliases.rows() == []


def test_the_page_models(qtmodeltester, page: DataPage) -> None:
    add_alias(page.context.db, "Den Haaag", "GM0518")
    page.refresh()
    qtmodeltester.check(page.imports)
    qtmodeltester.check(page.imports_proxy)
    qtmodeltester.check(page.aliases)
    assert imports_model().columnCount() == 9
    assert aliases_model(page.context).columnCount() == 3


def test_ctrl_o_in_the_main_window_opens_the_wizard(qtbot, context: UiContext, store) -> None:
    from grensverkeer.ui.main_window import MainWindow
    from grensverkeer.ui.pages.data_page import DataPage

    window = MainWindow(context, store, pages=(DataPage,))
    qtbot.addWidget(window)
    window.show()
    page = window.page("gegevens")
    assert isinstance(page, DataPage)
    assert window.import_action.shortcut().toString() == "Ctrl+O"
    window.import_action.trigger()
    assert page.wizard is not None and page.wizard.isVisible()
    assert page.is_busy() is False
    page.wizard.reject()
    assert len(page.imports.rows()) == len(demo_files())  # the window refreshed the page
    QThreadPool.globalInstance().waitForDone(TIMEOUT)
