"""Every column of a checked draft as the user will see it: what it is read as, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from grensverkeer.domain import FileKind
from grensverkeer.importing.fields import Field, shared
from grensverkeer.importing.header_words import DateRole, Owner
from grensverkeer.importing.layout import ColumnReading, Looks
from grensverkeer.importing.values import display, mask_bsn

if TYPE_CHECKING:
    from grensverkeer.importing.layout_checks import Draft

_PLACE_LIKE = (Looks.PLACE, Looks.MUNICIPALITY, Looks.POSTCODE)
_BROAD = (Looks.AMOUNT, Looks.COUNT)
SAMPLES = 5


def readings(draft: Draft) -> tuple[ColumnReading, ...]:
    by_column = {c: f for f, c in draft.assigned.items()}
    user_ignored = draft.excluded - set(draft.reasons)
    result = []
    for column, header in enumerate(draft.headers):
        field_ = by_column.get(column)
        confidence = draft.score(field_, column) if field_ else 0.0
        reason = draft.reasons.get(column, "")
        if field_ is None and column in user_ignored:
            field_, confidence, reason = Field.IGNORED, 1.0, "door u genegeerd"
        elif field_ is None and column not in draft.excluded:
            field_, confidence = _shared(draft, column)
        elif field_ is None:
            field_ = draft.shared.get(column)
            confidence = 1.0 if field_ else 0.0
        if field_ is not None and draft.fixed.get(field_) == column:
            reason = "door u gekozen"
        elif not reason and field_ is not None:
            fit = draft.fits[column].get(field_)
            reason = fit.reason if fit else ""
        result.append(
            ColumnReading(
                index=column,
                header=header,
                group=draft.groups[column],
                field=field_,
                confidence=round(confidence, 2),
                looks=_looks(draft, column),
                samples=_samples(draft, column, field_),
                reason=reason,
                warning=_warn(draft, column, field_),
            )
        )
    return tuple(result)


def _shared(draft: Draft, column: int) -> tuple[Field | None, float]:
    allowed = shared(draft.kind)
    options = [(fit.score, f) for f, fit in draft.fits[column].items() if f in allowed]
    if not options:
        return None, 0.0
    score, field_ = max(options)
    return field_, score


def _looks(draft: Draft, column: int) -> tuple[Looks, ...]:
    looks = draft.profiles[column].looks
    specific = tuple(k for k in looks if k not in _BROAD)
    return specific or looks


def _samples(draft: Draft, column: int, field_: Field | None) -> tuple[str, ...]:
    profile = draft.profiles[column]
    if field_ is Field.PERSONAL:
        return ("(persoonsgegevens: niet getoond)",) if profile.filled else ()
    if field_ is Field.BSN or Looks.BSN in profile.looks:
        return tuple(mask_bsn(v) for v in profile.samples[:SAMPLES])
    return tuple(display(v) for v in profile.samples[:SAMPLES])


def _warn(draft: Draft, column: int, field_: Field | None) -> bool:
    """Dates or places that are read as nothing: worth a look before importing."""
    if column in draft.warned:
        return True
    if field_ not in (None, Field.IGNORED) or column in draft.excluded:
        return False
    if draft.kind is FileKind.SCHOOLS:
        return False  # a school list's own address columns are of no concern
    sense = draft.senses[column]
    profile = draft.profiles[column]
    if sense.date_role in (DateRole.BIRTH, DateRole.PEILDATUM):
        return False
    dates = profile.share(Looks.DATE) >= 0.8 and profile.date.shapes != ("serieel getal",)
    places = sense.owner is not Owner.SCHOOL and any(k in profile.looks for k in _PLACE_LIKE)
    return dates or (places and profile.text >= 0.8)
