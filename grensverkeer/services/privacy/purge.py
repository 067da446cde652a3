"""Purging a finished school year: the pupils go, every number of the year stays the same.

Counting (``grensverkeer.counting``) looks at each pupil's records together: on the peildatum
one record per pseudonym counts, naar rato a pupil's identical records count once. So the
purge groups the *pupils* of the year whose records are all alike (same residence, school
location, type, arrangement, dates, cost and import) and keeps, per group, those records once
under a marker that belongs to no BSN (``~`` and random characters), each with ``pupil_count``
times the group's size. Counting such a group gives exactly what counting its pupils one by one
gave, under every peildatum and option, so the matrix, filters, settlement, analysis, export
and documents do not change. DUO count rows (``#``) are aggregates already and stay as they are.

Most pupils have one record, so a year of thousands of pupils becomes a few hundred rows; a
pupil whose records are unlike anyone else's stays one row group, no longer linked to a BSN.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from grensverkeer import formatting
from grensverkeer.errors import PURGE_ANYWAY, GrensverkeerError, Hint
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.plans.finalized_plans import finalized_plan
from grensverkeer.services.privacy.pupil_requests import PURGED, log_entry
from grensverkeer.storage.database import Database, exclusive
from grensverkeer.storage.privacy_schema import PurgedYearRow
from grensverkeer.storage.read_only import require_write
from grensverkeer.storage.schema import PupilRecordRow
from grensverkeer.who_when import as_utc, os_user

MARKER = "~"  # pseudonym of a purged group: no BSN gives it (a pseudonym is hexadecimal)
COUNT_ROW = "#"  # a DUO count row: an aggregate from the start

_CONTENT = (
    "import_id",
    "residence",
    "brin",
    "vestiging",
    "school_municipality",
    "edu_type",
    "arrangement",
    "start_date",
    "end_date",
    "cost_cents",
    "pupil_count",
    "uncertain",
)


@dataclass(frozen=True, slots=True)
class Purge:
    """What a purge removed and kept (or would, with ``dry_run``)."""

    school_year: SchoolYear
    pupils: int  # pupils (pseudonyms) whose rows went
    pupil_rows: int  # their rows
    kept_rows: int  # aggregate rows that replace them
    count_rows: int  # DUO count rows, kept as they were
    plan_id: int | None
    forced: bool
    dry_run: bool
    purged_at: datetime | None


@dataclass(frozen=True, slots=True)
class PurgedYear:
    school_year: SchoolYear
    purged_at: datetime
    purged_by: str
    rows_before: int
    rows_after: int
    pupils: int
    forced: bool

    @property
    def purged_on(self) -> date:
        return self.purged_at.astimezone().date()


def purge_year(
    db: Database,
    year: SchoolYear,
    *,
    force: bool = False,
    dry_run: bool = False,
    by: str | None = None,
) -> Purge:
    """Replace the year's pupil rows by aggregates, in one transaction with an audit entry.

    A year without a finalised plan is refused unless ``force``: its numbers may still be
    questioned, and then the pupils are needed. ``dry_run`` counts and changes nothing.
    """
    if dry_run:
        return _purge(db, db, year, force, dry_run, by)
    require_write(db.engine)
    with exclusive(db) as view:
        return _purge(db, view, year, force, dry_run, by)


def _purge(
    db: Database, view: Database, year: SchoolYear, force: bool, dry_run: bool, by: str | None
) -> Purge:
    plan = finalized_plan(view, year)
    if plan is None and not force and not dry_run:
        raise GrensverkeerError(
            f"Schooljaar {year} heeft geen vastgesteld plan; de leerlinggegevens zijn dan nog "
            "nodig als iemand de cijfers wil nagaan. Stel eerst een plan vast, of kies er "
            "bewust voor toch op te schonen.",
            Hint(PURGE_ANYWAY),
        )
    with view.sessions() if dry_run else view.sessions.begin() as session:
        rows = _year_rows(session, year)
        count_rows = sum(1 for r in rows if _pseudonym(r).startswith(COUNT_ROW))
        pupil_rows = [r for r in rows if _is_pupil(_pseudonym(r))]
        if not pupil_rows:
            raise GrensverkeerError(_nothing_left(session, year))
        groups = _groups(year, pupil_rows)
        kept = [record for signature in groups for record in signature]
        result = Purge(
            year,
            len({r["pseudonym"] for r in pupil_rows}),
            len(pupil_rows),
            len(kept),
            count_rows,
            None if plan is None else plan.id,
            plan is None,
            dry_run,
            None,
        )
        if dry_run:
            return result
        now = datetime.now(UTC)
        session.execute(
            delete(PupilRecordRow).where(
                PupilRecordRow.school_year == year.start_year,
                PupilRecordRow.pseudonym.not_like(f"{COUNT_ROW}%"),
                PupilRecordRow.pseudonym.not_like(f"{MARKER}%"),
            )
        )
        session.execute(insert(PupilRecordRow), _new_rows(year, groups))
        _remember(session, year, result, now, by)
        reason = (
            f"leerlinggegevens opgeschoond na vaststelling van plan {plan.id}"
            if plan is not None
            else "leerlinggegevens opgeschoond zonder vastgesteld plan (bewust gekozen)"
        )
        session.add(log_entry(session, PURGED, (year,), len(pupil_rows), reason, by))
    return replace(result, purged_at=now)


def purged_years(db: Database) -> dict[SchoolYear, PurgedYear]:
    with db.sessions() as session:
        rows = session.scalars(select(PurgedYearRow).order_by(PurgedYearRow.school_year)).all()
        return {
            SchoolYear(r.school_year): PurgedYear(
                SchoolYear(r.school_year),
                as_utc(r.purged_at),
                r.purged_by,
                r.rows_before,
                r.rows_after,
                r.pupils,
                r.forced,
            )
            for r in rows
        }


def purged_year(db: Database, year: SchoolYear) -> PurgedYear | None:
    """The purge of ``year``, if any: the window's drill-down says the rows went on that date."""
    return purged_years(db).get(year)


