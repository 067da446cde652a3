"""The pupils behind one matrix cell, pseudonymised, counted exactly as the matrix counts.

The records are counted with ``grensverkeer.counting.counted`` and the year's rules, so on the
peildatum the list holds exactly as many pupils as the cell shows (naar rato: every record
that touches the year, each with its share). No BSN and no name exist in the database; the
pseudonym is shortened to eight characters, enough to tell pupils apart on a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select

from grensverkeer.counting import CountedRecord, counted
from grensverkeer.domain import EduType
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, RecordFilter
from grensverkeer.services.years.membership import members_on
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PupilRecordRow, SchoolLocationRow

OUTSIDE_REGION = "buiten de regio"
"""As residence or school: every municipality that is not a participant of the school year."""

PSEUDONYM_LENGTH = 8


@dataclass(frozen=True, slots=True)
class CellPupil:
    pseudonym: str  # the first eight characters of the keyed pseudonym
    brinvest: str
    school_name: str
    edu_type: EduType
    arrangement: str
    start: date | None
    end: date | None
    residence: str
    school_municipality: str
    weight: Fraction = Fraction(1)  # 1 on the peildatum; the share of the year naar rato


def pupils_in_cell(
    db: Database,
    year: SchoolYear,
    residence: str | None,
    school_code: str | None,
    edu_type: EduType | None = None,
    *,
    swv: str | None = None,
    arrangement: str | None = None,
    reference: Reference | None = None,
) -> list[CellPupil]:
    """The pupils counted in the cell (residence, school municipality) of the school year.

    ``residence`` and ``school_code`` are CBS codes, ``OUTSIDE_REGION`` for every
    non-participant together, or None for any municipality (a row or column total).
    ``edu_type``, ``swv`` and ``arrangement`` filter as ``services.matrices.matrix_filters`` does.
    """
    settings = year_settings(db, year)
    members = frozenset(members_on(db, settings.peildatum))
    keep = RecordFilter(MatrixFilter(edu_type, swv, arrangement), reference)
    query = select(
        PupilRecordRow.pseudonym,
        PupilRecordRow.residence,
        PupilRecordRow.school_municipality,
        PupilRecordRow.edu_type,
        PupilRecordRow.arrangement,
        PupilRecordRow.start_date,
        PupilRecordRow.end_date,
        PupilRecordRow.cost_cents,
        PupilRecordRow.brin,
        PupilRecordRow.vestiging,
        PupilRecordRow.pupil_count,
    ).where(PupilRecordRow.school_year == year.start_year)
    if edu_type is not None:
        query = query.where(PupilRecordRow.edu_type == str(edu_type))
    with db.sessions() as session:
        rows = session.execute(query).all()
    records: list[CountedRecord] = []
    brinvest: dict[int, str] = {}
    for pseudonym, home, school, kind, arr, start, end, cost, brin, vestiging, count in rows:
        record = CountedRecord(
            pseudonym, home, school, EduType(kind), arr or "", start, end, cost, count
        )
        records.append(record)
        brinvest[id(record)] = brin + vestiging
    chosen = [
        (record, weight)
        for record, weight in counted(records, settings.rules)
        if _matches(record.residence, residence, members)
        and _matches(record.school, school_code, members)
        and keep(record)
    ]
    names = school_names(db, {brinvest[id(record)] for record, _weight in chosen})
    pupils = [
        CellPupil(
            record.pseudonym[:PSEUDONYM_LENGTH],
            brinvest[id(record)],
            names.get(brinvest[id(record)], ""),
            EduType(record.edu_type),
            record.arrangement,
            record.start,
            record.end,
            record.residence,
            record.school,
            weight,
        )
        for record, weight in chosen
    ]
    return sorted(pupils, key=lambda p: (p.school_name.casefold(), p.brinvest, p.pseudonym))


def _matches(code: str, wanted: str | None, members: frozenset[str]) -> bool:
    if wanted is None:
        return True
    if wanted == OUTSIDE_REGION:
        return code not in members
    return code == wanted


def school_names(db: Database, brinvests: set[str]) -> dict[str, str]:
    """The name of each school location; the most recent school list wins."""
    if not brinvests:
        return {}
    brins = sorted({code[:4] for code in brinvests})
    with db.sessions() as session:
        rows = session.execute(
            select(SchoolLocationRow.brin, SchoolLocationRow.vestiging, SchoolLocationRow.name)
            .where(SchoolLocationRow.brin.in_(brins))
            .order_by(SchoolLocationRow.import_id)
        ).all()
    return {brin + vestiging: name for brin, vestiging, name in rows}
