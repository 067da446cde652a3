"""``grensverkeer export``: matrix, saldi, betalingen and sources as an Excel workbook or CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from grensverkeer.cli import options
from grensverkeer.cli.context import database
from grensverkeer.errors import GrensverkeerError
from grensverkeer.export import build_export, write_csv_folder, write_workbook
from grensverkeer.services.plans.finalized_plans import get_plan
from grensverkeer.settlement import Method

XLSX, CSV = "xlsx", "csv"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export",
        help="matrix, saldi en betalingen naar Excel (of CSV)",
        description="Schrijft een schooljaar naar een Excel-werkmap met de bladen Matrix "
        "leerlingen, Matrix bedragen, Saldi, Transacties, Per school, Per onderwijstype en "
        "Importverslag. Totalen zijn berekende getallen, geen formules; tekst die op een formule "
        "lijkt (=, +, -, @) blijft tekst.",
    )
    parser.add_argument(
        "--school-year",
        type=options.school_year,
        metavar="2024-2025",
        help="het schooljaar (bij --plan standaard dat van het plan)",
    )
    options.add_settlement_options(
        parser,
        method_default=None,
        method_help=f"de verrekenmethode (standaard {Method.MULTILATERAL})",
        threshold_default=None,
        threshold_help="bagatelgrens: kleinere verschillen per paar worden niet verrekend",
    )
    parser.add_argument(
        "--plan",
        type=int,
        metavar="ID",
        help="Saldi en Transacties uit dit vastgestelde plan, niet opnieuw berekend",
    )
    parser.add_argument(
        "--format",
        choices=(XLSX, CSV),
        default=XLSX,
        help="xlsx: één werkmap (standaard); csv: een map met één CSV-bestand per blad (en per "
        "deeltabel onder Transacties) plus toelichting.txt; ‘;’ als scheidingsteken, UTF-8, "
        "bedragen in euro met decimale komma; tekst die met = + - @ begint krijgt een ' ervoor",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PAD",
        help="het .xlsx-bestand, of bij --format csv de map (wordt aangemaakt)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if args.format == XLSX and out.suffix.lower() != ".xlsx":
        raise GrensverkeerError(f"Geef een bestandsnaam die eindigt op .xlsx, niet ‘{out.name}’.")
    db = database(args)
    try:
        year = args.school_year
        if year is None:
            if args.plan is None:
                raise GrensverkeerError("Geef het schooljaar met --school-year (of een --plan).")
            year = get_plan(db, args.plan).school_year
        export = build_export(
            db,
            year,
            method=args.method,
            centre=args.centre,
            threshold_cents=args.threshold or 0,
            plan_id=args.plan,
        )
    finally:
        db.close()
    if args.format == XLSX:
        write_workbook(export, out)
        print(f"Geschreven: {out} ({len(export.sheets)} bladen, schooljaar {year}).")
    else:
        files = write_csv_folder(export, out)
        print(f"Geschreven: {len(files)} bestanden in {out} (schooljaar {year}).")
    return 0
