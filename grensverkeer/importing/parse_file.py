"""From one file on disk to locations or pupil records plus every problem, without storage."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from grensverkeer.domain import FileKind, SchoolLocation
from grensverkeer.importing.collector import SheetProblems
from grensverkeer.importing.columns import (
    Field,
    HeaderMatch,
    apply_mapping,
    best_guess,
    find_header,
)
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.pupil_extract import PupilSheetReader
from grensverkeer.importing.readers import (
    DEFAULT_LIMITS,
    ReadLimits,
    Sheet,
    Workbook,
    read_workbook,
)
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.school_list import parse_school_sheet
from grensverkeer.importing.school_year_detection import YearHint, hints_in
from grensverkeer.reference import Reference


@dataclass(frozen=True, slots=True)
class SavedMapping:
    """A user's column mapping: for which kind of file, and field → header text."""

    name: str
    kind: FileKind
    columns: Mapping[Field, str]


@dataclass(slots=True)
class ClassifiedFile:
    """A read workbook with the sheets that hold data and what kind of data that is."""

    workbook: Workbook
    kind: FileKind | None
    sheets: list[tuple[Sheet, HeaderMatch]]
    issues: list[ImportIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.workbook.path.name


@dataclass(slots=True)
class ParsedFile:
    kind: FileKind
    schools: list[SchoolLocation] = field(default_factory=list)
    pupils: PupilColumns = field(default_factory=PupilColumns)
    rows_read: int = 0
    bad_rows: int = 0
    issues: list[ImportIssue] = field(default_factory=list)
    hint: YearHint | None = None


def classify(
    path: Path, mapping: SavedMapping | None = None, limits: ReadLimits = DEFAULT_LIMITS
) -> ClassifiedFile:
    """Read a file and find, per sheet, the header row and the kind of data under it."""
    workbook = read_workbook(path, limits=limits)
    found: list[tuple[Sheet, HeaderMatch]] = []
    for sheet in workbook.sheets:
        if mapping is not None:
            header = apply_mapping(sheet.rows, mapping.kind, mapping.columns)
        else:
            header = find_header(sheet.rows)
        if header is not None:
            found.append((sheet, header))
    result = ClassifiedFile(workbook, None, [], notes=list(workbook.notes))
    if not found:
        result.issues.append(_no_header(workbook, mapping))
        return result
    kinds = [h.kind for _s, h in found]
    result.kind = FileKind.PUPILS if FileKind.PUPILS in kinds else FileKind.SCHOOLS
    result.sheets = [(s, h) for s, h in found if h.kind is result.kind]
    used = {s.name for s, _h in result.sheets}
    for sheet in workbook.sheets:
        if sheet.name not in used and len(workbook.sheets) > 1:
            result.notes.append(f"blad ‘{sheet.name}’ overgeslagen: geen {result.kind} in dit blad")
    return result


def _no_header(workbook: Workbook, mapping: SavedMapping | None) -> ImportIssue:
    name = workbook.path.name
    if mapping is not None:
        wanted = ", ".join(f"‘{text}’" for text in mapping.columns.values())
        return ImportIssue(
            name,
            "",
            None,
            "",
            "kolommen_niet_gevonden",
            f"de kolommen van koppeling ‘{mapping.name}’ ({wanted}) staan in geen enkel blad",
            suggestion="controleer de koppeling of het bestand",
        )
    guesses = [(sheet, best_guess(sheet.rows)) for sheet in workbook.sheets]
    guesses = [(s, g) for s, g in guesses if g is not None]
    if not guesses:
        return ImportIssue(
            name,
            "",
            None,
            "",
            "geen_kolomkoppen",
            "geen kolomkoppen herkend: dit lijkt geen leerlingenoverzicht of scholenlijst",
            suggestion="sla een kolomkoppeling op en importeer met --mapping NAAM",
        )
    sheet, guess = max(guesses, key=lambda item: len(item[1].columns))
    recognised = (
        ", ".join(sorted(str(f) for f in guess.columns if f not in (Field.PERSONAL, Field.IGNORED)))
        or "niets"
    )
    return ImportIssue(
        name,
        sheet.name,
        guess.row_index + 1,
        "",
        "kolommen_ontbreken",
        f"niet alle benodigde kolommen herkend; herkend: {recognised}; "
        f"ontbreekt: {', '.join(guess.missing())}",
        suggestion="geef de kolommen een gangbare naam of importeer met een opgeslagen "
        "kolomkoppeling (--mapping NAAM)",
    )


def parse_schools(classified: ClassifiedFile, reference: Reference) -> ParsedFile:
    parsed = ParsedFile(FileKind.SCHOOLS)
    for sheet, header in classified.sheets:
        problems = SheetProblems(classified.name, sheet.name, header.headers)
        locations = parse_school_sheet(sheet.rows, header, problems, reference)
        parsed.schools.extend(locations)
        _collect(parsed, problems, len(locations))
    return parsed


def parse_pupils(
    classified: ClassifiedFile,
    reference: Reference,
    schools: SchoolIndex,
    pseudonymize: Callable[[str], str],
) -> ParsedFile:
    parsed = ParsedFile(FileKind.PUPILS)
    for sheet, header in classified.sheets:
        problems = SheetProblems(classified.name, sheet.name, header.headers)
        reader = PupilSheetReader(header, problems, reference, schools, pseudonymize)
        pupils = reader.read(sheet.rows)
        parsed.pupils.extend(pupils)
        _collect(parsed, problems, len(pupils))
        if parsed.hint is None:
            parsed.hint = hints_in(sheet.rows[: header.row_index])
    return parsed


def _collect(parsed: ParsedFile, problems: SheetProblems, good: int) -> None:
    parsed.issues.extend(problems.issues)
    parsed.bad_rows += len(problems.bad_rows)
    parsed.rows_read += good + len(problems.bad_rows)


def errors_of(issues: list[ImportIssue]) -> list[ImportIssue]:
    return [i for i in issues if i.severity is Severity.ERROR]
