"""Import problems as data: collected for a whole file and reported together."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """One problem, located as a user finds it in the spreadsheet (row numbers as Excel shows)."""

    file: str
    sheet: str
    row: int | None
    column: str
    code: str
    message: str
    value: str = ""
    suggestion: str = ""
    severity: Severity = Severity.ERROR
    #: for a choice the user must make: the fields to choose from and the columns (labels as
    #: the user names them) that are candidates; each edge offers its own way to choose
    fields: tuple[str, ...] = ()
    options: tuple[str, ...] = ()

    def location(self) -> str:
        parts = [self.file]
        if self.sheet and self.sheet != self.file:
            parts.append(f"blad ‘{self.sheet}’")
        if self.row is not None:
            parts.append(f"rij {self.row}")
        if self.column:
            parts.append(f"kolom {self.column}")
        return ", ".join(parts)

    def describe(self) -> str:
        """The Dutch line shown to the user: where, what, and what to do."""
        text = f"{self.location()}: {self.message}"
        if self.suggestion:
            text += f"; {self.suggestion}"
        return text


def column_label(column: str) -> str:
    """The header in a located column (``F (Vestiging)`` → ``Vestiging``), else the letter."""
    letter, _, rest = column.partition(" (")
    return rest[:-1] if rest.endswith(")") else f"(kolom {letter})"


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based column index (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
