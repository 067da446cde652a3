"""Who pays for a pupil's care at school, and is it settled by the regional plan?

Parents wait while municipalities sort out who pays. This answers it at once for one pupil's
flow: the residence municipality pays in every case (woonplaatsbeginsel); the question is
whether that still needs a pupil-by-pupil arrangement with the school's municipality.

``covered`` means no such arrangement is needed. That holds when

- residence and school are in the same municipality: there is no grensverkeer at all; or
- both are participants of the school year (the region's members on its peildatum) and a plan
  for that school year is finalised, and that plan counted both as participants: the plan
  settles every flow among its participants.

It does not hold when either end is not a participant (outside the region, or not a member
any more, like Voorschoten from 2024-2025), or when the school year has no finalised plan yet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from grensverkeer import formatting
from grensverkeer.domain import SchoolLocation
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.values import parse_brin, parse_brinvest
from grensverkeer.reference import Candidate, Reference, load_reference, normalize_code
from grensverkeer.reference.codes import normalize_pc4
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.schools import stored_school_index
from grensverkeer.services.plans.finalized_plans import Plan, finalized_plan
from grensverkeer.services.years.membership import members_on
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.storage.database import Database

# A bare 4-digit number not starting with 0 can be a CBS code (1783) and a PC4 (1783) at once.
_BARE_FOUR_DIGITS = re.compile(r"[1-9]\d{3}")
_BRINVEST_NOISE = re.compile(r"[\s\-_/.]")


class Status(StrEnum):
    """Why a flow is or is not covered: a code for user interfaces that word it themselves."""

    SAME_MUNICIPALITY = "zelfde_gemeente"
    COVERED = "gedekt"
    NOT_PARTICIPANT = "geen_deelnemer"
    NO_PLAN = "geen_plan"
    NOT_IN_PLAN = "niet_in_plan"


@dataclass(frozen=True, slots=True)
class Responsibility:
    """The answer for one flow: who pays, where the school is, and whether the plan covers it.

    ``residence`` and ``school`` are CBS codes (``school`` is the school's municipality);
    ``plan`` is the id of the school year's finalised plan, None when there is none, also when
    that plan does not cover this flow. ``notes`` are remarks on how the input was read (a
    number that is a code and a postcode at once), shown by the table, not part of the JSON.
    """

    residence: str
    school: str
    covered: bool
    plan: int | None
    reason: str
    status: Status
    school_year: SchoolYear
    peildatum: date
    location: SchoolLocation
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The agreed JSON shape, keys in this order."""
        return {
            "residence": self.residence,
            "school": self.school,
            "covered": self.covered,
            "plan": self.plan,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class ResidenceMatch:
    """The residence municipality an input was read as, with remarks worth showing."""

    code: str
    notes: tuple[str, ...] = ()


def responsibility(
    db: Database,
    residence: str,
    school: str,
    day: date | None = None,
    reference: Reference | None = None,
) -> Responsibility:
    """Answer who pays for the flow from ``residence`` to the school ``school`` on ``day``.

    ``day`` (default today) picks the school year containing it; participants are the
    region's members on that school year's peildatum. Unreadable, unknown or ambiguous input
    raises a :class:`GrensverkeerError` with a Dutch message that says what to give instead.
    """
    reference = reference or load_reference()
    day = day or date.today()
    found = resolve_residence(residence, reference, day)
    location = find_school(db, school)
    year = SchoolYear.containing(day)
    peildatum = year_settings(db, year).peildatum
    members = frozenset(members_on(db, peildatum))
    plan = finalized_plan(db, year)
    status, reason = _judge(reference, found.code, location.municipality, year, members, plan)
    return Responsibility(
        residence=found.code,
        school=location.municipality,
        covered=status in (Status.SAME_MUNICIPALITY, Status.COVERED),
        plan=None if plan is None else plan.id,
        reason=reason,
        status=status,
        school_year=year,
        peildatum=peildatum,
        location=location,
        notes=found.notes,
    )


def _judge(
    reference: Reference,
    residence: str,
    school: str,
    year: SchoolYear,
    members: frozenset[str],
    plan: Plan | None,
) -> tuple[Status, str]:
    home = _name(reference, residence)
    where = _name(reference, school)
    settle = (
        f"regel dit per leerling tussen {home} (woongemeente, betaalt) en {where} (schoolgemeente)."
    )
    if residence == school:
        return (
            Status.SAME_MUNICIPALITY,
            f"Geen grensverkeer: woon- en schoolgemeente zijn dezelfde ({home}); "
            f"{home} betaalt en er valt niets tussen gemeenten te regelen.",
        )
    outside = [c for c in (residence, school) if c not in members]
    if outside:
        names = _joined([_name(reference, c) for c in outside], "en")
        verb = "is" if len(outside) == 1 else "zijn"
        return (
            Status.NOT_PARTICIPANT,
            f"{names} {verb} in {year} geen deelnemer van de regio; {settle}",
        )
    if plan is None:
        return Status.NO_PLAN, f"Er is voor {year} nog geen vastgesteld plan; {settle}"
    counted = _plan_participants(plan, members)
    missing = [c for c in (residence, school) if c not in counted]
    if missing:
        names = _joined([_name(reference, c) for c in missing], "en")
        return (
            Status.NOT_IN_PLAN,
            f"Plan {plan.id} voor {year} is vastgesteld zonder {names} als deelnemer; {settle}",
        )
    return (
        Status.COVERED,
        f"{home} en {where} zijn in {year} allebei deelnemer en plan {plan.id} is "
        f"vastgesteld: deze stroom wordt regionaal verrekend, een regeling per leerling is "
        f"niet nodig.",
    )


def _plan_participants(plan: Plan, members: frozenset[str]) -> frozenset[str]:
    """The participants the plan was computed for; today's members if it does not say.

    They differ only when the membership table was edited after the plan was finalised; the
    plan settles what it counted, so its own list decides.
    """
    listed = plan.stored_inputs.participants
    return members if listed is None else frozenset(listed)


# Residence ---------------------------------------------------------------------------------


def resolve_residence(
    text: str, reference: Reference | None = None, day: date | None = None
) -> ResidenceMatch:
    """Read a residence as a CBS code, a postcode, a place name or a municipality name.

    Tried in that order. A bare 4-digit number that is both a known municipality code and a
    PC4 of another municipality (``1783``: Westland, and a postcode in Den Helder) is read as
    the code, with a note that says how to give the postcode instead. A well-formed code that
    is not in the table is an outside municipality (a pupil can live anywhere), with a note.
    """
    reference = reference or load_reference()
    text = (text or "").strip()
    if not text:
        raise GrensverkeerError("Geef een woongemeente, woonplaats of postcode op.")
    found = _as_code(text, reference) or _as_postcode(text, reference)
    if found is None:
        found = ResidenceMatch(_as_name(text, reference))
    if day is not None:
        municipality = reference.municipality(found.code)
        if municipality is not None and not municipality.valid_on(day):
            found = ResidenceMatch(
                found.code,
                (
                    *found.notes,
                    f"{municipality.name} ({municipality.code}) bestond op "
                    f"{formatting.long_date(day)} niet (meer); geef de gemeente van dat "
                    "moment of de postcode op.",
                ),
            )
    return found


def _as_code(text: str, reference: Reference) -> ResidenceMatch | None:
    code = normalize_code(text)
    if code is None:
        return None
    known = reference.municipality(code) is not None
    if not _BARE_FOUR_DIGITS.fullmatch(text):
        if known:
            return ResidenceMatch(code)
        return ResidenceMatch(
            code,
            (f"{code} staat niet in de gemeentetabel; behandeld als gemeente buiten de regio.",),
        )
    if not known:
        return None  # a bare 4-digit number that is no known code: try it as a postcode
    by_postcode = reference.resolve_postcode(text).code
    if by_postcode is None or by_postcode == code:
        return ResidenceMatch(code)
    return ResidenceMatch(
        code,
        (
            f"‘{text}’ is gelezen als gemeentecode {reference.label(code)}; het is ook een "
            f"postcode in {_name(reference, by_postcode)}. Bedoelt u de postcode, geef dan de "
            f"volledige postcode met letters (zoals {text} AB).",
        ),
    )


def _as_postcode(text: str, reference: Reference) -> ResidenceMatch | None:
    if normalize_pc4(text) is None:
        return None
    code = reference.resolve_postcode(text).code
    if code is not None:
        return ResidenceMatch(code)
    what = "gemeentecode of postcode" if normalize_code(text) else "postcode"
    raise GrensverkeerError(
        f"‘{text}’ is geen bekende {what}; geef de woonplaats of de gemeente op."
    )


def _as_name(text: str, reference: Reference) -> str:
    place = reference.resolve_place(text)
    if place.code is not None:
        return place.code
    if place.ambiguous:
        raise _ambiguous(text, place.candidates)
    municipality = reference.resolve_municipality(text)
    if municipality.code is not None:
        return municipality.code
    if municipality.ambiguous:
        raise _ambiguous(text, municipality.candidates)
    suggestions = _distinct((*place.candidates, *municipality.candidates))[:3]
    message = f"‘{text}’ is geen bekende woonplaats, gemeente, postcode of gemeentecode"
    if suggestions:
        labels = _joined([c.label for c in suggestions], "of")
        raise GrensverkeerError(f"{message}; bedoelde u {labels}?")
    raise GrensverkeerError(f"{message}; controleer de spelling of geef de postcode op.")


def _ambiguous(text: str, candidates: Sequence[Candidate]) -> GrensverkeerError:
    labels = _joined([c.label for c in candidates], "of")
    return GrensverkeerError(
        f"‘{text}’ kan meer dan één gemeente zijn: {labels}. "
        "Geef de postcode op (zoals 2671 AB) of de gemeentecode (zoals GM1783)."
    )


def _distinct(candidates: Sequence[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    result = []
    for candidate in candidates:
        if candidate.code not in seen:
            seen.add(candidate.code)
            result.append(candidate)
    return result


# School ------------------------------------------------------------------------------------


def find_school(db: Database, text: str) -> SchoolLocation:
    """The stored school location for a brinvest (``12AB00``, ``12ab-0``) or a lone BRIN.

    A BRIN without vestiging is accepted when the school list knows exactly one location
    for it. Unknown codes are refused with the nearest known BRINs.
    """
    brin, vestiging = _school_code(text)
    index = stored_school_index(db)
    if not len(index):
        raise GrensverkeerError(
            "Er staat nog geen scholenlijst in de database, dus de schoolgemeente is onbekend; "
            "importeer eerst de scholenlijst."
        )
    shown = text.strip()
    if brin not in index.by_brin:
        nearest = index.nearest_brins(brin)
        message = f"School ‘{shown}’ staat niet in de scholenlijst (BRIN {brin} is onbekend)"
        if nearest:
            raise GrensverkeerError(f"{message}; bedoelde u {_joined(nearest, 'of')}?")
        raise GrensverkeerError(
            f"{message}; controleer de code of importeer een nieuwere scholenlijst."
        )
    known = [index.locations[brin + v] for v in sorted(index.by_brin[brin])]
    if vestiging is None:
        if len(known) == 1:
            return known[0]
        raise GrensverkeerError(
            f"BRIN {brin} heeft {len(known)} vestigingen: "
            f"{_joined([_describe(s) for s in known], 'en')}; "
            f"geef de vestiging mee, zoals {known[0].brinvest}."
        )
    location = index.locations.get(brin + vestiging)
    if location is None:
        raise GrensverkeerError(
            f"Vestiging {brin}{vestiging} staat niet in de scholenlijst; BRIN {brin} heeft: "
            f"{_joined([_describe(s) for s in known], 'en')}."
        )
    return location


def _school_code(text: str) -> tuple[str, str | None]:
    compact = _BRINVEST_NOISE.sub("", (text or "").upper())
    try:
        if len(compact) == 4:
            return parse_brin(compact), None
        return parse_brinvest(text)
    except ValueError as error:
        raise GrensverkeerError(f"‘{(text or '').strip()}’ is geen schoolcode: {error}.") from None


def _describe(location: SchoolLocation) -> str:
    return f"{location.brinvest} ({location.name}, {location.place})"


def _name(reference: Reference, code: str) -> str:
    """The municipality's name for a sentence; a code not in the table is its code."""
    municipality = reference.municipality(code)
    return municipality.name if municipality is not None else reference.label(code)


def _joined(items: Sequence[str], last: str) -> str:
    """``A``, ``A en B``, ``A, B en C`` (or ``of``)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
