"""The paragraphs of the documents: a styled paragraph and a numbered chapter heading."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from grensverkeer.documents import text
from grensverkeer.documents.styles import styles


def para(markup: str, style: str = "body") -> Paragraph:
    return Paragraph(markup, styles()[style])


def chapter(number: int, title: str) -> Paragraph:
    return para(f"{number}. {text.esc(title)}", "h1")
