"""The xlsx scan's extent: what calamine would allocate must be found wherever the far cell is.

The fast path no longer collects every reference; it searches each piece for a cell outside
the extent seen so far. These tests hold it to the exact path (an XML parse that places cells
as calamine does) on sheets written in orders a hostile or careless writer could choose.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grensverkeer.importing import xlsx_scan
from grensverkeer.importing.cell_bounds import columns_up_to, letters_of, numbers_up_to
from grensverkeer.importing.xlsx_faults import column_number
from grensverkeer.importing.xlsx_sequential import sequential_scan
from grensverkeer.importing.xlsx_sheet import scan_sheet


@pytest.mark.parametrize("limit", [1, 2, 25, 26, 27, 52, 53, 701, 702, 703, 704, 1000, 16384])
def test_columns_up_to_matches_exactly_the_columns_at_or_before_the_limit(limit: int) -> None:
    pattern = re.compile(columns_up_to(limit) + r"\Z")
    for number in [*range(1, 1500), 16383, 16384, 18278]:
        assert bool(pattern.match(letters_of(number))) == (number <= limit), number
    assert column_number(letters_of(limit)) == limit


@given(st.integers(0, 2_000_000), st.integers(0, 3_000_000))
def test_numbers_up_to_matches_exactly_the_numbers_at_or_below_the_limit(
    limit: int, number: int
) -> None:
    pattern = re.compile(numbers_up_to(limit) + r"\Z")
    assert bool(pattern.match(str(number))) == (number <= limit)
    assert pattern.match(str(limit))
    assert not pattern.match(str(limit + 1))


def _sheet(cells: list[tuple[int, int]], attribute: str = 'r="{ref}"') -> bytes:
    """A worksheet with a value in each (row, column), 1-based, in the order given."""
    parts = []
    for row, column in cells:
        ref = f"{letters_of(column)}{row}"
        parts.append(f'<row r="{row}"><c {attribute.format(ref=ref)}><v>1</v></c></row>')
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(parts)}</sheetData></worksheet>"
    ).encode()


def _both(xml: bytes) -> tuple[xlsx_scan.SheetScan | None, xlsx_scan.SheetScan]:
    return xlsx_scan.fast_scan(io.BytesIO(xml)), xlsx_scan.exact_scan(io.BytesIO(xml), 10**6)


#: cells (row, column) anywhere on a sheet, in any order
ANY_CELLS = st.lists(
    st.tuples(st.integers(1, 1_048_576), st.integers(1, 16_384)), min_size=1, max_size=250
)


@settings(max_examples=60, deadline=None)
@given(ANY_CELLS)
def test_the_fast_path_finds_the_same_extent_as_the_parse_in_any_order(
    cells: list[tuple[int, int]],
) -> None:
    fast, exact = _both(_sheet(cells))
    assert fast is not None
    assert (fast.rows, fast.columns) == (exact.rows, exact.columns)
    assert fast.cells == len(cells)


def test_a_far_cell_in_the_middle_of_a_large_sheet_is_found(monkeypatch) -> None:
    monkeypatch.setattr(xlsx_scan, "CHUNK", 4096)  # many pieces, the stray one in between
    cells = [(row, column) for row in range(1, 2001) for column in (1, 2, 3)]
    cells.insert(3000, (1_048_576, 16_384))
    fast, _exact = _both(_sheet(cells))
    assert fast is not None
    assert (fast.rows, fast.columns) == (1_048_576, 16_384)


def test_rows_written_backwards_in_every_piece_keep_their_real_extent(monkeypatch) -> None:
    monkeypatch.setattr(xlsx_scan, "CHUNK", 2048)  # every piece ends on its smallest row
    cells = [(row, column) for row in range(3000, 0, -1) for column in (5, 1)]
    fast, exact = _both(_sheet(cells))
    assert fast is not None
    assert (fast.rows, fast.columns) == (exact.rows, exact.columns) == (3000, 5)


@pytest.mark.parametrize(
    "attribute",
    [
        'r="{ref}" t="n"',  # the usual order: still the fast path
        't="n" r="{ref}"',  # reference not first: the exact path places it
        '\tr="{ref}"',  # a tab after the name
        "r='{ref}'",  # single quotes
        "",  # no reference at all: calamine places it after the previous cell
    ],
)
def test_cells_written_another_way_take_the_exact_path_or_agree_with_it(attribute: str) -> None:
    cells = [(1, 1), (2, 2), (70_000, 30)]
    fast, exact = _both(_sheet(cells, attribute))
    if attribute.startswith('r="'):
        assert fast is not None and (fast.rows, fast.columns) == (70_000, 30)
    else:
        assert fast is None  # only the parse can tell where calamine puts these
    assert exact.rows >= 2


def _dotnet(xml: bytes) -> bytes:
    """The sheet as the Open XML SDK and ClosedXML write it: every element prefixed ``x:``."""
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    xml = xml.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
    return re.sub(rb"<(/?)(?=[a-zA-Z])", rb"<\1x:", xml)


@settings(max_examples=40, deadline=None)
@given(ANY_CELLS)
def test_a_dotnet_sheet_with_x_prefixes_takes_the_fast_path_and_agrees(
    cells: list[tuple[int, int]],
) -> None:
    """.NET exports (Open XML SDK, ClosedXML) prefix every element; calamine reads them by
    local name, so the fast path does too (a large one used to go to the exact path and be
    refused beyond a million cells)."""
    fast, exact = _both(_dotnet(_sheet(cells)))
    assert fast is not None
    assert (fast.rows, fast.columns) == (exact.rows, exact.columns)
    assert fast.cells == len(cells)


@pytest.mark.parametrize(
    "stray",
    [
        b'<c r="XFD1048576"><v>1</v></c>',  # an unprefixed cell in a prefixed sheet
        b'<y:c xmlns:y="urn:y" r="XFD1048576"><y:v>1</y:v></y:c>',  # under another prefix
    ],
)
def test_a_cell_under_another_prefix_takes_the_exact_path(stray: bytes) -> None:
    xml = _dotnet(_sheet([(1, 1), (2, 2)])).replace(
        b"</x:row>", b"</x:row>" + b"<x:row>" + stray + b"</x:row>", 1
    )
    fast, exact = _both(xml)
    assert fast is None
    assert (exact.rows, exact.columns) == (1_048_576, 16_384)


def test_faults_in_a_prefixed_sheet_are_found_where_they_are() -> None:
    xml = _dotnet(_sheet([(1, 1), (2, 2)])).replace(
        b'<x:c r="B2"><x:v>1</x:v></x:c>',
        b'<x:c r="B2" t="e"><x:v>#REF!</x:v></x:c><x:c r="C2"><x:f>SUM(A1:A2)</x:f></x:c>',
    )
    fast, exact = _both(xml)
    assert fast is not None
    assert [(f.row, f.column, f.text, f.formula) for f in fast.faults] == [
        (1, 1, "#REF!", False),
        (1, 2, "=SUM(A1:A2)", True),
    ]
    assert fast.faults == exact.faults


def test_a_piece_with_many_cells_outside_collects_every_reference(monkeypatch) -> None:
    """Rows rising through the piece while its last cell is A1: every cell is outside the
    extent in turn, so after MAX_EXTENT_STEPS the piece's references are read in one go."""
    steps: list[int] = []
    real = xlsx_scan.outside

    def counted(columns: int, rows: int, prefix: bytes = b""):
        steps.append(rows)
        return real(columns, rows, prefix)

    monkeypatch.setattr(xlsx_scan, "outside", counted)
    cells = [(row, 2) for row in range(2, 500)] + [(1, 1)]
    fast, exact = _both(_sheet(cells))
    assert fast is not None
    assert (fast.rows, fast.columns) == (exact.rows, exact.columns) == (499, 2)
    # then the references, not more searches; one more for the last piece (the closing tags)
    assert len(steps) == xlsx_scan.MAX_EXTENT_STEPS + 1


