"""The fields a column of an extract or school list can hold, and what each kind of file needs."""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from grensverkeer.domain import FileKind

HEADER_SCAN_ROWS = 40


class Field(StrEnum):
    """What a column holds; the value is the name users type (``--column woonplaats=...``)."""

    BSN = "bsn"
    RESIDENCE = "woongemeente"
    PLACE = "woonplaats"
    POSTCODE = "postcode"
    BRIN = "brin"
    VESTIGING = "vestiging"
    BRINVEST = "brinvest"
    EDU_TYPE = "onderwijstype"
    ARRANGEMENT = "arrangement"
    START = "startdatum"
    END = "einddatum"
    COST = "kosten"
    COUNT = "aantal"
    PERSONAL = "persoonsgegeven"
    IGNORED = "genegeerd"
    # school lists; in a pupil file SCHOOL_PLACE is the school's own place or municipality
    SCHOOL_NAME = "naam"
    SCHOOL_PLACE = "plaats"
    MUNICIPALITY_CODE = "gemeentecode"
    MUNICIPALITY_NAME = "gemeentenaam"
    VO_STRUCTURE = "onderwijsstructuur"
    PO_KIND = "soort primair onderwijs"
    SO_KIND = "so/vso"


#: Fields that many columns may share: they say why a column is *not* used.
SHARED = frozenset({Field.PERSONAL, Field.IGNORED, Field.SCHOOL_NAME, Field.SCHOOL_PLACE})

_PUPIL_FIELDS = (
    Field.BSN,
    Field.RESIDENCE,
    Field.PLACE,
    Field.POSTCODE,
    Field.BRIN,
    Field.VESTIGING,
    Field.BRINVEST,
    Field.EDU_TYPE,
    Field.ARRANGEMENT,
    Field.START,
    Field.END,
    Field.COST,
)
_COUNT_FIELDS = (
    Field.COUNT,
    Field.RESIDENCE,
    Field.PLACE,
    Field.POSTCODE,
    Field.BRIN,
    Field.VESTIGING,
    Field.BRINVEST,
    Field.EDU_TYPE,
)
_SCHOOL_FIELDS = (
    Field.SCHOOL_NAME,
    Field.BRIN,
    Field.VESTIGING,
    Field.BRINVEST,
    Field.SCHOOL_PLACE,
    Field.MUNICIPALITY_CODE,
    Field.MUNICIPALITY_NAME,
    Field.EDU_TYPE,
    Field.VO_STRUCTURE,
    Field.PO_KIND,
    Field.SO_KIND,
)

#: The fields of each kind of file that at most one column can hold.
FIELDS: dict[FileKind, tuple[Field, ...]] = {
    FileKind.PUPILS: _PUPIL_FIELDS,
    FileKind.COUNTS: _COUNT_FIELDS,
    FileKind.SCHOOLS: _SCHOOL_FIELDS,
}

#: Where the pupil lives: at least one is needed, a municipality column is read first.
RESIDENCE_FIELDS = (Field.RESIDENCE, Field.PLACE, Field.POSTCODE)


def shared(kind: FileKind) -> frozenset[Field]:
    """The fields that say why a column of this kind of file is not used; many may share one."""
    return SHARED - set(FIELDS[kind])


def choosable(kind: FileKind) -> tuple[Field, ...]:
    """The fields a user can give a column of this kind of file."""
    extra = () if kind is FileKind.SCHOOLS else (Field.SCHOOL_PLACE,)
    return (*FIELDS[kind], *extra, Field.PERSONAL, Field.IGNORED)


def missing_fields(kind: FileKind, present: Collection[Field]) -> tuple[str, ...]:
    """What a file of this kind still needs, in words a user recognises."""
    needs: list[str] = []
    school = Field.BRINVEST in present or Field.BRIN in present
    if kind is FileKind.SCHOOLS:
        if not school:
            needs.append("BRIN")
        if Field.BRINVEST not in present and Field.VESTIGING not in present:
            needs.append("vestigingsnummer")
        places = {Field.MUNICIPALITY_CODE, Field.MUNICIPALITY_NAME, Field.SCHOOL_PLACE}
        if not places & set(present):
            needs.append("gemeentecode, gemeentenaam of plaatsnaam")
        return tuple(needs)
    if kind is FileKind.PUPILS and Field.BSN not in present:
        needs.append("BSN")
    if kind is FileKind.COUNTS and Field.COUNT not in present:
        needs.append("aantal leerlingen")
    if not school:
        needs.append("BRIN (of BRIN+vestiging)")
    if not set(RESIDENCE_FIELDS) & set(present):
        needs.append("woongemeente, woonplaats of postcode van de leerling")
    return tuple(needs)
