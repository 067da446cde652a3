"""Resolving what extracts write (codes, names, places, postcodes) to CBS codes."""

import csv

import pytest

from grensverkeer.reference import (
    VIA_ALIAS,
    VIA_CODE,
    VIA_NAME,
    VIA_PC4,
    VIA_PLACE,
    VIA_PLACE_PC4,
    VIA_REGION,
    Candidate,
    Reference,
    Resolution,
    reference_dir,
)


def _read(name: str) -> list[dict[str, str]]:
    with (reference_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# Municipalities ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["518", "0518", "GM518", "gm0518", 518, 518.0, " GM0518 "])
def test_code_forms_resolve(ref: Reference, text: object) -> None:
    assert ref.resolve_municipality(text) == Resolution("GM0518", via=VIA_CODE)


def test_unknown_valid_code_is_an_outside_municipality(ref: Reference) -> None:
    # A pupil can live anywhere: a well-formed code not in the table resolves to itself.
    assert ref.resolve_municipality("GM9999") == Resolution("GM9999", via=VIA_CODE)
    assert ref.resolve_municipality(9999) == Resolution("GM9999", via=VIA_CODE)
    assert ref.municipality("GM9999") is None


@pytest.mark.parametrize(
    "text", ["GM0000", "0", 0, "0000", "GM05180", "12345", None, "", "  ", 518.5]
)
def test_code_zero_and_malformed_codes_resolve_to_nothing(ref: Reference, text: object) -> None:
    # No spelling suggestions either: a code-like text is not a misspelt name.
    assert ref.resolve_municipality(text) == Resolution(None)


def test_label_fed_back_resolves(ref: Reference) -> None:
    assert ref.resolve_municipality(ref.label("GM0603")).code == "GM0603"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Every alias of DOMAIN.md's municipality table, and the official names.
        ("'s-Gravenhage", "GM0518"),
        ("Den Haag", "GM0518"),
        ("s-Gravenhage", "GM0518"),
        ("’s-Gravenhage", "GM0518"),
        ("S GRAVENHAGE", "GM0518"),
        ("The Hague", "GM0518"),
        ("Delft", "GM0503"),
        ("Leidschendam-Voorburg", "GM1916"),
        ("Leidschendam Voorburg", "GM1916"),
        ("Midden-Delfland", "GM1842"),
        ("Midden Delfland", "GM1842"),
        ("Pijnacker-Nootdorp", "GM1926"),
        ("Pijnacker Nootdorp", "GM1926"),
        ("Rijswijk", "GM0603"),
        ("Rijswijk (ZH)", "GM0603"),
        ("Rijswijk (ZH.)", "GM0603"),
        ("Rijswijk ZH", "GM0603"),
        ("Voorschoten", "GM0626"),
        ("Wassenaar", "GM0629"),
        ("Westland", "GM1783"),
        ("Gemeente Westland", "GM1783"),
        ("Zoetermeer", "GM0637"),
        # More that the brief and DUO files use.
        ("'S-GRAVENHAGE", "GM0518"),
        ("Gravenhage", "GM0518"),
        ("DEN HAAG", "GM0518"),
        ("RIJSWIJK (ZH)", "GM0603"),
        ("LEIDSCHENDAM-VOORBURG", "GM1916"),
        ("Leidschendam-Vb.", "GM1916"),
        ("Beek", "GM0888"),
        ("Hengelo", "GM0164"),
        ("Voorne aan Zee", "GM1992"),
        ("SUDWEST-FRYSLAN", "GM1900"),
        ("Lansingerland", "GM1621"),
    ],
)
def test_names_and_aliases(ref: Reference, text: str, code: str) -> None:
    result = ref.resolve_municipality(text)
    assert result.code == code
    assert result.via in (VIA_NAME, VIA_ALIAS)
    assert not result.ambiguous


def test_official_names_resolve_via_naam(ref: Reference) -> None:
    for municipality in ref.municipalities():
        assert ref.resolve_municipality(municipality.name) == Resolution(
            municipality.code, via=VIA_NAME
        )


def test_every_bundled_alias_resolves_to_its_code(ref: Reference) -> None:
    for row in _read("gemeente_aliases.csv"):
        result = ref.resolve_municipality(row["alias"])
        assert result.code == row["code"] or row["code"] in {c.code for c in result.candidates}, row


def test_bergen_is_ambiguous(ref: Reference) -> None:
    result = ref.resolve_municipality("Bergen")
    assert result.code is None
    assert result.ambiguous
    assert {c.code for c in result.candidates} == {"GM0373", "GM0893"}
    assert ref.resolve_municipality("BERGEN (NH)").code == "GM0373"
    assert ref.resolve_municipality("Bergen (L.)").code == "GM0893"


