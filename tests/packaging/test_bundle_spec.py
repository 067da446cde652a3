"""What the desktop bundle leaves out (``packaging/grensverkeer.spec``), checked without building.

The spec's "what stays out" part is plain Python; it runs here on its own. Building the bundle
takes half a minute and PyInstaller, so that is the CI's job after the tests (``.ci/run``:
``packaging/build.py --smoke``); these tests catch the cheap mistakes first, above all a page
that starts to use a Qt module the bundle leaves out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "grensverkeer.spec"


@pytest.fixture(scope="module")
def spec() -> SimpleNamespace:
    text = SPEC.read_text(encoding="utf-8")
    start = text.index("# -- what stays out")
    end = text.index("# -- the build")
    namespace: dict[str, object] = {"Path": Path, "os": os, "TRIM": True}
    exec(compile(text[start:end], str(SPEC), "exec"), namespace)
    return SimpleNamespace(**namespace)


def qt_modules_used() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "grensverkeer").rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
        for names in re.findall(r"from PySide6 import \(?([\w\s,]+)\)?", path.read_text("utf-8")):
            found.update(name.strip() for name in names.split(",") if name.strip())
    return found


def test_no_qt_module_the_program_imports_is_left_out(spec: SimpleNamespace) -> None:
    used = qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert sorted(used & set(spec.UNUSED_QT)) == [], (
        "grensverkeer gebruikt een Qt-module die de bundel weglaat: haal hem uit UNUSED_QT in "
        "packaging/grensverkeer.spec"
    )
    for kept in ("QtCharts", "QtSvg", "QtSvgWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport"):
        assert kept not in spec.UNUSED_QT
    assert {"QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia"} <= set(
        spec.UNUSED_QT
    )


def test_no_runtime_dependency_is_left_out(spec: SimpleNamespace) -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.match(r"[\w.-]+", line).group(0).lower() for line in project["dependencies"]}
    excluded = {name.lower() for name in spec.UNUSED_PYTHON}
    assert sorted(names & excluded) == []
    assert "PIL" not in spec.UNUSED_PYTHON  # reportlab imports it


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "PySide6/translations/qtbase_nl.qm",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "babel/locale-data/root.dat",
        "babel/locale-data/nl.dat",
        "babel/locale-data/nl_NL.dat",
        "babel/global.dat",
        "grensverkeer/resources/fonts/LICENSE",
        "grensverkeer/storage/migrations/versions/0001_initial_schema.py",
    ],
)
def test_what_the_program_needs_stays(spec: SimpleNamespace, dest: str) -> None:
    assert not spec.unused(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_help_de.qm",
        "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        "babel/locale-data/de.dat",
        "babel/locale-data/fr_BE.dat",
    ],
)
def test_what_it_does_not_use_goes(spec: SimpleNamespace, dest: str) -> None:
    assert spec.unused(dest)


def test_links_to_files_that_are_left_out_go_too(spec: SimpleNamespace) -> None:
    files = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ]
    kept = spec.without_dangling_links(files, files)
    assert [entry[0] for entry in kept] == ["PySide6/Qt/lib/libQt6Core.so.6", "libQt6Core.so.6"]
