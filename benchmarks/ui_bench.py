"""Benchmark of the window: time to the first painted window, and event-loop stalls in an import.

Each figure comes with a baseline measured in the same run, so the ratios hold on a noisy
shared machine.

1. **Start-up.** The real ``grensverkeer --db DEMO app`` in a fresh subprocess (offscreen Qt
   platform, its own ``GRENSVERKEER_HOME`` and key, a database that already holds the demo
   region, so start-up does not include loading it), timed from the spawn of the process to the
   end of the first paint of the main window, and on to the moment no page is loading any more
   (``MainWindow.is_busy()``, what ``--screenshot`` waits for; polled every 10 ms). The child
   runs ``STARTUP_DRIVER``: the CLI's own ``main``, with ``grensverkeer.ui.app.MainWindow``
   replaced by a subclass that only watches its own events (Show, the first Paint) and quits
   the event loop once the window is filled. The first paint is "done" on the next turn of the
   event loop after the window's first Paint event (Qt paints all its widgets in that one
   turn). Baselines, spawn to ready: ``python -c`` (interpreter start-up), ``import
   PySide6.QtWidgets`` + ``QApplication`` (bare Qt), and an empty ``QMainWindow`` of the same
   size to its first paint. Each child is run once untimed (warm file cache, settings file
   written), then 5 times, round-robin; the minimum counts. The children report
   ``time.perf_counter()`` stamps, which the parent subtracts from its own stamp taken just
   before the spawn: that clock is system-wide (CLOCK_MONOTONIC on Linux), and every stamp is
   checked to lie between the spawn and the child's exit.

2. **Event-loop stall.** A school list and an N-row SWV pupil extract made by
   ``import_bench.py``'s generators (same seed, not timed), a fresh database that holds the
   school list (the real CLI), then one fresh process with a ``QApplication`` (offscreen):
   the import wizard's own ``import_task`` runs in a ``ui.workers.Worker`` on the context's
   thread pool, its progress delivered through the worker's signals to a slot in the GUI
   thread, as the wizard's import page does; on the GUI thread a 10 ms ``QTimer`` (precise)
   records the gap between consecutive timeouts. The longest gap is the longest time the GUI
   thread could not run its Python code; the same timer in the same process for 2 s before the
   import is the baseline. Three runs, each a fresh process and database; every run's figures
   are printed, the details of the one with the shortest longest stall (best of 3: noise only
   lengthens a stall). The extract is read once before, so it is in the file cache, as after
   the wizard's preview. Python's GIL is why a CPU-bound worker thread can delay the GUI thread
   at all: that is what this figure measures (see the note it prints).

Run: ``python benchmarks/ui_bench.py [--rows N] [--keep DIR]``
"""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import import_bench as ib  # noqa: E402  (the data generators and the CLI runner)

REPEATS = 5
TIMER_INTERVAL_MS = 10
BASELINE_SECONDS = 2.0
STALL_REPEATS = 3
LONG_GAP = 0.050  # a gap this long is a 'long task' that a user notices
POLL_MS = 10  # how often the start-up child asks whether a page is still loading
MARK = "UIBENCH "  # children print their figures on one line that starts with this

# --- the start-up children (run as ``python -c``; each prints MARK + JSON of its stamps) -----

STARTUP_DRIVER = r"""
import time

T0 = time.perf_counter()
import json
import sys

from PySide6.QtCore import QEvent, QObject, QTimer

import grensverkeer.ui.app as ui_app
from grensverkeer.cli import main

stamps = {"script": T0, "imported": time.perf_counter()}
found = {}


class Watch(QObject):
    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.Show and "shown" not in stamps:
            stamps["shown"] = time.perf_counter()
        elif kind == QEvent.Type.Paint and "paint" not in stamps:
            stamps["paint"] = time.perf_counter()
            QTimer.singleShot(0, lambda: painted(watched))
        return False


def painted(window):
    stamps["painted"] = time.perf_counter()
    found["year"] = str(window.school_year)
    poll = QTimer(window)
    poll.setInterval(POLL_MS)

    def check():
        if not window.is_busy():
            stamps["filled"] = time.perf_counter()
            poll.stop()
            ui_app.application().quit()

    poll.timeout.connect(check)
    poll.start()
    check()


def give_up():
    found["timeout"] = "no paint or still loading after 120 s"
    ui_app.application().quit()


class Window(ui_app.MainWindow):
    def __init__(self, *args, **kwargs):
        stamps["window_start"] = time.perf_counter()
        super().__init__(*args, **kwargs)
        self._watch = Watch(self)
        self.installEventFilter(self._watch)
        stamps["window_built"] = time.perf_counter()
        QTimer.singleShot(120_000, give_up)


ui_app.MainWindow = Window
status = main(sys.argv[1:])
print("MARK" + json.dumps({"stamps": stamps, **found}), flush=True)
sys.exit(status)
""".replace("POLL_MS", str(POLL_MS)).replace("MARK", MARK)

