"""Pausing Python's cyclic garbage collector during bulk work, for whoever collects.

Reading a sheet makes millions of small objects and no reference cycles; a collection in the
middle walks all of them, again and again, and costs about as much time as parsing itself. So
the bulk work pauses the collector, and says so: the window, which collects from a timer on its
own thread (``ui.collector``), leaves it alone until the work is done.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # bulk works going on now, in any thread
_was_enabled = False  # the collector's state before the first of them


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection while the block runs (nor, in the window, a timed one); the
    collector is as it was once the last such block in any thread has ended."""
    global _pauses, _was_enabled
    with _lock:
        if not _pauses:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if not _pauses and _was_enabled:
                gc.enable()


def collection_paused() -> bool:
    """Whether bulk work asked that nothing be collected now."""
    return _pauses > 0
