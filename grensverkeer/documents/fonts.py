"""The bundled DejaVu fonts, registered with reportlab once and embedded in every document.

A TrueType font is embedded (as the subset of glyphs a document uses), so ’ ë é ö € look the
same on every reader, unlike the 14 standard PDF fonts. See
``grensverkeer/resources/fonts/README.md``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from grensverkeer.resources import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def register_fonts() -> None:
    """Register the fonts and their families (bold in ``<b>``, italic in ``<i>``); idempotent."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file)))
    for family, bold in ((REGULAR, BOLD), (CONDENSED, CONDENSED_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, ITALIC)
        addMapping(family, 1, 1, bold)
