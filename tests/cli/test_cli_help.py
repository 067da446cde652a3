"""Every ``--help`` works: each subcommand and nested action prints its usage and says what it
does, without a traceback (issue 13: ``documents --help`` crashed on a ``%`` in its help)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from grensverkeer.cli import build_parser


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(build_parser()))


def test_the_walk_finds_the_nested_actions() -> None:
    paths = {path for path, _parser in COMMANDS}
    assert {("import",), ("plans", "withdraw"), ("tariff", "set"), ("documents",)} <= paths
    assert len(paths) >= 25


@pytest.mark.parametrize(
    "path,parser", COMMANDS, ids=[" ".join(p) or "grensverkeer" for p, _ in COMMANDS]
)
def test_help_of_every_command(cli, path: tuple[str, ...], parser) -> None:
    code, out, err = cli(*path, "--help")
    assert code == 0, err
    assert "Traceback" not in out + err
    assert out.startswith(
        "gebruik: grensverkeer" if not path else f"gebruik: grensverkeer {path[0]}"
    )
    assert parser.description and len(parser.description) > 10
    assert parser.description.split()[0] in out  # the description is printed
