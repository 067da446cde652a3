"""After the first assignment: the checks headers cannot make, and the questions left for users.

A :class:`Draft` is one reading of a sheet as one kind of file, under construction. The checks
either settle a point from the data (the school's own place is set aside, a qualified
residence column beats an unqualified one that disagrees with it) or turn it into a
:class:`~grensverkeer.importing.layout.Question` that stops the import until the user chooses.
A user's own choice is never questioned again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from grensverkeer.domain import FileKind
from grensverkeer.importing.assignment import best_assignment
from grensverkeer.importing.date_formats import (
    TWO_DIGIT_YEAR,
    DateReading,
    Order,
    decide,
    parser,
    two_digit_window,
)
from grensverkeer.importing.field_scores import Fit
from grensverkeer.importing.fields import FIELDS, RESIDENCE_FIELDS, SHARED, Field
from grensverkeer.importing.header_words import HeaderSense, Owner
from grensverkeer.importing.layout import Looks, Question, QuestionCode, SheetLayout
from grensverkeer.importing.layout_readings import readings
from grensverkeer.importing.profile import ColumnProfile
from grensverkeer.importing.residence_checks import (
    DISAGREE_SHARE,
    compare,
    is_schools_own,
    merged,
    residence_codes,
    school_codes,
)
from grensverkeer.importing.same_headers import same_header_questions
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import clean_text, is_empty
from grensverkeer.importing.vocabulary import Concept
from grensverkeer.reference import Reference

UNSURE_BELOW = 0.6


@dataclass(slots=True)
class Draft:
    """One reading of a sheet as one kind of file, while it is being checked."""

    kind: FileKind
    row: int
    headers: list[str]
    groups: tuple[str, ...]
    senses: list[HeaderSense]
    profiles: list[ColumnProfile]
    fits: list[dict[Field, Fit]]
    sample: list[list[object]]
    rows: Sequence[Sequence[object]]
    reference: Reference
    schools: SchoolIndex
    fixed: dict[Field, int]
    excluded: set[int]
    assigned: dict[Field, int] = field(default_factory=dict)
    total: float = 0.0
    shared: dict[int, Field] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)
    warned: set[int] = field(default_factory=set)
    questions: list[Question] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dates: dict[int, DateReading] = field(default_factory=dict)
    count_parts: tuple[int, ...] = ()
    date_order: Order | None = None

    def score(self, field_: Field, column: int) -> float:
        if self.fixed.get(field_) == column:
            return 1.0
        fit = self.fits[column].get(field_)
        return fit.score if fit else 0.0

    def column(self, index: int) -> list[object]:
        return [row[index] for row in self.sample]

    def drop(self, column: int, reason: str, *, warn: bool = True) -> None:
        """Set a column aside: it is not read as anything, and the summary says why."""
        self.excluded.add(column)
        self.reasons[column] = reason
        if warn:
            self.warned.add(column)
        for f, c in list(self.assigned.items()):
            if c == column and self.fixed.get(f) != column:
                del self.assigned[f]


def check(draft: Draft) -> None:
    """Assign, then settle or ask what the assignment alone cannot know."""
    assign(draft)
    if draft.kind is not FileKind.SCHOOLS:
        _schools_own(draft)
        _residence_agreement(draft)
    _duplicates(draft)
    same_header_questions(draft)
    if draft.kind is FileKind.PUPILS:
        _date_roles(draft)
        _date_orders(draft)
    if draft.kind is FileKind.COUNTS and Field.COUNT not in draft.assigned:
        _count_parts(draft)
    _unsure(draft)
    if draft.kind is not FileKind.SCHOOLS:
        _only_the_schools_place(draft)


def assign(draft: Draft) -> None:
    taken = set(draft.fixed.values()) | draft.excluded
    scores = {
        f: {i: fits[f].score for i, fits in enumerate(draft.fits) if f in fits and i not in taken}
        for f in FIELDS[draft.kind]
        if f not in draft.fixed
    }
    draft.assigned = {**draft.fixed, **best_assignment(scores)}
    draft.total = sum(draft.score(f, c) for f, c in draft.assigned.items())


def finish(draft: Draft) -> SheetLayout:
    return SheetLayout(
        kind=draft.kind,
        row_index=draft.row,
        columns=dict(draft.assigned),
        readings=readings(draft),
        dates=dict(draft.dates),
        questions=tuple(draft.questions),
        notes=tuple(draft.notes),
        count_parts=draft.count_parts,
    )


def _unqualified(draft: Draft, column: int) -> bool:
    return draft.senses[column].owner is None and column not in draft.fixed.values()


def _residence_columns(draft: Draft) -> dict[int, Field]:
    return {c: f for f, c in draft.assigned.items() if f in RESIDENCE_FIELDS}


def _codes(draft: Draft, column: int, field_: Field) -> list[str | None]:
    return residence_codes(draft.column(column), field_, draft.reference)


def _schools_own(draft: Draft) -> None:
    """An unqualified place or municipality that follows the school is the school's."""
    for _round in range(len(draft.headers)):
        school = school_codes(draft.sample, draft.assigned, draft.schools)
        candidates = _residence_candidates(draft)
        codes = {c: _codes(draft, c, f) for c, f in candidates.items()}
        found = None
        for column in candidates:
            if not _unqualified(draft, column):
                continue
            others = merged([codes[c] for c in candidates if c != column])
            if is_schools_own(codes[column], school, others):
                found = column
                break
        if found is None:
            return
        same = compare(codes[found], school)
        draft.drop(
            found,
            f"gelijk aan de gemeente van de vestiging op {same.same} van {same.compared} rijen",
            warn=False,
        )
        draft.shared[found] = Field.SCHOOL_PLACE
        assign(draft)


