"""Looking at a file before any parser does: what it really is, and whether it is safe to open.

The content decides the format (magic bytes), the extension is only a hint. Zip containers are
checked against their declared sizes before calamine unpacks anything; the sheets inside are
checked by :mod:`sheet_guard` before calamine builds its grid.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from grensverkeer.errors import GrensverkeerError

MB = 1_000_000  # decimal, as file sizes are shown to users

#: Bytes read from the start of a file to decide what it is (and to sniff a csv dialect).
HEAD_BYTES = 64 * 1024
#: A zip member is checked for its compression ratio only from this declared size on.
RATIO_CHECK_MIN_BYTES = 1 * MB
#: More zip members than this is no spreadsheet (Excel writes a few dozen).
MAX_ZIP_MEMBERS = 10_000
#: Small metadata parts (workbook.xml, rels, manifest, mimetype) are read only up to this size.
MAX_METADATA_BYTES = 10 * MB

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SPREADSHEET_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
TEXT_EXTENSIONS = frozenset({".csv", ".txt"})
ACCEPTED_EXTENSIONS = SPREADSHEET_EXTENSIONS | TEXT_EXTENSIONS


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What a file may cost before it is refused; the defaults fit every real extract."""

    max_file_bytes: int = 150 * MB
    #: total declared uncompressed size of all zip members (xlsx, ods)
    max_uncompressed_bytes: int = 600 * MB
    #: declared uncompressed / compressed size, for members larger than about 1 MB
    max_compression_ratio: int = 200
    #: rows × columns of one sheet counted from A1 (calamine allocates that grid), and the
    #: values of one sheet with an ods' repeats expanded
    max_sheet_cells: int = 10_000_000
    #: a grid up to this size is always read; above it, it may hold at most ``grid_per_cell``
    #: grid cells per cell the file really has (a stray far cell makes a sparse giant)
    free_grid: int = 2_000_000
    grid_per_cell: int = 10
    #: characters of text the cells hold once a shared string or an ods repeat is copied into
    #: each cell that shows it (a pupil list holds a few megabytes)
    max_text: int = 100 * MB


DEFAULT_LIMITS = ReadLimits()


class ReadError(GrensverkeerError):
    """A file refused as a whole. ``code`` is a short English id, ``message`` Dutch."""

    def __init__(self, path: Path, code: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.code = code
        self.message = message


def quoted(path: Path) -> str:
    """The file as named in a message: ‘leerlingen.xlsx’."""
    return f"‘{path.name}’"


def human_size(nbytes: int) -> str:
    """``4,2 GB``, ``980 kB``: a size as a Dutch reader writes it."""
    from babel.numbers import format_decimal  # only needed on the refusal path

    value = float(nbytes)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            break
        value /= 1000
    pattern = "#,##0" if unit in ("bytes", "kB") else "#,##0.#"
    return f"{format_decimal(value, format=pattern, locale='nl_NL')} {unit}"


def dutch_int(value: int) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale="nl_NL")


# --- what is it? ---------------------------------------------------------------------------------


