"""Worker processes for the race tests: real OS processes that start a job at the same moment.

:class:`Racers` starts its workers once (multiprocessing's "spawn" context: a fresh interpreter,
as a second user's program would be) and keeps them for a whole test. Each repetition sends every
worker one job; a worker opens its database and gets ready first, then waits at one shared
barrier, so the jobs start within a millisecond of each other. What a job did comes back as a
:class:`Result`, with the moments (``time.monotonic``, one clock for all processes on Linux) at
which it reached each step, so a test can say how often the jobs really overlapped.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from queue import Empty
from types import TracebackType

from grensverkeer.errors import GrensverkeerError
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.storage.database import Database, open_database

BARRIER_SECONDS = 60  # a worker that is not ready by then has died or hangs: the round fails
RESULT_SECONDS = 180

# What a job can end in, besides an import's own outcome ("opgeslagen", "geweigerd", ...).
PLAN = "plan"  # finalize stored a plan
MESSAGE = "melding"  # a GrensverkeerError: a message meant for the user
FAILURE = "fout"  # anything else: a crash, never a right answer


@dataclass(frozen=True, slots=True)
class Result:
    outcome: str
    import_id: int | None = None
    plan_id: int | None = None
    rows_stored: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    message: str = ""
    stamps: dict[str, float] = field(default_factory=dict)

    def at(self, step: str) -> float:
        return self.stamps.get(step, float("inf"))


@dataclass(frozen=True, slots=True)
class ImportJob:
    """Import one file for one school year, as ``grensverkeer import --school-year`` does.

    Stamps: ``start`` (past the barrier), ``Lezen`` (reading), ``Importeren`` (parsed, about to
    decide and store: only a file that passed the duplicate check before the lock gets here),
    ``Klaar`` (stored or refused, committed).
    """

    url: str
    path: str
    school_year: int

    def prepare(self, db: Database, stamps: dict[str, float]) -> Callable[[], Result]:
        def progress(text: str, _done: int, _total: int) -> None:
            stamps.setdefault(text.split(":")[0], time.monotonic())

        importer = Importer(db, load_pseudonymizer(), progress=progress)
        options = ImportOptions(school_year=SchoolYear(self.school_year))

        def work() -> Result:
            (report,) = importer.import_files([Path(self.path)], options)
            return Result(
                str(report.outcome),
                import_id=report.import_id,
                rows_stored=report.rows_stored,
                error_codes=dict(Counter(i.code for i in report.errors)),
                notes=tuple(report.notes),
            )

        return work


@dataclass(frozen=True, slots=True)
class FinalizeJob:
    """``grensverkeer settle --finalize``: compute the settlement, then store it as the plan.

    ``delay`` seconds after the barrier it starts computing. Stamps: ``berekenen``, ``berekend``
    (the settlement the user would see is computed), ``Klaar``.
    """

    url: str
    school_year: int
    method: str = "multilateral"
    delay: float = 0.0
    by: str = ""

    def prepare(self, db: Database, stamps: dict[str, float]) -> Callable[[], Result]:
        def work() -> Result:
            time.sleep(self.delay)
            stamps["berekenen"] = time.monotonic()
            run = compute_settlement(db, SchoolYear(self.school_year), self.method)
            stamps["berekend"] = time.monotonic()
            plan = finalize(db, run, by=self.by)
            stamps["Klaar"] = time.monotonic()
            return Result(PLAN, plan_id=plan.id)

        return work


Job = ImportJob | FinalizeJob


def _serve(
    jobs: multiprocessing.Queue,
    results: multiprocessing.Queue,
    barrier: threading.Barrier,
) -> None:
    """A worker's life: run jobs until ``None`` comes."""
    from grensverkeer.reference import load_reference

    load_reference()  # loaded before the first race, not during it; so is the spreadsheet reader
    with contextlib.suppress(ImportError):
        importlib.import_module("python_calamine")
    # refused imports log a warning; without a handler Python prints it on stderr in every round
    logging.getLogger("grensverkeer").addHandler(logging.NullHandler())
    while (job := jobs.get()) is not None:
        results.put(_run(job, barrier))


def _run(job: Job, barrier: threading.Barrier) -> Result:
    stamps: dict[str, float] = {}
    db: Database | None = None
    work: Callable[[], Result] | None = None
    trouble = ""
    try:
        db = open_database(job.url)
        work = job.prepare(db, stamps)
    except Exception:
        trouble = traceback.format_exc()
    try:
        barrier.wait(BARRIER_SECONDS)  # also when not ready: the others must not hang
        stamps["start"] = time.monotonic()
        if work is None:
            return Result(FAILURE, message=trouble, stamps=stamps)
        try:
            result = work()
        except GrensverkeerError as error:
            stamps.setdefault("Klaar", time.monotonic())
            return Result(MESSAGE, message=str(error), stamps=stamps)
        except Exception:
            return Result(FAILURE, message=traceback.format_exc(), stamps=stamps)
        return replace(result, stamps=stamps)
    except threading.BrokenBarrierError:
        return Result(FAILURE, message="de andere processen kwamen niet", stamps=stamps)
    finally:
        if db is not None:
            db.close()


class Racers:
    """``count`` worker processes that run one job each per :meth:`race`, started together."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.barrier = context.Barrier(count)
        self.jobs = [context.Queue() for _ in range(count)]
        self.results = [context.Queue() for _ in range(count)]
        self.processes = [
            context.Process(
                target=_serve,
                args=(jobs, results, self.barrier),
                name=f"racer-{number}",
                daemon=True,
            )
            for number, (jobs, results) in enumerate(zip(self.jobs, self.results, strict=True))
        ]
        for process in self.processes:
            process.start()

    def race(self, *jobs: Job) -> list[Result]:
        """Every worker runs its job; they pass the barrier together. Results in job order."""
        assert len(jobs) == len(self.processes), "every worker must take part in a race"
        for queue, job in zip(self.jobs, jobs, strict=True):
            queue.put(job)
        return [self._result(number) for number in range(len(jobs))]

    def _result(self, number: int) -> Result:
        """The worker's result; a worker that died (a crash, an import error) fails at once."""
        queue, process = self.results[number], self.processes[number]
        deadline = time.monotonic() + RESULT_SECONDS
        while time.monotonic() < deadline:
            try:
                return queue.get(timeout=0.5)
            except Empty:
                if not process.is_alive():
                    raise RuntimeError(
                        f"{process.name} is gestopt (exitcode {process.exitcode})"
                    ) from None
        raise TimeoutError(f"{process.name} gaf in {RESULT_SECONDS} s geen antwoord")

    def close(self) -> None:
        for queue in self.jobs:
            queue.put(None)
        for process in self.processes:
            process.join(timeout=30)
            if process.is_alive():  # only our own worker, by its object
                process.kill()
                process.join()
            process.close()
        for queue in [*self.jobs, *self.results]:
            queue.close()
            queue.join_thread()

    def __enter__(self) -> Racers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
