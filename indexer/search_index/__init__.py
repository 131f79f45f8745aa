"""Everything that talks to Meilisearch: the managed process, keys, settings, sync and reads.

The `meilisearch` client is imported only inside this package.
"""
