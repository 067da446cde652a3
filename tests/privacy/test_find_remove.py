"""A parent's request: find one pupil by BSN, remove exactly that pupil, and log it without BSN."""

from __future__ import annotations

import json

import pytest
from privacy_helpers import BSN, BSN_YEARS, url_of
from sqlalchemy import select

from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import pupil_matrix
from grensverkeer.services.plans.finalized_plans import finalize, get_plan
from grensverkeer.services.privacy.pupil_requests import (
    REMOVED,
    find_pupil,
    privacy_log,
    remove_pupil,
)
from grensverkeer.services.settling.year_settlement import compute_settlement
from grensverkeer.storage.database import Database
from grensverkeer.storage.privacy_schema import PrivacyLogRow

Y = SchoolYear(2024)


def test_find_and_remove_one_pupil(demo_any: Database) -> None:
    db, key = demo_any, load_pseudonymizer()
    plan = finalize(db, compute_settlement(db, Y, "multilateral"))
    found = find_pupil(db, key, BSN)
    assert found.masked_bsn == "*****6887"
    assert tuple(str(r.school_year) for r in found.records) == BSN_YEARS
    first = found.records[-1]
    assert first.school_municipality == first.residence == "GM1783"
    assert first.brinvest == "42YG01" and first.import_file == "swv_28-08_westland.csv"
    cell = (first.residence, first.school_municipality)
    before = {y: dict(pupil_matrix(db, SchoolYear(y)).cells) for y in (2023, 2024)}

    removal = remove_pupil(db, key, BSN, "  verzoek   van de ouders ", by="fg")

    assert removal.removed == 2
    assert [str(y) for y in removal.school_years] == list(BSN_YEARS)
    assert removal.finalized == ((Y, plan.id),)  # the plan now differs by this pupil
    assert find_pupil(db, key, BSN).records == ()
    for year in (2023, 2024):
        after = dict(pupil_matrix(db, SchoolYear(year)).cells)
        expected = dict(before[year])
        expected[cell] -= 1
        assert after == {k: v for k, v in expected.items() if v}  # down by exactly that pupil
    assert get_plan(db, plan.id).sha256 == plan.sha256  # the plan itself is unchanged
    (entry,) = privacy_log(db)
    assert (entry.action, entry.records, entry.reason) == (REMOVED, 2, "verzoek van de ouders")
    assert entry.school_years == "2023-2024, 2024-2025" and entry.os_user == "fg"
    if db.engine.dialect.name == "postgresql":
        assert entry.db_user == db.engine.url.username
    with db.sessions() as session:
        stored = [
            str(value)
            for row in session.scalars(select(PrivacyLogRow))
            for value in vars(row).values()
        ]
    pseudonym = key(BSN)
    assert not any(BSN in v or "6887" in v or pseudonym in v for v in stored)


def test_the_command_line_finds_masks_and_removes(demo_sqlite: Database, cli) -> None:
    url = url_of(demo_sqlite)
    code, out, err = cli("--db", url, "privacy", "find", "--bsn", BSN)
    assert code == 0, err
    assert "*****6887: 2 inschrijvingen" in out and BSN not in out
    assert "swv_28-08_westland.csv" in out and "Westland (GM1783)" in out
    code, out, _err = cli("--db", url, "privacy", "find", "--bsn", BSN, "--format", "json")
    data = json.loads(out)
    assert data["bsn"] == "*****6887" and len(data["records"]) == 2
    code, out, err = cli("--db", url, "privacy", "find", "--bsn", "123456789")
    assert code == 2 and "11-proef" in err
    code, out, err = cli("--db", url, "privacy", "remove", "--bsn", BSN, "--reason", " ")
    assert code == 2 and "Geef een reden op" in err
    code, out, err = cli("--db", url, "privacy", "remove", "--bsn", BSN, "--reason", "ouders")
    assert code == 0, err
    assert "Verwijderd: 2 inschrijvingen" in out and BSN not in out
    code, out, _err = cli("--db", url, "privacy", "find", "--bsn", BSN)
    assert "Er staat niets van de leerling met BSN *****6887" in out
    code, out, err = cli("--db", url, "privacy", "remove", "--bsn", BSN, "--reason", "ouders")
    assert code == 2 and "er is niets verwijderd" in err
    code, out, _err = cli("--db", url, "privacy", "log")
    assert "verwijderd" in out and "ouders" in out and BSN not in out


def test_removal_under_a_final_plan_says_the_plan_differs(demo_sqlite: Database, cli) -> None:
    db = demo_sqlite
    finalize(db, compute_settlement(db, Y, "multilateral"))
    code, out, err = cli("--db", url_of(db), "privacy", "remove", "--bsn", BSN, "--reason", "x")
    assert code == 0, err
    assert "schooljaar 2024-2025 heeft een vastgesteld plan (plan 1)" in out
    assert "wijken nu af van de gegevens" in out


@pytest.mark.parametrize("given", ["1234567890", "abc", "867126886"])
def test_an_invalid_bsn_is_refused_without_repeating_it(demo_sqlite: Database, given) -> None:
    from grensverkeer.errors import GrensverkeerError

    with pytest.raises(GrensverkeerError) as caught:
        find_pupil(demo_sqlite, load_pseudonymizer(), given)
    assert given not in str(caught.value)


def test_another_key_is_said_not_silently_finding_nobody(demo_sqlite: Database) -> None:
    from grensverkeer.errors import GrensverkeerError
    from grensverkeer.pseudonym import Pseudonymizer

    other = Pseudonymizer(b"x" * 64)
    with pytest.raises(GrensverkeerError, match="niet de sleutel waarmee deze database"):
        find_pupil(demo_sqlite, other, BSN)
    with pytest.raises(GrensverkeerError, match="niet de sleutel waarmee deze database"):
        remove_pupil(demo_sqlite, other, BSN, "ouders")
