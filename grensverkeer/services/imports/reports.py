"""What an import did, as data: the CLI prints it, the application shows it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from grensverkeer.domain import FileKind
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_changes import ImportChanges


class Outcome(StrEnum):
    STORED = "opgeslagen"
    REFUSED = "geweigerd"
    ALREADY = "al geïmporteerd"


WARNING_LABELS = {
    "woongemeente_verschilt": "woongemeente en woonplaats of postcode verschillen",
    "gemeente_verschilt": "gemeentecode en gemeentenaam verschillen",
    "dubbel_samengevoegd": "dubbele leerlingen samengevoegd",
    "peildatum_verschilt": "peildatum in het bestand wijkt af van de ingestelde peildatum",
    "kolom_niet_gebruikt": "kolommen met datums of plaatsen niet gebruikt",
    "vestiging_leeg": "lege vestigingscode gelezen als hoofdvestiging",
    "geen_datums": "geen begin- of einddatum",
}


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    outcome: Outcome
    kind: FileKind | None = None
    import_id: int | None = None
    school_year: SchoolYear | None = None
    school_year_source: str = ""
    rows_read: int = 0
    rows_stored: int = 0
    rows_skipped: int = 0
    duplicates_merged: int = 0
    outside_year: int = 0
    issues: tuple[ImportIssue, ...] = ()
    notes: tuple[str, ...] = ()
    #: how each sheet was read: which column as what, and which were left unused
    layouts: tuple[tuple[str, SheetLayout], ...] = ()
    uncertain_cells: int = 0  # count files: masked counts, each counted as 1
    uncertain_pupils: int = 0  # ...which together may stand for this many more pupils
    changes: ImportChanges | None = None  # what it adds to the school year's matrix

    @property
    def errors(self) -> tuple[ImportIssue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[ImportIssue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.WARNING)


def warning_summary(issues: Iterable[ImportIssue]) -> list[str]:
    """Counted warning kinds without the values: safe to store and to log."""
    counts = Counter(i.code for i in issues if i.severity is Severity.WARNING)
    return [f"{n}× {WARNING_LABELS.get(code, code)}" for code, n in sorted(counts.items())]
