from datetime import date

import pytest

from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear


@pytest.mark.parametrize("text", ["2024-2025", "2024/2025", "2024-25", " 2024 - 2025 "])
def test_school_year_forms(text: str) -> None:
    assert SchoolYear.parse(text) == SchoolYear(2024)


@pytest.mark.parametrize("text", ["2024-2026", "2024", "24-25", "twintig"])
def test_bad_school_years_are_refused_in_dutch(text: str) -> None:
    with pytest.raises(GrensverkeerError, match="Ongeldig schooljaar"):
        SchoolYear.parse(text)


def test_school_year_bounds_and_peildatum() -> None:
    year = SchoolYear(2024)
    assert str(year) == "2024-2025"
    assert year.first_day == date(2024, 8, 1)
    assert year.last_day == date(2025, 7, 31)
    assert year.default_peildatum == date(2024, 10, 1)
    assert year.days == 365
    assert SchoolYear.containing(date(2024, 7, 31)) == SchoolYear(2023)
    assert SchoolYear.containing(date(2024, 8, 1)) == SchoolYear(2024)
    assert year.overlaps(None, date(2024, 8, 1))
    assert not year.overlaps(None, date(2024, 7, 31))
    assert not year.overlaps(date(2025, 8, 1), None)
