"""Importing files: one pipeline for the real import and for the wizard's check.

Per file: read it, recognise its sheets (kind, header, every column), parse its rows, choose
its school year, decide what is stored (counting rule 2 against what is known, or refusal),
and hand the decision to the *target* (:mod:`import_targets`): the database, or, for a dry
run, memory. Everything before the target is the same code for both, so the check cannot
drift from the import.

A file with errors is refused as a whole and the database stays exactly as it was; with
``skip_invalid`` its valid rows are stored and every skipped row is reported. School lists are
imported before pupil files, so one command can take both.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from grensverkeer.collector_pause import collector_paused
from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.choices import ColumnChoice
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.parse_file import (
    ClassifiedFile,
    ParsedFile,
    SavedMapping,
    classify,
    parse_pupils,
    parse_schools,
)
from grensverkeer.importing.readers import (
    DEFAULT_LIMITS,
    ReadError,
    ReadLimits,
    Workbook,
    read_workbook,
)
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.aliases import ReferenceWithAliases
from grensverkeer.services.imports.import_changes import changes_of
from grensverkeer.services.imports.import_decision import decide, school_year_of
from grensverkeer.services.imports.import_targets import (
    DatabaseTarget,
    DryRunTarget,
    Earlier,
    ImportTarget,
)
from grensverkeer.services.imports.reports import ImportReport, Outcome
from grensverkeer.services.privacy.purge import purged_refusal
from grensverkeer.storage.database import Database
from grensverkeer.storage.read_only import require_write


class ImportCancelled(GrensverkeerError):
    """The user stopped the import; nothing of the current file was stored."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    school_year: SchoolYear | None = None
    skip_invalid: bool = False
    mapping: SavedMapping | None = None
    columns: tuple[ColumnChoice, ...] = ()  # the user's own choices; they beat the mapping's
    date_order: Order | None = None

    def choices(self) -> tuple[ColumnChoice, ...]:
        own = self.columns
        named = {c.label.casefold() for c in own}
        fields = {c.field for c in own}
        saved = () if self.mapping is None else self.mapping.choices()
        kept = tuple(c for c in saved if c.label.casefold() not in named and c.field not in fields)
        return (*kept, *own)


Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(slots=True)
class _Opened:
    path: Path
    digest: str
    workbook: Workbook
    classified: ClassifiedFile
    schools_known: int  # locations known when it was recognised


