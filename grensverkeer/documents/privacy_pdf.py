"""The privacy officer's fact sheet as a PDF, on the documents' own page frame and styles."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Table

from grensverkeer import formatting
from grensverkeer.documents.page_template import PORTRAIT, Running, build_pdf, frame_width
from grensverkeer.documents.styles import styles, table_style
from grensverkeer.services.privacy.privacy_report import PrivacyFacts, facts_lines

TITLE = "Grensverkeer: verwerking van leerlinggegevens"


def privacy_pdf(facts: PrivacyFacts) -> bytes:
    """Sections of label and value, as ``grensverkeer privacy report`` prints them."""
    style = styles()
    made = facts.made_on.astimezone().date()
    story: list[Flowable] = [
        Paragraph(escape(TITLE), style["title"]),
        Paragraph(
            "Feiten van deze installatie voor de functionaris gegevensbescherming; de "
            "beschrijving van de verwerking staat in docs/privacy.md.",
            style["subtitle"],
        ),
    ]
    width = frame_width(PORTRAIT)
    for title, lines in facts_lines(facts):
        story.append(Paragraph(escape(title), style["h1"]))
        rows: list[list[object]] = [["Onderdeel", "Gegeven"]]
        rows += [
            [Paragraph(escape(label), style["cell_bold"]), Paragraph(escape(value), style["cell"])]
            for label, value in lines
        ]
        table = Table(rows, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT")
        table.setStyle(table_style(total_row=False, right_from=99))
        story.append(table)
    running = Running(TITLE, "privacyoverzicht", False, f"Datum: {formatting.long_date(made)}")
    return build_pdf(story, running, title=TITLE, subject="Verwerking van leerlinggegevens")
