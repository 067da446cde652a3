"""The flow map of one school year as a ``Picture``: the region coloured by net position, the
largest flows as arrows, the neighbours outside the region in grey, a legend with units.

Input is a matrix (``(residence, school) -> pupils or cents``) and the participants of the
year, so the map always shows the numbers of the matrix with the same filters. The net
position is that of ``services.settling.balance``: what comes in minus what goes out, among the
participants only. A municipality outside the region is grey and its arrows are grey, because
those flows are not settled. One without a bundled shape, or too far away to fit the frame
(Amsterdam, Nijmegen), is a labelled point at the frame's edge in its direction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from grensverkeer.mapping import colours as c
from grensverkeer.mapping.arrows import Flow, Selection, arrow_outline, flows_of, select_flows
from grensverkeer.mapping.arrows import widths as arrow_widths
from grensverkeer.mapping.geo import ATTRIBUTION, Projection, anchor, clip_ring, shapes
from grensverkeer.mapping.legend import draw_legend
from grensverkeer.mapping.picture import Circle, Path, Picture, Point, Text, text_width
from grensverkeer.mapping.placement import (
    beside,
    clamped,
    corners,
    edge_points,
    extent,
    fit,
    schematic,
    unplace,
    within,
)
from grensverkeer.mapping.units import Number, short_text, signed, value_text

NEAR = 0.3  # outside municipalities this far (share of the region's size) are drawn as shapes
LEGEND_WIDTH = 215.0
FONT = 8.5


@dataclass(frozen=True, slots=True)
class Figures:
    """What flows into and out of one municipality; ``net`` among the participants only."""

    code: str
    name: str
    participant: bool
    into: Number = 0  # pupils living elsewhere, at a school here (all of them)
    out_of: Number = 0  # pupils living here, at a school elsewhere
    net: Number = 0  # in − out among participants (0 for a non-participant)
    own: Number = 0  # living and at school here


@dataclass(frozen=True, slots=True)
class MapRequest:
    cells: Mapping[tuple[str, str], Number]
    participants: tuple[str, ...]
    measure: str
    names: Mapping[str, str]
    top: int | None = 12
    threshold: Number | None = None
    title: str = ""
    subtitle: str = ""
    selected: str | None = None
    width: float = 860.0
    height: float = 600.0


@dataclass(slots=True)
class FlowMap:
    picture: Picture
    figures: dict[str, Figures]
    selection: Selection
    anchors: dict[str, Point] = field(default_factory=dict)
    far: tuple[str, ...] = ()  # drawn as a point at the edge


def municipality_figures(
    cells: Mapping[tuple[str, str], Number], participants: tuple[str, ...], names: Mapping[str, str]
) -> dict[str, Figures]:
    members = frozenset(participants)
    codes = sorted({code for cell in cells for code in cell} | members)
    into: dict[str, Number] = dict.fromkeys(codes, 0)
    out: dict[str, Number] = dict.fromkeys(codes, 0)
    net: dict[str, Number] = dict.fromkeys(codes, 0)
    own: dict[str, Number] = dict.fromkeys(codes, 0)
    for (r, s), value in cells.items():
        if r == s:
            own[r] += value
            continue
        out[r] += value
        into[s] += value
        if r in members and s in members:
            net[s] += value
            net[r] -= value
    return {
        code: Figures(
            code,
            names.get(code, code),
            code in members,
            into[code],
            out[code],
            net[code],
            own[code],
        )
        for code in codes
    }


def build_map(request: MapRequest) -> FlowMap:
    members = frozenset(request.participants)
    figures = municipality_figures(request.cells, request.participants, request.names)
    flows = flows_of(request.cells, members)
    selection = select_flows(flows, request.top, request.threshold)
    involved = {code for f in flows for code in (f.residence, f.school)}
    known = shapes()

    picture = Picture(request.width, request.height, title=request.title)
    top = _titles(picture, request)
    legend_width = min(LEGEND_WIDTH, request.width * 0.34)
    box = (8.0, top, request.width - legend_width - 12.0, request.height - 18.0)

    scale = _scale(figures, request)
    drawn = [code for code in request.participants if code in known]
    if drawn:
        anchors, far = _geographic(picture, box, drawn, involved, figures, scale, request)
    else:  # no shapes at all (a made-up region): the municipalities on two circles
        anchors, far = schematic(box, request.participants, involved - members), ()
    if request.selected in anchors:
        _outline_selected(picture, request.selected)
    _arrows(picture, selection, anchors, members, request)
    _labels(picture, box, figures, anchors, members, far, request, scale)
    draw_legend(picture, (box[2] + 12, top, request.width - 6), scale, selection, request.measure)
    picture.add(Text((request.width - 6, request.height - 5), ATTRIBUTION, 6.5, c.MUTED, "end"))
    return FlowMap(picture, figures, selection, anchors, far)


def _geographic(
    picture: Picture,
    box: tuple[float, float, float, float],
    drawn: list[str],
    involved: set[str],
    figures: Mapping[str, Figures],
    scale: c.DivergingScale,
    request: MapRequest,
) -> tuple[dict[str, Point], tuple[str, ...]]:
    """Draw the shapes in and around the region; the anchors of all, and the far ones."""
    known = shapes()
    members = frozenset(request.participants)
    projection = Projection.around(p for code in drawn for ring in known[code].rings for p in ring)
    centres = {code: projection(anchor(known[code].rings)) for code in known}
    core = extent(
        [p for code in drawn for ring in known[code].rings for p in projection.ring(ring)]
    )
    span = max(core[2] - core[0], core[3] - core[1], 1.0)
    wide = (
        core[0] - NEAR * span,
        core[1] - NEAR * span,
        core[2] + NEAR * span,
        core[3] + NEAR * span,
    )
    near = [code for code in involved - members if code in centres and within(centres[code], wide)]
    far = tuple(sorted(code for code in involved - members if code not in near))
    frame = extent([(core[0], core[1]), (core[2], core[3]), *(centres[code] for code in near)])
    margin = 0.06 * max(frame[2] - frame[0], frame[3] - frame[1])
    frame = (frame[0] - margin, frame[1] - margin, frame[2] + margin, frame[3] + margin)
    place = fit(frame, box)
    # a loose bounding test first: most of the 342 shapes are nowhere near the frame
    left, bottom = unplace(place, frame, box, (box[0], box[3]))
    right, top = unplace(place, frame, box, (box[2], box[1]))

    anchors: dict[str, Point] = {}
    for code, shape in known.items():
        x0, y0, x1, y1 = extent([projection(p) for p in corners(shape.bounds())])
        if x1 < left or x0 > right or y1 < bottom or y0 > top:
            continue
        rings = tuple(clip_ring([place(projection(p)) for p in ring], box) for ring in shape.rings)
        rings = tuple(ring for ring in rings if len(ring) >= 3)
        if not rings:
            continue
        if code in members:
            fill = scale.colour(float(figures[code].net))
            edge, width, dashed = c.REGION_EDGE, 0.9, False
        elif code in involved:
            fill, edge, width, dashed = c.OUTSIDE_FILL, c.MUTED, 0.6, True
        else:
            fill, edge, width, dashed = c.CONTEXT_FILL, c.CONTEXT_EDGE, 0.5, False
        tip = _area_tip(figures[code], request.measure) if code in figures else shape.name
        picture.add(
            Path(rings, fill, edge, width, dashed, key=code if code in figures else "", tip=tip)
        )
        if code in figures and code not in far:
            anchors[code] = place(centres[code])
    missing = [code for code in members if code not in known]
    anchors.update(edge_points(box, [*far, *missing], projection, request.names))
    return anchors, (*far, *missing)


def _titles(picture: Picture, request: MapRequest) -> float:
    y = 6.0
    if request.title:
        y += 14
        picture.add(Text((8, y), request.title, 13, c.INK, bold=True))
    if request.subtitle:
        y += 13
        picture.add(Text((8, y), request.subtitle, 9, c.MUTED))
    return y + 8


def _scale(figures: Mapping[str, Figures], request: MapRequest) -> c.DivergingScale:
    largest = max((abs(float(f.net)) for f in figures.values() if f.participant), default=0.0)
    return c.diverging_scale(largest, lambda v: short_text(v, request.measure))


def _area_tip(f: Figures, measure: str) -> str:
    lines = [f.name + ("" if f.participant else " (buiten de regio)")]
    lines.append(f"Naar school hier, wonend elders: {value_text(f.into, measure, exact=True)}")
    lines.append(f"Wonend hier, school elders: {value_text(f.out_of, measure, exact=True)}")
    if f.participant:
        lines.append(f"Saldo binnen de regio: {signed(f.net, measure)}")
    lines.append(f"Wonend en op school hier: {value_text(f.own, measure, exact=True)}")
    return "\n".join(lines)


def flow_tip(flow: Flow, names: Mapping[str, str], measure: str) -> str:
    return (
        f"{names.get(flow.residence, flow.residence)} → {names.get(flow.school, flow.school)}: "
        f"{value_text(flow.value, measure, exact=True)}"
    )


def _arrows(
    picture: Picture,
    selection: Selection,
    anchors: Mapping[str, Point],
    members: frozenset[str],
    request: MapRequest,
) -> None:
    shown = [f for f in selection.shown if f.residence in anchors and f.school in anchors]
    widest = max(3.0, min(picture.width, picture.height) / 45)
    sizes = arrow_widths([f.value for f in shown], widest)
    for flow, width in sorted(zip(shown, sizes, strict=True), key=lambda pair: -pair[1]):
        inside = flow.residence in members and flow.school in members
        outline = arrow_outline(anchors[flow.residence], anchors[flow.school], width, gap=9.0)
        if not outline:
            continue
        colour = c.FLOW if inside else c.OUTSIDE_FLOW
        tip = flow_tip(flow, request.names, request.measure)
        picture.add(Path((outline,), colour, "#ffffff", 0.5, key=flow.key, tip=tip))


def _labels(
    picture: Picture,
    box: tuple[float, float, float, float],
    figures: Mapping[str, Figures],
    anchors: Mapping[str, Point],
    members: frozenset[str],
    far: tuple[str, ...],
    request: MapRequest,
    scale: c.DivergingScale,
) -> None:
    """Names on top of everything: participants bold on their colour, neighbours in italics,
    a far or shapeless municipality as a dot with its name towards the middle of the map."""
    taken: list[tuple[float, float, float, float]] = []  # the far labels placed so far
    for code, (x, y) in anchors.items():
        name, tip = figures[code].name, _area_tip(figures[code], request.measure)
        if code in far:
            member = code in members
            fill = scale.colour(float(figures[code].net)) if member else c.OUTSIDE_FILL
            edge = c.REGION_EDGE if member else c.OUTSIDE_INK
            picture.add(Circle((x, y), 6.0 if member else 3.5, fill, edge, key=code, tip=tip))
            at, anchor_ = beside((x, y), box)
            size, ink = (FONT, c.INK) if member else (7.5, c.OUTSIDE_INK)
            at = _free(at, anchor_, text_width(name, size), size, taken)
            text = Text(at, name, size, ink, anchor_, member, not member, "#ffffff", code)
        elif code in members:
            fill = scale.colour(float(figures[code].net))
            at = (clamped(x, name, FONT, "middle", box), y + 3)
            text = Text(at, name, FONT, c.text_on(fill), "middle", bold=True, halo=fill, key=code)
        else:
            at = (clamped(x, name, 7.5, "middle", box), y + 3)
            text = Text(at, name, 7.5, c.OUTSIDE_INK, "middle", italic=True,
                        halo=c.OUTSIDE_FILL, key=code)  # fmt: skip
        picture.add(text)


def _free(
    at: Point,
    anchor_: str,
    width: float,
    size: float,
    taken: list[tuple[float, float, float, float]],
) -> Point:
    """``at`` moved down until its label overlaps no label placed before (two far dots near
    one corner), and the label's box remembered."""
    x, y = at
    left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor_]
    for _ in range(12):
        box = (left, y - size, left + width, y + size * 0.3)
        if not any(
            box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken
        ):
            break
        y += size * 1.4
    taken.append((left, y - size, left + width, y + size * 0.3))
    return x, y


def _outline_selected(picture: Picture, code: str) -> None:
    for item in picture.keyed(code):
        if isinstance(item, Path):
            picture.add(Path(item.rings, None, c.SELECTED, 2.6, key=""))
