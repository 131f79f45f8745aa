"""Tables of the catalog. Changes go through an Alembic migration in `migrations/versions/`."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    true,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("config", Text, nullable=False),          # the validated Source as JSON
    Column("updated_at", BigInteger, nullable=False),
)

pages = Table(
    "pages", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("source_id", String(64), nullable=False, index=True),
    Column("final_url", Text),
    Column("http_status", Integer),
    Column("content_type", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String(64)),
    Column("warc_file", Text),                       # the response as fetched: WARC file under <data>/warc
    Column("warc_offset", BigInteger),               # … and the record's offset in it
    Column("raw_headers", Text),                     # JSON
    Column("state", String(16), nullable=False),     # ok | skipped | error | removed
    Column("reason", Text),                          # why skipped / failed
    Column("first_seen", BigInteger, nullable=False),
    Column("fetched_at", BigInteger, nullable=False),
    Column("changed_at", BigInteger),
    Column("list_url", Text),                        # the list page this article was last seen on (vanish rule)
)

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("page_id", Integer, ForeignKey("pages.id"), nullable=False, index=True),
    Column("source_id", String(64), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False),
    Column("data", Text, nullable=False),            # the Document as JSON
    Column("status", String(16), nullable=False),    # live | edited | removed
    Column("version", Integer, nullable=False),
    Column("first_seen", BigInteger, nullable=False),
    Column("last_changed", BigInteger, nullable=False),
    # outbox: pending until the search index has this exact version
    Column("sync_pending", Boolean, nullable=False, default=True),
    Column("sync_error", Text),
    Column("synced_at", BigInteger),
    # reprint clustering: the cluster as last computed, and a flag set by every write of the document
    Column("cluster_id", String(64), index=True),
    Column("cluster_pending", Boolean, nullable=False, default=True, server_default=true(), index=True),
)
Index("ix_documents_sync_pending", documents.c.sync_pending)

# Attachments of pages (PDF, Office files, OFD), keyed by their URL: the text outlives re-crawls, so a
# 304 on the file or a new version of its page keeps it (indexer/store/attachments.py).
attachments = Table(
    "attachments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("parent_url", Text, nullable=False, index=True),   # the page that links it (pages.url)
    Column("source_id", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("content_type", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("text", Text),                            # the extracted text; NULL when unreadable
    Column("unreadable", Text),                      # why there is no text
    Column("warc_file", Text),
    Column("warc_offset", BigInteger),
    Column("fetched_at", BigInteger, nullable=False),
)

# What clustering compares, kept so an unchanged document is never re-sketched (indexer/reprints.py).
reprint_keys = Table(
    "reprint_keys", metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("signature", LargeBinary),                # rensa R-MinHash state; NULL when the body is too short
    Column("province", Text),
    Column("city", Text),
    Column("county", Text),
    Column("title_numbers", Text, nullable=False),   # the digit runs of the title, space separated
    Column("published_at", BigInteger),
    Column("first_seen", BigInteger),
    Column("source_type", String(16), nullable=False),
)

# Document vectors for semantic search, reused while the embedded text is unchanged (indexer/search_index/embed.py).
embeddings = Table(
    "embeddings", metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("model", String(64), nullable=False),
    Column("text_hash", String(64), nullable=False),
    Column("vector", LargeBinary, nullable=False),   # float32, little-endian
)

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", BigInteger, nullable=False),
)

crawl_runs = Table(
    "crawl_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(64), nullable=False, index=True),
    Column("started_at", BigInteger, nullable=False),
    Column("finished_at", BigInteger),
    Column("state", String(16), nullable=False),     # running | ok | failed
    Column("pages_fetched", Integer, nullable=False, default=0),
    Column("pages_unchanged", Integer, nullable=False, default=0),
    Column("docs_new", Integer, nullable=False, default=0),
    Column("docs_changed", Integer, nullable=False, default=0),
    Column("docs_removed", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("pid", Integer),
)

crawl_errors = Table(
    "crawl_errors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("crawl_runs.id"), index=True),
    Column("source_id", String(64), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("kind", String(32), nullable=False),      # dns | connect | timeout | http_4xx | http_5xx | not_html | extract | robots | ...
    Column("message", Text, nullable=False),
    Column("at", BigInteger, nullable=False),
)

# Live probes of sources (`gonggao sources check`, indexer/store/checks.py): the newest row of a
# source is its verdict on the status page; older rows say how many articles its lists held before.
source_checks = Table(
    "source_checks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(64), nullable=False, index=True),
    Column("checked_at", BigInteger, nullable=False),
    Column("verdict", String(16), nullable=False),   # ok | needs_attention | broken (config.vocabulary.CheckVerdict)
    Column("summary", Text, nullable=False),         # one line: why
    Column("articles", Integer, nullable=False),     # article links on the first page of its lists, summed
    Column("newest", String(10)),                    # the newest article date listed (YYYY-MM-DD)
    Column("report", Text, nullable=False),          # JSON: the probe of every list
)

# --- saved searches and their alerts (indexer/store/saved_searches.py) ---------------------------
# A saved search: its URL parameters under a name, per owner ("" on a single-user install). Alerts
# go to `email` and/or `webhook_url`; `watermark` is the first_seen (unix seconds) from which a
# catalog document counts as new for this search.
saved_searches = Table(
    "saved_searches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("query", Text, nullable=False),           # the search's query string, canonical (SearchParams.query_string)
    Column("email", Text),
    Column("webhook_url", Text),
    Column("lang", String(8), nullable=False, default="zh"),   # the language of its messages (zh | en)
    Column("watermark", BigInteger, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
)

# Every document an alert was made of, per search: a document is captured once per search, ever.
alert_matches = Table(
    "alert_matches", metadata,
    Column("search_id", Integer, ForeignKey("saved_searches.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String(64), primary_key=True),
    Column("delivery_batch", String(32), nullable=False),   # the capture it belongs to
    Column("found_at", BigInteger, nullable=False),
)

# One message to send: an e-mail digest or a webhook POST of one capture. Pending until the server
# took it (state "sent"); a failure keeps it pending with the reason and the time of the next try.
alert_deliveries = Table(
    "alert_deliveries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("search_id", Integer, ForeignKey("saved_searches.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("channel", String(16), nullable=False),   # email | webhook
    Column("target", Text, nullable=False),          # the address or URL at capture time
    Column("payload", Text, nullable=False),         # JSON: the search and its new documents, as captured
    Column("state", String(16), nullable=False),     # pending | sent
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", BigInteger, nullable=False),
    Column("next_attempt_at", BigInteger, nullable=False),
    Column("last_attempt_at", BigInteger),
    Column("failing_since", BigInteger),
    Column("last_error", Text),
    Column("sent_at", BigInteger),
)
Index("ix_alert_deliveries_state", alert_deliveries.c.state)
Index("ix_documents_first_seen", documents.c.first_seen)
