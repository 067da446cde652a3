"""The regional settlement proposal (verrekenvoorstel) as a PDF.

Chapters: summary, the matrix in pupils and in euros (landscape), in and out per municipality,
the transfers, the balance analysis with a chart of net positions, how it was computed, the
flows outside the region and a signature block for every participant. Every total is summed in
integer cents from the data, and the transfers add up to the plan's ``total_moved``.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Spacer,
)

from grensverkeer import formatting
from grensverkeer.documents import figures, text
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.page_template import (
    PORTRAIT,
    build_pdf,
    frame_width,
    running_for,
)
from grensverkeer.documents.proposal_method import (
    balance_chapter,
    method_chapter,
    outside_chapter,
    signatures_chapter,
)
from grensverkeer.documents.proposal_tables import (
    matrices_chapter,
    municipalities_chapter,
    transfers_chapter,
)
from grensverkeer.documents.prose import chapter, para
from grensverkeer.documents.tables import (
    key_value_table,
)
from grensverkeer.mapping.trend import YearFigures
from grensverkeer.settlement import Method

TITLE = "Verrekenvoorstel grensverkeer zorg in onderwijs"
LISTED_NAMES = 12  # longer lists of names in the summary become a number


def proposal_title(data: DocumentData) -> str:
    return f"{TITLE}, schooljaar {data.school_year}"


def build_proposal(data: DocumentData, trend: Sequence[YearFigures] = ()) -> bytes:
    """The verrekenvoorstel as PDF bytes; the same data gives the same bytes. With ``trend``
    (``mapping.trend.trend_figures``, two years or more) chapter 5 shows the school years side
    by side."""
    story: list[Flowable] = []
    story += _title_page(data)
    story += _summary(data)
    story += matrices_chapter(data)
    story += municipalities_chapter(data)
    story += transfers_chapter(data)
    story += balance_chapter(data, trend)
    story += method_chapter(data)
    story += outside_chapter(data)
    story += signatures_chapter(data)
    status = "concept" if data.draft else f"plan {data.plan_id}"
    status += ", ingetrokken" if data.withdrawn is not None else ""
    return build_pdf(
        story,
        running_for(data, f"Verrekenvoorstel · regio {data.region} · {data.school_year}"),
        title=proposal_title(data),
        subject=(
            f"Verrekening van het grensverkeer van zorg in onderwijs tussen de gemeenten van "
            f"regio {data.region}, schooljaar {data.school_year} ({status}, kenmerk "
            f"{data.short_hash})"
        ),
        keywords=f"grensverkeer, verrekenvoorstel, {data.region}, {data.school_year}",
    )


# Title page --------------------------------------------------------------------------------


def facts(data: DocumentData) -> list[tuple[str, str]]:
    """The facts on a title page, shared by the statements."""
    year = data.school_year
    if data.threshold_cents:
        threshold = text.euros(data.threshold_cents) + " per paar gemeenten"
    else:
        threshold = "geen"
    rows = [
        ("Regio", f"{text.esc(data.region)} ({len(data.participants)} deelnemende gemeenten)"),
        (
            "Schooljaar",
            f"{year} ({formatting.long_date(year.first_day)} tot en met "
            f"{formatting.long_date(year.last_day)})",
        ),
        ("Peildatum", formatting.long_date(data.peildatum)),
        ("Methode", text.esc(text.method_name(data))),
        ("Bagatelgrens", threshold),
        ("Datum", formatting.long_date(data.issued)),
    ]
    if data.draft:
        rows.append(
            (
                "Plan",
                "geen: dit is een <b>concept</b>, berekend uit de gegevens van "
                f"{formatting.long_date(data.issued)}; het is niet vastgesteld",
            )
        )
    else:
        by = f" door {text.esc(data.finalized_by)}" if data.finalized_by else ""
        assert data.finalized_on is not None
        rows.append(
            (
                "Plan",
                f"plan {data.plan_id}, vastgesteld op "
                f"{formatting.long_date(data.finalized_on)}{by}",
            )
        )
    if data.withdrawn is not None:
        rows.append(("Ingetrokken", f"<b>{text.esc(text.withdrawn_line(data))}</b>"))
    rows.append(("Kenmerk", f"{data.short_hash} <font size=7>(SHA-256 {data.sha256})</font>"))
    return rows


def withdrawn_banner(data: DocumentData) -> list[Flowable]:
    """Under the title of a withdrawn plan: that it no longer holds (shared by the statements)."""
    if data.withdrawn is None:
        return []
    return [para(f"{text.WITHDRAWN} — dit plan geldt niet meer", "concept")]


def _title_page(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = [Spacer(1, 30 * mm), para(text.esc(TITLE), "title")]
    story.append(para(f"Regio {text.esc(data.region)} · schooljaar {data.school_year}", "subtitle"))
    if data.draft:
        story.append(para(text.CONCEPT, "concept"))
    story += withdrawn_banner(data)
    story.append(key_value_table(facts(data), (32 * mm, width - 32 * mm)))
    story.append(Spacer(1, 10 * mm))
    story.append(
        para(
            "Dit voorstel beschrijft hoe de deelnemende gemeenten de kosten van zorg in het "
            "onderwijs verrekenen voor leerlingen die in de ene gemeente wonen en in een andere "
            "naar school gaan. De woongemeente is verantwoordelijk voor de jeugdhulp; de "
            "schoolgemeente regelt en betaalt de zorg op school vaak voor. In plaats van "
            "rekeningen per leerling stelt dit voorstel één verrekening voor de hele regio voor."
        )
    )
    story.append(
        para(
            "Op elke pagina staan het plannummer en het kenmerk: de eerste twaalf tekens van de "
            "SHA-256 van de gegevens waarop het plan rust. Zo is een afgedrukte pagina terug te "
            "vinden bij het bewaarde plan, dat het volledige kenmerk toont.",
            "note",
        )
    )
    story.append(PageBreak())
    return story


# 1. Summary --------------------------------------------------------------------------------


def summary_paragraphs(data: DocumentData) -> list[str]:
    """The summary in plain Dutch (paragraph markup)."""
    seen = figures.overview(data)
    n = len(data.participants)
    peil = formatting.long_date(data.peildatum)
    paragraphs = []
    if data.pupils is not None:
        paragraphs.append(
            f"Op de peildatum, {peil}, gingen "
            f"{text.count(seen.own_pupils, 'leerling', 'leerlingen')} met zorg op school in hun "
            "eigen gemeente naar school en "
            f"{text.pupils(seen.cross_pupils)} in een andere deelnemende gemeente. Voor die "
            f"{text.pupils(seen.cross_pupils)} leerlingen zijn de {n} deelnemende gemeenten "
            f"elkaar samen {text.euros(seen.cross_cents)} verschuldigd."
        )
    else:
        paragraphs.append(
            f"Op de peildatum, {peil}, zijn de {n} deelnemende gemeenten elkaar voor leerlingen "
            f"die in een andere deelnemende gemeente naar school gaan samen "
            f"{text.euros(seen.cross_cents)} verschuldigd. Het plan legt geen leerlingaantallen "
            "vast; dit voorstel toont daarom alleen bedragen."
        )
    transfers = len(data.transfers)
    lines = {line.method: line for line in figures.scenario_lines(data)}
    gross = lines[Method.GROSS]
    if not transfers:
        paragraphs.append("Er hoeft niets betaald te worden: alle saldi zijn nul.")
    else:
        sentence = (
            f"Dit voorstel verrekent {text.esc(text.method_name(data))}: met "
            f"{text.count(transfers, 'betaling', 'betalingen')} van samen "
            f"{text.euros(data.total_moved)}"
        )
        if data.method is not Method.GROSS:
            sentence += (
                f", in plaats van {text.count(gross.transfers, 'betaling', 'betalingen')} van "
                f"samen {text.euros(gross.total_moved)} als elke gemeente per leerling zou "
                "betalen (bruto)"
            )
        paragraphs.append(sentence + ".")
    top, bottom = figures.extreme_positions(data)
    receivers = [data.party(c).name for c, cents in data.positions if cents > 0]
    payers = [data.party(c).name for c, cents in data.positions if cents < 0]
    if top and bottom:
        paragraphs.append(
            f"Per saldo ontvangen {_names(receivers)}; per saldo betalen "
            f"{_names(payers)}. Het grootste saldo ontvangt "
            f"{text.esc(data.party(top[0]).name)} ({text.euros(top[1])}), het grootste saldo "
            f"betaalt {text.esc(data.party(bottom[0]).name)} ({text.euros(-bottom[1])})."
        )
    ratio = figures.ratio(data)
    balances = figures.region_balances(data)
    outside = [b.code for b in balances if not data.tolerance.allows(b.net, b.gross)]
    if ratio is not None:
        verdict = (
            "Iedere gemeente blijft binnen de tolerantie van "
            f"{text.tolerance(data.tolerance)}: de regio is grosso modo in evenwicht, en niet "
            "verrekenen is ook verdedigbaar."
            if not outside
            else f"Bij {text.count(len(outside), 'gemeente', 'gemeenten')} ligt het saldo "
            f"buiten de tolerantie van {text.tolerance(data.tolerance)}"
            + (
                f" ({_names([data.party(c).name for c in outside])})"
                if len(outside) <= LISTED_NAMES
                else " (zie hoofdstuk 5)"
            )
            + ": de regio is niet grosso modo in evenwicht, verrekenen is nodig."
        )
        paragraphs.append(
            "Over de hele regio is de som van de saldi (zonder teken) "
            f"{formatting.percent(ratio)} van wat er bruto heen en weer gaat. {verdict}"
        )
    if seen.outside_in_cents or seen.outside_out_cents or seen.beyond_cents:
        if data.pupils is not None:
            into = text.count(seen.outside_in_pupils, "leerling", "leerlingen")
            into += " van buiten de regio"
            out = f"{text.pupils(seen.outside_out_pupils)} uit de regio"
        else:
            into, out = "leerlingen van buiten de regio", "leerlingen uit de regio"
        paragraphs.append(
            f"Daarnaast gingen {into} in de regio naar school ({text.euros(seen.outside_in_cents)})"
            f" en {out} naar een school buiten de regio ({text.euros(seen.outside_out_cents)}). "
            "Die stromen vallen buiten deze verrekening en worden apart geregeld (hoofdstuk 7)."
        )
    if data.waived:
        paragraphs.append(
            f"Onder de bagatelgrens van {text.euros(data.threshold_cents)} blijven "
            f"{text.count(len(data.waived), 'verschil', 'verschillen')} van samen "
            f"{text.euros(sum(w.cents for w in data.waived))} onverrekend (hoofdstuk 6)."
        )
    if data.draft:
        paragraphs.append(
            "<b>Dit is een concept.</b> De bedragen kunnen nog veranderen tot het plan is "
            "vastgesteld."
        )
    else:
        paragraphs.append(
            "De gemeenten stemmen met dit voorstel in door het te ondertekenen (hoofdstuk 8); "
            "per gemeente is er een overeenkomst met haar betalingen."
        )
    return paragraphs


def _names(names: list[str]) -> str:
    """The names in a sentence, or how many when a list would drown the sentence."""
    if len(names) > LISTED_NAMES:
        return f"{len(names)} gemeenten (hoofdstuk 3)"
    return text.esc(text.joined(names))


def _summary(data: DocumentData) -> list[Flowable]:
    return [chapter(1, "Samenvatting"), *(para(p) for p in summary_paragraphs(data))]
