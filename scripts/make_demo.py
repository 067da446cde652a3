#!/usr/bin/env python
"""Generate the synthetic demo region in ``grensverkeer/resources/demo/``.

Everything written here is synthetic: school codes (BRIN), school names, pupils, names, BSNs
(random numbers that pass the 11-proef), addresses and amounts are made up with a seeded
``random.Random``. Only the municipality codes, place names and PC4 codes are real; they are
embedded below (taken from the national tables in ``shared/data``), so the script needs no
other input.

Usage (from the repository root)::

    /work/venv/bin/python scripts/make_demo.py            # writes grensverkeer/resources/demo/
    /work/venv/bin/python scripts/make_demo.py --out DIR  # writes into DIR instead

The output is deterministic: the same script gives the same files, byte for byte on the same
library versions (zip-based formats are written with fixed timestamps and fixed document
properties).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "grensverkeer" / "resources" / "demo"

SEED = 28_06_2024
FIXED_DATETIME = dt.datetime(2024, 10, 1, 12, 0, 0)
ZIP_DATE_TIME = (2024, 10, 1, 12, 0, 0)

YEAR_23 = "2023-2024"
YEAR_24 = "2024-2025"
PEILDATUM = {YEAR_23: dt.date(2023, 10, 1), YEAR_24: dt.date(2024, 10, 1)}

D = dt.date

# ---------------------------------------------------------------------------------------------
# Reference constants (from shared/data: gemeenten.csv, woonplaatsen.csv, pc4.csv)
# ---------------------------------------------------------------------------------------------

H10 = (
    "GM0518",
    "GM0503",
    "GM1916",
    "GM1842",
    "GM1926",
    "GM0603",
    "GM0626",
    "GM0629",
    "GM1783",
    "GM0637",
)


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str  # CBS name as in gemeenten.csv
    duo_name: str  # GEMEENTENAAM as DUO writes it
    places: tuple[tuple[str, int], ...]  # (woonplaats, weight); each unambiguous in the region
    pc4: tuple[str, ...]  # PC4 areas whose dominant municipality is this one (pc4.csv)

    @property
    def number(self) -> str:
        return self.code[2:]


def _pc4_range(*spans: tuple[int, int] | int) -> tuple[str, ...]:
    out: list[str] = []
    for span in spans:
        if isinstance(span, int):
            out.append(str(span))
        else:
            out.extend(str(n) for n in range(span[0], span[1] + 1))
    return tuple(out)


MUNICIPALITIES: dict[str, Municipality] = {
    m.code: m
    for m in (
        Municipality(
            "GM0518",
            "'s-Gravenhage",
            "S GRAVENHAGE",
            (("Den Haag", 1),),
            _pc4_range(
                (2491, 2493),
                (2495, 2498),
                (2511, 2518),
                (2521, 2526),
                (2531, 2533),
                (2541, 2548),
                (2551, 2555),
                (2561, 2566),
                (2571, 2574),
                (2581, 2587),
                (2591, 2597),
            ),
        ),
        Municipality(
            "GM0503",
            "Delft",
            "DELFT",
            (("Delft", 1),),
            _pc4_range((2611, 2614), 2616, (2622, 2629)),
        ),
        Municipality(
            "GM1916",
            "Leidschendam-Voorburg",
            "LEIDSCHENDAM-VOORBURG",
            (("Leidschendam", 45), ("Voorburg", 55)),
            _pc4_range((2261, 2267), (2271, 2275)),
        ),
        Municipality(
            "GM1842",
            "Midden-Delfland",
            "MIDDEN-DELFLAND",
            (("Den Hoorn", 35), ("Maasland", 35), ("Schipluiden", 30)),
            _pc4_range(2635, 2636, 3155),
        ),
        Municipality(
            "GM1926",
            "Pijnacker-Nootdorp",
            "PIJNACKER-NOOTDORP",
            (("Pijnacker", 45), ("Nootdorp", 35), ("Delfgauw", 20)),
            _pc4_range((2631, 2632), (2641, 2643), 2645),
        ),
        Municipality(
            "GM0603",
            "Rijswijk (ZH.)",
            "RIJSWIJK (ZH.)",
            (("Rijswijk", 1),),
            _pc4_range((2281, 2289)),
        ),
        Municipality(
            "GM0626", "Voorschoten", "VOORSCHOTEN", (("Voorschoten", 1),), _pc4_range((2251, 2254))
        ),
        Municipality(
            "GM0629", "Wassenaar", "WASSENAAR", (("Wassenaar", 1),), _pc4_range((2241, 2245))
        ),
        Municipality(
            "GM1783",
            "Westland",
            "WESTLAND",
            (
                ("Naaldwijk", 25),
                ("'s-Gravenzande", 20),
                ("Wateringen", 15),
                ("Monster", 10),
                ("De Lier", 10),
                ("Poeldijk", 7),
                ("Honselersdijk", 5),
                ("Kwintsheul", 4),
                ("Maasdijk", 3),
                ("Ter Heijde", 1),
            ),
            _pc4_range(
                (2291, 2292),
                2295,
                (2671, 2673),
                (2675, 2676),
                2678,
                2681,
                (2684, 2685),
                (2691, 2694),
            ),
        ),
        Municipality(
            "GM0637",
            "Zoetermeer",
            "ZOETERMEER",
            (("Zoetermeer", 1),),
            _pc4_range((2711, 2713), (2715, 2719), (2721, 2729)),
        ),
        # neighbours
        Municipality(
            "GM0546",
            "Leiden",
            "LEIDEN",
            (("Leiden", 1),),
            _pc4_range((2311, 2318), (2321, 2324), (2331, 2334)),
        ),
        Municipality(
            "GM0599",
            "Rotterdam",
            "ROTTERDAM",
            (("Rotterdam", 70), ("Hoek van Holland", 30)),
            _pc4_range(
                (3011, 3016),
                (3021, 3029),
                (3031, 3039),
                (3041, 3047),
                (3051, 3056),
                (3061, 3069),
                (3071, 3079),
                (3081, 3089),
                3151,
            ),
        ),
        Municipality(
            "GM1621",
            "Lansingerland",
            "LANSINGERLAND",
            (("Berkel en Rodenrijs", 45), ("Bergschenhoek", 35), ("Bleiswijk", 20)),
            _pc4_range((2651, 2652), (2661, 2662), 2665),
        ),
        Municipality(
            "GM0606",
            "Schiedam",
            "SCHIEDAM",
            (("Schiedam", 1),),
            _pc4_range((3111, 3119), (3121, 3125)),
        ),
        Municipality(
            "GM0556", "Maassluis", "MAASSLUIS", (("Maassluis", 1),), _pc4_range((3141, 3147))
        ),
        Municipality(
            "GM0537",
            "Katwijk",
            "KATWIJK",
            (("Katwijk", 70), ("Rijnsburg", 30)),
            _pc4_range((2221, 2225), 2231, 2235),
        ),
        # elsewhere in the country (a valid CBS code outside the region)
        Municipality(
            "GM0344",
            "Utrecht",
            "UTRECHT",
            (("Utrecht", 1),),
            _pc4_range((3511, 3515), (3521, 3522)),
        ),
        Municipality(
            "GM0363", "Amsterdam", "AMSTERDAM", (("Amsterdam", 1),), _pc4_range((1011, 1019))
        ),
        Municipality(
            "GM0394",
            "Haarlemmermeer",
            "HAARLEMMERMEER",
            (("Hoofddorp", 1),),
            _pc4_range((2131, 2135)),
        ),
        Municipality(
            "GM0268",
            "Nijmegen",
            "NIJMEGEN",
            (("Nijmegen", 1),),
            _pc4_range(6511, 6512, 6515, (6521, 6525)),
        ),
        Municipality(
            "GM0484",
            "Alphen aan den Rijn",
            "ALPHEN AAN DEN RIJN",
            (("Alphen aan den Rijn", 1),),
            _pc4_range((2401, 2409)),
        ),
        Municipality("GM0513", "Gouda", "GOUDA", (("Gouda", 1),), _pc4_range((2801, 2809))),
    )
}

# PC4 areas per place where a municipality has several places (best effort: the national table
# gives the municipality per PC4, not the place; every PC4 here is in the right municipality).
PLACE_PC4: dict[str, tuple[str, ...]] = {
    "Leidschendam": _pc4_range((2261, 2267)),
    "Voorburg": _pc4_range((2271, 2275)),
    "Den Hoorn": ("2635",),
    "Schipluiden": ("2636",),
    "Maasland": ("3155",),
    "Nootdorp": ("2631", "2632"),
    "Pijnacker": _pc4_range((2641, 2643)),
    "Delfgauw": ("2645",),
    "Wateringen": ("2291", "2292"),
    "Kwintsheul": ("2295",),
    "Naaldwijk": _pc4_range((2671, 2673)),
    "Honselersdijk": ("2675",),
    "Maasdijk": ("2676",),
    "De Lier": ("2678",),
    "Monster": ("2681",),
    "Ter Heijde": ("2684",),
    "Poeldijk": ("2685",),
    "'s-Gravenzande": _pc4_range((2691, 2694)),
    "Berkel en Rodenrijs": ("2651", "2652"),
    "Bergschenhoek": ("2661", "2662"),
    "Bleiswijk": ("2665",),
    "Hoek van Holland": ("3151",),
    "Rotterdam": _pc4_range(
        (3011, 3016),
        (3021, 3029),
        (3031, 3039),
        (3041, 3047),
        (3051, 3056),
        (3061, 3069),
        (3071, 3079),
        (3081, 3089),
    ),
    "Katwijk": _pc4_range((2221, 2225)),
    "Rijnsburg": ("2231",),
}


def place_pc4(code: str, place: str) -> tuple[str, ...]:
    return PLACE_PC4.get(place, MUNICIPALITIES[code].pc4)


# Municipality-name variants as they appear in residence-municipality columns.
NAME_VARIANTS: dict[str, tuple[tuple[str, int], ...]] = {
    "GM0518": (
        ("Den Haag", 50),
        ("'s-Gravenhage", 25),
        ("’s-Gravenhage", 15),
        ("s-Gravenhage", 5),
        ("The Hague", 1),
    ),
    "GM0603": (("Rijswijk (ZH)", 50), ("Rijswijk (ZH.)", 30), ("Rijswijk ZH", 20)),
    "GM1916": (("Leidschendam-Voorburg", 70), ("Leidschendam Voorburg", 30)),
    "GM1842": (("Midden-Delfland", 75), ("Midden Delfland", 25)),
    "GM1926": (("Pijnacker-Nootdorp", 75), ("Pijnacker Nootdorp", 25)),
    "GM1783": (("Westland", 70), ("Gemeente Westland", 30)),
}

# School-year start dates (region Midden) used as typical enrolment dates.
YEAR_STARTS = (D(2019, 9, 2), D(2020, 8, 17), D(2021, 8, 30), D(2022, 8, 29), D(2023, 8, 28))
START_24 = D(2024, 8, 26)

# ---------------------------------------------------------------------------------------------
# Schools
# ---------------------------------------------------------------------------------------------

# Locations per municipality:
#   BAO, SBAO, (V)SO with SO only, VSO only, SO/VSO, VO VBO/MAVO, HAVO/VWO, VBO/MAVO/HAVO/VWO, PRO
SCHOOL_PLAN: dict[str, tuple[int, ...]] = {
    "GM0518": (128, 7, 4, 5, 5, 12, 12, 14, 4),
    "GM0637": (34, 2, 1, 2, 1, 3, 3, 3, 1),
    "GM1783": (38, 2, 0, 1, 1, 2, 1, 3, 1),
    "GM0503": (24, 2, 1, 2, 1, 3, 3, 3, 1),
    "GM1916": (24, 1, 0, 1, 1, 1, 2, 2, 0),
    "GM0603": (13, 1, 1, 1, 0, 1, 1, 2, 0),
    "GM1926": (16, 1, 0, 0, 0, 1, 1, 1, 0),
    "GM1842": (8, 0, 0, 0, 0, 0, 0, 1, 0),
    "GM0629": (8, 0, 0, 1, 0, 0, 0, 1, 0),
    "GM0626": (7, 0, 0, 0, 0, 0, 0, 1, 0),
    "GM0546": (6, 1, 1, 1, 1, 1, 2, 2, 1),
    "GM0599": (6, 0, 1, 2, 1, 2, 2, 2, 0),
    "GM1621": (4, 1, 0, 0, 0, 0, 1, 1, 0),
    "GM0606": (3, 0, 0, 1, 0, 1, 0, 1, 0),
    "GM0556": (3, 1, 0, 0, 0, 1, 0, 1, 0),
}

# Extra locations of a BRIN in another municipality (main municipality -> branch municipality).
CROSS_BRANCHES_VO = (
    ("GM0518", "GM0603"),
    ("GM0503", "GM1926"),
    ("GM0518", "GM1916"),
    ("GM1783", "GM1842"),
)
CROSS_BRANCHES_VSO = (
    ("GM0518", "GM0603"),
    ("GM0518", "GM1916"),
    ("GM0503", "GM1783"),
    ("GM0637", "GM1926"),
)

SCHOOL_WORDS = (
    "De Atlas",
    "Het Baken",
    "De Branding",
    "De Duinpan",
    "Het Anker",
    "De Vuurtoren",
    "De Horizon",
    "Het Kompas",
    "De Regenboog",
    "De Windroos",
    "Het Palet",
    "De Zeester",
    "De Klimop",
    "De Wilgenhoek",
    "Het Tuinpad",
    "De Schakel",
    "De Brug",
    "De Sterrenwacht",
    "Het Duinhuis",
    "De Polderhoeve",
    "De Vlinderhof",
    "De Lindeboom",
    "Het Zonnehuis",
    "De Kade",
    "De Waterlelie",
    "Het Groene Eiland",
    "De Boomgaard",
    "De Kastanje",
    "De Eendracht",
    "De Meander",
    "Het Startpunt",
    "De Ontdekking",
    "De Sleutel",
    "De Kiem",
    "Het Leerhuis",
    "De Notenkraker",
    "De Zandloper",
    "De Merel",
    "De Reiger",
    "Het Vogelnest",
    "De Kreek",
    "De Hofvijver",
    "Het Vaarwater",
    "De Toren",
    "De Tweemaster",
)
STREETS = (
    "Kerkstraat",
    "Schoolstraat",
    "Dorpsstraat",
    "Molenweg",
    "Parklaan",
    "Lindelaan",
    "Kastanjelaan",
    "Beukenlaan",
    "Zeeweg",
    "Duinweg",
    "Havenkade",
    "Stationsweg",
    "Oranjelaan",
    "Julianastraat",
    "Wilhelminastraat",
    "Prins Hendrikstraat",
    "Vlietweg",
    "Tuinbouwlaan",
    "Kasweg",
    "Polderweg",
    "Dijkweg",
    "Noordeinde",
    "Zuideinde",
    "Laan van Meerzicht",
    "Laan van Oostduin",
    "Hofweg",
    "Singel",
    "Breestraat",
    "Rozenstraat",
    "Tulpstraat",
    "Esdoornlaan",
    "Wateringkade",
    "Slotlaan",
    "Ruiterweg",
)
POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"


@dataclass
class School:
    brin: str
    vest: str  # "00", "01", ...
    gm: str
    sector: str  # BAO | SBAO | VSO_SO | VO
    structure: str  # VO: ONDERWIJSSTRUCTUUR; (V)SO: ONDERWIJS (SO, VSO, SO/VSO); else ""
    name: str
    street: str
    number: str
    postcode: str
    place: str
    gezag: str
    weight: float

    @property
    def brinvest(self) -> str:
        return self.brin + self.vest

    def offers(self, kind: str) -> bool:
        if kind == "PO":
            return self.sector == "BAO"
        if kind == "SBO":
            return self.sector == "SBAO"
        if kind in ("SO", "VSO"):
            return self.sector == "VSO_SO" and kind in self.structure.split("/")
        return self.sector == "VO"


def _postcode(rng: random.Random, pc4: str) -> str:
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            return f"{pc4} {letters}"


def _weighted(rng: random.Random, pairs) -> str:
    items = list(pairs)
    return rng.choices([p for p, _ in items], weights=[w for _, w in items])[0]


def _house_number(rng: random.Random) -> str:
    number = str(rng.randint(1, 220))
    if rng.random() < 0.12:
        number += rng.choice(("A", "B", "C", "-1", "-2"))
    return number


def build_schools(rng: random.Random) -> list[School]:
    used_brins: set[str] = set()

    def new_brin() -> str:
        while True:
            brin = (
                f"{rng.randint(0, 99):02d}"
                + rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                + rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            )
            if brin not in used_brins:
                used_brins.add(brin)
                return brin

    def gezag() -> str:
        return str(rng.randint(40000, 79999))

    def location(gm: str, sector: str, structure: str, name: str) -> dict:
        muni = MUNICIPALITIES[gm]
        place = _weighted(rng, muni.places)
        return {
            "gm": gm,
            "sector": sector,
            "structure": structure,
            "name": name,
            "street": rng.choice(STREETS),
            "number": _house_number(rng),
            "postcode": _postcode(rng, rng.choice(place_pc4(gm, place))).replace(" ", ""),
            "place": place,
            "weight": round(rng.uniform(0.4, 2.0), 3),
        }

    def school_name(sector: str, structure: str, place: str) -> str:
        word = rng.choice(SCHOOL_WORDS)
        if sector == "BAO":
            prefix = rng.choice(
                ("OBS", "CBS", "RKBS", "Basisschool", "IKC", "Daltonschool", "Montessorischool")
            )
        elif sector == "SBAO":
            prefix = rng.choice(("SBO", "Speciale basisschool", "SBO-school"))
        elif sector == "VSO_SO":
            prefix = {"SO": "SO", "VSO": "VSO", "SO/VSO": "Expertisecentrum"}[structure]
        else:
            prefix = {
                "VBO/MAVO": rng.choice(("Vmbo", "Mavo", "Techniek College")),
                "HAVO/VWO": rng.choice(("Lyceum", "Gymnasium", "College")),
                "VBO/MAVO/HAVO/VWO": rng.choice(("Scholengemeenschap", "College")),
                "PRO": "Praktijkschool",
            }[structure]
        name = f"{prefix} {word}"
        if rng.random() < 0.3:
            name += f" {place}"
        return name

    # 1. all locations
    plan: list[dict] = []
    for gm, counts in SCHOOL_PLAN.items():
        bao, sbao, so, vso, sovso, vm, hv, comb, pro = counts
        specs = (
            [("BAO", "")] * bao
            + [("SBAO", "")] * sbao
            + [("VSO_SO", "SO")] * so
            + [("VSO_SO", "VSO")] * vso
            + [("VSO_SO", "SO/VSO")] * sovso
            + [("VO", "VBO/MAVO")] * vm
            + [("VO", "HAVO/VWO")] * hv
            + [("VO", "VBO/MAVO/HAVO/VWO")] * comb
            + [("VO", "PRO")] * pro
        )
        for sector, structure in specs:
            loc = location(gm, sector, structure, "")
            loc["name"] = school_name(sector, structure, loc["place"])
            plan.append(loc)

    # 2. group locations into BRINs (some BRINs have several locations)
    schools: list[School] = []
    by_brin: dict[str, list[School]] = defaultdict(list)

    def add(loc: dict, brin: str, gz: str) -> None:
        vest = f"{len(by_brin[brin]):02d}"
        school = School(brin=brin, vest=vest, gezag=gz, **loc)
        by_brin[brin].append(school)
        schools.append(school)

    current_brin = ""
    current_gz = ""
    left_in_group = 0
    previous_key: tuple[str, str] = ("", "")
    for loc in plan:
        key = (loc["gm"], loc["sector"])
        if key != previous_key or left_in_group == 0:
            current_brin, current_gz = new_brin(), gezag()
            if loc["sector"] == "BAO":
                left_in_group = 2 if rng.random() < 0.1 else 1
            elif loc["sector"] in ("VO", "VSO_SO"):
                left_in_group = rng.choice((1, 1, 2, 2, 3))
            else:
                left_in_group = 1
            previous_key = key
        add(loc, current_brin, current_gz)
        left_in_group -= 1

    # 3. a few BRINs with a location in another municipality
    for sector, pairs in (("VO", CROSS_BRANCHES_VO), ("VSO_SO", CROSS_BRANCHES_VSO)):
        for main_gm, branch_gm in pairs:
            candidates = [
                s for s in schools if s.gm == main_gm and s.sector == sector and s.vest == "00"
            ]
            main = rng.choice(candidates)
            structure = main.structure
            loc = location(branch_gm, sector, structure, "")
            loc["name"] = f"{main.name} locatie {MUNICIPALITIES[branch_gm].places[0][0]}"
            add(loc, main.brin, main.gezag)
    schools.sort(key=lambda s: (s.brin, s.vest))
    return schools


# ---------------------------------------------------------------------------------------------
# Pupils
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Daan",
    "Sem",
    "Lucas",
    "Finn",
    "Levi",
    "Milan",
    "Noah",
    "Jesse",
    "Thijs",
    "Luuk",
    "Bram",
    "Ruben",
    "Sven",
    "Mees",
    "Stijn",
    "Julian",
    "Gijs",
    "Niels",
    "Jayden",
    "Mohammed",
    "Adam",
    "Yusuf",
    "Ayoub",
    "Bilal",
    "Emre",
    "Mert",
    "Ravi",
    "Dewesh",
    "Jakub",
    "Kacper",
    "Noël",
    "Emma",
    "Julia",
    "Mila",
    "Tess",
    "Sophie",
    "Zoë",
    "Sara",
    "Anna",
    "Evi",
    "Lotte",
    "Fleur",
    "Noor",
    "Lieke",
    "Isa",
    "Fenna",
    "Saar",
    "Roos",
    "Chloë",
    "Yara",
    "Fatima",
    "Salma",
    "Aya",
    "Nour",
    "Elif",
    "Zeynep",
    "Anjali",
    "Priya",
    "Zuzanna",
    "Maja",
    "Inaya",
    "Liv",
)
SURNAMES = (
    ("de", "Vries"),
    ("", "Jansen"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("van", "Dijk"),
    ("", "Koster"),
    ("", "Verhoeven"),
    ("", "Kuipers"),
    ("van", "Vliet"),
    ("", "Prins"),
    ("", "Blom"),
    ("", "Zwart"),
    ("van", "Wijk"),
    ("", "Schouten"),
    ("", "Post"),
    ("van", "Rijn"),
    ("", "Hoekstra"),
    ("", "Koning"),
    ("", "Bosman"),
    ("van", "Beek"),
    ("van der", "Zande"),
    ("", "Duijvestijn"),
    ("", "Vreugdenhil"),
    ("van", "Geest"),
    ("", "Zuiderwijk"),
    ("", "Verbeek"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "Demir"),
    ("El", "Amrani"),
    ("", "Bouzid"),
    ("", "Tahiri"),
    ("", "Ramdin"),
    ("", "Mahabier"),
    ("", "Jagesar"),
    ("", "Nowak"),
    ("", "Kowalczyk"),
    ("", "Haddou"),
    ("", "Ouali"),
    ("", "Bennani"),
    ("dos", "Santos"),
    ("", "Pinas"),
    ("", "Sno"),
)

ARRANGEMENTS: dict[str, tuple[tuple[str, int], ...]] = {
    "VSO": (
        ("Onderwijs-zorgarrangement", 45),
        ("Zorg in de klas", 25),
        ("Dagbesteding + onderwijs", 15),
        ("Individuele begeleiding", 15),
    ),
    "SO": (
        ("Onderwijs-zorgarrangement", 50),
        ("Zorg in de klas", 30),
        ("Dagbesteding + onderwijs", 20),
    ),
    "VO": (
        ("Ambulante begeleiding", 50),
        ("Zorg in de klas", 30),
        ("Onderwijs-zorgarrangement", 20),
    ),
    "SBO": (("Zorg in de klas", 60), ("Ambulante begeleiding", 40)),
    "PO": (("Zorg in de klas", 50), ("Ambulante begeleiding", 50)),
}
TARIFF_CENTS = {
    "Onderwijs-zorgarrangement": 1_250_000,
    "Zorg in de klas": 680_000,
    "Dagbesteding + onderwijs": 1_800_000,
    "Ambulante begeleiding": 320_000,
    "Individuele begeleiding": 540_000,
}
AGE_RANGE = {"PO": (5, 12), "SBO": (6, 12), "SO": (5, 12), "VSO": (12, 19), "VO": (12, 17)}

TYPE_SHARES_IN = (("VO", 40), ("VSO", 27), ("SO", 12), ("SBO", 10), ("PO", 11))
TYPE_SHARES_OUT = (("VO", 35), ("VSO", 45), ("SO", 20))
TYPE_SHARES_LANSINGERLAND = (("VO", 45), ("VSO", 35), ("SO", 10), ("SBO", 10))
PO_RESIDENCES = ("GM0518", "GM0603", "GM1916", "GM0629")

FLOWS: dict[str, dict[str, dict[str, int]]] = {
    "VO": {
        "GM0518": {"GM0518": 86, "GM0603": 7, "GM1916": 4, "GM0503": 2, "GM0629": 1},
        "GM0603": {"GM0603": 48, "GM0518": 40, "GM0503": 10, "GM1916": 2},
        "GM1916": {"GM1916": 60, "GM0518": 30, "GM0637": 6, "GM0603": 4},
        "GM0503": {"GM0503": 90, "GM1926": 3, "GM0518": 3, "GM0603": 2, "GM1783": 2},
        "GM1842": {
            "GM0503": 45,
            "GM1842": 15,
            "GM1783": 15,
            "GM0556": 10,
            "GM0606": 10,
            "GM0599": 5,
        },
        "GM1926": {"GM0503": 40, "GM1926": 35, "GM0637": 10, "GM1621": 10, "GM0518": 5},
        "GM0629": {"GM0629": 35, "GM0518": 35, "GM0546": 20, "GM0626": 10},
        "GM0626": {"GM0626": 40, "GM0546": 40, "GM0518": 15, "GM0629": 5},
        "GM1783": {"GM1783": 80, "GM0518": 8, "GM0503": 6, "GM1842": 3, "GM0556": 3},
        "GM0637": {"GM0637": 92, "GM0518": 3, "GM1926": 2, "GM1916": 3},
        "GM0546": {"GM0626": 50, "GM0629": 20, "GM0518": 30},
        "GM0599": {"GM0503": 35, "GM0518": 30, "GM1783": 20, "GM1842": 15},
        "GM1621": {"GM0503": 30, "GM0637": 25, "GM1926": 25, "GM1621": 20},
        "GM0537": {"GM0629": 60, "GM0518": 40},
        "GM0606": {"GM0503": 60, "GM1842": 40},
        "GM0556": {"GM1783": 60, "GM0503": 40},
        "*": {"GM0518": 70, "GM0503": 30},
    },
    "VSO": {
        "GM0518": {"GM0518": 80, "GM0603": 8, "GM1916": 4, "GM0503": 3, "GM0637": 2, "GM1783": 3},
        "GM0603": {"GM0518": 55, "GM0603": 35, "GM0503": 10},
        "GM1916": {"GM0518": 55, "GM1916": 35, "GM0637": 10},
        "GM0503": {"GM0503": 65, "GM0518": 25, "GM0599": 5, "GM0603": 5},
        "GM1842": {"GM0503": 55, "GM0518": 20, "GM1783": 15, "GM0599": 10},
        "GM1926": {"GM0503": 50, "GM0518": 20, "GM0637": 25, "GM0599": 5},
        "GM0629": {"GM0518": 60, "GM0546": 25, "GM0629": 15},
        "GM0626": {"GM0546": 50, "GM0518": 40, "GM0629": 10},
        "GM1783": {"GM1783": 45, "GM0518": 40, "GM0503": 10, "GM0599": 5},
        "GM0637": {"GM0637": 75, "GM0518": 20, "GM0503": 5},
        "GM0546": {"GM0518": 60, "GM0629": 40},
        "GM0599": {"GM0518": 40, "GM0503": 40, "GM1783": 20},
        "GM1621": {"GM0503": 45, "GM0637": 40, "GM0518": 15},
        "GM0537": {"GM0518": 60, "GM0629": 40},
        "GM0606": {"GM0503": 70, "GM0518": 30},
        "GM0556": {"GM1783": 50, "GM0503": 50},
        "*": {"GM0518": 80, "GM0503": 20},
    },
    "SBO": {
        "GM0518": {"GM0518": 94, "GM0603": 4, "GM1916": 2},
        "GM0603": {"GM0603": 65, "GM0518": 35},
        "GM1916": {"GM1916": 75, "GM0518": 25},
        "GM0503": {"GM0503": 95, "GM1926": 5},
        "GM1842": {"GM0503": 60, "GM1783": 40},
        "GM1926": {"GM1926": 55, "GM0503": 45},
        "GM0629": {"GM1916": 60, "GM0518": 40},
        "GM0626": {"GM0546": 70, "GM0518": 30},
        "GM1783": {"GM1783": 100},
        "GM0637": {"GM0637": 100},
        "GM1621": {"GM1621": 50, "GM0503": 50},
        "*": {"GM0518": 100},
    },
    "PO": {
        "GM0518": {"GM0518": 97, "GM0603": 2, "GM1916": 1},
        "GM0603": {"GM0603": 80, "GM0518": 20},
        "GM1916": {"GM1916": 90, "GM0518": 10},
        "GM0629": {"GM0629": 85, "GM1916": 15},
        "*": {"GM0518": 100},
    },
}
FLOWS["SO"] = FLOWS["VSO"]

# New pupils in 2024-2025 follow slightly different flows (the trend).
FLOWS_24 = {kind: dict(table) for kind, table in FLOWS.items()}
FLOWS_24["VSO"] = {
    **FLOWS["VSO"],
    "GM1783": {"GM1783": 35, "GM0518": 50, "GM0503": 10, "GM0599": 5},
    "GM0603": {"GM0518": 62, "GM0603": 30, "GM0503": 8},
    "GM1926": {"GM0503": 58, "GM0518": 17, "GM0637": 22, "GM0599": 3},
}
FLOWS_24["VO"] = {
    **FLOWS["VO"],
    "GM0518": {"GM0518": 83, "GM0603": 10, "GM1916": 4, "GM0503": 2, "GM0629": 1},
    "GM1926": {"GM0503": 50, "GM1926": 28, "GM0637": 10, "GM1621": 7, "GM0518": 5},
    "GM1842": {"GM0503": 55, "GM1842": 10, "GM1783": 15, "GM0556": 8, "GM0606": 8, "GM0599": 4},
}
FLOWS_24["SO"] = FLOWS_24["VSO"]

RESIDENTS_23 = {
    "GM0518": 1180,
    "GM0637": 285,
    "GM1783": 275,
    "GM0503": 245,
    "GM1916": 180,
    "GM0603": 140,
    "GM1926": 125,
    "GM1842": 52,
    "GM0629": 58,
    "GM0626": 60,
    "GM0546": 38,
    "GM0599": 42,
    "GM1621": 55,
    "GM0537": 18,
    "GM0606": 10,
    "GM0556": 14,
    "GM0344": 2,
    "GM0363": 2,
    "GM0394": 1,
    "GM0268": 1,
    "GM0484": 1,
    "GM0513": 1,
}
NEW_RESIDENTS_24 = {
    "GM0518": 520,
    "GM0637": 110,
    "GM1783": 122,
    "GM0503": 100,
    "GM1916": 75,
    "GM0603": 62,
    "GM1926": 74,
    "GM1842": 22,
    "GM0629": 25,
    "GM0626": 22,
    "GM0546": 15,
    "GM0599": 20,
    "GM1621": 25,
    "GM0537": 8,
    "GM0606": 4,
    "GM0556": 6,
    "GM0344": 1,
    "GM0363": 1,
    "GM0394": 1,
    "GM0268": 1,
    "GM0513": 1,
}
CONTINUE_RATE = {"VSO": 0.70, "VO": 0.62, "SO": 0.62, "SBO": 0.62, "PO": 0.55}

# Areas: which extract lists a record (by the school's municipality, else the residence).
AREA = {
    "GM0518": "haag",
    "GM0603": "haag",
    "GM1916": "haag",
    "GM0503": "delf",
    "GM1842": "delf",
    "GM1926": "delf",
    "GM1621": "delf",
    "GM0637": "ztm",
    "GM1783": "wl",
}

F_0628 = "2024-2025/swv_28-06_vo_den_haag.xlsx"
F_2809 = "2024-2025/swv_28-09_delflanden.xls"
F_2815 = "2024-2025/swv_28-15_po.ods"
F_2807 = "2024-2025/swv_28-07_zoetermeer.csv"
F_2808 = "2024-2025/swv_28-08_westland.csv"
F_23 = "2023-2024/swv_regio_2023-2024.xlsx"
F_FOUTEN = "met_fouten/swv_met_fouten.xlsx"
FILES_24 = (F_0628, F_2809, F_2815, F_2807, F_2808)


def file_for(kind: str, school_gm: str, res_gm: str) -> str:
    area = AREA.get(school_gm) or AREA.get(res_gm) or "haag"
    if area == "haag":
        return F_2815 if kind in ("PO", "SBO", "SO") else F_0628
    return {"delf": F_2809, "ztm": F_2807, "wl": F_2808}[area]


def residence_file(kind: str, res_gm: str) -> str | None:
    area = AREA.get(res_gm)
    if area is None:
        return None
    if area == "haag":
        return F_2815 if kind in ("PO", "SBO", "SO") else F_0628
    return {"delf": F_2809, "ztm": F_2807, "wl": F_2808}[area]


def bsn_ok(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    digits = [int(c) for c in bsn]
    total = sum((9 - i) * digits[i] for i in range(8)) - digits[8]
    return total % 11 == 0


@dataclass
class Pupil:
    bsn: str
    first: str
    tussen: str
    last: str
    birth: dt.date
    res: str
    place: str
    postcode: str
    street: str
    number: str


@dataclass
class Record:
    pupil: Pupil
    school: School
    kind: str  # PO | SBO | SO | VSO | VO
    vo_label: str  # VMBO | HAVO | PRO for VO, else ""
    arrangement: str
    start: dt.date | None
    end: dt.date | None
    cost_cents: int
    status: str = ""
    files: list[str] = field(default_factory=list)

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.schools = build_schools(self.rng)
        self.used_bsn: set[str] = set()
        self.by_gm_kind: dict[tuple[str, str], list[School]] = defaultdict(list)
        for school in self.schools:
            for kind in ("PO", "SBO", "SO", "VSO", "VO"):
                if school.offers(kind):
                    self.by_gm_kind[(school.gm, kind)].append(school)

    # -- helpers -------------------------------------------------------------------------------
    def new_bsn(self) -> str:
        rng = self.rng
        leading_zero = rng.random() < 0.07
        while True:
            digits = [0 if leading_zero else rng.randint(1, 9)]
            digits += [rng.randint(0, 9) for _ in range(7)]
            check = sum((9 - i) * digits[i] for i in range(8)) % 11
            if check == 10:
                continue
            bsn = "".join(map(str, digits)) + str(check)
            if bsn not in self.used_bsn and bsn_ok(bsn):
                self.used_bsn.add(bsn)
                return bsn

    def random_date(self, first: dt.date, last: dt.date) -> dt.date:
        day = dt.date.fromordinal(self.rng.randint(first.toordinal(), last.toordinal()))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        return day

    def new_pupil(self, res: str, kind: str, peildatum: dt.date, age: int | None = None) -> Pupil:
        rng = self.rng
        muni = MUNICIPALITIES[res]
        lo, hi = AGE_RANGE[kind]
        age = age if age is not None else rng.randint(lo, hi)
        birth_year = peildatum.year - age - 1
        birth = dt.date(birth_year, 10, 2) + dt.timedelta(days=rng.randint(0, 364))
        tussen, last = rng.choice(SURNAMES)
        place = _weighted(rng, muni.places)
        return Pupil(
            bsn=self.new_bsn(),
            first=rng.choice(FIRST_NAMES),
            tussen=tussen,
            last=last,
            birth=birth,
            res=res,
            place=place,
            postcode=_postcode(rng, rng.choice(place_pc4(res, place))),
            street=rng.choice(STREETS),
            number=_house_number(rng),
        )

    def pick_kind(self, res: str) -> str:
        if res == "GM1621":
            shares = TYPE_SHARES_LANSINGERLAND
        elif res not in H10:
            shares = TYPE_SHARES_OUT
        elif res in PO_RESIDENCES:
            shares = TYPE_SHARES_IN
        else:
            shares = tuple(
                (k, w + (11 if k == "VO" else 0)) for k, w in TYPE_SHARES_IN if k != "PO"
            )
        return _weighted(self.rng, shares)

    def pick_school(self, kind: str, res: str, flows) -> School:
        table = flows[kind].get(res) or flows[kind]["*"]
        options = [(gm, w) for gm, w in table.items() if self.by_gm_kind.get((gm, kind))]
        if not options:
            options = [("GM0518", 1)]
        gm = _weighted(self.rng, options)
        locations = self.by_gm_kind[(gm, kind)]
        return self.rng.choices(locations, weights=[s.weight for s in locations])[0]

    def vo_label(self, school: School) -> str:
        if school.sector != "VO":
            return ""
        return {"VBO/MAVO": "VMBO", "HAVO/VWO": "HAVO", "PRO": "PRO"}.get(
            school.structure, self.rng.choice(("VMBO", "HAVO"))
        )

    def new_record(self, pupil: Pupil, kind: str, flows, start, end, status) -> Record:
        school = self.pick_school(kind, pupil.res, flows)
        arrangement = _weighted(self.rng, ARRANGEMENTS[kind])
        cost = int(TARIFF_CENTS[arrangement] * self.rng.uniform(0.6, 1.15))
        return Record(
            pupil=pupil,
            school=school,
            kind=kind,
            vo_label=self.vo_label(school),
            arrangement=arrangement,
            start=start,
            end=end,
            cost_cents=cost,
            status=status,
        )

    def earlier_start(self) -> dt.date:
        if self.rng.random() < 0.75:
            return self.rng.choice(YEAR_STARTS)
        return self.random_date(D(2019, 9, 1), D(2023, 9, 29))

    # -- populations ---------------------------------------------------------------------------
    def population_23(self) -> list[Record]:
        rng = self.rng
        peil = PEILDATUM[YEAR_23]
        records: list[Record] = []
        for res, count in RESIDENTS_23.items():
            for _ in range(count):
                kind = self.pick_kind(res)
                draw = rng.random()
                if draw < 0.015:
                    status = "ended_before_peildatum"
                elif draw < 0.035:
                    status = "started_after_peildatum"
                elif draw < 0.045 and kind in ("SO", "PO", "SBO"):
                    status = "transition"
                elif draw < 0.045 + CONTINUE_RATE[kind] * 0.97:
                    status = "continuing"
                else:
                    status = "left"
                age = None
                if status == "transition":
                    age = 11
                elif status == "continuing":
                    lo, hi = AGE_RANGE[kind]
                    age = rng.randint(lo, hi - 1)
                pupil = self.new_pupil(res, kind, peil, age)
                start: dt.date | None = self.earlier_start()
                end: dt.date | None = None
                if status == "ended_before_peildatum":
                    start = rng.choice(YEAR_STARTS[:-1])
                    end = rng.choice(
                        (D(2023, 9, 15), self.random_date(D(2023, 9, 1), D(2023, 9, 29)))
                    )
                elif status == "started_after_peildatum":
                    start = rng.choice(
                        (D(2024, 1, 8), self.random_date(D(2023, 10, 2), D(2024, 3, 29)))
                    )
                    end = None if rng.random() < 0.5 else D(2024, 7, 31)
                elif status in ("transition", "left"):
                    end = rng.choice(
                        (
                            D(2024, 7, 31),
                            D(2024, 7, 31),
                            D(2024, 7, 12),
                            self.random_date(D(2023, 11, 1), D(2024, 6, 28)),
                        )
                    )
                if status == "started_after_peildatum" and end is None:
                    status = "continuing_late_start"
                records.append(self.new_record(pupil, kind, FLOWS, start, end, status))
        # a few leavers whose record ended 2024-06-30 and still shows up in a 2024-2025 file
        leavers = [r for r in records if r.status == "left" and r.start and r.start <= peil]
        for record in rng.sample(leavers, 10):
            record.end = D(2024, 6, 30)
            record.status = "ended_previous_school_year"
        # a few records without a start date (the rule treats empty start as "from always")
        for record in rng.sample([r for r in records if r.status == "continuing"], 6):
            record.start = None
        return records

    def population_24(self, records_23: list[Record]) -> list[Record]:
        rng = self.rng
        peil = PEILDATUM[YEAR_24]
        out: list[Record] = []
        for record in records_23:
            if record.status in (
                "continuing",
                "continuing_late_start",
                "ended_previous_school_year",
            ):
                out.append(record)  # the very same record (identical in both years)
            elif record.status == "transition":
                nxt = {"SO": "VSO", "PO": "VO", "SBO": "VO"}[record.kind]
                new = None
                if nxt == "VSO" and record.school.offers("VSO") and rng.random() < 0.5:
                    arrangement = _weighted(rng, ARRANGEMENTS["VSO"])
                    new = Record(
                        record.pupil,
                        record.school,
                        "VSO",
                        "",
                        arrangement,
                        START_24,
                        None,
                        int(TARIFF_CENTS[arrangement] * rng.uniform(0.6, 1.15)),
                        "transition_new",
                    )
                if new is None:
                    new = self.new_record(
                        record.pupil, nxt, FLOWS_24, START_24, None, "transition_new"
                    )
                out.append(new)
        for res, count in NEW_RESIDENTS_24.items():
            for _ in range(count):
                kind = self.pick_kind(res)
                pupil = self.new_pupil(res, kind, peil)
                draw = rng.random()
                start: dt.date | None = START_24
                end: dt.date | None = None if rng.random() < 0.6 else D(2025, 7, 31)
                status = "new"
                if draw < 0.021:
                    status, start, end = "ended_before_peildatum", START_24, D(2024, 9, 15)
                elif draw < 0.042:
                    status, start = "started_after_peildatum", D(2025, 1, 6)
                elif draw < 0.20:
                    start = self.random_date(D(2024, 8, 27), D(2024, 9, 30))
                out.append(self.new_record(pupil, kind, FLOWS_24, start, end, status))
        # boundary cases around the peildatum
        fresh = [r for r in out if r.status == "new" and r.end is None]
        picks = rng.sample(fresh, 8)
        for record, (start, end, status) in zip(
            picks,
            (
                (D(2024, 10, 1), None, "boundary_start_on_peildatum"),
                (D(2024, 10, 1), D(2025, 7, 31), "boundary_start_on_peildatum"),
                (START_24, D(2024, 10, 1), "boundary_end_on_peildatum"),
                (START_24, D(2024, 10, 1), "boundary_end_on_peildatum"),
                (START_24, D(2024, 9, 30), "ended_before_peildatum"),
                (START_24, D(2024, 9, 30), "ended_before_peildatum"),
                (D(2024, 10, 2), None, "started_after_peildatum"),
                (D(2024, 10, 2), None, "started_after_peildatum"),
            ),
            strict=True,
        ):
            record.start, record.end, record.status = start, end, status
        return out


# ---------------------------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------------------------


def nl_date(day: dt.date | None, short: bool = False) -> str:
    if day is None:
        return ""
    if short:
        return f"{day.day}-{day.month}-{day.year}"
    return day.strftime("%d-%m-%Y")


def nl_amount(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", ".") + f",{rest:02d}"


def display_name(p: Pupil) -> tuple[str, str]:
    """Return (surname with tussenvoegsel in front, 'Last, First tussen' style)."""
    full_last = f"{p.tussen} {p.last}".strip()
    listed = f"{p.last}, {p.first}" + (f" {p.tussen}" if p.tussen else "")
    return full_last, listed


def noisy(rng: random.Random, text: str, rate: float) -> str:
    if rng.random() >= rate:
        return text
    if " " in text and rng.random() < 0.6:
        return text.replace(" ", "  ", 1)
    return text + " "


def municipality_label(rng: random.Random, code: str) -> str:
    variants = NAME_VARIANTS.get(code)
    if variants:
        return _weighted(rng, variants)
    return MUNICIPALITIES[code].name


def place_label(rng: random.Random, place: str, curly_rate: float) -> str:
    if place.startswith("'s-") and rng.random() < curly_rate:
        return "’" + place[1:]
    return place


def type_label(rng: random.Random, record: Record, generic_vo_rate: float = 0.4) -> str:
    kind = record.kind
    if kind == "VO":
        return "VO" if rng.random() < generic_vo_rate else record.vo_label
    if kind == "VSO":
        return _weighted(rng, (("VSO", 80), ("vso", 12), ("Vso", 8)))
    if kind == "SBO":
        return _weighted(rng, (("SBO", 70), ("SBAO", 30)))
    if kind == "PO":
        return _weighted(rng, (("PO", 70), ("BAO", 30)))
    return "SO"


def remark(rng: random.Random, record: Record) -> str:
    if record.end is not None and record.end < D(2025, 7, 1) and rng.random() < 0.5:
        return rng.choice(
            ("Verhuisd", "Uitgeschreven", "Terug naar regulier onderwijs", "Arrangement beëindigd")
        )
    if rng.random() < 0.06:
        return rng.choice(
            (
                "TLV tot 31-07-2026",
                "Nieuwe aanvraag loopt",
                "Zie dossier",
                "Taxivervoer",
                "Deeltijd",
            )
        )
    return ""


def title_school(school: School) -> str:
    return school.name


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip container with fixed timestamps (keeps entry order and compression)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def save_workbook(wb, path: Path) -> None:
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.creator = "grensverkeer scripts/make_demo.py (synthetische demodata)"
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # closes the archive; keeps our fixed 'modified'
    path.write_bytes(_normalize_zip(buffer.getvalue()))


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str, encoding: str, quoting: int
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


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


def write_28_06(path: Path, records: list[Record], rng: random.Random) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    info = wb.active
    info.title = "Toelichting"
    lines = (
        "Overzicht leerlingen met een arrangement, schooljaar 2024-2025",
        "",
        "Bron: leerlingadministratie Samenwerkingsverband VO 28-06 (Den Haag, Rijswijk, "
        "Leidschendam-Voorburg).",
        "Peildatum: 1 oktober 2024. De lijst bevat ook leerlingen die voor of na de peildatum "
        "in- of uitstroomden.",
        "Vestiging: 0 = hoofdvestiging, 1 = nevenvestiging.",
        "Onderwijstype: VO, HAVO, VMBO, PRO of VSO.",
        "",
        "SYNTHETISCHE DEMODATA - geen echte leerlingen, BSN's of scholen.",
    )
    for i, line in enumerate(lines, start=1):
        info.cell(row=i, column=1, value=line or None)
    info["A1"].font = Font(bold=True)
    info.column_dimensions["A"].width = 100

    ws = wb.create_sheet("Leerlingen")
    header = [
        "Achternaam",
        "Tussenvoegsel",
        "Voornaam",
        "BSN",
        "Geboortedatum",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Schoolnaam",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
        "Opmerking",
    ]
    last_col = len(header)
    ws.cell(row=1, column=1, value="Samenwerkingsverband VO 28-06").font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value="Peildatum: 1 oktober 2024")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"].alignment = Alignment(horizontal="center")
    for col, name in enumerate(header, start=1):
        ws.cell(row=4, column=col, value=name).font = Font(bold=True)
    ordered = sorted(
        records, key=lambda r: (r.school.brinvest, r.pupil.last, r.pupil.first, r.pupil.bsn)
    )
    row = 5
    for r in ordered:
        p = r.pupil
        brin = r.school.brin.lower() if rng.random() < 0.08 else r.school.brin
        values = [
            p.last,
            p.tussen or None,
            p.first,
            int(p.bsn),
            p.birth,
            noisy(rng, municipality_label(rng, p.res), 0.05),
            brin,
            int(r.school.vest),
            title_school(r.school),
            type_label(rng, r),
            r.arrangement,
            r.start,
            r.end,
            remark(rng, r) or None,
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "DD-MM-YYYY"
        row += 1
    ws.cell(row=row, column=1, value="Totaal").font = Font(bold=True)
    ws.cell(row=row, column=4, value=len(ordered)).font = Font(bold=True)
    for col, width in zip(
        "ABCDEFGHIJKLMN", (18, 8, 12, 12, 13, 22, 7, 9, 36, 13, 26, 12, 12, 24), strict=True
    ):
        ws.column_dimensions[col].width = width
    save_workbook(wb, path)
    return len(ordered)


def write_28_09(path: Path, records: list[Record], rng: random.Random) -> int:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Blad1")
    bold = xlwt.easyxf("font: bold on")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    header = [
        "Burgerservicenummer",
        "Naam",
        "Geboortedatum",
        "Adres",
        "Woonplaats",
        "Brinvest",
        "Schoolnaam",
        "Soort onderwijs",
        "Zorgarrangement",
        "Begindatum",
        "Einddatum",
        "Kosten",
    ]
    for col, name in enumerate(header):
        ws.write(0, col, name, bold)
    ordered = list(records)
    rng.shuffle(ordered)
    row = 1
    blank_after = len(ordered) // 2
    for i, r in enumerate(ordered):
        if i == blank_after:
            row += 1  # a blank row in the middle of the data
        p = r.pupil
        _, listed = display_name(p)
        place = noisy(rng, place_label(rng, p.place, 0.75), 0.03)
        cost: str | float = nl_amount(r.cost_cents) if rng.random() < 0.3 else r.cost_cents / 100
        values = [
            p.bsn,
            listed,
            nl_date(p.birth),
            f"{p.street} {p.number}",
            place,
            r.school.brinvest,
            title_school(r.school),
            type_label(rng, r),
            r.arrangement,
            nl_date(r.start),
            nl_date(r.end),
            cost,
        ]
        for col, value in enumerate(values):
            if isinstance(value, float):
                ws.write(row, col, value, money)
            else:
                ws.write(row, col, value)
        row += 1
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())
    return len(ordered)


def write_28_15(path: Path, records: list[Record], rng: random.Random) -> int:
    import pandas as pd

    columns = [
        "BSN leerling",
        "Roepnaam",
        "Tussenvoegsel",
        "Achternaam",
        "Geboortedatum",
        "Gemeentecode",
        "Postcode",
        "BRIN-nummer",
        "Vestigingsnummer",
        "Type onderwijs",
        "Arrangement",
        "Datum inschrijving",
        "Datum uitschrijving",
    ]
    ordered = sorted(records, key=lambda r: (r.school.brinvest, r.pupil.last, r.pupil.bsn))
    data: list[list[object]] = []
    for r in ordered:
        p = r.pupil
        draw = rng.random()
        code: int | None = int(p.res[2:])
        postcode: str | None = None
        if draw < 0.15:
            code, postcode = None, p.postcode
        elif draw < 0.20:
            postcode = p.postcode
        if postcode is not None and rng.random() < 0.2:
            postcode = postcode.replace(" ", "")
        data.append(
            [
                p.bsn,
                p.first,
                p.tussen or None,
                p.last,
                p.birth,
                code,
                postcode,
                r.school.brin,
                r.school.vest,
                type_label(rng, r),
                r.arrangement,
                r.start,
                r.end,
            ]
        )
    frame = pd.DataFrame(data, columns=columns, dtype=object)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Leerlingen PO", index=False)
    path.write_bytes(_normalize_zip(buffer.getvalue()))
    return len(ordered)


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


def write_2023(path: Path, records: list[Record], rng: random.Random) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Leerlingen 2023-2024"
    header = [
        "BSN",
        "Naam",
        "Geboortedatum",
        "Gemeente",
        "Instellingscode",
        "Vestigingscode",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
        "Kosten",
    ]
    for col, name in enumerate(header, start=1):
        ws.cell(row=1, column=col, value=name).font = Font(bold=True)
    ordered = sorted(records, key=lambda r: (r.pupil.res, r.school.brinvest, r.pupil.bsn))
    for row, r in enumerate(ordered, start=2):
        p = r.pupil
        full_last, _ = display_name(p)
        values = [
            p.bsn,
            f"{p.first} {full_last}",
            p.birth,
            p.res,
            r.school.brin,
            r.school.vest,
            type_label(rng, r, 0.0),
            r.arrangement,
            r.start,
            r.end,
            r.cost_cents / 100,
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "DD-MM-YYYY"
            elif isinstance(value, float):
                cell.number_format = "#,##0.00"
    save_workbook(wb, path)
    return len(ordered)


def write_fouten(path: Path, gen: Generator) -> dict:
    """A small 2024-2025 extract with problems a user must fix (not part of the truth)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rng = gen.rng
    header = [
        "BSN",
        "Roepnaam",
        "Achternaam",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
    ]
    residences = (
        "GM0518",
        "GM0518",
        "GM0518",
        "GM0603",
        "GM1916",
        "GM0637",
        "GM1783",
        "GM0503",
        "GM1926",
    )
    rows: list[list[object]] = []
    for _ in range(40):
        res = rng.choice(residences)
        kind = _weighted(rng, (("VO", 40), ("VSO", 40), ("SO", 20)))
        pupil = gen.new_pupil(res, kind, PEILDATUM[YEAR_24])
        record = gen.new_record(pupil, kind, FLOWS_24, START_24, None, "fouten")
        rows.append(
            [
                pupil.bsn,
                pupil.first,
                f"{pupil.tussen} {pupil.last}".strip(),
                municipality_label(rng, res),
                record.school.brin,
                record.school.vest,
                type_label(rng, record, 0.0),
                record.arrangement,
                nl_date(record.start),
                "",
            ]
        )
    known = {s.brin for s in gen.schools}
    problems: list[dict] = []

    def excel_row(index: int) -> int:
        return index + 2

    # misspelled municipalities
    for index, wrong, code in ((3, "Den Haaag", "GM0518"), (11, "Zoetermer", "GM0637")):
        rows[index][3] = wrong
        problems.append(
            {
                "row": excel_row(index),
                "column": "Woongemeente",
                "value": wrong,
                "problem": "unknown municipality",
                "intended": code,
            }
        )
    # unknown BRIN, one character away from a real one
    for index in (7, 25):
        real = rows[index][4]
        assert isinstance(real, str)
        for pos in (3, 2, 1):
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if pos >= 2 else "0123456789"
            options = [
                real[:pos] + c + real[pos + 1 :]
                for c in alphabet
                if c != real[pos] and real[:pos] + c + real[pos + 1 :] not in known
            ]
            if options:
                wrong = rng.choice(options)
                break
        rows[index][4] = wrong
        problems.append(
            {
                "row": excel_row(index),
                "column": "BRIN",
                "value": wrong,
                "problem": "unknown BRIN",
                "intended": real,
            }
        )
    # a BSN that fails the 11-proef
    good = str(rows[16][0])
    bad = good[:8] + str((int(good[8]) + 3) % 10)
    assert not bsn_ok(bad)
    rows[16][0] = bad
    problems.append(
        {"row": excel_row(16), "column": "BSN", "value": bad, "problem": "BSN fails the 11-proef"}
    )
    # a pupil at an SO/VSO location without a type
    both = [s for s in gen.schools if s.structure == "SO/VSO" and s.gm == "GM0518"]
    school = rng.choice(both)
    rows[20][4], rows[20][5], rows[20][6] = school.brin, school.vest, None
    rows[20][7] = "Onderwijs-zorgarrangement"
    problems.append(
        {
            "row": excel_row(20),
            "column": "Onderwijstype",
            "value": "",
            "problem": "SO/VSO location without onderwijstype",
            "brinvest": school.brinvest,
        }
    )
    # an impossible date
    rows[30][8] = "31-02-2024"
    problems.append(
        {
            "row": excel_row(30),
            "column": "Startdatum",
            "value": "31-02-2024",
            "problem": "unparseable date",
        }
    )

    wb = Workbook()
    ws = wb.active
    ws.title = "Leerlingen"
    for col, name in enumerate(header, start=1):
        ws.cell(row=1, column=col, value=name).font = Font(bold=True)
    for r_index, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            ws.cell(row=r_index, column=col, value=value)
    save_workbook(wb, path)
    return {
        "file": F_FOUTEN,
        "school_year": YEAR_24,
        "rows_with_data": len(rows),
        "problems": problems,
        "valid_rows": len(rows) - len(problems),
    }


