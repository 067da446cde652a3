"""From one file on disk to locations or pupil records plus every problem, without storage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from grensverkeer.domain import FileKind, SchoolLocation
from grensverkeer.importing.cell_faults import blank_faulty_rows
from grensverkeer.importing.choices import ColumnChoice, column_label, columns_named
from grensverkeer.importing.collector import SheetProblems
from grensverkeer.importing.count_extract import read_counts
from grensverkeer.importing.date_formats import Order
from grensverkeer.importing.fields import Field, choosable, missing_fields
from grensverkeer.importing.issues import ImportIssue, Severity
from grensverkeer.importing.layout import SheetLayout
from grensverkeer.importing.layout_issues import layout_issues
from grensverkeer.importing.pupil_columns import PupilColumns
from grensverkeer.importing.pupil_extract import PupilSheetReader
from grensverkeer.importing.readers import Sheet, Workbook
from grensverkeer.importing.recognition import recognise
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.school_list import parse_school_sheet
from grensverkeer.importing.school_year_detection import YearHint, hints_in, hints_in_name
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import Reference

_KIND_ORDER = (FileKind.PUPILS, FileKind.COUNTS, FileKind.SCHOOLS)


@dataclass(frozen=True, slots=True)
class SavedMapping:
    """A user's column choices by name: for which kind of file, field → header text, and the
    headers of columns to leave unused."""

    name: str
    kind: FileKind
    columns: Mapping[Field, str]
    ignored: tuple[str, ...] = ()

    def choices(self) -> tuple[ColumnChoice, ...]:
        return (
            *(ColumnChoice(f, label) for f, label in self.columns.items()),
            *(ColumnChoice(Field.IGNORED, label) for label in self.ignored),
        )


@dataclass(slots=True)
class ClassifiedFile:
    """A read workbook with the sheets that hold data and what kind of data that is."""

    workbook: Workbook
    kind: FileKind | None
    sheets: list[tuple[Sheet, SheetLayout]]  # the sheets to import, all of ``kind``
    layouts: list[tuple[Sheet, SheetLayout | None]]  # every sheet, as recognised
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
    readers: list[PupilSheetReader] = field(default_factory=list)
    uncertain_cells: int = 0  # count files: masked cells counted as their lower bound

    @property
    def periods(self) -> list[tuple[date | None, date | None]]:
        """(start, end) of every pupil row read, for choosing the school year."""
        return [period for reader in self.readers for period in reader.periods]


def classify(
    workbook: Workbook,
    reference: Reference,
    schools: SchoolIndex,
    choices: Sequence[ColumnChoice] = (),
    kind: FileKind | None = None,
    date_order: Order | None = None,
) -> ClassifiedFile:
    """Recognise every sheet and keep those of the file's kind that are complete."""
    layouts = [
        (s, recognise(s, reference, schools, choices, kind, date_order)) for s in workbook.sheets
    ]
    result = ClassifiedFile(workbook, None, [], layouts, notes=list(workbook.notes))
    usable = [(s, lay) for s, lay in layouts if lay is not None and not _missing(lay)]
    if not usable:
        result.issues.append(_no_header(workbook.path.name, layouts, choices))
        found = [(s, lay) for s, lay in layouts if lay is not None]
        if found:  # what the best reading could not settle says more than what is missing
            sheet, layout = max(found, key=lambda item: len(item[1].columns))
            result.issues.extend(
                i
                for i in layout_issues(result.name, sheet.name, layout)
                if i.severity is Severity.ERROR
            )
        return result
    result.kind = next(k for k in _KIND_ORDER if any(lay.kind is k for _s, lay in usable))
    result.sheets = [(s, lay) for s, lay in usable if lay.kind is result.kind]
    for sheet, layout in result.sheets:
        result.issues.extend(_choice_issues(result.name, sheet, layout, choices))
        result.issues.extend(layout_issues(result.name, sheet.name, layout))
        result.notes.extend(layout.notes)
    used = {s.name for s, _lay in result.sheets}
    for sheet in workbook.sheets:
        if sheet.name not in used and len(workbook.sheets) > 1:
            result.notes.append(f"blad ‘{sheet.name}’ overgeslagen: geen {result.kind} in dit blad")
    return result


def _missing(layout: SheetLayout) -> tuple[str, ...]:
    return missing_fields(layout.kind, layout.columns)


