"""The old Excel 97 (xls) extract 28-09, written with xlwt."""

from __future__ import annotations

import io
import random
from pathlib import Path

from ..generator import Record
from .common import display_name, nl_amount, nl_date, noisy, place_label, title_school, type_label


def write_28_09(path: Path, records: list[Record], rng: random.Random) -> int:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Blad1")
    bold = xlwt.easyxf("font: bold on")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    header = [
        "Burgerservicenummer",
        "Naam",
        "Geboortedatum",
        "Adres",
        "Woonplaats",
        "Brinvest",
        "Schoolnaam",
        "Soort onderwijs",
        "Zorgarrangement",
        "Begindatum",
        "Einddatum",
        "Kosten",
    ]
    for col, name in enumerate(header):
        ws.write(0, col, name, bold)
    ordered = list(records)
    rng.shuffle(ordered)
    row = 1
    blank_after = len(ordered) // 2
    for i, r in enumerate(ordered):
        if i == blank_after:
            row += 1  # a blank row in the middle of the data
        p = r.pupil
        _, listed = display_name(p)
        place = noisy(rng, place_label(rng, p.place, 0.75), 0.03)
        cost: str | float = nl_amount(r.cost_cents) if rng.random() < 0.3 else r.cost_cents / 100
        values = [
            p.bsn,
            listed,
            nl_date(p.birth),
            f"{p.street} {p.number}",
            place,
            r.school.brinvest,
            title_school(r.school),
            type_label(rng, r),
            r.arrangement,
            nl_date(r.start),
            nl_date(r.end),
            cost,
        ]
        for col, value in enumerate(values):
            if isinstance(value, float):
                ws.write(row, col, value, money)
            else:
                ws.write(row, col, value)
        row += 1
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())
    return len(ordered)