@pytest.mark.parametrize("text", ["Status:compleet", "zie bijlage:c 12", "mail:c/o ouders"])
def test_a_colon_c_in_a_text_keeps_the_fast_path(text: str) -> None:
    """Only a prefixed cell element (<x:c) needs the parse: a remark in a cell must not send a
    large sheet to the exact path, which refuses more than a million cells."""
    cells = "".join(
        f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{text}</t></is></c></row>'
        for row in range(1, 4)
    )
    xml = f"<worksheet><sheetData>{cells}</sheetData></worksheet>".encode()
    fast = xlsx_scan.fast_scan(io.BytesIO(xml))
    assert fast is not None and (fast.rows, fast.columns) == (3, 1)


def _sequential_sheet(rows: list[tuple[int | None, int]]) -> bytes:
    """A sheet of cells without references: per row its own number (or None) and its cells."""
    parts = []
    for number, cells in rows:
        start = f'<row r="{number}">' if number is not None else "<row>"
        body = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(cells))
        parts.append(f"{start}{body}</row>" if cells else start.replace(">", "/>"))
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cols><col min="1" max="3" width="9"/></cols>'
        f"<sheetData>{''.join(parts)}</sheetData>"
        '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"/>'
        "</conditionalFormatting></worksheet>"
    ).encode()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(1, 2_000)), st.integers(0, 30)), max_size=60
    )
)
def test_cells_without_references_are_placed_as_the_parse_places_them(
    rows: list[tuple[int | None, int]],
) -> None:
    """Rows that name their number or follow the previous one, cells one after the other: the
    count per row gives the extent the exact path finds (never less)."""
    xml = _sequential_sheet(rows)
    counted = sequential_scan(io.BytesIO(xml))
    exact = xlsx_scan.exact_scan(io.BytesIO(xml), 10**6)
    assert counted is not None
    assert (counted.rows, counted.columns) == (exact.rows, exact.columns)
    assert counted.cells == sum(cells for _number, cells in rows)


