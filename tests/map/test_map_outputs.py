"""``grensverkeer map`` writes PNG, SVG and PDF; the verrekenvoorstel has the map page (its text
and, rendered, its colours); the figures on the map are the matrix's."""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from grensverkeer.cli import main
from grensverkeer.documents import render_documents
from grensverkeer.documents.generate import document_data
from grensverkeer.mapping import colours as c
from grensverkeer.mapping.flowmap import MapRequest, build_map
from grensverkeer.mapping.svg import to_svg
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.matrices.counted_matrix import AMOUNT, PUPILS, matrix_for
from grensverkeer.storage.database import Database

Y = SchoolYear(2024)
SVG = "{http://www.w3.org/2000/svg}"


def _run(*args: object) -> int:
    return main([str(a) for a in args])


def _colour_pixels(image: Image.Image, colour: str, tolerance: int = 12) -> int:
    want = c.rgb(colour)
    small = image.convert("RGB")
    return sum(
        1
        for pixel in small.get_flattened_data()
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, want, strict=True))
    )


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_the_command_writes_every_format(
    demo_path: Path, tmp_path: Path, suffix: str, capsys
) -> None:
    out = tmp_path / "uit" / f"kaart.{suffix}"
    assert _run("--db", demo_path, "map", "--school-year", "2024-2025", "--out", out,
                "--measure", "amount", "--top", 8) == 0  # fmt: skip
    assert "8 van de" in capsys.readouterr().out
    data = out.read_bytes()
    if suffix == "png":
        image = Image.open(out)
        assert image.format == "PNG" and image.width > 1000
        assert _colour_pixels(image, c.RECEIVES[1]) > 500  # Den Haag receives
        assert _colour_pixels(image, c.OUTSIDE_FILL) > 500  # the neighbours
    elif suffix == "svg":
        root = ElementTree.fromstring(data)
        texts = [t.text for t in root.iter(f"{SVG}text")]
        assert "Den Haag" in texts and "Voorschoten" in texts
        tips = [t.text or "" for t in root.iter(f"{SVG}title")]
        assert any(tip.startswith("Westland → Den Haag: €") for tip in tips)
        assert any("CBS/Kadaster" in (t or "") for t in texts)
    else:
        assert data.startswith(b"%PDF")
        text = PdfReader(out).pages[0].extract_text()
        assert "Grensverkeer schooljaar 2024-2025" in text and "Delft" in text
        assert "in euro’s" in text


def test_the_command_refuses_an_unknown_format(demo_path: Path, tmp_path: Path, capsys) -> None:
    assert _run("--db", demo_path, "map", "--out", tmp_path / "kaart.gif") == 2
    assert ".png, .svg of .pdf" in capsys.readouterr().err


def test_the_map_shows_the_numbers_of_the_matrix(demo_db: Database) -> None:
    for measure in (PUPILS, AMOUNT):
        matrix = matrix_for(demo_db, Y, measure)
        names = {code: code for cell in matrix.cells for code in cell}
        flow_map = build_map(
            MapRequest(matrix.cells, matrix.participants, measure, names, top=None)
        )
        members = set(matrix.participants)
        for code, figures in flow_map.figures.items():
            into = sum(v for (r, s), v in matrix.cells.items() if s == code and r != code)
            assert figures.into == into
            if code in members:
                net = sum(
                    v
                    for (r, s), v in matrix.cells.items()
                    if s == code and r != code and r in members
                )
                net -= sum(v for (r, s), v in matrix.cells.items()
                           if r == code and s != code and s in members)  # fmt: skip
                assert figures.net == net
        expected = {
            f"{r}>{s}" for (r, s), v in matrix.cells.items()
            if r != s and v and (r in members or s in members)
        }  # fmt: skip
        assert {f.key for f in flow_map.selection.shown} == expected
    assert "GM0626" not in matrix.participants  # Voorschoten left on 1 January 2024
    picture = flow_map.picture
    voorschoten = [i for i in picture.keyed("GM0626") if hasattr(i, "fill")]
    assert voorschoten and voorschoten[0].fill == c.OUTSIDE_FILL
    ElementTree.fromstring(to_svg(picture))


def test_the_proposal_has_the_map_page(demo_db: Database, tmp_path: Path) -> None:
    data = document_data(demo_db, Y)
    proposal = next(d for d in render_documents(data) if d.filename.startswith("verrekenvoorstel"))
    path = tmp_path / proposal.filename
    path.write_bytes(proposal.pdf)
    reader = PdfReader(path)
    pages = [page.extract_text() or "" for page in reader.pages]
    number = next(i for i, text in enumerate(pages) if "De stromen op de kaart" in text)
    text = pages[number]
    for word in ("Saldo binnen de regio, in euro’s", "Den Haag", "Westland", "Voorschoten",
                 "Grenzen: CBS/Kadaster, CC-BY 4.0", "woongemeente → schoolgemeente"):  # fmt: skip
        assert word in text
    page = reader.pages[number]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) ontbreekt")
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", str(number + 1), "-l", str(number + 1),
         str(path), str(tmp_path / "kaart")],
        check=True,
    )  # fmt: skip
    (png,) = tmp_path.glob("kaart*.png")
    image = Image.open(png)
    assert _colour_pixels(image, c.OUTSIDE_FILL) > 300
    assert _colour_pixels(image, c.FLOW) > 50  # the arrows
    painted = sum(_colour_pixels(image, colour) for colour in (*c.PAYS, *c.RECEIVES))
    assert painted > 1_000  # the region in the scale's colours


def test_the_proposal_shows_the_years_side_by_side(demo_db: Database, tmp_path: Path) -> None:
    from grensverkeer.documents.proposal import build_proposal
    from grensverkeer.mapping.trend import trend_figures

    data = document_data(demo_db, Y)
    plain = build_proposal(data)
    path = tmp_path / "voorstel.pdf"
    path.write_bytes(build_proposal(data, trend_figures(demo_db, data.tolerance)))
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    for words in ("Over de schooljaren", "Leerlingen in grensverkeer per gemeente",
                  "Regionaal aandeel per schooljaar", "geen lid",
                  "Voorschoten: geen deelnemer meer vanaf 2024-2025",
                  "Saldo per gemeente (paars ontvangt, oranje betaalt)"):  # fmt: skip
        assert words in text
    path.write_bytes(plain)
    assert "Over de schooljaren" not in "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_a_draft_shows_the_years_and_a_plan_only_what_it_stored(demo_db: Database) -> None:
    """``generate_documents`` gives a draft the school years side by side; a plan's documents
    rest on the plan alone, so they read the same whenever they are made again."""
    from grensverkeer.documents.generate import generate_documents
    from grensverkeer.services.plans.finalized_plans import finalize
    from grensverkeer.services.settling.year_settlement import compute_settlement

    def proposal_text(documents) -> str:
        first = next(d for d in documents.documents if d.filename.startswith("verrekenvoorstel"))
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(first.pdf)).pages)

    assert "Over de schooljaren" in proposal_text(generate_documents(demo_db, Y))
    plan = finalize(demo_db, compute_settlement(demo_db, Y, "multilateral"))
    text = proposal_text(generate_documents(demo_db, Y, plan_id=plan.id))
    assert "Over de schooljaren" not in text and f"plan {plan.id}" in text
