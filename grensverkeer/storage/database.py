"""Opening a database: a SQLite file of the user's or a shared PostgreSQL, migrated on open.

Migrations run automatically, each upgrade in one transaction; a user's SQLite file is copied
aside first, so a failed upgrade never costs data. On PostgreSQL an advisory lock keeps two
programs from migrating at once. Faults a user can act on (a full disk, a read-only file, a lock
held by another writer, a newer or foreign database) become Dutch messages (``faults``).

The details are in ``storage.connect`` (how an engine connects) and ``storage.sqlite_file``
(a user's SQLite file before it is opened).
"""

from __future__ import annotations

import glob
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from grensverkeer.errors import GrensverkeerError
from grensverkeer.file_faults import disk_full, is_disk_full, os_reason
from grensverkeer.paths import default_database_path
from grensverkeer.storage.connect import connect_arguments, describe, in_dutch, sqlite_pragmas
from grensverkeer.storage.faults import MIGRATION_LOCK, WRITE_LOCK
from grensverkeer.storage.read_only import can_write, guard_writes, read_only_error, require_write
from grensverkeer.storage.sqlite_file import prepare_sqlite_file, remove_if_empty

if TYPE_CHECKING:
    from alembic.config import Config

DB_ENV = "GRENSVERKEER_DB"
_MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = MIGRATION_LOCK
_WRITE_LOCK = WRITE_LOCK
WAIT_SECONDS = 60
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Database:
    """An open, migrated database and the sessions on it; ``created``: this open made the file."""

    engine: Engine
    sessions: sessionmaker[Session]
    created: bool = False

    @property
    def description(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def database_url(target: str | None = None) -> str:
    """``--db`` or ``GRENSVERKEER_DB``: an SQLAlchemy URL or a path to a ``.sqlite`` file."""
    target = target or os.environ.get(DB_ENV) or str(default_database_path())
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def open_database(target: str | None = None) -> Database:
    """Open (and, on first use, create) the database and bring its schema up to date.

    Every fault a user can act on is a Dutch ``GrensverkeerError``: a path that is a folder or
    not a SQLite file, a database of a newer version or of another program, a full disk, a
    read-only file, a lock held too long by another writer. A failed open changes nothing.
    """
    url_text = database_url(target)
    try:
        url = make_url(url_text)
    except ArgumentError:
        raise GrensverkeerError(f"‘{url_text}’ is geen geldige database-URL.") from None
    sqlite_file = url.get_backend_name() == "sqlite"
    path = (
        Path(url.database) if sqlite_file and url.database not in (None, "", ":memory:") else None
    )
    created = False
    if path is not None:
        created = prepare_sqlite_file(path, WAIT_SECONDS)
    try:
        engine = create_engine(
            url, pool_pre_ping=not sqlite_file, connect_args=connect_arguments(url, WAIT_SECONDS)
        )
    except (NoSuchModuleError, ImportError):
        raise GrensverkeerError(
            f"‘{url_text}’ is geen geldige database-URL: gebruik sqlite of postgresql+psycopg."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    event.listen(engine, "handle_error", in_dutch)
    try:
        migrate(engine)
    except (GrensverkeerError, OperationalError) as error:
        engine.dispose()
        if created and path is not None:
            remove_if_empty(path)
        if isinstance(error, GrensverkeerError):
            raise
        detail = str(error.orig).strip().splitlines()[0]
        if sqlite_file:
            raise GrensverkeerError(
                f"De database ‘{describe(engine)}’ kon niet worden bijgewerkt naar deze versie "
                f"van Grensverkeer ({detail}); er is niets veranderd."
            ) from None
        raise GrensverkeerError(
            f"De database {describe(engine)} is niet bereikbaar: {detail}"
        ) from None
    guard_writes(engine)  # after migrating: a read-only user's writes are refused from here on
    return Database(engine, sessionmaker(engine, expire_on_commit=False), created)


@contextmanager
def exclusive(db: Database) -> Iterator[Database]:
    """The database as one writer sees it: everything read and written through the view is one
    transaction that no other writer (another import, a plan being finalised) can interleave
    with. SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock. Other
    writers wait for it; readers are not held up. Committed when the block ends without error.
    """
    require_write(db.engine)  # a read-only user is refused before any work, not half-way
    with db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})
        view = Database(
            db.engine,
            sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="rollback_only"
            ),
        )
        try:
            yield view
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def head_revision() -> str | None:
    """The newest migration, by Alembic itself (slow to import: tests and migrations only)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def schema_revision() -> str:
    """The newest migration, read from the file names (``0002_….py``) without importing Alembic,
    so opening an up-to-date database costs no start-up time. Revisions are numbered in order;
    a test checks that this agrees with Alembic."""
    numbers = [
        int(p.name[:4]) for p in (_MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    ]
    return f"{max(numbers):04d}"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``, after a backup of a user's existing SQLite file.

    A database of a newer version or of another program is refused before anything is written.
    The migration is one transaction (SQLite: ``BEGIN IMMEDIATE``, so it also waits for another
    writer): if it fails, the database is as it was. ``base`` downgrades everything; tests use
    it to make an "old" database.
    """
    current = current_revision(engine)
    if revision == "head":
        if current == schema_revision():
            return  # up to date: nothing written, so a read-only user opens it too
        check_can_upgrade(engine, current)
        if current is not None and not can_write(engine):
            raise read_only_error(engine)  # an older schema that only a writer can upgrade
    from alembic import command

    config = alembic_config()
    backup_sqlite(engine, current)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        if revision == "base":
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)


