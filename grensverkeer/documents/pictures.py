"""A ``mapping.picture.Picture`` as a reportlab ``Drawing``: the map and the trend in the PDF.

Vector drawing in the same colours as the window. Reportlab's y runs upwards, the picture's
downwards, so every y is flipped. Text uses the bundled DejaVu fonts; a label's halo is a
patch of its background colour behind it (one copy of the text, so the PDF's text reads
cleanly).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Literal

from reportlab.graphics.shapes import Circle as RLCircle
from reportlab.graphics.shapes import Drawing, PolyLine, Rect, String
from reportlab.graphics.shapes import Path as RLPath
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from grensverkeer.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts
from grensverkeer.mapping.picture import Circle, Line, Path, Picture, Text

_HALO = (
    (-0.5, 0),
    (0.5, 0),
    (0, -0.5),
    (0, 0.5),
    (-0.4, -0.4),
    (0.4, 0.4),
    (-0.4, 0.4),
    (0.4, -0.4),
)


def to_drawing(picture: Picture, width: float | None = None) -> Drawing:
    """The picture as a Drawing, scaled to ``width`` points (default: its own size)."""
    register_fonts()
    scale = 1.0 if width is None else width / picture.width
    drawing = Drawing(picture.width * scale, picture.height * scale)
    drawing.initialFontName = REGULAR  # type: ignore[attr-defined]  # read by the renderers
    height = picture.height

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * scale, (height - point[1]) * scale

    for item in picture.items:
        if isinstance(item, Path):
            path = RLPath(
                fillColor=HexColor(item.fill) if item.fill else None,
                strokeColor=HexColor(item.stroke) if item.stroke and item.stroke_width else None,
                strokeWidth=item.stroke_width * scale,
                strokeDashArray=_dashes(item.dashed, scale),  # type: ignore[arg-type]  # None: solid
                strokeLineJoin=1,
                fillMode=0,  # even-odd: holes stay holes
            )
            for ring in item.rings:
                if len(ring) < 3:
                    continue
                path.moveTo(*at(ring[0]))
                for point in ring[1:]:
                    path.lineTo(*at(point))
                path.closePath()
            drawing.add(path)
        elif isinstance(item, Line):
            points = [c for point in item.points for c in at(point)]
            drawing.add(
                PolyLine(
                    points,
                    strokeColor=HexColor(item.stroke),
                    strokeWidth=item.width * scale,
                    strokeDashArray=_dashes(item.dashed, scale),  # type: ignore[arg-type]  # None: solid
                )
            )
        elif isinstance(item, Circle):
            x, y = at(item.centre)
            drawing.add(
                RLCircle(
                    x,
                    y,
                    item.radius * scale,
                    fillColor=HexColor(item.fill),
                    strokeColor=HexColor(item.stroke) if item.stroke else None,
                    strokeWidth=0.8 * scale,
                )
            )
        elif isinstance(item, Text):
            _text(drawing, item, at, scale)
    return drawing


_ANCHORS: dict[str, Literal["start", "middle", "end"]] = {
    "start": "start",
    "middle": "middle",
    "end": "end",
}


def _dashes(dashed: bool, scale: float) -> list[float] | None:
    """A dashed line's pattern; None (reportlab's default, missing from its stubs) is solid."""
    return [3 * scale, 2 * scale] if dashed else None


def _text(
    drawing: Drawing,
    item: Text,
    at: Callable[[tuple[float, float]], tuple[float, float]],
    scale: float,
) -> None:
    font = BOLD if item.bold else ITALIC if item.italic else REGULAR
    x, y = at(item.at)
    size = item.size * scale
    if item.halo:  # a patch of the background behind the label keeps arrows off it
        width = stringWidth(item.text, font, size)
        left = x - {"start": 0.0, "middle": width / 2, "end": width}[item.anchor]
        pad = 0.12 * size
        halo = Rect(
            left - pad, y - 0.25 * size, width + 2 * pad, 1.05 * size, 0.2 * size, 0.2 * size
        )
        halo.fillColor = HexColor(item.halo)
        halo.strokeColor = None
        drawing.add(halo)
    drawing.add(
        String(
            x,
            y,
            item.text,
            fontName=font,
            fontSize=size,
            fillColor=HexColor(item.colour),
            textAnchor=_ANCHORS[item.anchor],
        )
    )


def to_pdf(picture: Picture, title: str = "") -> bytes:
    """A one-page PDF the size of the picture, for ``grensverkeer map --out kaart.pdf``."""
    from reportlab.graphics import renderPDF

    drawing = to_drawing(picture)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(drawing.width, drawing.height), invariant=True)
    canvas.setTitle(title or picture.title)
    canvas.setAuthor("Grensverkeer")
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