# ---------------------------------------------------------------------------------------------
# Truth
# ---------------------------------------------------------------------------------------------


def truth_matrix(year: str, records_by_file: dict[str, list[Record]]) -> dict:
    peil = PEILDATUM[year]
    pupil_cell: dict[str, tuple[str, str]] = {}
    for records in records_by_file.values():
        for r in records:
            if r.active_on(peil):
                cell = (r.pupil.res, r.school.gm)
                previous = pupil_cell.setdefault(r.pupil.bsn, cell)
                if previous != cell:
                    raise AssertionError(f"pupil active in two cells: {r.pupil.bsn}")
    counts = Counter(pupil_cell.values())
    cells = [{"from": a, "to": b, "value": n} for (a, b), n in sorted(counts.items())]
    return {"school_year": year, "peildatum": peil.isoformat(), "measure": "pupils", "cells": cells}


def file_counts(year: str, records: list[Record], rows_with_data: int) -> dict:
    peil = PEILDATUM[year]
    return {
        "rows_with_data": rows_with_data,
        "distinct_pupils": len({r.pupil.bsn for r in records}),
        "active_on_peildatum": len({r.pupil.bsn for r in records if r.active_on(peil)}),
    }


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


DEMO_TARIFFS = {  # euros per pupil per school year; synthetic, for the demo only
    "2023-2024": {"PO": 4800, "SBO": 7200, "SO": 10600, "VSO": 12000, "VO": 7700},
    "2024-2025": {"PO": 5000, "SBO": 7500, "SO": 11000, "VSO": 12500, "VO": 8000},
}
DEMO_ARRANGEMENT_TARIFFS = {"2023-2024": 17300, "2024-2025": 18000}  # Dagbesteding + onderwijs
F_TARIEVEN = "tarieven/tarieven_haaglanden.xlsx"


