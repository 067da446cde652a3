"""The values the reference hands out: frozen, so callers can cache and share them freely."""

from dataclasses import dataclass
from datetime import date

# How a Resolution was reached; imports report it so a user can see why a row got its code.
VIA_CODE = "code"
VIA_NAME = "naam"
VIA_ALIAS = "alias"
VIA_PLACE = "woonplaats"
VIA_REGION = "regio"
VIA_PLACE_PC4 = "woonplaats+pc4"
VIA_PC4 = "pc4"


@dataclass(frozen=True, slots=True)
class Municipality:
    """A CBS municipality; ``valid_to`` is the last day it existed (inclusive), None if open."""

    code: str
    name: str
    short_name: str
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        """Whether the municipality existed on ``day``, so a year's tables use its own division."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A code a text could mean, with a label a user recognises (``'s-Gravenhage (GM0518)``)."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving a text to a CBS code: returned, never raised, for import issues.

    ``code`` is None when the text is unknown (``candidates`` then holds at most three
    suggestions, best first) or ambiguous (``ambiguous`` is True and ``candidates`` holds every
    code it could be). ``via`` says which table gave the answer (see the ``VIA_*`` constants).
    """

    code: str | None
    candidates: tuple[Candidate, ...] = ()
    ambiguous: bool = False
    via: str = ""


@dataclass(frozen=True, slots=True)
class Swv:
    """A samenwerkingsverband passend onderwijs and the municipalities its area covers.

    ``partial`` lists the municipalities of ``municipalities`` that it covers only in part (VO
    28-11 covers Maasland, a part of Midden-Delfland), so lookups prefer an SWV covering the
    whole municipality.
    """

    code: str
    sector: str
    name: str
    municipalities: frozenset[str]
    partial: frozenset[str] = frozenset()
    note: str = ""

    @property
    def ident(self) -> str:
        """``PO 28-15``: the code alone is not unique, PO and VO both have a 28-01."""
        return f"{self.sector} {self.code}"


@dataclass(frozen=True, slots=True)
class Membership:
    """One municipality's membership of a region over a period (``valid_to`` inclusive)."""

    region: str
    code: str
    valid_from: date | None
    valid_to: date | None

    def active_on(self, day: date) -> bool:
        """Whether the municipality is a member on ``day``: a school year uses its peildatum."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
