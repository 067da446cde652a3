"""Matrix: the heat map of one school year, in pupils or euros, with filters and the pupils
behind a cell.

The figures come from ``services.matrices.matrix_filters.filtered_matrix`` (the service matrix
itself when only the onderwijstype is chosen) and the pupils of a cell from
``services.matrices.cell_pupils.pupils_in_cell``, which counts the same way: a cell of N pupils
lists N pupils. Missing tariffs for the euro view are shown as the service's message, in the page.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from grensverkeer import formatting
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.cell_pupils import CellPupil, pupils_in_cell
from grensverkeer.services.matrices.counted_matrix import AMOUNT, Matrix, MissingTariffError
from grensverkeer.services.matrices.matrix_filters import (
    MatrixFilter,
    filtered_matrix,
)
from grensverkeer.services.matrices.year_pupils import YearPupils, year_pupils
from grensverkeer.services.privacy.purge import purged_year
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.empty_year import error_text, no_pupils_text
from grensverkeer.ui.filter_bar import FilterBar
from grensverkeer.ui.heatmap import (
    CELL_ROLE,
    OUTSIDE,
    TOTAL,
    MatrixModel,
    WrappingHeader,
    fit_columns,
)
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.privacy_dialogs import purged_text
from grensverkeer.ui.table_models import Column, RowsModel, heading, pupils_text, table_view
from grensverkeer.ui.workers import Loader

NO_ARRANGEMENT = ""


class MatrixPage(Page):
    name = "matrix"
    title = "Matrix"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Matrix"))
        self.school_year: SchoolYear | None = None
        self.cell: tuple[str, str] | None = None
        self.loader = Loader(self, context.pool, "matrix tellen")
        self.cell_loader = Loader(self, context.pool, "leerlingen van een cel zoeken")

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Matrix")))
        # the same filters as the map (one widget); the names below are the page's own
        self.filters = FilterBar(context.reference)
        self.filters.changed.connect(self.reload)
        layout.addWidget(self.filters)
        self.measure_pupils = self.filters.measure_pupils
        self.measure_amount = self.filters.measure_amount
        self.type_combo = self.filters.type_combo
        self.swv_combo = self.filters.swv_combo
        self.arrangement_combo = self.filters.arrangement_combo

        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        self.message.setAccessibleName(self.tr("Melding"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        self.model = MatrixModel(context.reference, self)
        self.view = QTableView()
        self.view.setHorizontalHeader(WrappingHeader(self.view))
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Matrix woongemeente × schoolgemeente"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setCornerButtonEnabled(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setToolTip(self.tr("Schoolgemeente"))
        self.view.verticalHeader().setToolTip(self.tr("Woongemeente"))
        self.view.clicked.connect(self.show_cell)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_title = QLabel(self.tr("Leerlingen in de cel"))
        font = self.cell_title.font()
        font.setBold(True)
        self.cell_title.setFont(font)
        side_layout.addWidget(self.cell_title)
        self.cell_caption = QLabel(self.tr("Kies een cel om de leerlingen te zien."))
        self.cell_caption.setWordWrap(True)
        side_layout.addWidget(self.cell_caption)
        self.pupils_model: RowsModel[CellPupil] = RowsModel(self._pupil_columns(), self)
        self.pupils_view = table_view(self.pupils_model, self.tr("Leerlingen in de cel"))
        side_layout.addWidget(self.pupils_view)

        # The heat map on top at the height of its rows, the pupils of a cell below it.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.splitter = splitter

        self.legend = QLabel(
            self.tr(
                "Rijen: woongemeente; kolommen: schoolgemeente. Hoe donkerder de cel, hoe "
                "groter de stroom tussen twee gemeenten; blauw: in de eigen gemeente."
            )
        )
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)

        QWidget.setTabOrder(self.measure_pupils, self.measure_amount)
        QWidget.setTabOrder(self.measure_amount, self.type_combo)
        QWidget.setTabOrder(self.type_combo, self.swv_combo)
        QWidget.setTabOrder(self.swv_combo, self.arrangement_combo)
        QWidget.setTabOrder(self.arrangement_combo, self.view)
        QWidget.setTabOrder(self.view, self.pupils_view)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_matrix()

    def _fit_matrix(self) -> None:
        """Give the heat map the height of its rows (within reason), the pupil list the rest."""
        view = self.view
        rows = view.verticalHeader().length() or view.verticalHeader().defaultSectionSize()
        wanted = rows + view.horizontalHeader().height() + 2 * view.frameWidth()
        if view.horizontalHeader().length() > view.viewport().width():
            wanted += view.horizontalScrollBar().sizeHint().height()
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total <= 0:
            return
        top = min(wanted, total * 2 // 3)
        self.splitter.setSizes([top, total - top])

    # Page ------------------------------------------------------------------------------

    def set_school_year(self, year: SchoolYear | None) -> None:
        self.school_year = year

    def refresh(self) -> None:
        self._fill_arrangements()
        self.reload()

    # Choices ---------------------------------------------------------------------------

    @property
    def measure(self) -> str:
        return self.filters.measure

    def set_measure(self, measure: str) -> None:
        self.filters.set_measure(measure)

    def current_filter(self) -> MatrixFilter:
        return self.filters.current_filter()

    def _fill_arrangements(self) -> None:
        self.filters.fill_arrangements(self.context.db, self.school_year)

    # Figures ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Recount the matrix for the chosen year, measure and filters, in the background."""
        self.message.hide()
        self._clear_cell()
        year = self.school_year
        if year is None:
            self.loader.drop()
            self.model.set_matrix(None)
            self.caption.setText("")
            self._show_message(no_pupils_text(None))
            return
        db, reference = self.context.db, self.context.reference
        measure, wanted = self.measure, self.current_filter()

        def count() -> Matrix | MissingTariffError | YearPupils:
            try:
                matrix = filtered_matrix(db, year, measure, wanted, reference)
            except MissingTariffError as missing:  # a finding to show, not a failure
                return missing
            if not matrix.cells and wanted == MatrixFilter():
                return year_pupils(db, year)  # why the year is empty, said in window words
            return matrix

        self.caption.setText(self.tr("Bezig met tellen…"))
        self.loader.load(
            count, lambda result: self._show_matrix(year, measure, wanted, result), self._failed
        )

    def is_busy(self) -> bool:
        return self.loader.busy() or self.cell_loader.busy()

    def _failed(self, message: str) -> None:
        self.model.set_matrix(None)
        self.caption.setText("")
        self._show_message(message)

    def _show_matrix(
        self,
        year: SchoolYear,
        measure: str,
        wanted: MatrixFilter,
        result: Matrix | MissingTariffError | YearPupils,
    ) -> None:
        if isinstance(result, MissingTariffError):
            self.model.set_matrix(None)
            self.caption.setText(self.tr("Schooljaar {year}: bedragen").format(year=year))
            self._show_message(error_text(result))
            return
        if isinstance(result, YearPupils):
            self.model.set_matrix(None)
            self.caption.setText(self.tr("Schooljaar {year}: geen leerlingen").format(year=year))
            self._show_message(no_pupils_text(result))
            return
        matrix = result
        self.model.set_matrix(matrix)
        fit_columns(self.view)
        self._fit_matrix()
        largest = self.model.grid.largest_flow()
        if largest is not None:  # open with the pupils of the largest flow
            self.view.setCurrentIndex(self.model.index_of(*largest))
        settings = matrix.settings
        counted = (
            self.tr("naar rato van de dagen in het schooljaar")
            if settings is not None and settings.pro_rata
            else self.tr("geteld op peildatum {day}").format(
                day=formatting.long_date(matrix.peildatum)
            )
        )
        total = self.model.total()
        self.caption.setText(
            self.tr("Schooljaar {year}, {counted}. Totaal: {total}.").format(
                year=year,
                counted=counted,
                total=formatting.euros(int(total)) if measure == AMOUNT else _pupils(total),
            )
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # The pupils of a cell --------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_cell(current)

    def show_cell(self, index: QModelIndex) -> None:
        """List the pupils counted in the cell at ``index`` (totals and outside included)."""
        if not index.isValid() or self.school_year is None:
            return
        row, column = index.data(CELL_ROLE)
        if self.cell == (row, column):
            return
        self.cell = (row, column)
        db, year, reference = self.context.db, self.school_year, self.context.reference
        wanted = self.current_filter()
        self.cell_title.setText(
            self.tr("{row} → {column}").format(
                row=self.model.long_label(row, "row"),
                column=self.model.long_label(column, "column"),
            )
        )
        purged = purged_year(db, year)
        if purged is not None:  # the pupils were replaced by counts: say so, list none
            self.pupils_model.set_rows([])
            self.cell_caption.setText(purged_text(purged))
            return
        self.cell_caption.setText(self.tr("Bezig met zoeken…"))
        self.cell_loader.load(
            lambda: pupils_in_cell(
                db,
                year,
                None if row == TOTAL else row,
                None if column == TOTAL else column,
                wanted.edu_type,
                swv=wanted.swv,
                arrangement=wanted.arrangement,
                reference=reference,
            ),
            lambda pupils: self._show_pupils(row, column, pupils),
            self.cell_caption.setText,
        )

    def _show_pupils(self, row: str, column: str, pupils: list[CellPupil]) -> None:
        self.pupils_model.set_rows(pupils)
        aggregate = OUTSIDE in (row, column) or TOTAL in (row, column)
        for number in (7, 8):
            self.pupils_view.setColumnHidden(number, not aggregate)
        self.pupils_view.resizeColumnsToContents()
        if any(p.weight != 1 for p in pupils):
            share = sum((p.weight for p in pupils), Fraction(0))
            text = self.tr(
                "{records} inschrijvingen, naar rato samen {pupils} (gepseudonimiseerd)."
            ).format(records=formatting.number(len(pupils)), pupils=_pupils(share))
        else:
            text = self.tr("{pupils} in deze cel (gepseudonimiseerd).").format(
                pupils=pupils_text(len(pupils))
            )
        self.cell_caption.setText(text)

    def _clear_cell(self) -> None:
        self.cell = None
        self.cell_loader.drop()
        self.pupils_model.set_rows([])
        for number in (7, 8):
            self.pupils_view.setColumnHidden(number, True)
        self.cell_title.setText(self.tr("Leerlingen in de cel"))
        self.cell_caption.setText(self.tr("Kies een cel om de leerlingen te zien."))

    def _pupil_columns(self) -> list[Column[CellPupil]]:
        reference = self.context.reference
        return [
            Column(self.tr("Pseudoniem"), lambda p: p.pseudonym),
            Column(self.tr("School"), lambda p: p.school_name or p.brinvest),
            Column(self.tr("BRIN"), lambda p: p.brinvest),
            Column(self.tr("Type"), lambda p: str(p.edu_type)),
            Column(self.tr("Arrangement"), lambda p: p.arrangement),
            Column(
                self.tr("Begin"),
                lambda p: "" if p.start is None else formatting.short_date(p.start),
                sort=lambda p: "" if p.start is None else p.start.isoformat(),
            ),
            Column(
                self.tr("Einde"),
                lambda p: "" if p.end is None else formatting.short_date(p.end),
                sort=lambda p: "9999" if p.end is None else p.end.isoformat(),
            ),
            Column(self.tr("Woont in"), lambda p: _name(reference, p.residence)),
            Column(self.tr("School in"), lambda p: _name(reference, p.school_municipality)),
        ]


def _name(reference: Reference, code: str) -> str:
    municipality = reference.municipality(code)
    return municipality.short_name if municipality else code


def _pupils(value: int | Fraction) -> str:
    return pupils_text(value)


PAGE = MatrixPage