def _residence_candidates(draft: Draft) -> dict[int, Field]:
    found = _residence_columns(draft)
    for column, fits in enumerate(draft.fits):
        if column in found or column in draft.excluded:
            continue
        options = [(fits[f].score, f) for f in RESIDENCE_FIELDS if f in fits]
        best = max(options, default=None)
        if best is not None and best[0] >= 0.5:
            found[column] = best[1]
    return found


def _residence_agreement(draft: Draft) -> None:
    """Residence columns that disagree on many rows: a qualified one wins, else ask."""
    chosen_by_user = [c for f, c in draft.fixed.items() if f in RESIDENCE_FIELDS]
    candidates = _residence_candidates(draft)
    codes = {c: _codes(draft, c, f) for c, f in candidates.items()}
    asked: set[int] = set()
    details = []
    columns = sorted(candidates)
    for i, one in enumerate(columns):
        for other in columns[i + 1 :]:
            if one in draft.excluded or other in draft.excluded:
                continue
            result = compare(codes[one], codes[other])
            differ = result.compared - result.same
            if differ < 2 or differ <= DISAGREE_SHARE * result.compared:
                continue
            evidence = f"{differ} van {result.compared} rijen"
            loser = _loser(draft, one, other, chosen_by_user)
            if loser is not None:
                winner = other if loser == one else one
                draft.drop(
                    loser,
                    f"verschilt van ‘{draft.headers[winner]}’ op {evidence}",
                )
                continue
            asked.update((one, other))
            details.append(f"‘{draft.headers[one]}’ en ‘{draft.headers[other]}’: {evidence}")
    if asked:
        pair = tuple(sorted(asked))
        draft.questions.append(
            Question(
                QuestionCode.RESIDENCE,
                _residence_order(draft, pair[0]),
                pair,
                "verschillen op " + "; ".join(details),
            )
        )
    assign(draft)


def _loser(draft: Draft, one: int, other: int, chosen: list[int]) -> int | None:
    """Which of two disagreeing residence columns to set aside, if the headers tell."""
    if chosen:
        if one in chosen and other not in chosen:
            return other
        if other in chosen and one not in chosen:
            return one
        return None
    pupil = [draft.senses[c].owner is Owner.PUPIL for c in (one, other)]
    if pupil == [True, False]:
        return other
    if pupil == [False, True]:
        return one
    return None


def _duplicates(draft: Draft) -> None:
    """Two columns that fit one field equally well, but hold other values: ask."""
    for field_, column in list(draft.assigned.items()):
        if field_ in RESIDENCE_FIELDS or field_ in draft.fixed:
            continue
        level = draft.score(field_, column) - 0.05
        rivals = [
            c
            for c, fits in enumerate(draft.fits)
            if c != column
            and c not in draft.excluded
            and c not in draft.assigned.values()
            and field_ in fits
            and fits[field_].score >= level
        ]
        differing = [c for c in rivals if _differ(draft, field_, column, c)]
        if differing:
            draft.questions.append(
                Question(QuestionCode.DUPLICATE, (field_,), (column, *differing))
            )


def _differ(draft: Draft, field_: Field, one: int, other: int) -> bool:
    normal = _normaliser(draft, field_, one), _normaliser(draft, field_, other)
    pairs = [
        (normal[0](a), normal[1](b))
        for a, b in zip(draft.column(one), draft.column(other), strict=True)
        if not is_empty(a) and not is_empty(b)
    ]
    differ = sum(1 for a, b in pairs if a != b)
    return differ >= 2 and differ > DISAGREE_SHARE * len(pairs)


