"""The recogniser's parts: header words, date formats per column, the best assignment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import PUPIL_HEADER, pupils_rows, write_xlsx

from grensverkeer.importing.assignment import best_assignment
from grensverkeer.importing.date_formats import Compact, Order, decide, parser
from grensverkeer.importing.fields import Field
from grensverkeer.importing.header_words import DateRole, Owner, sense
from grensverkeer.importing.values import mask_bsn
from grensverkeer.importing.vocabulary import Concept
from grensverkeer.services.imports.reports import Outcome


@pytest.mark.parametrize(
    ("header", "group", "owner"),
    [
        ("Woonplaats", "", Owner.PUPIL),
        ("Plaats", "", None),
        ("Plaats", "Leerling", Owner.PUPIL),
        ("Plaats", "School", Owner.SCHOOL),
        ("Postcode leerling", "School", Owner.PUPIL),  # the header's own word wins
        ("GEMEENTENAAM_LEERLING", "", Owner.PUPIL),
        ("Schoolgemeente", "", Owner.SCHOOL),
        ("Vestigingsplaats", "", Owner.SCHOOL),
        ("Administratieve_eenheid.Plaats", "", Owner.SCHOOL),
        ("Gemeente woonadres", "", Owner.PUPIL),
        ("Woongemente", "", Owner.PUPIL),  # a typo, read fuzzily
    ],
)
def test_whose_column_it_is(header: str, group: str, owner: Owner | None) -> None:
    assert sense(header, group).owner is owner


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Datum uitschrijving", DateRole.END),
        ("Uitschrijfdatum", DateRole.END),
        ("Inschrijvingsdatum", DateRole.START),
        ("Datum plaatsing", DateRole.START),  # plaatsing, not plaats
        ("Leaving date", DateRole.END),
        ("Enrolment Date", DateRole.START),
        ("Tot en met", DateRole.END),
        ("Datum van besluit", DateRole.OTHER),  # "van" is too vague to make it a start
        ("Datum laatste wijziging", DateRole.OTHER),
        ("Date of birth", DateRole.BIRTH),
        ("Datum einde inschrijving", DateRole.END),
        ("Datum", None),
    ],
)
def test_the_role_of_a_date_column(header: str, role: DateRole | None) -> None:
    assert sense(header).date_role is role


def test_planned_and_actual_ends_are_told_apart() -> None:
    assert Concept.PLANNED in sense("Einddatum (gepland)").concepts
    assert Concept.ACTUAL in sense("Datum einde (werkelijk)").concepts


def test_day_month_order_is_decided_per_column() -> None:
    us = decide(["08/28/2023", "09/01/2024", "01/05/2024"])
    assert us.order is Order.MDY and us.order_decided
    assert parser(us)("09/01/2024") == date(2024, 9, 1)
    dutch = decide(["28-08-2023", "01-09-2024"])
    assert dutch.order is Order.DMY and parser(dutch)("01-09-2024") == date(2024, 9, 1)


def test_an_undecidable_order_is_flagged_when_it_changes_the_count() -> None:
    harmless = decide(["01-09-2024", "03-08-2024"])  # 1 Sep / 9 Jan: both before 1 October
    assert not harmless.order_decided and not harmless.order_matters
    matters = decide(["01-09-2024", "02-10-2024"])  # 2 Oct or 10 Feb: either side of it
    assert not matters.order_decided and matters.order_matters


def test_eight_digit_dates_and_excel_numbers() -> None:
    compact = decide(["20240901", "20231001"])
    assert compact.compact is Compact.YYYYMMDD and parser(compact)("20240901") == date(2024, 9, 1)
    dutch = decide([1092024, 31072025])  # ddmmjjjj stored as a number loses its leading 0
    assert dutch.compact is Compact.DDMMYYYY and parser(dutch)(1092024) == date(2024, 9, 1)
    assert parser(decide([]))(45566) == date(2024, 10, 1)


def test_an_impossible_date_quotes_its_value() -> None:
    reading = decide(["31-02-2024", "01-09-2024"])
    assert reading.share == 1.0  # a typo in a date column is still a date column
    with pytest.raises(ValueError, match="datum ‘31-02-2024’ bestaat niet"):
        parser(reading)("31-02-2024")


def test_the_assignment_is_the_best_total_not_greedy() -> None:
    # greedy would give "Datum" (0.9) the start and leave the end with 0.3
    scores = {Field.START: {0: 0.9, 1: 0.88}, Field.END: {0: 0.85, 1: 0.3}}
    assert best_assignment(scores) == {Field.START: 1, Field.END: 0}


def test_a_bsn_is_masked_in_messages() -> None:
    assert mask_bsn("123456789") == "12•••••89"
    assert mask_bsn(12345672.0) == "01•••••72"  # a number lost its leading zero


def test_without_a_school_list_one_problem_and_the_year_is_still_read(
    importer, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "leerlingen.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    (report,) = importer.import_files([path])
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert error.code == "scholenlijst_ontbreekt"
    assert error.message == "de scholenlijst ontbreekt: 6 rijen verwijzen naar 3 onbekende scholen"
    assert "importeer eerst de scholenlijst" in error.suggestion
    assert str(report.school_year) == "2024-2025"


def test_every_row_problem_quotes_its_value(schools_loaded, tmp_path: Path) -> None:
    rows = pupils_rows()
    rows[0][5] = "Speciaal"  # no onderwijstype
    rows[1][3] = "2OXB"  # a letter O for a zero
    path = write_xlsx(tmp_path / "l.xlsx", {"L": [PUPIL_HEADER, *rows]})
    (report,) = schools_loaded.import_files([path])
    messages = {i.code: i.message for i in report.errors}
    assert messages["onderwijstype"].startswith("‘Speciaal’: onbekend onderwijstype")
    assert messages["brin"].startswith("‘2OXB’: een BRIN bestaat uit")