def write_tariffs(path: Path) -> int:
    """The region's tariff table: a title row, then school year, type, arrangement, tariff."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Tarieven"
    ws.append(["Tarieven jeugdhulp in onderwijs, regio Haaglanden (synthetisch, demo)"])
    ws.append([])
    ws.append(["Schooljaar", "Onderwijstype", "Arrangement", "Tarief per leerling"])
    lines = 0
    for year, tariffs in DEMO_TARIFFS.items():
        for kind, euros in tariffs.items():
            ws.append([year, kind, "", nl_amount(euros * 100)])
            lines += 1
        for kind in ("SO", "VSO"):
            ws.append(
                [
                    year,
                    kind,
                    "Dagbesteding + onderwijs",
                    nl_amount(DEMO_ARRANGEMENT_TARIFFS[year] * 100),
                ]
            )
            lines += 1
    save_workbook(wb, path)
    return lines


def generate(out: Path) -> list[Path]:
    """Write the whole demo region into ``out``; return the files written."""
    out = Path(out)
    for sub in ("scholen", "2024-2025", "2023-2024", "met_fouten", "verwacht", "tarieven"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    gen = Generator(SEED)
    rng = gen.rng
    school_counts = write_school_lists(out, gen.schools)

    records_23 = gen.population_23()
    records_24 = gen.population_24(records_23)

    # assign 2024-2025 records to extracts; some pupils appear in two files, identically
    by_file: dict[str, list[Record]] = {name: [] for name in FILES_24}
    for r in records_24:
        r.files = [file_for(r.kind, r.school.gm, r.pupil.res)]
    candidates = [
        r for r in records_24 if residence_file(r.kind, r.pupil.res) not in (None, r.files[0])
    ]
    for r in rng.sample(candidates, 30):
        second = residence_file(r.kind, r.pupil.res)
        assert second is not None
        r.files.append(second)
    for r in records_24:
        for name in r.files:
            by_file[name].append(r)

    rows: dict[str, int] = {}
    rows[F_0628] = write_28_06(out / F_0628, by_file[F_0628], rng)
    rows[F_2809] = write_28_09(out / F_2809, by_file[F_2809], rng)
    rows[F_2815] = write_28_15(out / F_2815, by_file[F_2815], rng)
    rows[F_2807], duplicate_rows = write_28_07(out / F_2807, by_file[F_2807], rng)
    rows[F_2808], without_type = write_28_08(out / F_2808, by_file[F_2808], rng)
    rows[F_23] = write_2023(out / F_23, records_23, rng)
    fouten = write_fouten(out / F_FOUTEN, gen)
    write_tariffs(out / F_TARIEVEN)

    truth_24 = truth_matrix(YEAR_24, by_file)
    truth_23 = truth_matrix(YEAR_23, {F_23: records_23})
    write_json(out / "verwacht" / "matrix_2024-2025.json", truth_24)
    write_json(out / "verwacht" / "matrix_2023-2024.json", truth_23)

    def status_counts(records: list[Record], year: str) -> dict[str, int]:
        peil = PEILDATUM[year]
        inactive = Counter()
        for r in records:
            if r.active_on(peil):
                continue
            if r.start is not None and r.start > peil:
                inactive["started_after_peildatum"] += 1
            elif r.end is not None and r.end < D(peil.year, 8, 1):
                inactive["ended_previous_school_year"] += 1
            else:
                inactive["ended_before_peildatum"] += 1
        return dict(sorted(inactive.items()))

    bsn_24 = {r.pupil.bsn for r in records_24}
    bsn_23 = {r.pupil.bsn for r in records_23}
    summary = {
        "synthetic": True,
        "generated_by": "scripts/make_demo.py",
        "seed": SEED,
        "schools": {
            **school_counts,
            "total_locations": len(gen.schools),
            "distinct_brins": len({s.brin for s in gen.schools}),
        },
        "school_years": {
            YEAR_24: {
                "peildatum": PEILDATUM[YEAR_24].isoformat(),
                "files": {
                    name: file_counts(YEAR_24, by_file[name], rows[name]) for name in FILES_24
                },
                "distinct_pupils": len(bsn_24),
                "active_on_peildatum": sum(c["value"] for c in truth_24["cells"]),
                "pupils_in_two_files": sum(1 for r in records_24 if len(r.files) == 2),
                "identical_duplicate_rows_within_a_file": {F_2807: duplicate_rows},
                "rows_without_onderwijstype": {F_2808: without_type},
                "records_not_active_on_peildatum": status_counts(records_24, YEAR_24),
                "matrix_cells": len(truth_24["cells"]),
            },
            YEAR_23: {
                "peildatum": PEILDATUM[YEAR_23].isoformat(),
                "files": {F_23: file_counts(YEAR_23, records_23, rows[F_23])},
                "distinct_pupils": len(bsn_23),
                "active_on_peildatum": sum(c["value"] for c in truth_23["cells"]),
                "records_not_active_on_peildatum": status_counts(records_23, YEAR_23),
                "matrix_cells": len(truth_23["cells"]),
            },
        },
        "pupils_in_both_school_years": len(bsn_23 & bsn_24),
        "met_fouten": fouten,
    }
    write_json(out / "verwacht" / "summary.json", summary)
    readme = out / "README.md"
    readme.write_text(render_readme(summary), encoding="utf-8")
    written = [out / name for name in (*school_counts, *FILES_24, F_23, F_FOUTEN, F_TARIEVEN)]
    written += [
        out / "verwacht" / n
        for n in ("matrix_2024-2025.json", "matrix_2023-2024.json", "summary.json")
    ]
    written.append(readme)
    return written


def render_readme(summary: dict) -> str:
    s24 = summary["school_years"][YEAR_24]
    s23 = summary["school_years"][YEAR_23]
    sch = summary["schools"]
    f24 = s24["files"]

    def counts(name: str) -> str:
        c = f24[name]
        return (
            f"{c['rows_with_data']} rows, {c['distinct_pupils']} distinct pupils, "
            f"{c['active_on_peildatum']} active on the peildatum"
        )

    def listing(items: dict[str, int]) -> str:
        return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in items.items())

    problems = "\n".join(
        f"- row {p['row']}, `{p['column']}` = `{p['value']}`: {p['problem']}"
        if p["value"]
        else f"- row {p['row']}, `{p['column']}` empty: {p['problem']}"
        for p in summary["met_fouten"]["problems"]
    )
    dup_rows = s24["identical_duplicate_rows_within_a_file"][F_2807]
    no_type = s24["rows_without_onderwijstype"][F_2808]
    return f"""# Demo region (synthetic)

