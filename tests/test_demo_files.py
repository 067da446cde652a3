"""The synthetic demo region in grensverkeer/resources/demo/ (made by scripts/make_demo.py).

- a fresh generation equals the committed files;
- every BSN in the extracts passes the 11-proef;
- the truth (verwacht/) equals what the files themselves say, read with a small independent
  reader that follows the counting rules of DOMAIN.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "grensverkeer" / "resources" / "demo"
SCRIPT = ROOT / "scripts" / "make_demo.py"
REFERENCE = ROOT / "grensverkeer" / "resources" / "reference"

FILES_24 = (
    "2024-2025/swv_28-06_vo_den_haag.xlsx",
    "2024-2025/swv_28-09_delflanden.xls",
    "2024-2025/swv_28-15_po.ods",
    "2024-2025/swv_28-07_zoetermeer.csv",
    "2024-2025/swv_28-08_westland.csv",
)
FILES_23 = ("2023-2024/swv_regio_2023-2024.xlsx",)
FOUTEN = "met_fouten/swv_met_fouten.xlsx"
PEILDATUM = {"2024-2025": dt.date(2024, 10, 1), "2023-2024": dt.date(2023, 10, 1)}

HEADERS = {
    "bsn": ("bsn", "burgerservicenummer", "bsn leerling"),
    "municipality": ("woongemeente", "gemeente", "gemeentecode", "gemeente woonadres"),
    "place": ("woonplaats", "plaats"),
    "postcode": ("postcode", "pc4"),
    "brin": ("brin", "brinnummer", "brin-nummer", "instellingscode"),
    "vest": ("vestiging", "vestigingsnummer", "vestigingscode"),
    "brinvest": ("brinvest", "brin+vestiging"),
    "start": ("startdatum", "begindatum", "datum inschrijving"),
    "end": ("einddatum", "datum uitschrijving"),
    "type": ("onderwijstype", "type onderwijs", "soort onderwijs"),
}


def _load_script():
    spec = importlib.util.spec_from_file_location("make_demo", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_demo"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_demo():
    return _load_script()


@pytest.fixture(scope="module")
def regenerated(make_demo, tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("demo")
    return out, make_demo.generate(out)


# --- a small reader -------------------------------------------------------------------------


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text).replace("’", "'")).strip().lower()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def read_rows(path: Path) -> list[dict[str, object]]:
    """Rows below the header (found by its BSN column) as dicts; blank and 'Totaal' rows out."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        text = raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp1252")
        delimiter = ";" if text.split("\n", 1)[0].count(";") > 1 else ","
        grid: list[list[object]] = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    else:
        workbook = CalamineWorkbook.from_path(str(path))
        grid = []
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            if any(_norm(c) in HEADERS["bsn"] for row in rows[:10] for c in row):
                grid = rows
                break
    header_at = next(
        i for i, row in enumerate(grid) if any(_norm(c) in HEADERS["bsn"] for c in row)
    )
    header = [_norm(c) for c in grid[header_at]]
    out = []
    for row in grid[header_at + 1 :]:
        if not any(_cell_text(c).strip() for c in row) or _norm(row[0]) == "totaal":
            continue
        out.append(dict(zip(header, row, strict=False)))
    return out


def field(row: dict[str, object], key: str) -> object:
    for name in HEADERS[key]:
        if name in row and _cell_text(row[name]).strip():
            return row[name]
    return None


def bsn_of(value: object) -> str:
    return re.sub(r"[ .]", "", _cell_text(value)).zfill(9)


