"""Parse each distinct cell value once: real files repeat the same BRIN, place and date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Memo(Generic[T]):
    """A parser remembered per value, errors included (as their ``ValueError`` message)."""

    __slots__ = ("_memo", "_parse")

    def __init__(self, parse: Callable[[object], T]) -> None:
        self._parse = parse
        self._memo: dict[object, tuple[bool, T | str]] = {}

    def __call__(self, value: object) -> T:
        key = (type(value), value)
        try:
            ok, result = self._memo[key]
        except KeyError:
            try:
                ok, result = True, self._parse(value)
            except ValueError as reason:
                ok, result = False, str(reason)
            self._memo[key] = (ok, result)
        if ok:
            return result  # type: ignore[return-value]
        raise ValueError(result)
