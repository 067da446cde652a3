"""Benchmark of ``grensverkeer import`` on a 100,000-row pupil extract, against plain readers.

One run makes (seeded, so every machine times the same files; not timed) a DUO-style school
list of about 300 locations in the ten Haaglanden municipalities and an SWV pupil extract
(.xlsx, title row, blank row, header, N data rows), then measures in the same run, so the
ratios hold on a noisy shared machine:

* python-calamine only reading the extract in this process: the baseline;
* the real CLI, ``python -m grensverkeer --db NEW.sqlite import EXTRACT --school-year
  2024-2025``, as a subprocess into a fresh database that already holds the school list (a
  fresh database each time), and a subprocess that only does ``import grensverkeer.cli``, so
  the import is reported with and without interpreter start-up;
* these three in five interleaved rounds (a calamine read, a start-up, an import; again), so a
  slow spell of the machine falls on the baseline and the import alike; the best of five of
  each is reported, and every round's own ratio as well;
* pandas ``read_excel(engine="openpyxl")`` only reading it in this process (once: it is slow);
* the peak RSS of the import child, and of a calamine-only read child for comparison, each
  measured in its own wrapper process (``RUSAGE_CHILDREN`` is a maximum over all children).

Goals: import ≤ 2× the calamine read, pandas+openpyxl read ≥ 3× the import, peak < 400 MB.

Run: ``python benchmarks/import_bench.py [--rows N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEED = 20241001
REPEATS = 5
SCHOOL_LOCATIONS = 300
SCHOOL_YEAR = "2024-2025"
KEY = "5f0c3a9e" * 8  # 64 hex characters: a fixed pseudonym key for the benchmark
PEILDATUM = date(2024, 10, 1)

GOAL_IMPORT_VS_CALAMINE = 2.0  # import / calamine read ≤ 2×
GOAL_PANDAS_VS_IMPORT = 3.0  # pandas+openpyxl read / import ≥ 3×
GOAL_PEAK_MB = 400.0  # peak RSS of the import < 400 MB


@dataclass(frozen=True)
class Municipality:
    code: str  # GM0518
    name: str  # as DUO writes it in GEMEENTENAAM
    places: tuple[str, ...]  # PLAATSNAAM of its schools
    spellings: tuple[str, ...]  # how pupil extracts write it as Woongemeente
    weight: int  # roughly its population in thousands


HAAGLANDEN = (
    Municipality("GM0518", "'s-Gravenhage", ("'s-Gravenhage",), ("Den Haag", "'s-Gravenhage"), 550),
    Municipality("GM0503", "Delft", ("Delft",), ("Delft",), 105),
    Municipality(
        "GM1916",
        "Leidschendam-Voorburg",
        ("Leidschendam", "Voorburg"),
        ("Leidschendam-Voorburg", "Leidschendam Voorburg"),
        77,
    ),
    Municipality(
        "GM1842", "Midden-Delfland", ("Maasland", "Schipluiden"), ("Midden-Delfland",), 20
    ),
    Municipality(
        "GM1926",
        "Pijnacker-Nootdorp",
        ("Pijnacker", "Nootdorp"),
        ("Pijnacker-Nootdorp", "Pijnacker Nootdorp"),
        56,
    ),
    Municipality("GM0603", "Rijswijk", ("Rijswijk",), ("Rijswijk", "Rijswijk (ZH.)"), 56),
    Municipality("GM0626", "Voorschoten", ("Voorschoten",), ("Voorschoten",), 25),
    Municipality("GM0629", "Wassenaar", ("Wassenaar",), ("Wassenaar",), 27),
    Municipality("GM1783", "Westland", ("Naaldwijk", "Monster", "Wateringen"), ("Westland",), 112),
    Municipality("GM0637", "Zoetermeer", ("Zoetermeer",), ("Zoetermeer",), 125),
)

SCHOOL_HEADER = (
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "VESTIGINGSNAAM",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "SOORT PRIMAIR ONDERWIJS",
    "ONDERWIJS",
)
PUPIL_HEADER = (
    "BSN",
    "Achternaam",
    "Voornaam",
    "Woongemeente",
    "Woonplaats",
    "Postcode",
    "BRIN",
    "Vestiging",
    "Onderwijstype",
    "Arrangement",
    "Startdatum",
    "Einddatum",
)
ARRANGEMENTS = ("TLV categorie laag", "TLV categorie midden", "TLV categorie hoog", "Maatwerk")
SCHOOL_NAMES = (
    "De Regenboog",
    "Het Kompas",
    "De Wilgen",
    "De Vuurtoren",
    "Het Baken",
    "De Zonnebloem",
    "De Horizon",
    "Het Palet",
    "De Sterrenboog",
    "De Brug",
    "Het Anker",
    "De Piramide",
)
SURNAMES = (
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "El Amrani",
    "Yılmaz",
    "Kaya",
    "Ramdin",
)
FIRST_NAMES = (
    "Noah",
    "Emma",
    "Liam",
    "Julia",
    "Luca",
    "Mila",
    "Sem",
    "Tess",
    "Daan",
    "Sophie",
    "Finn",
    "Zoë",
    "Levi",
    "Nora",
    "Mohamed",
    "Yara",
    "Adam",
    "Saar",
    "Milan",
    "Anna",
)


@dataclass(frozen=True)
class School:
    brin: str
    vestiging: str
    municipality: Municipality
    edu_type: str  # what a pupil's Onderwijstype says there: "VSO" or "SBO"


# --- making the files (not timed) --------------------------------------------------------------


def make_schools(rng: random.Random, count: int = SCHOOL_LOCATIONS) -> list[School]:
    """About ``count`` locations: unique BRINs with vestiging 00, a third also with 01."""
    weights = [m.weight for m in HAAGLANDEN]
    seen: set[str] = set()
    schools: list[School] = []
    while len(schools) < count:
        brin = f"{rng.randrange(100):02d}" + "".join(
            rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2)
        )
        if brin in seen:
            continue
        seen.add(brin)
        edu_type = rng.choice(("VSO", "SBO"))
        vestigingen = ("00", "01") if rng.random() < 1 / 3 else ("00",)
        for vestiging in vestigingen[: count - len(schools)]:
            municipality = rng.choices(HAAGLANDEN, weights)[0]
            schools.append(School(brin, vestiging, municipality, edu_type))
    return schools


def write_school_list(path: Path, rng: random.Random, schools: Sequence[School]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(SCHOOL_HEADER)
        for school in schools:
            prefix = "SBO" if school.edu_type == "SBO" else "Speciaal Onderwijs"
            writer.writerow(
                (
                    school.brin,
                    school.vestiging,
                    f"{prefix} {rng.choice(SCHOOL_NAMES)}",
                    rng.choice(school.municipality.places),
                    school.municipality.code[2:],
                    school.municipality.name,
                    "(V)SO" if school.edu_type == "VSO" else "SBAO",
                    "VSO" if school.edu_type == "VSO" else "",
                )
            )


def bsn_numbers(rng: random.Random, count: int) -> list[str]:
    """``count`` unique 9-digit BSNs that pass the 11-proef (first digit not 0)."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2)
    found: set[str] = set()
    numbers: list[str] = []
    while len(numbers) < count:
        head = str(rng.randrange(10_000_000, 100_000_000))
        check = sum(w * int(d) for w, d in zip(weights, head, strict=True)) % 11
        if check == 10:
            continue  # no digit d9 makes the sum a multiple of 11
        bsn = head + str(check)
        if bsn not in found:
            found.add(bsn)
            numbers.append(bsn)
    return numbers


