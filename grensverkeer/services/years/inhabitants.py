"""Inhabitants per municipality per year, for splitting a pooled total "naar rato van
inwonersaantal". Users keep this table; the bundled figures are where it starts."""

from __future__ import annotations

import csv

from sqlalchemy import select

from grensverkeer.errors import GrensverkeerError
from grensverkeer.resources import resources_dir
from grensverkeer.services.years.seeding import seed_once
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import InhabitantsRow

_SEEDED = "inwoners_gevuld"


def bundled_inhabitants() -> dict[tuple[str, int], int]:
    path = resources_dir() / "reference" / "inwoners.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["code"], int(r["jaar"])): int(r["inwoners"]) for r in csv.DictReader(handle)}


def _seed(db: Database) -> None:
    seed_once(
        db,
        _SEEDED,
        lambda: [
            InhabitantsRow(code=code, year=year, count=count)
            for (code, year), count in bundled_inhabitants().items()
        ],
    )


def inhabitants(db: Database, year: int) -> dict[str, int]:
    """Inhabitants on 1 January of ``year``; a municipality without a figure for that year
    takes its latest earlier one."""
    _seed(db)
    with db.sessions() as session:
        rows = session.execute(
            select(InhabitantsRow.code, InhabitantsRow.year, InhabitantsRow.count)
            .where(InhabitantsRow.year <= year)
            .order_by(InhabitantsRow.year)
        ).all()
    return {code: count for code, _year, count in rows}


def set_inhabitants(db: Database, code: str, year: int, count: int) -> None:
    if count <= 0:
        raise GrensverkeerError("Het aantal inwoners moet groter dan nul zijn.")
    _seed(db)
    with db.sessions.begin() as session:
        row = session.get(InhabitantsRow, (code, year))
        if row is None:
            session.add(InhabitantsRow(code=code, year=year, count=count))
        else:
            row.count = count


def all_inhabitants(db: Database) -> list[tuple[str, int, int]]:
    _seed(db)
    with db.sessions() as session:
        return [
            (r.code, r.year, r.count)
            for r in session.scalars(
                select(InhabitantsRow).order_by(InhabitantsRow.year, InhabitantsRow.code)
            )
        ]
