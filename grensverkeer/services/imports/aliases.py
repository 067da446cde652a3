"""Aliases: a spelling the user accepted once (``Den Haaag`` → GM0518) is understood ever after.

An import reports an unknown municipality or place name with spelling suggestions
(``bedoelde u 's-Gravenhage (GM0518)?``). When the user accepts one, the written name is stored
as an alias of that code, and every later import reads it through
:class:`ReferenceWithAliases`: the bundled reference wrapped with the stored aliases.

Decisions:

- An alias is keyed by :func:`grensverkeer.reference.name_key`, so ``Den  Haaag`` and
  ``DEN HAAAG`` are the same alias, and maps to one municipality code. It applies wherever a
  name is resolved: the woongemeente, the woonplaats and a school list's gemeente columns.
- The official tables come first and an alias only answers what they cannot resolve. So an
  alias can never hide an official name, a code or a place (``Den Hoorn`` with a Texel
  postcode stays Texel), and :func:`add_alias` refuses a name that the reference already
  resolves: such an alias would never be used.
- The target must be a municipality the reference knows: an alias is a correction of a
  spelling, not a way to invent codes.
- Storage: the table ``aliases`` is declared in ``grensverkeer.storage.alias_schema``
  (migration 0003); importing it here registers it on ``Base.metadata``.
- Which suggestions can be accepted is decided here, not in the user interface: issues with
  a code in :data:`ALIAS_ISSUE_CODES` whose suggestion names one or more municipality labels
  (``'s-Gravenhage (GM0518)``, ``Naaldwijk (Westland, GM1783)``), see
  :func:`alias_suggestions`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.reference import (
    VIA_ALIAS,
    Membership,
    Municipality,
    Reference,
    Resolution,
    Swv,
    load_reference,
    name_key,
    normalize_code,
)
from grensverkeer.storage.alias_schema import AliasRow
from grensverkeer.storage.database import Database
from grensverkeer.who_when import as_utc

#: Issues about a name that did not resolve to a municipality; accepting a suggestion for one
#: of these stores an alias.
ALIAS_ISSUE_CODES = frozenset({"woongemeente_onbekend", "woonplaats_onbekend", "gemeente_onbekend"})

# The code at the end of a label the reference made: "(GM0518)" or "(Westland, GM1783)".
_LABEL_CODE = re.compile(r"\b(GM\d{4})\)", re.IGNORECASE)
_MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class Alias:
    """A stored alias: the name as first written, its matching key and the code it means."""

    text: str
    key: str
    code: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    """What accepting an issue's suggestion would store: ``text`` means ``code``."""

    text: str
    code: str
    label: str  # the municipality as the reference labels it: "'s-Gravenhage (GM0518)"


def alias_suggestions(
    issue: ImportIssue, reference: Reference | ReferenceWithAliases | None = None
) -> tuple[AliasSuggestion, ...]:
    """The aliases an issue offers, best first; empty when its suggestion is no municipality.

    The codes are read from the labels in the issue's suggestion, the text the user sees, so
    what can be accepted is exactly what was suggested.
    """
    text = issue.value.strip()
    if issue.code not in ALIAS_ISSUE_CODES or not name_key(text):
        return ()
    reference = reference or load_reference()
    found: list[AliasSuggestion] = []
    for match in _LABEL_CODE.finditer(issue.suggestion):
        code = normalize_code(match.group(1))
        if code is None or reference.municipality(code) is None:
            continue
        if all(s.code != code for s in found):
            found.append(AliasSuggestion(text, code, reference.label(code)))
    return tuple(found)


def add_alias(
    db: Database, text: str, code: str, reference: Reference | ReferenceWithAliases | None = None
) -> Alias:
    """Remember that ``text`` means municipality ``code``; a stored alias is replaced."""
    if isinstance(reference, ReferenceWithAliases):
        reference = reference.base  # the stored aliases must not count as "already known"
    reference = reference or load_reference()
    text = " ".join(str(text).split())
    key = name_key(text)
    if not key:
        raise GrensverkeerError("Een lege naam kan geen alias zijn.")
    if len(text) > _MAX_TEXT:
        raise GrensverkeerError(f"Een alias is hoogstens {_MAX_TEXT} tekens lang.")
    normal = normalize_code(code)
    if normal is None or reference.municipality(normal) is None:
        raise GrensverkeerError(f"‘{code}’ is geen bekende gemeentecode.")
    known = reference.resolve_municipality(text).code or reference.resolve_place(text).code
    if known is not None:
        raise GrensverkeerError(
            f"‘{text}’ is al bekend als {reference.label(known)}; een alias is niet nodig."
        )
    with db.sessions.begin() as session:
        row = session.scalar(select(AliasRow).where(AliasRow.key == key))
        if row is None:
            row = AliasRow(key=key, text=text, code=normal, created_at=datetime.now(UTC))
            session.add(row)
        else:
            row.text, row.code, row.created_at = text, normal, datetime.now(UTC)
        return _alias(row)


