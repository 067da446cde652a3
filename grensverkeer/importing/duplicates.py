"""Counting rule 2: one pupil counts once per school year, across every file.

An identical record (same residence, school, type and dates) is merged silently and counted
in the summary. Two records of one pupil that are both active on the peildatum but differ in
residence, school or type are a conflict the user must resolve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from grensverkeer.domain import PupilRecord


@dataclass(frozen=True, slots=True)
class Clash:
    record: PupilRecord
    earlier: PupilRecord
    where: str  # where the earlier record is, in words: "rij 12" or "import 3"


@dataclass(slots=True)
class Reconciled:
    kept: list[PupilRecord] = field(default_factory=list)
    merged: list[Clash] = field(default_factory=list)
    conflicts: list[Clash] = field(default_factory=list)


def _cell(record: PupilRecord) -> tuple[str, str, str]:
    return record.residence, record.brinvest, record.edu_type


def reconcile(
    records: Sequence[PupilRecord],
    known: Mapping[str, Iterable[tuple[PupilRecord, str]]],
    peildatum: date,
    where: Callable[[PupilRecord], str] = lambda r: f"blad ‘{r.sheet}’, rij {r.row}",
) -> Reconciled:
    """Split new records into kept, merged duplicates and conflicts, against earlier ones.

    ``where`` words a record's place in the file, for the messages.
    """
    seen: dict[str, list[tuple[PupilRecord, str]]] = {}
    result = Reconciled()
    for record in records:
        earlier = seen.get(record.pseudonym)
        if earlier is None:
            earlier = seen[record.pseudonym] = list(known.get(record.pseudonym, ()))
        clash = _clash(record, earlier, peildatum)
        if clash is None:
            result.kept.append(record)
            earlier.append((record, where(record)))
        elif clash.record.same_enrolment(clash.earlier):
            result.merged.append(clash)
        else:
            result.conflicts.append(clash)
    return result


def _clash(
    record: PupilRecord, earlier: list[tuple[PupilRecord, str]], peildatum: date
) -> Clash | None:
    active = record.active_on(peildatum)
    for other, where in earlier:
        if record.same_enrolment(other):
            return Clash(record, other, where)
    for other, where in earlier:
        if active and other.active_on(peildatum) and _cell(record) != _cell(other):
            return Clash(record, other, where)
    return None
