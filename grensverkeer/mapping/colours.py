"""The colours of the map and the charts, one scale for screen, PDF and SVG.

Net positions use a diverging orange–purple scale (ColorBrewer PuOr): unlike red–green it stays
readable for the one in twelve men with a red–green deficiency, and it prints in grey as light
to dark on both sides. The classes are round numbers, so the legend reads "100 tot 200".
``simulate_deuteranopia`` (Machado et al. 2009) lets a test check that the legend's colours stay
apart for such readers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

# ColorBrewer PuOr, 7 classes: pays (orange) … balanced … receives (purple).
PAYS = ("#b35806", "#f1a340", "#fee0b6")
NEUTRAL = "#f7f7f7"
RECEIVES = ("#d8daeb", "#998ec3", "#542788")
OUTSIDE_FILL = "#bdbdbd"  # a non-participant with flows: grey, dashed outline
OUTSIDE_INK = "#363636"
CONTEXT_FILL = "#f3f1ec"  # the land around it
CONTEXT_EDGE = "#ffffff"
REGION_EDGE = "#262626"
INK = "#1a1a1a"
MUTED = "#5c5c5c"
FLOW = "#303a52"  # arrows between participants
OUTSIDE_FLOW = "#8a8a8a"  # arrows to or from a non-participant
SELECTED = "#0072b2"  # the chosen municipality's outline (Okabe–Ito blue)
BAR_POSITIVE = RECEIVES[2]
BAR_NEGATIVE = PAYS[0]
SERIES = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000")


@dataclass(frozen=True, slots=True)
class ColourClass:
    low: float
    high: float
    colour: str
    label: str


@dataclass(frozen=True, slots=True)
class DivergingScale:
    """Seven classes around zero with a round step: ``−3s…−2s, −2s…−s, −s…0, 0, 0…s, …``."""

    step: float
    classes: tuple[ColourClass, ...]

    def colour(self, value: float) -> str:
        return self.classes[self.index(value)].colour

    def index(self, value: float) -> int:
        if value == 0:
            return 3
        band = min(int(abs(value) // self.step), 2)
        return 3 + band + 1 if value > 0 else 3 - band - 1


def nice_step(largest: float, parts: int = 3) -> float:
    """The smallest round step (1, 1,5, 2, 2,5, 3, 4, 5, 6 or 8 × 10ⁿ) of which ``parts``
    reach ``largest``."""
    if largest <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(largest / parts))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * magnitude * parts >= largest:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - 10 always reaches


def diverging_scale(largest: float, label: Callable[[float], str]) -> DivergingScale:
    """The scale for net positions up to ``largest`` in size; ``label`` words one value."""
    step = nice_step(largest)
    if step < 1:
        step = 1.0
    colours = (*PAYS, NEUTRAL, *RECEIVES)
    bounds = [(-3, -2), (-2, -1), (-1, 0), (0, 0), (0, 1), (1, 2), (2, 3)]
    classes = []
    for (low, high), colour in zip(bounds, colours, strict=True):
        text = "0" if low == high else f"{label(low * step)} tot {label(high * step)}"
        classes.append(ColourClass(low * step, high * step, colour, text))
    return DivergingScale(step, tuple(classes))


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_colour(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    """Relative luminance (WCAG), 0 black to 1 white."""
    red, green, blue = (_linear(c / 255) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def text_on(colour: str) -> str:
    """Dark ink on light fills, white on dark ones."""
    return "#ffffff" if luminance(colour) < 0.22 else INK


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = max(0.0, min(1.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


_DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)


def simulate_deuteranopia(colour: str) -> str:
    """How ``colour`` looks without green-sensitive cones (Machado 2009, severity 1)."""
    linear = [_linear(c / 255) for c in rgb(colour)]
    mixed = [sum(m * c for m, c in zip(row, linear, strict=True)) for row in _DEUTERANOPIA]
    return hex_colour(*(255 * _gamma(c) for c in mixed))


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    red, green, blue = (_linear(c / 255) for c in rgb(colour))
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def difference(first: str, second: str) -> float:
    """CIE76 ΔE: about 2.3 is just noticeable, above 10 clearly different."""
    return math.dist(lab(first), lab(second))
