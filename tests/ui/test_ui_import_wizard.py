"""The import wizard, driven as a user would: files, preview, check, import, result."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import PUPIL_HEADER, flows_extract, pupils_rows, school_list, snapshot, write_xlsx
from PySide6.QtCore import Qt, QThreadPool, QTimer

import grensverkeer.services.imports.importer as importer_module
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.fields import Field
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.services.demo import demo_dir, demo_files
from grensverkeer.services.imports.aliases import list_aliases
from grensverkeer.services.imports.import_log import list_imports
from grensverkeer.services.imports.importer import Importer
from grensverkeer.services.imports.mappings import list_mappings
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.storage.database import Database
from grensverkeer.ui import check_page, column_page, result_page, wizard_tasks
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.import_preview_model import FilePreview
from grensverkeer.ui.import_wizard import CANCELLED_MESSAGE, ImportWizard
from grensverkeer.ui.pages import data_page
from grensverkeer.ui.pages.data_page import DataPage
from grensverkeer.ui.preview_table import PreviewModel

WITH_PROBLEMS = demo_dir() / "met_fouten" / "swv_met_fouten.xlsx"
TIMEOUT = 60_000


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error dialogs would block a test: record them instead (each test asserts none)."""
    SHOWN.clear()
    for module in (column_page, check_page, result_page, data_page):
        monkeypatch.setattr(module, "show_error", lambda _parent, text: SHOWN.append(text))
    return SHOWN


@pytest.fixture
def context(sqlite_db: Database, errors: list[str]) -> Iterator[UiContext]:
    pool = QThreadPool()
    yield UiContext(sqlite_db, pool=pool)
    pool.waitForDone(TIMEOUT)


def wizard_for(qtbot, context: UiContext, paths: list[Path]) -> ImportWizard:
    wizard = ImportWizard(context, paths)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


SHOWN: list[str] = []


def done(page) -> bool:
    """The page's work is done; an error dialog fails the test at once."""
    assert not SHOWN, SHOWN
    return page.isComplete()


def to_page(qtbot, wizard: ImportWizard, page_id: int) -> None:
    """Press "Volgende" until ``page_id``, waiting for each page's work to finish."""
    while wizard.currentId() != page_id:
        page = wizard.currentPage()
        qtbot.waitUntil(lambda page=page: done(page), timeout=TIMEOUT)
        wizard.next()
    if page_id != ImportWizard.IMPORT:
        qtbot.waitUntil(lambda: done(wizard.currentPage()), timeout=TIMEOUT)


def file_report(wizard: ImportWizard, name: str):
    reports = wizard.check_page.reports or []
    return next(r for r in reports if r.file == name)


def load_schools(db: Database) -> None:
    importer = Importer(db, load_pseudonymizer())
    schools = [p for p in demo_files() if p.parent.name == "scholen"]
    assert all(r.outcome is Outcome.STORED for r in importer.import_files(schools))