def purged_refusal(db: Database, year: SchoolYear) -> str | None:
    """For the importer: new pupils in a purged year could not be matched with the pupils
    already counted there (they have no pseudonym any more), so a pupil could count twice.
    The reason to refuse the file, or None when the year was not purged."""
    purged = purged_year(db, year)
    if purged is None:
        return None
    return (
        f"de leerlinggegevens van schooljaar {year} zijn verwijderd op "
        f"{formatting.short_date(purged.purged_on)} (opgeschoond); nieuwe leerlingen zijn dan "
        "niet met de getelde te vergelijken en zouden dubbel kunnen tellen"
    )


def _pseudonym(row: dict[str, object]) -> str:
    pseudonym = row["pseudonym"]
    assert isinstance(pseudonym, str)  # a NOT NULL text column
    return pseudonym


def _year_rows(session: Session, year: SchoolYear) -> list[dict[str, object]]:
    columns = [getattr(PupilRecordRow, name) for name in ("pseudonym", *_CONTENT)]
    query = (
        select(*columns)
        .where(PupilRecordRow.school_year == year.start_year)
        .order_by(PupilRecordRow.id)
    )
    rows = [dict(row._mapping) for row in session.execute(query)]
    for row in rows:
        row["arrangement"] = row["arrangement"] or ""
    return rows


def _is_pupil(pseudonym: str) -> bool:
    return not pseudonym.startswith((COUNT_ROW, MARKER))


Content = tuple[object, ...]


def _groups(year: SchoolYear, rows: list[dict[str, object]]) -> dict[tuple[Content, ...], int]:
    """Pupils with exactly the same records (as a multiset) → how many such pupils."""
    per_pupil: dict[str, list[Content]] = {}
    for row in rows:
        content = tuple(row[name] for name in _CONTENT)
        per_pupil.setdefault(str(row["pseudonym"]), []).append(content)
    groups: dict[tuple[Content, ...], int] = {}
    for contents in per_pupil.values():
        if len(contents) == 1:
            contents = [_within(year, contents[0])]
        signature = tuple(sorted(contents, key=repr))
        groups[signature] = groups.get(signature, 0) + 1
    return dict(sorted(groups.items(), key=lambda item: repr(item[0])))


_START, _END = _CONTENT.index("start_date"), _CONTENT.index("end_date")


def _within(year: SchoolYear, content: Content) -> Content:
    """A pupil's only record with its dates cut to the school year: a start before 1 August
    counts as no start, an end after 31 July as no end, for every peildatum (which lies in the
    year) and naar rato (which cuts to the year itself). So pupils enrolled all year, whatever
    their dates, fall in one group. With two records the earlier start decides which counts on
    the peildatum, so those keep their dates."""
    start, end = content[_START], content[_END]
    assert isinstance(start, date | None) and isinstance(end, date | None)
    if not year.overlaps(start, end):
        return content
    cut = list(content)
    if start is not None and start <= year.first_day:
        cut[_START] = None
    if end is not None and end >= year.last_day:
        cut[_END] = None
    return tuple(cut)


def _new_rows(year: SchoolYear, groups: dict[tuple[Content, ...], int]) -> list[dict[str, object]]:
    rows = []
    for signature, size in groups.items():
        marker = MARKER + secrets.token_hex(15)
        for content in signature:
            row = dict(zip(_CONTENT, content, strict=True))
            pupils, uncertain = row["pupil_count"], row["uncertain"]
            assert isinstance(pupils, int) and isinstance(uncertain, int)  # integer columns
            row["pupil_count"] = pupils * size
            row["uncertain"] = uncertain * size
            row.update(school_year=year.start_year, pseudonym=marker, source_sheet="", source_row=0)
            rows.append(row)
    return rows


def _remember(
    session: Session, year: SchoolYear, purge: Purge, now: datetime, by: str | None
) -> None:
    row = session.get(PurgedYearRow, year.start_year)
    if row is None:
        row = PurgedYearRow(school_year=year.start_year, rows_before=0, rows_after=0, pupils=0)
        session.add(row)
    row.purged_at = now
    row.purged_by = (by or os_user())[:100]
    row.rows_before = (row.rows_before or 0) + purge.pupil_rows
    row.rows_after = (row.rows_after or 0) + purge.kept_rows
    row.pupils = (row.pupils or 0) + purge.pupils
    row.forced = bool(row.forced) or purge.forced


def _nothing_left(session: Session, year: SchoolYear) -> str:
    done = session.get(PurgedYearRow, year.start_year)
    if done is not None:
        return (
            f"De leerlinggegevens van schooljaar {year} zijn al verwijderd op "
            f"{as_utc(done.purged_at).astimezone():%d-%m-%Y}; er is niets meer op te schonen."
        )
    return f"Schooljaar {year} heeft geen leerlinggegevens; er is niets op te schonen."