def test_a_large_sheet_without_references_is_read_not_refused(monkeypatch) -> None:
    """Exporters that leave out ``r`` made a 100,000-row extract exceed the exact path's
    budget, so it was refused; counted row by row, it passes (over several pieces)."""
    monkeypatch.setattr(xlsx_scan, "CHUNK", 1_000_000)
    xml = _sequential_sheet([(None, 12)] * 100_003)
    scan = scan_sheet(lambda: io.BytesIO(xml))
    assert (scan.rows, scan.columns, scan.cells) == (100_003, 12, 1_200_036)


@pytest.mark.parametrize(
    "extra",
    [
        "<row><c r='B2'><v>1</v></c></row>",  # a reference in single quotes
        "<row><c><f>SUM(A1:A2)</f></c></row>",  # a formula without its result
        '<row><c t="e"><v>#REF!</v></c></row>',  # an error value
        '<row><x:c xmlns:x="urn:x"><v>1</v></x:c></row>',  # a prefixed cell
    ],
)
def test_what_only_the_parse_can_place_is_left_to_it(extra: str) -> None:
    xml = _sequential_sheet([(None, 3)] * 5).replace(
        b"</sheetData>", extra.encode() + b"</sheetData>"
    )
    assert sequential_scan(io.BytesIO(xml)) is None


