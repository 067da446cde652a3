"""Writing one import's rows: pupil records in bulk, school locations as they are."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import chain, islice, repeat
from typing import cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from grensverkeer.domain import EduType, SchoolLocation
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.storage.schema import PupilRecordRow, SchoolLocationRow

# a declarative class's __table__ is typed FromClause; for a mapped class it is the Table
_SCHOOLS = cast(Table, SchoolLocationRow.__table__)


def store_records(session: Session, import_id: int, year: SchoolYear, pupils: PupilColumns) -> None:
    """Bulk insert at driver level, straight from the columns: SQLAlchemy's per-row parameter
    handling would take longer than reading the whole spreadsheet (COPY on PostgreSQL,
    executemany on SQLite)."""
    if not len(pupils):
        return
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    iso: dict[date | None, str | None] = {
        d: d.isoformat() for d in set(pupils.start) | set(pupils.end) if d is not None
    }
    iso[None] = None

    def day(values: list[date | None]) -> Iterable[object]:
        if not sqlite:
            return values
        if values.count(values[0]) == len(values):  # often: no end date at all
            return [iso[values[0]]] * len(values)
        return list(map(iso.__getitem__, values))

    size = len(pupils)
    distinct = set(pupils.brinvest)  # a few hundred locations: split each once
    brins = {code: code[:4] for code in distinct}
    locations = {code: code[4:] for code in distinct}
    varying: list[tuple[str, Iterable[object]]] = [
        ("pseudonym", pupils.pseudonym),
        ("residence", pupils.residence),
        ("brin", map(brins.__getitem__, pupils.brinvest)),
        ("vestiging", map(locations.__getitem__, pupils.brinvest)),
        ("school_municipality", pupils.school_municipality),
        ("edu_type", _plain_texts(pupils.edu_type) if sqlite else pupils.edu_type),
        ("arrangement", pupils.arrangement),
        ("start_date", day(pupils.start)),
        ("end_date", day(pupils.end)),
        ("cost_cents", pupils.cost_cents),
        ("source_sheet", pupils.sheet),  # sheet names are cut to 200 characters when read
        ("source_row", pupils.row),
    ]
    if set(pupils.pupils) != {1} or any(pupils.uncertain):  # a count file: the defaults differ
        varying += [("pupil_count", pupils.pupils), ("uncertain", pupils.uncertain)]
    names = [name for name, _values in varying]
    table = PupilRecordRow.__tablename__
    driver = connection.connection.driver_connection
    if not sqlite:
        rows = zip(
            repeat(import_id, size),
            repeat(year.start_year, size),
            *(values for _name, values in varying),
            strict=True,
        )
        columns = ", ".join(["import_id", "school_year", *names])
        cursor = driver.cursor()  # type: ignore[union-attr]  # psycopg here: sqlite returned above
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    constants = {"import_id": int(import_id), "school_year": int(year.start_year)}
    _sqlite_insert(cast(sqlite3.Connection, driver), table, constants, varying, size)


#: SQLite before 3.32 binds at most 999 values in one statement
_MOST_VALUES = 999
#: rows per INSERT: one statement stepped once for many rows costs a third less per row
_ROWS_PER_STATEMENT = 50


def _sqlite_insert(
    driver: sqlite3.Connection,
    table: str,
    constants: dict[str, int],
    varying: list[tuple[str, Iterable[object]]],
    size: int,
) -> None:
    """The driver's own executemany, in the session's transaction, straight from the columns.

    What every row shares (the import, the year, often the sheet or an empty amount) is
    written into the statement once, not bound per row; the pseudonym is always bound, so
    there is a value per row. Rows go in by the fifty, as one multi-row VALUES each. A column
    with some values missing binds '' for them (``NULLIF`` stores NULL).
    """
    shared = {
        name: _literal(values)
        for name, values in varying
        if isinstance(values, list) and name != "pseudonym"
    }
    written = [name for name, _values in varying if shared.get(name) is not None]
    bound = [(name, values) for name, values in varying if shared.get(name) is None]
    empty_null = {name for name, values in bound if _null_as_empty(values)}
    bound = [
        (name, ["" if v is None else v for v in values] if name in empty_null else values)
        for name, values in bound
    ]
    columns = ", ".join([*constants, *written, *(name for name, _values in bound)])
    row = (
        "("
        + ", ".join(
            [*map(str, constants.values()), *(str(shared[name]) for name in written)]
            + ["NULLIF(?, '')" if name in empty_null else "?" for name, _values in bound]
        )
        + ")"
    )
    rows = zip(*(values for _name, values in bound), strict=True)
    per_statement = max(1, min(_ROWS_PER_STATEMENT, _MOST_VALUES // len(bound)))
    whole = size - size % per_statement
    if whole:
        flat = chain.from_iterable(islice(rows, whole))
        driver.executemany(
            f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * per_statement)}",
            zip(*[flat] * (per_statement * len(bound)), strict=False),
        )
    rest = list(chain.from_iterable(rows))
    if rest:
        count = size - whole
        driver.execute(f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * count)}", rest)


def _null_as_empty(values: Iterable[object]) -> bool:
    """Whether a column's missing values go better as '' (made NULL again by the statement):
    sqlite3 binds None through its adapter lookup, about four times slower than a text, and
    an end date is missing for most pupils. Not where '' is itself a value."""
    return isinstance(values, list) and None in values and "" not in values


def _plain_texts(values: list[EduType]) -> list[str]:
    """The types as plain text: sqlite3 binds a str subclass (an enum) through its adapter
    lookup, which costs as much as the rest of the column."""
    plain = {kind: str(kind.value) for kind in set(values)}
    return list(map(plain.__getitem__, values))


def _literal(values: list[object]) -> str | None:
    """The SQL literal of a column whose rows all hold the same text, number or nothing;
    None for any other column (or a value a literal cannot carry, such as a NUL)."""
    first = values[0]
    if values.count(first) != len(values) or isinstance(first, bool):
        return None
    if first is None:
        return "NULL"
    if isinstance(first, int):
        return str(first)
    if isinstance(first, str) and "\0" not in first:
        return "'" + first.replace("'", "''") + "'"
    return None


def store_schools(session: Session, import_id: int, schools: Sequence[SchoolLocation]) -> None:
    if not schools:
        return
    session.execute(
        insert(_SCHOOLS),
        [
            {
                "import_id": import_id,
                "brin": s.brin,
                "vestiging": s.vestiging,
                "name": s.name[:300],
                "place": s.place[:200],
                "municipality": s.municipality,
                "types": ",".join(sorted(s.types)),
            }
            for s in schools
        ],
    )
