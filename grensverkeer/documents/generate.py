"""Make a school year's documents: a finalised plan's as stored, or a draft computed now.

The one place that decides what ``grensverkeer documents`` and the application's Documenten
page make: with ``plan_id`` the plan's documents (dated on the day it was finalised unless
``issued`` says otherwise), without it a draft with the given method, centre and threshold
(dated today unless ``issued`` says otherwise). Every document is made in memory before
anything is written, so an error (``MissingTariffError``) leaves nothing behind; the renderer
reports each document through ``progress`` and stops when ``cancelled()`` says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from grensverkeer.documents import RenderedDocument, write_documents
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.sources import draft_document_data, plan_document_data
from grensverkeer.documents.text import proposal_filename, statement_filename
from grensverkeer.errors import GrensverkeerError
from grensverkeer.mapping.trend import YearFigures, trend_figures
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.settling.balance import Tolerance
from grensverkeer.settlement import Method
from grensverkeer.storage.database import Database

Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]


class DocumentsCancelled(GrensverkeerError):
    """The user stopped making the documents; nothing was written."""


@dataclass(frozen=True, slots=True)
class DocumentSet:
    """The verrekenvoorstel and one statement per participant (code order), as PDF bytes."""

    data: DocumentData
    proposal: RenderedDocument
    statements: tuple[tuple[str, RenderedDocument], ...]  # (participant code, its statement)

    @property
    def documents(self) -> tuple[RenderedDocument, ...]:
        """All documents in the order they are listed: the verrekenvoorstel first."""
        return (self.proposal, *(document for _code, document in self.statements))


def document_data(
    db: Database,
    year: SchoolYear,
    *,
    plan_id: int | None = None,
    method: Method | str | None = None,
    centre: str | None = None,
    threshold_cents: int = 0,
    tolerance: Tolerance | None = None,
    issued: date | None = None,
    reference: Reference | None = None,
) -> DocumentData:
    """What the documents show: plan ``plan_id`` (of ``year``), or a draft computed now.

    A plan fixes its method, centre and threshold, so those options only shape a draft.
    Raises ``MissingTariffError`` for a draft whose pupils lack a tariff.
    """
    if plan_id is not None:
        return plan_document_data(
            db, plan_id, year, issued=issued, tolerance=tolerance, reference=reference
        )
    return draft_document_data(
        db,
        year,
        method or Method.MULTILATERAL,
        centre=centre,
        threshold_cents=threshold_cents,
        issued=issued or date.today(),
        tolerance=tolerance,
        reference=reference,
    )


def render_set(
    data: DocumentData,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    trend: Sequence[YearFigures] = (),
) -> DocumentSet:
    """Build every PDF of ``data`` in memory, one by one, reporting each; ``trend`` (see
    ``draft_trend``) puts the school years side by side in the verrekenvoorstel."""
    from grensverkeer.documents.proposal import build_proposal
    from grensverkeer.documents.statement import build_statement

    total = 1 + len(data.participants)

    def step(text: str, done: int) -> None:
        if cancelled is not None and cancelled():
            raise DocumentsCancelled(
                "Het maken van de documenten is afgebroken; er is niets opgeslagen."
            )
        if progress is not None:
            progress(text, done, total)

    step("Verrekenvoorstel", 0)
    proposal = RenderedDocument(proposal_filename(data), build_proposal(data, trend))
    statements = []
    for done, code in enumerate(data.participants, start=1):
        step(f"Overeenkomst {data.party(code).name}", done)
        document = RenderedDocument(statement_filename(data, code), build_statement(data, code))
        statements.append((code, document))
    step("Klaar", total)
    return DocumentSet(data, proposal, tuple(statements))


def generate_documents(
    db: Database,
    year: SchoolYear,
    *,
    plan_id: int | None = None,
    method: Method | str | None = None,
    centre: str | None = None,
    threshold_cents: int = 0,
    tolerance: Tolerance | None = None,
    issued: date | None = None,
    reference: Reference | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DocumentSet:
    """``document_data`` and ``render_set`` in one: the whole set, in memory."""
    data = document_data(
        db,
        year,
        plan_id=plan_id,
        method=method,
        centre=centre,
        threshold_cents=threshold_cents,
        tolerance=tolerance,
        issued=issued,
        reference=reference,
    )
    return render_set(data, progress, cancelled, draft_trend(db, data))


def draft_trend(db: Database, data: DocumentData) -> list[YearFigures]:
    """The school years side by side, for a draft only: a plan's documents rest on what the
    plan stored and nothing else, so they read the same whenever they are made again."""
    if not data.draft:
        return []
    return trend_figures(db, data.tolerance)


def save_documents(documents: tuple[RenderedDocument, ...], out_dir: Path) -> list[Path]:
    """Write the documents into ``out_dir`` (each file atomically); a failure is a Dutch error."""
    try:
        return write_documents(documents, out_dir)
    except OSError as error:
        raise GrensverkeerError(
            f"De documenten konden niet in {out_dir} worden geschreven: {error.strerror or error}."
        ) from None
