"""``grensverkeer analyse --format json``: the analysis as one JSON object, apart from the
command so that the documented shape and the code that makes it are read together.

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

from fractions import Fraction

from grensverkeer.services.settling.analysis import Analysis, YearTrend
from grensverkeer.services.settling.balance import PERCENT, Tolerance
from grensverkeer.services.settling.cells import Pupils
from grensverkeer.services.settling.scenarios import Scenario, ScenarioResult


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
