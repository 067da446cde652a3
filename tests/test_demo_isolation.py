"""The demo never touches real data (issue 13): ``demo`` and ``app --demo`` share their own
database, whatever ``GRENSVERKEER_DB`` says, and the demo is never loaded over real data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from builders import school_list, snapshot

from grensverkeer.errors import GrensverkeerError
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.services.demo import demo_database_path, is_demo, load_demo
from grensverkeer.services.imports.importer import Importer
from grensverkeer.services.matrices.counted_matrix import school_years_present
from grensverkeer.storage.database import open_database


@pytest.fixture
def real_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's database with a school list in it, named by GRENSVERKEER_DB."""
    path = tmp_path / "gemeente.sqlite"
    db = open_database(str(path))
    try:
        (report,) = Importer(db, load_pseudonymizer()).import_files([school_list(tmp_path)])
        assert report.import_id is not None
    finally:
        db.close()
    monkeypatch.setenv("GRENSVERKEER_DB", str(path))
    return path


def _snapshot(path: Path) -> dict:
    db = open_database(str(path))
    try:
        return snapshot(db)
    finally:
        db.close()


def test_demo_and_app_demo_share_their_own_database(real_db: Path, cli) -> None:
    before = _snapshot(real_db)
    code, out, err = cli("demo")
    assert code == 0, err
    assert str(demo_database_path()) in out
    completed = subprocess.run(
        [sys.executable, "-m", "grensverkeer", "app", "--demo", "--page", "matrix",
         "--screenshot", str(real_db.parent / "demo.png")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert (real_db.parent / "demo.png").stat().st_size > 0
    assert _snapshot(real_db) == before  # not one row of the user's database changed
    demo = open_database(str(demo_database_path()))
    try:
        assert is_demo(demo)
        assert [str(y) for y in school_years_present(demo)] == ["2023-2024", "2024-2025"]
    finally:
        demo.close()


def test_the_demo_is_never_loaded_over_real_data(real_db: Path, cli) -> None:
    before = _snapshot(real_db)
    code, _out, err = cli("--db", real_db, "demo")
    assert code != 0
    assert "bevat al eigen gegevens (1 imports, 0 tarieven)" in err
    assert _snapshot(real_db) == before
    db = open_database(str(real_db))
    try:
        with pytest.raises(GrensverkeerError, match="eigen gegevens"):
            load_demo(db, load_pseudonymizer())
        assert not is_demo(db)
    finally:
        db.close()
