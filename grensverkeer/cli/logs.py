"""The log file: what happened, for support; never a BSN, name or address."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from grensverkeer.paths import log_dir


def log_file() -> Path:
    return log_dir() / "grensverkeer.log"


def setup_logging() -> None:
    root = logging.getLogger("grensverkeer")
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
