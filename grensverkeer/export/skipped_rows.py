"""The rows an import skipped, as a CSV the user can open next to the file and fix.

One line per row problem: of a stored file the rows it left out, of a refused file the rows
that refused it (to fix them all at once): file, sheet, row, column, value and reason. A BSN is
only ever there masked (the import masks it where it reports it).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from grensverkeer.export.safe_text import csv_text
from grensverkeer.importing.issues import Severity
from grensverkeer.services.imports.reports import ImportReport, Outcome

HEADER = ("bestand", "blad", "rij", "kolom", "waarde", "reden", "suggestie")


def skipped_lines(reports: Iterable[ImportReport]) -> list[tuple[str, ...]]:
    """The row problems of stored and refused files, in file and row order."""
    lines: list[tuple[str, ...]] = []
    for report in reports:
        if report.outcome not in (Outcome.STORED, Outcome.REFUSED):
            continue
        for issue in report.issues:
            if issue.severity is Severity.ERROR and issue.row is not None:
                lines.append(
                    (
                        issue.file,
                        issue.sheet,
                        str(issue.row),
                        issue.column,
                        issue.value,
                        issue.message,
                        issue.suggestion,
                    )
                )
    return lines


def write_skipped_rows(reports: Iterable[ImportReport], path: Path) -> int:
    """Write the skipped rows (UTF-8 with BOM and ``;``, as Excel opens it); their number."""
    lines = skipped_lines(reports)
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows([csv_text(cell) for cell in line] for line in lines)
    return len(lines)
