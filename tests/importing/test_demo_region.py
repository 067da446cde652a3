"""End to end: the demo region imports cleanly and gives exactly the generator's truth."""

from __future__ import annotations

import json

from builders import snapshot

from grensverkeer.resources import resources_dir
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.demo import demo_files
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.services.matrices.counted_matrix import pupil_matrix

DEMO = resources_dir() / "demo"


def test_demo_region_matrix_equals_the_truth(importer, db) -> None:
    reports = importer.import_files(demo_files())
    assert [r.outcome for r in reports] == [Outcome.STORED] * len(reports), [
        e.describe() for r in reports for e in r.errors
    ]
    for year in ("2024-2025", "2023-2024"):
        truth = json.loads((DEMO / "verwacht" / f"matrix_{year}.json").read_text("utf-8"))
        assert pupil_matrix(db, SchoolYear.parse(year)).as_json() == truth
    summary = json.loads((DEMO / "verwacht" / "summary.json").read_text("utf-8"))
    merged = sum(r.duplicates_merged for r in reports)
    within = sum(
        summary["school_years"]["2024-2025"]["identical_duplicate_rows_within_a_file"].values()
    )
    assert merged >= within  # every duplicate found (cross-file ones depend on the order)


def test_the_file_with_problems_reports_each_where_it_is(importer, db) -> None:
    importer.import_files(demo_files())
    before = snapshot(db)
    (report,) = importer.import_files([DEMO / "met_fouten" / "swv_met_fouten.xlsx"])
    assert report.outcome is Outcome.REFUSED
    summary = json.loads((DEMO / "verwacht" / "summary.json").read_text("utf-8"))
    expected = {p["row"] for p in summary["met_fouten"]["problems"]}
    assert {e.row for e in report.errors} == expected
    by_row = {e.row: e for e in report.errors}
    assert "bedoelde u 's-Gravenhage (GM0518)?" in by_row[5].suggestion
    assert "Zoetermeer (GM0637)" in by_row[13].suggestion
    assert "78OX" in by_row[9].suggestion
    assert snapshot(db) == before
