"""``grensverkeer demo``: load the synthetic demo region and show its matrix."""

from __future__ import annotations

import argparse
from pathlib import Path

from grensverkeer.cli.context import database
from grensverkeer.cli.imports_cmd import print_report
from grensverkeer.cli.matrix_cmd import print_matrix
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.resources import resources_dir
from grensverkeer.services.importer import Importer
from grensverkeer.services.matrix import pupil_matrix, school_years_present
from grensverkeer.services.reports import Outcome
from grensverkeer.services.tariffs import list_tariffs, load_tariff_table


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo",
        help="de demoregio laden en de matrix tonen",
        description="Laadt de (verzonnen) scholenlijsten en SWV-overzichten van de demoregio "
        "en toont de matrix van het laatste schooljaar.",
    )
    parser.set_defaults(handler=run)


DEMO_TARIFFS = "tarieven/tarieven_haaglanden.xlsx"


def demo_files() -> list[Path]:
    root = resources_dir() / "demo"
    folders = ["scholen", *sorted(p.name for p in root.iterdir() if p.name[:2] == "20")]
    return [
        path
        for folder in folders
        for path in sorted((root / folder).iterdir())
        if path.suffix.lower() in {".csv", ".xlsx", ".xls", ".ods"}
    ]


def run(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        print(f"Demoregio laden in {db.description}")
        reports = Importer(db, load_pseudonymizer()).import_files(demo_files())
        for report in reports:
            print_report(report)
        for year in school_years_present(db):
            if not list_tariffs(db, year):
                table = load_tariff_table(db, resources_dir() / "demo" / DEMO_TARIFFS)
                print(f"{DEMO_TARIFFS}: {len(table.lines)} tarieven ingesteld")
                break
        years = school_years_present(db)
        if years:
            print()
            print_matrix(pupil_matrix(db, years[-1]), "table")
    finally:
        db.close()
    return 2 if any(r.outcome is Outcome.REFUSED for r in reports) else 0
