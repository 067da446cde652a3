"""What the privacy tests share besides fixtures: a BSN in the demo region, the ``--db`` of a
database, and granting the read-only role its rights. A module of its own, because two
``conftest`` modules cannot both be imported by that name."""

from __future__ import annotations

from sqlalchemy import create_engine, make_url, text

from grensverkeer.storage.database import Database

# In the demo's Westland extract (2024-2025) and in the regional extract of 2023-2024.
BSN = "867126887"
BSN_YEARS = ("2023-2024", "2024-2025")


def url_of(db: Database) -> str:
    """What ``--db`` takes for this database (the password kept)."""
    if db.engine.dialect.name == "sqlite":
        return str(db.engine.url.database)
    return db.engine.url.render_as_string(hide_password=False)


def grant_select(pg_schema_url: str, reader_url: str) -> None:
    """SELECT on every table of the schema for the reader (after the tables exist)."""
    role = make_url(reader_url).username
    schema = make_url(pg_schema_url).query["options"].split("=")[-1]
    admin = create_engine(pg_schema_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
        connection.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"'))
    admin.dispose()
