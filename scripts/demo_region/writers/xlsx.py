"""The Excel (xlsx) files: extract 28-06, the 2023-2024 extract and the tariff table."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from ..flows import DEMO_ARRANGEMENT_TARIFFS, DEMO_TARIFFS
from ..generator import Record
from .common import (
    display_name,
    municipality_label,
    nl_amount,
    noisy,
    remark,
    save_workbook,
    title_school,
    type_label,
)


def write_28_06(path: Path, records: list[Record], rng: random.Random) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    info = wb.active
    info.title = "Toelichting"
    lines = (
        "Overzicht leerlingen met een arrangement, schooljaar 2024-2025",
        "",
        "Bron: leerlingadministratie Samenwerkingsverband VO 28-06 (Den Haag, Rijswijk, "
        "Leidschendam-Voorburg).",
        "Peildatum: 1 oktober 2024. De lijst bevat ook leerlingen die voor of na de peildatum "
        "in- of uitstroomden.",
        "Vestiging: 0 = hoofdvestiging, 1 = nevenvestiging.",
        "Onderwijstype: VO, HAVO, VMBO, PRO of VSO.",
        "",
        "SYNTHETISCHE DEMODATA - geen echte leerlingen, BSN's of scholen.",
    )
    for i, line in enumerate(lines, start=1):
        info.cell(row=i, column=1, value=line or None)
    info["A1"].font = Font(bold=True)
    info.column_dimensions["A"].width = 100

    ws = wb.create_sheet("Leerlingen")
    header = [
        "Achternaam",
        "Tussenvoegsel",
        "Voornaam",
        "BSN",
        "Geboortedatum",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Schoolnaam",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
        "Opmerking",
    ]
    last_col = len(header)
    ws.cell(row=1, column=1, value="Samenwerkingsverband VO 28-06").font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value="Peildatum: 1 oktober 2024")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"].alignment = Alignment(horizontal="center")
    for col, name in enumerate(header, start=1):
        ws.cell(row=4, column=col, value=name).font = Font(bold=True)
    ordered = sorted(
        records, key=lambda r: (r.school.brinvest, r.pupil.last, r.pupil.first, r.pupil.bsn)
    )
    row = 5
    for r in ordered:
        p = r.pupil
        brin = r.school.brin.lower() if rng.random() < 0.08 else r.school.brin
        values = [
            p.last,
            p.tussen or None,
            p.first,
            int(p.bsn),
            p.birth,
            noisy(rng, municipality_label(rng, p.res), 0.05),
            brin,
            int(r.school.vest),
            title_school(r.school),
            type_label(rng, r),
            r.arrangement,
            r.start,
            r.end,
            remark(rng, r) or None,
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "DD-MM-YYYY"
        row += 1
    ws.cell(row=row, column=1, value="Totaal").font = Font(bold=True)
    ws.cell(row=row, column=4, value=len(ordered)).font = Font(bold=True)
    for col, width in zip(
        "ABCDEFGHIJKLMN", (18, 8, 12, 12, 13, 22, 7, 9, 36, 13, 26, 12, 12, 24), strict=True
    ):
        ws.column_dimensions[col].width = width
    save_workbook(wb, path)
    return len(ordered)


def write_2023(path: Path, records: list[Record], rng: random.Random) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Leerlingen 2023-2024"
    header = [
        "BSN",
        "Naam",
        "Geboortedatum",
        "Gemeente",
        "Instellingscode",
        "Vestigingscode",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
        "Kosten",
    ]
    for col, name in enumerate(header, start=1):
        ws.cell(row=1, column=col, value=name).font = Font(bold=True)
    ordered = sorted(records, key=lambda r: (r.pupil.res, r.school.brinvest, r.pupil.bsn))
    for row, r in enumerate(ordered, start=2):
        p = r.pupil
        full_last, _ = display_name(p)
        values = [
            p.bsn,
            f"{p.first} {full_last}",
            p.birth,
            p.res,
            r.school.brin,
            r.school.vest,
            type_label(rng, r, 0.0),
            r.arrangement,
            r.start,
            r.end,
            r.cost_cents / 100,
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "DD-MM-YYYY"
            elif isinstance(value, float):
                cell.number_format = "#,##0.00"
    save_workbook(wb, path)
    return len(ordered)


def write_tariffs(path: Path) -> int:
    """The region's tariff table: a title row, then school year, type, arrangement, tariff."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Tarieven"
    ws.append(["Tarieven jeugdhulp in onderwijs, regio Haaglanden (synthetisch, demo)"])
    ws.append([])
    ws.append(["Schooljaar", "Onderwijstype", "Arrangement", "Tarief per leerling"])
    lines = 0
    for year, tariffs in DEMO_TARIFFS.items():
        for kind, euros in tariffs.items():
            ws.append([year, kind, "", nl_amount(euros * 100)])
            lines += 1
        for kind in ("SO", "VSO"):
            ws.append(
                [
                    year,
                    kind,
                    "Dagbesteding + onderwijs",
                    nl_amount(DEMO_ARRANGEMENT_TARIFFS[year] * 100),
                ]
            )
            lines += 1
    save_workbook(wb, path)
    return lines
