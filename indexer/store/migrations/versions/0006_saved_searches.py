"""saved searches, the documents their alerts were made of, and the deliveries (e-mail, webhook)

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("webhook_url", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=False, server_default="zh"),
        sa.Column("watermark", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
    )
    op.create_index("ix_saved_searches_owner", "saved_searches", ["owner"], unique=False)
    op.create_table(
        "alert_matches",
        sa.Column("search_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("delivery_batch", sa.String(length=32), nullable=False),
        sa.Column("found_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["search_id"], ["saved_searches.id"], ondelete="CASCADE",
                                name=op.f("fk_alert_matches_search_id_saved_searches")),
        sa.PrimaryKeyConstraint("search_id", "document_id", name=op.f("pk_alert_matches")),
    )
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("search_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("next_attempt_at", sa.BigInteger(), nullable=False),
        sa.Column("last_attempt_at", sa.BigInteger(), nullable=True),
        sa.Column("failing_since", sa.BigInteger(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["search_id"], ["saved_searches.id"], ondelete="CASCADE",
                                name=op.f("fk_alert_deliveries_search_id_saved_searches")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_deliveries")),
    )
    op.create_index("ix_alert_deliveries_search_id", "alert_deliveries", ["search_id"], unique=False)
    op.create_index("ix_alert_deliveries_state", "alert_deliveries", ["state"], unique=False)
    # new documents are found by first_seen after a watermark
    op.create_index("ix_documents_first_seen", "documents", ["first_seen"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_documents_first_seen", table_name="documents")
    op.drop_index("ix_alert_deliveries_state", table_name="alert_deliveries")
    op.drop_index("ix_alert_deliveries_search_id", table_name="alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_table("alert_matches")
    op.drop_index("ix_saved_searches_owner", table_name="saved_searches")
    op.drop_table("saved_searches")
