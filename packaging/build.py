"""Build the desktop bundle (PyInstaller, one folder) and, if asked, smoke-test it.

    python packaging/build.py [--smoke] [--compare-with .venv/bin/grensverkeer] [--no-trim]

Run it with the Python of a venv that has Grensverkeer and PyInstaller installed
(``pip install -e ".[bundle]"``). It builds ``packaging/grensverkeer.spec`` into
``dist/grensverkeer/`` (work files in ``build/pyinstaller/``) and reports how long the build
took and how large the bundle is. Then

* on Linux, every shared library in the bundle is checked with ``ldd``: a Qt library that a
  bundled file needs but that is not in the bundle (trimmed away by mistake) is an error; a
  missing system library (for example Wayland's, on a build machine without it) is listed;
* ``--smoke`` runs ``packaging/smoke.py`` on the bundle: ``--version``, the demo, the PDF
  documents and a screenshot of every page, from both programs;
* ``--compare-with COMMAND`` runs the same smoke test on another installation (the venv's
  ``grensverkeer`` script) and prints the bundle's start-up times as a ratio of that one's.

``--installer`` (Windows) then makes the installer with Inno Setup's ``ISCC.exe`` from
``packaging/grensverkeer.iss``: ``dist/installer/grensverkeer-VERSION-setup.exe``.

``--no-trim`` builds without leaving out unused Qt modules, plugins, translations and locale
data (``GRENSVERKEER_BUNDLE_TRIM=0``), to compare sizes. Exit status 0 when all is well.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "grensverkeer.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
# Libraries that come with PySide6: missing from the bundle means trimmed by mistake.
OWN_LIBRARIES = ("libqt6", "libicu", "libpyside6", "libshiboken6", "libpython")


def smoke_module():
    spec = importlib.util.spec_from_file_location("grensverkeer_smoke", HERE / "smoke.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def build(dist: Path, work: Path, trim: bool) -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller ontbreekt: installeer het met  pip install pyinstaller  "
            '(of  pip install -e ".[bundle]").'
        ) from None
    env = dict(os.environ, GRENSVERKEER_BUNDLE_TRIM="1" if trim else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print(f"[bundel] {' '.join(command)}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def bundle_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files, symbolic links not followed (``du`` counts the same)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def check_contents(folder: Path) -> None:
    """The files the program reads by path, at the place it looks for them."""
    package = folder / "_internal" / "grensverkeer"
    needed = [
        package / "storage" / "migrations" / "env.py",
        package / "resources" / "fonts" / "LICENSE",
        package / "resources" / "reference" / "gemeenten.csv",
        package / "resources" / "demo" / "README.md",
    ]
    missing = [str(path) for path in needed if not path.is_file()]
    if not list((package / "storage" / "migrations" / "versions").glob("0001_*.py")):
        missing.append("de migraties (storage/migrations/versions/0001_*.py)")
    if missing:
        raise SystemExit(f"[bundel] ontbreekt in de bundel: {', '.join(missing)}")


def check_links(folder: Path) -> None:
    """Linux: every library a bundled file links to is in the bundle or on the system."""
    internal = folder / "_internal"
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.pathsep.join([str(internal), str(internal / "PySide6/Qt/lib")])
    own: dict[str, set[str]] = {}
    system: set[str] = set()
    for path in sorted(internal.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        output = subprocess.run(
            ["ldd", str(path)], env=env, capture_output=True, text=True, check=False
        ).stdout
        for line in output.splitlines():
            if "=> not found" in line:
                name = line.split("=>")[0].strip()
                if name.lower().startswith(OWN_LIBRARIES):
                    own.setdefault(name, set()).add(str(path.relative_to(folder)))
                else:
                    system.add(name)
    if system:
        print(f"[bundel] systeembibliotheken die hier ontbreken: {', '.join(sorted(system))}")
    if own:
        details = "; ".join(
            f"{name} (nodig voor {', '.join(sorted(users))})" for name, users in own.items()
        )
        raise SystemExit(f"[bundel] bibliotheken ontbreken in de bundel: {details}")


def make_installer() -> None:
    """Windows: ``ISCC.exe /DAppVersion=… packaging/grensverkeer.iss`` (Inno Setup 6)."""
    from grensverkeer import __version__

    candidates = [shutil.which("iscc")] + [
        str(Path(os.environ.get(folder, "")) / "Inno Setup 6" / "ISCC.exe")
        for folder in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")
    ]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        raise SystemExit("[bundel] Inno Setup (ISCC.exe) niet gevonden: zie packaging/README.md.")
    command = [iscc, f"/DAppVersion={__version__}", str(HERE / "grensverkeer.iss")]
    print(f"[bundel] {' '.join(command)}", flush=True)
    subprocess.run(command, cwd=ROOT, check=True)
    print(f"[bundel] installer: {ROOT / 'dist' / 'installer'}")


def version_seconds(command: str, runs: int = 5) -> float:
    """The median wall time of ``COMMAND --version``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([command, "--version"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="doelmap (dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-trim", action="store_true", help="niets weglaten (ter vergelijking)")
    parser.add_argument("--smoke", action="store_true", help="de bundel daarna testen")
    parser.add_argument("--compare-with", metavar="COMMAND", help="starttijd vergelijken met")
    parser.add_argument("--installer", action="store_true", help="Windows: ook de installer")
    args = parser.parse_args(argv)

    seconds = build(args.dist.resolve(), args.work.resolve(), trim=not args.no_trim)
    folder = args.dist.resolve() / "grensverkeer"
    size, files = bundle_size(folder)
    print(f"[bundel] gebouwd in {seconds:.0f} s: {folder}")
    print(f"[bundel] grootte {size / 2**20:.0f} MiB in {files} bestanden")
    check_contents(folder)
    if sys.platform.startswith("linux"):
        check_links(folder)

    cli = folder / f"grensverkeer{EXE_SUFFIX}"
    app = folder / f"grensverkeer-app{EXE_SUFFIX}"
    if args.smoke or args.compare_with:
        smoke = smoke_module()
        scratch = Path(tempfile.mkdtemp(prefix="grensverkeer-bundel-"))
        try:
            bundle = smoke.run_smoke([str(cli)], scratch / "bundel", [str(app)])
        except smoke.SmokeFailure as failure:
            print(f"[bundel] smoke test MISLUKT: {failure}", file=sys.stderr)
            return 1
        print(f"[bundel] smoke test geslaagd: pagina's {', '.join(bundle.pages)}")
        timings = {"--version (mediaan van 5)": version_seconds(str(cli))}
        timings.update({f"{step}": value for step, value in bundle.seconds.items()})
        if args.compare_with:
            other = str(Path(args.compare_with).resolve())
            try:
                reference = smoke.run_smoke([other], scratch / "vergelijking")
            except smoke.SmokeFailure as failure:
                print(f"[bundel] smoke test van {other} MISLUKT: {failure}", file=sys.stderr)
                return 1
            others = {"--version (mediaan van 5)": version_seconds(other)}
            others.update(reference.seconds)
            print(f"[bundel] {'stap':<26} {'bundel':>8} {'venv':>8} {'verhouding':>10}")
            for step, value in timings.items():
                if step in others:
                    ratio = value / others[step]
                    print(f"[bundel] {step:<26} {value:7.2f}s {others[step]:7.2f}s {ratio:10.2f}")
        else:
            for step, value in timings.items():
                print(f"[bundel] {step:<26} {value:7.2f}s")
    if args.installer:
        make_installer()
    return 0


if __name__ == "__main__":
    sys.exit(main())