def passes_eleven_test(bsn: str) -> bool:
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, bsn, strict=True)) % 11 == 0


def write_extract(path: Path, rng: random.Random, schools: Sequence[School], rows: int) -> None:
    """An SWV extract: title row, blank row, header, ``rows`` pupils; dates as date cells."""
    from openpyxl import Workbook

    by_municipality = {m.code: [s for s in schools if s.municipality is m] for m in HAAGLANDEN}
    weights = [m.weight for m in HAAGLANDEN]
    first_start = date(2023, 1, 1)
    start_days = (PEILDATUM - first_start).days  # every start is before the peildatum
    first_end = date(2025, 1, 2)
    bsns = bsn_numbers(rng, rows)
    assert all(passes_eleven_test(b) for b in bsns[:1000])

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Leerlingen")
    sheet.append(["Peildatum: 1 oktober 2024"])
    sheet.append([])
    sheet.append(list(PUPIL_HEADER))
    for bsn in bsns:
        home = rng.choices(HAAGLANDEN, weights)[0]
        # most pupils go to school in their own municipality, the rest cross the border
        nearby = by_municipality[home.code]
        school = rng.choice(nearby) if nearby and rng.random() < 0.7 else rng.choice(schools)
        start = first_start + timedelta(days=rng.randrange(start_days))
        end = first_end + timedelta(days=rng.randrange(200)) if rng.random() < 0.15 else None
        sheet.append(
            [
                bsn,
                rng.choice(SURNAMES),
                rng.choice(FIRST_NAMES),
                rng.choice(home.spellings),
                None,
                None,
                school.brin,
                int(school.vestiging),
                school.edu_type,
                rng.choice(ARRANGEMENTS),
                start,
                end,
            ]
        )
    book.save(path)


