"""Plain-text rendering for the terminal: aligned tables with Dutch numbers."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from grensverkeer import formatting
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.reference import Reference
from grensverkeer.services.matrices.counted_matrix import Matrix

OUTSIDE = "Buiten de regio"


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] | None = None
) -> str:
    """Columns as wide as their widest cell; ``right`` holds the indexes of number columns."""
    right = right or set()
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def matrix_table(matrix: Matrix, reference: Reference) -> str:
    """Members as rows and columns, the rest folded into "buiten de regio", with totals."""
    amounts = matrix.measure == "amount"
    settings = matrix.settings
    counted = (
        "naar rato van de dagen in het schooljaar"
        if settings is not None and settings.pro_rata
        else f"peildatum {formatting.long_date(matrix.peildatum)}"
    )
    unit = "bedragen in euro" if amounts else "leerlingen"
    title = f"Grensverkeer schooljaar {matrix.school_year}, {counted} ({unit})"

    def show(value: int | Fraction) -> str:
        if not value:
            return "."
        if amounts:
            return formatting.euros(int(value)).removeprefix("€ ")
        return formatting.pupils(value)

    members = sorted(matrix.participants, key=lambda c: reference.label(c))
    member_set = set(members)
    outside_key = "__buiten__"

    def key(code: str) -> str:
        return code if code in member_set else outside_key

    grid: dict[tuple[str, str], int | Fraction] = {}
    for (r, s), value in matrix.cells.items():
        grid[key(r), key(s)] = grid.get((key(r), key(s)), 0) + value
    order = [*members, outside_key]
    names = {c: _short(reference, c) for c in members} | {outside_key: OUTSIDE}
    headers = ["woont in \\ school in", *(names[c] for c in order), "Totaal"]
    rows = []
    for r in order:
        values = [grid.get((r, s), 0) for s in order]
        rows.append([names[r], *(show(v) for v in values), show(sum(values))])
    column_totals = [sum(grid.get((r, s), 0) for r in order) for s in order]
    rows.append(["Totaal", *(show(v) for v in column_totals), show(sum(column_totals))])
    body = table(headers, rows, right=set(range(1, len(headers))))
    outside = sorted(matrix.outside_cells().items(), key=lambda item: (-item[1], item[0]))
    parts = [title, "", body]
    if outside:
        parts += ["", f"{OUTSIDE} (woon- of schoolgemeente geen deelnemer):"]
        parts.append(
            table(
                ["woont in", "school in", "euro" if amounts else "leerlingen"],
                [[reference.label(r), reference.label(s), show(v)] for (r, s), v in outside],
                right={2},
            )
        )
    return "\n".join(parts)


def _short(reference: Reference, code: str) -> str:
    municipality = reference.municipality(code)
    return municipality.short_name if municipality else code


def issue_lines(issues: Sequence[ImportIssue], limit: int | None = None) -> list[str]:
    shown = issues if limit is None else issues[:limit]
    lines = [f"  - {issue.describe()}" for issue in shown]
    if limit is not None and len(issues) > limit:
        lines.append(f"  … en nog {formatting.number(len(issues) - limit)}")
    return lines
