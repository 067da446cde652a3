"""Files refused as a whole: each with its code and a Dutch message that names the file."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import xlwt

from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing import file_safety, readers
from grensverkeer.importing.readers import ReadError, ReadLimits, read_workbook


def _refused(path: Path, code: str, limits: ReadLimits = readers.DEFAULT_LIMITS) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_workbook(path, limits=limits)
    error = caught.value
    assert error.code == code, error.message
    assert error.path == path
    assert f"‘{path.name}’" in error.message
    assert str(error) == error.message
    assert isinstance(error, GrensverkeerError)
    return error


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active["A1"] = "BSN"
    for row in range(2, 200):
        book.active.cell(row, 1, 123456782 + row)
    book.save(path)
    return path


@pytest.fixture
def calamine_not_called(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path, fmt: str) -> None:
        raise AssertionError("calamine must not open this file")

    monkeypatch.setattr(readers, "_open_calamine", fail)


def _compound_file(path: Path, names: list[str]) -> Path:
    """A minimal OLE2 compound file (v3, 512-byte sectors) whose directory holds ``names``."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[:8] = file_safety.OLE_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end, *[free] * 126)
    entries = []
    all_names = ["Root Entry", *names]
    for index, name in enumerate(all_names):
        entry = bytearray(128)
        raw = name.encode("utf-16-le")
        entry[: len(raw)] = raw
        right = index + 1 if 0 < index < len(all_names) - 1 else no_stream
        child = 1 if index == 0 and names else no_stream
        struct.pack_into("<HBB", entry, 64, len(raw) + 2, 5 if index == 0 else 2, 1)
        struct.pack_into("<III", entry, 68, no_stream, right, child)
        struct.pack_into("<IQ", entry, 116, end, 0)
        entries.append(bytes(entry))
    directory = b"".join(entries).ljust(512, b"\x00")
    path.write_bytes(bytes(header) + fat + directory)
    return path


# --- not a spreadsheet at all --------------------------------------------------------------------


def test_text_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "leerlingen.xlsx"
    path.write_text("BSN;Naam\n123456782;Jan\n", encoding="utf-8")
    error = _refused(path, "not_a_spreadsheet")
    assert error.message == (
        "‘leerlingen.xlsx’ is geen Excel-bestand: de inhoud is tekst. Sla het op als .csv of "
        "open het in Excel en sla het opnieuw op als .xlsx."
    )


def test_text_named_ods(tmp_path: Path) -> None:
    path = tmp_path / "lijst.ods"
    path.write_text("BSN,Naam\n", encoding="utf-8")
    assert "OpenDocument-werkblad" in _refused(path, "not_a_spreadsheet").message


def test_html_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>'
        "<tr><td>BSN</td></tr><tr><td>123456782</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert "webpagina (HTML)" in _refused(path, "unsupported").message


def test_spreadsheetml_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "xml2003.xls"
    path.write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        "</Workbook>",
        encoding="utf-8",
    )
    assert "Excel 2003-XML" in _refused(path, "unsupported").message


