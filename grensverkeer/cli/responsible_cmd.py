"""``grensverkeer responsible``: who pays for one pupil's flow, and does the plan cover it?"""

from __future__ import annotations

import argparse
import json
from datetime import date

from grensverkeer import formatting
from grensverkeer.cli.context import database
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.values import parse_date
from grensverkeer.reference import Reference, load_reference
from grensverkeer.services.plans.responsible import Responsibility, Status, responsibility


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "responsible",
        help="wie betaalt: woongemeente, schoolgemeente en of het regionale plan het dekt",
        description="Zegt meteen welke gemeente betaalt (de woongemeente), waar de school "
        "staat, en of de stroom onder het vastgestelde regionale plan van het schooljaar valt "
        "of nog per leerling tussen de twee gemeenten geregeld moet worden.",
    )
    parser.add_argument(
        "--residence",
        required=True,
        metavar="WOONPLAATS",
        help="woongemeente: gemeentecode (GM1783, 1783), postcode (2671 AB, 2671), "
        "woonplaats (Naaldwijk) of gemeentenaam (Westland)",
    )
    parser.add_argument(
        "--school",
        required=True,
        metavar="BRINVEST",
        help="BRIN en vestiging (12AB00), of alleen de BRIN als die één vestiging heeft",
    )
    parser.add_argument(
        "--date",
        metavar="DATUM",
        help="de datum die het schooljaar bepaalt (28-08-2024 of 2024-08-28); standaard vandaag",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(handler=run)


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise GrensverkeerError(formatting.sentence(str(error))) from None


def run(args: argparse.Namespace) -> int:
    day = _day(args.date)
    db = database(args)
    try:
        answer = responsibility(db, args.residence, args.school, day)
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(answer.as_json(), ensure_ascii=False, indent=2))
    else:
        print(responsibility_table(answer, load_reference()))
    return 0


def responsibility_table(answer: Responsibility, reference: Reference) -> str:
    """A few Dutch lines for someone answering a parent."""
    location = answer.location
    if answer.status is Status.SAME_MUNICIPALITY:
        covered = "niet nodig (geen grensverkeer)"
    elif answer.covered:
        covered = f"ja (plan {answer.plan})"
    else:
        covered = "nee"
    lines = [
        f"Woongemeente (betaalt): {reference.label(answer.residence)}",
        f"Schoolgemeente: {reference.label(answer.school)}",
        f"School: {location.brinvest} {location.name} ({location.place})",
        f"Schooljaar: {answer.school_year} "
        f"(deelnemers op peildatum {formatting.long_date(answer.peildatum)})",
        f"Gedekt door regionaal plan: {covered}",
        f"Toelichting: {answer.reason}",
    ]
    lines += [f"Let op: {note}" for note in answer.notes]
    return "\n".join(lines)
