"""No silent zeros: an empty database or school year is said, with exit status 1.

Issue 13: ``matrix`` printed a grid of dots, ``settle`` € 0,00 for everyone and ``documents``
ten PDFs about 0 pupils. Now each of ``matrix``, ``settle``, ``analyse``, ``documents`` and
``export`` says what is missing and how to add it, and writes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import flows_extract

from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.matrices.year_pupils import NoPupilsError, require_pupils, year_pupils
from grensverkeer.services.years.tariffs import set_tariff
from grensverkeer.services.years.year_settings import change_year_settings

Y = SchoolYear(2024)


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _commands(out: Path) -> list[list[str]]:
    year = ["--school-year", "2024-2025"]
    return [
        ["matrix", *year],
        ["settle", *year],
        ["analyse", *year],
        ["documents", *year, "--out", str(out / "stukken")],
        ["export", *year, "--out", str(out / "werkmap.xlsx")],
    ]


def test_an_empty_database_is_said_by_every_command(db, cli, tmp_path: Path) -> None:
    for command in _commands(tmp_path):
        code, out, err = cli("--db", _url(db), *command)
        assert code == 1, (command, out, err)
        assert "geen leerlingen geteld" in err, command
        assert "grensverkeer import" in err, command  # the command line's own words
        assert out == "", command
    assert not (tmp_path / "stukken").exists()
    assert not (tmp_path / "werkmap.xlsx").exists()
    code, _out, err = cli("--db", _url(db), "matrix")  # no year given: the database is empty
    assert code == 1 and "de database bevat nog geen schooljaar met leerlingen" in err


def test_another_year_with_pupils_is_named(db, schools_loaded, cli, tmp_path: Path) -> None:
    schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", {("GM0503", "GM0518"): 3})],
        ImportOptions(school_year=SchoolYear(2023)),
    )
    set_tariff(db, SchoolYear(2023), EduType.VSO, 100_000)
    for command in _commands(tmp_path):
        code, _out, err = cli("--db", _url(db), *command)
        assert code == 1, command
        assert "Er zijn voor schooljaar 2024-2025 geen leerlingen geteld" in err
        assert "Er zijn wel leerlingen voor 2023-2024." in err


def test_pupils_who_do_not_run_on_the_peildatum_are_said(
    db, schools_loaded, cli, tmp_path: Path
) -> None:
    """Imported but not counted: every enrolment ended before the peildatum."""
    schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", {("GM0503", "GM0518"): 2}, end=date(2024, 9, 1))],
        ImportOptions(school_year=Y),
    )
    set_tariff(db, Y, EduType.VSO, 100_000)
    change_year_settings(db, Y, peildatum=date(2024, 10, 1))
    found = year_pupils(db, Y)
    assert found.records == 2 and not found.counted
    with pytest.raises(NoPupilsError):
        require_pupils(db, Y)
    code, _out, err = cli("--db", _url(db), "settle", "--school-year", "2024-2025")
    assert code == 1
    assert "geen van de 2 geïmporteerde inschrijvingen loopt op de peildatum 1 oktober 2024" in err
    assert "--peildatum" in err


def test_a_counted_year_passes(db, schools_loaded, tmp_path: Path) -> None:
    schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", {("GM0503", "GM0518"): 2})],
        ImportOptions(school_year=Y),
    )
    assert require_pupils(db) == Y
    assert year_pupils(db, Y).counted


@pytest.mark.parametrize("pro_rata", [False, True])
def test_the_cheap_check_agrees_with_the_count(
    db, schools_loaded, tmp_path: Path, pro_rata: bool
) -> None:
    """``year_pupils`` asks the database whether anyone counts, with the conditions of
    ``counting.counted``; for records around the peildatum and the year's edges both agree."""
    from grensverkeer.counting import counted
    from grensverkeer.services.imports.import_log import remove_import
    from grensverkeer.services.matrices.counted_matrix import load_records
    from grensverkeer.services.years.year_settings import year_settings

    periods = [
        (date(2023, 8, 28), None),  # runs
        (date(2024, 10, 2), None),  # starts the day after the peildatum
        (date(2023, 8, 28), date(2024, 9, 30)),  # ends the day before
        (date(2023, 8, 28), date(2024, 7, 31)),  # ends before the school year
        (date(2025, 8, 1), None),  # starts after it
        (date(2024, 10, 1), date(2024, 10, 1)),  # the peildatum only
    ]
    change_year_settings(db, Y, peildatum=date(2024, 10, 1), pro_rata=pro_rata)
    seen = []
    for number, (start, end) in enumerate(periods):
        path = tmp_path / f"periode_{number}.xlsx"
        flows_extract(
            path,
            {("GM0503", "GM0518"): 1},
            start=start,
            end=end,
            first_bsn=300_000_000 + 1000 * number,
        )
        (report,) = schools_loaded.import_files([path], ImportOptions(school_year=Y))
        rules = year_settings(db, Y).rules
        assert report.import_id is not None, report.errors
        expected = bool(counted(load_records(db, Y), rules))
        assert year_pupils(db, Y).counted == expected, (start, end)
        seen.append(expected)
        # leave the year empty again for the next period
        remove_import(db, report.import_id)
    assert True in seen and False in seen  # both answers were asked for
