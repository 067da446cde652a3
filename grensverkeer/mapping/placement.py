"""Where things go on the map's page: fitting kilometres into the frame, the dots of far
municipalities along its edges, labels kept inside it, and a circle layout without geography.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from grensverkeer.mapping.geo import Projection, anchor, shapes
from grensverkeer.mapping.picture import Point, text_width

Box = tuple[float, float, float, float]


def corners(bounds: tuple[float, float, float, float]) -> list[Point]:
    return [(bounds[0], bounds[1]), (bounds[2], bounds[3])]


def unplace(
    place: Callable[[Point], Point],
    frame: tuple[float, float, float, float],
    box: tuple[float, float, float, float],
    point: Point,
) -> Point:
    """The inverse of ``place`` for one point: from the drawing back to kilometres."""
    origin = place((frame[0], frame[3]))
    unit = place((frame[0] + 1, frame[3]))[0] - origin[0]
    return frame[0] + (point[0] - origin[0]) / unit, frame[3] - (point[1] - origin[1]) / unit


def schematic(
    box: tuple[float, float, float, float], members: tuple[str, ...], outside: set[str]
) -> dict[str, Point]:
    """Participants on a circle, the others on a wider one: a map without geography."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    radius = min(box[2] - box[0], box[3] - box[1]) / 2
    anchors: dict[str, Point] = {}
    for codes, share in ((list(members), 0.62), (sorted(outside), 0.9)):
        for index, code in enumerate(codes):
            angle = 2 * math.pi * index / max(len(codes), 1) - math.pi / 2
            anchors[code] = (
                cx + share * radius * math.cos(angle),
                cy + share * radius * math.sin(angle),
            )
    return anchors


def beside(point: Point, box: tuple[float, float, float, float]) -> tuple[Point, str]:
    """Where a dot's label goes: inwards from the nearest edge of the box."""
    x, y = point
    distances = {
        "left": x - box[0],
        "right": box[2] - x,
        "top": y - box[1],
        "bottom": box[3] - y,
    }
    side = min(distances, key=lambda key: distances[key])
    if side == "left":
        return (x + 7, y + 3), "start"
    if side == "right":
        return (x - 7, y + 3), "end"
    if side == "top":
        return (x, y + 14), "middle"
    return (x, y - 8), "middle"


def extent(points: list[Point]) -> tuple[float, float, float, float]:
    if not points:
        return -1.0, -1.0, 1.0, 1.0
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def within(point: Point, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def fit(
    frame: tuple[float, float, float, float], box: tuple[float, float, float, float]
) -> Callable[[Point], Point]:
    """Kilometres (y north) to points in ``box`` (y down), same scale both ways, centred."""
    scale = min(
        (box[2] - box[0]) / (frame[2] - frame[0]), (box[3] - box[1]) / (frame[3] - frame[1])
    )
    x_off = box[0] + ((box[2] - box[0]) - scale * (frame[2] - frame[0])) / 2
    y_off = box[1] + ((box[3] - box[1]) - scale * (frame[3] - frame[1])) / 2

    def place(point: Point) -> Point:
        return x_off + (point[0] - frame[0]) * scale, y_off + (frame[3] - point[1]) * scale

    return place


def edge_points(
    box: tuple[float, float, float, float],
    codes: list[str],
    projection: Projection,
    names: Mapping[str, str],
) -> dict[str, Point]:
    """Far municipalities: where the ray from the map's centre towards each leaves the box,
    spread along each edge so that their labels do not overlap."""
    known = shapes()
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    inset = 12.0
    sides: dict[str, list[tuple[float, str]]] = {}
    fixed: dict[str, float] = {}
    for code in codes:
        if code in known:
            east, north = projection(anchor(known[code].rings))
            dx, dy = east, -north
        else:  # no shape at all: along the bottom edge
            dx, dy = 0.0, 1.0
        size = math.hypot(dx, dy) or 1.0
        dx, dy = dx / size, dy / size
        reach_x = (
            ((box[2] - inset - cx) / dx)
            if dx > 0
            else ((box[0] + inset - cx) / dx)
            if dx < 0
            else 1e9
        )
        reach_y = (
            ((box[3] - inset - cy) / dy)
            if dy > 0
            else ((box[1] + inset - cy) / dy)
            if dy < 0
            else 1e9
        )
        if reach_x <= reach_y:
            side = "right" if dx > 0 else "left"
            fixed[side] = box[2] - inset if dx > 0 else box[0] + inset
            sides.setdefault(side, []).append((cy + dy * reach_x, code))
        else:
            side = "bottom" if dy > 0 else "top"
            fixed[side] = box[3] - inset if dy > 0 else box[1] + inset
            sides.setdefault(side, []).append((cx + dx * reach_y, code))
    placed: dict[str, Point] = {}
    for side, items in sides.items():
        items.sort()
        vertical = side in ("left", "right")
        low, high = (
            (box[1] + inset, box[3] - inset) if vertical else (box[0] + inset, box[2] - inset)
        )
        positions: list[float] = []
        for index, (along, code) in enumerate(items):
            if positions:
                gap = (
                    16.0
                    if vertical
                    else (
                        text_width(names.get(items[index - 1][1], ""), 7.5) / 2
                        + text_width(names.get(code, code), 7.5) / 2
                        + 10
                    )
                )
                along = max(along, positions[-1] + gap)
            positions.append(along)
        overshoot = max(0.0, positions[-1] - high)
        positions = [max(low, p - overshoot) for p in positions]
        for (_along, code), along in zip(items, positions, strict=True):
            placed[code] = (fixed[side], along) if vertical else (along, fixed[side])
    return placed


def clamped(
    x: float, text: str, size: float, anchor_: str, box: tuple[float, float, float, float]
) -> float:
    """``x`` moved so a label stays inside the map's box."""
    width = text_width(text, size)
    left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor_]
    shift = max(0.0, box[0] + 2 - left) - max(0.0, left + width - (box[2] - 2))
    return x + shift
