"""The known school locations, looked up by BRIN and vestiging, with suggestions for typos."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from grensverkeer.domain import SchoolLocation


@dataclass(slots=True)
class SchoolIndex:
    locations: dict[str, SchoolLocation] = field(default_factory=dict)
    by_brin: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, locations: Iterable[SchoolLocation]) -> SchoolIndex:
        index = cls()
        index.add(locations)
        return index

    def add(self, locations: Iterable[SchoolLocation]) -> None:
        """Later lists win: a location that moved takes its newest municipality."""
        for location in locations:
            if location.brinvest not in self.locations:
                self.by_brin.setdefault(location.brin, []).append(location.vestiging)
            self.locations[location.brinvest] = location

    def __len__(self) -> int:
        return len(self.locations)

    def nearest_brins(self, brin: str, limit: int = 3) -> list[str]:
        """Known BRINs one or two edits away, closest first."""
        matches = process.extract(
            brin, list(self.by_brin), scorer=Levenshtein.distance, limit=limit, score_cutoff=2
        )
        return [match for match, _score, _index in sorted(matches, key=lambda m: (m[1], m[0]))]
