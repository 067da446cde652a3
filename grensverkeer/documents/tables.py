"""Tables for the documents: plain tables with a totals row, the matrix and signature blocks.

The matrix has a row per residence and a column per school municipality among the participants,
one row and one column "Buiten de regio" for everything else, and totals; every total is summed
from the exact values (integer cents, or pupils), never from what is printed. A matrix wider
than the page is split into parts of whole columns, each repeating the names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from grensverkeer.documents import text
from grensverkeer.documents.data import DocumentData, Pupils
from grensverkeer.documents.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR
from grensverkeer.documents.styles import (
    DIAGONAL_FILL,
    HEADER_FILL,
    INK,
    MUTED,
    TOTAL_FILL,
    TableCommand,
    matrix_style,
    styles,
    table_style,
)

OUTSIDE = ""  # the row and column key of "Buiten de regio"
CELL_PADDING = 3.0
MATRIX_PADDING = 2.0
MAX_COLUMN = 78.0
CORNER = ("woont in ↓", "school in →")
MIN_TEXT_COLUMN = 70.0
WHOLE_TABLE_HEIGHT = 400.0  # points: a table up to this height is never split over pages
ONE_LINE_HEADER = 75.0  # a figure column's heading up to this width stays on one line


@dataclass(frozen=True, slots=True)
class MatrixGrid:
    """Rows (residences) and columns (schools): the participants, then ``OUTSIDE``."""

    keys: tuple[str, ...]
    values: Mapping[tuple[str, str], Pupils]  # whole cents, or pupils
    row_totals: Mapping[str, Pupils]
    column_totals: Mapping[str, Pupils]
    total: Pupils

    def value(self, row: str, column: str) -> Pupils:
        return self.values.get((row, column), 0)


def matrix_grid(cells: Mapping[tuple[str, str], Pupils], participants: Sequence[str]) -> MatrixGrid:
    """Fold every cell into the participants' rows and columns or "Buiten de regio"."""
    members = set(participants)
    keys = (*participants, OUTSIDE)
    values: dict[tuple[str, str], Pupils] = {}
    for (residence, school), value in cells.items():
        key = (
            residence if residence in members else OUTSIDE,
            school if school in members else OUTSIDE,
        )
        values[key] = values.get(key, 0) + value
    row_totals = {k: sum((v for (r, _s), v in values.items() if r == k), 0) for k in keys}
    column_totals = {k: sum((v for (_r, s), v in values.items() if s == k), 0) for k in keys}
    total = sum(values.values(), 0)
    if not sum(row_totals.values(), 0) == total == sum(column_totals.values(), 0):
        raise AssertionError("the matrix totals must add up")
    return MatrixGrid(keys, values, row_totals, column_totals, total)


def _name(data: DocumentData, key: str | None) -> str:
    if key is None:
        return "Totaal"
    return text.esc(text.OUTSIDE if key == OUTSIDE else data.party(key).short_name)


