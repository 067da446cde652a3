"""Where the program keeps its files on a user's machine (platformdirs), overridable for tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP = "Grensverkeer"
HOME_ENV = "GRENSVERKEER_HOME"


def _base(kind: str) -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / kind
    finders: dict[str, Callable[..., str]] = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "log": platformdirs.user_log_dir,
    }
    finder = finders[kind]
    return Path(finder(APP, appauthor=False))


def data_dir() -> Path:
    return _base("data")


def config_dir() -> Path:
    return _base("config")


def log_dir() -> Path:
    return _base("log")


def default_database_path() -> Path:
    return data_dir() / "grensverkeer.sqlite"
