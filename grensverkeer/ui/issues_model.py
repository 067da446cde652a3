"""Import problems and per-file outcomes as table rows, for the wizard's check and result steps.

Thin: the rows are the services' frozen values (``ImportIssue``, ``ImportReport``,
``AliasSuggestion``) and the columns only word them (the shared ``RowsModel``). The problems are
listed per file (in the order the files were chosen), then per sheet and row, so one file's
problems and one row's problems stay together; the file-level problems (no row) come first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from grensverkeer import formatting
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.reference import Reference
from grensverkeer.services.imports.aliases import (
    AliasSuggestion,
    ReferenceWithAliases,
    alias_suggestions,
)
from grensverkeer.services.imports.reports import ImportReport, Outcome, warning_summary
from grensverkeer.ui.table_models import Column, RowsModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportIssues", text)


@dataclass(frozen=True, slots=True)
class IssueRow:
    """One problem of one file, with the aliases accepting its suggestion would store."""

    file_number: int
    issue: ImportIssue
    aliases: tuple[AliasSuggestion, ...] = ()

    @property
    def order(self) -> tuple[int, str, int, str]:
        return (self.file_number, self.issue.sheet, self.issue.row or 0, self.issue.column)

    @property
    def sort_key(self) -> str:
        """``order`` as one text that sorts the same way (the views sort on text or number)."""
        number, sheet, row, column = self.order
        return f"{number:05d}\x1f{sheet}\x1f{row:09d}\x1f{column}"


def issue_rows(
    reports: Sequence[ImportReport], reference: Reference | ReferenceWithAliases | None = None
) -> list[IssueRow]:
    """Every problem of every report, per file and row."""
    rows = [
        IssueRow(number, issue, alias_suggestions(issue, reference))
        for number, report in enumerate(reports)
        for issue in report.issues
    ]
    return sorted(rows, key=lambda r: r.order)


def issues_model(parent: object = None) -> RowsModel[IssueRow]:
    columns: list[Column[IssueRow]] = [
        Column(_tr("Bestand"), lambda r: r.issue.file, sort=lambda r: r.sort_key),
        Column(_tr("Blad"), lambda r: r.issue.sheet),
        Column(
            _tr("Rij"),
            lambda r: "" if r.issue.row is None else str(r.issue.row),
            sort=lambda r: r.issue.row or 0,
            numeric=True,
        ),
        Column(_tr("Kolom"), lambda r: r.issue.column),
        Column(_tr("Soort"), lambda r: severity_text(r.issue.severity)),
        Column(_tr("Waarde"), lambda r: r.issue.value),
        Column(_tr("Melding"), lambda r: r.issue.message, tooltip=lambda r: r.issue.describe()),
        Column(
            _tr("Suggestie"), lambda r: r.issue.suggestion, tooltip=lambda r: r.issue.suggestion
        ),
    ]
    return RowsModel(columns, parent)


def severity_text(severity: Severity) -> str:
    return _tr("fout") if severity is Severity.ERROR else _tr("waarschuwing")


@dataclass(frozen=True, slots=True)
class FileRow:
    """One file's report in the check or the result step."""

    report: ImportReport
    checking: bool  # the report is a check (nothing stored yet)


def outcome_text(row: FileRow) -> str:
    report = row.report
    if report.outcome is Outcome.ALREADY:
        return _tr("al geïmporteerd")
    if report.outcome is Outcome.REFUSED:
        return _tr("wordt geweigerd") if row.checking else _tr("geweigerd")
    if row.checking:
        return _tr("kan worden geïmporteerd")
    return _tr("opgeslagen als import {id}").format(id=report.import_id)


def files_model(checking: bool, parent: object = None) -> RowsModel[FileRow]:
    """Per file: the outcome and the counts; ``checking`` words it as what would happen."""

    def count(value: int) -> str:
        return formatting.number(value)

    columns: list[Column[FileRow]] = [
        Column(_tr("Bestand"), lambda r: r.report.file),
        Column(_tr("Uitkomst"), outcome_text, tooltip=lambda r: "\n".join(r.report.notes)),
        Column(_tr("Soort"), lambda r: str(r.report.kind or "")),
        Column(_tr("Schooljaar"), lambda r: str(r.report.school_year or "")),
        Column(_tr("Gelezen"), lambda r: count(r.report.rows_read), sort=_read, numeric=True),
        Column(
            _tr("Op te slaan") if checking else _tr("Opgeslagen"),
            lambda r: count(r.report.rows_stored),
            sort=lambda r: r.report.rows_stored,
            numeric=True,
        ),
        Column(
            _tr("Overgeslagen"),
            lambda r: count(r.report.rows_skipped),
            sort=lambda r: r.report.rows_skipped,
            numeric=True,
            tooltip=skipped_tooltip,
        ),
        Column(
            _tr("Fouten"),
            lambda r: count(len(r.report.errors)),
            sort=lambda r: len(r.report.errors),
            numeric=True,
        ),
        Column(
            _tr("Waarschuwingen"),
            lambda r: "; ".join(warning_summary(r.report.warnings)),
        ),
    ]
    return RowsModel(columns, parent)


def skipped_tooltip(row: FileRow) -> str:
    """Why rows were left out: the rows of another school year are no fault, but the user
    must see that they do not count (the count alone reads as rows lost)."""
    report = row.report
    if not report.outside_year:
        return formatting.number(report.rows_skipped)
    return _tr(
        "{skipped} rijen overgeslagen, waarvan {outside} buiten schooljaar {year}: die horen bij "
        "een ander schooljaar en tellen hier niet mee."
    ).format(
        skipped=formatting.number(report.rows_skipped),
        outside=formatting.number(report.outside_year),
        year=report.school_year or "",
    )


def _read(row: FileRow) -> int:
    return row.report.rows_read