def check_can_upgrade(engine: Engine, current: str | None) -> None:
    """Refuse a schema this version does not know (a newer Grensverkeer made it), and tables
    without a Grensverkeer version (another program's database, or a damaged one)."""
    name = describe(engine)
    head = schema_revision()
    if current is not None and current not in known_revisions():
        if current.isdigit() and int(current) > int(head):
            raise GrensverkeerError(
                f"De database ‘{name}’ is gemaakt met een nieuwere versie van Grensverkeer "
                f"(schema {current}; deze versie kent tot {head}). Werk Grensverkeer bij."
            )
        raise GrensverkeerError(
            f"De database ‘{name}’ heeft een schemaversie die Grensverkeer niet kent "
            f"({current}; deze versie kent tot {head}). Is het wel een Grensverkeer-database?"
        )
    if current is None:
        with engine.connect() as connection:
            tables = sorted(set(inspect(connection).get_table_names()) - {"alembic_version"})
        if tables:
            shown = ", ".join(tables[:3]) + (", …" if len(tables) > 3 else "")
            raise GrensverkeerError(
                f"‘{name}’ is geen Grensverkeer-database: er staan al tabellen in ({shown}), "
                "maar geen Grensverkeer-versie (de tabel alembic_version ontbreekt of is leeg). "
                "Kies een andere database, of een lege."
            )


def known_revisions() -> set[str]:
    return {p.name[:4] for p in (_MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")}


def backup_sqlite(engine: Engine, current: str | None) -> Path | None:
    """Copy an existing SQLite database aside before its schema changes.

    One copy per version step: a copy of this revision that is newer than the database is used
    again, so a failing upgrade tried ten times leaves one ``.bak``, not ten. The copy is made
    under a temporary name and renamed when complete: a full disk leaves no half ``.bak``.
    """
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        return None
    source = Path(path)
    if not source.exists() or source.stat().st_size == 0:
        return None
    label = current or "leeg"
    earlier = sorted(source.parent.glob(f"{glob.escape(source.name)}.{label}.*.bak"))
    changed = source.stat().st_mtime_ns
    fresh = [p for p in earlier if p.stat().st_mtime_ns >= changed and p.stat().st_size > 0]
    if fresh:
        log.info("Reservekopie van deze versie bestaat al: %s", fresh[-1])
        return fresh[-1]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}.{label}.{stamp}.bak")
    temporary = source.with_name(f".{target.name}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)
        os.replace(temporary, target)
    except (sqlite3.Error, OSError) as error:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise _backup_fault(error, source, target) from None
    log.info("Reservekopie van de database gemaakt: %s", target)
    return target


def _backup_fault(error: BaseException, source: Path, target: Path) -> GrensverkeerError:
    if is_disk_full(error) or "disk is full" in str(error):
        return disk_full(
            f"de reservekopie ‘{target}’ (nodig voor het bijwerken van de database ‘{source}’)"
        )
    reason = os_reason(error) if isinstance(error, OSError) else str(error)
    return GrensverkeerError(
        f"De reservekopie ‘{target}’ kon niet worden gemaakt ({reason}), dus de database "
        f"‘{source}’ is niet bijgewerkt naar deze versie van Grensverkeer. Controleer of u in "
        f"de map ‘{source.parent}’ mag schrijven."
    )
