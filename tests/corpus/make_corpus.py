"""Generate the column-recogniser test corpus: extracts and school lists as real systems write them.

Every case is written to ``cases/<case_id>/`` with its input files, ``case.json`` (what to import,
what to expect) and ``expected.json`` (the matrix residence × school municipality). The expected
matrix is computed here, from the truth table this script generates; never by running
grensverkeer. The school municipality of a location comes from the demo school lists in
``grensverkeer/resources/demo/scholen/`` (or, for one case, from the case's own school list).

Deterministic: a fixed seed and fixed timestamps inside xlsx/ods containers, so a second run
gives byte-identical files (``python make_corpus.py --check`` verifies that).

Run from anywhere:  /work/main/.venv/bin/python tests/corpus/make_corpus.py
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import filecmp
import io
import json
import random
import re
import shutil
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20241001
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEMO_SCHOOLS = REPO / "grensverkeer" / "resources" / "demo" / "scholen"
REFERENCE = REPO / "grensverkeer" / "resources" / "reference"
FIXED_DATETIME = dt.datetime(2024, 10, 15, 9, 0, 0)
ZIP_DATE_TIME = (2024, 10, 15, 9, 0, 0)

DEMO_LISTS = (
    "demo:duo_bao_vestigingen.csv",
    "demo:duo_sbo_so_vso_vestigingen.csv",
    "demo:duo_vo_vestigingen.csv",
)

# ---------------------------------------------------------------------------------------------
# Municipalities, places and postcodes
# ---------------------------------------------------------------------------------------------

REGION = (
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
NEAR = ("GM1621", "GM0546", "GM0537", "GM0599", "GM0606", "GM0556")
FAR = ("GM0344", "GM0363", "GM0513", "GM0268", "GM0394", "GM0484")

PLACES: dict[str, tuple[str, ...]] = {
    "GM0518": ("Den Haag", "'s-Gravenhage", "Scheveningen", "Loosduinen", "Ypenburg", "Kijkduin"),
    "GM0503": ("Delft",),
    "GM1916": ("Leidschendam", "Voorburg", "Stompwijk"),
    "GM1842": ("Schipluiden", "Maasland"),
    "GM1926": ("Pijnacker", "Nootdorp", "Delfgauw"),
    "GM0603": ("Rijswijk",),
    "GM0626": ("Voorschoten",),
    "GM0629": ("Wassenaar",),
    "GM1783": (
        "Naaldwijk",
        "Monster",
        "Wateringen",
        "De Lier",
        "'s-Gravenzande",
        "Poeldijk",
        "Honselersdijk",
        "Kwintsheul",
        "Maasdijk",
        "Ter Heijde",
    ),
    "GM0637": ("Zoetermeer",),
    "GM1621": ("Bergschenhoek", "Berkel en Rodenrijs", "Bleiswijk"),
    "GM0546": ("Leiden",),
    "GM0537": ("Katwijk", "Rijnsburg"),
    "GM0599": ("Rotterdam", "Hoek van Holland"),
    "GM0606": ("Schiedam",),
    "GM0556": ("Maassluis",),
    "GM0344": ("Utrecht",),
    "GM0363": ("Amsterdam",),
    "GM0513": ("Gouda",),
    "GM0268": ("Nijmegen",),
    "GM0394": ("Hoofddorp", "Nieuw-Vennep"),
    "GM0484": ("Alphen aan den Rijn",),
}

# How an SWV writes the municipality (DOMAIN.md "also written as"); the first is the usual form.
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "GM0518": ("Den Haag", "'s-Gravenhage", "’s-Gravenhage", "s-Gravenhage"),
    "GM0603": ("Rijswijk", "Rijswijk (ZH)", "Rijswijk (ZH.)", "Rijswijk ZH"),
    "GM1916": ("Leidschendam-Voorburg", "Leidschendam Voorburg"),
    "GM1842": ("Midden-Delfland", "Midden Delfland"),
    "GM1926": ("Pijnacker-Nootdorp", "Pijnacker Nootdorp"),
    "GM1783": ("Westland", "Gemeente Westland"),
}
# DUO's upper-case municipality names.
DUO_NAMES = {"GM0518": "S GRAVENHAGE", "GM0603": "RIJSWIJK (ZH.)"}
ENGLISH_NAMES = {"GM0518": "The Hague"}

_FOLD_APOS = str.maketrans(dict.fromkeys("’‘‛′`´ʼʻ'", ""))


def fold(text: str) -> str:
    """A matching key for place names (case, accents, apostrophes and punctuation folded)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).translate(_FOLD_APOS)
    key = re.sub(r"[^0-9a-z]+", " ", plain).strip()
    return key[len("gemeente ") :] if key.startswith("gemeente ") else key


class Reference:
    """The program's bundled national tables, read as plain CSV (not through grensverkeer)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        with (REFERENCE / "gemeenten.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if not row["valid_to"]:
                    self.names[row["code"]] = row["name"]
        self.place_codes: dict[str, set[str]] = defaultdict(set)
        for name in ("woonplaatsen.csv", "woonplaatsen_regio.csv"):
            with (REFERENCE / name).open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    self.place_codes[fold(row["woonplaats"])].add(row["code"])
        self.pc4_code: dict[str, str] = {}
        with (REFERENCE / "pc4.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                self.pc4_code[row["pc4"]] = row["code"]
        self._places: dict[str, tuple[str, ...]] = {}
        self._pc4s: dict[str, tuple[str, ...]] = {}
        for code, places in PLACES.items():
            good = tuple(p for p in places if self.place_codes.get(fold(p)) == {code})
            assert good, f"no unambiguous place for {code}"
            self._places[code] = good
            pcs = tuple(sorted(p for p, c in self.pc4_code.items() if c == code))
            assert pcs, f"no PC4 for {code}"
            self._pc4s[code] = pcs

    def places(self, code: str) -> tuple[str, ...]:
        return self._places[code]

    def pc4s(self, code: str) -> tuple[str, ...]:
        return self._pc4s[code]

    def name(self, code: str) -> str:
        return self.names[code]

    def upper_name(self, code: str) -> str:
        return DUO_NAMES.get(code, self.names[code].upper())


# ---------------------------------------------------------------------------------------------
# School locations (from the demo DUO lists)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    brin: str
    vest: str
    name: str
    place: str  # DUO upper case, 'S-GRAVENHAGE
    gm: str
    types: frozenset[str]
    street: str = ""
    postcode: str = ""

    @property
    def brinvest(self) -> str:
        return self.brin + self.vest

    @property
    def place_title(self) -> str:
        return title_place(self.place)


def title_place(place: str) -> str:
    words = []
    for word in place.lower().split(" "):
        if word.startswith("'s-"):
            words.append("'s-" + word[3:].capitalize())
        elif word in ("en", "van", "aan", "den", "de") and words:
            words.append(word)
        else:
            words.append("-".join(w.capitalize() for w in word.split("-")))
    return " ".join(words)


def _read_semicolon(path: Path, encoding: str) -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def load_locations() -> dict[str, Location]:
    found: dict[str, Location] = {}
    for row in _read_semicolon(DEMO_SCHOOLS / "duo_vo_vestigingen.csv", "cp1252"):
        loc = Location(
            row["INSTELLINGSCODE"],
            row["VESTIGINGSCODE"][4:],
            row["VESTIGINGSNAAM"],
            row["PLAATSNAAM"],
            "GM" + row["GEMEENTENUMMER"].zfill(4),
            frozenset({"VO"}),
            row["STRAATNAAM"],
            row["POSTCODE"],
        )
        found[loc.brinvest] = loc
    for row in _read_semicolon(DEMO_SCHOOLS / "duo_sbo_so_vso_vestigingen.csv", "cp1252"):
        if row["SOORT PRIMAIR ONDERWIJS"] == "SBAO":
            types = frozenset({"SBO"})
        else:
            types = frozenset(row["ONDERWIJS"].split("/"))
        loc = Location(
            row["BRIN NUMMER"],
            row["VESTIGINGSNUMMER"],
            row["VESTIGINGSNAAM"],
            row["PLAATSNAAM"],
            "GM" + row["GEMEENTENUMMER"].zfill(4),
            types,
            row["STRAATNAAM"],
            row["POSTCODE"],
        )
        found[loc.brinvest] = loc
    for row in _read_semicolon(DEMO_SCHOOLS / "duo_bao_vestigingen.csv", "utf-8-sig"):
        loc = Location(
            row["BRIN NUMMER"],
            row["VESTIGINGSNUMMER"],
            row["VESTIGINGSNAAM"],
            row["PLAATSNAAM"],
            "GM" + row["GEMEENTENUMMER"].zfill(4),
            frozenset({"PO"}),
        )
        found[loc.brinvest] = loc
    return found


# ---------------------------------------------------------------------------------------------
# People and records (the truth table)
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Daan Sem Levi Finn Noah Luuk Milan Bram Sam Mees Jesse Thijs Adam Mohamed Yusuf Ayoub "
    "Emma Julia Mila Sophie Tess Zoë Nora Sara Yara Noor Fenna Lotte Eva Anna Liv Saar Nina "
    "Ilse Imane Aya Amira Elif Ravi Anouk Jayden Dewi Chloé Joëlle Björn Kaan Rayan Lieke"
)
LAST = _words(
    "Jansen Visser Smit Meijer Bakker Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra "
    "Koster Prins Kok Huisman Verhoeven Willems Schouten Hoekstra Kramer Postma Boer Yilmaz "
    "Kaya Öztürk Amrani Bouzid Pinas Tjon Ramdin Nguyen Wiersma Kuipers Veenstra Groen Sahin "
    "Jacobs Maas Verbeek Hoogland Zwart Baars"
)
TUSSEN = ("", "", "", "", "van", "de", "van der", "van den", "de", "ten", "in 't")
STREETS = (
    "Laan van Meerdervoort",
    "Hoefkade",
    "Weimarstraat",
    "Prinsegracht",
    "Herenstraat",
    "Kerkstraat",
    "Dorpsstraat",
    "Julianalaan",
    "Beatrixlaan",
    "Molenweg",
    "Stationsweg",
    "Tuinstraat",
    "Vlietweg",
    "Zeestraat",
    "Parkweg",
    "Populierstraat",
    "Westlandseweg",
    "Oranjeplein",
)
PC_LETTERS = "ABCEGHJKLMNPRTVWXZ"
# Onderwijstype labels as SWVs write them (all VO); hyphenated study names such as 'vmbo-k' only
# appear in study/class columns, so that each case tests its columns and not the type parser.
VO_LABELS = ("vmbo", "VMBO", "havo", "HAVO", "vwo", "mavo", "PrO", "havo/vwo", "VO")
STUDY_LABELS = ("vmbo-b", "vmbo-k", "vmbo-t", "havo", "vwo", "mavo", "PrO")


def passes_eleven(digits: str) -> bool:
    """The BSN 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


@dataclass
class Person:
    bsn: str
    first: str
    tussen: str
    last: str
    birth: dt.date
    gender: str  # M / V
    res: str  # CBS code of the residence
    place: str
    pc4: str
    pc_letters: str
    street: str
    house: int

    @property
    def pc6(self) -> str:
        return f"{self.pc4} {self.pc_letters}"

    @property
    def initials(self) -> str:
        return self.first[0] + "."

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first, self.tussen, self.last) if p)

    @property
    def sort_name(self) -> str:
        return f"{self.last}, {self.first}" + (f" {self.tussen}" if self.tussen else "")


@dataclass
class Record:
    person: Person
    loc: Location
    etype: str  # PO SBO SO VSO VO
    start: dt.date | None
    end: dt.date | None
    status: str
    extra: dict[str, object] = field(default_factory=dict)

    def active(self, peil: dt.date) -> bool:
        return (self.start is None or self.start <= peil) and (self.end is None or self.end >= peil)