def date_of(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return dt.date.fromisoformat(text)
    day, month, year = (int(part) for part in text.split("-"))
    return dt.date(year, month, day)


def bsn_valid(bsn: str) -> bool:
    if not re.fullmatch(r"\d{9}", bsn):
        return False
    digits = [int(c) for c in bsn]
    return (sum((9 - i) * digits[i] for i in range(8)) - digits[8]) % 11 == 0


def school_lookup(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, encoding in (
        ("duo_vo_vestigingen.csv", "cp1252"),
        ("duo_sbo_so_vso_vestigingen.csv", "cp1252"),
        ("duo_bao_vestigingen.csv", "utf-8-sig"),
    ):
        with open(folder / "scholen" / name, encoding=encoding, newline="") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                if "INSTELLINGSCODE" in row:
                    key = row["INSTELLINGSCODE"] + row["VESTIGINGSCODE"][4:]
                else:
                    key = row["BRIN NUMMER"] + row["VESTIGINGSNUMMER"]
                assert key not in out, f"duplicate location {key}"
                out[key] = "GM" + row["GEMEENTENUMMER"].zfill(4)
    return out


class Residence:
    """Residence code from the municipality column, else the place, else the PC4."""

    def __init__(self, make_demo) -> None:
        self.names: dict[str, str] = {}
        self.places: dict[str, str] = {}
        self.pc4: dict[str, str] = {}
        for code, muni in make_demo.MUNICIPALITIES.items():
            self.names[_norm(muni.name)] = code
            for place, _ in muni.places:
                self.places[_norm(place)] = code
            for pc4 in muni.pc4:
                self.pc4[pc4] = code
        for code, variants in make_demo.NAME_VARIANTS.items():
            for name, _ in variants:
                self.names[_norm(name)] = code

    def __call__(self, row: dict[str, object]) -> str:
        municipality = field(row, "municipality")
        if municipality is not None:
            text = _norm(_cell_text(municipality))
            if re.fullmatch(r"(gm)?\d{1,4}", text):
                return "GM" + text.removeprefix("gm").zfill(4)
            return self.names[text]
        place = field(row, "place")
        if place is not None:
            return self.places[_norm(place)]
        return self.pc4[_cell_text(field(row, "postcode"))[:4]]


def brinvest_of(row: dict[str, object]) -> str:
    combined = field(row, "brinvest")
    if combined is not None:
        return str(combined).strip().upper()
    vest = _cell_text(field(row, "vest")).strip().zfill(2)
    return str(field(row, "brin")).strip().upper() + vest


def recount(folder: Path, files: tuple[str, ...], year: str, make_demo) -> tuple[dict, dict]:
    """Matrix and per-file counts as the files say."""
    schools = school_lookup(folder)
    residence = Residence(make_demo)
    peil = PEILDATUM[year]
    cell_of: dict[str, tuple[str, str]] = {}
    per_file: dict[str, dict[str, int]] = {}
    for name in files:
        rows = read_rows(folder / name)
        pupils: set[str] = set()
        active: set[str] = set()
        for row in rows:
            bsn = bsn_of(field(row, "bsn"))
            pupils.add(bsn)
            start, end = date_of(field(row, "start")), date_of(field(row, "end"))
            if (start is None or start <= peil) and (end is None or end >= peil):
                active.add(bsn)
                cell = (residence(row), schools[brinvest_of(row)])
                assert cell_of.setdefault(bsn, cell) == cell, f"{bsn} in two cells"
        per_file[name] = {
            "rows_with_data": len(rows),
            "distinct_pupils": len(pupils),
            "active_on_peildatum": len(active),
        }
    return dict(Counter(cell_of.values())), per_file


def load_truth(folder: Path, year: str) -> dict:
    return json.loads((folder / "verwacht" / f"matrix_{year}.json").read_text("utf-8"))


# --- tests ----------------------------------------------------------------------------------


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    workbook = CalamineWorkbook.from_path(str(path))
    return {name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}


def _merged(path: Path) -> list[list[str]]:
    with zipfile.ZipFile(path) as archive:
        return [
            re.findall(r'<mergeCell ref="([^"]+)"', archive.read(name).decode())
            for name in sorted(archive.namelist())
            if name.startswith("xl/worksheets/")
        ]


@pytest.mark.slow  # regeneration takes about 2 s of CPU (pandas ODS and openpyxl writers)
def test_regeneration_equals_committed_files(regenerated) -> None:
    out, written = regenerated
    assert len(written) == 15
    for path in written:
        relative = path.relative_to(out)
        committed = DEMO / relative
        assert committed.is_file(), f"{relative} is not committed; run scripts/make_demo.py"
        if committed.read_bytes() == path.read_bytes():
            continue
        # other library versions may write other bytes for the same content
        assert path.suffix in (".xlsx", ".xls", ".ods"), f"{relative} differs"
        assert _sheets(committed) == _sheets(path), f"{relative}: content differs"
        if path.suffix == ".xlsx":
            assert _merged(committed) == _merged(path), f"{relative}: merged cells differ"


def test_every_bsn_passes_the_11_proef() -> None:
    seen = 0
    for name in (*FILES_24, *FILES_23):
        for row in read_rows(DEMO / name):
            bsn = bsn_of(field(row, "bsn"))
            assert bsn_valid(bsn), f"{name}: {bsn}"
            seen += 1
    assert seen > 5000


def test_records_at_so_vso_locations_carry_their_type() -> None:
    both: set[str] = set()
    with open(DEMO / "scholen" / "duo_sbo_so_vso_vestigingen.csv", encoding="cp1252") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["ONDERWIJS"] == "SO/VSO":
                both.add(row["BRIN NUMMER"] + row["VESTIGINGSNUMMER"])
    seen = 0
    for name in (*FILES_24, *FILES_23):
        for row in read_rows(DEMO / name):
            if brinvest_of(row) in both:
                assert _norm(field(row, "type")) in ("so", "vso"), name
                seen += 1
    assert seen > 100


def test_some_bsns_have_a_leading_zero() -> None:
    bsns = {bsn_of(field(row, "bsn")) for row in read_rows(DEMO / FILES_24[0])}
    assert sum(bsn.startswith("0") for bsn in bsns) >= 20


@pytest.mark.parametrize(("year", "files"), [("2024-2025", FILES_24), ("2023-2024", FILES_23)])
def test_truth_matches_the_files(make_demo, year: str, files: tuple[str, ...]) -> None:
    truth = load_truth(DEMO, year)
    assert list(truth) == ["school_year", "peildatum", "measure", "cells"]
    assert truth["school_year"] == year
    assert truth["peildatum"] == PEILDATUM[year].isoformat()
    assert truth["measure"] == "pupils"
    keys = [(c["from"], c["to"]) for c in truth["cells"]]
    assert keys == sorted(set(keys))
    assert all(c["value"] > 0 for c in truth["cells"])

    matrix, per_file = recount(DEMO, files, year, make_demo)
    assert {(c["from"], c["to"]): c["value"] for c in truth["cells"]} == matrix

    summary = json.loads((DEMO / "verwacht" / "summary.json").read_text("utf-8"))
    totals = summary["school_years"][year]
    assert totals["files"] == per_file
    assert totals["active_on_peildatum"] == sum(matrix.values())
    assert sum(c["value"] for c in truth["cells"]) == sum(matrix.values())


def test_truth_has_the_intended_shape() -> None:
    cells = {(c["from"], c["to"]): c["value"] for c in load_truth(DEMO, "2024-2025")["cells"]}
    total = sum(cells.values())
    assert 2800 <= total <= 3100
    assert sum(v for (a, b), v in cells.items() if a == b) > total / 2  # the diagonal
    receivers = Counter()
    for (_, to), value in cells.items():
        receivers[to] += value
    assert receivers.most_common(1)[0][0] == "GM0518"
    for pair in (
        ("GM1842", "GM0503"),
        ("GM1926", "GM0503"),
        ("GM0603", "GM0518"),
        ("GM0518", "GM0603"),
        ("GM0626", "GM0546"),
    ):
        assert cells.get(pair, 0) > 0, pair
    assert any(
        a[:2] == "GM"
        and a
        not in (
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
        for a, _ in cells
    )
    assert load_truth(DEMO, "2023-2024")["cells"] != load_truth(DEMO, "2024-2025")["cells"]


def test_met_fouten_problems_are_where_the_summary_says() -> None:
    summary = json.loads((DEMO / "verwacht" / "summary.json").read_text("utf-8"))
    problems = summary["met_fouten"]["problems"]
    grid = _sheets(DEMO / FOUTEN)["Leerlingen"]
    header = grid[0]
    for problem in problems:
        value = grid[problem["row"] - 1][header.index(problem["column"])]
        assert _cell_text(value) == problem["value"]
    invalid = [row[0] for row in grid[1:] if not bsn_valid(str(row[0]))]
    assert invalid == [p["value"] for p in problems if p["column"] == "BSN"]


def test_places_and_pc4_agree_with_the_bundled_reference(make_demo) -> None:
    with open(REFERENCE / "pc4.csv", encoding="utf-8") as handle:
        pc4 = {row["pc4"]: row["code"] for row in csv.DictReader(handle)}
    with open(REFERENCE / "gemeenten.csv", encoding="utf-8") as handle:
        names = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    places: dict[str, set[str]] = {}
    with open(REFERENCE / "woonplaatsen.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            places.setdefault(row["woonplaats"], set()).add(row["code"])
    region = set(make_demo.MUNICIPALITIES)
    for code, muni in make_demo.MUNICIPALITIES.items():
        assert names[code] == muni.name
        assert muni.pc4 and all(pc4[p] == code for p in muni.pc4), code
        for place, _ in muni.places:
            assert places[place] & region == {code}, place
    for place, areas in make_demo.PLACE_PC4.items():
        codes = {pc4[p] for p in areas}
        assert len(codes) == 1 and codes <= places[place], place


def test_demo_readme_names_no_machine_path() -> None:
    text = (DEMO / "README.md").read_text("utf-8")
    assert "scripts/make_demo.py" in text
    assert not re.search(r"(?<![\w.])(/(home|root|tmp|work|Users|usr|opt)/|[A-Z]:\\)", text)
    assert str(ROOT) not in text
