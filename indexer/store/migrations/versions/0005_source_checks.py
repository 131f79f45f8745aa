"""live probes of sources (`gonggao sources check`): one row per source per check

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("checked_at", sa.BigInteger(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("newest", sa.String(length=10), nullable=True),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_checks")),
    )
    op.create_index("ix_source_checks_source_id", "source_checks", ["source_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_source_checks_source_id", table_name="source_checks")
    op.drop_table("source_checks")