class World:
    def __init__(self, seed: int) -> None:
        self.ref = Reference()
        self.locations = load_locations()
        self.rng = random.Random(seed)
        self.used_bsn: set[str] = set()

    def new_bsn(self, rng: random.Random, leading_zero: bool = False) -> str:
        while True:
            first = "0" if leading_zero else str(rng.randint(1, 9))
            body = first + "".join(str(rng.randint(0, 9)) for _ in range(7))
            total = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True))
            last = total % 11
            if last == 10:
                continue
            bsn = body + str(last)
            if passes_eleven(bsn) and bsn not in self.used_bsn:
                self.used_bsn.add(bsn)
                return bsn

    def bad_bsn(self, rng: random.Random) -> str:
        while True:
            bsn = str(rng.randint(100_000_000, 999_999_999))
            if not passes_eleven(bsn):
                return bsn

    def person(self, rng: random.Random, res: str, etype: str, year: int) -> Person:
        ages = {"PO": (4, 12), "SBO": (6, 12), "SO": (4, 12), "VSO": (12, 19), "VO": (12, 17)}
        lo, hi = ages[etype]
        age = rng.randint(lo, hi)
        birth = dt.date(year - age, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        return Person(
            bsn=self.new_bsn(rng, leading_zero=rng.random() < 0.08),
            first=rng.choice(FIRST),
            tussen=rng.choice(TUSSEN),
            last=rng.choice(LAST),
            birth=birth,
            gender=rng.choice("MV"),
            res=res,
            place=rng.choice(self.ref.places(res)),
            pc4=rng.choice(self.ref.pc4s(res)),
            pc_letters=rng.choice(PC_LETTERS) + rng.choice(PC_LETTERS),
            street=rng.choice(STREETS),
            house=rng.randint(1, 240),
        )

    def pool(self, types: Iterable[str], gms: Iterable[str] | None = None) -> list[Location]:
        wanted = set(types)
        places = set(gms) if gms is not None else None
        return [
            loc
            for _, loc in sorted(self.locations.items())
            if loc.types & wanted and (places is None or loc.gm in places)
        ]


def pick_residence(rng: random.Random, school_gm: str) -> str:
    draw = rng.random()
    if draw < 0.5:
        return school_gm
    if draw < 0.85:
        return rng.choice([c for c in REGION + NEAR if c != school_gm])
    return rng.choice(FAR + NEAR)


STATUS_SHARES = (
    ("active", 0.66),
    ("ended", 0.09),
    ("ended_prev", 0.04),
    ("future", 0.09),
    ("b_start", 0.03),
    ("b_end", 0.03),
    ("no_start", 0.06),
)


def statuses(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    for name, share in STATUS_SHARES[1:]:
        out += [name] * max(1, round(n * share))
    out += ["active"] * (n - len(out))
    rng.shuffle(out)
    return out


def rand_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def dates_for(rng: random.Random, status: str, year: int) -> tuple[dt.date | None, dt.date | None]:
    peil = dt.date(year, 10, 1)
    usual_starts = (
        dt.date(year, 8, 19),
        dt.date(year, 8, 26),
        dt.date(year - 1, 8, 21),
        dt.date(year - 2, 8, 22),
        dt.date(year - 3, 8, 23),
    )
    start: dt.date | None = rng.choice(usual_starts)
    if rng.random() < 0.15:
        start = rand_date(rng, dt.date(year, 8, 27), dt.date(year, 9, 30))
    end: dt.date | None = None
    if status == "active":
        draw = rng.random()
        if draw < 0.15:
            end = dt.date(year + 1, 7, 31)
        elif draw < 0.3:
            end = rand_date(rng, dt.date(year, 10, 2), dt.date(year + 1, 6, 30))
    elif status == "ended":
        end = rand_date(rng, dt.date(year, 8, 27), dt.date(year, 9, 30))
        start = rng.choice(
            (dt.date(year, 8, 19), dt.date(year - 1, 8, 21), dt.date(year - 2, 8, 22))
        )
    elif status == "ended_prev":
        start = rng.choice((dt.date(year - 2, 8, 22), dt.date(year - 1, 8, 21)))
        end = rng.choice((dt.date(year, 6, 30), dt.date(year, 7, 17), dt.date(year - 1, 12, 20)))
    elif status == "future":
        start = rng.choice(
            (
                dt.date(year, 10, 2),
                dt.date(year + 1, 1, 6),
                rand_date(rng, dt.date(year, 10, 3), dt.date(year + 1, 5, 31)),
            )
        )
    elif status == "b_start":
        start = peil
    elif status == "b_end":
        end = peil
    elif status == "no_start":
        start = None
        end = dt.date(year + 1, 7, 31) if rng.random() < 0.3 else None
    return start, end


def etype_for(rng: random.Random, loc: Location) -> str:
    return rng.choice(sorted(loc.types))


@dataclass
class Cohort:
    records: list[Record]
    year: int
    rows_order: list[Record] = field(default_factory=list)  # records in file order (dupes too)

    @property
    def peil(self) -> dt.date:
        return dt.date(self.year, 10, 1)


def cohort(
    world: World,
    rng: random.Random,
    n: int,
    year: int,
    pool: Sequence[Location],
    *,
    moved: int = 0,
    duplicates: int = 0,
    residence: Callable[[random.Random, str], str] = pick_residence,
) -> Cohort:
    """``n`` pupils at locations from ``pool`` with the standard mix of statuses."""
    records: list[Record] = []
    for status in statuses(rng, n):
        loc = rng.choice(pool)
        etype = etype_for(rng, loc)
        person = world.person(rng, residence(rng, loc.gm), etype, year)
        start, end = dates_for(rng, status, year)
        records.append(Record(person, loc, etype, start, end, status))
    for _ in range(moved):  # left one school in September, started at another the next day
        loc_b = rng.choice(pool)
        loc_a = rng.choice([loc for loc in pool if loc.types & loc_b.types and loc != loc_b])
        etype = rng.choice(sorted(loc_a.types & loc_b.types))
        person = world.person(rng, residence(rng, loc_b.gm), etype, year)
        left = rand_date(rng, dt.date(year, 9, 2), dt.date(year, 9, 25))
        records.append(Record(person, loc_a, etype, dt.date(year - 1, 8, 21), left, "moved_from"))
        records.append(Record(person, loc_b, etype, left + dt.timedelta(days=1), None, "moved_to"))
    order = list(records)
    rng.shuffle(order)
    actives = [r for r in order if r.status == "active"]
    for r in rng.sample(actives, min(duplicates, len(actives))):
        order.insert(order.index(r) + 1, r)  # an identical row right after
    return Cohort(records, year, order)


def expected_cells(records: Iterable[Record], year: int) -> list[dict[str, object]]:
    peil = dt.date(year, 10, 1)
    per_bsn: dict[str, Record] = {}
    for r in records:
        if not r.active(peil):
            continue
        earlier = per_bsn.get(r.person.bsn)
        assert earlier is None or earlier.loc == r.loc, "same pupil active at two schools"
        per_bsn[r.person.bsn] = r
    counts = Counter((r.person.res, r.loc.gm) for r in per_bsn.values())
    return [{"from": f, "to": t, "value": v} for (f, t), v in sorted(counts.items())]


def school_year(year: int) -> str:
    return f"{year}-{year + 1}"


# ---------------------------------------------------------------------------------------------
# Value renderers
# ---------------------------------------------------------------------------------------------


def nl_date(d: dt.date | None, short: bool = False) -> str:
    if d is None:
        return ""
    return f"{d.day}-{d.month}-{d.year}" if short else d.strftime("%d-%m-%Y")


def iso(d: dt.date | None) -> str:
    return "" if d is None else d.isoformat()


def ymd8(d: dt.date | None) -> str:
    return "" if d is None else d.strftime("%Y%m%d")


def dmy8(d: dt.date | None) -> str:
    return "" if d is None else d.strftime("%d%m%Y")


def us_date(d: dt.date | None) -> str:
    return "" if d is None else d.strftime("%m/%d/%Y")


def bsn_text(rng: random.Random, bsn: str, style_rate: float = 0.3) -> str:
    draw = rng.random()
    if draw < style_rate / 2:
        return f"{bsn[:3]}.{bsn[3:6]}.{bsn[6:]}"
    if draw < style_rate:
        return f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"
    return bsn


def municipality_label(rng: random.Random, ref: Reference, code: str) -> str:
    variants = NAME_VARIANTS.get(code)
    if variants is None:
        return ref.name(code)
    return variants[0] if rng.random() < 0.6 else rng.choice(variants)


def place_label(rng: random.Random, place: str) -> str:
    if "'" in place and rng.random() < 0.3:
        place = place.replace("'", "’")
    if rng.random() < 0.04:
        place += " "
    return place


def vo_label(rng: random.Random) -> str:
    return rng.choice(VO_LABELS)


def study_label(rng: random.Random) -> str:
    return rng.choice(STUDY_LABELS)


def type_label(rng: random.Random, record: Record) -> str:
    if record.etype == "VO":
        return vo_label(rng) if rng.random() < 0.5 else "VO"
    if record.etype == "SBO":
        return rng.choice(("SBO", "SBAO", "SBO"))
    if record.etype == "PO":
        return rng.choice(("PO", "BAO", "BO"))
    return record.etype


# ---------------------------------------------------------------------------------------------
# File writers (deterministic)
# ---------------------------------------------------------------------------------------------


def normalize_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


@dataclass
class Sheet:
    title: str
    rows: list[list[object]]
    merges: list[str] = field(default_factory=list)  # xlsx only, "A1:F1"
    bold_rows: tuple[int, ...] = ()  # 1-based


def write_xlsx(path: Path, sheets: Sequence[Sheet], active: int = 0) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title)
        for row in sheet.rows:
            ws.append(list(row))
        for row_cells in ws.iter_rows():
            for cell in row_cells:
                if isinstance(cell.value, dt.datetime | dt.date):
                    cell.number_format = "dd-mm-yyyy"
        for rng_ in sheet.merges:
            ws.merge_cells(rng_)
        for number in sheet.bold_rows:
            for cell in ws[number]:
                cell.font = Font(bold=True)
    wb.active = active
    wb.properties.creator = "tests/corpus/make_corpus.py (synthetisch)"
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    path.write_bytes(normalize_zip(buffer.getvalue()))


def write_xlsx_without_references(path: Path, sheet: Sheet) -> None:
    """A minimal xlsx as report servers and streaming writers make it: no ``r`` on the cells
    (ECMA-376 18.3.1.4 makes it optional; every empty cell is then written), inline strings,
    dates as serial numbers with a date style (numFmtId 14)."""
    from xml.sax.saxutils import escape

    def cell(value: object) -> str:
        if value is None or value == "":
            return "<c/>"
        if isinstance(value, dt.date):
            serial = (value - dt.date(1899, 12, 30)).days
            return f'<c s="1"><v>{serial}</v></c>'
        if isinstance(value, int | float):
            return f"<c><v>{value}</v></c>"
        return f'<c t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    width = max(len(row) for row in sheet.rows)
    rows = "".join(
        "<row>" + "".join(cell(v) for v in [*row, *([None] * (width - len(row)))]) + "</row>"
        for row in sheet.rows
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{package}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
        f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet '
        f'name="{escape(sheet.title)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{package}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{main}"><fonts count="1"><font><sz val="10"/>'
        '</font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData>'
        "</worksheet>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
    path.write_bytes(normalize_zip(buffer.getvalue()))


def write_xlsx_dotnet(path: Path, sheets: Sequence[Sheet]) -> None:
    """An xlsx as the Open XML SDK and ClosedXML write it: text in a shared-string table, the
    main namespace bound to the prefix ``x`` and every element of the workbook, styles, shared
    strings and sheets written ``<x:…>`` (``<x:c r="A1" t="s"><x:v>0</x:v></x:c>``)."""
    write_xlsx(path, sheets)
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    strings: dict[bytes, int] = {}

    def shared(found: re.Match[bytes]) -> bytes:
        index = strings.setdefault(found[2], len(strings))
        return found[1] + b't="s"><v>' + str(index).encode() + b"</v></c>"

    inline = re.compile(
        rb'(<c r="[A-Z]+\d+"(?: s="\d+")? )t="inlineStr"><is><t>([^<]*)</t></is></c>'
    )
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zin:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = inline.sub(shared, data)
            parts[info.filename] = data
    table = b"".join(b"<si><t>" + text + b"</t></si>" for text in strings)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst '
        + main
        + b' count="%d" uniqueCount="%d">' % (len(strings), len(strings))
        + table
        + b"</sst>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            if name.startswith("xl/") and main in data:
                data = data.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
                data = re.sub(rb"<(/?)(?=[A-Za-z])", rb"<\1x:", data)
            zout.writestr(name, data)
    path.write_bytes(normalize_zip(out.getvalue()))


def write_xls(path: Path, sheets: Sequence[Sheet]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    bold = xlwt.easyxf("font: bold on")
    for sheet in sheets:
        ws = wb.add_sheet(sheet.title)
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, dt.date):
                    ws.write(r, c, value, date_style)
                elif r + 1 in sheet.bold_rows:
                    ws.write(r, c, value, bold)
                else:
                    ws.write(r, c, value)
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())


_ODF_WARM: list[bool] = []


def write_ods(path: Path, sheets: Sequence[Sheet]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    if not _ODF_WARM:  # odfpy collects namespace declarations process-wide: warm it up once
        OpenDocumentSpreadsheet().write(io.BytesIO())
        _ODF_WARM.append(True)
    doc = OpenDocumentSpreadsheet()
    for sheet in sheets:
        table = Table(name=sheet.title)
        for row in sheet.rows:
            tr = TableRow()
            for value in row:
                if value is None or value == "":
                    tr.addElement(TableCell())
                    continue
                if isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    cell.addElement(P(text=nl_date(value)))
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    path.write_bytes(normalize_zip(buffer.getvalue()))


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    quoting: int = csv.QUOTE_MINIMAL,
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------

SRC = {
    "duo_vo_02": (
        "duo.nl/open_onderwijsdata/databestanden/vo/leerlingen/ ('02. Leerlingen per vestiging "
        "naar postcode leerling en leerjaar': per schoolvestiging naar herkomst van de leerling "
        "(postcode, woonplaats, gemeente), per leer- of verblijfsjaar); column names from "
        "openstate/openonderwijsdata-api onderwijsscrapers/onderwijsscrapers/spiders/duo.py "
        "parse_student_residences: 'BRIN NUMMER', 'VESTIGINGSNUMMER' (6 chars incl. BRIN), "
        "'POSTCODE LEERLING', 'PLAATSNAAM LEERLING', 'GEMEENTENAAM LEERLING', "
        "'GEMEENTENUMMER LEERLING', 'LEER- OF VERBLIJFSJAAR 1'..'6'. '<5' masking as handled by "
        "public DUO loaders; TOTAAL and the school-side columns are modelled"
    ),
    "duo_po_03": (
        "duo.nl/open_onderwijsdata/databestanden/po/leerlingen-po/po-totaal/ ('03. Leerlingen po "
        "per gemeente, postcode leerling en leeftijd': per gemeente een xls-bestand, plus a "
        "totaaloverzicht as csv); openstate/openonderwijsdata-api duo_po_branches.py reads "
        "'BRIN_NUMMER', 'VESTIGINGSNUMMER', 'POSTCODE_LEERLING', 'LEEFTIJD_%i_JAAR' and notes "
        "the 2012 file used 'LEEFTIJD 4 JAAR'"
    ),
    "duo_po_03_total": (
        "column order of '03.-leerlingen-po-totaaloverzicht-2015-2016.csv' (ISO-8859-1, ';') as "
        "enumerated in a public RIVM Java project (package nl.rivm.cib.csv, class "
        "DuoPrimarySchool): PEILDATUM, GEMEENTENUMMER, GEMEENTENAAM, POSTCODE_LEERLING, "
        "GEMEENTENAAM_LEERLING, BRIN_NUMMER, VESTIGINGSNUMMER, INSTELLINGSNAAM_VESTIGING, "
        "POSTCODE_VESTIGING, PLAATSNAAM, PROVINCIE, SOORT_PO, DENOMINATIE_VESTIGING, "
        "BEVOEGD_GEZAG_NUMMER, age columns, TOTAAL; a public nicegui app reading these files "
        "replaces '<5' in the LEEFTIJD_ columns. Exact age-column names modelled on "
        "'LEEFTIJD_%i_JAAR' (openstate)"
    ),
    "magister_ad": (
        "sikkepitje/TeamSync, Import-Magister.ps1 / Ophalen-MagisterData.ps1: property list of "
        "Magister ADFuncties GetActiveStudents: stamnr_str, Achternaam, Tussenv, Roepnaam, "
        "Voorletters, geb_datum_str, Geslacht, Straat, Nr, Postcode, Plaats.Woonplaats, "
        "Administratieve_eenheid.Omschrijving, Administratieve_eenheid.Plaats, Klas, Studie, "
        "Leerfase.Leerjaar, Personeelslid.Volledige_naam; BSN, BRIN, Vestiging and the two "
        "enrolment dates are what an SWV adds (modelled)"
    ),
    "magister_sql": (
        "Tools4everBV/HelloID-Conn-Prov-Source-Magister-Students, tools4ever-leerlingen-actief: "
        "Magister tables sis_leer (postcode, woonplaats) and sis_aanm (datumaanm AS "
        "Aanmelddatum, dBegin, dEinde, dVertrek AS vertrekdatum), location sis_blok.c_lokatie; "
        "the 'CodeNevenvestiging' column (empty = hoofdvestiging) is modelled on the brief, not "
        "found in a public source"
    ),
    "somtoday": (
        "Tools4everBV/HelloID-Conn-Prov-Source-Topicus-Somtoday-ConnectAPI-Students-readme, "
        "README.md: placements (plaatsingen) with startdatum/einddatum, vestiging.naam and "
        "vestiging.afkorting, LeerlingNummer; the Excel column titles are modelled"
    ),
    "parnassys": (
        "Tools4everBV/HelloID-Conn-Prov-Source-Topicus-ParnasSys persons.Students.ps1 "
        "(leerling: leerlingNummer, geboortedatum, geboorteplaats, datumAanmelding; adres: "
        "gemeente, plaats, straat, huisnummer, postcode; inschrijving: datumInschrijving, "
        "datumUitschrijving; groepsindeling: vanafDatum, totDatum, leerjaar); EDEX(ML) fields "
        "brincode, dependancecode, schoolkey, achternaam, voorvoegsel, voorletters, roepnaam, "
        "geboortedatum, geslacht (1 = jongen, 2 = meisje), jaargroep, postcode, instroomdatum "
        "(aura.nl 'Exportbestand maken in Parnassys of Esis'; viewer.edustandaard.nl UWLR 2.2.1 "
        "Leerlinggegevensstructuur); Tools4everBV/HelloID-Conn-Prov-Source-ESIS README: "
        "'dependancecode | School Location code (Default = 00)'"
    ),
    "eduarte": (
        "topicusonderwijs/tribe-krd-opensource, eduarte/core/src/main/java/nl/topicus/eduarte/"
        "web/components/panels/datapanel/table/DeelnemerTable.java: column headers 'BSN', "
        "'(W)Postcode en plaats', 'Gemeente (woonadres)', 'Gemeente (postadres)', "
        "'Geboortegemeente', 'BSN eerste verzorger', 'Organisatie', 'Locatie', 'Begindatum', "
        "'Einddatum', 'Geplande einddatum', 'Brincode vooropleiding', 'Datum aanmelden/"
        "beschikking'; the BRIN/vestiging of the school itself is modelled (Eduarte shows "
        "locations by name)"
    ),
    "eduarte_export": (
        "topicusonderwijs/tribe-krd-opensource (Eduarte) billing export, documented field by "
        "field in Java comments: '25 Datum inschrijving ... alfanumerieke datum 8 cijfers "
        "(ddmmjjjj)', '26 Datum uitschrijving ... (ddmmjjjj)', 'Postcode deelnemer ... 9999 xx', "
        "'Woonplaats deelnemer', 'Geslacht ... 1 = Man, 2 = Vrouw en 3 = onbekend'"
    ),
    "bron": (
        "BRON registration fields 'Datum inschrijving', 'Geplande datum uitschrijving', "
        "'Werkelijke datum uitschrijving' (topicusonderwijs/tribe-krd-opensource, "
        "BronMeldingDetailsPage.java and BronVerbintenisWijzigingToegestaanCheck.java); "
        "jjjjmmdd as in a public enrolment-file spec ('DatumInschrijving | Datum (jjjjmmdd)'); "
        "the file layout itself is modelled"
    ),
    "kindkans": (
        "not found (no public Kindkans export layout); modelled on the brief ('Ingangsdatum TLV', "
        "'Einddatum TLV', 'Categorie', 'School van inschrijving', 'Woongemeente') and on how TLVs "
        "are registered (soort SBO/SO, categorie laag/midden/hoog)"
    ),
    "ot": (
        "not found (no public Onderwijs Transparant export layout; iddinkgroup.freshdesk.com "
        "'Aanmeld-API' only says OT connects to Magister); modelled on a VO SWV TLV overview"
    ),
    "swv": "modelled on hand-made SWV extracts as described in DOMAIN.md",
    "report_server": (
        "ECMA-376 Part 1 18.3.1.4 (CT_Cell: r is optional); exporters that leave it out, as "
        "reported in public issues: enterprise exports (Dynamics, SSRS) in "
        "yukiyokotani/office-open-xml-viewer#832, the streaming writer salvois/LargeXlsx#30, "
        "exceljs/exceljs#537; the layout (one flat sheet, plain headers) is modelled"
    ),
    "dotnet": (
        "the Open XML SDK (DocumentFormat.OpenXml) and ClosedXML write every SpreadsheetML "
        "element with the prefix x: (mini-software/MiniExcel#193 shows ClosedXML's "
        "'<x:worksheet xmlns:x=...>'; SheetJS/sheetjs#304 and #271 for the SDK's sheets and "
        "shared strings); the layout of the .NET export is modelled"
    ),
    "international": (
        "PowerSchool-style export field list found in public code ('Student_Number, SchoolID, "
        "EntryDate, ExitDate, First_Name, ... Grade_Level'); Tools4everBV/HelloID-Conn-Prov-"
        "Source-PowerSchool-SIS-Students reads school_enrollment.school_id; the English headers "
        "of a Dutch international school ('Municipality', 'Withdrawal Date', 'Campus') are "
        "modelled"
    ),
}


@dataclass
class Case:
    id: str
    system: str
    source: str
    description: str
    files: list[str]
    year: int
    traps: list[str]
    cells: list[dict[str, object]]
    expect: str = "matrix"
    must_name: list[str] = field(default_factory=list)
    resolve: list[str] = field(default_factory=list)
    uncertain: dict[str, object] | None = None
    notes: str = ""


class Builder:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.world = World(SEED)
        self.cases: list[Case] = []

    def rng(self, case_id: str) -> random.Random:
        # every case has its own stream, so adding a case does not change the others
        return random.Random(f"{SEED}:{case_id}")

    def dir(self, case_id: str) -> Path:
        path = self.out / case_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    def add(self, case: Case) -> None:
        folder = self.dir(case.id)
        meta: dict[str, object] = {
            "id": case.id,
            "system": case.system,
            "source": case.source,
            "description": case.description,
            "files": case.files,
            "school_year": school_year(case.year),
            # a pupil file's school year must be read from the file (title, name or dates); a
            # count file without a year in its name has nothing to read it from
            "import_args": _year_args(case),
            "expect": case.expect,
            "must_name": case.must_name,
            "resolve": case.resolve,
            "traps": case.traps,
        }
        if case.uncertain is not None:
            meta["uncertain"] = case.uncertain
        if case.notes:
            meta["notes"] = case.notes
        for name in case.files:
            if not name.startswith("demo:"):
                assert (folder / name).is_file(), (case.id, name)
        (folder / "case.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        expected = {"school_year": school_year(case.year), "cells": case.cells}
        if case.uncertain is not None:
            expected["uncertain"] = case.uncertain
        (folder / "expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        self.cases.append(case)


# --- DUO count files ---------------------------------------------------------------------------


@dataclass
class CountRow:
    loc: Location
    pc4: str
    res: str
    parts: list[int]  # per leerjaar / age

    @property
    def total(self) -> int:
        return sum(self.parts)


def count_rows(
    world: World, rng: random.Random, locations: Sequence[Location], nparts: int, big: int
) -> list[CountRow]:
    rows: list[CountRow] = []
    for loc in locations:
        areas: dict[str, str] = {}
        own = world.ref.pc4s(loc.gm)
        for pc in rng.sample(own, min(len(own), rng.randint(2, 5))):
            areas[pc] = loc.gm
        for _ in range(rng.randint(3, 8)):
            res = pick_residence(rng, loc.gm)
            areas.setdefault(rng.choice(world.ref.pc4s(res)), res)
        for pc, res in sorted(areas.items()):
            total = rng.randint(5, big) if res == loc.gm else rng.choice((1, 2, 3, 4, 6, 9, 14))
            parts = [0] * nparts
            for _ in range(total):
                parts[min(nparts - 1, int(rng.triangular(0, nparts, nparts / 2)))] += 1
            rows.append(CountRow(loc, pc, res, parts))
    return rows


def masked(value: int) -> str:
    return "<5" if 0 < value < 5 else str(value)


def count_expectation(rows: Sequence[CountRow]) -> tuple[list[dict[str, object]], dict]:
    cells: Counter[tuple[str, str]] = Counter()
    masked_cells: Counter[tuple[str, str]] = Counter()
    for row in rows:
        key = (row.res, row.loc.gm)
        if row.total < 5:
            cells[key] += 1  # "<5" counts as its lower bound
            masked_cells[key] += 1
        else:
            cells[key] += row.total
    n = sum(masked_cells.values())
    uncertain = {
        "cells": n,
        "max_extra": 3 * n,
        "by_cell": [
            {"from": f, "to": t, "masked": k, "max_extra": 3 * k}
            for (f, t), k in sorted(masked_cells.items())
        ],
    }
    return [{"from": f, "to": t, "value": v} for (f, t), v in sorted(cells.items())], uncertain


def case_duo_vo_02(b: Builder) -> None:
    cid = "c01_duo_vo_02_postcode_leerjaar"
    rng, w = b.rng(cid), b.world
    locs = rng.sample(w.pool({"VO"}), 22)
    rows = count_rows(w, rng, sorted(locs, key=lambda loc: loc.brinvest), 6, 60)
    header = [
        "PROVINCIE",
        "BRIN NUMMER",
        "VESTIGINGSNUMMER",
        "INSTELLINGSNAAM VESTIGING",
        "PLAATSNAAM VESTIGING",
        "GEMEENTENUMMER",
        "GEMEENTENAAM",
        "POSTCODE LEERLING",
        "PLAATSNAAM LEERLING",
        "GEMEENTENUMMER LEERLING",
        "GEMEENTENAAM LEERLING",
        *[f"LEER- OF VERBLIJFSJAAR {i}" for i in range(1, 7)],
        "TOTAAL",
    ]
    data: list[list[object]] = [header]
    for row in rows:
        data.append(
            [
                "ZUID-HOLLAND",
                row.loc.brin,
                row.loc.brinvest,
                row.loc.name,
                row.loc.place,
                row.loc.gm[2:],
                w.ref.upper_name(row.loc.gm),
                row.pc4,
                rng.choice(w.ref.places(row.res)).upper(),
                row.res[2:],
                w.ref.upper_name(row.res),
                *[masked(v) for v in row.parts],
                masked(row.total),
            ]
        )
    name = "02.-leerlingen-vo-per-vestiging-naar-postcode-leerling-en-leerjaar-2024.csv"
    write_csv(b.dir(cid) / name, data, encoding="cp1252")
    cells, uncertain = count_expectation(rows)
    b.add(
        Case(
            cid,
            "DUO open onderwijsdata (VO 02)",
            SRC["duo_vo_02"],
            "DUO count file: one row per VO location × pupil PC4 with counts per leer- of "
            "verblijfsjaar and TOTAAL; no BSN. Counts below 5 are written '<5'.",
            [*DEMO_LISTS, name],
            2024,
            [
                "no BSN: a count file, the count is in TOTAAL (aantal)",
                "unqualified GEMEENTENUMMER/GEMEENTENAAM and PLAATSNAAM VESTIGING are the "
                "school's; the pupil's are '... LEERLING'",
                "VESTIGINGSNUMMER is 6 characters including the BRIN",
                "'<5' in TOTAAL and in the leerjaar columns; summing the leerjaar columns with "
                "'<5' as 1 gives a different (wrong) number than TOTAAL",
                "GEMEENTENUMMER LEERLING without GM prefix (0518)",
            ],
            cells,
            uncertain=uncertain,
        )
    )


def case_duo_po_03_xls(b: Builder) -> None:
    cid = "c02_duo_po_03_gemeente_xls"
    rng, w = b.rng(cid), b.world
    gm = "GM0503"
    locs = [loc for loc in w.pool({"PO", "SBO"}, {gm})]
    rows = count_rows(w, rng, locs, 9, 45)
    ages = [f"LEEFTIJD {a} JAAR" for a in range(4, 13)]
    header = [
        "GEMEENTENUMMER",
        "GEMEENTENAAM",
        "BRIN NUMMER",
        "VESTIGINGSNUMMER",
        "INSTELLINGSNAAM VESTIGING",
        "SOORT PO",
        "POSTCODE LEERLING",
        *ages,
        "TOTAAL",
    ]
    data: list[list[object]] = [header]
    for row in rows:
        data.append(
            [
                row.loc.gm[2:],
                w.ref.upper_name(gm),
                row.loc.brin,
                row.loc.vest,
                row.loc.name,
                "SBO" if "SBO" in row.loc.types else "BO",
                row.pc4,
                *[masked(v) for v in row.parts],
                masked(row.total),
            ]
        )
    name = "03.-leerlingen-po-gemeente-DELFT-2024.xls"
    write_xls(b.dir(cid) / name, [Sheet("DELFT", data)])
    cells, uncertain = count_expectation(rows)
    b.add(
        Case(
            cid,
            "DUO open onderwijsdata (PO 03, per-gemeente xls)",
            SRC["duo_po_03"],
            "DUO PO count file as published per municipality (old Excel): every location in "
            "Delft × pupil PC4, counts per age and TOTAAL. The pupil's residence is only the PC4.",
            [*DEMO_LISTS, name],
            2024,
            [
                "residence only as POSTCODE LEERLING (PC4)",
                "GEMEENTENAAM is the same for every row: the school's municipality (the file is "
                "per gemeente), not the pupil's",
                "'<5' masked counts",
                "old xls, headers with spaces ('LEEFTIJD 4 JAAR')",
            ],
            cells,
            uncertain=uncertain,
        )
    )


def case_duo_po_03_total(b: Builder) -> None:
    cid = "c03_duo_po_03_totaal_underscores"
    rng, w = b.rng(cid), b.world
    locs = sorted(rng.sample(w.pool({"PO", "SBO"}), 30), key=lambda loc: loc.brinvest)
    rows = count_rows(w, rng, locs, 12, 40)
    ages = [f"LEEFTIJD_{a}_JAAR" for a in range(3, 15)]
    header = [
        "PEILDATUM",
        "GEMEENTENUMMER",
        "GEMEENTENAAM",
        "POSTCODE_LEERLING",
        "GEMEENTENAAM_LEERLING",
        "BRIN_NUMMER",
        "VESTIGINGSNUMMER",
        "INSTELLINGSNAAM_VESTIGING",
        "POSTCODE_VESTIGING",
        "PLAATSNAAM",
        "PROVINCIE",
        "SOORT_PO",
        "DENOMINATIE_VESTIGING",
        "BEVOEGD_GEZAG_NUMMER",
        *ages,
        "TOTAAL",
    ]
    data: list[list[object]] = [header]
    for row in rows:
        data.append(
            [
                "01-10-2024",
                row.loc.gm[2:],
                w.ref.upper_name(row.loc.gm),
                row.pc4,
                w.ref.upper_name(row.res),
                row.loc.brin,
                int(row.loc.vest),
                row.loc.name,
                row.loc.postcode or f"{rng.choice(w.ref.pc4s(row.loc.gm))}AB",
                row.loc.place,
                "Zuid-Holland",
                "SBO" if "SBO" in row.loc.types else "BO",
                rng.choice(("Openbaar", "Rooms-Katholiek", "Protestants-Christelijk")),
                str(40000 + int(hashlib_key(row.loc.brin)) % 9999),
                *[masked(v) for v in row.parts],
                masked(row.total),
            ]
        )
    name = "03.-leerlingen-po-totaaloverzicht-2024-2025.csv"
    write_csv(b.dir(cid) / name, data, encoding="latin-1")
    cells, uncertain = count_expectation(rows)
    b.add(
        Case(
            cid,
            "DUO open onderwijsdata (PO 03, totaaloverzicht csv)",
            SRC["duo_po_03_total"],
            "DUO PO count file, all municipalities in one CSV with UPPER_CASE_UNDERSCORE headers "
            "and GEMEENTENAAM_LEERLING next to POSTCODE_LEERLING.",
            [*DEMO_LISTS, name],
            2024,
            [
                "underscored headers (BRIN_NUMMER, POSTCODE_LEERLING, GEMEENTENAAM_LEERLING)",
                "GEMEENTENUMMER/GEMEENTENAAM/PLAATSNAAM come first and are the school's",
                "VESTIGINGSNUMMER as a bare number (0, 1) instead of 00, 01",
                "PEILDATUM is the only date column: not a start or end date",
                "POSTCODE_VESTIGING is the school's postcode (PC6), POSTCODE_LEERLING the pupil's",
                "'<5' masked counts; ISO-8859-1",
            ],
            cells,
            uncertain=uncertain,
        )
    )


def hashlib_key(text: str) -> str:
    return str(sum(ord(c) * (i + 7) for i, c in enumerate(text)))


# --- pupil extracts ----------------------------------------------------------------------------


def vo_pool_multi(w: World) -> list[Location]:
    """VO locations, with the BRINs that have locations in several municipalities twice."""
    pool = w.pool({"VO"})
    by_brin: dict[str, set[str]] = defaultdict(set)
    for loc in pool:
        by_brin[loc.brin].add(loc.gm)
    multi = [loc for loc in pool if len(by_brin[loc.brin]) > 1]
    return pool + multi * 3


def case_magister_nevenvestiging(b: Builder) -> None:
    cid = "c04_magister_codenevenvestiging"
    rng, w = b.rng(cid), b.world
    pool = [loc for loc in vo_pool_multi(w) if loc.gm in ("GM0503", "GM1926", "GM0518", "GM0603")]
    co = cohort(w, rng, 90, 2024, pool, moved=2)
    header = [
        "Stamnr",
        "Achternaam",
        "Tussenv",
        "Roepnaam",
        "Geb. datum",
        "BSN",
        "Straat",
        "Huisnr",
        "Postcode",
        "Plaats",
        "BRIN",
        "CodeNevenvestiging",
        "Administratieve eenheid",
        "Studie",
        "Klas",
        "Mentor",
        "Begindatum",
        "Vertrekdatum",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        leerjaar = rng.randint(1, 5)
        rows.append(
            [
                30100 + i,
                p.last,
                p.tussen,
                p.first,
                p.birth,
                p.bsn,
                p.street,
                p.house,
                p.pc6,
                r.loc.place_title,
                r.loc.brin,
                "" if r.loc.vest == "00" else r.loc.vest,
                r.loc.name.title(),
                f"{study_label(rng)} {leerjaar}",
                f"{leerjaar}{rng.choice('ABCDH')}{rng.randint(1, 3)}",
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                r.start,
                r.end,
            ]
        )
    name = "magister_leerlingen_export.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Leerlingen", rows, bold_rows=(1,))])
    b.add(
        Case(
            cid,
            "Magister (Schoolwise)",
            SRC["magister_sql"],
            "Magister pupil export of a VO board with several locations. The sub-location is "
            "'CodeNevenvestiging': empty for the main location, '01'/'02' for the others. The "
            "column after the pupil's postcode is 'Plaats': the place of the school location.",
            [*DEMO_LISTS, name],
            2024,
            [
                "'CodeNevenvestiging' empty means 00 (main location); several BRINs have locations "
                "in other municipalities, so reading every row as 00 changes the matrix",
                "'Plaats' right after 'Postcode' is the school's place (matches the school "
                "list's PLAATSNAAM for the BRIN+vestiging), not the pupil's; the pupil's "
                "residence is only the PC6 postcode",
                "'Vertrekdatum' is the end date (Magister dVertrek)",
                "'Geb. datum' is a date column that is neither start nor end",
                "a few pupils moved school in September (two rows, same BSN)",
            ],
            expected_cells(co.records, 2024),
        )
    )


def case_magister_adfuncties(b: Builder) -> None:
    cid = "c05_magister_adfuncties_csv"
    rng, w = b.rng(cid), b.world
    pool = [loc for loc in w.pool({"VO"}) if loc.gm in ("GM1783", "GM1842", "GM0503", "GM0518")]
    co = cohort(w, rng, 80, 2024, pool)
    header = [
        "stamnr_str",
        "Achternaam",
        "Tussenv",
        "Roepnaam",
        "Voorletters",
        "geb_datum_str",
        "Geslacht",
        "Straat",
        "Nr",
        "Postcode",
        "Plaats.Woonplaats",
        "Administratieve_eenheid.Omschrijving",
        "Administratieve_eenheid.Plaats",
        "Klas",
        "Studie",
        "Leerfase.Leerjaar",
        "Personeelslid.Volledige_naam",
        "BSN",
        "BRIN",
        "Vestiging",
        "Datum inschrijving",
        "Datum uitschrijving",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        lj = rng.randint(1, 6)
        rows.append(
            [
                str(21000 + i),
                p.last,
                p.tussen,
                p.first,
                p.initials,
                nl_date(p.birth),
                p.gender,
                p.street,
                str(p.house),
                p.pc6.replace(" ", "") if rng.random() < 0.5 else p.pc6,
                place_label(rng, p.place),
                r.loc.name.title(),
                r.loc.place_title,
                f"{lj}{rng.choice('ABCDEFGH')}",
                f"{study_label(rng)}{lj}",
                str(lj),
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                p.bsn,
                r.loc.brin,
                r.loc.vest,
                nl_date(r.start),
                nl_date(r.end),
            ]
        )
    name = "GetActiveStudents_export.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8-sig")
    b.add(
        Case(
            cid,
            "Magister (ADFuncties export)",
            SRC["magister_ad"],
            "Magister export with the technical property names as headers (as scripts and "
            "koppelingen write them), semicolon CSV UTF-8 with BOM; the SWV added BSN, BRIN, "
            "Vestiging and the enrolment dates.",
            [*DEMO_LISTS, name],
            2024,
            [
                "pupil's place is 'Plaats.Woonplaats'; 'Administratieve_eenheid.Plaats' is the "
                "school's place (both contain 'Plaats')",
                "headers with dots and underscores (stamnr_str, geb_datum_str)",
                "'geb_datum_str' is a text date that is neither start nor end",
                "'Datum inschrijving'/'Datum uitschrijving' as Dutch text dates",
            ],
            expected_cells(co.records, 2024),
        )
    )


def case_somtoday(b: Builder) -> None:
    cid = "c06_somtoday_plaatsingen"
    rng, w = b.rng(cid), b.world
    pool = [loc for loc in vo_pool_multi(w) if loc.gm in ("GM0637", "GM1916", "GM0518", "GM1926")]
    co = cohort(w, rng, 80, 2024, pool, moved=1)
    header = [
        "Leerlingnummer",
        "Roepnaam",
        "Voorvoegsel",
        "Achternaam",
        "Geboortedatum",
        "BSN",
        "Straat",
        "Huisnummer",
        "Postcode",
        "Plaats",
        "Vestiging",
        "BRIN vestiging",
        "Stamgroep",
        "Leerjaar",
        "Opleiding",
        "Plaatsing startdatum",
        "Plaatsing einddatum",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        lj = rng.randint(1, 6)
        afk = "".join(word[0] for word in r.loc.name.split()[:3]).upper() + r.loc.vest[-1]
        rows.append(
            [
                140000 + i,
                p.first,
                p.tussen,
                p.last,
                p.birth,
                p.bsn,
                p.street,
                p.house,
                p.pc6,
                place_label(rng, p.place),
                afk,
                r.loc.brinvest,
                f"{lj}{rng.choice('ABC')}",
                lj,
                vo_label(rng).upper(),
                r.start,
                r.end,
            ]
        )
    name = "somtoday_leerlingen_plaatsingen.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Export", rows, bold_rows=(1,))])
    b.add(
        Case(
            cid,
            "SOMtoday",
            SRC["somtoday"],
            "SOMtoday pupil overview with placements (plaatsingen). 'Vestiging' holds the "
            "location's abbreviation, the code is in 'BRIN vestiging' (6 characters).",
            [*DEMO_LISTS, name],
            2024,
            [
                "'Vestiging' is an abbreviation (text), not a vestigingsnummer: the content "
                "shows it",
                "BRIN + vestiging only combined in 'BRIN vestiging'",
                "start/end under 'Plaatsing startdatum'/'Plaatsing einddatum'",
                "'Plaats' is the pupil's (the only place column here)",
            ],
            expected_cells(co.records, 2024),
        )
    )


