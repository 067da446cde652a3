"""Counting a new file column by column gives what counting its records gives.

``peildatum_cells`` is the import's fast way to say which cells a file changes; it must equal
``pupil_cells`` on the same records whenever it answers, and leave every other case (a pupil
with two records, a count row, naar rato) to the records.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from grensverkeer.counting import CountedRecord, CountRules, peildatum_cells, pupil_cells
from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear

YEAR = SchoolYear(2024)
RULES = CountRules(YEAR, date(2024, 10, 1))
DAYS = st.one_of(st.none(), st.dates(date(2024, 9, 28), date(2024, 10, 4)))
CODES = st.sampled_from(["GM0518", "GM0503", "GM1783"])
RECORDS = st.lists(
    st.tuples(st.integers(0, 40), CODES, CODES, DAYS, DAYS, st.sampled_from([1, 1, 1, 3])),
    max_size=60,
)


def _columns(rows):
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * 6


@given(RECORDS, st.booleans())
def test_the_columns_count_as_the_records_do_or_leave_it_to_them(rows, pro_rata) -> None:
    rules = CountRules(YEAR, RULES.peildatum, pro_rata=pro_rata)
    pseudonyms, residences, schools, starts, ends, pupils = _columns(rows)
    pseudonyms = [f"p{n}" for n in pseudonyms]
    records = [
        CountedRecord(p, r, s, EduType.VSO, "", a, b, None, n)
        for p, r, s, a, b, n in zip(
            pseudonyms, residences, schools, starts, ends, pupils, strict=True
        )
    ]
    fast = peildatum_cells(pseudonyms, residences, schools, starts, ends, pupils, rules)
    one_each = len(set(pseudonyms)) == len(pseudonyms) and set(pupils) <= {1}
    if pro_rata or not one_each:
        assert fast is None
    else:
        assert fast == pupil_cells(records, rules)


def test_who_counts_on_the_peildatum() -> None:
    day = RULES.peildatum
    cells = peildatum_cells(
        ["a", "b", "c", "d", "e"],
        ["GM0518"] * 5,
        ["GM0503", "GM0503", "GM0503", "GM1783", "GM1783"],
        [None, day, date(2024, 10, 2), None, date(2023, 8, 1)],
        [None, day, None, date(2024, 9, 30), None],
        [1] * 5,
        RULES,
    )
    # a and b count (b starts and ends on the day), c starts after it, d left before it
    assert cells == {("GM0518", "GM0503"): 2, ("GM0518", "GM1783"): 1}
