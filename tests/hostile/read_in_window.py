"""Child process: read files one after another the way the import window does; one JSON line each.

    python tests/hostile/read_in_window.py BUDGET_MB NAME=PATH [NAME=PATH ...]

The window reads a chosen file with ``FilePreview.read`` (``grensverkeer.ui.import_preview_model``)
in a worker thread of its own process, and shows ``preview.error`` when the file is refused. Here
every file is read the same way, in a thread, all in this one process: the window must survive
them one after another. Before each file a ``{"case": NAME, "event": "start"}`` line is printed
(flushed), so the parent knows which file was being read when this process died; after it a line
with the outcome:

- ``refused``: ``preview.error`` holds the Dutch message (a ReadError);
- ``read``: the file was read; ``rows`` and ``first_row`` of the first sheet say what was in it,
  ``nul`` whether a NUL character is left in any cell;
- ``error``: anything else escaped (type and message).

``growth_mb`` is how far the resident memory rose above what it was before the file: on Linux the
peak is reset before each file (``/proc/self/clear_refs``) and read back as ``VmHWM``; elsewhere
it is the process's peak RSS above the one before the first file. After a file that grew more
than BUDGET_MB the process exits with status 3, so the parent starts a fresh one for the next.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import threading
import time
from pathlib import Path


def peak_mb() -> float:
    unit = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6


def _status_kb(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    if match is None:
        raise OSError(field)
    return int(match.group(1))


class Meter:
    """Memory growth while one file is read."""

    def __init__(self) -> None:
        self.baseline = peak_mb()
        try:
            self._reset()
            self.linux = True
        except OSError:
            self.linux = False

    @staticmethod
    def _reset() -> None:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak RSS
        _status_kb("VmHWM")

    def start(self) -> None:
        if self.linux:
            self._reset()
            self.before = _status_kb("VmRSS") / 1000

    def growth(self) -> float:
        if self.linux:
            return _status_kb("VmHWM") / 1000 - self.before
        return peak_mb() - self.baseline


def say(record: dict[str, object]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def trimmed(row: list[object]) -> list[str]:
    cells = ["" if v is None else str(v) for v in row]
    while cells and cells[-1] == "":
        cells.pop()
    return [c[:200] for c in cells]


def read_like_the_window(path: Path, reference: object, schools: object) -> dict[str, object]:
    from grensverkeer.errors import GrensverkeerError
    from grensverkeer.ui.import_preview_model import FilePreview

    try:
        preview = FilePreview.read(path, reference, schools)  # type: ignore[arg-type]
    except GrensverkeerError as error:  # a known problem the worker would show as it is
        return {"outcome": "refused", "message": str(error), "via": type(error).__name__}
    except BaseException as error:  # anything else is what the test is after
        return {"outcome": "error", "message": f"{type(error).__name__}: {error}"[:500]}
    if preview.error:
        return {"outcome": "refused", "message": preview.error, "via": "FilePreview.error"}
    sheets = preview.workbook.sheets if preview.workbook else ()
    rows = sheets[0].rows if sheets else []
    filled = [r for r in rows if any(v not in ("", None) for v in r)]
    nul = any(
        isinstance(v, str) and "\x00" in v for sheet in sheets for row in sheet.rows for v in row
    )
    return {
        "outcome": "read",
        "sheets": len(sheets),
        "rows": len(filled),
        "first_row": trimmed(filled[0]) if filled else [],
        "nul": nul,
    }


def main(argv: list[str]) -> int:
    budget = float(argv[0])
    cases = [arg.split("=", 1) for arg in argv[1:]]

    from grensverkeer.importing.school_index import SchoolIndex
    from grensverkeer.reference import load_reference
    from grensverkeer.ui import import_preview_model  # noqa: F401 (imported before the baseline)

    reference, schools = load_reference(), SchoolIndex()
    meter = Meter()
    for name, path in cases:
        say({"case": name, "event": "start"})
        result: dict[str, object] = {}
        start = time.perf_counter()
        meter.start()

        def work(path: str = path, result: dict[str, object] = result) -> None:
            result.update(read_like_the_window(Path(path), reference, schools))

        worker = threading.Thread(target=work, name="reader")
        worker.start()
        worker.join()
        growth = meter.growth()
        say(
            {
                "case": name,
                "event": "done",
                **result,
                "seconds": round(time.perf_counter() - start, 3),
                "growth_mb": round(growth, 1),
                "peak_mb": round(peak_mb(), 1),
            }
        )
        if growth > budget:
            return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
