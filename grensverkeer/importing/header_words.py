"""Reading a column header word by word: what it names, and whose it is.

A header is folded (case, accents, punctuation, ``camelCase`` and ``UPPER_SNAKE`` split into
words), then its words are matched against :mod:`vocabulary`: phrases first, then stems
(longest first, so ``plaatsing`` is not ``plaats``), then, for what is left of a word, a fuzzy
match that forgives a typo (``Woongemente``). The result says *what* the header names (its
concepts), *whose* it is (the pupil's or the school's, from the header or else from the group
header above it) and, for a date, its role.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from grensverkeer.importing.vocabulary import ENGLISH, PHRASES, STEMS, WEAK_ROLE_WORDS, Concept

C = Concept
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_DIGITS_THEN_LETTERS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z]{3,})")
_LONG_STEMS = sorted((s for s in STEMS if len(s) >= 4 and " " not in s), key=len, reverse=True)
_FUZZY_STEMS = [s for s in _LONG_STEMS if len(s) >= 6]
_FUZZY_CUTOFF = 85


class Owner(StrEnum):
    PUPIL = "leerling"
    SCHOOL = "school"


class DateRole(StrEnum):
    START = "start"
    END = "einde"
    OTHER = "anders"
    BIRTH = "geboorte"
    PEILDATUM = "peildatum"


@dataclass(frozen=True, slots=True)
class HeaderSense:
    """What one header cell says, as far as its words tell."""

    text: str
    words: tuple[str, ...]
    concepts: frozenset[Concept]
    owner: Owner | None  # whose field: from the header, else from its group header
    fuzzy: bool  # a word was matched only approximately
    english: bool
    group: str = ""

    def has(self, *concepts: Concept) -> bool:
        return any(c in self.concepts for c in concepts)

    @property
    def date_role(self) -> DateRole | None:
        """The role a date under this header plays, if its words say so.

        An end word beats a start word (``Datum einde inschrijving``); a word for another kind
        of date beats a vague start or end word (``Datum van besluit``).
        """
        c = self.concepts
        if C.BIRTH in c:
            return DateRole.BIRTH
        if C.PEILDATUM in c:
            return DateRole.PEILDATUM
        if c & {C.START, C.END}:
            role_words = [w for w in self.words if _word(w)[0] & {C.START, C.END}]
            vague = all(w in WEAK_ROLE_WORDS for w in role_words)
            if C.OTHER_DATE in c and vague:
                return DateRole.OTHER
            return DateRole.END if C.END in c else DateRole.START
        if C.OTHER_DATE in c:
            return DateRole.OTHER
        return None


def fold(text: object) -> str:
    """``CodeNevenvestiging`` → ``code nevenvestiging``; ``POSTCODE_LEERLING`` → ``postcode
    leerling``; accents and punctuation gone."""
    raw = "" if text is None else str(text)
    raw = _CAMEL.sub(" ", raw.replace("’", "'"))
    plain = raw.casefold()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("€", " eur ").replace("+", " ")
    return " ".join(_NON_WORD.sub(" ", plain).split())


@lru_cache(maxsize=4096)
def sense(text: str, group: str = "") -> HeaderSense:
    """The :class:`HeaderSense` of a header (and the group header above it)."""
    words, concepts, fuzzy = _read(text)
    owner = _owner(concepts)
    if owner is None and group:
        _group_words, group_concepts, _f = _read(group)
        owner = _owner(group_concepts)
    english = any(w in ENGLISH for w in words)
    return HeaderSense(text, words, frozenset(concepts), owner, fuzzy, english, group)


def _owner(concepts: set[Concept]) -> Owner | None:
    pupil, school = C.PUPIL in concepts, C.SCHOOL in concepts
    if pupil and not school:
        return Owner.PUPIL
    if school and not pupil:
        return Owner.SCHOOL
    return None


def _read(text: str) -> tuple[tuple[str, ...], set[Concept], bool]:
    folded = fold(text)
    folded = _DIGITS_THEN_LETTERS.sub(" ", folded)
    concepts: set[Concept] = set()
    for phrase, meaning in PHRASES.items():
        if f" {phrase} " in f" {folded} ":
            concepts.update(meaning)
            folded = f" {folded} ".replace(f" {phrase} ", " ").strip()
    words = tuple(folded.split())
    fuzzy = False
    for word in words:
        found, approximate = _word(word)
        concepts |= found
        fuzzy = fuzzy or approximate
    return tuple(fold(text).split()), concepts, fuzzy


@lru_cache(maxsize=8192)
def _word(word: str) -> tuple[frozenset[Concept], bool]:
    """The concepts in one folded word: the whole word, then stems inside it, then fuzzy."""
    if word in STEMS:
        return frozenset(STEMS[word]), False
    if len(word) < 4:
        return frozenset(), False
    found: set[Concept] = set()
    taken = [False] * len(word)
    for stem in _LONG_STEMS:
        start = word.find(stem)
        while start >= 0:
            end = start + len(stem)
            if not any(taken[start:end]):
                found.update(STEMS[stem])
                taken[start:end] = [True] * len(stem)
            start = word.find(stem, end)
    rest = "".join(" " if t else ch for ch, t in zip(word, taken, strict=True)).split()
    fuzzy = False
    for part in rest:
        if len(part) < 6:
            continue
        match = process.extractOne(
            part, _FUZZY_STEMS, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if match is not None:
            found.update(STEMS[match[0]])
            fuzzy = True
    return frozenset(found), fuzzy
