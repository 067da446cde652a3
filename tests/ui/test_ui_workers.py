"""Workers: progress, a result or one Dutch message, and cancel."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.imports.importer import ImportCancelled
from grensverkeer.ui.workers import Loader, Worker, running


def test_progress_then_the_result_in_the_gui_thread(qtbot) -> None:
    seen: list[tuple[str, int, int, bool]] = []

    def task(progress, cancelled) -> int:
        progress("Lezen", 1, 2)
        progress("Klaar", 2, 2)
        return 42

    worker = Worker(task)
    gui = QApplication.instance().thread()
    worker.signals.progress.connect(
        lambda text, done, total: seen.append((text, done, total, QThread.currentThread() == gui))
    )
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as finished:
        worker.start()
    assert finished.args == [42]
    assert seen == [("Lezen", 1, 2, True), ("Klaar", 2, 2, True)]
    qtbot.waitUntil(lambda: running() == 0)


def test_cancel_stops_the_task(qtbot) -> None:
    started = threading.Event()

    def task(progress, cancelled) -> None:
        started.set()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if cancelled():
                raise ImportCancelled("Het importeren is afgebroken; er is niets opgeslagen.")
            time.sleep(0.005)
        raise AssertionError("niet afgebroken")

    worker = Worker(task)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
        worker.start()
        assert started.wait(5)
        worker.cancel()
    assert failed.args == ["Het importeren is afgebroken; er is niets opgeslagen."]
    assert worker.cancelled() and worker.is_done()


def test_a_known_problem_fails_with_its_dutch_message(qtbot) -> None:
    def task(progress, cancelled) -> None:
        raise GrensverkeerError("Schooljaar 2030-2031 heeft geen leerlingen.")

    worker = Worker(task)
    with (
        qtbot.assertNotEmitted(worker.signals.finished, wait=50),
        qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed,
    ):
        worker.start()
    assert failed.args == ["Schooljaar 2030-2031 heeft geen leerlingen."]


def test_a_fault_is_logged_and_shown_without_traceback(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    def task(progress, cancelled) -> None:
        raise ZeroDivisionError("deling door nul")

    worker = Worker(task, "rekenen")
    with (
        caplog.at_level(logging.ERROR, logger="grensverkeer.ui"),
        qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed,
    ):
        worker.start()
    (message,) = failed.args
    assert message.startswith("Er ging iets onverwachts mis.")
    assert "grensverkeer.log" in message
    assert "Traceback" not in message and "ZeroDivisionError" not in message
    (record,) = [r for r in caplog.records if r.name == "grensverkeer.ui"]
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError
    assert "rekenen" in record.getMessage()


def test_a_loader_delivers_only_the_newest_result(qtbot) -> None:
    parent = QObject()
    loader = Loader(parent)
    release = threading.Event()
    results: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "oud"

    loader.load(slow, results.append, results.append)
    loader.load(lambda: "nieuw", results.append, results.append)
    assert loader.busy()
    release.set()
    qtbot.waitUntil(lambda: not loader.busy(), timeout=5000)
    assert results == ["nieuw"]


def test_a_dropped_load_delivers_nothing_and_failures_are_messages(qtbot) -> None:
    parent = QObject()
    loader = Loader(parent)
    results: list[str] = []
    loader.load(lambda: "te laat", results.append, results.append)
    loader.drop()
    qtbot.waitUntil(lambda: not loader.busy(), timeout=5000)
    assert results == []

    def refuse() -> None:
        raise GrensverkeerError("Geen leerlingen.")

    loader.load(refuse, results.append, lambda text: results.append("fout: " + text))
    qtbot.waitUntil(lambda: not loader.busy(), timeout=5000)
    assert results == ["fout: Geen leerlingen."]
