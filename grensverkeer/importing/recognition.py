"""Recognising a sheet: its header row, its kind (pupils, counts, schools) and every column.

The steps, per candidate header row (:mod:`header_row`):

1. read every header word by word (:mod:`header_words`), with its group header, and profile
   every column's values (:mod:`profile`);
2. score each column for each field, name and content together (:mod:`field_scores`);
3. assign columns to fields, the best total score (:mod:`assignment`), after the user's own
   choices (:mod:`choices`);
4. check what headers cannot tell and settle or ask (:mod:`layout_checks`): the school's own
   place standing in for the pupil's, residence columns that disagree, dates of unclear role
   or order, two columns equally fit for one field.

The kind is decided by what was found: a BSN column makes a pupil extract, a count column
without BSNs a DUO count file, and a sheet without pupil columns whose rows are locations a
school list.
"""

from __future__ import annotations

from collections.abc import Sequence

from grensverkeer.domain import FileKind
from grensverkeer.importing.choices import ColumnChoice, columns_named, fits_row
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.field_scores import fits
from grensverkeer.importing.fields import FIELDS, SHARED, Field, missing_fields
from grensverkeer.importing.header_row import group_labels, header_candidates, header_text
from grensverkeer.importing.header_words import HeaderSense, Owner, sense
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.layout_checks import Draft, check, finish
from grensverkeer.importing.profile import profile_column, sample_rows
from grensverkeer.importing.readers import Sheet
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.vocabulary import Concept
from grensverkeer.reference import Reference

_KINDS = (FileKind.PUPILS, FileKind.COUNTS, FileKind.SCHOOLS)
_PUPIL_SIGNS = frozenset({Concept.BSN, Concept.BIRTH, Concept.START, Concept.END})


def recognise(
    sheet: Sheet,
    reference: Reference,
    schools: SchoolIndex,
    choices: Sequence[ColumnChoice] = (),
    kind: FileKind | None = None,
    date_order: Order | None = None,
    header_row: int | None = None,
) -> SheetLayout | None:
    """The best reading of a sheet, complete or not; None when no row looks like a header.

    ``date_order`` is the user's answer to a day-month question, for every date column;
    ``header_row`` (0-based) the user's own choice of the header row.
    """
    rows = sheet.rows
    candidates = header_candidates(rows)
    if header_row is not None:
        candidates = [header_row] if 0 <= header_row < len(rows) else []
    elif choices:
        fitting = [i for i in range(min(len(rows), 40)) if fits_row(choices, _headers(rows[i]))]
        candidates = fitting[:1] or candidates
    best: Draft | None = None
    for row in candidates:
        for draft in _drafts(sheet, row, reference, schools, choices, kind, date_order):
            if best is None or _better(draft, best):
                best = draft
    return None if best is None else finish(best)


def _drafts(
    sheet: Sheet,
    row: int,
    reference: Reference,
    schools: SchoolIndex,
    choices: Sequence[ColumnChoice],
    kind: FileKind | None,
    date_order: Order | None,
) -> list[Draft]:
    rows = sheet.rows
    headers = _headers(rows[row])
    width = max(len(headers), max((len(r) for r in rows[row + 1 : row + 50]), default=0))
    headers = headers + [""] * (width - len(headers))
    groups = group_labels(rows, row, width, sheet.merged)
    senses = [sense(h, g) for h, g in zip(headers, groups, strict=True)]
    sample = [list(r) + [""] * (width - len(r)) for r in sample_rows(rows, row + 1)]
    profiles = [profile_column([r[i] for r in sample], reference, schools) for i in range(width)]
    fixed, ignored = _fixed(choices, headers)
    kinds = (kind,) if kind else _plausible_kinds(senses, fixed)
    drafts = []
    for candidate in kinds:
        draft = Draft(
            kind=candidate,
            row=row,
            headers=headers,
            groups=groups,
            senses=senses,
            profiles=profiles,
            fits=[fits(s, p, candidate) for s, p in zip(senses, profiles, strict=True)],
            sample=sample,
            rows=rows,
            reference=reference,
            schools=schools,
            fixed={f: i for f, i in fixed.items() if f in _allowed(candidate)},
            excluded=set(ignored),
            date_order=date_order,
        )
        check(draft)
        drafts.append(draft)
    return drafts


def _headers(cells: Sequence[object]) -> list[str]:
    return [header_text(c) for c in cells]


def _fixed(
    choices: Sequence[ColumnChoice], headers: Sequence[str]
) -> tuple[dict[Field, int], list[int]]:
    fixed: dict[Field, int] = {}
    ignored: list[int] = []
    for choice in choices:
        found = columns_named(choice.label, headers)
        if len(found) != 1:
            continue  # reported by the caller, who knows the file
        if choice.field is Field.IGNORED:
            ignored.append(found[0])
        else:
            fixed[choice.field] = found[0]
    return fixed, ignored


def _allowed(kind: FileKind) -> set[Field]:
    return set(FIELDS[kind]) | SHARED


def _plausible_kinds(
    senses: Sequence[HeaderSense], fixed: dict[Field, int]
) -> tuple[FileKind, ...]:
    """A sheet with pupil columns is no school list; a user's choice can settle the kind."""
    if Field.BSN in fixed:
        return (FileKind.PUPILS,)
    if Field.COUNT in fixed:
        return (FileKind.COUNTS,)
    school_only = {Field.MUNICIPALITY_CODE, Field.MUNICIPALITY_NAME, Field.SO_KIND}
    if school_only & fixed.keys():
        return (FileKind.SCHOOLS,)
    pupil_signs = any(s.owner is Owner.PUPIL or s.concepts & _PUPIL_SIGNS for s in senses)
    return (FileKind.PUPILS, FileKind.COUNTS) if pupil_signs else _KINDS


def _better(draft: Draft, best: Draft) -> bool:
    """Complete beats incomplete; then pupils over counts over school lists; then score."""
    return _rank(draft) > _rank(best)


def _rank(draft: Draft) -> tuple[int, int, float]:
    complete = not missing_fields(draft.kind, draft.assigned)
    kind_order = {
        FileKind.PUPILS: 3 if Field.BSN in draft.assigned else 0,
        FileKind.COUNTS: 2 if Field.COUNT in draft.assigned or draft.count_parts else 0,
        FileKind.SCHOOLS: 1,
    }[draft.kind]
    return (int(complete), kind_order, draft.total)
