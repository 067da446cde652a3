"""The command line speaks Dutch, also when the user types something wrong."""


def test_usage_errors_are_dutch_and_exit_2(cli) -> None:
    code, _out, err = cli("tariff", "set", "--type", "VSO")
    assert code == 2
    assert "gebruik: grensverkeer tariff set" in err
    assert "fout: deze opties zijn verplicht: --school-year, --amount" in err


def test_invalid_choice_is_dutch(cli) -> None:
    code, _out, err = cli("matrix", "--format", "pdf")
    assert code == 2
    assert "ongeldige keuze: 'pdf'" in err


def test_help_is_dutch(cli) -> None:
    code, out, _err = cli("--help")
    assert code == 0
    assert "toon deze hulp en stop" in out and "opties:" in out
