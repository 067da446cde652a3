"""The import wizard's preview of one file: which sheet, which header row, which column is what.

``FilePreview`` is the state of one file in the preview step, plain Python (tested without a
window). The recognising is the core's: :func:`~grensverkeer.importing.parse_file.classify`
detects the header, :func:`~grensverkeer.importing.columns.apply_mapping` reads a mapping. What
the preview shows is always what the import will do with the file.

Decisions:

- A mapping is "field → header text" (the :class:`SavedMapping` the CLI's ``--mapping`` uses).
  A file the user did not change is imported without one, recognised automatically as the CLI
  does; once a column is changed, the file gets a mapping of every recognised field (names and
  other personal or ignored columns left out, so a saved mapping fits next month's file too)
  and that mapping is used for this file only.
- Choosing "—" for a column takes it out of the mapping; a column the program recognises by
  its name is then recognised again (the core matches every column it knows). To keep such a
  column out, choose "genegeerd". One column per field: giving a field to a second column
  takes it from the first.
- Changing the header row re-reads the columns of that row.

``PreviewModel`` shows the rows above the header, the header row (highlighted, bold, marked
"kopregel" in the row header and tooltip) and the first :data:`PREVIEW_ROWS` data rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from grensverkeer.domain import FileKind
from grensverkeer.importing.columns import (
    HEADERS,
    Field,
    HeaderMatch,
    apply_mapping,
    best_guess,
    find_header,
    header_key,
    match_row,
    missing_fields,
)
from grensverkeer.importing.issues import column_letter
from grensverkeer.importing.parse_file import ClassifiedFile, SavedMapping, classify
from grensverkeer.importing.readers import ReadError
from grensverkeer.services.import_check import PlannedFile
from grensverkeer.ui.models import Index

PREVIEW_ROWS = 20
NO_FIELD = "—"
_UNUSED = (Field.PERSONAL, Field.IGNORED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def field_label(value: Field | None, short: bool = False) -> str:
    """How a field is named in the preview's comboboxes (``short``: in a column header)."""
    if value is None:
        return NO_FIELD
    if short and value is Field.PERSONAL:
        return _tr("persoonsgegeven")
    labels = {
        Field.BSN: _tr("BSN"),
        Field.RESIDENCE: _tr("woongemeente"),
        Field.PLACE: _tr("woonplaats"),
        Field.POSTCODE: _tr("postcode"),
        Field.BRIN: _tr("BRIN"),
        Field.VESTIGING: _tr("vestiging"),
        Field.BRINVEST: _tr("BRIN + vestiging"),
        Field.EDU_TYPE: _tr("onderwijstype"),
        Field.ARRANGEMENT: _tr("arrangement"),
        Field.START: _tr("startdatum"),
        Field.END: _tr("einddatum"),
        Field.COST: _tr("kosten"),
        Field.PERSONAL: _tr("persoonsgegeven (niet gebruikt)"),
        Field.IGNORED: _tr("genegeerd"),
        Field.SCHOOL_NAME: _tr("naam vestiging"),
        Field.SCHOOL_PLACE: _tr("plaats"),
        Field.MUNICIPALITY_CODE: _tr("gemeentecode"),
        Field.MUNICIPALITY_NAME: _tr("gemeentenaam"),
        Field.VO_STRUCTURE: _tr("onderwijsstructuur"),
        Field.PO_KIND: _tr("soort primair onderwijs"),
        Field.SO_KIND: _tr("SO/VSO"),
    }
    return labels.get(value, str(value))


def kind_label(kind: FileKind | None) -> str:
    if kind is FileKind.PUPILS:
        return _tr("leerlingenoverzicht")
    if kind is FileKind.SCHOOLS:
        return _tr("scholenlijst")
    return _tr("niet herkend")


def fields_for(kind: FileKind | None) -> tuple[Field, ...]:
    """The fields a column of this kind of file can be: the core's list, plus "genegeerd"."""
    if kind is None:
        return ()
    known = tuple(HEADERS[kind])
    return known if Field.IGNORED in known else (*known, Field.IGNORED)


