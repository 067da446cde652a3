"""``grensverkeer matrix``: the grensverkeer matrix as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.render import matrix_table
from grensverkeer.reference import load_reference
from grensverkeer.services.matrices.counted_matrix import AMOUNT, PUPILS, Matrix
from grensverkeer.services.matrices.matrix_filters import filtered_matrix
from grensverkeer.services.matrices.year_pupils import require_pupils


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
    options.add_filter_options(parser)
    parser.add_argument(
        "--measure",
        choices=(PUPILS, AMOUNT),
        default=PUPILS,
        help="leerlingen (pupils) of bedragen in centen (amount)",
    )
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    wanted = options.matrix_filter(args)
    db = database(args)
    try:
        year = require_pupils(db, args.school_year)  # the latest year by default
        matrix = filtered_matrix(db, year, args.measure, wanted)
    finally:
        db.close()
    print_matrix(matrix, args.format)
    return 0


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
