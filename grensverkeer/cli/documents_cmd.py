"""``grensverkeer documents``: the verrekenvoorstel and an agreement per participant, as PDF.

With ``--plan ID`` the documents show the finalised plan exactly as it was stored (later
imports change nothing) and are dated on the day it was finalised, unless ``--date`` says
otherwise. Without a plan they are a draft computed now, like ``grensverkeer settle``, marked
"CONCEPT — niet vastgesteld" on every page. Every document is made before any file is written,
so an error (missing tariffs: exit 2) leaves the output folder as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.settling.balance import DEFAULT_TOLERANCE, Tolerance, parse_tolerance
from grensverkeer.settlement import Method


def tolerance(text: str) -> Tolerance:
    try:
        return parse_tolerance(text)
    except GrensverkeerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "documents",
        help="het verrekenvoorstel en de overeenkomsten per gemeente als PDF maken",
        description="Maakt het verrekenvoorstel van de regio en per deelnemende gemeente een "
        "overeenkomst, als PDF. Met --plan die van een vastgesteld plan; zonder --plan een "
        "concept dat nu berekend wordt (zoals ‘grensverkeer settle’).",
    )
    parser.add_argument(
        "--school-year", type=options.school_year, required=True, metavar="2024-2025"
    )
    options.add_settlement_options(
        parser,
        method_default=None,
        method_help=f"de methode van een concept (standaard {Method.MULTILATERAL}); "
        "bij --plan die van het plan",
        threshold_default=None,
        threshold_help="bagatelgrens van een concept: kleinere verschillen per paar worden "
        "niet verrekend",
    )
    parser.add_argument(
        "--plan", type=int, metavar="ID", help="de documenten van dit vastgestelde plan"
    )
    parser.add_argument(
        "--date",
        type=options.day,
        metavar="DATUM",
        help="de datum op de documenten (standaard: de dag van vaststelling van het plan, "
        "of vandaag bij een concept)",
    )
    parser.add_argument(
        "--tolerance",
        type=tolerance,
        default=parse_tolerance(DEFAULT_TOLERANCE),
        metavar="10%|EURO",
        help="wanneer een saldo ‘in evenwicht’ heet (standaard "
        + DEFAULT_TOLERANCE.replace("%", "%%")
        + ")",
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="MAP", help="de map voor de PDF-bestanden"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from grensverkeer.documents.generate import (
        document_data,
        draft_trend,
        render_set,
        save_documents,
    )
    from grensverkeer.services.plans.finalized_plans import finalized_plan

    db = database(args)
    try:
        data = document_data(
            db,
            args.school_year,
            plan_id=args.plan,
            method=args.method,
            centre=args.centre,
            threshold_cents=args.threshold or 0,
            tolerance=args.tolerance,
            issued=args.date,
        )
        if args.plan is not None:
            _check_plan_options(args, data.method)
        else:
            existing = finalized_plan(db, args.school_year)
            if existing is not None:
                print(
                    f"Let op: voor schooljaar {args.school_year} is plan {existing.id} "
                    f"vastgesteld; dit zijn conceptdocumenten. Gebruik --plan {existing.id} "
                    "voor de documenten van dat plan.",
                    file=sys.stderr,
                )
        trend = draft_trend(db, data)
    finally:
        db.close()
    paths = save_documents(render_set(data, trend=trend).documents, args.out)
    for path in paths:
        print(path)
    return 0


def _check_plan_options(args: argparse.Namespace, method: Method) -> None:
    """A plan fixes its method, centre and threshold: a different one given is a mistake."""
    if args.method is not None and Method(args.method) is not method:
        raise GrensverkeerError(
            f"Plan {args.plan} is vastgesteld met de methode {method}, niet {args.method}; "
            "laat --method weg of maak een concept zonder --plan."
        )
    if args.centre is not None or args.threshold is not None:
        raise GrensverkeerError(
            "--centre en --threshold horen bij een concept; een vastgesteld plan legt ze vast."
        )
