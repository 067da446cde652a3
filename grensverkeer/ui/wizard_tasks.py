"""The work the import wizard hands to workers: checking and importing a batch of files.

No widgets here: a :class:`Batch` is what the user chose (files with their column choices, a
school year, whether bad rows are skipped); the tasks run the services' ``import_plan`` with the
remembered spellings, in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from grensverkeer import formatting
from grensverkeer.domain import FileKind
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.aliases import AliasSuggestion, add_alias, reference_with_aliases
from grensverkeer.services.imports.import_check import PlannedFile, import_plan
from grensverkeer.services.imports.import_log import ImportSummary, list_imports
from grensverkeer.services.imports.importer import ImportCancelled
from grensverkeer.services.imports.reports import ImportReport, Outcome
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.workers import Cancelled, Progress

CANCELLED_MESSAGE = "De import is afgebroken; er is niets opgeslagen van het lopende bestand."


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """How the import step ended: the reports, or a cancel (with what was stored before it)."""

    reports: tuple[ImportReport, ...] = ()
    cancelled: bool = False
    stored_before_cancel: tuple[ImportSummary, ...] = ()
    cancel_too_late: bool = False  # "Afbreken" came during the last file: all was done
    error: str = ""


@dataclass(frozen=True, slots=True)
class Batch:
    """What the user chose in steps 1 and 2."""

    files: tuple[PlannedFile, ...]
    school_year: SchoolYear | None
    skip_invalid: bool


def check_task(
    context: UiContext, batch: Batch, alias: AliasSuggestion | None = None
) -> Callable[[Progress, Cancelled], list[ImportReport]]:
    """A worker task: store ``alias`` if given, then check the batch (a dry run)."""

    def task(progress: Progress, cancelled: Cancelled) -> list[ImportReport]:
        if alias is not None:
            add_alias(context.db, alias.text, alias.code, context.reference)
        return _run_plan(context, batch, progress, cancelled, dry_run=True)

    return task


def import_task(context: UiContext, batch: Batch) -> Callable[[Progress, Cancelled], ImportOutcome]:
    """A worker task: import the batch; a cancel lists what was stored before it."""

    def task(progress: Progress, cancelled: Cancelled) -> ImportOutcome:
        before = max((s.id for s in list_imports(context.db)), default=0)
        try:
            reports = _run_plan(context, batch, progress, cancelled, dry_run=False)
        except ImportCancelled:
            stored = tuple(s for s in list_imports(context.db) if s.id > before)
            return ImportOutcome(cancelled=True, stored_before_cancel=stored)
        return ImportOutcome(tuple(reports), cancel_too_late=cancelled())

    return task


def _run_plan(
    context: UiContext, batch: Batch, progress: Progress, cancelled: Cancelled, *, dry_run: bool
) -> list[ImportReport]:
    """The batch through ``import_plan``, with the remembered spellings: checked or stored."""
    return import_plan(
        context.db,
        context.pseudonymizer(),
        batch.files,
        school_year=batch.school_year,
        skip_invalid=batch.skip_invalid,
        reference=reference_with_aliases(context.db, context.reference),
        progress=progress,
        cancelled=cancelled,
        dry_run=dry_run,
    )


def _pupil_files(reports: Sequence[ImportReport]) -> list[ImportReport]:
    """The pupil and count files stored (or to be stored)."""
    return [r for r in reports if r.outcome is Outcome.STORED and r.kind is not FileKind.SCHOOLS]


def outside_year_text(reports: Sequence[ImportReport]) -> str:
    """``12 rijen horen bij een ander schooljaar en tellen niet mee.``: no fault, so not in
    ``skipped_text``, but said, or "Overgeslagen 12" would read as rows lost."""
    outside = sum(r.outside_year for r in _pupil_files(reports))
    if not outside:
        return ""
    return _tr("{n} rijen horen bij een ander schooljaar en tellen niet mee.").format(
        n=formatting.number(outside)
    )


def skipped_text(reports: Sequence[ImportReport]) -> str:
    """``164 van 200 rijen overgeslagen (82,0%)`` over the files stored (or to be stored)."""
    stored = _pupil_files(reports)
    skipped = sum(r.rows_skipped - r.outside_year for r in stored)
    read = sum(r.rows_read for r in stored)
    if not skipped:
        return ""
    return _tr("{skipped} van {read} rijen overgeslagen ({share}).").format(
        skipped=formatting.number(skipped),
        read=formatting.number(read),
        share=formatting.percent(Fraction(skipped, max(read, 1))),
    )
