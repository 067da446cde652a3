"""The Qt binding keeps Python's books: PySide6 6.12.0 dropped a reference to ``None`` on every
call of a C++ method that returns nothing, and after some 35,000 calls (a long session) Python
stopped with "Fatal Python error: none_dealloc". pyproject excludes that release; this test
fails on any binding with the same fault."""

from __future__ import annotations

import sys


def test_void_qt_calls_leave_none_alone(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
    assert before - sys.getrefcount(None) < 50