def _normaliser(draft: Draft, field_: Field, column: int) -> Callable[[object], object]:
    if field_ in (Field.START, Field.END):
        parse = parser(draft.profiles[column].date)

        def as_date(value: object) -> object:
            try:
                return parse(value)
            except ValueError:
                return value

        return as_date
    return lambda value: clean_text(value).upper()


def _looks_like_dates(draft: Draft, column: int) -> bool:
    profile = draft.profiles[column]
    return profile.share(Looks.DATE) >= 0.8 and profile.date.shapes != ("serieel getal",)


def _date_roles(draft: Draft) -> None:
    """A date column whose header does not say start or end, while one of them is missing."""
    unclear = [
        c
        for c in range(len(draft.headers))
        if c not in draft.excluded
        and c not in draft.assigned.values()
        and _looks_like_dates(draft, c)
        and draft.senses[c].date_role is None
        and not any(f not in SHARED for f in draft.fits[c])
        and not draft.senses[c].concepts & {Concept.PERSONAL, Concept.NAME}
    ]
    missing = tuple(f for f in (Field.START, Field.END) if f not in draft.assigned)
    if unclear and missing:
        draft.questions.append(
            Question(QuestionCode.DATE_ROLE, (*missing, Field.IGNORED), tuple(unclear))
        )


def _date_orders(draft: Draft) -> None:
    """Decide day-month order over all values of the date columns; ask where it matters."""
    used = [draft.assigned[f] for f in (Field.START, Field.END) if f in draft.assigned]
    decided_us = any(
        p.date.order is Order.MDY and p.date.order_decided
        for p in draft.profiles
        if p.share(Looks.DATE) >= 0.8
    )
    prefer = draft.date_order or (Order.MDY if decided_us else None)
    body = draft.rows[draft.row + 1 :]
    for column in used:
        try:  # at C speed: every row of a spreadsheet is as wide as the sheet
            values = set(map(itemgetter(column), body))
        except IndexError:  # a csv's short rows
            values = {row[column] for row in body if column < len(row)}
        reading = decide(values, prefer)
        draft.dates[column] = reading
        if TWO_DIGIT_YEAR in reading.shapes:
            draft.notes.append(
                f"de datums in ‘{draft.headers[column]}’ hebben soms een jaartal van twee "
                f"cijfers; gelezen als {two_digit_window()}"
            )
        if reading.order_decided or draft.date_order is not None:
            continue
        if reading.order_matters:
            draft.questions.append(Question(QuestionCode.DATE_ORDER, (), (column,)))
        else:
            draft.notes.append(
                f"de datums in ‘{draft.headers[column]}’ zijn gelezen als "
                f"{reading.order}; geen enkele waarde sluit de andere volgorde uit, maar "
                "voor de telling op de peildatum maakt het geen verschil"
            )


def _count_parts(draft: Draft) -> None:
    draft.count_parts = tuple(
        c
        for c, s in enumerate(draft.senses)
        if Concept.COUNT_PART in s.concepts
        and c not in draft.excluded
        and draft.profiles[c].whole >= 0.9
    )


def _only_the_schools_place(draft: Draft) -> None:
    """No residence left but a place set aside as the school's: say so, and let the user
    say it is the pupil's after all."""
    if set(RESIDENCE_FIELDS) & draft.assigned.keys():
        return
    aside = tuple(c for c, f in draft.shared.items() if f is Field.SCHOOL_PLACE)
    if aside:
        reasons = "; ".join(draft.reasons[c] for c in aside)
        fields = _residence_order(draft, aside[0])
        draft.questions.append(Question(QuestionCode.SCHOOLS_PLACE, fields, aside, reasons))


def _residence_order(draft: Draft, column: int) -> tuple[Field, ...]:
    """The residence fields, the one this column's header names first."""
    concepts = draft.senses[column].concepts
    first = (
        Field.POSTCODE
        if Concept.POSTCODE in concepts
        else Field.PLACE
        if Concept.PLACE in concepts
        else Field.RESIDENCE
    )
    return (first, *(f for f in RESIDENCE_FIELDS if f is not first))


def _unsure(draft: Draft) -> None:
    """A needed field read with little confidence: ask rather than count with it."""
    groups: list[tuple[Field, ...]] = [RESIDENCE_FIELDS, (Field.BRINVEST, Field.BRIN)]
    if draft.kind is FileKind.PUPILS:
        groups.append((Field.BSN,))
    for group in groups:
        present = [
            (draft.score(f, draft.assigned[f]), draft.assigned[f])
            for f in group
            if f in draft.assigned
        ]
        if present and max(present)[0] < UNSURE_BELOW:
            draft.questions.append(
                Question(QuestionCode.UNSURE, group, tuple(c for _s, c in present))
            )
