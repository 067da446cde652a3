"""``grensverkeer analyse``: is the grensverkeer roughly balanced, and what if we settle?

    grensverkeer analyse [--school-year 2024-2025] [--tolerance 10%|--tolerance 25000]
                         [--format table|json]

The numbers come from ``grensverkeer.services.analysis``; this module only renders them.
Without ``--school-year`` the latest school year with pupils is analysed; ``--tolerance`` is a
share of each municipality's own gross (``10%``, the default) or an amount in euros
(``25000``). A school year without tariffs is an error (exit status 2).

JSON (``--format json``): one object; keys always present and in this order. Amounts are
integer cents; pupils are whole numbers, or fractions of a year naar rato rounded to 2
decimals (as in ``grensverkeer matrix --format json``); shares and ratios are numbers between
0 and 1 rounded to 4 decimals, ``null`` where nothing flows. Codes are CBS codes (``GM0518``),
lists of municipalities are in code order.

    {
      "school_year": "2024-2025",
      "peildatum": "2024-10-01",
      "counting": "peildatum" | "naar_rato",
      "participants": ["GM0503", ...],
      "tolerance": {"kind": "percent", "value": 10} | {"kind": "amount", "value": 2500000},
      "balanced": true,                  # every municipality's |net| within the tolerance
      "outside_tolerance": ["GM0518"],   # the municipalities that are not
      "proposal": "no_settlement" | "multilateral",
      "regional_ratio": 0.4795,          # Σ|net| / Σ gross
      "municipalities": [{"code", "pupils_in", "pupils_out", "in", "out", "net", "gross",
                          "net_share", "within_tolerance"}],
      "outside": {"pupils_in", "pupils_out", "in", "out"},
            # with non-participants, not settled: in = living outside, school inside
      "scenarios": [{"code",
                     "gross": {"position", "transfers"},
                     "bilateral": {"position", "transfers"},
                     "multilateral": {"position", "transfers"},
                     "none": {"position": 0, "transfers": 0, "difference"},
                     "pool_h10": {"position", "transfers"} | null,
                     "pool_h8": {"position", "transfers"} | null}],
            # position: positive receives; transfers: how many transfers the municipality
            # pays or receives; difference: what no settlement means compared with settling
            # (-net); a pool is null when it cannot be computed (see "scenario_totals")
      "scenario_totals": [{"scenario", "computable", "reason", "transfers", "moved"}],
            # one per scenario in the order above; reason is a Dutch text or null
      "pools": [{"scenario": "pool_h10" | "pool_h8", "members": [...], "inhabitants_year",
                 "total", "missing_inhabitants": [...],
                 "shares": [{"code", "inhabitants", "prefinanced", "share"}]}],
            # inhabitants 0 and share null for a member without a figure (pool not computable)
      "years": [{"school_year", "peildatum", "participants", "pupils", "amount",
                 "regional_ratio", "balanced", "missing_tariffs": [{"type", "pupils"}]}],
            # every school year with pupils, oldest first; pupils and amount cross a border
            # between two participants; amount, regional_ratio and balanced are null
            # without tariffs
      "swv": [{"swv": "VO 28-06", "code", "sector", "name", "pupils", "outside_area",
               "outside_share", "at_schools", "from_elsewhere", "from_elsewhere_share",
               "from_no_swv"}],
      "swv_unknown": {"PO": 0, "VO": 3}  # pupils living outside every known SWV area
    }
"""

from __future__ import annotations

import argparse
import json
import textwrap
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.analysis import Analysis, YearTrend, analyse
from grensverkeer.services.balance import (
    DEFAULT_TOLERANCE,
    PERCENT,
    Proposal,
    Pupils,
    Scenario,
    ScenarioResult,
    Tolerance,
    parse_tolerance,
)

WIDTH = 100  # prose is wrapped here; tables are as wide as they need

SCENARIO_NAMES = {
    Scenario.GROSS: "bruto",
    Scenario.BILATERAL: "bilateraal",
    Scenario.MULTILATERAL: "multilateraal",
    Scenario.NONE: "geen verrekening",
    Scenario.POOL_H10: "pool H10",
    Scenario.POOL_H8: "pool H8",
}


def register(commands: argparse._SubParsersAction) -> None:
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


# JSON ----------------------------------------------------------------------------------------


