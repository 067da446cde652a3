"""``grensverkeer settings``: a school year's peildatum and counting options."""

from __future__ import annotations

import argparse

from grensverkeer import formatting
from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.services.years.year_settings import change_year_settings, year_settings


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "settings",
        help="peildatum en telwijze van een schooljaar",
        description="Toont of wijzigt de instellingen van een schooljaar: de peildatum, of "
        "werkelijke kosten uit de overzichten het tarief vervangen, en of er naar rato "
        "(dagen ingeschreven / dagen in het schooljaar) geteld wordt.",
    )
    parser.add_argument(
        "--school-year", type=options.school_year, required=True, metavar="2024-2025"
    )
    parser.add_argument("--peildatum", type=options.day, metavar="DATUM")
    parser.add_argument(
        "--actual-cost",
        type=options.on_off,
        metavar="aan|uit",
        help="werkelijke kosten per leerling in plaats van het tarief",
    )
    parser.add_argument(
        "--pro-rata",
        type=options.on_off,
        metavar="aan|uit",
        help="naar rato van de dagen in plaats van de peildatum",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        changing = any(v is not None for v in (args.peildatum, args.actual_cost, args.pro_rata))
        if changing:
            settings = change_year_settings(
                db,
                args.school_year,
                peildatum=args.peildatum,
                actual_cost=args.actual_cost,
                pro_rata=args.pro_rata,
            )
        else:
            settings = year_settings(db, args.school_year)
    finally:
        db.close()
    print(f"Schooljaar {settings.school_year}" + (" (gewijzigd)" if changing else ""))
    cost = "werkelijke kosten, anders tarief" if settings.actual_cost else "tarief"
    count = "naar rato van de dagen" if settings.pro_rata else "op de peildatum"
    print(f"  peildatum:           {formatting.long_date(settings.peildatum)}")
    print(f"  bedrag per leerling: {cost}")
    print(f"  telling:             {count}")
    return 0
