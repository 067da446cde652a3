"""How an engine connects: how long it waits for another writer, how it names itself to
PostgreSQL, SQLite's foreign keys, and database errors in Dutch as they happen. Apart from
``database`` so that opening and migrating read without these details."""

from __future__ import annotations

import socket
import sqlite3

from sqlalchemy import Engine
from sqlalchemy.engine import URL, ExceptionContext

from grensverkeer.storage.faults import database_fault
from grensverkeer.who_when import os_user

PG_DRIVERS = ("psycopg", "psycopg2")


def describe(engine: Engine) -> str:
    """The database as a user names it: the file's path, or the URL without its password."""
    if engine.dialect.name == "sqlite" and engine.url.database:
        return engine.url.database
    return engine.url.render_as_string(hide_password=True)


def connect_arguments(url: URL, wait_seconds: float) -> dict[str, object]:
    """SQLite waits ``wait_seconds`` for another writer; PostgreSQL as long for a lock, and
    names the program and user, so a waiting writer can be told who holds the lock."""
    if url.get_backend_name() == "sqlite":
        return {"timeout": wait_seconds}
    if url.get_backend_name() != "postgresql" or url.get_driver_name() not in PG_DRIVERS:
        return {}
    given = url.query.get("options", "")
    given = " ".join(given) if isinstance(given, tuple) else given
    options = f"-c lock_timeout={int(wait_seconds * 1000)} {given}"
    arguments: dict[str, object] = {"options": options.strip()}
    if "application_name" not in url.query:
        arguments["application_name"] = application_name()
    return arguments


def application_name() -> str:
    """``grensverkeer (user@host)``, as another writer's message shows it."""
    return f"grensverkeer ({os_user() or '?'}@{socket.gethostname()})"


def in_dutch(context: ExceptionContext) -> BaseException | None:
    """Every database error as it happens: a fault the user can act on becomes Dutch."""
    engine = context.engine
    name = describe(engine) if engine is not None else None
    return database_fault(context.original_exception, name, engine)


def sqlite_pragmas(connection: sqlite3.Connection, _record: object) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
