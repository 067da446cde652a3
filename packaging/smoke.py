"""Smoke test of an installed Grensverkeer: the demo region, the PDF documents and the window.

    python packaging/smoke.py dist/grensverkeer/grensverkeer \
        [--app dist/grensverkeer/grensverkeer-app] [--workdir MAP]

COMMAND is the ``grensverkeer`` program to test: the bundle's executable, or the script of a
venv the wheel was installed in. From a fresh folder, with user folders of its own
(``GRENSVERKEER_HOME``, so a new pseudonym key file too) and Qt offscreen, it runs

1. ``COMMAND --version``;
2. ``COMMAND --db demo.sqlite demo`` on a new database (so every migration runs, from files);
3. ``COMMAND --db demo.sqlite documents --school-year 2024-2025 --out stukken``;
4. ``COMMAND --db demo.sqlite app --screenshot venster.png``: one picture per page;
5. with ``--app``, the windowed launcher: ``APP --db demo.sqlite --screenshot … --page matrix``;

and checks that every exit status is 0 and every PDF and PNG exists, is not empty and is what
its name says. The pages are the ones the program reports (``Schermafdruk: venster-NAAM.png``,
one line per page), not a list kept here: pages are added over time. At least the six pages
of ``KNOWN_PAGES`` must be among them, and no picture may be missing or left unreported.

Standard library only: it runs with any Python 3.11, also next to a bundle that has no Python
of its own. Any failure prints the command and its output and exits 1; success prints how long
each step took (the ``versie`` step is the program's start-up time).
The tests of the wheel (``tests/packaging/test_wheel.py``) use ``run_smoke`` as well.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SCHOOL_YEAR = "2024-2025"
# Pages the window has had from the start; newer ones are found in the program's output.
KNOWN_PAGES = ("overzicht", "gegevens", "matrix", "verrekening", "documenten", "instellingen")
TIMEOUT = 300  # seconds per step; normal is a few (a modal error dialog offscreen hangs)
PDF_MAGIC = b"%PDF-"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class SmokeFailure(AssertionError):
    """A step of the smoke test that did not do what it should."""


@dataclass
class SmokeResult:
    documents: list[Path] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    schema: str = ""
    seconds: dict[str, float] = field(default_factory=dict)


def environment(home: Path) -> dict[str, str]:
    """The caller's environment, with user folders under ``home``, no preset key or database,
    and Qt offscreen."""
    env = dict(os.environ)
    for name in ("GRENSVERKEER_KEY", "GRENSVERKEER_DB", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)
    env["GRENSVERKEER_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUTF8"] = "1"
    return env


def run(
    step: str, command: Sequence[str], workdir: Path, env: dict[str, str], result: SmokeResult
) -> subprocess.CompletedProcess[str]:
    print(f"[smoke] {step}: {' '.join(command)}", flush=True)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            list(command),
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise SmokeFailure(
            f"{step}: {' '.join(command)} was na {TIMEOUT} s niet klaar\n"
            f"--- stdout ---\n{text_of(error.stdout)[-4000:]}\n"
            f"--- stderr ---\n{text_of(error.stderr)[-4000:]}"
        ) from error
    except OSError as error:
        raise SmokeFailure(f"{step}: {' '.join(command)} kon niet lopen: {error}") from error
    result.seconds[step] = time.perf_counter() - started
    if done.returncode != 0:
        raise SmokeFailure(
            f"{step}: exit {done.returncode} van {' '.join(command)}\n"
            f"--- stdout ---\n{done.stdout[-4000:]}\n--- stderr ---\n{done.stderr[-4000:]}"
        )
    print(f"[smoke] {step}: ok in {result.seconds[step]:.1f} s", flush=True)
    return done


def text_of(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode("utf-8", errors="replace")
    return output or ""


def check_file(path: Path, magic: bytes, what: str, minimum: int = 1000) -> None:
    if not path.is_file():
        raise SmokeFailure(f"{what} ontbreekt: {path}")
    size = path.stat().st_size
    if size < minimum:
        raise SmokeFailure(f"{what} is (bijna) leeg: {path} ({size} bytes)")
    with path.open("rb") as stream:
        if stream.read(len(magic)) != magic:
            raise SmokeFailure(f"{what} is geen {what}: {path}")


def printed_paths(output: str, prefix: str = "") -> list[Path]:
    lines = [line.strip() for line in output.splitlines()]
    if prefix:
        lines = [line[len(prefix) :].strip() for line in lines if line.startswith(prefix)]
    return [Path(line) for line in lines if line]


def screenshot_pages(target: Path, screenshots: list[Path], output: str) -> list[str]:
    """The page names of ``app --screenshot TARGET``'s pictures (``TARGET-NAAM.png``), in the
    order the program made them; every known page among them, nothing else in the folder."""
    prefix = f"{target.stem}-"
    pages = []
    for path in screenshots:
        if path.parent != target.parent or not path.stem.startswith(prefix):
            raise SmokeFailure(f"app --screenshot meldde een onverwacht bestand {path}:\n{output}")
        pages.append(path.stem[len(prefix) :])
    missing = [page for page in KNOWN_PAGES if page not in pages]
    if missing:
        raise SmokeFailure(f"app --screenshot maakte geen afdruk van {missing}:\n{output}")
    if len(set(pages)) != len(pages):
        raise SmokeFailure(f"app --screenshot meldde een pagina twee keer:\n{output}")
    unreported = sorted(set(target.parent.glob(f"{prefix}*")) - set(screenshots))
    if unreported:
        raise SmokeFailure(f"app --screenshot schreef ongemelde bestanden {unreported}")
    return pages


def schema_version(database: Path) -> str:
    with sqlite3.connect(database) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else ""


def run_smoke(
    command: Sequence[str], workdir: Path, app_command: Sequence[str] | None = None
) -> SmokeResult:
    """Every step in ``workdir`` (made when missing); raises ``SmokeFailure``."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = environment(workdir / "home")
    result = SmokeResult()
    command = list(command)
    database = workdir / "demo.sqlite"
    if database.exists():
        raise SmokeFailure(f"{database} bestaat al: de smoke test begint met een lege database.")

    version = run("versie", [*command, "--version"], workdir, env, result)
    if not re.search(r"grensverkeer \d+\.\d+", version.stdout):
        raise SmokeFailure(f"--version zegt geen versie: {version.stdout!r}")

    demo = run("demo", [*command, "--db", str(database), "demo"], workdir, env, result)
    if "tarieven ingesteld" not in demo.stdout or SCHOOL_YEAR not in demo.stdout:
        raise SmokeFailure(f"demo laadde geen tarieven of matrix:\n{demo.stdout[-4000:]}")
    check_file(database, b"SQLite format 3\x00", "SQLite-database")
    result.schema = schema_version(database)
    if not re.fullmatch(r"\d{4}", result.schema):
        raise SmokeFailure(f"de nieuwe database heeft geen schemaversie: {result.schema!r}")
    key = workdir / "home" / "config"
    if not any(key.glob("*.key")):
        raise SmokeFailure(f"geen pseudoniemsleutel aangemaakt in {key}")

    out = workdir / "stukken"
    arguments = ["documents", "--school-year", SCHOOL_YEAR, "--out", str(out)]
    documents = run(
        "documents", [*command, "--db", str(database), *arguments], workdir, env, result
    )
    result.documents = printed_paths(documents.stdout)
    if len(result.documents) < 2:
        raise SmokeFailure(f"documents schreef te weinig PDF's:\n{documents.stdout}")
    for path in result.documents:
        check_file(workdir / path, PDF_MAGIC, "PDF")
    written = sorted(out.glob("*.pdf"))
    if len(written) != len(result.documents):
        raise SmokeFailure(f"documents meldde {result.documents}, maar in {out} staan {written}")

    target = workdir / "venster" / "venster.png"
    app = run(
        "app",
        [*command, "--db", str(database), "app", "--screenshot", str(target)],
        workdir,
        env,
        result,
    )
    result.screenshots = printed_paths(app.stdout, "Schermafdruk:")
    result.pages = screenshot_pages(target, result.screenshots, app.stdout)
    for path in result.screenshots:
        check_file(path, PNG_MAGIC, "PNG")

    if app_command:
        single = workdir / "venster" / "app-matrix.png"
        arguments = ["--db", str(database), "--screenshot", str(single), "--page", "matrix"]
        run("app (venster-exe)", [*app_command, *arguments], workdir, env, result)
        check_file(single, PNG_MAGIC, "PNG")
        result.screenshots.append(single)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", help="het grensverkeer-programma (bundel of venv)")
    parser.add_argument("--app", help="ook het venster-programma van de bundel (grensverkeer-app)")
    parser.add_argument("--workdir", type=Path, help="werkmap (standaard een nieuwe tijdelijke)")
    args = parser.parse_args(argv)
    command = [str(Path(args.command).resolve())]
    app_command = [str(Path(args.app).resolve())] if args.app else None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="grensverkeer-smoke-"))
    try:
        result = run_smoke(command, workdir.resolve(), app_command)
    except SmokeFailure as failure:
        print(f"[smoke] MISLUKT: {failure}", file=sys.stderr, flush=True)
        return 1
    print(
        f"[smoke] geslaagd: schema {result.schema}, {len(result.documents)} PDF's, "
        f"{len(result.screenshots)} schermafdrukken in {workdir}"
    )
    print(f"[smoke] pagina's: {', '.join(result.pages)}")
    for step, seconds in result.seconds.items():
        print(f"[smoke]   {step:<18} {seconds:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
