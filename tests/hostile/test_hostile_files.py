"""Hostile files (issue 12): each is refused in words that fit, within 200 MB, and nothing dies.

The corpus is made by ``make_hostile.py`` (see README.md in this folder). Each file goes

- through the real command line, ``python -m grensverkeer --db NEW.sqlite import FILE
  --school-year 2024-2025``, in a child process with an address-space limit (a blow-up fails the
  child, not the machine) and a wall timeout (only to stop a hang; times are not asserted). The
  child must exit with the refusal status 2, print a refusal naming the file on stderr, show no
  traceback and no "onverwachts", keep its peak RSS (interpreter and imports included) under
  200 MB, and never show /etc/passwd;
- through the window's reading API, ``FilePreview.read``, one file after another in a worker thread
  of a child process (a few such children, eight files each), as the window reads them: each must
  come back as a refusal (a ReadError's message), not kill the process, and not make it grow more
  than 200 MB.

Ordinary files as Excel, LibreOffice and other generators write them must still be read.

The children run a few at a time, so the module takes about as long as its slowest files. POSIX
only: ``resource`` limits, ``wait4``, FIFOs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import hostile_harness as harness
import make_hostile
import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="resource limits, wait4, FIFOs: POSIX")

CASES = [c.name for c in make_hostile.available()]
CONTROLS = ["xlsx", "xlsx_without_r", "ods", "csv"]
#: Children at once (each may use up to harness.MEMORY_LIMIT_BYTES of address space).
PARALLEL = min(3, max(2, os.cpu_count() or 2))
#: Files per window child: the window's reads are split so that they run alongside the imports.
WINDOW_CHUNK = 8
#: The command-line runs by case, and the window's reads of the whole corpus (and the controls).
Children = tuple[dict[str, Future[harness.Run]], list[Future[dict[str, harness.WindowRead]]]]

#: Never in any output: a crash report, the catch-all message, the file XXE tries to read.
NEVER = ("Traceback (most recent call last)", "onverwachts", "root:x:0:0")
#: A well-formed file that is too big or hostile is not a broken download; only the zip whose
#: headers lie about the sizes really is damaged.
DAMAGED = "afgebroken download"
#: The wrong diagnoses issue 12 names, per case.
WRONG_WORDS: dict[str, tuple[str, ...]] = {
    "csv_long_cell": ("aanhalingsteken",),
    "csv_utf16le_no_bom": ("pdf of een afbeelding",),
    "fifo": ("niet gevonden",),
    "device": ("niet gevonden",),
    "folder_as_file": ("niet gevonden",),
}
#: What the refusal must talk about, where the issue says so (regular expression, any case).
RIGHT_WORDS = {"csv_long_cell": r"\blang|tekens"}
#: May be read by the window rather than refused: nesting is harmless to the streaming parsers
#: (quick-xml in calamine, expat), UTF-16 without a BOM may be decoded as what it is, and NUL
#: bytes may be dropped as control characters (but never reach a value).
MAY_BE_READ = {
    "xlsx_deep_nesting_sheet",
    "xlsx_deep_nesting_workbook",
    "ods_deep_nesting",
    "csv_utf16le_no_bom",
    "csv_nul_late",
}
#: May be imported by the command line (exit 0) instead of refused.
MAY_BE_IMPORTED = {"csv_utf16le_no_bom"}


def wrong_words(case: str) -> tuple[str, ...]:
    damaged = () if case == "xlsx_lying_sizes" else (DAMAGED,)
    return (*damaged, *WRONG_WORDS.get(case, ()))


def _selected(request: pytest.FixtureRequest, test: str, every: list[str]) -> list[str]:
    """The parameters of ``test`` that this session runs."""
    chosen = {
        item.callspec.params.get("name")
        for item in request.session.items
        if getattr(item, "originalname", "") == test and hasattr(item, "callspec")
    }
    return [name for name in every if name in chosen]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_hostile.make_all(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def controls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_hostile.make_controls(tmp_path_factory.mktemp("ordinary"))


@pytest.fixture(scope="module")
def children(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    corpus: dict[str, Path],
    controls: dict[str, Path],
) -> Iterator[Children]:
    """Start every selected child at once (a few run at a time); the tests wait for theirs."""
    work = tmp_path_factory.mktemp("children")
    env = harness.child_env(work / "home")
    window_files = {
        **{n: corpus[n] for n in _selected(request, "test_window_survives", CASES)},
        **{f"control_{k}": controls[k] for k in _selected(request, "test_ordinary_read", CONTROLS)},
    }
    names = list(window_files)
    chunks = [names[i : i + WINDOW_CHUNK] for i in range(0, len(names), WINDOW_CHUNK)]
    with ThreadPoolExecutor(PARALLEL, thread_name_prefix="hostile") as pool:
        reads = [
            pool.submit(harness.read_in_window, {n: window_files[n] for n in chunk}, env)
            for chunk in chunks
        ]
        imports = {
            name: pool.submit(harness.run_import, corpus[name], work / "db", env)
            for name in _selected(request, "test_command_line_refuses", CASES)
        }
        yield imports, reads


def window_read(children: Children, name: str) -> harness.WindowRead:
    """How the window's API did on ``name`` (waits for the child that reads it)."""
    for part in children[1]:
        reads = part.result()
        if name in reads:
            return reads[name]
    raise KeyError(name)


