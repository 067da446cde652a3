"""What every command needs: the database named by ``--db`` and the reference data."""

from __future__ import annotations

import argparse
import sys

from grensverkeer.storage.connect import describe
from grensverkeer.storage.database import Database, open_database


def database(args: argparse.Namespace) -> Database:
    """The open database; a new file is said (on stderr, so JSON on stdout stays clean): a
    mistyped ``--db`` in an existing folder is then noticed at once."""
    db = open_database(getattr(args, "db", None))
    if db.created:
        print(f"Nieuwe database aangemaakt: {describe(db.engine)}", file=sys.stderr)
    return db
