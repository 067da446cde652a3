"""``grensverkeer export``: options, plans, refusals, and that nothing is written on failure."""

from __future__ import annotations

import argparse
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pytest
from builders import flows_extract

from grensverkeer.cli import export_cmd
from grensverkeer.cli.hints import worded
from grensverkeer.domain import EduType
from grensverkeer.errors import GrensverkeerError
from grensverkeer.export import BALANCES_SHEET, TRANSFERS_SHEET
from grensverkeer.money import to_cents
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.plans.finalized_plans import finalize
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.services.years.tariffs import set_tariff

Y = SchoolYear(2024)
DELFT, DEN_HAAG, RIJSWIJK, LEIDEN = "GM0503", "GM0518", "GM0603", "GM0546"
# DOMAIN.md's worked example (pupils × € 1.000) plus a flow to outside the region.
EXAMPLE = {
    (DELFT, DEN_HAAG): 30,
    (DEN_HAAG, DELFT): 10,
    (RIJSWIJK, DEN_HAAG): 20,
    (DEN_HAAG, RIJSWIJK): 5,
    (RIJSWIJK, DELFT): 8,
    (LEIDEN, DEN_HAAG): 2,
}


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def export(db, *argv: object) -> tuple[int, str]:
    """Run the command as ``grensverkeer`` does: a ``GrensverkeerError`` is exit status 2."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    export_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", _url(db), "export", *map(str, argv)])
    try:
        return args.handler(args), ""
    except GrensverkeerError as error:
        return error.exit_code, worded(error)  # the command line's words, hint included


@pytest.fixture
def pupils(schools_loaded, db, tmp_path):
    (report,) = schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", EXAMPLE)], ImportOptions(school_year=Y)
    )
    assert not report.errors
    return db


@pytest.fixture
def example(pupils, db):
    set_tariff(db, Y, EduType.VSO, 100_000)
    return db


def _rows(path, sheet: str) -> list[tuple]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def _cents(value) -> int:
    return to_cents(Decimal(repr(value)))


def _main_table(rows: list[tuple]) -> list[tuple]:
    end = next(i for i, row in enumerate(rows) if row[0] == "Totaal")
    return rows[4:end]


def test_missing_tariffs_exit_2_and_nothing_is_written(pupils, tmp_path) -> None:
    out = tmp_path / "export.xlsx"
    code, message = export(pupils, "--school-year", "2024-2025", "--out", out)
    assert code == 2
    assert message.startswith("Geen tarief voor schooljaar 2024-2025: VSO (")
    assert not out.exists()
    folder = tmp_path / "csv"
    code, _ = export(pupils, "--school-year", "2024-2025", "--format", "csv", "--out", folder)
    assert code == 2 and not folder.exists()
    assert list(tmp_path.glob(".export-*")) == []


def test_writes_a_workbook_and_says_so(example, tmp_path, capsys) -> None:
    out = tmp_path / "export.xlsx"
    assert export(example, "--school-year", "2024-2025", "--out", out) == (0, "")
    assert "Geschreven:" in capsys.readouterr().out
    transfers = _main_table(_rows(out, TRANSFERS_SHEET))
    assert {(r[1], r[3], _cents(r[4])) for r in transfers} == {
        (DELFT, DEN_HAAG, 1_200_000),
        (RIJSWIJK, DEN_HAAG, 2_300_000),
    }


def test_csv_writes_one_file_per_sheet_and_section(example, tmp_path) -> None:
    folder = tmp_path / "uitvoer"
    assert export(example, "--school-year", "2024-2025", "--format", "csv", "--out", folder)[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "importverslag.csv",
        "matrix-bedragen.csv",
        "matrix-leerlingen.csv",
        "per-onderwijstype.csv",
        "per-school.csv",
        "saldi.csv",
        "toelichting.txt",
        "transacties-buiten-de-regeling.csv",
        "transacties-niet-verrekend.csv",
        "transacties.csv",
    ]
    raw = (folder / "transacties.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfBetaler;")  # UTF-8 with BOM, for Excel
    assert "Delft;GM0503;'s-Gravenhage;GM0518;12000,00\r\n" in raw.decode("utf-8-sig")


def test_bilateral_with_a_threshold_lists_what_is_waived(example, tmp_path) -> None:
    out = tmp_path / "export.xlsx"
    argv = ["--school-year", "2024-2025", "--method", "bilateral", "--threshold", "10000"]
    assert export(example, *argv, "--out", out)[0] == 0
    rows = _rows(out, TRANSFERS_SHEET)
    waived_title = next(
        i for i, row in enumerate(rows) if row[0] and row[0].startswith("Onder de bagatelgrens")
    )
    assert rows[waived_title + 2][1:] == ("GM0603", "Delft", "GM0503", 8000)
    balances = _main_table(_rows(out, BALANCES_SHEET))
    corrections = {row[1]: _cents(row[6]) for row in balances}
    assert corrections[RIJSWIJK] == 800_000 and corrections[DELFT] == -800_000
    for row in balances:
        assert _cents(row[4]) - _cents(row[5]) + _cents(row[6]) == _cents(row[7])
    assert "bagatelgrens € 10.000,00" in rows[1][0]


def test_central_via_the_region(example, tmp_path) -> None:
    out = tmp_path / "export.xlsx"
    assert (
        export(example, "--school-year", "2024-2025", "--method", "central", "--out", out)[0] == 0
    )
    rows = _rows(out, TRANSFERS_SHEET)
    assert "verrekenpartij regionale organisatie" in rows[1][0]
    payees = {row[3] for row in _main_table(rows)}
    assert "REGIO" in payees


def test_plan_exports_the_stored_result(example, tmp_path) -> None:
    plan = finalize(example, compute_settlement(example, Y, "bilateral"), by="projectleider")
    stored = {(t.from_code, t.to_code, t.cents) for t in plan.result.transfers}
    out = tmp_path / "plan.xlsx"
    assert export(example, "--plan", plan.id, "--out", out)[0] == 0  # the plan's school year
    rows = _rows(out, TRANSFERS_SHEET)
    assert f"Vastgesteld plan {plan.id} (kenmerk {plan.short_hash})" in rows[2][0]
    assert "door projectleider" in rows[2][0] and "gewijzigd" not in rows[2][0]
    assert "bilateraal" in rows[1][0]
    assert {(r[1], r[3], _cents(r[4])) for r in _main_table(rows)} == stored

    set_tariff(example, Y, EduType.VSO, 250_000)  # later changes do not touch the plan...
    assert export(example, "--school-year", "2024-2025", "--plan", plan.id, "--out", out)[0] == 0
    rows = _rows(out, TRANSFERS_SHEET)
    assert {(r[1], r[3], _cents(r[4])) for r in _main_table(rows)} == stored
    assert "de gegevens zijn sindsdien gewijzigd" in rows[2][0]
    balances = _main_table(_rows(out, BALANCES_SHEET))
    assert {row[1]: _cents(row[7]) for row in balances} == dict(plan.result.positions)
    fresh = tmp_path / "fresh.xlsx"  # ...but a fresh export shows them
    assert export(example, "--school-year", "2024-2025", "--out", fresh)[0] == 0
    fresh_balances = _main_table(_rows(fresh, BALANCES_SHEET))
    assert {row[1]: _cents(row[7]) for row in fresh_balances}[DEN_HAAG] == 8_750_000


def test_plan_refusals(example, tmp_path) -> None:
    plan = finalize(example, compute_settlement(example, Y, "multilateral"))
    out = tmp_path / "export.xlsx"
    code, message = export(example, "--plan", plan.id, "--method", "gross", "--out", out)
    assert code == 2 and "Geef bij --plan geen --method, --centre of --threshold." in message
    code, message = export(example, "--plan", plan.id, "--school-year", "2023-2024", "--out", out)
    assert code == 2 and "hoort bij schooljaar 2024-2025" in message
    code, message = export(example, "--plan", 999, "--out", out)
    assert code == 2 and "Er is geen plan 999" in message
    assert not out.exists()


def test_other_refusals(example, tmp_path) -> None:
    code, message = export(example, "--school-year", "2024-2025", "--out", tmp_path / "e.csv")
    assert code == 2 and ".xlsx" in message
    code, message = export(example, "--school-year", "2022-2023", "--out", tmp_path / "e.xlsx")
    assert code == 1 and "voor schooljaar 2022-2023 geen leerlingen geteld" in message
    assert "Er zijn wel leerlingen voor 2024-2025." in message
    code, message = export(example, "--out", tmp_path / "e.xlsx")
    assert code == 2 and "--school-year" in message
    missing_dir = tmp_path / "nergens" / "e.xlsx"
    code, message = export(example, "--school-year", "2024-2025", "--out", missing_dir)
    assert code == 2 and "bestaat niet" in message
    assert not (tmp_path / "e.xlsx").exists() and not (tmp_path / "e.csv").exists()


def test_the_export_core_never_imports_qt() -> None:
    code = (
        "import sys, grensverkeer.export, grensverkeer.cli.export_cmd\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert 'openpyxl' not in sys.modules  # loaded when a workbook is written\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_full_disk_halfway_leaves_the_csv_folder_as_it_was(
    example, tmp_path, monkeypatch
) -> None:
    import errno

    from grensverkeer.export import files

    folder = tmp_path / "uitvoer"
    assert export(example, "--school-year", "2024-2025", "--format", "csv", "--out", folder)[0] == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = files.os.fdopen
    calls = {"n": 0}

    def filling(handle, mode):  # the fourth file no longer fits
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(handle, mode)

    monkeypatch.setattr(files.os, "fdopen", filling)
    code, err = export(
        example,
        "--school-year",
        "2024-2025",
        "--format",
        "csv",
        "--out",
        folder,
        "--method",
        "bilateral",
    )
    assert code != 0
    assert "De schijf is vol: de export naar" in err and "maak ruimte vrij" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no half export, no temp
