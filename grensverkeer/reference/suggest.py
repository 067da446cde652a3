"""Spelling suggestions for names nobody recognises; only reached for unknown input."""

from collections.abc import Iterable

from .records import Candidate

# Plain edit-distance ratio: WRatio's partial matching ranks "Alphen aan den Rijn" high for
# "Den Haaag" because both contain "den". Below this score a suggestion is noise, not a typo.
_SCORE_CUTOFF = 65
# Codes of the region and its neighbours get this bonus: in our extracts they are the likely
# ones ("haag" should suggest Den Haag before Kaag).
_AREA_BONUS = 8
# Extra matches to fetch, since several keys (name, alias, place) can point to one code.
_FETCH = 30


class Suggester:
    """Ranks known keys by similarity to an unknown one and offers the best distinct codes."""

    __slots__ = ("_bonus", "_candidates", "_keys")

    def __init__(self, entries: Iterable[tuple[str, Candidate]], area: frozenset[str]) -> None:
        """``entries`` are (name key, candidate), first per key wins; ``area`` gets a bonus."""
        unique: dict[str, Candidate] = {}
        for key, candidate in entries:
            if key:
                unique.setdefault(key, candidate)
        self._keys = list(unique)
        self._candidates = list(unique.values())
        self._bonus = [_AREA_BONUS if c.code in area else 0 for c in self._candidates]

    def suggest(self, key: str, limit: int = 3) -> tuple[Candidate, ...]:
        """The best ``limit`` candidates with distinct codes, best first (ties: table order)."""
        if not key:
            return ()
        from rapidfuzz import fuzz, process  # lazily: only unknown input needs it

        matches = process.extract(
            key,
            self._keys,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=_SCORE_CUTOFF - _AREA_BONUS,
            limit=_FETCH,
        )
        ranked = sorted(
            (
                (-(score + self._bonus[index]), index)
                for _key, score, index in matches
                if score + self._bonus[index] >= _SCORE_CUTOFF
            ),
        )
        result: list[Candidate] = []
        seen: set[str] = set()
        for _score, index in ranked:
            candidate = self._candidates[index]
            if candidate.code not in seen:
                seen.add(candidate.code)
                result.append(candidate)
                if len(result) == limit:
                    break
        return tuple(result)
