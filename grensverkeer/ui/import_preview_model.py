"""The import wizard's preview of one file: which sheet, which header row, which column is what.

``FilePreview`` is the state of one file in the preview step, plain Python (tested without a
window). The recognising is the core's (:func:`~grensverkeer.importing.recognition.recognise`):
header row, kind and every column, by name and content. What the preview shows is what the
import will do with the file, because the import gets the same choices.

Decisions:

- The user's changes are *choices* (field → header text, the ``--column`` of the command
  line): a file the user did not change is imported without any, recognised as the command
  line does; every change adds or replaces one choice, and the rest is recognised around it.
- Choosing "—" for a column removes the user's choice for it; the program's own reading of the
  column comes back. To keep such a column out, choose "genegeerd".
- Changing the header row or the kind makes choices of every field recognised in that row, so
  the import finds the same row by its header texts.

How fields and kinds are named is in ``ui.field_labels``; the Qt table that shows the top of
the sheet is ``ui.preview_table.PreviewModel``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication

from grensverkeer.domain import FileKind, SchoolLocation
from grensverkeer.importing.choices import ColumnChoice
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.fields import Field, missing_fields, shared
from grensverkeer.importing.header_words import fold
from grensverkeer.importing.layout import Question, SheetLayout
from grensverkeer.importing.parse_file import SavedMapping, classify, parse_schools
from grensverkeer.importing.readers import ReadError, Workbook, read_workbook
from grensverkeer.importing.recognition import recognise
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.reference import Reference, load_reference
from grensverkeer.services.imports.aliases import ReferenceWithAliases
from grensverkeer.services.imports.import_check import PlannedFile
from grensverkeer.ui.column_answers import Answer


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


@dataclass(slots=True)
class FilePreview:
    """One file in the preview step: its sheets, the layout found and the user's choices."""

    path: Path
    workbook: Workbook | None
    reference: Reference | ReferenceWithAliases
    schools: SchoolIndex
    error: str = ""
    sheet: int = 0
    kind: FileKind | None = None
    header_row: int | None = None
    layout: SheetLayout | None = None
    chosen: dict[str, Field] = field(default_factory=dict)  # header text → the user's field
    forced_kind: FileKind | None = None
    forced_row: int | None = None
    date_order: Order | None = None
    mapping_name: str = ""
    changed: bool = False
    problem: str = ""

    @classmethod
    def read(
        cls,
        path: Path,
        reference: Reference | ReferenceWithAliases | None = None,
        schools: SchoolIndex | None = None,
    ) -> FilePreview:
        """Read and recognise a file (slow for a big file: call it from a worker)."""
        reference = reference or load_reference()
        schools = schools if schools is not None else SchoolIndex()
        try:
            workbook = read_workbook(path)
        except ReadError as error:
            return cls(path, None, reference, schools, error=error.message)
        preview = cls(path, workbook, reference, schools)
        preview.use_automatic()
        return preview

    @property
    def _core_reference(self) -> Reference:
        """The reference as the core's readers take it, aliases included."""
        # ReferenceWithAliases offers Reference's whole interface by delegation (aliases.py),
        # as the Importer also takes it; it is no subclass, so the type checker is told here.
        return cast(Reference, self.reference)

    @property
    def classified(self) -> Workbook | None:
        """The read workbook (None when the file could not be read)."""
        return self.workbook

    # What is shown ----------------------------------------------------------------------

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.workbook.sheets] if self.workbook else []

    @property
    def rows(self) -> Sequence[Sequence[object]]:
        if self.workbook is None or not self.workbook.sheets:
            return []
        return self.workbook.sheets[self.sheet].rows

    @property
    def headers(self) -> tuple[str, ...]:
        return self.layout.headers if self.layout is not None else ()

    @property
    def columns(self) -> dict[int, Field]:
        """Column index → what it is read as (also the shared "not used" readings)."""
        if self.layout is None:
            return {}
        return {r.index: r.field for r in self.layout.readings if r.field is not None}

    @property
    def notes(self) -> list[str]:
        notes = list(self.workbook.notes) if self.workbook else []
        return notes + (list(self.layout.notes) if self.layout else [])

    def missing(self) -> tuple[str, ...]:
        """What the import still needs, in the core's words; empty when complete."""
        if self.workbook is None:
            return ()
        if self.layout is None:
            return (_tr("de kopregel en de soort gegevens"),)
        return missing_fields(self.layout.kind, self.layout.columns)

    def field_of(self, column: int) -> Field | None:
        return self.columns.get(column)

    @property
    def questions(self) -> tuple[Question, ...]:
        """What the user must answer before this file can be imported."""
        return self.layout.questions if self.layout is not None else ()

    def ready(self) -> bool:
        """Readable, complete and nothing left to ask."""
        return self.workbook is not None and not self.missing() and not self.questions

    # What the user changes --------------------------------------------------------------

    def use_automatic(self) -> None:
        """Back to what the program recognises by itself (no choices), on its best sheet."""
        self.chosen, self.mapping_name, self.changed, self.problem = {}, "", False, ""
        self.forced_kind = self.forced_row = None
        self.date_order = None
        if self.workbook is None:
            return
        best = None
        for index in range(len(self.workbook.sheets)):
            self.sheet = index
            self._recognise()
            score = (not self.missing(), len(self.layout.columns) if self.layout else -1)
            if best is None or score > best[0]:
                best = (score, index)
        self.sheet = best[1] if best else 0
        self._recognise()

    def select_sheet(self, index: int) -> None:
        """Show another sheet, read with the current choices."""
        self.sheet = index
        self.forced_row = None
        self._recognise()

    def set_kind(self, kind: FileKind) -> None:
        """The kind of data, for a file the program did not recognise."""
        self.forced_kind, self.changed = kind, True
        self._recognise()
        self._choose_all()

    def set_header_row(self, row: int) -> None:
        """Which row (0-based) holds the column names."""
        self.forced_row = max(0, min(row, max(len(self.rows) - 1, 0)))
        self.changed = True
        self._recognise()
        self._choose_all()

    def set_field(self, column: int, value: Field | None) -> None:
        """Give ``column`` this field (None: take the user's choice away)."""
        headers = self.headers
        if self.layout is None or not 0 <= column < len(headers) or not headers[column]:
            return
        key = fold(headers[column])
        chosen = {h: f for h, f in self.chosen.items() if fold(h) != key}
        if value is not None:
            if self.kind is None or value not in shared(self.kind):
                chosen = {h: f for h, f in chosen.items() if f is not value}
            chosen[headers[column]] = value
        self.chosen, self.changed, self.problem = chosen, True, ""
        self._recognise()

    def use_mapping(self, mapping: SavedMapping) -> None:
        """Read the file with a saved mapping: the first sheet in which it fits is shown."""
        self.forced_kind, self.forced_row = mapping.kind, None
        self.chosen = {c.label: c.field for c in mapping.choices()}
        self.mapping_name, self.changed, self.problem = mapping.name, True, ""
        if self.workbook is None:
            return
        for index in range(len(self.workbook.sheets)):
            self.sheet = index
            self._recognise()
            if self.layout is not None and all(
                fold(label) in {fold(h) for h in self.headers} for label in self.chosen
            ):
                return
        self.problem = _tr("De kolommen van koppeling ‘{name}’ staan in geen enkel blad.").format(
            name=mapping.name
        )

    def use_schools(self, schools: SchoolIndex) -> None:
        """Read again knowing more schools: a school list imported with it, ahead of it."""
        self.schools = schools
        if self.workbook is not None:
            self._recognise()

    def school_locations(self) -> list[SchoolLocation]:
        """The locations this file lists, when it is a school list."""
        if self.workbook is None or self.kind is not FileKind.SCHOOLS:
            return []
        classified = classify(
            self.workbook, self._core_reference, self.schools, self.choices(), FileKind.SCHOOLS
        )
        return parse_schools(classified, self._core_reference).schools if classified.sheets else []

    def answer(self, chosen: Answer) -> None:
        """Take the user's answer to a question: its column choices or its date order."""
        if chosen.date_order is not None:
            self.date_order = chosen.date_order
        for choice in chosen.choices:
            key = fold(choice.label)
            self.chosen = {h: f for h, f in self.chosen.items() if fold(h) != key}
            self.chosen[choice.label] = choice.field
        self.changed = True
        self._recognise()

    def fits(self, mapping: SavedMapping) -> bool:
        """Whether a saved mapping was made for a file with these headers."""
        if self.workbook is None or mapping.kind is not self.kind:
            return False
        headers = {fold(h) for h in self.headers if h}
        labels = [c.label for c in mapping.choices()]
        return bool(labels) and all(fold(_plain_label(label)) in headers for label in labels)

    # What the import gets ---------------------------------------------------------------

    def choices(self) -> tuple[ColumnChoice, ...]:
        return tuple(ColumnChoice(f, label) for label, f in self.chosen.items())

    def mapping(self, name: str = "") -> SavedMapping | None:
        """The user's choices as a mapping (None when the file is read as recognised)."""
        if not self.changed or self.kind is None or not self.chosen:
            return None
        return _as_mapping(name or self.mapping_name or self.path.name, self.kind, self.chosen)

    def to_save(self, name: str) -> SavedMapping:
        """The mapping to store by name: the user's choices, or else every recognised field."""
        assert self.kind is not None
        chosen = self.chosen if self.changed and self.chosen else self._recognised()
        return _as_mapping(name, self.kind, chosen)

    def planned(self) -> PlannedFile:
        """What the import gets: the user's choices, as ``--column`` would give them."""
        return PlannedFile(self.path, self.kind, None, self.choices(), self.date_order)

    # Internals --------------------------------------------------------------------------

    def _recognise(self) -> None:
        if self.workbook is None or not self.workbook.sheets:
            self.layout = None
        else:
            self.layout = recognise(
                self.workbook.sheets[self.sheet],
                self._core_reference,
                self.schools,
                self.choices(),
                self.forced_kind,
                self.date_order,
                header_row=self.forced_row,
            )
        self.kind = self.layout.kind if self.layout else self.forced_kind
        self.header_row = self.layout.row_index if self.layout else self.forced_row

    def _recognised(self) -> dict[str, Field]:
        """Every exclusive field as recognised, by header text (names etc. left out)."""
        if self.layout is None:
            return {}
        return {self.headers[i]: f for f, i in self.layout.columns.items() if self.headers[i]}

    def _choose_all(self) -> None:
        self.chosen = self._recognised()
        self._recognise()


def _plain_label(label: str) -> str:
    """A choice's header text without the ``(kolom D)`` that tells equal headers apart."""
    return label.split(" (kolom ")[0] if label.endswith(")") and " (kolom " in label else label


def _as_mapping(name: str, kind: FileKind, chosen: dict[str, Field]) -> SavedMapping:
    columns: dict[Field, str] = {f: label for label, f in chosen.items() if f is not Field.IGNORED}
    ignored = tuple(label for label, f in chosen.items() if f is Field.IGNORED)
    return SavedMapping(name, kind, columns, ignored)
