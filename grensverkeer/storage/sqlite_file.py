"""A user's SQLite file before SQLite touches it: a folder, a file of another kind or a
mistyped folder is refused in Dutch, and a new file that opening left empty is removed again.
Apart from ``database`` because it is about files, not about the database in them."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from grensverkeer.errors import GrensverkeerError
from grensverkeer.file_faults import os_reason
from grensverkeer.paths import data_dir
from grensverkeer.storage.faults import database_fault, not_a_database

SQLITE_HEADER = b"SQLite format 3\x00"


def prepare_sqlite_file(path: Path, wait_seconds: float) -> bool:
    """Refuse a folder or a file that is not a SQLite database before SQLite touches it, and a
    new file in a folder that does not exist (a mistyped path must not become a new database);
    only the program's own data folder is made. Returns whether the file is new (and may go if
    opening fails)."""
    if path.is_dir():
        raise GrensverkeerError(
            f"‘{shown_path(path)}’ is een map, geen databasebestand; geef het pad naar een "
            ".sqlite-bestand."
        )
    try:
        _check_folder(path)
        size = path.stat().st_size if path.exists() else None
        if size is None:
            _create_private(path)
            return True
        if not size:
            return False
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        raise GrensverkeerError(
            f"De database ‘{path}’ kan niet worden geopend ({os_reason(error)})."
        ) from None
    if header != SQLITE_HEADER:
        raise not_a_database(shown_path(path))
    connection = sqlite3.connect(path, timeout=wait_seconds)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        detail = str(error)
        if "file is not a database" in detail or "malformed" in detail:
            raise not_a_database(shown_path(path)) from None
        raise database_fault(error, str(path)) or GrensverkeerError(
            f"De database ‘{path}’ kan niet worden geopend ({detail})."
        ) from None
    finally:
        connection.close()
    return False


def shown_path(path: Path) -> str:
    """A path as the user typed it, near enough: relative to the working folder when inside it
    (``--db README.md`` is said as ‘README.md’), else whole."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _check_folder(path: Path) -> None:
    """The folder of a database file must exist; the user data folder is made when needed."""
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise GrensverkeerError(
            f"‘{shown_path(folder)}’ is een bestand, geen map; de database ‘{path.name}’ kan "
            "daar niet staan."
        )
    if folder.expanduser().resolve() == data_dir().expanduser().resolve():
        folder.mkdir(parents=True, exist_ok=True)
        return
    raise GrensverkeerError(
        f"De map ‘{shown_path(folder)}’ bestaat niet, dus daar kan geen database "
        f"‘{path.name}’ worden aangemaakt. Controleer het pad, of maak de map eerst aan."
    )


def remove_if_empty(path: Path) -> None:
    """A database file this open created and left without content goes again."""
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass


def _create_private(path: Path) -> None:
    """A new database file readable by its owner only (it holds pupils' pseudonyms and where
    they live); SQLite gives its journal files the same rights. Made empty here, SQLite then
    fills it as a new database."""
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)
