"""The export's Importverslag sheet: every file imported into the database."""

from __future__ import annotations

from collections.abc import Sequence

from grensverkeer.export.contents import Column, Kind, Row, Sheet, Table
from grensverkeer.export.sheet_parts import IMPORTS_SHEET
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_log import list_imports
from grensverkeer.storage.database import Database

MAX_WARNINGS_SHOWN = 20


def _warnings_text(warnings: Sequence[str]) -> str:
    shown = list(warnings[:MAX_WARNINGS_SHOWN])
    if len(warnings) > MAX_WARNINGS_SHOWN:
        shown.append(f"… en nog {len(warnings) - MAX_WARNINGS_SHOWN}")
    return "\n".join(shown)


def imports_sheet(db: Database) -> Sheet:
    imports = list_imports(db)
    columns = (
        Column("Nr", Kind.COUNT),
        Column("Datum", Kind.DATETIME),
        Column("Bestand"),
        Column("Soort"),
        Column("Schooljaar"),
        Column("Rijen gelezen", Kind.COUNT),
        Column("Opgeslagen", Kind.COUNT),
        Column("Overgeslagen", Kind.COUNT),
        Column("Dubbel, samengevoegd", Kind.COUNT),
        Column("Waarschuwingen", Kind.COUNT),
        Column("Toelichting"),
    )
    rows = tuple(
        Row(
            (
                item.id,
                # local time, to the second: Excel has no time zones
                item.imported_at.replace(tzinfo=None, microsecond=0),
                item.file_name,
                item.kind,
                None if item.school_year is None else str(SchoolYear(item.school_year)),
                item.rows_read,
                item.rows_stored,
                item.rows_skipped,
                item.duplicates_merged,
                len(item.warnings),
                _warnings_text(item.warnings),
            )
        )
        for item in imports
    )
    return Sheet(
        IMPORTS_SHEET,
        "importverslag",
        "Importverslag: de bestanden in deze database",
        (
            "Alle imports, oudste eerst; datum in lokale tijd. Dubbel: dezelfde inschrijving uit "
            "meer bestanden, één keer bewaard.",
        ),
        Table(columns, rows),
    )