**Everything in this folder is synthetic.** There are no real pupils: names, BSNs (random
numbers that pass the 11-proef), dates of birth, addresses, BRIN codes, school names and
amounts are made up by `scripts/make_demo.py` with a fixed seed ({SEED}). Only the
municipality codes, place names and PC4 areas are real (from the national tables). Any
resemblance of a BRIN or BSN to a real one is chance.

Regenerate from the repository root with

    /work/venv/bin/python scripts/make_demo.py

The script is deterministic: a second run gives identical files. `tests/test_demo_files.py`
checks that the committed files equal a fresh generation.

## The region

The ten Haaglanden municipalities (GM0518 's-Gravenhage, GM0503 Delft, GM1916
Leidschendam-Voorburg, GM1842 Midden-Delfland, GM1926 Pijnacker-Nootdorp, GM0603 Rijswijk,
GM0626 Voorschoten, GM0629 Wassenaar, GM1783 Westland, GM0637 Zoetermeer), with schools also
in Leiden, Rotterdam, Lansingerland, Schiedam and Maassluis. Pupils live in the region, in
those neighbours, in Katwijk, and a few elsewhere in the country (Utrecht, Amsterdam,
Haarlemmermeer, Nijmegen, Alphen aan den Rijn, Gouda: valid CBS codes outside the region).
Voorschoten residents appear in both school years (Voorschoten is not a participant
in 2024-2025). The flows: many pupils go to school in their own municipality (the diagonal),
Den Haag is the largest receiver for VSO, Delft receives from Midden-Delfland and
Pijnacker-Nootdorp, and pupils go from Rijswijk to Den Haag and from Den Haag to Rijswijk.

