"""Cycles are collected on the GUI thread, never in a worker (which crashed Qt)."""

from __future__ import annotations

import gc
import threading

from grensverkeer.ui.collector import MainThreadCollector, install_collector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_window_collects_cycles_on_its_own_thread(qapp, qtbot) -> None:
    collector = install_collector(qapp)
    assert install_collector(qapp) is collector  # one per application
    assert isinstance(collector, MainThreadCollector)
    assert not gc.isenabled()  # a worker's allocations never start a collection
    threads: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=lambda: [_Cycle() for _ in range(50_000)])
        worker.start()
        worker.join()
        assert threads == []  # the worker made many cycles, and collected none
        qtbot.waitUntil(lambda: bool(threads), timeout=5_000)
    finally:
        gc.callbacks.remove(note)
    assert set(threads) == {threading.main_thread().name}
    gc.collect()
    assert collector.collect_due() == 0  # right after a full collection nothing is due


def test_the_window_does_not_collect_while_an_import_has_paused_it(qapp) -> None:
    from grensverkeer.collector_pause import collector_paused

    collector = install_collector(qapp)
    with collector_paused():
        cycles = [_Cycle() for _ in range(50_000)]
        assert collector.collect_due() == 0  # an import's objects are walked after it, not now
    del cycles
    assert collector.collect_due() > 0  # then it is due, and done
