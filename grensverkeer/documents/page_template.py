"""The page frame every document shares: portrait and landscape pages, header and footer.

Every page carries the running title, the plan id and the short hash of the plan (so a printed
page can be matched to the stored plan), the date and "pagina x van y"; a draft carries
"CONCEPT — niet vastgesteld" in its header and footer and a red band along its edge. A withdrawn
plan carries "INGETROKKEN" there, the band, and under the header when and why it was withdrawn.
The total page count is known only at the end, so the canvas keeps its pages until ``save`` and
then writes the footers.

Documents are built in reportlab's invariant mode: no clock, no random ids, so the same data
gives byte-identical PDFs.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from grensverkeer import formatting
from grensverkeer.documents import text
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.fonts import BOLD, REGULAR, register_fonts
from grensverkeer.documents.styles import ACCENT, CONCEPT_RED, INK, MUTED, RULE

PORTRAIT = "portrait"
LANDSCAPE = "landscape"
AUTHOR = "Grensverkeer zorg in onderwijs"
CREATOR = "grensverkeer"

SIDE_MARGIN = 18 * mm
LANDSCAPE_SIDE_MARGIN = 14 * mm
TOP_MARGIN = 22 * mm
BOTTOM_MARGIN = 18 * mm
HEADER_SIZE = 7.5


@dataclass(frozen=True, slots=True)
class Running:
    """What the header and footer of every page say."""

    title: str
    stamp: str  # "plan 3 · kenmerk 1a2b3c4d5e6f"
    draft: bool
    date_line: str  # "Datum: 1 oktober 2024"
    withdrawn: str = ""  # "INGETROKKEN op 5 maart 2025 door …: reden"; "" for a valid plan

    @property
    def marked(self) -> bool:
        """A page that must not pass for a valid plan: a draft or a withdrawn plan."""
        return self.draft or bool(self.withdrawn)


def running_for(data: DocumentData, title: str) -> Running:
    if data.draft:
        stamp = f"{text.CONCEPT} · kenmerk {data.short_hash}"
    elif data.withdrawn is not None:
        stamp = f"{text.WITHDRAWN} · plan {data.plan_id} · kenmerk {data.short_hash}"
    else:
        stamp = f"plan {data.plan_id} · kenmerk {data.short_hash}"
    date_line = f"Datum: {formatting.long_date(data.issued)}"
    return Running(title, stamp, data.draft, date_line, text.withdrawn_line(data))


def frame_width(orientation: str) -> float:
    if orientation == LANDSCAPE:
        return landscape(A4)[0] - 2 * LANDSCAPE_SIDE_MARGIN
    return A4[0] - 2 * SIDE_MARGIN


def _header(running: Running, canvas: Canvas, _doc: BaseDocTemplate) -> None:
    width, height = canvas._pagesize  # type: ignore[attr-defined]  # this page's size; no getter
    side = LANDSCAPE_SIDE_MARGIN if width > height else SIDE_MARGIN
    canvas.saveState()
    if running.marked:
        _draft_band(canvas, height)
    y = height - 13 * mm
    stamp_font = BOLD if running.marked else REGULAR
    room = width - 2 * side - stringWidth(running.stamp, stamp_font, HEADER_SIZE) - 12
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, HEADER_SIZE)
    canvas.drawString(side, y, _fitted(running.title, room))
    canvas.setFont(stamp_font, HEADER_SIZE)
    canvas.setFillColor(CONCEPT_RED if running.marked else INK)
    canvas.drawRightString(width - side, y, running.stamp)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(side, y - 2.5 * mm, width - side, y - 2.5 * mm)
    if running.withdrawn:
        canvas.setFont(BOLD, HEADER_SIZE)
        canvas.setFillColor(CONCEPT_RED)
        canvas.drawString(side, y - 6.5 * mm, _fitted(running.withdrawn, width - 2 * side))
    canvas.restoreState()


def _fitted(title: str, room: float) -> str:
    """The running title, shortened with … where it would run into the plan stamp."""
    if stringWidth(title, BOLD, HEADER_SIZE) <= room:
        return title
    while title and stringWidth(title + "…", BOLD, HEADER_SIZE) > room:
        title = title[:-1]
    return title.rstrip(" ·") + "…"


def _draft_band(canvas: Canvas, height: float) -> None:
    """A red band along the left edge of every draft page: seen at a glance on paper, and no
    text, so copying or extracting a page's text is not disturbed by it."""
    canvas.saveState()
    canvas.setFillColor(CONCEPT_RED, alpha=0.85)
    canvas.rect(0, 0, 5 * mm, height, stroke=0, fill=1)
    canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Keeps every page until ``save``, then draws the footers with the total page count."""

    def __init__(self, *args: Any, running: Running, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # Canvas's own arguments, as the doc template passes them
        self._running = running
        self._kept: list[dict[str, object]] = []

    def showPage(self) -> None:
        self._kept.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # Canvas.showPage's own reset, unstubbed

    def save(self) -> None:
        total = len(self._kept)
        for number, state in enumerate(self._kept, start=1):
            self.__dict__.update(state)
            self._footer(number, total)
            super().showPage()
        super().save()

    def _footer(self, number: int, total: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]  # this page's size; no getter
        side = LANDSCAPE_SIDE_MARGIN if width > height else SIDE_MARGIN
        y = 10 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(side, y + 3.5 * mm, width - side, y + 3.5 * mm)
        self.setFillColor(MUTED)
        self.setFont(REGULAR, HEADER_SIZE)
        self.drawString(side, y, self._running.date_line)
        self.drawCentredString(width / 2, y, self._running.stamp)
        self.setFillColor(INK)
        self.drawRightString(width - side, y, f"pagina {number} van {total}")
        self.restoreState()


def build_pdf(
    story: Sequence[Flowable],
    running: Running,
    *,
    title: str,
    subject: str,
    keywords: str = "",
    first: str = PORTRAIT,
) -> bytes:
    """Lay out ``story`` on portrait pages (``NextPageTemplate(LANDSCAPE)`` switches) and return
    the PDF: deterministic, fonts embedded, with title, author and subject set."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=AUTHOR,
        subject=subject,
        keywords=keywords,  # type: ignore[arg-type]  # reportlab takes a string too; stubs: list
        creator=CREATOR,
        invariant=1,
        lang="nl-NL",
        initialFontName=REGULAR,
    )
    templates = []
    for name, size, side in (
        (PORTRAIT, A4, SIDE_MARGIN),
        (LANDSCAPE, landscape(A4), LANDSCAPE_SIDE_MARGIN),
    ):
        frame = Frame(
            side,
            BOTTOM_MARGIN,
            size[0] - 2 * side,
            size[1] - TOP_MARGIN - BOTTOM_MARGIN,
            id=f"{name}-frame",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates.append(
            PageTemplate(id=name, frames=[frame], pagesize=size, onPage=partial(_header, running))
        )
    if first == LANDSCAPE:
        templates.reverse()
    doc.addPageTemplates(templates)
    doc.build(list(story), canvasmaker=partial(_NumberedCanvas, running=running))
    return buffer.getvalue()
