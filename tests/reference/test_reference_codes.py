"""Code and postcode syntax, and the name key: the forms real extracts use."""

from decimal import Decimal

import numpy as np
import pytest

from grensverkeer.reference import name_key, normalize_code, normalize_pc4


@pytest.mark.parametrize(
    "text",
    ["518", "0518", "GM518", "gm0518", "GM0518", " GM0518 ", "Gm 518", "518.0", 518, 518.0],
)
def test_code_forms(text: object) -> None:
    assert normalize_code(text) == "GM0518"


@pytest.mark.parametrize(
    "value", [Decimal("518"), Decimal("518.00"), np.int64(518), np.float64(518)]
)
def test_code_from_number_cells(value: object) -> None:
    assert normalize_code(value) == "GM0518"


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "GM",
        "GM05180",
        "10000",
        "51a",
        "GX0518",
        "5 18",
        518.5,
        Decimal("518.5"),
        float("nan"),
        float("inf"),
        Decimal("NaN"),
        True,
        -518,
        10_000,
        # Code 0 is an empty numeric cell, never a municipality.
        0,
        0.0,
        "0",
        "0000",
        "GM0000",
        ["GM0518"],
    ],
)
def test_not_a_code(text: object) -> None:
    assert normalize_code(text) is None


def test_small_and_large_codes_are_padded() -> None:
    assert normalize_code("3") == "GM0003"
    assert normalize_code(1992) == "GM1992"
    assert normalize_code("gm9999") == "GM9999"


@pytest.mark.parametrize(
    "text", ["2671 AB", "2671AB", "2671ab", " 2671  AB ", "2671", 2671, 2671.0]
)
def test_postcode_forms(text: object) -> None:
    assert normalize_pc4(text) == "2671"


@pytest.mark.parametrize(
    "text",
    [None, "", "0671 AB", "267", "26711", "2671 A", "2671 ABC", "AB 2671", 999, 2671.5, True],
)
def test_not_a_postcode(text: object) -> None:
    assert normalize_pc4(text) is None


def test_name_key_merges_the_gravenhage_variants() -> None:
    variants = [
        "'s-Gravenhage",
        "’s-Gravenhage",
        "‘s-Gravenhage",
        "`s-Gravenhage",
        "S GRAVENHAGE",
        "'S-GRAVENHAGE",
        "'s Gravenhage",
        "s-Gravenhage",
        "  s-gravenhage ",
        "Gemeente 's-Gravenhage",
    ]
    assert {name_key(v) for v in variants} == {"s gravenhage"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rijswijk (ZH.)", "rijswijk zh"),
        ("RIJSWIJK (ZH)", "rijswijk zh"),
        ("Leidschendam-Voorburg", "leidschendam voorburg"),
        ("Leidschendam  Voorburg ", "leidschendam voorburg"),
        ("Gemeente Westland", "westland"),
        ("GEMEENTE   WESTLAND", "westland"),
        ("Súdwest-Fryslân", "sudwest fryslan"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen gerwen en nederwetten"),
        ("’s-Gravenzande", "s gravenzande"),
        ("", ""),
        ("  -  ", ""),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_name_key_keeps_a_name_that_is_only_gemeente() -> None:
    assert name_key("Gemeente") == "gemeente"
