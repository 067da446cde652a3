"""Copying a bundled default table into the database once, safely when two programs start at once.

The first program to finish its seeding transaction wins; the other's insert of the same
marker row fails on the primary key and is rolled back whole, which leaves exactly one copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.exc import IntegrityError

from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import Base, MetaRow


def seed_once(db: Database, marker: str, rows: Callable[[], Iterable[Base]]) -> None:
    """Insert ``rows()`` and the ``marker`` in one transaction, unless the marker exists."""
    with db.sessions() as session:
        if session.get(MetaRow, marker) is not None:
            return
    try:
        with db.sessions.begin() as session:
            session.add_all(rows())
            session.add(MetaRow(key=marker, value="ja"))
    except IntegrityError:
        with db.sessions() as session:
            if session.get(MetaRow, marker) is None:
                raise
