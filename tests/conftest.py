"""Shared fixtures: every test gets its own user directories, pseudonym key and database.

Storage and import tests run on SQLite and on PostgreSQL; each PostgreSQL test gets a schema of
its own that is dropped afterwards. In CI a missing server fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from grensverkeer.storage.database import Database, open_database

# ``builders`` (small spreadsheets made in the tests) is importable from every test folder.
sys.path.insert(0, str(Path(__file__).resolve().parent / "importing"))
from builders import school_list

from grensverkeer.cli import main
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import Importer
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.services.matrices.counted_matrix import pupil_matrix

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("GRENSVERKEER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TEST_KEY = "d3b07384d113edec49eaa6238ad5ff00c86f8f0d1e6b2a3c4d5e6f708192a3b4"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("GRENSVERKEER_HOME", str(home))
    monkeypatch.setenv("GRENSVERKEER_KEY", TEST_KEY)
    monkeypatch.delenv("GRENSVERKEER_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def qapp(qapp):  # pytest-qt's application, with the window's collector
    """As in the program (``ui.app.application``): cycles are collected on the GUI thread
    only, never by a worker that happens to allocate (which crashed Qt in these tests)."""
    from grensverkeer.ui.collector import install_collector

    install_collector(qapp)
    return qapp


@pytest.fixture(scope="session")
def pg_available() -> bool:
    engine = create_engine(PG_URL)
    try:
        with engine.connect():
            return True
    except OperationalError:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is niet bereikbaar op {PG_URL}, en in CI moet dat.")
        return False
    finally:
        engine.dispose()


@pytest.fixture
def pg_schema_url(pg_available: bool) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    if not pg_available:
        pytest.skip("PostgreSQL niet bereikbaar")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "grensverkeer.sqlite")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(str(tmp_path / "grensverkeer.sqlite"))
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the demo region, loaded once per run with the tests' key; tests
    work on copies (``demo_path``, ``demo_db``)."""
    from grensverkeer.pseudonym import Pseudonymizer
    from grensverkeer.services.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(str(path))
    try:
        load_demo(db, Pseudonymizer(TEST_KEY.encode()))
    finally:
        db.close()
    return path


@pytest.fixture
def demo_path(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    db = open_database(str(demo_path))
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def importer(db: Database) -> Importer:
    return Importer(db, load_pseudonymizer())


@pytest.fixture
def schools_loaded(importer: Importer, tmp_path: Path) -> Importer:
    (report,) = importer.import_files([school_list(tmp_path)])
    assert report.outcome is Outcome.STORED, report.errors
    return importer


@pytest.fixture
def cells(db: Database) -> Callable[[int], dict[tuple[str, str], int]]:
    def matrix_cells(start_year: int = 2024) -> dict[tuple[str, str], int]:
        return dict(pupil_matrix(db, SchoolYear(start_year)).cells)

    return matrix_cells


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def _record_boxes(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[tuple[str, str]]:
    """Message boxes recorded as (kind, text) instead of shown; questions answer ``yes``."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: object):
        def box(_parent: object, _title: str, text: str, *_args: object) -> object:
            shown.append((kind, text))
            return answer

        return staticmethod(box)

    ok, button = QMessageBox.StandardButton, QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "critical", record("fout", ok.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("info", ok.Ok))
    monkeypatch.setattr(QMessageBox, "warning", record("waarschuwing", ok.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("vraag", button.Yes if yes else button.No))
    return shown


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes recorded as (kind, text) instead of shown; questions answer Yes."""
    return _record_boxes(monkeypatch, yes=True)


@pytest.fixture(autouse=True)
def no_modal_boxes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """A message box in a test would wait for a click that never comes and hang the run (a
    failing worker in the wizard did, once). Unless the test records boxes itself (the
    ``messages`` fixture), every box is recorded instead, and the test fails on any."""
    if "messages" in request.fixturenames:
        yield
        return
    shown = _record_boxes(monkeypatch, yes=False)
    yield
    assert shown == [], f"onverwachte meldingen in het venster: {shown}"
