"""The school year of a file comes from where most of its records fall, never from one record
(issue 12): a typo dated next year, or a "99" read as 2099, once moved a whole file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from builders import PUPIL_HEADER, write_csv

from grensverkeer.importing.school_year_detection import year_from_dates
from grensverkeer.importing.values import passes_eleven_test
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.imports.reports import Outcome


def _bsns(count: int) -> list[str]:
    found, number = [], 100_000_000
    while len(found) < count:
        number += 1
        if passes_eleven_test(f"{number:09d}"):
            found.append(f"{number:09d}")
    return found


def _rows(periods: list[tuple[object, object]]) -> list[list[object]]:
    return [
        [bsn, "Leerling", "Delft", "20XA", 0, "VSO", start, end]
        for bsn, (start, end) in zip(_bsns(len(periods)), periods, strict=True)
    ]


def _import(importer, path: Path, **options):
    (report,) = importer.import_files([path], ImportOptions(**options))
    return report


def test_one_record_dated_next_year_does_not_move_the_file(schools_loaded, tmp_path) -> None:
    periods = [(date(2024, 8, 26), None)] * 40 + [(date(2023, 8, 28), None)] * 20
    periods.append((date(2025, 9, 1), None))  # a typo, or a placement planned for next year
    report = _import(schools_loaded, write_csv(tmp_path / "l.csv", [PUPIL_HEADER, *_rows(periods)]))
    assert report.outcome is Outcome.STORED
    assert report.school_year == SchoolYear(2024)
    assert report.rows_stored == 60 and report.outside_year == 1


def test_a_two_digit_year_is_never_read_as_2099(schools_loaded, tmp_path) -> None:
    periods = [("26-08-24", None)] * 10 + [("01-08-99", "31-07-25")]
    report = _import(schools_loaded, write_csv(tmp_path / "j.csv", [PUPIL_HEADER, *_rows(periods)]))
    assert report.school_year == SchoolYear(2024)
    assert report.rows_stored == 11  # started in 1999, still there in 2024
    assert any("jaartal van twee cijfers" in note for note in report.notes)


def test_a_file_with_the_pupils_of_two_years_asks_which(schools_loaded, tmp_path) -> None:
    periods = [(date(2023, 8, 28), date(2024, 7, 31))] * 30 + [(date(2024, 8, 26), None)] * 34
    path = write_csv(tmp_path / "twee.csv", [PUPIL_HEADER, *_rows(periods)])
    report = _import(schools_loaded, path)
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert error.code == "schooljaar_dubbelzinnig"
    assert "2023-2024 (30 leerlingen op de peildatum)" in error.message
    assert "2024-2025 (34 leerlingen op de peildatum)" in error.message
    assert error.options == ("2023-2024", "2024-2025")
    chosen = _import(schools_loaded, path, school_year=SchoolYear(2024))
    assert chosen.outcome is Outcome.STORED and chosen.rows_stored == 34


def test_pupils_who_left_early_in_the_year_do_not_make_it_two_years() -> None:
    # an extract of all placements during 2024-2025: some left in September, long before
    # the peildatum, and were active on the previous year's peildatum; they belong here
    periods = [(date(2022, 8, 29), date(2024, 9, 20))] * 10 + [(date(2024, 8, 26), None)] * 50
    assert year_from_dates(periods).year == SchoolYear(2024)


def test_planned_end_dates_do_not_pull_the_file_a_year_ahead() -> None:
    # TLVs granted for two years: every end date lies in 2025-2026
    periods = [(date(2024, 8, 26), date(2026, 7, 31))] * 30 + [(date(2024, 8, 26), None)] * 30
    found = year_from_dates(periods)
    assert found.year == SchoolYear(2024)
    assert found.active == {SchoolYear(2024): 60, SchoolYear(2025): 60}


def test_too_few_dated_records_for_any_year_is_no_guess() -> None:
    found = year_from_dates([(date(2023, 9, 1), None), (date(2024, 9, 1), None)])
    assert found.year is None
