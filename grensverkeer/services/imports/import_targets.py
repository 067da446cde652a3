"""Where an import's decisions go: the database, or (a dry run) nowhere but memory.

The import pipeline (:mod:`importer`) reads, recognises, parses and decides the same way for a
real import and for the wizard's check; only its last step differs. That step, and what the
pipeline needs to know of earlier imports (the school list, the pupils already stored for a
school year, files already imported), is a *target*:

- :class:`DatabaseTarget` reads the database and writes one file's import in one transaction.
- :class:`DryRunTarget` reads the same database through a :class:`DatabaseTarget` and keeps
  what would have been stored in memory, so the files after it in one batch see it (a school
  list earlier in the batch makes its BRINs known; a pupil in two files counts once). It
  writes nothing. A duplicate of an earlier file of the batch is therefore reported as
  ``bestand ‘x.csv’`` where the real import says ``import 12``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from sqlalchemy import select

from grensverkeer.counting import CountedRecord, CountRules
from grensverkeer.domain import EduType, FileKind, PupilRecord, SchoolLocation
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.parse_file import ParsedFile
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_changes import counted_records
from grensverkeer.services.imports.import_store import store_records, store_schools
from grensverkeer.services.imports.reports import warning_summary
from grensverkeer.services.imports.schools import stored_school_index
from grensverkeer.services.matrices.counted_matrix import load_records
from grensverkeer.services.years.membership import members_as_they_stand
from grensverkeer.services.years.year_settings import (
    ensure_school_year,
    peildatum_of,
    year_settings,
)
from grensverkeer.storage.database import Database, exclusive
from grensverkeer.storage.schema import ImportBatch, MetaRow, PupilRecordRow

log = logging.getLogger("grensverkeer.import")
KEY_FINGERPRINT = "pseudoniem_sleutel"

KnownRecords = dict[str, list[tuple[PupilRecord, str]]]


@dataclass(frozen=True, slots=True)
class Earlier:
    """A file with the same content imported before."""

    import_id: int | None
    file_name: str
    kind: FileKind


@dataclass(frozen=True, slots=True)
class Decision:
    """What of one parsed file would be stored, or that it is refused."""

    issues: list[ImportIssue]
    pupils: PupilColumns  # what is stored of a pupil file or count file
    stored: int
    skipped: int
    merged: int
    outside: int
    refused: bool


@dataclass(frozen=True, slots=True)
class YearCounting:
    """How a school year is counted and what it holds already: for an import's changes."""

    rules: CountRules
    participants: tuple[str, ...]
    records: list[CountedRecord]


class ImportTarget(Protocol):
    db: Database

    def transaction(self) -> AbstractContextManager[ImportTarget]: ...
    def check_key(self) -> None: ...
    def year_counting(self, year: SchoolYear) -> YearCounting: ...
    def earlier(self, digest: str) -> Earlier | None: ...
    def school_index(self) -> SchoolIndex: ...
    def peildatum(self, year: SchoolYear) -> date: ...
    def known_records(self, year: SchoolYear) -> KnownRecords: ...
    def store(
        self,
        name: str,
        digest: str,
        parsed: ParsedFile,
        year: SchoolYear | None,
        decision: Decision,
    ) -> int | None: ...
    def refused(self, name: str, digest: str, issues: tuple[ImportIssue, ...]) -> None: ...


