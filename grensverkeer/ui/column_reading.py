"""Reading the wizard's files for the column page, in a worker: every file once, recognised with
the stored aliases and schools, and the school lists of the batch known to the other files.
Apart from the page because it runs outside the window's thread and touches no widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from grensverkeer.domain import FileKind
from grensverkeer.importing.parse_file import SavedMapping
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.reference import Reference
from grensverkeer.services.imports.aliases import reference_with_aliases
from grensverkeer.services.imports.mappings import list_mappings
from grensverkeer.services.imports.schools import stored_school_index
from grensverkeer.storage.database import Database
from grensverkeer.ui.import_preview_model import FilePreview
from grensverkeer.ui.workers import Cancelled, Progress

ReadResult = tuple[list[FilePreview], list[SavedMapping]]  # the new previews, the saved mappings


def with_batch_schools(previews: list[FilePreview], stored: SchoolIndex) -> None:
    """School lists are imported first: the other files are read knowing their schools too,
    as the import will read them (a school's own place is told from the pupil's by them)."""
    batch = SchoolIndex.of(stored.locations.values())
    for preview in previews:
        batch.add(preview.school_locations())
    if len(batch) == len(stored):
        return
    for preview in previews:
        if preview.kind is not FileKind.SCHOOLS:
            preview.use_schools(batch)


def read_task(
    db: Database, reference: Reference, missing: Sequence[Path], known: list[FilePreview]
) -> Callable[[Progress, Cancelled], ReadResult]:
    """The worker's task: read the ``missing`` files (``known`` ones are read already)."""

    def read(progress: Progress, cancelled: Cancelled) -> ReadResult:
        previews = []
        with_aliases = reference_with_aliases(db, reference)
        schools = stored_school_index(db)
        for number, path in enumerate(missing):
            if cancelled():
                break
            progress(path.name, number, len(missing))
            previews.append(FilePreview.read(path, with_aliases, schools))
        with_batch_schools([*known, *previews], schools)
        return previews, list_mappings(db)

    return read
