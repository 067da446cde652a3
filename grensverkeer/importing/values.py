"""Normalising cell values as SWV extracts and DUO lists write them.

Every function takes a raw cell (str, int, float, date, ...) and returns the clean value, or
raises ``ValueError`` with a short Dutch reason. Callers cache per distinct value: real files
repeat the same BRIN, place and date thousands of times.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TypeGuard, cast

from grensverkeer import formatting
from grensverkeer.domain import EduType

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " "})
_BRIN = re.compile(r"^\d{2}[A-Z0-9]{2}$")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("maart", "mrt", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augustus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def mask_bsn(value: object) -> str:
    """A BSN as messages may show it: the first two and last two digits (``12•••••89``)."""
    if isinstance(value, int | float) and float(value).is_integer():
        text = f"{int(value):09d}"  # a number lost its leading zero
    else:
        text = str(value)
    digits = re.sub(r"\D", "", text)
    if len(digits) < 5:
        return "•" * len(digits)
    return digits[:2] + "•" * (len(digits) - 4) + digits[-2:]


def display(value: object) -> str:
    """A cell as users see it in a sample or a message: Dutch dates, no ``.0`` on numbers."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return formatting.moment(value) if value.time() != time() else formatting.short_date(value)
    if isinstance(value, date):
        return formatting.short_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return clean_text(value)