def test_the_demo_files_and_the_file_with_problems_end_to_end(
    qtbot, context: UiContext, errors: list[str]
) -> None:
    page = DataPage(context)
    qtbot.addWidget(page)
    context.events.changed.connect(page.refresh)  # as the main window does
    page.refresh()
    wizard = page.start_import([*demo_files(), WITH_PROBLEMS])
    assert wizard.files_page.file_list.count() == 10

    to_page(qtbot, wizard, ImportWizard.COLUMNS)
    wizard.column_page.select_file("swv_28-06_vo_den_haag.xlsx")
    preview = wizard.column_page.current()
    assert preview is not None and preview.sheet_names[preview.sheet] == "Leerlingen"
    assert preview.header_row == 3  # row 4 in Excel, under the titles and a blank row
    assert wizard.column_page.model.headerData(3, Qt.Orientation.Vertical) == "4 kopregel"

    to_page(qtbot, wizard, ImportWizard.CHECK)
    check = wizard.check_page
    assert file_report(wizard, WITH_PROBLEMS.name).outcome is Outcome.REFUSED
    assert len(file_report(wizard, WITH_PROBLEMS.name).errors) == 7
    assert list_imports(context.db) == []  # a check stores nothing

    for written, code in (("Den Haaag", "GM0518"), ("Zoetermer", "GM0637")):
        assert check.select_issue(lambda r, w=written: r.issue.value == w) is not None
        before = len(file_report(wizard, WITH_PROBLEMS.name).errors)
        check.accept_suggestion(code)
        qtbot.waitUntil(lambda: done(check), timeout=TIMEOUT)
        assert len(file_report(wizard, WITH_PROBLEMS.name).errors) == before - 1
    assert {(a.text, a.code) for a in list_aliases(context.db)} == {
        ("Den Haaag", "GM0518"),
        ("Zoetermer", "GM0637"),
    }

    # The other five problems are in the file itself: skip those rows.
    wizard.back()
    wizard.back()
    assert wizard.currentId() == ImportWizard.FILES
    wizard.files_page.skip_box.setChecked(True)
    to_page(qtbot, wizard, ImportWizard.CHECK)
    assert file_report(wizard, WITH_PROBLEMS.name).outcome is Outcome.STORED
    assert file_report(wizard, WITH_PROBLEMS.name).rows_stored == 35

    to_page(qtbot, wizard, ImportWizard.IMPORT)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    outcome = wizard.outcome
    assert outcome is not None and not outcome.cancelled and not outcome.error
    assert [r.outcome for r in outcome.reports] == [Outcome.STORED] * 10
    assert "10 opgeslagen" in wizard.result_page.message_label.text()

    stored = {s.file_name: s for s in list_imports(context.db)}
    assert set(stored) == {p.name for p in [*demo_files(), WITH_PROBLEMS]}
    assert stored[WITH_PROBLEMS.name].rows_stored == 35
    assert {r.file_name for r in page.imports.rows()} == set(stored)  # the page refreshed
    problems = outcome.reports[-1]
    assert page.select_import(problems.import_id)
    assert "Meldingen bij deze import" in page.details.toHtml()  # this session's report
    wizard.accept()
    assert errors == []


def test_the_check_lists_the_seven_problems_and_an_accepted_spelling_is_remembered(
    qtbot, context: UiContext, errors: list[str]
) -> None:
    load_schools(context.db)
    wizard = wizard_for(qtbot, context, [WITH_PROBLEMS])
    to_page(qtbot, wizard, ImportWizard.CHECK)
    check = wizard.check_page
    rows = check.issues.rows()
    assert {(r.issue.row, r.issue.code) for r in rows} == {
        (5, "woongemeente_onbekend"),
        (13, "woongemeente_onbekend"),
        (9, "brin_onbekend"),
        (27, "brin_onbekend"),
        (18, "bsn"),
        (22, "onderwijstype_ontbreekt"),
        (32, "datum"),
    }
    assert [r.issue.row for r in rows] == sorted(r.issue.row for r in rows)  # per row
    acceptable = {r.issue.value: [a.code for a in r.aliases] for r in rows if r.aliases}
    assert acceptable == {"Den Haaag": ["GM0518"], "Zoetermer": ["GM0637", "GM0638"]}

    # Only a problem whose suggestion names a municipality offers the button.
    check.select_issue(lambda r: r.issue.code == "bsn")
    assert not check.accept_button.isEnabled()
    check.select_issue(lambda r: r.issue.value == "Den Haaag")
    assert check.accept_button.isEnabled()
    assert check.suggestion_box.currentText() == "‘Den Haaag’ is 's-Gravenhage (GM0518)"
    wizard.grab().save("/tmp/wizard-check.png")

    check.accept_button.click()
    qtbot.waitUntil(lambda: done(check), timeout=TIMEOUT)
    assert len(check.issues.rows()) == 6
    assert "Den Haaag" not in {r.issue.value for r in check.issues.rows()}
    assert [(a.text, a.code) for a in list_aliases(context.db)] == [("Den Haaag", "GM0518")]
    assert "voortaan gelezen als 's-Gravenhage (GM0518)" in check.alias_label.text()
    assert errors == []


