"""The expected results (``verwacht/``): the matrix per school year and the summary."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .data import F_23, F_2807, F_2808, FILES_24, PEILDATUM, SEED, YEAR_23, YEAR_24, D
from .generator import Generator, Record


def truth_matrix(year: str, records_by_file: dict[str, list[Record]]) -> dict:
    peil = PEILDATUM[year]
    pupil_cell: dict[str, tuple[str, str]] = {}
    for records in records_by_file.values():
        for r in records:
            if r.active_on(peil):
                cell = (r.pupil.res, r.school.gm)
                previous = pupil_cell.setdefault(r.pupil.bsn, cell)
                if previous != cell:
                    raise AssertionError(f"pupil active in two cells: {r.pupil.bsn}")
    counts = Counter(pupil_cell.values())
    cells = [{"from": a, "to": b, "value": n} for (a, b), n in sorted(counts.items())]
    return {"school_year": year, "peildatum": peil.isoformat(), "measure": "pupils", "cells": cells}


def file_counts(year: str, records: list[Record], rows_with_data: int) -> dict:
    peil = PEILDATUM[year]
    return {
        "rows_with_data": rows_with_data,
        "distinct_pupils": len({r.pupil.bsn for r in records}),
        "active_on_peildatum": len({r.pupil.bsn for r in records if r.active_on(peil)}),
    }


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def status_counts(records: list[Record], year: str) -> dict[str, int]:
    peil = PEILDATUM[year]
    inactive: Counter[str] = Counter()
    for r in records:
        if r.active_on(peil):
            continue
        if r.start is not None and r.start > peil:
            inactive["started_after_peildatum"] += 1
        elif r.end is not None and r.end < D(peil.year, 8, 1):
            inactive["ended_previous_school_year"] += 1
        else:
            inactive["ended_before_peildatum"] += 1
    return dict(sorted(inactive.items()))


def summarize(
    gen: Generator,
    school_counts: dict[str, int],
    records: dict[str, list[Record]],
    by_file: dict[str, list[Record]],
    rows: dict[str, int],
    truth: dict[str, dict],
    duplicate_rows: int,
    without_type: int,
    fouten: dict,
) -> dict:
    """The summary (``verwacht/summary.json``); ``records`` and ``truth`` are per school year."""
    records_23, records_24 = records[YEAR_23], records[YEAR_24]
    truth_23, truth_24 = truth[YEAR_23], truth[YEAR_24]
    bsn_24 = {r.pupil.bsn for r in records_24}
    bsn_23 = {r.pupil.bsn for r in records_23}
    return {
        "synthetic": True,
        "generated_by": "scripts/make_demo.py",
        "seed": SEED,
        "schools": {
            **school_counts,
            "total_locations": len(gen.schools),
            "distinct_brins": len({s.brin for s in gen.schools}),
        },
        "school_years": {
            YEAR_24: {
                "peildatum": PEILDATUM[YEAR_24].isoformat(),
                "files": {
                    name: file_counts(YEAR_24, by_file[name], rows[name]) for name in FILES_24
                },
                "distinct_pupils": len(bsn_24),
                "active_on_peildatum": sum(c["value"] for c in truth_24["cells"]),
                "pupils_in_two_files": sum(1 for r in records_24 if len(r.files) == 2),
                "identical_duplicate_rows_within_a_file": {F_2807: duplicate_rows},
                "rows_without_onderwijstype": {F_2808: without_type},
                "records_not_active_on_peildatum": status_counts(records_24, YEAR_24),
                "matrix_cells": len(truth_24["cells"]),
            },
            YEAR_23: {
                "peildatum": PEILDATUM[YEAR_23].isoformat(),
                "files": {F_23: file_counts(YEAR_23, records_23, rows[F_23])},
                "distinct_pupils": len(bsn_23),
                "active_on_peildatum": sum(c["value"] for c in truth_23["cells"]),
                "records_not_active_on_peildatum": status_counts(records_23, YEAR_23),
                "matrix_cells": len(truth_23["cells"]),
            },
        },
        "pupils_in_both_school_years": len(bsn_23 & bsn_24),
        "met_fouten": fouten,
    }
