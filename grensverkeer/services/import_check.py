"""Checking files before they are imported (a dry run), and importing a planned batch.

:func:`check_files` answers "what would ``Importer.import_files`` do with these files?" with the
same :class:`~grensverkeer.services.reports.ImportReport` list, and writes nothing. The import
wizard shows its problems before anything is stored.

How the dry run works, and why this way:

- It is an :class:`~grensverkeer.services.importer.Importer` whose one writing step,
  ``_store``, is replaced. Reading, classifying, parsing, the school-year choice, counting
  rule 2 and the decision to refuse a file are the Importer's own code, so the check cannot
  drift from the import; ``tests/test_aliases_import_check.py`` compares a check with a real
  import of the demo files (including the file with problems) field by field.
- Not a rolled-back transaction around a real import: that writes every row only to throw it
  away, holds the SQLite write lock meanwhile and needs savepoints, which the SQLite driver
  handles badly. Not a copy of the database either: too slow for a shared PostgreSQL.
- Files in one batch depend on each other: a school list makes the BRINs of the pupil files
  after it known, and a pupil in two files counts once. A real import sees the earlier files
  in the database; the check keeps what would have been stored in memory instead (the school
  locations, and the pupil records in the shape the database would return them). A check
  therefore reports a duplicate of an earlier file of the batch as ``bestand ‘x.csv’`` where
  the import says ``import 12``.
- A file that would be stored gets :attr:`Outcome.STORED` with ``import_id`` None.

:func:`import_plan` imports (or, with ``dry_run``, checks) files that may each have their own
column mapping, as the wizard's preview makes them: one ``import_files`` call per file, school
lists first, each file still all or nothing. One call per file also means that two files with
the same content in one batch give "al geïmporteerd" for the second instead of a clash.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from grensverkeer.domain import FileKind, PupilRecord, SchoolLocation
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.importing.parse_file import ClassifiedFile, ParsedFile, SavedMapping
from grensverkeer.importing.readers import DEFAULT_LIMITS, ReadLimits
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.aliases import ReferenceWithAliases
from grensverkeer.services.importer import (
    Cancelled,
    Decision,
    Importer,
    ImportOptions,
    KnownRecords,
    Progress,
)
from grensverkeer.services.reports import ImportReport, Outcome
from grensverkeer.storage.database import Database

AnyReference = Reference | ReferenceWithAliases


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file to import, with its kind as a preview found it and the user's column mapping."""

    path: Path
    kind: FileKind | None = None
    mapping: SavedMapping | None = None


def check_files(
    db: Database,
    pseudonymizer: Pseudonymizer,
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    *,
    reference: AnyReference | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> list[ImportReport]:
    """What ``Importer.import_files(paths, options)`` would report; nothing is written."""
    checker = _Checker(db, pseudonymizer, reference, _checking(progress), cancelled, limits)
    return checker.import_files(paths, options or ImportOptions())


def import_plan(
    db: Database,
    pseudonymizer: Pseudonymizer,
    files: Sequence[PlannedFile],
    *,
    school_year: SchoolYear | None = None,
    skip_invalid: bool = False,
    reference: AnyReference | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    dry_run: bool = False,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> list[ImportReport]:
    """Import (or check) every file with its own mapping; one report per file, in given order.

    ``progress`` gets the importer's own steps ("Lezen: naam", "Importeren: naam"; in a dry
    run "Controleren: naam") with the number of files done and the number of files, and
    ("Klaar", n, n) at the end. ``cancelled`` is asked before each file is read and before it
    is parsed; ``ImportCancelled`` then leaves the files before it stored (a real import).
    """
    report_progress = progress or (lambda _text, _done, _total: None)
    files_done = [0]

    def file_progress(text: str, step: int, steps: int) -> None:
        if step < steps:  # the importer's own "Klaar" after each file is not the end
            report_progress(text, files_done[0], len(files))

    steps = _checking(file_progress) if dry_run else file_progress
    kind = _Checker if dry_run else Importer
    importer = kind(db, pseudonymizer, reference, steps, cancelled, limits)  # type: ignore[arg-type]
    order = sorted(range(len(files)), key=lambda i: files[i].kind is not FileKind.SCHOOLS)
    reports: dict[int, ImportReport] = {}
    for done, index in enumerate(order):
        files_done[0] = done
        planned = files[index]
        options = ImportOptions(school_year, skip_invalid, planned.mapping)
        (reports[index],) = importer.import_files([planned.path], options)
    report_progress("Klaar", len(files), len(files))
    return [reports[i] for i in range(len(files))]


def _checking(progress: Progress | None) -> Progress | None:
    if progress is None:
        return None
    return lambda text, done, total: progress(
        text.replace("Importeren:", "Controleren:", 1), done, total
    )


class _Checker(Importer):
    """An Importer that decides everything and stores nothing (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As Importer; a ReferenceWithAliases has Reference's interface without being one."""
        super().__init__(*args, **kwargs)
        self._schools: list[SchoolLocation] = []
        self._records: dict[int, KnownRecords] = {}
        self._digests: dict[str, str] = {}

    def school_index(self) -> SchoolIndex:
        """The stored locations plus those of school lists earlier in this batch."""
        index = super().school_index()
        index.add(self._schools)
        return index

    def _open(
        self, path: Path, mapping: SavedMapping | None
    ) -> ImportReport | tuple[str, ClassifiedFile]:
        early = super()._open(path, mapping)
        if isinstance(early, tuple) and early[0] in self._digests:
            return ImportReport(
                path.name,
                Outcome.ALREADY,
                kind=early[1].kind,
                notes=(
                    f"dit bestand staat al eerder in deze import ({self._digests[early[0]]}); "
                    "het wordt niet nog eens ingelezen",
                ),
            )
        return early

    def _known(self, session: Session, year: SchoolYear) -> KnownRecords:
        known = super()._known(session, year)
        for pseudonym, records in self._records.get(year.start_year, {}).items():
            known.setdefault(pseudonym, []).extend(records)
        return known

    def _store(
        self,
        name: str,
        digest: str,
        parsed: ParsedFile,
        year: SchoolYear | None,
        decision: Decision,
    ) -> int | None:
        """Store nothing; remember it for the files after this one (no import number)."""
        self._remember(name, digest, parsed, year, decision.pupils.records() if year else ())
        return None

    def _remember(
        self,
        name: str,
        digest: str,
        parsed: ParsedFile,
        year: SchoolYear | None,
        records: Iterable[PupilRecord],
    ) -> None:
        """Keep what a real import would have stored, for the files after this one."""
        self._digests[digest] = name
        if parsed.kind is FileKind.SCHOOLS:
            self._schools.extend(parsed.schools)
            return
        if year is None:
            return
        known = self._records.setdefault(year.start_year, {})
        where = f"bestand ‘{name}’"
        for r in records:
            # as Importer._known_records reads it back from the database
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

    def _log_refusal(self, name: str, digest: str, issues: tuple[ImportIssue, ...]) -> None:
        """A check refuses nothing: no log line."""
