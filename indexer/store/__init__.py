"""The catalog: the source of truth (sources, pages, documents, versions, crawl runs, outbox).

SQLite in the data directory by default, PostgreSQL by `GONGGAO_DATABASE_URL`. The search index
is a cache of it: `gonggao index rebuild` recreates the index from here alone.
"""
