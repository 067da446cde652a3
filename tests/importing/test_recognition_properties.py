"""Properties of the column recogniser: the layout of a file never changes its matrix.

The same pupils written with the columns in any order, under any of the header names real
exports use (Dutch or English, qualified by "leerling", upper case), with noise columns (names,
a date of birth, a date of last change, remarks) and title rows above the header, in csv or xlsx:
every variation must give the same cells as the plain file. The synonyms are those of the
corpus (``tests/corpus/README.md``).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

from builders import SCHOOLS, SCHOOLS_HEADER, valid_bsns, write_csv, write_xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grensverkeer.counting import CountedRecord, CountRules, pupil_cells
from grensverkeer.domain import FileKind, SchoolLocation
from grensverkeer.importing.parse_file import classify, parse_pupils
from grensverkeer.importing.readers import read_workbook
from grensverkeer.importing.school_index import SchoolIndex
from grensverkeer.importing.values import parse_school_types
from grensverkeer.pseudonym import Pseudonymizer
from grensverkeer.reference import load_reference
from grensverkeer.schoolyear import SchoolYear

YEAR = SchoolYear(2024)
SYNONYMS = {
    "bsn": ["BSN", "Burgerservicenummer", "BSN leerling", "bsn_leerling", "Sofinummer"],
    "residence": [
        "Woongemeente",
        "Gemeente leerling",
        "Gemeente woonadres",
        "GEMEENTENAAM_LEERLING",
        "Municipality",
    ],
    "brin": ["BRIN", "Brinnummer", "BRIN NUMMER", "Instellingscode", "Brincode"],
    "vestiging": ["Vestiging", "Vestigingsnummer", "Vestigingscode", "Vest.nr.", "Nevenvestiging"],
    "type": ["Onderwijstype", "Soort onderwijs", "Type onderwijs", "Onderwijssoort", "Sector"],
    "start": [
        "Startdatum",
        "Begindatum",
        "Datum inschrijving",
        "Inschrijfdatum",
        "Ingangsdatum",
        "Instroomdatum",
        "Enrolment date",
        "Datum plaatsing",
    ],
    "end": [
        "Einddatum",
        "Datum uitschrijving",
        "Uitschrijfdatum",
        "Uitstroomdatum",
        "Leaving date",
        "Afmelddatum",
        "Einddatum (werkelijk)",
    ],
}
NOISE = {
    "Achternaam": lambda i: ["Jansen", "de Vries", "Bakker", "Visser"][i % 4],
    "Roepnaam": lambda i: ["Sanne", "Daan", "Emma", "Noah"][i % 4],
    "Geboortedatum": lambda i: date(2008 + i % 5, 1 + i % 12, 1 + i % 28),
    "Datum laatste wijziging": lambda i: date(2024, 9, 1 + i % 28),
    "Opmerking": lambda i: ["", "taxi", "deeltijd", "TLV tot 2026"][i % 4],
    "Klas": lambda i: f"{1 + i % 4}A",
    "Leerlingnummer": lambda i: 40_000 + i,
    "Schoolnaam": lambda i: ["De Klimop", "Het Anker", "De Haven"][i % 3],
}
# residence, school location, type, start, end: cross-border, outside the region, not active
PUPILS = [
    ("Den Haag", "20XA", "01", "VSO", date(2023, 8, 28), None),
    ("Gemeente Westland", "20XB", "00", "VSO", date(2023, 8, 28), None),
    ("Rijswijk (ZH)", "20XA", "01", "VSO", date(2024, 8, 26), None),
    ("Leiden", "20XA", "01", "VSO", date(2022, 8, 29), date(2025, 7, 31)),
    ("’s-Gravenhage", "21QQ", "00", "VSO", date(2024, 8, 26), None),
    ("Delft", "20XB", "00", "VSO", date(2023, 8, 28), date(2024, 9, 15)),  # left before
    ("Delft", "20XE", "00", "VSO", date(2024, 10, 2), None),  # starts after the peildatum
    ("Utrecht", "20XE", "00", "VSO", date(2024, 10, 1), date(2024, 10, 1)),  # counts: boundary
    ("Leidschendam Voorburg", "20XC", "00", "SBO", None, None),
]


def _schools() -> SchoolIndex:
    reference = load_reference()
    index = SchoolIndex()
    for brin, vestiging, name, place, code, _municipality, kind, so in SCHOOLS:
        municipality = reference.resolve_municipality(code).code
        types = parse_school_types(so or kind.replace("SBAO", "SBO"))
        index.add([SchoolLocation(brin, vestiging, name, place, municipality, types)])
    return index


INDEX = _schools()
PSEUDONYMIZER = Pseudonymizer(b"p" * 32)
assert SCHOOLS_HEADER  # the builders' school list: the locations above are in it


def _cells(path: Path) -> dict[tuple[str, str], Fraction]:
    reference = load_reference()
    classified = classify(read_workbook(path), reference, INDEX)
    assert classified.kind is FileKind.PUPILS, [i.describe() for i in classified.issues]
    assert not [i for i in classified.issues if i.severity == "fout"], classified.issues
    parsed = parse_pupils(classified, reference, INDEX, PSEUDONYMIZER)
    assert not parsed.issues or all(i.severity != "fout" for i in parsed.issues), parsed.issues
    pupils = parsed.pupils
    records = [
        CountedRecord(
            p.pseudonym, p.residence, p.school_municipality, p.edu_type, "", p.start, p.end, None
        )
        for p in pupils.records()
    ]
    return pupil_cells(records, CountRules(YEAR, YEAR.default_peildatum))


def _rows(headers: dict[str, str], noise: list[str], order: list[int], text_dates: bool):
    bsns = valid_bsns()
    rows = []
    for i, (home, brin, vest, kind, start, end) in enumerate(PUPILS):
        values = {
            "bsn": next(bsns),
            "residence": home,
            "brin": brin,
            "vestiging": vest,
            "type": kind,
            "start": start,
            "end": end,
        }
        cells = [values[key] for key in headers] + [NOISE[name](i) for name in noise]
        if text_dates:
            cells = [f"{c:%d-%m-%Y}" if isinstance(c, date) else c for c in cells]
        rows.append([cells[j] for j in order])
    header = [*headers.values(), *noise]
    return [header[j] for j in order], rows


def _plain(tmp_path: Path) -> dict[tuple[str, str], Fraction]:
    headers = {key: names[0] for key, names in SYNONYMS.items()}
    header, rows = _rows(headers, [], list(range(len(headers))), False)
    return _cells(write_xlsx(tmp_path / "plain.xlsx", {"Leerlingen": [header, *rows]}))


@st.composite
def layouts(draw: st.DrawFn) -> dict[str, object]:
    headers = {key: draw(st.sampled_from(names)) for key, names in SYNONYMS.items()}
    upper = draw(st.booleans())
    if upper:
        headers = {key: name.upper() for key, name in headers.items()}
    noise = draw(st.lists(st.sampled_from(sorted(NOISE)), unique=True, max_size=5))
    width = len(headers) + len(noise)
    order = draw(st.permutations(list(range(width))))
    titles = draw(
        st.lists(
            st.sampled_from(["Overzicht grensverkeer", "Schooljaar 2024-2025", "SWV VO 28-06", ""]),
            max_size=3,
        )
    )
    return {
        "headers": headers,
        "noise": noise,
        "order": list(order),
        "titles": titles,
        "csv": draw(st.booleans()),
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(layout=layouts())
def test_the_layout_never_changes_the_matrix(layout: dict, tmp_path: Path) -> None:
    expected = _plain(tmp_path)
    assert sum(expected.values()) == 7  # of nine records, two are not active on 1 October
    header, rows = _rows(layout["headers"], layout["noise"], layout["order"], layout["csv"])
    titles = [[t] for t in layout["titles"]]
    if layout["csv"]:
        path = write_csv(tmp_path / "variant.csv", [*titles, header, *rows])
    else:
        path = write_xlsx(tmp_path / "variant.xlsx", {"Leerlingen": [*titles, header, *rows]})
    assert _cells(path) == expected
