"""pupil counts: a DUO count row stands for several pupils; costs up to 64 bits

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pupil_records") as batch:
        batch.add_column(sa.Column("pupil_count", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("uncertain", sa.Integer(), nullable=False, server_default="0"))
        batch.alter_column("cost_cents", type_=sa.BigInteger(), existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("pupil_records") as batch:
        batch.alter_column("cost_cents", type_=sa.Integer(), existing_nullable=True)
        batch.drop_column("uncertain")
        batch.drop_column("pupil_count")
