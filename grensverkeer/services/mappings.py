"""Named column mappings, for files whose headers the program cannot recognise."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.columns import Field, missing_fields
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.storage.database import Database
from grensverkeer.storage.models import ColumnMappingRow


def save_mapping(db: Database, name: str, kind: FileKind, columns: Mapping[Field, str]) -> None:
    """Store (or replace) a mapping; it must name every column its kind of file needs."""
    fake_positions = {field: index for index, field in enumerate(columns)}
    missing = missing_fields(kind, fake_positions)
    if missing:
        raise GrensverkeerError(f"De koppeling ‘{name}’ mist: {', '.join(missing)}.")
    with db.sessions.begin() as session:
        row = session.scalar(select(ColumnMappingRow).where(ColumnMappingRow.name == name))
        if row is None:
            row = ColumnMappingRow(name=name, kind=str(kind), columns={})
            session.add(row)
        row.kind = str(kind)
        row.columns = {str(f): header for f, header in columns.items()}


def get_mapping(db: Database, name: str) -> SavedMapping:
    with db.sessions() as session:
        row = session.scalar(select(ColumnMappingRow).where(ColumnMappingRow.name == name))
        if row is None:
            known = list_mappings(db)
            hint = (" Bekend: " + ", ".join(m.name for m in known) + ".") if known else ""
            raise GrensverkeerError(f"Er is geen kolomkoppeling ‘{name}’.{hint}")
        return _mapping(row)


def list_mappings(db: Database) -> list[SavedMapping]:
    with db.sessions() as session:
        rows = session.scalars(select(ColumnMappingRow).order_by(ColumnMappingRow.name)).all()
        return [_mapping(r) for r in rows]


def remove_mapping(db: Database, name: str) -> None:
    with db.sessions.begin() as session:
        row = session.scalar(select(ColumnMappingRow).where(ColumnMappingRow.name == name))
        if row is None:
            raise GrensverkeerError(f"Er is geen kolomkoppeling ‘{name}’.")
        session.delete(row)


def _mapping(row: ColumnMappingRow) -> SavedMapping:
    return SavedMapping(
        row.name, FileKind(row.kind), {Field(f): header for f, header in row.columns.items()}
    )
