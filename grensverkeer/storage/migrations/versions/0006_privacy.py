"""privacy: an audit of removed pupils and purges, and the school years that were purged

Also copies the bundled membership and inhabitants tables into a database that does not have
them yet, as the program otherwise does on first use: a user who may only read (a PostgreSQL
role with SELECT only) can then use every page, since nothing is left to write on first use.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


META = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.String))
MEMBERSHIPS = sa.table(
    "memberships",
    sa.column("region", sa.String),
    sa.column("code", sa.String),
    sa.column("valid_from", sa.Date),
    sa.column("valid_to", sa.Date),
)
INHABITANTS = sa.table(
    "inhabitants",
    sa.column("code", sa.String),
    sa.column("year", sa.Integer),
    sa.column("count", sa.Integer),
)
REGION = "Haaglanden"  # services.years.membership.REGION, as it was at this revision


def upgrade() -> None:
    op.create_table(
        "privacy_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("happened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("db_user", sa.String(length=100), nullable=False),
        sa.Column("os_user", sa.String(length=100), nullable=False),
        sa.Column("school_years", sa.String(length=200), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_log")),
    )
    op.create_table(
        "purged_years",
        sa.Column("school_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("purged_by", sa.String(length=100), nullable=False),
        sa.Column("rows_before", sa.Integer(), nullable=False),
        sa.Column("rows_after", sa.Integer(), nullable=False),
        sa.Column("pupils", sa.Integer(), nullable=False),
        sa.Column("forced", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("school_year", name=op.f("pk_purged_years")),
    )
    _seed_defaults()


def _seed_defaults() -> None:
    """The bundled defaults, each with the marker ``services.years.seeding`` looks for, unless
    there."""
    import csv

    from grensverkeer.reference import load_reference
    from grensverkeer.resources import resources_dir

    bind = op.get_bind()
    present = set(bind.execute(sa.select(META.c.key)).scalars())
    if "lidmaatschap_gevuld" not in present:
        rows = [
            {"region": REGION, "code": m.code, "valid_from": m.valid_from, "valid_to": m.valid_to}
            for m in load_reference().memberships(REGION)
        ]
        if rows:
            op.bulk_insert(MEMBERSHIPS, rows)
        op.bulk_insert(META, [{"key": "lidmaatschap_gevuld", "value": "ja"}])
    if "inwoners_gevuld" not in present:
        path = resources_dir() / "reference" / "inwoners.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            counts = [
                {"code": r["code"], "year": int(r["jaar"]), "count": int(r["inwoners"])}
                for r in csv.DictReader(handle)
            ]
        if counts:
            op.bulk_insert(INHABITANTS, counts)
        op.bulk_insert(META, [{"key": "inwoners_gevuld", "value": "ja"}])


def downgrade() -> None:
    # A purged year's pupil rows are aggregates an older version would count as pupils; the
    # numbers stay right, so only the record of the purge itself goes.
    op.drop_table("purged_years")
    op.drop_table("privacy_log")
