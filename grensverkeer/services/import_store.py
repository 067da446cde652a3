"""Writing one import's rows: pupil records in bulk, school locations as they are."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import repeat

from sqlalchemy import insert
from sqlalchemy.orm import Session

from grensverkeer.domain import SchoolLocation
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.storage.models import PupilRecordRow, SchoolLocationRow


def store_records(session: Session, import_id: int, year: SchoolYear, pupils: PupilColumns) -> None:
    """Bulk insert at driver level, straight from the columns: SQLAlchemy's per-row parameter
    handling would take longer than reading the whole spreadsheet (COPY on PostgreSQL,
    executemany on SQLite)."""
    if not len(pupils):
        return
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    iso = {d: d.isoformat() for d in set(pupils.start) | set(pupils.end) if d is not None}
    iso[None] = None  # type: ignore[index]

    def day(values: list[date | None]) -> Iterable[object]:
        return map(iso.__getitem__, values) if sqlite else values

    size = len(pupils)
    distinct = set(pupils.brinvest)  # a few hundred locations: split each once
    brins = {code: code[:4] for code in distinct}
    locations = {code: code[4:] for code in distinct}
    rows = zip(
        repeat(import_id, size),
        repeat(year.start_year, size),
        pupils.pseudonym,
        pupils.residence,
        map(brins.__getitem__, pupils.brinvest),
        map(locations.__getitem__, pupils.brinvest),
        pupils.school_municipality,
        pupils.edu_type,
        pupils.arrangement,
        day(pupils.start),
        day(pupils.end),
        pupils.cost_cents,
        pupils.sheet,  # sheet names are cut to 200 characters when read
        pupils.row,
        pupils.pupils,
        pupils.uncertain,
        strict=True,
    )
    columns = ", ".join(_RECORD_COLUMNS)
    table = PupilRecordRow.__tablename__
    driver = connection.connection.driver_connection
    if not sqlite:
        cursor = driver.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in _RECORD_COLUMNS)
    # the driver's own executemany, in the session's transaction, straight from the iterator
    driver.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # type: ignore[union-attr]


_RECORD_COLUMNS = (
    "import_id",
    "school_year",
    "pseudonym",
    "residence",
    "brin",
    "vestiging",
    "school_municipality",
    "edu_type",
    "arrangement",
    "start_date",
    "end_date",
    "cost_cents",
    "source_sheet",
    "source_row",
    "pupil_count",
    "uncertain",
)


def store_schools(session: Session, import_id: int, schools: Sequence[SchoolLocation]) -> None:
    if not schools:
        return
    session.execute(
        insert(SchoolLocationRow.__table__),
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
