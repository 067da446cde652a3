"""Purging a school year: the pupils go, and every number of that year stays byte for byte."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from privacy_helpers import BSN, url_of
from pypdf import PdfReader
from sqlalchemy import func, insert, select

from grensverkeer.counting import CountRules, Tariffs, amount_cells, pupil_cells
from grensverkeer.errors import GrensverkeerError
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import load_records
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.privacy.pupil_requests import PURGED, find_pupil, privacy_log
from grensverkeer.services.privacy.purge import purge_year, purged_year
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import ImportBatch, PupilRecordRow

Y = SchoolYear(2024)


def _outputs(cli, url: str, folder: Path) -> dict[str, object]:
    """What a user sees of 2024-2025: every read command, the export and the documents."""
    runs = {
        "matrix": ["matrix", "--school-year", str(Y), "--format", "json"],
        "matrix-amount": [
            "matrix",
            "--school-year",
            str(Y),
            "--measure",
            "amount",
            "--format",
            "json",
        ],
        "matrix-swv": ["matrix", "--school-year", str(Y), "--swv", "VO 28-06", "--format", "json"],
        "matrix-type": ["matrix", "--school-year", str(Y), "--type", "VSO", "--format", "json"],
        "settle": ["settle", "--school-year", str(Y), "--format", "json"],
        "settle-gross": [
            "settle",
            "--school-year",
            str(Y),
            "--method",
            "gross",
            "--format",
            "json",
        ],
        "analyse": ["analyse", "--school-year", str(Y)],
        "analyse-json": ["analyse", "--school-year", str(Y), "--format", "json"],
    }
    seen: dict[str, object] = {}
    for name, args in runs.items():
        code, out, err = cli("--db", url, *args)
        assert code == 0, (name, err)
        seen[name] = out
    folder.mkdir()
    for kind in ("csv", "xlsx"):
        out_path = folder / ("csv" if kind == "csv" else "export.xlsx")
        code, _out, err = cli(
            "--db", url, "export", "--school-year", str(Y), "--format", kind, "--out", out_path
        )
        assert code == 0, err
    seen["csv"] = {p.name: p.read_bytes() for p in sorted((folder / "csv").iterdir())}
    seen["xlsx-text"] = _xlsx_values(folder / "export.xlsx")
    for label, extra in (("draft", []), ("plan", ["--plan", "1"])):
        target = folder / f"docs-{label}"
        code, _out, err = cli(
            "--db",
            url,
            "documents",
            "--school-year",
            str(Y),
            "--date",
            "01-03-2026",
            *extra,
            "--out",
            target,
        )
        assert code == 0, err
        seen[f"documents-{label}"] = {
            p.name: [page.extract_text() for page in PdfReader(p).pages]
            for p in sorted(target.glob("*.pdf"))
        }
    return seen


def _xlsx_values(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]


def test_purge_keeps_every_number_and_drops_the_pupils(demo_any: Database, cli, tmp_path) -> None:
    db = demo_any
    url = url_of(db)
    finalize(db, compute_settlement(db, Y, "multilateral"))
    before = _outputs(cli, url, tmp_path / "voor")
    assert before["csv"] and before["documents-draft"] and before["documents-plan"]
    assert any(r.school_year == Y for r in find_pupil(db, load_pseudonymizer(), BSN).records)

    code, out, err = cli("--db", url, "privacy", "purge", "--school-year", str(Y), "--dry-run")
    assert code == 0, err
    assert "Zou verwijderen: 2.993 leerlingrijen van 2.993 leerlingen" in out
    assert "Er is niets gewijzigd" in out
    code, out, err = cli("--db", url, "privacy", "purge", "--school-year", str(Y))
    assert code == 0, err
    assert "Verwijderd: 2.993 leerlingrijen van 2.993 leerlingen in schooljaar 2024-2025" in out
    assert "Het vastgestelde plan 1 blijft ongewijzigd." in out

    after = _outputs(cli, url, tmp_path / "na")
    for name, value in before.items():
        assert after[name] == value, name
    years = [str(r.school_year) for r in find_pupil(db, load_pseudonymizer(), BSN).records]
    assert years == ["2023-2024"]  # the other year keeps its pupils
    with db.sessions() as session:
        real = session.scalar(
            select(func.count()).where(
                PupilRecordRow.school_year == 2024, PupilRecordRow.pseudonym.not_like("~%")
            )
        )
    assert real == 0  # no row of the year belongs to a pupil's pseudonym
    purged = purged_year(db, Y)
    assert purged is not None and purged.rows_before == 2993 and purged.pupils == 2993
    assert privacy_log(db)[-1].action == PURGED
    code, out, err = cli("--db", url, "privacy", "purge", "--school-year", str(Y))
    assert code == 2 and "zijn al verwijderd op" in err


def test_a_year_without_a_final_plan_is_purged_only_with_force(demo_sqlite: Database, cli) -> None:
    url = url_of(demo_sqlite)
    code, out, err = cli("--db", url, "privacy", "purge", "--school-year", str(Y))
    assert code == 2 and "geen vastgesteld plan" in err and "--force" in err
    assert purged_year(demo_sqlite, Y) is None
    code, out, err = cli("--db", url, "privacy", "purge", "--school-year", str(Y), "--dry-run")
    assert code == 0 and "alleen met --force" in out
    assert purged_year(demo_sqlite, Y) is None
    code, out, err = cli("--db", url, "privacy", "purge", "--school-year", str(Y), "--force")
    assert code == 0, err
    assert "geen vastgesteld plan (--force)" in out
    assert purged_year(demo_sqlite, Y).forced


# Pupils with several records, duplicates, open and outside dates, actual costs, a DUO count
# row: counting them one by one and as purged groups gives the same under every rule.
RECORDS = [
    # pseudonym, residence, school, type, arrangement, start, end, cost, count
    ("a" * 32, "GM0518", "GM0503", "VSO", "", None, None, 1000, 1),
    ("b" * 32, "GM0518", "GM0503", "VSO", "", date(2020, 1, 1), date(2026, 1, 1), 1000, 1),
    ("c" * 32, "GM0518", "GM0503", "VSO", "", date(2024, 9, 1), None, None, 1),
    ("d" * 32, "GM0518", "GM0503", "VSO", "", date(2024, 1, 1), date(2024, 11, 30), None, 1),
    ("d" * 32, "GM0518", "GM0603", "VSO", "", date(2024, 12, 1), None, None, 1),
    ("e" * 32, "GM0518", "GM0503", "VSO", "", date(2024, 1, 1), date(2024, 11, 30), None, 1),
    ("e" * 32, "GM0518", "GM0603", "VSO", "", date(2024, 12, 1), None, None, 1),
    ("f" * 32, "GM0603", "GM0518", "SO", "Zorg", date(2023, 8, 1), None, None, 1),
    ("f" * 32, "GM0603", "GM0518", "SO", "", date(2024, 8, 20), None, 500, 1),
    ("g" * 32, "GM0603", "GM0518", "SO", "", date(2024, 8, 20), None, 500, 1),
    ("g" * 32, "GM0603", "GM0518", "SO", "", date(2024, 8, 20), None, 500, 1),
    ("h" * 32, "GM1783", "GM0518", "VO", "", date(2025, 3, 1), date(2024, 10, 1), None, 1),
    ("i" * 32, "GM1783", "GM0518", "VO", "", date(2023, 1, 1), date(2024, 6, 1), None, 1),
    ("#" + "1" * 31, "GM1783", "GM0518", "VO", "", None, None, None, 7),
]


def _insert(db: Database) -> None:
    with db.sessions.begin() as session:
        batch = ImportBatch(
            file_name="x.csv",
            sha256="0" * 64,
            kind="pupils",
            school_year=2024,
            imported_at=date(2025, 1, 1),
            rows_read=0,
            rows_stored=0,
            rows_skipped=0,
            warnings=[],
        )
        session.add(batch)
        session.flush()
        rows = [
            dict(
                import_id=batch.id,
                school_year=2024,
                pseudonym=p,
                residence=r,
                brin="12AB",
                vestiging="00",
                school_municipality=s,
                edu_type=t,
                arrangement=a,
                start_date=start,
                end_date=end,
                cost_cents=cost,
                pupil_count=n,
            )
            for p, r, s, t, a, start, end, cost, n in RECORDS
        ]
        session.execute(insert(PupilRecordRow), rows)


def _all_counts(db: Database) -> dict[tuple[object, ...], object]:
    records = load_records(db, Y)
    tariffs = Tariffs({("VSO", ""): 12345, ("SO", ""): 777, ("SO", "Zorg"): 999, ("VO", ""): 3})
    seen: dict[tuple[object, ...], object] = {}
    days = [date(2024, 8, 1), date(2024, 10, 1), date(2024, 12, 1), date(2025, 7, 31)]
    for day, pro_rata, actual in itertools.product(days, (False, True), (False, True)):
        rules = CountRules(Y, day, pro_rata, actual)
        counted = amount_cells(records, rules, tariffs)
        seen[(day, pro_rata, actual)] = (
            pupil_cells(records, rules),
            counted.cells,
            counted.missing,
        )
    return seen


def test_purged_groups_count_as_their_pupils_under_every_rule(db: Database) -> None:
    _insert(db)
    before = _all_counts(db)
    done = purge_year(db, Y, force=True)
    assert (done.pupils, done.pupil_rows, done.count_rows) == (9, 13, 1)
    assert done.kept_rows < done.pupil_rows  # d and e, a and b, the two g's: grouped
    assert _all_counts(db) == before


def test_a_purge_that_fails_changes_nothing(demo_sqlite: Database, monkeypatch) -> None:
    import grensverkeer.services.privacy.purge as purge

    def broken(*_args: object) -> None:
        raise GrensverkeerError("kapot")

    monkeypatch.setattr(purge, "_remember", broken)
    with demo_sqlite.sessions() as session:
        rows = session.scalar(select(func.count()).select_from(PupilRecordRow))
    with pytest.raises(GrensverkeerError):
        purge_year(demo_sqlite, Y, force=True)
    with demo_sqlite.sessions() as session:
        assert session.scalar(select(func.count()).select_from(PupilRecordRow)) == rows
    assert purged_year(demo_sqlite, Y) is None


def test_a_purged_year_refuses_new_pupil_files(demo_sqlite: Database, tmp_path: Path) -> None:
    """New pupils in a purged year cannot be matched with the counted ones (they have no
    pseudonym any more): the importer refuses the file and stores nothing."""
    from grensverkeer.services.demo import demo_dir
    from grensverkeer.services.imports.importer import Importer, ImportOptions
    from grensverkeer.services.imports.reports import Outcome

    purge_year(demo_sqlite, Y, force=True)
    late = tmp_path / "late_aanlevering.csv"
    source = demo_dir() / "2024-2025" / "swv_28-07_zoetermeer.csv"
    late.write_bytes(source.read_bytes() + b"\r\n")  # another file, the same pupils
    with demo_sqlite.sessions() as session:
        before = session.scalar(select(func.count()).select_from(PupilRecordRow))
    importer = Importer(demo_sqlite, load_pseudonymizer())
    (report,) = importer.import_files([late], ImportOptions(school_year=Y))
    assert report.outcome is Outcome.REFUSED
    (issue,) = report.errors
    assert issue.code == "schooljaar_opgeschoond"
    assert "zijn verwijderd op" in issue.message and "dubbel kunnen tellen" in issue.message
    with demo_sqlite.sessions() as session:
        assert session.scalar(select(func.count()).select_from(PupilRecordRow)) == before
