"""``grensverkeer demo``: load the synthetic demo region and show its matrix."""

from __future__ import annotations

import argparse

from grensverkeer.cli.import_report import print_report
from grensverkeer.cli.matrix_cmd import print_matrix
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.services.demo import DEMO_TARIFFS, demo_database_path, load_demo
from grensverkeer.services.imports.reports import Outcome
from grensverkeer.services.matrices.counted_matrix import pupil_matrix, school_years_present
from grensverkeer.storage.database import open_database


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        help="de demoregio laden en de matrix tonen",
        description="Laadt de (verzonnen) scholenlijsten, SWV-overzichten en tarieven van de "
        "demoregio in de eigen demodatabase (demo.sqlite in de gebruikersmap, dezelfde als die "
        "van 'app --demo'; nooit de gewone database) en toont de matrix van het laatste "
        "schooljaar. Met --db in een andere, lege database.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # the demo's own database; GRENSVERKEER_DB names the user's real one and is not used
    db = open_database(getattr(args, "db", None) or str(demo_database_path()))
    try:
        print(f"Demoregio laden in {db.description}")
        loaded = load_demo(db, load_pseudonymizer())
        for report in loaded.reports:
            print_report(report)
        if loaded.tariffs_set:
            print(f"{DEMO_TARIFFS}: {loaded.tariffs_set} tarieven ingesteld")
        years = school_years_present(db)
        if years:
            print()
            print_matrix(pupil_matrix(db, years[-1]), "table")
    finally:
        db.close()
    return 2 if any(r.outcome is Outcome.REFUSED for r in loaded.reports) else 0
