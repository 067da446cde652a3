"""Paragraph and table styles shared by the documents: one look, sizes readable on paper.

Body text is 9.5 pt, table text 8 pt and the wide matrix 7 pt condensed, never smaller.
Headings keep with what follows and paragraphs leave no widows or orphans.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from grensverkeer.documents.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1d2731")
MUTED = colors.HexColor("#5b6670")
ACCENT = colors.HexColor("#1f5f8b")
RULE = colors.HexColor("#b8c2cc")
HEADER_FILL = colors.HexColor("#e4ecf3")
TOTAL_FILL = colors.HexColor("#f0f3f6")
DIAGONAL_FILL = colors.HexColor("#f4f1e6")
POSITIVE = colors.HexColor("#2e7d32")
NEGATIVE = colors.HexColor("#c62828")
CONCEPT_RED = colors.HexColor("#b71c1c")

#: one table style command: its name, the first and the last cell, then its values
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]

BODY_SIZE = 9.5
TABLE_SIZE = 8
MATRIX_SIZE = 7


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.35,
        textColor=INK,
        spaceAfter=5,
        allowWidows=0,
        allowOrphans=0,
    )

    def derived(name: str, **changes: Any) -> ParagraphStyle:  # ParagraphStyle's attributes
        return ParagraphStyle(name, parent=base, **changes)

    cell = derived("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25, spaceAfter=0)
    matrix = derived(
        "matrix", fontName=CONDENSED, fontSize=MATRIX_SIZE, leading=MATRIX_SIZE * 1.2, spaceAfter=0
    )
    return {
        "body": base,
        "title": derived(
            "title", fontName=BOLD, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=10
        ),
        "subtitle": derived("subtitle", fontSize=13, leading=17, spaceAfter=18),
        "h1": derived(
            "h1",
            fontName=BOLD,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": derived(
            "h2",
            fontName=BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h2_loose": derived(
            "h2_loose", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=4
        ),
        "lead": derived("lead", keepWithNext=1),  # a paragraph that introduces a table
        "note": derived("note", fontSize=8, leading=10.5, textColor=MUTED),
        "concept": derived(
            "concept", fontName=BOLD, fontSize=14, leading=18, textColor=CONCEPT_RED, spaceAfter=10
        ),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "matrix": matrix,
        "matrix_head": ParagraphStyle(
            "matrix_head", parent=matrix, fontName=CONDENSED_BOLD, alignment=TA_CENTER
        ),
        "matrix_row": ParagraphStyle("matrix_row", parent=matrix, alignment=TA_LEFT),
        "signature": derived("signature", fontSize=9, leading=12, spaceAfter=0),
    }


def table_style(
    *,
    font: str = REGULAR,
    bold: str = BOLD,
    size: float = TABLE_SIZE,
    right_from: int = 1,
    total_row: bool = True,
    padding: float = 3,
) -> TableStyle:
    """A header row, thin rules, numbers right-aligned from column ``right_from``, and a
    bold shaded totals row at the bottom when ``total_row``."""
    commands: list[TableCommand] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("FONT", (0, 0), (-1, 0), bold, size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (right_from, 0), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), padding - 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding + 1),
    ]
    if total_row:
        commands += [
            ("FONT", (0, -1), (-1, -1), bold, size),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ]
    return TableStyle(commands)


def matrix_style() -> tuple[str, str, float]:
    """Font, bold font and size of the matrix tables."""
    return CONDENSED, CONDENSED_BOLD, MATRIX_SIZE
