"""A settlement as a value: what ``settle --format json`` prints and what a plan stores; and
the inputs a plan stored, read back (``PlanInputs``).

One frozen shape from the computation to the plan, the documents, the export and the CLI;
``to_json`` and ``from_json`` are the only places that know the JSON (the agreed contract:
``school_year``, ``method``, ``participants``, ``positions`` as an object with every
participant, ``transfers``/``waived``/``outside`` as ``{"from", "to", "amount"}``, amounts in
cents, and ``total_moved``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any


@dataclass(frozen=True, slots=True)
class Flow:
    """Money from one municipality to another, in cents (a payment, a waived or outside flow)."""

    from_code: str
    to_code: str
    cents: int

    def to_json(self) -> dict[str, object]:
        return {"from": self.from_code, "to": self.to_code, "amount": self.cents}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flow:
        return cls(str(data["from"]), str(data["to"]), int(data["amount"]))


def total(flows: Iterable[Flow]) -> int:
    return sum(flow.cents for flow in flows)


@dataclass(frozen=True, slots=True)
class SettlementResult:
    """Every participant's position (zero included; positive receives) and the flows."""

    school_year: str
    method: str
    participants: tuple[str, ...]
    positions: tuple[tuple[str, int], ...]
    transfers: tuple[Flow, ...]
    total_moved: int
    waived: tuple[Flow, ...]
    outside: tuple[Flow, ...]

    def position(self, code: str) -> int:
        return dict(self.positions)[code]

    def to_json(self) -> dict[str, object]:
        return {
            "school_year": self.school_year,
            "method": self.method,
            "participants": list(self.participants),
            "positions": dict(self.positions),
            "transfers": [flow.to_json() for flow in self.transfers],
            "total_moved": self.total_moved,
            "waived": [flow.to_json() for flow in self.waived],
            "outside": [flow.to_json() for flow in self.outside],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SettlementResult:
        def flows(key: str) -> tuple[Flow, ...]:
            return tuple(Flow.from_json(item) for item in data[key])

        return cls(
            str(data["school_year"]),
            str(data["method"]),
            tuple(str(code) for code in data["participants"]),
            tuple((str(code), int(cents)) for code, cents in data["positions"].items()),
            flows("transfers"),
            int(data["total_moved"]),
            flows("waived"),
            flows("outside"),
        )


@dataclass(frozen=True, slots=True)
class StoredTariff:
    edu_type: str
    arrangement: str  # "" for the type's own tariff
    cents: int


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """What a plan was computed from, read from the JSON it stored (``plans.plan_inputs``
    writes it; the plan's sha256 is over that JSON, so the JSON itself stays the record). The
    one reader of it: older plans may lack keys, which read as "not stored"."""

    peildatum: date | None
    pro_rata: bool
    actual_cost: bool
    participants: tuple[str, ...] | None  # None: the plan did not say
    tariffs: tuple[StoredTariff, ...]
    amounts: tuple[tuple[str, str, int], ...]  # (residence, school, cents), as stored
    pupils: tuple[tuple[str, str, Fraction], ...] | None  # exact counts; None: not stored

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PlanInputs:
        peildatum = data.get("peildatum")
        participants = data.get("participants")
        pupils = data.get("pupils")
        return cls(
            date.fromisoformat(str(peildatum)) if peildatum else None,
            bool(data.get("pro_rata")),
            bool(data.get("actual_cost")),
            None if participants is None else tuple(str(code) for code in _listed(participants)),
            tuple(
                StoredTariff(str(t["type"]), str(t["arrangement"]), int(t["cents"]))
                for t in _listed(data.get("tariffs", []))
            ),
            tuple(
                (str(a["from"]), str(a["to"]), int(a["cents"]))
                for a in _listed(data.get("amounts", []))
            ),
            None
            if pupils is None
            else tuple(
                (str(p["from"]), str(p["to"]), Fraction(str(p["value"]))) for p in _listed(pupils)
            ),
        )


def _listed(value: object) -> list[Any]:
    """A list the plan stored (JSON: objects, strings, numbers)."""
    if not isinstance(value, list):
        raise TypeError(f"a list was expected in the plan's inputs, not {type(value).__name__}")
    return value
