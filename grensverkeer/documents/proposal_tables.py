"""Chapters 2 to 4 of the verrekenvoorstel: the matrix in pupils and euros (landscape), in and
out per municipality, and the transfers; every total summed in integer cents."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
)

from grensverkeer.documents import figures, text
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.page_template import (
    LANDSCAPE,
    PORTRAIT,
    frame_width,
)
from grensverkeer.documents.proposal_figures import map_page
from grensverkeer.documents.prose import chapter, para
from grensverkeer.documents.tables import (
    data_table,
    matrix_grid,
    matrix_tables,
)

# 2. Matrix ---------------------------------------------------------------------------------


def matrices_chapter(data: DocumentData) -> list[Flowable]:
    width = frame_width(LANDSCAPE)
    story: list[Flowable] = [NextPageTemplate(LANDSCAPE), PageBreak(), chapter(2, "De matrix")]
    story.append(
        para(
            "Per woongemeente (rij) en schoolgemeente (kolom): de leerlingen die op de peildatum "
            "meetellen en wat hun zorg kost. De diagonaal (gearceerd) zijn leerlingen in hun "
            "eigen gemeente; die worden niet verrekend maar zetten de stromen in verhouding. "
            "‘Buiten de regio’ bundelt de gemeenten die geen deelnemer zijn."
        )
    )
    if data.pupils is not None:
        if data.pro_rata:
            story.append(
                para(
                    "Naar rato telt een leerling voor het deel van het jaar dat hij ingeschreven "
                    "was; de aantallen staan op één decimaal afgerond, de totalen zijn de som van "
                    "de exacte waarden.",
                    "note",
                )
            )
        grid = matrix_grid(data.pupil_cells() or {}, data.participants)
        story += matrix_tables(
            data,
            grid,
            lambda v: text.dash(text.pupils(v), v),
            width,
            "Leerlingen",
        )
        story.append(CondPageBreak(60 * mm))
    else:
        story.append(
            para(
                "Het plan legt geen leerlingaantallen vast (er gelden verschillende tarieven, "
                "naar rato of werkelijke kosten); de matrix staat hieronder in euro’s.",
                "note",
            )
        )
    grid = matrix_grid(data.amount_cells(), data.participants)
    story += matrix_tables(
        data,
        grid,
        lambda v: text.dash(text.amount(int(v)), v),  # an amount grid holds whole cents
        width,
        "Bedragen in euro’s",
    )
    story += map_page(data)
    story += [NextPageTemplate(PORTRAIT), PageBreak()]
    return story


# 3. Per municipality -----------------------------------------------------------------------


def municipalities_chapter(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    balances = figures.region_balances(data)
    positions = dict(data.positions)
    waived = bool(data.waived)
    known = data.pupils is not None
    header = ["Gemeente"]
    if known:
        header += ["Leerlingen in", "Leerlingen uit"]
    header += ["Ontvangt (in)", "Verschuldigd (uit)", "Saldo"]
    if waived:
        header += ["Saldo na bagatelgrens"]
    rows = []
    for item in balances:
        row: list[object] = [data.party(item.code).label]
        if known:
            row += [text.pupils(item.pupils_in), text.pupils(item.pupils_out)]
        row += [text.euros(item.cents_in), text.euros(item.cents_out), text.euros(item.net)]
        if waived:
            row.append(text.euros(positions[item.code]))
        rows.append(row)
    total: list[object] = ["Totaal"]
    if known:
        total += [
            text.pupils(sum((b.pupils_in for b in balances), 0)),
            text.pupils(sum((b.pupils_out for b in balances), 0)),
        ]
    total += [
        text.euros(sum(b.cents_in for b in balances)),
        text.euros(sum(b.cents_out for b in balances)),
        text.euros(sum(b.net for b in balances)),
    ]
    if waived:
        total.append(text.euros(sum(positions.values())))
    story: list[Flowable] = [
        chapter(3, "Per gemeente"),
        para(
            "In: leerlingen uit andere deelnemende gemeenten op een school in deze gemeente, "
            "en wat de woongemeenten daarvoor verschuldigd zijn. Uit: leerlingen uit deze "
            "gemeente op een school in een andere deelnemende gemeente. Het saldo is in min "
            "uit; positief betekent dat de gemeente ontvangt. De saldi tellen op tot nul.",
            "lead",
        ),
        data_table(header, rows, width, total=total),
    ]
    return story


# 4. Transfers ------------------------------------------------------------------------------


def transfers_chapter(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = [chapter(4, "Betalingen")]
    if not data.transfers:
        story.append(para("Er zijn geen betalingen nodig: alle saldi zijn nul."))
        return story
    story.append(
        para(
            f"Met de methode {text.esc(text.method_name(data))} worden de saldi met deze "
            f"{text.count(len(data.transfers), 'betaling', 'betalingen')} vereffend. Na alle "
            "betalingen staat iedere gemeente op nul.",
            "lead",
        )
    )
    rows = [
        [str(number), data.party(t.payer).label, data.party(t.payee).label, text.euros(t.cents)]
        for number, t in enumerate(data.transfers, start=1)
    ]
    total = ["", "Totaal", "", text.euros(sum(t.cents for t in data.transfers))]
    story.append(
        data_table(
            ["Nr.", "Betaalt", "Aan", "Bedrag"],
            rows,
            width,
            total=total,
            right_from=3,
            weights=[0.12, 1, 1],
        )
    )
    return story
