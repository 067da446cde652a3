"""Shared by the writers: Dutch dates and amounts, noisy labels, fixed zip and CSV output."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import zipfile
from pathlib import Path

from ..data import FIXED_DATETIME, MUNICIPALITIES, NAME_VARIANTS, ZIP_DATE_TIME, D
from ..generator import Pupil, Record
from ..schools import School, weighted


def nl_date(day: dt.date | None, short: bool = False) -> str:
    if day is None:
        return ""
    if short:
        return f"{day.day}-{day.month}-{day.year}"
    return day.strftime("%d-%m-%Y")


def nl_amount(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", ".") + f",{rest:02d}"


def display_name(p: Pupil) -> tuple[str, str]:
    """Return (surname with tussenvoegsel in front, 'Last, First tussen' style)."""
    full_last = f"{p.tussen} {p.last}".strip()
    listed = f"{p.last}, {p.first}" + (f" {p.tussen}" if p.tussen else "")
    return full_last, listed


def noisy(rng: random.Random, text: str, rate: float) -> str:
    if rng.random() >= rate:
        return text
    if " " in text and rng.random() < 0.6:
        return text.replace(" ", "  ", 1)
    return text + " "


def municipality_label(rng: random.Random, code: str) -> str:
    variants = NAME_VARIANTS.get(code)
    if variants:
        return weighted(rng, variants)
    return MUNICIPALITIES[code].name


def place_label(rng: random.Random, place: str, curly_rate: float) -> str:
    if place.startswith("'s-") and rng.random() < curly_rate:
        return "’" + place[1:]
    return place


def type_label(rng: random.Random, record: Record, generic_vo_rate: float = 0.4) -> str:
    kind = record.kind
    if kind == "VO":
        return "VO" if rng.random() < generic_vo_rate else record.vo_label
    if kind == "VSO":
        return weighted(rng, (("VSO", 80), ("vso", 12), ("Vso", 8)))
    if kind == "SBO":
        return weighted(rng, (("SBO", 70), ("SBAO", 30)))
    if kind == "PO":
        return weighted(rng, (("PO", 70), ("BAO", 30)))
    return "SO"


def remark(rng: random.Random, record: Record) -> str:
    if record.end is not None and record.end < D(2025, 7, 1) and rng.random() < 0.5:
        return rng.choice(
            ("Verhuisd", "Uitgeschreven", "Terug naar regulier onderwijs", "Arrangement beëindigd")
        )
    if rng.random() < 0.06:
        return rng.choice(
            (
                "TLV tot 31-07-2026",
                "Nieuwe aanvraag loopt",
                "Zie dossier",
                "Taxivervoer",
                "Deeltijd",
            )
        )
    return ""


def title_school(school: School) -> str:
    return school.name


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip container with fixed timestamps (keeps entry order and compression)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def save_workbook(wb, path: Path) -> None:
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.creator = "grensverkeer scripts/make_demo.py (synthetische demodata)"
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # closes the archive; keeps our fixed 'modified'
    path.write_bytes(normalize_zip(buffer.getvalue()))


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str, encoding: str, quoting: int
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
