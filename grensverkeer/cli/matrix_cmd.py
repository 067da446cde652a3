"""``grensverkeer matrix``: the grensverkeer matrix as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.render import matrix_table
from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import load_reference
from grensverkeer.services.matrix import AMOUNT, PUPILS, Matrix
from grensverkeer.services.matrix_filters import MatrixFilter, filtered_matrix, swv_choices
from grensverkeer.services.year_pupils import require_pupils


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "matrix",
        help="de matrix woongemeente × schoolgemeente",
        description="Leerlingen per woongemeente (rijen) en schoolgemeente (kolommen), "
        "geteld op de peildatum van het schooljaar.",
    )
    parser.add_argument(
        "--school-year",
        type=options.school_year,
        metavar="2024-2025",
        help="standaard het laatste schooljaar met gegevens",
    )
    parser.add_argument(
        "--type",
        type=options.edu_type,
        metavar="TYPE",
        help="alleen dit onderwijstype: PO, SBO, SO, VSO of VO",
    )
    parser.add_argument(
        "--swv",
        metavar="SWV",
        help="alleen leerlingen die in het gebied van dit samenwerkingsverband wonen, "
        'zoals "VO 28-06" of "PO 28-15"',
    )
    parser.add_argument(
        "--arrangement", metavar="NAAM", help="alleen leerlingen met dit arrangement"
    )
    parser.add_argument(
        "--measure",
        choices=(PUPILS, AMOUNT),
        default=PUPILS,
        help="leerlingen (pupils) of bedragen in centen (amount)",
    )
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    wanted = MatrixFilter(args.type, _swv(args.swv), args.arrangement)
    db = database(args)
    try:
        year = require_pupils(db, args.school_year)  # the latest year by default
        matrix = filtered_matrix(db, year, args.measure, wanted)
    finally:
        db.close()
    print_matrix(matrix, args.format)
    return 0


def _swv(text: str | None) -> str | None:
    """``VO 28-06`` in any spacing or case, checked against the known areas."""
    if text is None:
        return None
    wanted = " ".join(text.upper().split())
    known = [swv.ident for swv in swv_choices()]
    if wanted not in known:
        raise GrensverkeerError(
            f"Onbekend samenwerkingsverband ‘{text}’; kies uit: {', '.join(known)}."
        )
    return wanted


def print_matrix(matrix: Matrix, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(matrix.as_json(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(
            [
                "woongemeente",
                "schoolgemeente",
                "centen" if matrix.measure == AMOUNT else "leerlingen",
            ]
        )
        cells = matrix.as_json()["cells"]
        assert isinstance(cells, list)
        for cell in cells:
            writer.writerow([cell["from"], cell["to"], cell["value"]])
    else:
        print(matrix_table(matrix, load_reference()))
