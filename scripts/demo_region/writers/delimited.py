"""The CSV extracts 28-07 (semicolon, cp1252) and 28-08 (comma, UTF-8 with BOM, quoted)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from ..data import MUNICIPALITIES
from ..generator import Record
from .common import (
    display_name,
    municipality_label,
    nl_amount,
    nl_date,
    place_label,
    type_label,
    write_csv,
)


def write_28_07(path: Path, records: list[Record], rng: random.Random) -> tuple[int, int]:
    header = [
        "Naam",
        "BSN",
        "Straat",
        "Huisnummer",
        "Plaats",
        "Gemeente",
        "Brinnummer",
        "Vestigingscode",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
        "Bedrag",
    ]
    ordered = list(records)
    rng.shuffle(ordered)
    rows: list[list[str]] = []
    for r in ordered:
        p = r.pupil
        _, listed = display_name(p)
        style = rng.random()
        if style < 0.4:
            bsn = f"{p.bsn[:3]}.{p.bsn[3:6]}.{p.bsn[6:]}"
        elif style < 0.7:
            bsn = f"{p.bsn[:3]} {p.bsn[3:6]} {p.bsn[6:]}"
        else:
            bsn = p.bsn
        short = rng.random() < 0.15
        gemeente = (
            MUNICIPALITIES[p.res].name
            if p.res != "GM0518"
            else rng.choice(("Den Haag", "'s-Gravenhage"))
        )
        if p.res == "GM0603":
            gemeente = "Rijswijk (ZH.)"
        rows.append(
            [
                listed,
                bsn,
                p.street,
                p.number,
                p.place,
                gemeente,
                r.school.brin,
                r.school.vest,
                type_label(rng, r),
                r.arrangement,
                nl_date(r.start, short),
                nl_date(r.end, short),
                nl_amount(r.cost_cents),
            ]
        )
    # a few rows twice, identically (copy-paste accidents)
    duplicated = sorted(rng.sample(range(len(rows)), 7), reverse=True)
    for index in duplicated:
        target = min(len(rows), index + rng.randint(1, 40))
        rows.insert(target, list(rows[index]))
    write_csv(path, [header, *rows], delimiter=";", encoding="cp1252", quoting=csv.QUOTE_MINIMAL)
    return len(rows), len(duplicated)


def write_28_08(path: Path, records: list[Record], rng: random.Random) -> tuple[int, int]:
    header = [
        "Burgerservicenummer",
        "Voornaam",
        "Tussenvoegsel",
        "Achternaam",
        "Geboortedatum",
        "Straat",
        "Huisnummer",
        "PC4",
        "Woonplaats",
        "Gemeente woonadres",
        "BRIN+vestiging",
        "Type onderwijs",
        "Zorgarrangement",
        "Startdatum",
        "Einddatum",
        "Werkelijke kosten",
    ]
    ordered = sorted(records, key=lambda r: (r.pupil.last, r.pupil.first, r.pupil.bsn))
    rows: list[list[str]] = []
    without_type = 0
    for r in ordered:
        p = r.pupil
        kind = type_label(rng, r)
        single_type_location = r.school.structure != "SO/VSO"
        if single_type_location and rng.random() < 0.03:
            kind, without_type = "", without_type + 1
        rows.append(
            [
                p.bsn,
                p.first,
                p.tussen,
                p.last,
                p.birth.isoformat(),
                p.street,
                p.number,
                p.postcode[:4],
                place_label(rng, p.place, 0.4),
                municipality_label(rng, p.res),
                r.school.brinvest,
                kind,
                r.arrangement,
                r.start.isoformat() if r.start else "",
                r.end.isoformat() if r.end else "",
                f"{r.cost_cents / 100:.2f}",
            ]
        )
    write_csv(path, [header, *rows], delimiter=",", encoding="utf-8-sig", quoting=csv.QUOTE_ALL)
    return len(rows), without_type