def test_html_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("<!DOCTYPE html>\n<html><body>Sessie verlopen</body></html>", encoding="utf-8")
    _refused(path, "unsupported")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scan.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00"),
        ("plaatje.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ],
)
def test_binary_content(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _refused(path, "not_a_spreadsheet")


def test_excel_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "~$leerlingen.xlsx"
    path.write_bytes(b"\x07Jansen" + b"\x20" * 47 + b"\x00" * 110)
    assert "tijdelijk bestand" in _refused(path, "not_a_spreadsheet").message


@pytest.mark.parametrize("name", ["leerlingen.pdf", "leerlingen.xlsb", "leerlingen"])
def test_unknown_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("BSN\n", encoding="utf-8")
    message = _refused(path, "unsupported").message
    for extension in (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt"):
        assert extension in message


def test_zip_of_another_kind(tmp_path: Path) -> None:
    path = tmp_path / "bijlage.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("leerlingen.csv", "BSN\n123456782\n")
    assert "zip-archief" in _refused(path, "not_a_spreadsheet").message


def test_word_document_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    assert "Word-document" in _refused(path, "not_a_spreadsheet").message


def test_xlsb_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "binair.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert ".xlsb" in _refused(path, "unsupported").message


def test_ole_file_without_a_workbook(tmp_path: Path) -> None:
    path = _compound_file(tmp_path / "brief.xls", ["WordDocument", "1Table"])
    assert "Word-document" in _refused(path, "not_a_spreadsheet").message


# --- empty, too large ----------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"")
    _refused(path, "empty")


def test_empty_workbook(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    openpyxl.Workbook().save(path)
    _refused(path, "empty")


def test_workbook_with_data_only_on_a_hidden_sheet(tmp_path: Path) -> None:
    path = tmp_path / "verstopt.xlsx"
    book = openpyxl.Workbook()
    hidden = book.create_sheet("Gegevens")
    hidden["A1"] = "BSN"
    hidden.sheet_state = "hidden"
    book.save(path)
    assert "verborgen" in _refused(path, "empty").message


def test_file_over_the_size_limit(tmp_path: Path, calamine_not_called: None) -> None:
    path = _xlsx(tmp_path / "groot.xlsx")
    error = _refused(path, "too_large", ReadLimits(max_file_bytes=1000))
    assert "1 kB" in error.message


# --- broken, encrypted ---------------------------------------------------------------------------


def test_truncated_xlsx(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "afgebroken.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    error = _refused(path, "truncated")
    assert "beschadigd of onvolledig (afgebroken download?)" in error.message


def test_truncated_xls(tmp_path: Path) -> None:
    path = tmp_path / "afgebroken.xls"
    book = xlwt.Workbook()
    sheet = book.add_sheet("Blad1")
    for row in range(500):
        sheet.write(row, 0, f"leerling {row}")
    book.save(str(path))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "truncated")


def test_xlsx_with_broken_sheet_xml(tmp_path: Path) -> None:
    source = _xlsx(tmp_path / "bron.xlsx")
    path = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            new.writestr(info, data)
    _refused(path, "truncated")


def test_encrypted_xlsx_in_an_ole_container(tmp_path: Path, calamine_not_called: None) -> None:
    names = ["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]
    path = _compound_file(tmp_path / "beveiligd.xlsx", names)
    assert "versleuteld/beveiligd met een wachtwoord" in _refused(path, "encrypted").message


def test_encrypted_ods(tmp_path: Path, calamine_not_called: None) -> None:
    path = tmp_path / "beveiligd.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ">"
            '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
            "</manifest:file-entry></manifest:manifest>",
        )
        zf.writestr("content.xml", b"\x8a\x17\xfe\x00garbage")
    assert "LibreOffice" in _refused(path, "encrypted").message


def test_password_error_from_calamine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def protected(path: Path, fmt: str) -> None:
        raise python_calamine.PasswordError("Workbook is password protected")

    monkeypatch.setattr(readers, "_open_calamine", protected)
    _refused(_xlsx(tmp_path / "wachtwoord.xlsx"), "encrypted")


class _FakePanic(BaseException):
    """Stands in for pyo3's PanicException, which derives from BaseException."""


@pytest.mark.parametrize("exception", [python_calamine.XmlError("bad"), _FakePanic("boom")])
def test_any_calamine_failure_becomes_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exception: BaseException
) -> None:
    def broken(path: Path, fmt: str) -> None:
        raise exception

    monkeypatch.setattr(readers, "_open_calamine", broken)
    error = _refused(_xlsx(tmp_path / "raar.xlsx"), "truncated")
    assert error.__cause__ is exception


# --- zip bombs -----------------------------------------------------------------------------------


def _zip_with_zeros(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as member:
            block = bytes(1024 * 1024)
            for _ in range(megabytes):
                member.write(block)
    return path


def test_zip_bomb_by_compression_ratio(tmp_path: Path, calamine_not_called: None) -> None:
    path = _zip_with_zeros(tmp_path / "bom.xlsx", 64)
    assert path.stat().st_size < 200_000
    error = _refused(path, "zip_bomb")
    assert "xl/worksheets/sheet1.xml" in error.message
    assert "Het bestand is niet gelezen." in error.message


def test_zip_bomb_by_declared_total_size(tmp_path: Path, calamine_not_called: None) -> None:
    path = _zip_with_zeros(tmp_path / "bom.xlsx", 2)
    # declare 4.2 GB for the sheet in the central directory, as a crafted bomb would
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02")  # central directory entries: name at +46, size at +24
    while data[at + 46 : at + 46 + len(name)] != name:
        at = data.find(b"PK\x01\x02", at + 1)
    struct.pack_into("<I", data, at + 24, 4_200_000_000)
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo(name.decode()).file_size == 4_200_000_000
    error = _refused(path, "zip_bomb")
    assert error.message.startswith("‘bom.xlsx’ pakt uit tot 4,2 GB; dat is geen normaal werkblad.")


def test_zip_with_too_many_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calamine_not_called: None
) -> None:
    monkeypatch.setattr(file_safety, "MAX_ZIP_MEMBERS", 5)
    path = tmp_path / "veel.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        for index in range(10):
            zf.writestr(f"xl/media/{index}.bin", b"")
    assert "11 onderdelen" in _refused(path, "zip_bomb").message


def test_normal_xlsx_passes_the_zip_checks(tmp_path: Path) -> None:
    # a real sheet compresses well, but nowhere near the bomb ratio
    path = tmp_path / "groot.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Blad1")
    for row in range(6_000):
        sheet.append([123456782, "12AB", 0, "Naaldwijk", "VSO", None, row])
    book.save(path)
    member = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml")
    assert member.file_size > file_safety.RATIO_CHECK_MIN_BYTES  # so the ratio is checked
    assert len(read_workbook(path).sheets[0].rows) == 6_000


# --- the file system -----------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path / "weg.xlsx", "not_found")


def test_folder_named_like_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "map.xlsx"
    path.mkdir()
    _refused(path, "unreadable")


def test_ole_directory_of_a_real_xls(tmp_path: Path) -> None:
    path = tmp_path / "echt.xls"
    book = xlwt.Workbook()
    book.add_sheet("Blad1").write(0, 0, "x")
    book.save(str(path))
    with path.open("rb") as f:
        names = file_safety.ole_entry_names(f, path.stat().st_size)
    assert {"Root Entry", "Workbook"} <= names
