"""Fixtures for ``grensverkeer responsible``: a database with the test school list, plans, and
the command run the way the main CLI runs it (Dutch errors printed as ``Fout: …``, exit 2)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from grensverkeer.cli import responsible_cmd
from grensverkeer.errors import GrensverkeerError
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.services.imports.importer import Importer
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import PlanRow

# The small files the import tests make (``builders``) serve here too.
_BUILDERS = str(Path(__file__).resolve().parents[1] / "importing")
if _BUILDERS not in sys.path:
    sys.path.insert(0, _BUILDERS)


@pytest.fixture
def importer(db: Database) -> Importer:
    return Importer(db, load_pseudonymizer())


@pytest.fixture
def schools_loaded(importer: Importer, tmp_path: Path) -> Importer:
    from builders import school_list

    (report,) = importer.import_files([school_list(tmp_path)])
    assert report.outcome is Outcome.STORED, report.errors
    return importer


@pytest.fixture
def add_plan(db: Database) -> Callable[..., int]:
    """Store a finalised plan row directly: the minimum ``finalized_plan`` reads."""

    def add(start_year: int, participants: list[str] | None = None) -> int:
        inputs: dict[str, object] = {"school_year": f"{start_year}-{start_year + 1}"}
        if participants is not None:
            inputs["participants"] = participants
        row = PlanRow(
            school_year=start_year,
            method="multilateral",
            centre=None,
            threshold_cents=0,
            finalized_at=datetime(start_year + 1, 1, 15, 12, tzinfo=UTC),
            finalized_by="test",
            inputs=inputs,
            result={  # an empty settlement: the shape every stored plan has
                "school_year": f"{start_year}-{start_year + 1}",
                "method": "multilateral",
                "participants": participants or [],
                "positions": dict.fromkeys(participants or [], 0),
                "transfers": [],
                "total_moved": 0,
                "waived": [],
                "outside": [],
            },
            sha256="0" * 64,
        )
        with db.sessions.begin() as session:
            session.add(row)
        return row.id

    return add


def db_url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def ask(db: Database, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``responsible`` with these options on the test database: (exit status, out, err)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    responsible_cmd.register(parser.add_subparsers(dest="command"))

    def run(*options: str) -> tuple[int, str, str]:
        args = parser.parse_args(["--db", db_url(db), "responsible", *options])
        try:
            code = int(args.handler(args) or 0)
        except GrensverkeerError as error:  # what grensverkeer.cli.main does
            print(f"Fout: {error}", file=sys.stderr)
            code = error.exit_code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
