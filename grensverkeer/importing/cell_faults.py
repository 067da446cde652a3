"""Cells that show something but hold no value: error values and formulas without a result.

Read as empty, ``#REF!`` in an end-date column is "no end date" and the pupil counts; ``#N/A``
as residence silently falls back to the place or the postcode. So before a sheet's rows are
parsed, every used column is searched for them and each one becomes a located error; the row
is then left out, as any row with an error is.

They come two ways: the xlsx/ods scan finds error cells and formulas saved without a result
(calamine reads those as ""), and a csv, or a text cell, carries the error value as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from grensverkeer.importing.collector import SheetProblems
from grensverkeer.importing.fields import Field
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.readers import Sheet

# Excel's error values in English and Dutch, LibreOffice's numbered ones (Err:502, Fout:502)
ERROR_VALUES = frozenset(
    {
        *("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"),
        *("#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!"),
        *("#UNKNOWN!", "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B"),
        *("#OVERLOOP!", "#BEREKENEN!", "#VELD!", "#GEBLOKKEERD!", "#VERBINDEN!", "#BEZET!"),
        *(f"{word}:{number}" for word in ("Err", "Fout") for number in range(500, 540)),
    }
)
_UNUSED = (Field.IGNORED, Field.PERSONAL)


def blank_faulty_rows(
    sheet: Sheet, layout: SheetLayout, problems: SheetProblems
) -> Sequence[Sequence[object]]:
    """The sheet's rows with every row that has a fault in a used column reported in
    ``problems`` and emptied, so the readers pass it by."""
    used = sorted(
        {i for f, i in layout.columns.items() if f not in _UNUSED} | set(layout.count_parts)
    )
    first = layout.row_index + 1
    found: dict[tuple[int, int], tuple[str, bool]] = {}
    wanted = set(used)
    for fault in sheet.faults:
        if fault.row >= first and fault.column in wanted:
            found[fault.row, fault.column] = (fault.text, fault.formula)
    for column in used if sheet.error_text else ():
        for index, text in _error_texts(sheet.rows, first, column):
            found.setdefault((index, column), (text, False))
    if not found:
        return sheet.rows
    for (index, column), (text, formula) in sorted(found.items()):
        _report(problems, index + 1, column, text, formula)
    rows = list(sheet.rows)
    for index, _column in found:
        rows[index] = []
    return rows


def _error_texts(
    rows: Sequence[Sequence[object]], first: int, column: int
) -> list[tuple[int, str]]:
    """(row index, text) of the error values written as text in one column."""
    body = rows[first:]
    try:  # at C speed, without a list: the usual, clean column
        if ERROR_VALUES.isdisjoint(map(itemgetter(column), body)):
            return []
        values = list(map(itemgetter(column), body))
    except IndexError:  # a csv's short rows
        values = [cells[column] if len(cells) > column else "" for cells in body]
    return [
        (first + i, value)
        for i, value in enumerate(values)
        if type(value) is str and value in ERROR_VALUES
    ]


def _report(problems: SheetProblems, row: int, column: int, text: str, formula: bool) -> None:
    if formula:
        problems.error(
            row,
            column,
            "formule_zonder_waarde",
            f"de formule ‘{text}’ is opgeslagen zonder uitkomst; er staat geen waarde",
            text,
            "open het bestand in Excel en sla het daar opnieuw op (dan wordt de uitkomst "
            "bewaard), of vul de waarde zelf in",
        )
        return
    problems.error(
        row,
        column,
        "foutwaarde",
        f"‘{text}’ is een foutwaarde uit het rekenblad, geen waarde",
        text,
        "herstel de formule of vul de waarde in het bronbestand in en lever het opnieuw aan",
    )
