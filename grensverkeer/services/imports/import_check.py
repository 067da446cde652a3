"""Checking files before they are imported (a dry run), and importing a planned batch.

:func:`check_files` answers "what would ``Importer.import_files`` do with these files?" with the
same :class:`~grensverkeer.services.imports.reports.ImportReport` list, and writes nothing: it
is the same pipeline with a dry-run target
(:class:`~grensverkeer.services.imports.import_targets.DryRunTarget`) as its last step.
``tests/test_aliases_import_check.py`` compares a check with a real import of the demo files
field by field.

- Not a rolled-back transaction around a real import: that writes every row only to throw it
  away, holds the SQLite write lock meanwhile and needs savepoints, which the SQLite driver
  handles badly. Not a copy of the database either: too slow for a shared PostgreSQL.
- A file that would be stored gets :attr:`Outcome.STORED` with ``import_id`` None.

:func:`import_plan` imports (or, with ``dry_run``, checks) files that may each have their own
column choices, as the wizard makes them: one ``import_files`` call with options per file, so
school lists go first whatever the wizard knew of them, and each file is still all or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from grensverkeer.domain import FileKind
from grensverkeer.importing.choices import ColumnChoice
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.importing.readers import DEFAULT_LIMITS, ReadLimits
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.aliases import ReferenceWithAliases
from grensverkeer.services.imports.importer import Cancelled, Importer, ImportOptions, Progress
from grensverkeer.services.imports.reports import ImportReport
from grensverkeer.storage.database import Database

AnyReference = Reference | ReferenceWithAliases


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file to import, with its kind as a preview found it and the user's column mapping."""

    path: Path
    kind: FileKind | None = None
    mapping: SavedMapping | None = None
    columns: tuple[ColumnChoice, ...] = ()
    date_order: Order | None = None


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
    checker = Importer(
        db,
        pseudonymizer,
        reference,
        progress,
        cancelled,
        limits,
        dry_run=True,
    )
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
    """Import (or check) every file with its own choices; one report per file, in given order.

    ``progress`` gets the importer's own steps ("Lezen: naam", "Importeren: naam"; in a dry
    run "Controleren: naam") with the number of files done and the number of files, and
    ("Klaar", n, n) at the end. ``cancelled`` is asked before each file is read and before it
    is stored; ``ImportCancelled`` then leaves the files before it stored (a real import).
    """
    importer = Importer(
        db,
        pseudonymizer,
        reference,
        progress,
        cancelled,
        limits,
        dry_run=dry_run,
    )
    paths = [planned.path for planned in files]
    options = {
        planned.path: ImportOptions(
            school_year, skip_invalid, planned.mapping, planned.columns, planned.date_order
        )
        for planned in files
    }
    return importer.import_files(paths, options)
