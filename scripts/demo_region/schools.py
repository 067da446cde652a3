"""The demo's school locations (BRIN + vestiging), drawn with the generator's seeded random."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from .data import MUNICIPALITIES, place_pc4
from .flows import CROSS_BRANCHES_VO, CROSS_BRANCHES_VSO, SCHOOL_PLAN
from .words import POSTCODE_LETTERS, SCHOOL_WORDS, STREETS


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


def random_postcode(rng: random.Random, pc4: str) -> str:
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            return f"{pc4} {letters}"


def weighted(rng: random.Random, pairs) -> str:
    items = list(pairs)
    return rng.choices([p for p, _ in items], weights=[w for _, w in items])[0]


def house_number(rng: random.Random) -> str:
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
        place = weighted(rng, muni.places)
        return {
            "gm": gm,
            "sector": sector,
            "structure": structure,
            "name": name,
            "street": rng.choice(STREETS),
            "number": house_number(rng),
            "postcode": random_postcode(rng, rng.choice(place_pc4(gm, place))).replace(" ", ""),
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
