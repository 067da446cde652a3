"""Importing files into the database: all or nothing per file, and nothing personal kept.

A file with errors is refused as a whole and the database stays exactly as it was; with
``skip_invalid`` its valid rows are stored and every skipped row is reported. School lists are
imported before pupil extracts, so one command can take both.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from grensverkeer.domain import EduType, FileKind, PupilRecord, SchoolLocation
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.duplicates import reconcile
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.parse_file import (
    ClassifiedFile,
    ParsedFile,
    SavedMapping,
    classify,
    errors_of,
    parse_pupils,
    parse_schools,
)
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.readers import DEFAULT_LIMITS, ReadError, ReadLimits
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.school_year_detection import year_from_dates
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.reports import ImportReport, Outcome, warning_summary
from grensverkeer.services.school_years import ensure_school_year, peildatum_of
from grensverkeer.services.schools import stored_school_index
from grensverkeer.storage.database import Database
from grensverkeer.storage.models import (
    ImportBatch,
    MetaRow,
    PupilRecordRow,
    SchoolLocationRow,
)

log = logging.getLogger("grensverkeer.import")
KEY_FINGERPRINT = "pseudoniem_sleutel"


class ImportCancelled(GrensverkeerError):
    """The user stopped the import; nothing of the current file was stored."""


KnownRecords = dict[str, list[tuple[PupilRecord, str]]]


@dataclass(frozen=True, slots=True)
class Decision:
    """What of one parsed file would be stored, or that it is refused."""

    issues: list[ImportIssue]
    pupils: PupilColumns
    stored: int
    skipped: int
    merged: int
    outside: int
    refused: bool


@dataclass(frozen=True, slots=True)
class ImportOptions:
    school_year: SchoolYear | None = None
    skip_invalid: bool = False
    mapping: SavedMapping | None = None


Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during bulk work.

    Reading a sheet makes millions of small objects and no reference cycles; without the
    pause, the collector walks the whole heap again and again and costs about as much time
    as parsing itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class Importer:
    """Imports files into one database with one pseudonym key."""

    def __init__(
        self,
        db: Database,
        pseudonymizer: Pseudonymizer,
        reference: Reference | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        limits: ReadLimits = DEFAULT_LIMITS,
    ) -> None:
        self.db = db
        self.limits = limits
        self.pseudonymizer = pseudonymizer
        self.reference = reference or load_reference()
        self.progress = progress or (lambda _text, _done, _total: None)
        self.cancelled = cancelled or (lambda: False)

    def import_files(
        self, paths: Sequence[Path], options: ImportOptions = ImportOptions()
    ) -> list[ImportReport]:
        """Import every file; school lists first. One report per file, in the given order."""
        with collector_paused():
            return self._import_files(paths, options)

    def _import_files(self, paths: Sequence[Path], options: ImportOptions) -> list[ImportReport]:
        self.check_key()
        reports: dict[Path, ImportReport] = {}
        pending: list[tuple[Path, str, ClassifiedFile]] = []
        total = len(paths)
        for number, path in enumerate(paths):
            self._check_cancel()
            self.progress(f"Lezen: {path.name}", number, total)
            early = self._open(path, options.mapping)
            if isinstance(early, ImportReport):
                reports[path] = early
            else:
                pending.append((path, *early))
        pending.sort(key=lambda item: item[2].kind is not FileKind.SCHOOLS)
        for number, (path, digest, classified) in enumerate(pending):
            self._check_cancel()
            self.progress(f"Importeren: {path.name}", number, len(pending))
            reports[path] = self._import(path, digest, classified, options)
        self.progress("Klaar", total, total)
        return [reports[p] for p in paths]

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise ImportCancelled(
                "De import is afgebroken; het lopende bestand is niet opgeslagen."
            )

    def _open(
        self, path: Path, mapping: SavedMapping | None
    ) -> ImportReport | tuple[str, ClassifiedFile]:
        name = path.name
        if not path.is_file():
            return self._refused(
                name,
                "",
                [ImportIssue(name, "", None, "", "niet_gevonden", "bestand niet gevonden")],
            )
        digest = sha256_of(path)
        with self.db.sessions() as session:
            earlier = session.scalar(select(ImportBatch).where(ImportBatch.sha256 == digest))
        if earlier is not None:
            return ImportReport(
                name,
                Outcome.ALREADY,
                kind=FileKind(earlier.kind),
                import_id=earlier.id,
                notes=(
                    f"dit bestand is al geïmporteerd als import {earlier.id} "
                    f"({earlier.file_name}); er is niets gewijzigd",
                ),
            )
        try:
            classified = classify(path, mapping, self.limits)
        except ReadError as error:
            return self._refused(
                name, digest, [ImportIssue(name, "", None, "", error.code, error.message)]
            )
        if classified.kind is None:
            return self._refused(name, digest, classified.issues, classified.notes)
        return digest, classified

    def _import(
        self, path: Path, digest: str, classified: ClassifiedFile, options: ImportOptions
    ) -> ImportReport:
        if classified.kind is FileKind.SCHOOLS:
            parsed = parse_schools(classified, self.reference)
            return self._finish(path, digest, classified, parsed, options, None, "")
        schools = self.school_index()
        parsed = parse_pupils(classified, self.reference, schools, self.pseudonymizer)
        year, source = self._school_year(path.name, parsed, options)
        if year is None:
            parsed.issues.append(
                ImportIssue(
                    path.name,
                    "",
                    None,
                    "",
                    "schooljaar_onbekend",
                    "het schooljaar is niet uit het bestand af te leiden",
                    suggestion="geef het op met --school-year 2024-2025",
                )
            )
        return self._finish(path, digest, classified, parsed, options, year, source)

    def _school_year(
        self, name: str, parsed: ParsedFile, options: ImportOptions
    ) -> tuple[SchoolYear | None, str]:
        hint = parsed.hint
        if options.school_year is not None:
            if hint and hint.school_year and hint.school_year != options.school_year:
                parsed.issues.append(
                    ImportIssue(
                        name,
                        "",
                        None,
                        "",
                        "schooljaar_verschilt",
                        f"het bestand noemt ‘{hint.text}’, maar u koos {options.school_year}",
                        severity=Severity.WARNING,
                    )
                )
            return options.school_year, "opgegeven met --school-year"
        if hint is not None and hint.school_year is not None:
            return hint.school_year, f"uit het bestand: ‘{hint.text}’"
        year = year_from_dates(parsed.pupils)
        if year is None:
            return None, ""
        return year, "afgeleid uit de start- en einddatums"

    def _finish(
        self,
        path: Path,
        digest: str,
        classified: ClassifiedFile,
        parsed: ParsedFile,
        options: ImportOptions,
        year: SchoolYear | None,
        year_source: str,
    ) -> ImportReport:
        """Decide what of a parsed file is stored (or refuse it), then store it."""
        name = path.name
        decision = self._decide(name, classified, parsed, options, year)
        if decision.refused:
            return self._refused(name, digest, decision.issues, classified.notes, parsed, year)
        import_id = self._store(name, digest, parsed, year, decision)
        return ImportReport(
            name,
            Outcome.STORED,
            kind=parsed.kind,
            import_id=import_id,
            school_year=year,
            school_year_source=year_source,
            rows_read=parsed.rows_read,
            rows_stored=decision.stored,
            rows_skipped=decision.skipped,
            duplicates_merged=decision.merged,
            outside_year=decision.outside,
            issues=tuple(decision.issues),
            notes=tuple(classified.notes),
        )

    def _decide(
        self,
        name: str,
        classified: ClassifiedFile,
        parsed: ParsedFile,
        options: ImportOptions,
        year: SchoolYear | None,
    ) -> Decision:
        """Counting rule 2 against what is known already, and whether the file is refused."""
        issues = list(classified.issues) + parsed.issues
        pupils = parsed.pupils
        outside = merged = 0
        if parsed.kind is FileKind.PUPILS and year is not None:
            inside = pupils.take(pupils.within(year))
            outside = len(pupils) - len(inside)
            with self.db.sessions() as session:
                peildatum = peildatum_of(session, year)
                known = self._known(session, year)
            sheets = {sheet.name for sheet, _header in classified.sheets}
            result = reconcile(inside, known, peildatum, _row_label(name, sheets))
            pupils = inside.take(result.kept)
            merged = len(result.merged)
            for clash in result.merged:
                issues.append(
                    _located(
                        name,
                        clash.record,
                        "dubbel_samengevoegd",
                        f"dezelfde leerling als {clash.where}; één keer geteld",
                        Severity.WARNING,
                    )
                )
            for clash in result.conflicts:
                issues.append(
                    _located(
                        name,
                        clash.record,
                        "conflict",
                        f"deze leerling staat op de peildatum ook bij {clash.where} ingeschreven, "
                        "met een andere school, woongemeente of onderwijstype",
                        Severity.ERROR,
                        "los dit op in het bronbestand: één inschrijving per leerling",
                    )
                )
        errors = errors_of(issues)
        bad_rows = {(i.sheet, i.row) for i in errors if i.row is not None}
        refused = any(i.row is None for i in errors) or (bool(errors) and not options.skip_invalid)
        # rows with errors never became records, and conflicts were not kept
        stored = len(pupils) if parsed.kind is FileKind.PUPILS else len(parsed.schools)
        if not refused and not stored and bad_rows:
            issues.append(
                ImportIssue(
                    name, "", None, "", "niets_over", "geen enkele rij kan worden opgeslagen"
                )
            )
            refused = True
        return Decision(issues, pupils, stored, len(bad_rows) + outside, merged, outside, refused)

    def _known(self, session: Session, year: SchoolYear) -> KnownRecords:
        """The pupil records a new file is reconciled with: those stored for the year."""
        return self._known_records(session, year)

    def _store(
        self,
        name: str,
        digest: str,
        parsed: ParsedFile,
        year: SchoolYear | None,
        decision: Decision,
    ) -> int | None:
        """Write one file's import in one transaction; returns its import number."""
        self._check_cancel()  # the last moment a cancel can still store nothing of this file
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
            if parsed.kind is FileKind.PUPILS and year is not None:
                self._remember_key(session)
                ensure_school_year(session, year, commit=False)
                _store_records(session, batch.id, year, decision.pupils)
            else:
                _store_schools(session, batch.id, parsed.schools)
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

    def _refused(
        self,
        name: str,
        digest: str,
        issues: Iterable[ImportIssue],
        notes: Iterable[str] = (),
        parsed: ParsedFile | None = None,
        year: SchoolYear | None = None,
    ) -> ImportReport:
        issues = tuple(issues)
        self._log_refusal(name, digest, issues)
        return ImportReport(
            name,
            Outcome.REFUSED,
            kind=parsed.kind if parsed else None,
            school_year=year,
            rows_read=parsed.rows_read if parsed else 0,
            issues=issues,
            notes=tuple(notes),
        )

    def _log_refusal(self, name: str, digest: str, issues: tuple[ImportIssue, ...]) -> None:
        """Failed attempts go to the log file (codes and counts only), never the database."""
        codes = sorted({i.code for i in issues if i.severity is Severity.ERROR})
        log.warning(
            "Import geweigerd: %s (sha256 %s): %d fouten (%s)",
            name,
            digest[:12],
            sum(1 for i in issues if i.severity is Severity.ERROR),
            ", ".join(codes),
        )

    def school_index(self) -> SchoolIndex:
        """Every stored location; a later school list wins for a location in several."""
        return stored_school_index(self.db)

    @staticmethod
    def _known_records(session: Session, year: SchoolYear) -> KnownRecords:
        rows = session.execute(
            select(
                PupilRecordRow.pseudonym,
                PupilRecordRow.residence,
                PupilRecordRow.brin,
                PupilRecordRow.vestiging,
                PupilRecordRow.school_municipality,
                PupilRecordRow.edu_type,
                PupilRecordRow.start_date,
                PupilRecordRow.end_date,
                PupilRecordRow.import_id,
            ).where(PupilRecordRow.school_year == year.start_year)
        )
        known: dict[str, list[tuple[PupilRecord, str]]] = {}
        for p, res, brin, vest, school_mun, edu, start, end, import_id in rows:
            record = PupilRecord(
                p, res, brin + vest, school_mun, EduType(edu), "", start, end, None, "", 0
            )
            known.setdefault(p, []).append((record, f"import {import_id}"))
        return known

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

    def _remember_key(self, session: Session) -> None:
        """Written with the first stored import, so a refused import changes nothing."""
        if session.get(MetaRow, KEY_FINGERPRINT) is None:
            session.add(MetaRow(key=KEY_FINGERPRINT, value=self.pseudonymizer.fingerprint))


