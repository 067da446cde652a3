"""The extract with problems a user must fix (``met_fouten/``); not part of the truth."""

from __future__ import annotations

from pathlib import Path

from .data import F_FOUTEN, PEILDATUM, START_24, YEAR_24
from .flows import FLOWS_24
from .generator import Generator, bsn_ok
from .schools import weighted
from .writers.common import municipality_label, nl_date, save_workbook, type_label


def write_fouten(path: Path, gen: Generator) -> dict:
    """A small 2024-2025 extract with problems a user must fix (not part of the truth)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rng = gen.rng
    header = [
        "BSN",
        "Roepnaam",
        "Achternaam",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Arrangement",
        "Startdatum",
        "Einddatum",
    ]
    residences = (
        "GM0518",
        "GM0518",
        "GM0518",
        "GM0603",
        "GM1916",
        "GM0637",
        "GM1783",
        "GM0503",
        "GM1926",
    )
    rows: list[list[object]] = []
    for _ in range(40):
        res = rng.choice(residences)
        kind = weighted(rng, (("VO", 40), ("VSO", 40), ("SO", 20)))
        pupil = gen.new_pupil(res, kind, PEILDATUM[YEAR_24])
        record = gen.new_record(pupil, kind, FLOWS_24, START_24, None, "fouten")
        rows.append(
            [
                pupil.bsn,
                pupil.first,
                f"{pupil.tussen} {pupil.last}".strip(),
                municipality_label(rng, res),
                record.school.brin,
                record.school.vest,
                type_label(rng, record, 0.0),
                record.arrangement,
                nl_date(record.start),
                "",
            ]
        )
    known = {s.brin for s in gen.schools}
    problems: list[dict] = []

    def excel_row(index: int) -> int:
        return index + 2

    # misspelled municipalities
    for index, wrong, code in ((3, "Den Haaag", "GM0518"), (11, "Zoetermer", "GM0637")):
        rows[index][3] = wrong
        problems.append(
            {
                "row": excel_row(index),
                "column": "Woongemeente",
                "value": wrong,
                "problem": "unknown municipality",
                "intended": code,
            }
        )
    # unknown BRIN, one character away from a real one
    for index in (7, 25):
        real = rows[index][4]
        assert isinstance(real, str)
        for pos in (3, 2, 1):
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if pos >= 2 else "0123456789"
            options = [
                real[:pos] + c + real[pos + 1 :]
                for c in alphabet
                if c != real[pos] and real[:pos] + c + real[pos + 1 :] not in known
            ]
            if options:
                wrong = rng.choice(options)
                break
        rows[index][4] = wrong
        problems.append(
            {
                "row": excel_row(index),
                "column": "BRIN",
                "value": wrong,
                "problem": "unknown BRIN",
                "intended": real,
            }
        )
    # a BSN that fails the 11-proef
    good = str(rows[16][0])
    bad = good[:8] + str((int(good[8]) + 3) % 10)
    assert not bsn_ok(bad)
    rows[16][0] = bad
    problems.append(
        {"row": excel_row(16), "column": "BSN", "value": bad, "problem": "BSN fails the 11-proef"}
    )
    # a pupil at an SO/VSO location without a type
    both = [s for s in gen.schools if s.structure == "SO/VSO" and s.gm == "GM0518"]
    school = rng.choice(both)
    rows[20][4], rows[20][5], rows[20][6] = school.brin, school.vest, None
    rows[20][7] = "Onderwijs-zorgarrangement"
    problems.append(
        {
            "row": excel_row(20),
            "column": "Onderwijstype",
            "value": "",
            "problem": "SO/VSO location without onderwijstype",
            "brinvest": school.brinvest,
        }
    )
    # an impossible date
    rows[30][8] = "31-02-2024"
    problems.append(
        {
            "row": excel_row(30),
            "column": "Startdatum",
            "value": "31-02-2024",
            "problem": "unparseable date",
        }
    )

    wb = Workbook()
    ws = wb.active
    ws.title = "Leerlingen"
    for col, name in enumerate(header, start=1):
        ws.cell(row=1, column=col, value=name).font = Font(bold=True)
    for r_index, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            ws.cell(row=r_index, column=col, value=value)
    save_workbook(wb, path)
    return {
        "file": F_FOUTEN,
        "school_year": YEAR_24,
        "rows_with_data": len(rows),
        "problems": problems,
        "valid_rows": len(rows) - len(problems),
    }
