"""Users who may only look: every write is refused in Dutch before it is done.

One cheap check per database, cached: on PostgreSQL whether the user may insert into
``pupil_records`` (a role with SELECT only may not), on SQLite whether the file and its folder
may be written. Two places use it, so no write path can forget it: ``exclusive()`` (imports,
plans, privacy) refuses at its start, and an engine hook refuses every INSERT, UPDATE, DELETE
or DDL statement before it reaches the database (tariffs, settings, mappings and the rest).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from grensverkeer.errors import GrensverkeerError

READ_ONLY = "u hebt alleen leesrechten op deze database"
_WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "REPLACE")
_WRITABLE: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()
log = logging.getLogger(__name__)


class ReadOnlyError(GrensverkeerError):
    """A write by a user with read rights only; nothing was done."""


def read_only_error(engine: Engine) -> ReadOnlyError:
    return ReadOnlyError(
        f"Dit kan niet: {READ_ONLY} ({_name(engine)}). Er is niets veranderd. Vraag de "
        "beheerder om schrijfrechten (de rol grensverkeer_schrijver) als u gegevens wilt "
        "importeren of wijzigen."
    )


def can_write(engine: Engine) -> bool:
    """Whether this user may change the data, asked once per engine."""
    known = _WRITABLE.get(engine)
    if known is None:
        known = _WRITABLE[engine] = _ask(engine)
    return known


def require_write(engine: Engine) -> None:
    """Refuse, before any work, a write by a user who may only read."""
    if not can_write(engine):
        raise read_only_error(engine)


def guard_writes(engine: Engine) -> None:
    """Refuse every writing statement of a read-only user before it reaches the database."""
    event.listen(engine, "before_cursor_execute", _refuse_write)


def _refuse_write(
    connection: Connection,
    _cursor: object,
    statement: str,
    _parameters: object,
    _context: object,
    _executemany: bool,
) -> None:
    if statement.lstrip()[:7].upper().startswith(_WRITES):
        require_write(connection.engine)


def _ask(engine: Engine) -> bool:
    if engine.dialect.name == "sqlite":
        return _sqlite_writable(engine.url.database)
    if engine.dialect.name != "postgresql":
        return True
    try:
        with engine.connect() as connection:
            allowed = connection.execute(
                text("SELECT has_table_privilege(current_user, 'pupil_records', 'INSERT')")
            ).scalar()
    except SQLAlchemyError as error:  # no table yet (a new database): the write will tell
        log.info("Schrijfrechten niet vast te stellen: %s", error)
        return True
    return bool(allowed)


def _sqlite_writable(database: str | None) -> bool:
    """A file the user may not write, or in a folder where SQLite cannot put its journal."""
    if not database or database == ":memory:":
        return True
    path = Path(database)
    if not path.exists():
        return os.access(path.parent, os.W_OK)
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _name(engine: Engine) -> str:
    if engine.dialect.name == "sqlite" and engine.url.database:
        return engine.url.database
    return engine.url.render_as_string(hide_password=True)
