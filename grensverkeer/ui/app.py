"""Starting the application: ``grensverkeer app [--demo] [--db URL] [--screenshot FILE]``.

Which database: ``--db`` first, else ``GRENSVERKEER_DB``, else the database opened last in the
window (``QSettings``), else the default file in the user's data directory. ``--demo`` opens
``demo.sqlite`` in the user's data directory and, when it has no pupils yet, loads the demo
region into it in a worker, with a progress dialog.

``--screenshot FILE.png`` waits until the window is painted and nothing is loading any more,
saves a picture of the window and quits: with ``--page NAME`` one picture of that page in
FILE.png; without it one picture per page, ``FILE-overzicht.png``, ``FILE-matrix.png`` and so
on (the page names of ``--page``). A screenshot run leaves the remembered window state alone.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from grensverkeer.errors import GrensverkeerError
from grensverkeer.ui.collector import install_collector
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.main_window import MainWindow

log = logging.getLogger("grensverkeer.ui")

SCREENSHOT_TIMEOUT_MS = 120_000
_translators: list[QTranslator] = []


def ensure_display(screenshot: bool) -> None:
    """On Linux without a display Qt aborts the process; say so in Dutch instead, or take a
    screenshot without a screen (the offscreen platform)."""
    if QApplication.instance() is not None or not sys.platform.startswith("linux"):
        return
    if any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    raise GrensverkeerError(
        "Er is geen beeldscherm om het venster op te tonen (DISPLAY is niet gezet). Start "
        "Grensverkeer in een grafische omgeving; een schermafdruk maken kan wel."
    )


def application() -> QApplication:
    """The one QApplication, made on first use, Dutch: Qt's own buttons say "Annuleren"."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_collector(app)  # workers must never collect (and so delete) a Qt object
    app.setOrganizationName("Grensverkeer")
    app.setApplicationName("Grensverkeer")
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    if not _translators:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
            app.installTranslator(translator)
            _translators.append(translator)
    return app


def demo_database_path() -> Path:
    from grensverkeer.services.demo import demo_database_path as path

    return path()


def choose_target(db: str | None, demo: bool, remembered: str) -> str | None:
    """The database to open (None: ``GRENSVERKEER_DB`` or the default file)."""
    from grensverkeer.storage.database import DB_ENV

    if demo:
        return str(demo_database_path())
    if db:
        return db
    if os.environ.get(DB_ENV):
        return None
    return remembered or None


def run_app(
    db: str | None,
    demo: bool,
    screenshot: Path | None,
    page: str | None,
    size: tuple[int, int] | None = None,
) -> int:
    """Open the window; with ``screenshot``, save the picture(s) and return instead of waiting."""
    from grensverkeer.logs import setup_logging
    from grensverkeer.services.matrices.counted_matrix import school_years_present
    from grensverkeer.storage.database import open_database
    from grensverkeer.ui.context import UiContext
    from grensverkeer.ui.dialogs import Unattended, install_excepthook, show_error
    from grensverkeer.ui.settings_store import SettingsStore
    from grensverkeer.ui.window_tasks import remembered_target
    from grensverkeer.ui.workers import wait_for_workers

    if demo and db:  # the command line refuses this first, in its own words
        raise GrensverkeerError("De demoregio heeft een eigen database; kies niet allebei.")
    setup_logging()
    ensure_display(screenshot is not None)
    app = application()
    store = SettingsStore()
    target = choose_target(db, demo, store.last_database())
    try:
        database = open_database(target)
    except GrensverkeerError as error:
        if screenshot is None:
            show_error(None, error_text(error))
        raise
    if db:
        store.set_last_database(remembered_target(db))
        store.add_recent_file(remembered_target(db))
    context = UiContext(database)
    window = MainWindow(context, store, remember=screenshot is None)
    previous_hook = install_excepthook(lambda: window)
    try:
        if page is not None:
            window.show_page(page)
        if size is not None:
            window.resize(*size)
        window.show()
        if demo and not school_years_present(database):
            window.load_demo()
        if screenshot is not None:
            Unattended.start()
            status = take_screenshots(app, window, screenshot, page)
            errors = Unattended.stop()  # an error nobody could see fails the run
            return status or (1 if errors else 0)
        return app.exec()
    finally:
        Unattended.stop()
        sys.excepthook = previous_hook
        window.close()
        wait_for_workers(context.pool)
        window.deleteLater()
        app.processEvents()
        context.db.close()


def wait_until_idle(app: QApplication, window: MainWindow) -> None:
    """Let the window paint and every worker report; a refusal is a Dutch error."""
    clock = QElapsedTimer()
    clock.start()
    loop = QEventLoop()
    while True:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        app.processEvents()
        if not window.is_busy() and window.isVisible():
            break
        if clock.elapsed() > SCREENSHOT_TIMEOUT_MS:
            raise GrensverkeerError("Het venster werd niet op tijd klaar voor de schermafdruk.")
    for _ in range(3):  # layouts settle over a few turns of the event loop
        QTimer.singleShot(30, loop.quit)
        loop.exec()
        app.processEvents()


def screenshot_paths(target: Path, names: list[str], page: str | None) -> dict[str, Path]:
    """Where each page's picture goes: ``target`` itself for one page, else ``stem-name``."""
    if page is not None:
        return {page: target}
    suffix = target.suffix or ".png"
    return {name: target.with_name(f"{target.stem}-{name}{suffix}") for name in names}


def take_screenshots(app: QApplication, window: MainWindow, target: Path, page: str | None) -> int:
    wait_until_idle(app, window)
    paths = screenshot_paths(target, window.page_names(), page)
    for name, path in paths.items():
        window.show_page(name)
        wait_until_idle(app, window)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            raise GrensverkeerError(f"De schermafdruk kon niet worden opgeslagen in {path}.")
        log.info("Schermafdruk opgeslagen: %s", path)
        print(f"Schermafdruk: {path}")
    return 0
