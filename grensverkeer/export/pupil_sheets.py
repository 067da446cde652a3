"""The export's sheets per school location and per education type, built from the counted
records themselves (with the school location each record is at)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select

from grensverkeer.counting import CountedRecord, CountRules, Tariffs, price_of
from grensverkeer.domain import EduType
from grensverkeer.export.contents import Column, Kind, Row, Sheet, Table, Value
from grensverkeer.export.sheet_parts import (
    SCHOOLS_SHEET,
    TOTAL,
    TYPES_SHEET,
    Layout,
    column_sums,
    whole,
)
from grensverkeer.money import split_largest_remainder
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import Matrix
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PupilRecordRow, SchoolLocationRow

NOT_IN_SCHOOL_LIST = "(niet in de scholenlijst)"


@dataclass(frozen=True, slots=True)
class SchoolRecord:
    """A counted record and the school location (brinvest) it is at."""

    record: CountedRecord
    brinvest: str


def records_with_school(db: Database, year: SchoolYear) -> list[SchoolRecord]:
    """The records ``load_records`` gives, with their school location. Ordered by location, so
    of two otherwise equal records of one pupil the first location is the one counted."""
    r = PupilRecordRow
    query = (
        select(
            r.pseudonym,
            r.residence,
            r.school_municipality,
            r.edu_type,
            r.arrangement,
            r.start_date,
            r.end_date,
            r.cost_cents,
            r.brin,
            r.vestiging,
            r.pupil_count,
        )
        .where(r.school_year == year.start_year)
        .order_by(r.brin, r.vestiging, r.id)
    )
    with db.sessions() as session:
        return [
            SchoolRecord(
                CountedRecord(p, res, s, EduType(t), a or "", start, end, cost, n), brin + vest
            )
            for p, res, s, t, a, start, end, cost, brin, vest, n in session.execute(query)
        ]


def _school_names(db: Database) -> dict[str, tuple[str, str]]:
    """brinvest → (name, place); of a location in several school lists the latest import wins."""
    s = SchoolLocationRow
    query = select(s.brin, s.vestiging, s.name, s.place).order_by(s.import_id, s.id)
    with db.sessions() as session:
        return {brin + vest: (name, place) for brin, vest, name, place in session.execute(query)}


def schools_sheet(
    db: Database,
    weighted: Sequence[tuple[CountedRecord, Fraction]],
    records: Sequence[SchoolRecord],
    layout: Layout,
    kind: Kind,
    counted_how: str,
) -> Sheet:
    location = {id(item.record): item.brinvest for item in records}
    per_school: dict[tuple[str, str], dict[str, Fraction]] = {}
    for record, weight in weighted:
        cell = per_school.setdefault((location[id(record)], record.school), {})
        cell[record.residence] = cell.get(record.residence, Fraction(0)) + weight
    known = _school_names(db)
    names, members = layout.names, layout.members

    def order(key: tuple[str, str]) -> tuple[object, ...]:
        brinvest, municipality = key
        name = known.get(brinvest, (NOT_IN_SCHOOL_LIST, ""))[0]
        return (municipality not in members, names(municipality).casefold(), name, brinvest)

    rows = []
    for key in sorted(per_school, key=order):
        brinvest, municipality = key
        name, place = known.get(brinvest, (NOT_IN_SCHOOL_LIST, ""))
        counts = per_school[key]
        values = [whole(counts.get(r, Fraction(0)), kind) for r in layout.residences]
        rows.append(
            Row(
                (
                    brinvest,
                    name,
                    place,
                    names(municipality),
                    *(v or None for v in values),
                    whole(sum(counts.values(), Fraction(0)), kind),
                ),
                outside=municipality not in members,
            )
        )
    columns = (
        Column("Brinvest"),
        Column("Naam"),
        Column("Plaats"),
        Column("Schoolgemeente"),
        *(Column(names(r), kind, outside=r not in members) for r in layout.residences),
        Column(TOTAL, kind),
    )
    width = len(layout.residences) + 1
    total = Row((TOTAL, None, None, None, *column_sums(rows, range(4, 4 + width))))
    return Sheet(
        SCHOOLS_SHEET,
        "per-school",
        "Leerlingen per schoolvestiging en woongemeente",
        (
            f"Geteld {counted_how}. Eén rij per vestiging; kolommen: woongemeente.",
            "Eerst de scholen in de deelnemende gemeenten, daarna grijs: scholen buiten de regio.",
        ),
        Table(columns, tuple(rows), total),
        freeze_columns=2,
    )


def _split_by_type(
    amounts: Matrix,
    weighted: Sequence[tuple[CountedRecord, Fraction]],
    rules: CountRules,
    tariffs: Tariffs,
) -> dict[tuple[str, str], int]:
    """(type, residence) → cents. Each matrix cell is split over the types in proportion to
    their exact amounts (largest remainder), so the parts add up to the matrix to the cent."""
    exact: dict[tuple[str, str], dict[str, Fraction]] = {}
    for record, weight in weighted:
        price = price_of(record, rules, tariffs)
        if price:
            parts = exact.setdefault((record.residence, record.school), {})
            parts[record.edu_type] = parts.get(record.edu_type, Fraction(0)) + price * weight
    result: dict[tuple[str, str], int] = {}
    for (residence, school), cents in amounts.cells.items():
        parts = exact.get((residence, school), {})
        if not parts:
            raise RuntimeError(f"bedrag {residence} → {school} zonder leerlingen met een prijs")
        scale = math.lcm(*(part.denominator for part in parts.values()))
        weights = {t: int(part * scale) for t, part in parts.items()}
        for edu_type, share in split_largest_remainder(int(cents), weights).items():
            key = (edu_type, residence)
            result[key] = result.get(key, 0) + share
    return result


def types_sheet(
    weighted: Sequence[tuple[CountedRecord, Fraction]],
    amounts: Matrix,
    tariffs: Tariffs,
    rules: CountRules,
    layout: Layout,
    kind: Kind,
    counted_how: str,
) -> Sheet:
    order = list(EduType)
    types = sorted({record.edu_type for record, _ in weighted}, key=order.index)
    pupils: dict[tuple[str, str], Fraction] = {}
    for record, weight in weighted:
        key = (record.edu_type, record.residence)
        pupils[key] = pupils.get(key, Fraction(0)) + weight
    cents = _split_by_type(amounts, weighted, rules, tariffs)
    names, members = layout.names, layout.members
    rows = []
    for r in layout.residences:
        values: list[Value] = [names(r)]
        for t in types:
            values += [whole(pupils.get((t, r), Fraction(0)), kind), cents.get((t, r), 0)]
        values += [
            whole(sum((pupils.get((t, r), Fraction(0)) for t in types), Fraction(0)), kind),
            sum(cents.get((t, r), 0) for t in types),
        ]
        rows.append(Row(tuple(values), outside=r not in members))
    columns = (
        Column("Woongemeente"),
        *(
            column
            for t in types
            for column in (Column(f"{t} leerlingen", kind), Column(f"{t} bedrag", Kind.MONEY))
        ),
        Column("Totaal leerlingen", kind),
        Column("Totaal bedrag", Kind.MONEY),
    )
    total = Row((TOTAL, *column_sums(rows, range(1, len(columns)))))
    return Sheet(
        TYPES_SHEET,
        "per-onderwijstype",
        "Leerlingen en bedragen per onderwijstype en woongemeente",
        (
            f"Geteld {counted_how}. Alle scholen, ook in de eigen gemeente; bedragen tellen op "
            f"tot de matrix bedragen.",
            "Eerst de deelnemers, daarna grijs: woongemeenten buiten de regio.",
        ),
        Table(columns, tuple(rows), total),
    )