def case_parnassys(b: Builder) -> None:
    cid = "c07_parnassys_edex_2023"
    rng, w = b.rng(cid), b.world
    year = 2023
    pool = [
        loc
        for loc in w.pool({"PO", "SBO", "SO"}, {"GM0518", "GM0603", "GM1916", "GM0629"})
        if "VSO" not in loc.types or "SO" in loc.types
    ]
    co = cohort(w, rng, 90, year, pool)
    header = [
        "brincode",
        "dependancecode",
        "leerlingnummer",
        "achternaam",
        "voorvoegsel",
        "voorletters",
        "roepnaam",
        "geboortedatum",
        "geboorteplaats",
        "geslacht",
        "jaargroep",
        "groep",
        "postcode",
        "plaats",
        "gemeente",
        "bsn",
        "soort onderwijs",
        "datum aanmelding",
        "instroomdatum",
        "datum uitschrijving",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        jg = rng.randint(1, 8)
        etype = "SO" if r.etype == "SO" else ("SBO" if r.etype == "SBO" else "BAO")
        aanmelding = (r.start or dt.date(year - 1, 8, 1)) - dt.timedelta(days=rng.randint(20, 200))
        dep = r.loc.vest
        if dep == "00" and rng.random() < 0.5:
            dep = ""
        rows.append(
            [
                r.loc.brin,
                dep,
                str(5000 + i),
                p.last,
                p.tussen,
                p.initials,
                p.first,
                nl_date(p.birth),
                rng.choice(("Den Haag", "Delft", "Leiden", "Rotterdam", "Paramaribo", "Istanbul")),
                "1" if p.gender == "M" else "2",
                str(jg),
                f"Groep {jg}{rng.choice('ab')}",
                p.pc6.replace(" ", ""),
                place_label(rng, p.place),
                w.ref.name(p.res),
                p.bsn,
                etype,
                nl_date(aanmelding),
                nl_date(r.start),
                nl_date(r.end),
            ]
        )
    name = "EDEX_leerlingen_schooljaar_2023-2024.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    b.add(
        Case(
            cid,
            "ParnasSys / ESIS (EDEX-like)",
            SRC["parnassys"],
            "PO/SBO/SO pupil list in EDEX vocabulary (lower-case headers), school year 2023-2024. "
            "'dependancecode' is the sub-location, empty or '00' for the main location.",
            [*DEMO_LISTS, name],
            year,
            [
                "school year 2023-2024 (peildatum 2023-10-01)",
                "'dependancecode' = vestiging; empty means 00",
                "'instroomdatum' = start; 'datum aanmelding' is earlier and is NOT the start "
                "(pupils registered before the peildatum who start after it must not count)",
                "'geboorteplaats' is a place column that is not the residence",
                "'gemeente' is the pupil's municipality (ParnasSys address), 'plaats' agrees",
                "'geslacht' as 1/2, 'jaargroep' numeric",
            ],
            expected_cells(co.records, year),
        )
    )


