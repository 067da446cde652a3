"""The answers the column page offers to a question the import will not settle alone.

The core asks (:class:`~grensverkeer.importing.layout.Question`: two residence columns that
disagree, a date column of unclear role, day-month order, …); here each question becomes a list
of answers the user picks from in a box, each answer being exactly what the command line's
``--column veld="Kop"`` or ``--date-order`` would say. Plain Python, tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from grensverkeer.importing.choices import ColumnChoice, column_label
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.fields import RESIDENCE_FIELDS, Field
from grensverkeer.importing.layout import ColumnReading, Looks, Question, QuestionCode, SheetLayout
from grensverkeer.importing.layout_issues import FIELD_WORDS


def _tr(text: str) -> str:
    return QCoreApplication.translate("ColumnAnswers", text)


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    choices: tuple[ColumnChoice, ...] = ()
    date_order: Order | None = None


def question_text(question: Question, layout: SheetLayout) -> str:
    """The question in a sentence, with the evidence the core found."""
    names = " en ".join(f"‘{_label(layout, c)}’" for c in question.candidates)
    code = question.code
    if code is QuestionCode.RESIDENCE:
        text = _tr("Welke kolom zegt waar de leerling woont: {columns}?").format(columns=names)
    elif code is QuestionCode.DATE_ROLE:
        text = _tr("Wat is {columns}: een begin- of een einddatum?").format(columns=names)
    elif code is QuestionCode.DATE_ORDER:
        text = _tr("Staan de datums in {columns} als dag-maand-jaar of als maand-dag-jaar?").format(
            columns=names
        )
    elif code is QuestionCode.DUPLICATE:
        what = FIELD_WORDS.get(question.fields[0], str(question.fields[0]))
        text = _tr("Welke kolom is {what}: {columns}?").format(what=what, columns=names)
    elif code is QuestionCode.SCHOOLS_PLACE:
        text = _tr(
            "De woonplaats van de leerling ontbreekt; {columns} lijkt de plaats van de school. "
            "Is het toch de woonplaats van de leerling?"
        ).format(columns=names)
    else:
        what = " of ".join(FIELD_WORDS.get(f, str(f)) for f in question.fields)
        text = _tr("Is {columns} {what}? Het programma is er niet zeker van.").format(
            columns=names, what=what
        )
    if question.detail:
        text += " (" + question.detail + ")"
    return text


def answers(question: Question, layout: SheetLayout) -> list[Answer]:
    """What the user can answer, each as the choices it makes."""
    code = question.code
    if code is QuestionCode.DATE_ORDER:
        return [
            Answer(_tr("dag-maand-jaar (01-10-2024 is 1 oktober)"), date_order=Order.DMY),
            Answer(_tr("maand-dag-jaar (10/01/2024 is 1 oktober)"), date_order=Order.MDY),
        ]
    found: list[Answer] = []
    for column in question.candidates:
        label = _label(layout, column)
        if code is QuestionCode.RESIDENCE:
            field = _residence_field(layout.readings[column], question)
            found.append(
                Answer(
                    _tr("‘{column}’ ({samples})").format(
                        column=label, samples=_samples(layout.readings[column])
                    ),
                    (ColumnChoice(field, label),),
                )
            )
            continue
        fields: list[Field] = [f for f in question.fields if f is not Field.IGNORED]
        if code in (QuestionCode.UNSURE, QuestionCode.SCHOOLS_PLACE):
            fields = (
                [_residence_field(layout.readings[column], question)]
                if set(question.fields) == set(RESIDENCE_FIELDS)
                else fields[:1]
            )
        for field in fields:
            found.append(
                Answer(
                    _tr("‘{column}’ is {what}").format(
                        column=label, what=FIELD_WORDS.get(field, str(field))
                    ),
                    (ColumnChoice(field, label),),
                )
            )
        if code is QuestionCode.DATE_ROLE:
            found.append(
                Answer(
                    _tr("‘{column}’ niet gebruiken").format(column=label),
                    (ColumnChoice(Field.IGNORED, label),),
                )
            )
    return found


def _label(layout: SheetLayout, column: int) -> str:
    return column_label(column, layout.headers)


def _samples(reading: ColumnReading) -> str:
    return ", ".join(reading.samples[:3])


def _residence_field(reading: ColumnReading, question: Question) -> Field:
    """The residence field a column is read as or its values look like, in the question's
    order (which puts the field the header names first)."""
    if reading.field is not None and reading.field in RESIDENCE_FIELDS:
        return reading.field
    looks = {
        Field.POSTCODE: Looks.POSTCODE,
        Field.RESIDENCE: Looks.MUNICIPALITY,
        Field.PLACE: Looks.PLACE,
    }
    for field in question.fields:
        if field in looks and looks[field] in reading.looks:
            return field
    return question.fields[0]