PYTHON_BASELINE = r"""
import time

ready = time.perf_counter()
import json

print("MARK" + json.dumps({"stamps": {"ready": ready}}), flush=True)
""".replace("MARK", MARK)

QT_BASELINE = r"""
import time

T0 = time.perf_counter()
import json
import sys

from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
ready = time.perf_counter()
print("MARK" + json.dumps({"stamps": {"script": T0, "ready": ready}}), flush=True)
""".replace("MARK", MARK)

EMPTY_WINDOW_BASELINE = r"""
import time

T0 = time.perf_counter()
import json
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
stamps = {"script": T0}


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in stamps:
            stamps["paint"] = time.perf_counter()
            QTimer.singleShot(0, done)
        return False


def done():
    stamps["ready"] = time.perf_counter()
    app.quit()


window = QMainWindow()
screen = window.screen().availableGeometry()  # the size MainWindow takes without stored state
window.resize(int(screen.width() * 0.8), int(screen.height() * 0.8))
watch = Watch(window)
window.installEventFilter(watch)
window.show()
QTimer.singleShot(120_000, app.quit)
app.exec()
print("MARK" + json.dumps({"stamps": stamps}), flush=True)
""".replace("MARK", MARK)


def child_report(result: subprocess.CompletedProcess[str], what: str) -> dict[str, Any]:
    for line in reversed(result.stdout.splitlines()):
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    ib.fail(f"{what}: no figures in its output", result)
    raise AssertionError  # fail() exits


def spawn(
    code: str, args: Sequence[str], env: dict[str, str], what: str
) -> tuple[dict[str, float], dict[str, Any]]:
    """Run ``python -c code args``; its stamps in seconds after the spawn, and its report."""
    start = time.perf_counter()
    result = ib.run([sys.executable, "-c", code, *args], env, what)
    end = time.perf_counter()
    report = child_report(result, what)
    raw = report.get("stamps")
    assert isinstance(raw, dict)
    for name, value in raw.items():
        if not start < value < end:
            raise SystemExit(
                f"{what}: the child's perf_counter stamp ‘{name}’ is not between the spawn "
                "and its exit; time.perf_counter() is not a system-wide clock here."
            )
    return {name: value - start for name, value in raw.items()}, report


