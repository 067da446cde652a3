"""Chapters 5 to 8 of the verrekenvoorstel: the balance (with the school years side by side in
a draft), how it was computed, the flows outside the region and the signatures."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)

from grensverkeer import formatting
from grensverkeer.documents import figures, text
from grensverkeer.documents.data import DocumentData
from grensverkeer.documents.page_template import (
    PORTRAIT,
    frame_width,
)
from grensverkeer.documents.pictures import to_drawing
from grensverkeer.documents.proposal_figures import trend_section
from grensverkeer.documents.prose import chapter, para
from grensverkeer.documents.tables import (
    data_table,
    signature_grid,
)
from grensverkeer.mapping.trend import YearFigures
from grensverkeer.method_names import method_name
from grensverkeer.settlement import Method

# 5. Balance --------------------------------------------------------------------------------


def balance_chapter(data: DocumentData, trend: Sequence[YearFigures] = ()) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    balances = figures.region_balances(data)
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        chapter(5, "Evenwicht"),
        para(
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
                para("Saldo per gemeente (paars ontvangt, oranje betaalt)", "h2"),
                chart,
            ]
        )
    )
    story += trend_section(data, trend, width)
    story.append(para("Verrekenwijzen naast elkaar", "h2"))
    story.append(
        para(
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


def method_chapter(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = [chapter(6, "Hoe is gerekend"), para("Telregels", "h2")]
    story += [para(f"• {text.esc(rule)}") for rule in counting_rules(data)]
    story.append(para("Tarieven per leerling per schooljaar", "h2"))
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
        story.append(para("Geen tarieven: de bedragen zijn werkelijke kosten."))
    story.append(para("Methode", "h2"))
    story.append(para(text.esc(text.METHOD_DESCRIPTIONS[data.method])))
    if data.method is Method.CENTRAL and data.centre:
        centre = data.party(data.centre)
        named = text.municipality(centre) + (
            "" if centre.label == centre.name else f" ({centre.code})"
        )
        story.append(para(f"De verrekenpartij is {text.esc(named)}."))
    if data.threshold_cents:
        story.append(
            para(
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
    story.append(para("Deelnemers", "h2"))
    names = [data.party(code).label for code in data.participants]
    story.append(
        para(
            f"De deelnemers zijn de {len(names)} gemeenten die op de peildatum lid zijn van de "
            f"regio: {text.esc(text.joined(names))}."
        )
    )
    return story


# 7. Outside --------------------------------------------------------------------------------


def outside_chapter(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    seen = figures.overview(data)
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        chapter(7, "Buiten de regio"),
        para(
            "Leerlingen die buiten de regio wonen of naar school gaan, vallen buiten deze "
            "verrekening: de gemeenten regelen die kosten apart met de gemeente buiten de regio. "
            "Ze staan hier zodat niets ongemerkt wegvalt.",
            "lead",
        ),
    ]
    if not data.outside:
        story.append(para("Er zijn geen leerlingen van of naar buiten de regio."))
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
    story += [CondPageBreak(45 * mm), para("Per stroom", "h2_loose")]
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


def signatures_chapter(data: DocumentData) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    lines = [
        f"Namens {text.esc(text.municipality(data.party(code)))} ({code})"
        for code in data.participants
    ]
    return [
        PageBreak(),
        chapter(8, "Ondertekening"),
        para(
            f"Voor akkoord met dit verrekenvoorstel voor schooljaar {data.school_year}"
            + ("" if data.draft else f" (plan {data.plan_id}, kenmerk {data.short_hash})")
            + ":"
        ),
        Spacer(1, 4),
        signature_grid(lines, width),
    ]