def is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def clean_text(value: object) -> str:
    """Trim, fold runs of spaces, straighten curly apostrophes and drop control characters
    (a NUL in a cell is stored by SQLite and refused by PostgreSQL)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", _CONTROL.sub("", str(value).translate(_APOSTROPHES))).strip()


def parse_bsn(value: object) -> str:
    """A BSN as 9 digits: numbers lose their leading zeros in Excel, text has dots or spaces."""
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("een BSN is een geheel getal")
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif type(value) is str and len(value) == 9 and value.isdigit() and value.isascii():
        number = int(value)  # the common, clean case
    else:
        digits = str(value).translate(_BSN_NOISE)
        if not digits.isdigit() or not digits.isascii():
            raise ValueError("een BSN bestaat alleen uit cijfers")
        number = int(digits)
        if len(digits) > 9:
            number = -1
    if not 0 < number <= 999_999_999:
        raise ValueError("een BSN heeft 9 cijfers")
    if not _eleven_test(number):
        raise ValueError("dit BSN voldoet niet aan de 11-proef (tikfout?)")
    return f"{number:09d}"


def _all_floats(values: Sequence[object]) -> TypeGuard[Sequence[float]]:
    return set(map(type, values)) == {float}


def _nine_digit_texts(values: Sequence[object]) -> str | None:
    """The texts joined, when every value is a text of nine ASCII digits (a text column of
    BSNs), checked in a few passes at C speed; else None."""
    if set(map(type, values)) != {str}:
        return None
    texts = cast(Sequence[str], values)
    if set(map(len, texts)) != {9}:
        return None
    digits = "".join(texts)
    return digits if digits.isascii() and digits.isdigit() else None


def parse_bsns(values: Sequence[object]) -> list[str | ValueError]:
    """:func:`parse_bsn` for a whole column: a column of whole numbers (Excel's usual) in a
    few passes at C speed, then the clean texts, the rest one by one; a bad value gives its
    ValueError."""
    if values and _all_floats(values) and all(map(float.is_integer, values)):
        numbers = list(map(int, values))
        if min(numbers) > 0 and max(numbers) <= 999_999_999:
            texts = list(map("{:09d}".format, numbers))
            if _all_pass_eleven_test("".join(texts)):
                return cast(list[str | ValueError], texts)
    elif (
        values
        and (digits := _nine_digit_texts(values)) is not None
        and "000000000" not in values
        and _all_pass_eleven_test(digits)
    ):
        return list(cast(Sequence[str], values))
    result: list[str | ValueError] = []
    append = result.append
    for value in values:
        if isinstance(value, str):
            if len(value) == 9 and value.isdigit() and value.isascii():
                number = int(value)
                if number and _eleven_test(number):
                    append(value)
                    continue
        elif isinstance(value, int | float) and not isinstance(value, bool):
            number = int(value) if isinstance(value, int) or value.is_integer() else -1
            if 0 < number <= 999_999_999 and _eleven_test(number):
                append(f"{number:09d}")
                continue
        try:
            append(parse_bsn(value))
        except ValueError as reason:
            append(reason)
    return result


_BSN_NOISE = str.maketrans("", "", " .-\u00a0\t")
#: the 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# The weights applied to each three-digit block, precomputed: checking one BSN is then three
# list look-ups instead of nine multiplications.
_BLOCKS = tuple(
    [(w1 * (n // 100) + w2 * (n // 10 % 10) + w3 * (n % 10)) % 11 for n in range(1000)]
    for w1, w2, w3 in (_WEIGHTS[0:3], _WEIGHTS[3:6], _WEIGHTS[6:9])
)


#: per position of a BSN, each digit's term of the 11-proef (mod 11) as a byte value
_TERMS = tuple(
    bytes.maketrans(b"0123456789", bytes(weight * digit % 11 for digit in range(10)))
    for weight in _WEIGHTS
)
#: a sum of nine terms (at most 90) → 1 when it is no multiple of 11
_FAILS = bytes(int(total % 11 != 0) for total in range(256))


def _all_pass_eleven_test(joined: str) -> bool:
    """Whether every BSN in ``joined`` (nine ASCII digits each, one after the other) passes
    the 11-proef, at C speed: the digits in each position become their terms (one translation
    per position), and the nine positions are added as big numbers with a byte per BSN (no sum
    exceeds 90, so no byte carries into the next)."""
    digits = joined.encode("ascii")
    total = 0
    for position, terms in enumerate(_TERMS):
        total += int.from_bytes(digits[position::9].translate(terms), "little")
    sums = total.to_bytes(len(digits) // 9, "little")
    return b"\x01" not in sums.translate(_FAILS)


def _eleven_test(number: int) -> bool:
    first, second, third = _BLOCKS
    return (
        first[number // 1_000_000] + second[number // 1000 % 1000] + third[number % 1000]
    ) % 11 == 0


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    return len(digits) == 9 and digits.isdigit() and int(digits) > 0 and _eleven_test(int(digits))


def parse_brin(value: object) -> str:
    brin = clean_text(value).upper().replace(" ", "")
    if not _BRIN.match(brin):
        raise ValueError("een BRIN bestaat uit 2 cijfers en 2 letters of cijfers, zoals 12AB")
    return brin


def parse_vestiging(value: object, brin: str | None = None) -> str:
    """Two digits: ``0`` is ``00``; a 6-character code that includes the BRIN is accepted too."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value).upper().replace(" ", "")
    if len(text) == 6 and _BRIN.match(text[:4]):
        if brin is not None and text[:4] != brin:
            raise ValueError(f"de vestigingscode hoort bij BRIN {text[:4]}, niet bij {brin}")
        text = text[4:]
    if not text.isdigit() or len(text) > 2:
        raise ValueError("een vestigingsnummer bestaat uit 2 cijfers, zoals 00 of 01")
    return text.zfill(2)


def parse_brinvest(value: object) -> tuple[str, str]:
    """A combined BRIN + vestiging (``12AB00``, ``12ab-00``, ``12AB 0``)."""
    text = re.sub(r"[\s\-_/.]", "", clean_text(value).upper())
    if len(text) < 5 or not _BRIN.match(text[:4]):
        raise ValueError("een BRIN-vestigingscode ziet eruit als 12AB00")
    return text[:4], parse_vestiging(text[4:])


def parse_date(value: object) -> date:
    """One date as a user types it: date cells, Excel serials, Dutch or ISO text, 8 digits.

    For a column of an extract use :func:`date_formats.decide` instead: it settles day-month
    order and the 8-digit form for the whole column.
    """
    from grensverkeer.importing.date_formats import DateReading, parser

    return parser(DateReading())(value)


_EDU_WORDS: dict[str, EduType] = {
    "po": EduType.PO,
    "bao": EduType.PO,
    "bo": EduType.PO,
    "basisonderwijs": EduType.PO,
    "primair onderwijs": EduType.PO,
    "sbo": EduType.SBO,
    "sbao": EduType.SBO,
    "speciaal basisonderwijs": EduType.SBO,
    "so": EduType.SO,
    "speciaal onderwijs": EduType.SO,
    "vso": EduType.VSO,
    "voortgezet speciaal onderwijs": EduType.VSO,
    "vo": EduType.VO,
    "voortgezet onderwijs": EduType.VO,
    "pro": EduType.VO,
    "praktijkonderwijs": EduType.VO,
}
_VO_STRUCTURES = ("vmbo", "vbo", "mavo", "havo", "vwo", "atheneum", "gymnasium", "lwoo")


def parse_edu_type(value: object) -> EduType:
    """PO, SBO, SO, VSO or VO from the many ways it is written (every VO structure is VO)."""
    key = re.sub(r"[.\s]+", " ", clean_text(value).lower().replace(".", "")).strip()
    if key in _EDU_WORDS:
        return _EDU_WORDS[key]
    parts = [p for p in re.split(r"[/,+ ]+", key) if p]
    if parts and all(p in _VO_STRUCTURES or p in ("pro", "vo") for p in parts):
        return EduType.VO
    raise ValueError("onbekend onderwijstype; gebruik PO, SBO, SO, VSO of VO")


def parse_school_types(value: object) -> frozenset[EduType]:
    """A DUO location's types: ``SO/VSO``, ``SO,VSO`` and ``SO en VSO`` name both."""
    text = clean_text(value).lower()
    parts = [p for p in re.split(r"\s*(?:/|,|\+|\ben\b|&)\s*", text) if p]
    return frozenset(parse_edu_type(p) for p in parts)
