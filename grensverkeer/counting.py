"""The counting rules turned into numbers: pupils and amounts per (residence, school) cell.

Pure functions on plain records, so the matrix, the settlement and the documents all count
the same way. On the peildatum a pupil counts once, in the cell of the record active that
day. "Naar rato" counts every record that touches the school year for the share of the year
it covers; identical records (the same enrolment in two files) count once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from itertools import compress
from typing import NamedTuple

from grensverkeer.domain import EduType
from grensverkeer.money import round_cents
from grensverkeer.schoolyear import SchoolYear

Cell = tuple[str, str]


class CountedRecord(NamedTuple):
    """What counting needs of a stored pupil record.

    A named tuple rather than a dataclass: a school year's 100,000 records are made in a
    fraction of the time, and it is as immutable.
    """

    pseudonym: str
    residence: str
    school: str
    edu_type: EduType
    arrangement: str
    start: date | None
    end: date | None
    cost_cents: int | None
    pupils: int = 1  # a DUO count row stands for several pupils


@dataclass(frozen=True, slots=True)
class CountRules:
    """How a school year is counted: its peildatum and the two options users choose."""

    school_year: SchoolYear
    peildatum: date
    pro_rata: bool = False
    actual_cost: bool = False


@dataclass(frozen=True, slots=True)
class Tariffs:
    """Tariffs of one school year: (type, arrangement) → cents; arrangement "" is general."""

    cents: Mapping[tuple[str, str], int]

    def for_record(self, edu_type: str, arrangement: str) -> int | None:
        """The arrangement's own tariff first, else the type's general tariff."""
        specific = self.cents.get((edu_type, arrangement))
        return specific if specific is not None else self.cents.get((edu_type, ""))


@dataclass(frozen=True, slots=True)
class MissingTariff:
    edu_type: str
    pupils: int


@dataclass(frozen=True, slots=True)
class AmountCount:
    cells: dict[Cell, int]
    missing: tuple[MissingTariff, ...]
    by_actual_cost: int  # records priced by their own cost


def counted(
    records: Iterable[CountedRecord], rules: CountRules
) -> list[tuple[CountedRecord, Fraction]]:
    """Each record that counts, with its weight: 1 on the peildatum, or its share of the year."""
    if not rules.pro_rata:
        return [(record, Fraction(record.pupils)) for record in _on_peildatum(records, rules)]
    year = rules.school_year
    unique = {
        (r.pseudonym, r.residence, r.school, r.edu_type, r.start, r.end): r
        for r in sorted(records, key=_order, reverse=True)
    }
    weighted = []
    for record in sorted(unique.values(), key=_order):
        start = max(record.start or year.first_day, year.first_day)
        end = min(record.end or year.last_day, year.last_day)
        if end >= start:
            share = Fraction((end - start).days + 1, year.days)
            weighted.append((record, share * record.pupils))
    return weighted


def _on_peildatum(records: Iterable[CountedRecord], rules: CountRules) -> list[CountedRecord]:
    """Per pupil the record that counts on the peildatum: of several active ones the first in
    :func:`_order` (and of equal ones the first given), so the result never depends on order.

    Most pupils have one active record; only they are compared, so a year of 100,000 records
    is not sorted as a whole.
    """
    day = rules.peildatum
    chosen: dict[str, CountedRecord] = {}
    for record in records:
        if (record.start is not None and record.start > day) or (
            record.end is not None and record.end < day
        ):
            continue
        other = chosen.get(record.pseudonym)
        if other is None or _order(record) < _order(other):
            chosen[record.pseudonym] = record
    return list(chosen.values())


def touching(
    starts: Sequence[date | None], ends: Sequence[date | None], first: date, last: date
) -> list[bool]:
    """Per record, whether its period (open where a date is missing) touches first..last;
    each distinct period is judged once (an extract has a few hundred start and end dates)."""
    periods = list(zip(starts, ends, strict=True))
    judged = {
        (start, end): (start is None or start <= last) and (end is None or end >= first)
        for start, end in dict.fromkeys(periods)
    }
    return list(map(judged.__getitem__, periods))


def peildatum_cells(
    pseudonyms: Sequence[str],
    residences: Sequence[str],
    schools: Sequence[str],
    starts: Sequence[date | None],
    ends: Sequence[date | None],
    pupils: Sequence[int],
    rules: CountRules,
) -> dict[Cell, Fraction] | None:
    """:func:`pupil_cells` of records given column by column, at C speed, where it counts the
    same: on the peildatum, every pupil with one record of one pupil (then each record active
    that day counts once in its cell). None for anything else: count the records."""
    size = len(pseudonyms)
    if rules.pro_rata or len(set(pseudonyms)) != size or pupils.count(1) != size:
        return None
    flags = touching(starts, ends, rules.peildatum, rules.peildatum)
    counts = Counter(compress(zip(residences, schools, strict=True), flags))
    return {key: Fraction(n) for key, n in counts.items()}


def pupil_cells(records: Iterable[CountedRecord], rules: CountRules) -> dict[Cell, Fraction]:
    """Pupils per cell: whole numbers on the peildatum, fractions of a year naar rato."""
    if not rules.pro_rata:
        whole: dict[Cell, int] = {}
        for record in _on_peildatum(records, rules):
            key = (record.residence, record.school)
            whole[key] = whole.get(key, 0) + record.pupils
        return {key: Fraction(n) for key, n in whole.items()}
    cells: dict[Cell, Fraction] = {}
    for record, weight in counted(records, rules):
        key = (record.residence, record.school)
        cells[key] = cells.get(key, Fraction(0)) + weight
    return cells


def price_of(record: CountedRecord, rules: CountRules, tariffs: Tariffs) -> int | None:
    """The one pricing rule: a record's own cost when the year uses actual costs and the
    extract gives one, else the tariff of its arrangement or type; None: it has no price."""
    if rules.actual_cost and record.cost_cents is not None:
        return record.cost_cents
    return tariffs.for_record(record.edu_type, record.arrangement)


def amount_cells(
    records: Iterable[CountedRecord], rules: CountRules, tariffs: Tariffs
) -> AmountCount:
    """Cents per cell; each cell rounded once, half up. Pupils without a tariff are counted
    per type and reported, never priced at zero."""
    exact: dict[Cell, Fraction] = {}
    missing: dict[str, int] = {}
    own_cost = 0
    for record, weight in counted(records, rules):
        price = price_of(record, rules, tariffs)
        if rules.actual_cost and record.cost_cents is not None:
            own_cost += record.pupils
        if price is None:
            missing[record.edu_type] = missing.get(record.edu_type, 0) + record.pupils
            continue
        key = (record.residence, record.school)
        exact[key] = exact.get(key, Fraction(0)) + price * weight
    cells = {key: round_cents(value) for key, value in exact.items() if value}
    return AmountCount(
        cells,
        tuple(MissingTariff(t, n) for t, n in sorted(missing.items())),
        own_cost,
    )


def _order(record: CountedRecord) -> tuple[object, ...]:
    """A total order, so the same records give the same result in any order."""
    return (
        record.pseudonym,
        record.start or date.min,
        record.end or date.max,
        record.residence,
        record.school,
        record.edu_type,
        record.arrangement,
        record.cost_cents or 0,
    )
