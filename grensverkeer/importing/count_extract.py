"""Reading DUO count files: one row per school location × pupil area, with a number of pupils.

DUO publishes, per school location, how many of its pupils live in each PC4 area (or place,
or municipality), as one total or per leerjaar or age. There is no BSN: each row adds its
count to the cell (pupil area's municipality, location's municipality). Small numbers are
masked (``<5``, or ``-1``); such a cell is "1 to 4", never 0: it is counted as its lower
bound and what it could add is reported.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from grensverkeer.domain import EduType, SchoolLocation
from grensverkeer.importing.collector import SheetProblems
from grensverkeer.importing.fields import RESIDENCE_FIELDS, Field
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.locations import Bad, Locator, Residence
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.rows import data_rows
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import clean_text, is_empty, parse_edu_type
from grensverkeer.reference import Reference

_MASKED = re.compile(r"^\s*(?:<|&lt;)\s*(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Counted:
    pupils: PupilColumns
    masked: int  # masked cells, each counted as 1


def read_counts(
    rows: Sequence[Sequence[object]],
    layout: SheetLayout,
    problems: SheetProblems,
    reference: Reference,
    schools: SchoolIndex,
    file_key: str = "",
) -> Counted:
    """Every row with a count above zero as one record standing for that many pupils."""
    cols = layout.columns
    locator = Locator(cols, reference, schools)
    count_columns = (cols[Field.COUNT],) if Field.COUNT in cols else layout.count_parts
    used = sorted({*cols.values(), *count_columns})
    result = PupilColumns()
    masked = 0
    for row, cells in data_rows(rows, layout.row_index, used):
        count = _count(row, cells, count_columns, problems)
        if count is None or count[0] + count[1] == 0:
            continue
        residence = _residence(row, cells, cols, locator, problems)
        school = _school(row, cells, cols, locator, problems)
        if residence is None or school is None:
            continue
        edu_type = _edu_type(row, cells, cols, school, problems)
        if edu_type is None:
            continue
        pupils, extra = count
        masked += extra > 0
        digest = hashlib.sha256(f"{file_key}|{problems.sheet}|{row}".encode()).hexdigest()
        result.pseudonym.append("#" + digest[:31])
        result.residence.append(residence)
        result.brinvest.append(school.brinvest)
        result.school_municipality.append(school.municipality)
        result.edu_type.append(edu_type)
        result.arrangement.append("")
        result.start.append(None)
        result.end.append(None)
        result.cost_cents.append(None)
        result.sheet.append(problems.sheet[:200])
        result.row.append(row)
        result.pupils.append(pupils)
        result.uncertain.append(extra)
    return Counted(result, masked)


def _count(
    row: int, cells: Sequence[object], columns: Sequence[int], problems: SheetProblems
) -> tuple[int, int] | None:
    """(lower bound, how many more it may be) over the count columns of a row."""
    low = extra = 0
    for column in columns:
        value = cells[column] if column < len(cells) else ""
        if is_empty(value):
            continue
        if isinstance(value, str) and (match := _MASKED.match(value)):
            bound = int(match.group(1))
            low, extra = low + 1, extra + max(bound - 2, 0)
            continue
        number = _whole(value)
        if number == -1:  # DUO's other way of hiding 1 to 4
            low, extra = low + 1, extra + 3
        elif number is None or number < 0:
            problems.error(row, column, "aantal", f"‘{clean_text(value)}’ is geen aantal", value)
            return None
        else:
            low += number
    return low, extra


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    text = clean_text(value).replace(".", "")
    return int(text) if re.fullmatch(r"-?\d+", text) else None


def _residence(
    row: int,
    cells: Sequence[object],
    cols: Mapping[Field, int],
    locator: Locator,
    problems: SheetProblems,
) -> str | None:
    keys = tuple(cells[cols[f]] if f in cols else None for f in RESIDENCE_FIELDS)
    outcome: Residence = locator.residence_memo(keys)
    for problem in outcome.errors:
        problems.error(row, *problem)
    for problem in outcome.warnings:
        problems.warning(row, *problem)
    return outcome.code


def _school(
    row: int,
    cells: Sequence[object],
    cols: Mapping[Field, int],
    locator: Locator,
    problems: SheetProblems,
) -> SchoolLocation | None:
    keys = tuple(
        cells[cols[f]] if f in cols else None for f in (Field.BRINVEST, Field.BRIN, Field.VESTIGING)
    )
    found = locator.school_or_bad(keys)
    if isinstance(found, Bad):
        problems.error(row, *found.problem)
        return None
    return found


def _edu_type(
    row: int,
    cells: Sequence[object],
    cols: Mapping[Field, int],
    school: SchoolLocation,
    problems: SheetProblems,
) -> EduType | None:
    column = cols.get(Field.EDU_TYPE)
    if column is not None and not is_empty(cells[column]):
        try:
            return parse_edu_type(cells[column])
        except ValueError as reason:
            problems.error(row, column, "onderwijstype", str(reason), cells[column])
            return None
    if len(school.types) == 1:
        return next(iter(school.types))
    offered = " en ".join(sorted(school.types)) or "geen bekend type"
    problems.error(
        row,
        column,
        "onderwijstype_ontbreekt",
        f"vestiging {school.brinvest} biedt {offered} en de telling zegt niet welk",
    )
    return None