def cell_text(value: object) -> str:
    """A cell as the preview shows it (Dutch dates and decimal commas)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M") if value.time() != time() else f"{value:%d-%m-%Y}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, bool):
        return _tr("ja") if value else _tr("nee")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


@dataclass(slots=True)
class FilePreview:
    """One file in the preview step: its sheets, the header found and the user's mapping."""

    path: Path
    classified: ClassifiedFile | None
    error: str = ""
    sheet: int = 0
    kind: FileKind | None = None
    header_row: int | None = None
    columns: dict[int, Field] = field(default_factory=dict)  # column index → field
    chosen: dict[Field, str] = field(default_factory=dict)  # the user's mapping
    mapping_name: str = ""
    changed: bool = False
    problem: str = ""

    @classmethod
    def read(cls, path: Path) -> FilePreview:
        """Read and classify a file (slow for a big file: call it from a worker)."""
        try:
            classified = classify(path)
        except ReadError as error:
            return cls(path, None, error=error.message)
        preview = cls(path, classified)
        preview.use_automatic()
        return preview

    # What is shown ----------------------------------------------------------------------

    @property
    def sheet_names(self) -> list[str]:
        if self.classified is None:
            return []
        return [s.name for s in self.classified.workbook.sheets]

    @property
    def rows(self) -> Sequence[Sequence[object]]:
        if self.classified is None or not self.classified.workbook.sheets:
            return []
        return self.classified.workbook.sheets[self.sheet].rows

    @property
    def headers(self) -> tuple[str, ...]:
        rows = self.rows
        if self.header_row is None or self.header_row >= len(rows):
            return ()
        return tuple(cell_text(c).strip() for c in rows[self.header_row])

    @property
    def notes(self) -> list[str]:
        return list(self.classified.notes) if self.classified else []

    def missing(self) -> tuple[str, ...]:
        """What the import still needs, in the core's words; empty when complete."""
        if self.classified is None:
            return ()
        if self.kind is None or self.header_row is None:
            return (_tr("de kopregel en de soort gegevens"),)
        return missing_fields(self.kind, {f: i for i, f in self.columns.items()})

    def field_of(self, column: int) -> Field | None:
        return self.columns.get(column)

    # What the user changes --------------------------------------------------------------

    def use_automatic(self) -> None:
        """Back to what the program recognises by itself (no mapping)."""
        self.chosen, self.mapping_name, self.changed, self.problem = {}, "", False, ""
        if self.classified is None:
            return
        if self.classified.sheets:
            sheet, header = self.classified.sheets[0]
            self.sheet = self._index_of(sheet.name)
            self._show(header)
            return
        guesses = [(i, best_guess(s.rows)) for i, s in enumerate(self.classified.workbook.sheets)]
        found = [(i, g) for i, g in guesses if g is not None]
        if found:
            index, guess = max(found, key=lambda item: len(item[1].columns))
            self.sheet = index
            self._show(guess)
        else:
            self.sheet, self.kind, self.header_row, self.columns = 0, None, None, {}

    def select_sheet(self, index: int) -> None:
        """Show another sheet, read with the current mapping or recognised anew."""
        self.sheet = index
        rows = self.rows
        if self.chosen and self.kind is not None:
            header = apply_mapping(rows, self.kind, self.chosen)
        else:
            header = find_header(rows) or best_guess(rows)
        if header is None:
            self.header_row, self.columns = None, {}
        else:
            self._show(header)

    def set_kind(self, kind: FileKind) -> None:
        """The kind of data, for a file the program did not recognise."""
        self.kind = kind
        if self.header_row is None:
            self.header_row = 0
        self._read_header_row()

    def set_header_row(self, row: int) -> None:
        """Which row (0-based) holds the column names."""
        self.header_row = max(0, min(row, max(len(self.rows) - 1, 0)))
        if self.kind is None:
            cells = self.rows[self.header_row] if self.rows else []
            pupil = match_row(cells, FileKind.PUPILS)
            school = match_row(cells, FileKind.SCHOOLS)
            self.kind = FileKind.SCHOOLS if len(school) > len(pupil) else FileKind.PUPILS
        self._read_header_row()

    def set_field(self, column: int, value: Field | None) -> None:
        """Give ``column`` this field (None: no field)."""
        headers = self.headers
        if self.kind is None or not 0 <= column < len(headers) or not headers[column]:
            return
        text = headers[column]
        wanted = dict(self.chosen) if self.chosen else self._essential()
        wanted = {
            f: t for f, t in wanted.items() if header_key(t) != header_key(text) and f != value
        }
        if value is not None:
            wanted[value] = text
        self._apply(wanted)

    def use_mapping(self, mapping: SavedMapping) -> None:
        """Read the file with a saved mapping: the first sheet in which it fits is shown."""
        self.kind, self.chosen = mapping.kind, dict(mapping.columns)
        self.mapping_name, self.changed, self.problem = mapping.name, True, ""
        if self.classified is None:
            return
        for index, sheet in enumerate(self.classified.workbook.sheets):
            header = apply_mapping(sheet.rows, mapping.kind, mapping.columns)
            if header is not None:
                self.sheet = index
                self._show(header)
                return
        self.header_row, self.columns = None, {}
        self.problem = _tr("De kolommen van koppeling ‘{name}’ staan in geen enkel blad.").format(
            name=mapping.name
        )

    # What the import gets ---------------------------------------------------------------

    def mapping(self, name: str = "") -> SavedMapping | None:
        """The user's mapping (None when the file is read as recognised)."""
        if not self.changed or self.kind is None or not self.chosen:
            return None
        return SavedMapping(name or self.mapping_name or self.path.name, self.kind, self.chosen)

    def to_save(self, name: str) -> SavedMapping:
        """The mapping to store by name: the user's, or else every recognised field."""
        assert self.kind is not None
        columns = dict(self.chosen) if self.changed and self.chosen else self._essential()
        return SavedMapping(name, self.kind, columns)

    def planned(self) -> PlannedFile:
        return PlannedFile(self.path, self.kind, self.mapping())

    # Internals --------------------------------------------------------------------------

    def _index_of(self, name: str) -> int:
        names = self.sheet_names
        return names.index(name) if name in names else 0

    def _show(self, header: HeaderMatch) -> None:
        self.kind = header.kind
        self.header_row = header.row_index
        self.columns = {index: f for f, index in header.columns.items()}

    def _essential(self) -> dict[Field, str]:
        headers = self.headers
        return {
            f: headers[i]
            for i, f in self.columns.items()
            if f not in _UNUSED and i < len(headers) and headers[i]
        }

    def _read_header_row(self) -> None:
        assert self.kind is not None and self.header_row is not None
        cells = self.rows[self.header_row] if self.rows else []
        found = match_row(cells, self.kind)
        self.columns = {index: f for f, index in found.items()}
        self.chosen, self.changed, self.problem = self._essential(), True, ""
        if not self.chosen:  # nothing recognised in this row: the user maps it by hand
            self.chosen = {}

    def _apply(self, wanted: Mapping[Field, str]) -> None:
        assert self.kind is not None
        self.chosen, self.changed, self.problem = dict(wanted), True, ""
        if not wanted:
            self._read_header_row()
            self.changed = True
            return
        header = apply_mapping(self.rows, self.kind, wanted)
        if header is not None:
            self._show(header)