def _choice_issues(
    file: str, sheet: Sheet, layout: SheetLayout, choices: Sequence[ColumnChoice]
) -> list[ImportIssue]:
    """A choice that names no column, or two, of the header row: the user must say which."""
    issues = []
    headers = layout.headers
    for choice in choices:
        if choice.field not in choosable(layout.kind):
            continue  # meant for another file of the import (a pupil file, not the school list)
        found = columns_named(choice.label, headers)
        if len(found) == 1:
            continue
        if found:
            labels = ", ".join(f"‘{column_label(i, headers)}’" for i in found)
            message = f"de kolomkop ‘{choice.label}’ staat er {len(found)} keer: {labels}"
            suggestion = "noem de kolom met haar letter erbij, zoals hierboven"
        else:
            message = f"geen kolom ‘{choice.label}’ (gekozen als {choice.field})"
            suggestion = "de kolommen zijn: " + ", ".join(f"‘{h}’" for h in headers if h)
        issues.append(
            ImportIssue(
                file,
                sheet.name,
                layout.row_index + 1,
                "",
                "kolom_niet_gevonden",
                message,
                choice.label,
                suggestion,
            )
        )
    return issues


def _no_header(
    name: str,
    layouts: list[tuple[Sheet, SheetLayout | None]],
    choices: Sequence[ColumnChoice],
) -> ImportIssue:
    found = [(s, lay) for s, lay in layouts if lay is not None]
    if not found:
        return ImportIssue(
            name,
            "",
            None,
            "",
            "geen_kolomkoppen",
            "geen kolomkoppen herkend: dit lijkt geen leerlingenoverzicht, telling of scholenlijst",
            suggestion="kies zelf welke kolom wat bevat",
        )
    sheet, layout = max(found, key=lambda item: len(item[1].columns))
    recognised = ", ".join(
        f"{f} (‘{layout.headers[i]}’)" for f, i in sorted(layout.columns.items())
    )
    chosen = " met uw kolomkeuze" if choices else ""
    return ImportIssue(
        name,
        sheet.name,
        layout.row_index + 1,
        "",
        "kolommen_ontbreken",
        f"niet alle benodigde kolommen herkend{chosen}; herkend: {recognised or 'niets'}; "
        f"ontbreekt: {', '.join(_missing(layout))}",
        suggestion="kies zelf welke kolom wat bevat",
    )


def parse_schools(classified: ClassifiedFile, reference: Reference) -> ParsedFile:
    parsed = ParsedFile(FileKind.SCHOOLS)
    for sheet, layout in classified.sheets:
        problems = SheetProblems(classified.name, sheet.name, layout.headers)
        rows = blank_faulty_rows(sheet, layout, problems)
        locations = parse_school_sheet(rows, layout, problems, reference)
        parsed.schools.extend(locations)
        _collect(parsed, problems, len(locations))
    return parsed


def parse_pupils(
    classified: ClassifiedFile,
    reference: Reference,
    schools: SchoolIndex,
    pseudonymize: Pseudonymizer,
    file_key: str = "",
) -> ParsedFile:
    """Pupil records of a pupil extract, or count records of a count file (``file_key`` makes
    the count rows' keys unique to this file)."""
    parsed = ParsedFile(classified.kind or FileKind.PUPILS)
    for sheet, layout in classified.sheets:
        problems = SheetProblems(classified.name, sheet.name, layout.headers)
        rows = blank_faulty_rows(sheet, layout, problems)
        if layout.kind is FileKind.COUNTS:
            counted = read_counts(rows, layout, problems, reference, schools, file_key)
            pupils = counted.pupils
            parsed.uncertain_cells += counted.masked
        else:
            reader = PupilSheetReader(layout, problems, reference, schools, pseudonymize)
            pupils = reader.read(rows)
            parsed.readers.append(reader)
        parsed.pupils.extend(pupils)
        _collect(parsed, problems, len(pupils))
        if parsed.hint is None:
            parsed.hint = hints_in(sheet.rows[: layout.row_index])
    if parsed.hint is None:
        parsed.hint = hints_in_name(classified.name)
    return parsed


def _collect(parsed: ParsedFile, problems: SheetProblems, good: int) -> None:
    parsed.issues.extend(problems.issues)
    parsed.bad_rows += len(problems.bad_rows)
    parsed.rows_read += good + len(problems.bad_rows)


def errors_of(issues: list[ImportIssue]) -> list[ImportIssue]:
    return [i for i in issues if i.severity is Severity.ERROR]
