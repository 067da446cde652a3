"""The facts of this installation a privacy officer (FG) asks for, gathered in one place.

What is stored per school year (pupil rows, pupils, aggregates), the oldest data, purged
years and the retention, where the pseudonym key lives and who may read it, and on
PostgreSQL which roles exist. No BSN and no pseudonym appear in it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import case, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from grensverkeer import __version__
from grensverkeer.paths import log_dir
from grensverkeer.pseudonym import KEY_ENV, key_file
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.privacy.pupil_requests import PURGED, REMOVED, privacy_log
from grensverkeer.services.privacy.purge import COUNT_ROW, MARKER
from grensverkeer.services.privacy.retention import retention, years_retention
from grensverkeer.storage.database import Database
from grensverkeer.storage.read_only import can_write
from grensverkeer.storage.schema import ImportBatch, PupilRecordRow
from grensverkeer.who_when import as_utc

ROLES = ("grensverkeer_lezer", "grensverkeer_schrijver")


@dataclass(frozen=True, slots=True)
class YearFacts:
    school_year: SchoolYear
    pupil_rows: int  # rows linked to a pupil's pseudonym
    pupils: int
    aggregate_rows: int  # purged groups (no pseudonym) and DUO count rows
    first_import: date | None
    keep_until: date
    purged_on: date | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class PrivacyFacts:
    made_on: datetime
    version: str
    database: str
    dialect: str
    database_user: str
    writable: bool
    database_mode: str  # SQLite: the file's permissions; "" on PostgreSQL
    roles: tuple[tuple[str, tuple[str, ...] | None], ...]  # (role, members) or None: absent
    key_source: str
    key_mode: str
    log_folder: str
    retention_months: int
    retention_default: bool
    years: tuple[YearFacts, ...]
    removals: int
    purges: int

    @property
    def oldest(self) -> YearFacts | None:
        """The oldest school year that still holds pupil rows."""
        return next((y for y in self.years if y.pupil_rows), None)


def privacy_facts(db: Database, today: date | None = None) -> PrivacyFacts:
    today = today or date.today()
    kept = retention(db)
    stats = _year_stats(db)
    years = tuple(
        YearFacts(
            item.school_year,
            *stats.get(item.school_year.start_year, (0, 0, 0, None)),
            item.keep_until,
            item.purged_on,
            item.overdue(today) and stats.get(item.school_year.start_year, (0,))[0] > 0,
        )
        for item in years_retention(db)
    )
    log = privacy_log(db)
    dialect = db.engine.dialect.name
    return PrivacyFacts(
        datetime.now(UTC),
        __version__,
        db.description,
        dialect,
        _database_user(db),
        can_write(db.engine),
        _file_mode(db.engine.url.database) if dialect == "sqlite" else "",
        _roles(db) if dialect == "postgresql" else (),
        _key_source(),
        _key_mode(),
        str(log_dir()),
        kept.months,
        kept.is_default,
        years,
        sum(1 for e in log if e.action == REMOVED),
        sum(1 for e in log if e.action == PURGED),
    )


def facts_lines(facts: PrivacyFacts) -> list[tuple[str, list[tuple[str, str]]]]:
    """The report as sections of (label, value) lines, for the terminal and the PDF alike."""
    installation = [
        ("Opgesteld", f"{facts.made_on.astimezone():%d-%m-%Y %H:%M}"),
        ("Programma", f"Grensverkeer {facts.version}"),
        ("Database", facts.database),
        ("Soort", "PostgreSQL (gedeeld)" if facts.dialect == "postgresql" else "SQLite-bestand"),
    ]
    if facts.database_user:
        installation.append(("Databasegebruiker", facts.database_user))
    installation.append(("Rechten", "lezen en schrijven" if facts.writable else "alleen lezen"))
    if facts.database_mode:
        installation.append(("Bestandsrechten database", facts.database_mode))
    for role, members in facts.roles:
        shown = "bestaat niet" if members is None else ", ".join(members) or "(geen leden)"
        installation.append((f"Rol {role}", shown))
    installation += [
        ("Pseudoniemsleutel", facts.key_source),
        ("Rechten sleutelbestand", facts.key_mode),
        ("Logbestanden", facts.log_folder),
    ]
    default = " (standaard)" if facts.retention_default else ""
    storage = [
        (
            "Bewaartermijn",
            f"{facts.retention_months} maanden na het einde van het schooljaar{default}",
        ),
        (
            "Oudste leerlinggegevens",
            f"schooljaar {facts.oldest.school_year}" if facts.oldest else "geen",
        ),
        ("Verzoeken tot verwijdering uitgevoerd", str(facts.removals)),
        ("Schooljaren opgeschoond", str(facts.purges)),
    ]
    years = [
        (
            str(y.school_year),
            f"{y.pupil_rows} leerlingrijen van {y.pupils} leerlingen, {y.aggregate_rows} "
            f"geaggregeerde rijen; eerste import {_day(y.first_import)}; bewaren tot "
            f"{_day(y.keep_until)}; "
            + (f"opgeschoond op {_day(y.purged_on)}" if y.purged_on else "niet opgeschoond")
            + (" — TERMIJN VERSTREKEN, schoon op" if y.overdue else ""),
        )
        for y in facts.years
    ]
    return [
        ("Installatie", installation),
        ("Bewaren", storage),
        ("Per schooljaar", years or [("", "geen gegevens")]),
    ]


def facts_text(facts: PrivacyFacts) -> str:
    out = ["Grensverkeer: feiten voor de functionaris gegevensbescherming", ""]
    for title, lines in facts_lines(facts):
        out.append(title)
        out += [f"  {label}: {value}" if label else f"  {value}" for label, value in lines]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _year_stats(db: Database) -> dict[int, tuple[int, int, int, date | None]]:
    r = PupilRecordRow
    synthetic = r.pseudonym.like(f"{MARKER}%") | r.pseudonym.like(f"{COUNT_ROW}%")
    query = (
        select(
            r.school_year,
            func.sum(case((synthetic, 0), else_=1)),
            func.count(func.distinct(case((synthetic, None), else_=r.pseudonym))),
            func.sum(case((synthetic, 1), else_=0)),
            func.min(ImportBatch.imported_at),
        )
        .join(ImportBatch, ImportBatch.id == r.import_id)
        .group_by(r.school_year)
    )
    with db.sessions() as session:
        return {
            year: (int(rows or 0), int(pupils or 0), int(aggregates or 0), _date(first))
            for year, rows, pupils, aggregates, first in session.execute(query)
        }


def _date(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    return as_utc(moment).astimezone().date()


def _day(day: date | None) -> str:
    return "—" if day is None else f"{day:%d-%m-%Y}"


def _database_user(db: Database) -> str:
    if db.engine.dialect.name != "postgresql":
        return ""
    with db.engine.connect() as connection:
        return str(connection.execute(text("SELECT current_user")).scalar() or "")


def _roles(db: Database) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    query = text(
        "SELECT r.rolname, ARRAY(SELECT m.rolname FROM pg_auth_members a JOIN pg_roles m "
        "ON m.oid = a.member WHERE a.roleid = r.oid ORDER BY m.rolname) "
        "FROM pg_roles r WHERE r.rolname IN ('grensverkeer_lezer', 'grensverkeer_schrijver')"
    )
    try:
        with db.engine.connect() as connection:
            found = {name: tuple(members) for name, members in connection.execute(query)}
    except SQLAlchemyError:
        found = {}
    return tuple((role, found.get(role)) for role in ROLES)


def _key_source() -> str:
    if os.environ.get(KEY_ENV) is not None:
        return f"omgevingsvariabele {KEY_ENV} (niet in een bestand op deze computer)"
    return f"bestand {key_file()}"


def _key_mode() -> str:
    if os.environ.get(KEY_ENV) is not None:
        return "n.v.t."
    return _file_mode(str(key_file()))


def _file_mode(path: str | None) -> str:
    if not path or path == ":memory:":
        return "n.v.t."
    try:
        mode = stat.S_IMODE(Path(path).stat().st_mode)
    except OSError:
        return "bestand bestaat (nog) niet"
    if os.name == "nt":
        return "Windows: bepaald door de rechten van de map"
    private = "alleen de eigenaar" if not mode & 0o077 else "OOK ANDEREN kunnen erbij"
    return f"{mode:03o} ({private})"
