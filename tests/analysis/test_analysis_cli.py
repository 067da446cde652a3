"""``grensverkeer analyse``: the documented JSON shape, the Dutch table and the errors."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from grensverkeer.cli import analyse_cmd
from grensverkeer.cli.analyse_json import analysis_json
from grensverkeer.cli.analyse_text import analysis_table
from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.settling.analysis import Analysis, YearTrend
from grensverkeer.services.settling.balance import PERCENT, OutsideFlows, Tolerance, assess
from grensverkeer.services.settling.swv_flows import SwvOverview

DELFT, DEN_HAAG, RIJSWIJK = "GM0503", "GM0518", "GM0603"
EXAMPLE_PUPILS = {
    (DELFT, DEN_HAAG): 30,
    (DEN_HAAG, DELFT): 10,
    (RIJSWIJK, DEN_HAAG): 20,
    (DEN_HAAG, RIJSWIJK): 5,
    (RIJSWIJK, DELFT): 8,
}
TOP_KEYS = [
    "school_year",
    "peildatum",
    "counting",
    "participants",
    "tolerance",
    "balanced",
    "outside_tolerance",
    "proposal",
    "regional_ratio",
    "municipalities",
    "outside",
    "scenarios",
    "scenario_totals",
    "pools",
    "years",
    "swv",
    "swv_unknown",
]
SCENARIO_KEYS = ["gross", "bilateral", "multilateral", "none", "pool_h10", "pool_h8"]


@pytest.fixture
def example(load_flows, vso_tariff) -> None:
    load_flows(EXAMPLE_PUPILS, 2024)
    vso_tariff(2024, 100_000)  # € 1.000 per VSO pupil: DOMAIN.md's amounts


def test_json_has_the_documented_shape(example, analyse_cli) -> None:
    code, out = analyse_cli("--school-year", "2024-2025", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == TOP_KEYS
    assert data["school_year"] == "2024-2025" and data["peildatum"] == "2024-10-01"
    assert data["counting"] == "peildatum"
    assert data["tolerance"] == {"kind": "percent", "value": 10}
    assert data["balanced"] is False and data["proposal"] == "multilateral"
    assert data["outside_tolerance"] == [DELFT, DEN_HAAG, RIJSWIJK]
    assert data["regional_ratio"] == round(70 / 146, 4)
    municipalities = {m["code"]: m for m in data["municipalities"]}
    assert [m["code"] for m in data["municipalities"]] == sorted(municipalities)
    assert municipalities[DEN_HAAG] == {
        "code": DEN_HAAG,
        "pupils_in": 50,
        "pupils_out": 15,
        "in": 5_000_000,
        "out": 1_500_000,
        "net": 3_500_000,
        "gross": 6_500_000,
        "net_share": round(35 / 65, 4),
        "within_tolerance": False,
    }
    assert municipalities["GM1783"]["net_share"] is None  # Westland: nothing flows
    assert data["outside"] == {"pupils_in": 0, "pupils_out": 0, "in": 0, "out": 0}
    rows = {row["code"]: row for row in data["scenarios"]}
    assert list(rows[DEN_HAAG]) == ["code", *SCENARIO_KEYS]
    assert rows[DEN_HAAG]["gross"] == {"position": 3_500_000, "transfers": 4}
    assert rows[DEN_HAAG]["multilateral"] == {"position": 3_500_000, "transfers": 2}
    assert rows[DELFT]["none"] == {"position": 0, "transfers": 0, "difference": 1_200_000}
    assert set(rows[DELFT]["pool_h10"]) == {"position", "transfers"}
    assert sum(row["pool_h10"]["position"] for row in rows.values()) == 0
    totals = {t["scenario"]: t for t in data["scenario_totals"]}
    assert list(totals) == SCENARIO_KEYS
    assert totals["gross"] == {
        "scenario": "gross",
        "computable": True,
        "reason": None,
        "transfers": 5,
        "moved": 7_300_000,
    }
    assert [p["scenario"] for p in data["pools"]] == ["pool_h10", "pool_h8"]
    h8 = data["pools"][1]
    assert DEN_HAAG not in h8["members"] and "GM0637" not in h8["members"]
    assert sum(s["share"] for s in h8["shares"]) == h8["total"]
    assert list(h8["shares"][0]) == ["code", "inhabitants", "prefinanced", "share"]
    assert data["years"] == [
        {
            "school_year": "2024-2025",
            "peildatum": "2024-10-01",
            "participants": 9,
            "pupils": 73,
            "amount": 7_300_000,
            "regional_ratio": round(70 / 146, 4),
            "balanced": False,
            "missing_tariffs": [],
        }
    ]
    swv = {s["swv"]: s for s in data["swv"]}
    assert list(swv["VO 28-06"]) == [
        "swv",
        "code",
        "sector",
        "name",
        "pupils",
        "outside_area",
        "outside_share",
        "at_schools",
        "from_elsewhere",
        "from_elsewhere_share",
        "from_no_swv",
    ]
    # Den Haag and Rijswijk (VO 28-06) pupils: 15 + 28, of whom 10 + 8 go to Delft (VO 28-09).
    assert (swv["VO 28-06"]["pupils"], swv["VO 28-06"]["outside_area"]) == (43, 18)
    assert data["swv_unknown"] == {"PO": 0, "VO": 0}


def test_amount_tolerance_in_json(example, analyse_cli) -> None:
    _code, out = analyse_cli("--tolerance", "35000", "--format", "json")
    data = json.loads(out)
    assert data["tolerance"] == {"kind": "amount", "value": 3_500_000}
    assert data["balanced"] is True and data["proposal"] == "no_settlement"
    assert data["outside_tolerance"] == []


def test_table_not_balanced_lists_who_is_outside_and_proposes_multilateral(
    example, analyse_cli
) -> None:
    code, out = analyse_cli("--tolerance", "25000")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Analyse grensverkeer schooljaar 2024-2025, peildatum 1 oktober 2024"
    assert lines[1] == "Deelnemers: 9 gemeenten. Tolerantie: € 25.000,00 per gemeente."
    den_haag = next(line for line in lines if line.startswith("Den Haag "))
    assert den_haag.split()[2:4] == ["50", "15"]
    assert "35.000,00" in den_haag and den_haag.rstrip().endswith("nee")
    assert "Oordeel: niet in evenwicht." in out
    assert "  - Den Haag: saldo € 35.000,00" in out
    assert "  - Delft:" not in out  # 12,000 is within 25,000
    assert "Voorstel: multilateraal verrekenen: 2 overmakingen, samen € 35.000,00" in out
    assert "Regionale verhouding Σ|saldo| / Σ bruto: 47,9%." in out
    assert "pool H8: 7 gemeenten" in out
    assert "Ontwikkeling over de schooljaren" in out
    assert "Samenwerkingsverbanden" in out


def test_table_balanced_proposes_not_to_settle(example, analyse_cli) -> None:
    _code, out = analyse_cli("--tolerance", "70%")  # Rijswijk: 23 of 33 is 69.7%
    assert "Oordeel: grosso modo in evenwicht" in out
    assert "Voorstel: niet verrekenen." in out


@pytest.mark.parametrize("tolerance", ["abc", "10 procent", "-3"])
def test_a_wrong_tolerance_is_a_dutch_error(example, analyse_cli, tolerance) -> None:
    with pytest.raises(GrensverkeerError) as error:
        analyse_cli("--tolerance", tolerance)
    assert str(error.value) == (
        f"‘{tolerance}’ is geen geldige tolerantie; gebruik bijvoorbeeld 10% of 25000"
    )
    assert error.value.exit_code == 2


def test_a_wrong_school_year_is_a_dutch_error(example, analyse_cli) -> None:
    with pytest.raises(GrensverkeerError, match="Ongeldig schooljaar ‘2024’"):
        analyse_cli("--school-year", "2024")


def _pure_analysis(pupils, inhabitants) -> Analysis:
    amounts = {cell: n * 100_000 for cell, n in EXAMPLE_PUPILS.items()}
    assessment = assess(
        pupils,
        amounts,
        (DELFT, DEN_HAAG, RIJSWIJK),
        Tolerance(PERCENT, percent=Decimal("7.5")),
        inhabitants,
        2024,
        load_reference(),
    )
    trend = YearTrend(
        SchoolYear(2024),
        date(2024, 10, 1),
        assessment.participants,
        Fraction(1, 3),
        None,
        None,
        None,
    )
    return Analysis(
        school_year=SchoolYear(2024),
        peildatum=date(2024, 10, 1),
        pro_rata=True,
        assessment=assessment,
        outside=OutsideFlows(Fraction(2, 3), 0, None, None),
        years=(trend,),
        swv=SwvOverview((), (("PO", Fraction(5, 2)), ("VO", 0))),
    )


def test_json_numbers_naar_rato_and_a_pool_that_cannot_be_computed() -> None:
    pupils = {(DELFT, DEN_HAAG): Fraction(61, 2), (DEN_HAAG, DELFT): Fraction(29, 3)}
    data = analysis_json(_pure_analysis(pupils, {DELFT: 1, RIJSWIJK: 1}))
    assert data["counting"] == "naar_rato"
    assert data["tolerance"] == {"kind": "percent", "value": 7.5}
    municipalities = {m["code"]: m for m in data["municipalities"]}
    assert municipalities[DEN_HAAG]["pupils_in"] == 30.5
    assert municipalities[DEN_HAAG]["pupils_out"] == 9.67
    assert data["outside"] == {"pupils_in": 0.67, "pupils_out": 0, "in": None, "out": None}
    assert data["years"][0]["pupils"] == 0.33 and data["years"][0]["amount"] is None
    assert data["swv_unknown"] == {"PO": 2.5, "VO": 0}
    assert all(row["pool_h10"] is None for row in data["scenarios"])  # Den Haag: no inhabitants
    assert all(row["pool_h8"] is not None for row in data["scenarios"])
    totals = {t["scenario"]: t for t in data["scenario_totals"]}
    assert totals["pool_h10"]["computable"] is False
    assert totals["pool_h10"]["transfers"] is None and totals["pool_h10"]["moved"] is None
    assert totals["pool_h10"]["reason"].startswith("geen inwonertal voor 's-Gravenhage (GM0518)")
    assert data["pools"][0]["missing_inhabitants"] == [DEN_HAAG]
    json.dumps(data)  # every value is plain JSON


def test_table_says_when_a_pool_cannot_be_computed() -> None:
    text = analysis_table(_pure_analysis({}, {DELFT: 1, RIJSWIJK: 1}), load_reference())
    assert "pool H10: niet te berekenen: geen inwonertal voor 's-Gravenhage (GM0518)" in text
    assert "naar rato van de dagen in het schooljaar" in text.splitlines()[0]
    assert "2024-2025: alleen leerlingen" not in text  # no missing tariffs listed
    assert "pool H8: 2 gemeenten" in text


def test_through_the_main_program_an_error_is_exit_status_2(
    example, db, monkeypatch, capsys
) -> None:
    from grensverkeer import cli

    if analyse_cmd not in cli.COMMANDS:  # until the command is registered there
        monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, analyse_cmd))
    url = db.engine.url.render_as_string(hide_password=False)
    assert cli.main(["--db", url, "analyse", "--tolerance", "abc"]) == 2
    assert capsys.readouterr().err.startswith("Fout: ‘abc’ is geen geldige tolerantie")
    assert cli.main(["--db", url, "analyse", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["proposal"] == "multilateral"
