from pathlib import Path

import pytest
from sqlalchemy import inspect

from grensverkeer.errors import GrensverkeerError
from grensverkeer.storage.database import (
    current_revision,
    database_url,
    head_revision,
    migrate,
    open_database,
)


def test_opening_migrates_to_head(db) -> None:
    assert current_revision(db.engine) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {"imports", "pupil_records", "school_locations", "school_years"} <= tables


def test_the_fast_revision_check_agrees_with_alembic() -> None:
    from grensverkeer.storage.database import schema_revision

    assert schema_revision() == head_revision()


def test_a_path_becomes_a_sqlite_url(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "x.sqlite")) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert database_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_environment_names_the_default_database(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GRENSVERKEER_DB", str(tmp_path / "env.sqlite"))
    assert database_url(None).endswith("env.sqlite")


def test_default_database_lives_in_the_user_data_dir(user_home: Path) -> None:
    db = open_database()
    try:
        assert (user_home / "data" / "grensverkeer.sqlite").exists()
    finally:
        db.close()


def test_users_sqlite_file_is_backed_up_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "gebruiker.sqlite"
    db = open_database(str(path))
    migrate(db.engine, "base")  # an old database: schema of an earlier version
    assert current_revision(db.engine) is None
    db.close()
    before = set(tmp_path.glob("*.bak"))
    db = open_database(str(path))
    db.close()
    backups = set(tmp_path.glob("gebruiker.sqlite.leeg.*.bak")) - before
    assert len(backups) == 1
    assert next(iter(backups)).stat().st_size > 0
    db = open_database(str(path))  # already at head: no new copy
    db.close()
    assert len(set(tmp_path.glob("*.bak"))) == len(before) + 1


def test_unreachable_server_is_a_clear_message() -> None:
    with pytest.raises(GrensverkeerError, match="niet bereikbaar"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_nonsense_url_is_a_clear_message() -> None:
    with pytest.raises(GrensverkeerError, match="geen geldige database-URL"):
        open_database("nonsense://")


def test_a_committed_old_database_upgrades_with_its_data(tmp_path: Path) -> None:
    """Version 0001's database, as users have it, gets the new tables and keeps its rows."""
    import shutil

    from grensverkeer.schoolyear import SchoolYear
    from grensverkeer.services.matrices.counted_matrix import pupil_matrix

    old = Path(__file__).resolve().parents[1] / "data" / "grensverkeer-0001.sqlite"
    path = tmp_path / "oud.sqlite"
    shutil.copy(old, path)
    db = open_database(str(path))
    try:
        assert current_revision(db.engine) == head_revision()
        assert {"tariffs", "plans", "memberships"} <= set(inspect(db.engine).get_table_names())
        matrix = pupil_matrix(db, SchoolYear(2024))
        assert dict(matrix.cells) == {("GM0518", "GM0518"): 1, ("GM1783", "GM0518"): 1}
    finally:
        db.close()
    assert len(list(tmp_path.glob("oud.sqlite.0001.*.bak"))) == 1
