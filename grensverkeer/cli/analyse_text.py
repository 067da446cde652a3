"""``grensverkeer analyse`` as text for a terminal, in Dutch: the balance table, the verdict,
the scenarios, the pools, the trend over the school years and the SWV's. Apart from the command
because it is most of its code.
"""

from __future__ import annotations

import textwrap
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.cli.render import table
from grensverkeer.method_names import scenario_name
from grensverkeer.reference import Reference
from grensverkeer.services.settling.analysis import Analysis
from grensverkeer.services.settling.balance import PERCENT, Proposal, Tolerance
from grensverkeer.services.settling.cells import Pupils
from grensverkeer.services.settling.scenarios import Scenario

WIDTH = 100  # prose is wrapped here; tables are as wide as they need


def _money(cents: int) -> str:
    """``12.345,67`` in a table titled "bedragen in euro"."""
    return formatting.euros(cents).removeprefix("€ ").replace("-€ ", "-")


def _count(value: Pupils) -> str:
    return formatting.pupils(value)


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
        name = scenario_name(result.scenario)
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
                f"{scenario_name(result.scenario)}: niet te berekenen: {result.unavailable}."
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
            f"{scenario_name(result.scenario)}: {len(pool.members)} gemeenten, totaal "
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
