"""The settlement sheets of the export: the balances per participant and the transfers, of a
settlement computed now or of a finalised plan (``Settled`` holds either)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from grensverkeer import formatting
from grensverkeer.export.contents import Column, Kind, Row, Sheet, Table
from grensverkeer.export.sheet_parts import (
    BALANCES_SHEET,
    TOTAL,
    TRANSFERS_SHEET,
    Layout,
    Names,
    column_sums,
)
from grensverkeer.method_names import method_label
from grensverkeer.services.matrices.counted_matrix import Matrix
from grensverkeer.services.plans.finalized_plans import Plan
from grensverkeer.services.settling.year_settlement import REGIONAL_CENTRE
from grensverkeer.settlement import Method
from grensverkeer.settlement_result import Flow, SettlementResult


@dataclass(frozen=True, slots=True)
class Settled:
    """A settlement as the sheets show it: computed now, or the stored result of a plan."""

    data: SettlementResult
    amounts: Mapping[tuple[str, str], int]  # the amount cells it was computed from
    centre: str | None
    threshold_cents: int
    plan: Plan | None
    exact: bool
    lower_bound: int
    matches_current: bool  # a plan's amounts are still those of the current data


def _method_line(settled: Settled, names: Names) -> str:
    method = Method(settled.data.method)
    line = f"Methode {method_label(method)}"
    if method is Method.CENTRAL:
        line += f", verrekenpartij {names(settled.centre or REGIONAL_CENTRE)}"
    if settled.threshold_cents:
        line += f"; bagatelgrens {formatting.euros(settled.threshold_cents)}"
    return line


def _basis_note(settled: Settled) -> str:
    plan = settled.plan
    if plan is not None:
        moment = plan.finalized_at.astimezone()
        note = (
            f"Vastgesteld plan {plan.id} (kenmerk {plan.short_hash}), vastgesteld op "
            f"{formatting.long_date(moment.date())} door {plan.finalized_by or 'onbekend'}: "
            "de bewaarde uitkomst, niet opnieuw berekend."
        )
        if not settled.matches_current:
            note += (
                " Let op: de gegevens zijn sindsdien gewijzigd; de matrixbladen en de "
                "leerlingaantallen tonen de huidige gegevens."
            )
        return note
    note = "Berekend uit de huidige gegevens; nog niet vastgesteld."
    if not settled.exact:
        note += f" Benadering: minstens {settled.lower_bound} betalingen zijn nodig."
    return note


def balances_sheet(settled: Settled, pupils: Matrix, layout: Layout, kind: Kind) -> Sheet:
    data, names = settled.data, layout.names
    participants = sorted(data.participants, key=lambda c: (names(c).casefold(), c))
    members = set(participants)
    positions = dict(data.positions)
    correction = dict.fromkeys(participants, 0)
    for flow in data.waived:
        correction[flow.to_code] -= flow.cents  # the creditor does not receive it
        correction[flow.from_code] += flow.cents  # the debtor does not pay it

    def flows(cells: Mapping[tuple[str, str], Any], x: str) -> tuple[Any, Any]:
        inside = [(r, s, v) for (r, s), v in cells.items() if r != s and {r, s} <= members]
        return (
            sum((v for r, s, v in inside if s == x), 0),
            sum((v for r, s, v in inside if r == x), 0),
        )

    rows = []
    for x in participants:
        pupils_in, pupils_out = flows(pupils.cells, x)
        cents_in, cents_out = flows(settled.amounts, x)
        position = int(positions[x])
        if cents_in - cents_out + correction[x] != position:
            raise RuntimeError(f"saldo van {x} klopt niet met de bedragen in en uit")
        rows.append(
            Row((names(x), x, pupils_in, pupils_out, cents_in, cents_out, correction[x], position))
        )
    columns = (
        Column("Gemeente"),
        Column("Code"),
        Column("Leerlingen in", kind),
        Column("Leerlingen uit", kind),
        Column("Bedrag in (ontvangt)", Kind.MONEY),
        Column("Bedrag uit (betaalt)", Kind.MONEY),
        Column("Bagatelcorrectie", Kind.MONEY),
        Column("Saldo", Kind.MONEY),
    )
    total = Row((TOTAL, None, *column_sums(rows, range(2, 8))))
    return Sheet(
        BALANCES_SHEET,
        "saldi",
        f"Saldi per deelnemer, schooljaar {data.school_year}",
        (
            f"{_method_line(settled, names)}. Saldo = in − uit + bagatelcorrectie; positief: "
            "ontvangt, negatief: betaalt. Alleen stromen tussen verschillende deelnemers.",
            _basis_note(settled),
        ),
        Table(columns, tuple(rows), total),
    )


def _flow_table(flows: Sequence[Flow], names: Names, *, title: str = "", slug: str = "") -> Table:
    """Payer, payee and amount: the same columns for payments and for the sections under them,
    so the header that repeats on every printed page fits all three."""
    payer, payee = "Betaler", "Ontvanger"
    columns = (
        Column(payer),
        Column(f"{payer} (code)"),
        Column(payee),
        Column(f"{payee} (code)"),
        Column("Bedrag", Kind.MONEY),
    )
    rows = tuple(
        Row((names(f.from_code), f.from_code, names(f.to_code), f.to_code, f.cents)) for f in flows
    )
    total = Row((TOTAL, None, None, None, sum(f.cents for f in flows)))
    return Table(columns, rows, total, title, slug)


def transfers_sheet(settled: Settled, names: Names) -> Sheet:
    data = settled.data
    main = _flow_table(data.transfers, names)
    assert main.total is not None
    if main.total.values[-1] != data.total_moved:
        raise RuntimeError("de betalingen tellen niet op tot het verplaatste bedrag")
    waived = _flow_table(
        data.waived,
        names,
        title="Onder de bagatelgrens: niet verrekend (het verschil per paar dat anders betaald "
        "zou worden)",
        slug="niet-verrekend",
    )
    outside = _flow_table(
        data.outside,
        names,
        title="Buiten de regeling: woon- of schoolgemeente is geen deelnemer; apart te regelen "
        "(betaler: woongemeente, ontvanger: schoolgemeente)",
        slug="buiten-de-regeling",
    )
    count = len(data.transfers)
    return Sheet(
        TRANSFERS_SHEET,
        "transacties",
        f"Betalingen, schooljaar {data.school_year}",
        (
            f"{_method_line(settled, names)}: {count} "
            f"{'betaling' if count == 1 else 'betalingen'}, samen "
            f"{formatting.euros(data.total_moved)}. Daaronder: niet verrekend en "
            "buiten de regeling.",
            _basis_note(settled),
        ),
        main,
        sections=(waived, outside),
    )
