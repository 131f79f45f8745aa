"""Gonggao's web app: server-rendered search pages and a JSON API over Meilisearch.

Entry point: `search_ui.app.create_app(WebConfig(meili_url, search_key, index_name, hazard_labels,
catalog_url, archive_dir, next_runs, embed, facets, public_url))`; all but the first three are
optional. `facets` is the facet registry (search_ui/facets.py, one entry per facet); `public_url`
(GONGGAO_PUBLIC_URL) is the site's address for the absolute links of Atom feeds, else the Host
header's. Every route answers GET and HEAD; other methods get a 405 with `Allow: GET, HEAD`.
The app holds a search-only key; it never sees the master key.

Routes (every HTML page has a JSON twin, advertised with `Link: <…json>; rel="alternate"`):

    GET /                     the search page (same as /search)
    GET /search               HTML search page; works without JavaScript; ?lang=en|zh (kept in a cookie).
                              Results first, then the province tile map and the timeline (sent last:
                              the page streams, so results never wait for the chart's searches)
    GET /search.json          the same result as /api/v1/search
    GET /search.csv           every hit of the search as CSV (UTF-8 with BOM); also /search.xlsx and
                              /search.jsonl; at most 10,000 hits (above, a 400 that says so); streamed;
                              headers and labels in the interface language (lang=en), code columns
                              after them, document and archive links; full=1 adds the text
    GET /timeline.csv         the search page's timeline as CSV: documents per period and per hazard
    GET /search.atom          Atom feed of the search, newest 50, stable tag: ids
    GET /doc/{doc_id}         one document: text (query highlighted), metadata, evidence, reprints,
                              citation, versions and diff, the archived copy in a sandboxed frame
    GET /doc/{doc_id}.json    the Document shape (indexer/models.py) plus "context" (the page's extras)
    GET /archive/{doc_id}     the page as fetched (WARC), under CSP `sandbox; default-src 'none'`
    GET /status               per source: last runs, errors by kind, next run, health; twin /status.json
    GET /api/v1/search        the versioned API: also /api/v1/facets, /api/v1/doc/{doc_id} and
                              /api/v1/status; /api/search stays as an alias of /api/v1/search
    GET /healthz              200 {"status": "ok"} when Meilisearch answers, else 503
    GET /openapi.json         the API schema (no Swagger UI: it needs a CDN and inline script)
    GET /static/{path}        CSS, one small script, favicon

Catalog-backed parts (evidence, versions, archived copy, status) need WebConfig.catalog_url; without
it those parts are left out and /status says so.

Search parameters (/search, /search.json, /api/v1/search, /api/v1/facets, the exports and the feed),
described with their types and allowed values in /openapi.json (written from the facet registry):

    q            keywords; Traditional is converted to Simplified (matching runs on *_search)
    region       "陕西省", "陕西省 > 安康市" or "陕西省 > 安康市 > 汉阴县"; parts pick region.lvl0/1/2;
                 repeatable, OR
    hazard       hazard code (config/hazards.yaml); repeatable, OR (hazard_mode=and: all of them)
    source_type, issuer_level, event_type   codes of config/vocabulary.py; repeatable, OR
    safety=1     safety-related only
    year         four digits, 1900–2100; repeatable, OR
    copies       one (default: one result per reprint cluster) | all
    semantic=1   hybrid keyword + embedding search keeping the documents above a relevance floor
                 (search_ui/semantic.py); the page, API, exports and feed hold the same documents
    region_q     text typed into the region list's search box (finds regions by name; no effect on hits)
    from, to     YYYY-MM-DD (1900-01-01 to 2100-12-31), inclusive days in Asia/Shanghai, on published_at
    sort         relevance | date (newest first); default: relevance with a query, date without
    page         1-based;  per_page 1–100 (default 20); numbers in ASCII digits (a full-width
                 page=１２ is a 400, not page 12)
    facet        restrict the facets counted to these facet attributes; repeatable (default all)

Anything else, a value out of range, or parameters longer than 4,000 characters in all, is a 400
with {"error": "…"} (a friendly page on
HTML routes, which also ignore share-tracking parameters such as WeChat's from=singlemessage).
Meilisearch unreachable or refusing: 503 with a message, never a traceback.

Modules: app (factory, headers), routes_pages / routes_api / routes_export (thin views), service
(one data function per page), facets (the facet registry), parsing (one parameter value), query
and syntax (URL ↔ Meilisearch requests, pure), openapi (the schema's search parameters), runner
(multi-search), semantic (the hybrid searches and their floor), highlight (safe <mark> snippets, pure), timeline, china_grid (the province tile
map), export (CSV/XLSX/JSONL), feed (Atom), docpage (evidence, versions, reprints, citation),
archive (the sandboxed archived copy), status (crawl status), views (template contexts), i18n,
schemas (OpenAPI shapes), web (shared helpers).
"""
