"""The bundled municipal boundaries, projected to a flat plane in kilometres.

The boundaries (``resources/geo/gemeenten_2024.json``, CBS/Kadaster, CC-BY 4.0) are read once
and kept. For a region the size of a province an equirectangular projection around the
region's own latitude is exact to well under a percent, so a kilometre east is as long as a
kilometre north on every drawing, and no projection library is needed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from grensverkeer.resources import resources_dir

Point = tuple[float, float]
Ring = tuple[Point, ...]

ATTRIBUTION = "Grenzen: CBS/Kadaster, CC-BY 4.0"
EARTH_KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class Shape:
    """One municipality: its rings in lon/lat (outer rings and holes alike; drawn even-odd)."""

    code: str
    name: str
    rings: tuple[Ring, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def geo_path() -> str:
    return str(resources_dir() / "geo" / "gemeenten_2024.json")


@cache
def shapes() -> dict[str, Shape]:
    """Every bundled municipality by CBS code."""
    with open(geo_path(), encoding="utf-8") as handle:
        collection = json.load(handle)
    found: dict[str, Shape] = {}
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        rings = tuple(
            tuple((float(x), float(y)) for x, y in ring) for polygon in polygons for ring in polygon
        )
        code = feature["properties"]["statcode"]
        found[code] = Shape(code, feature["properties"]["statnaam"], rings)
    return found


@dataclass(frozen=True, slots=True)
class Projection:
    """Longitude/latitude to kilometres east/north of a reference point."""

    lon0: float
    lat0: float

    @classmethod
    def around(cls, points: Iterable[Point]) -> Projection:
        listed = list(points)
        lons = [p[0] for p in listed]
        lats = [p[1] for p in listed]
        return cls((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)

    def __call__(self, point: Point) -> Point:
        lon, lat = point
        scale = EARTH_KM_PER_DEGREE * math.cos(math.radians(self.lat0))
        return (lon - self.lon0) * scale, (lat - self.lat0) * EARTH_KM_PER_DEGREE

    def ring(self, ring: Ring) -> Ring:
        return tuple(self(point) for point in ring)


def ring_area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace); its sign is the ring's orientation."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def ring_centroid(ring: Sequence[Point]) -> Point:
    area = ring_area(ring)
    if abs(area) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * area), cy / (6 * area)


def contains(rings: Sequence[Sequence[Point]], point: Point) -> bool:
    """Even-odd point-in-polygon over all rings."""
    x, y = point
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def anchor(rings: Sequence[Sequence[Point]]) -> Point:
    """Where a label and the arrows go: the centroid of the largest ring, or when that falls
    outside the shape (a crescent), the middle of the widest run inside along its latitude."""
    largest = max(rings, key=lambda ring: abs(ring_area(ring)))
    centre = ring_centroid(largest)
    if contains(rings, centre):
        return centre
    y = centre[1]
    crossings = sorted(
        x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        for ring in rings
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True)
        if (y1 > y) != (y2 > y)
    )
    runs = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not runs:
        return centre
    left, right = max(runs, key=lambda run: run[1] - run[0])
    return (left + right) / 2, y


def clip_ring(ring: Sequence[Point], box: tuple[float, float, float, float]) -> Ring:
    """``ring`` cut to the rectangle ``box`` (left, top, right, bottom) by Sutherland–Hodgman:
    a filled shape that reaches past the frame ends at its edge instead of under the legend."""
    left, top, right, bottom = box
    edges: tuple[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]], ...] = (
        (lambda p: p[0] >= left, lambda p, q: _at_x(p, q, left)),
        (lambda p: p[0] <= right, lambda p, q: _at_x(p, q, right)),
        (lambda p: p[1] >= top, lambda p, q: _at_y(p, q, top)),
        (lambda p: p[1] <= bottom, lambda p, q: _at_y(p, q, bottom)),
    )
    points = list(ring)
    for inside, cross in edges:
        if not points:
            break
        result: list[Point] = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return tuple(points)


def _at_x(p: Point, q: Point, x: float) -> Point:
    return x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0])


def _at_y(p: Point, q: Point, y: float) -> Point:
    return p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y
