"""A parent's request about one pupil: what is stored (AVG art. 15) and erasing it (art. 17).

The BSN is turned into the keyed pseudonym the importer stores and never kept: not in the
database, not in the audit entry, not in the log. Removal is one transaction that no import
can interleave with, and leaves an audit entry (when, who, how many, why). A finalised plan
is never changed: it keeps the numbers it was finalised with, and the caller says that the
plan now differs from the data by this pupil.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, text
from sqlalchemy.orm import Session

from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.values import parse_bsn
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_targets import KEY_FINGERPRINT
from grensverkeer.services.matrices.cell_pupils import school_names
from grensverkeer.services.plans.finalized_plans import finalized_plan
from grensverkeer.storage.database import Database, exclusive
from grensverkeer.storage.privacy_schema import PrivacyLogRow
from grensverkeer.storage.read_only import require_write
from grensverkeer.storage.schema import ImportBatch, MetaRow, PupilRecordRow
from grensverkeer.who_when import as_utc, os_user

REMOVED = "verwijderd"
PURGED = "opgeschoond"
REASON_LENGTH = 1000


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """One stored enrolment of the pupil, as the officer and the parent read it."""

    school_year: SchoolYear
    brinvest: str
    school_name: str
    school_municipality: str
    residence: str
    edu_type: str
    arrangement: str
    start: date | None
    end: date | None
    import_id: int
    import_file: str
    imported_at: datetime


@dataclass(frozen=True, slots=True)
class PupilRecords:
    masked_bsn: str
    records: tuple[StoredRecord, ...]


@dataclass(frozen=True, slots=True)
class Removal:
    masked_bsn: str
    removed: int
    school_years: tuple[SchoolYear, ...]
    finalized: tuple[tuple[SchoolYear, int], ...]  # (year, plan id): plans that now differ


@dataclass(frozen=True, slots=True)
class LogEntry:
    happened_at: datetime
    action: str
    db_user: str
    os_user: str
    school_years: str
    records: int
    reason: str


def mask(bsn: str) -> str:
    """Only the last four digits: ``*****6782``."""
    return "*" * (len(bsn) - 4) + bsn[-4:]


def valid_bsn(value: str) -> str:
    """Nine digits that pass the 11-proef, or a Dutch message; the BSN itself is not repeated."""
    try:
        return parse_bsn(value.strip())
    except ValueError as error:
        raise GrensverkeerError(f"Dit is geen geldig BSN: {error}.") from None


def check_key(db: Database, pseudonymizer: Pseudonymizer) -> None:
    """A different key than the database was filled with would find nobody, silently."""
    with db.sessions() as session:
        stored = session.get(MetaRow, KEY_FINGERPRINT)
    if stored is not None and stored.value != pseudonymizer.fingerprint:
        raise GrensverkeerError(
            "Uw pseudoniemsleutel is niet de sleutel waarmee deze database is gevuld, dus een "
            "leerling is op BSN niet te vinden. Gebruik de sleutel van deze database "
            "(GRENSVERKEER_KEY of het sleutelbestand; zie docs/privacy.md)."
        )


def find_pupil(db: Database, pseudonymizer: Pseudonymizer, bsn: str) -> PupilRecords:
    """Every stored record of the pupil with this BSN, oldest school year first."""
    number = valid_bsn(bsn)
    check_key(db, pseudonymizer)
    pseudonym = pseudonymizer(number)
    r, batch = PupilRecordRow, ImportBatch
    query = (
        select(
            r.school_year,
            r.brin,
            r.vestiging,
            r.school_municipality,
            r.residence,
            r.edu_type,
            r.arrangement,
            r.start_date,
            r.end_date,
            r.import_id,
            batch.file_name,
            batch.imported_at,
        )
        .join(batch, batch.id == r.import_id)
        .where(r.pseudonym == pseudonym)
        .order_by(r.school_year, r.start_date, r.id)
    )
    with db.sessions() as session:
        rows = session.execute(query).all()
    names = school_names(db, {row.brin + row.vestiging for row in rows})
    records = tuple(
        StoredRecord(
            SchoolYear(row.school_year),
            row.brin + row.vestiging,
            names.get(row.brin + row.vestiging, ""),
            row.school_municipality,
            row.residence,
            row.edu_type,
            row.arrangement or "",
            row.start_date,
            row.end_date,
            row.import_id,
            row.file_name,
            as_utc(row.imported_at),
        )
        for row in rows
    )
    return PupilRecords(mask(number), records)


def remove_pupil(
    db: Database, pseudonymizer: Pseudonymizer, bsn: str, reason: str, by: str | None = None
) -> Removal:
    """Delete every record of the pupil and log it, in one transaction; plans stay as they are."""
    require_write(db.engine)
    number = valid_bsn(bsn)
    reason = checked_reason(reason)
    check_key(db, pseudonymizer)
    pseudonym = pseudonymizer(number)
    with exclusive(db) as view, view.sessions.begin() as session:
        years = sorted(
            set(
                session.scalars(
                    select(PupilRecordRow.school_year).where(PupilRecordRow.pseudonym == pseudonym)
                )
            )
        )
        # a DELETE gives a CursorResult (rowcount); Session.execute is typed as Result
        removed = cast(
            "CursorResult[Any]",
            session.execute(delete(PupilRecordRow).where(PupilRecordRow.pseudonym == pseudonym)),
        ).rowcount
        if not removed:
            raise GrensverkeerError(
                f"Er staat niets van de leerling met BSN {mask(number)} in deze database; er is "
                "niets verwijderd."
            )
        school_years = tuple(SchoolYear(y) for y in years)
        session.add(log_entry(session, REMOVED, school_years, removed, reason, by))
    finalized = []
    for year in school_years:
        plan = finalized_plan(db, year)
        if plan is not None:
            finalized.append((year, plan.id))
    return Removal(mask(number), removed, school_years, tuple(finalized))


def checked_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise GrensverkeerError("Geef een reden op (bijvoorbeeld: verzoek van de ouders).")
    if len(reason) > REASON_LENGTH:
        raise GrensverkeerError(
            f"De reden is {len(reason)} tekens lang; houd het bij {REASON_LENGTH} tekens."
        )
    return reason


def log_entry(
    session: Session,
    action: str,
    years: tuple[SchoolYear, ...],
    records: int,
    reason: str,
    by: str | None = None,
) -> PrivacyLogRow:
    """The audit row: when, the database user and the computer user, how many, why."""
    return PrivacyLogRow(
        happened_at=datetime.now(UTC),
        action=action,
        db_user=database_user(session)[:100],
        os_user=(by or os_user())[:100],
        school_years=", ".join(str(y) for y in years)[:200],
        records=records,
        reason=reason[:REASON_LENGTH],
    )


def privacy_log(db: Database) -> list[LogEntry]:
    with db.sessions() as session:
        rows = session.scalars(select(PrivacyLogRow).order_by(PrivacyLogRow.id)).all()
        return [
            LogEntry(
                as_utc(r.happened_at),
                r.action,
                r.db_user,
                r.os_user,
                r.school_years,
                r.records,
                r.reason,
            )
            for r in rows
        ]


def database_user(session: Session) -> str:
    """PostgreSQL's current_user; SQLite has no users (the computer user says who)."""
    if session.get_bind().dialect.name != "postgresql":
        return ""
    return str(session.execute(text("SELECT current_user")).scalar() or "")
