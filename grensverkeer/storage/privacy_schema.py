"""What the privacy functions keep: an audit of removals and purges, and the purged years.

Kept apart from ``schema.py`` so the privacy feature is one place; ``schema.py`` imports this
module at its end, so ``Base.metadata`` (Alembic, the migration test) always sees the tables.
Neither table holds a BSN or a pseudonym: only when, who, how many and why.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false

from grensverkeer.storage.schema import Base


class PrivacyLogRow(Base):
    """One removal of a pupil's records or one purge of a school year (the audit trail)."""

    __tablename__ = "privacy_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    happened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(20))  # "verwijderd" or "opgeschoond"
    db_user: Mapped[str] = mapped_column(String(100), default="")
    os_user: Mapped[str] = mapped_column(String(100), default="")
    school_years: Mapped[str] = mapped_column(String(200), default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(1000), default="")


class PurgedYearRow(Base):
    """A school year whose pupil rows were replaced by aggregates: counts stay, pupils go."""

    __tablename__ = "purged_years"

    school_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    purged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    purged_by: Mapped[str] = mapped_column(String(100), default="")
    rows_before: Mapped[int] = mapped_column(Integer, default=0)
    rows_after: Mapped[int] = mapped_column(Integer, default=0)
    pupils: Mapped[int] = mapped_column(Integer, default=0)
    forced: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
