"""Opening a database: a SQLite file of the user's or a shared PostgreSQL, migrated on open.

Migrations run automatically; a user's SQLite file is copied aside first, so a failed upgrade
never costs data. On PostgreSQL an advisory lock keeps two programs from migrating at once.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from grensverkeer.errors import GrensverkeerError
from grensverkeer.paths import default_database_path

if TYPE_CHECKING:
    from alembic.config import Config

DB_ENV = "GRENSVERKEER_DB"
_MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 7_214_001
_WRITE_LOCK = 7_214_002
WAIT_SECONDS = 60
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Database:
    """An open, migrated database and the sessions on it."""

    engine: Engine
    sessions: sessionmaker[Session]

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
    url_text = database_url(target)
    try:
        url = make_url(url_text)
    except ArgumentError:
        raise GrensverkeerError(f"‘{url_text}’ is geen geldige database-URL.") from None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    sqlite_file = url.get_backend_name() == "sqlite"
    # a writer waits this long for another program's import to finish before it gives up
    arguments = {"timeout": WAIT_SECONDS} if sqlite_file else {}
    try:
        engine = create_engine(url, pool_pre_ping=not sqlite_file, connect_args=arguments)
    except (NoSuchModuleError, ImportError):
        raise GrensverkeerError(
            f"‘{url_text}’ is geen geldige database-URL: gebruik sqlite of postgresql+psycopg."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as error:
        engine.dispose()
        raise GrensverkeerError(
            f"De database {url.render_as_string(hide_password=True)} is niet bereikbaar: "
            f"{str(error.orig).strip().splitlines()[0]}"
        ) from None
    return Database(engine, sessionmaker(engine, expire_on_commit=False))


@contextmanager
def exclusive(db: Database) -> Iterator[Database]:
    """The database as one writer sees it: everything read and written through the view is one
    transaction that no other writer (another import, a plan being finalised) can interleave
    with. SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock. Other
    writers wait for it; readers are not held up. Committed when the block ends without error.
    """
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


def _sqlite_pragmas(connection: sqlite3.Connection, _record: object) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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

    ``base`` downgrades everything; tests use it to make an "old" database.
    """
    current = current_revision(engine)
    if revision == "head" and current == schema_revision():
        return
    from alembic import command

    config = alembic_config()
    backup_sqlite(engine, current)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        if revision == "base":
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)


def backup_sqlite(engine: Engine, current: str | None) -> Path | None:
    """Copy an existing SQLite database aside before its schema changes."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        return None
    source = Path(path)
    if not source.exists() or source.stat().st_size == 0:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}.{current or 'leeg'}.{stamp}.bak")
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    log.info("Reservekopie van de database gemaakt: %s", target)
    return target
