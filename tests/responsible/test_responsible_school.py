"""``--school``: a brinvest looked up in the stored school list, with help when it is not."""

from __future__ import annotations

import pytest

from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.plans.responsible import find_school


@pytest.mark.parametrize("text", ["20XB00", "20xb00", "20xb-0", "20XB 0", " 20xb.00 ", "20XB"])
def test_brinvest_forms_and_a_lone_brin_with_one_location(db, schools_loaded, text) -> None:
    location = find_school(db, text)
    assert (location.brinvest, location.municipality, location.name) == (
        "20XB00",
        "GM0503",
        "HET ANKER",
    )


def test_a_lone_brin_with_several_locations_asks_which(db, schools_loaded) -> None:
    with pytest.raises(GrensverkeerError) as caught:
        find_school(db, "20xa")
    message = str(caught.value)
    assert message.startswith("BRIN 20XA heeft 2 vestigingen: ")
    assert "20XA00 (DE KLIMOP, S GRAVENHAGE)" in message
    assert "20XA01 (DE KLIMOP VSO, S GRAVENHAGE)" in message


def test_unknown_school_suggests_the_nearest_brins(db, schools_loaded, ask) -> None:
    status, out, err = ask("--residence", "Westland", "--school", "20XD00", "--date", "1-10-2024")
    assert status == 2 and out == ""
    assert err.strip() == (
        "Fout: School ‘20XD00’ staat niet in de scholenlijst (BRIN 20XD is onbekend); "
        "bedoelde u 20XA, 20XB of 20XC?"
    )


def test_unknown_school_far_from_every_brin(db, schools_loaded) -> None:
    with pytest.raises(GrensverkeerError, match="importeer een nieuwere scholenlijst"):
        find_school(db, "99ZZ00")


def test_unknown_vestiging_of_a_known_brin_lists_its_locations(db, schools_loaded) -> None:
    with pytest.raises(GrensverkeerError, match=r"Vestiging 20XB07 .* 20XB00 \(HET ANKER, DELFT\)"):
        find_school(db, "20XB07")


def test_no_school_list_yet(db, ask) -> None:
    status, _out, err = ask("--residence", "Westland", "--school", "20XB00")
    assert status == 2
    assert "importeer eerst de scholenlijst" in err


@pytest.mark.parametrize("text", ["", "XYZ", "2OXB00", "20XB123"])
def test_not_a_school_code(db, schools_loaded, text) -> None:
    with pytest.raises(GrensverkeerError, match="is geen schoolcode"):
        find_school(db, text)
