"""The bundled tables: complete, self-contained, and matching the spot checks of the shared data."""

import csv
import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from grensverkeer.reference import (
    Municipality,
    Reference,
    ReferenceDataError,
    load_reference,
    reference_dir,
)
from grensverkeer.resources import resources_dir


def _read(name: str) -> list[dict[str, str]]:
    with (reference_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_resources_live_in_the_repository() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert resources_dir() == repo / "grensverkeer" / "resources"
    assert reference_dir() == repo / "grensverkeer" / "resources" / "reference"
    for name in (
        "README.md",
        "gemeenten.csv",
        "gemeente_aliases.csv",
        "woonplaatsen.csv",
        "woonplaatsen_regio.csv",
        "pc4.csv",
        "swv.csv",
        "regio_lidmaatschap.csv",
        "buren.csv",
    ):
        assert (reference_dir() / name).is_file(), name


def test_load_reference_is_loaded_once() -> None:
    assert load_reference() is load_reference()


def test_all_municipalities(ref: Reference) -> None:
    assert len(ref.municipalities()) == 346
    codes = [m.code for m in ref.municipalities()]
    assert codes == sorted(codes)
    assert len(ref.municipalities(on=date(2024, 1, 1))) == 342


def test_ended_and_new_municipalities(ref: Reference) -> None:
    brielle = ref.municipality("GM0501")
    assert brielle == Municipality("GM0501", "Brielle", "Brielle", None, date(2022, 12, 31))
    assert brielle.valid_on(date(2022, 12, 31))
    assert not brielle.valid_on(date(2023, 1, 1))
    voorne = ref.municipality("GM1992")
    assert voorne is not None
    assert voorne.valid_from == date(2023, 1, 1)
    assert ref.municipality("GM0457").valid_to == date(2022, 3, 23)
    on_2024 = {m.code for m in ref.municipalities(on=date(2024, 1, 1))}
    assert {"GM0457", "GM0501", "GM0530", "GM0614"}.isdisjoint(on_2024)
    assert {"GM1980", "GM1982", "GM1991", "GM1992"} <= on_2024


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("GM0518", "'s-Gravenhage"),
        ("GM1916", "Leidschendam-Voorburg"),
        ("GM1783", "Westland"),
        ("GM1842", "Midden-Delfland"),
        ("GM1926", "Pijnacker-Nootdorp"),
        ("GM0637", "Zoetermeer"),
        ("GM0626", "Voorschoten"),
        ("GM0629", "Wassenaar"),
        ("GM0603", "Rijswijk (ZH.)"),
        ("GM0503", "Delft"),
        ("GM1992", "Voorne aan Zee"),
    ],
)
def test_spot_check_municipalities(ref: Reference, code: str, name: str) -> None:
    municipality = ref.municipality(code)
    assert municipality is not None
    assert municipality.name == name
    assert ref.label(code) == f"{name} ({code})"


@pytest.mark.parametrize(
    ("code", "short"),
    [
        ("GM0518", "Den Haag"),
        ("GM1916", "Leidschendam-Vb."),
        ("GM1842", "Midden-Delfland"),
        ("GM1926", "Pijnacker-N."),
        ("GM0603", "Rijswijk"),
        ("GM0888", "Beek"),
        ("GM0164", "Hengelo"),
        ("GM0373", "Bergen (NH.)"),
        ("GM0893", "Bergen (L.)"),
        ("GM1783", "Westland"),
    ],
)
def test_short_names(ref: Reference, code: str, short: str) -> None:
    assert ref.municipality(code).short_name == short


def test_short_names_are_unique_and_short(h10, ref: Reference) -> None:
    shorts = [m.short_name for m in ref.municipalities()]
    assert len(set(shorts)) == len(shorts)
    region = [ref.municipality(code).short_name for code in h10]
    assert max(map(len, region)) <= 16


def test_municipality_accepts_any_code_form(ref: Reference) -> None:
    assert ref.municipality(518) == ref.municipality("gm0518") == ref.municipality("0518")
    assert ref.municipality("GM9999") is None
    assert ref.municipality("Den Haag") is None


def test_labels(ref: Reference) -> None:
    assert ref.label("GM0518") == "'s-Gravenhage (GM0518)"
    assert ref.label(518) == "'s-Gravenhage (GM0518)"
    assert ref.label("GM9999") == "GM9999"
    assert ref.label("9999") == "GM9999"
    assert ref.label("onzin") == "onzin"


def test_every_2024_municipality_has_a_pc4() -> None:
    pc4_codes = {row["code"] for row in _read("pc4.csv")}
    current = {row["code"] for row in _read("gemeenten.csv") if not row["valid_to"]}
    assert len(current) == 342
    assert current == pc4_codes


def test_copied_tables_match_the_documented_counts() -> None:
    assert len(_read("pc4.csv")) == 4053
    assert len(_read("woonplaatsen.csv")) == 2550
    assert len(_read("gemeenten.csv")) == 346


def test_values_are_frozen(ref: Reference) -> None:
    municipality = ref.municipality("GM0518")
    with pytest.raises(dataclasses.FrozenInstanceError):
        municipality.name = "Den Haag"  # type: ignore[misc]


def test_reference_never_imports_qt() -> None:
    code = (
        "import sys, grensverkeer.reference as r; r.load_reference(); "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _copy_tables(target: Path) -> Path:
    for path in reference_dir().glob("*.csv"):
        (target / path.name).write_bytes(path.read_bytes())
    return target


def test_from_dir_loads_a_copy(tmp_path: Path) -> None:
    ref = Reference.from_dir(_copy_tables(tmp_path))
    assert ref.resolve_place("Naaldwijk").code == "GM1783"


def test_unknown_code_in_a_table_is_a_data_error(tmp_path: Path) -> None:
    directory = _copy_tables(tmp_path)
    with (directory / "gemeente_aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("Atlantis,GM9999\n")
    with pytest.raises(ReferenceDataError, match=r"gemeente_aliases\.csv regel"):
        Reference.from_dir(directory)


def test_region_place_with_two_codes_is_a_data_error(tmp_path: Path) -> None:
    directory = _copy_tables(tmp_path)
    with (directory / "woonplaatsen_regio.csv").open("a", encoding="utf-8") as handle:
        handle.write("Naaldwijk,GM0518\n")
    with pytest.raises(ReferenceDataError, match="twee codes"):
        Reference.from_dir(directory)


def test_bad_date_is_a_data_error(tmp_path: Path) -> None:
    directory = _copy_tables(tmp_path)
    path = directory / "regio_lidmaatschap.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Haaglanden,GM0518,1-1-2015,\n", "utf-8")
    with pytest.raises(ReferenceDataError, match="geen datum"):
        Reference.from_dir(directory)
