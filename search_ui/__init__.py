"""Gonggao's web app: server-rendered search pages and a JSON API over Meilisearch.

Entry point: `search_ui.app.create_app(WebConfig(meili_url, search_key, index_name, hazard_labels))`.
The app holds a search-only key; it never sees the master key.

Routes (every HTML page has a JSON twin, advertised with `Link: <…json>; rel="alternate"`):

    GET /                     the search page (same as /search)
    GET /search               HTML search page; works without JavaScript; ?lang=en|zh (kept in a cookie)
    GET /search.json          the same result as /api/search
    GET /api/search           JSON API, in the OpenAPI schema
    GET /doc/{doc_id}         one document: cleaned text, metadata, original link, fetch time
    GET /doc/{doc_id}.json    the document in the Document shape (indexer/models.py)
    GET /healthz              200 {"status": "ok"} when Meilisearch answers, else 503
    GET /openapi.json         the API schema (no Swagger UI: it needs a CDN and inline script)
    GET /static/{path}        CSS, one small script, favicon

Search parameters (/search, /search.json, /api/search):

    q            keywords; Traditional is converted to Simplified (matching runs on *_search)
    region       "陕西省", "陕西省 > 安康市" or "陕西省 > 安康市 > 汉阴县"; parts pick region.lvl0/1/2;
                 repeatable, OR
    hazard       hazard code (config/hazards.yaml); repeatable, OR
    source_type  gov | news | aggregator | epaper; repeatable, OR
    year         four digits; repeatable, OR
    from, to     YYYY-MM-DD, inclusive days in Asia/Shanghai, on published_at
    sort         relevance | date (newest first); default: relevance with a query, date without
    page         1-based;  per_page 1–100 (default 20)
    facet        restrict the facets counted: region.lvl0, region.lvl1, region.lvl2, hazards,
                 source_type, year; repeatable (default all)

Anything else, or a value out of range, is a 400 with {"error": "…"} (a friendly page on
HTML routes, which also ignore share-tracking parameters such as WeChat's from=singlemessage).
Meilisearch unreachable or refusing: 503 with a message, never a traceback.

Modules: app (factory, headers), routes_pages / routes_api (thin views), service (one data
function per page), query (URL ↔ Meilisearch requests, pure), highlight (safe <mark> snippets,
pure), views (template contexts), i18n, schemas (OpenAPI shapes), web (shared helpers).
"""
