"""Gather a ``DocumentData`` from the database: a finalised plan as stored, or a draft now."""

from __future__ import annotations

from datetime import date

from grensverkeer.documents.data import DocumentData, TariffLine, from_plan, from_run
from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import Reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import get_plan, inputs_hash, plan_inputs
from grensverkeer.services.settling.balance import Tolerance
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.services.years.tariffs import list_tariffs
from grensverkeer.settlement import Method
from grensverkeer.storage.database import Database


def plan_document_data(
    db: Database,
    plan_id: int,
    year: SchoolYear,
    *,
    issued: date | None = None,
    tolerance: Tolerance | None = None,
    reference: Reference | None = None,
) -> DocumentData:
    """The documents of plan ``plan_id``, which must be a plan of ``year``."""
    plan = get_plan(db, plan_id)
    if plan.school_year != year:
        raise GrensverkeerError(
            f"Plan {plan.id} hoort bij schooljaar {plan.school_year}, niet bij {year}."
        )
    return from_plan(plan, issued=issued, tolerance=tolerance, reference=reference)


def draft_document_data(
    db: Database,
    year: SchoolYear,
    method: Method | str,
    *,
    centre: str | None = None,
    threshold_cents: int = 0,
    issued: date,
    tolerance: Tolerance | None = None,
    reference: Reference | None = None,
) -> DocumentData:
    """A draft computed now from the database, as ``grensverkeer settle`` would compute it.

    Raises ``MissingTariffError`` when pupils of the year have no tariff.
    """
    run = compute_settlement(db, year, method, centre=centre, threshold_cents=threshold_cents)
    pupils = run.counted.pupils()  # the records the settlement read, not a second read
    tariffs = tuple(
        TariffLine(str(t.edu_type), t.arrangement, t.cents) for t in list_tariffs(db, year)
    )
    return from_run(
        run,
        dict(pupils.cells),
        tariffs,
        inputs_hash(plan_inputs(db, run)),
        issued=issued,
        tolerance=tolerance,
        reference=reference,
    )
