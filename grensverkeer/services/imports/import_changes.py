"""What one import changes in the school year's matrix, counted by the program's own rules.

The summary of an import (command line and wizard) shows the pupils of the file per
municipality of residence, the matrix cells it changes (before → after), how many of its
pupils are outside the region and how many rows had no known residence. Everything is counted
with :mod:`grensverkeer.counting`, so it is what the matrix page will show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from grensverkeer.counting import Cell, CountedRecord, CountRules, peildatum_cells, pupil_cells
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.pupil_columns import PupilColumns

#: Problems that mean the row's residence is not known.
RESIDENCE_CODES = frozenset(
    {
        "woongemeente_onbekend",
        "woongemeente_ontbreekt",
        "woonplaats_onbekend",
        "woonplaats_dubbelzinnig",
        "postcode_onbekend",
    }
)

Number = int | Fraction


@dataclass(frozen=True, slots=True)
class CellChange:
    residence: str
    school: str
    before: Number
    after: Number


@dataclass(frozen=True, slots=True)
class ImportChanges:
    """What a file adds to its school year (on the peildatum, or naar rato)."""

    counted: Number  # pupils of this file that count
    by_residence: tuple[tuple[str, Number], ...]  # most first
    cells: tuple[CellChange, ...]  # the cells whose value changes, most changed first
    outside_region: Number  # of ``counted``: living or at school outside the participants
    unknown_residence: int  # rows left out because their residence is not known


def counted_records(pupils: PupilColumns) -> list[CountedRecord]:
    """The records of a parsed file as counting takes them."""
    return list(
        map(
            CountedRecord._make,
            zip(
                pupils.pseudonym,
                pupils.residence,
                pupils.school_municipality,
                pupils.edu_type,
                pupils.arrangement,
                pupils.start,
                pupils.end,
                pupils.cost_cents,
                pupils.pupils,
                strict=True,
            ),
        )
    )


def changes_of(
    before: Sequence[CountedRecord],
    new: PupilColumns,
    rules: CountRules,
    participants: Iterable[str],
    issues: Iterable[ImportIssue],
) -> ImportChanges:
    """Compare the year's matrix without and with the new records (a file of one record per
    pupil is counted column by column, without a record object per row)."""
    members = set(participants)
    mine = peildatum_cells(
        new.pseudonym,
        new.residence,
        new.school_municipality,
        new.start,
        new.end,
        new.pupils,
        rules,
    )
    if mine is None:
        mine = pupil_cells(counted_records(new), rules)
    old = pupil_cells(before, rules)
    known = {r.pseudonym for r in before}
    if known and not known.isdisjoint(new.pseudonym):
        after = pupil_cells([*before, *counted_records(new)], rules)  # a pupil in both
    else:
        after = dict(old)
        for cell, value in mine.items():
            after[cell] = after.get(cell, Fraction(0)) + value
    residences: dict[str, Fraction] = {}
    for (home, _school), value in mine.items():
        residences[home] = residences.get(home, Fraction(0)) + value
    changed = [
        CellChange(home, school, _plain(old.get(cell, 0)), _plain(after.get(cell, 0)))
        for cell in sorted(set(old) | set(after))
        if old.get(cell, 0) != after.get(cell, 0)
        for home, school in (cell,)
    ]
    changed.sort(key=lambda c: (-abs(Fraction(c.after) - c.before), c.residence, c.school))
    unknown = {
        (i.sheet, i.row)
        for i in issues
        if i.code in RESIDENCE_CODES and i.severity is Severity.ERROR and i.row is not None
    }
    return ImportChanges(
        counted=_plain(sum(mine.values(), Fraction(0))),
        by_residence=tuple(
            (home, _plain(value))
            for home, value in sorted(residences.items(), key=lambda item: (-item[1], item[0]))
        ),
        cells=tuple(changed),
        outside_region=_plain(sum(v for c, v in mine.items() if not _inside(c, members))),
        unknown_residence=len(unknown),
    )


def _inside(cell: Cell, members: set[str]) -> bool:
    return cell[0] in members and cell[1] in members


def _plain(value: Number) -> Number:
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value)
    return value
