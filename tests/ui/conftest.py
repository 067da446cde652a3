"""Fixtures for the window tests: offscreen Qt, the demo region once per session, and
settings in a temporary ini file (never the user's own)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.storage.database import Database, open_database

# The key the root conftest puts in GRENSVERKEER_KEY for every test.
TEST_KEY = "d3b07384d113edec49eaa6238ad5ff00c86f8f0d1e6b2a3c4d5e6f708192a3b4"


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the demo region, loaded once; tests work on copies."""
    from grensverkeer.services.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(str(path))
    try:
        load_demo(db, Pseudonymizer(TEST_KEY.encode()))
    finally:
        db.close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, copy)
    db = open_database(str(copy))
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def context(demo_db: Database, qapp: object):
    from grensverkeer.ui.context import UiContext

    return UiContext(demo_db)


@pytest.fixture
def store(tmp_path: Path, qapp: object):
    from grensverkeer.ui.settings_store import SettingsStore

    return SettingsStore.at(tmp_path / "instellingen.ini")


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes recorded as (kind, text) instead of shown; questions answer Yes."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: QMessageBox.StandardButton):
        def box(_parent: object, _title: str, text: str, *_args: object) -> object:
            shown.append((kind, text))
            return answer

        return staticmethod(box)

    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "critical", record("fout", ok))
    monkeypatch.setattr(QMessageBox, "information", record("info", ok))
    monkeypatch.setattr(QMessageBox, "warning", record("waarschuwing", ok))
    monkeypatch.setattr(QMessageBox, "question", record("vraag", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def idle(qtbot):
    """``idle(widget)`` waits until a window or page has no background work left."""

    def wait(widget):
        qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10_000)
        return widget

    return wait
