"""The entry point of the desktop bundle (PyInstaller runs this file, not an installed script).

One script for both programs of the bundle, told apart by the executable's own name:

* ``grensverkeer`` (console): the command line, ``grensverkeer --help``;
* ``grensverkeer-app`` (windowed: no console on Windows; the start-menu entry): the window, as
  ``grensverkeer app ARGS…``, so ``grensverkeer-app --demo`` or ``grensverkeer-app --db FILE``.

A windowed program on Windows has no stdout and stderr. Output goes nowhere then, except an
error the window could not show itself (no database, no display, an incomplete installation):
that one appears in a message box instead of vanishing.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path


def _message_box(text: str) -> None:
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "Grensverkeer", 0x10)  # MB_ICONERROR


def main() -> int:
    errors = None
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = errors = io.StringIO()

    from grensverkeer.cli import main as cli_main

    program = Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).stem
    if program.lower().endswith("-app"):
        status = cli_main(["app", *sys.argv[1:]])
    else:
        status = cli_main(sys.argv[1:])
    if status != 0 and errors is not None and errors.getvalue().strip():
        _message_box(errors.getvalue().strip())
    return status


if __name__ == "__main__":
    sys.exit(main())
