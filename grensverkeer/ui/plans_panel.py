"""The Plannen tab of the Verrekening page: every finalised plan, and withdrawing one.

A plan is never deleted (``services.plans.finalized_plans.withdraw``): the panel lists withdrawn
plans with when, by whom and why, and ``Plan intrekken…`` asks for the reason before it withdraws
the selected valid plan; then its school year can get a new plan.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.plans.finalized_plans import REASON_LENGTH, Plan, list_plans, withdraw
from grensverkeer.storage.database import Database
from grensverkeer.ui.dialogs import show_error, show_info
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.table_models import Column, RowsModel, euro_column, selected_row, table_view


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlansPanel", text)


def status_text(plan: Plan) -> str:
    """``geldig``, or ``ingetrokken op 05-03-2025 door jan: reden``."""
    if plan.withdrawn_at is None:
        return _tr("geldig")
    return _tr("ingetrokken op {day} door {who}: {reason}").format(
        day=formatting.short_date(plan.withdrawn_at.astimezone()),
        who=plan.withdrawn_by or _tr("onbekend"),
        reason=plan.withdrawn_reason,
    )


class WithdrawDialog(QDialog):
    """Asks why a plan is withdrawn; OK only with a reason."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Plan intrekken"))
        explanation = QLabel(
            _tr(
                "Plan {id} voor schooljaar {year} (kenmerk {hash}) intrekken? Het plan blijft "
                "bewaard en leesbaar, gemarkeerd als INGETROKKEN, ook in zijn documenten. "
                "Daarna kan voor {year} een nieuw plan worden vastgesteld."
            ).format(id=plan.id, year=plan.school_year, hash=plan.short_hash)
        )
        explanation.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(_tr("Reden van intrekken"))
        self.reason.setPlaceholderText(_tr("Waarom wordt het plan ingetrokken?"))
        label = QLabel(_tr("&Reden:"))
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr("&Intrekken"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()

    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def _update(self) -> None:
        self.ok_button.setEnabled(0 < len(self.reason_text()) <= REASON_LENGTH)


class PlansPanel(QWidget):
    """The table of plans and the withdraw button; ``changed`` after a withdrawal."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = RowsModel[Plan](
            [
                Column(_tr("Plan"), lambda p: str(p.id), sort=lambda p: p.id, numeric=True),
                Column(_tr("Schooljaar"), lambda p: str(p.school_year)),
                Column(_tr("Methode"), lambda p: p.method),
                Column(
                    _tr("Vastgesteld"),
                    lambda p: formatting.moment(p.finalized_at.astimezone()),
                    sort=lambda p: p.finalized_at.isoformat(),
                ),
                Column(_tr("Door"), lambda p: p.finalized_by),
                euro_column(_tr("Bedrag"), lambda p: p.result.total_moved),
                Column(_tr("Kenmerk"), lambda p: p.short_hash),
                Column(_tr("Status"), status_text),
            ],
            self,
        )
        self.view = table_view(self.model, _tr("Vastgestelde plannen"))
        self.withdraw_button = QPushButton(_tr("Plan &intrekken…"))
        self.withdraw_button.setAccessibleName(_tr("Plan intrekken"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.view.selectionModel().selectionChanged.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update()

    def refresh(self) -> None:
        self.model.set_rows(list_plans(self.db))
        self._update()

    def selected_plan(self) -> Plan | None:
        plan = selected_row(self.view)
        return plan if isinstance(plan, Plan) else None

    def _update(self) -> None:
        plan = self.selected_plan()
        self.withdraw_button.setEnabled(plan is not None and not plan.withdrawn)

    def withdraw_selected(self) -> None:
        plan = self.selected_plan()
        if plan is None or plan.withdrawn:
            return
        dialog = WithdrawDialog(plan, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            done = withdraw(self.db, plan.id, dialog.reason_text())
        except GrensverkeerError as error:
            show_error(self, error_text(error))
            return
        self.refresh()
        show_info(
            self,
            _tr(
                "Plan {id} is ingetrokken. Voor schooljaar {year} kan nu een nieuw plan worden "
                "vastgesteld met ‘Plan vaststellen…’."
            ).format(id=done.id, year=done.school_year),
        )
        self.changed.emit()
