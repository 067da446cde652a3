"""``grensverkeer settle``: who pays whom, by one of four methods; ``--finalize`` fixes it."""

from __future__ import annotations

import argparse
import json
import sys

from grensverkeer import formatting
from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.method_names import method_label
from grensverkeer.reference import Reference, load_reference
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.plans.plan_checks import check_finalizable
from grensverkeer.services.settling.year_settlement import (
    REGIONAL_CENTRE,
    REGIONAL_CENTRE_NAME,
    compute_settlement,
    settlement_json,
    settlement_result,
)
from grensverkeer.settlement import Method
from grensverkeer.settlement_result import Flow, SettlementResult, total


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "settle",
        help="de verrekening tussen de deelnemers berekenen (en vaststellen)",
        description="Berekent wie wie hoeveel betaalt voor de leerlingen van een schooljaar. "
        "Bedragen in centen in JSON.",
    )
    parser.add_argument(
        "--school-year", type=options.school_year, required=True, metavar="2024-2025"
    )
    options.add_settlement_options(
        parser,
        method_default=str(Method.MULTILATERAL),
        method_help="de verrekenmethode (standaard multilateral)",
        threshold_default=0,
        threshold_help="bagatelgrens: kleinere verschillen per paar worden niet verrekend",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--finalize",
        action="store_true",
        help="dit plan vaststellen: het wordt bewaard en verandert niet meer",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        if args.finalize:  # its own refusal first: an empty year, pupils without a tariff
            check_finalizable(db, args.school_year)
        run_ = compute_settlement(
            db, args.school_year, args.method, centre=args.centre, threshold_cents=args.threshold
        )
        plan = finalize(db, run_) if args.finalize else None
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(settlement_json(run_), ensure_ascii=False, indent=2))
    else:
        print(
            settlement_table(
                settlement_result(run_),
                load_reference(),
                exact=run_.settlement.exact,
                lower_bound=run_.settlement.lower_bound,
            )
        )
    if plan is not None:
        print(
            f"Vastgesteld als plan {plan.id} (kenmerk {plan.short_hash}).",
            file=sys.stderr if args.format == "json" else sys.stdout,
        )
    return 0


def _name(reference: Reference, code: str) -> str:
    return REGIONAL_CENTRE_NAME if code == REGIONAL_CENTRE else reference.label(code)


def settlement_table(
    result: SettlementResult, reference: Reference, *, exact: bool = True, lower_bound: int = 0
) -> str:
    """The settlement in words and tables; also used for stored plans."""
    method = Method(result.method)
    lines = [
        f"Verrekening schooljaar {result.school_year}: {method_label(method)}",
        f"{len(result.participants)} deelnemers",
        "",
        "Saldi (positief: ontvangt)",
        table(
            ["gemeente", "saldo"],
            [[reference.label(c), formatting.euros(v)] for c, v in result.positions],
            right={1},
        ),
        "",
    ]
    transfers = result.transfers
    if transfers:
        lines.append(f"Betalingen ({len(transfers)}, samen {formatting.euros(result.total_moved)})")
        lines.append(
            table(
                ["betaalt", "aan", "bedrag"],
                [
                    [
                        _name(reference, t.from_code),
                        _name(reference, t.to_code),
                        formatting.euros(t.cents),
                    ]
                    for t in transfers
                ],
                right={2},
            )
        )
    else:
        lines.append("Geen betalingen nodig.")
    if not exact:
        lines.append(f"(Benadering: minstens {lower_bound} betalingen zijn nodig.)")
    if result.waived:
        lines += ["", "Onder de bagatelgrens, niet verrekend:"]
        lines += [_flow_line(reference, w) for w in result.waived]
    if result.outside:
        lines += [
            "",
            f"Buiten de regeling (woon- of schoolgemeente geen deelnemer), "
            f"samen {formatting.euros(total(result.outside))}; apart te regelen:",
        ]
        lines += [_flow_line(reference, o) for o in result.outside]
    return "\n".join(lines)


def _flow_line(reference: Reference, flow: Flow) -> str:
    return (
        f"  {reference.label(flow.from_code)} → {reference.label(flow.to_code)}: "
        f"{formatting.euros(flow.cents)}"
    )
