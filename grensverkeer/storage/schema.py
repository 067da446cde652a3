"""The database schema: typed SQLAlchemy 2 mappings. Money is integer cents; no BSN, no name.

A pupil is kept as a keyed pseudonym plus what the settlement needs. Every row that came from a
file belongs to its import, so undoing an import is one cascading delete.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false, text

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ImportBatch(Base):
    """One imported file: what it was, when, and what came of it."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    school_year: Mapped[int | None] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    rows_read: Mapped[int] = mapped_column(Integer)
    rows_stored: Mapped[int] = mapped_column(Integer)
    rows_skipped: Mapped[int] = mapped_column(Integer)
    duplicates_merged: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)

    schools: Mapped[list[SchoolLocationRow]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", passive_deletes=True
    )
    pupils: Mapped[list[PupilRecordRow]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", passive_deletes=True
    )


class SchoolLocationRow(Base):
    __tablename__ = "school_locations"
    __table_args__ = (UniqueConstraint("import_id", "brin", "vestiging"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    brin: Mapped[str] = mapped_column(String(4), index=True)
    vestiging: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(300))
    place: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(6))
    types: Mapped[str] = mapped_column(String(40))

    batch: Mapped[ImportBatch] = relationship(back_populates="schools")


class PupilRecordRow(Base):
    """One enrolment of a pupil.

    No secondary indexes, on purpose: every query reads a whole school year (the matrix
    counts distinct pupils over all of it), where a scan of a few hundred thousand rows costs
    less than keeping indexes up to date while importing 100,000 rows.
    """

    __tablename__ = "pupil_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    school_year: Mapped[int] = mapped_column(Integer)
    pseudonym: Mapped[str] = mapped_column(String(32))
    residence: Mapped[str] = mapped_column(String(6))
    brin: Mapped[str] = mapped_column(String(4))
    vestiging: Mapped[str] = mapped_column(String(2))
    school_municipality: Mapped[str] = mapped_column(String(6))
    edu_type: Mapped[str] = mapped_column(String(3))
    arrangement: Mapped[str] = mapped_column(String(100), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    cost_cents: Mapped[int | None] = mapped_column(BigInteger)
    source_sheet: Mapped[str] = mapped_column(String(200), default="")
    source_row: Mapped[int] = mapped_column(Integer, default=0)
    #: a DUO count row stands for this many pupils (at least), a pupil record for one
    pupil_count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: how many more a masked count ("<5") may stand for
    uncertain: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    batch: Mapped[ImportBatch] = relationship(back_populates="pupils")


class SchoolYearRow(Base):
    """Per school year settings: the peildatum decides who counts, the options how much."""

    __tablename__ = "school_years"

    start_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    peildatum: Mapped[date] = mapped_column(Date)
    actual_cost: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    pro_rata: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class TariffRow(Base):
    """The agreed amount per pupil per school year for an onderwijstype, optionally per
    arrangement (an empty arrangement is the type's general tariff)."""

    __tablename__ = "tariffs"
    __table_args__ = (UniqueConstraint("school_year", "edu_type", "arrangement"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[int] = mapped_column(Integer)
    edu_type: Mapped[str] = mapped_column(String(3))
    arrangement: Mapped[str] = mapped_column(String(100), default="")
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class MembershipRow(Base):
    """Region membership over time; users edit it, the bundled table is the default."""

    __tablename__ = "memberships"

    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(50))
    code: Mapped[str] = mapped_column(String(6))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class InhabitantsRow(Base):
    """Inhabitants of a municipality on 1 January of a year, for pooled cost splits."""

    __tablename__ = "inhabitants"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(Integer)


#: a plan counts until it is withdrawn; only such plans are unique per school year
ACTIVE_PLAN = text("withdrawn_at IS NULL")


class PlanRow(Base):
    """A finalised (vastgesteld) settlement plan: immutable, with the inputs it was computed
    from and a sha256 over them. It is never deleted, only withdrawn (who, when, why), and
    stays readable. One active plan per school year; the partial unique index is what makes
    two users finalising at once end with exactly one."""

    __tablename__ = "plans"
    __table_args__ = (
        Index(
            "uq_plans_active_school_year",
            "school_year",
            unique=True,
            sqlite_where=ACTIVE_PLAN,
            postgresql_where=ACTIVE_PLAN,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))
    centre: Mapped[str | None] = mapped_column(String(20))
    threshold_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    finalized_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finalized_by: Mapped[str] = mapped_column(String(100), default="")
    inputs: Mapped[dict[str, object]] = mapped_column(JSON)
    result: Mapped[dict[str, object]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_by: Mapped[str | None] = mapped_column(String(100))
    withdrawn_reason: Mapped[str | None] = mapped_column(String(1000))


class ColumnMappingRow(Base):
    """A user's named column mapping for files whose headers are not recognised."""

    __tablename__ = "column_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    # field: its header; the ignored headers under Field.IGNORED as a list
    columns: Mapped[dict[str, str | list[str]]] = mapped_column(JSON)


class MetaRow(Base):
    """Small facts about the database itself, such as the pseudonym key's fingerprint."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


# Tables declared in their own modules, so Base.metadata (Alembic, the tests) sees them all.
from grensverkeer.storage import alias_schema, privacy_schema  # noqa: E402, F401
