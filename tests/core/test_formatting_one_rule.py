"""One formatter: the same fractional pupil count reads the same in the CLI, the window and the
PDF (issue 14: 49/4 pupils read 12,3 in the PDF, 12,2 in the heat map and 12,25 in the CLI)."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

from grensverkeer import formatting
from grensverkeer.cli.render import matrix_table
from grensverkeer.documents import text
from grensverkeer.reference import load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import PUPILS, Matrix
from grensverkeer.services.years.year_settings import YearSettings


@pytest.mark.parametrize(
    "value,shown",
    [
        (Fraction(49, 4), "12,3"),  # 12,25 half up
        (Fraction(1, 20), "0,1"),
        (Fraction(7, 3), "2,3"),
        (Fraction(2469, 2), "1.234,5"),
        (Fraction(8, 2), "4"),
        (1234, "1.234"),
    ],
)
def test_one_rule_for_fractional_pupils(qapp, value, shown) -> None:
    from grensverkeer.ui.heatmap import _pupils_number

    assert formatting.pupils(value) == shown
    assert text.pupils(value) == shown  # the PDF
    assert _pupils_number(value) == shown  # the heat map


def test_the_cli_matrix_shows_the_same_number() -> None:
    year = SchoolYear(2024)
    matrix = Matrix(
        year,
        year.default_peildatum,
        PUPILS,
        {("GM0503", "GM0518"): Fraction(49, 4)},
        ("GM0503", "GM0518"),
        YearSettings(year, year.default_peildatum, pro_rata=True),
    )
    shown = matrix_table(matrix, load_reference())
    assert "12,3" in shown and "12,25" not in shown


def test_dates_in_tables_and_moments() -> None:
    assert formatting.short_date(date(2024, 10, 1)) == "01-10-2024"
    assert formatting.moment(datetime(2025, 3, 5, 14, 2)) == "05-03-2025 14:02"
