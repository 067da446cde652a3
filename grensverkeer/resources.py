"""Where the bundled data files live, found from the package so no working directory is assumed."""

from pathlib import Path


def resources_dir() -> Path:
    """Return the repository's ``resources/`` directory (next to the ``grensverkeer`` package).

    One function, so every module that ships data finds it the same way and a later move
    (e.g. into package data) changes one line.
    """
    return Path(__file__).resolve().parents[1] / "resources"
