"""Step 5 of the import wizard: what the import changed, and what it left out.

Per file the outcome, the school year and why it was chosen; the pupils per municipality of
residence in each file; the matrix cells the import changed (before → after); how many pupils
are outside the region and how many rows had no known residence; every problem and warning.
Skipped rows are in the headline (never a bare "Klaar") and can be saved as a CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from grensverkeer import formatting
from grensverkeer.export.skipped_rows import skipped_lines, write_skipped_rows
from grensverkeer.services.imports.import_changes import CellChange
from grensverkeer.services.imports.reports import ImportReport, Outcome
from grensverkeer.ui.dialogs import show_error
from grensverkeer.ui.issues_model import FileRow, files_model, issue_rows, issues_model
from grensverkeer.ui.page_widgets import fit_columns, table_view
from grensverkeer.ui.table_models import Column, RowsModel, sorted_view
from grensverkeer.ui.wizard_tasks import (
    CANCELLED_MESSAGE,
    ImportOutcome,
    outside_year_text,
    skipped_text,
)

if TYPE_CHECKING:
    from grensverkeer.ui.import_wizard import ImportWizard


@dataclass(frozen=True, slots=True)
class HomeRow:
    file: str
    municipality: str
    pupils: int | Fraction


@dataclass(frozen=True, slots=True)
class CellRow:
    file: str
    residence: str
    school: str
    change: CellChange


def _number(value: int | Fraction) -> str:
    return formatting.pupils(value)


class ResultPage(QWizardPage):
    """Step 5: outcomes, what changed, problems; the skipped rows to save."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.outcome: ImportOutcome | None = None
        self.setTitle(self.tr("Resultaat"))
        self.setFinalPage(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Uitkomst van de import"))
        self.files = files_model(False, self)
        self.files_view = table_view(self.tr("Bestanden en hun uitkomst"), self.files)
        self.homes: RowsModel[HomeRow] = RowsModel(
            [
                Column(self.tr("Bestand"), lambda r: r.file),
                Column(self.tr("Woongemeente"), lambda r: r.municipality),
                Column(self.tr("Leerlingen"), lambda r: _number(r.pupils), numeric=True),
            ],
            self,
        )
        self.homes_view = table_view(
            self.tr("Leerlingen per woongemeente"), sorted_view(self.homes)
        )
        self.cells: RowsModel[CellRow] = RowsModel(
            [
                Column(self.tr("Bestand"), lambda r: r.file),
                Column(self.tr("Woont in"), lambda r: r.residence),
                Column(self.tr("School in"), lambda r: r.school),
                Column(self.tr("Voor"), lambda r: _number(r.change.before), numeric=True),
                Column(self.tr("Na"), lambda r: _number(r.change.after), numeric=True),
            ],
            self,
        )
        self.cells_view = table_view(self.tr("Gewijzigde cellen van de matrix"), self.cells)
        self.issues = issues_model(self)
        self.issues_view = table_view(self.tr("Fouten en waarschuwingen"), sorted_view(self.issues))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.files_view, self.tr("&Bestanden"))
        self.tabs.addTab(self.homes_view, self.tr("&Woongemeenten"))
        self.tabs.addTab(self.cells_view, self.tr("&Gewijzigde cellen"))
        self.tabs.addTab(self.issues_view, self.tr("&Meldingen"))
        self.save_button = QPushButton(self.tr("Overgeslagen rijen &opslaan…"))
        self.save_button.setAccessibleName(self.tr("Overgeslagen rijen opslaan"))
        self.save_button.clicked.connect(lambda: self.save_skipped())
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        outcome = self.owner.outcome or ImportOutcome()
        self.outcome = outcome
        reports = outcome.reports
        reference = self.owner.context.reference
        self.files.set_rows([FileRow(r, checking=False) for r in reports])
        self.homes.set_rows(
            [
                HomeRow(r.file, reference.label(code), value)
                for r in reports
                if r.changes is not None
                for code, value in r.changes.by_residence
            ]
        )
        self.cells.set_rows(
            [
                CellRow(r.file, reference.label(c.residence), reference.label(c.school), c)
                for r in reports
                if r.changes is not None
                for c in r.changes.cells
            ]
        )
        self.issues.set_rows(issue_rows(reports, reference))
        for view in (self.files_view, self.homes_view, self.cells_view, self.issues_view):
            fit_columns(view)
        self.save_button.setVisible(bool(skipped_lines(reports)))
        self.message_label.setText(self.message(outcome))

    def message(self, outcome: ImportOutcome) -> str:
        if outcome.error:
            return outcome.error
        if outcome.cancelled:
            text = self.tr(CANCELLED_MESSAGE)
            if outcome.stored_before_cancel:
                stored = ", ".join(
                    self.tr("{file} (import {id})").format(file=s.file_name, id=s.id)
                    for s in outcome.stored_before_cancel
                )
                text += " " + self.tr("Wel opgeslagen voor het afbreken: {files}.").format(
                    files=stored
                )
            return text
        reports = outcome.reports
        counts = {o: sum(r.outcome is o for r in reports) for o in Outcome}
        headline = [
            self.tr(
                "{stored} opgeslagen, {refused} geweigerd, {already} al eerder geïmporteerd."
            ).format(
                stored=counts[Outcome.STORED],
                refused=counts[Outcome.REFUSED],
                already=counts[Outcome.ALREADY],
            )
        ]
        skipped = " ".join(filter(None, (skipped_text(reports), outside_year_text(reports))))
        if skipped:
            headline.insert(0, skipped)
        if outcome.cancel_too_late:
            headline.insert(0, self.tr("Het afbreken kwam te laat: de import was al klaar."))
        return "\n".join([" ".join(headline), *self._year_lines(reports)])

    def _year_lines(self, reports: tuple[ImportReport, ...]) -> list[str]:
        lines = []
        for report in reports:
            if report.outcome is not Outcome.STORED or report.school_year is None:
                continue
            changes = report.changes
            text = self.tr("{file}: schooljaar {year} ({why})").format(
                file=report.file, year=report.school_year, why=report.school_year_source
            )
            if changes is not None:
                text += self.tr(
                    "; {counted} leerlingen tellen mee, {outside} buiten de regio, "
                    "{unknown} rijen zonder bekende woongemeente"
                ).format(
                    counted=_number(changes.counted),
                    outside=_number(changes.outside_region),
                    unknown=formatting.number(changes.unknown_residence),
                )
            lines.append(text + ".")
        return lines

    def save_skipped(self, path: Path | None = None) -> Path | None:
        """Save the skipped rows as a CSV (a file is asked for when not given)."""
        if self.outcome is None:
            return None
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Overgeslagen rijen opslaan"),
                "overgeslagen_rijen.csv",
                self.tr("CSV-bestanden (*.csv)"),
            )
            if not name:
                return None
            path = Path(name)
        try:
            write_skipped_rows(self.outcome.reports, path)
        except OSError as error:
            show_error(self, self.tr("Opslaan lukte niet: {error}").format(error=error))
            return None
        return path
