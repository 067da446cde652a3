"""docs/roles.sql gives the reader SELECT only and the writer data rights, never the audit."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from grensverkeer.storage.database import Database

ROLES_SQL = Path(__file__).resolve().parents[2] / "docs" / "roles.sql"


def test_the_roles_script_grants_what_the_documentation_says(pg_schema_url: str) -> None:
    from grensverkeer.storage.database import open_database

    open_database(pg_schema_url).close()  # the schema at its newest version
    engine = create_engine(pg_schema_url)
    try:
        with engine.connect() as connection:
            transaction = connection.begin()  # roles are made and dropped with it
            script = ROLES_SQL.read_text(encoding="utf-8")
            cursor = connection.connection.dbapi_connection.cursor()  # as psql runs it
            cursor.execute(script)
            cursor.execute(script)  # again: nothing fails

            def may(role: str, table: str, what: str) -> bool:
                query = text("SELECT has_table_privilege(:role, :table, :what)")
                return connection.execute(
                    query, {"role": role, "table": table, "what": what}
                ).scalar()

            for table in ("pupil_records", "plans", "privacy_log", "alembic_version"):
                assert may("grensverkeer_lezer", table, "SELECT")
                assert not may("grensverkeer_lezer", table, "INSERT")
                assert not may("grensverkeer_lezer", table, "UPDATE")
                assert not may("grensverkeer_lezer", table, "DELETE")
                assert may("grensverkeer_schrijver", table, "SELECT")
                assert may("grensverkeer_schrijver", table, "INSERT")
            assert may("grensverkeer_schrijver", "pupil_records", "DELETE")
            assert not may("grensverkeer_schrijver", "privacy_log", "DELETE")
            assert not may("grensverkeer_schrijver", "privacy_log", "UPDATE")
            transaction.rollback()
    finally:
        engine.dispose()


def test_writer_role_is_recognised_as_a_writer(db: Database) -> None:
    from grensverkeer.storage.read_only import can_write

    assert can_write(db.engine)
