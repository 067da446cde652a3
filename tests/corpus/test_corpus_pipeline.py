"""The wizard's check and the real import are one pipeline: on every corpus case they decide alike.

The check (:func:`check_files`, a dry run that stores nothing) must report exactly what the
import then does: the same outcome, kind, school year and its source, counts, problems, notes and
the same reading of every column. The only difference allowed is how an earlier file of the same
batch is named ("bestand ‘x’" in a check, "import 12" after a real import).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_corpus import _case_dirs, _path

from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_check import check_files
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.imports.reports import ImportReport, Outcome
from grensverkeer.storage.database import Database

_EARLIER = re.compile(r"import \d+|bestand ‘[^’]*’")


def _comparable(report: ImportReport) -> dict[str, object]:
    return {
        "file": report.file,
        "outcome": report.outcome,
        "kind": report.kind,
        "school_year": report.school_year,
        "source": report.school_year_source,
        "counts": (
            report.rows_read,
            report.rows_stored,
            report.rows_skipped,
            report.duplicates_merged,
            report.outside_year,
            report.uncertain_cells,
            report.uncertain_pupils,
        ),
        "issues": [
            (i.code, i.sheet, i.row, i.column, _EARLIER.sub("…", i.message), i.options)
            for i in report.issues
        ],
        "notes": report.notes,
        "layouts": report.layouts,
    }


@pytest.mark.parametrize("case_dir", _case_dirs(), ids=lambda p: p.name)
def test_the_check_decides_what_the_import_does(case_dir: Path, sqlite_db: Database) -> None:
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    files = [Path(_path(case_dir, name)) for name in case["files"]]
    args = case.get("import_args", [])
    year = SchoolYear.parse(args[1]) if args else None
    options = ImportOptions(school_year=year)
    pseudonymizer = load_pseudonymizer()

    checked = check_files(sqlite_db, pseudonymizer, files, options)
    imported = Importer(sqlite_db, pseudonymizer).import_files(files, options)

    assert [_comparable(r) for r in checked] == [_comparable(r) for r in imported]
    for check, real in zip(checked, imported, strict=True):
        if real.outcome is Outcome.STORED:
            assert check.import_id is None and real.import_id is not None
    assert {r.outcome for r in imported} <= {Outcome.STORED, Outcome.REFUSED}
