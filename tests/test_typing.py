"""Types checked, not remembered (issue 14): mypy --strict on the core and the window alike,
reasons on ignores."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# `# type: ignore[code]  # the reason` -- the reason is a comment after the ignore.
IGNORE = re.compile(r"#\s*type:\s*ignore\b(\[[^\]]*\])?(?P<rest>.*)$")

# TODO(lead): remove once the split/edit of these files has landed (they were being
# edited elsewhere when the check arrived); their ignores still need a reason.
NOT_YET: set[str] = set()  # files still allowed a bare ``type: ignore``: none any more


def _mypy() -> str:
    found = BIN / "mypy"
    return str(found) if found.exists() else (shutil.which("mypy") or "mypy")


def test_mypy_is_clean() -> None:
    """``mypy.ini``: strict on all of grensverkeer/, the Qt user interface (the window) too."""
    result = subprocess.run(
        [_mypy(), "--config-file", "mypy.ini"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _unexplained(text: str) -> list[int]:
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = IGNORE.search(line)
        if found and not re.match(r"\s*#\s*\S", found["rest"]):
            lines.append(number)
    return lines


def test_every_type_ignore_has_a_reason() -> None:
    """No bare ``# type: ignore``: each names its code and says why on the same line."""
    bare = []
    for path in sorted((REPO / "grensverkeer").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        if name in NOT_YET:  # the window too: type checked, no ignore without a reason
            continue
        text = path.read_text(encoding="utf-8")
        bare += [f"{name}:{number}" for number in _unexplained(text)]
        bare += [
            f"{name}:{number}: no error code"
            for number, line in enumerate(text.splitlines(), start=1)
            if re.search(r"#\s*type:\s*ignore(?!\[)", line)
        ]
    assert not bare, "type: ignore zonder reden:\n" + "\n".join(bare)


def test_the_reason_check_catches_a_bare_ignore() -> None:
    assert _unexplained("x = f()  # type: ignore[arg-type]\n") == [1]
    assert _unexplained("x = f()  # type: ignore\n") == [1]
    assert _unexplained("x = f()  # type: ignore[arg-type]  # the stubs say int\n") == []
    assert _unexplained("x = f()\n") == []