def startup(work: Path, env: dict[str, str]) -> None:
    demo = work / "demo.sqlite"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{demo}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    ib.run(
        [sys.executable, "-m", "grensverkeer", "--db", str(demo), "demo"],
        env,
        "loading the demo region",
    )
    print(f"made {demo.name} with the demo region in {time.perf_counter() - started:.1f} s")

    kinds = {
        "python": (PYTHON_BASELINE, [], "python -c (baseline)"),
        "qt": (QT_BASELINE, [], "bare Qt (baseline)"),
        "empty": (EMPTY_WINDOW_BASELINE, [], "empty QMainWindow (baseline)"),
        "app": (STARTUP_DRIVER, ["--db", str(demo), "app"], "grensverkeer app"),
    }
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for repeat in range(REPEATS + 1):  # the first round is a warm-up, not counted
        for kind, (code, args, what) in kinds.items():
            stamps, report = spawn(code, args, env, what)
            if kind == "app":
                if "timeout" in report or "filled" not in stamps:
                    raise SystemExit(f"{what}: {report.get('timeout', 'never filled')}")
                if report.get("year") in (None, "None"):
                    raise SystemExit(f"{what}: the window shows no school year: {report}")
            if repeat:
                runs[kind].append(stamps)

    best = {kind: min(r["ready"] for r in runs[kind]) for kind in ("python", "qt", "empty")}
    app_runs = runs["app"]
    fastest = min(app_runs, key=lambda r: r["painted"])
    t_painted = fastest["painted"]
    t_filled = min(r["filled"] for r in app_runs)

    print()
    print(
        f"start-up, from the spawn of the process (offscreen Qt; best of {REPEATS} = minimum, "
        "after one warm-up run)"
    )
    lines = [
        ("python -c: interpreter start-up (baseline)", best["python"]),
        ("import PySide6.QtWidgets + QApplication: bare Qt (baseline)", best["qt"]),
        ("empty QMainWindow, first paint done (baseline)", best["empty"]),
        ("grensverkeer --db DEMO app: first paint of the window done", t_painted),
        ("grensverkeer --db DEMO app: no page loading any more", t_filled),
    ]
    width = max(len(name) for name, _ in lines)
    for name, seconds in lines:
        print(f"  {name:<{width}}  {seconds:>7.3f} s")
    print()
    print("  ratios")
    ratios = [
        ("first painted window / bare Qt start-up", t_painted / best["qt"]),
        ("first painted window / empty QMainWindow painted", t_painted / best["empty"]),
        ("first painted window / python -c", t_painted / best["python"]),
        ("window filled / bare Qt start-up", t_filled / best["qt"]),
    ]
    for name, ratio in ratios:
        print(f"  {name:<{width}}  {ratio:>7.2f}×")
    print()
    print("  where the time goes (the run with the fastest first paint)")
    phases = [
        ("interpreter start-up (spawn → the driver's first line)", 0.0, fastest["script"]),
        ("imports: grensverkeer.cli, PySide6, grensverkeer.ui.app", "script", "imported"),
        ("CLI, QApplication, settings, database, reference data", "imported", "window_start"),
        ("building the window (pages, menus, first reads)", "window_start", "window_built"),
        ("show() → the window's first Paint event", "window_built", "paint"),
        ("painting the window (its first Paint → next loop turn)", "paint", "painted"),
        ("first paint → no page loading any more (this run)", "painted", "filled"),
    ]
    for name, begin, end in phases:
        since = fastest[begin] if isinstance(begin, str) else begin
        until = fastest[end] if isinstance(end, str) else end
        print(f"  {name:<{width}}  {until - since:>7.3f} s")


# --- the event-loop stall -------------------------------------------------------------------


def stall_child(argv: Sequence[str]) -> int:
    """In a fresh process: the import in a Worker while a GUI-thread timer records its gaps.

    Prints MARK + JSON with the raw timer stamps (seconds, relative to the import's start),
    the progress reports as the GUI thread received them, and the import's outcome.
    """
    import threading

    import python_calamine  # noqa: F401  (loaded by the wizard's preview before an import)
    from PySide6.QtCore import QObject, Qt, QTimer

    from grensverkeer.schoolyear import SchoolYear
    from grensverkeer.services.imports.import_check import PlannedFile
    from grensverkeer.services.imports.reports import Outcome
    from grensverkeer.storage.database import open_database
    from grensverkeer.ui.app import application
    from grensverkeer.ui.context import UiContext
    from grensverkeer.ui.import_wizard import Batch, ImportOutcome, import_task
    from grensverkeer.ui.workers import Worker, wait_for_workers

    database, extract, school_year = argv
    app = application()
    context = UiContext(open_database(database))
    gui_thread = threading.get_ident()

    ticks: list[float] = []  # the slot below appends to whichever list ``ticks`` names now
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_INTERVAL_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    # baseline: the same timer with nothing else going on
    ticks.append(time.perf_counter())
    timer.start()
    QTimer.singleShot(round(BASELINE_SECONDS * 1000), app.quit)
    app.exec()
    timer.stop()
    baseline = [t - ticks[0] for t in ticks]

    class Listener(QObject):
        """Receives the worker's signals in the GUI thread, as the wizard's import page does."""

        def __init__(self) -> None:
            super().__init__()
            self.progress_seen: list[tuple[float, str, int, int]] = []
            self.other_thread = 0
            self.outcome: ImportOutcome | None = None
            self.error = ""
            self.ended = 0.0

        def progress(self, text: str, done: int, total: int) -> None:
            self.other_thread += threading.get_ident() != gui_thread
            self.progress_seen.append((time.perf_counter(), text, done, total))

        def finished(self, outcome: ImportOutcome) -> None:
            self.ended = time.perf_counter()
            self.other_thread += threading.get_ident() != gui_thread
            self.outcome = outcome
            app.quit()

        def failed(self, message: str) -> None:
            self.ended = time.perf_counter()
            self.error = message
            app.quit()

    listener = Listener()
    batch = Batch((PlannedFile(Path(extract)),), SchoolYear.parse(school_year), False)
    worker = Worker(import_task(context, batch), "import")
    worker.signals.finished.connect(listener.finished)
    worker.signals.failed.connect(listener.failed)
    worker.signals.progress.connect(listener.progress)

    ticks = [time.perf_counter()]
    start = ticks[0]
    timer.start()
    worker.start(context.pool)
    app.exec()
    timer.stop()
    wait_for_workers(context.pool)
    context.db.close()

    reports = listener.outcome.reports if listener.outcome else ()
    report = {
        "baseline": baseline,
        "ticks": [t - start for t in ticks],
        "ended": listener.ended - start,
        "progress": [(t - start, text, d, n) for t, text, d, n in listener.progress_seen],
        "other_thread": listener.other_thread,
        "error": listener.error,
        "cancelled": bool(listener.outcome and listener.outcome.cancelled),
        "outcomes": [r.outcome.name for r in reports],
        "stored": sum(r.rows_stored for r in reports if r.outcome is Outcome.STORED),
        "switch_interval": sys.getswitchinterval(),
    }
    print(MARK + json.dumps(report), flush=True)
    return 0


