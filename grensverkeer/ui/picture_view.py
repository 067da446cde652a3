"""A ``mapping.picture.Picture`` in a ``QGraphicsScene``: the map and the charts on screen.

Each primitive becomes one graphics item carrying its key (``KEY``) and hover text, so the view
can say which municipality or flow was clicked and Qt shows the numbers as a tooltip. The view
keeps the whole picture in sight at any window size (it scales, it never crops), and
``render_image`` paints the same scene into an image for screenshots.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QSizePolicy,
    QWidget,
)

from grensverkeer.mapping.picture import Circle, Item, Line, Path, Picture, Text
from grensverkeer.resources import resources_dir

KEY = 0  # item data role: the key of what the item shows
FONT_FAMILY = "DejaVu Sans"
_REFERENCE = 100.0  # text is laid out at this pixel size and scaled to its point size


def _pen(colour: str | None, width: float, dashed: bool = False) -> QPen:
    if not colour or width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(colour), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(False)
    if dashed:
        pen.setDashPattern([3 / max(width, 0.1), 2 / max(width, 0.1)])
    return pen


@cache
def _load_fonts() -> None:
    """The bundled DejaVu fonts, so the window draws with the same font as the PDF and PNG."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))


def _text_path(item: Text) -> QPainterPath:
    _load_fonts()
    font = QFont(FONT_FAMILY)
    font.setPixelSize(int(_REFERENCE))
    font.setBold(item.bold)
    font.setItalic(item.italic)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, item.text)
    scale = item.size / _REFERENCE
    width = path.boundingRect().right() * scale
    shift = {"start": 0.0, "middle": width / 2, "end": width}[item.anchor]
    # one transform gives the placed path: no call per glyph (see _give_back)
    return QTransform(scale, 0, 0, scale, item.at[0] - shift, item.at[1]).map(path)


_INCREF = ctypes.pythonapi.Py_IncRef
_INCREF.argtypes = [ctypes.py_object]
_INCREF.restype = None


def _give_back(before: int) -> None:
    """Give None back the references PySide6 took from it since ``before`` was counted.

    In this PySide6 (6.12.0 on Python 3.11) every call of a C++ method that returns nothing
    drops a reference to ``None`` that it never took; after some 35,000 such calls Python
    stops with "Fatal Python error: none_dealloc". A large map makes that many in one drawing,
    so every item gives back what ``None`` lost. Giving back too many is harmless (``None`` is
    never freed); with a fixed PySide6 nothing is lost and nothing is given.
    """
    for _ in range(before - sys.getrefcount(None)):
        _INCREF(None)


def fill_scene(scene: QGraphicsScene, picture: Picture) -> None:
    before = sys.getrefcount(None)
    scene.clear()
    scene.setSceneRect(QRectF(0, 0, picture.width, picture.height))
    scene.addRect(
        QRectF(0, 0, picture.width, picture.height), QPen(Qt.PenStyle.NoPen), QColor("#ffffff")
    )
    _give_back(before)
    for z, item in enumerate(picture.items):
        before = sys.getrefcount(None)
        for graphic in _graphics(item, z):
            scene.addItem(graphic)
        _give_back(before)  # per item: a large map would exhaust None within one drawing


