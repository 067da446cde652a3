"""A large xlsx sheet read in parts (``xlsx_split``) gives exactly what one read gives.

The parts are forced on small files here: every sheet is split (``SPLIT_MIN_BYTES`` 0), the
scan reads small pieces, and where the parts end varies (two parts, three as by default, five).
Each file is read once whole and once in parts; rows, merged ranges, faults and the error-text
flag must be equal, and the parts must really have been used where the file allows it.

Files from the corpus (real exporters' layouts); files written by openpyxl with what the parts
must carry (dates, shared strings, merged group headers, formulas without a value, empty rows
and columns at a cut); raw sheets a careless or hostile writer could make (rows out of order,
comments, prefixes).
"""

from __future__ import annotations

import threading
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook as OpenpyxlWorkbook

from grensverkeer.importing import sheet_guard, xlsx_scan, xlsx_split
from grensverkeer.importing.readers import ReadError, Workbook, read_workbook

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "cases"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


class PartReads:
    """Counts calamine's reads of a part (two for each sheet read in parts)."""

    def __init__(self) -> None:
        self.count = 0
        self._read = xlsx_split._read_part

    def __call__(self, *args: object, **kwargs: object) -> xlsx_split.PartRead:
        self.count += 1
        return self._read(*args, **kwargs)  # type: ignore[arg-type]


def read_both(
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    share: float | tuple[float, ...] = 0.5,
    chunk: int = 256,
) -> tuple[Workbook, Workbook, int]:
    """(read in one go, read in parts, how many parts calamine read)."""
    with monkeypatch.context() as patch:
        patch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 1 << 62)
        whole = read_workbook(path)
    with monkeypatch.context() as patch:
        parts = PartReads()
        patch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 0)
        patch.setattr(xlsx_scan, "CHUNK", chunk)
        patch.setattr(xlsx_split, "CUT_SHARES", (share,) if isinstance(share, float) else share)
        patch.setattr(xlsx_split, "_read_part", parts)
        split = read_workbook(path)
    return whole, split, parts.count


def assert_same(whole: Workbook, split: Workbook) -> None:
    assert [s.name for s in split.sheets] == [s.name for s in whole.sheets]
    for one, two in zip(whole.sheets, split.sheets, strict=True):
        assert two.rows == one.rows, one.name
        assert [type(v) for r in two.rows for v in r] == [type(v) for r in one.rows for v in r]
        assert sorted(two.merged) == sorted(one.merged)
        assert two.faults == one.faults
        assert two.error_text == one.error_text


CORPUS_XLSX = sorted(CORPUS.glob("*/*.xlsx"))


def test_every_xlsx_of_the_corpus_reads_the_same_in_parts(monkeypatch) -> None:
    assert len(CORPUS_XLSX) >= 15
    for shares in (0.5, xlsx_split.CUT_SHARES, (0.2, 0.4, 0.6, 0.8)):
        split_files = 0
        for path in CORPUS_XLSX:
            whole, split, parts = read_both(path, monkeypatch, shares)
            assert_same(whole, split)
            split_files += parts >= 2
        # a file of a few rows has no whole row in its first part to cut at: most are split
        assert split_files >= len(CORPUS_XLSX) * 2 // 3


def _openpyxl_file(path: Path, rows: list[list[object]], merged: str | None = None) -> Path:
    book = OpenpyxlWorkbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Leerlingen"
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(r, c, value)
    if merged:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def _pupil_rows(count: int) -> list[list[object]]:
    rows: list[list[object]] = [["Leerling", None, "School", None], [None] * 4]
    rows.append(["BSN", "Woongemeente", "BRIN", "Startdatum", "Einddatum", "Bedrag"])
    for i in range(count):
        rows.append(
            [
                f"{100_000_000 + i}",
                ("Delft", "Westland", "'s-Gravenhage")[i % 3],  # shared strings
                f"{i % 90:02d}AB",
                date(2024, 8, 1 + i % 28),
                datetime(2025, 7, 31, 12, 30) if i % 5 == 0 else None,
                12.5 * i if i % 7 else "=A1*2",  # a formula openpyxl saves without a value
            ]
        )
    return rows


