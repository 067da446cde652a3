"""The wheel: built from a copy of the source tree, installed into a fresh venv, run elsewhere.

How, and why so:

* **Build.** ``pip wheel --no-deps`` on a copy of the working tree (the files git tracks or
  would track, so a file left out of the package data shows here, not at a user's), run from
  another directory. Like ``pip install .``, pip builds in an isolated environment with the
  build backend from the package index, as the CI's own ``pip install -e .`` does.
* **Install.** A new venv (``python -m venv --without-pip``) gets the wheel with
  ``pip --python NEWVENV install --no-deps``. Its dependencies (PySide6 alone is 600 MB) are
  not installed again: a ``.pth`` file in the new venv puts this venv's site-packages *behind*
  its own, the way ``--system-site-packages`` would. Only the path is added, this venv's
  ``.pth`` files are not run, so the editable install of the working tree stays out, and the
  test checks that ``grensverkeer`` is imported from the new venv and that every dependency
  the wheel declares is found. That keeps the test offline-safe and well under a minute.
* **Run.** ``packaging/smoke.py`` (the same checks the CI runs on the desktop bundle) runs the
  new venv's ``grensverkeer`` script from a temporary folder outside the repository, with
  user folders of its own and Qt offscreen: ``--version``, ``demo`` on a new database,
  ``documents`` and ``app --screenshot`` (one picture per page).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 600
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    source: Path
    venv: Path
    python: Path
    command: Path


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def run(command: list[str | Path], cwd: Path) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, (
        f"{' '.join(map(str, command))} faalde ({done.returncode}):\n"
        f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def source_files() -> list[str]:
    """The working tree as a checkout would have it: tracked and not-ignored new files."""
    if shutil.which("git") and (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if listed.returncode == 0:  # else (say, git refuses the folder's owner) as below
            names = listed.stdout.decode("utf-8").split("\0")
            return [name for name in names if name and (ROOT / name).is_file()]

    def generated(part: str) -> bool:
        return (
            part in {"__pycache__", "build", "dist"}
            or part.startswith(".")
            or part.endswith(".egg-info")
        )

    return [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*")
        if path.is_file() and not any(map(generated, path.relative_to(ROOT).parts))
    ]


def copy_source(target: Path) -> Path:
    for name in source_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def venv_script(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if os.name == "nt" else "bin")
    return folder / (f"{name}.exe" if os.name == "nt" else name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    elsewhere = base / "elders"
    elsewhere.mkdir()
    source = copy_source(base / "bron")
    wheels = base / "wielen"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, source], elsewhere)
    [wheel] = wheels.glob("grensverkeer-*.whl")

    venv = base / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], elsewhere)
    python = venv_script(venv, "python")
    fresh_site = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], elsewhere
        ).strip()
    )
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (fresh_site / "zz_grensverkeer_test_deps.pth").write_text("\n".join(ours) + "\n")
    pip = [sys.executable, "-m", "pip", "--python", python]
    run([*pip, "install", "-q", "--no-deps", "--no-index", wheel], elsewhere)
    yield Installed(wheel, source, venv, python, venv_script(venv, "grensverkeer"))


def test_wheel_holds_the_package_data_and_no_tests(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        names = set(archive.namelist())
    package = {
        path.relative_to(installed.source).as_posix()
        for path in (installed.source / "grensverkeer").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    # Alembic's template for new revisions: for developers, not read by the program.
    package.discard("grensverkeer/storage/migrations/script.py.mako")
    assert sorted(package - names) == []
    assert not [name for name in names if name.startswith(("tests/", "benchmarks/", "docs/"))]
    assert not [name for name in names if Path(name).name.startswith(("test_", "conftest"))]
    fonts = {Path(name).name for name in names if "/resources/fonts/" in name}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"} <= fonts
    assert "grensverkeer/resources/reference/gemeenten.csv" in names
    assert "grensverkeer/resources/demo/README.md" in names
    assert "grensverkeer/storage/migrations/env.py" in names
    assert any(name.startswith("grensverkeer/storage/migrations/versions/0001_") for name in names)
    [entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(installed.wheel) as archive:
        assert "grensverkeer = grensverkeer.cli:main" in archive.read(entry_points).decode()


CHECK_INSTALL = """
import importlib.metadata as md, re, sys
import grensverkeer
from grensverkeer.resources import resources_dir
from grensverkeer.storage import database
print(grensverkeer.__file__)
print(resources_dir())
print(database._MIGRATIONS)
print(md.distribution("grensverkeer").locate_file(""))
missing = []
for requirement in md.requires("grensverkeer") or []:
    if "extra ==" in requirement:
        continue
    name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
    try:
        md.version(name)
    except md.PackageNotFoundError:
        missing.append(name)
print("ontbreekt:", missing)
print("versie:", md.version("grensverkeer"), grensverkeer.__version__)
"""


def test_installed_package_comes_from_the_wheel(installed: Installed, tmp_path: Path) -> None:
    lines = run([installed.python, "-c", CHECK_INSTALL], tmp_path).splitlines()
    venv = installed.venv.resolve()
    for line in lines[:4]:
        assert Path(line).resolve().is_relative_to(venv), lines
    assert lines[4] == "ontbreekt: []"
    _, wheel_version, package_version = lines[5].split()
    assert wheel_version == package_version, "pyproject.toml en grensverkeer/__init__.py"


def test_installed_program_runs_from_another_folder(installed: Installed, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "grensverkeer_smoke", ROOT / "packaging" / "smoke.py"
    )
    assert spec is not None and spec.loader is not None
    smoke = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = smoke
    spec.loader.exec_module(smoke)
    workdir = tmp_path / "ergens"
    assert not workdir.resolve().is_relative_to(ROOT)
    try:
        result = smoke.run_smoke([str(installed.command)], workdir)
    except smoke.SmokeFailure as failure:
        pytest.fail(str(failure))
    assert set(smoke.KNOWN_PAGES) <= set(result.pages)
    assert len(result.documents) >= 2
    assert len(result.screenshots) == len(result.pages)