def test_a_refused_alias_keeps_the_last_check(
    qtbot, context: UiContext, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise GrensverkeerError("Deze schrijfwijze is al bekend.")

    load_schools(context.db)
    monkeypatch.setattr(wizard_tasks, "add_alias", refuse)
    wizard = wizard_for(qtbot, context, [WITH_PROBLEMS])
    to_page(qtbot, wizard, ImportWizard.CHECK)
    check = wizard.check_page
    check.select_issue(lambda r: r.issue.value == "Den Haaag")
    check.accept_suggestion()
    qtbot.waitUntil(lambda: not check.running(), timeout=TIMEOUT)
    assert errors == ["Deze schrijfwijze is al bekend."]
    errors.clear()
    assert check.isComplete() and len(check.issues.rows()) == 7
    assert check.alias_label.text() == ""
    assert list_aliases(context.db) == []


@pytest.fixture
def unknown_header(tmp_path: Path) -> Path:
    """Pupils whose BSN column has a name of its own (recognised by its words and values)."""
    header = ["Leerlingnummer (BSN)", *PUPIL_HEADER[1:]]
    return write_xlsx(tmp_path / "eigen_kolommen.xlsx", {"Blad1": [header, *pupils_rows()]})


def test_a_changed_column_mapping_is_used_and_can_be_saved(
    qtbot, context: UiContext, errors: list[str], unknown_header: Path, tmp_path: Path
) -> None:
    Importer(context.db, load_pseudonymizer()).import_files([school_list(tmp_path)])
    wizard = wizard_for(qtbot, context, [unknown_header])
    to_page(qtbot, wizard, ImportWizard.COLUMNS)
    page = wizard.column_page
    preview = page.current()
    assert preview is not None and preview.missing() == ()
    assert preview.field_of(2) is Field.RESIDENCE

    box = page.column_box(2)
    assert box.accessibleName() == "Veld van kolom C (Woongemeente)"
    box.setCurrentIndex(box.findData(str(Field.IGNORED)))
    assert preview.missing() == ("woongemeente, woonplaats of postcode van de leerling",)
    assert "Nog niet gekoppeld: woongemeente" in page.status_label.text()
    box = page.column_box(2)  # the boxes are made anew for the new reading
    box.setCurrentIndex(box.findData(str(Field.RESIDENCE)))
    assert preview.missing() == ()
    assert page.column_box(0).accessibleName() == "Veld van kolom A (Leerlingnummer (BSN))"
    assert preview.field_of(0) is Field.BSN
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "A: BSN"

    saved = page.save_mapping_as("SWV eigen kolommen")
    assert saved is not None
    (stored,) = list_mappings(context.db)
    assert stored.name == "SWV eigen kolommen"
    # the mapping holds what the user chose; the rest is recognised as always
    assert stored.columns == {Field.RESIDENCE: "Woongemeente"}
    assert Field.PERSONAL not in stored.columns  # "Achternaam" is no part of it
    assert page.saved_box.currentData() == "SWV eigen kolommen"

    # next time, a file with the same headers is read with it by itself
    again = wizard_for(qtbot, context, [unknown_header])
    to_page(qtbot, again, ImportWizard.COLUMNS)
    assert again.column_page.current().mapping_name == "SWV eigen kolommen"
    assert "Koppeling ‘SWV eigen kolommen’ gebruikt" in again.column_page.status_label.text()

    to_page(qtbot, wizard, ImportWizard.CHECK)
    assert file_report(wizard, unknown_header.name).outcome is Outcome.STORED
    to_page(qtbot, wizard, ImportWizard.IMPORT)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    (report,) = wizard.outcome.reports
    assert report.outcome is Outcome.STORED and report.rows_stored == 6
    assert errors == []


def test_cancel_during_an_import_stores_nothing(
    qtbot, context: UiContext, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    armed, inside, release = threading.Event(), threading.Event(), threading.Event()
    classify = importer_module.classify

    def slow_classify(*args: object, **kwargs: object) -> object:
        if armed.is_set():  # only in the import, not in the check
            inside.set()
            assert release.wait(TIMEOUT / 1000)
        return classify(*args, **kwargs)

    monkeypatch.setattr(importer_module, "classify", slow_classify)
    before = snapshot(context.db)
    wizard = wizard_for(qtbot, context, demo_files()[:5])
    to_page(qtbot, wizard, ImportWizard.CHECK)
    armed.set()
    to_page(qtbot, wizard, ImportWizard.IMPORT)
    assert wizard.import_page.running()
    qtbot.waitUntil(inside.is_set, timeout=TIMEOUT)
    wizard.import_page.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    assert wizard.outcome is not None and wizard.outcome.cancelled
    assert wizard.result_page.message_label.text() == CANCELLED_MESSAGE
    assert snapshot(context.db) == before
    assert errors == []


def test_a_cancel_lists_the_files_stored_before_it(
    qtbot, context: UiContext, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, inside, release = [], threading.Event(), threading.Event()
    decide = importer_module.decide
    armed = threading.Event()

    def slow_decide(*args: object, **kwargs: object) -> object:
        if armed.is_set():
            calls.append(args[0])
            if len(calls) == 2:  # deciding on the second file of the import
                inside.set()
                assert release.wait(TIMEOUT / 1000)
        return decide(*args, **kwargs)

    monkeypatch.setattr(importer_module, "decide", slow_decide)
    wizard = wizard_for(qtbot, context, demo_files()[:3])
    to_page(qtbot, wizard, ImportWizard.CHECK)
    armed.set()
    to_page(qtbot, wizard, ImportWizard.IMPORT)
    qtbot.waitUntil(inside.is_set, timeout=TIMEOUT)
    wizard.import_page.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    (first,) = list_imports(context.db)
    assert first.file_name == demo_files()[0].name
    assert wizard.result_page.message_label.text() == (
        f"{CANCELLED_MESSAGE} Wel opgeslagen voor het afbreken: "
        f"{first.file_name} (import {first.id})."
    )
    assert errors == []


def test_closing_the_wizard_during_an_import_cancels_instead(
    qtbot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    armed, inside, release = threading.Event(), threading.Event(), threading.Event()
    classify = importer_module.classify

    def slow_classify(*args: object, **kwargs: object) -> object:
        if armed.is_set():
            inside.set()
            assert release.wait(TIMEOUT / 1000)
        return classify(*args, **kwargs)

    monkeypatch.setattr(importer_module, "classify", slow_classify)
    wizard = wizard_for(qtbot, context, demo_files()[:2])
    to_page(qtbot, wizard, ImportWizard.CHECK)
    armed.set()
    to_page(qtbot, wizard, ImportWizard.IMPORT)
    qtbot.waitUntil(inside.is_set, timeout=TIMEOUT)
    wizard.reject()  # Escape or the window's close button
    assert wizard.isVisible()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    assert wizard.outcome.cancelled
    assert list_imports(context.db) == []


def test_the_event_loop_stays_responsive_during_a_large_import(
    qtbot, context: UiContext, errors: list[str], tmp_path: Path
) -> None:
    Importer(context.db, load_pseudonymizer()).import_files([school_list(tmp_path)])
    flows = {("GM0518", "GM0518"): 8_000, ("GM0603", "GM0518"): 6_000, ("GM0503", "GM0503"): 6_000}
    large = flows_extract(tmp_path / "groot.xlsx", flows)
    wizard = wizard_for(qtbot, context, [large])
    to_page(qtbot, wizard, ImportWizard.CHECK)

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    to_page(qtbot, wizard, ImportWizard.IMPORT)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    ended = time.perf_counter()
    timer.stop()

    (report,) = wizard.outcome.reports
    assert report.outcome is Outcome.STORED and report.rows_stored == 20_000
    moments = [started, *ticks, ended]
    longest = max(b - a for a, b in itertools.pairwise(moments))
    assert len(ticks) >= 3, "the import was too quick to say anything"
    assert longest < 1.0, f"the window froze for {longest:.2f} s"
    assert errors == []


def test_files_are_added_once_and_only_spreadsheets(
    qtbot, context: UiContext, tmp_path: Path
) -> None:
    notes = tmp_path / "notities.docx"
    notes.write_text("geen spreadsheet")
    wizard = wizard_for(qtbot, context, [])
    assert not wizard.files_page.isComplete()
    wizard.files_page.add_files([WITH_PROBLEMS, WITH_PROBLEMS, notes])
    assert wizard.files_page.paths() == [WITH_PROBLEMS]
    assert "notities.docx" in wizard.files_page.ignored_label.text()
    wizard.files_page.file_list.item(0).setSelected(True)
    wizard.files_page.remove_button.click()
    assert wizard.files_page.paths() == []
    assert not wizard.files_page.isComplete()


def test_a_folder_adds_the_spreadsheets_in_it(
    qtbot, context: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "aanlevering"
    folder.mkdir()
    (folder / "b.csv").write_bytes(WITH_PROBLEMS.read_bytes())
    (folder / "a.xlsx").write_bytes(b"PK")
    (folder / "~$a.xlsx").write_bytes(b"lock")
    (folder / "brief.pdf").write_bytes(b"%PDF-")
    empty = tmp_path / "leeg"
    empty.mkdir()
    wizard = wizard_for(qtbot, context, [])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    wizard.files_page.folder_button.click()
    assert wizard.files_page.paths() == [folder / "a.xlsx", folder / "b.csv"]
    assert wizard.files_page.isComplete()
    wizard.files_page.add_files([empty])
    assert "Geen spreadsheets of csv-bestanden in de map ‘leeg’" in (
        wizard.files_page.ignored_label.text()
    )
    assert len(wizard.files_page.paths()) == 2


def test_the_preview_model_and_the_mapping_rules(qtmodeltester, unknown_header: Path) -> None:
    preview = FilePreview.read(unknown_header)
    model = PreviewModel()
    model.show(preview)
    qtmodeltester.check(model)
    assert model.rowCount() == 7 and model.columnCount() == len(PUPIL_HEADER)

    # A field given to a second column leaves the first.
    preview.set_field(0, Field.BSN)
    preview.set_field(1, Field.BSN)
    assert preview.field_of(1) is Field.BSN and preview.field_of(0) is None
    # "—" on a column the program recognises by name: recognised again; "genegeerd" sticks.
    preview.set_field(2, None)
    assert preview.field_of(2) is Field.RESIDENCE
    preview.set_field(2, Field.IGNORED)
    assert preview.field_of(2) is Field.IGNORED
    assert preview.missing() == ("woongemeente, woonplaats of postcode van de leerling",)
    model.show(preview)
    qtmodeltester.check(model)


def test_the_check_models(qtbot, qtmodeltester, context: UiContext) -> None:
    load_schools(context.db)
    wizard = wizard_for(qtbot, context, [WITH_PROBLEMS])
    to_page(qtbot, wizard, ImportWizard.CHECK)
    qtmodeltester.check(wizard.check_page.issues)
    qtmodeltester.check(wizard.check_page.issues_proxy)
    qtmodeltester.check(wizard.check_page.files)


def test_rows_of_another_school_year_are_explained_where_they_are_counted(qapp) -> None:
    """'Overgeslagen 4' with no error reads as rows lost; the cell's tooltip and the summary
    say they belong to another school year."""
    from grensverkeer.domain import FileKind
    from grensverkeer.schoolyear import SchoolYear
    from grensverkeer.services.imports.reports import ImportReport, Outcome
    from grensverkeer.ui.issues_model import FileRow, skipped_tooltip
    from grensverkeer.ui.wizard_tasks import outside_year_text, skipped_text

    report = ImportReport(
        "leerlingen.xlsx",
        Outcome.STORED,
        kind=FileKind.PUPILS,
        school_year=SchoolYear(2024),
        rows_read=90,
        rows_stored=86,
        rows_skipped=4,
        outside_year=4,
    )
    assert skipped_tooltip(FileRow(report, checking=False)) == (
        "4 rijen overgeslagen, waarvan 4 buiten schooljaar 2024-2025: die horen bij een ander "
        "schooljaar en tellen hier niet mee."
    )
    assert (
        outside_year_text([report]) == "4 rijen horen bij een ander schooljaar en tellen niet mee."
    )
    assert skipped_text([report]) == ""  # no fault: not among the rows skipped for a problem
