"""``grensverkeer privacy report`` on the demo, and the retention setting."""

from __future__ import annotations

from datetime import date

from privacy_helpers import url_of
from pypdf import PdfReader

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.privacy.retention import DEFAULT_MONTHS, keep_until, retention
from grensverkeer.storage.database import Database


def test_the_report_runs_on_the_demo(demo_sqlite: Database, cli, tmp_path) -> None:
    url = url_of(demo_sqlite)
    code, out, err = cli("--db", url, "privacy", "report")
    assert code == 0, err
    assert "2024-2025: 2993 leerlingrijen van 2993 leerlingen" in out
    assert "Oudste leerlinggegevens: schooljaar 2023-2024" in out
    assert "Pseudoniemsleutel: omgevingsvariabele GRENSVERKEER_KEY" in out
    assert f"Bewaartermijn: {DEFAULT_MONTHS} maanden" in out
    target = tmp_path / "verwerking.pdf"
    code, out, err = cli("--db", url, "privacy", "report", "--out", target)
    assert code == 0, err
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "verwerking van leerlinggegevens" in text and "2024-2025" in text


def test_the_report_names_the_key_file_and_its_mode(
    demo_sqlite: Database, cli, monkeypatch
) -> None:
    from grensverkeer.pseudonym import key_file, load_pseudonymizer

    monkeypatch.delenv("GRENSVERKEER_KEY")
    load_pseudonymizer()  # makes the key file, private
    code, out, err = cli("--db", url_of(demo_sqlite), "privacy", "report")
    assert code == 0, err
    assert f"Pseudoniemsleutel: bestand {key_file()}" in out
    assert "Rechten sleutelbestand: 600 (alleen de eigenaar)" in out


def test_retention_is_a_setting_of_the_region(demo_sqlite: Database, cli) -> None:
    url = url_of(demo_sqlite)
    assert retention(demo_sqlite).is_default
    code, out, err = cli("--db", url, "privacy", "retention", "--months", "18")
    assert code == 0 and "18 maanden" in out
    assert retention(demo_sqlite).months == 18
    code, out, err = cli("--db", url, "privacy", "retention", "--months", "0")
    assert code == 2 and "kies 1 tot en met 120" in err
    assert keep_until(SchoolYear(2024), 24) == date(2027, 7, 31)
    assert keep_until(SchoolYear(2024), 7) == date(2026, 2, 28)