def _pupils_json(value: Pupils) -> int | float:
    if isinstance(value, Fraction) and value.denominator != 1:
        return round(float(value), 2)
    return int(value)


def _ratio_json(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _tolerance_json(tolerance: Tolerance) -> dict[str, object]:
    if tolerance.kind == PERCENT:
        assert tolerance.percent is not None
        value: int | float = (
            int(tolerance.percent)
            if tolerance.percent == tolerance.percent.to_integral_value()
            else float(tolerance.percent)
        )
        return {"kind": "percent", "value": value}
    return {"kind": "amount", "value": tolerance.cents}


def _cell_json(result: ScenarioResult, code: str) -> dict[str, int] | None:
    position = result.position(code)
    if position is None:
        return None
    return {"position": position, "transfers": result.transfers_of(code)}


def analysis_json(analysis: Analysis) -> dict[str, object]:
    """The documented shape (see the module docstring)."""
    assessment = analysis.assessment
    outside = analysis.outside
    scenario_rows = []
    for item in assessment.balances:
        row: dict[str, object] = {"code": item.code}
        for result in assessment.scenarios:
            cell = _cell_json(result, item.code)
            if result.scenario is Scenario.NONE and cell is not None:
                cell["difference"] = -item.net
            row[result.scenario.value] = cell
        scenario_rows.append(row)
    return {
        "school_year": str(analysis.school_year),
        "peildatum": analysis.peildatum.isoformat(),
        "counting": "naar_rato" if analysis.pro_rata else "peildatum",
        "participants": list(assessment.participants),
        "tolerance": _tolerance_json(assessment.tolerance),
        "balanced": assessment.balanced,
        "outside_tolerance": list(assessment.outside_tolerance),
        "proposal": assessment.proposal.value,
        "regional_ratio": _ratio_json(assessment.regional_ratio),
        "municipalities": [
            {
                "code": item.code,
                "pupils_in": _pupils_json(item.pupils_in),
                "pupils_out": _pupils_json(item.pupils_out),
                "in": item.cents_in,
                "out": item.cents_out,
                "net": item.net,
                "gross": item.gross,
                "net_share": _ratio_json(item.net_share),
                "within_tolerance": item.code not in assessment.outside_tolerance,
            }
            for item in assessment.balances
        ],
        "outside": {
            "pupils_in": _pupils_json(outside.pupils_in),
            "pupils_out": _pupils_json(outside.pupils_out),
            "in": outside.cents_in,
            "out": outside.cents_out,
        },
        "scenarios": scenario_rows,
        "scenario_totals": [
            {
                "scenario": result.scenario.value,
                "computable": result.computable,
                "reason": result.unavailable,
                "transfers": len(result.transfers) if result.computable else None,
                "moved": result.total_moved if result.computable else None,
            }
            for result in assessment.scenarios
        ],
        "pools": [
            {
                "scenario": result.scenario.value,
                "members": list(result.pool.members),
                "inhabitants_year": result.pool.inhabitants_year,
                "total": result.pool.total,
                "missing_inhabitants": list(result.pool.missing),
                "shares": [
                    {
                        "code": code,
                        "inhabitants": count,
                        "prefinanced": dict(result.pool.prefinanced)[code],
                        "share": dict(result.pool.shares).get(code),
                    }
                    for code, count in result.pool.inhabitants
                ],
            }
            for result in assessment.scenarios
            if result.pool is not None
        ],
        "years": [_year_json(trend) for trend in analysis.years],
        "swv": [
            {
                "swv": flow.ident,
                "code": flow.code,
                "sector": flow.sector,
                "name": flow.name,
                "pupils": _pupils_json(flow.pupils),
                "outside_area": _pupils_json(flow.outside),
                "outside_share": _ratio_json(flow.outside_share),
                "at_schools": _pupils_json(flow.at_schools),
                "from_elsewhere": _pupils_json(flow.from_elsewhere),
                "from_elsewhere_share": _ratio_json(flow.from_elsewhere_share),
                "from_no_swv": _pupils_json(flow.from_no_swv),
            }
            for flow in analysis.swv.flows
        ],
        "swv_unknown": {sector: _pupils_json(n) for sector, n in analysis.swv.without_swv},
    }


def _year_json(trend: YearTrend) -> dict[str, object]:
    return {
        "school_year": str(trend.school_year),
        "peildatum": trend.peildatum.isoformat(),
        "participants": len(trend.participants),
        "pupils": _pupils_json(trend.pupils),
        "amount": trend.cents,
        "regional_ratio": _ratio_json(trend.regional_ratio),
        "balanced": trend.balanced,
        "missing_tariffs": [
            {"type": m.edu_type, "pupils": m.pupils} for m in trend.missing_tariffs
        ],
    }


# Table ---------------------------------------------------------------------------------------


def _money(cents: int) -> str:
    """``12.345,67`` in a table titled "bedragen in euro"."""
    return formatting.euros(cents).removeprefix("€ ").replace("-€ ", "-")


def _count(value: Pupils) -> str:
    if isinstance(value, Fraction) and value.denominator != 1:
        return formatting.number(round(float(value), 2))
    return formatting.number(int(value))


def _percent(value: Fraction | None) -> str:
    if value is None:
        return "-"
    return formatting.percent(value)


def _name(reference: Reference, code: str) -> str:
    municipality = reference.municipality(code)
    return municipality.short_name if municipality else code


def describe_tolerance(tolerance: Tolerance) -> str:
    if tolerance.kind == PERCENT:
        assert tolerance.percent is not None
        return f"{formatting.number(tolerance.percent)}% van het eigen bruto per gemeente"
    assert tolerance.cents is not None
    return f"{formatting.euros(tolerance.cents)} per gemeente"


def analysis_table(analysis: Analysis, reference: Reference) -> str:
    """The analysis as text for a terminal, in Dutch."""
    assessment = analysis.assessment
    counted = (
        "naar rato van de dagen in het schooljaar"
        if analysis.pro_rata
        else f"peildatum {formatting.long_date(analysis.peildatum)}"
    )
    parts = [
        f"Analyse grensverkeer schooljaar {analysis.school_year}, {counted}",
        f"Deelnemers: {len(assessment.participants)} gemeenten. "
        f"Tolerantie: {describe_tolerance(assessment.tolerance)}.",
        "",
        *_balance_part(analysis, reference),
        "",
        *_verdict_part(analysis, reference),
        "",
        *_scenario_part(analysis, reference),
        "",
        *_pool_part(analysis, reference),
        *_trend_part(analysis),
        "",
        *_swv_part(analysis),
    ]
    return "\n".join(_wrap(line) for line in parts).rstrip()


def _wrap(line: str) -> str:
    """Wrap prose (not tables) at ``WIDTH`` columns; list items keep their indent."""
    if len(line) <= WIDTH or "\n" in line:
        return line
    indent = "    " if line.startswith("  - ") else ""
    glued = line.replace("€ ", "€\xa0")  # never break between the sign and the amount
    wrapped = textwrap.fill(glued, WIDTH, subsequent_indent=indent, break_on_hyphens=False)
    return wrapped.replace("€\xa0", "€ ")


def _balance_part(analysis: Analysis, reference: Reference) -> list[str]:
    assessment = analysis.assessment
    order = sorted(assessment.balances, key=lambda item: _name(reference, item.code))
    rows = [
        [
            _name(reference, item.code),
            _count(item.pupils_in),
            _count(item.pupils_out),
            _money(item.cents_in),
            _money(item.cents_out),
            _money(item.net),
            _money(item.gross),
            _percent(item.net_share),
            "nee" if item.code in assessment.outside_tolerance else "ja",
        ]
        for item in order
    ]
    items = assessment.balances
    rows.append(
        [
            "Regio",
            _count(sum((i.pupils_in for i in items), 0)),
            _count(sum((i.pupils_out for i in items), 0)),
            _money(sum(i.cents_in for i in items)),
            _money(sum(i.cents_out for i in items)),
            _money(sum(abs(i.net) for i in items)),
            _money(sum(i.gross for i in items)),
            _percent(assessment.regional_ratio),
            "",
        ]
    )
    headers = [
        "gemeente",
        "lln in",
        "lln uit",
        "in",
        "uit",
        "saldo",
        "bruto",
        "saldo/bruto",
        "binnen tolerantie",
    ]
    outside = analysis.outside
    lines = [
        "Verkeer tussen deelnemers per gemeente (bedragen in euro; saldo + = ontvangt, "
        "- = betaalt; regio: Σ|saldo| en Σ bruto)",
        table(headers, rows, right=set(range(1, 8))),
        "",
        "Met niet-deelnemers (niet in de verrekening): "
        f"{_count(outside.pupils_in)} leerlingen van buiten op scholen in de regio"
        + (f" ({formatting.euros(outside.cents_in)})" if outside.cents_in is not None else "")
        + f", {_count(outside.pupils_out)} leerlingen uit de regio op scholen daarbuiten"
        + (f" ({formatting.euros(outside.cents_out)})" if outside.cents_out is not None else "")
        + ".",
    ]
    return lines


def _verdict_part(analysis: Analysis, reference: Reference) -> list[str]:
    assessment = analysis.assessment
    lines = [f"Regionale verhouding Σ|saldo| / Σ bruto: {_percent(assessment.regional_ratio)}."]
    if assessment.balanced:
        lines.append(
            "Oordeel: grosso modo in evenwicht: het saldo van elke gemeente blijft binnen "
            f"de tolerantie ({describe_tolerance(assessment.tolerance)})."
        )
    else:
        lines.append(
            f"Oordeel: niet in evenwicht. Buiten de tolerantie "
            f"({describe_tolerance(assessment.tolerance)}):"
        )
        for code in sorted(assessment.outside_tolerance, key=lambda c: _name(reference, c)):
            item = assessment.balance(code)
            lines.append(
                f"  - {_name(reference, code)}: saldo {formatting.euros(item.net)}, "
                f"{_percent(item.net_share)} van bruto {formatting.euros(item.gross)}"
            )
    if assessment.proposal is Proposal.NO_SETTLEMENT:
        lines.append("Voorstel: niet verrekenen.")
    else:
        multilateral = assessment.scenario(Scenario.MULTILATERAL)
        gross = assessment.scenario(Scenario.GROSS)
        lines.append(
            "Voorstel: multilateraal verrekenen: "
            f"{_transfers(len(multilateral.transfers))}, samen "
            f"{formatting.euros(multilateral.total_moved)} (nu, bruto: "
            f"{_transfers(len(gross.transfers))}, {formatting.euros(gross.total_moved)})."
        )
    return lines


def _transfers(count: int) -> str:
    return f"{formatting.number(count)} {'overmaking' if count == 1 else 'overmakingen'}"


def _scenario_part(analysis: Analysis, reference: Reference) -> list[str]:
    assessment = analysis.assessment
    results = assessment.scenarios
    headers = ["gemeente"]
    for result in results:
        name = SCENARIO_NAMES[result.scenario]
        headers += [f"{name}: verschil" if result.scenario is Scenario.NONE else name, "#"]
    rows = []
    for item in sorted(assessment.balances, key=lambda i: _name(reference, i.code)):
        row = [_name(reference, item.code)]
        for result in results:
            position = result.position(item.code)
            if position is None:
                row += ["n.b.", ""]
            elif result.scenario is Scenario.NONE:
                row += [_money(-item.net), "0"]
            else:
                row += [_money(position), formatting.number(result.transfers_of(item.code))]
        rows.append(row)
    rows.append(
        ["Overmakingen"]
        + [
            value
            for result in results
            for value in (
                "",
                formatting.number(len(result.transfers)) if result.computable else "n.b.",
            )
        ]
    )
    rows.append(
        ["Overgemaakt"]
        + [
            value
            for result in results
            for value in (_money(result.total_moved) if result.computable else "n.b.", "")
        ]
    )
    lines = [
        "Scenario's per gemeente: saldo in euro (+ = ontvangt, - = betaalt) en het aantal "
        "overmakingen (#) waarbij de gemeente partij is",
        table(headers, rows, right=set(range(1, len(headers)))),
        "",
        "Bruto, bilateraal en multilateraal geven elke gemeente hetzelfde saldo, met steeds "
        "minder overmakingen.",
        "Geen verrekening: niemand maakt iets over (saldo 0); het verschil is wat dat een "
        "gemeente ten opzichte van verrekenen kost (-) of oplevert (+).",
        "Pool: de kosten van alle leerlingen die in de pool wonen en er naar school gaan (ook "
        "binnen de eigen gemeente) worden naar inwonertal verdeeld; het saldo is wat een "
        "gemeente voorfinanciert min haar aandeel. Verkeer met een gemeente buiten de pool "
        "wordt gewoon verrekend.",
    ]
    for result in results:
        if not result.computable:
            lines.append(
                f"{SCENARIO_NAMES[result.scenario]}: niet te berekenen: {result.unavailable}."
            )
    return lines


def _pool_part(analysis: Analysis, reference: Reference) -> list[str]:
    lines: list[str] = []
    for result in analysis.assessment.scenarios:
        pool = result.pool
        if pool is None or not result.computable:
            continue
        shares = dict(pool.shares)
        prefinanced = dict(pool.prefinanced)
        rows = [
            [
                _name(reference, code),
                formatting.number(count),
                _money(prefinanced[code]),
                _money(shares[code]),
                _money(prefinanced[code] - shares[code]),
            ]
            for code, count in sorted(pool.inhabitants, key=lambda c: _name(reference, c[0]))
        ]
        rows.append(
            [
                "Totaal",
                formatting.number(sum(count for _code, count in pool.inhabitants)),
                _money(pool.total),
                _money(sum(shares.values())),
                _money(0),
            ]
        )
        lines += [
            f"{SCENARIO_NAMES[result.scenario]}: {len(pool.members)} gemeenten, totaal "
            f"{formatting.euros(pool.total)}, naar inwonertal per 1 januari "
            f"{pool.inhabitants_year} (bedragen in euro)",
            table(
                ["gemeente", "inwoners", "voorgefinancierd", "aandeel", "saldo in de pool"],
                rows,
                right={1, 2, 3, 4},
            ),
            "",
        ]
    return lines


def _trend_part(analysis: Analysis) -> list[str]:
    rows = []
    notes = []
    for trend in analysis.years:
        balanced = "-" if trend.balanced is None else ("ja" if trend.balanced else "nee")
        rows.append(
            [
                str(trend.school_year),
                formatting.number(len(trend.participants)),
                _count(trend.pupils),
                "-" if trend.cents is None else _money(trend.cents),
                _percent(trend.regional_ratio),
                balanced,
            ]
        )
        if trend.missing_tariffs:
            listed = ", ".join(
                f"{m.edu_type} ({formatting.number(m.pupils)} leerlingen)"
                for m in trend.missing_tariffs
            )
            notes.append(f"{trend.school_year}: alleen leerlingen; geen tarief voor {listed}.")
    return [
        "Ontwikkeling over de schooljaren (verkeer tussen deelnemers; bedragen in euro)",
        table(
            [
                "schooljaar",
                "deelnemers",
                "leerlingen",
                "bedrag",
                "Σ|saldo|/Σ bruto",
                "in evenwicht",
            ],
            rows,
            right={1, 2, 3, 4},
        ),
        *notes,
    ]


def _swv_name(name: str, ident: str) -> str:
    """``SWV VO 28-06 (Den Haag, Rijswijk)`` → ``Den Haag, Rijswijk`` beside its ident."""
    short = name.removeprefix(f"SWV {ident}").strip()
    if short.startswith("(") and short.endswith(")"):
        short = short[1:-1]
    return short or name


def _swv_part(analysis: Analysis) -> list[str]:
    rows = [
        [
            flow.ident,
            _swv_name(flow.name, flow.ident),
            _count(flow.pupils),
            _count(flow.outside),
            _percent(flow.outside_share),
            _count(flow.at_schools),
            _count(flow.from_elsewhere),
            _percent(flow.from_elsewhere_share),
        ]
        for flow in analysis.swv.flows
    ]
    unknown = ", ".join(f"{sector} {_count(n)}" for sector, n in analysis.swv.without_swv if n)
    lines = [
        "Samenwerkingsverbanden: leerlingen over de grens van het SWV-gebied (alle leerlingen, "
        "ook buiten de regio)",
        table(
            [
                "SWV",
                "naam",
                "eigen lln",
                "school buiten gebied",
                "%",
                "lln op scholen in gebied",
                "van elders",
                "%",
            ],
            rows,
            right={2, 3, 4, 5, 6, 7},
        ),
        "Eigen leerlingen: wonend in het gebied (PO: PO, SBO en SO; VO: VO en VSO). Van elders: "
        "op een school in het gebied, maar van een ander SWV of van geen bekend SWV.",
    ]
    if unknown:
        lines.append(f"Wonend buiten elk bekend SWV-gebied: {unknown} leerlingen.")
    return lines
