"""``--residence``: every way a residence is written, tried as code, postcode, place, name."""

from __future__ import annotations

import pytest

from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.plans.responsible import resolve_residence, responsibility

SCHOOL = "20XB00"  # Delft
ON = "2024-10-01"

FORMS = [
    # CBS codes in any form
    ("518", "GM0518"),
    ("0518", "GM0518"),
    ("GM0518", "GM0518"),
    ("gm0518", "GM0518"),
    ("GM518", "GM0518"),
    ("GM1783", "GM1783"),
    # PC4 and full postcodes
    ("2671", "GM1783"),
    ("2671 AB", "GM1783"),
    ("2671ab", "GM1783"),
    (" 2251 AA ", "GM0626"),
    # places: the region's own first (Den Hoorn is Midden-Delfland here, not Texel)
    ("Naaldwijk", "GM1783"),
    ("’s-Gravenzande", "GM1783"),
    ("Den Hoorn", "GM1842"),
    ("Voorburg", "GM1916"),
    ("Scheveningen", "GM0518"),
    # municipality names and the spelling variants the reference knows
    ("Westland", "GM1783"),
    ("Gemeente Westland", "GM1783"),
    ("Den Haag", "GM0518"),
    ("’s-Gravenhage", "GM0518"),
    ("S GRAVENHAGE", "GM0518"),
    ("The Hague", "GM0518"),
    ("Rijswijk (ZH.)", "GM0603"),
    ("Leidschendam Voorburg", "GM1916"),
    ("midden-delfland", "GM1842"),
]


@pytest.mark.parametrize(("text", "code"), FORMS)
def test_every_form_resolves(text: str, code: str) -> None:
    assert resolve_residence(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("gm1783", "GM1783"),
        ("2671", "GM1783"),
        ("2671 AB", "GM1783"),
        ("Naaldwijk", "GM1783"),
        ("Gemeente Westland", "GM1783"),
        ("’s-Gravenhage", "GM0518"),
    ],
)
def test_forms_through_the_service(db, schools_loaded, text: str, code: str) -> None:
    from datetime import date

    answer = responsibility(db, text, SCHOOL, date(2024, 10, 1))
    assert answer.residence == code
    assert answer.school == "GM0503"


def test_forms_through_the_command(db, schools_loaded, ask) -> None:
    for text, code in [("518", "GM0518"), ("2671 AB", "GM1783"), ("Den Hoorn", "GM1842")]:
        status, out, err = ask("--residence", text, "--school", SCHOOL, "--date", ON)
        assert status == 0, err
        assert out.splitlines()[0].endswith(f"({code})")


def test_ambiguous_place_lists_candidates_and_asks_for_the_postcode(
    db, schools_loaded, ask
) -> None:
    status, out, err = ask("--residence", "Bergen", "--school", SCHOOL, "--date", ON)
    assert status == 2 and out == ""
    assert err.startswith("Fout: ‘Bergen’ kan meer dan één gemeente zijn: ")
    assert "Bergen (NH.) (GM0373)" in err and "Bergen (L.) (GM0893)" in err
    assert "postcode" in err


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("Naaldwyk", "Naaldwijk (Westland, GM1783)"), ("Zoetermer", "Zoetermeer (GM0637)")],
)
def test_unknown_name_gives_the_reference_suggestion(
    db, schools_loaded, ask, text: str, suggestion: str
) -> None:
    status, _out, err = ask("--residence", text, "--school", SCHOOL, "--date", ON)
    assert status == 2
    assert f"‘{text}’ is geen bekende woonplaats" in err
    assert f"bedoelde u {suggestion}" in err


def test_unknown_without_any_suggestion() -> None:
    with pytest.raises(GrensverkeerError, match="controleer de spelling of geef de postcode"):
        resolve_residence("Xyzzy")


def test_unknown_postcode_and_empty_input() -> None:
    with pytest.raises(GrensverkeerError, match="‘1000’ is geen bekende gemeentecode of postcode"):
        resolve_residence("1000")
    with pytest.raises(GrensverkeerError, match="‘1000 AA’ is geen bekende postcode"):
        resolve_residence("1000 AA")
    with pytest.raises(GrensverkeerError, match="Geef een woongemeente"):
        resolve_residence("  ")


def test_a_number_that_is_a_code_and_a_postcode_is_the_code_with_a_note() -> None:
    """Code first, as agreed; the note says how to give the postcode (Den Helder) instead."""
    found = resolve_residence("1783")
    assert found.code == "GM1783"
    (note,) = found.notes
    assert "ook een postcode in Den Helder" in note and "1783 AB" in note
    assert resolve_residence("1783 AB").code == "GM0400"
    assert resolve_residence("GM1783").notes == ()


def test_an_unknown_valid_code_is_an_outside_municipality(db, schools_loaded, ask) -> None:
    status, out, _err = ask("--residence", "GM9999", "--school", SCHOOL, "--date", ON)
    assert status == 0
    assert "Gedekt door regionaal plan: nee" in out
    assert "GM9999 is in 2024-2025 geen deelnemer van de regio" in out
    assert "Let op: GM9999 staat niet in de gemeentetabel" in out


def test_a_municipality_that_no_longer_existed_gets_a_note() -> None:
    from datetime import date

    assert resolve_residence("Westvoorne", day=date(2022, 10, 1)).notes == ()
    (note,) = resolve_residence("Westvoorne", day=date(2024, 10, 1)).notes
    assert note.startswith("Westvoorne (GM0614) bestond op 1 oktober 2024 niet")
