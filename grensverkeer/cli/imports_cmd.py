"""``grensverkeer import FILE...`` and ``grensverkeer imports [remove ID]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from grensverkeer import formatting
from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.import_report import print_report
from grensverkeer.cli.render import table
from grensverkeer.export.skipped_rows import skipped_lines, write_skipped_rows
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.folders import files_to_import
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports import import_log
from grensverkeer.services.imports.aliases import reference_with_aliases
from grensverkeer.services.imports.importer import Importer, ImportOptions
from grensverkeer.services.imports.mappings import get_mapping
from grensverkeer.services.imports.reports import Outcome


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser(
        "import",
        help="leerlingenoverzichten en scholenlijsten importeren",
        description="Importeer SWV-overzichten (xlsx, xls, ods, csv) en scholenlijsten. "
        "Een bestand met fouten wordt in zijn geheel geweigerd.",
    )
    run.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="BESTAND",
        help="een bestand, of een map: dan de werkbladen en csv-bestanden direct in die map",
    )
    run.add_argument(
        "--school-year",
        type=options.school_year,
        metavar="2024-2025",
        help="het schooljaar; standaard afgeleid uit het bestand",
    )
    run.add_argument(
        "--skip-invalid", action="store_true", help="sla foute rijen over en importeer de rest"
    )
    run.add_argument("--mapping", metavar="NAAM", help="een opgeslagen kolomkoppeling gebruiken")
    run.add_argument(
        "--column",
        action="append",
        default=[],
        type=options.column_choice,
        metavar='VELD="KOP"',
        help='zeg zelf welke kolom wat is, bijvoorbeeld woonplaats="Plaats leerling" of '
        'genegeerd="Datum" (herhaalbaar); de rest wordt herkend',
    )
    run.add_argument(
        "--skipped-csv",
        type=Path,
        metavar="BESTAND",
        help="de overgeslagen rijen (rij, kolom, waarde, reden) als CSV opslaan",
    )
    run.add_argument(
        "--date-order",
        choices=["dmj", "mdj"],
        help="de volgorde van dag en maand in datums als 02/10/2024 (dmj: dag-maand-jaar)",
    )
    run.set_defaults(handler=run_import)

    listing = commands.add_parser("imports", help="geïmporteerde bestanden tonen of verwijderen")
    actions = listing.add_subparsers(dest="action", metavar="ACTIE")
    remove = actions.add_parser("remove", help="een import ongedaan maken")
    remove.add_argument("import_id", type=int, metavar="ID")
    remove.set_defaults(handler=run_remove)
    listing.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> int:
    files = files_to_import(args.files)  # a folder: its spreadsheets (none: said, no import)
    db = database(args)
    try:
        mapping = get_mapping(db, args.mapping) if args.mapping else None
        importer = Importer(db, load_pseudonymizer(), reference=reference_with_aliases(db))
        order = {"dmj": Order.DMY, "mdj": Order.MDY}.get(args.date_order or "")
        reports = importer.import_files(
            files,
            ImportOptions(
                school_year=args.school_year,
                skip_invalid=args.skip_invalid,
                mapping=mapping,
                columns=tuple(args.column),
                date_order=order,
            ),
        )
    finally:
        db.close()
    for report in reports:
        print_report(report)
    if args.skipped_csv is not None and skipped_lines(reports):
        count = write_skipped_rows(reports, args.skipped_csv)
        rows = formatting.count(count, "rij", "rijen")
        print(f"De {rows} met een fout staan in {args.skipped_csv}.")
    return 2 if any(r.outcome is Outcome.REFUSED for r in reports) else 0


def run_list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        batches = import_log.list_imports(db)
    finally:
        db.close()
    if not batches:
        print("Er is nog niets geïmporteerd.")
        return 0
    rows = [
        [
            str(b.id),
            formatting.moment(b.imported_at),
            b.file_name,
            b.kind,
            str(SchoolYear(b.school_year)) if b.school_year else "",
            formatting.number(b.rows_read),
            formatting.number(b.rows_stored),
            formatting.number(b.rows_skipped),
            "; ".join(b.warnings),
        ]
        for b in batches
    ]
    print(
        table(
            [
                "ID",
                "datum",
                "bestand",
                "soort",
                "schooljaar",
                "gelezen",
                "opgeslagen",
                "overgeslagen",
                "waarschuwingen",
            ],
            rows,
            right={0, 5, 6, 7},
        )
    )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        removed = import_log.remove_import(db, args.import_id)
    finally:
        db.close()
    print(
        f"Import {removed.id} ({removed.file_name}) is verwijderd: "
        f"{formatting.number(removed.rows_stored)} rijen zijn uit de database gehaald."
    )
    return 0
