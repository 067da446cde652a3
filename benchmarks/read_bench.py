"""How much the reading layer adds to a bare python-calamine read of a large xlsx.

Writes a seeded 100,000 × 12 workbook (openpyxl, write-only) to a temporary folder, then times
``read_workbook`` against ``CalamineWorkbook.from_path(...).get_sheet_by_name(...).to_python()``
(best of a few runs each) and prints both and their ratio; then the same for the rows written
as a cp1252 csv, against a bare ``csv.reader``.

    /work/venv/bin/python benchmarks/read_bench.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SHEET = "Leerlingen"
HEADER = [
    "BSN",
    "BRIN",
    "Vestiging",
    "Naam",
    "Woonplaats",
    "Geboortedatum",
    "Startdatum",
    "Bedrag",
    "Onderwijstype",
    "Arrangement",
    "Volgnummer",
    "Opmerking",
]
PLACES = ["Naaldwijk", "’s-Gravenzande", "Delft", "Den Haag", "Rijswijk (ZH)", "Zoetermeer"]


def write_workbook(path: Path, rows: int, seed: int = 20240801) -> None:
    import openpyxl

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append(HEADER)
    first = dt.date(2008, 1, 1)
    for number in range(rows):
        sheet.append(
            [
                rng.randrange(10_000_000, 999_999_999),
                f"{rng.randrange(10, 99)}{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}",
                rng.randrange(0, 5),
                f"Leerling {number}",
                rng.choice(PLACES),
                first + dt.timedelta(days=rng.randrange(0, 4000)),
                dt.date(2023, 8, 1) + dt.timedelta(days=rng.randrange(0, 300)),
                round(rng.uniform(100, 25_000), 2),
                rng.choice(["SO", "VSO", "VO", "SBO"]),
                rng.choice(["licht", "midden", "zwaar", None]),
                number,
                None if rng.random() < 0.8 else "controleren",
            ]
        )
    book.save(path)


def best_of(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from python_calamine import CalamineWorkbook

    from grensverkeer.importing.readers import read_workbook

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.xlsx"
        start = time.perf_counter()
        write_workbook(path, args.rows)
        print(
            f"wrote {args.rows:,} × {len(HEADER)} xlsx ({path.stat().st_size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - start:.1f} s"
        )

        def bare() -> object:
            with CalamineWorkbook.from_path(str(path)) as book:
                return book.get_sheet_by_name(SHEET).to_python()

        def layer() -> object:
            return read_workbook(path)

        assert len(read_workbook(path).sheets[0].rows) == args.rows + 1
        bare_time = best_of(args.repeat, bare)
        layer_time = best_of(args.repeat, layer)
        print(f"bare python-calamine to_python(): {bare_time:.3f} s")
        print(f"read_workbook:                    {layer_time:.3f} s")
        print(f"ratio read_workbook / bare:       {layer_time / bare_time:.2f}")

        # The same rows as a cp1252 csv with ';' (encoding check, sniffing, csv module).
        csv_path = Path(folder) / "bench.csv"
        with csv_path.open("w", encoding="cp1252", newline="") as f:
            csv.writer(f, delimiter=";").writerows(bare())

        def bare_csv() -> object:
            with csv_path.open(encoding="cp1252", newline="") as f:
                return list(csv.reader(f, delimiter=";"))

        bare_time = best_of(args.repeat, bare_csv)
        layer_time = best_of(args.repeat, lambda: read_workbook(csv_path))
        print(f"csv ({csv_path.stat().st_size / 1e6:.1f} MB, cp1252):")
        print(f"bare csv.reader:                  {bare_time:.3f} s")
        print(f"read_workbook:                    {layer_time:.3f} s")
        print(f"ratio read_workbook / bare:       {layer_time / bare_time:.2f}")


if __name__ == "__main__":
    main()
