"""Collecting the problems of one file while its rows are read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from grensverkeer.importing.issues import ImportIssue, Severity, column_letter

# what no message may carry into the database or a log (a NUL from a cell, say)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def suggest(labels: Sequence[str]) -> str:
    """``bedoelde u 's-Gravenhage (GM0518)?`` for the best one or two candidates."""
    if not labels:
        return ""
    return "bedoelde u " + " of ".join(labels[:2]) + "?"


@dataclass(slots=True)
class SheetProblems:
    """The problems found in one sheet, located by Excel row and column."""

    file: str
    sheet: str
    headers: Sequence[str]
    issues: list[ImportIssue] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)

    def column(self, index: int | None) -> str:
        if index is None:
            return ""
        name = self.headers[index] if index < len(self.headers) else ""
        return f"{column_letter(index)} ({name})" if name else column_letter(index)

    def error(
        self,
        row: int | None,
        column: int | None,
        code: str,
        message: str,
        value: object = "",
        suggestion: str = "",
    ) -> None:
        if row is not None:
            self.bad_rows.add(row)
        self._add(row, column, code, message, value, suggestion, Severity.ERROR)

    def warning(
        self,
        row: int | None,
        column: int | None,
        code: str,
        message: str,
        value: object = "",
        suggestion: str = "",
    ) -> None:
        self._add(row, column, code, message, value, suggestion, Severity.WARNING)

    def _add(
        self,
        row: int | None,
        column: int | None,
        code: str,
        message: str,
        value: object,
        suggestion: str,
        severity: Severity,
    ) -> None:
        self.issues.append(
            ImportIssue(
                file=self.file,
                sheet=self.sheet,
                row=row,
                column=self.column(column),
                code=code,
                message=_CONTROL.sub("", message),
                value="" if value is None else _CONTROL.sub("", str(value)),
                suggestion=suggestion,
                severity=severity,
            )
        )
