"""The export's seven sheets, built from the same services as the matrix and the settlement.

Every number is exact until a writer shows it: cents as integers, pupils as whole numbers (or
fractions of a school year naar rato), and every total is a sum computed here, never a formula.
The settlement comes from ``compute_settlement`` or, with a plan, from the plan's stored result:
both have the shape of ``settlement_json``, so one code path shows either.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import select

from grensverkeer import formatting
from grensverkeer.counting import CountedRecord, CountRules, Tariffs, counted
from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.export.model import Column, Export, Kind, Row, Sheet, Table, Value
from grensverkeer.money import split_largest_remainder
from grensverkeer.reference import Reference, load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.import_log import list_imports
from grensverkeer.services.matrix import Matrix, amount_matrix, pupil_matrix
from grensverkeer.services.plans import Plan, get_plan
from grensverkeer.services.settling import (
    REGIONAL_CENTRE,
    REGIONAL_CENTRE_NAME,
    compute_settlement,
    settlement_json,
)
from grensverkeer.services.tariffs import list_tariffs, tariffs_of
from grensverkeer.services.year_pupils import require_pupils
from grensverkeer.settlement import Method
from grensverkeer.storage.database import Database
from grensverkeer.storage.models import PupilRecordRow, SchoolLocationRow

PUPILS_SHEET = "Matrix leerlingen"
AMOUNTS_SHEET = "Matrix bedragen"
BALANCES_SHEET = "Saldi"
TRANSFERS_SHEET = "Transacties"
SCHOOLS_SHEET = "Per school"
TYPES_SHEET = "Per onderwijstype"
IMPORTS_SHEET = "Importverslag"

METHOD_NAMES = {
    Method.GROSS: "bruto (per leerling, zoals nu)",
    Method.BILATERAL: "bilateraal (per paar het verschil)",
    Method.MULTILATERAL: "multilateraal (saldi, zo min mogelijk betalingen)",
    Method.CENTRAL: "centraal (via één verrekenpartij)",
}
TOTAL = "Totaal"
NOT_IN_SCHOOL_LIST = "(niet in de scholenlijst)"
MAX_WARNINGS_SHOWN = 20

Names = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class _Settled:
    """A settlement as the sheets show it: computed now, or the stored result of a plan."""

    data: Mapping[str, Any]  # the shape of ``settlement_json``
    amounts: Mapping[tuple[str, str], int]  # the amount cells it was computed from
    centre: str | None
    threshold_cents: int
    plan: Plan | None
    exact: bool
    lower_bound: int
    matches_current: bool  # a plan's amounts are still those of the current data


@dataclass(frozen=True, slots=True)
class _Layout:
    """Who is shown where: participants first by name, then the rest ("buiten de regio")."""

    members: frozenset[str]
    participants: tuple[str, ...]
    residences: tuple[str, ...]  # matrix rows
    schools: tuple[str, ...]  # matrix columns
    names: Names


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
        settled = _Settled(
            data=settlement_json(run),
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
        inputs: Mapping[str, Any] = plan.inputs
        stored = {(a["from"], a["to"]): int(a["cents"]) for a in inputs["amounts"]}
        current = {cell: cents for cell, cents in _cents(amounts).items() if cents}
        same = stored == current and list(inputs["participants"]) == list(amounts.participants)
        settled = _Settled(
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
    names = _namer(reference)
    layout = _layout(pupils, amounts, names)
    records = _records_with_school(db, year)
    weighted = counted([item.record for item in records], rules)
    kind = Kind.YEARS if rules.pro_rata else Kind.COUNT
    counted_how = (
        "naar rato van de dagen in het schooljaar (leerlingjaren)"
        if rules.pro_rata
        else f"op de peildatum {formatting.long_date(rules.peildatum)}"
    )
    sheets = (
        _pupil_matrix_sheet(pupils, layout, kind, counted_how),
        _amount_matrix_sheet(db, amounts, layout, counted_how),
        _balances_sheet(settled, pupils, layout, kind),
        _transfers_sheet(settled, names),
        _schools_sheet(db, weighted, records, layout, kind, counted_how),
        _types_sheet(weighted, amounts, tariffs_of(db, year), rules, layout, kind, counted_how),
        _imports_sheet(db),
    )
    method_name = METHOD_NAMES[Method(str(settled.data["method"]))]
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
            "Een vastgesteld plan heeft zijn eigen methode en bagatelgrens; "
            "geef bij --plan geen --method, --centre of --threshold."
        )
    plan = get_plan(db, plan_id)
    if plan.school_year != year:
        raise GrensverkeerError(
            f"Plan {plan.id} hoort bij schooljaar {plan.school_year}, niet bij {year}."
        )
    return plan


def _cents(matrix: Matrix) -> dict[tuple[str, str], int]:
    return {cell: int(value) for cell, value in matrix.cells.items()}


@dataclass(frozen=True, slots=True)
class _SchoolRecord:
    """A counted record and the school location (brinvest) it is at."""

    record: CountedRecord
    brinvest: str


def _records_with_school(db: Database, year: SchoolYear) -> list[_SchoolRecord]:
    """The records ``load_records`` gives, with their school location. Ordered by location, so
    of two otherwise equal records of one pupil the first location is the one counted."""
    r = PupilRecordRow
    query = (
        select(
            r.pseudonym,
            r.residence,
            r.school_municipality,
            r.edu_type,
            r.arrangement,
            r.start_date,
            r.end_date,
            r.cost_cents,
            r.brin,
            r.vestiging,
            r.pupil_count,
        )
        .where(r.school_year == year.start_year)
        .order_by(r.brin, r.vestiging, r.id)
    )
    with db.sessions() as session:
        return [
            _SchoolRecord(
                CountedRecord(p, res, s, EduType(t), a or "", start, end, cost, n), brin + vest
            )
            for p, res, s, t, a, start, end, cost, brin, vest, n in session.execute(query)
        ]


def _school_names(db: Database) -> dict[str, tuple[str, str]]:
    """brinvest → (name, place); of a location in several school lists the latest import wins."""
    s = SchoolLocationRow
    query = select(s.brin, s.vestiging, s.name, s.place).order_by(s.import_id, s.id)
    with db.sessions() as session:
        return {brin + vest: (name, place) for brin, vest, name, place in session.execute(query)}


def _namer(reference: Reference) -> Names:
    def name(code: str) -> str:
        if code == REGIONAL_CENTRE:
            return REGIONAL_CENTRE_NAME
        municipality = reference.municipality(code)
        return municipality.name if municipality else code

    return name


def _layout(pupils: Matrix, amounts: Matrix, names: Names) -> _Layout:
    members = frozenset(pupils.participants)

    def by_name(codes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=lambda c: (names(c).casefold(), c)))

    cells = [*pupils.cells, *amounts.cells]
    participants = by_name(members)
    return _Layout(
        members,
        participants,
        participants + by_name({r for r, _ in cells} - members),
        participants + by_name({s for _, s in cells} - members),
        names,
    )


def _whole(value: Fraction, kind: Kind) -> int | Fraction:
    """Pupils on the peildatum are whole numbers; naar rato they stay exact fractions."""
    return int(value) if kind is Kind.COUNT and value.denominator == 1 else value


# The sheets ----------------------------------------------------------------------------------


def _matrix_table(
    cells: Mapping[tuple[str, str], int | Fraction], layout: _Layout, kind: Kind
) -> Table:
    names, members = layout.names, layout.members
    columns = (
        Column("Woongemeente \\ schoolgemeente"),
        *(Column(names(s), kind, outside=s not in members) for s in layout.schools),
        Column(TOTAL, kind),
    )
    rows = []
    for r in layout.residences:
        values = [cells.get((r, s), 0) for s in layout.schools]
        highlight = layout.schools.index(r) + 1 if r in layout.schools else None
        rows.append(
            Row(
                (names(r), *(v or None for v in values), sum(values, 0)),
                outside=r not in members,
                highlight=highlight,
            )
        )
    column_totals = [
        sum((cells.get((r, s), 0) for r in layout.residences), 0) for s in layout.schools
    ]
    total = Row((TOTAL, *column_totals, sum(column_totals, 0)))
    return Table(columns, tuple(rows), total)


def _region_note(layout: _Layout) -> str:
    return (
        f"Rijen: woongemeente; kolommen: schoolgemeente. Eerst de {len(layout.participants)} "
        "deelnemers, daarna grijs: gemeenten buiten de regio. De diagonaal (eigen gemeente) is "
        "gemarkeerd."
    )


def _pupil_matrix_sheet(pupils: Matrix, layout: _Layout, kind: Kind, counted_how: str) -> Sheet:
    return Sheet(
        PUPILS_SHEET,
        "matrix-leerlingen",
        f"Leerlingen per woon- en schoolgemeente, schooljaar {pupils.school_year}",
        (f"Geteld {counted_how}.", _region_note(layout)),
        _matrix_table(pupils.cells, layout, kind),
    )


def _tariff_note(db: Database, year: SchoolYear, actual_cost: bool) -> str:
    listed = "; ".join(
        f"{t.edu_type}{' ' + t.arrangement if t.arrangement else ''} {formatting.euros(t.cents)}"
        for t in list_tariffs(db, year)
    )
    own = " Waar een overzicht werkelijke kosten geeft, gelden die." if actual_cost else ""
    return f"Tarief per leerling per schooljaar: {listed}.{own}"


def _amount_matrix_sheet(db: Database, amounts: Matrix, layout: _Layout, counted_how: str) -> Sheet:
    settings = amounts.settings
    actual_cost = settings is not None and settings.actual_cost
    return Sheet(
        AMOUNTS_SHEET,
        "matrix-bedragen",
        f"Bedragen (euro) per woon- en schoolgemeente, schooljaar {amounts.school_year}",
        (
            f"Geteld {counted_how}. {_tariff_note(db, amounts.school_year, actual_cost)}",
            _region_note(layout),
        ),
        _matrix_table(amounts.cells, layout, Kind.MONEY),
    )


def _method_line(settled: _Settled, names: Names) -> str:
    method = Method(settled.data["method"])
    line = f"Methode {METHOD_NAMES[method]}"
    if method is Method.CENTRAL:
        line += f", verrekenpartij {names(settled.centre or REGIONAL_CENTRE)}"
    if settled.threshold_cents:
        line += f"; bagatelgrens {formatting.euros(settled.threshold_cents)}"
    return line


def _basis_note(settled: _Settled) -> str:
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


def _balances_sheet(settled: _Settled, pupils: Matrix, layout: _Layout, kind: Kind) -> Sheet:
    data, names = settled.data, layout.names
    participants = sorted(data["participants"], key=lambda c: (names(c).casefold(), c))
    members = set(participants)
    positions: Mapping[str, int] = data["positions"]
    correction = dict.fromkeys(participants, 0)
    for flow in data["waived"]:
        correction[flow["to"]] -= flow["amount"]  # the creditor does not receive it
        correction[flow["from"]] += flow["amount"]  # the debtor does not pay it

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
    total = Row((TOTAL, None, *_column_sums(rows, range(2, 8))))
    return Sheet(
        BALANCES_SHEET,
        "saldi",
        f"Saldi per deelnemer, schooljaar {data['school_year']}",
        (
            f"{_method_line(settled, names)}. Saldo = in − uit + bagatelcorrectie; positief: "
            "ontvangt, negatief: betaalt. Alleen stromen tussen verschillende deelnemers.",
            _basis_note(settled),
        ),
        Table(columns, tuple(rows), total),
    )


def _column_sums(rows: Sequence[Row], indexes: Iterable[int]) -> list[Any]:
    """Exact sums of numeric columns (empty cells count as zero)."""
    return [sum((row.values[i] or 0 for row in rows), 0) for i in indexes]


def _flow_table(
    flows: Sequence[Mapping[str, Any]], names: Names, *, title: str = "", slug: str = ""
) -> Table:
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
        Row((names(f["from"]), f["from"], names(f["to"]), f["to"], int(f["amount"]))) for f in flows
    )
    total = Row((TOTAL, None, None, None, sum(int(f["amount"]) for f in flows)))
    return Table(columns, rows, total, title, slug)


def _transfers_sheet(settled: _Settled, names: Names) -> Sheet:
    data = settled.data
    transfers: list[Mapping[str, Any]] = data["transfers"]
    main = _flow_table(transfers, names)
    assert main.total is not None
    if main.total.values[-1] != data["total_moved"]:
        raise RuntimeError("de betalingen tellen niet op tot het verplaatste bedrag")
    waived = _flow_table(
        data["waived"],
        names,
        title="Onder de bagatelgrens: niet verrekend (het verschil per paar dat anders betaald "
        "zou worden)",
        slug="niet-verrekend",
    )
    outside = _flow_table(
        data["outside"],
        names,
        title="Buiten de regeling: woon- of schoolgemeente is geen deelnemer; apart te regelen "
        "(betaler: woongemeente, ontvanger: schoolgemeente)",
        slug="buiten-de-regeling",
    )
    count = len(transfers)
    return Sheet(
        TRANSFERS_SHEET,
        "transacties",
        f"Betalingen, schooljaar {data['school_year']}",
        (
            f"{_method_line(settled, names)}: {count} "
            f"{'betaling' if count == 1 else 'betalingen'}, samen "
            f"{formatting.euros(int(data['total_moved']))}. Daaronder: niet verrekend en "
            "buiten de regeling.",
            _basis_note(settled),
        ),
        main,
        sections=(waived, outside),
    )


def _schools_sheet(
    db: Database,
    weighted: Sequence[tuple[CountedRecord, Fraction]],
    records: Sequence[_SchoolRecord],
    layout: _Layout,
    kind: Kind,
    counted_how: str,
) -> Sheet:
    location = {id(item.record): item.brinvest for item in records}
    per_school: dict[tuple[str, str], dict[str, Fraction]] = {}
    for record, weight in weighted:
        cell = per_school.setdefault((location[id(record)], record.school), {})
        cell[record.residence] = cell.get(record.residence, Fraction(0)) + weight
    known = _school_names(db)
    names, members = layout.names, layout.members

    def order(key: tuple[str, str]) -> tuple[object, ...]:
        brinvest, municipality = key
        name = known.get(brinvest, (NOT_IN_SCHOOL_LIST, ""))[0]
        return (municipality not in members, names(municipality).casefold(), name, brinvest)

    rows = []
    for key in sorted(per_school, key=order):
        brinvest, municipality = key
        name, place = known.get(brinvest, (NOT_IN_SCHOOL_LIST, ""))
        counts = per_school[key]
        values = [_whole(counts.get(r, Fraction(0)), kind) for r in layout.residences]
        rows.append(
            Row(
                (
                    brinvest,
                    name,
                    place,
                    names(municipality),
                    *(v or None for v in values),
                    _whole(sum(counts.values(), Fraction(0)), kind),
                ),
                outside=municipality not in members,
            )
        )
    columns = (
        Column("Brinvest"),
        Column("Naam"),
        Column("Plaats"),
        Column("Schoolgemeente"),
        *(Column(names(r), kind, outside=r not in members) for r in layout.residences),
        Column(TOTAL, kind),
    )
    width = len(layout.residences) + 1
    total = Row((TOTAL, None, None, None, *_column_sums(rows, range(4, 4 + width))))
    return Sheet(
        SCHOOLS_SHEET,
        "per-school",
        "Leerlingen per schoolvestiging en woongemeente",
        (
            f"Geteld {counted_how}. Eén rij per vestiging; kolommen: woongemeente.",
            "Eerst de scholen in de deelnemende gemeenten, daarna grijs: scholen buiten de regio.",
        ),
        Table(columns, tuple(rows), total),
        freeze_columns=2,
    )


def _price(record: CountedRecord, rules: CountRules, tariffs: Tariffs) -> int | None:
    """The price ``amount_cells`` uses for a record: its own cost when chosen, else the tariff."""
    if rules.actual_cost and record.cost_cents is not None:
        return record.cost_cents
    return tariffs.for_record(record.edu_type, record.arrangement)


def _split_by_type(
    amounts: Matrix,
    weighted: Sequence[tuple[CountedRecord, Fraction]],
    rules: CountRules,
    tariffs: Tariffs,
) -> dict[tuple[str, str], int]:
    """(type, residence) → cents. Each matrix cell is split over the types in proportion to
    their exact amounts (largest remainder), so the parts add up to the matrix to the cent."""
    exact: dict[tuple[str, str], dict[str, Fraction]] = {}
    for record, weight in weighted:
        price = _price(record, rules, tariffs)
        if price:
            parts = exact.setdefault((record.residence, record.school), {})
            parts[record.edu_type] = parts.get(record.edu_type, Fraction(0)) + price * weight
    result: dict[tuple[str, str], int] = {}
    for (residence, school), cents in amounts.cells.items():
        parts = exact.get((residence, school), {})
        if not parts:
            raise RuntimeError(f"bedrag {residence} → {school} zonder leerlingen met een prijs")
        scale = math.lcm(*(part.denominator for part in parts.values()))
        weights = {t: int(part * scale) for t, part in parts.items()}
        for edu_type, share in split_largest_remainder(int(cents), weights).items():
            key = (edu_type, residence)
            result[key] = result.get(key, 0) + share
    return result


def _types_sheet(
    weighted: Sequence[tuple[CountedRecord, Fraction]],
    amounts: Matrix,
    tariffs: Tariffs,
    rules: CountRules,
    layout: _Layout,
    kind: Kind,
    counted_how: str,
) -> Sheet:
    order = list(EduType)
    types = sorted({record.edu_type for record, _ in weighted}, key=order.index)
    pupils: dict[tuple[str, str], Fraction] = {}
    for record, weight in weighted:
        key = (record.edu_type, record.residence)
        pupils[key] = pupils.get(key, Fraction(0)) + weight
    cents = _split_by_type(amounts, weighted, rules, tariffs)
    names, members = layout.names, layout.members
    rows = []
    for r in layout.residences:
        values: list[Value] = [names(r)]
        for t in types:
            values += [_whole(pupils.get((t, r), Fraction(0)), kind), cents.get((t, r), 0)]
        values += [
            _whole(sum((pupils.get((t, r), Fraction(0)) for t in types), Fraction(0)), kind),
            sum(cents.get((t, r), 0) for t in types),
        ]
        rows.append(Row(tuple(values), outside=r not in members))
    columns = (
        Column("Woongemeente"),
        *(
            column
            for t in types
            for column in (Column(f"{t} leerlingen", kind), Column(f"{t} bedrag", Kind.MONEY))
        ),
        Column("Totaal leerlingen", kind),
        Column("Totaal bedrag", Kind.MONEY),
    )
    total = Row((TOTAL, *_column_sums(rows, range(1, len(columns)))))
    return Sheet(
        TYPES_SHEET,
        "per-onderwijstype",
        "Leerlingen en bedragen per onderwijstype en woongemeente",
        (
            f"Geteld {counted_how}. Alle scholen, ook in de eigen gemeente; bedragen tellen op "
            f"tot de matrix bedragen.",
            "Eerst de deelnemers, daarna grijs: woongemeenten buiten de regio.",
        ),
        Table(columns, tuple(rows), total),
    )


def _warnings_text(warnings: Sequence[str]) -> str:
    shown = list(warnings[:MAX_WARNINGS_SHOWN])
    if len(warnings) > MAX_WARNINGS_SHOWN:
        shown.append(f"… en nog {len(warnings) - MAX_WARNINGS_SHOWN}")
    return "\n".join(shown)


def _imports_sheet(db: Database) -> Sheet:
    imports = list_imports(db)
    columns = (
        Column("Nr", Kind.COUNT),
        Column("Datum", Kind.DATETIME),
        Column("Bestand"),
        Column("Soort"),
        Column("Schooljaar"),
        Column("Rijen gelezen", Kind.COUNT),
        Column("Opgeslagen", Kind.COUNT),
        Column("Overgeslagen", Kind.COUNT),
        Column("Dubbel, samengevoegd", Kind.COUNT),
        Column("Waarschuwingen", Kind.COUNT),
        Column("Toelichting"),
    )
    rows = tuple(
        Row(
            (
                item.id,
                # local time, to the second: Excel has no time zones
                item.imported_at.replace(tzinfo=None, microsecond=0),
                item.file_name,
                item.kind,
                None if item.school_year is None else str(SchoolYear(item.school_year)),
                item.rows_read,
                item.rows_stored,
                item.rows_skipped,
                item.duplicates_merged,
                len(item.warnings),
                _warnings_text(item.warnings),
            )
        )
        for item in imports
    )
    return Sheet(
        IMPORTS_SHEET,
        "importverslag",
        "Importverslag: de bestanden in deze database",
        (
            "Alle imports, oudste eerst; datum in lokale tijd. Dubbel: dezelfde inschrijving uit "
            "meer bestanden, één keer bewaard.",
        ),
        Table(columns, rows),
    )
