"""Hostile files for the importer: small files that claim, expand or hide far more than they hold.

Every case is a function ``name(folder) -> path`` registered with :func:`case`; the first line of
its docstring says what it attacks. The zip containers (xlsx, ods) are written byte by byte here
(local headers, central directory, raw deflate), so a case can lie about sizes, and the XML is
written by hand, so a case controls every attribute. Everything is deterministic: fixed zip
timestamps, zlib at level 9, seeded noise; the same bytes on every run.

Large expanded parts cost little to make: a block is deflated once, ending on a full flush (no
back-reference crosses it), and its compressed bytes are repeated; a final empty block ends the
stream. So a 300 MB sheet is made in well under a second and stays in memory compressed.

Run: ``python tests/hostile/make_hostile.py OUTDIR [CASE ...]`` (lists the cases without OUTDIR).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import random
import struct
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# --- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    posix_only: bool = False

    @property
    def attacks(self) -> str:
        """The first line of the maker's docstring."""
        return (self.make.__doc__ or "").strip().splitlines()[0]


CASES: dict[str, Case] = {}


def case(*, posix_only: bool = False) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
        assert make.__doc__, f"{make.__name__} needs a docstring saying what it attacks"
        CASES[make.__name__] = Case(make.__name__, make, posix_only)
        return make

    return register


def available(names: Sequence[str] | None = None) -> list[Case]:
    """The cases that can be made on this system (FIFOs and device links need POSIX)."""
    chosen = [CASES[n] for n in names] if names else list(CASES.values())
    return [c for c in chosen if os.name == "posix" or not c.posix_only]


def make_all(folder: Path, names: Sequence[str] | None = None) -> dict[str, Path]:
    """Write the cases into ``folder`` (made if needed); case name → the path to import."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {c.name: c.make(folder) for c in available(names)}
    _forget()
    return made


def _forget() -> None:
    """Drop the cached deflate blocks (tens of MB) once the files are written."""
    _deflate.cache_clear()
    _deflate_block.cache_clear()


# --- raw deflate and a hand-made zip --------------------------------------------------------------

#: One piece of a member: these bytes, repeated this many times.
Piece = tuple[bytes, int]
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00, the zip epoch


#: Small pieces are grouped into blocks of about this size before they are deflated once.
BLOCK_BYTES = 1 << 20


@functools.lru_cache(maxsize=64)
def _deflate_block(data: bytes) -> bytes:
    """``data`` deflated on its own, ending on a full flush: its bytes can follow any block."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


@functools.lru_cache(maxsize=64)
def _deflate(pieces: tuple[Piece, ...]) -> tuple[bytes, int, int]:
    """(raw deflate stream, crc32, size) of the pieces, each deflated once and repeated."""
    out: list[bytes] = []
    crc = size = 0
    for data, count in pieces:
        group = max(1, BLOCK_BYTES // max(len(data), 1))
        full, rest = divmod(count, group)
        for block, times in ((data * group, full), (data * rest, 1 if rest else 0)):
            if not times:
                continue
            out.append(_deflate_block(block) * times)
            for _ in range(times):
                crc = zlib.crc32(block, crc)
            size += len(block) * times
    out.append(b"\x03\x00")  # a final, empty fixed-Huffman block
    return b"".join(out), crc, size


@dataclass(frozen=True)
class Member:
    name: str
    pieces: Sequence[Piece]
    stored: bool = False  # the ODS mimetype is stored, not deflated
    declared_size: int | None = None  # a lie about the uncompressed size (local and central)


def member(name: str, data: bytes | str, **kwargs: object) -> Member:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return Member(name, [(raw, 1)], **kwargs)  # type: ignore[arg-type]


def write_zip(path: Path, members: Sequence[Member]) -> Path:
    """A zip of ``members`` in this order, every byte chosen here."""
    central = bytearray()
    with path.open("wb") as out:
        for m in members:
            if m.stored:
                data = b"".join(d * n for d, n in m.pieces)
                method, crc, size, body = 0, zlib.crc32(data), len(data), data
            else:
                body, crc, size = _deflate(tuple(m.pieces))
                method = 8
            declared = size if m.declared_size is None else m.declared_size
            name = m.name.encode("utf-8")
            offset = out.tell()
            common = struct.pack(
                "<HHHHHIII", 20, 0, method, _DOS_TIME, _DOS_DATE, crc, len(body), declared
            )
            out.write(b"PK\x03\x04" + common + struct.pack("<HH", len(name), 0) + name)
            out.write(body)
            central += b"PK\x01\x02" + struct.pack("<H", 20) + common
            central += struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, offset) + name
        start = out.tell()
        out.write(central)
        count = len(members)
        out.write(
            b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), start, 0)
        )
    return path


