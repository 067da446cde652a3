"""``grensverkeer app``: open the program window (or take screenshots of it).

The command line never imports Qt: the window is imported inside ``run``, the one import edge
from ``grensverkeer.cli`` to the UI that the import-linter contract allows.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grensverkeer.errors import GrensverkeerError

PAGE_NAMES = "overzicht, gegevens, matrix, kaart, trend, verrekening, documenten, instellingen"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "app",
        help="het programmavenster openen",
        description="Opent het venster van Grensverkeer op de database (--db, GRENSVERKEER_DB, "
        "de laatst geopende of de standaarddatabase), of met --demo op de demoregio.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="de demoregio openen (demo.sqlite in de gebruikersmap; de eerste keer geladen)",
    )
    parser.add_argument(
        "--db",
        dest="app_db",
        metavar="URL",
        help="database: een SQLAlchemy-URL of het pad naar een .sqlite-bestand",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="BESTAND.png",
        help="een schermafdruk opslaan en stoppen; zonder --page één per pagina "
        "(BESTAND-overzicht.png, BESTAND-matrix.png, …)",
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="BREEDTExHOOGTE",
        help="de grootte van het venster in pixels, bijvoorbeeld 1366x768 (voor schermafdrukken)",
    )
    parser.add_argument(
        "--page",
        metavar="NAAM",
        help=f"de pagina die opent (of die op de schermafdruk komt): {PAGE_NAMES}",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        from grensverkeer.ui.app import run_app
    except ImportError as error:
        part = error.name or ""
        if part == "grensverkeer" or part.startswith("grensverkeer."):  # e.g. a page's module
            raise GrensverkeerError(
                f"Het venster kan niet starten: het onderdeel {part} ontbreekt of kan niet "
                f"laden ({error}). De installatie is onvolledig: installeer Grensverkeer opnieuw."
            ) from None
        raise GrensverkeerError(
            "Het venster kan niet starten: Qt (PySide6) of een systeembibliotheek ervan "
            f"ontbreekt ({error}). De andere opdrachten werken wel."
        ) from None
    database = args.app_db or getattr(args, "db", None)
    if args.demo and database:
        raise GrensverkeerError("Kies --demo of --db, niet allebei.")
    return run_app(database, args.demo, args.screenshot, args.page, args.size)


def _size(text: str) -> tuple[int, int]:
    """``1366x768`` → (1366, 768); between 400×300 and 7680×4320."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"‘{text}’ is geen grootte; schrijf bijvoorbeeld 1366x768")
    size = int(width), int(height)
    if not (400 <= size[0] <= 7680 and 300 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(f"‘{text}’ past niet: tussen 400x300 en 7680x4320 pixels")
    return size
