"""Keyed pseudonyms for pupils: the database keeps an HMAC of the BSN, never the BSN itself.

The key lives outside the database (``GRENSVERKEER_KEY`` or a file in the user's config
directory), so a copy of the database alone cannot be turned back into BSNs by trying all
999,999,999 numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from grensverkeer.errors import GrensverkeerError
from grensverkeer.paths import config_dir

KEY_ENV = "GRENSVERKEER_KEY"
_CHECK_MESSAGE = b"grensverkeer-sleutelcontrole"


class Pseudonymizer:
    """Turns a (valid, padded) BSN into a stable pseudonym under one key.

    The keyed HMAC state is made once and copied per BSN: a 100,000-row import pays for
    100,000 hashes, not 100,000 key set-ups.
    """

    __slots__ = ("_base", "key")

    def __init__(self, key: bytes) -> None:
        self.key = key
        self._base = hmac.new(key, digestmod=hashlib.sha256)

    def __call__(self, bsn: str) -> str:
        mac = self._base.copy()
        mac.update(bsn.encode("ascii"))
        return mac.hexdigest()[:32]

    def many(self, bsns: Iterable[str]) -> list[str]:
        """The pseudonyms of a column of BSNs, with OpenSSL's one-shot HMAC per value."""
        digest, key = hmac.digest, self.key
        return [digest(key, bsn.encode(), "sha256")[:16].hex() for bsn in bsns]

    @property
    def fingerprint(self) -> str:
        """A value stored in the database to notice a different key, revealing nothing of it."""
        return hmac.new(self.key, _CHECK_MESSAGE, hashlib.sha256).hexdigest()[:16]


def key_file() -> Path:
    return config_dir() / "pseudoniem.key"


def load_pseudonymizer() -> Pseudonymizer:
    """The key from the environment, else the key file, created on first use."""
    text = os.environ.get(KEY_ENV)
    if text is None:
        path = key_file()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32) + "\n", encoding="ascii")
            path.chmod(0o600)
        text = path.read_text(encoding="ascii")
    text = text.strip()
    if len(text) < 32:
        raise GrensverkeerError(
            f"De pseudoniemsleutel is te kort ({len(text)} tekens; minstens 32 nodig). "
            f"Zet {KEY_ENV} of herstel {key_file()}."
        )
    return Pseudonymizer(text.encode("utf-8"))
