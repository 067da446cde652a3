"""What the documents show, as plain frozen data: assembled from a finalised plan or a draft.

The document builders take a :class:`DocumentData` and nothing else, so they never touch the
database, and the same data always gives the same PDF. A finalised plan's documents come from
what the plan stored (its inputs and result), never from a recomputation, so later imports do
not change them. A draft is computed now, like ``grensverkeer settle``.

Every amount is integer cents. ``DocumentData`` checks on construction that the figures agree:
the positions add up to zero, the transfers realise the positions exactly, ``total_moved`` is
their sum, and the positions are the matrix positions minus the waived differences. A plan
whose stored figures do not agree is refused rather than printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

from grensverkeer.errors import GrensverkeerError
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import Plan
from grensverkeer.services.settling.balance import DEFAULT_TOLERANCE, Tolerance, parse_tolerance
from grensverkeer.services.settling.year_settlement import (
    REGIONAL_CENTRE,
    REGIONAL_CENTRE_NAME,
    SettlementRun,
)
from grensverkeer.services.years.membership import REGION
from grensverkeer.settlement import Method
from grensverkeer.settlement_result import Flow, PlanInputs

Pupils = int | Fraction
Cell = tuple[str, str]

# Plans record the moment in UTC; the date printed is the date in the region.
REGION_TIMEZONE = ZoneInfo("Europe/Amsterdam")
PAYMENT_DAYS = 30


@dataclass(frozen=True, slots=True)
class Party:
    """A municipality (or the regional organisation) as the documents name it."""

    code: str
    name: str  # 's-Gravenhage
    short_name: str  # Den Haag: for narrow columns

    @property
    def label(self) -> str:
        """``'s-Gravenhage (GM0518)``; the regional organisation has no code to show."""
        return self.name if self.code == REGIONAL_CENTRE else f"{self.name} ({self.code})"


REGIONAL_PARTY = Party(REGIONAL_CENTRE, REGIONAL_CENTRE_NAME, "Regio")


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A withdrawn plan's documents say so on every page: when (region date), by whom, why."""

    on: date
    by: str
    reason: str


@dataclass(frozen=True, slots=True)
class TariffLine:
    edu_type: str
    arrangement: str  # "" for the type's general tariff
    cents: int


@dataclass(frozen=True, slots=True)
class Payment:
    """A transfer (paid), or a flow reported apart (waived, outside the region)."""

    payer: str
    payee: str
    cents: int


@dataclass(frozen=True, slots=True)
class DocumentData:
    """Everything the verrekenvoorstel and the statements show.

    ``amounts`` and ``pupils`` hold every nonzero matrix cell (residence, school, value): the
    diagonal and the cells with an end outside the participants included. ``pupils`` is None
    when the source does not record pupil counts (see :func:`plan_pupils`). ``plan_id`` is
    None for a draft; ``sha256`` is then the hash of the inputs the draft was computed from (a
    plan finalised from the same data gets the same hash).
    """

    region: str
    school_year: SchoolYear
    peildatum: date
    issued: date
    method: Method
    centre: str | None
    threshold_cents: int
    pro_rata: bool
    actual_cost: bool
    participants: tuple[str, ...]
    parties: tuple[Party, ...]
    amounts: tuple[tuple[str, str, int], ...]
    pupils: tuple[tuple[str, str, Pupils], ...] | None
    tariffs: tuple[TariffLine, ...]
    positions: tuple[tuple[str, int], ...]
    transfers: tuple[Payment, ...]
    total_moved: int
    waived: tuple[Payment, ...]
    outside: tuple[Payment, ...]
    sha256: str
    plan_id: int | None = None
    finalized_on: date | None = None
    finalized_by: str = ""
    withdrawn: Withdrawal | None = None
    tolerance: Tolerance = field(default_factory=lambda: parse_tolerance(DEFAULT_TOLERANCE))
    payment_days: int = PAYMENT_DAYS

    def __post_init__(self) -> None:
        _check(self)

    # Convenience --------------------------------------------------------------------------

    @property
    def draft(self) -> bool:
        return self.plan_id is None

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    def party(self, code: str) -> Party:
        for party in self.parties:
            if party.code == code:
                return party
        if code == REGIONAL_CENTRE:
            return REGIONAL_PARTY
        return Party(code, code, code)

    def position(self, code: str) -> int:
        return dict(self.positions)[code]

    def amount_cells(self) -> dict[Cell, int]:
        return {(r, s): cents for r, s, cents in self.amounts}

    def pupil_cells(self) -> dict[Cell, Pupils] | None:
        return None if self.pupils is None else {(r, s): v for r, s, v in self.pupils}

    def matrix_positions(self) -> dict[str, int]:
        """n(x) from the matrix, before the bagatelgrens."""
        members = set(self.participants)
        positions = dict.fromkeys(self.participants, 0)
        for r, s, cents in self.amounts:
            if r != s and r in members and s in members:
                positions[s] += cents
                positions[r] -= cents
        return positions