# --- xlsx parts ----------------------------------------------------------------------------------

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_BOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

#: The first row of every xlsx case: two inline-string headers, so a sheet is not simply empty.
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>BSN</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Woongemeente</t></is></c></row>'
)

#: Billion laughs (lol9 expands to 10^9 × "lol", 3 GB), for any document element.
LAUGHS = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
)


def laughs_doctype(root: str) -> str:
    return f"<!DOCTYPE {root} [{LAUGHS}]>"


def sheet_head(*, dimension: str | None = None, doctype: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{XML_DECL}{doctype}<worksheet xmlns="{MAIN}">{dim}<sheetData>'


SHEET_TAIL = "</sheetData></worksheet>"


def sheet_xml(rows: str, *, dimension: str | None = None, doctype: str = "") -> str:
    return sheet_head(dimension=dimension, doctype=doctype) + rows + SHEET_TAIL


def workbook_xml(names: Sequence[str], *, doctype: str = "", extra: str = "") -> str:
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(names, 1)
    )
    return (
        f'{XML_DECL}{doctype}<workbook xmlns="{MAIN}" xmlns:r="{DOC_REL}">'
        f"<sheets>{sheets}</sheets>{extra}</workbook>"
    )


def write_xlsx(
    path: Path,
    sheets: Sequence[Member],
    *,
    shared_strings: Member | None = None,
    workbook: str | None = None,
) -> Path:
    """An xlsx with these worksheet members (named ``xl/worksheets/sheetN.xml``, in order)."""
    names = [f"Blad{i}" for i in range(1, len(sheets) + 1)]
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{CT_BOOK}"/>']
    rels = []
    for i, sheet in enumerate(sheets, 1):
        overrides.append(f'<Override PartName="/{sheet.name}" ContentType="{CT_SHEET}"/>')
        target = sheet.name.removeprefix("xl/")
        rels.append(f'<Relationship Id="rId{i}" Type="{DOC_REL}/worksheet" Target="{target}"/>')
    if shared_strings is not None:
        overrides.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT_SST}"/>')
        rels.append(
            f'<Relationship Id="rId{len(sheets) + 1}" Type="{DOC_REL}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    content_types = (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{''.join(overrides)}</Types>"
    )
    package_rels = (
        f'{XML_DECL}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    book_rels = f'{XML_DECL}<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    members = [
        member("[Content_Types].xml", content_types),
        member("_rels/.rels", package_rels),
        member("xl/workbook.xml", workbook if workbook is not None else workbook_xml(names)),
        member("xl/_rels/workbook.xml.rels", book_rels),
        *sheets,
    ]
    if shared_strings is not None:
        members.append(shared_strings)
    return write_zip(path, members)


def sheet_member(number: int, xml: str | bytes, **kwargs: object) -> Member:
    return member(f"xl/worksheets/sheet{number}.xml", xml, **kwargs)


def big_sheet(number: int, block: bytes, count: int, *, head: str = "", **kwargs: object) -> Member:
    """A sheet whose rows are ``block`` repeated ``count`` times (rows and cells without r=)."""
    return Member(
        f"xl/worksheets/sheet{number}.xml",
        [((head or sheet_head()).encode(), 1), (block, count), (SHEET_TAIL.encode(), 1)],
        **kwargs,  # type: ignore[arg-type]
    )


def shared_strings_xml(items: Sequence[str], *, doctype: str = "") -> str:
    body = "".join(f"<si><t>{text}</t></si>" for text in items)
    count = f'count="{len(items)}" uniqueCount="{len(items)}"'
    return f'{XML_DECL}{doctype}<sst xmlns="{MAIN}" {count}>{body}</sst>'


def number_rows(rng: random.Random, rows: int, cells: int, noisy: float) -> bytes:
    """``rows`` rows of ``cells`` numeric cells without r=; a share ``noisy`` of the values is
    random (so the block compresses less well), the rest is 1."""
    out = []
    for _ in range(rows):
        values = (rng.randrange(10**6) if rng.random() < noisy else 1 for _ in range(cells))
        out.append("<row>" + "".join(f"<c><v>{v}</v></c>" for v in values) + "</row>")
    return "".join(out).encode()


# --- xlsx cases: far cells -----------------------------------------------------------------------

FAR_CELL_ROW = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


@case()
def xlsx_far_cell_no_dimension(folder: Path) -> Path:
    """xlsx without <dimension>, one value at XFD1048576: calamine's dense grid (17 G cells)."""
    xml = sheet_xml(HEADER_ROW + FAR_CELL_ROW)
    return write_xlsx(folder / "ver_weg_geen_dimension.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_understated_dimension(folder: Path) -> Path:
    """xlsx whose <dimension> says A1:B2 while a value sits at XFD1048576: a lying dimension."""
    xml = sheet_xml(HEADER_ROW + FAR_CELL_ROW, dimension="A1:B2")
    return write_xlsx(folder / "dimension_te_klein.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_far_cell_declared(folder: Path) -> Path:
    """xlsx, honest <dimension> A1:XFD1048576 and a value there (refused before issue 12 too)."""
    xml = sheet_xml(HEADER_ROW + FAR_CELL_ROW, dimension="A1:XFD1048576")
    return write_xlsx(folder / "ver_weg_gemeld.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_cells_without_r(folder: Path) -> Path:
    """xlsx, dimension A1:B1, row 1048576 of 16,383 empty <c/> and a value, no r= on the cells."""
    row = '<row r="1048576">' + "<c/>" * 16383 + '<c t="inlineStr"><is><t>x</t></is></c></row>'
    xml = sheet_xml(HEADER_ROW + row, dimension="A1:B1")
    return write_xlsx(folder / "cellen_zonder_r.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_rows_without_r(folder: Path) -> Path:
    """xlsx, dimension A1:B1, 150,000 <row/> without r= (under 1 MB), then 16,384 cells."""
    last = "<row>" + "<c/>" * 16383 + "<c><v>1</v></c></row>"
    pieces = [
        ((sheet_head(dimension="A1:B1") + HEADER_ROW).encode(), 1),
        (b"<row/>", 150_000),
        (last.encode(), 1),
        (SHEET_TAIL.encode(), 1),
    ]
    sheet = Member("xl/worksheets/sheet1.xml", pieces)
    return write_xlsx(folder / "rijen_zonder_r.xlsx", [sheet])


FAR_UNDER_LIMIT = '<row r="990000"><c r="J990000"><v>1</v></c></row>'


@case()
def xlsx_far_cell_under_limit(folder: Path) -> Path:
    """xlsx, honest dimension A1:J990000: 9.9 M cells, just under the old 10 M per-sheet limit."""
    xml = sheet_xml(HEADER_ROW + FAR_UNDER_LIMIT, dimension="A1:J990000")
    return write_xlsx(folder / "net_onder_limiet.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_many_sheets_under_limit(folder: Path) -> Path:
    """xlsx of 12 sheets each just under the per-sheet limit: 119 M cells for the workbook."""
    xml = sheet_xml(HEADER_ROW + FAR_UNDER_LIMIT, dimension="A1:J990000")
    sheets = [sheet_member(i, xml) for i in range(1, 13)]
    return write_xlsx(folder / "veel_bladen_onder_limiet.xlsx", sheets)


# --- xlsx cases: expanded size ------------------------------------------------------------------


def _ratio_block(seed: int, cells: int, noisy: float) -> bytes:
    return number_rows(random.Random(seed), 2000, cells, noisy)


@case()
def xlsx_sheet_ratio_under_200(folder: Path) -> Path:
    """xlsx sheet of 300 MB (19 M numbers, 970 k rows) deflated 1:~170, under the ratio check."""
    block = _ratio_block(12, 20, 0.0046)
    count = 300_000_000 // len(block)
    path = write_xlsx(folder / "groot_uitgepakt.xlsx", [big_sheet(1, block, count)])
    _check_ratio(path, "xl/worksheets/sheet1.xml", low=100, high=199)
    return path


@case()
def xlsx_many_members_under_1mb(folder: Path) -> Path:
    """xlsx of 200 sheets of 1,000,000 bytes (ratio unchecked at ≤ 1 MB): 200 MB, 13 M cells."""
    head = sheet_head().encode()
    row = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"
    room = 1_000_000 - len(head) - len(SHEET_TAIL)
    count, pad = divmod(room, len(row))
    pieces = [(head, 1), (row, count), (b" " * pad, 1), (SHEET_TAIL.encode(), 1)]
    sheets = [Member(f"xl/worksheets/sheet{i}.xml", pieces) for i in range(1, 201)]
    return write_xlsx(folder / "veel_kleine_bladen.xlsx", sheets)


@case()
def xlsx_lying_sizes(folder: Path) -> Path:
    """xlsx whose sheet declares 5,000 bytes in both zip headers but inflates to 300 MB."""
    row = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"
    sheet = big_sheet(1, row, 300_000_000 // len(row), declared_size=5_000)
    return write_xlsx(folder / "liegende_groottes.xlsx", [sheet])


# --- xlsx cases: entities, strings, nesting ------------------------------------------------------


@case()
def xlsx_entity_bomb_shared_strings(folder: Path) -> Path:
    """xlsx with billion laughs (3 GB) in sharedStrings.xml, used by cell A2."""
    sst = shared_strings_xml(["&lol9;"], doctype=laughs_doctype("sst"))
    xml = sheet_xml(HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>')
    return write_xlsx(
        folder / "entiteiten_sst.xlsx",
        [sheet_member(1, xml)],
        shared_strings=member("xl/sharedStrings.xml", sst),
    )


@case()
def xlsx_entity_bomb_sheet(folder: Path) -> Path:
    """xlsx with billion laughs in the sheet XML itself, in an inline string."""
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    xml = sheet_xml(HEADER_ROW + row, doctype=laughs_doctype("worksheet"))
    return write_xlsx(folder / "entiteiten_blad.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_entity_bomb_workbook(folder: Path) -> Path:
    """xlsx with billion laughs in workbook.xml (read by ElementTree before calamine, and by it)."""
    book = workbook_xml(["Blad1"], doctype=laughs_doctype("workbook"))
    book = book.replace(
        "</workbook>",
        '<definedNames><definedName name="x">&lol9;</definedName></definedNames></workbook>',
    )
    xml = sheet_xml(HEADER_ROW)
    return write_xlsx(folder / "entiteiten_werkmap.xlsx", [sheet_member(1, xml)], workbook=book)


@case()
def xlsx_entity_quadratic(folder: Path) -> Path:
    """xlsx with a quadratic blow-up: one 50,000-character entity used 50,000 times (2.5 GB)."""
    doctype = f'<!DOCTYPE sst [<!ENTITY a "{"x" * 50_000}">]>'
    sst = shared_strings_xml(["&a;" * 50_000], doctype=doctype)
    xml = sheet_xml(HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>')
    return write_xlsx(
        folder / "entiteit_kwadratisch.xlsx",
        [sheet_member(1, xml)],
        shared_strings=member("xl/sharedStrings.xml", sst),
    )


XXE = '<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@case()
def xlsx_external_entity(folder: Path) -> Path:
    """xlsx with XXE: an external entity file:///etc/passwd in sharedStrings.xml and the sheet."""
    sst = shared_strings_xml(["&xxe;"], doctype=XXE.format(root="sst"))
    row = (
        '<row r="2"><c r="A2" t="s"><v>0</v></c>'
        '<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    )
    xml = sheet_xml(HEADER_ROW + row, doctype=XXE.format(root="worksheet"))
    return write_xlsx(
        folder / "externe_entiteit.xlsx",
        [sheet_member(1, xml)],
        shared_strings=member("xl/sharedStrings.xml", sst),
    )


def _letters(rng: random.Random, count: int) -> bytes:
    table = bytes(b"abcdefghijklmnop"[i % 16] for i in range(256))
    return rng.randbytes(count).translate(table)


@case()
def xlsx_huge_shared_string(folder: Path) -> Path:
    """xlsx with one shared string of 50 MB, deflated 1:~150 (under the ratio check), in A2."""
    rng = random.Random(50)
    block = b"Grensverkeer " * 5000 + _letters(rng, 400)  # 65,400 bytes
    head = f'{XML_DECL}<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
    tail = b"</t></si></sst>"
    sst = Member("xl/sharedStrings.xml", [(head, 1), (block, 50_000_000 // len(block)), (tail, 1)])
    xml = sheet_xml(HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>')
    path = write_xlsx(folder / "enorme_tekst.xlsx", [sheet_member(1, xml)], shared_strings=sst)
    _check_ratio(path, "xl/sharedStrings.xml", low=100, high=199)
    return path


@case()
def xlsx_shared_string_fanout(folder: Path) -> Path:
    """xlsx with a 999,000-character shared string (no ratio check) in 20,000 cells: 20 GB."""
    sst = shared_strings_xml(["ab" * 499_500])
    rows = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{col}{r}" t="s"><v>0</v></c>' for col in "ABCDEFGHIJ")
        + "</row>"
        for r in range(2, 2002)
    )
    xml = sheet_xml(HEADER_ROW + rows, dimension="A1:J2001")
    return write_xlsx(
        folder / "tekst_vaak_gebruikt.xlsx",
        [sheet_member(1, xml)],
        shared_strings=member("xl/sharedStrings.xml", sst),
    )


DEPTH = 100_000


@case()
def xlsx_deep_nesting_sheet(folder: Path) -> Path:
    """xlsx with 100,000 nested rich-text runs <r><t>a</t><r>… in one inline-string cell."""
    letters = _letters(random.Random(100), DEPTH).decode()  # 1.5 MB, deflated 1:~18
    nested = "".join(f"<r><t>{c}</t>" for c in letters) + "</r>" * DEPTH
    row = f'<row r="2"><c r="A2" t="inlineStr"><is>{nested}</is></c></row>'
    xml = sheet_xml(HEADER_ROW + row)
    return write_xlsx(folder / "diep_genest_blad.xlsx", [sheet_member(1, xml)])


@case()
def xlsx_deep_nesting_workbook(folder: Path) -> Path:
    """xlsx with 100,000 nested elements in workbook.xml, which ElementTree parses first."""
    extra = "<extLst>" + "<x>" * DEPTH + "</x>" * DEPTH + "</extLst>"  # 700 kB: no ratio check
    book = workbook_xml(["Blad1"], extra=extra)
    xml = sheet_xml(HEADER_ROW + '<row r="2"><c r="A2"><v>1</v></c></row>')
    return write_xlsx(folder / "diep_genest_werkmap.xlsx", [sheet_member(1, xml)], workbook=book)


def _check_ratio(path: Path, name: str, *, low: int, high: int) -> None:
    """The case only means something if the member passes today's zip ratio check."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    ratio = info.file_size / info.compress_size
    if not (info.file_size > 1_000_000 and low <= ratio <= high):
        raise AssertionError(f"{path.name}: {name} has ratio {ratio:.0f}, wanted {low}..{high}")


# --- ods -----------------------------------------------------------------------------------------

ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods_text(text: str, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{rep}>'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def ods_number(value: int, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}"{rep}>'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def ods_empty(repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-cell{rep}/>"


def ods_row(cells: str, repeat: int = 1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>{cells}</table:table-row>"


ODS_HEADER_ROW = ods_row(ods_text("BSN") + ods_text("Woongemeente"))


def content_xml(rows: str, *, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<office:document-content {ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="Leerlingen">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )


def write_ods(path: Path, content: str) -> Path:
    return write_zip(
        path,
        [
            Member("mimetype", [(ODS_MIME, 1)], stored=True),
            member("META-INF/manifest.xml", ODS_MANIFEST),
            member("content.xml", content),
        ],
    )


@case()
def ods_repeated_value_cells(folder: Path) -> Path:
    """ods: a valued cell repeated 16,384 columns in a row repeated 1,048,576 times (17 G cells)."""
    rows = ODS_HEADER_ROW + ods_row(ods_number(1, 16384), 1_048_576)
    return write_ods(folder / "herhaalde_waarden.ods", content_xml(rows))


@case()
def ods_far_value_after_empty_repeats(folder: Path) -> Path:
    """ods: 1,048,574 repeated empty rows, then one value after 16,383 repeated empty cells."""
    rows = (
        ODS_HEADER_ROW
        + ods_row(ods_empty(16384), 1_048_574)
        + ods_row(ods_empty(16383) + ods_number(1))
    )
    return write_ods(folder / "herhaald_leeg_dan_waarde.ods", content_xml(rows))


@case()
def ods_repeats_over_cell_limit(folder: Path) -> Path:
    """ods: 20 valued cells × 1,000,000 repeated rows: 20 M cells, inside the sheet's bounds."""
    rows = ODS_HEADER_ROW + ods_row(ods_number(7, 20), 1_000_000)
    return write_ods(folder / "herhaald_boven_limiet.ods", content_xml(rows))


@case()
def ods_entity_bomb(folder: Path) -> Path:
    """ods with billion laughs in content.xml."""
    rows = ODS_HEADER_ROW + ods_row(ods_text("&lol9;"))
    doctype = laughs_doctype("office:document-content")
    return write_ods(folder / "entiteiten.ods", content_xml(rows, doctype=doctype))


@case()
def ods_big_text_repeated(folder: Path) -> Path:
    """ods: a 999,000-character text cell repeated 100 columns × 100 rows: 10 GB of text."""
    rows = ODS_HEADER_ROW + ods_row(ods_text("ab" * 499_500, 100), 100)
    return write_ods(folder / "tekst_herhaald.ods", content_xml(rows))


@case()
def ods_deep_nesting(folder: Path) -> Path:
    """ods with 100,000 nested <text:span> in one cell's paragraph."""
    letters = _letters(random.Random(101), DEPTH).decode()  # 2.4 MB, deflated 1:~27
    nested = "".join(f"<text:span>{c}" for c in letters) + "</text:span>" * DEPTH
    cell = (
        f'<table:table-cell office:value-type="string"><text:p>{nested}</text:p></table:table-cell>'
    )
    return write_ods(folder / "diep_genest.ods", content_xml(ODS_HEADER_ROW + ods_row(cell)))


# --- xls -----------------------------------------------------------------------------------------


@case()
def xls_far_cell(folder: Path) -> Path:
    """xls (BIFF8) with values at A1 and IV65536: a 16.7 M-cell grid from a 6 kB file."""
    import xlwt  # pure Python; the test extra installs it

    book = xlwt.Workbook()
    sheet = book.add_sheet("Leerlingen")
    sheet.write(0, 0, "BSN")
    sheet.write(65535, 255, 1)
    path = folder / "ver_weg.xls"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


# --- csv and text --------------------------------------------------------------------------------

CSV_HEADER = "BSN;Woongemeente;BRIN;Vestiging;Onderwijstype;Startdatum"
CSV_ROW = "111222333;Delft;20XB;00;VSO;01-08-2024"


@case()
def csv_long_cell(folder: Path) -> Path:
    """csv with one cell of 200,000 characters (csv's field limit is 131,072), no quotes at all."""
    text = f"{CSV_HEADER}\r\n{CSV_ROW}\r\n111222333;{'x' * 200_000};20XB;00;VSO;01-08-2024\r\n"
    path = folder / "lange_cel.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


@case()
def csv_utf16le_no_bom(folder: Path) -> Path:
    """csv in UTF-16-LE without a byte order mark (every other byte NUL)."""
    text = "".join(f"{line}\r\n" for line in [CSV_HEADER, *[CSV_ROW] * 5])
    path = folder / "utf16_zonder_bom.csv"
    path.write_bytes(text.encode("utf-16-le"))
    return path


@case()
def csv_nul_late(folder: Path) -> Path:
    """csv with NUL bytes in a cell 100 kB in, after the first 64 kB that decide what it is."""
    rows = [CSV_HEADER, *[CSV_ROW] * 2600, "111222333;Del\x00\x00ft;20XB;00;VSO;01-08-2024"]
    path = folder / "nul_laat.csv"
    path.write_bytes("".join(f"{r}\r\n" for r in rows).encode("utf-8"))
    return path


@case()
def csv_many_empty_lines(folder: Path) -> Path:
    """csv of a header and 2,000,000 empty lines (2 MB): more rows than any sheet may have."""
    path = folder / "lege_regels.csv"
    path.write_bytes(f"{CSV_HEADER}\n".encode() + b"\n" * 2_000_000)
    return path


@case()
def csv_many_empty_cells(folder: Path) -> Path:
    """csv of 20,000 lines of 1,000 empty fields (20 MB): 20 M cells."""
    path = folder / "lege_velden.csv"
    path.write_bytes(f"{CSV_HEADER}\n".encode() + (b";" * 999 + b"\n") * 20_000)
    return path


# --- not a file at all ---------------------------------------------------------------------------


@case()
def empty_file(folder: Path) -> Path:
    """A 0-byte .xlsx."""
    path = folder / "leeg.xlsx"
    path.write_bytes(b"")
    return path


@case(posix_only=True)
def fifo(folder: Path) -> Path:
    """A named pipe called .csv: opening it for reading blocks until a writer comes."""
    path = folder / "pijp.csv"
    if not path.exists():
        os.mkfifo(path)
    return path


@case(posix_only=True)
def device(folder: Path) -> Path:
    """A .csv that is a symbolic link to /dev/zero, a device that never ends."""
    path = folder / "apparaat.csv"
    if not path.is_symlink():
        path.symlink_to("/dev/zero")
    return path


@case()
def folder_as_file(folder: Path) -> Path:
    """A folder named like a workbook, given as the file."""
    path = folder / "map.xlsx"
    path.mkdir(exist_ok=True)
    return path


# --- ordinary files the checks must let through ---------------------------------------------------

#: The data of every control file; the last two rows are equal, and so are the last two cells of
#: each data row, so that the ods writes them as repeats (as LibreOffice does).
CONTROL_ROWS = [
    ["BSN", "Woongemeente", "BRIN", "Vestiging", "Onderwijstype", "Startdatum", "Peildatum"],
    ["111222333", "Delft", "20XB", "00", "VSO", "01-10-2024", "01-10-2024"],
    ["123456782", "Den Haag", "20XA", "01", "VSO", "01-10-2024", "01-10-2024"],
    ["123456782", "Den Haag", "20XA", "01", "VSO", "01-10-2024", "01-10-2024"],
]


def _xlsx_rows(rows: Sequence[Sequence[str]], *, refs: bool = True) -> str:
    out = []
    for r, row in enumerate(rows, 1):
        cells = "".join(
            (f'<c r="{chr(65 + c)}{r}" t="inlineStr">' if refs else '<c t="inlineStr">')
            + f"<is><t>{v}</t></is></c>"
            for c, v in enumerate(row)
        )
        out.append(f'<row r="{r}">{cells}</row>' if refs else f"<row>{cells}</row>")
    return "".join(out)


def _runs(values: Sequence[str]) -> list[tuple[str, int]]:
    """Consecutive equal values as (value, count)."""
    runs: list[tuple[str, int]] = []
    for value in values:
        if runs and runs[-1][0] == value:
            runs[-1] = (value, runs[-1][1] + 1)
        else:
            runs.append((value, 1))
    return runs


def make_controls(folder: Path) -> dict[str, Path]:
    """Ordinary files as Excel, other generators and LibreOffice write them (CONTROL_ROWS)."""
    folder.mkdir(parents=True, exist_ok=True)
    # Excel: a formatted, empty cell far away makes the dimension A1:XFD1048576.
    stray = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    xml = sheet_xml(_xlsx_rows(CONTROL_ROWS) + stray, dimension="A1:XFD1048576")
    xlsx = write_xlsx(folder / "gewoon_excel.xlsx", [sheet_member(1, xml)])
    # Some generators leave out every r= (it is optional) and the <dimension>.
    xml = sheet_xml(_xlsx_rows(CONTROL_ROWS, refs=False))
    no_refs = write_xlsx(folder / "gewoon_zonder_r.xlsx", [sheet_member(1, xml)])
    # LibreOffice: equal neighbours as repeats, trailing empties repeated to the sheet's end.
    width = len(CONTROL_ROWS[0])
    rows = ""
    for line, count in _runs(["\t".join(row) for row in CONTROL_ROWS]):
        cells = "".join(ods_text(v, n) for v, n in _runs(line.split("\t")))
        rows += ods_row(cells + ods_empty(16384 - width), count)
    rows += ods_row(ods_empty(16384), 1_048_576 - len(CONTROL_ROWS))
    ods = write_ods(folder / "gewoon_libreoffice.ods", content_xml(rows))
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(CONTROL_ROWS)
    plain = folder / "gewoon.csv"
    plain.write_bytes(text.getvalue().encode("utf-8"))
    _forget()
    return {"xlsx": xlsx, "xlsx_without_r": no_refs, "ods": ods, "csv": plain}


def main(argv: Sequence[str]) -> int:
    if not argv:
        width = max(len(name) for name in CASES)
        for c in CASES.values():
            print(f"{c.name:<{width}}  {c.attacks}")
        return 0
    made = make_all(Path(argv[0]), argv[1:] or None)
    for name, path in made.items():
        size = path.stat().st_size if path.is_file() else 0
        print(f"{name:<36} {size:>10,} bytes  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
