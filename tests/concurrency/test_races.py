"""Races started for real (issue 12): separate OS processes on one database, released together.

Every race runs in worker processes of the "spawn" kind (:mod:`racers`), on a SQLite file and on
a PostgreSQL schema, many times over, each time on a new database. The tests check what is
stored and what each process was told, never how long anything took: a right outcome is right
whichever process won.

How we know the races really overlap: every job records (``time.monotonic``, one clock for all
processes) when it passed the shared barrier and when it reached each step: the importer's
progress calls ``Lezen``, ``Importeren`` (parsed, just before the locked decide-and-store) and
``Klaar``; a plan's ``berekend`` and ``Klaar``. A repetition counts as overlapped when both
extracts were read and parsed before either was stored (conflicting extracts: the window in
which the code before the lock stored both); a loser of the same file counts when it got past
the duplicate check made before the lock, so only the check inside the lock could stop it; two
finalises overlap when both plans were computed before either was stored. Each test prints its
count (``pytest -s``). Measured on a 2-CPU machine with 3,000-row extracts (an import takes
60-120 ms): conflicting extracts 7-8 of 8 repetitions on both databases; the same file 16 of
16 losers stopped inside the lock on both; two finalises 2-6 of 6 on SQLite, 5-6 of 6 on
PostgreSQL; plan against import: the sweep of start delays gives, on both databases, plans
from before the import, refusals ("veranderd sinds de berekening") and plans from after it (all
three in nearly every run). The same tests run against the code before the lock (commit
1011ed2) fail on both databases: conflicting extracts both stored or ending in a general error
in 6 of 8 repetitions, a general error instead of "al geïmporteerd" in 8 of 8, a plan whose
amounts miss pupils it counts in 2 of 8.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import pytest
from builders import flows_extract, school_list
from racers import MESSAGE, PLAN, FinalizeJob, ImportJob, Racers, Result
from sqlalchemy import create_engine, func, select, text

from grensverkeer.domain import EduType, FileKind
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.imports.reports import ImportReport, Outcome
from grensverkeer.services.matrices.counted_matrix import pupil_matrix
from grensverkeer.services.plans.finalized_plans import (
    get_plan,
    inputs_hash,
    list_plans,
    plan_inputs,
)
from grensverkeer.services.settling.year_settlement import compute_settlement, settlement_result
from grensverkeer.services.years.tariffs import set_tariff
from grensverkeer.settlement_result import SettlementResult
from grensverkeer.storage.database import Database, open_database
from grensverkeer.storage.schema import ImportBatch, PupilRecordRow

pytestmark = pytest.mark.slow

PG_URL = os.environ.get("GRENSVERKEER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
Y = SchoolYear(2024)
TARIFF = 100_000  # cents per VSO pupil
ROUNDS = 8

# The same 3,000 pupils (the same BSNs, in the same order) at other schools or living elsewhere:
# every pupil of one extract conflicts with the same pupil in the other.
FIRST = {("GM0503", "GM0518"): 1500, ("GM0518", "GM0503"): 1000, ("GM0603", "GM0518"): 500}
SECOND = {("GM0518", "GM0546"): 1000, ("GM0546", "GM0503"): 1500, ("GM0603", "GM0503"): 500}
# For the plans: what is stored before the race, and 3,000 new pupils imported during it.
BASE = {("GM0503", "GM0518"): 300, ("GM0518", "GM0503"): 100, ("GM0603", "GM0518"): 200}
NEW = {("GM0603", "GM0503"): 1200, ("GM0546", "GM0518"): 1000, ("GM0518", "GM0546"): 800}


@pytest.fixture(scope="module")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The spreadsheets, written once (openpyxl takes a third of a second per file)."""
    folder = tmp_path_factory.mktemp("extracts")
    return {
        "first": flows_extract(folder / "swv-eerste.xlsx", FIRST),
        "second": flows_extract(folder / "swv-tweede.xlsx", SECOND),
        "base": flows_extract(folder / "swv-basis.xlsx", BASE),
        "new": flows_extract(folder / "swv-nieuw.xlsx", NEW, first_bsn=400_000_000),
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes a new, empty database per call: a SQLite file, or a PostgreSQL schema of its own
    (dropped afterwards). PostgreSQL follows conftest: a failure in CI, a skip elsewhere."""
    schemas: list[str] = []
    if request.param == "sqlite":
        yield lambda: str(tmp_path / f"race-{uuid.uuid4().hex[:8]}.sqlite")
        return
    if not request.getfixturevalue("pg_available"):
        pytest.skip("PostgreSQL niet bereikbaar")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        return f"{PG_URL}?options=-csearch_path%3D{schema}"

    try:
        yield make
    finally:
        with admin.connect() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _import(db: Database, *paths: Path) -> list[ImportReport]:
    importer = Importer(db, load_pseudonymizer())
    return [importer.import_files([p], ImportOptions(school_year=Y))[0] for p in paths]


def _database(url: str, tmp_path: Path, *paths: Path, tariff: bool = False) -> str:
    """The region's school list, then ``paths`` one after the other (and the VSO tariff)."""
    db = open_database(url)
    try:
        reports = _import(db, school_list(tmp_path), *paths)
        assert [r.outcome for r in reports] == [Outcome.STORED] * len(reports), reports
        if tariff:
            set_tariff(db, Y, EduType.VSO, TARIFF)
    finally:
        db.close()
    return url


def _reference(tmp_path: Path, *paths: Path, tariff: bool = False) -> Database:
    """The same files imported one by one, without any race, into a SQLite file of their own."""
    db = open_database(str(tmp_path / f"ref-{uuid.uuid4().hex[:8]}.sqlite"))
    reports = _import(db, school_list(tmp_path), *paths)
    assert reports[0].outcome is Outcome.STORED
    if tariff:
        set_tariff(db, Y, EduType.VSO, TARIFF)
    return db


def _cells(db: Database) -> dict[tuple[str, str], object]:
    return dict(pupil_matrix(db, Y).cells)


def _stored_pupil_imports(db: Database) -> list[int]:
    with db.sessions() as session:
        return list(
            session.scalars(
                select(ImportBatch.id).where(ImportBatch.kind == str(FileKind.PUPILS))
            ).all()
        )


def _enrolments(db: Database) -> tuple[int, int, int]:
    """Records, pupils, and pupils with more than one enrolment in the school year."""
    year = PupilRecordRow.school_year == Y.start_year
    with db.sessions() as session:
        records = session.scalar(select(func.count()).select_from(PupilRecordRow).where(year))
        pupils = session.scalar(
            select(func.count(func.distinct(PupilRecordRow.pseudonym))).where(year)
        )
        twice = session.scalar(
            select(func.count()).select_from(
                select(PupilRecordRow.pseudonym)
                .where(year)
                .group_by(PupilRecordRow.pseudonym)
                .having(func.count() > 1)
                .subquery()
            )
        )
    return records, pupils, twice


def _codes(report: ImportReport) -> dict[str, int]:
    return dict(Counter(issue.code for issue in report.errors))


def _described(results: list[Result]) -> list[tuple[str, str, dict[str, int], tuple[str, ...]]]:
    return [(r.outcome, r.message[-1500:], r.error_codes, r.notes) for r in results]


def test_two_conflicting_extracts_at_once_store_exactly_one(new_url, extracts, tmp_path) -> None:
    """Two users import extracts that put the same pupils elsewhere, at the same moment: one is
    stored, the other refused for its conflicts exactly as if it had come second."""
    first, second = extracts["first"], extracts["second"]
    # without a race: each stored alone, and what the other is told when it comes second
    alone, told_second = {}, {}
    for winner, loser in ((first, second), (second, first)):
        reference = _reference(tmp_path, winner)
        alone[winner] = _cells(reference)
        (late,) = _import(reference, loser)
        reference.close()
        assert late.outcome is Outcome.REFUSED
        told_second[loser] = _codes(late)
        assert told_second[loser]["conflict"] == 3000
    assert alone[first] == FIRST and alone[second] == SECOND

    overlapped = 0
    with Racers(2) as racers:
        for _ in range(ROUNDS):
            url = _database(new_url(), tmp_path)
            results = racers.race(
                ImportJob(url, str(first), 2024), ImportJob(url, str(second), 2024)
            )
            by_file = dict(zip((first, second), results, strict=True))
            outcomes = sorted(r.outcome for r in results)
            assert outcomes == [Outcome.REFUSED, Outcome.STORED], _described(results)
            stored = next(path for path, r in by_file.items() if r.outcome == Outcome.STORED)
            refused = second if stored == first else first
            assert by_file[refused].error_codes == told_second[refused]
            db = open_database(url)
            try:
                assert _stored_pupil_imports(db) == [by_file[stored].import_id]
                assert _enrolments(db) == (3000, 3000, 0)
                assert _cells(db) == alone[stored]
            finally:
                db.close()
            # both had read and parsed their file before either stored: the old race window
            overlapped += max(r.at("Importeren") for r in results) < min(
                r.at("Klaar") for r in results
            )
    print(f"\nconflicterende extracten: {overlapped} van {ROUNDS} keer echt tegelijk")


def test_the_same_file_three_times_at_once_is_stored_once(new_url, extracts, tmp_path) -> None:
    """Three users import the same file at the same moment: one import, the others are told it
    was imported already (with its number), never a general error."""
    path = extracts["first"]
    reference = _reference(tmp_path, path)
    alone = _cells(reference)
    reference.close()

    overlapped = 0
    with Racers(3) as racers:
        for _ in range(ROUNDS):
            url = _database(new_url(), tmp_path)
            results = racers.race(*(ImportJob(url, str(path), 2024) for _ in range(3)))
            outcomes = sorted(r.outcome for r in results)
            assert outcomes == [Outcome.ALREADY, Outcome.ALREADY, Outcome.STORED], _described(
                results
            )
            (winner,) = [r for r in results if r.outcome == Outcome.STORED]
            assert winner.rows_stored == 3000
            for loser in (r for r in results if r is not winner):
                assert loser.error_codes == {}
                (note,) = loser.notes
                assert f"al geïmporteerd als import {winner.import_id} (swv-eerste.xlsx)" in note
            db = open_database(url)
            try:
                assert _stored_pupil_imports(db) == [winner.import_id]
                assert _enrolments(db) == (3000, 3000, 0)
                assert _cells(db) == alone
            finally:
                db.close()
            # a loser that got to "Importeren" found nothing at the check before the lock: the
            # winner had not stored yet, and the check inside the lock had to stop it
            overlapped += sum("Importeren" in r.stamps for r in results if r is not winner)
    print(f"\nhetzelfde bestand: {overlapped} van {2 * ROUNDS} verliezers pas in de lock gestopt")


def _state(tmp_path: Path, *paths: Path) -> tuple[dict[str, object], SettlementResult]:
    """A plan's inputs and result when the files are all there is."""
    reference = _reference(tmp_path, *paths, tariff=True)
    try:
        run = compute_settlement(reference, Y, "multilateral")
        return plan_inputs(reference, run), settlement_result(run)
    finally:
        reference.close()


def _amounts_follow_pupils(inputs: dict[str, object]) -> bool:
    """The plan's amounts are its own pupil counts times the tariff: one snapshot."""
    pupils = {(p["from"], p["to"]): Fraction(p["value"]) for p in inputs["pupils"]}
    amounts = {(a["from"], a["to"]): a["cents"] for a in inputs["amounts"]}
    assert inputs["tariffs"] == [{"type": "VSO", "arrangement": "", "cents": TARIFF}]
    return amounts == {cell: int(count * TARIFF) for cell, count in pupils.items()}


def test_finalizing_while_an_import_runs_refuses_or_keeps_one_snapshot(
    new_url, extracts, tmp_path
) -> None:
    """``settle --finalize`` while another user imports new pupils for the same school year:
    the plan is refused ("veranderd sinds de berekening"), or it holds the data entirely from
    before the import or entirely from after it; never the pupils of one and the amounts of the
    other. The import itself is never held up for good nor refused.

    The finalising process starts a little later each repetition (a fraction of the previous
    import's duration), so the repetitions sweep the whole import: plan first, plan refused,
    import first."""
    base, new = extracts["base"], extracts["new"]
    before = _state(tmp_path, base)
    after = _state(tmp_path, base, new)
    assert before[0] != after[0]
    assert _amounts_follow_pupils(before[0]) and _amounts_follow_pupils(after[0])

    seen: list[str] = []
    duration = 0.0
    with Racers(2) as racers:
        for number in range(ROUNDS):
            url = _database(new_url(), tmp_path, base, tariff=True)
            delay = duration * number / (ROUNDS - 2)
            imported, finalised = racers.race(
                ImportJob(url, str(new), 2024), FinalizeJob(url, 2024, delay=delay)
            )
            assert imported.outcome == Outcome.STORED, _described([imported, finalised])
            assert imported.rows_stored == 3000
            duration = imported.at("Klaar") - imported.at("start")
            db = open_database(url)
            try:
                plans = list_plans(db)
                if finalised.outcome == PLAN:
                    (plan,) = plans
                    assert plan.id == finalised.plan_id
                    stored = get_plan(db, plan.id)
                    assert stored.sha256 == inputs_hash(stored.inputs)
                    assert _amounts_follow_pupils(stored.inputs), stored.inputs
                    assert (stored.inputs, stored.result) in (before, after)
                    seen.append("voor" if stored.inputs == before[0] else "na")
                else:
                    assert finalised.outcome == MESSAGE, _described([imported, finalised])
                    assert "zijn veranderd sinds de berekening" in finalised.message
                    assert plans == []
                    seen.append("geweigerd")
                final = compute_settlement(db, Y, "multilateral")
                assert plan_inputs(db, final) == after[0]  # the import is all there
            finally:
                db.close()
    print(f"\nvaststellen tijdens een import: {seen}")


def test_two_finalises_at_once_make_exactly_one_plan(new_url, extracts, tmp_path) -> None:
    """Two users finalise the same school year at the same moment (by different methods): one
    plan, and the other is told which plan was made, never a general error."""
    overlapped = 0
    with Racers(2) as racers:
        for _ in range(6):
            url = _database(new_url(), tmp_path, extracts["base"], tariff=True)
            results = racers.race(
                FinalizeJob(url, 2024, "multilateral", by="eerste"),
                FinalizeJob(url, 2024, "bilateral", by="tweede"),
            )
            outcomes = sorted(r.outcome for r in results)
            assert outcomes == [MESSAGE, PLAN], _described(results)
            (winner,) = [r for r in results if r.outcome == PLAN]
            (loser,) = [r for r in results if r.outcome == MESSAGE]
            assert f"is al een plan vastgesteld: plan {winner.plan_id}" in loser.message
            db = open_database(url)
            try:
                (plan,) = list_plans(db)
            finally:
                db.close()
            assert plan.id == winner.plan_id
            assert plan.finalized_by == ("eerste" if results[0] is winner else "tweede")
            assert plan.sha256 == inputs_hash(plan.inputs)
            overlapped += max(r.at("berekend") for r in results) < min(
                r.at("Klaar") for r in results
            )
    print(f"\ntwee keer vaststellen: {overlapped} van 6 keer echt tegelijk")
