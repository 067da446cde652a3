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
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from grensverkeer import formatting
from grensverkeer.documents import figures, text
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.page_template import (
    LANDSCAPE,
    PORTRAIT,
    build_pdf,
    frame_width,
    running_for,
)
from grensverkeer.documents.pictures import to_drawing
from grensverkeer.documents.proposal_figures import map_page, trend_section
from grensverkeer.documents.styles import styles
from grensverkeer.documents.tables import (
    data_table,
    key_value_table,
    matrix_grid,
    matrix_tables,
    signature_grid,
)
from grensverkeer.mapping.trend import YearFigures
from grensverkeer.method_names import method_name
from grensverkeer.settlement import Method

TITLE = "Verrekenvoorstel grensverkeer zorg in onderwijs"
LISTED_NAMES = 12  # longer lists of names in the summary become a number


def _p(markup: str, style: str = "body") -> Paragraph:
    return Paragraph(markup, styles()[style])


def _h1(number: int, title: str) -> Paragraph:
    return _p(f"{number}. {text.esc(title)}", "h1")


def proposal_title(data: DocumentData) -> str:
    return f"{TITLE}, schooljaar {data.school_year}"


def build_proposal(data: DocumentData, trend: Sequence[YearFigures] = ()) -> bytes:
    """The verrekenvoorstel as PDF bytes; the same data gives the same bytes. With ``trend``
    (``mapping.trend.trend_figures``, two years or more) chapter 5 shows the school years side
    by side."""
    story: list[Flowable] = []
    story += _title_page(data)
    story += _summary(data)
    story += _matrices(data)
    story += _per_municipality(data)
    story += _transfers(data)
    story += _balance(data, trend)
    story += _method(data)
    story += _outside(data)
    story += _signatures(data)
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
    return [_p(f"{text.WITHDRAWN} — dit plan geldt niet meer", "concept")]


