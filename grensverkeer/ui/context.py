"""What every page needs: the open database, the reference data and a thread pool for work."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThreadPool, Signal

from grensverkeer.pseudonym import Pseudonymizer, load_pseudonymizer
from grensverkeer.reference import Reference, load_reference
from grensverkeer.storage.database import Database


class DataEvents(QObject):
    """Tells every page that the data changed (an import, a tariff, a plan): refresh."""

    changed = Signal()


@dataclass
class UiContext:
    db: Database
    reference: Reference = field(default_factory=load_reference)
    pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
    events: DataEvents = field(default_factory=DataEvents)

    def pseudonymizer(self) -> Pseudonymizer:
        return load_pseudonymizer()
