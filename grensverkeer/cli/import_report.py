"""The import summary on the terminal: what was stored, how each column was read, what is wrong.

The core hands over values (an :class:`ImportReport` with the layout of every sheet); here they
become lines. A choice the program would not make alone comes with the ``--column`` option
that settles it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.cli.render import issue_lines
from grensverkeer.domain import FileKind
from grensverkeer.importing.fields import Field
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.importing.layout import QuestionCode, SheetLayout
from grensverkeer.reference import Reference, load_reference
from grensverkeer.services.imports.import_changes import ImportChanges
from grensverkeer.services.imports.import_decision import MISREAD, YEAR_CODES
from grensverkeer.services.imports.reports import ImportReport, Outcome, warning_summary

WARNINGS_SHOWN = 20
#: A file with thousands of bad rows shows this many; --skipped-csv writes them all.
ERRORS_SHOWN = 50
_QUESTIONS = {code.value for code in QuestionCode}
_UNUSED_AS = {
    Field.SCHOOL_PLACE: "plaats of gemeente van de school, niet als woonplaats gebruikt",
    Field.PERSONAL: "persoonsgegeven, niet gebruikt",
    Field.IGNORED: "niet gebruikt",
    Field.SCHOOL_NAME: "naam van de school, niet gebruikt",
}


def print_report(report: ImportReport) -> None:
    if report.outcome is Outcome.ALREADY:
        print(f"{report.file}: {report.notes[0]}")
        return
    if report.outcome is Outcome.REFUSED:
        _refused(report)
        return
    headline = f"{report.file}: opgeslagen als import {report.import_id} ({report.kind})"
    if report.rows_skipped - report.outside_year > 0:
        headline += f"; {skipped_headline(report)}"
    print(headline)
    if report.school_year is not None:
        print(f"  schooljaar {report.school_year} ({report.school_year_source})")
    print("  " + ", ".join(_figures(report)))
    if report.changes is not None:
        for line in change_lines(report.changes, load_reference()):
            print(line)
    if report.uncertain_cells:
        print(f"  let op: {uncertain(report.uncertain_cells, report.uncertain_pupils)}")
    for note in report.notes:
        print(f"  let op: {note}")
    for line in column_lines(report.layouts):
        print(line)
    if report.errors:
        print(f"  Overgeslagen rijen ({formatting.number(len(report.errors))}):")
        for line in _error_lines(report.errors):
            print(line)
    if report.warnings:
        print("  Waarschuwingen: " + "; ".join(warning_summary(report.warnings)))
        for line in issue_lines(report.warnings, WARNINGS_SHOWN):
            print(line)


def _refused(report: ImportReport) -> None:
    errors = report.errors
    out = sys.stderr
    count = formatting.count(len(errors), "fout", "fouten")
    print(f"{report.file}: geweigerd, {count}; er is niets van opgeslagen.", file=out)
    for line in _error_lines(errors):
        print(line, file=out)
    for issue in errors:
        if issue.code in _QUESTIONS and issue.options:
            print(f"    {how_to_choose(issue)}", file=out)
        elif issue.code == MISREAD and issue.fields:
            print("    Importeer eerst de scholenlijst, dan dit bestand.", file=out)
        elif issue.code == MISREAD and issue.options:
            print(
                f"    Controleer hieronder hoe ‘{issue.options[0]}’ is gelezen; kies zo nodig "
                f'met --column VELD="{issue.options[0]}".',
                file=out,
            )
    for line in column_lines(report.layouts):
        print(line, file=out)
    if any(i.code in YEAR_CODES for i in errors):
        print("  Geef het schooljaar op met --school-year 2024-2025.", file=out)
    if errors and all(e.row is not None for e in errors):
        print(
            "  Verbeter het bestand, of importeer met --skip-invalid om alleen de goede "
            "rijen op te slaan.",
            file=out,
        )


def _error_lines(errors: Sequence[ImportIssue]) -> list[str]:
    lines = issue_lines(errors, ERRORS_SHOWN)
    if len(errors) > ERRORS_SHOWN:
        lines[-1] += "; schrijf ze allemaal naar een bestand met --skipped-csv BESTAND"
    return lines


def skipped_headline(report: ImportReport) -> str:
    """``164 van 200 rijen overgeslagen (82%)``: never hidden behind a plain "opgeslagen"."""
    skipped = report.rows_skipped - report.outside_year
    share = formatting.percent(Fraction(skipped, max(report.rows_read, 1)))
    return (
        f"{formatting.number(skipped)} van {formatting.number(report.rows_read)} rijen "
        f"overgeslagen ({share})"
    )


def change_lines(changes: ImportChanges, reference: Reference, shown: int = 12) -> list[str]:
    """The file's pupils per municipality of residence and the matrix cells it changes."""

    def name(code: str) -> str:
        found = reference.municipality(code)
        return found.short_name if found else code

    def number(value: int | Fraction) -> str:
        return formatting.pupils(value)

    homes = ", ".join(f"{name(c)} {number(v)}" for c, v in changes.by_residence[:shown])
    more = len(changes.by_residence) - shown
    lines = [
        f"  {number(changes.counted)} leerlingen tellen mee"
        + (f"; naar woongemeente: {homes}" if homes else "")
        + (f" en nog {more} gemeenten" if more > 0 else "")
    ]
    outside = changes.outside_region
    pupils = "leerling" if outside == 1 else "leerlingen"
    unknown = formatting.count(changes.unknown_residence, "rij", "rijen")
    lines.append(
        f"  buiten de regio: {number(outside)} {pupils}; zonder bekende woongemeente: {unknown}"
    )
    if changes.cells:
        lines.append("  Gewijzigde cellen van de matrix (woont in → school in: voor → na):")
        for cell in changes.cells[:shown]:
            lines.append(
                f"    {name(cell.residence)} → {name(cell.school)}: "
                f"{number(cell.before)} → {number(cell.after)}"
            )
        if len(changes.cells) > shown:
            lines.append(f"    … en nog {len(changes.cells) - shown} cellen")
    return lines


