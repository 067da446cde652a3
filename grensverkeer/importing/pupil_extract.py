"""Reading SWV pupil extracts into pseudonymised pupil records.

This is the hot path of a 100,000-row import: every parser is memoised per distinct value,
and a row touches only the columns the header named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any, TypeVar, cast

from grensverkeer import formatting
from grensverkeer.domain import EduType, SchoolLocation
from grensverkeer.importing.collector import SheetProblems
from grensverkeer.importing.date_formats import DateReading, parser
from grensverkeer.importing.fields import Field
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.locations import (
    NO_SCHOOL_LIST,
    Bad,
    Locator,
    Residence,
    mapped,
    row_keys,
)
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.rows import is_footer
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import (
    clean_text,
    display,
    is_empty,
    mask_bsn,
    parse_bsns,
    parse_edu_type,
)
from grensverkeer.money import parse_pupil_amount
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import Reference

T = TypeVar("T")


def _per_key(places: list[SchoolLocation | Bad], name: str, ids: list[int]) -> list[str]:
    """A location's attribute for each row (by the index of its location), each looked up once."""
    table = [getattr(location, name, "") for location in places]
    return list(map(table.__getitem__, ids))


def _columns(body: Sequence[Sequence[object]], wanted: list[int]) -> dict[int, Sequence[object]]:
    """The ``wanted`` columns of ``body``, by index: only those are transposed (an extract's
    names and other unused columns are not), in one pass at C speed."""
    if len(wanted) == 1:  # itemgetter of one index gives the cell, not a tuple
        return {wanted[0]: list(map(itemgetter(wanted[0]), body))}
    return dict(zip(wanted, zip(*map(itemgetter(*wanted), body), strict=True), strict=True))


def _bad_bsn(value: object, reason: object, column: int) -> Bad:
    if is_empty(value):
        return Bad((column, "bsn_ontbreekt", "het BSN ontbreekt", "", ""))
    masked = mask_bsn(value)
    return Bad((column, "bsn", f"BSN ‘{masked}’: {reason}", masked, ""))


