"""Faults of the file system in Dutch: a full or read-only disk, no access, a missing folder.

Below storage and importing, so the key file (``pseudonym``), the importer, the exports and the
database all word them alike; ``storage.faults`` adds the faults of the database itself.
"""

from __future__ import annotations

import errno

from grensverkeer.errors import GrensverkeerError

__all__ = ["disk_full", "file_fault", "is_disk_full", "os_reason"]

_FREE_SPACE = "maak ruimte vrij en probeer opnieuw."
_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def disk_full(what: str) -> GrensverkeerError:
    """What was being written did not fit; nothing of it was kept."""
    return GrensverkeerError(f"De schijf is vol: {what} is niet opgeslagen; {_FREE_SPACE}")


def os_reason(error: OSError) -> str:
    """The reason of a file-system error in Dutch, for the common ones."""
    reasons = {
        errno.ENOSPC: "de schijf is vol",
        errno.EACCES: "geen toegang",
        errno.EPERM: "geen toegang",
        errno.EROFS: "de schijf is alleen-lezen",
        errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
        errno.EISDIR: "het is een map",
        errno.EEXIST: "er staat al een bestand met die naam",
        errno.ENOENT: "bestaat niet",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in _DISK_FULL_ERRNOS


def file_fault(error: OSError, what: str | None = None) -> GrensverkeerError | None:
    """A full disk or a read-only disk while writing a file; ``what`` names what was written."""
    what = what or (f"het bestand ‘{error.filename}’" if error.filename else "het bestand")
    if is_disk_full(error):
        return disk_full(what)
    if error.errno == errno.EROFS:
        return GrensverkeerError(
            f"De schijf is alleen-lezen: {what} kan niet worden opgeslagen. "
            "Kies een andere plek om op te slaan."
        )
    return None
