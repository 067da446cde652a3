"""Keyed pseudonyms for pupils: the database keeps an HMAC of the BSN, never the BSN itself.

The key lives outside the database (``GRENSVERKEER_KEY`` or a file in the user's config
directory), so a copy of the database alone cannot be turned back into BSNs by trying all
999,999,999 numbers. Losing or changing the key means earlier imports are no longer recognised,
so the file is written in one step, kept private, and never silently replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from grensverkeer.errors import GrensverkeerError
from grensverkeer.file_faults import file_fault, os_reason
from grensverkeer.paths import config_dir

KEY_ENV = "GRENSVERKEER_KEY"
MIN_LENGTH = 32
log = logging.getLogger(__name__)
_NOTICED: list[str] = []  # key warnings not yet shown (noticed_key_warnings)
_CHECK_MESSAGE = b"grensverkeer-sleutelcontrole"


class Pseudonymizer:
    """Turns a (valid, padded) BSN into a stable pseudonym under one key: the first 16 bytes
    of HMAC-SHA256(key, BSN), in hex.

    The two keyed SHA-256 states of RFC 2104 are made once and copied per BSN: a
    100,000-row import pays for 100,000 hashes, not 100,000 key set-ups (OpenSSL's one-shot
    HMAC sets the key up on every call, three times slower).
    """

    __slots__ = ("_inner", "_outer", "key")

    def __init__(self, key: bytes) -> None:
        self.key = key
        block = hashlib.sha256().block_size
        padded = (hashlib.sha256(key).digest() if len(key) > block else key).ljust(block, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))

    def __call__(self, bsn: str) -> str:
        return self.many((bsn,))[0]

    def many(self, bsns: Iterable[str]) -> list[str]:
        """The pseudonyms of a column of BSNs."""
        inner, outer = self._inner.copy, self._outer.copy
        found: list[str] = []
        append = found.append
        for text in map(str.encode, bsns):  # nine ASCII digits: the same bytes as ascii
            mac = inner()
            mac.update(text)
            digest = mac.digest()
            mac = outer()
            mac.update(digest)
            append(mac.hexdigest()[:32])
        return found

    @property
    def fingerprint(self) -> str:
        """A value stored in the database to notice a different key, revealing nothing of it."""
        return hmac.new(self.key, _CHECK_MESSAGE, hashlib.sha256).hexdigest()[:16]


def key_file() -> Path:
    return config_dir() / "pseudoniem.key"


def load_pseudonymizer() -> Pseudonymizer:
    """The key from the environment, else the key file, created on first use.

    A key file that others may read is still used, with a warning (``key_warnings``); an empty
    or damaged one is refused with a way out, never replaced: a new key would not recognise the
    pupils imported under the old one.
    """
    text = os.environ.get(KEY_ENV)
    if text is not None:
        text = text.strip()
        if len(text) < MIN_LENGTH:
            raise GrensverkeerError(
                f"De pseudoniemsleutel is te kort ({len(text)} tekens; minstens {MIN_LENGTH} "
                f"nodig). Zet {KEY_ENV} of herstel {key_file()}."
            )
        return Pseudonymizer(text.encode("utf-8"))
    path = key_file()
    if _status(path) is None:
        _create_key_file(path)
    key = _read_key_file(path)
    for warning in key_warnings():
        log.warning("%s", warning)
        if warning not in _NOTICED:
            _NOTICED.append(warning)
    return Pseudonymizer(key)


def key_warnings() -> list[str]:
    """Dutch sentences about a key file that works but is not safe: readable by others.

    Empty when the key comes from the environment, the file does not exist, or on Windows
    (where the folder's access rules, not mode bits, protect it).
    """
    path = key_file()
    if os.name == "nt" or os.environ.get(KEY_ENV) is not None:
        return []
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return []
    if not mode & 0o077:
        return []
    open_to = "leesbaar" if mode & 0o044 else "te wijzigen"
    return [
        f"Het sleutelbestand ‘{path}’ is {open_to} voor anderen op deze computer (rechten "
        f"{mode:03o}). Wie het kan lezen, kan met een kopie van de database de BSN's "
        f"terugvinden. Maak het alleen voor uzelf toegankelijk, bijvoorbeeld met: "
        f"chmod 600 '{path}'"
    ]


def noticed_key_warnings() -> list[str]:
    """The warnings ``load_pseudonymizer`` met since the last call, for the CLI to print."""
    noticed = list(_NOTICED)
    _NOTICED.clear()
    return noticed


def _status(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _damaged(path, f"kan niet worden gelezen ({os_reason(error)})") from None


def _read_key_file(path: Path) -> bytes:
    """The key in the file, or a message that says what is wrong with it and how to recover."""
    if path.is_dir():
        raise _damaged(path, "is geen bestand maar een map")
    try:
        data = path.read_bytes().strip()
    except OSError as error:
        raise _damaged(path, f"kan niet worden gelezen ({os_reason(error)})") from None
    if not data:
        raise _damaged(path, "is leeg")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        text = ""
    if not text or not text.isprintable() or any(c.isspace() for c in text):
        raise _damaged(path, "is beschadigd: er staan tekens in die niet in een sleutel horen")
    if len(text) < MIN_LENGTH:
        raise _damaged(
            path, f"is te kort ({len(text)} tekens; een sleutel heeft er minstens {MIN_LENGTH})"
        )
    return data


def _damaged(path: Path, what: str) -> GrensverkeerError:
    return GrensverkeerError(
        f"Het sleutelbestand ‘{path}’ {what}. Zet de juiste sleutel terug uit uw reservekopie, "
        "of verwijder het bestand alleen als er nog geen gegevens zijn geïmporteerd: met een "
        "nieuwe sleutel worden eerder geïmporteerde leerlingen niet herkend."
    )


def _create_key_file(path: Path) -> None:
    """Write a new key in one step: a temporary file in the same folder, private (0600) from
    the start, flushed to disk, then put in place. A full disk leaves no key file at all, so
    the next start makes one, instead of a half one that is refused ever after."""
    folder = path.parent
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    data = (secrets.token_hex(32) + "\n").encode("ascii")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
        handle = os.open(temporary, flags, 0o600)
        try:
            rest = memoryview(data)
            while rest:
                rest = rest[os.write(handle, rest) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        _put_in_place(temporary, path)
    except OSError as error:
        what = f"de pseudoniemsleutel ‘{path}’"
        raise file_fault(error, what) or GrensverkeerError(
            f"De pseudoniemsleutel ‘{path}’ kan niet worden gemaakt ({os_reason(error)})."
        ) from None
    finally:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
    _sync_folder(folder)


def _put_in_place(temporary: Path, path: Path) -> None:
    """A hard link does not overwrite: if another program made a key meanwhile, that one stays
    (it may already have been used). Where links are not possible, a rename."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        log.info("Sleutelbestand is intussen door een ander programma gemaakt: %s", path)
    except OSError:
        os.replace(temporary, path)


def _sync_folder(folder: Path) -> None:
    """The new name on disk too (POSIX; Windows cannot open a folder this way)."""
    if os.name == "nt":
        return
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
