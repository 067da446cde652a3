"""``grensverkeer tariff``: set, list, remove and import tariffs per school year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grensverkeer import formatting
from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.render import issue_lines, table
from grensverkeer.services.years.tariffs import (
    Tariff,
    list_tariffs,
    load_tariff_table,
    remove_tariff,
    set_tariff,
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "tariff",
        help="tarieven per schooljaar en onderwijstype",
        description="Het bedrag per leerling per schooljaar, per onderwijstype en eventueel per "
        "arrangement. Bedragen in euro: 12500, 12500.00 en 12.500,00 zijn gelijk.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTIE", required=True)
    put = actions.add_parser("set", help="een tarief instellen")
    put.add_argument("--school-year", type=options.school_year, required=True, metavar="2024-2025")
    put.add_argument("--type", type=options.edu_type, required=True, metavar="TYPE")
    put.add_argument("--amount", type=options.euros, required=True, metavar="EURO")
    put.add_argument("--arrangement", default="", help="alleen voor dit arrangement")
    put.set_defaults(handler=run_set)
    show = actions.add_parser("list", help="de tarieven tonen")
    show.add_argument("--school-year", type=options.school_year, metavar="2024-2025")
    show.set_defaults(handler=run_list)
    remove = actions.add_parser("remove", help="een tarief verwijderen")
    remove.add_argument(
        "--school-year", type=options.school_year, required=True, metavar="2024-2025"
    )
    remove.add_argument("--type", type=options.edu_type, required=True, metavar="TYPE")
    remove.add_argument("--arrangement", default="")
    remove.set_defaults(handler=run_remove)
    load = actions.add_parser("import", help="een tarieventabel uit een spreadsheet lezen")
    load.add_argument("file", type=Path, metavar="BESTAND")
    load.add_argument(
        "--school-year",
        type=options.school_year,
        metavar="2024-2025",
        help="voor regels zonder schooljaar",
    )
    load.set_defaults(handler=run_import)


def _describe(tariff: Tariff) -> str:
    what = f"{tariff.edu_type}" + (f", {tariff.arrangement}" if tariff.arrangement else "")
    return f"{what} in {tariff.school_year}: {formatting.euros(tariff.cents)} per leerling"


def run_set(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        tariff = set_tariff(db, args.school_year, args.type, args.amount, args.arrangement)
    finally:
        db.close()
    print(f"Tarief ingesteld: {_describe(tariff)}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        tariffs = list_tariffs(db, args.school_year)
    finally:
        db.close()
    if not tariffs:
        print(
            "Er zijn nog geen tarieven"
            + (f" voor {args.school_year}." if args.school_year else ".")
        )
        return 0
    rows = [
        [str(t.school_year), str(t.edu_type), t.arrangement or "(alle)", formatting.euros(t.cents)]
        for t in tariffs
    ]
    print(table(["schooljaar", "type", "arrangement", "tarief"], rows, right={3}))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        remove_tariff(db, args.school_year, args.type, args.arrangement)
    finally:
        db.close()
    print(f"Tarief voor {args.type} in {args.school_year} verwijderd.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        tariff_table = load_tariff_table(db, args.file, args.school_year)
    finally:
        db.close()
    if tariff_table.issues:
        print(f"{args.file.name}: geweigerd; er is niets opgeslagen:", file=sys.stderr)
        for line in issue_lines(tariff_table.issues):
            print(line, file=sys.stderr)
        return 2
    print(f"{args.file.name}: {len(tariff_table.lines)} tarieven ingesteld.")
    return 0
