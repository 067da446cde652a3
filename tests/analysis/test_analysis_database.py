"""``analyse`` end to end: pupils imported, tariffs set, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import MissingTariffError
from grensverkeer.services.settling.analysis import analyse
from grensverkeer.services.settling.balance import Proposal, Scenario, parse_tolerance
from grensverkeer.services.years.membership import add_member

DELFT, DEN_HAAG, RIJSWIJK, ZOETERMEER, WESTLAND, LEIDEN = (
    "GM0503",
    "GM0518",
    "GM0603",
    "GM0637",
    "GM1783",
    "GM0546",
)
EURO = 100
TARIFF = 1_000 * EURO  # VSO, so the pupils below make DOMAIN.md's amounts

# DOMAIN.md's worked example in pupils at € 1.000: Delft → Den Haag 30,000 euros, etc.
EXAMPLE_PUPILS = {
    (DELFT, DEN_HAAG): 30,
    (DEN_HAAG, DELFT): 10,
    (RIJSWIJK, DEN_HAAG): 20,
    (DEN_HAAG, RIJSWIJK): 5,
    (RIJSWIJK, DELFT): 8,
    (DEN_HAAG, DEN_HAAG): 4,  # the diagonal: not in or out, but in the pool
    (LEIDEN, DEN_HAAG): 3,  # from outside the region: reported apart
}
TEN = parse_tolerance("10%")


def test_domain_example_through_the_database(db, load_flows, vso_tariff) -> None:
    load_flows(EXAMPLE_PUPILS, 2024)
    vso_tariff(2024, TARIFF)
    analysis = analyse(db, SchoolYear(2024), TEN)
    result = analysis.assessment
    assert analysis.peildatum == date(2024, 10, 1)
    assert len(result.participants) == 9  # Voorschoten left per 1 January 2024
    assert {b.code: b.net for b in result.balances if b.net} == {
        DEN_HAAG: 35_000 * EURO,
        DELFT: -12_000 * EURO,
        RIJSWIJK: -23_000 * EURO,
    }
    den_haag = result.balance(DEN_HAAG)
    assert (den_haag.pupils_in, den_haag.pupils_out) == (50, 15)
    assert result.outside_tolerance == (DELFT, DEN_HAAG, RIJSWIJK)
    assert result.proposal is Proposal.MULTILATERAL
    moved = {r.scenario: (len(r.transfers), r.total_moved) for r in result.scenarios}
    assert moved[Scenario.GROSS] == (5, 73_000 * EURO)
    assert moved[Scenario.BILATERAL] == (3, 43_000 * EURO)
    assert moved[Scenario.MULTILATERAL] == (2, 35_000 * EURO)
    h10 = result.scenario(Scenario.POOL_H10)
    assert h10.pool is not None and h10.pool.inhabitants_year == 2024
    assert h10.pool.total == (73_000 + 4_000) * EURO  # the diagonal, not Leiden
    assert sum(dict(h10.pool.shares).values()) == h10.pool.total
    assert sum(dict(h10.positions).values()) == 0
    h8 = result.scenario(Scenario.POOL_H8)
    assert h8.pool is not None and DEN_HAAG not in h8.pool.members
    assert ZOETERMEER not in h8.pool.members and len(h8.pool.members) == 7
    assert h8.position(DEN_HAAG) == 35_000 * EURO  # outside H8: settled as usual
    assert (analysis.outside.pupils_in, analysis.outside.cents_in) == (3, 3_000 * EURO)


def test_trend_over_two_school_years_and_a_year_without_tariffs(db, load_flows, vso_tariff) -> None:
    load_flows({(DELFT, DEN_HAAG): 10, (DEN_HAAG, DELFT): 9}, 2023)
    load_flows(EXAMPLE_PUPILS, 2024)
    vso_tariff(2024, TARIFF)
    analysis = analyse(db, SchoolYear(2024), TEN)
    old, new = analysis.years
    assert (old.school_year, new.school_year) == (SchoolYear(2023), SchoolYear(2024))
    assert (len(old.participants), len(new.participants)) == (10, 9)
    assert old.pupils == 19 and new.pupils == 73
    assert old.cents is None and old.regional_ratio is None and old.balanced is None
    assert [(m.edu_type, m.pupils) for m in old.missing_tariffs] == [("VSO", 19)]
    assert new.cents == 73_000 * EURO and new.balanced is False
    assert new.regional_ratio == analysis.assessment.regional_ratio

    vso_tariff(2023, TARIFF)
    old = analyse(db, SchoolYear(2024), TEN).years[0]
    assert old.cents == 19_000 * EURO
    assert old.balanced is True  # net 1,000 of gross 19,000 for both
    assert old.regional_ratio == Fraction(2_000, 38_000)


def test_the_requested_year_without_tariffs_is_the_error(db, load_flows) -> None:
    load_flows(EXAMPLE_PUPILS, 2024)
    with pytest.raises(MissingTariffError) as error:
        analyse(db, SchoolYear(2024), TEN)
    assert error.value.exit_code == 2
    assert "Geen tarief voor schooljaar 2024-2025: VSO" in str(error.value)


def test_no_pupils_or_an_unknown_year_are_clear(db, load_flows, vso_tariff) -> None:
    with pytest.raises(GrensverkeerError, match="nog geen leerlingen"):
        analyse(db, None, TEN)
    load_flows(EXAMPLE_PUPILS, 2024)
    vso_tariff(2024, TARIFF)
    with pytest.raises(GrensverkeerError, match="wel leerlingen voor 2024-2025"):
        analyse(db, SchoolYear(2019), TEN)
    assert analyse(db, None, TEN).school_year == SchoolYear(2024)  # the latest by default


def test_a_member_without_inhabitants_makes_the_pools_not_computable(
    db, load_flows, vso_tariff
) -> None:
    add_member(db, "GM1621", date(2024, 1, 1))  # Lansingerland joins; no inhabitants known
    load_flows(EXAMPLE_PUPILS, 2024)
    vso_tariff(2024, TARIFF)
    result = analyse(db, SchoolYear(2024), TEN).assessment
    assert "GM1621" in result.participants
    for scenario in (Scenario.POOL_H10, Scenario.POOL_H8):
        pool = result.scenario(scenario)
        assert not pool.computable
        assert pool.unavailable is not None
        assert pool.unavailable.startswith("geen inwonertal voor Lansingerland (GM1621) in 2024")
    assert result.scenario(Scenario.MULTILATERAL).computable
