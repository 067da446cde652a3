"""Recognising the kind of file and its columns from the header row, wherever that row is.

Real extracts put title rows, merged cells and blank rows above the header and name the same
column in many ways. Each field lists the names real files use; a header cell matches after
case, punctuation and spacing are folded away.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from grensverkeer.domain import FileKind

HEADER_SCAN_ROWS = 40


class Field(StrEnum):
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
    PERSONAL = "persoonsgegeven"
    IGNORED = "genegeerd"
    # school lists
    SCHOOL_NAME = "naam"
    SCHOOL_PLACE = "plaats"
    MUNICIPALITY_CODE = "gemeentecode"
    MUNICIPALITY_NAME = "gemeentenaam"
    VO_STRUCTURE = "onderwijsstructuur"
    PO_KIND = "soort primair onderwijs"
    SO_KIND = "so/vso"


def header_key(text: object) -> str:
    """Fold a header cell: ``Vest.nr.`` and ``VEST NR`` are the same name."""
    folded = re.sub(r"[^0-9a-z]+", " ", str(text).casefold().replace("’", "'"))
    return folded.strip()


def _keys(*names: str) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


PUPIL_HEADERS: Mapping[Field, frozenset[str]] = {
    Field.BSN: _keys("BSN", "Burgerservicenummer", "BSN leerling", "BSN-nummer", "Sofinummer"),
    Field.RESIDENCE: _keys(
        "Woongemeente",
        "Gemeente",
        "Gemeentecode",
        "Gemeente woonadres",
        "Woongemeente leerling",
        "Gemeentecode woonadres",
        "Gemeente (woon)",
        "Woongemeentecode",
        "Gemeente woonplaats",
    ),
    Field.PLACE: _keys("Woonplaats", "Plaats", "Woonplaats leerling", "Plaatsnaam"),
    Field.POSTCODE: _keys("Postcode", "PC", "PC4", "Postcode woonadres", "Postcode leerling"),
    Field.BRIN: _keys(
        "BRIN",
        "Brinnummer",
        "BRIN-nummer",
        "BRIN nummer",
        "Instellingscode",
        "BRIN school",
        "Brincode",
    ),
    Field.VESTIGING: _keys(
        "Vestiging",
        "Vestigingsnummer",
        "Vestigingscode",
        "Vest.nr.",
        "Vestigingsnr",
        "Vestigingnummer",
    ),
    Field.BRINVEST: _keys(
        "Brinvest",
        "BRIN+vestiging",
        "BRIN/vestiging",
        "Brin_vest",
        "Schoolcode",
        "BRIN vestiging",
        "Brinvestiging",
    ),
    Field.EDU_TYPE: _keys(
        "Onderwijstype",
        "Type onderwijs",
        "Soort onderwijs",
        "Onderwijssoort",
        "Sector",
        "Onderwijs",
        "Schooltype",
    ),
    Field.ARRANGEMENT: _keys(
        "Arrangement",
        "Zorgarrangement",
        "Soort arrangement",
        "Arrangementtype",
        "Type arrangement",
        "Arrangementsoort",
    ),
    Field.START: _keys(
        "Startdatum",
        "Begindatum",
        "Datum inschrijving",
        "Ingangsdatum",
        "Datum start",
        "Start arrangement",
        "Inschrijfdatum",
        "Datum begin",
    ),
    Field.END: _keys(
        "Einddatum",
        "Datum uitschrijving",
        "Uitschrijfdatum",
        "Datum einde",
        "Einde arrangement",
        "Datum eind",
    ),
    Field.COST: _keys(
        "Kosten",
        "Bedrag",
        "Werkelijke kosten",
        "Kosten per leerling",
        "Kosten (€)",
        "Bedrag arrangement",
        "Kosten arrangement",
    ),
    Field.PERSONAL: _keys(
        "Naam",
        "Achternaam",
        "Voornaam",
        "Voornamen",
        "Roepnaam",
        "Voorletters",
        "Tussenvoegsel",
        "Naam leerling",
        "Geboortedatum",
        "Adres",
        "Straat",
        "Straatnaam",
        "Huisnummer",
        "Telefoon",
        "E-mail",
        "Geslacht",
    ),
    Field.IGNORED: _keys(
        "School",
        "Schoolnaam",
        "Naam school",
        "Vestigingsnaam",
        "Opmerking",
        "Opmerkingen",
        "Nr",
        "Volgnummer",
        "Leerjaar",
        "Groep",
        "Klas",
    ),
}

SCHOOL_HEADERS: Mapping[Field, frozenset[str]] = {
    Field.BRIN: _keys("BRIN NUMMER", "BRINNUMMER", "INSTELLINGSCODE", "BRIN", "BRIN-nummer"),
    Field.VESTIGING: _keys("VESTIGINGSNUMMER", "VESTIGINGSCODE", "VESTIGING", "VESTIGINGSNR"),
    Field.BRINVEST: _keys("BRINVEST", "BRIN+vestiging"),
    Field.SCHOOL_NAME: _keys("VESTIGINGSNAAM", "INSTELLINGSNAAM", "NAAM", "SCHOOLNAAM"),
    Field.SCHOOL_PLACE: _keys("PLAATSNAAM", "PLAATS", "VESTIGINGSPLAATS"),
    Field.MUNICIPALITY_CODE: _keys("GEMEENTENUMMER", "GEMEENTECODE"),
    Field.MUNICIPALITY_NAME: _keys("GEMEENTENAAM", "GEMEENTE"),
    Field.VO_STRUCTURE: _keys("ONDERWIJSSTRUCTUUR"),
    Field.PO_KIND: _keys("SOORT PRIMAIR ONDERWIJS"),
    Field.SO_KIND: _keys("ONDERWIJS"),
    Field.EDU_TYPE: _keys("ONDERWIJSTYPE", "TYPE ONDERWIJS", "SECTOR", "SCHOOLTYPE"),
}

HEADERS: Mapping[FileKind, Mapping[Field, frozenset[str]]] = {
    FileKind.PUPILS: PUPIL_HEADERS,
    FileKind.SCHOOLS: SCHOOL_HEADERS,
}


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """Where the header is in a sheet and which column holds which field."""

    kind: FileKind
    row_index: int  # 0-based index into the sheet's rows
    columns: Mapping[Field, int]
    headers: tuple[str, ...]  # the header row's cells as text
    unknown: tuple[str, ...] = field(default=())

    def missing(self) -> tuple[str, ...]:
        return missing_fields(self.kind, self.columns)


def missing_fields(kind: FileKind, columns: Mapping[Field, int]) -> tuple[str, ...]:
    """What a file of this kind still needs, in words a user recognises."""
    needs: list[str] = []
    if kind is FileKind.PUPILS:
        if Field.BSN not in columns:
            needs.append("BSN")
        if Field.BRINVEST not in columns and Field.BRIN not in columns:
            needs.append("BRIN (of BRIN+vestiging)")
        if not {Field.RESIDENCE, Field.PLACE, Field.POSTCODE} & columns.keys():
            needs.append("woongemeente, woonplaats of postcode")
    else:
        if Field.BRINVEST not in columns and Field.BRIN not in columns:
            needs.append("BRIN")
        if Field.BRINVEST not in columns and Field.VESTIGING not in columns:
            needs.append("vestigingsnummer")
        if not {Field.MUNICIPALITY_CODE, Field.MUNICIPALITY_NAME, Field.SCHOOL_PLACE} & (
            columns.keys()
        ):
            needs.append("gemeentecode, gemeentenaam of plaatsnaam")
    return tuple(needs)


def match_row(cells: Sequence[object], kind: FileKind) -> dict[Field, int]:
    """Which fields a row's cells name; the first column wins when a field appears twice."""
    table = HEADERS[kind]
    found: dict[Field, int] = {}
    for index, cell in enumerate(cells):
        key = header_key(cell) if cell not in (None, "") else ""
        if not key:
            continue
        for name, keys in table.items():
            if key in keys and name not in found:
                found[name] = index
                break
    return found


