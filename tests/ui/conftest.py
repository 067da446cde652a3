"""Fixtures for the window tests: offscreen Qt, a window context on a copy of the demo region
(the root conftest's ``demo_db``), and settings in a temporary ini file (never the user's own)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

from grensverkeer.storage.database import Database


@pytest.fixture
def context(demo_db: Database, qapp: object):
    from grensverkeer.ui.context import UiContext

    return UiContext(demo_db)


@pytest.fixture
def store(tmp_path: Path, qapp: object):
    from grensverkeer.ui.settings_store import SettingsStore

    return SettingsStore.at(tmp_path / "instellingen.ini")


@pytest.fixture
def idle(qtbot):
    """``idle(widget)`` waits until a window or page has no background work left. At teardown
    pytest-qt has closed the window and asked Qt to delete it; once Qt has, there is nothing
    left to wait for (a busy window used to time out here on a loaded machine)."""
    import shiboken6

    def wait(widget):
        qtbot.waitUntil(
            lambda: not shiboken6.isValid(widget) or not widget.is_busy(), timeout=10_000
        )
        return widget

    return wait
