"""A school year's settlement: the amount matrix of its participants, settled by a method.

The result is also what a finalised plan stores: ``settlement_result`` makes the one value
(``grensverkeer.settlement_result``) that the plan, the documents, the export and the CLI share.
"""

from __future__ import annotations

from dataclasses import dataclass

from grensverkeer.errors import GrensverkeerError
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import CountedYear, Matrix
from grensverkeer.services.matrices.year_pupils import require_pupils
from grensverkeer.services.years.year_settings import YearSettings
from grensverkeer.settlement import Method, Settlement, SettlementError, settle
from grensverkeer.settlement_result import Flow, SettlementResult
from grensverkeer.storage.database import Database

REGIONAL_CENTRE = "REGIO"
REGIONAL_CENTRE_NAME = "regionale organisatie (GR Jeugdhulp Haaglanden)"


@dataclass(frozen=True, slots=True)
class SettlementRun:
    """Everything a settlement was computed from, and the settlement itself."""

    school_year: SchoolYear
    matrix: Matrix
    settlement: Settlement
    counted: CountedYear  # the one read it came from: the pupils counted from it too

    @property
    def settings(self) -> YearSettings:
        assert self.matrix.settings is not None
        return self.matrix.settings


def compute_settlement(
    db: Database,
    year: SchoolYear,
    method: Method | str,
    *,
    centre: str | None = None,
    threshold_cents: int = 0,
    year_read: CountedYear | None = None,
) -> SettlementRun:
    """The school year settled by ``method``; from ``year_read`` when the caller has read the
    year already (finalising checks and settles one read)."""
    method = Method(method)
    if threshold_cents < 0:
        raise GrensverkeerError("De bagatelgrens kan niet negatief zijn.")
    require_pupils(db, year)  # a year without pupils is said, never settled as all zeros
    counted = year_read or CountedYear.read(db, year)
    matrix = counted.amounts()
    if method is Method.CENTRAL:
        centre = centre or REGIONAL_CENTRE
        if centre != REGIONAL_CENTRE and centre not in matrix.participants:
            raise GrensverkeerError(
                f"{centre} is in schooljaar {year} geen deelnemer en kan dus geen centrum zijn; "
                f"kies een deelnemende gemeente of {REGIONAL_CENTRE} (de regionale organisatie)."
            )
    elif centre is not None:
        raise GrensverkeerError("Een verrekenpartij hoort alleen bij de centrale verrekening.")
    if not matrix.participants:
        raise GrensverkeerError(f"Schooljaar {year} heeft geen deelnemende gemeenten.")
    try:
        settlement = settle(
            {cell: int(value) for cell, value in matrix.cells.items()},
            matrix.participants,
            method,
            centre=centre,
            threshold_cents=threshold_cents,
        )
    except SettlementError as error:
        raise GrensverkeerError(str(error)) from None
    return SettlementRun(year, matrix, settlement, counted)


def settlement_result(run: SettlementRun) -> SettlementResult:
    """The run as the value a plan stores and the CLI prints."""
    settlement = run.settlement
    return SettlementResult(
        str(run.school_year),
        str(settlement.method),
        tuple(settlement.participants),
        tuple((code, int(cents)) for code, cents in settlement.positions),
        tuple(Flow(t.payer, t.payee, t.cents) for t in settlement.transfers),
        settlement.total_moved,
        tuple(Flow(f.from_code, f.to_code, f.cents) for f in settlement.waived),
        tuple(Flow(f.from_code, f.to_code, f.cents) for f in settlement.outside),
    )


def settlement_json(run: SettlementRun) -> dict[str, object]:
    """The agreed shape: every participant's position (zero included), amounts in cents."""
    return settlement_result(run).to_json()
