"""``PupilColumns.within``: the records whose period touches the school year, judged per
distinct period; the same rows as asking each record."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from grensverkeer.importing.locations import row_keys
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.schoolyear import SchoolYear

DAYS = st.one_of(st.none(), st.dates(date(2023, 7, 1), date(2025, 9, 30)))


@given(st.lists(st.tuples(DAYS, DAYS), max_size=80))
def test_within_keeps_exactly_the_records_that_touch_the_year(periods) -> None:
    year = SchoolYear(2024)
    pupils = PupilColumns(
        pseudonym=[f"p{i}" for i in range(len(periods))],
        start=[start for start, _end in periods],
        end=[end for _start, end in periods],
    )
    expected = [
        i
        for i, (start, end) in enumerate(periods)
        if (start is None or start <= year.last_day) and (end is None or end >= year.first_day)
    ]
    assert pupils.within(year) == expected


def test_a_file_of_one_year_keeps_every_row_in_order() -> None:
    pupils = PupilColumns(
        pseudonym=["a", "b", "c"],
        start=[date(2024, 8, 1), None, date(2024, 9, 2)],
        end=[None, date(2025, 7, 31), None],
    )
    assert pupils.within(SchoolYear(2024)) == [0, 1, 2]
    assert pupils.within(SchoolYear(2026)) == [0, 2]  # b left in 2025; a and c never left


CELLS = st.one_of(st.none(), st.sampled_from(["", "Delft", "2611 AB"]), st.sampled_from([1.0, 2]))


@given(
    st.integers(1, 30).flatmap(
        lambda n: st.lists(st.lists(CELLS, min_size=n, max_size=n), min_size=1, max_size=4)
    )
)
def test_row_keys_give_back_every_row_s_cells(columns) -> None:
    """A key per row that leads back to exactly that row's cells, whichever columns vary."""
    keys, cells = row_keys(columns)
    rows = list(zip(*columns, strict=True))
    assert [cells(key) for key in keys] == rows
    assert len(set(map(type, rows))) == 1
    distinct_keys = dict.fromkeys(keys)
    assert len(distinct_keys) == len(dict.fromkeys(rows))


def test_a_single_varying_column_is_its_own_key() -> None:
    columns = (["Delft", "Westland", "Delft"], ["", "", ""], [None, None, None])
    keys, cells = row_keys(columns)
    assert keys is columns[0]
    assert cells("Westland") == ("Westland", "", None)
