"""Bulk work pauses the collector; overlapping pauses in two threads restore it once."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from grensverkeer.collector_pause import collection_paused, collector_paused


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """These tests switch the collector on; the process's state is put back after each (a
    window's collector, installed by an earlier test in the same worker, keeps it off)."""
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_pause_disables_collecting_and_restores_it() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
        assert collection_paused()
    assert gc.isenabled()
    assert not collection_paused()
    gc.disable()
    with collector_paused():
        assert collection_paused()
    assert not gc.isenabled()  # it was off before: it stays off


def test_overlapping_pauses_in_two_threads_end_with_the_collector_as_before() -> None:
    gc.enable()
    first_in = threading.Event()
    second_in = threading.Event()
    first_out = threading.Event()

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with collector_paused():  # begins inside the first, ends after it
        second_in.set()
        first_out.wait(5)
        assert not gc.isenabled() and collection_paused()
    thread.join()
    assert gc.isenabled() and not collection_paused()