def case_eduarte(b: Builder) -> None:
    cid = "c08_eduarte_gepland_werkelijk"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [loc for loc in w.pool({"VO"}) if loc.gm in ("GM0518", "GM0637", "GM1783", "GM0546")]
    co = cohort(w, rng, 90, year, pool)
    for r in co.records:  # planned end: the diploma year; the actual end wins
        started_before = r.start is None or r.start < dt.date(year, 7, 1)
        if r.end is None and started_before and rng.random() < 0.45:
            r.extra["planned"] = dt.date(year, 7, 31)  # planned end passed, still enrolled
        else:  # also for those who left before the peildatum: planned years later
            r.extra["planned"] = dt.date(year + rng.randint(1, 3), 7, 31)
    header = [
        "Deelnemernummer",
        "BSN",
        "Achternaam",
        "Roepnaam",
        "Geboortedatum",
        "Geboortegemeente",
        "(W)Postcode en plaats",
        "Gemeente (woonadres)",
        "Gemeente (postadres)",
        "BSN eerste verzorger",
        "Organisatie",
        "Locatie",
        "Brin",
        "Vestigingsnummer",
        "Opleiding",
        "Datum aanmelden/beschikking",
        "Begindatum",
        "Geplande einddatum",
        "Einddatum",
        "Brincode vooropleiding",
    ]
    po_brins = sorted({loc.brin for loc in w.pool({"PO"})})
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        post = p.res if rng.random() < 0.8 else rng.choice(REGION + NEAR)
        rows.append(
            [
                600000 + i,
                p.bsn,
                p.last + (f", {p.tussen}" if p.tussen else ""),
                p.first,
                p.birth,
                rng.choice(("'s-Gravenhage", "Rotterdam", "Delft", "Leiden", "Amsterdam")),
                f"{p.pc6} {p.place}",
                w.ref.name(p.res),
                w.ref.name(post),
                w.new_bsn(rng),
                r.loc.name.title(),
                r.loc.place_title,
                r.loc.brin,
                r.loc.vest,
                vo_label(rng),
                (r.start or dt.date(year, 3, 1)) - dt.timedelta(days=rng.randint(30, 150)),
                r.start,
                r.extra["planned"],
                r.end,
                rng.choice(po_brins),
            ]
        )
    name = "Eduarte_deelnemers_verbintenissen.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Deelnemers", rows, bold_rows=(1,))])
    b.add(
        Case(
            cid,
            "Eduarte (Topicus)",
            SRC["eduarte"],
            "Eduarte deelnemer/verbintenis overview. 'Einddatum' is the actual end, 'Geplande "
            "einddatum' the planned one; several pupils have a planned end before the peildatum "
            "and no actual end (they count), others an actual end before the peildatum and a "
            "planned end years later (they do not).",
            [*DEMO_LISTS, name],
            year,
            [
                "actual end ('Einddatum') wins over 'Geplande einddatum'",
                "two BSN columns: 'BSN' and 'BSN eerste verzorger' (valid 11-proef numbers too)",
                "'Gemeente (woonadres)' is the residence; 'Gemeente (postadres)' differs for "
                "about 20% of the rows; 'Geboortegemeente' is a third municipality column",
                "'(W)Postcode en plaats' combines PC6 and place in one cell",
                "'Brincode vooropleiding' is a BRIN (of the previous PO school, present in the "
                "school list) that must not be used",
                "'Datum aanmelden/beschikking' is a date before the start",
            ],
            expected_cells(co.records, year),
        )
    )


