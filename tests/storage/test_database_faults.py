"""Faults of the disk and the database end in a clear Dutch message, and leave nothing half done.

A full disk is SQLite's ``max_page_count`` (the database cannot grow) or an ``OSError(ENOSPC)``;
a read-only database is ``PRAGMA query_only`` where the tests run as root (root may write a
0444 file); a lock is another connection's ``BEGIN IMMEDIATE`` or advisory lock.
"""

from __future__ import annotations

import errno
import getpass
import shutil
import socket
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError

from grensverkeer.errors import GrensverkeerError
from grensverkeer.storage import database
from grensverkeer.storage.database import (
    current_revision,
    exclusive,
    open_database,
    schema_revision,
)
from grensverkeer.storage.faults import known_fault
from grensverkeer.storage.schema import MetaRow

OLD = Path(__file__).resolve().parents[1] / "data" / "grensverkeer-0001.sqlite"
NOT_STORED = "is niet opgeslagen; maak ruimte vrij en probeer opnieuw"


@pytest.fixture
def on_connect() -> Iterator[Callable[[str], None]]:
    """Run a PRAGMA on every new SQLite connection of any engine, for the rest of the test."""
    listeners = []

    def install(pragma: str) -> None:
        def listener(connection: sqlite3.Connection, _record: object) -> None:
            if isinstance(connection, sqlite3.Connection):
                if pragma == "full":  # the file may not grow beyond what it is now
                    pages = connection.execute("PRAGMA page_count").fetchone()[0]
                    connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
                else:
                    connection.execute(pragma)

        event.listen(Engine, "connect", listener)
        listeners.append(listener)

    yield install
    for listener in listeners:
        event.remove(Engine, "connect", listener)


