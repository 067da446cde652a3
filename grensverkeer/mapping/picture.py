"""A drawing as plain data: filled paths, lines, circles and text in points, y downwards.

The map and the charts are computed once as a ``Picture``; the Qt scene, the reportlab
``Drawing`` and the SVG writer only translate these few primitives, so the window, the PDF and
the file from ``grensverkeer map`` show the same thing in the same colours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Path:
    """Closed rings filled even-odd. ``key`` names what it shows (a code, or ``r>s`` for a
    flow) so a click or a hover can find it; ``tip`` is the hover text."""

    rings: tuple[tuple[Point, ...], ...]
    fill: str | None
    stroke: str | None = None
    stroke_width: float = 0.0
    dashed: bool = False
    key: str = ""
    tip: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    points: tuple[Point, ...]
    stroke: str
    width: float = 0.5
    dashed: bool = False


@dataclass(frozen=True, slots=True)
class Circle:
    centre: Point
    radius: float
    fill: str
    stroke: str | None = None
    key: str = ""
    tip: str = ""


@dataclass(frozen=True, slots=True)
class Text:
    """``anchor`` is ``start``, ``middle`` or ``end``; ``at`` is the baseline point."""

    at: Point
    text: str
    size: float
    colour: str
    anchor: str = "start"
    bold: bool = False
    italic: bool = False
    halo: str | None = None  # a light outline so a label stays readable over an arrow
    key: str = ""


Item = Path | Line | Circle | Text


@dataclass(slots=True)
class Picture:
    width: float
    height: float
    items: list[Item] = field(default_factory=list)
    title: str = ""

    def add(self, item: Item) -> Item:
        self.items.append(item)
        return item

    def keyed(self, key: str) -> list[Item]:
        return [item for item in self.items if getattr(item, "key", "") == key]

    def texts(self) -> list[str]:
        return [item.text for item in self.items if isinstance(item, Text)]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of a sans-serif text's width, for reserving room (not for fitting
    exactly: every adapter measures with its own font)."""
    narrow = sum(1 for c in text if c in "ilj.,:;'’|! ()-1")
    wide = sum(1 for c in text if c in "MWmw€")
    plain = len(text) - narrow - wide
    return size * (0.62 * plain + 0.34 * narrow + 0.9 * wide) * (1.1 if bold else 1.0)