def _refusal_named(stderr: str, filename: str) -> bool:
    """A line ``FILE: geweigerd, ...`` (the import's report) or ``Fout: ...FILE...``."""
    return any(
        line.startswith(f"{filename}: geweigerd") or (line.startswith("Fout:") and filename in line)
        for line in stderr.splitlines()
    )


@pytest.mark.parametrize("name", CASES)
def test_command_line_refuses(
    name: str,
    corpus: dict[str, Path],
    children: Children,
) -> None:
    run = children[0][name].result()
    filename = corpus[name].name
    problems = []
    allowed = (0, 2) if name in MAY_BE_IMPORTED else (2,)
    if run.timed_out:
        problems.append(f"still running after {harness.WALL_TIMEOUT_S:.0f} s")
    elif run.crashed:
        problems.append(f"crashed (signal {-run.returncode})")
    elif run.returncode not in allowed:
        problems.append(f"exit status {run.returncode}, not 2 (refused)")
    output = run.stdout + run.stderr
    problems += [f"the output shows {word!r}" for word in NEVER if word in output]
    if run.returncode == 2:
        if not _refusal_named(run.stderr, filename):
            problems.append(f"no refusal naming {filename} on stderr")
        problems += [f"wrong words: {w!r}" for w in wrong_words(name) if w in run.stderr]
        if name in RIGHT_WORDS and not re.search(RIGHT_WORDS[name], run.stderr, re.IGNORECASE):
            problems.append(f"the refusal does not say {RIGHT_WORDS[name]!r}")
    if run.peak_mb >= harness.PEAK_LIMIT_MB:
        problems.append(f"peak RSS {run.peak_mb:.0f} MB, limit {harness.PEAK_LIMIT_MB:.0f} MB")
    detail = f"\n  {run.summary()}\n  {run.reason[:300]}"
    assert not problems, f"{name} ({filename}): " + "; ".join(problems) + detail


@pytest.mark.parametrize("name", CASES)
def test_window_survives(
    name: str,
    corpus: dict[str, Path],
    children: Children,
) -> None:
    read = window_read(children, name)
    filename = corpus[name].name
    problems = []
    allowed = ("refused", "read") if name in MAY_BE_READ else ("refused",)
    if read.outcome not in allowed:
        problems.append(f"{read.outcome}, not refused: {read.message[:300]}")
    if read.outcome == "refused":
        if f"‘{filename}’" not in read.message:
            problems.append("the message does not name the file")
        problems += [f"wrong words: {w!r}" for w in wrong_words(name) if w in read.message]
        if name in RIGHT_WORDS and not re.search(RIGHT_WORDS[name], read.message, re.IGNORECASE):
            problems.append(f"the refusal does not say {RIGHT_WORDS[name]!r}")
    if read.outcome == "read" and name == "csv_utf16le_no_bom":
        header = make_hostile.CSV_HEADER.split(";")
        if list(read.first_row) != header:
            problems.append(f"read as {list(read.first_row)}, not {header}")
    if read.nul:
        problems.append("read with a NUL character left in a cell")
    problems += [f"the message shows {word!r}" for word in NEVER if word in read.message]
    if read.growth_mb >= harness.PEAK_LIMIT_MB:
        problems.append(f"the window grew {read.growth_mb:.0f} MB reading it")
    assert not problems, f"{name} ({filename}): " + "; ".join(problems) + f" ({read.seconds:.1f} s)"


@pytest.mark.parametrize("name", CONTROLS)
def test_ordinary_read(
    name: str,
    children: Children,
) -> None:
    read = window_read(children, f"control_{name}")
    assert read.outcome == "read", f"{name}: {read.outcome}: {read.message}"
    assert read.first_row == tuple(make_hostile.CONTROL_ROWS[0])
    assert read.rows == len(make_hostile.CONTROL_ROWS)
    assert read.growth_mb < harness.PEAK_LIMIT_MB