def case_bron(b: Builder) -> None:
    cid = "c09_bron_jjjjmmdd_gepland_werkelijk"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [loc for loc in vo_pool_multi(w) if loc.gm in ("GM0503", "GM1926", "GM1842", "GM0599")]
    co = cohort(w, rng, 80, year, pool)
    header = [
        "Leerlingnummer",
        "Burgerservicenummer",
        "Onderwijsnummer",
        "Geboortedatum",
        "Postcode",
        "Land",
        "Brinnummer",
        "Vestigingsnummer",
        "Leerjaar",
        "Onderwijstype",
        "Datum inschrijving",
        "Geplande datum uitschrijving",
        "Werkelijke datum uitschrijving",
        "Bekostigd",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        if r.end is None and (r.start is None or r.start < dt.date(year, 7, 1)):
            planned = dt.date(year + rng.choice((0, 1, 2)), 7, 31)  # 0: planned before peildatum
        elif r.end is None:
            planned = dt.date(year + rng.choice((1, 2)), 7, 31)
        else:
            planned = dt.date(year + rng.randint(1, 2), 7, 31)
        rows.append(
            [
                str(810000 + i),
                p.bsn,
                "",
                ymd8(p.birth),
                p.pc6.replace(" ", ""),
                "NL",
                r.loc.brin,
                r.loc.vest,
                str(rng.randint(1, 6)),
                vo_label(rng).upper(),
                ymd8(r.start),
                ymd8(planned),
                ymd8(r.end),
                "J",
            ]
        )
    name = "bron_inschrijvingen_vo.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    b.add(
        Case(
            cid,
            "BRON (registration layout, via Eduarte/Magister)",
            SRC["bron"],
            "BRON-style enrolment list with dates as 8 digits jjjjmmdd and both a planned and an "
            "actual end of enrolment; residence only as PC6 without space.",
            [*DEMO_LISTS, name],
            year,
            [
                "dates as jjjjmmdd (20240819), the birth date too",
                "'Werkelijke datum uitschrijving' wins over 'Geplande datum uitschrijving' "
                "(planned 2024-07-31 with no actual end = still enrolled)",
                "residence only as PC6 '2511AB'",
                "'Onderwijsnummer' empty column next to the BSN",
            ],
            expected_cells(co.records, year),
        )
    )


def tlv_dates(rng: random.Random, r: Record, year: int) -> tuple[dt.date | None, dt.date | None]:
    """TLVs run from a start to 31 July of a later school year; reuse the record's status."""
    start = r.start or dt.date(year - 1, 8, 1)
    if r.status in ("active", "b_start", "no_start", "future", "moved_to"):
        end = r.end or dt.date(year + rng.choice((1, 1, 2)), 7, 31)
    else:
        end = r.end
    r.start, r.end = start, end
    return start, end


def case_kindkans(b: Builder) -> None:
    cid = "c10_kindkans_tlv_po"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [
        loc
        for loc in w.pool({"SBO", "SO"}, {"GM0503", "GM0518", "GM1926", "GM0637", "GM0599"})
        if loc.types <= {"SBO", "SO"}
    ]
    co = cohort(w, rng, 70, year, pool)
    herkomst = w.pool({"PO"})
    header = [
        "Dossiernummer",
        "BSN",
        "Achternaam",
        "Voornaam",
        "Geboortedatum",
        "Woonplaats",
        "Woongemeente",
        "School van herkomst",
        "BRIN herkomst",
        "Vestiging herkomst",
        "School van inschrijving",
        "BRIN",
        "Vestiging",
        "Soort TLV",
        "Categorie",
        "Datum besluit",
        "Ingangsdatum TLV",
        "Einddatum TLV",
        "Status",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        start, end = tlv_dates(rng, r, year)
        origin = rng.choice(herkomst)
        besluit = (start or dt.date(year, 1, 1)) - dt.timedelta(days=rng.randint(5, 60))
        rows.append(
            [
                f"KK-{year}-{1000 + i}",
                p.bsn,
                p.last + (f" {p.tussen}" if p.tussen else ""),
                p.first,
                p.birth,
                place_label(rng, p.place),
                municipality_label(rng, w.ref, p.res),
                origin.name.title(),
                origin.brin,
                origin.vest,
                r.loc.name.title(),
                r.loc.brin,
                r.loc.vest,
                "SBO" if r.etype == "SBO" else "SO",
                "n.v.t." if r.etype == "SBO" else rng.choice(("Laag", "Midden", "Hoog")),
                besluit,
                start,
                end,
                "Afgegeven",
            ]
        )
    name = "Kindkans_overzicht_TLV_2024-2025.xlsx"
    write_xlsx(
        b.dir(cid) / name,
        [
            Sheet(
                "TLV's",
                [["SWV PO 28-02 Delft e.o. - Overzicht afgegeven TLV's"], [], *rows],
                bold_rows=(1, 3),
            )
        ],
    )
    b.add(
        Case(
            cid,
            "Kindkans (SWV PO)",
            SRC["kindkans"],
            "TLV overview of a PO SWV: SBO and SO TLVs. The period of the TLV is the start/end. "
            "Each row also names the school the pupil came from.",
            [*DEMO_LISTS, name],
            year,
            [
                "title row and a blank row above the header",
                "two schools per row: 'School van herkomst' + 'BRIN herkomst' + 'Vestiging "
                "herkomst' (previous school, in the school list) and 'School van inschrijving' + "
                "'BRIN' + 'Vestiging' (the one that counts)",
                "'Ingangsdatum TLV'/'Einddatum TLV' are start/end; 'Datum besluit' is not",
                "'Woonplaats' and 'Woongemeente' (variants such as 'Pijnacker Nootdorp') agree",
                "'Categorie' (Laag/Midden/Hoog/n.v.t.) is not an onderwijstype; 'Soort TLV' is",
            ],
            expected_cells(co.records, year),
        )
    )


def case_onderwijs_transparant(b: Builder) -> None:
    cid = "c11_onderwijs_transparant_tlv_vso"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [
        loc
        for loc in w.pool({"VSO"})
        if loc.gm in ("GM0518", "GM0503", "GM1916", "GM0637", "GM1783", "GM0606", "GM0629")
    ]
    co = cohort(w, rng, 80, year, pool)
    for r in co.records:
        r.etype = "VSO"
    vo_schools = w.pool({"VO"})
    header = [
        "TLV-nummer",
        "Achternaam",
        "Voornamen",
        "Geboortedatum",
        "BSN",
        "Adres",
        "Postcode",
        "Plaats",
        "Gemeente",
        "Aanvragende school",
        "Brinnummer aanvrager",
        "Plaatsingsschool",
        "Brin",
        "Vestigingsnr",
        "Onderwijssoort",
        "Bekostigingscategorie",
        "Aanvraagdatum",
        "Startdatum TLV",
        "Einddatum TLV",
        "Opmerkingen",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        start, end = tlv_dates(rng, r, year)
        asker = rng.choice(vo_schools)
        rows.append(
            [
                f"TLV{year % 100}-{3000 + i}",
                p.last,
                p.first,
                nl_date(p.birth),
                p.bsn,
                f"{p.street} {p.house}",
                p.pc6,
                place_label(rng, p.place),
                municipality_label(rng, w.ref, p.res),
                asker.name.title(),
                asker.brin,
                r.loc.name.title(),
                r.loc.brin,
                r.loc.vest,
                "VSO",
                rng.choice(("categorie 1 (laag)", "categorie 2 (midden)", "categorie 3 (hoog)")),
                nl_date((start or dt.date(year, 1, 1)) - dt.timedelta(days=rng.randint(15, 90))),
                nl_date(start),
                nl_date(end),
                rng.choice(("", "", "", "verlenging", "herindicatie", "tussentijdse instroom")),
            ]
        )
    name = "OT_toelaatbaarheidsverklaringen_VSO.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8-sig")
    b.add(
        Case(
            cid,
            "Onderwijs Transparant (SWV VO)",
            SRC["ot"],
            "VSO TLV overview of a VO SWV as CSV: requesting regular school and placement school "
            "on one row.",
            [*DEMO_LISTS, name],
            year,
            [
                "'Brinnummer aanvrager' is the requesting regular VO school (in the school list); "
                "'Brin' + 'Vestigingsnr' is the placement school",
                "'Gemeente' is unqualified but stands in the pupil's address block and is the "
                "pupil's; content: it agrees with 'Plaats' and 'Postcode', not with the school",
                "three dates: 'Aanvraagdatum' (not start), 'Startdatum TLV', 'Einddatum TLV'",
                "TLV periods run to 31 July of a later year",
            ],
            expected_cells(co.records, year),
        )
    )


def case_group_headers(b: Builder) -> None:
    cid = "c12_swv_groepskoppen_leerling_school"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO"}, {"GM0518", "GM0603", "GM1916", "GM0503", "GM0546"})
    co = cohort(w, rng, 80, year, pool)
    groups = [
        "School",
        "",
        "",
        "",
        "",
        "Leerling",
        "",
        "",
        "",
        "",
        "",
        "Arrangement",
        "",
        "",
        "",
    ]
    header = [
        "BRIN",
        "Vestiging",
        "Naam",
        "Plaats",
        "Gemeente",
        "BSN",
        "Naam",
        "Geboortedatum",
        "Postcode",
        "Plaats",
        "Gemeente",
        "Soort",
        "Onderwijstype",
        "Begin",
        "Eind",
    ]
    rows: list[list[object]] = [
        ["Samenwerkingsverband VO 28-06 — leerlingen met een arrangement, 2024-2025"],
        groups,
        header,
    ]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                r.loc.brin,
                r.loc.vest,
                r.loc.name.title(),
                r.loc.place_title,
                municipality_label(rng, w.ref, r.loc.gm),
                p.bsn,
                p.full_name,
                p.birth,
                p.pc6,
                place_label(rng, p.place),
                municipality_label(rng, w.ref, p.res),
                rng.choice(("OZA licht", "OZA intensief", "Rebound", "Time-out")),
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "SWV_28-06_arrangementen_groepskoppen.xlsx"
    write_xlsx(
        b.dir(cid) / name,
        [
            Sheet(
                "Arrangementen", rows, merges=["A1:O1", "A2:E2", "F2:K2", "L2:O2"], bold_rows=(2, 3)
            )
        ],
    )
    b.add(
        Case(
            cid,
            "SWV Excel with group headers",
            SRC["swv"],
            "An SWV's own Excel: a title row, a merged group-header row ('School' over A–E, "
            "'Leerling' over F–K, 'Arrangement' over L–O) and then the header. 'Naam', 'Plaats' "
            "and 'Gemeente' appear in both the School and the Leerling group; the School group "
            "comes first.",
            [*DEMO_LISTS, name],
            year,
            [
                "group headers in merged cells decide whose 'Plaats'/'Gemeente' a column is",
                "the school's 'Plaats'/'Gemeente' come first (first-column-wins is wrong)",
                "'Begin'/'Eind' as start/end",
                "two 'Naam' columns",
            ],
            expected_cells(co.records, year),
        )
    )


def case_international(b: Builder) -> None:
    cid = "c13_international_school_us_dates"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0518", "GM0629", "GM0546"})
    co = cohort(w, rng, 70, year, pool, residence=_expat_residence)
    # make sure the month/day order is decidable: days > 12 occur in every date column
    header = [
        "Student ID",
        "Last Name",
        "First Name",
        "Date of Birth",
        "Gender",
        "Grade",
        "Homeroom",
        "Address",
        "Postcode",
        "City",
        "Municipality",
        "Country",
        "BSN",
        "Campus",
        "DUO Location Code",
        "Entry Date",
        "Withdrawal Date",
        "Withdrawal Reason",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        city = ENGLISH_NAMES.get(p.res, p.place) if p.res == "GM0518" else p.place
        rows.append(
            [
                f"S{24000 + i}",
                p.last,
                p.first,
                us_date(p.birth),
                "Male" if p.gender == "M" else "Female",
                f"Grade {rng.randint(6, 12)}",
                f"HR-{rng.randint(1, 20):02d}",
                f"{p.street} {p.house}",
                p.pc6,
                city,
                ENGLISH_NAMES.get(p.res, w.ref.name(p.res)),
                "Netherlands",
                p.bsn,
                rng.choice(("Secondary Campus", "Senior School", "Middle School")),
                r.loc.brinvest,
                us_date(r.start),
                us_date(r.end),
                "" if r.end is None else rng.choice(("Relocation", "Transfer", "Graduated")),
            ]
        )
    name = "students_enrollment_export.csv"
    write_csv(b.dir(cid) / name, rows, delimiter=",", encoding="utf-8")
    b.add(
        Case(
            cid,
            "International school SIS (PowerSchool-like, English)",
            SRC["international"],
            "English-language export of an international school: US dates MM/DD/YYYY, 'City' "
            "and 'Municipality' (The Hague), a combined 6-character DUO location code.",
            [*DEMO_LISTS, name],
            year,
            [
                "English headers: Entry Date / Withdrawal Date, City, Municipality, Campus",
                "dates MM/DD/YYYY; days above 12 occur, so the order is decidable per column",
                "'The Hague' as municipality and city",
                "'Date of Birth' is a date column that is neither start nor end",
                "many pupils live outside the region (expats: Amsterdam, Utrecht, Leiden, ...)",
            ],
            expected_cells(co.records, year),
        )
    )


def _expat_residence(rng: random.Random, school_gm: str) -> str:
    draw = rng.random()
    if draw < 0.45:
        return "GM0518"
    if draw < 0.7:
        return rng.choice(("GM0629", "GM0626", "GM0603", "GM1916"))
    return rng.choice(FAR + NEAR)


def case_ddmmjjjj(b: Builder) -> None:
    cid = "c14_eduarte_export_ddmmjjjj_2023"
    rng, w = b.rng(cid), b.world
    year = 2023
    pool = w.pool({"VO"}, {"GM0637", "GM1926", "GM0503", "GM0518"})
    co = cohort(w, rng, 80, year, pool)
    exported = dt.date(year + 1, 10, 15)  # the export was made a year later
    header = [
        "Deelnemernummer",
        "Achternaam deelnemer",
        "Voorvoegsel",
        "Voorletters",
        "Geslacht",
        "Straatnaam deelnemer",
        "Huisnummer deelnemer",
        "Postcode deelnemer",
        "Woonplaats deelnemer",
        "Landcode deelnemer",
        "BSN",
        "Brin",
        "Vestiging",
        "Onderwijstype",
        "Status inschrijving",
        "Datum inschrijving",
        "Datum uitschrijving",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        rows.append(
            [
                str(400000 + i),
                p.last,
                p.tussen,
                p.initials,
                "1" if p.gender == "M" else "2",
                p.street,
                str(p.house),
                p.pc6,
                place_label(rng, p.place).upper(),
                "NL",
                p.bsn,
                r.loc.brin,
                r.loc.vest,
                vo_label(rng),
                "J" if r.end is None or r.end > exported else "N",
                dmy8(r.start),
                dmy8(r.end),
            ]
        )
    name = "export_deelnemers_ddmmjjjj.csv"
    write_csv(b.dir(cid) / name, rows, encoding="cp1252")
    b.add(
        Case(
            cid,
            "Eduarte (file export)",
            SRC["eduarte_export"],
            "Eduarte-style export with dates as 8 digits ddmmjjjj (01082023), school year "
            "2023-2024, cp1252 semicolon CSV.",
            [*DEMO_LISTS, name],
            year,
            [
                "dates as ddmmjjjj: '01082023' (not jjjjmmdd; year 0108 does not exist)",
                "school year 2023-2024",
                "'Status inschrijving' J/N is derived from today's date in the source system, "
                "not from the peildatum; it must not filter rows",
                "place names in upper case ('NAALDWIJK')",
            ],
            expected_cells(co.records, year),
        )
    )


def case_vestigingscode6(b: Builder) -> None:
    cid = "c15_vestigingscode_6_tekens_zonder_brin"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [loc for loc in vo_pool_multi(w) if loc.gm in ("GM0518", "GM0603", "GM1926", "GM0503")]
    co = cohort(w, rng, 70, year, pool)
    header = [
        "BSN",
        "Naam leerling",
        "Geboortedatum",
        "Woongemeente",
        "Vestigingscode",
        "Schoolnaam",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.sort_name,
                p.birth,
                municipality_label(rng, w.ref, p.res),
                r.loc.brinvest,
                r.loc.name.title(),
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "leerlingen_vestigingscode.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Blad1", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, DUO-style location code",
            SRC["swv"] + "; DUO's VO address list uses VESTIGINGSCODE = 6 characters (00AH00)",
            "Pupil list whose only school column is 'Vestigingscode' holding BRIN + vestiging "
            "(6 characters); no BRIN column.",
            [*DEMO_LISTS, name],
            year,
            [
                "'Vestigingscode' holds the 6-character BRIN+vestiging; there is no BRIN column",
                "municipality name variants in 'Woongemeente'",
            ],
            expected_cells(co.records, year),
        )
    )


def case_qualified_headers(b: Builder) -> None:
    cid = "c16_koppen_leerling_en_school"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "SBO"}, {"GM1783", "GM1842", "GM0503", "GM0518"})
    co = cohort(w, rng, 80, year, pool)
    header = [
        "Burgerservicenummer",
        "Naam",
        "Gemeente school",
        "Plaats school",
        "BRIN",
        "Vest.nr.",
        "Postcode leerling",
        "Woonplaats leerling",
        "Gemeente leerling",
        "Onderwijssoort",
        "Datum start",
        "Datum einde",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                int(p.bsn),
                p.full_name,
                municipality_label(rng, w.ref, r.loc.gm),
                r.loc.place_title,
                r.loc.brin.lower() if rng.random() < 0.2 else r.loc.brin,
                int(r.loc.vest),
                p.pc6,
                place_label(rng, p.place),
                municipality_label(rng, w.ref, p.res),
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "overzicht_leerlingen_westland_delft.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Overzicht", rows)])
    b.add(
        Case(
            cid,
            "SWV extract with qualified headers",
            SRC["swv"],
            "Headers say whose a field is: 'Gemeente school'/'Plaats school' (first) and "
            "'Postcode leerling'/'Woonplaats leerling'/'Gemeente leerling'.",
            [*DEMO_LISTS, name],
            year,
            [
                "'Gemeente school' comes before 'Gemeente leerling'",
                "BSN stored as a number (leading zero lost for a few)",
                "'Vest.nr.' numeric 0/1; BRIN sometimes lower case",
            ],
            expected_cells(co.records, year),
        )
    )