def sniff_content(head: bytes) -> str:
    """Classify by the first bytes: zip, ole, text, utf16, html, spreadsheetml or binary."""
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return "utf16"
    if head.count(0) > len(head) // 100:  # a stray NUL in a text export is no binary file
        return "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    if start.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in start:
            return "spreadsheetml"
        if b"<html" in start or b"<!doctype html" in start or b"<table" in start:
            return "html"
    if head.startswith(b"%PDF") or head[:4] in (b"\x89PNG", b"GIF8") or head[:3] == b"\xff\xd8\xff":
        return "binary"
    return "text"


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text without a byte-order mark (some exports write
    it so): mostly ASCII, so every other byte is zero, and only those."""
    sample = head[: 4096 - 4096 % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(even)
    if odd.count(0) >= 0.9 * half and even.count(0) <= 0.05 * half:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) <= 0.05 * half:
        return "utf-16-be"
    return None


def refuse_text_as_spreadsheet(path: Path, content: str) -> ReadError:
    """A text, html or xml file that carries a spreadsheet extension."""
    ext = path.suffix.lower()
    name = quoted(path)
    if content == "html":
        return ReadError(
            path,
            "unsupported",
            f"{name} is geen echt Excel-bestand maar een webpagina (HTML) met de extensie {ext}; "
            "zo exporteren sommige programma's. Open het in Excel en sla het op als "
            "Excel-werkmap (.xlsx), of exporteer de gegevens opnieuw als .csv.",
        )
    if content == "spreadsheetml":
        return ReadError(
            path,
            "unsupported",
            f"{name} is een XML-werkblad (Excel 2003-XML), dat niet wordt ondersteund. "
            "Open het in Excel en sla het op als Excel-werkmap (.xlsx).",
        )
    kind = "OpenDocument-werkblad" if ext == ".ods" else "Excel-bestand"
    again = ".ods" if ext == ".ods" else ".xlsx"
    program = "LibreOffice" if ext == ".ods" else "Excel"
    return ReadError(
        path,
        "not_a_spreadsheet",
        f"{name} is geen {kind}: de inhoud is tekst. Sla het op als .csv of open het in "
        f"{program} en sla het opnieuw op als {again}.",
    )


def refuse_binary(path: Path) -> ReadError:
    if path.name.startswith("~$"):
        return ReadError(
            path,
            "not_a_spreadsheet",
            f"{quoted(path)} is een tijdelijk bestand dat Excel aanmaakt zolang een werkmap "
            "geopend is, geen werkblad. Kies het bestand zonder ~$ aan het begin van de naam.",
        )
    return ReadError(
        path,
        "not_a_spreadsheet",
        f"{quoted(path)} is geen werkblad en geen tekstbestand (de inhoud is een ander soort "
        "bestand, bijvoorbeeld een pdf of een afbeelding). Kies het juiste bestand, of sla de "
        "gegevens op als .xlsx of .csv.",
    )


def truncated(path: Path) -> ReadError:
    return ReadError(
        path,
        "truncated",
        f"{quoted(path)} is beschadigd of onvolledig (afgebroken download?) en kan niet worden "
        "gelezen. Download of kopieer het bestand opnieuw, of open het in Excel en sla het "
        "opnieuw op.",
    )


def encrypted(path: Path, program: str = "Excel") -> ReadError:
    return ReadError(
        path,
        "encrypted",
        f"{quoted(path)} is versleuteld/beveiligd met een wachtwoord en kan daarom niet worden "
        f"gelezen. Open het in {program} met het wachtwoord, haal het wachtwoord weg en sla het "
        "opnieuw op (in Excel: Bestand > Info > Werkmap beveiligen > Versleutelen met "
        "wachtwoord, en maak het veld leeg).",
    )


# --- zip containers: xlsx, xlsm, ods ------------------------------------------------------------


def _declared_member_count(f: BinaryIO, size: int) -> int | None:
    """Entry count from the end-of-central-directory record, read before zipfile builds its list."""
    tail_size = min(size, 22 + 65535)
    f.seek(size - tail_size)
    tail = f.read(tail_size)
    at = tail.rfind(EMPTY_ZIP_MAGIC)
    if at < 0 or at + 22 > len(tail):
        return None
    (count,) = struct.unpack_from("<H", tail, at + 10)
    return None if count == 0xFFFF else count  # 0xFFFF: zip64, count lives elsewhere


def _zip_bomb(path: Path, detail: str) -> ReadError:
    return ReadError(
        path,
        "zip_bomb",
        f"{quoted(path)} {detail}; dat is geen normaal werkblad. Het bestand is niet gelezen. "
        "Vertrouwt u het bestand, open het dan in Excel en sla het op als .csv.",
    )


def read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with zf.open(info) as member:
        return member.read(limit)


def inspect_zip(path: Path, size: int, limits: ReadLimits) -> str:
    """Check a zip's declared sizes and say what it holds: ``"xlsx"`` or ``"ods"``.

    Raises ReadError for a zip bomb, a broken zip, an encrypted ods or a zip of another kind.
    """
    try:
        with path.open("rb") as f:
            count = _declared_member_count(f, size)
            if count is not None and count > MAX_ZIP_MEMBERS:
                raise _zip_bomb(path, f"bestaat uit {dutch_int(count)} onderdelen")
            with zipfile.ZipFile(f) as zf:
                infos = zf.infolist()
                if len(infos) > MAX_ZIP_MEMBERS:
                    raise _zip_bomb(path, f"bestaat uit {dutch_int(len(infos))} onderdelen")
                _check_declared_sizes(path, infos, limits)
                return _zip_kind(path, zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise truncated(path) from exc
    except NotImplementedError as exc:  # an unknown compression method
        raise truncated(path) from exc


def _check_declared_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise _zip_bomb(path, f"pakt uit tot {human_size(total)}")
    for info in infos:
        if info.file_size <= RATIO_CHECK_MIN_BYTES:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_compression_ratio:
            raise _zip_bomb(
                path,
                f"bevat een onderdeel ({info.filename}) dat {dutch_int(round(ratio))} keer zo "
                f"groot uitpakt, tot {human_size(info.file_size)}",
            )


def _zip_kind(path: Path, zf: zipfile.ZipFile) -> str:
    names = {info.filename: info for info in zf.infolist()}
    if "xl/workbook.xml" in names:
        return "xlsx"
    mimetype = names.get("mimetype")
    if mimetype is not None and mimetype.file_size <= 200:
        kind = read_small(zf, mimetype, 200).strip()
        if kind.startswith(ODS_MIMETYPE):
            manifest = names.get("META-INF/manifest.xml")
            if (
                manifest is not None
                and manifest.file_size <= MAX_METADATA_BYTES
                and b"encryption-data" in read_small(zf, manifest, MAX_METADATA_BYTES)
            ):
                raise encrypted(path, program="LibreOffice")
            return "ods"
    if "xl/workbook.bin" in names:
        raise ReadError(
            path,
            "unsupported",
            f"{quoted(path)} is een binaire Excel-werkmap (.xlsb), die niet wordt ondersteund. "
            "Open het in Excel en sla het op als Excel-werkmap (.xlsx).",
        )
    if "word/document.xml" in names:
        hint = " (het is een Word-document)"
    elif "ppt/presentation.xml" in names:
        hint = " (het is een PowerPoint-presentatie)"
    elif mimetype is not None:
        hint = " (het is een ander OpenDocument-bestand, bijvoorbeeld een tekstdocument)"
    else:
        hint = " (het is een gewoon zip-archief)"
    raise ReadError(
        path,
        "not_a_spreadsheet",
        f"{quoted(path)} is een zip-bestand, maar geen Excel-werkmap en geen "
        f"OpenDocument-werkblad{hint}. Kies het werkblad zelf, of sla de gegevens op als .xlsx "
        "of .csv.",
    )


# --- OLE2 (compound file): xls, or an encrypted xlsx ---------------------------------------------

_MAX_REGULAR_SECTOR = 0xFFFFFFFA
_MAX_DIRECTORY_SECTORS = 4096


def ole_entry_names(f: BinaryIO, size: int) -> set[str]:
    """The names in a compound file's directory (streams and storages), following the FAT chain.

    Reads only the header, the FAT sectors it needs and the directory; raises ValueError on
    anything malformed.
    """
    f.seek(0)
    header = f.read(512)
    if len(header) < 512 or not header.startswith(OLE_MAGIC):
        raise ValueError("no compound file header")
    (shift,) = struct.unpack_from("<H", header, 0x1E)
    if shift not in (9, 12):
        raise ValueError("unexpected sector size")
    sector_size = 1 << shift
    per_sector = sector_size // 4
    fat_count, first_directory = struct.unpack_from("<II", header, 0x2C)
    first_difat, difat_count = struct.unpack_from("<II", header, 0x44)
    if fat_count > size // sector_size + 1 or difat_count > size // sector_size + 1:
        raise ValueError("sector counts beyond the file")

    def read_sector(number: int) -> bytes:
        f.seek((number + 1) * sector_size)
        block = f.read(sector_size)
        if len(block) < sector_size:
            raise ValueError("sector beyond the end of the file")
        return block

    fat_sectors = list(struct.unpack_from("<109I", header, 0x4C))[: min(fat_count, 109)]
    difat = first_difat
    for _ in range(difat_count):
        if len(fat_sectors) >= fat_count or difat > _MAX_REGULAR_SECTOR:
            break
        entries = struct.unpack(f"<{per_sector}I", read_sector(difat))
        fat_sectors.extend(entries[:-1])
        difat = entries[-1]
    fat_sectors = fat_sectors[:fat_count]

    def next_sector(number: int) -> int:
        index, offset = divmod(number, per_sector)
        if index >= len(fat_sectors):
            raise ValueError("sector outside the FAT")
        f.seek((fat_sectors[index] + 1) * sector_size + offset * 4)
        raw = f.read(4)
        if len(raw) < 4:
            raise ValueError("FAT beyond the end of the file")
        return int(struct.unpack("<I", raw)[0])

    names: set[str] = set()
    seen: set[int] = set()
    sector = first_directory
    while sector <= _MAX_REGULAR_SECTOR:
        if sector in seen or len(seen) >= _MAX_DIRECTORY_SECTORS:
            raise ValueError("directory chain loops or is too long")
        seen.add(sector)
        block = read_sector(sector)
        for offset in range(0, sector_size, 128):
            (name_length,) = struct.unpack_from("<H", block, offset + 64)
            object_type = block[offset + 66]
            if object_type in (1, 2, 5) and 2 <= name_length <= 64:
                raw_name = block[offset : offset + name_length - 2]
                names.add(raw_name.decode("utf-16-le", "replace"))
        sector = next_sector(sector)
    return names


def inspect_ole(path: Path, size: int) -> None:
    """Accept an OLE2 file only if it holds an Excel workbook stream; say so when encrypted."""
    try:
        with path.open("rb") as f:
            names = ole_entry_names(f, size)
    except (ValueError, struct.error) as exc:
        raise truncated(path) from exc
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise encrypted(path)
    if not names & {"Workbook", "Book", "WORKBOOK", "BOOK"}:
        raise ReadError(
            path,
            "not_a_spreadsheet",
            f"{quoted(path)} is een ouder Office-bestand, maar geen Excel-werkmap (misschien een "
            "Word-document). Kies het werkblad zelf, of sla de gegevens op als .xlsx of .csv.",
        )
