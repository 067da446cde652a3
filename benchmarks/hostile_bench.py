"""Peak memory and time of refusing each hostile file, against importing a normal 1,000-row extract.

Makes the corpus of ``tests/hostile/make_hostile.py`` (small files that claim, expand or hide far
more than they hold: far cells, repeats, entity bombs, huge strings, ...) and, from the fixed seed
of ``import_bench.py``, a school list and a normal 1,000-row SWV extract (.xlsx). Then runs, one
at a time, each in a child process with an address-space limit (1.5 GB, so a blow-up fails the
child and not the machine) and a 60 s wall timeout (only to stop a hang):

* the normal import: ``python -m grensverkeer --db NEW.sqlite import EXTRACT --school-year
  2024-2025`` into a fresh database that already holds the school list: the baseline;
* the same command for every hostile file, into a fresh database each.

Prints per case: the outcome (refused: exit 2; accepted: exit 0; crash: killed by a signal;
error: exit 1, "onverwachts"; hang), the peak RSS of the child (``wait4``, interpreter included),
the wall time, the peak as a ratio to the normal import's, and the reason; then the worst
ratio. Goal (issue 12): every hostile file refused within 200 MB and 5 s.

Run: ``python benchmarks/hostile_bench.py [--keep DIR] [--source CHECKOUT] [--window] [CASE ...]``

``--source`` runs the children from another checkout (for example ``git archive HEAD`` unpacked
in a temporary folder), to compare before and after a change. ``--window`` also reads every file
with the window's API (``FilePreview.read``) in one child process and adds its outcome and memory
growth. POSIX only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hostile"))

import hostile_harness as harness  # noqa: E402 (found through the path above)
import import_bench  # noqa: E402 (a sibling script: the seeded extract and school list)
import make_hostile  # noqa: E402

NORMAL_ROWS = 1_000
GOAL_PEAK_MB = harness.PEAK_LIMIT_MB
GOAL_SECONDS = 5.0


def normal_files(work: Path) -> tuple[Path, Path]:
    rng = random.Random(import_bench.SEED)
    schools = import_bench.make_schools(rng)
    school_list = work / "vestigingen_haaglanden.csv"
    extract = work / f"leerlingen_{NORMAL_ROWS}.xlsx"
    import_bench.write_school_list(school_list, rng, schools)
    import_bench.write_extract(extract, rng, schools, NORMAL_ROWS)
    return school_list, extract


def normal_import(work: Path, env: dict[str, str], source: Path) -> harness.Run:
    """The baseline: the extract into a database that holds the school list (not measured)."""
    school_list, extract = normal_files(work)
    database = work / "normal.sqlite"
    schools = harness.run_limited(harness.import_command(database, school_list), env, cwd=source)
    if schools.returncode != 0:
        raise SystemExit(f"the school list was not imported: {schools.summary()}")
    run = harness.run_limited(harness.import_command(database, extract), env, cwd=source)
    if run.returncode != 0 or "opgeslagen" not in run.stdout:
        raise SystemExit(f"the normal extract was not imported: {run.summary()}\n{run.stderr}")
    return run


def verdict(run: harness.Run) -> str:
    met = run.outcome() == "refused" and run.peak_mb < GOAL_PEAK_MB and run.seconds < GOAL_SECONDS
    return "ok" if met else "NOT MET"


def bench(work: Path, source: Path, names: Sequence[str], window: bool) -> int:
    env = harness.child_env(work / "home")
    if source != REPO:
        env["PYTHONPATH"] = str(source)  # the window's child runs a script, not ``-m``
    print(f"python {sys.version.split()[0]}; program from {source}; files in {work}")
    corpus = make_hostile.make_all(work / "hostile", names or None)
    normal = normal_import(work, env, source)
    print(
        f"normal import of {NORMAL_ROWS:,} rows: {normal.outcome()}, peak {normal.peak_mb:.1f} MB, "
        f"{normal.seconds:.2f} s (the baseline of the ratio)"
    )
    reads = harness.read_in_window(corpus, env) if window else {}
    print()
    width = max(len(name) for name in corpus)
    header = f"{'case':<{width}}  {'outcome':<8}  {'peak MB':>8}  {'wall s':>7}  {'× normal':>8}"
    header += f"  {'goal':<7}"
    if window:
        header += f"  {'window':<8}  {'+MB':>6}"
    print(header + "  reason (the refusal's first problem, else stderr's first line)")
    print("-" * (len(header) + 60))
    worst: tuple[float, str] = (0.0, "")
    for name, path in corpus.items():
        run = harness.run_import(path, work / "db", env, cwd=source)
        ratio = run.peak_mb / normal.peak_mb
        worst = max(worst, (ratio, name))
        line = (
            f"{name:<{width}}  {run.outcome():<8}  {run.peak_mb:>8.1f}  {run.seconds:>7.2f}  "
            f"{ratio:>7.2f}×  {verdict(run):<7}"
        )
        if window:
            read = reads[name]
            line += f"  {read.outcome:<8}  {read.growth_mb:>6.1f}"
        print(f"{line}  {run.reason[:90]}", flush=True)
    print()
    print(
        f"worst: {worst[1]}, peak {worst[0]:.2f}× the normal {NORMAL_ROWS:,}-row import "
        f"({worst[0] * normal.peak_mb:.1f} MB against {normal.peak_mb:.1f} MB)"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help="only these cases (default all)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="make and keep the files here")
    parser.add_argument(
        "--source", type=Path, default=REPO, metavar="CHECKOUT", help="run the program from here"
    )
    parser.add_argument("--window", action="store_true", help="also read with the window's API")
    args = parser.parse_args(argv)
    if os.name != "posix":
        parser.error("needs POSIX (resource limits, wait4, FIFOs)")
    unknown = [name for name in args.cases if name not in make_hostile.CASES]
    if unknown:
        parser.error(f"unknown cases: {', '.join(unknown)}; see make_hostile.py")
    source = args.source.resolve()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return bench(args.keep.resolve(), source, args.cases, args.window)
    with tempfile.TemporaryDirectory(prefix="grensverkeer-hostile-") as work:
        return bench(Path(work), source, args.cases, args.window)


if __name__ == "__main__":
    sys.exit(main())
