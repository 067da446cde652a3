"""The Dutch words of the documents: names of methods, amounts in sentences, file names.

Numbers, amounts and dates go through ``grensverkeer.formatting`` (the one Dutch formatter);
this module only words them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from fractions import Fraction
from xml.sax.saxutils import escape

from grensverkeer import formatting, method_names
from grensverkeer.documents.data import DocumentData, Party, Pupils
from grensverkeer.services.settling.balance import PERCENT, Tolerance
from grensverkeer.services.settling.year_settlement import REGIONAL_CENTRE
from grensverkeer.settlement import Method

CONCEPT = "CONCEPT — niet vastgesteld"
WITHDRAWN = "INGETROKKEN"
OUTSIDE = "Buiten de regio"

METHOD_DESCRIPTIONS = {
    Method.GROSS: "Bruto: elke woongemeente betaalt elke schoolgemeente het volledige bedrag "
    "voor haar leerlingen daar, zoals nu per leerling gebeurt; één betaling per paar gemeenten "
    "en richting.",
    Method.BILATERAL: "Bilateraal: per paar gemeenten wordt alleen het verschil betaald, door "
    "de gemeente die per saldo het meest verschuldigd is.",
    Method.MULTILATERAL: "Multilateraal: eerst wordt per gemeente het saldo berekend (wat zij "
    "als schoolgemeente ontvangt min wat zij als woongemeente verschuldigd is). De saldi "
    "worden daarna met zo min mogelijk betalingen vereffend; het totaal over te maken bedrag "
    "is dan het kleinst mogelijke: de som van de positieve saldi.",
    Method.CENTRAL: "Centraal: elke gemeente verrekent haar saldo alleen met één "
    "verrekenpartij; elke gemeente doet of ontvangt hoogstens één betaling.",
}


def method_name(data: DocumentData) -> str:
    name = method_names.method_name(data.method)
    if data.method is Method.CENTRAL and data.centre:
        return f"{name}, via {via(data.party(data.centre))}"
    return name


def via(party: Party) -> str:
    """The clearing party after "via": ``Delft``, or ``de regionale organisatie (…)``."""
    return f"de {party.name}" if party.code == REGIONAL_CENTRE else party.name


def pupils(value: Pupils | None) -> str:
    """Whole pupils as ``1.234``; naar rato fractions with one decimal (``12,5``)."""
    if value is None:
        return "–"
    return formatting.pupils(value)


def withdrawn_line(data: DocumentData) -> str:
    """``INGETROKKEN op 5 maart 2025 door jan: reden`` (plain text), "" for a valid plan."""
    withdrawal = data.withdrawn
    if withdrawal is None:
        return ""
    by = f" door {withdrawal.by}" if withdrawal.by else ""
    return f"{WITHDRAWN} op {formatting.long_date(withdrawal.on)}{by}: {withdrawal.reason}"


def esc(value: str) -> str:
    """Plain text for a reportlab paragraph, which reads a little XML."""
    return escape(value)


NBSP = "\u00a0"


def euros(cents: int) -> str:
    """``€ 12.345,67``: every amount in the documents, to the cent. The space after the euro
    sign does not break, so a line never ends in a lone ``€``."""
    return formatting.euros(cents).replace(" ", NBSP)


def amount(cents: int) -> str:
    """``12.345,67``: an amount in a column whose heading already says euro, as in the
    matrix, where a euro sign in every cell would cost the room for the names."""
    return formatting.euros(cents).removeprefix("€").strip()


def dash(value: str, number: object) -> str:
    """An empty cell reads better as ``–`` than as a column of zeros."""
    return value if number else "–"


def whole_euros(cents: int) -> str:
    """``€ 1.250.000`` (``€ -500.000``) for chart axes, where cents would only be noise."""
    return euros(cents).removesuffix(",00")


def tolerance(value: Tolerance) -> str:
    if value.kind == PERCENT:
        assert value.percent is not None
        return formatting.percent(Fraction(value.percent) / 100) + " van het eigen bruto bedrag"
    assert value.cents is not None
    return euros(value.cents)


def joined(items: Sequence[str]) -> str:
    """``A``, ``A en B``, ``A, B en C``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def municipality(party: Party) -> str:
    """``de gemeente Delft``; the regional organisation is named as it is."""
    if party.code == REGIONAL_CENTRE:
        return f"de {party.name}"
    return f"de gemeente {party.name}"


def count(n: Pupils, one: str, many: str) -> str:
    """``1 leerling``, ``12 leerlingen``, ``12,5 leerlingen`` (naar rato)."""
    return f"{pupils(n)} {one if n == 1 else many}"


def slug(text: str) -> str:
    """``Leidschendam-Vb.`` → ``leidschendam-vb``: safe in a file name on every system."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "gemeente"


def proposal_filename(data: DocumentData) -> str:
    return f"verrekenvoorstel-{data.school_year}.pdf"


def statement_filename(data: DocumentData, code: str) -> str:
    party = data.party(code)
    return f"overeenkomst-{data.school_year}-{code}-{slug(party.short_name)}.pdf"
