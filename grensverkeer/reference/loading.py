"""Reading the bundled CSV tables, with errors that name the file and line of a broken row."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from grensverkeer.resources import resources_dir

from .records import Membership, Municipality, Swv


def reference_dir() -> Path:
    """The bundled reference tables, ``grensverkeer/resources/reference``."""
    return resources_dir() / "reference"


class ReferenceDataError(ValueError):
    """A bundled table is broken: a bug in the shipped data, not something a user can fix."""


@dataclass(frozen=True, slots=True)
class Tables:
    """The raw tables, checked for shape and codes but not yet turned into lookups."""

    municipalities: tuple[Municipality, ...]
    aliases: tuple[tuple[str, str], ...]
    places: tuple[tuple[str, str], ...]
    region_places: tuple[tuple[str, str], ...]
    pc4: tuple[tuple[str, str], ...]
    swvs: tuple[Swv, ...]
    memberships: tuple[Membership, ...]
    neighbours: tuple[str, ...]


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, the given columns) for each row; the header must name them all."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = [c for c in columns if c not in header]
        if missing:
            raise ReferenceDataError(f"{path.name}: kolommen ontbreken: {', '.join(missing)}")
        index = [header.index(c) for c in columns]
        for line, row in enumerate(reader, start=2):
            if not any(row):
                continue
            if len(row) != len(header):
                raise ReferenceDataError(f"{path.name} regel {line}: {len(row)} velden")
            yield line, [row[i].strip() for i in index]


def _date(text: str, path: Path, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReferenceDataError(f"{path.name} regel {line}: geen datum: {text!r}") from None


def read_tables(directory: Path) -> Tables:
    """Read every table from ``directory`` and check that each code it uses is known."""
    path = directory / "gemeenten.csv"
    municipalities = tuple(
        Municipality(code, name, short or name, _date(start, path, line), _date(end, path, line))
        for line, (code, name, short, start, end) in _rows(
            path, ("code", "name", "short_name", "valid_from", "valid_to")
        )
    )
    known = {m.code for m in municipalities}
    if len(known) != len(municipalities):
        raise ReferenceDataError("gemeenten.csv: een code staat er meer dan eens in")

    def pairs(name: str, columns: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        path = directory / name
        result = []
        for line, (text, code) in _rows(path, columns):
            if code not in known:
                raise ReferenceDataError(f"{name} regel {line}: onbekende code {code!r}")
            result.append((text, code))
        return tuple(result)

    swv_path = directory / "swv.csv"
    swvs = []
    for line, (code, sector, name, members, partial, note) in _rows(
        swv_path, ("code", "sector", "name", "municipalities", "partial", "note")
    ):
        swv = Swv(code, sector, name, frozenset(members.split()), frozenset(partial.split()), note)
        if sector not in ("PO", "VO") or not swv.municipalities <= known:
            raise ReferenceDataError(f"swv.csv regel {line}: onbekende sector of code")
        if not swv.partial <= swv.municipalities:
            raise ReferenceDataError(f"swv.csv regel {line}: partial niet in municipalities")
        swvs.append(swv)

    member_path = directory / "regio_lidmaatschap.csv"
    memberships = []
    for line, (region, code, start, end) in _rows(
        member_path, ("region", "code", "valid_from", "valid_to")
    ):
        if code not in known:
            raise ReferenceDataError(f"regio_lidmaatschap.csv regel {line}: onbekende code")
        memberships.append(
            Membership(region, code, _date(start, member_path, line), _date(end, member_path, line))
        )

    neighbours = tuple(code for _note, code in pairs("buren.csv", ("note", "code")))
    return Tables(
        municipalities=municipalities,
        aliases=pairs("gemeente_aliases.csv", ("alias", "code")),
        places=pairs("woonplaatsen.csv", ("woonplaats", "code")),
        region_places=pairs("woonplaatsen_regio.csv", ("woonplaats", "code")),
        pc4=pairs("pc4.csv", ("pc4", "code")),
        swvs=tuple(swvs),
        memberships=tuple(memberships),
        neighbours=neighbours,
    )
