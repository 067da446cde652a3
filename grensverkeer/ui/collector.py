"""Python's cyclic garbage collector runs on the window's own thread, never in a worker.

A collection starts in whichever thread allocates when a threshold is crossed. When that is a
worker (counting a school year, reading a file) and a cycle it frees holds a Qt object, Qt
deletes that object outside the thread that owns it and the whole process dies: the tests saw
it as a segmentation fault in a worker that was only counting. So while the window runs, the
automatic collector is off and a timer on the GUI thread collects instead, each generation as
soon as its threshold would have asked for it, except while an import has paused collecting
(``collector_pause``).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from grensverkeer.collector_pause import collection_paused

#: how often the GUI thread looks whether a collection is due
CHECK_MS = 250


class MainThreadCollector(QObject):
    """Owned by the application; collects on its thread from its timer."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count has passed its threshold, as Python's
        own collector would; returns the objects found unreachable (0: nothing was due)."""
        if collection_paused():
            return 0  # an import is making its millions of objects: after it, not now
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0


def install_collector(app: QCoreApplication) -> MainThreadCollector:
    """The application's collector, made once."""
    found = app.findChild(MainThreadCollector)
    return found if found is not None else MainThreadCollector(app)
