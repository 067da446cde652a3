"""Reading school lists (DUO's "adressen vestigingen" or a regional list) into locations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from grensverkeer.domain import EduType, SchoolLocation
from grensverkeer.importing.collector import SheetProblems, suggest
from grensverkeer.importing.fields import Field
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.rows import data_rows
from grensverkeer.importing.values import (
    clean_text,
    is_empty,
    parse_brin,
    parse_brinvest,
    parse_school_types,
    parse_vestiging,
)
from grensverkeer.reference import Reference


def parse_school_sheet(
    rows: Sequence[Sequence[object]],
    header: SheetLayout,
    problems: SheetProblems,
    reference: Reference,
) -> list[SchoolLocation]:
    """Every valid location of the sheet; each bad row is reported in ``problems``."""
    cols = header.columns
    found: dict[str, tuple[int, SchoolLocation]] = {}
    for row, cells in data_rows(rows, header.row_index, list(cols.values())):
        location = _location(row, cells, cols, problems, reference)
        if location is None:
            continue
        earlier = found.get(location.brinvest)
        if earlier is None:
            found[location.brinvest] = (row, location)
        elif earlier[1].municipality != location.municipality:
            problems.error(
                row,
                cols.get(Field.BRIN, cols.get(Field.BRINVEST)),
                "school_twice",
                f"vestiging {location.brinvest} staat ook op rij {earlier[0]}, "
                "met een andere gemeente",
            )
    return [location for _row, location in found.values()]


def _location(
    row: int,
    cells: Sequence[object],
    cols: Mapping[Field, int],
    problems: SheetProblems,
    reference: Reference,
) -> SchoolLocation | None:
    try:
        if Field.BRINVEST in cols:
            brin, vestiging = parse_brinvest(cells[cols[Field.BRINVEST]])
        else:
            brin = parse_brin(cells[cols[Field.BRIN]])
    except ValueError as reason:
        column = cols.get(Field.BRINVEST, cols.get(Field.BRIN))
        problems.error(
            row, column, "brin", str(reason), cells[column] if column is not None else ""
        )
        return None
    if Field.BRINVEST not in cols:
        try:
            vestiging = parse_vestiging(cells[cols[Field.VESTIGING]], brin)
        except ValueError as reason:
            problems.error(
                row, cols[Field.VESTIGING], "vestiging", str(reason), cells[cols[Field.VESTIGING]]
            )
            return None
    municipality = _municipality(row, cells, cols, problems, reference)
    types = _types(row, cells, cols, problems)
    if municipality is None or types is None:
        return None
    name = clean_text(cells[cols[Field.SCHOOL_NAME]]) if Field.SCHOOL_NAME in cols else ""
    place = clean_text(cells[cols[Field.SCHOOL_PLACE]]) if Field.SCHOOL_PLACE in cols else ""
    return SchoolLocation(brin, vestiging, name, place, municipality, types)


def _municipality(
    row: int,
    cells: Sequence[object],
    cols: Mapping[Field, int],
    problems: SheetProblems,
    reference: Reference,
) -> str | None:
    """From the code column, else the name, else the place; a code and name that differ warn."""
    resolved: list[tuple[int, str]] = []
    failure: tuple[int, object, tuple[str, ...]] | None = None
    for field in (Field.MUNICIPALITY_CODE, Field.MUNICIPALITY_NAME, Field.SCHOOL_PLACE):
        column = cols.get(field)
        if column is None or is_empty(cells[column]):
            continue
        value = cells[column]
        if field is Field.SCHOOL_PLACE:
            result = reference.resolve_place(value)
        else:
            result = reference.resolve_municipality(value)
        if result.code is not None:
            resolved.append((column, result.code))
        elif failure is None:
            failure = (column, value, tuple(c.label for c in result.candidates))
        if field is Field.MUNICIPALITY_CODE and result.code is None:
            break
    if not resolved or (failure is not None and failure[0] == cols.get(Field.MUNICIPALITY_CODE)):
        if failure is None:
            problems.error(
                row,
                None,
                "gemeente_ontbreekt",
                "de gemeente van deze vestiging ontbreekt (gemeentecode, -naam of plaats)",
            )
        else:
            column, value, labels = failure
            problems.error(
                row,
                column,
                "gemeente_onbekend",
                f"onbekende gemeente ‘{clean_text(value)}’",
                value,
                suggest(labels),
            )
        return None
    code = resolved[0][1]
    for column, other in resolved[1:2]:
        if other != code and cols.get(Field.SCHOOL_PLACE) != column:
            problems.warning(
                row,
                column,
                "gemeente_verschilt",
                f"gemeentecode {reference.label(code)} en gemeentenaam "
                f"({reference.label(other)}) verschillen; gerekend met de code",
            )
    return code


def _types(
    row: int, cells: Sequence[object], cols: Mapping[Field, int], problems: SheetProblems
) -> frozenset[EduType] | None:
    """The onderwijstypes a location offers, from whichever DUO column the list has."""

    def text(field: Field) -> str:
        column = cols.get(field)
        return "" if column is None else clean_text(cells[column])

    try:
        if explicit := text(Field.EDU_TYPE):
            return parse_school_types(explicit)
        if text(Field.VO_STRUCTURE):
            return frozenset({EduType.VO})
        kind = text(Field.PO_KIND).upper().replace(" ", "")
        if kind in ("(V)SO", "VSO", "SO", "WEC"):
            so_kind = text(Field.SO_KIND)
            return parse_school_types(so_kind) if so_kind else frozenset({EduType.SO, EduType.VSO})
        if kind:
            return parse_school_types(kind)
    except ValueError as reason:
        problems.error(row, None, "onderwijstype", str(reason))
        return None
    return frozenset()
