"""attachments with their text; the list page each article was last seen on

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: a batch (copy-and-move) of `pages` would break the foreign keys onto it
    op.add_column("pages", sa.Column("list_url", sa.Text(), nullable=True))
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("parent_url", sa.Text(), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("unreadable", sa.Text(), nullable=True),
        sa.Column("warc_file", sa.Text(), nullable=True),
        sa.Column("warc_offset", sa.BigInteger(), nullable=True),
        sa.Column("fetched_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("url", name=op.f("uq_attachments_url")),
    )
    op.create_index("ix_attachments_parent_url", "attachments", ["parent_url"], unique=False)
    op.create_index("ix_attachments_source_id", "attachments", ["source_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_attachments_source_id", table_name="attachments")
    op.drop_index("ix_attachments_parent_url", table_name="attachments")
    op.drop_table("attachments")
    op.drop_column("pages", "list_url")