@pytest.fixture
def ticking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each backup gets a time a second later, so two backups never share a name."""

    class Clock:
        seconds = 0

        @classmethod
        def now(cls) -> datetime:
            cls.seconds += 1
            return datetime(2025, 1, 1, 12, 0, 0) + timedelta(seconds=cls.seconds)

    monkeypatch.setattr(database, "datetime", Clock)


def old_database(folder: Path, name: str = "oud.sqlite") -> Path:
    path = folder / name
    shutil.copy(OLD, path)
    return path


def tables(url: str) -> set[str]:
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def sqlite_revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def meta_rows(db: database.Database) -> int:
    """The meta rows these tests write (a new database holds the seed markers already)."""
    with db.sessions() as session:
        mine = MetaRow.key.like("k%") | (MetaRow.key == "a")
        return session.query(MetaRow).filter(mine).count()


# 1. A full disk ------------------------------------------------------------------------------


def test_disk_full_while_writing_rolls_back(sqlite_db, on_connect) -> None:
    sqlite_db.engine.dispose()  # the next connection gets the limit
    on_connect("full")
    with (
        pytest.raises(GrensverkeerError) as raised,
        exclusive(sqlite_db) as view,
        view.sessions() as session,
    ):
        session.add_all(MetaRow(key=f"k{i}", value="x" * 400) for i in range(300))
        session.flush()
    message = str(raised.value)
    assert message.startswith("De schijf is vol: de wijziging in de database")
    assert sqlite_db.engine.url.database in message and NOT_STORED in message
    assert meta_rows(sqlite_db) == 0


def test_disk_full_in_a_command_is_a_dutch_message(tmp_path, cli, on_connect) -> None:
    from builders import SCHOOLS_HEADER, write_csv

    path = tmp_path / "vol.sqlite"
    open_database(str(path)).close()
    rows = [
        [f"{i:02d}ZZ", "00", f"SCHOOL {i}", "DELFT", "0503", "DELFT", "(V)SO", "VSO"]
        for i in range(99)
    ]
    schools = write_csv(tmp_path / "scholen.csv", [SCHOOLS_HEADER, *rows])
    on_connect("full")
    code, _out, err = cli("--db", path, "import", schools)
    assert code == 2
    assert err.startswith("Fout: De schijf is vol: de wijziging in de database")
    assert "Er ging iets onverwachts mis" not in err
    assert sqlite3.connect(path).execute("SELECT count(*) FROM imports").fetchone() == (0,)


def test_disk_full_while_creating_a_database_leaves_no_file(tmp_path, on_connect) -> None:
    on_connect("PRAGMA max_page_count = 1")
    path = tmp_path / "nieuw.sqlite"
    with pytest.raises(GrensverkeerError, match=f"^De schijf is vol: .*{NOT_STORED}"):
        open_database(str(path))
    assert list(tmp_path.iterdir()) == []


def test_disk_full_during_the_backup_leaves_no_partial_bak(tmp_path, monkeypatch) -> None:
    path = old_database(tmp_path)
    real_connect = sqlite3.connect

    def connect(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(target, *args, **kwargs)
        if str(target).endswith(".tmp"):  # the copy being made: no room for it
            connection.execute("PRAGMA max_page_count = 2")
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(GrensverkeerError) as raised:
        open_database(str(path))
    assert str(raised.value).startswith("De schijf is vol: de reservekopie ‘")
    assert "maak ruimte vrij" in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oud.sqlite"]  # no .bak, no .tmp
    monkeypatch.undo()
    assert sqlite_revision(path) == "0001"


def test_a_failed_upgrade_changes_nothing_and_makes_one_backup(tmp_path, ticking) -> None:
    """Migrations are one transaction: a failure half-way leaves no new table behind."""
    path = old_database(tmp_path)
    with sqlite3.connect(path) as connection:  # 0002 makes this table: it will fail there
        connection.execute("CREATE TABLE plans (id INTEGER PRIMARY KEY)")
    before = tables(str(path))
    for _attempt in range(3):
        with pytest.raises(GrensverkeerError, match="kon niet worden bijgewerkt"):
            open_database(str(path))
    assert tables(str(path)) == before and sqlite_revision(path) == "0001"
    assert len(list(tmp_path.glob("oud.sqlite.0001.*.bak"))) == 1


# 2. A read-only database ---------------------------------------------------------------------


def test_read_only_database_says_so_and_names_the_file(sqlite_db, on_connect) -> None:
    sqlite_db.engine.dispose()
    on_connect("PRAGMA query_only = ON")
    assert meta_rows(sqlite_db) == 0  # reading still works
    with (
        pytest.raises(GrensverkeerError) as raised,
        exclusive(sqlite_db) as view,
        view.sessions() as session,
    ):
        session.add(MetaRow(key="a", value="b"))
        session.flush()
    message = str(raised.value)
    assert f"De database ‘{sqlite_db.engine.url.database}’ is alleen-lezen" in message


def test_read_only_old_database_is_refused_with_one_backup(tmp_path, on_connect, ticking) -> None:
    path = old_database(tmp_path)
    on_connect("PRAGMA query_only = ON")
    for _attempt in range(2):
        with pytest.raises(GrensverkeerError, match=f"‘{path}’ is alleen-lezen"):
            open_database(str(path))
    assert sqlite_revision(path) == "0001"
    assert len(list(tmp_path.glob("*.bak"))) == 1


@pytest.mark.skipif(
    not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
    reason="root may write a read-only file",
)
def test_a_file_with_mode_0444_is_read_only(tmp_path) -> None:
    path = tmp_path / "alleen-lezen.sqlite"
    open_database(str(path)).close()
    path.chmod(0o444)
    db = open_database(str(path))
    try:
        with (
            pytest.raises(GrensverkeerError, match="is alleen-lezen"),
            exclusive(db) as view,
            view.sessions() as session,
        ):
            session.add(MetaRow(key="a", value="b"))
            session.flush()
    finally:
        db.close()


# 3. A lock held by another writer ------------------------------------------------------------


def test_sqlite_locked_by_another_writer(tmp_path, monkeypatch, cli) -> None:
    from builders import school_list

    monkeypatch.setattr(database, "WAIT_SECONDS", 0.2)
    path = tmp_path / "bezet.sqlite"
    db = open_database(str(path))
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(GrensverkeerError) as raised, exclusive(db):
            pass
        code, _out, err = cli("--db", path, "import", school_list(tmp_path))
    finally:
        holder.rollback()
        holder.close()
        db.close()
    assert str(raised.value) == (
        f"De database ‘{path}’ is bezet door een ander programma dat schrijft "
        "(bijvoorbeeld een import); probeer het zo opnieuw."
    )
    assert code == 2 and err.startswith(f"Fout: De database ‘{path}’ is bezet"), err


def test_postgresql_lock_names_who_holds_it(pg_schema_url, monkeypatch) -> None:
    holder = open_database(pg_schema_url)
    monkeypatch.setattr(database, "WAIT_SECONDS", 0.3)
    waiter = open_database(pg_schema_url)
    try:
        with exclusive(holder), pytest.raises(GrensverkeerError) as raised, exclusive(waiter):
            pass
        with exclusive(waiter):  # the lock is free again: no lasting harm
            pass
    finally:
        waiter.close()
        holder.close()
    message = str(raised.value)
    assert "is bezet door een ander programma dat schrijft (bijvoorbeeld een import)" in message
    assert f"dat is grensverkeer ({getpass.getuser()}@{socket.gethostname()})" in message
    assert "databasegebruiker postgres" in message and "probeer het zo opnieuw" in message


# 4. A database of a newer version --------------------------------------------------------------


def test_newer_database_is_refused_without_backup(db_url, tmp_path) -> None:
    db = open_database(db_url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    db.close()
    for _attempt in range(2):
        with pytest.raises(GrensverkeerError) as raised:
            open_database(db_url)
        assert str(raised.value).endswith(
            f"is gemaakt met een nieuwere versie van Grensverkeer (schema 0009; deze versie "
            f"kent tot {schema_revision()}). Werk Grensverkeer bij."
        )
    assert list(tmp_path.rglob("*.bak")) == [] and list(tmp_path.rglob("*.tmp")) == []
    engine = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    try:
        assert current_revision(engine) == "0009"
    finally:
        engine.dispose()


# 5. Not a (Grensverkeer) database ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "xlsx", "truncated", "tiny"])
def test_a_file_that_is_not_a_database(tmp_path, cli, kind) -> None:
    folder = tmp_path / "bestanden"
    folder.mkdir()
    path = folder / f"{kind}.sqlite"
    if kind == "text":
        path.write_text("naam;gemeente\nDe Klimop;Delft\n" * 20, encoding="utf-8")
    elif kind == "xlsx":
        from builders import write_xlsx

        write_xlsx(path, {"Blad1": [["BSN", "Naam"], [111222333, "Jansen"]]})
    else:
        data = OLD.read_bytes()
        path.write_bytes(data[: len(data) // 2] if kind == "truncated" else data[:60])
    before = path.read_bytes()
    with pytest.raises(GrensverkeerError) as raised:
        open_database(str(path))
    expected = f"‘{path}’ is geen Grensverkeer-database (geen SQLite-bestand of beschadigd)."
    assert str(raised.value) == expected
    code, _out, err = cli("--db", path, "imports")
    assert (code, err.strip()) == (2, f"Fout: {expected}")
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_a_folder_is_not_a_database(tmp_path) -> None:
    with pytest.raises(GrensverkeerError, match=f"^‘{tmp_path}’ is een map, geen databasebestand"):
        open_database(str(tmp_path))
    (tmp_path / "notities.txt").write_text("x", encoding="utf-8")
    inside_a_file = tmp_path / "notities.txt" / "db.sqlite"
    with pytest.raises(GrensverkeerError, match=f"^‘{tmp_path / 'notities.txt'}’ is een bestand"):
        open_database(str(inside_a_file))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notities.txt"]


def test_another_programs_database_is_refused_and_left_alone(db_url, tmp_path) -> None:
    url = db_url if "://" in db_url else f"sqlite:///{db_url}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)"))
    engine.dispose()
    with pytest.raises(GrensverkeerError) as raised:
        open_database(db_url)
    assert "is geen Grensverkeer-database: er staan al tabellen in (klanten)" in str(raised.value)
    assert tables(url) == {"klanten"}  # no alembic_version, no empty table left behind
    assert list(tmp_path.rglob("*.bak")) == []


def test_a_damaged_schema_without_version_is_refused(db_url) -> None:
    url = db_url if "://" in db_url else f"sqlite:///{db_url}"
    open_database(db_url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    before = tables(url)
    with pytest.raises(GrensverkeerError, match="geen Grensverkeer-versie"):
        open_database(db_url)
    assert tables(url) == before and "alembic_version" not in before


# 7. Damaged while working --------------------------------------------------------------------


def test_a_damaged_page_while_working_is_a_clear_message(tmp_path) -> None:
    path = tmp_path / "beschadigd.sqlite"
    open_database(str(path)).close()
    with sqlite3.connect(path) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'school_locations'"
        ).fetchone()[0]
    with path.open("r+b") as stream:
        stream.seek((root - 1) * size)
        stream.write(b"\xa5" * size)
    db = open_database(str(path))
    try:
        with pytest.raises(GrensverkeerError) as raised, db.sessions() as session:
            session.execute(text("SELECT * FROM school_locations")).all()
    finally:
        db.close()
    assert str(raised.value).startswith(f"De database ‘{path}’ is beschadigd (")
    assert "Zet een reservekopie terug" in str(raised.value)


# The translation itself, for what reaches the top of the CLI or a worker ----------------------


def test_known_faults_outside_a_database_engine() -> None:
    from psycopg import errors

    full = known_fault(OSError(errno.ENOSPC, "No space left on device", "/uit/matrix.csv"))
    assert str(full) == f"De schijf is vol: het bestand ‘/uit/matrix.csv’ {NOT_STORED}."
    wrapped = OperationalError("INSERT", {}, errors.DiskFull("could not extend file"))
    assert str(known_fault(wrapped)).startswith("De schijf van de databaseserver is vol")
    assert "beschadigd" in str(known_fault(sqlite3.DatabaseError("file is not a database")))
    assert "is bezet" in str(known_fault(sqlite3.OperationalError("database is locked")))
    assert known_fault(ValueError("iets anders")) is None
    assert known_fault(OSError(errno.EACCES, "Permission denied")) is None


def test_a_worker_shows_a_known_fault_in_dutch(qtbot) -> None:
    from grensverkeer.ui.workers import Worker

    def task(_progress: object, _cancelled: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    worker = Worker(task)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
        worker.start()
    assert failed.args[0].startswith("De schijf is vol: de wijziging in de database")
