"""The import wizard driven as an officer would, over every layout of the corpus.

Default choices first (Volgende, Volgende, Importeren). A file the program is not sure about
stops on the column page with the question named; the test then answers it with the choices
the corpus gives (as a user picks from the box) and goes on. Every file ends on the exact
matrix, or is refused with nothing stored; never a wrong matrix, never rows skipped quietly.
The wizard's check decides exactly what the command line's dry run decides.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from grensverkeer.importing.choices import parse_choice
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_check import check_files
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.services.matrices.counted_matrix import pupil_matrix
from grensverkeer.storage.database import Database
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.import_wizard import ImportWizard

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
sys.path.insert(0, str(CORPUS))
from test_corpus import _case_dirs, _path  # noqa: E402
from test_corpus_pipeline import _comparable  # noqa: E402

TIMEOUT = 60_000


def _wait(qtbot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=TIMEOUT)


def _answer(qtbot, wizard: ImportWizard, wanted: list[str]) -> None:
    """Pick, in each question's box, the answer that makes one of the corpus' choices."""
    page = wizard.column_page
    choices = {(c.field, c.label) for c in map(parse_choice, wanted)}
    for _round in range(6):
        boxes = page.question_boxes()
        if not boxes:
            return
        box = boxes[0]
        for index in range(1, box.count()):
            answer = box.itemData(index)
            if {(c.field, c.label) for c in answer.choices} & choices:
                box.setCurrentIndex(index)  # the page reads the file again with it
                break
        else:
            pytest.fail(
                f"geen antwoord voor {choices} in {[box.itemText(i) for i in range(box.count())]}"
            )
        _wait(qtbot, wizard)
    pytest.fail("de vragen blijven komen")


@pytest.mark.parametrize("case_dir", _case_dirs(), ids=lambda p: p.name)
def test_the_wizard_over_the_corpus(qtbot, sqlite_db: Database, case_dir: Path) -> None:
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    expected = json.loads((case_dir / "expected.json").read_text(encoding="utf-8"))
    files = [Path(_path(case_dir, name)) for name in case["files"]]
    pool = QThreadPool()
    context = UiContext(sqlite_db, pool=pool)
    wizard = ImportWizard(context, files)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # Volgende: the column page
    _wait(qtbot, wizard)
    page = wizard.column_page
    if not page.isComplete():
        # a stop on the column page that names the choice, only where the corpus expects one
        assert case["expect"] == "refuse" and case["resolve"], page.status_label.text()
        asked = " ".join(page.question_texts())
        assert asked, page.status_label.text()
        for name in case["must_name"]:
            assert name in asked or name in page.status_label.text(), asked
        _answer(qtbot, wizard, case["resolve"])
    assert page.isComplete(), page.status_label.text()
    wizard.next()  # Volgende: the check
    _wait(qtbot, wizard)
    check = wizard.check_page
    if check.year_button.isVisibleTo(check):  # the remedy a count file without a year needs
        year = SchoolYear.parse(case["school_year"])
        check.year_box.setCurrentIndex(check.year_box.findData(year.start_year))
        check.year_button.click()
        _wait(qtbot, wizard)
    assert check.reports is not None
    shown = [check.status_label.text(), *(i.describe() for r in check.reports for i in r.issues)]
    assert not [text for text in shown if " --" in text]  # remedies are controls, not options
    if not case["resolve"]:  # the default path is the command line's, decision for decision
        options = ImportOptions(wizard.files_page.school_year())
        cli = check_files(sqlite_db, load_pseudonymizer(), files, options)
        assert [_comparable(r) for r in check.reports] == [_comparable(r) for r in cli]
    wizard.next()  # Importeren
    _wait(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.RESULT
    outcome = wizard.outcome
    assert outcome is not None and not outcome.error
    message = wizard.result_page.message_label.text()
    year = SchoolYear.parse(case["school_year"])
    cells = {(c["from"], c["to"]): c["value"] for c in expected["cells"]}
    stored = [r for r in outcome.reports if r.outcome is Outcome.STORED and r.kind != "scholen"]
    if case["expect"] == "refuse" and not case["resolve"]:
        assert not stored and "geweigerd" in message  # refused: nothing of it stored
        assert dict(pupil_matrix(sqlite_db, year).cells) == {}
    else:
        assert stored, message
        assert all(r.rows_skipped == r.outside_year for r in stored)  # nothing skipped quietly
        if any(r.outside_year for r in stored):  # rows of another school year are said
            outside = sum(r.outside_year for r in stored)
            assert f"{outside} rijen horen bij een ander schooljaar" in message, message
        assert dict(pupil_matrix(sqlite_db, year).cells) == cells
    pool.waitForDone(TIMEOUT)