@pytest.mark.parametrize("share", [0.05, 0.3, 0.58, 0.9, (0.35, 0.7), (0.2, 0.4, 0.6, 0.8)])
def test_dates_strings_merged_headers_and_formulas_survive_the_cuts(
    tmp_path, monkeypatch, share
) -> None:
    path = _openpyxl_file(tmp_path / "groepskoppen.xlsx", _pupil_rows(300), merged="A1:B1")
    whole, split, parts = read_both(path, monkeypatch, share)
    assert parts == (2 if isinstance(share, float) else len(share) + 1)
    assert_same(whole, split)
    assert split.sheets[0].merged  # the group header's range, from the part that holds it
    assert split.sheets[0].faults  # the formulas without a saved value, where they are


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.dictionaries(
        st.tuples(st.integers(0, 60), st.integers(0, 7)),
        st.one_of(
            st.integers(-1000, 10**6),
            st.text("abcXYZ #:&<>'\"é", min_size=1, max_size=6),
            st.dates(date(1990, 1, 1), date(2030, 12, 31)),
            st.booleans(),
        ),
        min_size=1,
        max_size=120,
    ),
    share=st.lists(st.floats(0.01, 0.99), min_size=1, max_size=3).map(lambda s: tuple(sorted(s))),
    chunk=st.sampled_from([64, 200, 1024]),
)
def test_any_sparse_sheet_reads_the_same_in_parts(tmp_path, monkeypatch, cells, share, chunk):
    """Empty rows at the cut, a second part that starts further right or reaches further out
    than the first, strings that look like markup: the rows are those of one read."""
    rows: list[list[object]] = [[None] * 8 for _ in range(61)]
    for (r, c), value in cells.items():
        rows[r][c] = value
    path = _openpyxl_file(tmp_path / "ijl.xlsx", rows)
    try:
        whole, split, _parts = read_both(path, monkeypatch, share, chunk)
    except ReadError as refused:  # a sheet of blanks only: refused in one read ...
        assert refused.value.code == "empty"
        with monkeypatch.context() as patch, pytest.raises(ReadError) as in_parts:
            patch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 0)
            patch.setattr(xlsx_scan, "CHUNK", chunk)
            read_workbook(path)
        assert in_parts.value.code == "empty"  # ... and in parts
        return
    assert_same(whole, split)


# --- raw sheets ----------------------------------------------------------------------------------


def _with_sheet(tmp_path: Path, xml: str, shared: list[str] | None = None) -> Path:
    """An openpyxl workbook whose sheet part is replaced by ``xml``; with ``shared``, also a
    shared-strings part (openpyxl writes its strings inline)."""
    source = _openpyxl_file(tmp_path / "bron.xlsx", [["x"]])
    target = tmp_path / "rauw.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            elif shared is not None and info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", _SHARED_REL.encode())
            elif shared is not None and info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _SHARED_TYPE.encode())
            new.writestr(info, data)
        if shared is not None:
            items = "".join(f"<si><t>{text}</t></si>" for text in shared)
            new.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{items}</sst>')
    return target


_SHARED_REL = (
    '<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/sharedStrings"/></Relationships>'
)
_SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def _row(number: int, columns: str = "AB", prefix: str = "") -> str:
    cells = "".join(
        f'<{prefix}c r="{c}{number}"><{prefix}v>{number}</{prefix}v></{prefix}c>' for c in columns
    )
    return f'<{prefix}row r="{number}">{cells}</{prefix}row>'


def _sheet(rows: str, prefix: str = "") -> str:
    declaration = f'xmlns:{prefix[:-1]}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{prefix}worksheet {declaration}>'
        f"<{prefix}sheetData>{rows}</{prefix}sheetData></{prefix}worksheet>"
    )


def test_rows_out_of_order_are_read_in_one_go(tmp_path, monkeypatch) -> None:
    """A row far down written first puts the first part's end below the second's start: the
    parts would overlap, so the sheet is read once more as a whole."""
    rows = _row(90) + "".join(_row(n) for n in range(1, 60))
    whole, split, parts = read_both(_with_sheet(tmp_path, _sheet(rows)), monkeypatch)
    assert parts == 2
    assert_same(whole, split)
    assert len(split.sheets[0].rows) == 90


ODD_MARKUP = ['<!-- </row><row r="1"> -->', "<?grensverkeer </row>?>", "<![CDATA[</row>]]>"]


