"""plan withdrawal: a plan is withdrawn (who, when, why), never deleted; one active per year

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-11
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ACTIVE = sa.text("withdrawn_at IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("withdrawn_by", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("withdrawn_reason", sa.String(length=1000), nullable=True))
        batch.drop_constraint("uq_plans_school_year", type_="unique")
    op.create_index(
        "uq_plans_active_school_year",
        "plans",
        ["school_year"],
        unique=True,
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )


def downgrade() -> None:
    # One plan per school year again: a withdrawn plan would count as valid (or clash with its
    # successor), so an older version cannot take a database that has one.
    withdrawn = op.get_bind().execute(
        sa.text("SELECT COUNT(*) FROM plans WHERE withdrawn_at IS NOT NULL")
    )
    if withdrawn.scalar():
        raise RuntimeError(
            "De database heeft ingetrokken plannen; die kent een oudere versie niet."
        )
    op.drop_index("uq_plans_active_school_year", table_name="plans")
    with op.batch_alter_table("plans") as batch:
        batch.create_unique_constraint("uq_plans_school_year", ["school_year"])
        batch.drop_column("withdrawn_reason")
        batch.drop_column("withdrawn_by")
        batch.drop_column("withdrawn_at")
