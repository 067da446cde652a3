from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import school_list

from grensverkeer.cli import main
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.importer import Importer
from grensverkeer.services.matrix import pupil_matrix
from grensverkeer.services.reports import Outcome
from grensverkeer.storage.database import Database


@pytest.fixture
def importer(db: Database) -> Importer:
    return Importer(db, load_pseudonymizer())


@pytest.fixture
def schools_loaded(importer: Importer, tmp_path: Path) -> Importer:
    (report,) = importer.import_files([school_list(tmp_path)])
    assert report.outcome is Outcome.STORED, report.errors
    return importer


@pytest.fixture
def cells(db: Database) -> Callable[[int], dict[tuple[str, str], int]]:
    def matrix_cells(start_year: int = 2024) -> dict[tuple[str, str], int]:
        return dict(pupil_matrix(db, SchoolYear(start_year)).cells)

    return matrix_cells


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