@pytest.mark.parametrize("odd", ODD_MARKUP)
def test_the_cut_comes_before_a_comment_or_instruction_in_the_rows(
    tmp_path, monkeypatch, odd
) -> None:
    """What such markup holds is no row end: the parts are cut before it, or not at all."""
    rows = _row(1) + odd + "".join(_row(n) for n in range(2, 80))
    whole, split, parts = read_both(_with_sheet(tmp_path, _sheet(rows)), monkeypatch, share=0.6)
    assert parts == 2  # cut after row 1, the only row end before the markup
    assert_same(whole, split)
    rows = odd + "".join(_row(n) for n in range(1, 80))
    whole, split, parts = read_both(_with_sheet(tmp_path, _sheet(rows)), monkeypatch, share=0.6)
    assert parts == 0  # no row end before it: read in one go
    assert_same(whole, split)


def test_a_dotnet_sheet_with_prefixes_is_cut_at_its_own_row_ends(tmp_path, monkeypatch) -> None:
    rows = "".join(_row(n, "ABC", "x:") for n in range(1, 120))
    whole, split, parts = read_both(_with_sheet(tmp_path, _sheet(rows, "x:")), monkeypatch)
    assert parts == 2
    assert_same(whole, split)
    assert split.sheets[0].rows[118] == [119.0, 119.0, 119.0]


def test_a_far_cell_in_the_first_part_starts_no_read_and_is_refused(tmp_path, monkeypatch) -> None:
    """What the scan has seen must be safe to allocate before calamine reads any of it."""
    rows = "".join(_row(n) for n in range(1, 40)) + _row(1_000_000, "XFD")
    rows += "".join(_row(n) for n in range(1_000_001, 1_000_100))
    parts = PartReads()
    monkeypatch.setattr(xlsx_split, "_read_part", parts)
    monkeypatch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_scan, "CHUNK", 256)
    monkeypatch.setattr(xlsx_split, "CUT_SHARES", (0.5,))  # the far cell lies before the cut
    with pytest.raises(ReadError, match="groot"):
        read_workbook(_with_sheet(tmp_path, _sheet(rows)))
    assert parts.count == 0


def test_a_refusal_after_the_first_part_started_leaves_no_thread_behind(
    tmp_path, monkeypatch
) -> None:
    """The far cell lies beyond the cut: the first part is read, the file is refused, and the
    reader waits for the part before it says so."""
    rows = "".join(_row(n) for n in range(1, 400)) + _row(1_048_576, "XFD")
    path = _with_sheet(tmp_path, _sheet(rows))
    before = threading.active_count()
    parts = PartReads()
    monkeypatch.setattr(xlsx_split, "_read_part", parts)
    monkeypatch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_scan, "CHUNK", 256)
    monkeypatch.setattr(xlsx_split, "CUT_SHARES", (0.3,))
    with pytest.raises(ReadError):
        read_workbook(path)
    assert parts.count == 1
    assert threading.active_count() == before


def test_a_part_calamine_cannot_read_refuses_the_file_in_words(tmp_path, monkeypatch) -> None:
    path = _openpyxl_file(tmp_path / "kapot.xlsx", _pupil_rows(200))

    def broken(*_args: object, **_kwargs: object) -> xlsx_split.PartRead:
        raise RuntimeError("calamine: unexpected end of file")

    monkeypatch.setattr(xlsx_split, "_read_part", broken)
    monkeypatch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_scan, "CHUNK", 256)
    with pytest.raises(ReadError) as refused:
        read_workbook(path)
    assert refused.value.code == "truncated"
    assert "kapot.xlsx" in refused.value.message


def test_a_part_holds_only_what_calamine_needs_of_the_workbook(tmp_path, monkeypatch) -> None:
    """The parts carry the workbook, styles and shared strings, not the other sheets; and a
    sheet of shared strings reads the same in parts."""
    cells = "".join(
        f'<row r="{n}"><c r="A{n}" t="s"><v>{n % 3}</v></c><c r="B{n}"><v>{n}</v></c></row>'
        for n in range(1, 150)
    )
    path = _with_sheet(tmp_path, _sheet(cells), shared=["Delft", "Westland", "Zoetermeer"])
    whole, split, parts = read_both(path, monkeypatch)
    assert parts == 2
    assert_same(whole, split)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        split_sheet = xlsx_split.SplitSheet(zf, "xl/worksheets/sheet1.xml", "Sheet", bool)
    kept = set(split_sheet._members)
    assert {"xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"} <= kept <= names
    assert not any(name.startswith("xl/worksheets/") for name in kept)


