"""The demo region: synthetic school lists, SWV extracts and tariffs, loaded as a user would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.resources import resources_dir
from grensverkeer.services.importer import Cancelled, Importer, Progress
from grensverkeer.services.matrix import school_years_present
from grensverkeer.services.reports import ImportReport
from grensverkeer.services.tariffs import list_tariffs, load_tariff_table
from grensverkeer.storage.database import Database

DEMO_TARIFFS = "tarieven/tarieven_haaglanden.xlsx"


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


def load_demo(
    db: Database,
    pseudonymizer: Pseudonymizer,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoLoad:
    """Import the demo files (again: nothing changes) and its tariff table when missing."""
    importer = Importer(db, pseudonymizer, progress=progress, cancelled=cancelled)
    reports = tuple(importer.import_files(demo_files()))
    tariffs_set = 0
    if any(not list_tariffs(db, year) for year in school_years_present(db)):
        tariffs_set = len(load_tariff_table(db, demo_dir() / DEMO_TARIFFS).lines)
    return DemoLoad(reports, tariffs_set)
