"""The log file: what happened, for support; never a BSN, name or address."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from grensverkeer.paths import log_dir


def log_file() -> Path:
    return log_dir() / "grensverkeer.log"


def setup_logging() -> None:
    """Log to the user's log file; calling it again for another log directory moves the log."""
    root = logging.getLogger("grensverkeer")
    path = log_file()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(handler.baseFilename) == path.resolve():
            return
        root.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
