"""The Privacy tab of the Gegevens page: find or remove one pupil, purge a finished year.

The same services as ``grensverkeer privacy`` (``services.privacy.pupil_requests``,
``services.privacy.purge``); each action asks first, stating what will go, and tells afterwards what
went and what stayed. A BSN typed here is only turned into the pseudonym; it is shown masked and
kept nowhere.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.privacy.pupil_requests import (
    PupilRecords,
    Removal,
    find_pupil,
    remove_pupil,
)
from grensverkeer.services.privacy.purge import Purge, PurgedYear, purge_year
from grensverkeer.services.privacy.retention import retention, years_retention
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import ask, show_error, show_info


def _tr(text: str) -> str:
    return QCoreApplication.translate("Privacy", text)


def purged_text(purged: PurgedYear) -> str:
    """What the drill-down says for a purged school year."""
    return _tr(
        "De leerlinggegevens van schooljaar {year} zijn verwijderd op {day}; de aantallen in "
        "de matrix blijven gelden, maar de leerlingen zelf zijn niet meer te tonen."
    ).format(year=purged.school_year, day=f"{purged.purged_on:%d-%m-%Y}")


class BsnDialog(QDialog):
    """Asks for a BSN (and, to remove, a reason)."""

    def __init__(self, title: str, with_reason: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.bsn = QLineEdit()
        self.bsn.setAccessibleName(_tr("BSN"))
        self.bsn.setInputMask("999999999;_")
        form.addRow(_tr("&BSN:"), self.bsn)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_tr("Reden"))
        self.reason.setPlaceholderText(_tr("bijvoorbeeld: verzoek van de ouders"))
        if with_reason:
            form.addRow(_tr("&Reden:"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PrivacyTab(QWidget):
    """Buttons for the three actions and, per school year, how long its pupils are kept."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.find_button = QPushButton(_tr("Leerling &zoeken…"))
        self.find_button.setAccessibleName(_tr("Leerling zoeken"))
        self.find_button.clicked.connect(lambda: self.find_pupil())
        self.remove_button = QPushButton(_tr("Leerling &verwijderen…"))
        self.remove_button.setAccessibleName(_tr("Leerling verwijderen"))
        self.remove_button.clicked.connect(lambda: self.remove())
        self.purge_button = QPushButton(_tr("Schooljaar &opschonen…"))
        self.purge_button.setAccessibleName(_tr("Schooljaar opschonen"))
        self.purge_button.clicked.connect(lambda: self.purge())
        buttons = QHBoxLayout()
        for button in (self.find_button, self.remove_button, self.purge_button):
            buttons.addWidget(button)
        buttons.addStretch()
        explanation = QLabel(
            _tr(
                "Een verzoek van ouders om inzage of verwijdering beantwoordt u met het BSN; het "
                "wordt alleen omgezet in het pseudoniem en nergens bewaard. Opschonen vervangt de "
                "leerlingen van een afgerond schooljaar door aantallen: de cijfers blijven gelijk."
            )
        )
        explanation.setWordWrap(True)
        self.status = QTextBrowser()
        self.status.setAccessibleName(_tr("Bewaartermijn per schooljaar"))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.status, 1)

    def refresh(self) -> None:
        db = self.context.db
        kept = retention(db)
        html = [
            "<p>"
            + escape(
                _tr("Bewaartermijn: {months} maanden na het einde van het schooljaar{d}.").format(
                    months=kept.months, d=_tr(" (standaard)") if kept.is_default else ""
                )
            )
            + "</p><ul>"
        ]
        for item in years_retention(db):
            if item.purged_on is not None:
                line = _tr("{year}: leerlinggegevens verwijderd op {day}").format(
                    year=item.school_year, day=f"{item.purged_on:%d-%m-%Y}"
                )
            else:
                line = _tr("{year}: leerlinggegevens bewaren tot {day}").format(
                    year=item.school_year, day=f"{item.keep_until:%d-%m-%Y}"
                )
                if item.overdue(date.today()):
                    line += _tr(" — de termijn is verstreken: schoon dit schooljaar op")
            html.append(f"<li>{escape(line)}</li>")
        html.append("</ul>")
        self.status.setHtml("".join(html))

    # Find -------------------------------------------------------------------------------

    def find_pupil(self, bsn: str | None = None) -> PupilRecords | None:
        if bsn is None:
            bsn = self._ask_bsn(_tr("Leerling zoeken"))
            if bsn is None:
                return None
        try:
            found = find_pupil(self.context.db, self.context.pseudonymizer(), bsn)
        except GrensverkeerError as error:
            show_error(self, str(error))
            return None
        show_info(self, self.found_text(found))
        return found

    def found_text(self, found: PupilRecords) -> str:
        if not found.records:
            return _tr("Er staat niets van de leerling met BSN {bsn} in deze database.").format(
                bsn=found.masked_bsn
            )
        label = self.context.reference.label
        lines = [
            _tr("Leerling met BSN {bsn}: {n}.").format(
                bsn=found.masked_bsn,
                n=formatting.count(len(found.records), "inschrijving", "inschrijvingen"),
            )
        ]
        for r in found.records:
            dates = " t/m ".join(
                "…" if day is None else f"{day:%d-%m-%Y}" for day in (r.start, r.end)
            )
            lines.append(
                f"{r.school_year}: {r.school_name or r.brinvest} ({r.brinvest}, "
                f"{label(r.school_municipality)}), woont in {label(r.residence)}, {r.edu_type}"
                + (f", {r.arrangement}" if r.arrangement else "")
                + f", {dates}; import {r.import_id} ({r.import_file})"
            )
        return "\n".join(lines)

    # Remove -----------------------------------------------------------------------------

    def remove(self, bsn: str | None = None, reason: str | None = None) -> Removal | None:
        if bsn is None or reason is None:
            dialog = BsnDialog(_tr("Leerling verwijderen"), True, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            bsn, reason = dialog.bsn.text(), dialog.reason.text()
        db, pseudonymizer = self.context.db, self.context.pseudonymizer()
        try:
            found = find_pupil(db, pseudonymizer, bsn)
            if not found.records:
                show_info(self, self.found_text(found))
                return None
            years = ", ".join(sorted({str(r.school_year) for r in found.records}))
            question = _tr(
                "{n} van de leerling met BSN {bsn} (schooljaar {years}) definitief verwijderen? "
                "Dit wordt vastgelegd (wanneer, door wie, hoeveel, waarom), zonder BSN."
            ).format(
                n=formatting.count(len(found.records), "inschrijving", "inschrijvingen"),
                bsn=found.masked_bsn,
                years=years,
            )
            if not ask(self, question):
                return None
            removal = remove_pupil(db, pseudonymizer, bsn, reason)
        except GrensverkeerError as error:
            show_error(self, str(error))
            return None
        self.context.events.changed.emit()
        show_info(self, self.removal_text(removal))
        return removal

    @staticmethod
    def removal_text(removal: Removal) -> str:
        lines = [
            _tr("Verwijderd: {n} van de leerling met BSN {bsn}.").format(
                n=formatting.count(removal.removed, "inschrijving", "inschrijvingen"),
                bsn=removal.masked_bsn,
            )
        ]
        for year, plan_id in removal.finalized:
            lines.append(
                _tr(
                    "Schooljaar {year} heeft een vastgesteld plan (plan {plan}). Dat plan en zijn "
                    "documenten blijven ongewijzigd en wijken nu af van de gegevens: deze "
                    "leerling telt daarin nog mee."
                ).format(year=year, plan=plan_id)
            )
        return "\n\n".join(lines)

    # Purge ------------------------------------------------------------------------------

    def purge(self, year: SchoolYear | None = None) -> Purge | None:
        db = self.context.db
        if year is None:
            year = self._ask_year()
            if year is None:
                return None
        try:
            preview = purge_year(db, year, dry_run=True)
            question = self.purge_question(preview)
            if not ask(self, question):
                return None
            done = purge_year(db, year, force=preview.plan_id is None)
        except GrensverkeerError as error:
            show_error(self, str(error))
            return None
        self.context.events.changed.emit()
        show_info(
            self,
            _tr("Schooljaar {year} is opgeschoond: {rows} vervangen door {kept}.").format(
                year=year,
                rows=formatting.count(done.pupil_rows, "leerlingrij", "leerlingrijen"),
                kept=formatting.count(done.kept_rows, "rij met aantallen", "rijen met aantallen"),
            ),
        )
        return done

    @staticmethod
    def purge_question(preview: Purge) -> str:
        text = _tr(
            "De leerlinggegevens van schooljaar {year} opschonen? {rows} van {pupils} worden "
            "vervangen door {kept} zonder pseudoniem. Alle cijfers van dat schooljaar blijven "
            "gelijk; leerlingen zoeken of tonen kan daarna niet meer."
        ).format(
            year=preview.school_year,
            rows=formatting.count(preview.pupil_rows, "leerlingrij", "leerlingrijen"),
            pupils=formatting.count(preview.pupils, "leerling", "leerlingen"),
            kept=formatting.count(preview.kept_rows, "rij met aantallen", "rijen met aantallen"),
        )
        if preview.plan_id is None:
            text += " " + _tr(
                "Let op: dit schooljaar heeft nog geen vastgesteld plan; als iemand de cijfers "
                "wil nagaan, zijn de leerlingen er dan niet meer."
            )
        return text

    # Asking -----------------------------------------------------------------------------

    def _ask_bsn(self, title: str) -> str | None:
        dialog = BsnDialog(title, False, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.bsn.text()

    def _ask_year(self) -> SchoolYear | None:
        years = [str(y.school_year) for y in years_retention(self.context.db) if not y.purged_on]
        if not years:
            show_info(self, _tr("Er is geen schooljaar met leerlinggegevens om op te schonen."))
            return None
        chosen, ok = QInputDialog.getItem(
            self, _tr("Schooljaar opschonen"), _tr("Schooljaar:"), years, 0, False
        )
        return SchoolYear.parse(chosen) if ok else None
