"""The stored school locations, as one index that import, look-ups and the UI share."""

from __future__ import annotations

from sqlalchemy import select

from grensverkeer.domain import EduType, SchoolLocation
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import SchoolLocationRow


def stored_school_index(db: Database) -> SchoolIndex:
    """Every stored location; a later school list wins for a location in several."""
    with db.sessions() as session:
        rows = session.scalars(
            select(SchoolLocationRow).order_by(SchoolLocationRow.import_id, SchoolLocationRow.id)
        ).all()
        return SchoolIndex.of(
            SchoolLocation(
                r.brin,
                r.vestiging,
                r.name,
                r.place,
                r.municipality,
                frozenset(EduType(t) for t in r.types.split(",") if t),
            )
            for r in rows
        )
