"""``grensverkeer app``: the command, the demo, screenshots, and errors as Dutch dialogs."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from grensverkeer.cli import app_cmd
from grensverkeer.errors import GrensverkeerError
from grensverkeer.paths import data_dir
from grensverkeer.storage.database import open_database

PNG = b"\x89PNG\r\n\x1a\n"


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command")
    app_cmd.register(commands)
    return parser.parse_args(argv)


def assert_png(path: Path) -> None:
    assert path.read_bytes()[:8] == PNG
    image = QImage(str(path))
    assert image.width() > 200 and image.height() > 200


def test_the_command_takes_its_options() -> None:
    args = parse("app", "--demo", "--screenshot", "a.png", "--page", "matrix")
    assert (args.demo, args.screenshot, args.page, args.app_db) == (
        True,
        Path("a.png"),
        "matrix",
        None,
    )
    assert parse("--db", "x.sqlite", "app").db == "x.sqlite"
    assert parse("app", "--db", "y.sqlite").app_db == "y.sqlite"


def test_one_page_screenshot_of_the_demo(qapp, demo_file: Path, tmp_path: Path) -> None:
    data_dir().mkdir(parents=True)
    shutil.copyfile(demo_file, data_dir() / "demo.sqlite")
    target = tmp_path / "shots" / "matrix.png"
    code = app_cmd.run(parse("app", "--demo", "--screenshot", str(target), "--page", "matrix"))
    assert code == 0
    assert_png(target)


def test_first_start_loads_the_demo_and_shoots_every_page(qapp, tmp_path: Path) -> None:
    target = tmp_path / "venster.png"
    assert not (data_dir() / "demo.sqlite").exists()
    assert app_cmd.run(parse("app", "--demo", "--screenshot", str(target))) == 0
    shots = sorted(p.name for p in tmp_path.glob("venster-*.png"))
    assert {"venster-overzicht.png", "venster-matrix.png", "venster-instellingen.png"} <= set(shots)
    for name in shots:
        assert_png(tmp_path / name)
    db = open_database(str(data_dir() / "demo.sqlite"))
    try:
        from grensverkeer.services.matrices.counted_matrix import school_years_present

        assert [str(y) for y in school_years_present(db)] == ["2023-2024", "2024-2025"]
    finally:
        db.close()


def test_an_unknown_page_is_a_dutch_error(qapp, demo_file: Path, tmp_path: Path) -> None:
    shutil.copyfile(demo_file, tmp_path / "demo.sqlite")
    args = parse("app", "--db", str(tmp_path / "demo.sqlite"), "--screenshot", "x.png")
    args.page = "stoplicht"
    with pytest.raises(
        GrensverkeerError, match="Er is geen pagina ‘stoplicht’; kies uit: overzicht"
    ):
        app_cmd.run(args)


def test_demo_and_db_together_are_refused(qapp, tmp_path: Path) -> None:
    with pytest.raises(GrensverkeerError, match="Kies --demo of --db"):
        app_cmd.run(parse("app", "--demo", "--db", str(tmp_path / "x.sqlite")))


def test_unexpected_errors_become_a_dutch_dialog(qapp, messages, caplog) -> None:
    from grensverkeer.ui.dialogs import install_excepthook

    previous = install_excepthook(lambda: None)
    try:
        try:
            raise KeyError("intern")
        except KeyError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        sys.excepthook(
            GrensverkeerError, GrensverkeerError("De peildatum ligt buiten het jaar."), None
        )
    finally:
        sys.excepthook = previous
    (first, second) = messages
    assert first[0] == "fout" and first[1].startswith("Er ging iets onverwachts mis.")
    assert "KeyError" not in first[1] and "Traceback" not in first[1]
    assert second == ("fout", "De peildatum ligt buiten het jaar.")
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)


def test_show_error_is_a_message_box(qapp, messages) -> None:
    from grensverkeer.ui.dialogs import show_error

    show_error(None, "Het bestand is niet gevonden.")
    assert messages == [("fout", "Het bestand is niet gevonden.")]


def test_the_command_line_does_not_load_qt() -> None:
    code = (
        "import sys, grensverkeer.cli, grensverkeer.cli.app_cmd; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_without_a_display_the_window_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from grensverkeer.ui import app as app_module

    monkeypatch.setattr(app_module.QApplication, "instance", staticmethod(lambda: None))
    monkeypatch.setattr(app_module.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(GrensverkeerError, match="Er is geen beeldscherm"):
        app_module.ensure_display(screenshot=False)
    app_module.ensure_display(screenshot=True)  # a screenshot needs no screen
    assert app_module.os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_an_error_in_a_screenshot_run_is_said_not_a_modal_box(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nobody can click a box in an unattended run: the error goes to stderr and the run
    fails, where a modal box would have waited for ever."""
    from grensverkeer.ui.dialogs import Unattended, ask, show_error

    Unattended.start()
    try:
        show_error(None, "Er ging iets mis.")
        assert ask(None, "Doorgaan?") is False
    finally:
        errors = Unattended.stop()
    assert errors == ["Er ging iets mis."]
    err = capsys.readouterr().err
    assert "Fout: Er ging iets mis." in err and "Doorgaan? (nee)" in err