STALL_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); import ui_bench; "
    "sys.exit(ui_bench.stall_child(sys.argv[2:]))"
)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]


def gaps_of(stamps: Sequence[float]) -> list[float]:
    return [b - a for a, b in pairwise(stamps)]


def phase_at(progress: Sequence[Sequence[object]], moment: float) -> str:
    """The last progress text the GUI thread had received at ``moment``."""
    text = "before the first progress report"
    for at, what, *_ in progress:
        if float(at) <= moment:  # type: ignore[arg-type]
            text = f"‘{what}’"
    return text


def stall_run(cli: ib.Cli, rows: int) -> dict[str, Any]:
    """One fresh database with the school list, one fresh child process: its raw figures."""
    database = cli.fresh_database()
    env = cli.env | {"QT_QPA_PLATFORM": "offscreen"}
    args = [str(BENCH_DIR), str(database), str(cli.extract), ib.SCHOOL_YEAR]
    result = ib.run([sys.executable, "-c", STALL_BOOTSTRAP, *args], env, "the import in a Worker")
    report = child_report(result, "the import in a Worker")
    if report["error"] or report["cancelled"]:
        ib.fail(f"the import failed: {report['error'] or 'cancelled'}", result)
    if report["stored"] != rows or report["outcomes"] != ["STORED"]:
        ib.fail(f"the import stored {report['stored']} rows ({report['outcomes']})", result)
    report["baseline_gaps"] = gaps_of(report["baseline"])
    report["gaps"] = gaps_of(report["ticks"])
    return report


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def stall(cli: ib.Cli, rows: int) -> None:
    runs = [stall_run(cli, rows) for _ in range(STALL_REPEATS)]
    interval = TIMER_INTERVAL_MS / 1000

    print()
    print(
        f"event loop during the import of {ib.dutch_number(rows)} rows: the wizard's import_task "
        f"in a Worker, a {TIMER_INTERVAL_MS} ms QTimer\non the GUI thread; {STALL_REPEATS} runs, "
        "each a fresh process (offscreen) and a fresh database with the school list"
    )
    width = 38
    print(f"  {'':<{width}}  {'ticks':>6}  {'mean gap':>10}  {'p99 gap':>10}  {'longest':>10}")
    for number, run in enumerate(runs, start=1):
        for name, values in (
            (f"run {number}: baseline, no import, {BASELINE_SECONDS:g} s", run["baseline_gaps"]),
            (f"run {number}: during the import, {run['ended']:.2f} s", run["gaps"]),
        ):
            print(
                f"  {name:<{width}}  {len(values):>6}  {ms(sum(values) / len(values)):>10}  "
                f"{ms(percentile(values, 99)):>10}  {ms(max(values)):>10}"
            )

    number, best = min(enumerate(runs, start=1), key=lambda item: max(item[1]["gaps"]))
    gaps, ticks, progress = best["gaps"], best["ticks"], best["progress"]
    longest = max(gaps)
    where = gaps.index(longest)
    base_longest = max(best["baseline_gaps"])
    all_longest = ", ".join(ms(max(run["gaps"])) for run in runs)
    switch = best["switch_interval"]
    print()
    print(f"  run {number}, the one with the shortest longest stall (best of {STALL_REPEATS}):")
    print(
        f"  import wall time (worker start → its result in the GUI thread): "
        f"{best['ended']:.3f} s (all runs: "
        + ", ".join(f"{run['ended']:.3f} s" for run in runs)
        + f"); {ib.dutch_number(best['stored'])} rows stored"
    )
    print(
        f"  LONGEST EVENT-LOOP STALL: {ms(longest)} = {longest / interval:.1f}× the "
        f"{TIMER_INTERVAL_MS} ms timer interval = {longest / base_longest:.1f}× the baseline's "
        f"longest gap ({ms(base_longest)}); all runs: {all_longest}"
    )
    print(
        f"  99th percentile gap: {ms(percentile(gaps, 99))} = "
        f"{percentile(gaps, 99) / interval:.1f}× the interval (baseline "
        f"{ms(percentile(best['baseline_gaps'], 99))})"
    )
    print(
        f"  the longest stall began {ticks[where]:.3f} s into the import, when the GUI thread had "
        f"last received {phase_at(progress, ticks[where])}"
    )
    long_gaps = [g for g in gaps if g >= LONG_GAP]
    print(
        f"  gaps ≥ {ms(LONG_GAP)}: {len(long_gaps)}, together {sum(long_gaps):.3f} s of the "
        f"import's {best['ended']:.3f} s"
    )
    elsewhere = best["other_thread"]
    print(
        f"  {len(progress)} progress reports and the result, "
        + (
            "all delivered in the GUI thread"
            if not elsewhere
            else f"{elsewhere} NOT in the GUI thread"
        )
    )
    print("  the five longest gaps:")
    for i in sorted(range(len(gaps)), key=gaps.__getitem__, reverse=True)[:5]:
        print(f"    {ms(gaps[i]):>10} from {ticks[i]:.3f} s  ({phase_at(progress, ticks[i])})")
    print("  progress as the GUI thread received it:")
    for at, text, done, total in progress:
        print(f"    {at:>8.3f} s  {text} ({done}/{total})")
    print()
    note = (
        "Note: the worker thread and the GUI thread share one interpreter lock (the GIL). A "
        "thread running Python bytecode is asked to hand it over after sys.getswitchinterval() "
        f"= {switch * 1000:g} ms, so while the import runs Python, every piece of Python on the "
        "GUI thread (this timer's slot, a progress update, the pages' code) may wait about that "
        "long for each turn; a call into a C extension that keeps the lock (reading a whole "
        "sheet, a bulk insert, a large sort) makes it wait for the whole call, whatever the "
        "switch interval. Qt's own C++ work that calls no Python can go on meanwhile. The "
        "longest gap is therefore how long the window could not run any of its Python code: "
        "the stall a user would feel, on this machine and under its load at the time of the run."
    )
    print(textwrap.fill(note, width=98, initial_indent="  ", subsequent_indent="  "))


