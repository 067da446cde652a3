"""A PDF inside the application: QtPdf's viewer with page navigation and zoom, and printing.

``PdfPreview`` shows PDF bytes (held in a ``QBuffer`` that lives as long as the document, as
``QPdfDocument.load(QIODevice)`` requires) in a ``QPdfView``: every page under the other,
fitted to the width by default, with "Vorige pagina", "Volgende pagina", the page number and a
zoom choice. ``print_pdf`` renders the pages of a ``QPdfDocument`` onto a ``QPrinter``, each
page in its own orientation (the verrekenvoorstel has a landscape page), fitted to the paper.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grensverkeer.errors import GrensverkeerError

FIT_WIDTH = "breedte"
FIT_PAGE = "pagina"
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI = 300  # pages are rendered at most this sharp: enough for text, bounded in memory
POINTS_PER_INCH = 72


class PdfPreview(QWidget):
    """One PDF at a time, or a hint when there is none (``clear``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        self.name = ""

        self.previous_button = QPushButton(self.tr("Vo&rige pagina"))
        self.previous_button.setAccessibleName(self.tr("Vorige pagina"))
        self.next_button = QPushButton(self.tr("Volge&nde pagina"))
        self.next_button.setAccessibleName(self.tr("Volgende pagina"))
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName(self.tr("Paginanummer"))
        self.page_box.setKeyboardTracking(False)
        page_label = QLabel(self.tr("Pagin&a:"))
        page_label.setBuddy(self.page_box)
        self.zoom_box = QComboBox()
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        self.zoom_box.addItem(self.tr("Paginabreedte"), FIT_WIDTH)
        self.zoom_box.addItem(self.tr("Hele pagina"), FIT_PAGE)
        for factor in ZOOM_STEPS:
            self.zoom_box.addItem(f"{factor:.0%}".replace("%", " %"), factor)
        zoom_label = QLabel(self.tr("&Zoom:"))
        zoom_label.setBuddy(self.zoom_box)
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setAccessibleName(self.tr("Verkleinen"))
        self.zoom_out_button.setToolTip(self.tr("Verkleinen (Ctrl+-)"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setAccessibleName(self.tr("Vergroten"))
        self.zoom_in_button.setToolTip(self.tr("Vergroten (Ctrl++)"))

        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Voorbeeld van het document"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.hint = QLabel(self.tr("Maak de documenten en kies er een om het hier te bekijken."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)

        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addWidget(page_label)
        bar.addWidget(self.page_box)
        bar.addStretch()
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda number: self.go_to(number - 1))
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.clear()

    # The document -------------------------------------------------------------------------

    def show_pdf(self, pdf: bytes, name: str = "") -> int:
        """Show ``pdf`` from its first page; returns its page count (0: not readable)."""
        self._close()
        self._bytes = QByteArray(pdf)
        buffer = QBuffer(self._bytes, self)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        self.name = name
        count = self.page_count()
        self.stack.setCurrentWidget(self.view if count else self.hint)
        if not count:
            self.hint.setText(self.tr("Dit document kan niet worden getoond."))
        self._update_controls()
        self.go_to(0)
        return count

    def clear(self) -> None:
        self._close()
        self.name = ""
        self.hint.setText(self.tr("Maak de documenten en kies er een om het hier te bekijken."))
        self.stack.setCurrentWidget(self.hint)
        self._update_controls()

    def _close(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._bytes = QByteArray()

    def page_count(self) -> int:
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return self.document.pageCount()

    # Pages --------------------------------------------------------------------------------

    def current_page(self) -> int:
        """The page in view, counted from 0."""
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        count = self.page_count()
        if not count:
            return
        page = max(0, min(page, count - 1))
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._page_shown(page)

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        count = self.page_count()
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(0 <= page < count - 1)

    def _update_controls(self) -> None:
        count = self.page_count()
        self.page_box.blockSignals(True)
        self.page_box.setRange(1 if count else 0, count)
        self.page_box.setSuffix(self.tr(" van {n}").format(n=count) if count else "")
        self.page_box.blockSignals(False)
        for widget in (self.page_box, self.zoom_box, self.zoom_in_button, self.zoom_out_button):
            widget.setEnabled(bool(count))
        self._page_shown(0 if count else -1)

    # Zoom ---------------------------------------------------------------------------------

    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom_box.itemData(index)
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def effective_zoom(self) -> float:
        """The zoom in view, also when the view fits the page (1.0: the page's real size)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.page_count():
            return self.view.zoomFactor()
        size = self.document.pagePointSize(max(self.current_page(), 0))
        pixels = self.logicalDpiX() / POINTS_PER_INCH
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        factor = width / (size.width() * pixels)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            height = self.view.viewport().height() - margins.top() - margins.bottom()
            factor = min(factor, height / (size.height() * pixels))
        return factor

    def zoom_in(self) -> None:
        current = self.effective_zoom()
        self._zoom_to(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.effective_zoom()
        smaller = [z for z in ZOOM_STEPS if z < current * 0.99]
        self._zoom_to(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _zoom_to(self, factor: float) -> None:
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(factor))


# Printing ----------------------------------------------------------------------------------


def fit_printer_to(printer: QPrinter, document: QPdfDocument) -> None:
    """Give the printer the paper size of the document's first page (A4 for ours)."""
    if document.pageCount():
        size = document.pagePointSize(0)
        points = QSize(
            round(min(size.width(), size.height())), round(max(size.width(), size.height()))
        )
        printer.setPageSize(QPageSize(points))


def print_pdf(
    document: QPdfDocument, printer: QPrinter, first: int = 1, last: int | None = None
) -> int:
    """Render pages ``first``..``last`` (counted from 1) onto ``printer``; returns how many.

    Each page is drawn as an image of at most ``PRINT_DPI``, in the orientation of that page,
    as large as the paper allows without changing its proportions, centred.
    """
    count = document.pageCount()
    last = count if last is None or last <= 0 else min(last, count)
    pages = range(max(first, 1) - 1, last)
    if not pages:
        return 0
    printer.setFullPage(True)
    painter = QPainter()
    printed = 0
    try:
        for index in pages:
            size = document.pagePointSize(index)
            landscape = size.width() > size.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
            if printed == 0:
                if not painter.begin(printer):
                    raise GrensverkeerError(
                        "De printer kon niet worden gestart; kies een andere printer of "
                        "druk af naar een PDF-bestand."
                    )
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            elif not printer.newPage():
                raise GrensverkeerError("De printer weigerde de volgende pagina.")
            _draw_page(painter, printer, document, index, size)
            printed += 1
    finally:
        if painter.isActive():
            painter.end()
    return printed


def _draw_page(
    painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int, size: QSizeF
) -> None:
    resolution = printer.resolution()
    paper = QRectF(printer.pageLayout().fullRectPixels(resolution))
    dpi = min(resolution, PRINT_DPI)
    image = document.render(
        index, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
    )
    if image.isNull():
        raise GrensverkeerError(f"Pagina {index + 1} kon niet worden getekend.")
    scale = min(paper.width() / size.width(), paper.height() / size.height())
    target = QRectF(0, 0, size.width() * scale, size.height() * scale)
    target.moveCenter(paper.center())
    painter.drawImage(target, _on_white(image))


def _on_white(image: QImage) -> QImage:
    """The page on white paper: QtPdf leaves the background transparent."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat
