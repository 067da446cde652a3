"""Counting rule 2: one pupil counts once per school year, across every file.

An identical record (same residence, school, type and dates) is merged silently and counted
in the summary. Two records of one pupil that are both active on the peildatum but differ in
residence, school or type are a conflict the user must resolve.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from grensverkeer.domain import PupilRecord
from grensverkeer.importing.pupil_columns import PupilColumns


@dataclass(frozen=True, slots=True)
class Clash:
    record: PupilRecord
    earlier: PupilRecord
    where: str  # where the earlier record is, in words: "rij 12" or "import 3"


@dataclass(slots=True)
class Reconciled:
    kept: list[int] = field(default_factory=list)  # indexes into the new records
    merged: list[Clash] = field(default_factory=list)
    conflicts: list[Clash] = field(default_factory=list)


def _cell(record: PupilRecord) -> tuple[str, str, str]:
    return record.residence, record.brinvest, record.edu_type


def reconcile(
    pupils: PupilColumns,
    known: Mapping[str, Iterable[tuple[PupilRecord, str]]],
    peildatum: date,
    where: Callable[[PupilRecord], str] = lambda r: f"blad ‘{r.sheet}’, rij {r.row}",
) -> Reconciled:
    """Split new records into kept, merged duplicates and conflicts, against earlier ones.

    ``where`` words a record's place in the file, for the messages. Only pseudonyms that
    occur more than once (here or before) are looked at record by record.
    """
    distinct = set(pupils.pseudonym)
    if len(distinct) == len(pupils):  # at C speed: the usual file, each pupil once
        repeated = distinct.intersection(known)
    else:
        counts = Counter(pupils.pseudonym)
        repeated = {p for p, n in counts.items() if n > 1} | (counts.keys() & known.keys())
    result = Reconciled()
    if not repeated:
        result.kept = list(range(len(pupils)))
        return result
    seen: dict[str, list[tuple[PupilRecord, str]]] = {}
    for index, pseudonym in enumerate(pupils.pseudonym):
        if pseudonym not in repeated:
            result.kept.append(index)
            continue
        record = pupils.record(index)
        earlier = seen.get(pseudonym)
        if earlier is None:
            earlier = seen[pseudonym] = list(known.get(pseudonym, ()))
        clash = _clash(record, earlier, peildatum)
        if clash is None:
            result.kept.append(index)
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