def test_ended_municipality_keeps_its_own_code(ref: Reference) -> None:
    assert ref.resolve_municipality("Westvoorne").code == "GM0614"


def test_misspelt_name_gets_suggestions(ref: Reference) -> None:
    result = ref.resolve_municipality("Den Haaag")
    assert result.code is None
    assert not result.ambiguous
    assert result.candidates[0] == Candidate("GM0518", "'s-Gravenhage (GM0518)")
    assert 1 <= len(result.candidates) <= 3
    assert len({c.code for c in result.candidates}) == len(result.candidates)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Zoetermer", "GM0637"),
        ("Leidschendam-Voorbrug", "GM1916"),
        ("Westlnd", "GM1783"),
        ("The Hauge", "GM0518"),
    ],
)
def test_suggestions_put_the_likely_one_first(ref: Reference, text: str, code: str) -> None:
    assert ref.resolve_municipality(text).candidates[0].code == code


def test_nonsense_gets_no_suggestions(ref: Reference) -> None:
    assert ref.resolve_municipality("xyzzy qwerty") == Resolution(None)


def test_results_are_cached(ref: Reference) -> None:
    first = ref.resolve_municipality("Den Haaag")
    assert ref.resolve_municipality("Den Haaag") is first
    assert ref.resolve_place("Naaldwijk") is ref.resolve_place("Naaldwijk")


# Places --------------------------------------------------------------------------------------

DOMAIN_PLACES = {
    "GM1783": [
        "Naaldwijk",
        "Monster",
        "Wateringen",
        "De Lier",
        "'s-Gravenzande",
        "Poeldijk",
        "Honselersdijk",
        "Kwintsheul",
        "Maasdijk",
        "Ter Heijde",
    ],
    "GM1842": ["Schipluiden", "Maasland", "Den Hoorn"],
    "GM1926": ["Pijnacker", "Nootdorp", "Delfgauw"],
    "GM1916": ["Leidschendam", "Voorburg", "Stompwijk"],
    "GM0518": [
        "Scheveningen",
        "Loosduinen",
        "Ypenburg",
        "Leidschenveen",
        "Wateringse Veld",
        "Kijkduin",
    ],
}


@pytest.mark.parametrize(
    ("place", "code"), [(place, code) for code, places in DOMAIN_PLACES.items() for place in places]
)
def test_domain_places(ref: Reference, place: str, code: str) -> None:
    assert ref.resolve_place(place) == Resolution(code, via=VIA_REGION)


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Naaldwijk", "GM1783"),
        ("Schipluiden", "GM1842"),
        ("Nootdorp", "GM1926"),
        ("Voorburg", "GM1916"),
    ],
)
def test_spot_check_places(ref: Reference, place: str, code: str) -> None:
    assert ref.resolve_place(place).code == code


@pytest.mark.parametrize(
    "place",
    [
        "’s-Gravenzande",
        "s-Gravenzande",
        "S GRAVENZANDE",
        "'s Gravenzande",
        " 's-Gravenzande  ",
        "Gravenzande",
    ],
)
def test_place_spellings(ref: Reference, place: str) -> None:
    assert ref.resolve_place(place).code == "GM1783"


@pytest.mark.parametrize(
    "place",
    [
        "Den Haag",
        "'s-Gravenhage",
        "S GRAVENHAGE",
        "The Hague",
        "Escamp",
        "Segbroek",
        "Wateringseveld",
    ],
)
def test_den_haag_as_a_place(ref: Reference, place: str) -> None:
    assert ref.resolve_place(place) == Resolution("GM0518", via=VIA_REGION)


def test_every_region_place_of_the_national_table_is_overridden(h10, ref: Reference) -> None:
    for row in _read("woonplaatsen.csv"):
        if row["code"] in h10:
            assert ref.resolve_place(row["woonplaats"]) == Resolution(
                row["code"], via=VIA_REGION
            ), row


def test_every_region_override_resolves(ref: Reference) -> None:
    for row in _read("woonplaatsen_regio.csv"):
        assert ref.resolve_place(row["woonplaats"]) == Resolution(row["code"], via=VIA_REGION), row


def test_den_hoorn_means_midden_delfland_in_the_region(ref: Reference) -> None:
    assert ref.resolve_place("Den Hoorn") == Resolution("GM1842", via=VIA_REGION)
    assert ref.resolve_place("Den Hoorn", pc4="2635") == Resolution("GM1842", via=VIA_REGION)


def test_den_hoorn_with_a_texel_postcode_is_texel(ref: Reference) -> None:
    assert ref.resolve_place("Den Hoorn", pc4="1797 AB") == Resolution("GM0448", via=VIA_PLACE_PC4)


