"""Data for the analysis tests: a school list with a VSO location per municipality and pupil
extracts made from a matrix of flows, imported through the real importer.

Self-contained on purpose (it uses only the root conftest's ``db`` fixture), so these tests
do not depend on the helpers of other test folders.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from grensverkeer.cli import analyse_cmd
from grensverkeer.domain import EduType
from grensverkeer.importing.values import passes_eleven_test
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.services.years.tariffs import set_tariff
from grensverkeer.storage.database import Database

# One VSO location per municipality: code -> (BRIN, DUO name).
VSO_SCHOOLS = {
    "GM0518": ("30AA", "S GRAVENHAGE"),
    "GM0503": ("30AB", "DELFT"),
    "GM0603": ("30AC", "RIJSWIJK (ZH.)"),
    "GM0637": ("30AD", "ZOETERMEER"),
    "GM1783": ("30AE", "WESTLAND"),
    "GM0546": ("30AF", "LEIDEN"),
}


def bsns(start: int) -> Iterator[str]:
    """Valid BSNs (11-proef) from ``start`` on."""
    number = start
    while True:
        if passes_eleven_test(f"{number:09d}"):
            yield f"{number:09d}"
        number += 1


def write_schools(path: Path) -> Path:
    header = [
        "BRIN NUMMER",
        "VESTIGINGSNUMMER",
        "VESTIGINGSNAAM",
        "PLAATSNAAM",
        "GEMEENTENUMMER",
        "GEMEENTENAAM",
        "SOORT PRIMAIR ONDERWIJS",
        "ONDERWIJS",
    ]
    rows = [
        [brin, "00", f"VSO {name}", name, code[2:], name, "(V)SO", "VSO"]
        for code, (brin, name) in VSO_SCHOOLS.items()
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return path


def write_pupils(
    path: Path, flows: Mapping[tuple[str, str], int], year: SchoolYear, first_bsn: int
) -> Path:
    """``n`` VSO pupils per (residence, school municipality), active all school year."""
    numbers = bsns(first_bsn)
    start = year.first_day.strftime("%d-%m-%Y")
    rows = [
        [next(numbers), residence, VSO_SCHOOLS[school][0] + "00", "VSO", start, ""]
        for (residence, school), count in sorted(flows.items())
        for _ in range(count)
    ]
    header = ["BSN", "Woongemeente", "Brinvest", "Onderwijstype", "Startdatum", "Einddatum"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return path


Loader = Callable[[Mapping[tuple[str, str], int], int], None]


@pytest.fixture
def load_flows(db: Database, tmp_path: Path) -> Loader:
    """Import the school list once and then, per call, pupils for one school year."""
    importer = Importer(db, load_pseudonymizer())
    (report,) = importer.import_files([write_schools(tmp_path / "scholen.csv")])
    assert report.outcome is Outcome.STORED, [e.describe() for e in report.errors]
    calls = [0]

    def load(flows: Mapping[tuple[str, str], int], start_year: int) -> None:
        calls[0] += 1
        year = SchoolYear(start_year)
        path = write_pupils(
            tmp_path / f"leerlingen_{start_year}_{calls[0]}.csv",
            flows,
            year,
            first_bsn=100_000_000 + 1_000_000 * calls[0],
        )
        (pupils,) = importer.import_files([path], ImportOptions(school_year=year))
        assert pupils.outcome is Outcome.STORED, [e.describe() for e in pupils.errors]

    return load


@pytest.fixture
def vso_tariff(db: Database) -> Callable[[int, int], None]:
    def set_vso(start_year: int, cents: int) -> None:
        set_tariff(db, SchoolYear(start_year), EduType.VSO, cents)

    return set_vso


@pytest.fixture
def analyse_cli(db: Database, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """Run ``grensverkeer --db <db> analyse ...`` through the module's own parser and handler;
    errors are raised as they are (the main program turns them into exit status 2)."""

    def run(*argv: str) -> tuple[int, str]:
        parser = argparse.ArgumentParser(prog="grensverkeer")
        parser.add_argument("--db")
        analyse_cmd.register(parser.add_subparsers(dest="command", required=True))
        url = db.engine.url.render_as_string(hide_password=False)
        args = parser.parse_args(["--db", url, "analyse", *argv])
        code = args.handler(args)
        return code, capsys.readouterr().out

    return run