# --- measuring -----------------------------------------------------------------------------------


def best_time(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """Fastest of ``repeats`` runs in seconds (the minimum wall time)."""
    fastest = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def interleaved_round(extract: Path, cli: Cli) -> tuple[float, float, float]:
    """One calamine read, one start-up and one import, one after the other: a machine that
    slows down for a while slows the baseline and the import alike, not only one of them."""
    start = time.perf_counter()
    calamine_read(extract)
    t_calamine = time.perf_counter() - start
    return t_calamine, cli.startup(), cli.timed_import()


def calamine_read(path: Path) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python()


def pandas_read(path: Path) -> object:
    import pandas

    return pandas.read_excel(path, engine="openpyxl", header=None)


def dutch_number(value: int) -> str:
    """``100000`` → ``100.000``, as the CLI prints it."""
    return f"{value:,}".replace(",", ".")


def fail(what: str, result: subprocess.CompletedProcess[str]) -> None:
    sys.stderr.write(
        f"\nFAILED: {what}\nexit status {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}--- stderr ---\n{result.stderr}"
    )
    raise SystemExit(1)


def run(command: Sequence[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        fail(what, result)
    return result


PEAK_WRAPPER = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)"
)


def peak_rss_mb(
    command: Sequence[str], env: dict[str, str], what: str
) -> tuple[float, subprocess.CompletedProcess]:
    """Peak RSS (MB of 10^6 bytes) of ``command`` run in a fresh wrapper, and its output."""
    result = run([sys.executable, "-c", PEAK_WRAPPER, *command], env, what)
    output, _, last = result.stdout.rstrip("\n").rpartition("\n")
    result.stdout = output + "\n" if output else ""
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return int(last) * unit / 1e6, result


class Cli:
    """The real ``grensverkeer`` CLI as a subprocess, with its own home and key."""

    def __init__(self, work: Path, school_list: Path, extract: Path, rows: int) -> None:
        self.work = work
        self.school_list = school_list
        self.extract = extract
        self.rows = rows
        self.databases = 0
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("GRENSVERKEER_")}
        home = work / "home"
        home.mkdir(exist_ok=True)
        self.env |= {"GRENSVERKEER_KEY": KEY, "GRENSVERKEER_HOME": str(home)}

    def base(self, database: Path) -> list[str]:
        return [sys.executable, "-m", "grensverkeer", "--db", str(database)]

    def fresh_database(self) -> Path:
        """A new database that holds the school list (not timed)."""
        self.databases += 1
        database = self.work / f"bench-{self.databases}.sqlite"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        result = run(
            [*self.base(database), "import", str(self.school_list)],
            self.env,
            "importing the school list",
        )
        if "opgeslagen" not in result.stdout:
            fail("the school list was not stored", result)
        return database

    def import_command(self, database: Path) -> list[str]:
        return [
            *self.base(database),
            "import",
            str(self.extract),
            "--school-year",
            SCHOOL_YEAR,
        ]

    def check_stored(self, result: subprocess.CompletedProcess) -> None:
        expected = f"{dutch_number(self.rows)} opgeslagen"
        if not re.search(rf"(?<![\d.]){re.escape(expected)}", result.stdout):
            fail(f"the import did not report ‘{expected}’", result)

    def timed_import(self) -> float:
        database = self.fresh_database()
        command = self.import_command(database)
        start = time.perf_counter()
        result = run(command, self.env, "importing the pupil extract")
        elapsed = time.perf_counter() - start
        self.check_stored(result)
        return elapsed

    def startup(self) -> float:
        start = time.perf_counter()
        run([sys.executable, "-c", "import grensverkeer.cli"], self.env, "import grensverkeer.cli")
        return time.perf_counter() - start

    def import_peak_mb(self) -> float:
        database = self.fresh_database()
        peak, result = peak_rss_mb(self.import_command(database), self.env, "import (peak RSS)")
        self.check_stored(result)
        return peak


def verdict(met: bool) -> str:
    return "met" if met else "not met"


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(argv, bench, "grensverkeer-bench-", __doc__)


