"""What the recogniser decided about one sheet: where its header is and what every column holds.

These values travel from the recogniser to the sheet readers, to the import summary of the
command line and to the wizard's column page, so all three tell the same story: which column
was read as what and how sure the program is, which columns were left unused and why, and
which choices it could not make alone (:class:`Question`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from grensverkeer.domain import FileKind
from grensverkeer.importing.date_formats import DateReading
from grensverkeer.importing.fields import Field


class Looks(StrEnum):
    """What a column's values look like, whatever its header says."""

    BSN = "BSN-nummers"
    BRIN = "BRIN-codes"
    BRINVEST = "BRIN+vestigingscodes"
    VESTIGING = "vestigingsnummers"
    POSTCODE = "postcodes"
    MUNICIPALITY = "gemeenten"
    PLACE = "plaatsnamen"
    DATE = "datums"
    EDU_TYPE = "onderwijstypen"
    AMOUNT = "bedragen"
    COUNT = "aantallen"


class QuestionCode(StrEnum):
    RESIDENCE = "woongemeente_dubbelzinnig"  # two residence columns that disagree
    DATE_ROLE = "datumrol_onduidelijk"  # a date column that could be the start or the end
    DATE_ORDER = "datumvolgorde_onduidelijk"  # day-month or month-day, and it matters
    DUPLICATE = "kolom_dubbel"  # two columns equally fit for one field, with other values
    UNSURE = "verplicht_onzeker"  # a needed field found with low confidence
    SCHOOLS_PLACE = "alleen_plaats_school"  # the only place column follows the school


@dataclass(frozen=True, slots=True)
class ColumnReading:
    """One column as the recogniser read it."""

    index: int
    header: str
    group: str  # the group header above it ("Leerling", "School"), or ""
    field: Field | None  # None: not used
    confidence: float  # 0..1 for the field it was read as; 0 when not used
    looks: tuple[Looks, ...]  # what most of its values look like
    samples: tuple[str, ...]  # up to five distinct values; personal data withheld or masked
    reason: str = ""  # why, in a few Dutch words ("inhoud: 6-tekens vestigingscodes")
    warning: bool = False  # dates or places, but not used: the user should look

    @property
    def label(self) -> str:
        """The header as users name the column (with its group when that tells it apart)."""
        return self.header or f"kolom {self.letter}"

    @property
    def letter(self) -> str:
        from grensverkeer.importing.issues import column_letter

        return column_letter(self.index)


@dataclass(frozen=True, slots=True)
class Question:
    """A choice the program will not make alone; the user settles it."""

    code: QuestionCode
    fields: tuple[Field, ...]  # the fields to choose between (or to give a column)
    candidates: tuple[int, ...]  # the columns concerned
    detail: str = ""  # a Dutch sentence with the evidence ("verschillen op 37 van 120 rijen")


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """The header row and the reading of every column of one sheet."""

    kind: FileKind
    row_index: int  # 0-based index of the header row in the sheet's rows
    columns: Mapping[Field, int]  # each exclusive field → its column
    readings: tuple[ColumnReading, ...]
    dates: Mapping[int, DateReading] = field(default_factory=dict)
    questions: tuple[Question, ...] = ()
    notes: tuple[str, ...] = ()
    count_parts: tuple[int, ...] = ()  # count columns to add up when there is no total

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(r.header for r in self.readings)

    def reading(self, index: int) -> ColumnReading:
        return self.readings[index]

    def confidence(self, field_: Field) -> float:
        index = self.columns.get(field_)
        return 0.0 if index is None else self.readings[index].confidence

    @property
    def unused(self) -> tuple[ColumnReading, ...]:
        return tuple(r for r in self.readings if r.field is None and r.header)
