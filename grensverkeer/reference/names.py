"""Matching keys for municipality and place names, so spelling variants meet in one dict lookup."""

import re
import unicodedata

# Curly and typographic apostrophes, primes, backticks and acute accents used as apostrophes.
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘‛′`´ʼʻ'", ""))
_NON_WORD = re.compile(r"[^0-9a-z]+")
_GEMEENTE = "gemeente "


def name_key(text: str) -> str:
    """Return the key under which a name is matched.

    Extracts write the same name many ways (``’s-Gravenhage``, ``S GRAVENHAGE``,
    ``'s Gravenhage``, ``Súdwest-Fryslân`` / ``SUDWEST-FRYSLAN``), so the key casefolds, drops
    diacritics and apostrophes (which makes ``'s-``, ``s-`` and ``'s `` equal), turns every other
    punctuation, hyphen and dot into a space, collapses whitespace and drops a leading
    ``gemeente``.
    """
    plain = text.casefold()
    if not plain.isascii():  # most names are plain ASCII: skip the slow path for them
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _NON_WORD.sub(" ", plain.translate(_APOSTROPHES)).strip()
    if key.startswith(_GEMEENTE):
        key = key[len(_GEMEENTE) :].lstrip()
    return key
