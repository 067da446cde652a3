"""Covered or not: participants on the school year's peildatum, and a finalised plan."""

from __future__ import annotations

from datetime import date

import pytest

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.responsible import Status, responsibility
from grensverkeer.services.years.year_settings import change_year_settings

DEN_HAAG_SCHOOL = "20XA00"
LEIDEN_SCHOOL = "21QQ00"
Y2024 = date(2024, 10, 1)
Y2023 = date(2023, 10, 1)
# Participants: nine from 2024-2025, ten before (Voorschoten left per 1 January 2024).
H9 = ["GM0503", "GM0518", "GM0603", "GM0629", "GM0637", "GM1783", "GM1842", "GM1916", "GM1926"]
H10 = sorted([*H9, "GM0626"])


def test_covered_when_both_participate_and_the_year_has_a_plan(
    db, schools_loaded, add_plan
) -> None:
    plan = add_plan(2024, H9)
    answer = responsibility(db, "Naaldwijk", DEN_HAAG_SCHOOL, Y2024)
    assert (answer.residence, answer.school, answer.covered, answer.plan) == (
        "GM1783",
        "GM0518",
        True,
        plan,
    )
    assert answer.status is Status.COVERED
    assert answer.reason == (
        f"Westland en 's-Gravenhage zijn in 2024-2025 allebei deelnemer en plan {plan} is "
        "vastgesteld: deze stroom wordt regionaal verrekend, een regeling per leerling is "
        "niet nodig."
    )


def test_no_plan_yet_must_be_arranged_between_the_two(db, schools_loaded, add_plan) -> None:
    add_plan(2023, H10)  # another year's plan does not count
    answer = responsibility(db, "2671", DEN_HAAG_SCHOOL, Y2024)
    assert (answer.covered, answer.plan, answer.status) == (False, None, Status.NO_PLAN)
    assert answer.reason == (
        "Er is voor 2024-2025 nog geen vastgesteld plan; regel dit per leerling tussen "
        "Westland (woongemeente, betaalt) en 's-Gravenhage (schoolgemeente)."
    )


def test_voorschoten_participates_in_2023_2024_but_not_in_2024_2025(
    db, schools_loaded, add_plan
) -> None:
    plan_2023 = add_plan(2023, H10)
    plan_2024 = add_plan(2024, H9)

    earlier = responsibility(db, "GM0626", DEN_HAAG_SCHOOL, Y2023)
    assert earlier.school_year == SchoolYear(2023)
    assert (earlier.covered, earlier.plan, earlier.status) == (True, plan_2023, Status.COVERED)

    later = responsibility(db, "GM0626", DEN_HAAG_SCHOOL, Y2024)
    assert later.school_year == SchoolYear(2024)
    assert (later.covered, later.plan, later.status) == (False, plan_2024, Status.NOT_PARTICIPANT)
    assert later.reason == (
        "Voorschoten is in 2024-2025 geen deelnemer van de regio; regel dit per leerling "
        "tussen Voorschoten (woongemeente, betaalt) en 's-Gravenhage (schoolgemeente)."
    )


def test_voorschoten_without_plans_in_2023_2024_is_a_missing_plan(db, schools_loaded) -> None:
    answer = responsibility(db, "Voorschoten", DEN_HAAG_SCHOOL, Y2023)
    assert (answer.covered, answer.status) == (False, Status.NO_PLAN)


def test_participants_are_the_members_on_the_peildatum_not_on_the_date(
    db, schools_loaded, add_plan
) -> None:
    """A date in June 2024 lies in 2023-2024, whose peildatum (1 October 2023) counts."""
    add_plan(2023, H10)
    answer = responsibility(db, "Voorschoten", DEN_HAAG_SCHOOL, date(2024, 6, 1))
    assert answer.covered and answer.peildatum == date(2023, 10, 1)

    change_year_settings(db, SchoolYear(2023), peildatum=date(2024, 2, 1))
    answer = responsibility(db, "Voorschoten", DEN_HAAG_SCHOOL, date(2024, 6, 1))
    assert not answer.covered and answer.status is Status.NOT_PARTICIPANT