def find_header(rows: Sequence[Sequence[object]]) -> HeaderMatch | None:
    """The first row among the top rows that names a complete pupil or school file."""
    best: HeaderMatch | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        for kind in (FileKind.PUPILS, FileKind.SCHOOLS):
            columns = match_row(cells, kind)
            if kind is FileKind.SCHOOLS and Field.BSN in match_row(cells, FileKind.PUPILS):
                continue
            if missing_fields(kind, columns):
                continue
            candidate = _header(kind, index, cells, columns)
            if best is None or len(candidate.columns) > len(best.columns):
                best = candidate
        if best is not None:
            return best
    return None


def best_guess(rows: Sequence[Sequence[object]]) -> HeaderMatch | None:
    """The most header-like row, for telling the user what was found when nothing fits."""
    best: HeaderMatch | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        for kind in (FileKind.PUPILS, FileKind.SCHOOLS):
            columns = match_row(cells, kind)
            if columns and (best is None or len(columns) > len(best.columns)):
                best = _header(kind, index, cells, columns)
    return best


def apply_mapping(
    rows: Sequence[Sequence[object]], kind: FileKind, mapping: Mapping[Field, str]
) -> HeaderMatch | None:
    """Use a saved mapping (field → header text): find the row that has all its header texts."""
    wanted = {name: header_key(text) for name, text in mapping.items()}
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        keys = [header_key(c) if c not in (None, "") else "" for c in cells]
        if all(key in keys for key in wanted.values()):
            columns = match_row(cells, kind)
            taken = {keys.index(key) for key in wanted.values()}
            columns = {f: i for f, i in columns.items() if i not in taken}
            columns.update({name: keys.index(key) for name, key in wanted.items()})
            return _header(kind, index, cells, columns)
    return None


def _header(
    kind: FileKind, index: int, cells: Sequence[object], columns: Mapping[Field, int]
) -> HeaderMatch:
    headers = tuple("" if c is None else str(c).strip() for c in cells)
    used = set(columns.values())
    unknown = tuple(h for i, h in enumerate(headers) if h and i not in used)
    return HeaderMatch(kind, index, dict(columns), headers, unknown)
