"""Pupils across the borders of the samenwerkingsverbanden (SWV) passend onderwijs.

Pure: works on counted pupil records (``grensverkeer.counting.counted``) and the reference.

A pupil belongs to the SWV of its residence municipality for the sector of its record (PO for
PO, SBO and SO; VO for VO and VSO; ``Reference.swv_for``). Per SWV:

* its pupils, and how many of them go to school in a municipality outside its area
  (``Swv.municipalities``);
* the pupils at schools in its area, and how many of them belong to another SWV or to none
  (living outside every known area). A school belongs to the SWV its municipality is assigned
  to by the same rule as a residence: an SWV that covers the municipality only in part (VO
  28-11, Maasland) gets no schools, since the school list gives a municipality, not a village.

Pupils are whole numbers on the peildatum, fractions of a year naar rato.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from grensverkeer.counting import CountedRecord
from grensverkeer.domain import EduType
from grensverkeer.reference import Reference, Swv

Pupils = int | Fraction

SECTOR = {
    EduType.PO: "PO",
    EduType.SBO: "PO",
    EduType.SO: "PO",
    EduType.VO: "VO",
    EduType.VSO: "VO",
}


@dataclass(frozen=True, slots=True)
class SwvFlow:
    """One SWV's pupils across its border, both ways."""

    code: str
    sector: str
    name: str
    pupils: Pupils  # living in its area (its own pupils)
    outside: Pupils  # of those: at a school outside its area
    at_schools: Pupils  # at a school in its area
    from_elsewhere: Pupils  # of those: belonging to another SWV or to none
    from_no_swv: Pupils  # of ``from_elsewhere``: living outside every known area

    @property
    def ident(self) -> str:
        return f"{self.sector} {self.code}"

    @property
    def outside_share(self) -> Fraction | None:
        return Fraction(self.outside) / Fraction(self.pupils) if self.pupils else None

    @property
    def from_elsewhere_share(self) -> Fraction | None:
        return (
            Fraction(self.from_elsewhere) / Fraction(self.at_schools) if self.at_schools else None
        )


@dataclass(frozen=True, slots=True)
class SwvOverview:
    """Every known SWV (sector, then code), and the pupils who live outside every known area."""

    flows: tuple[SwvFlow, ...]
    without_swv: tuple[tuple[str, Pupils], ...]  # (sector, pupils) for PO and VO


def _whole(value: Fraction) -> Pupils:
    return int(value) if value.denominator == 1 else value


def swv_flows(
    counted: Iterable[tuple[CountedRecord, Fraction]], reference: Reference
) -> SwvOverview:
    """Count ``counted`` records (each with its weight) per SWV, both ways."""
    areas = sorted(reference.swv_areas(), key=lambda swv: (swv.sector, swv.code))
    zero = Fraction(0)
    own = {swv.ident: zero for swv in areas}
    outside = dict(own)
    at_schools = dict(own)
    from_elsewhere = dict(own)
    from_no_swv = dict(own)
    without = {"PO": zero, "VO": zero}
    cache: dict[tuple[str, str], Swv | None] = {}

    def swv_of(code: str, sector: str) -> Swv | None:
        key = (code, sector)
        if key not in cache:
            cache[key] = reference.swv_for(code, sector)
        return cache[key]

    for record, weight in counted:
        sector = SECTOR[EduType(record.edu_type)]
        home = swv_of(record.residence, sector)
        school = swv_of(record.school, sector)
        if home is None:
            without[sector] += weight
        else:
            own[home.ident] += weight
            if record.school not in home.municipalities:
                outside[home.ident] += weight
        if school is not None:
            at_schools[school.ident] += weight
            if home is None or home.ident != school.ident:
                from_elsewhere[school.ident] += weight
                if home is None:
                    from_no_swv[school.ident] += weight
    flows = tuple(
        SwvFlow(
            code=swv.code,
            sector=swv.sector,
            name=swv.name,
            pupils=_whole(own[swv.ident]),
            outside=_whole(outside[swv.ident]),
            at_schools=_whole(at_schools[swv.ident]),
            from_elsewhere=_whole(from_elsewhere[swv.ident]),
            from_no_swv=_whole(from_no_swv[swv.ident]),
        )
        for swv in areas
    )
    return SwvOverview(flows, tuple((sector, _whole(n)) for sector, n in without.items()))
