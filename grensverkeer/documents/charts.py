"""The chart of net positions: one horizontal bar per participant, green receives, red pays.

reportlab's ``HorizontalBarChart`` draws the bars and the value grid; the names and the amounts
next to the bars are placed here, so a long name never collides with a bar pointing left.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from grensverkeer.documents import text
from grensverkeer.documents.fonts import CONDENSED, REGULAR, register_fonts
from grensverkeer.documents.styles import INK, MUTED, NEGATIVE, POSITIVE, RULE

BAR_HEIGHT = 13.0
LABEL_SIZE = 7.5
AMOUNT_SIZE = 7.0
AXIS_SIZE = 6.5


def _steps() -> Iterator[int]:
    """Round steps in cents: € 1, 2, 5, 10, 20, 50, …"""
    magnitude = 100
    while True:
        for factor in (1, 2, 5):
            yield magnitude * factor
        magnitude *= 10


def _axis(low: int, high: int, room: float) -> tuple[int, int, int]:
    """The smallest round step whose labels fit side by side in ``room`` points."""
    for step in _steps():
        start = (low // step) * step
        end = max(-(-high // step) * step, start + step)
        intervals = (end - start) // step
        if intervals > 8:
            continue
        labels = [text.whole_euros(start + i * step) for i in range(intervals + 1)]
        widest = max(stringWidth(label, REGULAR, AXIS_SIZE) for label in labels)
        if intervals * (widest + 8) <= room:
            return start, end, step
    raise AssertionError("unreachable")  # pragma: no cover


def net_positions_chart(items: Sequence[tuple[str, int]], width: float) -> Drawing:
    """``items``: (name, cents) in the order to show, top to bottom."""
    register_fonts()
    names = [name for name, _ in items]
    values = [cents for _, cents in items]
    name_width = max((stringWidth(n, CONDENSED, LABEL_SIZE) for n in names), default=0) + 6
    amount_width = (
        max((stringWidth(text.euros(v), REGULAR, AMOUNT_SIZE) for v in values), default=0) + 6
    )
    low, high = min([0, *values]), max([0, *values])
    n = max(len(values), 1)
    plot_height = BAR_HEIGHT * n
    height = plot_height + 26
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # else the renderer starts in (unembedded) Helvetica
    drawing.initialFontSize = AXIS_SIZE
    chart = HorizontalBarChart()
    # room for the names on the left and for an amount on either side of the bars
    chart.x = name_width + amount_width
    chart.y = 18
    chart.width = max(width - chart.x - amount_width - 4, 60)
    low, high, step = _axis(low, high, chart.width)
    chart.height = plot_height
    chart.data = [list(reversed(values)) or [0]]
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = high
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = AXIS_SIZE
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = text.whole_euros
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.strokeColor = RULE
    chart.categoryAxis.visibleLabels = False
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.visibleAxis = False
    chart.barWidth = BAR_HEIGHT * 0.62
    chart.groupSpacing = BAR_HEIGHT * 0.38
    chart.bars.strokeColor = None
    for index, cents in enumerate(reversed(values)):
        chart.bars[(0, index)].fillColor = POSITIVE if cents >= 0 else NEGATIVE
    drawing.add(chart)

    def x_of(cents: int) -> float:
        return chart.x + (cents - low) / (high - low) * chart.width

    zero = x_of(0)
    drawing.add(Line(zero, chart.y, zero, chart.y + plot_height, strokeColor=INK, strokeWidth=0.6))
    for row, (name, cents) in enumerate(items):
        centre_y = chart.y + plot_height - (row + 0.5) * BAR_HEIGHT - 2.5
        drawing.add(
            String(3, centre_y, name, fontName=CONDENSED, fontSize=LABEL_SIZE, fillColor=INK)
        )
        end = x_of(cents)
        amount = String(
            end + 3 if cents >= 0 else end - 3,
            centre_y,
            text.euros(cents),
            fontName=REGULAR,
            fontSize=AMOUNT_SIZE,
            fillColor=INK,
            textAnchor="start" if cents >= 0 else "end",
        )
        drawing.add(amount)
    return drawing