def _row_label(name: str, sheets: set[str]) -> Callable[[PupilRecord], str]:
    """ "rij 12" in a one-sheet file, "blad ‘X’, rij 12" where the sheet matters."""
    if len(sheets) == 1:
        return lambda record: f"rij {record.row}"
    return lambda record: f"blad ‘{record.sheet}’, rij {record.row}"


def _located(
    name: str,
    record: PupilRecord,
    code: str,
    message: str,
    severity: Severity,
    suggestion: str = "",
) -> ImportIssue:
    return ImportIssue(
        name, record.sheet, record.row, "", code, message, suggestion=suggestion, severity=severity
    )


def _store_records(
    session: Session, import_id: int, year: SchoolYear, pupils: PupilColumns
) -> None:
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
    rows = zip(
        repeat(import_id, size),
        repeat(year.start_year, size),
        pupils.pseudonym,
        pupils.residence,
        map(itemgetter(slice(None, 4)), pupils.brinvest),
        map(itemgetter(slice(4, None)), pupils.brinvest),
        pupils.school_municipality,
        pupils.edu_type,
        pupils.arrangement,
        day(pupils.start),
        day(pupils.end),
        pupils.cost_cents,
        pupils.sheet,  # sheet names are cut to 200 characters when read
        pupils.row,
        strict=True,
    )
    columns = ", ".join(_RECORD_COLUMNS)
    table = PupilRecordRow.__tablename__
    if not sqlite:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in _RECORD_COLUMNS)
    connection.exec_driver_sql(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(rows))


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
)


def _store_schools(session: Session, import_id: int, schools: Sequence[SchoolLocation]) -> None:
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
