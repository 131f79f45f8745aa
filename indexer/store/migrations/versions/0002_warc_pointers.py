"""pages point at their WARC record instead of holding the bytes

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("warc_file", sa.Text(), nullable=True))
        batch.add_column(sa.Column("warc_offset", sa.BigInteger(), nullable=True))
        batch.drop_column("raw")


def downgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("raw", sa.LargeBinary(), nullable=True))
        batch.drop_column("warc_offset")
        batch.drop_column("warc_file")
