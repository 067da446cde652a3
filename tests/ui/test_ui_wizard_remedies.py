"""The wizard's remedies are controls, skipping is bounded, and the result says what changed."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from builders import PUPIL_HEADER, pupils_rows, school_list, valid_bsns, write_xlsx
from PySide6.QtCore import QThreadPool

from grensverkeer.importing.fields import Field
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.storage.database import Database
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.import_wizard import ImportWizard

TIMEOUT = 60_000


@pytest.fixture
def context(sqlite_db: Database) -> Iterator[UiContext]:
    pool = QThreadPool()
    yield UiContext(sqlite_db, pool=pool)
    pool.waitForDone(TIMEOUT)


def _wizard(qtbot, context: UiContext, paths: list[Path], skip: bool = False) -> ImportWizard:
    wizard = ImportWizard(context, paths)
    qtbot.addWidget(wizard)
    wizard.files_page.skip_box.setChecked(skip)
    wizard.show()
    return wizard


def _next(qtbot, wizard: ImportWizard) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=TIMEOUT)


def _rows(count: int, brin: str = "20XA", first: int = 300_000_000) -> list[list[object]]:
    bsns = valid_bsns(first)
    return [
        [next(bsns), "", "Delft", brin, "01", "VSO", date(2024, 8, 26), None] for _ in range(count)
    ]


def test_a_missing_school_list_is_added_from_the_check(
    qtbot, context: UiContext, tmp_path: Path
) -> None:
    pupils = write_xlsx(tmp_path / "swv.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    wizard = _wizard(qtbot, context, [pupils], skip=True)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    check = wizard.check_page
    (report,) = check.reports
    assert report.outcome is Outcome.REFUSED
    assert check.school_list_button.isVisibleTo(check)
    assert "--" not in check.status_label.text() + " ".join(i.message for i in report.issues)
    check.add_school_list([school_list(tmp_path)])
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=TIMEOUT)
    assert [r.outcome for r in check.reports] == [Outcome.STORED, Outcome.STORED], [
        i.describe() for r in check.reports for i in r.errors
    ]
    assert not check.school_list_button.isVisibleTo(check)


def test_a_misread_column_is_not_skipped_and_leads_back_to_it(
    qtbot, context: UiContext, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "swv.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    wizard = _wizard(qtbot, context, [school_list(tmp_path), path], skip=True)
    _next(qtbot, wizard)
    page = wizard.column_page
    page.select_file("swv.xlsx")
    box = page.column_box(4)  # the user takes "Vestiging" for the onderwijstype
    box.setCurrentIndex(box.findData(str(Field.EDU_TYPE)))
    assert page.isComplete()
    _next(qtbot, wizard)
    check = wizard.check_page
    report = next(r for r in check.reports if r.file == "swv.xlsx")
    assert report.outcome is Outcome.REFUSED  # skipping on, but these are no bad rows
    misread = next(i for i in report.errors if i.code == "kolom_verkeerd_gelezen")
    assert "6 van 6 rijen (100,0%) hebben hetzelfde probleem in kolom E (Vestiging)" in (
        misread.message
    )
    assert check.column_button.isVisibleTo(check)
    assert check.column_box.currentText() == "‘Vestiging’ in swv.xlsx"
    check.go_to_column()
    assert wizard.currentId() == ImportWizard.COLUMNS
    assert page.current().path == path
    (selected,) = page.columns_view.selectionModel().selectedRows()
    assert selected.row() == 4


def test_a_few_bad_rows_are_skipped_in_the_headline_and_saved(
    qtbot, context: UiContext, tmp_path: Path
) -> None:
    header = [
        "BSN",
        "Achternaam",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows = _rows(38)
    rows.append([123456789, "", "Delft", "20XA", "01", "VSO", date(2024, 8, 26), None])
    rows.append([*_rows(1, first=500_000_000)[0][:6], "31-02-2024", None])
    path = write_xlsx(tmp_path / "vo.xlsx", {"L": [header, *rows]})
    wizard = _wizard(qtbot, context, [school_list(tmp_path), path], skip=True)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert "2 van 40 rijen overgeslagen (5,0%)" in wizard.check_page.status_label.text()
    _next(qtbot, wizard)
    result = wizard.result_page
    assert wizard.currentId() == ImportWizard.RESULT
    message = result.message_label.text()
    assert message.startswith("2 van 40 rijen overgeslagen (5,0%).")
    assert "vo.xlsx: schooljaar 2024-2025 (afgeleid uit de start- en einddatums)" in message
    assert "38 leerlingen tellen mee" in message
    assert result.save_button.isVisibleTo(result)
    saved = result.save_skipped(tmp_path / "overgeslagen.csv")
    with saved.open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert sorted(line[2] for line in lines[1:]) == ["40", "41"]
    assert "123456789" not in saved.read_text("utf-8-sig")
    cells = {
        (r.residence, r.school): (r.change.before, r.change.after) for r in result.cells.rows()
    }
    assert cells == {("Delft (GM0503)", "'s-Gravenhage (GM0518)"): (0, 38)}


def test_a_file_of_two_school_years_asks_for_the_year_in_the_check(
    qtbot, context: UiContext, tmp_path: Path
) -> None:
    bsns = valid_bsns(400_000_000)
    rows = [
        *_fresh(bsns, date(2023, 8, 28), date(2024, 7, 31), 30),
        *_fresh(bsns, date(2024, 8, 26), None, 34),
    ]
    pupils = write_xlsx(tmp_path / "twee.xlsx", {"L": [PUPIL_HEADER, *rows]})
    wizard = _wizard(qtbot, context, [school_list(tmp_path), pupils])
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    check = wizard.check_page
    refused = [r for r in check.reports if r.outcome is Outcome.REFUSED]
    assert [i.code for r in refused for i in r.errors] == ["schooljaar_dubbelzinnig"]
    assert check.year_box.isVisibleTo(check) and check.year_button.isVisibleTo(check)
    assert check.year_box.currentData() == 2024  # the later year shown, to be confirmed
    check.use_year()
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=TIMEOUT)
    assert [r.outcome for r in check.reports] == [Outcome.STORED, Outcome.STORED]
    assert check.reports[1].rows_stored == 34


def _fresh(bsns, start: date, end: date | None, count: int) -> list[list[object]]:
    return [[next(bsns), "", "Delft", "20XA", "01", "VSO", start, end] for _ in range(count)]
