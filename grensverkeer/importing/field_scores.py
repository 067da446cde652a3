"""How well each column fits each field: its header's words, weighed against its values.

The header proposes (``Vestigingscode`` → the location number), the content disposes: a
column whose values contradict the header's field is not read as it, and where the values fit
a sibling field better, the column moves there (six-character ``Vestigingscode`` values are
BRIN+vestiging codes). A column the header says nothing about can still be recognised by
content alone when its values are unmistakable (valid BSNs, known BRIN+vestiging codes), with
a lower score.
"""

from __future__ import annotations

from dataclasses import dataclass

from grensverkeer.domain import FileKind
from grensverkeer.importing.fields import FIELDS, RESIDENCE_FIELDS, SHARED, Field
from grensverkeer.importing.header_words import DateRole, HeaderSense, Owner
from grensverkeer.importing.layout import Looks
from grensverkeer.importing.profile import ColumnProfile
from grensverkeer.importing.vocabulary import WEAK_ROLE_WORDS
from grensverkeer.importing.vocabulary import Concept as C

F = Field


@dataclass(frozen=True, slots=True)
class Fit:
    score: float
    reason: str = ""


#: The content each field's values must show, and the share of them that must show it.
_CONTENT: dict[Field, tuple[Looks, float]] = {
    F.BSN: (Looks.BSN, 0.8),
    F.RESIDENCE: (Looks.MUNICIPALITY, 0.5),
    F.PLACE: (Looks.PLACE, 0.5),
    F.POSTCODE: (Looks.POSTCODE, 0.6),
    F.BRIN: (Looks.BRIN, 0.8),
    F.VESTIGING: (Looks.VESTIGING, 0.8),
    F.BRINVEST: (Looks.BRINVEST, 0.8),
    F.EDU_TYPE: (Looks.EDU_TYPE, 0.5),
    F.START: (Looks.DATE, 0.8),
    F.END: (Looks.DATE, 0.8),
    F.COST: (Looks.AMOUNT, 0.8),
    F.COUNT: (Looks.COUNT, 0.9),
    F.MUNICIPALITY_CODE: (Looks.MUNICIPALITY, 0.5),
    F.MUNICIPALITY_NAME: (Looks.MUNICIPALITY, 0.5),
    F.SCHOOL_PLACE: (Looks.PLACE, 0.5),
}
#: Fields whose columns can stand in for each other when the content says so.
_FAMILIES = (
    (F.BRINVEST, F.BRIN, F.VESTIGING),
    (F.RESIDENCE, F.PLACE, F.POSTCODE),
)
_CONTENT_REASON = {
    Looks.BRINVEST: "inhoud: BRIN+vestigingscodes (6 tekens)",
    Looks.BRIN: "inhoud: BRIN-codes",
    Looks.VESTIGING: "inhoud: vestigingsnummers",
    Looks.MUNICIPALITY: "inhoud: gemeenten",
    Looks.PLACE: "inhoud: plaatsnamen",
    Looks.POSTCODE: "inhoud: postcodes",
}


