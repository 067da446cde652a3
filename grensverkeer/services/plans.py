"""Finalised (vastgestelde) settlement plans: stored once, never changed.

A plan keeps the inputs it was computed from (the amount matrix, the participants, tariffs
and options) and a sha256 over them, so a printed plan can be matched to what it rests on and
later imports change nothing about it. The database allows one plan per school year; when two
users finalise at once, the second gets a clear message instead of a second plan.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrix import pupil_matrix
from grensverkeer.services.settling import SettlementRun, compute_settlement, settlement_json
from grensverkeer.services.tariffs import list_tariffs
from grensverkeer.storage.database import Database, exclusive
from grensverkeer.storage.models import PlanRow


@dataclass(frozen=True, slots=True)
class Plan:
    id: int
    school_year: SchoolYear
    method: str
    centre: str | None
    threshold_cents: int
    finalized_at: datetime
    finalized_by: str
    sha256: str
    inputs: dict[str, object]
    result: dict[str, object]

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


def plan_inputs(db: Database, run: SettlementRun) -> dict[str, object]:
    """What the plan was computed from, as plain JSON in a fixed order."""
    settings = run.settings
    settlement = run.settlement
    pupils = pupil_matrix(db, run.school_year)
    return {
        "school_year": str(run.school_year),
        "peildatum": settings.peildatum.isoformat(),
        "pro_rata": settings.pro_rata,
        "actual_cost": settings.actual_cost,
        "participants": list(run.matrix.participants),
        "method": str(settlement.method),
        "centre": settlement.centre,
        "threshold_cents": settlement.threshold_cents,
        "tariffs": [
            {"type": str(t.edu_type), "arrangement": t.arrangement, "cents": t.cents}
            for t in list_tariffs(db, run.school_year)
        ],
        "amounts": [
            {"from": r, "to": s, "cents": int(v)} for (r, s), v in sorted(run.matrix.cells.items())
        ],
        # exact values (a fraction of a year naar rato), so documents never recount them
        "pupils": [
            {"from": r, "to": s, "value": str(v)} for (r, s), v in sorted(pupils.cells.items())
        ],
    }


def inputs_hash(inputs: dict[str, object]) -> str:
    canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def finalize(db: Database, run: SettlementRun, by: str | None = None) -> Plan:
    """Store the plan as vastgesteld; a school year that has one already is refused.

    Everything the plan holds (amounts, pupil counts, tariffs, the hash) is read in one
    transaction that no import can interleave with, and must still be what the user saw:
    when the data changed since ``run`` was computed, the plan is refused, not mixed.
    """
    try:
        plan_id = _store_plan(db, run, by)
    except IntegrityError:  # a plan of another user, come in between after all
        other = finalized_plan(db, run.school_year)
        if other is None:
            raise
        raise _already(other) from None
    return get_plan(db, plan_id)


def _store_plan(db: Database, run: SettlementRun, by: str | None) -> int:
    settlement = run.settlement
    with exclusive(db) as view:
        existing = finalized_plan(view, run.school_year)
        if existing is not None:
            raise _already(existing)
        now = compute_settlement(
            view,
            run.school_year,
            settlement.method,
            centre=settlement.centre,
            threshold_cents=settlement.threshold_cents,
        )
        if settlement_json(now) != settlement_json(run) or now.matrix.cells != run.matrix.cells:
            raise GrensverkeerError(
                f"De gegevens van schooljaar {run.school_year} zijn veranderd sinds de "
                "berekening (een import of een ander tarief); bereken opnieuw en stel dan vast."
            )
        inputs = plan_inputs(view, now)
        row = PlanRow(
            school_year=run.school_year.start_year,
            method=str(settlement.method),
            centre=settlement.centre,
            threshold_cents=settlement.threshold_cents,
            finalized_at=datetime.now(UTC),
            finalized_by=(by or _user())[:100],
            inputs=inputs,
            result=settlement_json(now),
            sha256=inputs_hash(inputs),
        )
        with view.sessions.begin() as session:
            session.add(row)
            session.flush()
            return row.id


def _already(plan: Plan) -> GrensverkeerError:
    return GrensverkeerError(
        f"Voor schooljaar {plan.school_year} is al een plan vastgesteld: plan {plan.id} "
        f"({plan.method}), op {plan.finalized_at.astimezone():%d-%m-%Y %H:%M} door "
        f"{plan.finalized_by or 'onbekend'}. Er is geen tweede plan gemaakt."
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _plan(row: PlanRow) -> Plan:
    moment = row.finalized_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return Plan(
        row.id,
        SchoolYear(row.school_year),
        row.method,
        row.centre,
        row.threshold_cents,
        moment,
        row.finalized_by,
        row.sha256,
        dict(row.inputs),
        dict(row.result),
    )


def list_plans(db: Database) -> list[Plan]:
    with db.sessions() as session:
        return [_plan(r) for r in session.scalars(select(PlanRow).order_by(PlanRow.id))]


def get_plan(db: Database, plan_id: int) -> Plan:
    with db.sessions() as session:
        row = session.get(PlanRow, plan_id)
        if row is None:
            raise GrensverkeerError(f"Er is geen plan {plan_id}; ‘grensverkeer plans’ toont ze.")
        return _plan(row)


def finalized_plan(db: Database, year: SchoolYear) -> Plan | None:
    with db.sessions() as session:
        row = session.scalar(select(PlanRow).where(PlanRow.school_year == year.start_year))
        return None if row is None else _plan(row)
