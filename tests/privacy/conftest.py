"""Fixtures for the privacy tests: the demo region on SQLite (copied from one load per session)
and on PostgreSQL, a BSN that is in it, and a login role that may only read."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.services.demo import load_demo
from grensverkeer.storage.database import Database, open_database


@pytest.fixture
def demo_sqlite(demo_db: Database) -> Database:
    """The demo region on a SQLite copy (the root conftest's ``demo_db``)."""
    return demo_db


@pytest.fixture
def demo_any(request: pytest.FixtureRequest, db_url: str, demo_file: Path, tmp_path: Path):
    """The demo region on SQLite (a copy) and on PostgreSQL (loaded into a fresh schema)."""
    if "://" not in db_url:
        shutil.copyfile(demo_file, db_url)
        database = open_database(db_url)
    else:
        database = open_database(db_url)
        load_demo(database, load_pseudonymizer())
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def reader_url(pg_schema_url: str) -> Iterator[str]:
    """A login role with SELECT (and nothing else) on the test schema; dropped afterwards.
    Yields the URL of the schema as that role; the schema itself is made by ``pg_schema_url``."""
    role = f"gv_lezer_{uuid.uuid4().hex[:10]}"
    url = make_url(pg_schema_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        yield url.set(username=role).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()
