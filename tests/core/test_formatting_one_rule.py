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


def test_every_page_and_cli_text_uses_the_one_rule(qapp) -> None:
    """The overview, the matrix page's cell tooltips, the import result and the CLI's analysis
    all show 49/4 pupils as the PDF does (they rounded by hand to 12,2 or 12,25 before)."""
    from grensverkeer.cli.analyse_text import _count
    from grensverkeer.ui.pages.matrix_page import _pupils
    from grensverkeer.ui.pages.overview_page import _number
    from grensverkeer.ui.result_page import _number as result_number
    from grensverkeer.ui.table_models import pupils_text

    value = Fraction(49, 4)
    assert _number(value) == result_number(value) == _count(value) == "12,3"
    assert _pupils(value) == pupils_text(value) == "12,3 leerlingen"


def test_no_pupil_count_is_rounded_by_hand_outside_the_formatter() -> None:
    """``round(float(...))`` rounds half to even on a binary float (12,25 → 12,2): text goes
    through ``formatting.pupils``. Only JSON numbers and the map's whole euros round."""
    from pathlib import Path

    import grensverkeer

    package = Path(grensverkeer.__file__).parent
    allowed = {"cli/analyse_json.py", "services/matrices/counted_matrix.py", "mapping/units.py"}
    found = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "round(float(" in path.read_text(encoding="utf-8")
    ]
    assert sorted(set(found) - allowed) == []
