"""Reading csv and txt exports: encoding, delimiter, and one row per record as Excel shows it.

Cells stay strings exactly as written (nothing stripped, an empty field is ``""``); a blank line
is kept as an empty row so that ``rows[i]`` is row ``i + 1`` of the file as the user sees it.
"""

from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass
from pathlib import Path

from grensverkeer.importing.file_safety import (
    DEFAULT_LIMITS,
    MB,
    ReadError,
    ReadLimits,
    dutch_int,
    quoted,
    utf16_without_bom,
)

#: Candidate delimiters, in order of preference when the data fits more than one: Dutch exports
#: use ``;`` and write decimal commas, so ``1.234,56`` must not make ``,`` the delimiter.
DELIMITERS = ";\t,|"
#: The dialect sniffer sees at most this many characters and lines of the start of the file.
SAMPLE_CHARS = 64 * 1024
SAMPLE_LINES = 200


@dataclass(frozen=True, slots=True)
class DelimitedText:
    rows: list[list[str]]
    encoding: str
    delimiter: str
    notes: tuple[str, ...]


#: Excel's last row: a longer text file is no sheet anyone made by hand or exported for one.
MAX_LINES = 1_048_576


def read_delimited(path: Path, head: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> DelimitedText:
    """Read a csv/txt file; ``head`` is its first bytes (already read to tell what it is)."""
    encoding, errors, notes = detect_encoding(path, head)
    with path.open(encoding=encoding, errors=errors, newline="") as f:
        sample = f.read(SAMPLE_CHARS)
    delimiter = sniff_delimiter(sample, complete=len(sample) < SAMPLE_CHARS)
    control, lines, cells = _measure(path, encoding, errors, delimiter)
    if lines > MAX_LINES:
        raise ReadError(
            path,
            "too_large",
            f"{quoted(path)} heeft {dutch_int(lines)} regels; meer dan {dutch_int(MAX_LINES)} "
            "(het maximum van Excel) wordt niet ingelezen. Is het wel een leerlingenlijst?",
        )
    if cells > limits.max_sheet_cells:
        raise ReadError(
            path,
            "too_large",
            f"{quoted(path)} heeft {dutch_int(cells)} velden; meer dan "
            f"{dutch_int(limits.max_sheet_cells)} wordt niet ingelezen. Is het wel een "
            "leerlingenlijst?",
        )
    rows: list[list[str]] = []
    with path.open(encoding=encoding, errors=errors, newline="") as f:
        reader = csv.reader(f, dialect=csv.excel, delimiter=delimiter)
        ended = 0  # the line the last complete record ended on
        try:
            for record in reader:
                rows.append(record)
                ended = reader.line_num
        except csv.Error as exc:
            raise _malformed(path, reader.line_num, ended) from exc
    if control:
        rows = [[_CONTROL.sub("", cell) for cell in record] for record in rows]
        notes.append(
            f"{quoted(path)} bevat onzichtbare besturingstekens (zoals NUL); die zijn weggelaten."
        )
    if rows and any("\n" in cell or "\r" in cell for cell in rows[-1]):
        notes.append(
            f"In de laatste rij van {quoted(path)} loopt een veld over meerdere regels: "
            'misschien is een aanhalingsteken (") niet gesloten en zijn regels samengevoegd. '
            "Controleer of alle rijen zijn gelezen."
        )
    return DelimitedText(rows, encoding, delimiter, tuple(notes))


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _malformed(path: Path, line: int, ended: int) -> ReadError:
    """A field the csv reader could not end: one giant cell, or a quote that never closes."""
    if line - ended <= 1:
        return ReadError(
            path,
            "malformed",
            f"{quoted(path)} kan niet als tekstbestand (csv) worden gelezen: regel {line} "
            f"bevat een cel van meer dan {csv.field_size_limit():,} tekens".replace(",", ".")
            + ". Zo'n lange cel hoort niet in een leerlingenlijst; controleer of dit het "
            "juiste bestand is, of haal die tekst weg.",
        )
    return ReadError(
        path,
        "malformed",
        f"{quoted(path)} kan niet als tekstbestand (csv) worden gelezen: vanaf regel "
        f"{ended + 1} staat een veld dat niet eindigt, waarschijnlijk een aanhalingsteken "
        '(") dat niet wordt gesloten. Herstel die regel, of open het bestand in Excel en sla '
        "het opnieuw op.",
    )


def _measure(path: Path, encoding: str, errors: str, delimiter: str) -> tuple[bool, int, int]:
    """(has control characters, lines, fields at most), streamed before the csv reader builds
    any row: two million empty lines or twenty million separators are refused at no cost."""
    control, lines, fields = False, 0, 0
    with path.open(encoding=encoding, errors=errors, newline="") as f:
        while chunk := f.read(MB):
            control = control or _CONTROL.search(chunk) is not None
            newlines = chunk.count("\n") or chunk.count("\r")
            lines += newlines
            fields += chunk.count(delimiter) + newlines
    return control, lines + 1, fields + 1


def detect_encoding(path: Path, head: bytes) -> tuple[str, str, list[str]]:
    """(encoding, errors, notes): a BOM decides; else strict UTF-8; else Windows cp1252."""
    if head.startswith(codecs.BOM_UTF8):
        candidate = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidate = "utf-16"
    elif bare := utf16_without_bom(head):
        candidate = bare
    else:
        candidate = "utf-8"
    if _decodes(path, candidate):
        return candidate, "strict", []
    replaced = (
        f"{quoted(path)} bevat tekens die in die tekenset niet bestaan; ze zijn vervangen "
        "door �. Controleer namen en plaatsen met vreemde tekens."
    )
    if candidate != "utf-8":
        return candidate, "replace", [replaced]
    notes = [f"{quoted(path)} is gelezen als cp1252 (Windows), omdat het geen geldige UTF-8 is."]
    if _decodes(path, "cp1252"):
        return "cp1252", "strict", notes
    return "cp1252", "replace", [*notes, replaced]


def _decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes strictly; streams it, never holds it in memory."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with path.open("rb") as f:
            while chunk := f.read(MB):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def sniff_delimiter(sample: str, *, complete: bool) -> str:
    """The delimiter by ``csv.Sniffer`` on the first lines; by counting when it cannot decide.

    ``complete`` says the sample is the whole file; otherwise its last, possibly cut, line is
    dropped. The sniffer's quote guess is not used (the file is read with the Excel dialect), so
    apostrophes (``'s-Gravenhage``) are masked: its quote search is quadratic on them.
    """
    lines = sample.splitlines(keepends=True)
    if not complete and len(lines) > 1:
        lines.pop()
    lines = lines[:SAMPLE_LINES]
    text = "".join(lines).replace("'", "_")
    sniffer = csv.Sniffer()
    sniffer.preferred = list(DELIMITERS)
    try:
        return sniffer.sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return _count_delimiter(lines)


def _count_delimiter(lines: list[str]) -> str:
    """The candidate found on the most lines, then the most often; ``;`` for a single column."""
    filled = [line for line in lines if line.strip()]

    def score(delimiter: str) -> tuple[int, int]:
        return (
            sum(delimiter in line for line in filled),
            sum(line.count(delimiter) for line in filled),
        )

    best = max(DELIMITERS, key=score)  # max keeps the first of equals: the preference order
    return best if score(best)[0] else ";"
