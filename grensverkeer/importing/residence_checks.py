"""Whose place is it? Row-by-row checks on the sample that headers alone cannot make.

A ``Plaats`` or ``Gemeente`` column without a qualifier may be the school's: it then equals the
municipality of the row's school location on nearly every row, also where the pupil's other
residence columns say the pupil lives elsewhere. Two residence columns that disagree on many
rows cannot both be the pupil's residence. Both checks compare municipality codes, so
``Naaldwijk``, ``Westland``, ``GM1783`` and ``2671`` are the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from grensverkeer.importing.fields import Field
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import is_empty, parse_brin, parse_brinvest, parse_vestiging
from grensverkeer.reference import Reference

Codes = list[str | None]
#: The share of rows that makes a column the school's, or two columns disagree.
SCHOOL_SHARE = 0.9
DISAGREE_SHARE = 0.1
MIN_ROWS = 5


def residence_codes(values: Sequence[object], field: Field, reference: Reference) -> Codes:
    """The municipality each value points to, as a residence column of that field."""
    resolve = {
        Field.RESIDENCE: reference.resolve_municipality,
        Field.PLACE: reference.resolve_place,
        Field.POSTCODE: reference.resolve_postcode,
    }[field]
    memo: dict[object, str | None] = {}
    codes: Codes = []
    for value in values:
        if value not in memo:
            memo[value] = None if is_empty(value) else resolve(value).code
        codes.append(memo[value])
    return codes


def school_codes(
    rows: Sequence[Sequence[object]], columns: dict[Field, int], schools: SchoolIndex
) -> Codes:
    """The municipality of each row's school location, where the row names a known one."""

    def cell(row: Sequence[object], field: Field) -> object:
        index = columns.get(field)
        return None if index is None or index >= len(row) else row[index]

    codes: Codes = []
    for row in rows:
        location = None
        try:
            if not is_empty(combined := cell(row, Field.BRINVEST)):
                brin, vestiging = parse_brinvest(combined)
                location = schools.locations.get(brin + vestiging)
            elif not is_empty(brin_cell := cell(row, Field.BRIN)):
                brin = parse_brin(brin_cell)
                vest_cell = cell(row, Field.VESTIGING)
                known = schools.by_brin.get(brin, [])
                if not is_empty(vest_cell):
                    location = schools.locations.get(brin + parse_vestiging(vest_cell, brin))
                elif len(known) == 1 or "00" in known:
                    location = schools.locations.get(brin + (known[0] if len(known) == 1 else "00"))
        except ValueError:
            location = None
        codes.append(location.municipality if location else None)
    return codes


@dataclass(frozen=True, slots=True)
class Comparison:
    same: int
    compared: int

    @property
    def share(self) -> float:
        return self.same / self.compared if self.compared else 0.0


def compare(one: Codes, other: Codes) -> Comparison:
    pairs = [(a, b) for a, b in zip(one, other, strict=True) if a and b]
    return Comparison(sum(1 for a, b in pairs if a == b), len(pairs))


def is_schools_own(column: Codes, school: Codes, pupil: Codes) -> bool:
    """Whether an unqualified locality column is the school's rather than the pupil's.

    It is when it equals the school's municipality on nearly every row, and, on the rows
    where the pupil's other residence columns name another municipality than the school's,
    it still follows the school.
    """
    with_school = compare(column, school)
    if with_school.compared < MIN_ROWS or with_school.share < SCHOOL_SHARE:
        return False
    pupil = pupil or [None] * len(column)
    elsewhere = [
        i for i, (p, s) in enumerate(zip(pupil, school, strict=True)) if p and s and p != s
    ]
    telling = [i for i in elsewhere if column[i]]
    if len(telling) < 2:
        return True  # nothing else to go by: it is the school's place on nearly every row
    follows_school = sum(1 for i in telling if column[i] == school[i])
    return follows_school / len(telling) >= 0.8


def merged(columns: Sequence[Codes]) -> Codes:
    """Per row, the first column that names a municipality (the residence reading order)."""
    if not columns:
        return []
    return [next((c for c in row if c), None) for row in zip(*columns, strict=True)]
