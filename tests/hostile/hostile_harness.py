"""Running a hostile file through the program in a child process that cannot take the machine.

The child gets an address-space limit (``RLIMIT_AS``), so a blow-up fails inside the child
instead of eating the machine, and a wall timeout, only to stop a hang. Its own peak resident
memory comes from ``os.wait4`` in a small wrapper (the rusage of exactly that child). POSIX
only: ``resource`` and ``wait4`` do not exist on Windows. Used by the tests in this folder and by
``benchmarks/hostile_bench.py``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The address space a child may use: a blow-up fails there, the machine keeps its memory.
MEMORY_LIMIT_BYTES = 1_500_000_000
#: Only to stop a hang (a FIFO opened for reading, a device read to its end); never asserted.
WALL_TIMEOUT_S = 60.0
#: A fixed pseudonym key for the children (64 hex characters), as the benchmarks use.
CHILD_KEY = "5f0c3a9e" * 8
#: What a refused file may cost the whole process, interpreter and imports included.
PEAK_LIMIT_MB = 200.0


@dataclass(frozen=True)
class Run:
    command: tuple[str, ...]
    returncode: int  # negative: killed by that signal (-6 SIGABRT, -9 SIGKILL, -11 SIGSEGV)
    stdout: str
    stderr: str
    peak_mb: float  # peak RSS of the child, MB of 10^6 bytes
    seconds: float
    timed_out: bool

    @property
    def first_stderr_line(self) -> str:
        return next((line for line in self.stderr.splitlines() if line.strip()), "")

    @property
    def reason(self) -> str:
        """The first problem of a refusal (``  - FILE: message``), else the first stderr line."""
        found = (line.strip() for line in self.stderr.splitlines() if line.startswith("  - "))
        return next(found, self.first_stderr_line)

    @property
    def crashed(self) -> bool:
        return self.returncode < 0 or self.returncode == 134  # 134: SIGABRT through a shell

    def outcome(self) -> str:
        """``refused``, ``accepted``, ``crash``, ``hang`` or ``error`` (exit 1: "onverwachts")."""
        if self.timed_out:
            return "hang"
        if self.crashed:
            return "crash"
        return {0: "accepted", 2: "refused"}.get(self.returncode, "error")

    def summary(self) -> str:
        return (
            f"exit {self.returncode}, {self.outcome()}, peak {self.peak_mb:.0f} MB, "
            f"{self.seconds:.1f} s, stderr: {self.first_stderr_line[:160]!r}"
        )


def child_env(home: Path) -> dict[str, str]:
    """The environment of a child: its own user folder and key, no inherited database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRENSVERKEER_")}
    home.mkdir(parents=True, exist_ok=True)
    env |= {
        "GRENSVERKEER_HOME": str(home),
        "GRENSVERKEER_KEY": CHILD_KEY,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONFAULTHANDLER": "1",  # a crash shows where it happened
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return env


def _max_rss_mb(ru_maxrss: int) -> float:
    unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return ru_maxrss * unit / 1e6


#: Sets the limit, runs the command as its own child and writes that child's exit status and
#: peak RSS (``wait4``) to the file named first. The command is not exec'ed in place: a process
#: started from a big parent (pytest late in a run) inherits that parent's high-water RSS, and
#: only a grandchild forked from this small wrapper has a peak of its own. A wrapper instead of
#: ``preexec_fn``, which is unsafe when the parent has threads.
_LIMIT_AND_RUN = (
    "import json, os, resource, sys; n = int(sys.argv[2]); "
    "resource.setrlimit(resource.RLIMIT_AS, (n, n)); pid = os.fork()\n"
    "if pid == 0: os.execv(sys.argv[3], sys.argv[3:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "open(sys.argv[1], 'w').write(json.dumps([status, usage.ru_maxrss]))"
)


def run_limited(
    command: Sequence[str],
    env: Mapping[str, str],
    *,
    memory_bytes: int = MEMORY_LIMIT_BYTES,
    timeout: float = WALL_TIMEOUT_S,
    cwd: Path = REPO,
) -> Run:
    """Run ``command`` with an address-space limit and a wall timeout; measure its peak RSS.

    Thread-safe: several may run at once from a thread pool.
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        report = Path(folder) / "status.json"
        limited = [
            sys.executable, "-I", "-S", "-c", _LIMIT_AND_RUN, str(report), str(memory_bytes),
            *command,
        ]  # fmt: skip
        start = time.perf_counter()
        child = subprocess.Popen(
            limited,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=dict(env),
            cwd=cwd,
            start_new_session=True,  # a timeout stops the wrapper and the command together
        )
        timed_out = False
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            timed_out = True
        seconds = time.perf_counter() - start
        if report.exists():
            status, maxrss = json.loads(report.read_text())
            returncode = os.waitstatus_to_exitcode(status)
        else:  # killed, or the wrapper itself failed
            returncode, maxrss = child.returncode or -signal.SIGKILL, 0
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(tuple(command), returncode, stdout, stderr, _max_rss_mb(maxrss), seconds, timed_out)


def import_command(database: Path, path: Path, *extra: str) -> list[str]:
    """The real command line: ``python -m grensverkeer --db DB import FILE --school-year ...``."""
    return [
        sys.executable,
        "-m",
        "grensverkeer",
        "--db",
        str(database),
        "import",
        str(path),
        "--school-year",
        "2024-2025",
        *extra,
    ]


def run_import(
    path: Path,
    work: Path,
    env: Mapping[str, str],
    *,
    cwd: Path = REPO,
    timeout: float = WALL_TIMEOUT_S,
) -> Run:
    """Import ``path`` into a fresh SQLite database in ``work`` (nothing else is touched)."""
    work.mkdir(parents=True, exist_ok=True)
    database = work / f"{path.name}.sqlite"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return run_limited(import_command(database, path), env, cwd=cwd, timeout=timeout)


# --- the window's reading API, in one child for many files ----------------------------------------

WINDOW_SCRIPT = Path(__file__).with_name("read_in_window.py")


@dataclass(frozen=True)
class WindowRead:
    case: str
    outcome: str  # refused, read, error, crash (the process died), hang
    message: str = ""
    first_row: tuple[str, ...] = ()
    rows: int = 0
    growth_mb: float = 0.0  # how far the window's resident memory rose while reading it
    seconds: float = 0.0
    nul: bool = False  # read, with a NUL character left in a cell


def read_in_window(
    files: Mapping[str, Path], env: Mapping[str, str], *, budget_mb: float = PEAK_LIMIT_MB
) -> dict[str, WindowRead]:
    """Read ``files`` with the window's API in a child process, one after another; a fresh child
    after a file that made the child die, hang or grow more than ``budget_mb``."""
    results: dict[str, WindowRead] = {}
    remaining = list(files)
    while remaining:
        arguments = [f"{name}={files[name]}" for name in remaining]
        command = [sys.executable, str(WINDOW_SCRIPT), str(budget_mb), *arguments]
        run = run_limited(command, env, timeout=WALL_TIMEOUT_S + 5 * len(remaining))
        started = None
        for line in run.stdout.splitlines():
            if not line.startswith("{"):
                continue
            record = json.loads(line)
            if record["event"] == "start":
                started = record["case"]
                continue
            started = None
            results[record["case"]] = WindowRead(
                record["case"],
                record["outcome"],
                record.get("message", ""),
                tuple(record.get("first_row", ())),
                record.get("rows", 0),
                record["growth_mb"],
                record["seconds"],
                record.get("nul", False),
            )
        if started is not None:  # the child died (or was stopped) while reading this file
            what = "hang" if run.timed_out else "crash"
            detail = f"exit {run.returncode}; {run.first_stderr_line}"
            results[started] = WindowRead(started, what, detail, seconds=run.seconds)
        elif run.returncode not in (0, 3):
            raise RuntimeError(f"the window child failed before any file: {run.summary()}")
        remaining = [name for name in remaining if name not in results]
    return results