def by_name(s: HeaderSense, kind: FileKind) -> dict[Field, float]:
    """The fields a header's words point to, with how firmly (1.0: unmistakable)."""
    if kind is FileKind.SCHOOLS:
        return _school_list_names(s)
    c = s.concepts
    if C.BIRTH in c or (C.GUARDIAN in c and c & {C.BSN, C.NAME, C.PERSONAL}):
        return {F.PERSONAL: 1.0}
    if C.PREVIOUS in c and not c & {C.START, C.END}:
        return {F.IGNORED: 0.9}  # the school the pupil came from
    found: dict[Field, float] = {}
    if C.BSN in c:
        found[F.BSN] = 1.0
    locality = {C.MUNICIPALITY: F.RESIDENCE, C.PLACE: F.PLACE, C.POSTCODE: F.POSTCODE}
    for concept, field in locality.items():
        if concept not in c:
            continue
        if s.owner is Owner.SCHOOL:
            found[F.SCHOOL_PLACE] = 1.0
        elif field is F.RESIDENCE or C.MUNICIPALITY not in c:
            found[field] = 1.0 if s.owner is Owner.PUPIL else 0.75
    _school_codes(s, found)
    if C.NAME in c and not found:
        found[F.SCHOOL_NAME if s.owner is Owner.SCHOOL else F.PERSONAL] = 1.0
    if C.PERSONAL in c and not found:
        found[F.PERSONAL] = 1.0
    if C.EDU in c:
        found[F.EDU_TYPE] = 1.0
    if C.ARRANGEMENT in c:
        found[F.ARRANGEMENT] = 1.0
    elif C.CATEGORY in c:
        found[F.ARRANGEMENT] = 0.5
    _dates(s, found, kind)
    if C.COST in c and kind is FileKind.PUPILS:
        found[F.COST] = 1.0
    if C.COUNT in c and kind is FileKind.COUNTS:
        found[F.COUNT] = 1.0
    if not found and c & {C.IGNORED, C.IDNUM, C.COUNT_PART, C.COUNT, C.SCHOOL, C.STRUCTURE}:
        found[F.IGNORED] = 0.8
    return found


def _school_codes(s: HeaderSense, found: dict[Field, float]) -> None:
    c = s.concepts
    if c & {C.MUNICIPALITY, C.PLACE, C.POSTCODE, C.NAME}:
        return
    if C.BRINVEST in c or {C.BRIN, C.VESTIGING} <= c:
        found[F.BRINVEST] = 1.0
    elif C.BRIN in c:
        found[F.BRIN] = 1.0
    elif C.VESTIGING in c:
        found[F.VESTIGING] = 1.0 if (C.CODE in c or "vestiging" in " ".join(s.words)) else 0.6


def _dates(s: HeaderSense, found: dict[Field, float], kind: FileKind) -> None:
    role = s.date_role
    if role is None or kind is not FileKind.PUPILS:
        if role in (DateRole.OTHER, DateRole.PEILDATUM) and not found:
            found[F.IGNORED] = 0.9
        return
    vague = not (set(s.words) - WEAK_ROLE_WORDS - {"en", "met", "t"})
    if role is DateRole.START:
        found[F.START] = 0.7 if vague else 1.0
    elif role is DateRole.END:
        if C.ACTUAL in s.concepts:
            found[F.END] = 1.0
        elif C.PLANNED in s.concepts:
            found[F.END] = 0.6
        else:
            found[F.END] = 0.7 if vague else 0.9
    elif not found:
        found[F.IGNORED] = 0.9


def _school_list_names(s: HeaderSense) -> dict[Field, float]:
    c = s.concepts
    found: dict[Field, float] = {}
    if C.MUNICIPALITY in c:
        found[F.MUNICIPALITY_CODE if C.CODE in c else F.MUNICIPALITY_NAME] = 1.0
    elif C.PLACE in c and s.owner is not Owner.PUPIL:
        found[F.SCHOOL_PLACE] = 1.0
    _school_codes(s, found)
    if C.NAME in c and not found:
        found[F.SCHOOL_NAME] = 1.0
    if C.STRUCTURE in c:
        found[F.VO_STRUCTURE] = 1.0
    elif C.PO_KIND in c:
        found[F.PO_KIND] = 1.0
    elif C.EDU in c:
        found[F.SO_KIND if s.words == ("onderwijs",) else F.EDU_TYPE] = 1.0
    if not found and c:
        found[F.IGNORED] = 0.8
    return found


