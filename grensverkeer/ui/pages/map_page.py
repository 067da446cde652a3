"""Kaart: the region on a map, coloured by net position, with the largest flows as arrows.

The figures are the matrix's (``services.matrices.matrix_filters.filtered_matrix``, same filters),
the drawing is ``mapping.flowmap`` shown by ``ui.picture_view``; this page only wires them up. A
click on a municipality (or choosing it in the list, for the keyboard) lists all its incoming and
outgoing flows as numbers and offers to open the matrix on it with the same filters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from grensverkeer.mapping.flowmap import FlowMap, MapRequest, build_map
from grensverkeer.mapping.rows import FlowRow, filter_text, flow_rows
from grensverkeer.mapping.units import AMOUNT, Number, signed, value_text
from grensverkeer.mapping.units import pupils as pupils_text_of
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import Matrix, MissingTariffError
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, filtered_matrix
from grensverkeer.services.matrices.year_pupils import YearPupils, year_pupils
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.empty_year import error_text, no_pupils_text
from grensverkeer.ui.filter_bar import FilterBar
from grensverkeer.ui.heatmap import OUTSIDE, TOTAL, full_name
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.picture_view import PictureView
from grensverkeer.ui.table_models import Column, RowsModel, heading, table_view
from grensverkeer.ui.workers import Loader

CODE_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_TOP = 12


class MapPage(Page):
    name = "kaart"
    title = "Kaart"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Kaart"))
        self.school_year: SchoolYear | None = None
        self.matrix: Matrix | None = None
        self.map: FlowMap | None = None
        self.selected: str | None = None
        self.names: dict[str, str] = {}
        self.loader = Loader(self, context.pool, "kaart tekenen")

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Kaart")))
        self.filters = FilterBar(context.reference)
        self.filters.changed.connect(self.reload)
        layout.addWidget(self.filters)
        layout.addLayout(self._flow_bar())
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

        self.view = PictureView()
        self.view.setAccessibleName(self.tr("Kaart van de regio met de stromen"))
        self.view.setMinimumSize(300, 220)
        self.view.clicked.connect(self._clicked)
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setSingleShot(True)
        self.redraw_timer.setInterval(120)
        self.redraw_timer.timeout.connect(self._redraw)
        self.view.reshaped.connect(self.redraw_timer.start)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        side = self._side()
        side.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 30)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    def _flow_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.top = QSpinBox()
        self.top.setRange(0, 999)
        self.top.setValue(DEFAULT_TOP)
        self.top.setSpecialValueText(self.tr("alle"))
        self.top.setAccessibleName(self.tr("Aantal grootste stromen"))
        self.top.setToolTip(self.tr("Alleen de grootste stromen tekenen; 0: alle"))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 10_000_000)
        self.threshold.setAccessibleName(self.tr("Kleinste stroom"))
        self.threshold.setToolTip(self.tr("Alleen stromen van minstens deze omvang tekenen"))
        for text, box in (
            (self.tr("&Grootste stromen:"), self.top),
            (self.tr("&Vanaf:"), self.threshold),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            bar.addWidget(label)
            bar.addWidget(box)
            box.valueChanged.connect(self._redraw)
        self.threshold_unit = QLabel()
        bar.addWidget(self.threshold_unit)
        bar.addStretch(1)
        return bar

    def _side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Gemeenten op de kaart"))
        self.list.currentItemChanged.connect(self._list_changed)
        label = QLabel(self.tr("&Gemeente:"))
        label.setBuddy(self.list)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        self.detail_title = QLabel(self.tr("Kies een gemeente op de kaart of in de lijst."))
        self.detail_title.setWordWrap(True)
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        column.addWidget(self.detail_title)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.detail)
        self.flows_model: RowsModel[FlowRow] = RowsModel(self._columns(), self)
        self.flows_view = table_view(self.flows_model, self.tr("Stromen van de gemeente"))
        column.addWidget(self.flows_view, 2)
        self.matrix_button = QPushButton(self.tr("Open in de &matrix"))
        self.matrix_button.setAccessibleName(self.tr("Open in de matrix"))
        self.matrix_button.setEnabled(False)
        self.matrix_button.clicked.connect(self.open_in_matrix)
        column.addWidget(self.matrix_button)
        return side

    def _columns(self) -> list[Column[FlowRow]]:
        return [
            Column(
                self.tr("In/uit"),
                lambda row: self.tr("in") if row.direction == "in" else self.tr("uit"),
            ),
            Column(self.tr("Gemeente"), lambda row: row.name),
            Column(
                self.tr("Omvang"),
                lambda row: _amount(row.value, self.measure),
                sort=lambda row: float(row.value),
                numeric=True,
            ),
        ]

    # Page ----------------------------------------------------------------------------------

    @property
    def measure(self) -> str:
        return self.matrix.measure if self.matrix is not None else self.filters.measure

    def set_school_year(self, year: SchoolYear | None) -> None:
        self.school_year = year

    def refresh(self) -> None:
        self.filters.fill_arrangements(self.context.db, self.school_year)
        self.reload()

    def is_busy(self) -> bool:
        return self.loader.busy()

    def reload(self) -> None:
        """Recount the matrix for the chosen year and filters in the background, then draw."""
        year = self.school_year
        if year is None:
            self.loader.drop()
            self._show(None, no_pupils_text(None))
            return
        db, reference = self.context.db, self.context.reference
        measure, wanted = self.filters.measure, self.filters.current_filter()

        def count() -> Matrix | MissingTariffError | YearPupils:
            try:
                matrix = filtered_matrix(db, year, measure, wanted, reference)
            except MissingTariffError as missing:  # a finding to show, not a failure
                return missing
            if not matrix.cells and wanted == MatrixFilter():
                return year_pupils(db, year)  # why the year is empty, in window words
            return matrix

        self.caption.setText(self.tr("Bezig met tellen…"))
        self.loader.load(count, lambda result: self._counted(wanted, result), self._failed)

    def _failed(self, message: str) -> None:
        self._show(None, message)

    def _counted(
        self, wanted: MatrixFilter, result: Matrix | MissingTariffError | YearPupils
    ) -> None:
        if isinstance(result, MissingTariffError):
            self._show(None, error_text(result))
            return
        if isinstance(result, YearPupils):
            self._show(None, no_pupils_text(result))
            return
        self.matrix = result
        reference = self.context.reference
        codes = {code for cell in result.cells for code in cell} | set(result.participants)
        self.names = {code: _short(reference, code) for code in codes}
        self._fill_list()
        self._redraw()

    def _show(self, matrix: Matrix | None, text: str) -> None:
        self.matrix = matrix
        self.map = None
        self.view.show_picture(None)
        self.list.clear()
        self.flows_model.set_rows([])
        self.caption.setText(text)

    # Drawing -------------------------------------------------------------------------------

    def flow_limits(self) -> tuple[int | None, int | None]:
        """The top N (None: all) and the threshold in the matrix's unit (cents for euros)."""
        top = self.top.value() or None
        threshold = self.threshold.value() or None
        if threshold is not None and self.measure == AMOUNT:
            threshold *= 100
        return top, threshold

    def _redraw(self) -> None:
        matrix = self.matrix
        self.threshold_unit.setText(
            self.tr("euro") if self.measure == AMOUNT else self.tr("leerlingen")
        )
        if matrix is None:
            return
        top, threshold = self.flow_limits()
        wanted = self.filters.current_filter()
        self.map = build_map(
            MapRequest(
                matrix.cells,
                matrix.participants,
                matrix.measure,
                self.names,
                top=top,
                threshold=threshold,
                title=self.tr("Grensverkeer schooljaar {year}").format(year=matrix.school_year),
                subtitle=filter_text(wanted),
                selected=self.selected,
                **self.view.canvas_size(),
            )
        )
        self.view.show_picture(self.map.picture)
        shown, total = len(self.map.selection.shown), self.map.selection.total
        self.caption.setText(
            self.tr(
                "{shown} van de {total} stromen getekend. Wijs een gemeente of pijl aan voor "
                "de aantallen; klik op een gemeente voor haar stromen."
            ).format(shown=shown, total=total)
        )
        if self.selected is not None:
            self._show_details(self.selected)

    def shown_flows(self) -> list[str]:
        """The keys (``residence>school``) of the arrows on the map."""
        return [] if self.map is None else [flow.key for flow in self.map.selection.shown]

    # Choosing a municipality ------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        try:
            self.list.clear()
            assert self.matrix is not None
            members = set(self.matrix.participants)
            codes = sorted(self.names, key=lambda c: (c not in members, self.names[c].casefold()))
            for code in codes:
                text = (
                    self.names[code]
                    if code in members
                    else self.tr("{name} (buiten de regio)").format(name=self.names[code])
                )
                item = QListWidgetItem(text)
                item.setData(CODE_ROLE, code)
                self.list.addItem(item)
                if code == self.selected:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        if self.selected not in self.names:
            self.selected = None
            self._clear_details()

    def _list_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.select(str(current.data(CODE_ROLE)))

    def _clicked(self, key: str) -> None:
        code = key.split(">")[0] if ">" in key else key
        if code in self.names:
            self.select(code)

    def select(self, code: str) -> None:
        """Choose ``code``: outline it on the map, list its flows, offer the matrix."""
        if code == self.selected:
            return
        self.selected = code
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(CODE_ROLE) == code and self.list.currentItem() is not item:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
        self._redraw()

    def _show_details(self, code: str) -> None:
        matrix = self.matrix
        if matrix is None or self.map is None or code not in self.map.figures:
            return
        figures = self.map.figures[code]
        measure = matrix.measure
        self.detail_title.setText(full_name(self.context.reference, code))
        lines = [
            self.tr("Komen hier naar school (wonen elders): {value}").format(
                value=value_text(figures.into, measure, exact=True)
            ),
            self.tr("Gaan elders naar school: {value}").format(
                value=value_text(figures.out_of, measure, exact=True)
            ),
        ]
        if figures.participant:
            lines.append(
                self.tr("Saldo binnen de regio: {value}").format(value=signed(figures.net, measure))
            )
        else:
            lines.append(self.tr("Geen deelnemer in dit schooljaar: niet verrekend."))
        self.detail.setText("\n".join(lines))
        self.flows_model.set_rows(flow_rows(matrix, code, self.names))
        self.flows_view.resizeColumnsToContents()
        self.matrix_button.setEnabled(True)

    def _clear_details(self) -> None:
        self.detail_title.setText(self.tr("Kies een gemeente op de kaart of in de lijst."))
        self.detail.setText("")
        self.flows_model.set_rows([])
        self.matrix_button.setEnabled(False)

    def open_in_matrix(self) -> None:
        """Show the matrix page with these filters and the chosen municipality's row."""
        window: Any = self.window()
        code = self.selected
        matrix_page = getattr(window, "page", lambda _name: None)("matrix")
        if matrix_page is None or code is None:
            return
        self.filters.copy_to(matrix_page.filters)
        window.show_page("matrix")
        members = set(self.matrix.participants) if self.matrix else set()
        QTimer.singleShot(0, lambda: _select_row(matrix_page, code if code in members else None))


def _select_row(page: Any, code: str | None) -> None:
    """Once the matrix is counted, put the cursor on ``code``'s row total (or outside's)."""
    if page.is_busy():
        QTimer.singleShot(50, lambda: _select_row(page, code))
        return
    try:
        index = page.model.index_of(code or OUTSIDE, TOTAL)
    except (ValueError, AttributeError):
        return
    page.view.setCurrentIndex(index)
    page.view.setFocus()


def _amount(value: Number, measure: str) -> str:
    """A flow in the side table: a bare number of pupils, or euros with cents."""
    return value_text(value, measure, exact=True) if measure == AMOUNT else pupils_text_of(value)


def _short(reference: Any, code: str) -> str:
    municipality = reference.municipality(code)
    return municipality.short_name if municipality else code


PAGE = MapPage
