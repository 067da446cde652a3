"""``grensverkeer privacy``: a parent's request (find, remove), purging a finished school year,
the retention setting, the audit log and the fact sheet for the privacy officer.

A BSN given on the command line can end up in the shell's history; ``--bsn -`` reads it from
standard input instead. The BSN is only ever shown masked.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from grensverkeer import formatting
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.errors import GrensverkeerError
from grensverkeer.file_faults import file_fault, os_reason
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.reference import load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.privacy.privacy_report import facts_text, privacy_facts
from grensverkeer.services.privacy.pupil_requests import (
    PupilRecords,
    find_pupil,
    privacy_log,
    remove_pupil,
)
from grensverkeer.services.privacy.purge import Purge, purge_year
from grensverkeer.services.privacy.retention import DEFAULT_MONTHS, retention, set_retention


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("privacy", help="leerling zoeken of verwijderen, opschonen")
    actions = parser.add_subparsers(dest="action", metavar="ACTIE", required=True)
    find = actions.add_parser(
        "find",
        help="alles wat over één leerling is opgeslagen (inzageverzoek)",
        description="Zoekt met het BSN (omgezet naar het pseudoniem, niet opgeslagen) alle "
        "opgeslagen inschrijvingen van één leerling.",
    )
    _bsn(find)
    find.add_argument("--format", choices=("table", "json"), default="table")
    find.set_defaults(handler=run_find)
    remove = actions.add_parser(
        "remove",
        help="alle gegevens van één leerling verwijderen (verzoek tot wissen)",
        description="Verwijdert alle inschrijvingen van één leerling in één keer en legt vast "
        "wanneer, door wie, hoeveel en waarom (zonder BSN). Vastgestelde plannen blijven zoals "
        "ze zijn.",
    )
    _bsn(remove)
    remove.add_argument("--reason", required=True, metavar="TEKST", help="waarom")
    remove.set_defaults(handler=run_remove)
    purge = actions.add_parser(
        "purge",
        help="de leerlinggegevens van een afgerond schooljaar opschonen",
        description="Vervangt de leerlingrijen van het schooljaar door aantallen: alle cijfers "
        "van dat jaar (matrix, verrekening, analyse, export, documenten) blijven gelijk, maar "
        "geen rij hoort nog bij een BSN.",
    )
    purge.add_argument(
        "--school-year", required=True, metavar="2024-2025", help="het schooljaar om op te schonen"
    )
    purge.add_argument("--dry-run", action="store_true", help="alleen tellen, niets wijzigen")
    purge.add_argument(
        "--force", action="store_true", help="ook zonder vastgesteld plan voor dat schooljaar"
    )
    purge.set_defaults(handler=run_purge)
    keep = actions.add_parser(
        "retention",
        help="de bewaartermijn tonen of instellen",
        description="Hoe lang leerlingrijen na het einde van een schooljaar worden bewaard "
        f"(standaard {DEFAULT_MONTHS} maanden; zie docs/privacy.md).",
    )
    keep.add_argument("--months", type=int, metavar="N", help="de nieuwe bewaartermijn")
    keep.set_defaults(handler=run_retention)
    log = actions.add_parser("log", help="de vastgelegde verwijderingen en opschoningen")
    log.set_defaults(handler=run_log)
    report = actions.add_parser(
        "report",
        help="de feiten van deze installatie voor de functionaris gegevensbescherming",
    )
    report.add_argument("--out", metavar="PAD", help="een PDF schrijven (anders tekst)")
    report.set_defaults(handler=run_report)


def _bsn(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bsn", required=True, metavar="BSN", help="het BSN; ‘-’ leest het van de invoer"
    )


def _read_bsn(args: argparse.Namespace) -> str:
    return sys.stdin.readline().strip() if args.bsn == "-" else str(args.bsn)


def run_find(args: argparse.Namespace) -> int:
    bsn = _read_bsn(args)
    db = database(args)
    try:
        found = find_pupil(db, load_pseudonymizer(), bsn)
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(_json(found), ensure_ascii=False, indent=2))
        return 0
    if not found.records:
        print(f"Er staat niets van de leerling met BSN {found.masked_bsn} in deze database.")
        return 0
    name = _namer()
    rows = [
        [
            str(r.school_year),
            r.brinvest,
            r.school_name,
            name(r.school_municipality),
            name(r.residence),
            r.edu_type,
            r.arrangement,
            _day(r.start),
            _day(r.end),
            f"{r.import_id}: {r.import_file}",
        ]
        for r in found.records
    ]
    count = formatting.count(len(rows), "inschrijving", "inschrijvingen")
    print(f"Leerling met BSN {found.masked_bsn}: {count} opgeslagen.")
    headers = ["schooljaar", "school", "naam", "schoolgemeente", "woongemeente", "type"]
    headers += ["arrangement", "begin", "einde", "import"]
    print(table(headers, rows))
    return 0


def _json(found: PupilRecords) -> dict[str, object]:
    return {
        "bsn": found.masked_bsn,
        "records": [
            {
                "school_year": str(r.school_year),
                "brinvest": r.brinvest,
                "school": r.school_name,
                "school_municipality": r.school_municipality,
                "residence": r.residence,
                "type": r.edu_type,
                "arrangement": r.arrangement,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
                "import": r.import_id,
                "file": r.import_file,
                "imported_at": r.imported_at.isoformat(),
            }
            for r in found.records
        ],
    }


def run_remove(args: argparse.Namespace) -> int:
    bsn = _read_bsn(args)
    db = database(args)
    try:
        removal = remove_pupil(db, load_pseudonymizer(), bsn, args.reason)
    finally:
        db.close()
    years = ", ".join(str(y) for y in removal.school_years)
    count = formatting.count(removal.removed, "inschrijving", "inschrijvingen")
    print(
        f"Verwijderd: {count} van de leerling met BSN {removal.masked_bsn} (schooljaar {years}). "
        "Vastgelegd in het privacylogboek (‘grensverkeer privacy log’), zonder BSN."
    )
    for year, plan_id in removal.finalized:
        print(
            f"Let op: schooljaar {year} heeft een vastgesteld plan (plan {plan_id}). Dat plan en "
            "zijn documenten blijven ongewijzigd en wijken nu af van de gegevens: deze leerling "
            "telt daarin nog mee."
        )
    return 0


def run_purge(args: argparse.Namespace) -> int:
    year = SchoolYear.parse(args.school_year)
    db = database(args)
    try:
        purge = purge_year(db, year, force=args.force, dry_run=args.dry_run)
    finally:
        db.close()
    print(purge_text(purge))
    return 0


def purge_text(purge: Purge) -> str:
    """What was (or would be) removed and kept, in the words the window uses too."""
    pupils = formatting.count(purge.pupils, "leerling", "leerlingen")
    rows = formatting.count(purge.pupil_rows, "leerlingrij", "leerlingrijen")
    kept = formatting.count(purge.kept_rows, "rij", "rijen")
    verb = "Zou verwijderen" if purge.dry_run else "Verwijderd"
    lines = [
        f"{verb}: {rows} van {pupils} in schooljaar {purge.school_year}; "
        f"{'zou bewaren' if purge.dry_run else 'bewaard'}: {kept} met aantallen, zonder "
        "pseudoniem, zodat elk getal van dat schooljaar gelijk blijft.",
    ]
    if purge.count_rows:
        lines.append(f"DUO-telrijen (al aantallen): {purge.count_rows}, ongewijzigd.")
    if purge.plan_id is not None:
        lines.append(f"Het vastgestelde plan {purge.plan_id} blijft ongewijzigd.")
    elif purge.dry_run:
        lines.append(
            "Dit schooljaar heeft geen vastgesteld plan: opschonen kan dan alleen met --force."
        )
    elif purge.forced:
        lines.append("Let op: dit schooljaar heeft geen vastgesteld plan (--force).")
    if purge.dry_run:
        lines.append("Er is niets gewijzigd (--dry-run).")
    return "\n".join(lines)


def run_retention(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        kept = retention(db) if args.months is None else set_retention(db, args.months)
    finally:
        db.close()
    default = " (standaard)" if kept.is_default else ""
    print(f"Bewaartermijn: {kept.months} maanden na het einde van een schooljaar{default}.")
    return 0


def run_log(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        entries = privacy_log(db)
    finally:
        db.close()
    if not entries:
        print("Er is nog niets verwijderd of opgeschoond.")
        return 0
    rows = [
        [
            f"{e.happened_at.astimezone():%d-%m-%Y %H:%M}",
            e.action,
            e.school_years,
            str(e.records),
            e.db_user or "—",
            e.os_user or "—",
            e.reason,
        ]
        for e in entries
    ]
    headers = ["wanneer", "actie", "schooljaar", "rijen", "databasegebruiker", "gebruiker"]
    print(table([*headers, "reden"], rows, right={3}))
    return 0


def run_report(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        facts = privacy_facts(db)
    finally:
        db.close()
    if not args.out:
        print(facts_text(facts), end="")
        return 0
    from grensverkeer.documents.privacy_pdf import privacy_pdf

    path = Path(args.out)
    try:
        path.write_bytes(privacy_pdf(facts))
    except OSError as error:
        raise file_fault(error, f"het overzicht ‘{path}’") or GrensverkeerError(
            f"Het overzicht ‘{path}’ kon niet worden geschreven ({os_reason(error)})."
        ) from None
    print(f"Geschreven: {path}")
    return 0


def _namer() -> Callable[[str], str]:
    reference = load_reference()

    def name(code: str) -> str:
        found = reference.municipality(code)
        return f"{found.name} ({code})" if found else code

    return name


def _day(day: object) -> str:
    return "—" if day is None else f"{day:%d-%m-%Y}"