## `scholen/`: school lists in DUO style

{sch["total_locations"]} locations with {sch["distinct_brins"]} BRINs (2 digits + 2 letters).
Some BRINs have several locations (`00`, `01`, `02`), and a few of those locations lie in
another municipality than the main one: the school municipality must come from BRIN +
vestiging. `PLAATSNAAM` of Den Haag schools is `'S-GRAVENHAGE`.

- `duo_vo_vestigingen.csv` ({sch["scholen/duo_vo_vestigingen.csv"]} locations): `;`, cp1252,
  uppercase. `INSTELLINGSCODE` is the BRIN, `VESTIGINGSCODE` the 6-character code including
  the BRIN (`20XA01`). `GEMEENTENUMMER` as `0518`; `GEMEENTENAAM` DUO style (`S GRAVENHAGE`,
  `RIJSWIJK (ZH.)`). `ONDERWIJSSTRUCTUUR` `VBO/MAVO`, `HAVO/VWO`, `VBO/MAVO/HAVO/VWO` or `PRO`.
- `duo_sbo_so_vso_vestigingen.csv` ({sch["scholen/duo_sbo_so_vso_vestigingen.csv"]}
  locations): `;`, cp1252. `VESTIGINGSNUMMER` 2 digits. `GEMEENTENUMMER` mostly without the
  leading zero (`518`), every third row with it (`0518`). `SOORT PRIMAIR ONDERWIJS` `SBAO`
  (then `ONDERWIJS` is empty) or `(V)SO` with `ONDERWIJS` `SO`, `VSO` or `SO/VSO` (a location
  with both: the pupil record must say which).
