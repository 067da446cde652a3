"""Domain values shared by import, storage and settlement: plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class EduType(StrEnum):
    """The onderwijstypes tariffs are set for."""

    PO = "PO"
    SBO = "SBO"
    SO = "SO"
    VSO = "VSO"
    VO = "VO"


class FileKind(StrEnum):
    SCHOOLS = "scholen"
    PUPILS = "leerlingen"
    COUNTS = "tellingen"  # DUO's pupil counts per school location × pupil area, no BSN


@dataclass(frozen=True, slots=True)
class SchoolLocation:
    """A school location (vestiging) from a school list."""

    brin: str
    vestiging: str
    name: str
    place: str
    municipality: str
    types: frozenset[EduType]

    @property
    def brinvest(self) -> str:
        return self.brin + self.vestiging


@dataclass(frozen=True, slots=True)
class PupilRecord:
    """What the settlement needs of one pupil's enrolment; the BSN is already a pseudonym."""

    pseudonym: str
    residence: str
    brinvest: str
    school_municipality: str
    edu_type: EduType
    arrangement: str
    start: date | None
    end: date | None
    cost_cents: int | None
    sheet: str
    row: int
    pupils: int = 1  # a DUO count row stands for this many pupils
    uncertain: int = 0  # ...and up to this many more (a masked count such as "<5")

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)

    def same_enrolment(self, other: PupilRecord) -> bool:
        """Whether two records are the identical duplicate that counting rule 2 merges silently."""
        return (
            self.residence,
            self.brinvest,
            self.edu_type,
            self.start,
            self.end,
        ) == (other.residence, other.brinvest, other.edu_type, other.start, other.end)
