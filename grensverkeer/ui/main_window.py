"""The main window: navigation on the left, one page at a time, menus, and the school year.

How a page plugs in is written in ``ui/pages/base.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressDialog,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.demo import is_demo
from grensverkeer.ui.context import UiContext
from grensverkeer.ui.dialogs import AboutDialog, show_error, show_info
from grensverkeer.ui.empty_year import error_text
from grensverkeer.ui.pages.base import Page
from grensverkeer.ui.pages.data_page import DataPage
from grensverkeer.ui.pages.documents_page import DocumentsPage
from grensverkeer.ui.pages.map_page import MapPage
from grensverkeer.ui.pages.matrix_page import MatrixPage
from grensverkeer.ui.pages.overview_page import OverviewPage
from grensverkeer.ui.pages.settings_page import SettingsPage
from grensverkeer.ui.pages.settlement_page import SettlementPage
from grensverkeer.ui.pages.trend_page import TrendPage
from grensverkeer.ui.settings_store import SettingsStore
from grensverkeer.ui.window_menus import WindowMenus
from grensverkeer.ui.window_tasks import WindowTasks, short_target
from grensverkeer.ui.workers import Worker

log = logging.getLogger("grensverkeer.ui")

PAGES: tuple[type[Page], ...] = (
    OverviewPage,
    DataPage,
    MatrixPage,
    MapPage,
    TrendPage,
    SettlementPage,
    DocumentsPage,
    SettingsPage,
)
DATA_PAGE = "gegevens"
DOCUMENTS_PAGE = "documenten"
SETTINGS_PAGE = "instellingen"


def _scrolling(page: Page) -> QScrollArea:
    """A page in a scroll area: on a small screen (or at 150% scaling) the window still fits
    and the page scrolls instead of cutting its text."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(page.title)
    return area


