"""``grensverkeer settle``: DOMAIN.md's worked example through the whole program."""

from __future__ import annotations

import json

import pytest
from builders import flows_extract

from grensverkeer.domain import EduType
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.years.tariffs import set_tariff

Y = SchoolYear(2024)
DELFT, DEN_HAAG, RIJSWIJK, LEIDEN = "GM0503", "GM0518", "GM0603", "GM0546"
# DOMAIN.md: A[Delft][Den Haag] = 30,000, A[Den Haag][Delft] = 10,000, A[Rijswijk][Den Haag] =
# 20,000, A[Den Haag][Rijswijk] = 5,000, A[Rijswijk][Delft] = 8,000 euros: pupils × € 1.000.
EXAMPLE = {
    (DELFT, DEN_HAAG): 30,
    (DEN_HAAG, DELFT): 10,
    (RIJSWIJK, DEN_HAAG): 20,
    (DEN_HAAG, RIJSWIJK): 5,
    (RIJSWIJK, DELFT): 8,
}
NINE = ["GM0503", "GM0518", "GM0603", "GM0629", "GM0637", "GM1783", "GM1842", "GM1916", "GM1926"]


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def example(schools_loaded, db, tmp_path):
    flows = {**EXAMPLE, (LEIDEN, DEN_HAAG): 2, (DEN_HAAG, DEN_HAAG): 4}
    (report,) = schools_loaded.import_files(
        [flows_extract(tmp_path / "x.xlsx", flows)], ImportOptions(school_year=Y)
    )
    assert not report.errors
    set_tariff(db, Y, EduType.VSO, 100_000)
    return db


def _settle(cli, db, *extra: str) -> dict:
    code, out, err = cli(
        "--db", _url(db), "settle", "--school-year", "2024-2025", "--format", "json", *extra
    )
    assert code == 0, err
    return json.loads(out)


def _transfers(data: dict) -> set[tuple[str, str, int]]:
    return {(t["from"], t["to"], t["amount"]) for t in data["transfers"]}


def test_multilateral_json_has_exactly_the_agreed_shape(example, cli) -> None:
    data = _settle(cli, example, "--method", "multilateral")
    assert list(data) == [
        "school_year",
        "method",
        "participants",
        "positions",
        "transfers",
        "total_moved",
        "waived",
        "outside",
    ]
    assert data["school_year"] == "2024-2025" and data["method"] == "multilateral"
    assert data["participants"] == NINE  # Voorschoten left per 1 January 2024
    assert data["positions"] == {code: 0 for code in NINE} | {
        DEN_HAAG: 3_500_000,
        DELFT: -1_200_000,
        RIJSWIJK: -2_300_000,
    }
    assert _transfers(data) == {(DELFT, DEN_HAAG, 1_200_000), (RIJSWIJK, DEN_HAAG, 2_300_000)}
    assert data["total_moved"] == 3_500_000
    assert data["waived"] == []
    assert data["outside"] == [{"from": LEIDEN, "to": DEN_HAAG, "amount": 200_000}]


def test_gross_and_bilateral(example, cli) -> None:
    gross = _settle(cli, example, "--method", "gross")
    assert len(gross["transfers"]) == 5 and gross["total_moved"] == 7_300_000
    bilateral = _settle(cli, example, "--method", "bilateral")
    assert _transfers(bilateral) == {
        (DELFT, DEN_HAAG, 2_000_000),
        (RIJSWIJK, DEN_HAAG, 1_500_000),
        (RIJSWIJK, DELFT, 800_000),
    }
    assert bilateral["total_moved"] == 4_300_000


def test_central_through_a_municipality_or_the_region(example, cli) -> None:
    via_den_haag = _settle(cli, example, "--method", "central", "--centre", "Den Haag")
    assert _transfers(via_den_haag) == {
        (DELFT, DEN_HAAG, 1_200_000),
        (RIJSWIJK, DEN_HAAG, 2_300_000),
    }
    via_region = _settle(cli, example, "--method", "central")
    assert _transfers(via_region) == {
        (DELFT, "REGIO", 1_200_000),
        (RIJSWIJK, "REGIO", 2_300_000),
        ("REGIO", DEN_HAAG, 3_500_000),
    }


def test_a_centre_that_is_no_participant_is_refused(example, cli) -> None:
    code, _out, err = cli(
        "--db",
        _url(example),
        "settle",
        "--school-year",
        "2024-2025",
        "--method",
        "central",
        "--centre",
        "GM0626",
    )
    assert code == 2 and "geen deelnemer" in err


def test_threshold_waives_small_bilateral_differences(example, cli) -> None:
    data = _settle(cli, example, "--method", "bilateral", "--threshold", "9000")
    assert data["waived"] == [{"from": RIJSWIJK, "to": DELFT, "amount": 800_000}]
    assert _transfers(data) == {(DELFT, DEN_HAAG, 2_000_000), (RIJSWIJK, DEN_HAAG, 1_500_000)}


def test_table_output_in_dutch(example, cli) -> None:
    code, out, _err = cli("--db", _url(example), "settle", "--school-year", "2024-2025")
    assert code == 0
    assert "multilateraal" in out
    assert "Betalingen (2, samen € 35.000,00)" in out
    assert "Leiden (GM0546) → 's-Gravenhage (GM0518): € 2.000,00" in out


def test_membership_decides_the_participants(example, cli) -> None:
    url = _url(example)
    code, out, _err = cli("--db", url, "members", "--school-year", "2023-2024")
    assert code == 0 and "Deelnemers in schooljaar 2023-2024 (10)" in out
    assert "Voorschoten" in out
    assert "(9)" in cli("--db", url, "members", "--school-year", "2024-2025")[1]
    assert cli("--db", url, "members", "end", "Rijswijk", "--per", "2024-09-01")[0] == 0
    data = _settle(cli, example)
    assert RIJSWIJK not in data["participants"]
    assert {"from": RIJSWIJK, "to": DEN_HAAG, "amount": 2_000_000} in data["outside"]
    assert cli("--db", url, "members", "add", "GM0603", "--from", "2024-09-01")[0] == 0
    assert RIJSWIJK in _settle(cli, example)["participants"]
    code, _out, err = cli("--db", url, "members", "add", "GM0603", "--from", "2025-01-01")
    assert code == 2 and "al lid" in err


def test_two_programs_seeding_at_once_leave_one_copy(db) -> None:
    """The other program commits between our check and our insert: ours is rolled back whole."""
    from sqlalchemy import func, select

    from grensverkeer.services.years.seeding import seed_once
    from grensverkeer.storage.schema import MembershipRow, MetaRow

    def row(code: str) -> MembershipRow:
        return MembershipRow(region="Test", code=code, valid_from=None, valid_to=None)

    def rows_while_the_other_program_commits():
        with db.sessions.begin() as other:
            other.add_all([row("GM0001"), MetaRow(key="test_gevuld", value="ja")])
        return [row("GM0002")]

    seed_once(db, "test_gevuld", rows_while_the_other_program_commits)
    with db.sessions() as session:
        codes = session.scalars(select(MembershipRow.code).where(MembershipRow.region == "Test"))
        assert list(codes) == ["GM0001"]
        assert (
            session.scalar(
                select(func.count()).select_from(MetaRow).where(MetaRow.key == "test_gevuld")
            )
            == 1
        )
