"""Shared by the reference tests: the region's codes, written out, and the loaded reference."""

from __future__ import annotations

import pytest

from grensverkeer.reference import Reference, load_reference

# The ten Haaglanden municipalities of 2023, sorted: written out, not read from the data.
H10 = (
    "GM0503",
    "GM0518",
    "GM0603",
    "GM0626",
    "GM0629",
    "GM0637",
    "GM1783",
    "GM1842",
    "GM1916",
    "GM1926",
)


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def h10() -> tuple[str, ...]:
    return H10