def run_main(
    argv: Sequence[str] | None, bench: Callable[[Path, int], int], prefix: str, doc: str | None
) -> int:
    """``--rows N`` and ``--keep DIR``, shared by the benchmarks that make an N-row extract."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="data rows (default 100000)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="make and keep the files here")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")

    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return bench(args.keep.resolve(), args.rows)
    with tempfile.TemporaryDirectory(prefix=prefix) as work:
        return bench(Path(work), args.rows)


def bench(work: Path, rows: int) -> int:
    rng = random.Random(SEED)
    school_list = work / "vestigingen_haaglanden.csv"
    extract = work / f"leerlingen_{rows}.xlsx"
    start = time.perf_counter()
    schools = make_schools(rng)
    write_school_list(school_list, rng, schools)
    write_extract(extract, rng, schools, rows)
    print(
        f"made {school_list.name} ({len(schools)} locations) and {extract.name} "
        f"({dutch_number(rows)} rows, {extract.stat().st_size / 1e6:.1f} MB) in "
        f"{time.perf_counter() - start:.1f} s (not timed); files in {work}"
    )
    print(f"python {sys.version.split()[0]}, {sys.executable}")
    print()

    read = calamine_read(extract)  # also warms the file cache and the import of calamine
    data_rows = sum(1 for r in read if any(c not in ("", None) for c in r)) - 2
    if data_rows != rows:
        raise SystemExit(f"calamine reads {data_rows} data rows, expected {rows}")
    del read

    cli = Cli(work, school_list, extract, rows)
    rounds = [interleaved_round(extract, cli) for _ in range(REPEATS)]
    t_calamine, t_startup, t_import = (min(times) for times in zip(*rounds, strict=True))
    t_import_net = max(t_import - t_startup, 1e-9)
    peak_import = cli.import_peak_mb()
    peak_calamine, _ = peak_rss_mb(
        [
            sys.executable,
            "-c",
            "import sys; from python_calamine import CalamineWorkbook; "
            "b = CalamineWorkbook.from_path(sys.argv[1]); "
            "b.get_sheet_by_name(b.sheet_names[0]).to_python()",
            str(extract),
        ],
        cli.env,
        "calamine read (peak RSS)",
    )
    import pandas  # noqa: F401  (imported before timing, like calamine)

    t_pandas = best_time(lambda: pandas_read(extract), repeats=1)

    rows_text = f"{dutch_number(rows)} rows"
    print(f"wall times, {rows_text} (best of {REPEATS} = minimum, unless marked once)")
    lines = [
        ("python-calamine read, in-process (baseline)", t_calamine, f"best of {REPEATS}"),
        ("pandas read_excel(engine='openpyxl'), in-process", t_pandas, "once"),
        ("interpreter start-up + import grensverkeer.cli", t_startup, f"best of {REPEATS}"),
        ("grensverkeer import (CLI), incl. start-up", t_import, f"best of {REPEATS}"),
        ("grensverkeer import (CLI), excl. start-up", t_import_net, "difference"),
    ]
    width = max(len(name) for name, _t, _n in lines)
    for name, seconds, note in lines:
        print(f"  {name:<{width}}  {seconds:>9.3f} s   {note}")
    each = ", ".join(f"{(i - s) / c:.2f}×" for c, s, i in rounds)
    print(f"  each round's own import / calamine read, excl. start-up: {each}")
    print()
    print("peak RSS (MB = 10^6 bytes), each child in a fresh wrapper")
    print(f"  {'python-calamine read, own process':<{width}}  {peak_calamine:>9.1f} MB")
    print(f"  {'grensverkeer import (CLI)':<{width}}  {peak_import:>9.1f} MB")
    print()

    goals = [
        (
            "import / calamine read, excl. start-up",
            f"{t_import_net / t_calamine:.2f}×",
            f"≤ {GOAL_IMPORT_VS_CALAMINE:g}×",
            t_import_net / t_calamine <= GOAL_IMPORT_VS_CALAMINE,
        ),
        (
            "import / calamine read, incl. start-up",
            f"{t_import / t_calamine:.2f}×",
            f"≤ {GOAL_IMPORT_VS_CALAMINE:g}×",
            t_import / t_calamine <= GOAL_IMPORT_VS_CALAMINE,
        ),
        (
            "pandas+openpyxl read / import, excl. start-up",
            f"{t_pandas / t_import_net:.2f}×",
            f"≥ {GOAL_PANDAS_VS_IMPORT:g}×",
            t_pandas / t_import_net >= GOAL_PANDAS_VS_IMPORT,
        ),
        (
            "pandas+openpyxl read / import, incl. start-up",
            f"{t_pandas / t_import:.2f}×",
            f"≥ {GOAL_PANDAS_VS_IMPORT:g}×",
            t_pandas / t_import >= GOAL_PANDAS_VS_IMPORT,
        ),
        (
            "peak RSS of the import",
            f"{peak_import:.1f} MB",
            f"< {GOAL_PEAK_MB:g} MB",
            peak_import < GOAL_PEAK_MB,
        ),
    ]
    header = f"  {'goal':<{width}}  {'measured':>10}  {'goal':>8}  verdict"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for name, measured, goal, met in goals:
        print(f"  {name:<{width}}  {measured:>10}  {goal:>8}  {verdict(met)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
