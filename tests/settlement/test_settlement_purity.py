"""The settlement engine stays pure: standard library and its own modules only (no Qt, no I/O)."""

import ast
import sys
from pathlib import Path

import grensverkeer.settlement

PACKAGE = Path(grensverkeer.settlement.__file__).parent
FORBIDDEN_STDLIB = {"io", "os", "pathlib", "sqlite3", "socket", "subprocess", "shutil", "random"}


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every import in a source file; level 0 is an absolute import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_settlement_imports_only_the_standard_library_and_itself() -> None:
    sources = sorted(PACKAGE.glob("*.py"))
    assert sources
    for source in sources:
        for level, module in imports_of(source):
            top = module.split(".")[0]
            if level:
                assert level == 1, f"{source.name} reaches outside the package: {module}"
            else:
                assert top in sys.stdlib_module_names, f"{source.name} imports {module}"
                assert top not in FORBIDDEN_STDLIB, f"{source.name} imports {module}"
