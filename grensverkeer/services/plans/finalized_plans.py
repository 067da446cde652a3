"""Finalised (vastgestelde) settlement plans: stored once, never changed.

A plan keeps the inputs it was computed from (the amount matrix, the participants, tariffs
and options) and a sha256 over them, so a printed plan can be matched to what it rests on and
later imports change nothing about it. A plan is never deleted: it can be withdrawn (who, when
and why are kept) and stays readable, and then a new plan can be finalised for its school year.
The database allows one active plan per school year; when two users finalise at once, the
second gets a clear message instead of a second plan. An empty year, or one with pupils
without a tariff, is not finalised at all (``plan_checks``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from grensverkeer import formatting
from grensverkeer.errors import LIST_PLANS, WITHDRAW_PLAN, GrensverkeerError, Hint
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.plan_checks import check_finalizable
from grensverkeer.services.settling.year_settlement import (
    SettlementRun,
    compute_settlement,
    settlement_result,
)
from grensverkeer.services.years.tariffs import list_tariffs
from grensverkeer.settlement_result import PlanInputs, SettlementResult
from grensverkeer.storage.database import Database, exclusive
from grensverkeer.storage.schema import PlanRow
from grensverkeer.who_when import as_utc, os_user

REASON_LENGTH = 1000  # the column's length


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
    result: SettlementResult
    withdrawn_at: datetime | None = None
    withdrawn_by: str = ""
    withdrawn_reason: str = ""

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    @property
    def stored_inputs(self) -> PlanInputs:
        """``inputs`` read into values (the JSON stays as stored: the hash is over it)."""
        return PlanInputs.from_json(self.inputs)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


def plan_inputs(db: Database, run: SettlementRun) -> dict[str, object]:
    """What the plan was computed from, as plain JSON in a fixed order."""
    settings = run.settings
    settlement = run.settlement
    pupils = run.counted.pupils()  # from the run's own read: the same records, counted once
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
    """Store the plan as vastgesteld; a school year that has an active one already is refused,
    and so is a year without counted pupils or with pupils lacking a tariff.

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
        year_read = check_finalizable(view, run.school_year)
        now = compute_settlement(
            view,
            run.school_year,
            settlement.method,
            centre=settlement.centre,
            threshold_cents=settlement.threshold_cents,
            year_read=year_read,
        )
        if settlement_result(now) != settlement_result(run) or now.matrix.cells != run.matrix.cells:
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
            finalized_by=(by or os_user())[:100],
            inputs=inputs,
            result=settlement_result(now).to_json(),
            sha256=inputs_hash(inputs),
        )
        with view.sessions.begin() as session:
            session.add(row)
            session.flush()
            return row.id


def _already(plan: Plan) -> GrensverkeerError:
    return GrensverkeerError(
        f"Voor schooljaar {plan.school_year} is al een plan vastgesteld: plan {plan.id} "
        f"({plan.method}), op {formatting.moment(plan.finalized_at.astimezone())} door "
        f"{plan.finalized_by or 'onbekend'}. Er is geen tweede plan gemaakt; trek dat plan "
        "eerst in als het niet meer geldt.",
        Hint(WITHDRAW_PLAN, {"plan_id": plan.id}),
    )


def _plan(row: PlanRow) -> Plan:
    return Plan(
        row.id,
        SchoolYear(row.school_year),
        row.method,
        row.centre,
        row.threshold_cents,
        as_utc(row.finalized_at),
        row.finalized_by,
        row.sha256,
        dict(row.inputs),
        SettlementResult.from_json(row.result),
        None if row.withdrawn_at is None else as_utc(row.withdrawn_at),
        row.withdrawn_by or "",
        row.withdrawn_reason or "",
    )


def list_plans(db: Database) -> list[Plan]:
    with db.sessions() as session:
        return [_plan(r) for r in session.scalars(select(PlanRow).order_by(PlanRow.id))]


def get_plan(db: Database, plan_id: int) -> Plan:
    with db.sessions() as session:
        row = session.get(PlanRow, plan_id)
        if row is None:
            raise _unknown(plan_id)
        return _plan(row)


def _unknown(plan_id: int) -> GrensverkeerError:
    return GrensverkeerError(f"Er is geen plan {plan_id}.", Hint(LIST_PLANS))


def finalized_plan(db: Database, year: SchoolYear) -> Plan | None:
    """The school year's active plan: finalised and not withdrawn."""
    with db.sessions() as session:
        row = session.scalar(
            select(PlanRow).where(
                PlanRow.school_year == year.start_year, PlanRow.withdrawn_at.is_(None)
            )
        )
        return None if row is None else _plan(row)


def withdraw(db: Database, plan_id: int, reason: str, by: str | None = None) -> Plan:
    """Mark plan ``plan_id`` withdrawn: by whom, when (UTC) and why. Nothing else changes, so
    its inputs, result and hash stay as they were; its school year may then get a new plan."""
    reason = " ".join(reason.split())
    if not reason:
        raise GrensverkeerError("Geef een reden op waarom het plan wordt ingetrokken.")
    if len(reason) > REASON_LENGTH:
        raise GrensverkeerError(
            f"De reden is {len(reason)} tekens lang; houd het bij {REASON_LENGTH} tekens."
        )
    with exclusive(db) as view, view.sessions.begin() as session:
        row = session.get(PlanRow, plan_id)
        if row is None:
            raise _unknown(plan_id)
        if row.withdrawn_at is not None:
            raise GrensverkeerError(
                f"Plan {plan_id} is al ingetrokken op "
                f"{formatting.moment(as_utc(row.withdrawn_at).astimezone())} door "
                f"{row.withdrawn_by or 'onbekend'} (reden: {row.withdrawn_reason})."
            )
        row.withdrawn_at = datetime.now(UTC)
        row.withdrawn_by = (by or os_user())[:100]
        row.withdrawn_reason = reason
    return get_plan(db, plan_id)
