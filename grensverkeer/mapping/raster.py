"""A ``Picture`` as a PNG, drawn with Pillow (which reportlab already needs), without Qt.

The command line must not load Qt (the architecture contract), so ``grensverkeer map --out
kaart.png`` draws here: at twice the wanted resolution, then scaled down, which smooths the
edges as antialiasing would. The text uses the bundled DejaVu fonts, as the PDF does.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Callable, Sequence
from functools import cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

from grensverkeer.mapping.colours import rgb
from grensverkeer.mapping.picture import Circle, Line, Path, Picture, Text
from grensverkeer.resources import resources_dir

OVERSAMPLE = 2


#: from the picture's points to the image's pixels
Place = Callable[[tuple[float, float]], tuple[float, float]]


@cache
def _font(size_px: int, bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    name = (
        "DejaVuSans-Bold.ttf" if bold else "DejaVuSans-Oblique.ttf" if italic else "DejaVuSans.ttf"
    )
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), size_px)


def to_png(picture: Picture, dpi: float = 144.0) -> bytes:
    """PNG bytes of ``picture`` at ``dpi`` (points are 1/72 inch)."""
    factor = dpi / 72 * OVERSAMPLE
    size = (math.ceil(picture.width * factor), math.ceil(picture.height * factor))
    image = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(image)

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * factor, point[1] * factor

    for item in picture.items:
        if isinstance(item, Path):
            _path(image, draw, item, at, factor)
        elif isinstance(item, Line):
            draw.line([at(p) for p in item.points], fill=item.stroke, width=_px(item.width, factor))
        elif isinstance(item, Circle):
            x, y = at(item.centre)
            r = item.radius * factor
            draw.ellipse((x - r, y - r, x + r, y + r), fill=item.fill, outline=item.stroke)
        elif isinstance(item, Text):
            _text(draw, item, at, factor)
    final = image.resize((size[0] // OVERSAMPLE, size[1] // OVERSAMPLE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    final.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _px(width: float, factor: float) -> int:
    return max(1, round(width * factor))


def _path(
    image: Image.Image, draw: ImageDraw.ImageDraw, item: Path, at: Place, factor: float
) -> None:
    rings = [[at(p) for p in ring] for ring in item.rings if len(ring) >= 3]
    if item.fill:
        if len(rings) == 1:
            draw.polygon(rings[0], fill=item.fill)
        else:  # even-odd over several rings: XOR a mask
            mask = Image.new("1", image.size, 0)
            for ring in rings:
                layer = Image.new("1", image.size, 0)
                ImageDraw.Draw(layer).polygon(ring, fill=1)
                mask = ImageChops.logical_xor(mask, layer)
            image.paste(Image.new("RGB", image.size, rgb(item.fill)), (0, 0), mask)
    if item.stroke and item.stroke_width:
        width = _px(item.stroke_width, factor)
        for ring in rings:
            closed = [*ring, ring[0]]
            if item.dashed:
                _dashed(draw, closed, item.stroke, width, 3 * factor, 2 * factor)
            else:
                draw.line(closed, fill=item.stroke, width=width, joint="curve")


def _dashed(
    draw: ImageDraw.ImageDraw,
    points: Sequence[tuple[float, float]],
    colour: str,
    width: int,
    on: float,
    off: float,
) -> None:
    carry, drawing = 0.0, True
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        position = 0.0
        while position < length:
            step = min((on if drawing else off) - carry, length - position)
            if drawing:
                a, b = position / length, (position + step) / length
                draw.line(
                    [
                        (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                        (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                    ],
                    fill=colour,
                    width=width,
                )
            position += step
            carry += step
            if carry >= (on if drawing else off) - 1e-9:
                carry, drawing = 0.0, not drawing


def _text(draw: ImageDraw.ImageDraw, item: Text, at: Place, factor: float) -> None:
    # Pillow's sizes are pixels of the em; reportlab's and Qt's are points: the same em.
    font = _font(max(1, round(item.size * factor)), item.bold, item.italic)
    anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
    halo = max(1, round(1.2 * factor)) if item.halo else 0
    draw.text(
        at(item.at),
        item.text,
        font=font,
        fill=item.colour,
        anchor=anchor,
        stroke_width=halo,
        stroke_fill=item.halo or None,
    )