def how_to_choose(issue: ImportIssue) -> str:
    """``Kies met --column woonplaats="Plaats" (velden: …; kolommen: …)``."""
    if issue.code == QuestionCode.DATE_ORDER:
        return "Kies de volgorde met --date-order dmj (dag-maand-jaar) of --date-order mdj."
    field = issue.fields[0] if issue.fields else "VELD"
    example = f'--column {field}="{issue.options[0]}"'
    fields = ", ".join(issue.fields)
    columns = ", ".join(f"‘{o}’" for o in issue.options)
    return f"Kies met {example} (veld: {fields}; kolom: {columns})."


def _figures(report: ImportReport) -> list[str]:
    figures = [
        f"{formatting.number(report.rows_read)} rijen gelezen",
        f"{formatting.number(report.rows_stored)} opgeslagen",
    ]
    if report.rows_skipped:
        figures.append(f"{formatting.number(report.rows_skipped)} overgeslagen")
    if report.outside_year:
        figures.append(f"waarvan {formatting.number(report.outside_year)} buiten het schooljaar")
    if report.duplicates_merged:
        figures.append(f"{formatting.number(report.duplicates_merged)} dubbele samengevoegd")
    return figures


def uncertain(cells: int, pupils: int) -> str:
    """``tot 3 × 37 cellen = 111 leerlingen onzeker`` for masked DUO counts."""
    if cells and pupils == 3 * cells:
        return (
            f"{cells} afgeschermde aantallen (<5) als 1 geteld: tot 3 × {cells} cellen = "
            f"{formatting.number(pupils)} leerlingen onzeker"
        )
    return (
        f"{cells} afgeschermde aantallen als 1 geteld: samen tot "
        f"{formatting.number(pupils)} leerlingen meer onzeker"
    )


def confidence_word(value: float) -> str:
    if value >= 0.9:
        return "zeker"
    if value >= 0.6:
        return "waarschijnlijk"
    return "onzeker"


def column_lines(layouts: Sequence[tuple[str, SheetLayout]]) -> list[str]:
    """Per sheet: each column with what it was read as, and the columns left unused."""
    lines: list[str] = []
    for sheet, layout in layouts:
        lines.append(f"  Kolommen (blad ‘{sheet}’, kopregel {layout.row_index + 1}):")
        unused_as = _UNUSED_AS if layout.kind is not FileKind.SCHOOLS else {}
        used = [r for r in layout.readings if r.field is not None and r.field not in unused_as]
        for r in used:
            why = f"; {r.reason}" if r.reason else ""
            lines.append(
                f"    {r.letter:>3} {_name(r.header, r.group):<32} → {r.field} "
                f"({confidence_word(r.confidence)}{why})"
            )
        for index in layout.count_parts:
            part = layout.readings[index]
            lines.append(f"    {part.letter:>3} {part.header:<32} → aantal (opgeteld)")
        unused = [
            r
            for r in layout.readings
            if r.header
            and (r.field is None or r.field in unused_as)
            and r.index not in layout.count_parts
        ]
        if unused:
            parts = []
            for r in unused:
                what = unused_as.get(r.field, "niet gebruikt") if r.field else "niet gebruikt"
                flag = " LET OP" if r.warning else ""
                parts.append(f"{r.letter} ‘{r.header}’ ({what}{flag})")
            lines.append("    Niet gebruikt: " + "; ".join(parts))
    return lines


def _name(header: str, group: str) -> str:
    return f"{header} [{group}]" if group else header
