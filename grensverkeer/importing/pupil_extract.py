"""Reading SWV pupil extracts into pseudonymised pupil records.

This is the hot path of a 100,000-row import: every parser is memoised per distinct value,
and a row touches only the columns the header named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

from grensverkeer.domain import SchoolLocation
from grensverkeer.importing.collector import SheetProblems, suggest
from grensverkeer.importing.columns import Field, HeaderMatch
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.rows import is_footer
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import (
    clean_text,
    is_empty,
    parse_brin,
    parse_brinvest,
    parse_bsn,
    parse_date,
    parse_edu_type,
    parse_vestiging,
)
from grensverkeer.money import parse_euros
from grensverkeer.reference import Reference

_PC4 = re.compile(r"^\s*(\d{4})\s*(?:[A-Za-z]{2})?\s*$")
T = TypeVar("T")
# (column, code, message, value, suggestion)
Problem = tuple[int | None, str, str, object, str]


def mask_bsn(value: object) -> str:
    """Show only the last three digits of a BSN in messages."""
    digits = re.sub(
        r"\D", "", str(value).split(".0")[0] if isinstance(value, float) else str(value)
    )
    return "•" * max(len(digits) - 3, 0) + digits[-3:]


@dataclass(frozen=True, slots=True)
class Residence:
    code: str | None
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


class PupilSheetReader:
    """Turns the data rows of one sheet into records; problems go to ``problems``."""

    def __init__(
        self,
        header: HeaderMatch,
        problems: SheetProblems,
        reference: Reference,
        schools: SchoolIndex,
        pseudonymize: Callable[[str], str],
    ) -> None:
        self.cols = header.columns
        self.header = header
        self.problems = problems
        self.reference = reference
        self.schools = schools
        self.pseudonymize = pseudonymize

    def read(self, rows: Sequence[Sequence[object]]) -> PupilColumns:
        """Column by column: each distinct value is parsed once and mapped back onto the rows.

        Only rows with a problem are looked at one by one; a clean 100,000-row sheet never
        runs Python code per cell.
        """
        cols = self.cols
        first = self.header.row_index + 1
        body = list(rows[first:])
        width = max(cols.values()) + 1
        if body and min(map(len, body)) < width:
            body = [c if len(c) >= width else [*c, *([""] * (width - len(c)))] for c in body]
        numbers = list(range(first + 1, first + 1 + len(body)))
        body, numbers, pseudonyms = self._drop_blank_and_footer(body, numbers)
        size = len(body)
        bad: set[int] = set()

        transposed = list(zip(*body, strict=False)) if body else []

        def column(field: Field) -> list[object]:
            index = cols.get(field)
            return [None] * size if index is None else list(transposed[index])

        self._report(pseudonyms, numbers, bad)
        residences = _mapped(
            list(
                zip(
                    column(Field.RESIDENCE),
                    column(Field.PLACE),
                    column(Field.POSTCODE),
                    strict=True,
                )
            ),
            lambda key: self._resolve_residence(*key),
        )
        residence_codes = self._residence_codes(residences, numbers, bad)
        schools = _mapped(
            list(
                zip(
                    column(Field.BRINVEST), column(Field.BRIN), column(Field.VESTIGING), strict=True
                )
            ),
            lambda key: _school_or_bad(self._find_school(*key)),
        )
        self._report(schools, numbers, bad)
        starts = _mapped(column(Field.START), self._guarded(parse_date, Field.START, "datum"))
        ends = _mapped(column(Field.END), self._guarded(parse_date, Field.END, "datum"))
        costs = _mapped(column(Field.COST), self._guarded(parse_euros, Field.COST, "bedrag"))
        types = _mapped(
            column(Field.EDU_TYPE), self._guarded(parse_edu_type, Field.EDU_TYPE, "onderwijstype")
        )
        arrangements = _mapped(
            column(Field.ARRANGEMENT), lambda v: "" if is_empty(v) else clean_text(v)[:100]
        )
        for values in (starts, ends, costs, types):
            self._report(values, numbers, bad)
        if any(ends) and any(starts):
            self._check_periods(starts, ends, numbers, bad)
        if None in types:
            self._fill_types(types, schools, numbers, bad)
        good = [i for i in range(size) if i not in bad] if bad else range(size)

        def kept(values: list[object]) -> list:  # type: ignore[type-arg]
            return values if not bad else [values[i] for i in good]

        return PupilColumns(
            pseudonym=kept(pseudonyms),
            residence=kept(residence_codes),  # type: ignore[arg-type]
            brinvest=list(map(attrgetter("brinvest"), kept(schools))),
            school_municipality=list(map(attrgetter("municipality"), kept(schools))),
            edu_type=kept(types),
            arrangement=kept(arrangements),
            start=kept(starts),
            end=kept(ends),
            cost_cents=kept(costs),
            sheet=[self.problems.sheet[:200]] * len(good),
            row=kept(numbers),  # type: ignore[arg-type]
        )

    def _drop_blank_and_footer(
        self, body: list[Sequence[object]], numbers: list[int]
    ) -> tuple[list[Sequence[object]], list[int], list[object]]:
        """Parse the BSNs; a row without a valid one may be blank or a "Totaal" line."""
        bsn_column = self.cols[Field.BSN]
        pseudonymize = self.pseudonymize

        def pseudonym(value: object) -> object:
            if value == "" or value is None or (type(value) is str and value.isspace()):
                return _Bad((bsn_column, "bsn_ontbreekt", "het BSN ontbreekt", "", ""))
            try:
                return pseudonymize(parse_bsn(value))
            except ValueError as reason:
                return _Bad((bsn_column, "bsn", str(reason), mask_bsn(value), ""))

        # BSNs are (nearly) all distinct: no memo, one call per row
        pseudonyms = [pseudonym(cells[bsn_column]) for cells in body]
        used = [i for f, i in self.cols.items() if f not in (Field.PERSONAL, Field.IGNORED)]
        drop = {
            i
            for i, value in enumerate(pseudonyms)
            if type(value) is _Bad
            and (all(is_empty(body[i][c]) for c in used) or is_footer(body[i]))
        }
        if not drop:
            return body, numbers, pseudonyms
        keep = [i for i in range(len(body)) if i not in drop]
        return [body[i] for i in keep], [numbers[i] for i in keep], [pseudonyms[i] for i in keep]

    def _guarded(
        self, parse: Callable[[object], object], field: Field, code: str
    ) -> Callable[[object], object]:
        column = self.cols.get(field)

        def run(value: object) -> object:
            if is_empty(value):
                return None
            try:
                return parse(value)
            except ValueError as reason:
                return _Bad((column, code, str(reason), value, ""))

        return run

    def _report(self, values: list[object], numbers: list[int], bad: set[int]) -> None:
        """Turn the bad values of a column into located errors."""
        if _Bad not in map(type, values):  # at C speed: the usual clean column
            return
        for i, value in enumerate(values):
            if type(value) is _Bad:
                self.problems.error(numbers[i], *value.problem)
                bad.add(i)

    def _residence_codes(
        self, outcomes: list[Residence], numbers: list[int], bad: set[int]
    ) -> list[str | None]:
        if any(o.errors or o.warnings for o in _distinct(outcomes)):
            self._report_residences(outcomes, numbers, bad)
        return list(map(attrgetter("code"), outcomes))

    def _report_residences(
        self, outcomes: list[Residence], numbers: list[int], bad: set[int]
    ) -> None:
        for i, outcome in enumerate(outcomes):
            for problem in outcome.errors:
                self.problems.error(numbers[i], *problem)
                bad.add(i)
            for problem in outcome.warnings:
                self.problems.warning(numbers[i], *problem)

    def _check_periods(
        self, starts: list[object], ends: list[object], numbers: list[int], bad: set[int]
    ) -> None:
        column = self.cols.get(Field.END)
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if (
                end is not None
                and start is not None
                and type(end) is not _Bad
                and type(start) is not _Bad
                and end < start
            ):  # type: ignore[operator]
                self.problems.error(
                    numbers[i],
                    column,
                    "einde_voor_start",
                    "de einddatum ligt vóór de startdatum",
                    end,
                )
                bad.add(i)

    def _fill_types(
        self, types: list[object], schools: list[object], numbers: list[int], bad: set[int]
    ) -> None:
        """A record without a type takes its location's only type; a (V)SO location needs it."""
        for i, kind in enumerate(types):
            if kind is not None:
                continue
            school = schools[i]
            if type(school) is _Bad:
                continue
            if len(school.types) == 1:  # type: ignore[union-attr]
                types[i] = next(iter(school.types))  # type: ignore[union-attr]
                continue
            offered = " en ".join(sorted(school.types)) if school.types else "geen bekend type"  # type: ignore[union-attr]
            self.problems.error(
                numbers[i],
                self.cols.get(Field.EDU_TYPE),
                "onderwijstype_ontbreekt",
                f"het onderwijstype ontbreekt en vestiging {school.brinvest} biedt {offered}",  # type: ignore[union-attr]
                "",
                "vul het onderwijstype van deze leerling in (bijvoorbeeld VSO)",
            )
            bad.add(i)

    # --- residence -------------------------------------------------------------------------
    def _resolve_residence(
        self, municipality: object, place: object, postcode: object
    ) -> Residence:
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
    def _find_school(
        self, brinvest: object, brin_cell: object, vestiging_cell: object
    ) -> tuple[SchoolLocation | None, Problem | None]:
        cols = self.cols
        column = cols.get(Field.BRINVEST, cols.get(Field.BRIN))
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
            return None, (column, "brin", str(reason), brinvest or brin_cell or vestiging_cell, "")
        known = self.schools.by_brin.get(brin)
        if known is None:
            if not len(self.schools):
                hint = "importeer eerst de scholenlijst (DUO-adressen van de vestigingen)"
            else:
                hint = suggest(self.schools.nearest_brins(brin))
            return None, (
                column,
                "brin_onbekend",
                f"BRIN {brin} staat niet in de scholenlijst",
                brin,
                hint,
            )
        if vestiging is None:
            if len(known) == 1:
                vestiging = known[0]
            else:
                return None, (
                    cols.get(Field.VESTIGING, column),
                    "vestiging_ontbreekt",
                    f"BRIN {brin} heeft meer vestigingen; vul het vestigingsnummer in",
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


class _Bad:
    """A value that could not be read, carrying the problem to report for its row."""

    __slots__ = ("problem",)

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _school_or_bad(found: tuple[SchoolLocation | None, Problem | None]) -> object:
    location, problem = found
    return _Bad(problem) if problem is not None else location


def _distinct(objects: list[T]) -> list[T]:
    """The distinct objects of a mapped column: few, since each came from a per-value table."""
    return list({id(o): o for o in objects}.values())


def _mapped(values: list[object], parse: Callable[[object], T]) -> list[T]:
    """``[parse(v) for v in values]``, calling ``parse`` once per distinct value."""
    table: dict[object, T] = dict.fromkeys(values)  # type: ignore[arg-type]
    for value in table:
        table[value] = parse(value)
    return list(map(table.__getitem__, values))