def case_gemeente_next_to_postcode(b: Builder) -> None:
    cid = "c17_gemeente_school_naast_postcode"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [
        loc
        for loc in w.pool({"VO", "VSO"}, {"GM0518", "GM0503", "GM0603", "GM1916", "GM0637"})
        if len(loc.types) == 1
    ]
    co = cohort(w, rng, 80, year, pool)
    header = [
        "BSN",
        "Achternaam",
        "Voornaam",
        "Geboortedatum",
        "Straat",
        "Huisnummer",
        "Postcode",
        "Gemeente",
        "BRIN",
        "Vestiging",
        "Schoolnaam",
        "Type",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        gemeente = municipality_label(rng, w.ref, r.loc.gm) if rng.random() > 0.04 else ""
        rows.append(
            [
                p.bsn,
                p.last,
                p.first,
                p.birth,
                p.street,
                p.house,
                p.pc6,
                gemeente,
                r.loc.brin,
                r.loc.vest,
                r.loc.name.title(),
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "leerlingen_met_schoolgemeente.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Leerlingen", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, school municipality unqualified",
            SRC["swv"],
            "'Gemeente' stands right after the pupil's 'Postcode' but is the school's "
            "municipality: it equals the school list's municipality of the BRIN+vestiging on "
            "every row where it is filled (a few are empty). The pupil's residence is only the "
            "postcode.",
            [*DEMO_LISTS, name],
            year,
            [
                "unqualified 'Gemeente' next to the pupil's postcode is the SCHOOL's (content "
                "shows it: it agrees with the school list, disagrees with the postcode on the "
                "cross-border rows)",
                "the residence must come from the PC6 postcode",
                "reading 'Gemeente' as residence puts nearly every pupil on the diagonal",
            ],
            expected_cells(co.records, year),
        )
    )


def case_instroom(b: Builder) -> None:
    cid = "c18_instroom_uitstroom_aanmelding"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"SO", "VSO", "SBO"}, {"GM0518", "GM0603", "GM0637", "GM1783", "GM1916"})
    co = cohort(w, rng, 80, year, pool)
    header = [
        "BSN",
        "Roepnaam",
        "Achternaam",
        "Geboortedatum",
        "Woonplaats",
        "BRIN",
        "Vestiging",
        "School",
        "Soort onderwijs",
        "Datum aanmelding",
        "Instroomdatum",
        "Uitstroomdatum",
        "Uitstroombestemming",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        if r.status == "future":  # registered well before the peildatum, starts after it
            aanmelding = dt.date(year, rng.randint(3, 9), rng.randint(1, 28))
        else:
            aanmelding = (r.start or dt.date(year - 1, 8, 1)) - dt.timedelta(
                days=rng.randint(20, 120)
            )
        rows.append(
            [
                p.bsn,
                p.first,
                p.last,
                p.birth,
                place_label(rng, p.place),
                r.loc.brin,
                r.loc.vest,
                r.loc.name.title(),
                r.etype,
                aanmelding,
                r.start,
                r.end,
                "" if r.end is None else rng.choice(("VO", "VSO", "verhuisd", "SO elders")),
            ]
        )
    name = "in_en_uitstroom_2024-2025.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Instroom", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, instroom/uitstroom",
            SRC["swv"],
            "Start and end as 'Instroomdatum'/'Uitstroomdatum', with 'Datum aanmelding' before "
            "them. Pupils who registered before the peildatum but start after it must not count.",
            [*DEMO_LISTS, name],
            year,
            [
                "'Instroomdatum' = start, 'Uitstroomdatum' = end",
                "'Datum aanmelding' is not enrolment: taking it as start counts the future "
                "starters",
                "residence only as 'Woonplaats'",
            ],
            expected_cells(co.records, year),
        )
    )


def case_van_tot(b: Builder) -> None:
    cid = "c19_arrangement_van_tot_en_met"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0503", "GM1842", "GM1926", "GM0599", "GM1621"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "Leerling",
        "BSN",
        "Gemeentecode",
        "Brinvest",
        "Arrangement",
        "Van",
        "Tot en met",
        "Uren per week",
        "Bedrag",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.sort_name,
                bsn_text(rng, p.bsn),
                str(int(p.res[2:])),
                r.loc.brinvest,
                rng.choice(("Plusvoorziening", "OZA", "Trajectvoorziening", "Schakelklas")),
                nl_date(r.start, short=rng.random() < 0.3),
                nl_date(r.end, short=rng.random() < 0.3),
                str(rng.choice((2, 4, 6, 8))),
                f"{rng.randint(1, 9)}.{rng.randint(100, 999)},{rng.randint(0, 99):02d}",
            ]
        )
    name = "arrangementen_delflanden.csv"
    write_csv(b.dir(cid) / name, rows, encoding="cp1252")
    b.add(
        Case(
            cid,
            "SWV arrangement list",
            SRC["swv"],
            "Arrangement periods as 'Van'/'Tot en met'; residence as a bare CBS number "
            "('Gemeentecode' 518, 1842); combined 'Brinvest'.",
            [*DEMO_LISTS, name],
            year,
            [
                "'Van' = start, 'Tot en met' = end (inclusive)",
                "dates sometimes without leading zeros (6-1-2025)",
                "'Gemeentecode' as bare numbers (518, 1842, 1926)",
                "'Leerling' is a name column; BSN with dots or spaces",
                "'Bedrag' with thousands dot and decimal comma",
            ],
            expected_cells(co.records, year),
        )
    )


def case_ingang_afmeld(b: Builder) -> None:
    cid = "c20_ingangsdatum_afmelddatum_ods"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"PO", "SBO"}, {"GM0637", "GM1926", "GM0518", "GM1621"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "Leerlingnummer",
        "BSN",
        "Naam",
        "Geboortedatum",
        "Woonplaats",
        "Gemeente",
        "BRIN",
        "Vestiging",
        "Soort onderwijs",
        "Ingangsdatum",
        "Afmelddatum",
    ]
    rows: list[list[object]] = [
        ["Overzicht leerlingen SWV PO 28-17 Zoetermeer"],
        [],
        header,
    ]
    for i, r in enumerate(co.rows_order):
        p = r.person
        rows.append(
            [
                700 + i,
                p.bsn,
                p.full_name,
                p.birth,
                place_label(rng, p.place),
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "leerlingen_po_zoetermeer.ods"
    write_ods(b.dir(cid) / name, [Sheet("Overzicht", rows)])
    b.add(
        Case(
            cid,
            "SWV extract (OpenDocument)",
            SRC["swv"],
            "ODS with a title row and a blank row above the header; 'Ingangsdatum'/'Afmelddatum'.",
            [*DEMO_LISTS, name],
            year,
            [
                "OpenDocument spreadsheet with date cells",
                "'Ingangsdatum' = start, 'Afmelddatum' = end",
                "header on row 3",
            ],
            expected_cells(co.records, year),
        )
    )


def case_pc6_only(b: Builder) -> None:
    cid = "c21_alleen_pc6_postcode"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO"}, {"GM0518", "GM0629", "GM0626", "GM0546", "GM0637"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "BSN",
        "Naam",
        "Adres",
        "Postcode",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        pc = p.pc6
        draw = rng.random()
        if draw < 0.3:
            pc = pc.replace(" ", "")
        elif draw < 0.4:
            pc = pc.lower()
        rows.append(
            [
                p.bsn,
                p.full_name,
                f"{p.street} {p.house}",
                pc,
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "leerlingen_postcode.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Leerlingen", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, postcode only",
            SRC["swv"],
            "The residence is only a PC6 postcode: '2511 AB', '2511AB' or '2511 ab'.",
            [*DEMO_LISTS, name],
            year,
            ["residence only as PC6 in three spellings", "'Adres' is street + number only"],
            expected_cells(co.records, year),
        )
    )


def case_cbs_codes(b: Builder) -> None:
    cid = "c22_cbs_code_varianten_2023"
    rng, w = b.rng(cid), b.world
    year = 2023
    pool = w.pool({"VO", "VSO", "SO"}, {"GM0518", "GM0603", "GM0503", "GM0637", "GM1783"})
    co = cohort(w, rng, 80, year, pool)
    header = [
        "BSN",
        "Achternaam",
        "Voornaam",
        "Gemeentecode woonadres",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        number = int(p.res[2:])
        code: object = rng.choice(
            (p.res, p.res, f"{number:04d}", number, p.res.lower(), f"GM{number}")
        )
        rows.append(
            [
                p.bsn,
                p.last,
                p.first,
                code,
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "regio_leerlingen_2023-2024.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("2023-2024", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, CBS codes",
            SRC["swv"],
            "Residence as CBS municipality code in every spelling: GM0518, 0518, 518 (number), "
            "gm0518, GM518. School year 2023-2024.",
            [*DEMO_LISTS, name],
            year,
            [
                "CBS codes with and without GM, with and without leading zero, number cells",
                "school year 2023-2024; Voorschoten is still a participant (does not change "
                "the matrix)",
            ],
            expected_cells(co.records, year),
        )
    )


def case_csv_titles(b: Builder) -> None:
    cid = "c23_csv_cp1252_titelregels_totaal"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO"}, {"GM1783", "GM1842", "GM0503", "GM0556", "GM0599"})
    co = cohort(w, rng, 70, year, pool, duplicates=3)
    header = [
        "Nr",
        "BSN",
        "Naam",
        "Geboortedatum",
        "Woonplaats",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
        "Opmerking",
    ]
    rows: list[list[object]] = [
        ["Samenwerkingsverband VO Westland"],
        ["Overzicht leerlingen met arrangement per 1 oktober 2024"],
        ["Aangemaakt op 15-10-2024 door J. Smit"],
        [],
        header,
    ]
    for i, r in enumerate(co.rows_order):
        p = r.person
        place = p.place
        if "'" in place:
            place = place.replace("'", "’")
        rows.append(
            [
                i + 1,
                bsn_text(rng, p.bsn, 0.5),
                p.full_name,
                nl_date(p.birth),
                place,
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                nl_date(r.start, short=rng.random() < 0.2),
                nl_date(r.end),
                rng.choice(("", "", "", "zie dossier", "café-overleg 12-09", "verlenging n.t.b.")),
            ]
        )
    rows += [[], ["Totaal", len(co.rows_order)]]
    name = "SWV_VO_Westland_overzicht.csv"
    write_csv(b.dir(cid) / name, rows, encoding="cp1252")
    b.add(
        Case(
            cid,
            "SWV CSV export",
            SRC["swv"],
            "Semicolon CSV in cp1252 with three title rows, a blank row, the header, the data "
            "and a 'Totaal' footer; ’s-Gravenzande with a curly apostrophe (cp1252 0x92); three "
            "rows appear twice, identically.",
            [*DEMO_LISTS, name],
            year,
            [
                "title rows (one contains a date: '15-10-2024') and a 'Totaal' footer whose "
                "count (73) stands in the BSN column and passes the 11-proef as 000000073",
                "cp1252: ’ and é",
                "3 identical duplicate rows (count once)",
                "'Opmerking' contains a date-like text ('12-09')",
                "BSN with dots or spaces",
            ],
            expected_cells(co.records, year),
        )
    )


def case_xls(b: Builder) -> None:
    cid = "c24_xls_oud_excel_2023"
    rng, w = b.rng(cid), b.world
    year = 2023
    pool = w.pool({"VO", "SBO", "PO"}, {"GM0637", "GM0518", "GM1916", "GM1926"})
    co = cohort(w, rng, 80, year, pool)
    header = [
        "BSN",
        "Achternaam",
        "Roepnaam",
        "Geboortedatum",
        "Woongemeente",
        "Brinnummer",
        "Vestigingsnummer",
        "Soort onderwijs",
        "Begindatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                int(p.bsn),
                p.last,
                p.first,
                p.birth,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                int(r.loc.vest),
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    info = [
        ["Toelichting"],
        ["Dit bestand bevat de leerlingen met een arrangement in schooljaar 2023-2024."],
        ["Vragen: SWV Zoetermeer"],
    ]
    name = "arrangementen_2023-2024.xls"
    write_xls(
        b.dir(cid) / name, [Sheet("Toelichting", info), Sheet("Leerlingen", rows, bold_rows=(1,))]
    )
    b.add(
        Case(
            cid,
            "SWV extract (Excel 97 .xls)",
            SRC["swv"],
            "Old Excel: a text sheet first, the pupils on sheet 2; BSN and vestiging as numbers, "
            "date cells. School year 2023-2024.",
            [*DEMO_LISTS, name],
            year,
            [
                "xls (BIFF8); the first sheet holds only text",
                "BSN as number (leading zero lost), vestiging as number",
                "school year 2023-2024",
            ],
            expected_cells(co.records, year),
        )
    )


def case_ods_plain(b: Builder) -> None:
    cid = "c25_ods_twee_bladen"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"SO", "VSO"}, {"GM0518", "GM0503", "GM1783", "GM1916", "GM0546"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "BSN",
        "Naam",
        "Woonplaats",
        "Postcode",
        "BRIN+vestiging",
        "Onderwijs",
        "Begindatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                place_label(rng, p.place),
                p.pc6,
                r.loc.brinvest,
                r.etype,
                r.start,
                r.end,
            ]
        )
    summary = (
        [["Gemeente", "Aantal"]]
        + [
            [w.ref.name(c["from"]), c["value"]]  # a pivot a user made; not pupils
            for c in expected_cells(co.records, year)[:8]
        ]
    )
    name = "so_vso_leerlingen.ods"
    write_ods(b.dir(cid) / name, [Sheet("Leerlingen", rows), Sheet("Telling", summary)])
    b.add(
        Case(
            cid,
            "SWV extract (OpenDocument, two sheets)",
            SRC["swv"],
            "ODS with the pupils on sheet 1 and a small pivot ('Gemeente', 'Aantal') on sheet 2.",
            [*DEMO_LISTS, name],
            year,
            [
                "a second sheet with 'Gemeente'/'Aantal' looks like a count table but is a summary",
                "Woonplaats and PC6 agree",
                "SO/VSO locations: the 'Onderwijs' column says which",
            ],
            expected_cells(co.records, year),
        )
    )


def case_date_noise(b: Builder) -> None:
    cid = "c26_datumruis_geboorte_wijziging_besluit"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO"}, {"GM0518", "GM0603", "GM0637", "GM0629"})
    co = cohort(w, rng, 80, year, pool)
    header = [
        "Datum laatste wijziging",
        "BSN",
        "Naam",
        "Geboortedatum",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Datum besluit",
        "Startdatum",
        "Einddatum",
        "Datum evaluatie",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                dt.date(year, 10, rng.randint(2, 14)),
                p.bsn,
                p.full_name,
                p.birth,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                (r.start or dt.date(year, 6, 1)) - dt.timedelta(days=rng.randint(7, 60)),
                r.start,
                r.end,
                dt.date(year + 1, rng.randint(1, 6), rng.randint(1, 28)),
            ]
        )
    name = "arrangementen_met_datums.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Arrangementen", rows)])
    b.add(
        Case(
            cid,
            "SWV extract with many date columns",
            SRC["swv"],
            "Six date columns; only 'Startdatum' and 'Einddatum' are the enrolment period. "
            "'Datum laatste wijziging' (first column, all shortly after the peildatum) and "
            "'Datum evaluatie' (all in 2025) look like an end date.",
            [*DEMO_LISTS, name],
            year,
            [
                "'Datum laatste wijziging' all between 2 and 14 October: as end date it would keep "
                "everyone; as start date it would drop everyone",
                "'Datum evaluatie' in 2025, 'Datum besluit' before the start",
                "'Geboortedatum'",
            ],
            expected_cells(co.records, year),
        )
    )


