"""The dry run behind the wizard's check step, and importing a planned batch."""

from __future__ import annotations

import shutil
from pathlib import Path

from builders import PUPIL_HEADER, pupils_rows, school_list, snapshot, write_xlsx

from grensverkeer.domain import FileKind
from grensverkeer.importing.fields import Field
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.demo import demo_dir, demo_files
from grensverkeer.services.imports.aliases import add_alias, reference_with_aliases
from grensverkeer.services.imports.import_check import PlannedFile, check_files, import_plan
from grensverkeer.services.imports.import_log import list_imports
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.imports.reports import ImportReport, Outcome

WITH_PROBLEMS = demo_dir() / "met_fouten" / "swv_met_fouten.xlsx"


def comparable(report: ImportReport) -> tuple[object, ...]:
    """Everything but the import id and where an earlier file is ("import 5" / its name)."""
    issues = tuple(
        (i.sheet, i.row, i.column, i.code, i.severity, i.value, i.suggestion)
        + (("",) if i.code == "dubbel_samengevoegd" else (i.message,))
        for i in report.issues
    )
    return (
        report.file,
        report.outcome,
        report.kind,
        report.school_year,
        report.school_year_source,
        report.rows_read,
        report.rows_stored,
        report.rows_skipped,
        report.duplicates_merged,
        report.outside_year,
        () if report.outcome is Outcome.ALREADY else report.notes,
        issues,
    )


def test_a_check_reports_what_the_import_then_does_and_stores_nothing(db) -> None:
    files = [*demo_files(), WITH_PROBLEMS]
    before = snapshot(db)
    checked = check_files(db, load_pseudonymizer(), files)
    assert snapshot(db) == before

    imported = Importer(db, load_pseudonymizer()).import_files(files)
    assert [comparable(r) for r in checked] == [comparable(r) for r in imported]
    assert all(r.import_id is None for r in checked)
    merged = sum(r.duplicates_merged for r in checked)
    assert merged > 30  # duplicates across the files of one batch are found in a check too


def test_a_check_sees_what_is_stored_already(db) -> None:
    importer = Importer(db, load_pseudonymizer())
    schools = [p for p in demo_files() if p.parent.name == "scholen"]
    importer.import_files(schools)
    checked = check_files(db, load_pseudonymizer(), [schools[0], WITH_PROBLEMS])
    assert checked[0].outcome is Outcome.ALREADY
    assert checked[1].outcome is Outcome.REFUSED and len(checked[1].errors) == 7

    skipping = check_files(
        db, load_pseudonymizer(), [WITH_PROBLEMS], ImportOptions(skip_invalid=True)
    )
    assert (skipping[0].outcome, skipping[0].rows_stored) == (Outcome.STORED, 33)
    add_alias(db, "Den Haaag", "GM0518")
    (with_alias,) = check_files(
        db, load_pseudonymizer(), [WITH_PROBLEMS], reference=reference_with_aliases(db)
    )
    assert len(with_alias.errors) == 6
    assert len(list_imports(db)) == len(schools)


def test_a_plan_gives_each_file_its_own_mapping_and_school_lists_first(db, tmp_path: Path) -> None:
    odd = write_xlsx(
        tmp_path / "eigen.xlsx",
        {"Blad1": [["Leerlingnummer", *PUPIL_HEADER[1:]], *pupils_rows()]},
    )
    usual = write_xlsx(tmp_path / "gewoon.xlsx", {"Blad1": [PUPIL_HEADER, *pupils_rows()[:2]]})
    twin = tmp_path / "kopie.xlsx"
    shutil.copyfile(usual, twin)
    mapping = SavedMapping(
        "eigen",
        FileKind.PUPILS,
        {Field.BSN: "Leerlingnummer", Field.RESIDENCE: "Woongemeente", Field.BRIN: "BRIN"},
    )
    plan = [
        PlannedFile(odd, FileKind.PUPILS, mapping),
        PlannedFile(usual, FileKind.PUPILS),
        PlannedFile(twin, FileKind.PUPILS),
        PlannedFile(school_list(tmp_path), FileKind.SCHOOLS),  # last, but imported first
    ]
    seen: list[tuple[str, int, int]] = []
    progress = lambda text, done, total: seen.append((text, done, total))  # noqa: E731
    year = SchoolYear(2024)
    checked = import_plan(
        db, load_pseudonymizer(), plan, school_year=year, dry_run=True, progress=progress
    )
    # all four are read, then checked: the school list first, the twin not at all
    assert next(s for s in seen if s[0].startswith("Lezen")) == ("Lezen: eigen.xlsx", 0, 4)
    checks = [s for s in seen if s[0].startswith("Controleren")]
    assert checks == [
        ("Controleren: scholen.csv", 0, 3),
        ("Controleren: eigen.xlsx", 1, 3),
        ("Controleren: gewoon.xlsx", 2, 3),
    ]
    assert seen[-1] == ("Klaar", 4, 4)
    assert list_imports(db) == []
    imported = import_plan(db, load_pseudonymizer(), plan, school_year=year)
    assert [comparable(r) for r in checked] == [comparable(r) for r in imported]
    outcomes = [r.outcome for r in imported]
    assert outcomes == [Outcome.STORED, Outcome.STORED, Outcome.ALREADY, Outcome.STORED]
    assert imported[0].rows_stored == 6  # read with its mapping
    assert imported[1].duplicates_merged == 2  # the same two pupils as in eigen.xlsx
    assert [s.file_name for s in list_imports(db)] == ["scholen.csv", "eigen.xlsx", "gewoon.xlsx"]
