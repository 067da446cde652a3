"""The bulk insert of one import's pupil records stores exactly the columns it was given.

On SQLite a column whose rows all hold the same value is written into the statement once
instead of being bound per row; a value with a quote, a NUL, a flag, no value at all and mixed
columns must come back as they went in, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from grensverkeer.domain import EduType
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_store import _literal, _null_as_empty, store_records
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import ImportBatch, PupilRecordRow

COLUMNS = (
    PupilRecordRow.pseudonym,
    PupilRecordRow.residence,
    PupilRecordRow.brin,
    PupilRecordRow.vestiging,
    PupilRecordRow.school_municipality,
    PupilRecordRow.edu_type,
    PupilRecordRow.arrangement,
    PupilRecordRow.start_date,
    PupilRecordRow.end_date,
    PupilRecordRow.cost_cents,
    PupilRecordRow.source_sheet,
    PupilRecordRow.source_row,
    PupilRecordRow.pupil_count,
    PupilRecordRow.uncertain,
    PupilRecordRow.import_id,
    PupilRecordRow.school_year,
)


def _store(db: Database, pupils: PupilColumns) -> list[tuple[object, ...]]:
    with db.sessions.begin() as session:
        batch = ImportBatch(
            file_name="leerlingen.xlsx",
            sha256="1" * 64,
            kind="pupils",
            school_year=2024,
            imported_at=datetime(2024, 10, 2, tzinfo=UTC),
            rows_read=len(pupils),
            rows_stored=len(pupils),
            rows_skipped=0,
            warnings=[],
        )
        session.add(batch)
        session.flush()
        store_records(session, batch.id, SchoolYear(2024), pupils)
    with db.sessions() as session:
        return [tuple(row) for row in session.execute(select(*COLUMNS).order_by(PupilRecordRow.id))]


def test_shared_and_varying_columns_come_back_as_they_went_in(db: Database) -> None:
    pupils = PupilColumns(
        pseudonym=["a" * 32, "b" * 32, "c" * 32],
        residence=["GM0518", "GM0518", "GM0518"],
        brinvest=["12AB00", "12AB00", "99ZZ01"],
        school_municipality=["GM0603"] * 3,
        edu_type=[EduType.VSO] * 3,
        arrangement=["TLV 'hoog'"] * 3,  # a quote in a shared text
        start=[date(2024, 8, 1)] * 3,
        end=[None, None, None],
        cost_cents=[None] * 3,
        sheet=["Leerling's blad"] * 3,
        row=[4, 5, 6],
    )
    rows = _store(db, pupils)
    shared = ("GM0603", "VSO", "TLV 'hoog'", date(2024, 8, 1), None, None, "Leerling's blad")
    import_id = rows[0][14]
    assert rows == [
        ("a" * 32, "GM0518", "12AB", "00", *shared, 4, 1, 0, import_id, 2024),
        ("b" * 32, "GM0518", "12AB", "00", *shared, 5, 1, 0, import_id, 2024),
        ("c" * 32, "GM0518", "99ZZ", "01", *shared, 6, 1, 0, import_id, 2024),
    ]
    assert isinstance(import_id, int)


def test_a_count_file_keeps_its_counts_and_mixed_values(db: Database) -> None:
    pupils = PupilColumns(
        pseudonym=["#1", "#2"],
        residence=["GM0518", "GM1783"],
        brinvest=["12AB00", "12AB00"],
        school_municipality=["GM0603", "GM0603"],
        edu_type=[EduType.VO, EduType.VO],
        arrangement=["", ""],
        start=[None, date(2024, 8, 1)],
        end=[date(2025, 7, 31), None],
        cost_cents=[125_000, None],
        sheet=["Blad1", "Blad2"],
        row=[2, 2],
        pupils=[7, 3],
        uncertain=[0, 3],
    )
    rows = _store(db, pupils)
    assert [row[7:14] for row in rows] == [
        (None, date(2025, 7, 31), 125_000, "Blad1", 2, 7, 0),
        (date(2024, 8, 1), None, None, "Blad2", 2, 3, 3),
    ]


@pytest.mark.parametrize(
    ("values", "literal"),
    [
        (["a", "a"], "'a'"),
        (["it's", "it's"], "'it''s'"),
        ([None, None], "NULL"),
        ([12, 12], "12"),
        (["a", "b"], None),
        ([True, True], None),  # a flag is no number here
        (["a\0b", "a\0b"], None),  # a literal cannot carry a NUL: bound instead
        ([date(2024, 1, 1)] * 2, None),
    ],
)
def test_only_plain_shared_values_are_written_into_the_statement(values, literal) -> None:
    assert _literal(values) == literal


@pytest.mark.parametrize("size", [1, 2, 49, 50, 51, 997])
def test_every_row_is_stored_whatever_the_number(db: Database, size: int) -> None:
    """One pupil (every column then holds one value), and sizes around the rows the insert
    takes per statement: each row once, in order."""
    pupils = PupilColumns(
        pseudonym=[f"{i:032x}" for i in range(size)],
        residence=["GM0518"] * size,
        brinvest=["12AB00"] * size,
        school_municipality=["GM0603"] * size,
        edu_type=[EduType.VSO if i % 3 else EduType.SBO for i in range(size)],
        arrangement=[""] * size,
        start=[date(2024, 8, 1)] * size,
        end=[None] * size,
        cost_cents=[None] * size,
        sheet=["Blad1"] * size,
        row=list(range(2, size + 2)),
    )
    rows = _store(db, pupils)
    assert [row[0] for row in rows] == pupils.pseudonym
    assert [row[11] for row in rows] == pupils.row
    assert [row[5] for row in rows] == [str(kind) for kind in pupils.edu_type]


def test_missing_values_among_present_ones_come_back_as_nothing(db: Database) -> None:
    """An end date or amount missing for some pupils: SQLite binds '' for them and stores NULL,
    beyond one statement's rows too; a date and an amount that are there stay as they were."""
    size = 120
    ends = [date(2025, 1, 31) if i % 3 == 0 else None for i in range(size)]
    costs = [None if i % 2 else 100 * i for i in range(size)]
    pupils = PupilColumns(
        pseudonym=[f"{i:032x}" for i in range(size)],
        residence=["GM0518"] * size,
        brinvest=["12AB00"] * size,
        school_municipality=["GM0603"] * size,
        edu_type=[EduType.VSO] * size,
        arrangement=["" if i % 4 else "TLV hoog" for i in range(size)],
        start=[None if i % 5 == 0 else date(2024, 8, 1) for i in range(size)],
        end=ends,
        cost_cents=costs,
        sheet=["Blad1"] * size,
        row=list(range(2, size + 2)),
    )
    rows = _store(db, pupils)
    assert [row[8] for row in rows] == ends
    assert [row[9] for row in rows] == costs
    assert [row[7] for row in rows] == pupils.start
    assert [row[6] for row in rows] == pupils.arrangement


@pytest.mark.parametrize(
    ("values", "as_empty"),
    [
        (["2024-08-01", None], True),
        ([125, None], True),
        (["", None], False),  # '' is a value of its own here: None stays None
        (["2024-08-01", "2024-09-01"], False),
        (iter([None, 1]), False),  # only a list is looked into
    ],
)
def test_only_columns_without_empty_text_bind_empty_text_for_nothing(values, as_empty) -> None:
    assert _null_as_empty(values) is as_empty
