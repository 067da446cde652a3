"""The user's own column choices: ``--column veld="Kop"``, a saved mapping, the wizard's boxes.

A choice names a column by its header text, as the user sees it. Where two columns carry the
same header (``Plaats`` under "Leerling" and under "School"), the choice adds the column letter
the program showed: ``Plaats (kolom D)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from grensverkeer.importing.fields import Field
from grensverkeer.importing.header_words import fold
from grensverkeer.importing.issues import column_letter

_WITH_LETTER = re.compile(r"^(.*?)\s*\(kolom ([A-Z]{1,3})\)\s*$")


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """The user says: the column with this header holds this field (or, IGNORED, nothing)."""

    field: Field
    label: str


def parse_choice(text: str) -> ColumnChoice:
    """``woonplaats=Plaats leerling`` → a choice; ValueError with a Dutch reason otherwise."""
    name, sep, label = text.partition("=")
    if not sep or not label.strip():
        raise ValueError(f'‘{text}’: schrijf veld="Kop", bijvoorbeeld woonplaats="Plaats"')
    try:
        field = Field(name.strip().casefold())
    except ValueError:
        known = ", ".join(f.value for f in Field)
        raise ValueError(f"onbekend veld ‘{name.strip()}’; bekend zijn: {known}") from None
    return ColumnChoice(field, label.strip().strip('"').strip("'"))


def columns_named(label: str, headers: Sequence[str]) -> list[int]:
    """The columns a label names: by header text, narrowed by a ``(kolom D)`` suffix."""
    letter = None
    if match := _WITH_LETTER.match(label):
        label, letter = match.group(1), match.group(2)
    wanted = fold(label)
    found = [i for i, header in enumerate(headers) if header and fold(header) == wanted]
    if letter is not None:
        found = [i for i in found if column_letter(i) == letter]
    return found


def column_label(index: int, headers: Sequence[str]) -> str:
    """How a column is named to the user: its header, with its letter when another column
    has the same header (or it has none)."""
    header = headers[index] if index < len(headers) else ""
    if not header:
        return f"(kolom {column_letter(index)})"
    if sum(1 for h in headers if h and fold(h) == fold(header)) > 1:
        return f"{header} (kolom {column_letter(index)})"
    return header


def fits_row(choices: Iterable[ColumnChoice], headers: Sequence[str]) -> bool:
    """Whether every choice names exactly one column of this header row."""
    return all(len(columns_named(c.label, headers)) == 1 for c in choices)
