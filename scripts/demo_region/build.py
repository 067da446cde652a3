"""Generate the whole demo region: schools, pupils, the files, the truth and the README."""

from __future__ import annotations

import argparse
from pathlib import Path

from .data import (
    DEFAULT_OUT,
    F_0628,
    F_23,
    F_2807,
    F_2808,
    F_2809,
    F_2815,
    F_FOUTEN,
    F_TARIEVEN,
    FILES_24,
    SEED,
    YEAR_23,
    YEAR_24,
    file_for,
    residence_file,
)
from .expected import summarize, truth_matrix, write_json
from .fouten import write_fouten
from .generator import Generator, Record
from .readme import render_readme
from .writers.delimited import write_28_07, write_28_08
from .writers.ods import write_28_15
from .writers.school_lists import write_school_lists
from .writers.xls import write_28_09
from .writers.xlsx import write_28_06, write_2023, write_tariffs


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

    summary = summarize(
        gen,
        school_counts,
        records={YEAR_23: records_23, YEAR_24: records_24},
        by_file=by_file,
        rows=rows,
        truth={YEAR_23: truth_23, YEAR_24: truth_24},
        duplicate_rows=duplicate_rows,
        without_type=without_type,
        fouten=fouten,
    )
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
