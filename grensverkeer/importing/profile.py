"""What the values of each column look like, from a sample of its rows.

The recogniser reads headers, but headers lie or say nothing (``Plaats`` of whom? a
``Vestigingscode`` that holds six characters?). A profile says, for each kind of value the
import knows, which share of a column's non-empty values is of that kind. Each distinct value
is tested once; a few hundred rows spread over the sheet are enough to tell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as date_type
from datetime import datetime

from grensverkeer.importing.date_formats import DateReading, decide
from grensverkeer.importing.layout import Looks
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import clean_text, is_empty, parse_bsn, parse_edu_type
from grensverkeer.money import parse_euros
from grensverkeer.reference import Reference
from grensverkeer.reference.codes import normalize_pc4

SAMPLE_HEAD = 250
SAMPLE_SPREAD = 250
_BRIN = re.compile(r"^\d{2}[A-Z0-9]{2}$")
_BRINVEST = re.compile(r"^(\d{2}[A-Z0-9]{2})[-\s_/.]?(\d{1,2})$")
_PC6 = re.compile(r"^[1-9]\d{3}\s?[A-Z]{2}$")
_MASKED = re.compile(r"^\s*(<|&lt;)\s*\d+\s*$")
#: A share at or above this makes a column "look like" that kind of value.
LOOKS_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class ColumnProfile:
    """Shares of one column's non-empty sample values, per kind of value."""

    filled: int
    distinct: int
    shares: dict[Looks, float]
    known_brin: float  # BRINs (or BRIN+vestiging codes) found in the school list
    pc6: float
    whole: float  # non-negative whole numbers (counts), masked counts included
    masked: float
    text: float  # values that are text, not numbers or dates
    date: DateReading
    samples: tuple[object, ...]

    def share(self, looks: Looks) -> float:
        return self.shares.get(looks, 0.0)

    @property
    def looks(self) -> tuple[Looks, ...]:
        return tuple(k for k, v in self.shares.items() if v >= LOOKS_SHARE)


def sample_rows(rows: Sequence[Sequence[object]], first: int) -> list[Sequence[object]]:
    """The first rows under the header and rows spread over the rest of the sheet."""
    body = rows[first:]
    head = list(body[:SAMPLE_HEAD])
    rest = body[SAMPLE_HEAD:]
    if rest:
        step = max(1, len(rest) // SAMPLE_SPREAD)
        head.extend(rest[::step][:SAMPLE_SPREAD])
    return [r for r in head if any(not is_empty(v) for v in r)]


def profile_column(
    values: Sequence[object], reference: Reference, schools: SchoolIndex
) -> ColumnProfile:
    """Profile one column's sample values (blank cells are left out).

    Each distinct value is classified once, by its type first: a number is never tested as
    a place name, a text never as an Excel serial.
    """
    counts = Counter(v for v in values if not is_empty(v))
    filled = sum(counts.values())
    if not filled:
        return ColumnProfile(0, 0, {}, 0.0, 0.0, 0.0, 0.0, 0.0, DateReading(), ())
    tally: Counter[str] = Counter()
    for value, n in counts.items():
        for kind in _kinds(value, reference, schools):
            tally[kind] += n
    date = decide(counts)
    shares: dict[Looks, float] = {
        looks: tally[looks.name] / filled for looks in Looks if looks is not Looks.DATE
    }
    shares[Looks.DATE] = date.share
    masked = tally["masked"] / filled
    whole = tally["whole"] / filled + masked
    shares[Looks.COUNT] = whole
    return ColumnProfile(
        filled=filled,
        distinct=len(counts),
        shares=shares,
        known_brin=tally["known"] / filled if len(schools) else 0.0,
        pc6=tally["pc6"] / filled,
        whole=whole,
        masked=masked,
        text=tally["text"] / filled,
        date=date,
        samples=tuple(list(counts)[:5]),
    )


def _kinds(value: object, reference: Reference, schools: SchoolIndex) -> list[str]:
    """The kinds of value one cell is (names of :class:`Looks` members, and a few more)."""
    if isinstance(value, bool | datetime | date_type):
        return []
    kinds: list[str] = []
    if isinstance(value, int | float):
        if _is_bsn(value):
            kinds.append("BSN")
        if _is_vestiging(value):
            kinds.append("VESTIGING")
        if reference.resolve_postcode(value).code is not None:
            kinds.append("POSTCODE")
        if reference.knows_municipality(value):
            kinds.append("MUNICIPALITY")
        kinds.append("AMOUNT")
        if float(value).is_integer() and value >= 0:
            kinds.append("whole")
        return kinds
    text = str(value)
    code = _code_text(text)
    if _BRIN.match(code):
        kinds.append("BRIN")
        if code in schools.by_brin:
            kinds.append("known")
    elif _is_brinvest(code):
        kinds.append("BRINVEST")
        if code[:4] in schools.by_brin:
            kinds.append("known")
    if _MASKED.match(text):
        return [*kinds, "masked"]
    stripped = text.strip()
    if stripped.isdigit():
        kinds.append("whole")
    else:
        kinds.append("text")
    if _PC6.match(stripped.upper()):
        kinds.append("pc6")
    checks = (
        ("BSN", _is_bsn),
        ("VESTIGING", _is_vestiging),
        ("POSTCODE", lambda v: reference.resolve_postcode(v).code is not None),
        ("MUNICIPALITY", reference.knows_municipality),
        ("PLACE", lambda v: not normalize_pc4(v) and reference.knows_place(v)),
        ("EDU_TYPE", _is_edu_type),
        ("AMOUNT", _is_amount),
    )
    kinds.extend(name for name, test in checks if test(text))
    return kinds


def _code_text(value: object) -> str:
    return clean_text(value).upper().replace(" ", "")


def _is_brinvest(text: str) -> bool:
    match = _BRINVEST.match(text)
    return bool(match) and len(text) >= 6 and not text.isdigit()


def _is_bsn(value: object) -> bool:
    try:
        parse_bsn(value)
    except ValueError:
        return False
    return True


def _is_vestiging(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and 0 <= value <= 99
    text = clean_text(value)
    return text.isdigit() and len(text) <= 2


def _is_edu_type(value: object) -> bool:
    try:
        parse_edu_type(value)
    except ValueError:
        return False
    return True


def _is_amount(value: object) -> bool:
    if isinstance(value, bool):
        return False
    try:
        parse_euros(value)
    except ValueError:
        return False
    return True


def _is_whole(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and value >= 0
    text = value.strip() if isinstance(value, str) else ""
    return text.isdigit()