def test_ambiguous_place_is_reported_without_pc4(ref: Reference) -> None:
    result = ref.resolve_place("Valkenburg")
    assert result.code is None
    assert result.ambiguous
    assert result.via == VIA_PLACE
    # Katwijk is a neighbour of the region: listed first.
    assert [c.code for c in result.candidates] == ["GM0537", "GM0994"]
    assert result.candidates[0].label == "Katwijk (GM0537)"


def test_ambiguous_place_is_settled_by_pc4(ref: Reference) -> None:
    assert ref.resolve_place("Valkenburg", pc4="2235") == Resolution("GM0537", via=VIA_PLACE_PC4)
    assert ref.resolve_place("Valkenburg", pc4="2235 AB") == Resolution("GM0537", via=VIA_PLACE_PC4)


def test_pc4_elsewhere_does_not_settle_an_ambiguous_place(ref: Reference) -> None:
    result = ref.resolve_place("Valkenburg", pc4="2511")
    assert result.ambiguous
    assert result.code is None
    assert ref.resolve_place("Valkenburg", pc4="onzin").ambiguous


def test_pc4_does_not_overrule_an_unambiguous_place(ref: Reference) -> None:
    # A disagreement between place and postcode is the import's to report, not ours to hide.
    assert ref.resolve_place("Naaldwijk", pc4="2511") == Resolution("GM1783", via=VIA_REGION)
    assert ref.resolve_place("Leiden", pc4="2511") == Resolution("GM0546", via=VIA_PLACE)


def test_place_named_like_another_municipality_is_ambiguous(ref: Reference) -> None:
    # Beuningen is a place in Losser and a municipality in Gelderland.
    result = ref.resolve_place("Beuningen")
    assert result.ambiguous
    assert {c.code for c in result.candidates} == {"GM0168", "GM0209"}
    assert ref.resolve_place("Beuningen", pc4="6641 AA") == Resolution("GM0209", via=VIA_PLACE_PC4)
    assert ref.resolve_place("Beuningen", pc4="7588") == Resolution("GM0168", via=VIA_PLACE_PC4)


@pytest.mark.parametrize(
    ("place", "code", "via"),
    [
        ("Westland", "GM1783", VIA_NAME),
        ("Lansingerland", "GM1621", VIA_NAME),
        ("Leidschendam-Voorburg", "GM1916", VIA_NAME),
        ("Den Bosch", "GM0796", VIA_ALIAS),
        ("Pijnacker-N.", "GM1926", VIA_ALIAS),
        # The place Brielle is in Voorne aan Zee now; the ended municipality is not a candidate.
        ("Brielle", "GM1992", VIA_PLACE),
        ("Weesp", "GM0363", VIA_PLACE),
        # Only an ended municipality has this name: better than nothing.
        ("Westvoorne", "GM0614", VIA_NAME),
    ],
)
def test_municipality_name_as_a_place(ref: Reference, place: str, code: str, via: str) -> None:
    assert ref.resolve_place(place) == Resolution(code, via=via)


def test_misspelt_place_gets_suggestions(ref: Reference) -> None:
    result = ref.resolve_place("Naaldwjik")
    assert result.code is None
    assert result.candidates[0] == Candidate("GM1783", "Naaldwijk (Westland, GM1783)")
    assert ref.resolve_place("Den Haaag").candidates[0].code == "GM0518"
    assert ref.resolve_place("Scheveninge").candidates[0].code == "GM0518"


@pytest.mark.parametrize("text", [None, "", "   ", 2671, float("nan"), "GM0518", "2671"])
def test_no_place(ref: Reference, text: object) -> None:
    assert ref.resolve_place(text) == Resolution(None)


# Postcodes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pc4", "code"),
    [
        ("2511", "GM0518"),
        ("2671", "GM1783"),
        ("2711", "GM0637"),
        ("2611", "GM0503"),
        ("2251", "GM0626"),
        ("2241", "GM0629"),
        ("2281", "GM0603"),
    ],
)
def test_spot_check_pc4(ref: Reference, pc4: str, code: str) -> None:
    assert ref.resolve_postcode(pc4) == Resolution(code, via=VIA_PC4)


@pytest.mark.parametrize("text", ["2671 AB", "2671AB", "2671ab", "2671", 2671, 2671.0])
def test_postcode_forms_resolve(ref: Reference, text: object) -> None:
    assert ref.resolve_postcode(text) == Resolution("GM1783", via=VIA_PC4)


# 1099 and 2019 are PC4s the source has no municipality for.
@pytest.mark.parametrize("text", ["1099", "2019 AB", "0123", "26711", "onzin", None, "", 99])
def test_invalid_or_unknown_postcode(ref: Reference, text: object) -> None:
    assert ref.resolve_postcode(text) == Resolution(None)
