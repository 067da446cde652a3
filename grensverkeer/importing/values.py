"""Normalising cell values as SWV extracts and DUO lists write them.

Every function takes a raw cell (str, int, float, date, ...) and returns the clean value, or
raises ``ValueError`` with a short Dutch reason. Callers cache per distinct value: real files
repeat the same BRIN, place and date thousands of times.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from grensverkeer.domain import EduType

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " "})
_EXCEL_EPOCH = date(1899, 12, 30)
_BRIN = re.compile(r"^\d{2}[A-Z0-9]{2}$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_WRITTEN = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def clean_text(value: object) -> str:
    """Trim, fold runs of spaces and straighten curly apostrophes."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", str(value).translate(_APOSTROPHES)).strip()


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


_BSN_NOISE = str.maketrans("", "", " .-\u00a0\t")
# The 11-proef weights 9·d1 + … + 2·d8 − d9 applied to each three-digit block, precomputed:
# checking a BSN is then three list look-ups instead of nine multiplications.
_BLOCKS = tuple(
    [(w1 * (n // 100) + w2 * (n // 10 % 10) + w3 * (n % 10)) % 11 for n in range(1000)]
    for w1, w2, w3 in ((9, 8, 7), (6, 5, 4), (3, 2, -1))
)


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
    """Date cells, Excel serial numbers, Dutch or ISO text (``28-08-2023``, ``1 oktober 2024``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466 and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError("geen datum")
    text = clean_text(value).lower()
    try:
        if match := _DMY.match(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        if match := (_YMD.match(text) or _COMPACT.match(text)):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        if (match := _WRITTEN.match(text)) and match.group(2) in _MONTHS:
            return date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    except ValueError:
        raise ValueError("deze datum bestaat niet") from None
    raise ValueError("geen datum; schrijf bijvoorbeeld 28-08-2024")


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
