"""Skipping bad rows is bounded and never quiet; every import says what it changed.

When most rows fail alike (one column, one kind of problem) the rows are not bad: the column
was misread or the school list is missing, and skipping would store a wrong matrix. Below that
bound the skipped rows lead the summary and can be saved as a CSV.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from builders import flows_extract, school_list, snapshot, valid_bsns, write_xlsx


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _rows(count: int, brin: str = "20XA", first: int = 300_000_000) -> list[list[object]]:
    bsns = valid_bsns(first)
    return [[next(bsns), "Delft", brin, "01", "VSO", date(2024, 8, 26), None] for _ in range(count)]


HEADER = ["BSN", "Woongemeente", "BRIN", "Vestiging", "Onderwijstype", "Startdatum", "Einddatum"]


def test_a_misread_file_is_not_skipped_into_the_database(db, cli, tmp_path: Path) -> None:
    cli("--db", _url(db), "import", school_list(tmp_path))
    # 15 of 20 rows name schools the school list does not have: a missing school list
    rows = _rows(5) + _rows(15, brin="31ZZ", first=400_000_000)
    path = write_xlsx(tmp_path / "po.xlsx", {"Leerlingen": [HEADER, *rows]})
    before = snapshot(db)
    code, out, err = cli("--db", _url(db), "import", path, "--skip-invalid")
    assert code == 2, out + err
    assert snapshot(db) == before
    assert "15 van 20 rijen (75,0%) hebben hetzelfde probleem in kolom C (BRIN)" in err
    assert "BRIN ‘31ZZ’ staat niet in de scholenlijst" in err
    assert "importeer eerst de scholenlijst" in err


def test_a_few_bad_rows_are_skipped_in_the_headline_and_the_csv(db, cli, tmp_path: Path) -> None:
    cli("--db", _url(db), "import", school_list(tmp_path))
    rows = _rows(38)
    rows.append([123456789, "Delft", "20XA", "01", "VSO", date(2024, 8, 26), None])  # 11-proef
    rows.append([*_rows(1, first=500_000_000)[0][:5], "31-02-2024", None])
    path = write_xlsx(tmp_path / "vo.xlsx", {"Leerlingen": [HEADER, *rows]})
    skipped = tmp_path / "overgeslagen.csv"
    code, out, err = cli(
        "--db", _url(db), "import", path, "--skip-invalid", "--skipped-csv", skipped
    )
    assert code == 0, out + err
    assert (
        "vo.xlsx: opgeslagen als import 2 (leerlingen); 2 van 40 rijen overgeslagen (5,0%)" in out
    )
    with skipped.open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0] == ["bestand", "blad", "rij", "kolom", "waarde", "reden", "suggestie"]
    assert sorted(line[2] for line in lines[1:]) == ["40", "41"]
    bsn_line = next(line for line in lines[1:] if line[2] == "40")
    assert bsn_line[4] == "12•••••89" and "123456789" not in skipped.read_text("utf-8-sig")
    assert any("datum ‘31-02-2024’ bestaat niet" in line[5] for line in lines[1:])


def test_the_summary_shows_the_cells_an_import_changes(db, cli, tmp_path: Path) -> None:
    cli("--db", _url(db), "import", school_list(tmp_path))
    first = flows_extract(tmp_path / "a.xlsx", {("GM0518", "GM0518"): 1, ("GM0503", "GM0518"): 2})
    second = flows_extract(
        tmp_path / "b.xlsx",
        {("GM0518", "GM0518"): 2, ("GM0626", "GM0503"): 1},
        first_bsn=600_000_000,
    )
    assert cli("--db", _url(db), "import", first, "--school-year", "2024-2025")[0] == 0
    code, out, err = cli("--db", _url(db), "import", second, "--school-year", "2024-2025")
    assert code == 0, err
    assert "3 leerlingen tellen mee; naar woongemeente: Den Haag 2, Voorschoten 1" in out
    assert "Den Haag → Den Haag: 1 → 3" in out
    assert "Voorschoten → Delft: 0 → 1" in out
    # Voorschoten is no participant in 2024-2025: outside the region
    assert "buiten de regio: 1 leerling; zonder bekende woongemeente: 0 rijen" in out
    assert "Delft → Den Haag" not in out  # unchanged cells are not listed
