import pytest

from grensverkeer import formatting
from grensverkeer.money import AmountError, parse_euros


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12500", 1_250_000),
        ("12500.00", 1_250_000),
        ("12.500,00", 1_250_000),
        ("€ 1.234,56", 123_456),
        ("1,5", 150),
        ("1.234.567,89", 123_456_789),
        ("1,234,567.89", 123_456_789),
        ("-12,50", -1_250),
        (3, 300),
        (12.345, 1_235),  # floats from spreadsheets are rounded once, half up
        (0.1 + 0.2, 30),
    ],
)
def test_amounts_people_write_are_read_to_cents(text: object, cents: int) -> None:
    assert parse_euros(text) == cents


def test_the_two_readings_are_offered() -> None:
    with pytest.raises(AmountError, match="schrijf 12500,00 of 12,50"):
        parse_euros("12.500")


def test_three_decimals_that_cannot_be_cents_are_thousands() -> None:
    assert parse_euros("12.345") == 1_234_500


@pytest.mark.parametrize("text", ["12.500", "12,500", "1.250"])
def test_an_amount_that_reads_two_ways_is_refused_with_both_readings(text: str) -> None:
    with pytest.raises(AmountError, match="twee manieren"):
        parse_euros(text)


@pytest.mark.parametrize("text", ["abc", "1.2.3", "", "12,5,0", "0,125", "€", True])
def test_non_amounts_are_refused(text: object) -> None:
    with pytest.raises(AmountError):
        parse_euros(text)


def test_dutch_formatting() -> None:
    assert formatting.euros(1_234_567) == "€ 12.345,67"
    assert formatting.euros(-50) == "€ -0,50"
    assert formatting.number(1234567) == "1.234.567"