- `duo_bao_vestigingen.csv` ({sch["scholen/duo_bao_vestigingen.csv"]} locations): `;`, UTF-8
  with BOM, `SOORT PRIMAIR ONDERWIJS` `BAO`.

## `2024-2025/`: SWV extracts for school year 2024-2025 (peildatum 1 October 2024)

{s24["distinct_pupils"]} distinct pupils, {s24["active_on_peildatum"]} of them active on the
peildatum. An extract lists the pupils at the schools of its area (by the school's
municipality) and, for schools outside the areas, the pupils living in its area. The extracts
of Delft, Zoetermeer and Westland also list the SO and SBO pupils of their area. Extra columns
(names, date of birth, address, school name, remarks) are there because real files have them;
the program ignores them.

- `swv_28-06_vo_den_haag.xlsx` ({counts(F_0628)}):
  Sheet 1 `Toelichting` holds text only (and
  is the active sheet); sheet 2 `Leerlingen` has two title rows merged across the columns, a
  blank row, the header on row 4, the data, and a `Totaal` row with the row count under `BSN`.
  `BSN` is a number (a leading zero is lost), `BRIN` sometimes lowercase, `Vestiging` the
  number 0/1/2, dates are real date cells. `Woongemeente` in variants (Den Haag,
  's-Gravenhage, ’s-Gravenhage, s-Gravenhage, The Hague, Rijswijk (ZH), Rijswijk (ZH.),
  Rijswijk ZH, Leidschendam Voorburg, Midden Delfland, Gemeente Westland, ...), some with a
  double or trailing space. `Onderwijstype` VO, HAVO, VMBO, PRO, VSO, vso or Vso.
