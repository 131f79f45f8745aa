"""reprint clusters (cluster column, clustering outbox, MinHash keys) and cached embeddings

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: a batch (copy-and-move) of `documents` would break the foreign keys onto it
    op.add_column("documents", sa.Column("cluster_id", sa.String(length=64), nullable=True))
    op.add_column("documents", sa.Column("cluster_pending", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_index("ix_documents_cluster_id", "documents", ["cluster_id"], unique=False)
    op.create_index("ix_documents_cluster_pending", "documents", ["cluster_pending"], unique=False)
    op.create_table(
        "reprint_keys",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("province", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("county", sa.Text(), nullable=True),
        sa.Column("title_numbers", sa.Text(), nullable=False),
        sa.Column("published_at", sa.BigInteger(), nullable=True),
        sa.Column("first_seen", sa.BigInteger(), nullable=True),
        sa.Column("source_type", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_reprint_keys_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_reprint_keys")),
    )
    op.create_table(
        "embeddings",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_embeddings_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_embeddings")),
    )


def downgrade() -> None:
    op.drop_table("embeddings")
    op.drop_table("reprint_keys")
    op.drop_index("ix_documents_cluster_pending", table_name="documents")
    op.drop_index("ix_documents_cluster_id", table_name="documents")
    op.drop_column("documents", "cluster_pending")
    op.drop_column("documents", "cluster_id")
