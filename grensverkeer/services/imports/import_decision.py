"""What of a parsed file is stored: its school year, counting rule 2, and whether it is refused."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.domain import FileKind, PupilRecord
from grensverkeer.importing.duplicates import Reconciled, reconcile
from grensverkeer.importing.issues import ImportIssue, Severity, column_label
from grensverkeer.importing.parse_file import ClassifiedFile, ParsedFile, errors_of
from grensverkeer.importing.school_year_detection import YearFromDates, year_from_dates
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.import_targets import Decision, ImportTarget

#: Problems of one kind in one column on more than this share of the rows: a misread column.
SKIP_BOUND = 0.05
MISREAD = "kolom_verkeerd_gelezen"
YEAR_UNKNOWN = "schooljaar_onbekend"
YEAR_SPANS = "schooljaar_dubbelzinnig"
#: Problems whose remedy is a school year chosen by the user.
YEAR_CODES = frozenset({YEAR_UNKNOWN, YEAR_SPANS})
SCHOOL_CODES = frozenset({"brin_onbekend", "vestiging_onbekend"})


def school_year_of(
    name: str, parsed: ParsedFile, chosen: SchoolYear | None
) -> tuple[SchoolYear | None, str]:
    """The user's year, else the file's title or name, else the dates; with where it came from.

    A year that cannot be found is a problem of the file; a chosen year that the file
    contradicts is a warning.
    """
    hint = parsed.hint
    if chosen is not None:
        if hint and hint.school_year and hint.school_year != chosen:
            parsed.issues.append(
                ImportIssue(
                    name,
                    "",
                    None,
                    "",
                    "schooljaar_verschilt",
                    f"het bestand noemt ‘{hint.text}’, maar u koos {chosen}",
                    severity=Severity.WARNING,
                )
            )
        return chosen, "door u gekozen"
    if hint is not None and hint.school_year is not None:
        return hint.school_year, f"uit het bestand: ‘{hint.text}’"
    found = year_from_dates(parsed.periods)
    if found.year is not None:
        return found.year, "afgeleid uit de start- en einddatums"
    if len(found.spans) > 1:
        parsed.issues.append(_spans_issue(name, found))
        return None, ""
    parsed.issues.append(
        ImportIssue(
            name,
            "",
            None,
            "",
            YEAR_UNKNOWN,
            "het schooljaar is niet uit het bestand af te leiden (geen titelregel, geen "
            "schooljaar in de bestandsnaam en geen datums)",
            suggestion="kies het schooljaar",
        )
    )
    return None, ""


def _spans_issue(name: str, found: YearFromDates) -> ImportIssue:
    """The file holds the pupils of more than one school year: the user says which."""
    active = found.active or {}
    years = [
        f"{year} ({formatting.count(active[year], 'leerling', 'leerlingen')} op de peildatum)"
        if year in active
        else str(year)
        for year in found.spans
    ]
    return ImportIssue(
        name,
        "",
        None,
        "",
        YEAR_SPANS,
        "de datums wijzen naar meer dan één schooljaar: " + " en ".join(years),
        suggestion="kies het schooljaar waar dit bestand over gaat",
        options=tuple(str(year) for year in found.spans),
    )


def decide(
    name: str,
    classified: ClassifiedFile,
    parsed: ParsedFile,
    skip_invalid: bool,
    year: SchoolYear | None,
    target: ImportTarget,
) -> Decision:
    """Counting rule 2 against what is known already, and whether the file is refused."""
    issues = list(classified.issues) + parsed.issues
    pupils = parsed.pupils
    outside = merged = 0
    if parsed.kind is not FileKind.SCHOOLS and year is not None:
        inside = pupils.take(pupils.within(year))
        outside = len(pupils) - len(inside)
        pupils = inside
        if parsed.kind is FileKind.PUPILS:
            sheets = {sheet.name for sheet, _layout in classified.sheets}
            result = reconcile(
                inside, target.known_records(year), target.peildatum(year), _label(sheets)
            )
            pupils = inside.take(result.kept)
            merged = len(result.merged)
            issues.extend(_clash_issues(name, result))
    issues.extend(misread_columns(name, errors_of(issues), parsed.rows_read))
    errors = errors_of(issues)
    bad_rows = {(i.sheet, i.row) for i in errors if i.row is not None}
    refused = any(i.row is None for i in errors) or (bool(errors) and not skip_invalid)
    stored = len(parsed.schools) if parsed.kind is FileKind.SCHOOLS else len(pupils)
    if not refused and not stored and bad_rows:
        issues.append(
            ImportIssue(name, "", None, "", "niets_over", "geen enkele rij kan worden opgeslagen")
        )
        refused = True
    return Decision(issues, pupils, stored, len(bad_rows) + outside, merged, outside, refused)


def misread_columns(name: str, errors: list[ImportIssue], rows: int) -> list[ImportIssue]:
    """Many rows failing alike are no bad rows: the column was misread, or the school list
    is missing. One problem of the file per such (sheet, column, kind of problem), so that
    skipping bad rows cannot store what is left of a misread file."""
    groups: dict[tuple[str, str, str], list[ImportIssue]] = {}
    for issue in errors:
        if issue.row is not None:
            groups.setdefault((issue.sheet, issue.column, issue.code), []).append(issue)
    found = []
    for (sheet, column, code), group in groups.items():
        if len(group) <= max(SKIP_BOUND * rows, 2):
            continue
        share = formatting.percent(Fraction(len(group), max(rows, 1)))
        examples = "; ".join(f"rij {i.row}: {i.message}" for i in group[:3])
        schools = code in SCHOOL_CODES
        found.append(
            ImportIssue(
                name,
                sheet,
                None,
                column,
                MISREAD,
                f"{len(group)} van {rows} rijen ({share}) hebben hetzelfde probleem in "
                f"kolom {column or '?'}: {examples}",
                suggestion=(
                    "dat zijn geen losse foute rijen: importeer eerst de scholenlijst waarin "
                    "deze scholen staan"
                    if schools
                    else "dat zijn geen losse foute rijen maar een verkeerd gelezen kolom: "
                    "kies de juiste kolom"
                ),
                fields=("scholenlijst",) if schools else (),
                options=(column_label(column),) if column else (),
            )
        )
    return found


def _clash_issues(name: str, result: Reconciled) -> list[ImportIssue]:
    issues = []
    for clash in result.merged:
        issues.append(
            _located(
                name,
                clash.record,
                "dubbel_samengevoegd",
                f"dezelfde leerling als {clash.where}; één keer geteld",
                Severity.WARNING,
            )
        )
    for clash in result.conflicts:
        issues.append(
            _located(
                name,
                clash.record,
                "conflict",
                f"deze leerling staat op de peildatum ook bij {clash.where} ingeschreven, "
                "met een andere school, woongemeente of onderwijstype",
                Severity.ERROR,
                "los dit op in het bronbestand: één inschrijving per leerling",
            )
        )
    return issues


def _label(sheets: set[str]) -> Callable[[PupilRecord], str]:
    """ "rij 12" in a one-sheet file, "blad ‘X’, rij 12" where the sheet matters."""
    if len(sheets) == 1:
        return lambda record: f"rij {record.row}"
    return lambda record: f"blad ‘{record.sheet}’, rij {record.row}"


def _located(
    name: str,
    record: PupilRecord,
    code: str,
    message: str,
    severity: Severity,
    suggestion: str = "",
) -> ImportIssue:
    return ImportIssue(
        name, record.sheet, record.row, "", code, message, suggestion=suggestion, severity=severity
    )
