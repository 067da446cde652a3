"""Argument types shared by the commands: school years, amounts, dates, codes — in Dutch."""

from __future__ import annotations

import argparse
from datetime import date

from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.choices import ColumnChoice, parse_choice
from grensverkeer.importing.values import parse_date
from grensverkeer.money import AmountError, parse_euros
from grensverkeer.reference import load_reference, normalize_code
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.matrix_filters import MatrixFilter, swv_choices


def school_year(text: str) -> SchoolYear:
    try:
        return SchoolYear.parse(text)
    except GrensverkeerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def euros(text: str) -> int:
    """Euros as users write them (12500, 12500.00, 12.500,00) to cents; ambiguity refused."""
    try:
        return parse_euros(text)
    except AmountError as error:
        raise argparse.ArgumentTypeError(f"ongeldig bedrag: {error}") from None


def day(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def column_choice(text: str) -> ColumnChoice:
    try:
        return parse_choice(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def edu_type(text: str) -> EduType:
    try:
        return EduType(text.strip().upper())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"onbekend onderwijstype ‘{text}’; kies PO, SBO, SO, VSO of VO"
        ) from None


def municipality(text: str) -> str:
    """A CBS code in any accepted form, or a municipality name the reference knows."""
    code = normalize_code(text)
    if code is not None:
        return code
    found = load_reference().resolve_municipality(text)
    if found.code is None:
        hint = "; bedoelde u " + found.candidates[0].label + "?" if found.candidates else ""
        raise argparse.ArgumentTypeError(f"onbekende gemeente ‘{text}’{hint}")
    return found.code


def on_off(text: str) -> bool:
    value = text.strip().lower()
    if value in {"aan", "ja", "on", "yes", "1", "true"}:
        return True
    if value in {"uit", "nee", "off", "no", "0", "false"}:
        return False
    raise argparse.ArgumentTypeError(f"‘{text}’: kies aan of uit")


def add_settlement_options(
    parser: argparse.ArgumentParser,
    *,
    method_default: str | None,
    method_help: str,
    threshold_default: int | None,
    threshold_help: str,
) -> None:
    """``--method``, ``--centre`` and ``--threshold``, worded alike by every command."""
    from grensverkeer.services.settling.year_settlement import REGIONAL_CENTRE
    from grensverkeer.settlement import Method

    def centre(text: str) -> str:
        return REGIONAL_CENTRE if text.strip().upper() == REGIONAL_CENTRE else municipality(text)

    parser.add_argument(
        "--method", choices=[str(m) for m in Method], default=method_default, help=method_help
    )
    parser.add_argument(
        "--centre",
        type=centre,
        metavar="GEMEENTE|REGIO",
        help="de verrekenpartij bij de methode central (standaard REGIO)",
    )
    parser.add_argument(
        "--threshold",
        type=euros,
        default=threshold_default,
        metavar="EURO",
        help=threshold_help,
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """``--type``, ``--swv`` and ``--arrangement``: the matrix's filters, for every command that
    counts the matrix (``matrix``, ``map``); ``matrix_filter`` reads them."""
    parser.add_argument(
        "--type",
        type=edu_type,
        metavar="TYPE",
        help="alleen dit onderwijstype: PO, SBO, SO, VSO of VO",
    )
    parser.add_argument(
        "--swv",
        metavar="SWV",
        help="alleen leerlingen die in het gebied van dit samenwerkingsverband wonen, "
        'zoals "VO 28-06" of "PO 28-15"',
    )
    parser.add_argument(
        "--arrangement", metavar="NAAM", help="alleen leerlingen met dit arrangement"
    )


def matrix_filter(args: argparse.Namespace) -> MatrixFilter:
    """The filters of ``add_filter_options``; an unknown SWV is refused with the known ones."""
    return MatrixFilter(args.type, _swv(args.swv), args.arrangement)


def _swv(text: str | None) -> str | None:
    """``VO 28-06`` in any spacing or case, checked against the known areas."""
    if text is None:
        return None
    wanted = " ".join(text.upper().split())
    known = [swv.ident for swv in swv_choices()]
    if wanted not in known:
        raise GrensverkeerError(
            f"Onbekend samenwerkingsverband ‘{text}’; kies uit: {', '.join(known)}."
        )
    return wanted