def _check(data: DocumentData) -> None:
    """The figures must agree exactly, or no document is made from them."""
    positions = dict(data.positions)
    problems = []
    if tuple(positions) != data.participants:
        problems.append("de saldi horen niet bij de deelnemers")
    if sum(positions.values()):
        problems.append("de saldi tellen niet op tot nul")
    if sum(t.cents for t in data.transfers) != data.total_moved:
        problems.append("de betalingen tellen niet op tot het totaal")
    realised = dict.fromkeys(positions, 0)
    for transfer in data.transfers:
        for code, cents in ((transfer.payee, transfer.cents), (transfer.payer, -transfer.cents)):
            realised[code] = realised.get(code, 0) + cents
    if any(realised.get(code, 0) != cents for code, cents in positions.items()) or any(
        cents for code, cents in realised.items() if code not in positions
    ):
        problems.append("de betalingen brengen de saldi niet precies tot stand")
    expected = data.matrix_positions()
    for flow in data.waived:
        expected[flow.payer] += flow.cents
        expected[flow.payee] -= flow.cents
    if expected != positions:
        problems.append("de saldi volgen niet uit de matrix")
    if problems:
        raise GrensverkeerError(
            "De gegevens van dit verrekenplan kloppen niet: " + "; ".join(problems) + "."
        )


# Names -----------------------------------------------------------------------------------


def parties_for(codes: Iterable[str], reference: Reference) -> tuple[Party, ...]:
    """Every code as a party, named by the reference (an unknown code keeps its code)."""
    result = []
    for code in sorted(set(codes)):
        if code == REGIONAL_CENTRE:
            result.append(REGIONAL_PARTY)
            continue
        municipality = reference.municipality(code)
        if municipality is None:
            result.append(Party(code, code, code))
        else:
            result.append(Party(code, municipality.name, municipality.short_name))
    return tuple(result)


def _codes(
    participants: Iterable[str], amounts: Iterable[tuple[str, str, int]], centre: str | None
) -> set[str]:
    codes = set(participants)
    for r, s, _cents in amounts:
        codes.update((r, s))
    if centre:
        codes.add(centre)
    return codes


# From a finalised plan ---------------------------------------------------------------------


def issue_date(finalized_at: datetime) -> date:
    """The date a plan was finalised, in the region's time zone (the same on every machine)."""
    return finalized_at.astimezone(REGION_TIMEZONE).date()


def plan_pupils(inputs: PlanInputs) -> tuple[tuple[str, str, Pupils], ...] | None:
    """Pupil counts from what a plan stored, without looking at today's database.

    A plan that stores its pupil counts gives them as they are. Otherwise they follow exactly
    from the amounts only when every pupil costs the same: no naar rato, no actual costs, and
    one tariff value for every type and arrangement (then a cell's cents are pupils × that
    tariff). In every other case the counts are not part of the plan and None is returned: the
    documents then show amounts only, rather than counts that a later import might have changed.
    """
    if inputs.pupils is not None:
        return tuple(sorted((r, s, _whole(v)) for r, s, v in inputs.pupils if v))
    if inputs.pro_rata or inputs.actual_cost:
        return None
    tariffs = {t.cents for t in inputs.tariffs}
    if len(tariffs) != 1:
        return None
    (tariff,) = tariffs
    if tariff <= 0:
        return None
    cells = []
    for residence, school, cents in inputs.amounts:
        count, rest = divmod(cents, tariff)
        if rest:
            return None
        cells.append((residence, school, count))
    return tuple(sorted(c for c in cells if c[2]))


