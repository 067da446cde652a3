"""Faults of the disk and the database in plain Dutch: one place that knows the words.

SQLite and PostgreSQL report a full disk, a read-only file, a lock held by another writer or a
damaged file as an exception with an English text. ``database_fault`` turns such an exception
into a ``GrensverkeerError`` a user can act on (or ``None`` when it is not one of these), and
``known_fault`` does the same for anything that reaches the top of the CLI or a worker. The
engine made by ``open_database`` applies ``database_fault`` to every error as it happens, so the
message can name the file and, on PostgreSQL, who holds the write lock.

No SQLAlchemy import at module level: the key file (``pseudonym``) uses the disk part as well.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from grensverkeer.errors import GrensverkeerError
from grensverkeer.file_faults import disk_full, file_fault

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

# The advisory locks of storage.database: the writer's and the migration's.
WRITE_LOCK = 7_214_002
MIGRATION_LOCK = 7_214_001

_PG_DISK_FULL = {"53100"}
_PG_LOCKED = {"55P03"}
_PG_READ_ONLY = {"25006"}
_PG_DAMAGED = {"XX001", "XX002"}
_PG_NO_RIGHTS = {"42501"}


def quoted(name: str | None) -> str:
    """‘name’ with a space after it, or nothing: "de database ‘x’ is …" or "de database is …"."""
    return f"‘{name}’ " if name else ""


def database_fault(
    error: BaseException, name: str | None = None, engine: Engine | None = None
) -> GrensverkeerError | None:
    """The Dutch message for a database error a user can do something about, else ``None``.

    ``error`` is the driver's exception or SQLAlchemy's wrapper of it; ``name`` the file or URL
    shown; ``engine`` lets a PostgreSQL lock message say who holds the lock.
    """
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError):
        return file_fault(original, f"de wijziging in de database {quoted(name)}".rstrip())
    sqlstate = getattr(original, "sqlstate", None)
    if isinstance(sqlstate, str):
        return _postgresql_fault(original, sqlstate, name, engine)
    if isinstance(original, sqlite3.Error):
        return _sqlite_fault(original, name)
    return None


def known_fault(error: BaseException) -> GrensverkeerError | None:
    """For the top of the CLI and the workers: a fault the user can act on, in Dutch."""
    if isinstance(error, GrensverkeerError):
        return error
    if isinstance(error, OSError):
        return file_fault(error)
    return database_fault(error)


def _sqlite_fault(error: sqlite3.Error, name: str | None) -> GrensverkeerError | None:
    text = str(error).lower()
    the = f"De database {quoted(name)}".rstrip()
    if "database or disk is full" in text:
        return disk_full(f"de wijziging in de database {quoted(name)}".rstrip())
    if "readonly database" in text or "read-only database" in text:
        return read_only(name)
    if "database is locked" in text or "database table is locked" in text:
        return locked(name)
    if "file is not a database" in text or "disk image is malformed" in text:
        return damaged(name, str(error))
    if "unable to open database file" in text:
        return GrensverkeerError(
            f"{the} kan niet worden geopend: het bestand of de map waarin het staat is niet "
            "toegankelijk (bestaat de map, en mag u erin schrijven?)."
        )
    if "disk i/o error" in text:
        return GrensverkeerError(
            f"{the} kon niet worden gelezen of geschreven (een fout van de schijf). "
            "Controleer de schijf of de netwerkverbinding en probeer opnieuw."
        )
    return None


def _postgresql_fault(
    error: BaseException, sqlstate: str, name: str | None, engine: Engine | None
) -> GrensverkeerError | None:
    the = f"De database {quoted(name)}".rstrip()
    if sqlstate in _PG_DISK_FULL:
        return GrensverkeerError(
            f"De schijf van de databaseserver is vol: de wijziging in de database "
            f"{quoted(name)}is niet opgeslagen; laat de beheerder ruimte vrijmaken en "
            "probeer opnieuw."
        )
    if sqlstate in _PG_LOCKED:
        return locked(name, pg_lock_holder(engine) if engine is not None else None)
    if sqlstate in _PG_READ_ONLY:
        return read_only(name)
    if sqlstate in _PG_DAMAGED:
        return damaged(name, str(error).strip().splitlines()[0])
    if sqlstate in _PG_NO_RIGHTS:
        return GrensverkeerError(
            f"{the} staat dit niet toe: uw databasegebruiker heeft er de rechten niet voor "
            f"({str(error).strip().splitlines()[0]}). Vraag de beheerder om die rechten."
        )
    return None


def read_only(name: str | None) -> GrensverkeerError:
    return GrensverkeerError(
        f"De database {quoted(name)}is alleen-lezen: er kan niets in worden opgeslagen. "
        "Geef uzelf schrijfrechten op het bestand en op de map waarin het staat, of kies een "
        "andere database."
    )


def locked(name: str | None, holder: str | None = None) -> GrensverkeerError:
    who = f" — dat is {holder}" if holder else ""
    return GrensverkeerError(
        f"De database {quoted(name)}is bezet door een ander programma dat schrijft "
        f"(bijvoorbeeld een import){who}; probeer het zo opnieuw."
    )


def damaged(name: str | None, detail: str) -> GrensverkeerError:
    return GrensverkeerError(
        f"De database {quoted(name)}is beschadigd ({detail}). Zet een reservekopie terug; "
        "de reservekopieën die Grensverkeer maakt staan naast de database, met .bak aan het eind."
    )


def not_a_database(name: str) -> GrensverkeerError:
    return GrensverkeerError(
        f"‘{name}’ is geen Grensverkeer-database (geen SQLite-bestand of beschadigd)."
    )


def pg_lock_holder(engine: Engine) -> str | None:
    """Who holds the write (or migration) lock: the program's name, user and address as
    PostgreSQL knows them. ``None`` when that cannot be seen; the message then goes without."""
    from sqlalchemy import text

    query = text(
        "SELECT a.application_name, a.usename, host(a.client_addr) "
        "FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objsubid = 1 "
        f"AND l.objid::bigint IN ({WRITE_LOCK}, {MIGRATION_LOCK}) "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.pid <> pg_backend_pid() "
        "ORDER BY l.objid DESC LIMIT 1"
    )
    try:
        with engine.connect() as connection:
            row = connection.execute(query).first()
    except Exception:  # the message is complete without it
        log.info("Wie de database bezet houdt, is niet te zien.", exc_info=True)
        return None
    if row is None:
        return None
    program, user, address = row
    parts = [program or "een programma zonder naam"]
    if user:
        parts.append(f"databasegebruiker {user}")
    if address:
        parts.append(f"vanaf {address}")
    return ", ".join(parts)