def _parts(widths: Sequence[float], room: float) -> list[list[int]]:
    """Split columns (by index) into the fewest parts that fit ``room``, as even as possible."""
    count = len(widths)
    for parts in range(1, count + 1):
        size = -(-count // parts)
        chunks = [list(range(i, min(i + size, count))) for i in range(0, count, size)]
        if all(sum(widths[i] for i in chunk) <= room for chunk in chunks):
            return chunks
    return [[i] for i in range(count)]


def matrix_tables(
    data: DocumentData,
    grid: MatrixGrid,
    show: Callable[[Pupils], str],
    width: float,
    caption: str,
) -> list[Flowable]:
    """The matrix as one table, or as parts of whole columns when it is wider than ``width``."""
    font, bold, size = matrix_style()
    style = styles()
    head_style = ParagraphStyle(
        "matrix_head_right", parent=style["matrix_head"], alignment=TA_RIGHT
    )
    columns: list[str | None] = [*grid.keys, None]  # None: the totals column
    shown: dict[str | None, list[str]] = {
        key: [show(grid.value(row, key)) for row in grid.keys] for key in grid.keys
    }
    shown[None] = [show(grid.row_totals[row]) for row in grid.keys]
    totals_row: dict[str | None, str] = {key: show(grid.column_totals[key]) for key in grid.keys}
    totals_row[None] = show(grid.total)

    def natural(key: str | None) -> float:
        figures = [*shown[key], totals_row[key]]
        widest = max(stringWidth(f, bold, size) for f in figures)
        words = max(stringWidth(w, bold, size) for w in _name(data, key).split())
        return max(widest, words) + 2 * MATRIX_PADDING + 2

    names = [*(_name(data, k) for k in grid.keys), "Totaal", *CORNER]
    row_head = min(max(stringWidth(t, bold, size) for t in names), 110) + 2 * MATRIX_PADDING + 2
    widths = [natural(key) for key in columns]
    parts = _parts(widths, width - row_head)

    flowables: list[Flowable] = []
    for number, part in enumerate(parts, start=1):
        label = caption if len(parts) == 1 else f"{caption} (deel {number} van {len(parts)})"
        keys = [columns[i] for i in part]
        part_widths = [widths[i] for i in part]
        spare = (width - row_head - sum(part_widths)) / len(part)
        header = [Paragraph("<br/>".join(CORNER), style["matrix_row"])] + [
            Paragraph(f"<b>{_name(data, k)}</b>", head_style) for k in keys
        ]
        body = [
            [Paragraph(_name(data, row), style["matrix_row"])] + [shown[k][index] for k in keys]
            for index, row in enumerate(grid.keys)
        ]
        total = [Paragraph("<b>Totaal</b>", style["matrix_row"])] + [totals_row[k] for k in keys]
        table = Table(
            [header, *body, total],
            colWidths=[row_head, *(max(w, min(w + spare, MAX_COLUMN)) for w in part_widths)],
            repeatRows=1,
            hAlign="LEFT",
        )
        extra: list[TableCommand] = [("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
        outside_row = len(grid.keys)
        extra.append(("TEXTCOLOR", (1, outside_row), (-1, outside_row), MUTED))
        for column, key in enumerate(keys, start=1):
            if key is None:
                extra += [
                    ("FONT", (column, 1), (column, -1), bold, size),
                    ("BACKGROUND", (column, 1), (column, -2), TOTAL_FILL),
                    ("TEXTCOLOR", (column, 1), (column, -1), INK),
                ]
            elif key == OUTSIDE:
                extra.append(("TEXTCOLOR", (column, 1), (column, -2), MUTED))
            else:
                row = grid.keys.index(key) + 1
                extra.append(("BACKGROUND", (column, row), (column, row), DIAGONAL_FILL))
        table.setStyle(table_style(font=font, bold=bold, size=size, padding=MATRIX_PADDING))
        table.setStyle(TableStyle(extra))
        # the caption may not end a page, but the table may split (it repeats its header)
        flowables += [CondPageBreak(60), Paragraph(label, style["h2_loose"]), table, Spacer(1, 6)]
    return flowables


class _ShortTableWhole(Table):
    """A table that moves to the next page whole when it is short enough, rather than leave a
    row or two (or its heading) behind; a long table splits, repeating its header row."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if getattr(self, "_height", WHOLE_TABLE_HEIGHT + 1) <= WHOLE_TABLE_HEIGHT:
            return []
        return super().split(availWidth, availHeight)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    width: float,
    *,
    total: Sequence[object] | None = None,
    right_from: int = 1,
    weights: Sequence[float] | None = None,
) -> Table:
    """A table with a header row repeated on every page and, when given, a totals row.

    Columns from ``right_from`` on hold figures: right-aligned and as wide as their widest
    figure. The text columns before it share what is left of ``width`` (by ``weights``) and
    wrap long names inside their column. When the figures leave too little room, the table
    switches to the condensed font.
    """
    style = styles()
    lines = [*rows, *([total] if total is not None else [])]

    def figure_widths(bold: str, size: float) -> list[float]:
        return [
            max(
                [stringWidth(str(line[column]), bold, size) for line in lines]
                + [stringWidth(word, bold, size) for word in header[column].split()]
                + [min(stringWidth(header[column], bold, size), ONE_LINE_HEADER)]
            )
            + 2 * (CELL_PADDING + 1)
            + 1
            for column in range(right_from, len(header))
        ]

    font, bold, cell_style = REGULAR, BOLD, "cell"
    size = style[cell_style].fontSize
    figures = figure_widths(bold, size)
    if width - sum(figures) < MIN_TEXT_COLUMN * right_from:
        font, bold, cell_style = CONDENSED, CONDENSED_BOLD, "matrix"
        size = style[cell_style].fontSize
        figures = figure_widths(bold, size)
    room = width - sum(figures)
    shares = list(weights or [1.0] * right_from)
    text_widths = [room * share / sum(shares) for share in shares]
    body_style = ParagraphStyle(f"table_{cell_style}", parent=style[cell_style])
    bold_style = ParagraphStyle(f"table_{cell_style}_bold", parent=body_style, fontName=bold)
    right_style = ParagraphStyle(f"table_{cell_style}_right", parent=bold_style, alignment=TA_RIGHT)

    def cell(value: object, column: int, strong: bool = False) -> object:
        if isinstance(value, str) and column < right_from:
            return Paragraph(text.esc(value), bold_style if strong else body_style)
        return value

    head = [
        Paragraph(text.esc(h), bold_style if i < right_from else right_style)
        for i, h in enumerate(header)
    ]
    body = [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    if total is not None:
        body.append([cell(v, i, strong=True) for i, v in enumerate(total)])
    table = _ShortTableWhole(
        [head, *body], colWidths=[*text_widths, *figures], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            font=font,
            bold=bold,
            size=size,
            right_from=right_from,
            total_row=total is not None,
            padding=CELL_PADDING,
        )
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, 0), "BOTTOM")]))
    return table


def key_value_table(rows: Sequence[tuple[str, str]], widths: tuple[float, float]) -> Table:
    """Label and value (paragraph markup), without header: the facts on a title page."""
    style = styles()
    table = Table(
        [
            [Paragraph(text.esc(k), style["cell_bold"]), Paragraph(v, style["body"])]
            for k, v in rows
        ],
        colWidths=list(widths),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, HEADER_FILL),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


SIGNATURE_LABELS = ("Naam", "Functie", "Plaats en datum", "Handtekening")


def signature_block(party_line: str, width: float) -> Table:
    """A "Namens …" line, with lines for name, function, place and date, and room to sign."""
    style = styles()
    label_width = max(stringWidth(label, REGULAR, 9) for label in SIGNATURE_LABELS) + 8
    rows = [[Paragraph(party_line, style["cell_bold"]), ""]] + [
        [Paragraph(label, style["signature"]), ""] for label in SIGNATURE_LABELS
    ]
    table = Table(
        rows,
        colWidths=[label_width, width - label_width],
        rowHeights=[None, 21, 21, 21, 34],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("SPAN", (0, 0), (-1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 1), (1, -1), 0.5, INK),
                ("LINEABOVE", (0, 0), (-1, 0), 1, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def signature_grid(party_lines: Sequence[str], width: float) -> Table:
    """Signature blocks two by two; a table breaks only between rows, so never in a block."""
    gap = 18
    column = (width - gap) / 2
    blocks = [signature_block(line, column) for line in party_lines]
    rows = [
        [blocks[i], "", blocks[i + 1] if i + 1 < len(blocks) else ""]
        for i in range(0, len(blocks), 2)
    ]
    table = Table(rows, colWidths=[column, gap, column], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
            ]
        )
    )
    return table
