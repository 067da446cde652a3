"""``grensverkeer demo``: the first command of README loads a region that can be settled."""

from __future__ import annotations

import json


def test_demo_loads_files_and_tariffs_and_can_be_settled(tmp_path, cli) -> None:
    url = str(tmp_path / "demo.sqlite")
    code, out, err = cli("--db", url, "demo")
    assert code == 0, err
    assert "tarieven/tarieven_haaglanden.xlsx: 14 tarieven ingesteld" in out
    assert "Grensverkeer schooljaar 2024-2025, peildatum 1 oktober 2024 (leerlingen)" in out
    code, out, _err = cli("--db", url, "settle", "--school-year", "2024-2025", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data["participants"]) == 9
    assert sum(data["positions"].values()) == 0
    assert data["total_moved"] == sum(v for v in data["positions"].values() if v > 0)
    code, out, _err = cli("--db", url, "demo")  # again: nothing changes
    assert code == 0
    assert "al geïmporteerd" in out and "tarieven ingesteld" not in out
