"""``grensverkeer plans [show ID]``: the finalised settlement plans."""

from __future__ import annotations

import argparse
import json

from grensverkeer import formatting
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.cli.settle_cmd import settlement_table
from grensverkeer.reference import load_reference
from grensverkeer.services.plans import get_plan, list_plans


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("plans", help="vastgestelde verrekenplannen")
    actions = parser.add_subparsers(dest="action", metavar="ACTIE")
    show = actions.add_parser("show", help="één plan tonen")
    show.add_argument("plan_id", type=int, metavar="ID")
    show.add_argument("--format", choices=("table", "json"), default="table")
    show.set_defaults(handler=run_show)
    parser.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        plans = list_plans(db)
    finally:
        db.close()
    if not plans:
        print("Er is nog geen plan vastgesteld; gebruik ‘grensverkeer settle … --finalize’.")
        return 0
    rows = [
        [
            str(p.id),
            str(p.school_year),
            p.method,
            f"{p.finalized_at.astimezone():%d-%m-%Y %H:%M}",
            p.finalized_by,
            str(len(p.result["transfers"])),  # type: ignore[arg-type]
            formatting.euros(int(p.result["total_moved"])),
            p.short_hash,
        ]  # type: ignore[call-overload]
        for p in plans
    ]
    print(
        table(
            [
                "ID",
                "schooljaar",
                "methode",
                "vastgesteld",
                "door",
                "betalingen",
                "bedrag",
                "kenmerk",
            ],
            rows,
            right={0, 5, 6},
        )
    )
    return 0


def run_show(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        plan = get_plan(db, args.plan_id)
    finally:
        db.close()
    if args.format == "json":
        print(
            json.dumps(
                {"plan": plan.id, "sha256": plan.sha256, **plan.result},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(
        f"Plan {plan.id}, vastgesteld op {plan.finalized_at.astimezone():%d-%m-%Y %H:%M}"
        f" door {plan.finalized_by or 'onbekend'}; kenmerk {plan.sha256}"
    )
    print(settlement_table(plan.result, load_reference()))
    return 0
