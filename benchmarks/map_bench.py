"""How long drawing the map takes, whole process included: the demo region and a synthetic
region of 40 municipalities, against drawing an empty scene.

Run from the repository root:

    .venv/bin/python benchmarks/map_bench.py [--repeat 5]

Every measurement is a fresh child process (``python benchmarks/map_bench.py --child ...``)
timed from spawn to exit, best of ``--repeat``; the ratios to the empty scene hold on any
machine. Each child starts Python and Qt (offscreen), then

* ``empty``: paints an empty ``QGraphicsScene`` of the map's size into an image;
* ``demo``: opens the demo region (loaded once into a temporary SQLite file, not timed),
  counts the pupil matrix of 2024-2025, builds the map (``mapping.flowmap``), fills the scene
  (``ui.picture_view``) and paints it, as the Kaart page does;
* ``synthetic``: 40 real municipalities around Den Haag as participants and 8 others, with
  seeded random flows between them (every pair, so 2,000+ cells), all arrows drawn (``top``
  none), the same drawing.

The child also reports its own steps (import, count, build, scene, paint), printed below the
table, so a slow step shows itself.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BENCH_KEY = "5e" * 32
SEED = 20241204
WIDTH, HEIGHT = 860.0, 600.0


def synthetic_cells() -> tuple[dict[tuple[str, str], int], tuple[str, ...]]:
    """40 municipalities nearest to Den Haag as the region, 8 beyond them, flows at random."""
    from grensverkeer.mapping.geo import anchor, shapes

    found = shapes()
    centre = anchor(found["GM0518"].rings)
    nearest = sorted(found, key=lambda code: math.dist(anchor(found[code].rings), centre))
    members, others = tuple(sorted(nearest[:40])), nearest[40:48]
    rng = random.Random(SEED)
    codes = [*members, *others]
    cells = {}
    for r in codes:
        for s in codes:
            if r in others and s in others:
                continue
            if r == s or rng.random() < 0.7:
                cells[(r, s)] = rng.randint(1, 40) if r != s else rng.randint(50, 400)
    return cells, members


def child(kind: str, db_path: str) -> None:
    steps: dict[str, float] = {}
    start = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsScene

    app = QApplication([])
    image = QImage(int(WIDTH * 2), int(HEIGHT * 2), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    scene = QGraphicsScene()
    steps["qt"] = time.perf_counter() - start
    if kind != "empty":
        mark = time.perf_counter()
        from grensverkeer.mapping.flowmap import MapRequest, build_map
        from grensverkeer.ui.picture_view import fill_scene

        if kind == "demo":
            from grensverkeer.reference import load_reference
            from grensverkeer.schoolyear import SchoolYear
            from grensverkeer.services.matrices.counted_matrix import PUPILS
            from grensverkeer.services.matrices.matrix_filters import MatrixFilter, filtered_matrix
            from grensverkeer.storage.database import open_database

            steps["import"] = time.perf_counter() - mark
            mark = time.perf_counter()
            db = open_database(db_path)
            reference = load_reference()
            matrix = filtered_matrix(db, SchoolYear(2024), PUPILS, MatrixFilter(), reference)
            cells, members = matrix.cells, matrix.participants
            top: int | None = 12
            db.close()
        else:
            steps["import"] = time.perf_counter() - mark
            mark = time.perf_counter()
            cells, members = synthetic_cells()
            top = None
        names = {code: code for cell in cells for code in cell}
        steps["count"] = time.perf_counter() - mark
        mark = time.perf_counter()
        flow_map = build_map(
            MapRequest(cells, members, "pupils", names, top=top, width=WIDTH, height=HEIGHT)
        )
        steps["build"] = time.perf_counter() - mark
        mark = time.perf_counter()
        fill_scene(scene, flow_map.picture)
        steps["scene"] = time.perf_counter() - mark
        steps["items"] = len(scene.items())
    else:
        scene.setSceneRect(0, 0, WIDTH, HEIGHT)
    mark = time.perf_counter()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter)
    painter.end()
    steps["paint"] = time.perf_counter() - mark
    del app
    print(json.dumps(steps))


def timed(kind: str, db_path: str) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", db_path],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "GRENSVERKEER_KEY": BENCH_KEY},
    )
    elapsed = time.perf_counter() - start
    return elapsed, json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", choices=("empty", "demo", "synthetic"))
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db)
        return
    os.environ["GRENSVERKEER_KEY"] = BENCH_KEY
    with tempfile.TemporaryDirectory() as folder:
        from grensverkeer.pseudonym import load_pseudonymizer
        from grensverkeer.services.demo import load_demo
        from grensverkeer.storage.database import open_database

        db_path = str(Path(folder) / "demo.sqlite")
        db = open_database(db_path)
        load_demo(db, load_pseudonymizer())
        db.close()
        results = {}
        for kind in ("empty", "demo", "synthetic"):
            runs = [timed(kind, db_path) for _ in range(args.repeat)]
            results[kind] = min(runs, key=lambda run: run[0])
    empty = results["empty"][0]
    print(f"{'':<34}{'seconds':>9}{'× empty':>9}")
    labels = {
        "empty": "empty scene (Python + Qt)",
        "demo": "demo region (count + map)",
        "synthetic": "synthetic region of 40 (map)",
    }
    for kind, (seconds, _steps) in results.items():
        print(f"{labels[kind]:<34}{seconds:>9.3f}{seconds / empty:>9.2f}")
    print("\nsteps inside the child (seconds; items in the scene):")
    for kind, (_seconds, steps) in results.items():
        text = ", ".join(
            f"{name} {value:.0f}" if name == "items" else f"{name} {value:.3f}"
            for name, value in steps.items()
        )
        print(f"  {kind}: {text}")


if __name__ == "__main__":
    main()
