"""The grensverkeer matrix: pupils living in r at a school in s, on the school year's peildatum."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select

from grensverkeer.domain import EduType
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.school_years import peildatum_of
from grensverkeer.storage.database import Database
from grensverkeer.storage.models import PupilRecordRow


@dataclass(frozen=True, slots=True)
class Matrix:
    """Residence × school municipality counts; only nonzero cells are kept."""

    school_year: SchoolYear
    peildatum: date
    measure: str
    cells: Mapping[tuple[str, str], int]
    participants: tuple[str, ...]

    def total(self) -> int:
        return sum(self.cells.values())

    def row_total(self, code: str) -> int:
        return sum(v for (r, _s), v in self.cells.items() if r == code)

    def column_total(self, code: str) -> int:
        return sum(v for (_r, s), v in self.cells.items() if s == code)

    def outside_cells(self) -> dict[tuple[str, str], int]:
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
                {"from": r, "to": s, "value": value}
                for (r, s), value in sorted(self.cells.items())
                if value
            ],
        }


def school_years_present(db: Database) -> list[SchoolYear]:
    with db.sessions() as session:
        years = session.scalars(select(PupilRecordRow.school_year).distinct()).all()
    return [SchoolYear(y) for y in sorted(years)]


def pupil_matrix(
    db: Database,
    year: SchoolYear,
    edu_type: EduType | None = None,
    reference: Reference | None = None,
) -> Matrix:
    """Count each pupil once, in the cell of the record active on the peildatum."""
    reference = reference or load_reference()
    record = PupilRecordRow
    with db.sessions() as session:
        peildatum = peildatum_of(session, year)
        query = (
            select(
                record.residence,
                record.school_municipality,
                func.count(record.pseudonym.distinct()),
            )
            .where(record.school_year == year.start_year)
            .where(or_(record.start_date.is_(None), record.start_date <= peildatum))
            .where(or_(record.end_date.is_(None), record.end_date >= peildatum))
            .group_by(record.residence, record.school_municipality)
        )
        if edu_type is not None:
            query = query.where(record.edu_type == str(edu_type))
        cells = {(r, s): n for r, s, n in session.execute(query) if n}
    participants = reference.region_members(peildatum)
    return Matrix(year, peildatum, "pupils", cells, tuple(participants))