- `swv_28-09_delflanden.xls` ({counts(F_2809)}):
  Old Excel 97 format. Header on row 1, one
  blank row in the middle of the data. Combined `Brinvest` (`20XA00`). The residence is given
  **only** as `Woonplaats` (Naaldwijk, ’s-Gravenzande with a curly apostrophe, Den Hoorn =
  Midden-Delfland, Delfgauw, Bergschenhoek, Hoek van Holland, ...), a few with a trailing or
  double space. BSN as text. Dates as Dutch text (`28-08-2023`). `Kosten` is a number, or
  text like `1.234,56` in about 30% of the rows. `Soort onderwijs` also `SBAO`.
- `swv_28-15_po.ods` ({counts(F_2815)}):
  OpenDocument, sheet `Leerlingen PO`, SBO, SO and PO
  pupils. `Gemeentecode` numeric (`518`, `1783`) in most rows; about 15% of the rows have only
  a `Postcode` (`2285 AB` or `2285AB`) and an empty `Gemeentecode`; about 5% have both,
  agreeing. BSN as text, date cells. `Type onderwijs` SO, SBO, SBAO, PO or BAO.
- `swv_28-07_zoetermeer.csv` ({counts(F_2807)}):
  `;`, cp1252. BSN with dots
  (`123.456.782`), spaces (`123 456 782`) or plain. Dutch text dates, some without leading
  zeros (`6-1-2025`). `Plaats` and `Gemeente` both present and agreeing. `Bedrag` with a
  decimal comma and thousands dots. {dup_rows} rows appear twice, identically.
