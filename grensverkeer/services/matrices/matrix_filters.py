"""The matrix narrowed to a samenwerkingsverband or an arrangement.

``services.matrices.counted_matrix`` filters on onderwijstype before counting (its query takes the
type). The SWV and arrangement filters here are applied *after* counting: the pupils are counted
exactly as the full matrix counts them (one record per pupil on the peildatum, or every record naar
rato), and then only the counted records that pass the filter stay. So a filtered matrix is always a
part of the unfiltered one, cell by cell, and ``services.matrices.cell_pupils`` lists exactly the
pupils of a filtered cell.

A pupil belongs to the SWV of its residence municipality for the sector of its record (PO for
PO, SBO and SO; VO for VO and VSO), the same rule as ``services.settling.swv_flows``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select

from grensverkeer.counting import CountedRecord, amount_cells, counted, pupil_cells
from grensverkeer.domain import EduType
from grensverkeer.reference import Reference, Swv, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import (
    AMOUNT,
    PUPILS,
    Matrix,
    MissingTariffError,
    load_records,
    matrix_for,
)
from grensverkeer.services.settling.swv_flows import SECTOR
from grensverkeer.services.years.membership import members_on
from grensverkeer.services.years.tariffs import tariffs_of
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PupilRecordRow


@dataclass(frozen=True, slots=True)
class MatrixFilter:
    """What to count: None means everything.

    ``swv`` is an SWV's ``ident`` (``PO 28-15``): the pupils living in its area, for its
    sector. ``arrangement`` is compared exactly; ``""`` selects records without one.
    """

    edu_type: EduType | None = None
    swv: str | None = None
    arrangement: str | None = None

    @property
    def after_counting(self) -> bool:
        """Whether a filter applies to the counted records (SWV or arrangement)."""
        return self.swv is not None or self.arrangement is not None


def arrangements(db: Database, year: SchoolYear) -> list[str]:
    """The arrangements present in a school year's records, ``""`` included when some have none."""
    with db.sessions() as session:
        found = session.scalars(
            select(PupilRecordRow.arrangement)
            .where(PupilRecordRow.school_year == year.start_year)
            .distinct()
        ).all()
    return sorted({a or "" for a in found}, key=lambda a: (a == "", a.casefold()))


def swv_choices(reference: Reference | None = None) -> list[Swv]:
    """Every known SWV area, PO first, by code."""
    areas = (reference or load_reference()).swv_areas()
    return sorted(areas, key=lambda swv: (swv.sector, swv.code))


class RecordFilter:
    """The predicate of a ``MatrixFilter`` on counted records, with the SWV lookups cached."""

    def __init__(self, matrix_filter: MatrixFilter, reference: Reference | None = None) -> None:
        self.filter = matrix_filter
        self.reference = reference or load_reference()
        self._swv: dict[tuple[str, str], str | None] = {}

    def swv_of(self, record: CountedRecord) -> str | None:
        """The ident of the record's residence SWV, None outside every known area."""
        sector = SECTOR[EduType(record.edu_type)]
        key = (record.residence, sector)
        if key not in self._swv:
            found = self.reference.swv_for(record.residence, sector)
            self._swv[key] = None if found is None else found.ident
        return self._swv[key]

    def __call__(self, record: CountedRecord) -> bool:
        wanted = self.filter
        if wanted.edu_type is not None and record.edu_type != wanted.edu_type:
            return False
        if wanted.arrangement is not None and (record.arrangement or "") != wanted.arrangement:
            return False
        return wanted.swv is None or self.swv_of(record) == wanted.swv


def counted_records(
    db: Database,
    year: SchoolYear,
    matrix_filter: MatrixFilter,
    reference: Reference | None = None,
) -> list[tuple[CountedRecord, Fraction]]:
    """The records that count in the school year (with their weight) and pass the filter."""
    settings = year_settings(db, year)
    keep = RecordFilter(matrix_filter, reference)
    records = load_records(db, year, matrix_filter.edu_type)
    return [(record, weight) for record, weight in counted(records, settings.rules) if keep(record)]


def filtered_matrix(
    db: Database,
    year: SchoolYear,
    measure: str,
    matrix_filter: MatrixFilter,
    reference: Reference | None = None,
) -> Matrix:
    """The matrix of ``measure`` (``pupils`` or ``amount``) for the filtered pupils.

    Without an SWV or arrangement filter this is ``services.matrices.counted_matrix.matrix_for``
    itself. Missing tariffs raise ``MissingTariffError`` as the full amount matrix does.
    """
    if not matrix_filter.after_counting:
        return matrix_for(db, year, measure, matrix_filter.edu_type)
    settings = year_settings(db, year)
    kept = [record for record, _weight in counted_records(db, year, matrix_filter, reference)]
    members = members_on(db, settings.peildatum)
    if measure == AMOUNT:
        priced = amount_cells(kept, settings.rules, tariffs_of(db, year))
        if priced.missing:
            raise MissingTariffError(year, priced.missing)
        return Matrix(year, settings.peildatum, AMOUNT, priced.cells, members, settings)
    cells = pupil_cells(kept, settings.rules)
    whole = {k: (int(v) if v.denominator == 1 else v) for k, v in cells.items() if v}
    return Matrix(year, settings.peildatum, PUPILS, whole, members, settings)
