"""Users who may only look: every read works, every write is refused before it starts.

On PostgreSQL a real login role with SELECT only; on SQLite a file the user may not write
(the check asks the operating system, which the test answers, since tests may run as root).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from builders import school_list
from privacy_helpers import BSN, grant_select, url_of
from sqlalchemy import create_engine, inspect, text

import grensverkeer.storage.read_only as read_only
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.demo import DEMO_TARIFFS, demo_dir, load_demo
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.storage.database import Database, open_database
from grensverkeer.storage.read_only import READ_ONLY, ReadOnlyError, can_write

Y = "2024-2025"


def reads(tmp_path: Path) -> list[list[object]]:
    out = tmp_path / "uit"
    out.mkdir(exist_ok=True)
    return [
        ["matrix", "--school-year", Y],
        ["matrix", "--school-year", Y, "--measure", "amount", "--format", "json"],
        ["settle", "--school-year", Y, "--format", "json"],
        ["analyse", "--school-year", Y],
        ["export", "--school-year", Y, "--out", out / "export.xlsx"],
        ["export", "--school-year", Y, "--format", "csv", "--out", out / "csv"],
        ["documents", "--school-year", Y, "--plan", "1", "--out", out / "documenten"],
        ["documents", "--school-year", Y, "--out", out / "concept"],
        ["plans"],
        ["plans", "show", "1"],
        ["imports"],
        ["tariff", "list"],
        ["settings", "--school-year", Y],
        ["members"],
        ["members", "--school-year", Y],
        ["mappings"],
        ["responsible", "--residence", "Naaldwijk", "--school", "42YG01"],
        ["privacy", "find", "--bsn", BSN],
        ["privacy", "log"],
        ["privacy", "retention"],
        ["privacy", "report"],
        ["privacy", "report", "--out", out / "verwerking.pdf"],
        ["privacy", "purge", "--school-year", Y, "--dry-run"],
    ]


def writes(tmp_path: Path) -> list[list[object]]:
    return [
        ["import", school_list(tmp_path)],
        ["tariff", "set", "--school-year", Y, "--type", "VSO", "--amount", "1"],
        ["tariff", "remove", "--school-year", Y, "--type", "VSO"],
        ["tariff", "import", "--school-year", "2025-2026", demo_dir() / DEMO_TARIFFS],
        ["settings", "--school-year", Y, "--pro-rata", "aan"],
        ["members", "add", "--from", "01-01-2026", "GM0546"],
        ["members", "end", "--per", "01-01-2026", "GM0518"],
        ["mappings", "save", "mijn", "bsn=Burgerservicenummer"],
        ["imports", "remove", "1"],
        ["settle", "--school-year", "2023-2024", "--finalize"],
        ["plans", "withdraw", "1", "--reason", "fout"],
        ["privacy", "remove", "--bsn", BSN, "--reason", "ouders"],
        ["privacy", "purge", "--school-year", Y],
        ["privacy", "retention", "--months", "12"],
    ]


def fingerprint(url: str) -> dict[str, str]:
    """Every table's rows, hashed: what "no change" is compared with."""
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    seen = {}
    with engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
            digest = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
            seen[table] = digest
    engine.dispose()
    return seen


def check_reader(cli, url: str, admin_url: str, tmp_path: Path) -> None:
    before = fingerprint(admin_url)
    for args in reads(tmp_path):
        code, _out, err = cli("--db", url, *args)
        assert code == 0, (args, err)
    for args in writes(tmp_path):
        code, out, err = cli("--db", url, *args)
        assert code == 2, (args, out, err)
        assert READ_ONLY in err, (args, err)
        assert "onverwacht" not in err
    assert fingerprint(admin_url) == before


def prepare(db: Database) -> None:
    finalize(db, compute_settlement(db, SchoolYear(2024), "multilateral"))


def test_a_select_only_role_reads_everything_and_writes_nothing(
    pg_schema_url: str, reader_url: str, cli, tmp_path: Path
) -> None:
    db = open_database(pg_schema_url)
    try:
        load_demo(db, load_pseudonymizer())
        prepare(db)
    finally:
        db.close()
    grant_select(pg_schema_url, reader_url)
    reader = open_database(reader_url)  # up to date: opened without migrating
    try:
        assert not can_write(reader.engine)
        with (
            pytest.raises(ReadOnlyError, match=READ_ONLY),
            reader.sessions.begin() as session,  # the engine hook: any write at all
        ):
            session.execute(text("DELETE FROM tariffs"))
    finally:
        reader.close()
    check_reader(cli, reader_url, pg_schema_url, tmp_path)


def test_a_read_only_sqlite_file_reads_everything_and_writes_nothing(
    demo_sqlite: Database, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare(demo_sqlite)
    path = url_of(demo_sqlite)
    demo_sqlite.close()
    real_access = read_only.os.access

    def access(target: object, mode: int) -> bool:
        if Path(str(target)) in (Path(path), Path(path).parent) and mode == read_only.os.W_OK:
            return False
        return real_access(target, mode)

    monkeypatch.setattr(read_only.os, "access", access)
    check_reader(cli, path, path, tmp_path)


def test_an_outdated_database_is_not_migrated_by_a_reader(
    demo_sqlite: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    from grensverkeer.storage.database import alembic_config, current_revision

    path = url_of(demo_sqlite)
    config = alembic_config()
    with demo_sqlite.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    assert current_revision(demo_sqlite.engine) == "0005"
    demo_sqlite.close()
    monkeypatch.setattr(read_only, "_sqlite_writable", lambda _database: False)
    with pytest.raises(ReadOnlyError, match=READ_ONLY):
        open_database(path)