class Importer:
    """Imports files into one database with one pseudonym key (or checks them: ``dry_run``)."""

    def __init__(
        self,
        db: Database,
        pseudonymizer: Pseudonymizer,
        reference: Reference | ReferenceWithAliases | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        limits: ReadLimits = DEFAULT_LIMITS,
        *,
        dry_run: bool = False,
    ) -> None:
        self.db = db
        self.limits = limits
        self.pseudonymizer = pseudonymizer
        # ReferenceWithAliases offers Reference's whole interface by delegation (aliases.py)
        self.reference = cast(Reference, reference or load_reference())
        self.progress = progress or (lambda _text, _done, _total: None)
        self.cancelled = cancelled or (lambda: False)
        kind = DryRunTarget if dry_run else DatabaseTarget
        self.target: ImportTarget = kind(db, pseudonymizer)
        self.dry_run = dry_run

    def import_files(
        self,
        paths: Sequence[Path],
        options: ImportOptions | Mapping[Path, ImportOptions] = ImportOptions(),
    ) -> list[ImportReport]:
        """Import every file; school lists first. One report per file, in the given order.

        ``options`` are for every file, or per file (the wizard's column choices are).
        """
        if isinstance(options, ImportOptions):
            same = options
            options = dict.fromkeys(paths, same)
        with collector_paused():
            return self._import_files(paths, options)

    def _import_files(
        self, paths: Sequence[Path], options: Mapping[Path, ImportOptions]
    ) -> list[ImportReport]:
        if not self.dry_run:  # a reader is refused before any file is read
            require_write(self.target.db.engine)
        self.target.check_key()
        reports: dict[Path, ImportReport] = {}
        pending: list[_Opened] = []
        seen: dict[str, str] = {}
        total = len(paths)
        for number, path in enumerate(paths):
            self._check_cancel()
            self.progress(f"Lezen: {path.name}", number, total)
            opened = self._open(path, options[path])
            if isinstance(opened, _Opened) and opened.digest in seen:
                opened = _twice(path, opened, seen[opened.digest])
            if isinstance(opened, ImportReport):
                reports[path] = opened
            else:
                seen[opened.digest] = path.name
                pending.append(opened)
        pending.sort(key=lambda item: item.classified.kind is not FileKind.SCHOOLS)
        step = "Controleren" if self.dry_run else "Importeren"
        for number, opened in enumerate(pending):
            self._check_cancel()
            self.progress(f"{step}: {opened.path.name}", number, len(pending))
            reports[opened.path] = self._import(opened, options[opened.path])
        self.progress("Klaar", total, total)
        return [reports[p] for p in paths]

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise ImportCancelled(
                "De import is afgebroken; het lopende bestand is niet opgeslagen."
            )

    def _open(self, path: Path, options: ImportOptions) -> ImportReport | _Opened:
        name = path.name
        what = not_a_file(path)
        if what:
            issue = ImportIssue(name, "", None, "", "niet_gevonden", what)
            return self._refused(name, "", [issue])
        digest = sha256_of(path)
        earlier = self.target.earlier(digest)
        if earlier is not None:
            return _already(name, earlier)
        try:
            workbook = read_workbook(path, limits=self.limits)
        except ReadError as error:
            issue = ImportIssue(name, "", None, "", error.code, error.message)
            return self._refused(name, digest, [issue])
        schools = self.target.school_index()
        classified = self._classify(workbook, schools, options)
        if classified.kind is None:
            return self._refused(name, digest, classified.issues, classified)
        return _Opened(path, digest, workbook, classified, len(schools))

    def _classify(
        self, workbook: Workbook, schools: SchoolIndex, options: ImportOptions
    ) -> ClassifiedFile:
        kind = options.mapping.kind if options.mapping else None
        choices = options.choices()
        return classify(workbook, self.reference, schools, choices, kind, options.date_order)

    def _import(self, opened: _Opened, options: ImportOptions) -> ImportReport:
        name = opened.path.name
        schools = self.target.school_index()
        classified = opened.classified
        if classified.kind is not FileKind.SCHOOLS and len(schools) != opened.schools_known:
            classified = self._classify(opened.workbook, schools, options)  # knows the new list
            if classified.kind is None:
                return self._refused(name, opened.digest, classified.issues, classified)
        if classified.kind is FileKind.SCHOOLS:
            parsed = parse_schools(classified, self.reference)
            year, source = None, ""
        else:
            parsed = parse_pupils(
                classified, self.reference, schools, self.pseudonymizer, opened.digest
            )
            year, source = school_year_of(name, parsed, options.school_year)
        with self.target.transaction() as target:  # one snapshot, no other writer between
            earlier = target.earlier(opened.digest)
            if earlier is not None:  # the same file, stored by another user a moment ago
                return _already(name, earlier)
            purged = None if year is None else purged_refusal(target.db, year)
            if purged is not None and parsed.kind is not FileKind.SCHOOLS:
                issue = ImportIssue(name, "", None, "", "schooljaar_opgeschoond", purged)
                return self._refused(name, opened.digest, [issue], classified, parsed, year)
            decision = decide(name, classified, parsed, options.skip_invalid, year, target)
            if decision.refused:
                return self._refused(name, opened.digest, decision.issues, classified, parsed, year)
            changes = None
            if year is not None and parsed.kind is not FileKind.SCHOOLS:
                counting = target.year_counting(year)
                changes = changes_of(
                    counting.records,
                    decision.pupils,
                    counting.rules,
                    counting.participants,
                    decision.issues,
                )
            self._check_cancel()  # the last moment a cancel can still store nothing of this file
            import_id = target.store(name, opened.digest, parsed, year, decision)
        return ImportReport(
            name,
            Outcome.STORED,
            kind=parsed.kind,
            import_id=import_id,
            school_year=year,
            school_year_source=source,
            rows_read=parsed.rows_read,
            rows_stored=decision.stored,
            rows_skipped=decision.skipped,
            duplicates_merged=decision.merged,
            outside_year=decision.outside,
            issues=tuple(decision.issues),
            notes=tuple(classified.notes),
            layouts=_layouts(classified),
            uncertain_cells=parsed.uncertain_cells,
            uncertain_pupils=sum(decision.pupils.uncertain),
            changes=changes,
        )

    def _refused(
        self,
        name: str,
        digest: str,
        issues: Sequence[ImportIssue],
        classified: ClassifiedFile | None = None,
        parsed: ParsedFile | None = None,
        year: SchoolYear | None = None,
    ) -> ImportReport:
        issues = tuple(issues)
        self.target.refused(name, digest, issues)
        return ImportReport(
            name,
            Outcome.REFUSED,
            kind=parsed.kind if parsed else (classified.kind if classified else None),
            school_year=year,
            rows_read=parsed.rows_read if parsed else 0,
            issues=issues,
            notes=tuple(classified.notes) if classified else (),
            layouts=_layouts(classified) if classified else (),
        )

    def school_index(self) -> SchoolIndex:
        return self.target.school_index()


def not_a_file(path: Path) -> str:
    """Why ``path`` cannot be read as a file ("" when it can): it must not be opened first, as
    reading a named pipe or a device would wait forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "bestand niet gevonden"
    except OSError as error:
        return f"het bestand kan niet worden geopend ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "een map, geen bestand; kies een bestand in die map"
    if not stat.S_ISREG(mode):
        return "geen gewoon bestand maar een pipe, socket of apparaat; kies het bestand zelf"
    return ""


def _already(name: str, earlier: Earlier) -> ImportReport:
    where = (
        f"als import {earlier.import_id} ({earlier.file_name})"
        if earlier.import_id is not None
        else f"eerder in deze import ({earlier.file_name})"
    )
    return ImportReport(
        name,
        Outcome.ALREADY,
        kind=earlier.kind,
        import_id=earlier.import_id,
        notes=(f"dit bestand is al geïmporteerd {where}; er is niets gewijzigd",),
    )


def _twice(path: Path, opened: _Opened, first: str) -> ImportReport:
    """The same content a second time in one import: read once."""
    return ImportReport(
        path.name,
        Outcome.ALREADY,
        kind=opened.classified.kind,
        notes=(
            f"dit bestand staat al eerder in deze import ({first}); het wordt niet nog eens "
            "ingelezen",
        ),
    )


def _layouts(classified: ClassifiedFile) -> tuple[tuple[str, SheetLayout], ...]:
    """The recognised layout of every sheet that was read (or that failed to be)."""
    chosen = classified.sheets or [(s, lay) for s, lay in classified.layouts if lay is not None]
    return tuple((sheet.name, layout) for sheet, layout in chosen)
