"""Region membership over time, as users keep it; the bundled table is where it starts.

A school year's participants are the members on its peildatum: Voorschoten left Haaglanden per
1 January 2024, so 2023-2024 has ten participants and 2024-2025 nine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.years.seeding import seed_once
from grensverkeer.services.years.year_settings import year_settings
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import MembershipRow, MetaRow

REGION = "Haaglanden"
_SEEDED = "lidmaatschap_gevuld"


@dataclass(frozen=True, slots=True)
class Membership:
    id: int
    code: str
    valid_from: date | None
    valid_to: date | None  # the last day of membership, inclusive

    def active_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _seed(db: Database, reference: Reference) -> None:
    """Copy the bundled membership table once; after that the database's table is the truth."""
    seed_once(
        db,
        _SEEDED,
        lambda: [
            MembershipRow(region=REGION, code=m.code, valid_from=m.valid_from, valid_to=m.valid_to)
            for m in reference.memberships(REGION)
        ],
    )


def memberships(db: Database, reference: Reference | None = None) -> list[Membership]:
    _seed(db, reference or load_reference())
    with db.sessions() as session:
        rows = session.scalars(
            select(MembershipRow)
            .where(MembershipRow.region == REGION)
            .order_by(MembershipRow.code, MembershipRow.valid_from)
        ).all()
        return [Membership(r.id, r.code, r.valid_from, r.valid_to) for r in rows]


def members_as_they_stand(db: Database, day: date) -> tuple[str, ...]:
    """:func:`members_on` without seeding: the stored table once it is there, else the bundled
    default. For work that must write nothing (a dry-run check)."""
    with db.sessions() as session:
        seeded = session.get(MetaRow, _SEEDED) is not None
    if seeded:
        return members_on(db, day)
    return load_reference().region_members(day, REGION)


def members_on(db: Database, day: date) -> tuple[str, ...]:
    return tuple(sorted({m.code for m in memberships(db) if m.active_on(day)}))


def participants(db: Database, year: SchoolYear) -> tuple[str, ...]:
    """The members on the school year's peildatum."""
    return members_on(db, year_settings(db, year).peildatum)


def add_member(db: Database, code: str, valid_from: date, valid_to: date | None = None) -> None:
    """A municipality joins the region per ``valid_from`` (until ``valid_to``, inclusive)."""
    if valid_to is not None and valid_to < valid_from:
        raise GrensverkeerError("De einddatum van het lidmaatschap ligt vóór de begindatum.")
    current = [m for m in memberships(db) if m.code == code]
    for member in current:
        overlaps = (member.valid_to is None or member.valid_to >= valid_from) and (
            valid_to is None or member.valid_from is None or member.valid_from <= valid_to
        )
        if overlaps:
            raise GrensverkeerError(
                f"{code} is in die periode al lid (sinds {_day(member.valid_from)})."
            )
    with db.sessions.begin() as session:
        session.add(
            MembershipRow(region=REGION, code=code, valid_from=valid_from, valid_to=valid_to)
        )


def end_member(db: Database, code: str, leaves_on: date) -> None:
    """A municipality leaves the region per ``leaves_on``: its last day is the day before."""
    open_memberships = [
        m for m in memberships(db) if m.code == code and m.active_on(leaves_on - timedelta(days=1))
    ]
    if not open_memberships:
        raise GrensverkeerError(f"{code} is op {_day(leaves_on - timedelta(days=1))} geen lid.")
    with db.sessions.begin() as session:
        for member in open_memberships:
            row = session.get(MembershipRow, member.id)
            assert row is not None
            row.valid_to = leaves_on - timedelta(days=1)


def _day(day: date | None) -> str:
    return "altijd" if day is None else formatting.short_date(day)
