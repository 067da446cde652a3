"""A sheet's layout in words: the questions that stop an import, and columns left unused.

The candidates of a question travel with the issue (``fields``, ``options``), so the command
line can say how to choose with ``--column`` and the wizard can offer the choice in a box;
the message itself names no command.
"""

from __future__ import annotations

from grensverkeer.importing.choices import column_label
from grensverkeer.importing.fields import Field
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.layout import ColumnReading, Question, QuestionCode, SheetLayout

#: A field as a sentence names it ("de woongemeente"); the window words its questions alike.
FIELD_WORDS = {
    Field.RESIDENCE: "de woongemeente",
    Field.PLACE: "de woonplaats",
    Field.POSTCODE: "de postcode",
    Field.BSN: "het BSN",
    Field.BRIN: "de BRIN",
    Field.BRINVEST: "de BRIN+vestiging",
    Field.START: "de startdatum",
    Field.END: "de einddatum",
}


def layout_issues(file: str, sheet: str, layout: SheetLayout) -> list[ImportIssue]:
    issues = [_question(file, sheet, layout, q) for q in layout.questions]
    for reading in layout.readings:
        if reading.warning:
            issues.append(_unused(file, sheet, layout, reading))
    return issues


def describe_column(reading: ColumnReading, headers: tuple[str, ...]) -> str:
    """``‘Plaats’ (kolom D, onder ‘Leerling’: Delft, Naaldwijk, Den Haag)``."""
    where = f"kolom {reading.letter}"
    if reading.group:
        where += f", onder ‘{reading.group}’"
    samples = ", ".join(reading.samples[:3])
    return f"‘{column_label(reading.index, headers)}’ ({where}{': ' + samples if samples else ''})"


def _question(file: str, sheet: str, layout: SheetLayout, q: Question) -> ImportIssue:
    headers = layout.headers
    columns = [describe_column(layout.readings[i], headers) for i in q.candidates]
    listed = " of ".join(columns) if len(columns) < 3 else ", ".join(columns)
    if q.code is QuestionCode.RESIDENCE:
        message = f"niet duidelijk welke kolom zegt waar de leerling woont: {listed}"
        suggestion = "kies de kolom van de leerling; de andere wordt niet gebruikt"
    elif q.code is QuestionCode.DATE_ROLE:
        roles = " of ".join(FIELD_WORDS.get(f, str(f)) for f in q.fields if f is not Field.IGNORED)
        message = f"{listed} bevat datums, maar de kop zegt niet of het {roles} is"
        suggestion = "kies wat de kolom is, of dat zij niet gebruikt wordt"
    elif q.code is QuestionCode.DATE_ORDER:
        message = (
            f"de datums in {listed} kunnen dag-maand-jaar en maand-dag-jaar zijn, en dat "
            "verandert wie op de peildatum meetelt"
        )
        suggestion = "kies de volgorde van dag en maand"
    elif q.code is QuestionCode.SCHOOLS_PLACE:
        message = (
            f"de woonplaats van de leerling ontbreekt: {listed} lijkt de plaats of gemeente "
            "van de school"
        )
        suggestion = "is het toch de woonplaats van de leerling, kies dan die kolom"
    elif q.code is QuestionCode.DUPLICATE:
        what = FIELD_WORDS.get(q.fields[0], str(q.fields[0]))
        message = f"meer kolommen kunnen {what} zijn, met andere waarden: {listed}"
        suggestion = "kies de juiste kolom"
    else:
        what = " of ".join(FIELD_WORDS.get(f, str(f)) for f in q.fields)
        message = f"{what} is alleen onzeker herkend: {listed}"
        suggestion = "bevestig de kolom of kies een andere"
    if q.detail:
        message += f"; {q.detail}"
    return ImportIssue(
        file,
        sheet,
        None,
        "",
        q.code.value,
        message,
        suggestion=suggestion,
        fields=tuple(f.value for f in q.fields),
        options=tuple(column_label(i, headers) for i in q.candidates),
    )


def _unused(file: str, sheet: str, layout: SheetLayout, reading: ColumnReading) -> ImportIssue:
    looks = " en ".join(str(k) for k in reading.looks) or "gegevens"
    why = f": {reading.reason}" if reading.reason else ""
    return ImportIssue(
        file,
        sheet,
        layout.row_index + 1,
        reading.letter,
        "kolom_niet_gebruikt",
        f"{describe_column(reading, layout.headers)} bevat {looks} maar wordt niet gebruikt{why}",
        suggestion="controleer of dat klopt",
        severity=Severity.WARNING,
    )