- `swv_28-08_westland.csv` ({counts(F_2808)}):
  `,`, UTF-8 with BOM, every field quoted. ISO
  dates. Combined `BRIN+vestiging`. `Gemeente woonadres`, `Woonplaats` (sometimes
  ’s-Gravenzande) and `PC4` all present and agreeing. `Werkelijke kosten` with a decimal point.
  {no_type} rows have an empty `Type onderwijs` at a location that offers one type only (the
  school list tells which; never at an SO/VSO location).

Deliberate traps, all counted as DOMAIN.md says:

- {s24["pupils_in_two_files"]} pupils appear in two different files with the same BSN, school,
  residence, type and dates (written differently per file): they count once.
- Records in the files that are not active on the peildatum and do not count:
  {listing(s24["records_not_active_on_peildatum"])}. They ended on 2024-09-15 or 2024-09-30,
  start on 2025-01-06 or 2024-10-02, or ended on 2024-06-30 (previous school year). Boundary
  cases that do count: start on 2024-10-01, end on 2024-10-01. A few records have no start
  date: they count.
- Pupils who moved from SO to VSO (sometimes at the same SO/VSO location) or from PO or SBO to
  VO between the two school years keep their BSN.
- Residence columns, places and PC4s never contradict each other.

## `2023-2024/swv_regio_2023-2024.xlsx`: school year 2023-2024 (peildatum 1 October 2023)

One sheet, header on row 1, residence as a CBS code in `Gemeente` (`GM0518`),
`Instellingscode` + `Vestigingscode` (2 digits, text), BSN as text, date cells, `Kosten`
numeric. {s23["distinct_pupils"]} distinct pupils, {s23["active_on_peildatum"]} active on the
peildatum (not active: {listing(s23["records_not_active_on_peildatum"])}). The flows are
similar to 2024-2025 but slightly different, so there is a trend.
{summary["pupils_in_both_school_years"]} pupils are in both school years. A pupil who stayed at
the same school has the identical record in both years (same start date, no end date), so
counting per school-year folder or pooling all records and selecting on the peildatum gives
the same result.

## `met_fouten/swv_met_fouten.xlsx`: problems for the user to fix

{summary["met_fouten"]["rows_with_data"]} rows for 2024-2025, other pupils than above and
**not** part of the truth. Header on row 1, text dates. The problems (Excel row numbers):

{problems}

The other {summary["met_fouten"]["valid_rows"]} rows are valid.

## `verwacht/`: the truth

- `matrix_2024-2025.json`, `matrix_2023-2024.json`: `school_year`, `peildatum`, `measure`
  (`pupils`) and `cells`, a list of `{{"from", "to", "value"}}` with one cell for every nonzero
  (residence, school municipality) pair, diagonal and outside the region included, sorted by
  (from, to). A record counts if it is active on the peildatum (start empty or on or before
  it, end empty or on or after it); a pupil (BSN) counts once per school year across the files
  in that year's folder; `from` is the pupil's residence, `to` the municipality of the school
  location (from the school list). `met_fouten/` is excluded.
- `summary.json`: per file the rows with data (without header, title, blank and `Totaal` rows;
  with identical duplicate rows), the distinct pupils and the distinct pupils active on the
  peildatum; totals per school year; the school-list counts; the problems in `met_fouten/`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the synthetic demo region.")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="output folder (default: grensverkeer/resources/demo)",
    )
    args = parser.parse_args(argv)
    written = generate(args.out)
    for path in written:
        print(f"{path.stat().st_size:>9}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
