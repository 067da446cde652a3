"""One piece of work in a thread of its own, its result (or its exception) fetched later.

Worth it only where the thread spends its time outside the GIL: calamine parsing one part of a
sheet while the scan reads on (counting the matrix changes while SQLite stored the rows was
measured too, and gained nothing: binding each row holds the GIL).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Background(Generic[T]):
    """Runs ``work()`` in a daemon thread at once; ``result()`` waits for it and returns its
    value, or raises what it raised (also a Rust panic: a BaseException)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], T]) -> None:
        try:
            self._value = work()
        except BaseException as error:  # handed to whoever asks for the result
            self._error = error

    def join(self) -> None:
        self._thread.join()

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # set when no error was raised
