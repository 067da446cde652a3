"""``grensverkeer analyse``: is the grensverkeer roughly balanced, and what if we settle?

    grensverkeer analyse [--school-year 2024-2025] [--tolerance 10%|--tolerance 25000]
                         [--format table|json]

The numbers come from ``grensverkeer.services.settling.analysis``; the command only renders them.
Without ``--school-year`` the latest school year with pupils is analysed; ``--tolerance`` is a
share of each municipality's own gross (``10%``, the default) or an amount in euros
(``25000``). A school year without tariffs is an error (exit status 2).

The JSON shape is documented in ``grensverkeer.cli.analyse_json``, the text for a terminal is
written by ``grensverkeer.cli.analyse_text``; this module reads the options and prints.
"""

from __future__ import annotations

import argparse
import json

from grensverkeer.cli.analyse_json import analysis_json
from grensverkeer.cli.analyse_text import analysis_table
from grensverkeer.cli.context import database
from grensverkeer.reference import load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.settling.analysis import analyse
from grensverkeer.services.settling.balance import DEFAULT_TOLERANCE, parse_tolerance


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "analyse",
        help="is het grensverkeer ongeveer in evenwicht? scenario's, trend en SWV's",
        description="Per gemeente de leerlingen en bedragen in en uit, het saldo als deel van "
        "het bruto, de verrekenscenario's naast elkaar, de ontwikkeling over de schooljaren en "
        "het verkeer over de grenzen van de samenwerkingsverbanden.",
    )
    parser.add_argument(
        "--school-year",
        metavar="2024-2025",
        help="standaard het laatste schooljaar met gegevens",
    )
    parser.add_argument(
        "--tolerance",
        default=DEFAULT_TOLERANCE,
        metavar="10%|25000",
        help="hoe ver het saldo van een gemeente van nul mag liggen: een percentage van haar "
        "bruto (standaard 10%%) of een bedrag in euro",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Parsed here rather than as argparse types, so a mistake is a Dutch message (exit 2).
    year = SchoolYear.parse(args.school_year) if args.school_year else None
    tolerance = parse_tolerance(args.tolerance)
    db = database(args)
    try:
        analysis = analyse(db, year, tolerance)
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(analysis_json(analysis), ensure_ascii=False, indent=2))
    else:
        print(analysis_table(analysis, load_reference()))
    return 0
