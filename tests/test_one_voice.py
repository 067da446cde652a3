"""One voice: no command-line text below ``grensverkeer/cli/`` (issue 14).

The core words a problem neutrally and carries a ``Hint``; the command line names its
commands and options, the window its pages and buttons, a PDF neither. This test reads every
string the program can show (not docstrings or comments) outside ``cli/`` and fails on an option
(``--school-year``) or a command (``grensverkeer tariff``); and it checks that both edges word
every hint.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from grensverkeer import errors
from grensverkeer.cli import build_parser
from grensverkeer.cli.hints import HINTS as CLI_HINTS
from grensverkeer.cli.hints import worded
from grensverkeer.errors import GrensverkeerError, Hint

PACKAGE = Path(errors.__file__).resolve().parent
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]  # argparse keeps them there
COMMAND = re.compile(r"\bgrensverkeer (" + "|".join(map(re.escape, COMMANDS)) + r")\b", re.I)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _shown_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def test_the_scan_finds_commands_and_options() -> None:
    assert {"import", "settle", "tariff", "plans"} <= set(COMMANDS)
    assert OPTION.search("geef het op met --school-year") and not OPTION.search("10%--")
    assert COMMAND.search("‘grensverkeer tariff set …’") and not COMMAND.search("Grensverkeer")


def test_no_command_line_text_outside_cli() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "cli":
            continue
        for line, value in _shown_strings(path):
            if OPTION.search(value) or COMMAND.search(value):
                found.append(f"{relative}:{line}: {value!r}")
    assert found == []


def test_both_edges_word_every_hint(qapp) -> None:
    from grensverkeer.ui.hints import HINTS as WINDOW_HINTS
    from grensverkeer.ui.hints import window_hint

    assert set(CLI_HINTS) == set(WINDOW_HINTS) == set(errors.HINTS)
    fields = {"school_year": "2024-2025", "edu_type": "VSO", "arrangement": "", "plan_id": 3}
    for code in errors.HINTS:
        error = GrensverkeerError("Er is iets.", Hint(code, fields))
        cli, window = worded(error), window_hint(error)
        assert cli.startswith("Er is iets.\n") and len(cli) > len("Er is iets.\n") + 10
        assert window and not OPTION.search(window) and not COMMAND.search(window), code


def test_an_unknown_hint_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown hint"):
        Hint("bestaat_niet")
