"""The grensverkeer matrix: pupils (or euros) living in r at a school in s, for one school year.

Counting is done by ``grensverkeer.counting`` on the stored records, so the matrix, the
settlement and the documents always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select

from grensverkeer.counting import (
    CountedRecord,
    MissingTariff,
    Tariffs,
    amount_cells,
    pupil_cells,
)
from grensverkeer.domain import EduType
from grensverkeer.errors import SET_TARIFF, GrensverkeerError, Hint
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.membership import members_on
from grensverkeer.services.years.tariffs import tariffs_of
from grensverkeer.services.years.year_settings import YearSettings, year_settings
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PupilRecordRow

PUPILS = "pupils"
AMOUNT = "amount"


class MissingTariffError(GrensverkeerError):
    """Pupils whose onderwijstype has no tariff: reported, never priced at zero."""

    def __init__(self, year: SchoolYear, missing: tuple[MissingTariff, ...]) -> None:
        self.missing = missing
        listed = ", ".join(f"{m.edu_type} ({m.pupils} leerlingen)" for m in missing)
        first = missing[0].edu_type
        super().__init__(
            f"Geen tarief voor schooljaar {year}: {listed}. Stel eerst een tarief in.",
            Hint(SET_TARIFF, {"school_year": year, "edu_type": first, "arrangement": ""}),
        )


@dataclass(frozen=True, slots=True)
class Matrix:
    """Residence × school municipality; only nonzero cells are kept. Pupils are whole numbers
    on the peildatum and fractions of a year naar rato; amounts are cents."""

    school_year: SchoolYear
    peildatum: date
    measure: str
    cells: Mapping[tuple[str, str], int | Fraction]
    participants: tuple[str, ...]
    settings: YearSettings | None = None

    def total(self) -> int | Fraction:
        return sum(self.cells.values(), 0)

    def outside_cells(self) -> dict[tuple[str, str], int | Fraction]:
        """Cells with at least one end outside the region's participants."""
        members = set(self.participants)
        return {k: v for k, v in self.cells.items() if k[0] not in members or k[1] not in members}

    def as_json(self) -> dict[str, object]:
        """The exact shape other tools read: one cell for every nonzero pair."""
        return {
            "school_year": str(self.school_year),
            "peildatum": self.peildatum.isoformat(),
            "measure": self.measure,
            "cells": [
                {"from": r, "to": s, "value": _json_number(value)}
                for (r, s), value in sorted(self.cells.items())
                if value
            ],
        }


def _json_number(value: int | Fraction) -> int | float:
    if isinstance(value, Fraction) and value.denominator != 1:
        return round(float(value), 2)
    return int(value)


def school_years_present(db: Database) -> list[SchoolYear]:
    with db.sessions() as session:
        years = session.scalars(select(PupilRecordRow.school_year).distinct()).all()
    return [SchoolYear(y) for y in sorted(years)]


def load_records(
    db: Database, year: SchoolYear, edu_type: EduType | None = None
) -> list[CountedRecord]:
    record = PupilRecordRow
    query = select(
        record.pseudonym,
        record.residence,
        record.school_municipality,
        record.edu_type,
        record.arrangement,
        record.start_date,
        record.end_date,
        record.cost_cents,
        record.pupil_count,
    ).where(record.school_year == year.start_year)
    if edu_type is not None:
        query = query.where(record.edu_type == str(edu_type))
    with db.sessions() as session:
        return [
            CountedRecord(p, r, s, EduType(t), a or "", start, end, cost, n)
            for p, r, s, t, a, start, end, cost, n in session.execute(query)
        ]


@dataclass(frozen=True, slots=True)
class CountedYear:
    """A school year's records, settings, participants and tariffs, read once per request:
    the settlement, the plan's inputs and a draft's documents all count from this one read
    (a draft used to read the year three times)."""

    school_year: SchoolYear
    settings: YearSettings
    participants: tuple[str, ...]
    records: tuple[CountedRecord, ...]
    tariffs: Tariffs

    @classmethod
    def read(cls, db: Database, year: SchoolYear, edu_type: EduType | None = None) -> CountedYear:
        settings = year_settings(db, year)
        return cls(
            year,
            settings,
            members_on(db, settings.peildatum),
            tuple(load_records(db, year, edu_type)),
            tariffs_of(db, year),
        )

    def pupils(self) -> Matrix:
        """Each pupil once, in the cell of the record active on the peildatum (or naar rato)."""
        cells = pupil_cells(self.records, self.settings.rules)
        whole = {k: (int(v) if v.denominator == 1 else v) for k, v in cells.items() if v}
        return self._matrix(PUPILS, whole)

    def amounts(self) -> Matrix:
        """Cents per cell from the tariffs (or actual costs); missing tariffs are an error."""
        counted = amount_cells(self.records, self.settings.rules, self.tariffs)
        if counted.missing:
            raise MissingTariffError(self.school_year, counted.missing)
        return self._matrix(AMOUNT, counted.cells)

    def _matrix(self, measure: str, cells: Mapping[tuple[str, str], int | Fraction]) -> Matrix:
        settings = self.settings
        return Matrix(
            self.school_year, settings.peildatum, measure, cells, self.participants, settings
        )


def pupil_matrix(db: Database, year: SchoolYear, edu_type: EduType | None = None) -> Matrix:
    """Each pupil once, in the cell of the record active on the peildatum (or naar rato)."""
    return CountedYear.read(db, year, edu_type).pupils()


def amount_matrix(db: Database, year: SchoolYear, edu_type: EduType | None = None) -> Matrix:
    """Cents per cell from the tariffs (or actual costs); missing tariffs are an error."""
    return CountedYear.read(db, year, edu_type).amounts()


def matrix_for(
    db: Database, year: SchoolYear, measure: str, edu_type: EduType | None = None
) -> Matrix:
    return (amount_matrix if measure == AMOUNT else pupil_matrix)(db, year, edu_type)
