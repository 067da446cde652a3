"""Hostile sheets: whatever the headers and cells, recognising and reading never crash.

Headers are drawn from the vocabulary and from noise, cells from every type calamine hands over
(text, whole and broken numbers, NaN and infinities, dates, empty), in ragged rows. Recognition
must return a layout or nothing, and reading a recognised sheet must return records and
problems, never raise.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_recognition_properties import INDEX, PSEUDONYMIZER

from grensverkeer.importing.parse_file import classify, parse_pupils
from grensverkeer.importing.readers import Sheet, Workbook
from grensverkeer.importing.vocabulary import PHRASES, STEMS
from grensverkeer.reference import load_reference

WORDS = sorted({*STEMS, *PHRASES, "Plaats 2", "Datum", "", "Totaal", "Leerling", "School"})
PUPIL_HEADER = ["BSN", "Woonplaats", "Gemeente", "BRIN", "Vestiging", "Startdatum", "Einddatum"]
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["Den Haag", "20XA", "20XA01", "2511 AB", "<5", "-1", "31-02-2024", "VSO", "1.234,56"]
    ),
    st.sampled_from(["111222333", 123456782, 12345672.0, "Delft", "Naaldwijk", "00", 1]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(math.nan),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.none(),
    st.just(""),
)


@st.composite
def sheets(draw: st.DrawFn) -> list[list[object]]:
    if draw(st.booleans()):  # a pupil file with some of its headers replaced
        header = list(draw(st.permutations(PUPIL_HEADER)))
        for i in draw(st.lists(st.integers(0, len(header) - 1), max_size=3)):
            header[i] = draw(st.sampled_from(WORDS))
        width = len(header)
    else:
        width = draw(st.integers(min_value=1, max_value=9))
        header = [draw(st.sampled_from(WORDS)) for _ in range(width)]
    titles = draw(st.lists(st.lists(CELLS, max_size=3), max_size=2))
    body = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 1), max_size=12))
    return [*titles, header, *body]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=sheets())
def test_no_sheet_crashes_the_recogniser(rows: list[list[object]]) -> None:
    reference = load_reference()
    workbook = Workbook(Path("vijandig.xlsx"), "xlsx", (Sheet("Blad1", rows),), None, None, ())
    classified = classify(workbook, reference, INDEX)
    for _sheet, layout in classified.layouts:
        if layout is not None:
            assert len(layout.readings) >= 1
            assert all(0.0 <= r.confidence <= 1.0 for r in layout.readings)
    if classified.kind is not None and classified.kind.value != "scholen":
        parsed = parse_pupils(classified, reference, INDEX, PSEUDONYMIZER)
        assert parsed.rows_read >= len(parsed.pupils)