class PreviewModel(QAbstractTableModel):
    """The top of a sheet: rows above the header, the header row and the first data rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Sequence[object]] = []
        self._header: int | None = None
        self._columns: dict[int, Field] = {}
        self._width = 0

    def show(self, preview: FilePreview | None) -> None:
        self.beginResetModel()
        if preview is None or preview.classified is None:
            self._rows, self._header, self._columns = [], None, {}
        else:
            header = preview.header_row
            end = (header + 1 if header is not None else 1) + PREVIEW_ROWS
            self._rows = list(preview.rows[:end])
            self._header = header
            self._columns = dict(preview.columns)
        self._width = max((len(r) for r in self._rows), default=0)
        self.endResetModel()

    @property
    def header_row(self) -> int | None:
        return self._header

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        is_header = row == self._header
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[row]
            return cell_text(cells[column]) if column < len(cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole and is_header:
            return QBrush(QColor(255, 230, 153))
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_header:
                return QBrush(QColor(0, 0, 0))
            if self._header is not None and row < self._header:
                return QBrush(QColor(110, 110, 110))
        if role == Qt.ItemDataRole.FontRole and is_header:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and is_header:
            return _tr("kopregel: de namen van de kolommen")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._width:
            chosen = self._columns.get(section)
            label = column_letter(section)
            return f"{label}: {field_label(chosen, short=True)}" if chosen else label
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            if section == self._header:
                return _tr("{row} kopregel").format(row=section + 1)
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
