"""services.matrices.cell_pupils and .matrix_filters: a cell lists exactly its pupils."""

from __future__ import annotations

from fractions import Fraction

from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.cell_pupils import OUTSIDE_REGION, pupils_in_cell
from grensverkeer.services.matrices.counted_matrix import PUPILS, pupil_matrix
from grensverkeer.services.matrices.matrix_filters import (
    MatrixFilter,
    arrangements,
    filtered_matrix,
)
from grensverkeer.services.years.year_settings import change_year_settings

YEAR = SchoolYear(2024)


def test_every_cell_lists_as_many_pupils_as_it_counts(demo_db) -> None:
    matrix = pupil_matrix(demo_db, YEAR)
    everyone = pupils_in_cell(demo_db, YEAR, None, None)
    assert len(everyone) == matrix.total() == 2945
    per_cell: dict[tuple[str, str], int] = {}
    for pupil in everyone:
        key = (pupil.residence, pupil.school_municipality)
        per_cell[key] = per_cell.get(key, 0) + 1
    assert per_cell == dict(matrix.cells)
    (residence, school), value = max(matrix.cells.items(), key=lambda item: item[1])
    assert len(pupils_in_cell(demo_db, YEAR, residence, school)) == value


def test_outside_the_region_is_every_non_participant(demo_db) -> None:
    matrix = pupil_matrix(demo_db, YEAR)
    members = set(matrix.participants)
    expected = sum(v for (r, _s), v in matrix.cells.items() if r not in members)
    listed = pupils_in_cell(demo_db, YEAR, OUTSIDE_REGION, None)
    assert len(listed) == expected > 0
    assert all(p.residence not in members for p in listed)


def test_pupils_are_pseudonymised_and_named_by_school(demo_db) -> None:
    pupils = pupils_in_cell(demo_db, YEAR, "GM1783", "GM0503")
    assert pupils
    assert all(len(p.pseudonym) == 8 for p in pupils)
    assert all(p.school_name and len(p.brinvest) == 6 for p in pupils)
    assert pupils == sorted(
        pupils, key=lambda p: (p.school_name.casefold(), p.brinvest, p.pseudonym)
    )


def test_filters_agree_with_the_filtered_matrix(demo_db) -> None:
    wanted = MatrixFilter(EduType.VO, "VO 28-06", "Zorg in de klas")
    matrix = filtered_matrix(demo_db, YEAR, PUPILS, wanted)
    assert matrix.total() > 0
    for (residence, school), value in matrix.cells.items():
        listed = pupils_in_cell(
            demo_db,
            YEAR,
            residence,
            school,
            EduType.VO,
            swv="VO 28-06",
            arrangement="Zorg in de klas",
        )
        assert len(listed) == value


def test_the_filtered_matrix_is_part_of_the_full_one(demo_db) -> None:
    full = pupil_matrix(demo_db, YEAR)
    parts = [
        filtered_matrix(demo_db, YEAR, PUPILS, MatrixFilter(arrangement=a))
        for a in arrangements(demo_db, YEAR)
    ]
    assert sum(part.total() for part in parts) == full.total()
    assert filtered_matrix(demo_db, YEAR, PUPILS, MatrixFilter()).cells == full.cells


def test_naar_rato_lists_records_with_their_share(demo_db) -> None:
    change_year_settings(demo_db, YEAR, pro_rata=True)
    matrix = pupil_matrix(demo_db, YEAR)
    (residence, school), value = max(matrix.cells.items(), key=lambda item: item[1])
    listed = pupils_in_cell(demo_db, YEAR, residence, school)
    assert sum((p.weight for p in listed), Fraction(0)) == value