class DatabaseTarget:
    """The real thing: reads and writes one database, with one pseudonym key."""

    def __init__(self, db: Database, pseudonymizer: Pseudonymizer) -> None:
        self.db = db
        self.pseudonymizer = pseudonymizer

    @contextmanager
    def transaction(self) -> Iterator[DatabaseTarget]:
        """The decision and the write of one file in one transaction that no other import can
        interleave with: what is known, checked and stored is one snapshot."""
        with exclusive(self.db) as view:
            yield DatabaseTarget(view, self.pseudonymizer)

    def check_key(self) -> None:
        """Refuse to mix pseudonyms made with two different keys in one database."""
        with self.db.sessions() as session:
            stored = session.get(MetaRow, KEY_FINGERPRINT)
        if stored is not None and stored.value != self.pseudonymizer.fingerprint:
            raise GrensverkeerError(
                "Deze database is gevuld met een andere pseudoniemsleutel dan de uwe; dezelfde "
                "leerling zou dan twee keer tellen. Gebruik de sleutel van deze database "
                "(GRENSVERKEER_KEY of het sleutelbestand)."
            )

    def earlier(self, digest: str) -> Earlier | None:
        with self.db.sessions() as session:
            row = session.scalar(select(ImportBatch).where(ImportBatch.sha256 == digest))
            return None if row is None else Earlier(row.id, row.file_name, FileKind(row.kind))

    def school_index(self) -> SchoolIndex:
        """Every stored location; a later school list wins for a location in several."""
        return stored_school_index(self.db)

    def peildatum(self, year: SchoolYear) -> date:
        with self.db.sessions() as session:
            return peildatum_of(session, year)

    def known_records(self, year: SchoolYear) -> KnownRecords:
        """The pupil records a new file is reconciled with: those stored for the year."""
        record = PupilRecordRow
        query = select(
            record.pseudonym,
            record.residence,
            record.brin,
            record.vestiging,
            record.school_municipality,
            record.edu_type,
            record.start_date,
            record.end_date,
            record.import_id,
        ).where(record.school_year == year.start_year, record.pupil_count == 1)
        known: KnownRecords = {}
        with self.db.sessions() as session:
            for p, res, brin, vest, school, edu, start, end, import_id in session.execute(query):
                stored = PupilRecord(
                    p, res, brin + vest, school, EduType(edu), "", start, end, None, "", 0
                )
                known.setdefault(p, []).append((stored, f"import {import_id}"))
        return known

    def year_counting(self, year: SchoolYear) -> YearCounting:
        settings = year_settings(self.db, year)
        members = members_as_they_stand(self.db, settings.peildatum)
        return YearCounting(settings.rules, members, load_records(self.db, year))

    def store(
        self,
        name: str,
        digest: str,
        parsed: ParsedFile,
        year: SchoolYear | None,
        decision: Decision,
    ) -> int | None:
        """Write one file's import in one transaction; returns its import number."""
        with self.db.sessions.begin() as session:
            batch = ImportBatch(
                file_name=name,
                sha256=digest,
                kind=str(parsed.kind),
                school_year=year.start_year if year else None,
                imported_at=datetime.now(UTC),
                rows_read=parsed.rows_read,
                rows_stored=decision.stored,
                rows_skipped=decision.skipped,
                duplicates_merged=decision.merged,
                warnings=warning_summary(decision.issues),
            )
            session.add(batch)
            session.flush()
            if parsed.kind is FileKind.SCHOOLS:
                store_schools(session, batch.id, parsed.schools)
            elif year is not None:
                if session.get(MetaRow, KEY_FINGERPRINT) is None:
                    session.add(MetaRow(key=KEY_FINGERPRINT, value=self.pseudonymizer.fingerprint))
                ensure_school_year(session, year, commit=False)
                store_records(session, batch.id, year, decision.pupils)
            import_id = batch.id
        log.info(
            "Import %s opgeslagen: %s (%s rijen gelezen, %s opgeslagen, %s overgeslagen)",
            import_id,
            name,
            parsed.rows_read,
            decision.stored,
            decision.skipped,
        )
        return import_id

    def refused(self, name: str, digest: str, issues: tuple[ImportIssue, ...]) -> None:
        """Failed attempts go to the log file (codes and counts only), never the database."""
        codes = sorted({i.code for i in issues if i.severity is Severity.ERROR})
        log.warning(
            "Import geweigerd: %s (sha256 %s): %d fouten (%s)",
            name,
            digest[:12],
            sum(1 for i in issues if i.severity is Severity.ERROR),
            ", ".join(codes),
        )


class DryRunTarget:
    """Decides against the database, stores in memory only (see the module docstring)."""

    def __init__(self, db: Database, pseudonymizer: Pseudonymizer) -> None:
        self.db = db  # read only: what is decided against (ImportTarget.db)
        self.database = DatabaseTarget(db, pseudonymizer)
        self._schools: list[SchoolLocation] = []
        self._records: dict[int, KnownRecords] = {}
        self._counted: dict[int, list[CountedRecord]] = {}
        self._digests: dict[str, tuple[str, FileKind]] = {}

    @contextmanager
    def transaction(self) -> Iterator[DryRunTarget]:
        yield self  # it writes nothing: nothing to hold others off from

    def check_key(self) -> None:
        self.database.check_key()

    def earlier(self, digest: str) -> Earlier | None:
        if digest in self._digests:
            name, kind = self._digests[digest]
            return Earlier(None, name, kind)
        return self.database.earlier(digest)

    def school_index(self) -> SchoolIndex:
        """The stored locations plus those of school lists earlier in this batch."""
        index = self.database.school_index()
        index.add(self._schools)
        return index

    def peildatum(self, year: SchoolYear) -> date:
        return self.database.peildatum(year)

    def year_counting(self, year: SchoolYear) -> YearCounting:
        stored = self.database.year_counting(year)
        earlier = self._counted.get(year.start_year, [])
        return YearCounting(stored.rules, stored.participants, [*stored.records, *earlier])

    def known_records(self, year: SchoolYear) -> KnownRecords:
        known = self.database.known_records(year)
        for pseudonym, records in self._records.get(year.start_year, {}).items():
            known.setdefault(pseudonym, []).extend(records)
        return known

    def store(
        self,
        name: str,
        digest: str,
        parsed: ParsedFile,
        year: SchoolYear | None,
        decision: Decision,
    ) -> int | None:
        """Store nothing; remember it for the files after this one (no import number)."""
        self._digests[digest] = (name, parsed.kind)
        if parsed.kind is FileKind.SCHOOLS:
            self._schools.extend(parsed.schools)
        elif year is not None:
            self._remember(name, year, decision.pupils.records())
            self._counted.setdefault(year.start_year, []).extend(counted_records(decision.pupils))
        return None

    def _remember(self, name: str, year: SchoolYear, records: Iterable[PupilRecord]) -> None:
        known = self._records.setdefault(year.start_year, {})
        where = f"bestand ‘{name}’"
        for r in records:
            if r.pupils != 1:
                continue  # count rows are no pupils to reconcile with
            # as DatabaseTarget.known_records reads it back from the database
            stored = PupilRecord(
                r.pseudonym,
                r.residence,
                r.brinvest,
                r.school_municipality,
                r.edu_type,
                "",
                r.start,
                r.end,
                None,
                "",
                0,
            )
            known.setdefault(r.pseudonym, []).append((stored, where))

    def refused(self, name: str, digest: str, issues: tuple[ImportIssue, ...]) -> None:
        """A check refuses nothing: no log line."""
