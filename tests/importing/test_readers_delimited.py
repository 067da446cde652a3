"""Reading csv and txt: encodings, delimiters, quoting, and one row per record."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from grensverkeer.importing.readers import ReadError, read_workbook


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("delimiter", "text"),
    [
        (";", "BSN;Naam;Bedrag\n123456782;Jan;1.234,56\n987654321;Piet;12,50\n"),
        (",", 'BSN,Naam,Bedrag\n123456782,"Jansen, J.",1234.56\n987654321,Piet,12.50\n'),
        ("\t", "BSN\tNaam\tBedrag\n123456782\tJansen, J.\t1.234,56\n987654321\tPiet\t12,50\n"),
        ("|", "BSN|Naam|Bedrag\n123456782|Jan|1.234,56\n987654321|Piet|12,50\n"),
    ],
    ids=["semicolon", "comma", "tab", "pipe"],
)
def test_delimiters(tmp_path: Path, delimiter: str, text: str) -> None:
    result = read_workbook(_write(tmp_path / "lijst.csv", text))
    assert (result.format, result.delimiter, result.encoding) == ("csv", delimiter, "utf-8")
    assert [sheet.name for sheet in result.sheets] == ["lijst.csv"]
    rows = result.sheets[0].rows
    assert len(rows) == 3
    assert rows[0] == ["BSN", "Naam", "Bedrag"]
    assert rows[1][0] == "123456782"


def test_decimal_commas_do_not_make_the_comma_the_delimiter(tmp_path: Path) -> None:
    # every line has exactly one comma too: csv.Sniffer would prefer ',' by default
    lines = ["BSN;Woonplaats;BRIN;Vestiging;Bedrag;Start"]
    lines += [f"12345678{i};Naaldwijk;12AB;00;1.234,5{i};28-08-2023" for i in range(10)]
    result = read_workbook(_write(tmp_path / "duo.csv", "\n".join(lines) + "\n"))
    assert result.delimiter == ";"
    assert result.sheets[0].rows[1] == [
        "123456780",
        "Naaldwijk",
        "12AB",
        "00",
        "1.234,50",
        "28-08-2023",
    ]


def test_quoted_fields_with_delimiters_quotes_and_newlines(tmp_path: Path) -> None:
    text = (
        '"BSN";"Naam";"Opmerking"\r\n'
        '"123456782";"Jansen; J.";"regel een\r\nregel twee"\r\n'
        '"987654321";"Piet ""PJ"" de Vries";""\r\n'
    )
    rows = read_workbook(_write(tmp_path / "quotes.csv", text)).sheets[0].rows
    assert rows == [
        ["BSN", "Naam", "Opmerking"],
        ["123456782", "Jansen; J.", "regel een\r\nregel twee"],  # one record: one Excel row
        ["987654321", 'Piet "PJ" de Vries', ""],
    ]


def test_blank_lines_are_kept_so_row_numbers_match_the_file(tmp_path: Path) -> None:
    text = "Overzicht leerlingen 2024-2025\n\nBSN;Naam\n123456782;Jan\n\n987654321; Piet \n"
    result = read_workbook(_write(tmp_path / "titel.csv", text))
    assert result.delimiter == ";"  # the title row makes csv.Sniffer give up: counted instead
    assert result.sheets[0].rows == [
        ["Overzicht leerlingen 2024-2025"],
        [],
        ["BSN", "Naam"],
        ["123456782", "Jan"],
        [],
        ["987654321", " Piet "],  # nothing stripped here
    ]


def test_single_column(tmp_path: Path) -> None:
    result = read_workbook(_write(tmp_path / "bsn.txt", "BSN\n123456782\n987654321\n"))
    assert result.sheets[0].rows == [["BSN"], ["123456782"], ["987654321"]]


def test_utf8_without_bom(tmp_path: Path) -> None:
    result = read_workbook(_write(tmp_path / "u.csv", "Plaats;Code\n’s-Gravenzande;GM1783\n"))
    assert result.encoding == "utf-8"
    assert result.notes == ()
    assert result.sheets[0].rows[1] == ["’s-Gravenzande", "GM1783"]


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.csv", "BSN;Plaats\n123456782;’s-Gravenzande\n", "utf-8-sig")
    result = read_workbook(path)
    assert result.encoding == "utf-8-sig"
    assert result.sheets[0].rows == [["BSN", "Plaats"], ["123456782", "’s-Gravenzande"]]


def test_cp1252_is_detected_and_noted(tmp_path: Path) -> None:
    path = _write(tmp_path / "windows.csv", "BSN;Plaats\n123456782;’s-Gravenzande\n", "cp1252")
    result = read_workbook(path)
    assert result.encoding == "cp1252"
    assert result.sheets[0].rows[1] == ["123456782", "’s-Gravenzande"]
    assert result.notes == (
        "‘windows.csv’ is gelezen als cp1252 (Windows), omdat het geen geldige UTF-8 is.",
    )


def test_bytes_undefined_in_cp1252_are_replaced_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "vreemd.csv"
    path.write_bytes(b"Naam;Plaats\nJ\xe9r\x81me;Delft\n")
    result = read_workbook(path)
    assert result.encoding == "cp1252"
    assert result.sheets[0].rows[1] == ["Jér\ufffdme", "Delft"]
    assert len(result.notes) == 2
    assert "vervangen" in result.notes[1]


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"  # Excel's "Unicode-tekst": UTF-16 with BOM, tabs
    path.write_bytes(
        codecs.BOM_UTF16_LE + "BSN\tPlaats\r\n1\t’s-Gravenzande\r\n".encode("utf-16-le")
    )
    result = read_workbook(path)
    assert (result.encoding, result.delimiter) == ("utf-16", "\t")
    assert result.sheets[0].rows == [["BSN", "Plaats"], ["1", "’s-Gravenzande"]]


def test_many_apostrophes_sniff_quickly(tmp_path: Path) -> None:
    line = "123456782;'s-Gravenzande;'s-Gravenhage;12AB;00;1.234,56;28-08-2023\n"
    path = _write(
        tmp_path / "apostrof.csv", "BSN;Plaats;Gemeente;BRIN;Vest;Bedrag;Start\n" + line * 3000
    )
    start = time.perf_counter()
    result = read_workbook(path)
    assert time.perf_counter() - start < 1.0
    assert result.delimiter == ";"
    assert result.sheets[0].rows[1][1] == "'s-Gravenzande"
    assert len(result.sheets[0].rows) == 3001


def test_unclosed_quote_in_the_last_row_is_noted(tmp_path: Path) -> None:
    text = 'BSN;Naam\n123456782;"Jan\n987654321;Piet\n'
    result = read_workbook(_write(tmp_path / "open.csv", text))
    assert len(result.sheets[0].rows) == 2
    assert "aanhalingsteken" in result.notes[-1]


def test_unclosed_quote_swallowing_the_file_is_refused(tmp_path: Path) -> None:
    text = 'BSN;Naam\n123456782;"Jan\n' + "987654321;Piet\n" * 10_000
    with pytest.raises(ReadError) as caught:
        read_workbook(_write(tmp_path / "kapot.csv", text))
    assert caught.value.code == "malformed"
    assert "‘kapot.csv’" in caught.value.message


@pytest.mark.parametrize("text", ["\n\n\n", ";;;\n;;\n", "\r\n"])
def test_csv_without_values_is_empty(tmp_path: Path, text: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_workbook(_write(tmp_path / "leeg.csv", text))
    assert caught.value.code == "empty"
    assert "‘leeg.csv’" in caught.value.message
