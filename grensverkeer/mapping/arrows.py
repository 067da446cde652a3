"""Flow arrows: which flows to draw, how wide, and their outline as one closed polygon.

An arrow from A to B bends to its right, so the flow B → A (bending the other way) never lies
on top of it; it stops short of both anchors so labels stay free, and ends in a head that is
wider than its shaft, so the direction reads even for the thinnest arrow. The outline is a
polygon, so every adapter only fills a path.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

Point = tuple[float, float]
Number = int | float | Fraction


@dataclass(frozen=True, slots=True)
class Flow:
    residence: str
    school: str
    value: Number

    @property
    def key(self) -> str:
        return f"{self.residence}>{self.school}"


@dataclass(frozen=True, slots=True)
class Selection:
    shown: tuple[Flow, ...]
    total: int  # flows there are (r != s, at least one end a participant)
    hidden_value: Number  # what the flows not shown add up to


def flows_of(cells: Mapping[tuple[str, str], Number], participants: frozenset[str]) -> list[Flow]:
    """Every flow between two different municipalities with an end in the region, largest
    first (ties by codes, so the order is the same everywhere)."""
    found = [
        Flow(r, s, value)
        for (r, s), value in cells.items()
        if r != s and value and (r in participants or s in participants)
    ]
    return sorted(found, key=lambda f: (-f.value, f.residence, f.school))


def select_flows(flows: list[Flow], top: int | None, threshold: Number | None) -> Selection:
    """The flows of at least ``threshold``, at most the ``top`` largest (None: no limit)."""
    kept = [f for f in flows if threshold is None or f.value >= threshold]
    if top is not None:
        kept = kept[: max(top, 0)]
    hidden = sum((f.value for f in flows if f not in kept), 0)
    return Selection(tuple(kept), len(flows), hidden)


def widths(values: list[Number], widest: float, thinnest: float = 0.8) -> list[float]:
    """Shaft widths proportional to the values (the largest ``widest`` points), never thinner
    than ``thinnest`` so a small flow stays visible."""
    largest = float(max(values, default=0) or 1)
    return [max(thinnest, widest * float(v) / largest) for v in values]


def _bezier(a: Point, c: Point, b: Point, t: float) -> Point:
    u = 1 - t
    return (
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    )


def arrow_outline(
    start: Point,
    end: Point,
    width: float,
    *,
    bend: float = 0.18,
    gap: float = 6.0,
    steps: int = 16,
) -> tuple[Point, ...]:
    """The closed outline of a curved arrow from ``start`` to ``end`` (y downwards).

    ``bend`` is the sideways offset of the curve's control point as a share of the length;
    ``gap`` is left free at both ends.
    """
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return ()
    ux, uy = dx / length, dy / length
    # y points down, so (-uy, ux) is to the right of the direction of travel on screen
    nx, ny = -uy, ux
    mid = (start[0] + dx / 2 + nx * bend * length, start[1] + dy / 2 + ny * bend * length)
    gap = min(gap, length / 4)
    head_length = min(max(width * 1.6, 5.0), length / 3)
    head_width = max(width * 2.2, width + 4.0)
    # parameter values: leave ``gap`` at both ends, the head takes the last part
    total = _curve_length(start, mid, end)
    t0, t_end = gap / total, 1 - gap / total
    t_head = max(t0, t_end - head_length / total)
    left: list[Point] = []
    right: list[Point] = []
    for i in range(steps + 1):
        t = t0 + (t_head - t0) * i / steps
        x, y = _bezier(start, mid, end, t)
        tx, ty = _tangent(start, mid, end, t)
        left.append((x - ty * width / 2, y + tx * width / 2))
        right.append((x + ty * width / 2, y - tx * width / 2))
    base = _bezier(start, mid, end, t_head)
    tip = _bezier(start, mid, end, t_end)
    tx, ty = _tangent(start, mid, end, t_head)
    head_left = (base[0] - ty * head_width / 2, base[1] + tx * head_width / 2)
    head_right = (base[0] + ty * head_width / 2, base[1] - tx * head_width / 2)
    return (*left, head_left, tip, head_right, *reversed(right))


def _tangent(a: Point, c: Point, b: Point, t: float) -> Point:
    x = 2 * (1 - t) * (c[0] - a[0]) + 2 * t * (b[0] - c[0])
    y = 2 * (1 - t) * (c[1] - a[1]) + 2 * t * (b[1] - c[1])
    size = math.hypot(x, y) or 1.0
    return x / size, y / size


def _curve_length(a: Point, c: Point, b: Point, steps: int = 24) -> float:
    points = [_bezier(a, c, b, i / steps) for i in range(steps + 1)]
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points)) or 1.0