def case_unlabelled_date(b: Builder) -> None:
    cid = "c27_datumkolom_zonder_kop"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM1916", "GM0518", "GM0637"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "BSN",
        "Naam",
        "Woonplaats",
        "BRIN",
        "Vestiging",
        "Startdatum",
        "Einddatum",
        "",
        "Opmerking",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                place_label(rng, p.place),
                r.loc.brin,
                r.loc.vest,
                r.start,
                r.end,
                dt.date(year + 1, rng.randint(1, 7), rng.randint(1, 28)),
                rng.choice(("", "", "evaluatie gepland", "MDO")),
            ]
        )
    name = "leerlingen_extra_kolom.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Blad1", rows)])
    b.add(
        Case(
            cid,
            "SWV extract with an unlabelled column",
            SRC["swv"],
            "A date column without a header (all dates in 2025) between 'Einddatum' and "
            "'Opmerking'. It must be ignored; start and end are labelled.",
            [*DEMO_LISTS, name],
            year,
            [
                "a column with an empty header full of dates (in 2025): not the end date",
                "residence only as 'Woonplaats'",
            ],
            expected_cells(co.records, year),
        )
    )


def _second_place(rng: random.Random, w: World, p: Person) -> str:
    """Another valid place: the post address or an old address, disagrees on many rows."""
    if rng.random() < 0.45:
        return p.place
    other = rng.choice([c for c in REGION + NEAR if c != p.res])
    return rng.choice(w.ref.places(other))


def case_refuse_two_places(b: Builder) -> None:
    cid = "c28_weigeren_plaats_en_plaats_2"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0518", "GM0503", "GM0603", "GM1783"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "BSN",
        "Naam",
        "Plaats",
        "Plaats 2",
        "BRIN",
        "Vestiging",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                p.place,
                _second_place(rng, w, p),
                r.loc.brin,
                r.loc.vest,
                r.start,
                r.end,
            ]
        )
    name = "leerlingen_twee_plaatsen.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Blad1", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, ambiguous residence",
            SRC["swv"],
            "Two place columns, 'Plaats' and 'Plaats 2', that disagree on about half the rows; "
            "neither header says whose, neither agrees with the school. The importer must ask. "
            "Truth: 'Plaats' is the residence.",
            [*DEMO_LISTS, name],
            year,
            ["two candidate residence columns that disagree; must refuse and name both"],
            expected_cells(co.records, year),
            expect="refuse",
            must_name=["Plaats", "Plaats 2"],
            resolve=["woonplaats=Plaats"],
        )
    )


def case_refuse_two_municipalities(b: Builder) -> None:
    cid = "c29_weigeren_gemeente_en_gemeente_2"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO"}, {"GM0637", "GM1926", "GM0518", "GM1916"})
    co = cohort(w, rng, 70, year, pool)
    header = [
        "Leerlingnummer",
        "BSN",
        "Naam",
        "Gemeente",
        "Gemeente (2)",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Ingangsdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for i, r in enumerate(co.rows_order):
        p = r.person
        if rng.random() < 0.5:
            other = p.res
        else:
            other = rng.choice([c for c in REGION + NEAR if c != p.res])
        rows.append(
            [
                str(90000 + i),
                p.bsn,
                p.full_name,
                municipality_label(rng, w.ref, other),
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                nl_date(r.start),
                nl_date(r.end),
            ]
        )
    name = "leerlingen_twee_gemeenten.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8-sig")
    b.add(
        Case(
            cid,
            "SWV extract, ambiguous municipality",
            SRC["swv"],
            "'Gemeente' and 'Gemeente (2)' disagree on about half the rows; truth: 'Gemeente (2)' "
            "is the residence (the first is e.g. the municipality of the previous address).",
            [*DEMO_LISTS, name],
            year,
            ["two candidate municipality columns; must refuse and name both"],
            expected_cells(co.records, year),
            expect="refuse",
            must_name=["Gemeente", "Gemeente (2)"],
            resolve=["woongemeente=Gemeente (2)"],
        )
    )


def case_refuse_datum(b: Builder) -> None:
    cid = "c30_weigeren_rol_van_datum"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0503", "GM0518", "GM1926"})
    co = cohort(w, rng, 70, year, pool)
    for r in co.records:  # one date per pupil: the start; there is no end in this file
        r.end = None
    header = ["BSN", "Naam", "Woongemeente", "BRIN", "Vestiging", "Datum"]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                r.start,
            ]
        )
    name = "leerlingen_datum.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Blad1", rows)])
    b.add(
        Case(
            cid,
            "SWV extract, one unexplained date",
            SRC["swv"],
            "One date column called 'Datum'. Truth: it is the start date (some after the "
            "peildatum); read as an end date the matrix would be different. The importer must ask.",
            [*DEMO_LISTS, name],
            year,
            ["a single date column 'Datum' whose role is unknown"],
            expected_cells(co.records, year),
            expect="refuse",
            must_name=["Datum"],
            resolve=["startdatum=Datum"],
        )
    )


NEW_SCHOOLS = (
    ("31QX", "00", "VSO DE BRUG", "'S-GRAVENHAGE", "GM0518", "VSO", "ZUIDERPARKLAAN", "2541AA"),
    ("31QX", "01", "VSO DE BRUG RIJSWIJK", "RIJSWIJK", "GM0603", "VSO", "HAAGWEG", "2281AB"),
    ("47ZK", "00", "LYCEUM OOSTDUIN", "WASSENAAR", "GM0629", "VO", "RIJKSSTRAATWEG", "2241BC"),
    ("47ZK", "01", "LYCEUM OOSTDUIN LEIDEN", "LEIDEN", "GM0546", "VO", "HOOGLANDSEKERK", "2312HT"),
    ("58RT", "00", "SO DE VLIEGER", "ZOETERMEER", "GM0637", "SO", "AMERIKAWEG", "2717AV"),
    ("58RT", "02", "SO DE VLIEGER PIJNACKER", "PIJNACKER", "GM1926", "SO", "OOSTLAAN", "2641DM"),
    ("64WN", "00", "SBO HET ANKER", "DELFT", "GM0503", "SBO", "KRUISSTRAAT", "2611ML"),
)


def case_own_school_list(b: Builder) -> None:
    cid = "c31_scholenlijst_vestigingscode_6_tekens"
    rng, w = b.rng(cid), b.world
    year = 2024
    locs = [
        Location(brin, vest, name, place, gm, frozenset({etype}), street, pc)
        for brin, vest, name, place, gm, etype, street, pc in NEW_SCHOOLS
    ]
    assert not {loc.brin for loc in locs} & {loc.brin for loc in w.locations.values()}
    school_rows: list[list[object]] = [
        [
            "Vestigingscode",
            "Vestigingsnaam",
            "Straat",
            "Postcode",
            "Plaats",
            "Gemeentecode",
            "Gemeente",
            "Onderwijstype",
        ]
    ]
    for loc in locs:
        school_rows.append(
            [
                loc.brinvest,
                loc.name,
                loc.street,
                loc.postcode,
                loc.place,
                loc.gm[2:],
                w.ref.upper_name(loc.gm),
                next(iter(loc.types)),
            ]
        )
    school_name = "regionale_scholenlijst_2024.csv"
    write_csv(b.dir(cid) / school_name, school_rows, encoding="utf-8")
    co = cohort(w, rng, 60, year, locs)
    header = [
        "BSN",
        "Naam",
        "Geboortedatum",
        "Woonplaats",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                p.birth,
                place_label(rng, p.place),
                r.loc.brin,
                r.loc.vest,
                r.etype,
                r.start,
                r.end,
            ]
        )
    name = "leerlingen_nieuwe_scholen.xlsx"
    write_xlsx(b.dir(cid) / name, [Sheet("Leerlingen", rows)])
    b.add(
        Case(
            cid,
            "Regional school list + SWV extract",
            "modelled: a regional school list keyed on DUO's 6-character VESTIGINGSCODE "
            "(as in DUO's VO address file '02.-alle-vestigingen-vo.csv', where VESTIGINGSCODE "
            "= 00AH00) but without the INSTELLINGSCODE column",
            "A school list (not pupils) whose 'Vestigingscode' holds BRIN+vestiging in 6 "
            "characters and that has no BRIN column, with new BRINs not in the demo lists; then "
            "a pupil file that uses those locations with separate BRIN and Vestiging columns. "
            "The demo lists are NOT imported.",
            [school_name, name],
            year,
            [
                "school list without a BRIN column: the BRIN is the first 4 characters of "
                "'Vestigingscode'",
                "two locations of one BRIN in different municipalities (31QX, 47ZK, 58RT)",
                "'Gemeentecode' without GM (0518)",
            ],
            expected_cells(co.records, year),
        )
    )


OTHER_SCHOOLS = (
    ("72PX", "00", "KINDCENTRUM DE WADDEN", "NAALDWIJK", "GM1783", "PO"),
    ("72PX", "01", "KINDCENTRUM DE WADDEN LOCATIE HONSELERSDIJK", "HONSELERSDIJK", "GM1783", "PO"),
    ("72PX", "02", "KINDCENTRUM DE WADDEN LOCATIE MAASLAND", "MAASLAND", "GM1842", "PO"),
    ("83QW", "00", "ISK HAAGLANDEN", "'S-GRAVENHAGE", "GM0518", "VO"),
    ("83QW", "01", "ISK HAAGLANDEN DELFT", "DELFT", "GM0503", "VO"),
)


def case_school_list_names(b: Builder) -> None:
    cid = "c39_scholenlijst_schoolcode_gemeentenaam"
    rng, w = b.rng(cid), b.world
    year = 2024
    locs = [
        Location(brin, vest, name, place, gm, frozenset({etype}))
        for brin, vest, name, place, gm, etype in OTHER_SCHOOLS
    ]
    assert not {loc.brin for loc in locs} & {loc.brin for loc in w.locations.values()}
    school_rows: list[list[object]] = [
        ["Overzicht scholen regio Haaglanden (peildatum 1-10-2024)"],
        [],
        ["Schoolcode", "Naam school", "Plaats", "Gemeente", "Sector"],
    ]
    for loc in locs:
        school_rows.append(
            [
                loc.brinvest,
                loc.name.title(),
                loc.place_title,
                municipality_label(rng, w.ref, loc.gm),
                "Primair onderwijs" if "PO" in loc.types else "Voortgezet onderwijs",
            ]
        )
    school_name = "scholen_regio.xlsx"
    write_xlsx(b.dir(cid) / school_name, [Sheet("Scholen", school_rows, bold_rows=(1, 3))])
    co = cohort(w, rng, 50, year, locs)
    rows: list[list[object]] = [
        ["BSN", "Naam", "Postcode", "Woonplaats", "Schoolcode", "Startdatum", "Einddatum"]
    ]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                p.pc6,
                place_label(rng, p.place),
                r.loc.brinvest,
                nl_date(r.start),
                nl_date(r.end),
            ]
        )
    name = "leerlingen_isk_en_kindcentrum.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    b.add(
        Case(
            cid,
            "Regional school list (names only) + SWV extract",
            "modelled: a hand-made regional school list; 'Schoolcode' is a BRIN+vestiging header "
            "the current importer knows for pupil files, not for school lists",
            "A school list in Excel with a title row, 'Schoolcode' (BRIN+vestiging in 6 "
            "characters), the municipality only as a NAME ('Westland', 'Midden Delfland', "
            "'Den Haag') and a 'Sector' in words; then pupils with 'Schoolcode'. The demo lists "
            "are NOT imported.",
            [school_name, name],
            year,
            [
                "school list with municipality names only (no code), in SWV spelling variants",
                "'Plaats' in a school list is the school's place (no pupils here)",
                "'Sector' in words ('Primair onderwijs', 'Voortgezet onderwijs')",
                "title row above the header",
            ],
            expected_cells(co.records, year),
        )
    )


