"""``grensverkeer import FILE...`` and ``grensverkeer imports [remove ID]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grensverkeer import formatting
from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.cli.render import issue_lines, table
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services import import_log
from grensverkeer.services.aliases import reference_with_aliases
from grensverkeer.services.importer import Importer, ImportOptions
from grensverkeer.services.mappings import get_mapping
from grensverkeer.services.reports import ImportReport, Outcome, warning_summary

WARNINGS_SHOWN = 20


def register(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser(
        "import",
        help="leerlingenoverzichten en scholenlijsten importeren",
        description="Importeer SWV-overzichten (xlsx, xls, ods, csv) en scholenlijsten. "
        "Een bestand met fouten wordt in zijn geheel geweigerd.",
    )
    run.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
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
    run.set_defaults(handler=run_import)

    listing = commands.add_parser("imports", help="geïmporteerde bestanden tonen of verwijderen")
    actions = listing.add_subparsers(dest="action", metavar="ACTIE")
    remove = actions.add_parser("remove", help="een import ongedaan maken")
    remove.add_argument("import_id", type=int, metavar="ID")
    remove.set_defaults(handler=run_remove)
    listing.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        mapping = get_mapping(db, args.mapping) if args.mapping else None
        importer = Importer(db, load_pseudonymizer(), reference=reference_with_aliases(db))
        reports = importer.import_files(
            args.files,
            ImportOptions(
                school_year=args.school_year, skip_invalid=args.skip_invalid, mapping=mapping
            ),
        )
    finally:
        db.close()
    for report in reports:
        print_report(report)
    return 2 if any(r.outcome is Outcome.REFUSED for r in reports) else 0


def print_report(report: ImportReport) -> None:
    if report.outcome is Outcome.REFUSED:
        errors = report.errors
        print(
            f"{report.file}: geweigerd, {_count(len(errors), 'fout', 'fouten')}; "
            "er is niets van opgeslagen.",
            file=sys.stderr,
        )
        for line in issue_lines(errors):
            print(line, file=sys.stderr)
        if errors and all(e.row is not None for e in errors):
            print(
                "  Verbeter het bestand, of importeer met --skip-invalid om alleen de goede "
                "rijen op te slaan.",
                file=sys.stderr,
            )
        return
    if report.outcome is Outcome.ALREADY:
        print(f"{report.file}: {report.notes[0]}")
        return
    print(f"{report.file}: opgeslagen als import {report.import_id} ({report.kind})")
    if report.school_year is not None:
        print(f"  schooljaar {report.school_year} ({report.school_year_source})")
    figures = [
        f"{formatting.number(report.rows_read)} rijen gelezen",
        f"{formatting.number(report.rows_stored)} opgeslagen",
    ]
    if report.rows_skipped:
        figures.append(f"{formatting.number(report.rows_skipped)} overgeslagen")
    if report.outside_year:
        figures.append(f"waarvan {formatting.number(report.outside_year)} buiten het schooljaar")
    if report.duplicates_merged:
        figures.append(f"{formatting.number(report.duplicates_merged)} dubbele samengevoegd")
    print("  " + ", ".join(figures))
    for note in report.notes:
        print(f"  let op: {note}")
    if report.errors:
        print(f"  Overgeslagen rijen ({len(report.errors)}):")
        for line in issue_lines(report.errors):
            print(line)
    if report.warnings:
        print("  Waarschuwingen: " + "; ".join(warning_summary(report.warnings)))
        for line in issue_lines(report.warnings, WARNINGS_SHOWN):
            print(line)


def _count(n: int, one: str, many: str) -> str:
    return f"{formatting.number(n)} {one if n == 1 else many}"


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
            b.imported_at.strftime("%d-%m-%Y %H:%M"),
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
