"""``Background``: the work runs at once in its own thread; its value or its error comes back."""

from __future__ import annotations

import threading

import pytest

from grensverkeer.background import Background


def test_the_work_runs_in_another_thread_and_its_value_comes_back() -> None:
    started = threading.Event()
    release = threading.Event()
    seen: list[int] = []

    def work() -> int:
        seen.append(threading.get_ident())
        started.set()
        release.wait(5)
        return 42

    job = Background(work)
    assert started.wait(5)  # running before anyone asks for the result
    release.set()
    assert job.result() == 42
    assert seen != [threading.get_ident()]


def test_an_error_of_the_work_is_raised_where_the_result_is_asked_for() -> None:
    def work() -> int:
        raise ValueError("kapot")

    job = Background(work)
    job.join()
    with pytest.raises(ValueError, match="kapot"):
        job.result()
