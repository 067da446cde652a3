"""Reading SWV pupil extracts into pseudonymised pupil records.

This is the hot path of a 100,000-row import: every parser is memoised per distinct value,
and a row touches only the columns the header named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from grensverkeer.domain import EduType, PupilRecord, SchoolLocation
from grensverkeer.importing.cache import Memo
from grensverkeer.importing.collector import SheetProblems, suggest
from grensverkeer.importing.columns import Field, HeaderMatch
from grensverkeer.importing.rows import data_rows
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
        self.bsn = Memo(parse_bsn)
        self.edu_type = Memo(parse_edu_type)
        self.date = Memo(parse_date)
        self.cost = Memo(parse_euros)
        self.text = Memo(clean_text)
        self._residences: dict[tuple[object, ...], Residence] = {}
        self._schools: dict[tuple[object, ...], tuple[SchoolLocation | None, Problem | None]] = {}

    def read(self, rows: Sequence[Sequence[object]]) -> list[PupilRecord]:
        used = [i for f, i in self.cols.items() if f not in (Field.PERSONAL, Field.IGNORED)]
        records = []
        for row, cells in data_rows(rows, self.header.row_index, used):
            record = self.record(row, cells)
            if record is not None:
                records.append(record)
        return records

    def cell(self, cells: Sequence[object], field: Field) -> object:
        index = self.cols.get(field)
        return None if index is None else cells[index]

    def record(self, row: int, cells: Sequence[object]) -> PupilRecord | None:
        problems = self.problems
        cols = self.cols
        bad = False
        raw_bsn = cells[cols[Field.BSN]]
        pseudonym = ""
        if is_empty(raw_bsn):
            problems.error(row, cols[Field.BSN], "bsn_ontbreekt", "het BSN ontbreekt")
            bad = True
        else:
            try:
                pseudonym = self.pseudonymize(self.bsn(raw_bsn))
            except ValueError as reason:
                problems.error(row, cols[Field.BSN], "bsn", str(reason), mask_bsn(raw_bsn))
                bad = True
        residence = self.residence(row, cells)
        school = self.school(row, cells)
        edu_type = self.type_of(row, cells, school)
        start = self.optional_date(row, cells, Field.START)
        end = self.optional_date(row, cells, Field.END)
        if start is False or end is False:
            bad = True
            start = end = None
        elif start is not None and end is not None and end < start:
            problems.error(
                row,
                cols[Field.END],
                "einde_voor_start",
                "de einddatum ligt vóór de startdatum",
                cells[cols[Field.END]],
            )
            bad = True
        cost = None
        raw_cost = self.cell(cells, Field.COST)
        if not is_empty(raw_cost):
            try:
                cost = self.cost(raw_cost)
            except ValueError as reason:
                problems.error(row, cols[Field.COST], "bedrag", str(reason), raw_cost)
                bad = True
        if bad or residence is None or school is None or edu_type is None:
            return None
        arrangement = self.cell(cells, Field.ARRANGEMENT)
        return PupilRecord(
            pseudonym=pseudonym,
            residence=residence,
            brinvest=school.brinvest,
            school_municipality=school.municipality,
            edu_type=edu_type,
            arrangement="" if is_empty(arrangement) else self.text(arrangement)[:100],
            start=start,  # type: ignore[arg-type]
            end=end,  # type: ignore[arg-type]
            cost_cents=cost,
            sheet=problems.sheet,
            row=row,
        )

    def optional_date(self, row: int, cells: Sequence[object], field: Field) -> object:
        """The date, None when empty, False after reporting a bad one."""
        value = self.cell(cells, field)
        if is_empty(value):
            return None
        try:
            return self.date(value)
        except ValueError as reason:
            self.problems.error(row, self.cols[field], "datum", str(reason), value)
            return False

    # --- residence -------------------------------------------------------------------------
    def residence(self, row: int, cells: Sequence[object]) -> str | None:
        key = (
            self.cell(cells, Field.RESIDENCE),
            self.cell(cells, Field.PLACE),
            self.cell(cells, Field.POSTCODE),
        )
        outcome = self._residences.get(key)
        if outcome is None:
            outcome = self._residences[key] = self._resolve_residence(*key)
        for problem in outcome.errors:
            self.problems.error(row, *problem)
        for problem in outcome.warnings:
            self.problems.warning(row, *problem)
        return None if outcome.errors else outcome.code

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
    def school(self, row: int, cells: Sequence[object]) -> SchoolLocation | None:
        key = (
            self.cell(cells, Field.BRINVEST),
            self.cell(cells, Field.BRIN),
            self.cell(cells, Field.VESTIGING),
        )
        found = self._schools.get(key)
        if found is None:
            found = self._schools[key] = self._find_school(*key)
        location, problem = found
        if problem is not None:
            self.problems.error(row, *problem)
        return location

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

    # --- onderwijstype ---------------------------------------------------------------------
    def type_of(
        self, row: int, cells: Sequence[object], school: SchoolLocation | None
    ) -> EduType | None:
        """The record's own type, else the location's only type; a (V)SO location needs it."""
        value = self.cell(cells, Field.EDU_TYPE)
        if not is_empty(value):
            try:
                return self.edu_type(value)
            except ValueError as reason:
                self.problems.error(
                    row, self.cols[Field.EDU_TYPE], "onderwijstype", str(reason), value
                )
                return None
        if school is None:
            return None
        if len(school.types) == 1:
            return next(iter(school.types))
        offered = " en ".join(sorted(school.types)) if school.types else "geen bekend type"
        self.problems.error(
            row,
            self.cols.get(Field.EDU_TYPE),
            "onderwijstype_ontbreekt",
            f"het onderwijstype ontbreekt en vestiging {school.brinvest} biedt {offered}",
            "",
            "vul het onderwijstype van deze leerling in (bijvoorbeeld VSO)",
        )
        return None