def test_august_starts_the_next_school_year(db, schools_loaded, add_plan) -> None:
    add_plan(2023, H10)
    assert responsibility(db, "Westland", DEN_HAAG_SCHOOL, date(2024, 7, 31)).covered
    answer = responsibility(db, "Westland", DEN_HAAG_SCHOOL, date(2024, 8, 1))
    assert answer.school_year == SchoolYear(2024) and not answer.covered


@pytest.mark.parametrize(
    ("residence", "school", "reason"),
    [
        ("Westland", LEIDEN_SCHOOL, "Leiden is in 2024-2025 geen deelnemer van de regio; "),
        ("Leiden", DEN_HAAG_SCHOOL, "Leiden is in 2024-2025 geen deelnemer van de regio; "),
        (
            "Voorschoten",
            LEIDEN_SCHOOL,
            "Voorschoten en Leiden zijn in 2024-2025 geen deelnemer van de regio; ",
        ),
    ],
)
def test_outside_the_region_is_never_covered(
    db, schools_loaded, add_plan, residence, school, reason
) -> None:
    plan = add_plan(2024, H9)
    answer = responsibility(db, residence, school, Y2024)
    assert (answer.covered, answer.plan, answer.status) == (False, plan, Status.NOT_PARTICIPANT)
    assert answer.reason.startswith(reason)


@pytest.mark.parametrize("with_plan", [False, True])
def test_same_municipality_is_no_grensverkeer(db, schools_loaded, add_plan, with_plan) -> None:
    plan = add_plan(2024, H9) if with_plan else None
    answer = responsibility(db, "Scheveningen", DEN_HAAG_SCHOOL, Y2024)
    assert (answer.residence, answer.school) == ("GM0518", "GM0518")
    assert (answer.covered, answer.plan, answer.status) == (True, plan, Status.SAME_MUNICIPALITY)
    assert answer.reason.startswith(
        "Geen grensverkeer: woon- en schoolgemeente zijn dezelfde ('s-Gravenhage)"
    )


def test_same_municipality_outside_the_region_is_no_grensverkeer_either(db, schools_loaded) -> None:
    answer = responsibility(db, "Leiden", LEIDEN_SCHOOL, Y2024)
    assert (answer.covered, answer.status) == (True, Status.SAME_MUNICIPALITY)


def test_a_plan_that_did_not_count_a_member_does_not_cover_it(db, schools_loaded, add_plan) -> None:
    """Membership edited after finalising: the plan settles what it counted."""
    plan = add_plan(2024, [c for c in H9 if c != "GM1783"])
    answer = responsibility(db, "Westland", DEN_HAAG_SCHOOL, Y2024)
    assert (answer.covered, answer.plan, answer.status) == (False, plan, Status.NOT_IN_PLAN)
    assert answer.reason.startswith(
        f"Plan {plan} voor 2024-2025 is vastgesteld zonder Westland als deelnemer; "
    )


def test_a_plan_without_a_participant_list_uses_the_members(db, schools_loaded, add_plan) -> None:
    add_plan(2024)
    assert responsibility(db, "Westland", DEN_HAAG_SCHOOL, Y2024).covered


def test_a_really_finalised_plan_covers_its_participants(db, schools_loaded, tmp_path) -> None:
    """The whole way: tariff, pupils, settlement, finalise; then ask."""
    from builders import PUPIL_HEADER, pupils_rows, write_xlsx

    from grensverkeer.domain import EduType
    from grensverkeer.services.plans.finalized_plans import finalize
    from grensverkeer.services.settling.year_settlement import compute_settlement
    from grensverkeer.services.years.tariffs import set_tariff

    year = SchoolYear(2024)
    rows = pupils_rows()
    rows[1][5] = "VSO"
    extract = write_xlsx(tmp_path / "leerlingen.xlsx", {"L": [PUPIL_HEADER, *rows]})
    schools_loaded.import_files([extract])
    set_tariff(db, year, EduType.VSO, 1_250_000)
    plan = finalize(db, compute_settlement(db, year, "multilateral"), by="test")

    answer = responsibility(db, "Rijswijk", DEN_HAAG_SCHOOL, Y2024)
    assert (answer.covered, answer.plan, answer.status) == (True, plan.id, Status.COVERED)
    answer = responsibility(db, "Voorschoten", DEN_HAAG_SCHOOL, Y2024)
    assert (answer.covered, answer.plan) == (False, plan.id)
