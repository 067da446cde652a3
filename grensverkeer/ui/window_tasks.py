"""The main window's own long work: opening another database and loading the demo region, each
in a worker so the window stays responsive; and how a database is remembered and named.

A mixin of ``MainWindow`` (it uses the window's ``context``, ``store``, ``pages``, status bar
and ``_run``), in its own module so the window's module stays about the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QProgressDialog
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from grensverkeer.services.demo import is_demo
from grensverkeer.ui.dialogs import show_error
from grensverkeer.ui.workers import Worker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from grensverkeer.storage.database import Database
    from grensverkeer.ui.context import UiContext
    from grensverkeer.ui.pages.base import Page
    from grensverkeer.ui.settings_store import SettingsStore

    # For the type checker the mixin is the main window it is mixed into; at run time it is a
    # plain class, so ``MainWindow(WindowTasks, QMainWindow)`` stays as it was.
    _Window = QMainWindow
else:
    _Window = object


def short_target(description: str) -> str:
    """A database as the status bar names it: a SQLite file by its name, a server by its URL."""
    if description.startswith("sqlite:///"):
        return Path(description.removeprefix("sqlite:///")).name or description
    return description


def remembered_target(target: str) -> str:
    """How a database is remembered: an absolute path, or a URL without its password."""
    if "://" not in target:
        return str(Path(target).expanduser().resolve())
    try:
        url = make_url(target)
    except ArgumentError:
        return target
    without = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return without.render_as_string(hide_password=False)


class WindowTasks(_Window):
    """Opening another database and loading the demo region (see the module docstring)."""

    # What the mixin uses of ``MainWindow`` (set in its ``__init__``).
    context: UiContext
    store: SettingsStore
    pages: list[Page]
    demo: bool
    demo_progress: QProgressDialog | None

    if TYPE_CHECKING:

        def _run(self, worker: Worker) -> None: ...

        def _update_status(self) -> None: ...

    # Another database ----------------------------------------------------------------------

    def open_database(self, target: str) -> Worker:
        """Open ``target`` in a worker; on success the window works on it and remembers it."""
        from grensverkeer.storage.database import open_database

        self.statusBar().showMessage(self.tr("Database openen…"))
        worker = Worker(lambda _progress, _cancelled: open_database(target), "database openen")
        worker.signals.finished.connect(lambda db: self._database_opened(target, db))
        worker.signals.failed.connect(self._database_failed)
        self._run(worker)
        return worker

    def _database_opened(self, target: str, db: Database) -> None:
        old = self.context.db
        self.context.db = db
        if old is not db:
            old.close()
        self.demo = is_demo(db)
        remembered = remembered_target(target)
        self.store.set_last_database(remembered)
        self.store.add_recent_file(remembered)
        self.statusBar().showMessage(self.tr("Database geopend."), 5000)
        from grensverkeer.pseudonym import key_warnings

        unsafe = key_warnings()
        if unsafe:  # a key others can read: said until the user acts, not for five seconds
            self.statusBar().showMessage(self.tr("Let op: ") + " ".join(unsafe))
        for page in self.pages:
            opened = getattr(page, "database_opened", None)
            if opened is not None:
                opened(db.description)
        self.context.events.changed.emit()

    def _database_failed(self, text: str) -> None:
        self.statusBar().clearMessage()
        failed = [getattr(page, "database_failed", None) for page in self.pages]
        for report in failed:
            if report is not None:
                report(text)
        show_error(self, text)

    # The demo region -----------------------------------------------------------------------

    def load_demo(self) -> Worker:
        """Load the demo region in a worker, with a progress dialog that can cancel it."""
        from grensverkeer.services.demo import load_demo

        db = self.context.db
        pseudonymizer = self.context.pseudonymizer()
        dialog = QProgressDialog(
            self.tr("De demoregio wordt geladen…"), self.tr("Annuleren"), 0, 0, self
        )
        dialog.setWindowTitle(self.tr("Demoregio laden"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        worker = Worker(
            lambda progress, cancelled: load_demo(db, pseudonymizer, progress, cancelled),
            "demoregio laden",
        )
        worker.signals.progress.connect(self._demo_progress)
        worker.signals.finished.connect(self._demo_loaded)
        worker.signals.failed.connect(self._demo_failed)
        dialog.canceled.connect(worker.cancel)
        self.demo_progress = dialog
        dialog.show()
        self._run(worker)
        return worker

    def _demo_progress(self, text: str, done: int, total: int) -> None:
        dialog = self.demo_progress
        if dialog is not None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(text)

    def _close_demo_progress(self) -> None:
        if self.demo_progress is not None:
            self.demo_progress.close()
            self.demo_progress.deleteLater()
            self.demo_progress = None

    def _demo_loaded(self, _result: object) -> None:
        self._close_demo_progress()
        self.demo = is_demo(self.context.db)
        self._update_status()
        self.statusBar().showMessage(self.tr("Demoregio geladen."), 5000)
        self.context.events.changed.emit()

    def _demo_failed(self, text: str) -> None:
        self._close_demo_progress()
        show_error(self, text)
        self.context.events.changed.emit()
