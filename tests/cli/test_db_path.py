"""``--db`` mistakes are said, never turned into a new database somewhere unexpected.

Issue 13: a mistyped path silently created a new database and its folders; ``--db README.md``
got the generic "onverwachts mis". Now a folder that does not exist is refused, a new file is
made only in an existing folder and the program says so, and a file that is not a database is
named as such.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from grensverkeer.paths import default_database_path


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_that_does_not_exist_is_refused(cli, here: Path) -> None:
    code, out, err = cli("--db", "verkeerd/grensverkeer.sqlite", "imports")
    assert code == 2 and out == ""
    assert "De map ‘verkeerd’ bestaat niet" in err
    assert "grensverkeer.sqlite" in err
    assert not (here / "verkeerd").exists()


def test_a_new_database_in_an_existing_folder_is_said(cli, here: Path) -> None:
    code, _out, err = cli("--db", "nieuw.sqlite", "imports")
    assert code == 0, err
    assert f"Nieuwe database aangemaakt: {here / 'nieuw.sqlite'}" in err
    code, _out, err = cli("--db", "nieuw.sqlite", "imports")
    assert code == 0 and "Nieuwe database" not in err  # the second time it exists


def test_a_file_that_is_not_a_database_is_named(cli, here: Path) -> None:
    (here / "README.md").write_text("# Grensverkeer\n", encoding="utf-8")
    before = (here / "README.md").read_bytes()
    code, _out, err = cli("--db", "README.md", "matrix")
    assert code == 2
    assert "‘README.md’ is geen Grensverkeer-database" in err
    assert "onverwachts" not in err
    assert (here / "README.md").read_bytes() == before


def test_a_folder_or_a_file_in_the_folders_place_is_refused(cli, here: Path) -> None:
    (here / "map").mkdir()
    code, _out, err = cli("--db", "map", "imports")
    assert code == 2 and "‘map’ is een map, geen databasebestand" in err
    (here / "bestand").write_text("x", encoding="utf-8")
    code, _out, err = cli("--db", "bestand/db.sqlite", "imports")
    assert code == 2 and "‘bestand’ is een bestand, geen map" in err


def test_another_sqlite_file_is_not_taken_over(cli, here: Path) -> None:
    other = here / "ander.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE iets (x)")
    code, _out, err = cli("--db", str(other), "imports")
    assert code == 2, err
    assert "ander.sqlite" in err


def test_the_own_data_folder_is_made_when_needed(cli, here: Path) -> None:
    default = default_database_path()
    assert not default.parent.exists()  # each test has a user folder of its own
    code, _out, err = cli("imports")
    assert code == 0, err
    assert default.exists() and "Nieuwe database aangemaakt" in err
    assert os.path.commonpath([default, here]) == str(here)  # inside the test's own folders


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_database_file_is_private(cli, here: Path) -> None:
    """It holds pupils' pseudonyms and where they live: the owner only (as the key file)."""
    code, _out, err = cli("--db", "prive.sqlite", "imports")
    assert code == 0, err
    assert (here / "prive.sqlite").stat().st_mode & 0o777 == 0o600
