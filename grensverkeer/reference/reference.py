"""The reference tables as fast lookups: codes, names, places and postcodes to CBS codes."""

import re
from collections.abc import Iterable
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from .codes import normalize_code, normalize_pc4
from .loading import ReferenceDataError, Tables, read_tables, reference_dir
from .names import name_key
from .records import (
    VIA_ALIAS,
    VIA_CODE,
    VIA_NAME,
    VIA_PC4,
    VIA_PLACE,
    VIA_PLACE_PC4,
    VIA_REGION,
    Candidate,
    Membership,
    Municipality,
    Resolution,
    Swv,
)
from .suggest import Suggester

_NOTHING = Resolution(None)
# "'s-Gravenhage (GM0518)": a label this module made, fed back by a user interface.
_LABEL_CODE = re.compile(r".*\((GM\d{4})\)\s*", re.IGNORECASE)
# Keys that are a code in form only ("gm0000", "05180"): spelling suggestions would be noise.
_CODE_LIKE = re.compile(r"(?:gm)?\s*\d+")
# Distinct inputs seen in one session stay far below this; the bound only caps garbage input.
_CACHE_SIZE = 65_536


def _unique(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


class Reference:
    """Municipalities, places, PC4 areas, SWV areas and region membership.

    Every lookup dict is built once here; the ``resolve_*`` methods are then a cached dict
    lookup per distinct input, because imports call them for every row. Nothing is raised for
    unknown input: a :class:`Resolution` says what was found, so imports can report it.
    """

    __slots__ = (
        "_area",
        "_by_code",
        "_labels",
        "_memberships",
        "_municipalities",
        "_names",
        "_neighbours",
        "_pc4",
        "_pc4_cached",
        "_place_cached",
        "_place_suggester",
        "_places",
        "_postcode_cached",
        "_region_places",
        "_resolve_text_cached",
        "_suggester",
        "_swvs",
        "_tables",
    )

    def __init__(self, tables: Tables) -> None:
        """Build the lookups from checked tables (see :func:`read_tables`)."""
        self._municipalities = tables.municipalities
        self._by_code = {m.code: m for m in tables.municipalities}
        self._labels = {m.code: f"{m.name} ({m.code})" for m in tables.municipalities}
        self._swvs = tables.swvs
        self._memberships = tables.memberships
        self._neighbours = tables.neighbours
        # Codes of the region and its neighbours: listed first when a name is ambiguous and
        # favoured in suggestions, because our extracts are mostly about them.
        self._area = frozenset(m.code for m in tables.memberships) | set(tables.neighbours)

        # Municipality names win over aliases, so an alias can never hide an official name.
        names: dict[str, tuple[tuple[str, ...], str]] = {}
        for m in tables.municipalities:
            key = name_key(m.name)
            codes = names[key][0] if key in names else ()
            names[key] = (_unique((*codes, m.code)), VIA_NAME)
        alias_codes: dict[str, list[str]] = {}
        for m in tables.municipalities:
            alias_codes.setdefault(name_key(m.short_name), []).append(m.code)
        for alias, code in tables.aliases:
            alias_codes.setdefault(name_key(alias), []).append(code)
        for key, found in alias_codes.items():
            if key and key not in names:
                names[key] = (_unique(found), VIA_ALIAS)
        self._names = names

        places: dict[str, list[str]] = {}
        for place, code in tables.places:
            places.setdefault(name_key(place), []).append(code)
        self._places = {key: _unique(codes) for key, codes in places.items()}

        region_places: dict[str, str] = {}
        for place, code in tables.region_places:
            key = name_key(place)
            if region_places.setdefault(key, code) != code:
                raise ReferenceDataError(f"woonplaatsen_regio.csv: {place!r} heeft twee codes")
        self._region_places = region_places
        self._pc4 = dict(tables.pc4)

        # Suggesters are built on first use: only unknown input needs them.
        self._tables = tables
        self._suggester: Suggester | None = None
        self._place_suggester: Suggester | None = None

        self._resolve_text_cached = lru_cache(maxsize=_CACHE_SIZE)(self._resolve_text)
        self._place_cached = lru_cache(maxsize=_CACHE_SIZE)(self._place)
        self._postcode_cached = lru_cache(maxsize=_CACHE_SIZE)(self._postcode)
        self._pc4_cached = lru_cache(maxsize=_CACHE_SIZE)(self._pc4_resolution)

    @classmethod
    def from_dir(cls, directory: Path) -> "Reference":
        """Load the tables of ``directory``: tests and tools can point at their own copy."""
        return cls(read_tables(directory))

    # Municipalities -------------------------------------------------------------------------

    def municipality(self, code: object) -> Municipality | None:
        """The municipality with this code (any accepted form), None if unknown or invalid."""
        normal = normalize_code(code)
        return self._by_code.get(normal) if normal else None

    def municipalities(self, on: date | None = None) -> tuple[Municipality, ...]:
        """All municipalities by code, or those that existed ``on`` a day (a year's division)."""
        if on is None:
            return self._municipalities
        return tuple(m for m in self._municipalities if m.valid_on(on))

    def label(self, code: object) -> str:
        """``'s-Gravenhage (GM0518)``; an unknown valid code is its code (``GM9999``).

        Text that is no code at all comes back as it is, so a label is always shown.
        """
        normal = normalize_code(code)
        if normal is None:
            return str(code)
        return self._labels.get(normal, normal)

    def _candidate(self, code: str) -> Candidate:
        return Candidate(code, self.label(code))

    def _place_candidate(self, place: str, key: str, code: str) -> Candidate:
        municipality = self._by_code[code]
        if key == name_key(municipality.name):
            return Candidate(code, self.label(code))
        return Candidate(code, f"{place} ({municipality.name}, {code})")

    def _municipality_entries(self) -> list[tuple[str, Candidate]]:
        return [(key, self._candidate(codes[0])) for key, (codes, _via) in self._names.items()]

    def _suggest_municipality(self, key: str) -> tuple[Candidate, ...]:
        if self._suggester is None:
            self._suggester = Suggester(self._municipality_entries(), self._area)
        return self._suggester.suggest(key)

    def _suggest_place(self, key: str) -> tuple[Candidate, ...]:
        """Region places first, then municipality names, then places: ties favour that order."""
        if self._place_suggester is None:
            places = (*self._tables.region_places, *self._tables.places)
            keyed = [(name_key(place), place, code) for place, code in places]
            region = len(self._tables.region_places)
            entries = [
                *((k, self._place_candidate(p, k, c)) for k, p, c in keyed[:region]),
                *self._municipality_entries(),
                *((k, self._place_candidate(p, k, c)) for k, p, c in keyed[region:]),
            ]
            self._place_suggester = Suggester(entries, self._area)
        return self._place_suggester.suggest(key)

    def _ambiguous(self, codes: Iterable[str], via: str) -> Resolution:
        """The region and its neighbours first: in our extracts those are the likely ones."""
        ordered = sorted(codes, key=lambda c: (c not in self._area, c))
        candidates = tuple(self._candidate(c) for c in ordered)
        return Resolution(None, candidates, ambiguous=True, via=via)

    def resolve_municipality(self, text: object) -> Resolution:
        """Resolve a code in any accepted form, a name or an alias to a CBS code.

        A well-formed code resolves to itself even when it is not in the table: a pupil can
        live anywhere, and an unknown valid code is an outside municipality, not an error.
        Unknown names give at most three spelling suggestions.
        """
        if isinstance(text, str):
            return self._resolve_text_cached(text)
        code = normalize_code(text)
        return Resolution(code, via=VIA_CODE) if code else _NOTHING

    def _resolve_text(self, text: str) -> Resolution:
        code = normalize_code(text)
        if code is None and (label := _LABEL_CODE.fullmatch(text)):
            code = normalize_code(label.group(1))
        if code is not None:
            return Resolution(code, via=VIA_CODE)
        key = name_key(text)
        if not key or _CODE_LIKE.fullmatch(key):
            return _NOTHING
        found = self._names.get(key)
        if found is None:
            return Resolution(None, self._suggest_municipality(key))
        codes, via = found
        if len(codes) == 1:
            return Resolution(codes[0], via=via)
        return self._ambiguous(codes, via)

    def knows_municipality(self, value: object) -> bool:
        """Whether a value names a municipality of the table, by code or name: a cheap test
        (no spelling suggestions) for profiling a column."""
        if isinstance(value, str) and normalize_code(value) is None:
            return name_key(value) in self._names
        code = normalize_code(value)
        return code is not None and code in self._by_code

    def knows_place(self, value: object) -> bool:
        """Whether a text is a known place or municipality name (cheap, as above)."""
        if not isinstance(value, str):
            return False
        key = name_key(value)
        return bool(key) and (
            key in self._region_places or key in self._places or key in self._names
        )

    # Places ---------------------------------------------------------------------------------

    def resolve_place(self, text: object, pc4: object = None) -> Resolution:
        """Resolve a woonplaats to a CBS code.

        Order: the region's own places (``Den Hoorn`` is Midden-Delfland here, not Texel);
        else the national place table, where a current municipality of the same name also
        counts (``Beuningen`` is a place in Losser and a municipality in Gelderland); else a
        municipality name or alias (``Westland``). A name with several codes is settled by
        ``pc4`` when that PC4's code is one of them; also a region place whose PC4 points to
        the other place of that name (Den Hoorn with a Texel postcode is Texel).
        """
        if not isinstance(text, str):
            return _NOTHING
        base, national, region = self._place_cached(text)
        if pc4 is None or len(national) < 2:
            return base
        pc4_code = self.resolve_postcode(pc4).code
        if pc4_code is None or pc4_code not in national or pc4_code == region:
            return base
        return Resolution(pc4_code, via=VIA_PLACE_PC4)

    def _place(self, text: str) -> tuple[Resolution, tuple[str, ...], str | None]:
        """The answer without a PC4, the national codes for the name, and the region's code."""
        key = name_key(text)
        if not key:
            return _NOTHING, (), None
        place_codes = self._places.get(key, ())
        named_codes, named_via = self._names.get(key, ((), ""))
        current = [c for c in named_codes if self._by_code[c].valid_to is None]
        national = _unique((*place_codes, *current))
        region = self._region_places.get(key)
        if region is not None:
            return Resolution(region, via=VIA_REGION), national, region
        if len(national) == 1:
            via = VIA_PLACE if place_codes else named_via
            return Resolution(national[0], via=via), national, None
        if national:
            return self._ambiguous(national, VIA_PLACE), national, None
        if named_codes:  # only ended municipalities carry this name (Westvoorne)
            if len(named_codes) == 1:
                return Resolution(named_codes[0], via=named_via), named_codes, None
            return self._ambiguous(named_codes, named_via), named_codes, None
        if _CODE_LIKE.fullmatch(key):
            return _NOTHING, (), None
        return Resolution(None, self._suggest_place(key)), (), None

    # Postcodes ------------------------------------------------------------------------------

    def resolve_postcode(self, text: object) -> Resolution:
        """Resolve a postcode or PC4 (``2671 AB``, ``2671AB``, ``2671``, 2671) via its PC4.

        A PC4 crossing a municipal border gives its dominant municipality (the only one the
        bundled table knows). Invalid or unknown postcodes give code None, no suggestions.
        """
        if isinstance(text, str):
            return self._postcode_cached(text)
        pc4 = normalize_pc4(text)
        return self._pc4_cached(pc4) if pc4 else _NOTHING

    def _postcode(self, text: str) -> Resolution:
        pc4 = normalize_pc4(text)
        return self._pc4_cached(pc4) if pc4 else _NOTHING

    def _pc4_resolution(self, pc4: str) -> Resolution:
        code = self._pc4.get(pc4)
        return Resolution(code, via=VIA_PC4) if code else _NOTHING

    # Region, SWV and neighbours -------------------------------------------------------------

    def memberships(self, region: str | None = None) -> tuple[Membership, ...]:
        """The bundled membership table (all regions, or one): the default users start from."""
        if region is None:
            return self._memberships
        wanted = region.casefold()
        return tuple(m for m in self._memberships if m.region.casefold() == wanted)

    def region_members(self, on: date, region: str = "Haaglanden") -> tuple[str, ...]:
        """Sorted codes of the members on a day: a school year's participants on its peildatum."""
        return tuple(sorted({m.code for m in self.memberships(region) if m.active_on(on)}))

    def swv_areas(self) -> tuple[Swv, ...]:
        """Every bundled SWV area, PO and VO, by code."""
        return self._swvs

    def swv_for(self, code: object, sector: str) -> Swv | None:
        """The SWV of ``sector`` (PO or VO) for a municipality, None outside the known areas.

        An SWV covering the whole municipality wins over one covering a part of it (for VO,
        Midden-Delfland is 28-09; only Maasland belongs to 28-11).
        """
        normal = normalize_code(code)
        wanted = sector.strip().upper()
        matches = [s for s in self._swvs if s.sector == wanted and normal in s.municipalities]
        matches.sort(key=lambda s: normal in s.partial)
        return matches[0] if matches else None

    def neighbours(self) -> tuple[str, ...]:
        """Codes of the neighbouring municipalities that show up in extracts, sorted."""
        return self._neighbours


@cache
def load_reference() -> Reference:
    """The bundled reference, loaded once per process from ``grensverkeer/resources/reference``."""
    return Reference.from_dir(reference_dir())
