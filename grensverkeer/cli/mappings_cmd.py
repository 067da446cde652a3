"""``grensverkeer mappings``: save, list and remove named column mappings."""

from __future__ import annotations

import argparse

from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.columns import HEADERS, Field
from grensverkeer.services.mappings import list_mappings, remove_mapping, save_mapping


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "mappings",
        help="kolomkoppelingen voor onherkenbare bestanden",
        description="Een kolomkoppeling zegt welke kolomkop welk gegeven bevat, voor bestanden "
        "waarvan de koppen niet herkend worden. Gebruik haar met ‘import --mapping NAAM’.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTIE")
    save = actions.add_parser(
        "save",
        help="een koppeling opslaan",
        description="Velden: "
        + "; ".join(f"{kind}: " + ", ".join(str(f) for f in HEADERS[kind]) for kind in FileKind),
    )
    save.add_argument("name", metavar="NAAM")
    save.add_argument("--kind", choices=[str(k) for k in FileKind], default=str(FileKind.PUPILS))
    save.add_argument(
        "columns",
        nargs="+",
        metavar="VELD=KOLOMKOP",
        help='bijvoorbeeld bsn="Leerling-ID" brinvest="Schoolcode"',
    )
    save.set_defaults(handler=run_save)
    remove = actions.add_parser("remove", help="een koppeling verwijderen")
    remove.add_argument("name", metavar="NAAM")
    remove.set_defaults(handler=run_remove)
    parser.set_defaults(handler=run_list)


def parse_columns(kind: FileKind, pairs: list[str]) -> dict[Field, str]:
    allowed = {str(f): f for f in HEADERS[kind]}
    columns: dict[Field, str] = {}
    for pair in pairs:
        name, sep, header = pair.partition("=")
        if not sep or not header.strip():
            raise GrensverkeerError(
                f'‘{pair}’: schrijf VELD=KOLOMKOP, bijvoorbeeld bsn="BSN kind".'
            )
        if name.strip().lower() not in allowed:
            raise GrensverkeerError(
                f"Onbekend veld ‘{name}’; kies uit: {', '.join(sorted(allowed))}."
            )
        columns[allowed[name.strip().lower()]] = header.strip()
    return columns


def run_save(args: argparse.Namespace) -> int:
    kind = FileKind(args.kind)
    columns = parse_columns(kind, args.columns)
    db = database(args)
    try:
        save_mapping(db, args.name, kind, columns)
    finally:
        db.close()
    print(f"Kolomkoppeling ‘{args.name}’ opgeslagen ({len(columns)} kolommen).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        mappings = list_mappings(db)
    finally:
        db.close()
    if not mappings:
        print("Er zijn nog geen kolomkoppelingen.")
        return 0
    rows = [
        [m.name, str(m.kind), "; ".join(f"{f}={h}" for f, h in m.columns.items())] for m in mappings
    ]
    print(table(["naam", "soort", "kolommen"], rows))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        remove_mapping(db, args.name)
    finally:
        db.close()
    print(f"Kolomkoppeling ‘{args.name}’ verwijderd.")
    return 0
