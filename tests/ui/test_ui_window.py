"""The main window: pages in order, menus and shortcuts, the school year, remembering."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.ui.main_window import PAGES, MainWindow
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.pages.matrix_page import MatrixPage
from grensverkeer.ui.pages.overview_page import OverviewPage
from grensverkeer.ui.pages.settings_page import SettingsPage
from grensverkeer.ui.window_tasks import remembered_target

MY_PAGES = (OverviewPage, MatrixPage, SettingsPage)
ORDER = [
    "Overzicht",
    "Gegevens",
    "Matrix",
    "Kaart",
    "Trend",
    "Verrekening",
    "Documenten",
    "Instellingen",
]


@pytest.fixture
def window(qtbot, context, store, messages, idle) -> Iterator[MainWindow]:
    window = MainWindow(context, store, pages=MY_PAGES)
    qtbot.addWidget(window)
    yield idle(window)
    idle(window)


def test_window_opens_on_the_demo(window: MainWindow, demo_db) -> None:
    assert window.page_names() == ["overzicht", "matrix", "instellingen"]
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["Overzicht", "Matrix", "Instellingen"]
    assert window.current_page().name == "overzicht"
    assert window.windowTitle() == "Grensverkeer — Demoregio — 2024-2025"
    assert window.status_label.text().startswith("Demoregio (verzonnen gegevens)")
    assert Path(demo_db.engine.url.database).name in window.status_label.text()
    assert window.status_label.toolTip() == demo_db.description  # the whole path on hover
    assert "2024-2025" in window.status_label.text()
    years = [window.year_combo.itemText(i) for i in range(window.year_combo.count())]
    assert years == ["2024-2025", "2023-2024"]


def test_a_missing_page_module_is_an_error_at_start(tmp_path: Path) -> None:
    """The pages are imported like any module: one that is missing (a broken install, a
    bundle without it) stops ``grensverkeer app`` at once with a message naming it; it is
    never silently left out of the window."""
    missing = "grensverkeer.ui.pages.matrix_page"
    program = (
        "import sys\n"
        f"sys.modules[{missing!r}] = None  # as if the file were not installed\n"
        "from grensverkeer.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    picture = tmp_path / "venster.png"
    database = tmp_path / "leeg.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    arguments = ["app", "--db", str(database), "--screenshot", str(picture)]
    done = subprocess.run(
        [sys.executable, "-c", program, *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Het venster kan niet starten" in done.stderr
    assert missing in done.stderr
    assert not list(tmp_path.glob("venster*.png"))


def test_a_page_that_cannot_be_made_is_an_error_at_start(qtbot, context, store) -> None:
    class BrokenPage(Page):
        name = "kapot"
        title = "Kapot"

        def __init__(self, context) -> None:
            raise RuntimeError("kapot")

    with pytest.raises(RuntimeError, match="kapot"):
        MainWindow(context, store, pages=(OverviewPage, BrokenPage), remember=False)


def test_the_registry_keeps_the_navigation_order() -> None:
    assert [page.title for page in PAGES] == ORDER
    names = [page.name for page in PAGES]
    assert names == [
        "overzicht",
        "gegevens",
        "matrix",
        "kaart",
        "trend",
        "verrekening",
        "documenten",
        "instellingen",
    ]


def test_shortcuts_exist(window: MainWindow) -> None:
    assert window.refresh_action.shortcut() == QKeySequence("F5")
    assert window.import_action.shortcut() == QKeySequence("Ctrl+O")
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.print_action.shortcut() == QKeySequence("Ctrl+P")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Bestand", "Bee&ld", "&Help"]


def test_f5_refreshes_the_page_in_view(qtbot, window: MainWindow, monkeypatch) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = window.current_page()
    calls = []
    monkeypatch.setattr(page, "refresh", lambda: calls.append(page.name))
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F5)
    assert calls == ["overzicht"]


def test_a_data_change_refreshes_the_visible_page_and_marks_the_others(
    window: MainWindow, context, monkeypatch
) -> None:
    calls: list[str] = []
    for page in window.pages:
        monkeypatch.setattr(page, "refresh", lambda name=page.name: calls.append(name))
    context.events.changed.emit()
    assert calls == ["overzicht"]
    window.show_page("matrix")
    assert calls == ["overzicht", "matrix"]
    window.show_page("overzicht")  # not stale any more: no second refresh
    assert calls == ["overzicht", "matrix"]


def test_the_school_year_drives_the_pages(window: MainWindow, idle) -> None:
    matrix = window.show_page("matrix")
    assert matrix.school_year == SchoolYear(2024)
    window.set_school_year(SchoolYear(2023))
    idle(window)
    assert matrix.school_year == SchoolYear(2023)
    assert window.page("instellingen").school_year == SchoolYear(2023)
    assert window.windowTitle() == "Grensverkeer — Demoregio — 2023-2024"
    assert matrix.model.total() == 2694


def test_without_documents_or_data_page_the_menus_say_so(
    window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    window.export_action.trigger()
    window.print_action.trigger()
    window.import_action.trigger()
    assert messages == [
        ("info", "Exporteren naar Excel is nog niet beschikbaar."),
        ("info", "Afdrukken is nog niet beschikbaar."),
        ("info", "Importeren gaat via de pagina Gegevens, en die heeft dit venster niet."),
    ]


class FakeDataPage(Page):
    name = "gegevens"
    title = "Gegevens"
    started = 0

    def refresh(self) -> None:
        pass

    def start_import(self) -> None:
        FakeDataPage.started += 1


class FakeDocumentsPage(Page):
    name = "documenten"
    title = "Documenten"
    calls: list[str] = []  # noqa: RUF012

    def refresh(self) -> None:
        pass

    def export_excel(self) -> None:
        self.calls.append("excel")

    def print_document(self) -> None:
        self.calls.append("print")


def test_menus_forward_to_the_pages_that_have_the_hooks(qtbot, context, store, idle) -> None:
    window = MainWindow(context, store, pages=(FakeDataPage, FakeDocumentsPage, *MY_PAGES))
    qtbot.addWidget(window)
    idle(window)
    FakeDocumentsPage.calls = []
    window.import_action.trigger()
    assert FakeDataPage.started == 1
    assert window.current_page().name == "gegevens"
    window.export_action.trigger()
    window.print_action.trigger()
    assert FakeDocumentsPage.calls == ["excel", "print"]
    assert window.current_page().name == "documenten"


def test_last_page_and_geometry_are_restored(qtbot, context, store, idle) -> None:
    first = MainWindow(context, store, pages=MY_PAGES)
    qtbot.addWidget(first)
    idle(first)
    first.show_page("instellingen")
    first.close()
    assert store.last_page() == "instellingen"
    assert not store.geometry().isEmpty()
    second = MainWindow(context, store, pages=MY_PAGES)
    qtbot.addWidget(second)
    idle(second)
    assert second.current_page().name == "instellingen"


def test_the_settings_file_is_the_temporary_one(store, tmp_path) -> None:
    store.set_last_page("matrix")
    store.sync()
    assert (tmp_path / "instellingen.ini").read_text(encoding="utf-8").count("matrix") == 1


def test_recent_files_keep_no_password_and_no_doubles(store, tmp_path) -> None:
    url = "postgresql+psycopg://piet:geheim@server/grensverkeer"
    remembered = remembered_target(url)
    assert "geheim" not in remembered
    assert remembered == "postgresql+psycopg://piet@server/grensverkeer"
    store.add_recent_file(remembered)
    store.add_recent_file(str(tmp_path / "a.sqlite"))
    store.add_recent_file(remembered)
    assert store.recent_files() == [remembered, str(tmp_path / "a.sqlite")]


def test_the_about_dialog_shows_the_version(window: MainWindow) -> None:
    from grensverkeer import __version__
    from grensverkeer.ui.dialogs import AboutDialog

    dialog = AboutDialog(window)
    assert __version__ in dialog.version_label.text()
    assert dialog.windowTitle() == "Over Grensverkeer"


def test_the_real_window_has_all_six_pages(qtbot, context, store, messages, idle) -> None:
    """No page may silently fail to load: the application shows all six, in this order."""
    window = MainWindow(context, store)
    qtbot.addWidget(window)
    idle(window)
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ORDER
    idle(window)


@pytest.mark.skipif(os.name == "nt", reason="mode bits protect no key on Windows")
def test_a_key_others_can_read_is_said_in_the_status_bar(
    qtbot, window: MainWindow, demo_db, monkeypatch
) -> None:
    from grensverkeer.pseudonym import key_file

    monkeypatch.delenv("GRENSVERKEER_KEY")
    key = key_file()
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_text("d3b07384d113edec49eaa6238ad5ff00c86f8f0d1e6b2a3c4d5e6f708192a3b4\n")
    key.chmod(0o644)
    worker = window.open_database(demo_db.engine.url.database)
    qtbot.waitUntil(lambda: worker.is_done() and not window.is_busy(), timeout=10_000)
    assert "Let op: " in window.statusBar().currentMessage()
    assert "leesbaar voor anderen" in window.statusBar().currentMessage()


def test_the_page_names_in_the_app_help_are_the_windows() -> None:
    """``app --page`` names the pages without importing the window (the CLI loads no Qt)."""
    from grensverkeer.cli.app_cmd import PAGE_NAMES

    assert PAGE_NAMES.split(", ") == [page.name for page in PAGES]