def _graphics(item: Item, z: int) -> list[QGraphicsItem]:
    """One primitive as graphics items (a text with a halo is two), with key and hover text."""
    key, tip = getattr(item, "key", ""), getattr(item, "tip", "")
    made: list[QGraphicsItem] = []
    graphic: QAbstractGraphicsShapeItem  # a path or an ellipse: pen, brush, z, data, tooltip
    if isinstance(item, Path):
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in item.rings:
            if ring:
                path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
                path.closeSubpath()
        graphic = QGraphicsPathItem(path)
        graphic.setBrush(QBrush(QColor(item.fill)) if item.fill else Qt.BrushStyle.NoBrush)
        graphic.setPen(_pen(item.stroke, item.stroke_width, item.dashed))
    elif isinstance(item, Line):
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in item.points]))
        graphic = QGraphicsPathItem(path)
        graphic.setPen(_pen(item.stroke, item.width, item.dashed))
    elif isinstance(item, Circle):
        x, y = item.centre
        r = item.radius
        graphic = QGraphicsEllipseItem(QRectF(x - r, y - r, 2 * r, 2 * r))
        graphic.setBrush(QColor(item.fill))
        graphic.setPen(_pen(item.stroke, 0.8))
    else:
        path = _text_path(item)
        if item.halo:
            halo = QGraphicsPathItem(path)
            halo.setPen(_pen(item.halo, 2.2 * item.size / 8.5))
            halo.setBrush(QColor(item.halo))
            halo.setZValue(z - 0.5)
            halo.setData(KEY, key)
            made.append(halo)
        graphic = QGraphicsPathItem(path)
        graphic.setPen(QPen(Qt.PenStyle.NoPen))
        graphic.setBrush(QColor(item.colour))
    graphic.setZValue(z)
    graphic.setData(KEY, key)
    if tip:
        graphic.setToolTip(tip)
    made.append(graphic)
    return made


def render_image(picture: Picture, scale: float = 2.0) -> QImage:
    """The picture as an image at ``scale`` pixels per point."""
    scene = QGraphicsScene()
    fill_scene(scene, picture)
    image = QImage(
        int(picture.width * scale), int(picture.height * scale), QImage.Format.Format_ARGB32
    )
    before = sys.getrefcount(None)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter)
    painter.end()
    _give_back(before)
    return image


class PictureView(QGraphicsView):
    """Shows a picture scaled to fit; ``clicked(key)`` for the item under a click."""

    clicked = Signal(str)
    reshaped = Signal()  # the view's proportions changed enough to lay the picture out again

    def __init__(self, parent: QWidget | None = None, *, fit: bool = True) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.picture: Picture | None = None
        self.fit = fit  # False: a chart at its own size, one point a pixel, as tall as it is
        if not fit:  # a chart a little too wide loses empty margin on the right, not names
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def show_picture(self, picture: Picture | None) -> None:
        self.picture = picture
        if picture is None:
            self.scene().clear()
            return
        fill_scene(self.scene(), picture)
        self._fit()

    def key_at(self, position: QPointF) -> str:
        """The key of the topmost keyed item at a viewport position ("" for none)."""
        for item in self.items(position.toPoint()):
            key = item.data(KEY)
            if key:
                return str(key)
        return ""

    def scene_point(self, point: tuple[float, float]) -> QPointF:
        """Where a picture point is in the viewport (for tests and keyboard focus)."""
        return QPointF(self.mapFromScene(QPointF(*point)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.key_at(event.position())
        if key and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(key)
        super().mousePressEvent(event)

    def canvas_size(self, width: float | None = None) -> dict[str, float]:
        """A picture size with this view's proportions (within reason). Without ``width``, as
        wide as makes its 8.5-point labels come out near the window's own text size."""
        viewport = self.viewport().size()
        if width is None:
            wanted = viewport.width() * 10 / max(self.text_size(), 8.0)
            width = min(max(wanted, 520.0), 1000.0)
        ratio = viewport.height() / max(viewport.width(), 1) if viewport.width() > 50 else 0.7
        return {"width": width, "height": width * min(max(ratio, 0.5), 1.1)}

    def text_size(self) -> float:
        """The window's text size in pixels: a chart drawn one point a pixel at this size reads
        like the rest of the page, at any scaling."""
        return float(QFontInfo(self.font()).pixelSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        picture = self.picture
        if picture is not None and not self.fit:
            if abs(self.viewport().width() - picture.width) > 4:
                self.reshaped.emit()
        elif picture is not None:
            wanted = self.canvas_size()
            if (
                abs(wanted["height"] - picture.height) > 0.08 * picture.height
                or abs(wanted["width"] - picture.width) > 0.08 * picture.width
            ):
                self.reshaped.emit()

    def _fit(self) -> None:
        if self.picture is None:
            return
        if self.fit:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            return
        self.resetTransform()
        height = int(self.picture.height) + 2 * self.frameWidth() + 2
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)
        self.horizontalScrollBar().setValue(0)
