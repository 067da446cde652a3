"""The data files the program reads at run time, inside the package: reference tables, the demo
region and the PDF font (each folder with its README and licence).

They are found with ``importlib.resources``, so an installed wheel, an editable install and a
desktop bundle all find them without assuming a working directory.
"""

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """The folder that holds ``reference/``, ``demo/`` and ``fonts/``."""
    return Path(str(files(__name__)))
