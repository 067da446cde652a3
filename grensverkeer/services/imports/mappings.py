"""Named column mappings: the user's column choices, kept for the next file of that kind.

A mapping holds what the user chose (field → header text, and headers to leave unused); what it
does not name is recognised as always. Stored as JSON: ``{"bsn": "Leerling", "genegeerd":
["Datum", "Opmerking"]}``.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from grensverkeer.domain import FileKind
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.choices import ColumnChoice
from grensverkeer.importing.fields import Field
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import ColumnMappingRow


def save_mapping(
    db: Database, name: str, kind: FileKind, choices: Iterable[ColumnChoice]
) -> SavedMapping:
    """Store (or replace) a mapping; each field at most once, a header at most once."""
    columns: dict[Field, str] = {}
    ignored: list[str] = []
    for choice in choices:
        if choice.field is Field.IGNORED:
            ignored.append(choice.label)
        elif choice.field in columns:
            raise GrensverkeerError(f"Het veld {choice.field} staat twee keer in ‘{name}’.")
        else:
            columns[choice.field] = choice.label
    if not columns and not ignored:
        raise GrensverkeerError(f"De koppeling ‘{name}’ noemt geen enkele kolom.")
    stored: dict[str, str | list[str]] = {str(f): header for f, header in columns.items()}
    if ignored:
        stored[str(Field.IGNORED)] = ignored
    with db.sessions.begin() as session:
        row = session.scalar(select(ColumnMappingRow).where(ColumnMappingRow.name == name))
        if row is None:
            row = ColumnMappingRow(name=name, kind=str(kind), columns={})
            session.add(row)
        row.kind = str(kind)
        row.columns = stored
    return SavedMapping(name, kind, columns, tuple(ignored))


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
    ignored = row.columns.get(str(Field.IGNORED), [])
    columns = {
        Field(f): h
        for f, h in row.columns.items()
        if f != str(Field.IGNORED) and isinstance(h, str)  # a header; the ignored are a list
    }
    return SavedMapping(
        row.name,
        FileKind(row.kind),
        columns,
        tuple(ignored) if isinstance(ignored, list) else (str(ignored),),
    )
