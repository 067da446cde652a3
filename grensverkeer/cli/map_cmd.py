"""``grensverkeer map``: the flow map of a school year as PNG, SVG or PDF, for a presentation.

The map is the window's Kaart page with the same figures (``services.matrices.matrix_filters``) and
the same drawing (``mapping.flowmap``); the PNG is drawn with Pillow, the SVG by ``mapping.svg`` and
the PDF with reportlab, so this command needs no display and does not load Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.errors import GrensverkeerError
from grensverkeer.mapping.flowmap import FlowMap, MapRequest, build_map
from grensverkeer.mapping.rows import filter_text
from grensverkeer.reference import Reference, load_reference
from grensverkeer.services.matrices.counted_matrix import AMOUNT, PUPILS, Matrix
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, filtered_matrix
from grensverkeer.services.matrices.year_pupils import require_pupils

FORMATS = (".png", ".svg", ".pdf")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "map",
        help="de kaart van het grensverkeer als PNG, SVG of PDF",
        description="Tekent de gemeenten van de regio, gekleurd naar hun saldo, met de grootste "
        "stromen als pijlen (van woongemeente naar schoolgemeente). Het formaat volgt uit de "
        "extensie van --out: .png, .svg of .pdf.",
    )
    parser.add_argument(
        "--school-year",
        type=options.school_year,
        metavar="2024-2025",
        help="standaard het laatste schooljaar met gegevens",
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="kaart.png", help="het bestand om te maken"
    )
    parser.add_argument(
        "--measure",
        choices=(PUPILS, AMOUNT),
        default=PUPILS,
        help="leerlingen (pupils, standaard) of bedragen (amount)",
    )
    parser.add_argument(
        "--top",
        type=int,
        default=12,
        metavar="N",
        help="alleen de N grootste stromen tekenen (standaard 12; 0: alle)",
    )
    parser.add_argument(
        "--min",
        type=float,
        metavar="WAARDE",
        help="alleen stromen van minstens zoveel leerlingen (of euro bij --measure amount)",
    )
    options.add_filter_options(parser)
    parser.set_defaults(handler=run)


def names_for(matrix: Matrix, reference: Reference) -> dict[str, str]:
    """Short names (``Den Haag``) of every municipality in the matrix or the region."""
    codes = {code for cell in matrix.cells for code in cell} | set(matrix.participants)
    names = {}
    for code in codes:
        municipality = reference.municipality(code)
        names[code] = municipality.short_name if municipality else code
    return names


def map_of(
    matrix: Matrix,
    wanted: MatrixFilter,
    reference: Reference,
    top: int | None,
    threshold: float | None,
) -> FlowMap:
    return build_map(
        MapRequest(
            matrix.cells,
            matrix.participants,
            matrix.measure,
            names_for(matrix, reference),
            top=top,
            threshold=threshold,
            title=f"Grensverkeer schooljaar {matrix.school_year}",
            subtitle=filter_text(wanted),
        )
    )


def run(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in FORMATS:
        raise GrensverkeerError(f"‘{args.out.name}’: kies een bestandsnaam op .png, .svg of .pdf.")
    if args.top < 0:
        raise GrensverkeerError("--top is 0 (alle stromen) of meer.")
    wanted = options.matrix_filter(args)
    reference = load_reference()
    db = database(args)
    try:
        year = require_pupils(db, args.school_year)
        matrix = filtered_matrix(db, year, args.measure, wanted, reference)
    finally:
        db.close()
    threshold = None
    if args.min is not None:
        threshold = args.min * 100 if args.measure == AMOUNT else args.min
    flow_map = map_of(matrix, wanted, reference, args.top or None, threshold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(render(flow_map, suffix))
    shown = len(flow_map.selection.shown)
    print(f"{args.out}  ({shown} van de {flow_map.selection.total} stromen getekend)")
    return 0


def render(flow_map: FlowMap, suffix: str) -> bytes:
    if suffix == ".svg":
        from grensverkeer.mapping.svg import to_svg

        return to_svg(flow_map.picture).encode("utf-8")
    if suffix == ".pdf":
        from grensverkeer.documents.pictures import to_pdf

        return to_pdf(flow_map.picture)
    from grensverkeer.mapping.raster import to_png

    return to_png(flow_map.picture)
