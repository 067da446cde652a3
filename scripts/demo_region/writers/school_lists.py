"""The school lists in DUO style (``scholen/``): semicolon CSV, cp1252 or UTF-8 with BOM."""

from __future__ import annotations

import csv
from pathlib import Path

from ..data import MUNICIPALITIES
from ..schools import School
from .common import write_csv


def write_school_lists(out: Path, schools: list[School]) -> dict[str, int]:
    folder = out / "scholen"
    folder.mkdir(parents=True, exist_ok=True)

    def duo_place(school: School) -> str:
        if school.gm == "GM0518":
            return "'S-GRAVENHAGE"
        return school.place.upper()

    def addr(school: School) -> list[str]:
        return [school.street.upper(), school.number, school.postcode, duo_place(school)]

    vo = [s for s in schools if s.sector == "VO"]
    rows = [
        [
            "PROVINCIE",
            "BEVOEGD GEZAG NUMMER",
            "INSTELLINGSCODE",
            "VESTIGINGSCODE",
            "VESTIGINGSNAAM",
            "STRAATNAAM",
            "HUISNUMMER-TOEVOEGING",
            "POSTCODE",
            "PLAATSNAAM",
            "GEMEENTENUMMER",
            "GEMEENTENAAM",
            "ONDERWIJSSTRUCTUUR",
        ]
    ]
    for s in vo:
        muni = MUNICIPALITIES[s.gm]
        rows.append(
            [
                "ZUID-HOLLAND",
                s.gezag,
                s.brin,
                s.brinvest,
                s.name.upper(),
                *addr(s),
                muni.number,
                muni.duo_name,
                s.structure,
            ]
        )
    write_csv(
        folder / "duo_vo_vestigingen.csv",
        rows,
        delimiter=";",
        encoding="cp1252",
        quoting=csv.QUOTE_MINIMAL,
    )

    special = [s for s in schools if s.sector in ("SBAO", "VSO_SO")]
    rows = [
        [
            "BRIN NUMMER",
            "VESTIGINGSNUMMER",
            "VESTIGINGSNAAM",
            "STRAATNAAM",
            "HUISNUMMER-TOEVOEGING",
            "POSTCODE",
            "PLAATSNAAM",
            "GEMEENTENUMMER",
            "GEMEENTENAAM",
            "SOORT PRIMAIR ONDERWIJS",
            "ONDERWIJS",
        ]
    ]
    for i, s in enumerate(special):
        muni = MUNICIPALITIES[s.gm]
        number = muni.number.lstrip("0") if i % 3 != 0 else muni.number
        soort, onderwijs = ("SBAO", "") if s.sector == "SBAO" else ("(V)SO", s.structure)
        rows.append(
            [s.brin, s.vest, s.name.upper(), *addr(s), number, muni.duo_name, soort, onderwijs]
        )
    write_csv(
        folder / "duo_sbo_so_vso_vestigingen.csv",
        rows,
        delimiter=";",
        encoding="cp1252",
        quoting=csv.QUOTE_MINIMAL,
    )

    bao = [s for s in schools if s.sector == "BAO"]
    rows = [
        [
            "BRIN NUMMER",
            "VESTIGINGSNUMMER",
            "VESTIGINGSNAAM",
            "PLAATSNAAM",
            "GEMEENTENUMMER",
            "GEMEENTENAAM",
            "SOORT PRIMAIR ONDERWIJS",
        ]
    ]
    for s in bao:
        muni = MUNICIPALITIES[s.gm]
        rows.append(
            [s.brin, s.vest, s.name.upper(), duo_place(s), muni.number, muni.duo_name, "BAO"]
        )
    write_csv(
        folder / "duo_bao_vestigingen.csv",
        rows,
        delimiter=";",
        encoding="utf-8-sig",
        quoting=csv.QUOTE_MINIMAL,
    )
    return {
        "scholen/duo_vo_vestigingen.csv": len(vo),
        "scholen/duo_sbo_so_vso_vestigingen.csv": len(special),
        "scholen/duo_bao_vestigingen.csv": len(bao),
    }
