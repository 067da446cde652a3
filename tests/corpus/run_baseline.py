"""Run every corpus case through a given grensverkeer and report what happens (for BASELINE.md).

    /work/main/.venv/bin/python tests/corpus/run_baseline.py [--src DIR] [--markdown]

``--src`` is a checkout of the program to test (for the baseline: ``git archive HEAD`` unpacked
somewhere), put first on ``sys.path``; without it the installed/working-tree grensverkeer is used.
Each case gets a fresh SQLite database and user directory. Nothing is written into the corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO_SCHOOLS = HERE.parents[2] / "grensverkeer" / "resources" / "demo" / "scholen"
KEY = "d3b07384d113edec49eaa6238ad5ff00c86f8f0d1e6b2a3c4d5e6f708192a3b4"


def run(main: Callable[[list[str]], int], args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def pupil_rows(db: Path) -> int:
    if not db.exists():
        return 0
    with contextlib.closing(sqlite3.connect(db)) as connection:
        try:
            return connection.execute("SELECT COUNT(*) FROM pupil_records").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def cells_of(main: Callable[[list[str]], int], db: Path, year: str) -> list | None:
    code, out, _err = run(main, ["--db", db, "matrix", "--school-year", year, "--format", "json"])
    if code != 0:
        return None
    return sorted((c["from"], c["to"], c["value"]) for c in json.loads(out)["cells"])


def first_lines(text: str, n: int = 3) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines[:n])


def compare(expected: list, got: list | None) -> str:
    if got is None:
        return "no matrix (no pupils stored)"
    if got == expected:
        return "PASS"
    exp, res = {(f, t): v for f, t, v in expected}, {(f, t): v for f, t, v in got}
    wrong = sum(1 for k in exp.keys() | res.keys() if exp.get(k) != res.get(k))
    diag_exp = sum(v for (f, t), v in exp.items() if f == t)
    diag_got = sum(v for (f, t), v in res.items() if f == t)
    return (
        f"WRONG matrix: {wrong} of {len(exp)} cells differ; total {sum(res.values())} "
        f"(expected {sum(exp.values())}); diagonal {diag_got} (expected {diag_exp})"
    )


def run_case(main: Callable[[list[str]], int], case_dir: Path, work: Path) -> dict:
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    expected = json.loads((case_dir / "expected.json").read_text(encoding="utf-8"))
    exp_cells = sorted((c["from"], c["to"], c["value"]) for c in expected["cells"])
    files = [
        str(DEMO_SCHOOLS / f.removeprefix("demo:")) if f.startswith("demo:") else str(case_dir / f)
        for f in case["files"]
    ]
    year = case["school_year"]
    home = work / case["id"]
    os.environ["GRENSVERKEER_HOME"] = str(home / "home")
    db = home / "db.sqlite"
    code, out, err = run(main, ["--db", db, "import", *files, *case.get("import_args", [])])
    result = {"id": case["id"], "expect": case["expect"], "exit": code}
    pupils = pupil_rows(db)
    stored = [line for line in out.splitlines() if "opgeslagen als" in line]
    kinds = [line.split("(")[-1].rstrip(")") for line in stored]
    result["stored_as"] = ", ".join(kinds[-1:]) if kinds else ""
    if case["expect"] == "matrix":
        if code == 2:
            result["outcome"] = "REFUSED (should import): " + first_lines(err, 4)
        elif code != 0:
            result["outcome"] = f"exit {code}: " + first_lines(err)
        else:
            verdict = compare(exp_cells, cells_of(main, db, year) if pupils else None)
            if pupils == 0 and "scholen" in out.split("\n")[-3:][0] + result["stored_as"]:
                verdict += f" — the file was stored as a school list ({result['stored_as']})"
            result["outcome"] = verdict
        return result
    missing = [t for t in case["must_name"] if t not in err]
    if code == 2 and pupils == 0:
        verdict = "refused" + (f", but the message lacks {missing}" if missing else " (names all)")
        verdict += ": " + first_lines(err, 3)
    elif code == 0:
        verdict = "ACCEPTED (should refuse): " + compare(exp_cells, cells_of(main, db, year))
    else:
        verdict = f"exit {code}: " + first_lines(err)
    if case["resolve"]:
        resolved = home / "resolved.sqlite"
        columns = [a for choice in case["resolve"] for a in ("--column", choice)]
        rcode, _rout, rerr = run(
            main, ["--db", resolved, "import", *files, *case.get("import_args", []), *columns]
        )
        verdict += f" | resolve: exit {rcode} " + (first_lines(rerr, 1) if rcode else "")
    result["outcome"] = verdict
    return result


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", type=Path, help="checkout of grensverkeer to test")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    if args.src:
        sys.path.insert(0, str(args.src))
    from grensverkeer.cli import main

    os.environ["GRENSVERKEER_KEY"] = KEY
    os.environ.pop("GRENSVERKEER_DB", None)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for case_dir in sorted(p.parent for p in (HERE / "cases").glob("*/case.json")):
            results.append(run_case(main, case_dir, Path(tmp)))
    if args.markdown:
        print("| case | expect | import exit | outcome |")
        print("|---|---|---|---|")
        for r in results:
            outcome = r["outcome"].replace("|", "\\|")
            print(f"| `{r['id']}` | {r['expect']} | {r['exit']} | {outcome} |")
    else:
        for r in results:
            print(f"{r['id']}: exit {r['exit']}: {r['outcome']}")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
