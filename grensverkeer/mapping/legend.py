"""The map's legend: the colour classes with their unit, the grey of the neighbours, arrow widths
with their values, and how many flows are not shown (so a filtered map never hides that)."""

from __future__ import annotations

import math
from fractions import Fraction

from grensverkeer.mapping import colours as c
from grensverkeer.mapping.arrows import Selection, arrow_outline
from grensverkeer.mapping.arrows import widths as arrow_widths
from grensverkeer.mapping.picture import Path, Picture, Text, text_width
from grensverkeer.mapping.units import AMOUNT, value_text

SIZE = 8.0
ROW = 13.0


def _wrap(text: str, room: float, size: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _paragraph(
    picture: Picture, x: float, y: float, room: float, text: str, *, bold: bool = False
) -> float:
    size = SIZE + (0.5 if bold else 0)
    for line in _wrap(text, room, size):
        y += ROW
        picture.add(Text((x, y), line, size, c.INK if bold else c.MUTED, bold=bold))
    return y


def draw_legend(
    picture: Picture,
    area: tuple[float, float, float],
    scale: c.DivergingScale,
    selection: Selection,
    measure: str,
) -> float:
    """Draw at ``area`` (left, top, right); returns the y below the legend."""
    left, y, right = area
    room = right - left
    unit = "in euro’s" if measure == AMOUNT else "in leerlingen"
    y = _paragraph(picture, left, y, room, f"Saldo binnen de regio, {unit}", bold=True)
    y = _paragraph(picture, left, y, room, "positief: meer naar school hier dan naar elders")
    y += 4
    for colour_class in reversed(scale.classes):
        y += ROW
        picture.add(_swatch(left, y + 1.5, colour_class.colour, c.REGION_EDGE, False))
        picture.add(Text((left + 20, y), colour_class.label, SIZE, c.INK))
    y += ROW + 3
    picture.add(_swatch(left, y + 1.5, c.OUTSIDE_FILL, c.MUTED, True))
    picture.add(Text((left + 20, y), "buiten de regio (niet verrekend)", SIZE, c.INK))

    y += 10
    y = _paragraph(picture, left, y, room - 8, "Stromen: woongemeente → schoolgemeente", bold=True)
    values = [f.value for f in selection.shown]
    if values:
        largest = max(values)
        samples = sorted({largest, *(_round(v) for v in (largest / 2, largest / 8))}, reverse=True)
        samples = [v for v in samples if v > 0]
        widest = max(3.0, min(picture.width, picture.height) / 45)
        sizes = arrow_widths([largest, *samples], widest)[1:]
        for value, width in zip(samples, sizes, strict=True):
            y += max(ROW, width * 2.2 + 3)
            outline = arrow_outline((left, y - 3), (left + 34, y - 3), width, bend=0, gap=0)
            picture.add(Path((outline,), c.FLOW))
            picture.add(Text((left + 40, y), value_text(value, measure), SIZE, c.INK))
        y += ROW
        outline = arrow_outline((left, y - 3), (left + 34, y - 3), 2.0, bend=0, gap=0)
        picture.add(Path((outline,), c.OUTSIDE_FLOW))
        picture.add(Text((left + 40, y), "met een gemeente buiten de regio", SIZE, c.INK))
    shown, total = len(selection.shown), selection.total
    note = f"{shown} van de {total} stromen getoond"
    if shown < total:
        note += f"; de andere samen {value_text(selection.hidden_value, measure)}"
    y += 6
    return _paragraph(picture, left, y, room, note + ".")


def _round(value: float | Fraction) -> float:
    """A legend sample as a round number (one significant digit): 46,5 → 50."""
    if value <= 0:
        return 0
    magnitude = 10.0 ** math.floor(math.log10(value))
    return round(value / magnitude) * magnitude


def _swatch(x: float, y: float, fill: str, edge: str, dashed: bool) -> Path:
    ring = ((x, y - 10), (x + 15, y - 10), (x + 15, y), (x, y))
    return Path((ring,), fill, edge, 0.6, dashed)
