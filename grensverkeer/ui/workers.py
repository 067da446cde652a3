"""Long work off the event loop: a ``QRunnable`` in the context's pool, with progress and cancel.

A task is any callable taking two arguments, ``progress(text, done, total)`` and
``cancelled() -> bool``, which are exactly the ``Progress`` and ``Cancelled`` callables the
services take (``load_demo``, ``Importer``)::

    worker = Worker(lambda progress, cancelled: load_demo(db, p, progress, cancelled))
    worker.signals.progress.connect(dialog.show_progress)
    worker.signals.finished.connect(on_done)      # the task's return value
    worker.signals.failed.connect(show_the_error)  # one Dutch sentence, never a traceback
    worker.start(context.pool)
    ...
    worker.cancel()  # the task sees cancelled() return True and stops

Exactly one of ``finished`` and ``failed`` is emitted. A ``GrensverkeerError`` fails with its
own Dutch message; anything else is logged with its traceback and fails with a general Dutch
message that says where the log is. Signals are delivered in the thread of the receiver (the
GUI thread for widgets), so slots may touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from grensverkeer.errors import GrensverkeerError
from grensverkeer.storage.faults import known_fault
from grensverkeer.ui.empty_year import error_text

log = logging.getLogger("grensverkeer.ui")

Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]
Task = Callable[[Progress, Cancelled], Any]

# Workers are kept alive here until they report; Qt's pool does not own them (no autoDelete).
_RUNNING: set[Worker] = set()


def unexpected_error_message() -> str:
    """The general Dutch message for a fault of the program itself, with the log's place."""
    from grensverkeer.logs import log_file

    return QCoreApplication.translate(
        "Worker",
        "Er ging iets onverwachts mis. De details staan in het logbestand {path}; "
        "stuur dat bestand mee als u dit meldt.",
    ).format(path=log_file())


class WorkerSignals(QObject):
    progress = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs ``task(progress, cancelled)`` once in a thread pool."""

    def __init__(self, task: Task, description: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.task = task
        self.description = description or getattr(task, "__name__", "taak")
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.signals.finished.connect(self._forget)
        self.signals.failed.connect(self._forget)

    # The two callables the task receives --------------------------------------------------

    def report(self, text: str, done: int, total: int) -> None:
        self.signals.progress.emit(text, done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # Control -------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the task to stop; it stops when it next polls ``cancelled()``."""
        self._cancel.set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def start(self, pool: QThreadPool | None = None) -> Worker:
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def run(self) -> None:
        try:
            result = self.task(self.report, self.cancelled)
        except GrensverkeerError as error:
            log.info("%s gestopt: %s", self.description, error)
            self._tell(self.signals.failed, error_text(error))  # an empty year: window words
        except Exception as error:
            known = known_fault(error)  # a full disk, a locked or damaged database: in Dutch
            if known is not None:
                log.warning("%s gestopt: %s (%r)", self.description, known, error)
                self._tell(self.signals.failed, str(known))
            else:
                log.exception("Onverwachte fout in %s", self.description)
                self._tell(self.signals.failed, unexpected_error_message())
        else:
            self._tell(self.signals.finished, result)

    def _tell(self, signal: Any, value: object) -> None:
        self._done.set()
        try:
            signal.emit(value)
        except RuntimeError:  # the program is closing and nobody listens any more
            log.info("%s klaar na het sluiten; niet gemeld.", self.description)
            _RUNNING.discard(self)

    def _forget(self, _result: object = None) -> None:
        _RUNNING.discard(self)


def wait_for_workers(pool: QThreadPool | None = None, timeout_ms: int = 30_000) -> bool:
    """Cancel what runs and wait for it to stop (before the database closes at exit)."""
    for worker in list(_RUNNING):
        worker.cancel()
    return (pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)


def running() -> int:
    """How many workers have not reported yet (the screenshot waits for zero)."""
    return len(_RUNNING)


class Loader(QObject):
    """A page's background reads: one computation at a time, and the newest request wins.

    ``load(compute, done, failed)`` runs ``compute()`` in a ``Worker``. When it finishes,
    ``done(result)`` runs in the GUI thread, unless ``load`` was called again meanwhile: then
    the older result is dropped (filters changed while counting). ``failed(message)`` gets the
    Dutch message of a failure. ``busy()`` says whether a computation is still running; a
    page's ``is_busy()`` returns it, so the window (and a screenshot) can wait.

    Results arrive through this object's own slots, so nothing arrives after the page is gone.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject, pool: QThreadPool | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.pool = pool
        self.name = name or "laden"
        self._generation = 0
        # id(worker.signals) -> (generation, done, failed, worker)
        self._running: dict[int, tuple[int, Callable[[Any], None], Callable[[str], None], Worker]]
        self._running = {}

    def load(
        self,
        compute: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> Worker:
        self._generation += 1
        worker = Worker(lambda _progress, _cancelled: compute(), self.name)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        was_busy = self.busy()
        self._running[id(worker.signals)] = (self._generation, done, failed, worker)
        worker.start(self.pool)
        if not was_busy:
            self.busy_changed.emit(True)
        return worker

    def busy(self) -> bool:
        return bool(self._running)

    def drop(self) -> None:
        """Forget what is running: its result will not be delivered."""
        self._generation += 1

    def _take(self) -> tuple[int, Callable[[Any], None], Callable[[str], None], Worker] | None:
        entry = self._running.pop(id(self.sender()), None)
        if not self._running:
            self.busy_changed.emit(False)
        if entry is None or entry[0] != self._generation:
            return None  # superseded by a newer load
        return entry

    def _finished(self, result: object) -> None:
        entry = self._take()
        if entry is not None:
            entry[1](result)

    def _failed(self, message: str) -> None:
        entry = self._take()
        if entry is not None:
            entry[2](message)
