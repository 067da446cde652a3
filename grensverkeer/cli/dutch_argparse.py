"""argparse in Dutch: usage lines, help headings and errors in the language of the users.

argparse words its messages through gettext; the standard library ships no Dutch catalogue,
so the handful of messages users meet are given here and looked up the same way.
"""

from __future__ import annotations

import argparse

DUTCH = {
    "usage: ": "gebruik: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze opties zijn verplicht: %s",
    "argument %(argument_name)s: %(message)s": "optie %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unrecognized arguments: %s": "onbekende opties: %s",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "options": "opties",
    "positional arguments": "argumenten",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan zijn %(matches)s"
    ),
}


def _dutch(message: str) -> str:
    return DUTCH.get(message, message)


def use_dutch() -> None:
    """Make argparse speak Dutch; call before building a parser."""
    argparse._ = _dutch  # type: ignore[attr-defined]  # argparse's private gettext, on purpose
