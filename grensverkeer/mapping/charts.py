"""Horizontal bar charts as a ``Picture``: the one kind of chart in the window and the PDF.

One row per category (a municipality, a school year) with a bar per series; the names stand
in full on the left in a margin measured for the longest, so none is ever cut; the value axis
has round steps labelled with Dutch thousands separators and its unit in the title. A value
that does not exist (a municipality that was no member that year) is marked as such in the
row instead of drawn as zero. Colours come from ``colours``, chosen for colour-blind readers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from grensverkeer.mapping import colours as c
from grensverkeer.mapping.picture import Line, Path, Picture, Text, text_width


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # None: no value (not a member); marked in the row
    colour: str = c.SERIES[0]
    signed: bool = False  # colour each bar by its sign (receives / pays) instead


@dataclass(frozen=True, slots=True)
class BarChart:
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    axis_title: str  # with the unit: "saldo in euro’s"
    label: Callable[[float], str]  # an axis value as text
    title: str = ""
    value_text: Callable[[float], str] | None = None  # at the end of a bar (None: none)
    reference: tuple[float, str] | None = None  # a dashed line with its label (a tolerance)
    missing_text: str = "geen lid"
    notes: tuple[str, ...] = field(default_factory=tuple)


def round_steps(
    low: float, high: float, room: float, label: Callable[[float], str], size: float
) -> tuple[float, float, float]:
    """The axis from ``low`` to ``high``: the smallest round step whose labels fit side by side
    in ``room``; returns (start, end, step)."""
    span = max(high - low, 1e-9)
    magnitude = 10 ** math.floor(math.log10(span / 8))
    while magnitude <= span * 10:
        for factor in (1, 2, 2.5, 5):
            step = factor * magnitude
            start = math.floor(low / step) * step
            end = max(math.ceil(high / step) * step, start + step)
            count = round((end - start) / step)
            if count > 10:
                continue
            labels = [label(start + i * step) for i in range(count + 1)]
            widest = max(text_width(text, size) for text in labels)
            if count * (widest + 10) <= room:
                return start, end, step
        magnitude *= 10
    step = 10 ** math.ceil(math.log10(span))  # nothing fits: one step, two labels
    start = math.floor(low / step) * step
    return start, max(math.ceil(high / step) * step, start + step), step


def bar_chart(chart: BarChart, width: float, size: float = 8.0) -> Picture:
    """The chart ``width`` wide; its height follows from the rows (a row per category)."""
    bars = max(len(chart.series), 1)
    bar = size * 1.25
    row = bar * bars + size * 0.9
    name_width = max((text_width(name, size, bold=False) for name in chart.categories), default=0)
    values = [v for s in chart.series for v in s.values if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    value_text = chart.value_text
    ends = [value_text(v) for v in values] if value_text else []
    end_room = max((text_width(t, size * 0.9) for t in ends), default=0) + (6 if ends else 0)
    if end_room * 2 > (width - name_width) * 0.6:  # too narrow: the numbers in the tooltips
        value_text, end_room = None, 0.0
    left = 4 + name_width + 8 + (end_room if low < 0 else 0)
    right = width - 6 - (end_room if high > 0 else 0)
    top = 4.0
    picture = Picture(width, 10, title=chart.title)
    if chart.title:
        top += size * 1.5
        picture.add(Text((4, top), chart.title, size * 1.1, c.INK, bold=True))
    if len(chart.series) > 1:  # the legend of the series, in a line that wraps
        top += size * 0.8
        x = 4.0
        for series in chart.series:
            room = text_width(series.name, size) + size * 2.6
            if x + room > width:
                x, top = 4.0, top + size * 1.5
            picture.add(_box(x, top + size * 0.9, size, series.colour))
            picture.add(Text((x + size * 1.4, top + size * 0.9), series.name, size, c.INK))
            x += room
        top += size * 1.4
    top += size * 0.6
    plot = max(right - left, 40.0)
    start, end, step = round_steps(low, high, plot, chart.label, size * 0.9)

    def x_of(value: float) -> float:
        return left + (value - start) / (end - start) * plot

    bottom = top + row * len(chart.categories)
    ticks = round((end - start) / step)
    for i in range(ticks + 1):
        value = start + i * step
        x = x_of(value)
        picture.add(Line(((x, top), (x, bottom)), "#d9d9d9", 0.5))
        picture.add(
            Text((x, bottom + size * 1.2), chart.label(value), size * 0.9, c.MUTED, "middle")
        )
    for index, name in enumerate(chart.categories):
        y = top + index * row + size * 0.45
        picture.add(Text((4, y + row / 2 + size * 0.3 - size * 0.45), name, size, c.INK))
        for number, series in enumerate(chart.series):
            shown = series.values[index] if index < len(series.values) else None
            y0 = y + number * bar
            if shown is None:
                picture.add(Text((x_of(0) + 3, y0 + bar * 0.75), chart.missing_text, size * 0.85,
                                 c.MUTED, italic=True))  # fmt: skip
                continue
            value = shown
            colour = series.colour
            if series.signed:
                colour = c.BAR_POSITIVE if value >= 0 else c.BAR_NEGATIVE
            x0, x1 = sorted((x_of(0), x_of(value)))
            ring = ((x0, y0 + 1), (x1, y0 + 1), (x1, y0 + bar - 1), (x0, y0 + bar - 1))
            words = (chart.value_text or chart.label)(value)
            tip = f"{name}, {series.name}: {words}"
            picture.add(Path((ring,), colour, key=f"{index}:{number}", tip=tip))
            if value_text:
                anchor = "start" if value >= 0 else "end"
                at = (x1 + 3, y0 + bar * 0.75) if value >= 0 else (x0 - 3, y0 + bar * 0.75)
                picture.add(Text(at, value_text(value), size * 0.9, c.INK, anchor))
    zero = x_of(0)
    picture.add(Line(((zero, top), (zero, bottom)), c.INK, 0.8))
    if chart.reference is not None:
        value, text = chart.reference
        x = x_of(value)
        picture.add(Line(((x, top - 2), (x, bottom)), c.SELECTED, 1.2, dashed=True))
        picture.add(Text((x + 3, top - 3), text, size * 0.85, c.SELECTED))
    y = bottom + size * 2.6
    picture.add(Text((left + plot / 2, y), chart.axis_title, size * 0.9, c.MUTED, "middle"))
    for note in chart.notes:
        y += size * 1.4
        picture.add(Text((4, y), note, size * 0.85, c.MUTED, italic=True))
    picture.height = y + size * 0.8
    return picture


def _box(x: float, y: float, size: float, colour: str) -> Path:
    ring = (
        (x, y - size * 0.8),
        (x + size, y - size * 0.8),
        (x + size, y + size * 0.1),
        (x, y + size * 0.1),
    )
    return Path((ring,), colour)
