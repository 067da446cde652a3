"""Scanning one xlsx worksheet before calamine reads it, the cheapest way that can tell.

Three ways, in order: the fast path (every cell written ``<c r="A1"``, :mod:`xlsx_scan`), the
sequential one (cells without a reference, or with it after another attribute, placed in
order: :mod:`xlsx_sequential`), and the exact path (an XML parse that places every cell as
calamine does; slow, so it has a budget).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Protocol

from grensverkeer.importing.xlsx_scan import (
    EXACT_PATH_MAX_CELLS,
    SheetScan,
    exact_scan,
    fast_scan,
)
from grensverkeer.importing.xlsx_sequential import sequential_scan


class ScanWatch(Protocol):
    """Follows the fast scan (:class:`xlsx_split.SplitSheet`): what it reads, how far it got."""

    def member(self, member: IO[bytes]) -> IO[bytes]: ...
    def scanned(self, so_far: SheetScan, unscanned: int) -> None: ...
    def give_up(self) -> None: ...


def scan_sheet(
    open_part: Callable[[], IO[bytes]],
    fits: Callable[[SheetScan], bool] = lambda _s: True,
    budget: int = EXACT_PATH_MAX_CELLS,
    shared_strings: bool = True,
    watch: ScanWatch | None = None,
) -> SheetScan:
    """Scan one worksheet part (``open_part`` opens it afresh): the fast path, or the sequential
    one for cells it cannot search for; the exact path when those cannot tell or their
    overestimate does not ``fit``, parsing at most ``budget`` cells. Raises
    :class:`UnsafeXml` for a DTD, an endless text, XML that does not parse, or more cells than
    the budget. Without ``shared_strings`` in the workbook, the cells that show one are not
    counted (none can cost anything). ``watch`` follows the fast path only."""
    with open_part() as member:
        if watch is None:
            scan = fast_scan(member, shared_strings)
        else:
            scan = fast_scan(watch.member(member), shared_strings, watch.scanned)
    if scan is None and watch is not None:
        watch.give_up()
    if scan is None:  # cells the fast path cannot search for: placed row by row, in order
        with open_part() as member:
            scan = sequential_scan(member, shared_strings)
        if scan is not None and scan.cells > budget:
            return scan  # more than the parse may place: it is refused by its size, not parsed
    if scan is not None and fits(scan):
        return scan
    with open_part() as member:
        return exact_scan(member, budget)
