"""The boundaries, the projection and the arrows: geometry without any drawing library."""

from __future__ import annotations

import math
import subprocess
import sys

from grensverkeer.mapping.arrows import Flow, arrow_outline, flows_of, select_flows, widths
from grensverkeer.mapping.geo import ATTRIBUTION, Projection, anchor, clip_ring, contains, shapes
from grensverkeer.reference import load_reference
from grensverkeer.resources import resources_dir

REGION = ("GM0503", "GM0518", "GM0603", "GM0626", "GM0629", "GM0637", "GM1783", "GM1842",
          "GM1916", "GM1926")  # fmt: skip


def test_all_municipalities_are_bundled_with_their_licence() -> None:
    found = shapes()
    assert len(found) == 342
    assert set(REGION) <= set(found)
    assert set(load_reference().neighbours()) <= set(found)
    assert found["GM0518"].name == "'s-Gravenhage"
    folder = resources_dir() / "geo"
    assert (folder / "gemeenten_2024.json").stat().st_size < 400_000
    assert "CC BY 4.0" in (folder / "LICENSE.md").read_text(encoding="utf-8")
    assert "CBS/Kadaster" in (folder / "README.md").read_text(encoding="utf-8")
    assert "CBS/Kadaster" in ATTRIBUTION


def test_the_projection_keeps_kilometres() -> None:
    found = shapes()
    projection = Projection.around(p for code in REGION for ring in found[code].rings for p in ring)
    den_haag = projection(anchor(found["GM0518"].rings))
    delft = projection(anchor(found["GM0503"].rings))
    zoetermeer = projection(anchor(found["GM0637"].rings))
    assert 7 < math.dist(den_haag, delft) < 13  # about 9 km as the crow flies
    assert 12 < math.dist(den_haag, zoetermeer) < 19
    assert delft[1] < den_haag[1]  # Delft lies south of Den Haag
    assert zoetermeer[0] > den_haag[0]  # Zoetermeer east


def test_every_anchor_lies_inside_its_municipality() -> None:
    for shape in shapes().values():
        assert contains(shape.rings, anchor(shape.rings)), shape.name


def test_clipping_keeps_what_is_inside() -> None:
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    assert clip_ring(square, (-1, -1, 20, 20)) == square
    clipped = clip_ring(square, (5, 5, 20, 20))
    assert {(round(x), round(y)) for x, y in clipped} == {(5, 5), (10, 5), (10, 10), (5, 10)}
    assert clip_ring(square, (30, 30, 40, 40)) == ()


def test_flows_top_and_threshold() -> None:
    cells = {("A", "B"): 10, ("B", "A"): 4, ("A", "A"): 99, ("C", "A"): 7, ("X", "Y"): 50}
    flows = flows_of(cells, frozenset({"A", "B"}))
    assert [f.key for f in flows] == ["A>B", "C>A", "B>A"]  # no diagonal, nothing outside
    top = select_flows(flows, 2, None)
    assert [f.key for f in top.shown] == ["A>B", "C>A"] and top.hidden_value == 4
    assert [f.key for f in select_flows(flows, None, 5).shown] == ["A>B", "C>A"]
    assert select_flows(flows, None, None).total == 3
    assert widths([10, 5, 0.1], 8.0) == [8.0, 4.0, 0.8]


def test_an_arrow_points_at_its_target_and_bends_right() -> None:
    start, end = (0.0, 0.0), (100.0, 0.0)
    outline = arrow_outline(start, end, 4.0, gap=5.0)
    tip = max(outline, key=lambda p: p[0])
    assert 90 < tip[0] <= 95.5  # ends short of the target, not past it
    back = arrow_outline(end, start, 4.0, gap=5.0)
    # y points down: A→B bends one way, B→A the other, so the two never overlap
    assert sum(p[1] for p in outline) * sum(p[1] for p in back) < 0
    head = max(math.dist(outline[i], outline[i + 2]) for i in range(len(outline) - 2))
    assert head > 4.0  # the head is wider than the shaft
    assert Flow("A", "B", 3).key == "A>B"


def test_the_core_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "import grensverkeer.mapping.flowmap, grensverkeer.mapping.svg\n"
        "import grensverkeer.mapping.raster, grensverkeer.mapping.trend\n"
        "import grensverkeer.cli.map_cmd, grensverkeer.documents.pictures\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt geladen'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
