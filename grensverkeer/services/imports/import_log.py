"""The record of imports: listing them and undoing one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from grensverkeer.errors import LIST_IMPORTS, GrensverkeerError, Hint
from grensverkeer.storage.database import Database
from grensverkeer.storage.schema import ImportBatch
from grensverkeer.who_when import as_utc


@dataclass(frozen=True, slots=True)
class ImportSummary:
    id: int
    file_name: str
    sha256: str
    kind: str
    school_year: int | None
    imported_at: datetime
    rows_read: int
    rows_stored: int
    rows_skipped: int
    duplicates_merged: int
    warnings: tuple[str, ...]


def _summary(batch: ImportBatch) -> ImportSummary:
    moment = as_utc(batch.imported_at)
    return ImportSummary(
        batch.id,
        batch.file_name,
        batch.sha256,
        batch.kind,
        batch.school_year,
        moment.astimezone(),
        batch.rows_read,
        batch.rows_stored,
        batch.rows_skipped,
        batch.duplicates_merged,
        tuple(batch.warnings or ()),
    )


def list_imports(db: Database) -> list[ImportSummary]:
    with db.sessions() as session:
        batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id)).all()
        return [_summary(b) for b in batches]


def remove_import(db: Database, import_id: int) -> ImportSummary:
    """Undo an import: the file's rows go with it (cascade), in one transaction."""
    with db.sessions.begin() as session:
        batch = session.get(ImportBatch, import_id)
        if batch is None:
            raise GrensverkeerError(
                f"Er is geen import met nummer {import_id}.", Hint(LIST_IMPORTS)
            )
        summary = _summary(batch)
        session.delete(batch)
    return summary