class PupilSheetReader:
    """Turns the data rows of one sheet into records; problems go to ``problems``."""

    def __init__(
        self,
        layout: SheetLayout,
        problems: SheetProblems,
        reference: Reference,
        schools: SchoolIndex,
        pseudonymize: Pseudonymizer,
    ) -> None:
        self.cols = layout.columns
        self.layout = layout
        self.locator = Locator(layout.columns, reference, schools)
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
        first = self.layout.row_index + 1
        body = list(rows[first:])
        width = max(cols.values()) + 1
        if body and min(map(len, body)) < width:
            body = [c if len(c) >= width else [*c, *([""] * (width - len(c)))] for c in body]
        numbers = list(range(first + 1, first + 1 + len(body)))
        body, numbers, pseudonyms = self._drop_blank_and_footer(body, numbers)
        size = len(body)
        bad: set[int] = set()
        self._starts: list[date | Bad | None] = []
        self._ends: list[date | Bad | None] = []
        if not size:
            return PupilColumns()
        transposed = _columns(body, sorted(set(cols.values())))

        def column(field: Field) -> Sequence[object]:
            index = cols.get(field)
            return [None] * size if index is None else transposed[index]

        self._report(pseudonyms, numbers, bad)
        residence_codes = self._residence_codes(
            (column(Field.RESIDENCE), column(Field.PLACE), column(Field.POSTCODE)), numbers, bad
        )
        school_keys = list(
            zip(column(Field.BRINVEST), column(Field.BRIN), column(Field.VESTIGING), strict=True)
        )
        found = {key: self.locator.school_or_bad(key) for key in dict.fromkeys(school_keys)}
        places = list(found.values())
        index = {key: i for i, key in enumerate(found)}
        ids = list(map(index.__getitem__, school_keys))  # each row's location, as a number
        schools: list[SchoolLocation | Bad] = []  # per row: only made when a row needs it
        if Bad in map(type, places):
            schools = list(map(places.__getitem__, ids))
            self._report_schools(schools, numbers, bad)
        starts = mapped(column(Field.START), self._date_column(Field.START))
        ends = mapped(column(Field.END), self._date_column(Field.END))
        self._starts, self._ends = starts, ends
        costs = mapped(column(Field.COST), self._guarded(parse_pupil_amount, Field.COST, "bedrag"))
        types = mapped(
            column(Field.EDU_TYPE), self._guarded(parse_edu_type, Field.EDU_TYPE, "onderwijstype")
        )
        arrangements = mapped(
            column(Field.ARRANGEMENT), lambda v: "" if is_empty(v) else clean_text(v)[:100]
        )
        for values in (starts, ends, costs, types):
            self._report(values, numbers, bad)
        if any(ends) and any(starts):
            self._check_periods(starts, ends, numbers, bad)
        if None in types:
            schools = schools or list(map(places.__getitem__, ids))
            self._fill_types(types, schools, numbers, bad)
        good = [i for i in range(size) if i not in bad] if bad else range(size)
        self._notes(school_keys, len(good))

        def kept(values: list[Any]) -> list[Any]:
            """The good rows: what is left of a column is its parsed values (no Bad, and no
            None where a value is required), so each list has its field's type."""
            return values if not bad else [values[i] for i in good]

        return PupilColumns(
            pseudonym=kept(pseudonyms),
            residence=kept(residence_codes),
            brinvest=_per_key(places, "brinvest", kept(ids)),
            school_municipality=_per_key(places, "municipality", kept(ids)),
            edu_type=kept(types),
            arrangement=kept(arrangements),
            start=kept(starts),
            end=kept(ends),
            cost_cents=kept(costs),
            sheet=[self.problems.sheet[:200]] * len(good),
            row=kept(numbers),
        )

    def _drop_blank_and_footer(
        self, body: list[Sequence[object]], numbers: list[int]
    ) -> tuple[list[Sequence[object]], list[int], list[object]]:
        """Parse the BSNs; a row without a valid one may be blank or a "Totaal" line."""
        bsn_column = self.cols[Field.BSN]
        # BSNs are (nearly) all distinct: no memo, but one tight loop for the whole column
        parsed = parse_bsns(list(map(itemgetter(bsn_column), body)))
        bad: list[int] = []
        if ValueError not in set(map(type, parsed)):  # at C speed: the usual, clean column
            pseudonyms: list[object] = list(self.pseudonymize.many(cast(list[str], parsed)))
        else:
            good = [i for i, value in enumerate(parsed) if type(value) is str]
            bad = [i for i, value in enumerate(parsed) if type(value) is not str]
            pseudonyms = [None] * len(body)
            hashed = self.pseudonymize.many(cast(str, parsed[i]) for i in good)
            for i, pseudonym in zip(good, hashed, strict=True):
                pseudonyms[i] = pseudonym
            for i in bad:
                pseudonyms[i] = _bad_bsn(body[i][bsn_column], parsed[i], bsn_column)
        used = [i for f, i in self.cols.items() if f not in (Field.PERSONAL, Field.IGNORED)]
        others = [c for c in used if c != bsn_column]
        # a "Totaal" footer: a row without a valid BSN, or (its count can pass the 11-proef)
        # one of the last rows with nothing but a number under the BSN
        drop = {i for i in bad if all(is_empty(body[i][c]) for c in used) or is_footer(body[i])}
        drop.update(
            i
            for i in range(max(0, len(body) - 5), len(body))
            if all(is_empty(body[i][c]) for c in others) and is_footer(body[i])
        )
        if not drop:
            return body, numbers, pseudonyms
        keep = [i for i in range(len(body)) if i not in drop]
        return [body[i] for i in keep], [numbers[i] for i in keep], [pseudonyms[i] for i in keep]

    @property
    def periods(self) -> list[tuple[date | None, date | None]]:
        """Every row's period, also of rows with other problems: the school year is read
        from them even when a row cannot be stored (no school list yet)."""
        return [
            (None if isinstance(a, Bad) else a, None if isinstance(b, Bad) else b)
            for a, b in zip(self._starts, self._ends, strict=True)
        ]

    def _date_column(self, field: Field) -> Callable[[object], date | Bad | None]:
        """Read a date column with the decision made for the whole column."""
        column = self.cols.get(field)
        reading = self.layout.dates.get(column) if column is not None else None
        return self._guarded(parser(reading or DateReading()), field, "datum")

    def _guarded(
        self, parse: Callable[[object], T], field: Field, code: str
    ) -> Callable[[object], T | Bad | None]:
        column = self.cols.get(field)

        def run(value: object) -> T | Bad | None:
            if is_empty(value):
                return None
            try:
                return parse(value)
            except ValueError as reason:
                text, shown = str(reason), display(value)
                if shown not in text:  # every message quotes the value it is about
                    text = f"‘{shown}’: {text}"
                return Bad((column, code, text, shown, ""))

        return run

    def _report(self, values: Sequence[object], numbers: list[int], bad: set[int]) -> None:
        """Turn the bad values of a column into located errors."""
        if Bad not in map(type, values):  # at C speed: the usual clean column
            return
        for i, value in enumerate(values):
            if isinstance(value, Bad):
                self.problems.error(numbers[i], *value.problem)
                bad.add(i)

    def _report_schools(
        self, schools: list[SchoolLocation | Bad], numbers: list[int], bad: set[int]
    ) -> None:
        """Unknown schools one by one; but without any school list, one problem for all."""
        if Bad not in map(type, schools):  # at C speed: the usual case
            return
        unlisted = {
            i: s.problem
            for i, s in enumerate(schools)
            if isinstance(s, Bad) and s.problem[1] == NO_SCHOOL_LIST
        }
        missing = list(unlisted)
        if missing:
            brins = {problem[3] for problem in unlisted.values()}
            column = self.cols.get(Field.BRINVEST, self.cols.get(Field.BRIN))
            self.problems.error(
                None,
                column,
                NO_SCHOOL_LIST,
                f"de scholenlijst ontbreekt: {len(missing)} rijen verwijzen naar "
                f"{len(brins)} onbekende scholen",
                "",
                "importeer eerst de scholenlijst (DUO-adressen van de vestigingen), dan dit "
                "bestand",
            )
            bad.update(missing)
            self._report([None if i in bad else s for i, s in enumerate(schools)], numbers, bad)
            return
        self._report(schools, numbers, bad)

    def _notes(self, school_keys: list[tuple[object, object, object]], counted: int) -> None:
        """What the reader assumed for the whole sheet, said once."""
        if self.locator.main_location:
            rows = sum(1 for key in school_keys if key in self.locator.main_location)
            self.problems.warning(
                None,
                self.cols.get(Field.VESTIGING),
                "vestiging_leeg",
                f"lege vestigingscode gelezen als de hoofdvestiging 00 ({rows} rijen)",
            )
        if Field.START not in self.cols and Field.END not in self.cols:
            self.problems.warning(
                None,
                None,
                "geen_datums",
                f"geen begin- of einddatum: alle {counted} leerlingen tellen mee",
            )

    def _residence_codes(
        self, columns: tuple[Sequence[object], ...], numbers: list[int], bad: set[int]
    ) -> list[str | None]:
        """Each row's residence code; each distinct (gemeente, plaats, postcode) resolved once."""
        keys, cells = row_keys(columns)
        table = {key: self.locator.resolve_residence(*cells(key)) for key in dict.fromkeys(keys)}
        if any(o.errors or o.warnings for o in table.values()):
            self._report_residences(list(map(table.__getitem__, keys)), numbers, bad)
        codes = {key: outcome.code for key, outcome in table.items()}
        return list(map(codes.__getitem__, keys))

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
        self,
        starts: list[date | Bad | None],
        ends: list[date | Bad | None],
        numbers: list[int],
        bad: set[int],
    ) -> None:
        """An end before the start is an error; tested per distinct (start, end) pair."""
        wrong = {
            (start, end)
            for start, end in dict.fromkeys(zip(starts, ends, strict=True))
            if type(start) is date and type(end) is date and end < start
        }
        if not wrong:
            return
        column = self.cols.get(Field.END)
        for i, pair in enumerate(zip(starts, ends, strict=True)):
            if pair not in wrong:
                continue
            start, end = pair
            self.problems.error(
                numbers[i],
                column,
                "einde_voor_start",
                f"de einddatum ‘{formatting.short_date(end)}’ ligt vóór de startdatum "
                f"‘{formatting.short_date(start)}’",
                end,
            )
            bad.add(i)

    def _fill_types(
        self,
        types: list[EduType | Bad | None],
        schools: list[SchoolLocation | Bad],
        numbers: list[int],
        bad: set[int],
    ) -> None:
        """A record without a type takes its location's only type; a (V)SO location needs it."""
        for i, kind in enumerate(types):
            if kind is not None:
                continue
            school = schools[i]
            if isinstance(school, Bad):
                continue
            if len(school.types) == 1:
                types[i] = next(iter(school.types))
                continue
            offered = " en ".join(sorted(school.types)) if school.types else "geen bekend type"
            self.problems.error(
                numbers[i],
                self.cols.get(Field.EDU_TYPE),
                "onderwijstype_ontbreekt",
                f"het onderwijstype ontbreekt en vestiging {school.brinvest} biedt {offered}",
                "",
                "vul het onderwijstype van deze leerling in (bijvoorbeeld VSO)",
            )
            bad.add(i)
