"""Per participant: the agreement (overeenkomst) with its own figures and payments.

What the municipality's pupils and amounts are per other participant, in and out; what it pays
or receives under the plan and from or to whom; the payment terms; its flows outside the region
(not settled); and signature blocks for it and every party it pays or is paid by. The payments
shown add up to its position in the plan, which in turn is in minus out (minus what the
bagatelgrens waives).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from grensverkeer import formatting
from grensverkeer.documents import figures, text
from grensverkeer.documents.data import DocumentData, Pupils
from grensverkeer.documents.page_template import PORTRAIT, build_pdf, frame_width, running_for
from grensverkeer.documents.proposal import facts, withdrawn_banner
from grensverkeer.documents.prose import chapter, para
from grensverkeer.documents.tables import data_table, key_value_table, signature_grid
from grensverkeer.settlement import Method

TITLE = "Overeenkomst verrekening grensverkeer zorg in onderwijs"


def _pupils(value: Pupils) -> str:
    return text.dash(text.pupils(value), value)


def _euros(cents: int) -> str:
    return text.dash(text.euros(cents), cents)


def statement_title(data: DocumentData, code: str) -> str:
    return f"{TITLE}, schooljaar {data.school_year}, {data.party(code).name}"


def build_statement(data: DocumentData, code: str) -> bytes:
    """The agreement of participant ``code`` as PDF bytes."""
    if code not in data.participants:
        raise ValueError(f"{code} is geen deelnemer in schooljaar {data.school_year}")
    party = data.party(code)
    story: list[Flowable] = []
    story += _opening(data, code)
    story += _flows(data, code)
    story += _payments(data, code)
    story += _terms(data, code)
    story += _outside(data, code)
    story += _signatures(data, code)
    status = "concept" if data.draft else f"plan {data.plan_id}"
    status += ", ingetrokken" if data.withdrawn is not None else ""
    return build_pdf(
        story,
        running_for(data, f"Overeenkomst · {party.name} · {data.school_year}"),
        title=statement_title(data, code),
        subject=(
            f"Wat {party.name} ({code}) betaalt of ontvangt in de verrekening van het "
            f"grensverkeer van zorg in onderwijs, regio {data.region}, schooljaar "
            f"{data.school_year} ({status}, kenmerk {data.short_hash})"
        ),
        keywords=f"grensverkeer, overeenkomst, {party.name}, {code}, {data.school_year}",
    )


def _opening(data: DocumentData, code: str) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    party = data.party(code)
    story: list[Flowable] = [
        para(text.esc(TITLE), "title"),
        para(f"{text.esc(party.label)} · schooljaar {data.school_year}", "subtitle"),
    ]
    if data.draft:
        story.append(para(text.CONCEPT, "concept"))
    story += withdrawn_banner(data)
    story.append(key_value_table(facts(data), (32 * mm, width - 32 * mm)))
    story.append(Spacer(1, 4 * mm))
    others = figures.counterparties(data, code)
    parties = [text.municipality(party)] + [text.municipality(data.party(o)) for o in others]
    story.append(
        para(
            f"Deze overeenkomst hoort bij het verrekenvoorstel van regio {text.esc(data.region)} "
            f"voor schooljaar {data.school_year}"
            + ("" if data.draft else f" (plan {data.plan_id})")
            + f". Partijen: {text.esc(text.joined(parties))}."
            + (
                ""
                if others
                else f" {text.esc(party.name)} betaalt en ontvangt in deze verrekening niets."
            )
        )
    )
    return story


def _flows(data: DocumentData, code: str) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    party = data.party(code)
    known = data.pupils is not None
    rows_data = figures.exchanges(data, code)
    story: list[Flowable] = [chapter(1, "Leerlingen en bedragen per gemeente")]
    story.append(
        para(
            f"In: leerlingen uit de andere gemeente op een school in {text.esc(party.name)}; "
            f"die gemeente is {text.esc(party.name)} het bedrag verschuldigd. Uit: leerlingen "
            f"uit {text.esc(party.name)} op een school in de andere gemeente. Alleen "
            "deelnemende gemeenten; buiten de regio staat in hoofdstuk 4.",
            "lead",
        )
    )
    own_pupils, own_cents = figures.own_cell(data, code)
    if rows_data:
        header = ["Gemeente"]
        header += ["Leerlingen in", "Bedrag in"] if known else ["Bedrag in"]
        header += ["Leerlingen uit", "Bedrag uit"] if known else ["Bedrag uit"]
        header += ["Verschil"]
        rows = []
        for item in rows_data:
            row: list[object] = [data.party(item.other).label]
            row += [_pupils(item.pupils_in)] if known else []
            row.append(_euros(item.cents_in))
            row += [_pupils(item.pupils_out)] if known else []
            row += [_euros(item.cents_out), text.euros(item.net)]
            rows.append(row)
        total: list[object] = ["Totaal"]
        total += [text.pupils(sum((i.pupils_in for i in rows_data), 0))] if known else []
        total.append(text.euros(sum(i.cents_in for i in rows_data)))
        total += [text.pupils(sum((i.pupils_out for i in rows_data), 0))] if known else []
        total += [
            text.euros(sum(i.cents_out for i in rows_data)),
            text.euros(sum(i.net for i in rows_data)),
        ]
        story.append(data_table(header, rows, width, total=total))
    else:
        story.append(
            para(
                f"Er gaan geen leerlingen tussen {text.esc(party.name)} en een andere "
                "deelnemende gemeente."
            )
        )
    if own_cents:
        if known:
            who = text.count(own_pupils, "leerling gaat", "leerlingen gaan")
            own = f"{who} in {text.esc(party.name)} zelf naar school ({text.euros(own_cents)})"
        else:
            own = (
                f"Voor leerlingen die in {text.esc(party.name)} zelf naar school gaan: "
                f"{text.euros(own_cents)}"
            )
        story.append(para(f"{own}; dat wordt niet verrekend.", "note"))
    matrix_net = data.matrix_positions()[code]
    position = data.position(code)
    story.append(Spacer(1, 3))
    story.append(
        para(
            f"Saldo van {text.esc(party.name)}: in min uit is {text.euros(matrix_net)}"
            + (f"; na de bagatelgrens {text.euros(position)}" if matrix_net != position else "")
            + "."
        )
    )
    waived = figures.waived_of(data, code)
    if waived:
        rows = [
            [data.party(w.payer).label, data.party(w.payee).label, text.euros(w.cents)]
            for w in waived
        ]
        story.append(
            para(
                f"Niet verrekend, want kleiner dan de bagatelgrens van "
                f"{text.euros(data.threshold_cents)}:",
            )
        )
        story.append(
            data_table(
                ["Zou betalen", "Aan", "Verschil"],
                rows,
                width,
                total=["Totaal", "", text.euros(sum(w.cents for w in waived))],
                right_from=2,
            )
        )
    return story


def _payments(data: DocumentData, code: str) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    party = data.party(code)
    position = data.position(code)
    mine = figures.transfers_of(data, code)
    story: list[Flowable] = [CondPageBreak(50 * mm), chapter(2, "Wat er betaald wordt")]
    if not mine:
        story.append(
            para(
                f"{text.esc(party.name)} betaalt en ontvangt niets: "
                + (
                    "het saldo is nul."
                    if position == 0
                    else "het saldo wordt via de verrekenpartij vereffend."
                )
            )
        )
        return story
    incoming = [t for t in mine if t.payee == code]
    outgoing = [t for t in mine if t.payer == code]
    sentences = []
    if incoming:
        sources = [f"{text.esc(data.party(t.payer).name)} {text.euros(t.cents)}" for t in incoming]
        sentences.append(
            f"{text.esc(party.name)} ontvangt {text.euros(sum(t.cents for t in incoming))}: "
            f"van {text.joined(sources)}."
        )
    if outgoing:
        targets = [
            f"aan {text.esc(data.party(t.payee).name)} {text.euros(t.cents)}" for t in outgoing
        ]
        sentences.append(
            f"{text.esc(party.name)} betaalt {text.euros(sum(t.cents for t in outgoing))}: "
            f"{text.joined(targets)}."
        )
    story.append(para(" ".join(sentences), "lead"))
    rows = []
    for t in mine:
        if t.payee == code:
            rows.append(["ontvangt van", data.party(t.payer).label, text.euros(t.cents)])
        else:
            rows.append(["betaalt aan", data.party(t.payee).label, text.euros(-t.cents)])
    net = sum(t.cents if t.payee == code else -t.cents for t in mine)
    assert net == position, "the payments must realise the position"
    story.append(
        data_table(
            ["", "Gemeente", "Bedrag"],
            rows,
            width,
            total=["Per saldo", "", text.euros(net)],
            right_from=2,
            weights=[0.35, 1],
        )
    )
    note = (
        f"Per saldo is het saldo van {text.esc(party.name)} in het verrekenvoorstel "
        f"({text.euros(position)}); ontvangen bedragen zijn positief, betaalde negatief."
    )
    if data.method in (Method.MULTILATERAL, Method.CENTRAL):
        note += (
            " Alleen de saldi worden vereffend: wie aan wie betaalt, hoeft niet samen te vallen "
            "met de leerlingen tussen die twee gemeenten."
        )
    story.append(para(note, "note"))
    return story


def _terms(data: DocumentData, code: str) -> list[Flowable]:
    reference = f"Grensverkeer {data.school_year}" + (
        "" if data.draft else f", plan {data.plan_id}"
    )
    terms = []
    if figures.transfers_of(data, code):
        terms += [
            f"De betalende gemeente maakt elk bedrag hierboven binnen {data.payment_days} dagen "
            "na ondertekening van deze overeenkomst door alle partijen over naar de ontvangende "
            f"gemeente, onder vermelding van ‘{text.esc(reference)}’.",
            "Bedragen zijn in euro’s en tot op de cent; over deze bedragen wordt niet "
            "afzonderlijk per leerling gefactureerd.",
        ]
    terms += [
        f"Met deze verrekening zijn de kosten van zorg in onderwijs over schooljaar "
        f"{data.school_year} tussen de deelnemende gemeenten voldaan voor de leerlingen die "
        f"op de peildatum ({formatting.long_date(data.peildatum)}) meetellen. Leerlingen van "
        "of naar gemeenten buiten de regio vallen er niet onder.",
        "Blijkt na ondertekening dat een leerling ten onrechte wel of niet is meegeteld, dan "
        "wordt dat in de verrekening van het volgende schooljaar rechtgezet.",
    ]
    return [
        CondPageBreak(40 * mm),
        chapter(3, "Betalingsvoorwaarden"),
        *(para(f"• {t}") for t in terms),
    ]


def _outside(data: DocumentData, code: str) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    party = data.party(code)
    known = data.pupils is not None
    items = figures.exchanges(data, code, participants=False)
    story: list[Flowable] = [CondPageBreak(40 * mm), chapter(4, "Buiten de regio")]
    if not items:
        story.append(
            para(f"{text.esc(party.name)} heeft geen leerlingen van of naar buiten de regio.")
        )
        return story
    story.append(
        para(
            "Niet in deze verrekening; apart te regelen met de gemeente buiten de regio. In: "
            f"wonen daar, school in {text.esc(party.name)}. Uit: wonen in "
            f"{text.esc(party.name)}, school daar.",
            "lead",
        )
    )
    header = ["Gemeente"]
    header += ["Leerlingen in", "Bedrag in"] if known else ["Bedrag in"]
    header += ["Leerlingen uit", "Bedrag uit"] if known else ["Bedrag uit"]
    rows = []
    for item in items:
        row: list[object] = [data.party(item.other).label]
        row += [_pupils(item.pupils_in)] if known else []
        row.append(_euros(item.cents_in))
        row += [_pupils(item.pupils_out)] if known else []
        row.append(_euros(item.cents_out))
        rows.append(row)
    total: list[object] = ["Totaal"]
    total += [text.pupils(sum((i.pupils_in for i in items), 0))] if known else []
    total.append(text.euros(sum(i.cents_in for i in items)))
    total += [text.pupils(sum((i.pupils_out for i in items), 0))] if known else []
    total.append(text.euros(sum(i.cents_out for i in items)))
    story.append(data_table(header, rows, width, total=total))
    return story


def _signatures(data: DocumentData, code: str) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    codes = [code, *figures.counterparties(data, code)]
    lines = [
        f"Namens {text.esc(text.municipality(data.party(c)))}"
        + ("" if c not in data.participants else f" ({c})")
        for c in codes
    ]
    heading = [
        chapter(5, "Ondertekening"),
        para(
            f"Voor akkoord met de betalingen in deze overeenkomst voor schooljaar "
            f"{data.school_year}"
            + ("" if data.draft else f" (plan {data.plan_id}, kenmerk {data.short_hash})")
            + ":"
        ),
    ]
    grid = signature_grid(lines, width)
    return [CondPageBreak(70 * mm), KeepTogether([*heading, grid])]
