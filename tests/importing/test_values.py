from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grensverkeer.domain import EduType
from grensverkeer.importing.values import (
    clean_text,
    parse_brin,
    parse_brinvest,
    parse_bsn,
    parse_bsns,
    parse_date,
    parse_edu_type,
    parse_school_types,
    parse_vestiging,
    passes_eleven_test,
)


@pytest.mark.parametrize(
    ("raw", "bsn"),
    [
        ("123456782", "123456782"),
        (123456782, "123456782"),
        (123456782.0, "123456782"),
        ("123.456.782", "123456782"),
        ("123 456 782", "123456782"),
        (12345672, "012345672"),  # the leading zero Excel dropped
        ("012345672", "012345672"),
        (1234572, "001234572"),  # two leading zeros lost
    ],
)
def test_bsn_is_padded_and_cleaned(raw: object, bsn: str) -> None:
    assert parse_bsn(raw) == bsn


@pytest.mark.parametrize("raw", ["123456789", "1234567890", "abcdefghi", 1234567.5, "000000000"])
def test_bad_bsn_is_refused(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_bsn(raw)


def test_eleven_test() -> None:
    assert passes_eleven_test("111222333")
    assert not passes_eleven_test("111222334")


def test_brin_and_vestiging_forms() -> None:
    assert parse_brin(" 12ab ") == "12AB"
    assert parse_vestiging(0) == "00"
    assert parse_vestiging(1.0) == "01"
    assert parse_vestiging("12AB01", "12AB") == "01"
    assert parse_brinvest("12ab00") == ("12AB", "00")
    assert parse_brinvest("12AB-1") == ("12AB", "01")
    with pytest.raises(ValueError):
        parse_vestiging("12AC01", "12AB")
    with pytest.raises(ValueError):
        parse_brin("ABCD")


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("28-08-2023", date(2023, 8, 28)),
        ("28/8/2023", date(2023, 8, 28)),
        ("2023-08-28", date(2023, 8, 28)),
        ("2023-08-28 00:00:00", date(2023, 8, 28)),
        ("20230828", date(2023, 8, 28)),
        ("1 oktober 2024", date(2024, 10, 1)),
        ("1 okt. 2024", date(2024, 10, 1)),
        (datetime(2023, 8, 28, 0, 0), date(2023, 8, 28)),
        (date(2023, 8, 28), date(2023, 8, 28)),
        (45166, date(2023, 8, 28)),  # an Excel serial number
        ("28-08-23", date(2023, 8, 28)),
    ],
)
def test_dates_as_files_write_them(raw: object, day: date) -> None:
    assert parse_date(raw) == day


@pytest.mark.parametrize("raw", ["31-02-2024", "morgen", "2024-13-01", 1.5])
def test_impossible_dates_are_refused(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("VSO", EduType.VSO),
        ("vso", EduType.VSO),
        ("V.S.O.", EduType.VSO),
        ("SBAO", EduType.SBO),
        ("speciaal basisonderwijs", EduType.SBO),
        ("BAO", EduType.PO),
        ("HAVO/VWO", EduType.VO),
        ("VBO/MAVO", EduType.VO),
        ("PRO", EduType.VO),
        ("so", EduType.SO),
    ],
)
def test_edu_types(raw: str, kind: EduType) -> None:
    assert parse_edu_type(raw) == kind


def test_school_types_with_both() -> None:
    both = frozenset({EduType.SO, EduType.VSO})
    assert parse_school_types("SO/VSO") == both
    assert parse_school_types("SO, VSO") == both
    assert parse_school_types("SO en VSO") == both
    with pytest.raises(ValueError):
        parse_edu_type("MBO")


def test_clean_text_straightens_and_folds() -> None:
    assert clean_text("  ’s-Gravenzande   ") == "'s-Gravenzande"
    assert clean_text("Den  Haag ") == "Den Haag"
    assert clean_text(518.0) == "518"


@pytest.mark.parametrize(
    "column",
    [
        ["111222333", "123456782", "999999990"],  # a clean text column: the fast path
        [111222333.0, 123456782.0, 999999990.0],  # Excel's numbers: the other fast path
        ["111222333", "000000000", "123456782"],  # all zeros passes the sum, is no BSN
        ["111222333", "１２３４５６７８２", "123456782"],  # full-width digits
        ["111222333", "123456783", 123456782.0, "12345678", None, "1234.56782"],
    ],
)
def test_a_column_of_bsns_reads_as_each_value_alone(column: list[object]) -> None:
    """The column-wide fast paths must agree with parse_bsn value by value."""

    def alone(value: object) -> str | type[ValueError]:
        try:
            return parse_bsn(value)
        except ValueError:
            return ValueError

    read = [v if isinstance(v, str) else ValueError for v in parse_bsns(column)]
    assert read == [alone(v) for v in column]


NINE_DIGITS = st.integers(0, 999_999_999).map("{:09d}".format)


@given(st.lists(NINE_DIGITS, min_size=1, max_size=300), st.booleans())
def test_the_column_wide_eleven_test_agrees_with_each_bsn_alone(texts, as_numbers) -> None:
    """The fast paths test the whole column at once (a byte per BSN in one big number); a
    column of valid BSNs with one bad one anywhere must fall back to the values one by one."""
    valid = [t for t in texts if t != "000000000" and passes_eleven_test(t)]
    for column in (valid, texts):
        if not column:
            continue
        values: list[object] = [float(t) for t in column] if as_numbers else list(column)
        expected = [t if t != "000000000" and passes_eleven_test(t) else None for t in column]
        read = [v if isinstance(v, str) else None for v in parse_bsns(values)]
        assert read == expected