# --- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    return ib.run_main(argv, bench, "grensverkeer-uibench-", __doc__)


def bench(work: Path, rows: int) -> int:
    rng = random.Random(ib.SEED)
    school_list = work / "vestigingen_haaglanden.csv"
    extract = work / f"leerlingen_{rows}.xlsx"
    start = time.perf_counter()
    schools = ib.make_schools(rng)
    ib.write_school_list(school_list, rng, schools)
    ib.write_extract(extract, rng, schools, rows)
    print(
        f"made {school_list.name} ({len(schools)} locations) and {extract.name} "
        f"({ib.dutch_number(rows)} rows, {extract.stat().st_size / 1e6:.1f} MB) in "
        f"{time.perf_counter() - start:.1f} s (not timed); files in {work}"
    )
    print(f"python {sys.version.split()[0]}, {sys.executable}")
    print(
        f"timer interval {TIMER_INTERVAL_MS} ms, GIL switch interval (this process) "
        f"{sys.getswitchinterval() * 1000:g} ms, {os.cpu_count()} CPUs"
    )

    extract.read_bytes()  # in the file cache, as after the wizard's preview read it
    cli = ib.Cli(work, school_list, extract, rows)
    env = cli.env | {"QT_QPA_PLATFORM": "offscreen"}
    startup(work, env)
    stall(cli, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
