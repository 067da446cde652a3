"""The demo region's facts: municipalities, places, PC4 areas, school years and file names.

Municipality names and PC4 areas are read from the bundled reference tables
(``grensverkeer/resources/reference``, via :mod:`grensverkeer.reference`), so they are not copied
here. What is written here is the demo's own choice: which municipalities take part, the places
pupils live in with their weights, the PC4 areas used per place, and the spellings of names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from grensverkeer.reference import load_reference, reference_dir
from grensverkeer.reference.loading import read_tables

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "grensverkeer" / "resources" / "demo"

SEED = 28_06_2024
FIXED_DATETIME = dt.datetime(2024, 10, 1, 12, 0, 0)
ZIP_DATE_TIME = (2024, 10, 1, 12, 0, 0)

YEAR_23 = "2023-2024"
YEAR_24 = "2024-2025"
PEILDATUM = {YEAR_23: dt.date(2023, 10, 1), YEAR_24: dt.date(2024, 10, 1)}

D = dt.date

_REFERENCE = load_reference()


def _name(code: str) -> str:
    """The CBS name in gemeenten.csv."""
    municipality = _REFERENCE.municipality(code)
    if municipality is None:
        raise ValueError(f"{code} is not in the bundled reference tables")
    return municipality.name


def _pc4_areas() -> dict[str, tuple[str, ...]]:
    """PC4 areas per municipality code, in the order of pc4.csv (ascending)."""
    areas: dict[str, list[str]] = {}
    for pc4, code in read_tables(reference_dir()).pc4:
        areas.setdefault(code, []).append(pc4)
    return {code: tuple(found) for code, found in areas.items()}


# The region: the Haaglanden members in regio_lidmaatschap.csv (any period).
H10 = tuple(dict.fromkeys(m.code for m in _REFERENCE.memberships("Haaglanden")))


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str  # CBS name as in gemeenten.csv
    places: tuple[tuple[str, int], ...]  # (woonplaats, weight); each unambiguous in the region
    pc4: tuple[str, ...]  # PC4 areas whose dominant municipality is this one (pc4.csv)

    @property
    def number(self) -> str:
        return self.code[2:]

    @property
    def duo_name(self) -> str:
        """GEMEENTENAAM as DUO writes it: uppercase, ``'s-`` as ``S `` (``S GRAVENHAGE``)."""
        return self.name.upper().replace("'S-", "S ")


def pc4_range(*spans: tuple[int, int] | int) -> tuple[str, ...]:
    out: list[str] = []
    for span in spans:
        if isinstance(span, int):
            out.append(str(span))
        else:
            out.extend(str(n) for n in range(span[0], span[1] + 1))
    return tuple(out)


# The municipalities of the demo with the places their pupils live in (woonplaats, weight).
PLACES: dict[str, tuple[tuple[str, int], ...]] = {
    "GM0518": (("Den Haag", 1),),
    "GM0503": (("Delft", 1),),
    "GM1916": (("Leidschendam", 45), ("Voorburg", 55)),
    "GM1842": (("Den Hoorn", 35), ("Maasland", 35), ("Schipluiden", 30)),
    "GM1926": (("Pijnacker", 45), ("Nootdorp", 35), ("Delfgauw", 20)),
    "GM0603": (("Rijswijk", 1),),
    "GM0626": (("Voorschoten", 1),),
    "GM0629": (("Wassenaar", 1),),
    "GM1783": (
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
    "GM0637": (("Zoetermeer", 1),),
    # neighbours
    "GM0546": (("Leiden", 1),),
    "GM0599": (("Rotterdam", 70), ("Hoek van Holland", 30)),
    "GM1621": (("Berkel en Rodenrijs", 45), ("Bergschenhoek", 35), ("Bleiswijk", 20)),
    "GM0606": (("Schiedam", 1),),
    "GM0556": (("Maassluis", 1),),
    "GM0537": (("Katwijk", 70), ("Rijnsburg", 30)),
    # elsewhere in the country (a valid CBS code outside the region)
    "GM0344": (("Utrecht", 1),),
    "GM0363": (("Amsterdam", 1),),
    "GM0394": (("Hoofddorp", 1),),
    "GM0268": (("Nijmegen", 1),),
    "GM0484": (("Alphen aan den Rijn", 1),),
    "GM0513": (("Gouda", 1),),
}

_PC4_AREAS = _pc4_areas()
MUNICIPALITIES: dict[str, Municipality] = {
    code: Municipality(code, _name(code), places, _PC4_AREAS[code])
    for code, places in PLACES.items()
}

# PC4 areas per place where a municipality has several places, or where the demo uses only the
# centre of a large municipality (best effort: the national table gives the municipality per
# PC4, not the place; every PC4 here is in the right municipality). Other places use all PC4
# areas of their municipality.
PLACE_PC4: dict[str, tuple[str, ...]] = {
    "Leidschendam": pc4_range((2261, 2267)),
    "Voorburg": pc4_range((2271, 2275)),
    "Den Hoorn": ("2635",),
    "Schipluiden": ("2636",),
    "Maasland": ("3155",),
    "Nootdorp": ("2631", "2632"),
    "Pijnacker": pc4_range((2641, 2643)),
    "Delfgauw": ("2645",),
    "Wateringen": ("2291", "2292"),
    "Kwintsheul": ("2295",),
    "Naaldwijk": pc4_range((2671, 2673)),
    "Honselersdijk": ("2675",),
    "Maasdijk": ("2676",),
    "De Lier": ("2678",),
    "Monster": ("2681",),
    "Ter Heijde": ("2684",),
    "Poeldijk": ("2685",),
    "'s-Gravenzande": pc4_range((2691, 2694)),
    "Berkel en Rodenrijs": ("2651", "2652"),
    "Bergschenhoek": ("2661", "2662"),
    "Bleiswijk": ("2665",),
    "Hoek van Holland": ("3151",),
    "Rotterdam": pc4_range(
        (3011, 3016),
        (3021, 3029),
        (3031, 3039),
        (3041, 3047),
        (3051, 3056),
        (3061, 3069),
        (3071, 3079),
        (3081, 3089),
    ),
    "Katwijk": pc4_range((2221, 2225)),
    "Rijnsburg": ("2231",),
    "Utrecht": pc4_range((3511, 3515), (3521, 3522)),
    "Amsterdam": pc4_range((1011, 1019)),
    "Hoofddorp": pc4_range((2131, 2135)),
    "Nijmegen": pc4_range(6511, 6512, 6515, (6521, 6525)),
    "Alphen aan den Rijn": pc4_range((2401, 2409)),
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


F_TARIEVEN = "tarieven/tarieven_haaglanden.xlsx"
