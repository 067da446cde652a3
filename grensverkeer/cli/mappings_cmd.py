"""``grensverkeer mappings``: save, list and remove named column mappings."""

from __future__ import annotations

import argparse

from grensverkeer import formatting
from grensverkeer.cli.context import database
from grensverkeer.cli.render import table
from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.choices import ColumnChoice, parse_choice
from grensverkeer.importing.fields import choosable
from grensverkeer.services.imports.mappings import list_mappings, remove_mapping, save_mapping


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "mappings",
        help="kolomkoppelingen voor onherkenbare bestanden",
        description="Een kolomkoppeling zegt welke kolomkop welk gegeven bevat, voor bestanden "
        "waarvan de koppen niet (goed) herkend worden; wat zij niet noemt, wordt herkend zoals "
        "altijd. Gebruik haar met ‘import --mapping NAAM’.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTIE")
    save = actions.add_parser(
        "save",
        help="een koppeling opslaan",
        description="Velden: "
        + "; ".join(f"{kind}: " + ", ".join(str(f) for f in choosable(kind)) for kind in FileKind),
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


def parse_columns(kind: FileKind, pairs: list[str]) -> tuple[ColumnChoice, ...]:
    """``veld=Kop`` pairs as choices; a field this kind of file does not have is an error."""
    allowed = choosable(kind)
    choices = []
    for pair in pairs:
        try:
            choice = parse_choice(pair)
        except ValueError as reason:
            raise GrensverkeerError(formatting.sentence(str(reason))) from None
        if choice.field not in allowed:
            raise GrensverkeerError(
                f"Onbekend veld ‘{choice.field}’ voor een {kind}-bestand; kies uit: "
                f"{', '.join(str(f) for f in allowed)}."
            )
        choices.append(choice)
    return tuple(choices)


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
        [m.name, str(m.kind), "; ".join(f"{c.field}={c.label}" for c in m.choices())]
        for m in mappings
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
