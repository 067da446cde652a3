"""Where a row's pupil lives and which school location it names, with the problems found.

Shared by the readers of pupil extracts and of DUO count files. Both are called once per
distinct combination of cells (see :func:`mapped`), so they may be thorough.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from grensverkeer.domain import SchoolLocation
from grensverkeer.importing.collector import suggest
from grensverkeer.importing.fields import Field
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import (
    clean_text,
    is_empty,
    parse_brin,
    parse_brinvest,
    parse_vestiging,
)
from grensverkeer.reference import Reference

_PC4 = re.compile(r"^\s*(\d{4})\s*(?:[A-Za-z]{2})?\s*$")
T = TypeVar("T")
# (column, code, message, value, suggestion)
Problem = tuple[int | None, str, str, object, str]
#: The code of a row whose BRIN is unknown because no school list was imported at all: the
#: reader reports those rows together, as one problem of the file.
NO_SCHOOL_LIST = "scholenlijst_ontbreekt"


@dataclass(frozen=True, slots=True)
class Residence:
    code: str | None
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


class Bad:
    """A value that could not be read, carrying the problem to report for its row."""

    __slots__ = ("problem",)

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def row_keys(
    columns: Sequence[Sequence[object]],
) -> tuple[Sequence[object], Callable[[object], tuple[object, ...]]]:
    """Per row a key of its cells in ``columns``, and the way from a key back to the cells.

    A column that holds one value throughout (often an empty place or postcode column) adds
    nothing to a key: with one column left that varies, its own values are the keys, hashed at
    C speed, instead of a tuple made for every row. Equal values make equal keys, as in a dict.
    """
    if not columns or not columns[0]:
        return [], _as_tuple
    shared = [
        column[0] if column.count(column[0]) == len(column) else _VARIES for column in columns
    ]
    varying = [i for i, value in enumerate(shared) if value is _VARIES]
    if len(varying) != 1:
        return list(zip(*columns, strict=True)), _as_tuple
    at = varying[0]

    def cells(key: object) -> tuple[object, ...]:
        return (*shared[:at], key, *shared[at + 1 :])

    return columns[at], cells


_VARIES = object()


def _as_tuple(key: object) -> tuple[object, ...]:
    return cast(tuple[object, ...], key)


def mapped(values: Sequence[object], parse: Callable[[object], T]) -> list[T]:
    """``[parse(v) for v in values]``, calling ``parse`` once per distinct value (values must
    be hashable; a frozen location or a residence outcome is)."""
    if values and values[0] is None and values.count(None) == len(values):
        return [parse(None)] * len(values)  # an absent column: at C speed
    table: dict[object, T] = {value: parse(value) for value in dict.fromkeys(values)}
    return list(map(table.__getitem__, values))


def distinct(objects: list[T]) -> list[T]:
    """The distinct objects of a mapped column: few, since each came from a per-value table."""
    return list({id(o): o for o in objects}.values())


class Locator:
    """Resolves residence cells and school cells of one sheet's columns."""

    def __init__(
        self, cols: Mapping[Field, int], reference: Reference, schools: SchoolIndex
    ) -> None:
        self.cols = cols
        self.reference = reference
        self.schools = schools
        #: (brinvest, brin, vestiging) cells read as the main location 00 (empty vestiging)
        self.main_location: set[tuple[object, object, object]] = set()
        self._residences: dict[tuple[object, ...], Residence] = {}
        self._schools: dict[tuple[object, ...], SchoolLocation | Bad] = {}

    def residence_memo(self, cells: tuple[object, ...]) -> Residence:
        """:meth:`resolve_residence`, once per distinct (municipality, place, postcode)."""
        found = self._residences.get(cells)
        if found is None:
            found = self._residences[cells] = self.resolve_residence(*cells)
        return found

    def school_or_bad(self, cells: tuple[object, ...]) -> SchoolLocation | Bad:
        """The location the cells name, or a :class:`Bad` with the problem; memoised."""
        found = self._schools.get(cells)
        if found is None:
            location, problem = self.find_school(*cells)
            if problem is None:
                assert location is not None  # find_school gives a location or a problem
                found = location
            else:
                found = Bad(problem)
            self._schools[cells] = found
        return found

    # --- residence -------------------------------------------------------------------------
    def resolve_residence(self, municipality: object, place: object, postcode: object) -> Residence:
        """Municipality column first, else place name, else PC4; disagreement is a warning."""
        ref, cols = self.reference, self.cols
        found: list[tuple[int, str, str]] = []  # column, code, what
        errors: list[Problem] = []
        warnings: list[Problem] = []
        pc4 = None
        if not is_empty(postcode):
            match = _PC4.match(str(int(postcode)) if isinstance(postcode, float) else str(postcode))
            pc4 = match.group(1) if match else None
        if not is_empty(municipality):
            result = ref.resolve_municipality(municipality)
            if result.code:
                found.append((cols[Field.RESIDENCE], result.code, "woongemeente"))
            else:
                errors.append(
                    (
                        cols[Field.RESIDENCE],
                        "woongemeente_onbekend",
                        f"onbekende woongemeente ‘{clean_text(municipality)}’",
                        municipality,
                        suggest([c.label for c in result.candidates]),
                    )
                )
        if not is_empty(place):
            result = ref.resolve_place(place, pc4)
            if result.code:
                found.append((cols[Field.PLACE], result.code, "woonplaats"))
            elif result.ambiguous and not found and pc4 is None:
                errors.append(
                    (
                        cols[Field.PLACE],
                        "woonplaats_dubbelzinnig",
                        f"woonplaats ‘{clean_text(place)}’ ligt in meer dan één gemeente",
                        place,
                        "vul de woongemeente of de postcode in ("
                        + ", ".join(c.label for c in result.candidates)
                        + ")",
                    )
                )
            elif not result.ambiguous and is_empty(municipality) and pc4 is None:
                errors.append(
                    (
                        cols[Field.PLACE],
                        "woonplaats_onbekend",
                        f"onbekende woonplaats ‘{clean_text(place)}’",
                        place,
                        suggest([c.label for c in result.candidates]),
                    )
                )
        if not is_empty(postcode):
            result = ref.resolve_postcode(postcode)
            if result.code:
                found.append((cols[Field.POSTCODE], result.code, "postcode"))
            elif not found and not errors:
                errors.append(
                    (
                        cols[Field.POSTCODE],
                        "postcode_onbekend",
                        f"onbekende postcode ‘{clean_text(postcode)}’",
                        postcode,
                        "controleer de postcode of vul de woongemeente in",
                    )
                )
        if not found and not errors:
            column = next(
                (cols[f] for f in (Field.RESIDENCE, Field.PLACE, Field.POSTCODE) if f in cols), None
            )
            errors.append(
                (
                    column,
                    "woongemeente_ontbreekt",
                    "de woongemeente ontbreekt (geen gemeente, woonplaats of postcode)",
                    "",
                    "",
                )
            )
        if errors or not found:
            return Residence(None, tuple(errors))
        column, code, what = found[0]
        for other_column, other, other_what in found[1:]:
            if other != code:
                warnings.append(
                    (
                        other_column,
                        "woongemeente_verschilt",
                        f"{what} ({ref.label(code)}) en {other_what} "
                        f"({ref.label(other)}) verschillen; gerekend met de {what}",
                        "",
                        "",
                    )
                )
                break
        return Residence(code, (), tuple(warnings))

    # --- school ----------------------------------------------------------------------------
    def find_school(
        self, brinvest: object, brin_cell: object, vestiging_cell: object
    ) -> tuple[SchoolLocation | None, Problem | None]:
        cols = self.cols
        column = cols.get(Field.BRINVEST, cols.get(Field.BRIN))
        vestiging: str | None
        try:
            if not is_empty(brinvest):
                brin, vestiging = parse_brinvest(brinvest)
            elif not is_empty(brin_cell):
                brin = parse_brin(brin_cell)
                vestiging = (
                    None if is_empty(vestiging_cell) else parse_vestiging(vestiging_cell, brin)
                )
            else:
                return None, (column, "brin_ontbreekt", "de BRIN van de school ontbreekt", "", "")
        except ValueError as reason:
            value = clean_text(brinvest or brin_cell or vestiging_cell)
            return None, (column, "brin", f"‘{value}’: {reason}", value, "")
        known = self.schools.by_brin.get(brin)
        if known is None:
            if not len(self.schools):
                return None, (column, NO_SCHOOL_LIST, "", brin, "")
            hint = suggest(self.schools.nearest_brins(brin))
            return None, (
                column,
                "brin_onbekend",
                f"BRIN ‘{brin}’ staat niet in de scholenlijst",
                brin,
                hint,
            )
        if vestiging is None:
            municipalities = {self.schools.locations[brin + v].municipality for v in known}
            if len(known) == 1:
                vestiging = known[0]
            elif "00" in known and Field.VESTIGING in cols:
                vestiging = "00"  # an empty sub-location code means the main location
                self.main_location.add((brinvest, brin_cell, vestiging_cell))
            elif len(municipalities) == 1:
                vestiging = "00" if "00" in known else sorted(known)[0]  # all in one place
            else:
                return None, (
                    cols.get(Field.VESTIGING, column),
                    "vestiging_ontbreekt",
                    f"BRIN {brin} heeft vestigingen in meer gemeenten; het vestigingsnummer "
                    "ontbreekt",
                    "",
                    "bekende vestigingen: " + ", ".join(sorted(known)),
                )
        location = self.schools.locations.get(brin + vestiging)
        if location is None:
            return None, (
                cols.get(Field.VESTIGING, column),
                "vestiging_onbekend",
                f"vestiging {vestiging} van BRIN {brin} staat niet in de scholenlijst",
                vestiging,
                "bekende vestigingen: " + ", ".join(sorted(known)),
            )
        return location, None
