"""What the import wizard's column page builds for the file it shows: the sentence about the
file, a choice box per column and a box per question. Apart from the page, which keeps the
loading and the reactions to the user's changes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from grensverkeer import formatting
from grensverkeer.importing.fields import Field
from grensverkeer.importing.layout import ColumnReading, Question, SheetLayout
from grensverkeer.ui.column_answers import answers, question_text
from grensverkeer.ui.field_labels import NO_FIELD, field_label, kind_label
from grensverkeer.ui.import_preview_model import FilePreview


def _tr(text: str) -> str:
    return QCoreApplication.translate("ColumnPage", text)


def file_status(preview: FilePreview | None) -> str:
    """What the page says about a file: its kind and header row, its mapping, what is missing."""
    if preview is None:
        return ""
    if preview.error:
        return _tr("Dit bestand is niet te lezen: {error}").format(error=preview.error)
    parts = []
    if preview.kind is not None and preview.header_row is not None:
        parts.append(
            _tr("{kind}; kopregel op rij {row} van blad ‘{sheet}’.").format(
                kind=kind_label(preview.kind).capitalize(),
                row=preview.header_row + 1,
                sheet=preview.sheet_names[preview.sheet],
            )
        )
    if preview.mapping_name:
        parts.append(_tr("Koppeling ‘{name}’ gebruikt.").format(name=preview.mapping_name))
    elif preview.changed:
        parts.append(_tr("Met uw eigen keuzes voor dit bestand."))
    if preview.problem:
        parts.append(preview.problem)
    missing = preview.missing()
    if missing:
        parts.append(_tr("Nog niet gekoppeld: {fields}.").format(fields=", ".join(missing)))
    if preview.questions:
        parts.append(_tr("Kies eerst wat hieronder gevraagd wordt."))
    parts.extend(formatting.sentence(note) for note in preview.notes)
    return " ".join(parts)


def field_box(preview: FilePreview, reading: ColumnReading, choices: Iterable[Field]) -> QComboBox:
    """The choice box of one column: the user's choice, else the program's reading; "—" takes
    the user's choice away."""
    box = QComboBox()
    box.addItem(NO_FIELD, "")
    for value in choices:
        box.addItem(field_label(value), str(value))
    chosen = preview.chosen.get(reading.header)
    current = chosen or reading.field
    box.setCurrentIndex(max(box.findData(str(current)) if current else 0, 0))
    box.setAccessibleName(
        _tr("Veld van kolom {letter} ({header})").format(
            letter=reading.letter, header=reading.header
        )
    )
    return box


def question_widgets(question: Question, layout: SheetLayout) -> tuple[QLabel, QComboBox]:
    """A question's text and the box with its answers (first "— kies —", no answer yet)."""
    text = QLabel(question_text(question, layout))
    text.setWordWrap(True)
    box = QComboBox()
    box.setAccessibleName(_tr("Antwoord"))
    box.setAccessibleDescription(text.text())
    box.addItem(_tr("— kies —"), None)
    for answer in answers(question, layout):
        box.addItem(answer.text, answer)
    text.setBuddy(box)
    return text, box