def _title_page(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = [Spacer(1, 30 * mm), _p(text.esc(TITLE), "title")]
    story.append(_p(f"Regio {text.esc(data.region)} · schooljaar {data.school_year}", "subtitle"))
    if data.draft:
        story.append(_p(text.CONCEPT, "concept"))
    story += withdrawn_banner(data)
    story.append(key_value_table(facts(data), (32 * mm, width - 32 * mm)))
    story.append(Spacer(1, 10 * mm))
    story.append(
        _p(
            "Dit voorstel beschrijft hoe de deelnemende gemeenten de kosten van zorg in het "
            "onderwijs verrekenen voor leerlingen die in de ene gemeente wonen en in een andere "
            "naar school gaan. De woongemeente is verantwoordelijk voor de jeugdhulp; de "
            "schoolgemeente regelt en betaalt de zorg op school vaak voor. In plaats van "
            "rekeningen per leerling stelt dit voorstel één verrekening voor de hele regio voor."
        )
    )
    story.append(
        _p(
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
    return [_h1(1, "Samenvatting"), *(_p(p) for p in summary_paragraphs(data))]


# 2. Matrix ---------------------------------------------------------------------------------


def _matrices(data: DocumentData) -> list[Flowable]:
    width = frame_width(LANDSCAPE)
    story: list[Flowable] = [NextPageTemplate(LANDSCAPE), PageBreak(), _h1(2, "De matrix")]
    story.append(
        _p(
            "Per woongemeente (rij) en schoolgemeente (kolom): de leerlingen die op de peildatum "
            "meetellen en wat hun zorg kost. De diagonaal (gearceerd) zijn leerlingen in hun "
            "eigen gemeente; die worden niet verrekend maar zetten de stromen in verhouding. "
            "‘Buiten de regio’ bundelt de gemeenten die geen deelnemer zijn."
        )
    )
    if data.pupils is not None:
        if data.pro_rata:
            story.append(
                _p(
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
            _p(
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


def _per_municipality(data: DocumentData) -> list[Flowable]:
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
        _h1(3, "Per gemeente"),
        _p(
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


def _transfers(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = [_h1(4, "Betalingen")]
    if not data.transfers:
        story.append(_p("Er zijn geen betalingen nodig: alle saldi zijn nul."))
        return story
    story.append(
        _p(
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


# 5. Balance --------------------------------------------------------------------------------


def _balance(data: DocumentData, trend: Sequence[YearFigures] = ()) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    balances = figures.region_balances(data)
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        _h1(5, "Evenwicht"),
        _p(
            "Gaan er ongeveer evenveel leerlingen en euro’s heen als terug, dan kan de regio "
            "afspreken niet te verrekenen. Per gemeente: het bruto bedrag (in plus uit), het "
            "saldo en het saldo als deel van het bruto bedrag. De tolerantie is "
            f"{text.tolerance(data.tolerance)}. In de laatste regel staat voor de regio de som "
            f"van de saldi zonder teken ({text.euros(sum(abs(b.net) for b in balances))}) "
            f"gedeeld door de som van de bruto bedragen "
            f"({text.euros(sum(b.gross for b in balances))}).",
            "lead",
        ),
    ]
    rows = []
    for item in balances:
        share = item.net_share
        rows.append(
            [
                data.party(item.code).label,
                text.euros(item.gross),
                text.euros(item.net),
                "–" if share is None else formatting.percent(share),
                "ja" if data.tolerance.allows(item.net, item.gross) else "nee",
            ]
        )
    ratio = figures.ratio(data)
    total = [
        "Regio",
        text.euros(sum(b.gross for b in balances)),
        text.euros(sum(b.net for b in balances)),
        "–" if ratio is None else formatting.percent(ratio),
        "ja" if all(data.tolerance.allows(b.net, b.gross) for b in balances) else "nee",
    ]
    story.append(
        data_table(
            ["Gemeente", "Bruto (in + uit)", "Saldo", "Saldo / bruto", "Binnen tolerantie"],
            rows,
            width,
            total=total,
        )
    )
    chart = to_drawing(figures.positions_picture(data, balances, width))
    story.append(
        KeepTogether(
            [
                _p("Saldo per gemeente (paars ontvangt, oranje betaalt)", "h2"),
                chart,
            ]
        )
    )
    story += trend_section(data, trend, width)
    story.append(_p("Verrekenwijzen naast elkaar", "h2"))
    story.append(
        _p(
            "Dezelfde bedragen, op elke manier verrekend (met dezelfde bagatelgrens). Niet "
            "verrekenen vraagt geen betalingen maar laat iedere gemeente met haar saldo zitten.",
            "lead",
        )
    )
    scenario_rows = []
    for line in figures.scenario_lines(data):
        name = method_name(line.method)
        if line.method is Method.CENTRAL:
            name += f", via {text.via(data.party(line.centre or ''))}"
        if line.chosen:
            name += " — dit voorstel"
        scenario_rows.append(
            [name, formatting.number(line.transfers), text.euros(line.total_moved)]
        )
    scenario_rows.append(["geen verrekening", "0", text.euros(0)])
    story.append(
        data_table(["Werkwijze", "Betalingen", "Totaal over te maken"], scenario_rows, width)
    )
    return story


# 6. Method ---------------------------------------------------------------------------------


def counting_rules(data: DocumentData) -> list[str]:
    peil = formatting.long_date(data.peildatum)
    rules = [
        f"Een leerling telt mee als zijn inschrijving op de peildatum ({peil}) loopt: "
        "begindatum leeg of op of vóór de peildatum, einddatum leeg of op of na de peildatum.",
        "Elke leerling telt één keer per schooljaar: inschrijvingen met hetzelfde (versleutelde) "
        "burgerservicenummer zijn één leerling.",
        "De woongemeente volgt uit de gemeente in het bestand, anders uit de woonplaats of de "
        "postcode; de schoolgemeente uit de scholenlijst (BRIN en vestiging).",
    ]
    if data.pro_rata:
        rules.append(
            "Naar rato: een leerling die een deel van het schooljaar ingeschreven was, telt "
            "voor dagen ingeschreven gedeeld door de dagen van het schooljaar."
        )
    else:
        rules.append("Niet naar rato: wie op de peildatum meetelt, telt voor het hele jaar.")
    if data.actual_cost:
        rules.append(
            "Bedragen: waar een bestand de werkelijke kosten per leerling geeft, gelden die; "
            "anders het tarief hieronder."
        )
    else:
        rules.append(
            "Bedragen: het tarief van het onderwijstype (of arrangement) maal het aantal "
            "leerlingen; elk vak van de matrix wordt één keer op hele centen afgerond."
        )
    return rules


def _method(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = [_h1(6, "Hoe is gerekend"), _p("Telregels", "h2")]
    story += [_p(f"• {text.esc(rule)}") for rule in counting_rules(data)]
    story.append(_p("Tarieven per leerling per schooljaar", "h2"))
    if data.tariffs:
        story.append(
            data_table(
                ["Onderwijstype", "Arrangement", "Tarief"],
                [
                    [t.edu_type, t.arrangement or "algemeen", text.euros(t.cents)]
                    for t in data.tariffs
                ],
                width,
                right_from=2,
                weights=[0.6, 1],
            )
        )
    else:
        story.append(_p("Geen tarieven: de bedragen zijn werkelijke kosten."))
    story.append(_p("Methode", "h2"))
    story.append(_p(text.esc(text.METHOD_DESCRIPTIONS[data.method])))
    if data.method is Method.CENTRAL and data.centre:
        centre = data.party(data.centre)
        named = text.municipality(centre) + (
            "" if centre.label == centre.name else f" ({centre.code})"
        )
        story.append(_p(f"De verrekenpartij is {text.esc(named)}."))
    if data.threshold_cents:
        story.append(
            _p(
                f"Bagatelgrens: een verschil per paar gemeenten kleiner dan "
                f"{text.euros(data.threshold_cents)} wordt niet verrekend.",
                "lead",
            )
        )
        if data.waived:
            rows = [
                [data.party(w.payer).label, data.party(w.payee).label, text.euros(w.cents)]
                for w in data.waived
            ]
            story.append(
                data_table(
                    ["Zou betalen", "Aan", "Verschil"],
                    rows,
                    width,
                    total=["Totaal", "", text.euros(sum(w.cents for w in data.waived))],
                    right_from=2,
                )
            )
    story.append(_p("Deelnemers", "h2"))
    names = [data.party(code).label for code in data.participants]
    story.append(
        _p(
            f"De deelnemers zijn de {len(names)} gemeenten die op de peildatum lid zijn van de "
            f"regio: {text.esc(text.joined(names))}."
        )
    )
    return story


# 7. Outside --------------------------------------------------------------------------------


def _outside(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    seen = figures.overview(data)
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        _h1(7, "Buiten de regio"),
        _p(
            "Leerlingen die buiten de regio wonen of naar school gaan, vallen buiten deze "
            "verrekening: de gemeenten regelen die kosten apart met de gemeente buiten de regio. "
            "Ze staan hier zodat niets ongemerkt wegvalt.",
            "lead",
        ),
    ]
    if not data.outside:
        story.append(_p("Er zijn geen leerlingen van of naar buiten de regio."))
        return story
    known = data.pupils is not None
    groups = [
        (
            "Wonen buiten de regio, school in de regio",
            seen.outside_in_pupils,
            seen.outside_in_cents,
        ),
        (
            "Wonen in de regio, school buiten de regio",
            seen.outside_out_pupils,
            seen.outside_out_cents,
        ),
        ("Wonen en school buiten de regio", seen.beyond_pupils, seen.beyond_cents),
    ]
    pupils = data.pupil_cells() or {}
    header = ["Stroom", *(["Leerlingen"] if known else []), "Bedrag"]
    rows = [
        [label, *([text.pupils(p)] if known else []), text.euros(cents)]
        for label, p, cents in groups
        if cents
    ]
    total = [
        "Totaal",
        *([text.pupils(sum((p for _, p, cents in groups if cents), 0))] if known else []),
        text.euros(sum(cents for _, _, cents in groups)),
    ]
    story.append(data_table(header, rows, width, total=total))
    story += [CondPageBreak(45 * mm), _p("Per stroom", "h2_loose")]
    rows = [
        [
            data.party(f.payer).label,
            data.party(f.payee).label,
            *([text.pupils(pupils.get((f.payer, f.payee), 0))] if known else []),
            text.euros(f.cents),
        ]
        for f in data.outside
    ]
    total = [
        "Totaal",
        "",
        *(
            [text.pupils(sum((pupils.get((f.payer, f.payee), 0) for f in data.outside), 0))]
            if known
            else []
        ),
        text.euros(sum(f.cents for f in data.outside)),
    ]
    story.append(
        data_table(
            ["Woont in", "School in", *(["Leerlingen"] if known else []), "Bedrag"],
            rows,
            width,
            total=total,
            right_from=2,
        )
    )
    return story


# 8. Signatures -----------------------------------------------------------------------------


def _signatures(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    lines = [
        f"Namens {text.esc(text.municipality(data.party(code)))} ({code})"
        for code in data.participants
    ]
    return [
        PageBreak(),
        _h1(8, "Ondertekening"),
        _p(
            f"Voor akkoord met dit verrekenvoorstel voor schooljaar {data.school_year}"
            + ("" if data.draft else f" (plan {data.plan_id}, kenmerk {data.short_hash})")
            + ":"
        ),
        Spacer(1, 4),
        signature_grid(lines, width),
    ]
