"""``grensverkeer members`` and ``grensverkeer inhabitants``: the region and its sizes."""

from __future__ import annotations

import argparse
from datetime import date

from grensverkeer import formatting
from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.reference import load_reference
from grensverkeer.services.years.inhabitants import all_inhabitants, set_inhabitants
from grensverkeer.services.years.membership import add_member, end_member, memberships, participants


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "members",
        help="de deelnemers van de regio door de tijd",
        description="Zonder actie: het lidmaatschap van de regio Haaglanden, of met "
        "--school-year de deelnemers op de peildatum van dat schooljaar.",
    )
    parser.add_argument("--school-year", type=options.school_year, metavar="2024-2025")
    actions = parser.add_subparsers(dest="action", metavar="ACTIE")
    join = actions.add_parser("add", help="een gemeente treedt toe")
    join.add_argument("code", type=options.municipality, metavar="GEMEENTE")
    join.add_argument(
        "--from",
        dest="valid_from",
        type=options.day,
        required=True,
        metavar="DATUM",
        help="eerste dag van het lidmaatschap",
    )
    join.add_argument(
        "--to",
        dest="valid_to",
        type=options.day,
        metavar="DATUM",
        help="laatste dag (leeg: onbepaald)",
    )
    join.set_defaults(handler=run_add)
    leave = actions.add_parser("end", help="een gemeente treedt uit")
    leave.add_argument("code", type=options.municipality, metavar="GEMEENTE")
    leave.add_argument(
        "--per",
        dest="leaves_on",
        type=options.day,
        required=True,
        metavar="DATUM",
        help="de dag waarop zij geen lid meer is",
    )
    leave.set_defaults(handler=run_end)
    parser.set_defaults(handler=run_list)

    people = commands.add_parser(
        "inhabitants", help="inwonertallen voor een verdeling naar inwoners"
    )
    people_actions = people.add_subparsers(dest="action", metavar="ACTIE")
    put = people_actions.add_parser("set", help="een inwonertal vastleggen")
    put.add_argument("code", type=options.municipality, metavar="GEMEENTE")
    put.add_argument("--year", type=int, required=True, help="het jaar (stand 1 januari)")
    put.add_argument("--count", type=int, required=True, help="aantal inwoners")
    put.set_defaults(handler=run_set_inhabitants)
    people.set_defaults(handler=run_list_inhabitants)


def run_list(args: argparse.Namespace) -> int:
    reference = load_reference()
    db = database(args)
    try:
        if args.school_year is not None:
            codes = participants(db, args.school_year)
            print(f"Deelnemers in schooljaar {args.school_year} ({len(codes)}):")
            for code in codes:
                print(f"  {reference.label(code)}")
            return 0
        rows = [
            [reference.label(m.code), _day(m.valid_from, "—"), _day(m.valid_to, "nu")]
            for m in memberships(db)
        ]
    finally:
        db.close()
    print(table(["gemeente", "lid vanaf", "lid tot en met"], rows))
    return 0


def _day(value: date | None, empty: str) -> str:
    return empty if value is None else formatting.short_date(value)


def run_add(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        add_member(db, args.code, args.valid_from, args.valid_to)
    finally:
        db.close()
    print(
        f"{load_reference().label(args.code)} is lid vanaf {formatting.long_date(args.valid_from)}."
    )
    return 0


def run_end(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        end_member(db, args.code, args.leaves_on)
    finally:
        db.close()
    print(
        f"{load_reference().label(args.code)} is geen lid meer per "
        f"{formatting.long_date(args.leaves_on)}."
    )
    return 0


def run_list_inhabitants(args: argparse.Namespace) -> int:
    reference = load_reference()
    db = database(args)
    try:
        rows = [
            [reference.label(code), str(year), formatting.number(count)]
            for code, year, count in all_inhabitants(db)
        ]
    finally:
        db.close()
    print(table(["gemeente", "jaar", "inwoners"], rows, right={2}))
    return 0


def run_set_inhabitants(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        set_inhabitants(db, args.code, args.year, args.count)
    finally:
        db.close()
    print(
        f"{load_reference().label(args.code)}: {formatting.number(args.count)} inwoners op "
        f"1 januari {args.year}."
    )
    return 0
