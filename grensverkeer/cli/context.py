"""What every command needs: the database named by ``--db`` and the reference data."""

from __future__ import annotations

import argparse

from grensverkeer.storage.database import Database, open_database


def database(args: argparse.Namespace) -> Database:
    return open_database(getattr(args, "db", None))
