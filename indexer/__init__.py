"""Page → document (decode, extract, clean, enrich), the catalog, and the Meilisearch sync."""
