"""The demo region: synthetic school lists, SWV extracts and tariffs, loaded as a user would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from grensverkeer.errors import USE_DEMO_DATABASE, GrensverkeerError, Hint
from grensverkeer.paths import data_dir
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.resources import resources_dir
from grensverkeer.services.imports.importer import Cancelled, Importer, Progress
from grensverkeer.services.imports.reports import ImportReport
from grensverkeer.services.matrices.counted_matrix import school_years_present
from grensverkeer.services.years.tariffs import list_tariffs, load_tariff_table
from grensverkeer.storage.database import Database
from grensverkeer.storage.read_only import require_write
from grensverkeer.storage.schema import ImportBatch, MetaRow, TariffRow

DEMO_TARIFFS = "tarieven/tarieven_haaglanden.xlsx"
DEMO_DATABASE = "demo.sqlite"
DEMO_MARK = "demoregio"


@dataclass(frozen=True, slots=True)
class DemoLoad:
    reports: tuple[ImportReport, ...]
    tariffs_set: int  # 0 when the years had tariffs already


def demo_dir() -> Path:
    return resources_dir() / "demo"


def demo_files() -> list[Path]:
    """School lists first, then every school year's extracts (not the file with problems)."""
    root = demo_dir()
    folders = ["scholen", *sorted(p.name for p in root.iterdir() if p.name[:2] == "20")]
    return [
        path
        for folder in folders
        for path in sorted((root / folder).iterdir())
        if path.suffix.lower() in {".csv", ".xlsx", ".xls", ".ods"}
    ]


def demo_database_path() -> Path:
    """The demo region's own database, next to (never in) the user's: ``demo`` and
    ``app --demo`` both use it."""
    return data_dir() / DEMO_DATABASE


def is_demo(db: Database) -> bool:
    """Whether ``db`` holds the demo region (the window then says so everywhere)."""
    with db.sessions() as session:
        return session.get(MetaRow, DEMO_MARK) is not None


def load_demo(
    db: Database,
    pseudonymizer: Pseudonymizer,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoLoad:
    """Import the demo files (again: nothing changes) and its tariff table when missing.

    Only into an empty database or one that holds the demo already: synthetic pupils and
    tariffs mixed into a municipality's real data would be counted and paid for.
    """
    require_write(db.engine)  # also when the demo is there already: loading it is a write
    _refuse_real_data(db)
    _mark(db)
    importer = Importer(db, pseudonymizer, progress=progress, cancelled=cancelled)
    reports = tuple(importer.import_files(demo_files()))
    tariffs_set = 0
    if any(not list_tariffs(db, year) for year in school_years_present(db)):
        tariffs_set = len(load_tariff_table(db, demo_dir() / DEMO_TARIFFS).lines)
    return DemoLoad(reports, tariffs_set)


def _refuse_real_data(db: Database) -> None:
    if is_demo(db):
        return
    with db.sessions() as session:
        imports = session.scalar(select(func.count()).select_from(ImportBatch)) or 0
        tariffs = session.scalar(select(func.count()).select_from(TariffRow)) or 0
    if imports or tariffs:
        raise GrensverkeerError(
            f"De database {db.description} bevat al eigen gegevens ({imports} imports, "
            f"{tariffs} tarieven); de demoregio wordt daar niet in geladen. De demo heeft een "
            f"eigen database ({demo_database_path()}).",
            Hint(USE_DEMO_DATABASE, {"path": demo_database_path()}),
        )


def _mark(db: Database) -> None:
    with db.sessions.begin() as session:
        if session.get(MetaRow, DEMO_MARK) is None:
            session.add(MetaRow(key=DEMO_MARK, value="ja"))
