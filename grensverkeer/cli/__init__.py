"""The ``grensverkeer`` command: subcommands for import, matrix and the demo region.

Every command runs through the same services the application uses. A user never sees a
traceback: known problems are Dutch messages (exit status 2), anything else is logged to the
log file and reported in one line (exit status 1).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from grensverkeer import __version__
from grensverkeer.cli import (
    analyse_cmd,
    app_cmd,
    demo_cmd,
    documents_cmd,
    export_cmd,
    imports_cmd,
    map_cmd,
    mappings_cmd,
    matrix_cmd,
    members_cmd,
    plans_cmd,
    privacy_cmd,
    responsible_cmd,
    settings_cmd,
    settle_cmd,
    tariff_cmd,
)
from grensverkeer.cli.dutch_argparse import use_dutch
from grensverkeer.cli.hints import worded
from grensverkeer.cli.no_pupils import no_pupils_message
from grensverkeer.errors import GrensverkeerError
from grensverkeer.logs import log_file, setup_logging
from grensverkeer.pseudonym import noticed_key_warnings
from grensverkeer.services.matrices.year_pupils import NoPupilsError
from grensverkeer.storage.faults import known_fault

COMMANDS = (
    imports_cmd,
    matrix_cmd,
    map_cmd,
    tariff_cmd,
    settings_cmd,
    members_cmd,
    settle_cmd,
    analyse_cmd,
    plans_cmd,
    privacy_cmd,
    documents_cmd,
    export_cmd,
    responsible_cmd,
    mappings_cmd,
    demo_cmd,
    app_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    use_dutch()
    parser = argparse.ArgumentParser(
        prog="grensverkeer",
        description="Grensverkeer van zorg in onderwijs: importeren, matrix en verrekening.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"grensverkeer {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--db",
        help="database: een SQLAlchemy-URL of het pad naar een .sqlite-bestand "
        "(standaard GRENSVERKEER_DB of het bestand in de gebruikersmap)",
    )
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", required=True)
    for module in COMMANDS:
        module.register(commands)
    _describe_all(parser)
    return parser


def _describe_all(parser: argparse.ArgumentParser) -> None:
    """Give every (nested) subcommand a description: its own, else its one-line help as a
    sentence, so ``grensverkeer X Y --help`` always says what X Y does."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            if not sub.description and helps.get(name):
                text = str(helps[name])
                sub.description = text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
            _describe_all(sub)


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # usage errors (status 2) and --help/--version (status 0)
        return int(stop.code or 0)
    setup_logging()
    try:
        return int(args.handler(args) or 0)
    except NoPupilsError as error:  # nothing to show: said with the command that fixes it
        print(f"Fout: {no_pupils_message(error)}", file=sys.stderr)
        return error.exit_code
    except GrensverkeerError as error:
        print(f"Fout: {worded(error)}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # the output went into `head` or similar, which stopped reading
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit's flush of stdout stays silent
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except Exception as error:
        known = known_fault(error)  # a full disk, a locked or damaged database: in Dutch
        if known is not None:
            logging.getLogger("grensverkeer").warning("%s (%r)", known, error)
            print(f"Fout: {known}", file=sys.stderr)
            return known.exit_code
        logging.getLogger("grensverkeer").exception("Onverwachte fout")
        print(
            f"Er ging iets onverwachts mis. De details staan in {log_file()}; "
            "stuur dat bestand mee als u dit meldt.",
            file=sys.stderr,
        )
        return 1
    finally:
        for warning in noticed_key_warnings():
            print(f"Let op: {warning}", file=sys.stderr)


def _utf8_streams() -> None:
    """Windows consoles default to a code page without ’ and €."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
