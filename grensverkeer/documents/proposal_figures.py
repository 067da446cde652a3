"""The pictures of the verrekenvoorstel: the flow map (a landscape page after the matrix) and
the school years side by side (in chapter 5), drawn from ``mapping`` like the window's Kaart and
Trend pages, in the same colours."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from grensverkeer.documents import figures
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.page_template import LANDSCAPE, frame_width
from grensverkeer.documents.pictures import to_drawing
from grensverkeer.documents.prose import para
from grensverkeer.mapping.trend import YearFigures

MAP_WIDTH = 860.0  # the map is laid out at this width in points, then scaled to the frame
MAP_HEIGHT = 400.0  # its height on the landscape page


def map_page(data: DocumentData) -> list[Flowable]:
    """The flows of the euro matrix on a map (landscape), drawn as in the window."""
    width = frame_width(LANDSCAPE)
    picture = figures.map_picture(data, MAP_WIDTH, MAP_WIDTH * MAP_HEIGHT / width)
    return [
        PageBreak(),
        para("De stromen op de kaart", "h2_loose"),
        para(
            "Elke gemeente is gekleurd naar haar saldo binnen de regio in euro’s (paars: "
            "ontvangt, oranje: betaalt). De pijlen lopen van woongemeente naar schoolgemeente; "
            f"hun dikte is het bedrag. Alleen de {figures.MAP_FLOWS} grootste stromen zijn "
            "getekend; alle bedragen staan in de matrix hiervoor. Grijs: gemeenten buiten de "
            "regio, niet verrekend.",
            "note",
        ),
        to_drawing(picture, width),
    ]


def trend_section(data: DocumentData, trend: Sequence[YearFigures], width: float) -> list[Flowable]:
    """The school years side by side, as in the window's Trend page (when given)."""
    if len(trend) < 2:
        return []
    pictures = [to_drawing(p) for p in figures.trend_pictures(data, trend, width)]
    heading = [
        para("Over de schooljaren", "h2"),
        para(
            "Elk schooljaar met zijn eigen deelnemers; een gemeente die in een jaar geen "
            "deelnemer was, heeft dat jaar geen staaf (‘geen lid’).",
            "lead",
        ),
    ]
    story: list[Flowable] = [CondPageBreak(70 * mm), KeepTogether([*heading, pictures[0]])]
    story += [KeepTogether([Spacer(1, 6), picture]) for picture in pictures[1:]]
    return story