def case_empty_vestiging(b: Builder) -> None:
    cid = "c32_lege_vestiging_is_00"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = [
        loc
        for loc in vo_pool_multi(w)
        if loc.gm in ("GM0518", "GM0603", "GM1916", "GM1783", "GM1842")
    ]
    pool += w.pool({"PO"}, {"GM1783", "GM1842"})
    co = cohort(w, rng, 80, year, pool)
    header = [
        "BSN",
        "Naam",
        "Woongemeente",
        "Brin",
        "Vestigingsnummer",
        "Schoolnaam",
        "Soort",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        if r.loc.vest == "00":
            vest = rng.choice(("", "", "00", "0"))
        else:
            vest = rng.choice((r.loc.vest, str(int(r.loc.vest))))
        rows.append(
            [
                p.bsn,
                p.full_name,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                vest,
                r.loc.name.title(),
                type_label(rng, r),
                nl_date(r.start),
                nl_date(r.end),
            ]
        )
    name = "leerlingen_vestiging_leeg.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    b.add(
        Case(
            cid,
            "SWV extract, empty sub-location",
            SRC["swv"],
            "'Vestigingsnummer' is empty (or '0'/'00') for the main location and '1'/'01'/'02' "
            "for the others.",
            [*DEMO_LISTS, name],
            year,
            [
                "empty 'Vestigingsnummer' means 00",
                "'1' means 01; BRINs with locations in different municipalities",
            ],
            expected_cells(co.records, year),
        )
    )


def _simple_rows(
    rng: random.Random, w: World, co: Cohort, bsn_header: str = "BSN"
) -> list[list[object]]:
    rows: list[list[object]] = [
        [
            bsn_header,
            "Naam",
            "Woongemeente",
            "BRIN",
            "Vestiging",
            "Onderwijstype",
            "Datum inschrijving",
            "Datum uitschrijving",
        ]
    ]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                nl_date(r.start),
                nl_date(r.end),
            ]
        )
    return rows


def case_refuse_bad_date(b: Builder) -> None:
    cid = "c33_fout_datum_31_februari"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0518", "GM0637"})
    co = cohort(w, rng, 40, year, pool)
    rows = _simple_rows(rng, w, co)
    rows[12][6] = "31-02-2024"
    name = "leerlingen_met_fout.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    truth = [r for r in co.rows_order if r is not co.rows_order[11]]
    b.add(
        Case(
            cid,
            "Faulty file: impossible date",
            "constructed (hostile)",
            "Row 13 has 'Datum inschrijving' = 31-02-2024, a date that does not exist. The file "
            "must be refused and the message must show the value.",
            [*DEMO_LISTS, name],
            year,
            ["an impossible date '31-02-2024'"],
            expected_cells(truth, year),
            expect="refuse",
            must_name=["31-02-2024"],
            notes="expected.json holds the matrix of the other rows (what --skip-invalid gives)",
        )
    )


def case_refuse_bad_bsn(b: Builder) -> None:
    cid = "c34_fout_bsn_11proef"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO"}, {"GM0503", "GM1783"})
    co = cohort(w, rng, 40, year, pool)
    rows = _simple_rows(rng, w, co, bsn_header="Burgerservicenummer")
    rows[20][0] = w.bad_bsn(rng)
    name = "leerlingen_bsn_fout.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    truth = [r for r in co.rows_order if r is not co.rows_order[19]]
    b.add(
        Case(
            cid,
            "Faulty file: BSN fails the 11-proef",
            "constructed (hostile)",
            "Row 21 has a BSN that fails the 11-proef. The BSN itself is masked in messages, so "
            "the message must name the column.",
            [*DEMO_LISTS, name],
            year,
            ["a BSN that fails the 11-proef, under the header 'Burgerservicenummer'"],
            expected_cells(truth, year),
            expect="refuse",
            must_name=["Burgerservicenummer"],
            notes="expected.json holds the matrix of the other rows (what --skip-invalid gives)",
        )
    )


def case_refuse_unknown_municipality(b: Builder) -> None:
    cid = "c35_fout_onbekende_gemeente"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0637", "GM1926"})
    co = cohort(w, rng, 40, year, pool)
    rows = _simple_rows(rng, w, co)
    rows[7][2] = "Zoetermer"
    name = "leerlingen_gemeente_fout.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    truth = [r for r in co.rows_order if r is not co.rows_order[6]]
    b.add(
        Case(
            cid,
            "Faulty file: unknown municipality",
            "constructed (hostile)",
            "Row 8 has 'Woongemeente' = 'Zoetermer' (typo).",
            [*DEMO_LISTS, name],
            year,
            ["an unknown municipality name 'Zoetermer'"],
            expected_cells(truth, year),
            expect="refuse",
            must_name=["Zoetermer"],
            notes="expected.json holds the matrix of the other rows (what --skip-invalid gives)",
        )
    )


def case_refuse_unknown_brin(b: Builder) -> None:
    cid = "c36_fout_onbekende_brin"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0518", "GM0603"})
    co = cohort(w, rng, 40, year, pool)
    rows = _simple_rows(rng, w, co)
    rows[15][3] = "99ZZ"
    name = "leerlingen_brin_fout.csv"
    write_csv(b.dir(cid) / name, rows, encoding="utf-8")
    truth = [r for r in co.rows_order if r is not co.rows_order[14]]
    b.add(
        Case(
            cid,
            "Faulty file: BRIN not in the school list",
            "constructed (hostile)",
            "Row 16 has BRIN '99ZZ', which no school list knows.",
            [*DEMO_LISTS, name],
            year,
            ["a BRIN that is not in the school list"],
            expected_cells(truth, year),
            expect="refuse",
            must_name=["99ZZ"],
            notes="expected.json holds the matrix of the other rows (what --skip-invalid gives)",
        )
    )


def case_summary_sheet(b: Builder) -> None:
    cid = "c37_xlsx_samenvatting_eerst"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO", "SO"}, {"GM0518", "GM1916", "GM0603", "GM0629"})
    co = cohort(w, rng, 80, year, pool)
    cells = expected_cells(co.records, year)
    summary: list[list[object]] = [
        ["Samenvatting grensverkeer per woongemeente"],
        [],
        ["Woongemeente", "Schoolgemeente", "Aantal leerlingen"],
    ]
    for c in cells:
        summary.append([w.ref.name(str(c["from"])), w.ref.name(str(c["to"])), c["value"]])
    summary.append(["Totaal", "", sum(int(c["value"]) for c in cells)])
    header = [
        "BSN",
        "Achternaam",
        "Voornaam",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.last,
                p.first,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "grensverkeer_overzicht_28-06.xlsx"
    write_xlsx(
        b.dir(cid) / name,
        [
            Sheet("Samenvatting", summary, bold_rows=(1, 3)),
            Sheet("Leerlingen", rows, bold_rows=(1,)),
        ],
    )
    b.add(
        Case(
            cid,
            "SWV workbook with a summary sheet",
            SRC["swv"],
            "The first (active) sheet is a summary table woongemeente × schoolgemeente × aantal "
            "(it even equals the truth: importing it AND the pupil sheet would count twice); the "
            "pupils are on sheet 2.",
            [*DEMO_LISTS, name],
            year,
            [
                "a summary sheet with 'Woongemeente'/'Schoolgemeente'/'Aantal leerlingen' that "
                "looks like a count file but has no school location",
                "the pupil records are on the second sheet",
            ],
            cells,
        )
    )


def case_no_cell_references(b: Builder) -> None:
    cid = "c40_xlsx_zonder_celverwijzingen"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO", "SO"}, {"GM0518", "GM0503", "GM1783", "GM0637"})
    co = cohort(w, rng, 90, year, pool)
    header = [
        "Leerling BSN",
        "Woongemeente",
        "Brinnummer",
        "Vestigingsnummer",
        "Onderwijssoort",
        "Opmerking",
        "Datum inschrijving",
        "Datum uitschrijving",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        remark = rng.choice(["", "", "Status:compleet", "zie dossier"])
        rows.append(
            [
                p.bsn,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                remark,
                r.start,
                r.end,
            ]
        )
    name = "rapport_leerlingen_export.xlsx"
    write_xlsx_without_references(b.dir(cid) / name, Sheet("Rapport", rows))
    b.add(
        Case(
            cid,
            "report server / ERP export without cell references",
            SRC["report_server"],
            "A flat export whose cells carry no r attribute (each cell follows the previous one, "
            "every empty cell is written), inline strings and dates as serial numbers.",
            [*DEMO_LISTS, name],
            year,
            [
                "no cell has a reference: the extent must be counted row by row",
                "a remark 'Status:compleet' looks like a namespace prefix to a naive scan",
                "empty end dates are written as empty cells, not left out",
            ],
            expected_cells(co.records, year),
        )
    )


def case_dotnet_prefixes(b: Builder) -> None:
    cid = "c41_xlsx_dotnet_x_voorvoegsel"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO", "VSO", "SO"}, {"GM0518", "GM0603", "GM1916", "GM1926"})
    co = cohort(w, rng, 90, year, pool)
    header = ["BSN", "Roepnaam", "Woonplaats gemeente", "BRIN", "Vestiging", "Soort", "Van", "Tot"]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.first,
                municipality_label(rng, w.ref, p.res),
                r.loc.brin,
                r.loc.vest,
                type_label(rng, r),
                r.start,
                r.end,
            ]
        )
    name = "Export_Leerlingen.xlsx"
    write_xlsx_dotnet(b.dir(cid) / name, [Sheet("Export", rows, bold_rows=(1,))])
    b.add(
        Case(
            cid,
            ".NET export (Open XML SDK / ClosedXML) with x: prefixes",
            SRC["dotnet"],
            "Every element of every part is written with the prefix x: (<x:worksheet>, "
            '<x:c r="A2" t="s">, <x:si><x:t>), as .NET libraries do; shared strings and dates '
            "with a date style.",
            [*DEMO_LISTS, name],
            year,
            [
                "cells are <x:c>, not <c>: a scan that looks for <c misses every cell",
                "the shared strings and the workbook carry the prefix too",
            ],
            expected_cells(co.records, year),
        )
    )


def case_duplicates_moved(b: Builder) -> None:
    cid = "c38_dubbelen_en_verhuisde_leerlingen"
    rng, w = b.rng(cid), b.world
    year = 2024
    pool = w.pool({"VO"}, {"GM0518", "GM0603", "GM1916", "GM0503", "GM0637"})
    co = cohort(w, rng, 70, year, pool, moved=6, duplicates=5)
    header = [
        "BSN",
        "Naam",
        "Gemeente woonadres",
        "Woonplaats",
        "PC4",
        "BRIN+vestiging",
        "Type onderwijs",
        "Startdatum",
        "Einddatum",
    ]
    rows: list[list[object]] = [header]
    for r in co.rows_order:
        p = r.person
        rows.append(
            [
                p.bsn,
                p.full_name,
                municipality_label(rng, w.ref, p.res),
                p.place,
                p.pc4,
                r.loc.brinvest,
                type_label(rng, r),
                iso(r.start),
                iso(r.end),
            ]
        )
    name = "swv_export_met_dubbelen.csv"
    write_csv(b.dir(cid) / name, rows, delimiter=",", encoding="utf-8-sig", quoting=csv.QUOTE_ALL)
    b.add(
        Case(
            cid,
            "SWV export with duplicates and moves",
            SRC["swv"],
            "Comma CSV, UTF-8 with BOM, every field quoted, ISO dates. Five rows appear twice "
            "identically; six pupils changed school in September (two rows with the same BSN: "
            "the first ended before the peildatum, the second started the next day).",
            [*DEMO_LISTS, name],
            year,
            [
                "identical duplicate rows count once",
                "same BSN at two schools in sequence: only the record active on the peildatum "
                "counts (no conflict)",
                "municipality, place and PC4 all present and agreeing",
            ],
            expected_cells(co.records, year),
        )
    )


CASE_FUNCTIONS = (
    case_duo_vo_02,
    case_duo_po_03_xls,
    case_duo_po_03_total,
    case_magister_nevenvestiging,
    case_magister_adfuncties,
    case_somtoday,
    case_parnassys,
    case_eduarte,
    case_bron,
    case_kindkans,
    case_onderwijs_transparant,
    case_group_headers,
    case_international,
    case_ddmmjjjj,
    case_vestigingscode6,
    case_qualified_headers,
    case_gemeente_next_to_postcode,
    case_instroom,
    case_van_tot,
    case_ingang_afmeld,
    case_pc6_only,
    case_cbs_codes,
    case_csv_titles,
    case_xls,
    case_ods_plain,
    case_date_noise,
    case_unlabelled_date,
    case_refuse_two_places,
    case_refuse_two_municipalities,
    case_refuse_datum,
    case_own_school_list,
    case_empty_vestiging,
    case_school_list_names,
    case_refuse_bad_date,
    case_refuse_bad_bsn,
    case_refuse_unknown_municipality,
    case_refuse_unknown_brin,
    case_summary_sheet,
    case_duplicates_moved,
    case_no_cell_references,
    case_dotnet_prefixes,
)


def generate(out: Path) -> list[Case]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    builder = Builder(out)
    for make in CASE_FUNCTIONS:
        make(builder)
    return builder.cases


def index_markdown(cases: Sequence[Case]) -> str:
    lines = ["| case | system | year | expect | traps |", "|---|---|---|---|---|"]
    for c in cases:
        traps = "; ".join(c.traps)
        lines.append(f"| `{c.id}` | {c.system} | {school_year(c.year)} | {c.expect} | {traps} |")
    return "\n".join(lines) + "\n"


def same_tree(a: Path, b: Path) -> list[str]:
    diffs: list[str] = []
    names_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    names_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    if names_a != names_b:
        diffs.append("different file lists")
    for name in set(names_a) & set(names_b):
        if not filecmp.cmp(a / name, b / name, shallow=False):
            diffs.append(name)
    return sorted(diffs)


def _year_args(case: Case) -> list[str]:
    year = school_year(case.year)
    named = any(year in name for name in case.files)
    if case.uncertain is not None and not named:
        return ["--school-year", year]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "cases")
    parser.add_argument(
        "--check", action="store_true", help="generate twice into temp dirs and compare bytes"
    )
    parser.add_argument("--index", action="store_true", help="print a markdown table of the cases")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            first, second = Path(tmp) / "a", Path(tmp) / "b"
            generate(first)
            generate(second)
            diffs = same_tree(first, second)
            if args.out.exists():
                diffs += [f"committed: {d}" for d in same_tree(first, args.out)]
        print("identical" if not diffs else "DIFFERENT:\n" + "\n".join(diffs))
        return 1 if diffs else 0
    cases = generate(args.out)
    if args.index:
        sys.stdout.write(index_markdown(cases))
    else:
        refuse = sum(c.expect == "refuse" for c in cases)
        print(f"{len(cases)} cases written to {args.out} ({refuse} expect a refusal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
