"""The OpenDocument (ods) extract 28-15, written with pandas and odfpy."""

from __future__ import annotations

import io
import random
from pathlib import Path

from ..generator import Record
from .common import normalize_zip, type_label


def write_28_15(path: Path, records: list[Record], rng: random.Random) -> int:
    import pandas as pd

    columns = [
        "BSN leerling",
        "Roepnaam",
        "Tussenvoegsel",
        "Achternaam",
        "Geboortedatum",
        "Gemeentecode",
        "Postcode",
        "BRIN-nummer",
        "Vestigingsnummer",
        "Type onderwijs",
        "Arrangement",
        "Datum inschrijving",
        "Datum uitschrijving",
    ]
    ordered = sorted(records, key=lambda r: (r.school.brinvest, r.pupil.last, r.pupil.bsn))
    data: list[list[object]] = []
    for r in ordered:
        p = r.pupil
        draw = rng.random()
        code: int | None = int(p.res[2:])
        postcode: str | None = None
        if draw < 0.15:
            code, postcode = None, p.postcode
        elif draw < 0.20:
            postcode = p.postcode
        if postcode is not None and rng.random() < 0.2:
            postcode = postcode.replace(" ", "")
        data.append(
            [
                p.bsn,
                p.first,
                p.tussen or None,
                p.last,
                p.birth,
                code,
                postcode,
                r.school.brin,
                r.school.vest,
                type_label(rng, r),
                r.arrangement,
                r.start,
                r.end,
            ]
        )
    frame = pd.DataFrame(data, columns=columns, dtype=object)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Leerlingen PO", index=False)
    path.write_bytes(normalize_zip(buffer.getvalue()))
    return len(ordered)
