"""BSNs, names and addresses never reach the database or the log."""

from __future__ import annotations

import logging
from pathlib import Path

from builders import BSN, pupils_rows, snapshot, write_xlsx

from grensverkeer.logs import log_file, setup_logging


def test_no_bsn_name_or_address_in_the_database_or_log(
    schools_loaded, db, tmp_path: Path, cli
) -> None:
    header = [
        "BSN",
        "Achternaam",
        "Voornaam",
        "Adres",
        "Postcode",
        "Woongemeente",
        "BRIN",
        "Vestiging",
        "Onderwijstype",
        "Startdatum",
        "Einddatum",
    ]
    rows = [
        [r[0], r[1], "Sanne", f"Kerkstraat {i}", "2511 AB", r[2], *r[3:]]
        for i, r in enumerate(pupils_rows(), start=1)
    ]
    path = write_xlsx(tmp_path / "swv.xlsx", {"L": [header, *rows]})
    setup_logging()
    code, _out, _err = cli(
        "--db",
        db.engine.url.render_as_string(hide_password=False),
        "import",
        path,
        "--school-year",
        "2024-2025",
    )
    assert code == 0
    bad = write_xlsx(
        tmp_path / "fout.xlsx", {"L": [header, [*rows[0][:5], "Den Haaag", *rows[0][6:]]]}
    )
    cli("--db", db.engine.url.render_as_string(hide_password=False), "import", bad)
    for handler in logging.getLogger("grensverkeer").handlers:
        handler.flush()
    stored = repr(snapshot(db))
    logged = log_file().read_text(encoding="utf-8")
    assert "Import geweigerd: fout.xlsx" in logged
    secrets = [*BSN, "12345672", "Jansen", "Sanne", "Kerkstraat", "2511"]
    for secret in secrets:
        assert secret not in stored, secret
        assert secret not in logged, secret
    assert stored.count("GM0518") > 0  # and what the settlement needs is there