class MainWindow(WindowMenus, WindowTasks, QMainWindow):
    """Grensverkeer's window. ``remember=False`` leaves the stored geometry and page alone."""

    school_year_changed = Signal(object)  # SchoolYear | None

    def __init__(
        self,
        context: UiContext,
        store: SettingsStore | None = None,
        *,
        pages: Sequence[type[Page]] = PAGES,
        remember: bool = True,
    ) -> None:
        super().__init__()
        self.context = context
        self.store = store or SettingsStore()
        self.remember = remember
        self.school_year: SchoolYear | None = None
        self.pages: list[Page] = []
        self._stale: set[str] = set()
        self._workers: set[Worker] = set()
        self.demo_progress: QProgressDialog | None = None
        self.demo = is_demo(context.db)  # the window says "Demoregio" wherever it names the data

        self._build_pages(pages)
        self._build_toolbar()
        self._build_menus()
        self._build_status()

        self.setCentralWidget(self._central)
        QWidget.setTabOrder(self.year_combo, self.nav)
        QWidget.setTabOrder(self.nav, self.stack)
        context.events.changed.connect(self.data_changed)
        self.nav.currentRowChanged.connect(self._page_chosen)

        self.reload_years(preferred=self.store.school_year() or None)
        self._restore()

    # Building ------------------------------------------------------------------------------

    def _build_pages(self, pages: Sequence[type[Page]]) -> None:
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigatie"))
        self.nav.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget()
        for page_class in pages:
            page = page_class(self.context)
            self.pages.append(page)
            self.stack.addWidget(_scrolling(page))
            title = QCoreApplication.translate("Page", page.title)
            item = QListWidgetItem(title)
            item.setToolTip(title)
            self.nav.addItem(item)
            signal = getattr(page, "open_database_requested", None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(self.open_database)
        self._stale = {page.name for page in self.pages}
        metrics = self.nav.fontMetrics()
        self.nav.setSpacing(max(1, metrics.height() // 5))
        widest = max((metrics.horizontalAdvance(p.title) for p in self.pages), default=80)
        self.nav.setMinimumWidth(widest + metrics.horizontalAdvance("MMMM"))
        self.nav.setMaximumWidth(widest + metrics.horizontalAdvance("MMMMMMMM"))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self._central = central

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Schooljaar"))
        toolbar.setObjectName("schooljaar")
        toolbar.setMovable(False)
        label = QLabel(self.tr("&Schooljaar: "))
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Schooljaar"))
        self.year_combo.setToolTip(self.tr("Het schooljaar dat alle pagina's tonen"))
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.year_combo)
        toolbar.addWidget(label)
        toolbar.addWidget(self.year_combo)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.statusBar().addPermanentWidget(self.status_label, 1)

    # Pages ---------------------------------------------------------------------------------

    def page_names(self) -> list[str]:
        return [page.name for page in self.pages]

    def page(self, name: str) -> Page | None:
        return next((page for page in self.pages if page.name == name), None)

    def current_page(self) -> Page | None:
        index = self.stack.currentIndex()
        return self.pages[index] if 0 <= index < len(self.pages) else None

    def show_page(self, name: str) -> Page:
        """Switch to the page called ``name`` (the ``--page`` names)."""
        for row, page in enumerate(self.pages):
            if page.name == name:
                self.nav.setCurrentRow(row)
                return page
        raise GrensverkeerError(
            QCoreApplication.translate(
                "MainWindow", "Er is geen pagina ‘{name}’; kies uit: {names}."
            ).format(name=name, names=", ".join(self.page_names()))
        )

    def _page_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        self.stack.setCurrentIndex(row)
        page = self.pages[row]
        if page.name in self._stale:
            self.refresh_page(page)

    def refresh_page(self, page: Page) -> None:
        self._stale.discard(page.name)
        try:
            page.refresh()
        except GrensverkeerError as error:
            show_error(self, error_text(error))

    def refresh_now(self) -> None:
        """F5: read the school years again and refresh the page in view; the others later."""
        self.reload_years(preferred=self.school_year)
        self._stale = {page.name for page in self.pages}
        page = self.current_page()
        if page is not None:
            self.refresh_page(page)

    def data_changed(self) -> None:
        self.refresh_now()

    def is_busy(self) -> bool:
        if self._workers:
            return True
        return any(bool(getattr(page, "is_busy", lambda: False)()) for page in self.pages)

    # School year ---------------------------------------------------------------------------

    def available_years(self) -> list[SchoolYear]:
        from grensverkeer.services.matrices.counted_matrix import school_years_present
        from grensverkeer.services.years.tariffs import list_tariffs
        from grensverkeer.services.years.year_settings import configured_years

        db = self.context.db
        years = set(school_years_present(db)) | set(configured_years(db))
        years |= {tariff.school_year for tariff in list_tariffs(db)}
        return sorted(years) or [SchoolYear.containing(date.today())]

    def reload_years(self, preferred: SchoolYear | int | None = None) -> None:
        """Fill the selector; keep ``preferred`` when it is offered, else the latest year."""
        from grensverkeer.services.matrices.counted_matrix import school_years_present

        if isinstance(preferred, int):
            preferred = SchoolYear(preferred)
        years = self.available_years()
        with_pupils = school_years_present(self.context.db)
        choice = preferred if preferred in years else (with_pupils or years)[-1]
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for year in reversed(years):
                self.year_combo.addItem(str(year), year.start_year)
            self.year_combo.setCurrentIndex(self.year_combo.findData(choice.start_year))
        finally:
            self.year_combo.blockSignals(False)
        if choice != self.school_year:
            self._set_year(choice)
        self._update_status()

    def set_school_year(self, year: SchoolYear) -> None:
        """Choose a school year as if the user picked it in the selector."""
        index = self.year_combo.findData(year.start_year)
        if index < 0:
            raise GrensverkeerError(
                self.tr("Schooljaar {year} is niet beschikbaar.").format(year=year)
            )
        self.year_combo.setCurrentIndex(index)

    def _year_chosen(self, index: int) -> None:
        start_year = self.year_combo.itemData(index)
        if start_year is None:
            return
        year = SchoolYear(int(start_year))
        if year == self.school_year:
            return
        self._set_year(year)
        page = self.current_page()
        if page is not None and page.name in self._stale:
            self.refresh_page(page)

    def _set_year(self, year: SchoolYear | None) -> None:
        self.school_year = year
        for page in self.pages:
            setter = getattr(page, "set_school_year", None)
            if setter is not None:
                setter(year)
                self._stale.add(page.name)
        self._update_status()
        self.school_year_changed.emit(year)

    def _update_status(self) -> None:
        year = str(self.school_year) if self.school_year else self.tr("geen schooljaar")
        status = self.tr("Database: {db}   ·   Schooljaar: {year}").format(
            db=short_target(self.context.db.description), year=year
        )
        if self.demo:
            self.setWindowTitle(self.tr("Grensverkeer — Demoregio — {year}").format(year=year))
            status = self.tr("Demoregio (verzonnen gegevens)   ·   ") + status
        else:
            self.setWindowTitle(self.tr("Grensverkeer — {year}").format(year=year))
        self.status_label.setText(status)
        # The whole path would push the window past a laptop screen; it is one hover away.
        self.status_label.setToolTip(self.context.db.description)

    # Menu actions --------------------------------------------------------------------------

    def start_import(self) -> None:
        page = self.page(DATA_PAGE)
        if page is None:
            show_info(
                self,
                self.tr("Importeren gaat via de pagina Gegevens, en die heeft dit venster niet."),
            )
            return
        self.show_page(DATA_PAGE)
        start = getattr(page, "start_import", None)
        if start is not None:
            start()

    def export_excel(self) -> None:
        self._documents_action("export_excel", self.tr("Exporteren naar Excel"))

    def print_document(self) -> None:
        self._documents_action("print_document", self.tr("Afdrukken"))

    def _documents_action(self, method: str, what: str) -> None:
        page = self.page(DOCUMENTS_PAGE)
        action = getattr(page, method, None) if page is not None else None
        if action is None:
            show_info(self, self.tr("{what} is nog niet beschikbaar.").format(what=what))
            return
        self.show_page(DOCUMENTS_PAGE)
        action()

    def show_about(self) -> None:
        dialog = AboutDialog(self)
        dialog.exec()

    def _run(self, worker: Worker) -> None:
        self._workers.add(worker)
        worker.signals.finished.connect(lambda _r, w=worker: self._workers.discard(w))
        worker.signals.failed.connect(lambda _t, w=worker: self._workers.discard(w))
        worker.start(self.context.pool)

    # Remembering ---------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.store.geometry()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(int(screen.width() * 0.8), int(screen.height() * 0.8))
        name = self.store.last_page()
        if name not in self.page_names():
            name = self.pages[0].name if self.pages else ""
        if name:
            self.show_page(name)

    def save_state(self) -> None:
        if not self.remember:
            return
        self.store.set_geometry(self.saveGeometry())
        page = self.current_page()
        if page is not None:
            self.store.set_last_page(page.name)
        if self.school_year is not None:
            self.store.set_school_year(self.school_year.start_year)
        self.store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        for worker in list(self._workers):
            worker.cancel()
        super().closeEvent(event)
