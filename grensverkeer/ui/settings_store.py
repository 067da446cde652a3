"""What the window remembers between starts, through ``QSettings``, with typed defaults here.

Every key, its type and its default are in ``KEYS``; nothing else in the UI reads or writes
``QSettings`` directly. The real store is ``QSettings("Grensverkeer", "Grensverkeer")``; when
``GRENSVERKEER_HOME`` is set (tests, demos, a portable install) it is an ini file in that
directory's config folder instead, so a test never touches the user's own settings.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from grensverkeer.paths import HOME_ENV, config_dir

ORGANISATION = "Grensverkeer"
APPLICATION = "Grensverkeer"
MAX_RECENT = 8


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    name: str
    type: type[T]
    default: T


GEOMETRY = Key("venster/geometrie", QByteArray, QByteArray())
LAST_PAGE = Key("venster/laatste_pagina", str, "overzicht")
SCHOOL_YEAR = Key("venster/schooljaar", int, 0)  # start year; 0: the latest with data
# databases: SQLite paths or URLs, no password
RECENT_FILES: Key[list[str]] = Key("bestanden/recent", list, [])
LAST_DATABASE = Key("database/laatste", str, "")  # "" : GRENSVERKEER_DB or the default file

KEYS = (GEOMETRY, LAST_PAGE, SCHOOL_YEAR, RECENT_FILES, LAST_DATABASE)


def default_settings() -> QSettings:
    """The user's settings, or an ini file under ``GRENSVERKEER_HOME`` when that is set."""
    if os.environ.get(HOME_ENV):
        path = config_dir() / "grensverkeer.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


class SettingsStore:
    """Typed access to the remembered values; ``settings`` defaults to ``default_settings()``."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else default_settings()

    @classmethod
    def at(cls, path: Path) -> SettingsStore:
        """A store in an ini file of its own (tests)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, key: Key[T]) -> T:
        if not self.settings.contains(key.name):
            return copy.copy(key.default)
        try:
            value = self.settings.value(key.name, key.default, key.type)
        except (TypeError, ValueError):  # a hand-edited or foreign value: the default
            return copy.copy(key.default)
        if key.type is list:  # QSettings gives a list here (None when it was stored empty)
            items = value if isinstance(value, list) else []
            value = [str(item) for item in items if str(item)]
        return value if isinstance(value, key.type) else copy.copy(key.default)

    def set(self, key: Key[T], value: T) -> None:
        self.settings.setValue(key.name, value)

    def sync(self) -> None:
        self.settings.sync()

    # Named accessors: what the window uses -----------------------------------------------

    def geometry(self) -> QByteArray:
        return self.get(GEOMETRY)

    def set_geometry(self, value: QByteArray) -> None:
        self.set(GEOMETRY, value)

    def last_page(self) -> str:
        return self.get(LAST_PAGE)

    def set_last_page(self, name: str) -> None:
        self.set(LAST_PAGE, name)

    def school_year(self) -> int:
        return self.get(SCHOOL_YEAR)

    def set_school_year(self, start_year: int) -> None:
        self.set(SCHOOL_YEAR, start_year)

    def recent_files(self) -> list[str]:
        return self.get(RECENT_FILES)

    def add_recent_file(self, target: str) -> list[str]:
        """Put ``target`` first; the list keeps ``MAX_RECENT`` entries without doubles."""
        recent = [target, *(item for item in self.recent_files() if item != target)]
        recent = recent[:MAX_RECENT]
        self.set(RECENT_FILES, recent)
        return recent

    def last_database(self) -> str:
        return self.get(LAST_DATABASE)

    def set_last_database(self, target: str) -> None:
        self.set(LAST_DATABASE, target)