def fits(s: HeaderSense, p: ColumnProfile, kind: FileKind) -> dict[Field, Fit]:
    """Every field this column could be, with its score: name and content together."""
    names = by_name(s, kind)
    result: dict[Field, Fit] = {}
    allowed = set(FIELDS[kind]) | SHARED
    for field, weight in names.items():
        if field not in allowed:
            continue
        fit = _weigh(field, weight, p)
        if fit is not None:
            result[field] = fit
            continue
        moved = _sibling(field, weight, p, allowed)
        if moved is not None:
            result.setdefault(moved[0], moved[1])
        elif (names_fit := _unknown_names(field, weight, p)) is not None:
            result[field] = names_fit
    if not any(f not in SHARED for f in names):
        for field, fit in _by_content(p, kind).items():
            if field in allowed:
                result.setdefault(field, fit)
    if s.owner is Owner.SCHOOL or C.BIRTH in s.concepts:  # never where the pupil lives
        for field in RESIDENCE_FIELDS:
            result.pop(field, None)
    return result


def _weigh(field: Field, weight: float, p: ColumnProfile) -> Fit | None:
    """Name weight times content fit; None when the values contradict the field."""
    need = _CONTENT.get(field)
    if need is None or not p.filled:
        return Fit(weight if p.filled else weight * 0.5, "" if p.filled else "kolom is leeg")
    share = p.share(need[0])
    if field in (F.START, F.END) and p.date.shapes == ("serieel getal",):
        share = share if weight >= 0.9 else 0.0
    if share < need[1]:
        return None
    return Fit(weight * (0.7 + 0.3 * share))


def _sibling(
    field: Field, weight: float, p: ColumnProfile, allowed: set[Field]
) -> tuple[Field, Fit] | None:
    for family in _FAMILIES:
        if field not in family:
            continue
        for other in family:
            need = _CONTENT[other]
            if other is field or other not in allowed or p.share(need[0]) < max(need[1], 0.8):
                continue
            share = p.share(need[0])
            return other, Fit(0.95 * weight * (0.7 + 0.3 * share), _CONTENT_REASON[need[0]])
    return None


def _unknown_names(field: Field, weight: float, p: ColumnProfile) -> Fit | None:
    """A residence column whose names the reference does not know (``Den Haaag``) is still
    the residence column: its rows are reported with suggestions, never silently passed by.
    Not so when its values look like something else (dates, codes)."""
    if field not in (F.RESIDENCE, F.PLACE) or p.text < 0.8:
        return None
    if any(k in p.looks for k in (Looks.DATE, Looks.BRIN, Looks.BRINVEST, Looks.POSTCODE)):
        return None
    return Fit(weight * 0.7, "inhoud: namen die niet als gemeente of plaats bekend zijn")


def _by_content(p: ColumnProfile, kind: FileKind) -> dict[Field, Fit]:
    """Fields a column with a silent header holds, when its values leave no doubt."""
    found: dict[Field, Fit] = {}
    if not p.filled:
        return found
    if kind is FileKind.PUPILS and p.share(Looks.BSN) >= 0.95 and p.distinct >= 0.5 * p.filled:
        found[F.BSN] = Fit(0.8, "inhoud: BSN-nummers (11-proef)")
    if p.share(Looks.BRINVEST) >= 0.9 and p.known_brin >= 0.5:
        found[F.BRINVEST] = Fit(0.7, _CONTENT_REASON[Looks.BRINVEST])
    elif p.share(Looks.BRIN) >= 0.9 and p.known_brin >= 0.5:
        found[F.BRIN] = Fit(0.6, _CONTENT_REASON[Looks.BRIN])
    if kind is FileKind.SCHOOLS:
        return found
    if p.pc6 >= 0.9:
        found[F.POSTCODE] = Fit(0.5, "inhoud: postcodes")
    elif p.share(Looks.MUNICIPALITY) >= 0.9 and p.text >= 0.9:
        found[F.RESIDENCE] = Fit(0.4, _CONTENT_REASON[Looks.MUNICIPALITY])
    elif p.share(Looks.PLACE) >= 0.9 and p.text >= 0.9:
        found[F.PLACE] = Fit(0.4, _CONTENT_REASON[Looks.PLACE])
    if p.share(Looks.EDU_TYPE) >= 0.9:
        found[F.EDU_TYPE] = Fit(0.5, "inhoud: onderwijstypen")
    return found