def test_join_pads_the_parts_to_one_grid() -> None:
    first = xlsx_split.PartRead([["a", ""], ["", "b"]], (0, 0), (1, 1), ())
    second = xlsx_split.PartRead([["c", "", "d"]], (4, 1), (4, 3), (((0, 0), (0, 1)),))
    joined = xlsx_split.join_parts(first, second)
    assert joined is not None
    assert joined.rows == [
        ["a", "", "", ""],
        ["", "b", "", ""],
        ["", "", "", ""],
        ["", "", "", ""],
        ["", "c", "", "d"],
    ]
    assert joined.end == (4, 3)
    assert joined.merged == (((0, 0), (0, 1)),)
    assert xlsx_split.join_parts(second, first) is None  # overlapping: read in one go


# --- error values written as text ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Delft", False), ("#N/A", True), ("Err:502", True), ("Fout:522", True), ("a&#35;b", True)],
)
def test_the_scan_says_whether_a_text_may_be_an_error_value(tmp_path, text, expected) -> None:
    cell = f'<c r="A2" t="inlineStr"><is><t>{text}</t></is></c>'
    xml = _sheet(f'<row r="1"><c r="A1"><v>1</v></c></row><row r="2">{cell}</row>')
    workbook = read_workbook(_with_sheet(tmp_path, xml))
    assert workbook.sheets[0].error_text is expected


def test_an_error_value_among_the_shared_strings_is_seen(tmp_path) -> None:
    cells = '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    xml = _sheet(f'<row r="1">{cells}</row>')
    path = _with_sheet(tmp_path, xml, shared=["Delft", "#N/A"])
    assert read_workbook(path).sheets[0].rows == [["Delft", "#N/A"]]
    assert read_workbook(path).sheets[0].error_text is True
    plain = _with_sheet(tmp_path, xml, shared=["Delft", "Westland"])
    assert read_workbook(plain).sheets[0].error_text is False


def test_csv_and_other_formats_are_always_searched_for_error_text(tmp_path) -> None:
    path = tmp_path / "leerlingen.csv"
    path.write_text("BSN;Einddatum\n1;2025-01-01\n", encoding="utf-8")
    assert read_workbook(path).sheets[0].error_text is True


def test_a_comment_before_the_rows_keeps_the_sheet_whole(tmp_path, monkeypatch) -> None:
    """A comment that shows ``<sheetData>`` before the real one must not become the head."""
    rows = "".join(_row(n) for n in range(1, 80))
    xml = _sheet(rows).replace("<sheetData>", "<!-- <sheetData><row> --><sheetData>", 1)
    whole, split, parts = read_both(_with_sheet(tmp_path, xml), monkeypatch)
    assert parts == 0
    assert_same(whole, split)
    assert len(split.sheets[0].rows) == 79


def test_a_sheet_above_the_most_is_read_in_one_go(tmp_path, monkeypatch) -> None:
    """The parts keep the sheet's XML in memory: a very large sheet is not split."""
    path = _openpyxl_file(tmp_path / "groot.xlsx", _pupil_rows(200))
    parts = PartReads()
    monkeypatch.setattr(xlsx_split, "_read_part", parts)
    monkeypatch.setattr(sheet_guard, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(sheet_guard, "SPLIT_MAX_BYTES", 1000)
    monkeypatch.setattr(xlsx_scan, "CHUNK", 256)
    assert len(read_workbook(path).sheets[0].rows) == 203
    assert parts.count == 0


def test_a_workbook_whose_other_parts_are_too_large_to_copy_is_read_in_one_go(
    tmp_path, monkeypatch
) -> None:
    """Each part carries the workbook, styles and shared strings: beyond the most, no parts."""
    path = _openpyxl_file(tmp_path / "zwaar.xlsx", _pupil_rows(200))
    monkeypatch.setattr(xlsx_split, "MEMBERS_MAX_BYTES", 100)
    whole, split, parts = read_both(path, monkeypatch)
    assert parts == 0
    assert_same(whole, split)
