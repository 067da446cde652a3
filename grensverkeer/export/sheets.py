"""The export's seven sheets, built from the same services as the matrix and the settlement.

Every number is exact until a writer shows it: cents as integers, pupils as whole numbers (or
fractions of a school year naar rato), and every total is a sum computed here, never a formula.
The settlement comes from ``compute_settlement`` or, with a plan, from the plan's stored result:
both are a ``SettlementResult``, so one code path shows either.

The sheets themselves are built in ``matrix_sheets``, ``settlement_sheets``, ``pupil_sheets`` and
``imports_sheet``; this module gathers the data they share and puts them in order.
"""

from __future__ import annotations

from grensverkeer import formatting
from grensverkeer.counting import counted
from grensverkeer.errors import PLAN_FIXES_OPTIONS, GrensverkeerError, Hint
from grensverkeer.export.contents import Export, Kind
from grensverkeer.export.imports_sheet import imports_sheet
from grensverkeer.export.matrix_sheets import amount_matrix_sheet, pupil_matrix_sheet
from grensverkeer.export.pupil_sheets import records_with_school, schools_sheet, types_sheet
from grensverkeer.export.settlement_sheets import (
    Settled,
    balances_sheet,
    transfers_sheet,
)
from grensverkeer.export.sheet_parts import layout_of, namer
from grensverkeer.method_names import method_label
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import Matrix, amount_matrix, pupil_matrix
from grensverkeer.services.matrices.year_pupils import require_pupils
from grensverkeer.services.plans.finalized_plans import Plan, get_plan
from grensverkeer.services.settling.year_settlement import compute_settlement, settlement_result
from grensverkeer.services.years.tariffs import tariffs_of
from grensverkeer.settlement import Method
from grensverkeer.storage.database import Database


def build_export(
    db: Database,
    year: SchoolYear,
    *,
    method: Method | str | None = None,
    centre: str | None = None,
    threshold_cents: int = 0,
    plan_id: int | None = None,
    reference: Reference | None = None,
) -> Export:
    """All sheets of a school year's export. Raises ``MissingTariffError`` (no amounts without
    tariffs), ``NoPupilsError`` for a year without counted pupils and ``GrensverkeerError`` for
    a plan of another year."""
    reference = reference or load_reference()
    plan = _plan(db, year, plan_id, method, centre, threshold_cents)
    require_pupils(db, year)  # an empty year is said, never exported as zeros
    pupils = pupil_matrix(db, year)
    if plan is None:
        run = compute_settlement(
            db,
            year,
            method or Method.MULTILATERAL,
            centre=centre,
            threshold_cents=threshold_cents,
        )
        amounts = run.matrix
        settled = Settled(
            data=settlement_result(run),
            amounts=_cents(amounts),
            centre=run.settlement.centre,
            threshold_cents=run.settlement.threshold_cents,
            plan=None,
            exact=run.settlement.exact,
            lower_bound=run.settlement.lower_bound,
            matches_current=True,
        )
    else:
        amounts = amount_matrix(db, year)
        inputs = plan.stored_inputs
        stored = {(residence, school): cents for residence, school, cents in inputs.amounts}
        current = {cell: cents for cell, cents in _cents(amounts).items() if cents}
        same = stored == current and inputs.participants == tuple(amounts.participants)
        settled = Settled(
            data=plan.result,
            amounts=stored,
            centre=plan.centre,
            threshold_cents=plan.threshold_cents,
            plan=plan,
            exact=True,
            lower_bound=0,
            matches_current=same,
        )

    settings = pupils.settings
    assert settings is not None
    rules = settings.rules
    names = namer(reference)
    layout = layout_of(pupils, amounts, names)
    records = records_with_school(db, year)
    weighted = counted([item.record for item in records], rules)
    kind = Kind.YEARS if rules.pro_rata else Kind.COUNT
    counted_how = (
        "naar rato van de dagen in het schooljaar (leerlingjaren)"
        if rules.pro_rata
        else f"op de peildatum {formatting.long_date(rules.peildatum)}"
    )
    sheets = (
        pupil_matrix_sheet(pupils, layout, kind, counted_how),
        amount_matrix_sheet(db, amounts, layout, counted_how),
        balances_sheet(settled, pupils, layout, kind),
        transfers_sheet(settled, names),
        schools_sheet(db, weighted, records, layout, kind, counted_how),
        types_sheet(weighted, amounts, tariffs_of(db, year), rules, layout, kind, counted_how),
        imports_sheet(db),
    )
    method_name = method_label(settled.data.method)
    return Export(
        school_year=year,
        peildatum=rules.peildatum,
        title=f"Grensverkeer schooljaar {year}",
        subject=f"Matrix, saldi en betalingen; verrekening {method_name}",
        sheets=sheets,
    )


# The data ------------------------------------------------------------------------------------


def _plan(
    db: Database,
    year: SchoolYear,
    plan_id: int | None,
    method: Method | str | None,
    centre: str | None,
    threshold_cents: int,
) -> Plan | None:
    if plan_id is None:
        return None
    if method is not None or centre is not None or threshold_cents:
        raise GrensverkeerError(
            "Een vastgesteld plan heeft zijn eigen methode, verrekenpartij en bagatelgrens; "
            "die worden er niet bij gekozen.",
            Hint(PLAN_FIXES_OPTIONS),
        )
    plan = get_plan(db, plan_id)
    if plan.school_year != year:
        raise GrensverkeerError(
            f"Plan {plan.id} hoort bij schooljaar {plan.school_year}, niet bij {year}."
        )
    return plan


def _cents(matrix: Matrix) -> dict[tuple[str, str], int]:
    return {cell: int(value) for cell, value in matrix.cells.items()}
