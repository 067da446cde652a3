"""Shared by the document tests: run the command, read a PDF's text, compare with golden files.

No tests here; the other ``test_documents_*`` modules import these helpers.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
from pathlib import Path

from pypdf import PdfReader

from grensverkeer.cli import documents_cmd
from grensverkeer.errors import GrensverkeerError

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "documents"
UPDATE_GOLDEN = "GRENSVERKEER_UPDATE_GOLDEN"

# An amount as the documents print it: "€ 12.345,67", "€ -12.345,67" (space may be non-breaking)
AMOUNT = re.compile(r"€\s(-?\d{1,3}(?:\.\d{3})*,\d{2})")


def run_documents(*args: object) -> tuple[int, str, str]:
    """``grensverkeer documents …`` as ``grensverkeer.cli.main`` runs a command: a Dutch error
    message and exit status 2 for what a user can fix."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    documents_cmd.register(parser.add_subparsers(dest="command"))
    parsed = parser.parse_args([str(a) for a in args])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = int(parsed.handler(parsed) or 0)
        except GrensverkeerError as error:
            print(f"Fout: {error}", file=err)
            code = error.exit_code
    return code, out.getvalue(), err.getvalue()


def normalise(text: str) -> str:
    """Whitespace (non-breaking spaces included) folded per line; empty lines dropped."""
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def page_texts(path: Path) -> list[str]:
    """Each page's text as laid out (a table row on one line), whitespace normalised."""
    return [
        normalise(page.extract_text(extraction_mode="layout") or "")
        for page in PdfReader(path).pages
    ]


def document_text(path: Path) -> str:
    """The golden form of a document: every page's text under a page marker."""
    pages = page_texts(path)
    return "".join(
        f"=== pagina {number} van {len(pages)} ===\n{text}\n"
        for number, text in enumerate(pages, start=1)
    )


def cents(amount: str) -> int:
    """``12.345,67`` → 1234567."""
    return int(amount.replace(".", "").replace(",", ""))


def check_golden(path: Path) -> None:
    """The document's text equals the reviewed copy; GRENSVERKEER_UPDATE_GOLDEN=1 rewrites it."""
    golden = GOLDEN / (path.stem + ".txt")
    actual = document_text(path)
    if os.environ.get(UPDATE_GOLDEN) == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} ontbreekt; maak het met {UPDATE_GOLDEN}=1 en controleer het"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} wijkt af van {golden.relative_to(REPO)}"
