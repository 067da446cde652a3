"""A folder given to import: the spreadsheets and csv files directly in it.

The SWV-overzichten of a year usually arrive together in one folder; the command line and the
window's import wizard both take the folder and import its files (the importer puts school
lists first). Not recursive: a subfolder (an archive of last year) is left alone. Excel's lock
files (``~$…``) and hidden files are no data. The importer itself still refuses a folder path,
as the last line of defence.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.file_safety import ACCEPTED_EXTENSIONS


def spreadsheets_in(folder: Path) -> list[Path]:
    """The files in ``folder`` with an accepted extension, by name; none when it is unreadable."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [p for p in entries if p.suffix.lower() in ACCEPTED_EXTENSIONS and _data_file(p)]
    return sorted(found, key=lambda p: (p.name.lower(), p.name))


def _data_file(path: Path) -> bool:
    """A regular file, not a lock file of Excel or LibreOffice, not hidden."""
    name = path.name
    if name.startswith(("~$", ".~lock", ".")):
        return False
    try:
        info = path.stat()
    except OSError:
        return False
    hidden = getattr(info, "st_file_attributes", 0) & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0)
    return stat.S_ISREG(info.st_mode) and not hidden


def empty_folder_message(folder: Path) -> str:
    return (
        f"De map ‘{folder}’ bevat geen werkbladen of csv-bestanden "
        "(xlsx, xlsm, xls, ods, csv of txt; submappen worden niet doorzocht)."
    )


def files_to_import(paths: Iterable[Path]) -> list[Path]:
    """Every path, a folder replaced by its spreadsheets; each file once. A folder without any
    is a ``GrensverkeerError`` (nothing is imported: the user meant something else)."""
    result: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        files = [path]
        if path.is_dir():
            files = spreadsheets_in(path)
            if not files:
                raise GrensverkeerError(empty_folder_message(path))
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                result.append(file)
    return result