def list_aliases(db: Database) -> list[Alias]:
    """Every stored alias, by written name."""
    with db.sessions() as session:
        rows = session.scalars(select(AliasRow).order_by(AliasRow.key)).all()
        return [_alias(r) for r in rows]


def remove_alias(db: Database, text: str) -> Alias:
    """Forget an alias (by its name in any spelling that has the same key)."""
    key = name_key(str(text))
    with db.sessions.begin() as session:
        row = session.scalar(select(AliasRow).where(AliasRow.key == key))
        if row is None:
            raise GrensverkeerError(f"Er is geen alias ‘{text}’.")
        alias = _alias(row)
        session.delete(row)
    return alias


def alias_map(db: Database) -> dict[str, str]:
    """name key → code, for :class:`ReferenceWithAliases`."""
    with db.sessions() as session:
        return {key: code for key, code in session.execute(select(AliasRow.key, AliasRow.code))}


def reference_with_aliases(
    db: Database, reference: Reference | None = None
) -> ReferenceWithAliases:
    """The reference (the bundled one by default) with the aliases stored in ``db``."""
    return ReferenceWithAliases(reference or load_reference(), alias_map(db))


def _alias(row: AliasRow) -> Alias:
    return Alias(row.text, row.key, row.code, as_utc(row.created_at))


class ReferenceWithAliases:
    """A :class:`~grensverkeer.reference.Reference` that also knows the user's aliases.

    It offers the reference's whole interface and delegates every call; only a name that the
    reference cannot resolve is looked up in ``aliases`` (name key → code), and then comes
    back with ``via`` :data:`~grensverkeer.reference.VIA_ALIAS`. Immutable: build a new one
    (:func:`reference_with_aliases`) after the aliases change.
    """

    __slots__ = ("_aliases", "_base")

    def __init__(self, reference: Reference, aliases: Mapping[str, str]) -> None:
        """``aliases`` maps :func:`~grensverkeer.reference.name_key` keys to CBS codes."""
        self._base = reference
        self._aliases = dict(aliases)

    @property
    def base(self) -> Reference:
        return self._base

    @property
    def aliases(self) -> Mapping[str, str]:
        return dict(self._aliases)

    def _via_alias(self, text: object, found: Resolution) -> Resolution:
        if found.code is not None or not self._aliases or not isinstance(text, str):
            return found
        code = self._aliases.get(name_key(text))
        return Resolution(code, via=VIA_ALIAS) if code else found

    def resolve_municipality(self, text: object) -> Resolution:
        return self._via_alias(text, self._base.resolve_municipality(text))

    def resolve_place(self, text: object, pc4: object = None) -> Resolution:
        return self._via_alias(text, self._base.resolve_place(text, pc4))

    def resolve_postcode(self, text: object) -> Resolution:
        return self._base.resolve_postcode(text)

    def knows_municipality(self, value: object) -> bool:
        return self._base.knows_municipality(value) or self._alias_known(value)

    def knows_place(self, value: object) -> bool:
        return self._base.knows_place(value) or self._alias_known(value)

    def _alias_known(self, value: object) -> bool:
        return isinstance(value, str) and name_key(value) in self._aliases

    def municipality(self, code: object) -> Municipality | None:
        return self._base.municipality(code)

    def municipalities(self, on: date | None = None) -> tuple[Municipality, ...]:
        return self._base.municipalities(on)

    def label(self, code: object) -> str:
        return self._base.label(code)

    def memberships(self, region: str | None = None) -> tuple[Membership, ...]:
        return self._base.memberships(region)

    def region_members(self, on: date, region: str = "Haaglanden") -> tuple[str, ...]:
        return self._base.region_members(on, region)

    def swv_areas(self) -> tuple[Swv, ...]:
        return self._base.swv_areas()

    def swv_for(self, code: object, sector: str) -> Swv | None:
        return self._base.swv_for(code, sector)

    def neighbours(self) -> tuple[str, ...]:
        return self._base.neighbours()

    def __getattr__(self, name: str) -> object:
        """Anything added to Reference later is delegated too."""
        return getattr(self._base, name)
