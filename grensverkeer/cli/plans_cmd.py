"""``grensverkeer plans [show ID | withdraw ID --reason …]``: the finalised settlement plans.

A plan is never deleted; ``withdraw`` marks it ingetrokken (who, when, why), after which its
school year can get a new plan. A withdrawn plan is still listed and shown, marked INGETROKKEN.
"""

from __future__ import annotations

import argparse
import json

from grensverkeer import formatting
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.cli.settle_cmd import settlement_table
from grensverkeer.reference import load_reference
from grensverkeer.services.plans.finalized_plans import Plan, get_plan, list_plans, withdraw


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("plans", help="vastgestelde verrekenplannen")
    actions = parser.add_subparsers(dest="action", metavar="ACTIE")
    show = actions.add_parser("show", help="één plan tonen")
    show.add_argument("plan_id", type=int, metavar="ID")
    show.add_argument("--format", choices=("table", "json"), default="table")
    show.set_defaults(handler=run_show)
    take_back = actions.add_parser(
        "withdraw",
        help="een plan intrekken (het blijft bewaard en leesbaar)",
        description="Trekt een vastgesteld plan in: het blijft bewaard en leesbaar, gemarkeerd "
        "als ingetrokken met wie, wanneer en waarom. Daarna kan voor dat schooljaar een nieuw "
        "plan worden vastgesteld.",
    )
    take_back.add_argument("plan_id", type=int, metavar="ID")
    take_back.add_argument(
        "--reason", required=True, metavar="TEKST", help="waarom het plan wordt ingetrokken"
    )
    take_back.set_defaults(handler=run_withdraw)
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
            formatting.moment(p.finalized_at.astimezone()),
            p.finalized_by,
            str(len(p.result.transfers)),
            formatting.euros(p.result.total_moved),
            p.short_hash,
            "INGETROKKEN" if p.withdrawn else "geldig",
        ]
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
                "status",
            ],
            rows,
            right={0, 5, 6},
        )
    )
    for plan in plans:
        if plan.withdrawn:
            print(f"Plan {plan.id}: {withdrawal_text(plan)}")
    return 0


def withdrawal_text(plan: Plan) -> str:
    """``INGETROKKEN op 05-03-2025 14:02 door jan; reden: …`` (local time)."""
    assert plan.withdrawn_at is not None
    return (
        f"INGETROKKEN op {formatting.moment(plan.withdrawn_at.astimezone())} door "
        f"{plan.withdrawn_by or 'onbekend'}; reden: {plan.withdrawn_reason}"
    )


def run_show(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        plan = get_plan(db, args.plan_id)
    finally:
        db.close()
    if args.format == "json":
        print(
            json.dumps(
                {
                    "plan": plan.id,
                    "sha256": plan.sha256,
                    "withdrawn": _withdrawal_json(plan),
                    **plan.result.to_json(),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(
        f"Plan {plan.id}, vastgesteld op {formatting.moment(plan.finalized_at.astimezone())}"
        f" door {plan.finalized_by or 'onbekend'}; kenmerk {plan.sha256}"
    )
    if plan.withdrawn:
        print(withdrawal_text(plan) + "; dit plan geldt niet meer.")
    print(settlement_table(plan.result, load_reference()))
    return 0


def _withdrawal_json(plan: Plan) -> dict[str, str] | None:
    if plan.withdrawn_at is None:
        return None
    return {
        "at": plan.withdrawn_at.isoformat(),
        "by": plan.withdrawn_by,
        "reason": plan.withdrawn_reason,
    }


def run_withdraw(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        plan = withdraw(db, args.plan_id, args.reason)
    finally:
        db.close()
    print(
        f"Plan {plan.id} (schooljaar {plan.school_year}, kenmerk {plan.short_hash}): "
        + withdrawal_text(plan)
    )
    print(
        f"Het plan blijft bewaard en leesbaar. Voor schooljaar {plan.school_year} kan nu een "
        "nieuw plan worden vastgesteld (‘grensverkeer settle … --finalize’)."
    )
    return 0