#: a cell of a mixed row: with a reference (row, column), or without one (None)
MIXED_CELL = st.one_of(st.none(), st.tuples(st.integers(1, 3_000), st.integers(1, 200)))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(1, 3_000)), st.lists(MIXED_CELL, max_size=12)),
        max_size=40,
    ),
    st.booleans(),
)
def test_rows_that_mix_cells_with_and_without_references_are_placed_as_the_parse_does(
    rows: list[tuple[int | None, list[tuple[int, int] | None]]], r_last: bool
) -> None:
    """exceljs/exceljs#537: 'some <c> elements do not have address references'. A reference
    re-anchors, the next cell without one follows it; ``r`` may also come after ``t``."""
    parts = []
    for number, cells in rows:
        start = f'<row r="{number}">' if number is not None else "<row>"
        written = []
        for cell in cells:
            if cell is None:
                written.append('<c t="n"><v>1</v></c>')
                continue
            ref = f"{letters_of(cell[1])}{cell[0]}"
            attributes = f't="n" r="{ref}"' if r_last else f'r="{ref}" t="n"'
            written.append(f"<c {attributes}><v>1</v></c>")
        parts.append(start + "".join(written) + "</row>")
    xml = f"<worksheet><sheetData>{''.join(parts)}</sheetData></worksheet>".encode()
    counted = sequential_scan(io.BytesIO(xml))
    exact = xlsx_scan.exact_scan(io.BytesIO(xml), 10**6)
    assert counted is not None
    assert (counted.rows, counted.columns) == (exact.rows, exact.columns)
    assert counted.cells == exact.cells


def test_a_wide_sheet_without_references_is_still_refused() -> None:
    """Counting rows must not let a hostile sheet through: 200 rows of 16,384 empty cells make
    a grid of 3.3 million. More cells than the parse's budget: the count is returned as it is,
    and the guard refuses the sheet by its size (the parse would refuse it anyway)."""
    xml = (
        b"<worksheet><sheetData>"
        + b"".join(b"<row>" + b"<c/>" * 16_384 + b"</row>" for _ in range(200))
        + b"</sheetData></worksheet>"
    )
    scan = scan_sheet(lambda: io.BytesIO(xml), lambda scan: scan.grid <= 2_000_000)
    assert (scan.rows, scan.columns, scan.grid) == (200, 16_384, 200 * 16_384)
    # within the budget the parse decides, and empty cells do not make a grid
    padded = b"<worksheet><sheetData><row>" + b"<c/>" * 500 + b"</row></sheetData></worksheet>"
    scan = scan_sheet(lambda: io.BytesIO(padded), lambda scan: scan.grid <= 100, budget=1_000)
    assert scan.exact and scan.grid == 0


def test_a_large_dotnet_sheet_is_read_not_refused() -> None:
    """100,000 rows of 12 prefixed cells: the parse would refuse 1.2 million cells, the fast
    path reads the extent."""
    cells = "".join(f'<c r="{letters_of(c)}{{row}}"><v>1</v></c>' for c in range(1, 13))
    body = "".join(f'<row r="{row}">{cells.format(row=row)}</row>' for row in range(1, 100_001))
    xml = _dotnet(
        (
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body}</sheetData></worksheet>"
        ).encode()
    )
    scan = scan_sheet(lambda: io.BytesIO(xml))
    assert (scan.rows, scan.columns, scan.cells, scan.exact) == (100_000, 12, 1_200_000, False)


def _faulty_sheet() -> bytes:
    """Rows of a value, a formula saved without its result, an error value and an empty cell."""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><f>SUM(A1:A{n})</f><v></v></c>'
        f'<c r="C{n}" t="e"><v>#REF!</v></c><c r="D{n}" s="1"/></row>'
        for n in range(1, 30)
    )
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()


@pytest.mark.parametrize("chunk", range(17, 140, 9))
def test_a_fault_cut_in_two_by_the_pieces_is_still_found(monkeypatch, chunk: int) -> None:
    """The pieces end anywhere, also inside a cell: a formula or an error value cut in two
    must be found in the next piece (it was lost between the two)."""
    xml = _faulty_sheet()
    exact = xlsx_scan.exact_scan(io.BytesIO(xml), 10**6)
    monkeypatch.setattr(xlsx_scan, "CHUNK", chunk)
    fast = xlsx_scan.fast_scan(io.BytesIO(xml))
    assert fast is not None
    assert len(exact.faults) == 58
    assert sorted(fast.faults, key=repr) == sorted(exact.faults, key=repr)
    assert (fast.rows, fast.columns) == (29, 4)