def _whole(value: Fraction) -> Pupils:
    return int(value) if value.denominator == 1 else value


def from_plan(
    plan: Plan,
    *,
    issued: date | None = None,
    tolerance: Tolerance | None = None,
    reference: Reference | None = None,
) -> DocumentData:
    """The documents of a finalised plan, from its stored data only."""
    reference = reference or load_reference()
    inputs, result = plan.stored_inputs, plan.result
    if inputs.participants is None or inputs.peildatum is None:
        raise GrensverkeerError(
            f"Plan {plan.id} bewaart zijn deelnemers of peildatum niet; de documenten worden niet "
            "uit de huidige gegevens aangevuld."
        )
    participants = inputs.participants
    amounts = tuple(sorted(cell for cell in inputs.amounts if cell[2]))
    centre = plan.centre
    return DocumentData(
        region=REGION,
        school_year=plan.school_year,
        peildatum=inputs.peildatum,
        issued=issued or issue_date(plan.finalized_at),
        method=Method(plan.method),
        centre=centre,
        threshold_cents=plan.threshold_cents,
        pro_rata=inputs.pro_rata,
        actual_cost=inputs.actual_cost,
        participants=tuple(sorted(participants)),
        parties=parties_for(_codes(participants, amounts, centre), reference),
        amounts=amounts,
        pupils=plan_pupils(inputs),
        tariffs=tuple(TariffLine(t.edu_type, t.arrangement, t.cents) for t in inputs.tariffs),
        positions=tuple(sorted(result.positions)),
        transfers=_payments(result.transfers),
        total_moved=result.total_moved,
        waived=_payments(result.waived),
        outside=_payments(result.outside),
        sha256=plan.sha256,
        plan_id=plan.id,
        finalized_on=issue_date(plan.finalized_at),
        finalized_by=plan.finalized_by,
        withdrawn=(
            None
            if plan.withdrawn_at is None
            else Withdrawal(issue_date(plan.withdrawn_at), plan.withdrawn_by, plan.withdrawn_reason)
        ),
        tolerance=tolerance or parse_tolerance(DEFAULT_TOLERANCE),
    )


def _payments(flows: Iterable[Flow]) -> tuple[Payment, ...]:
    return tuple(Payment(flow.from_code, flow.to_code, flow.cents) for flow in flows)


# From a settlement computed now ------------------------------------------------------------


def from_run(
    run: SettlementRun,
    pupils: Mapping[Cell, Pupils] | None,
    tariffs: Iterable[TariffLine],
    sha256: str,
    *,
    issued: date,
    tolerance: Tolerance | None = None,
    reference: Reference | None = None,
) -> DocumentData:
    """A draft: a settlement computed now, with the pupil matrix of the same moment."""
    reference = reference or load_reference()
    settlement = run.settlement
    settings = run.settings
    participants = tuple(sorted(run.matrix.participants))
    amounts = tuple(
        sorted((r, s, int(cents)) for (r, s), cents in run.matrix.cells.items() if cents)
    )
    return DocumentData(
        region=REGION,
        school_year=run.school_year,
        peildatum=settings.peildatum,
        issued=issued,
        method=settlement.method,
        centre=settlement.centre,
        threshold_cents=settlement.threshold_cents,
        pro_rata=settings.pro_rata,
        actual_cost=settings.actual_cost,
        participants=participants,
        parties=parties_for(_codes(participants, amounts, settlement.centre), reference),
        amounts=amounts,
        pupils=None
        if pupils is None
        else tuple(sorted((r, s, value) for (r, s), value in pupils.items() if value)),
        tariffs=tuple(tariffs),
        positions=tuple(settlement.positions),
        transfers=tuple(Payment(t.payer, t.payee, t.cents) for t in settlement.transfers),
        total_moved=settlement.total_moved,
        waived=tuple(Payment(f.from_code, f.to_code, f.cents) for f in settlement.waived),
        outside=tuple(Payment(f.from_code, f.to_code, f.cents) for f in settlement.outside),
        sha256=sha256,
        tolerance=tolerance or parse_tolerance(DEFAULT_TOLERANCE),
    )
