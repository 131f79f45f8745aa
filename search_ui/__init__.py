"""Gonggao's web app: server-rendered search pages and a JSON API over Meilisearch.

Entry point: `search_ui.app.create_app(WebConfig(meili_url, search_key, index_name, hazard_labels,
catalog_url, archive_dir, next_runs, embed, facets, public_url, users))`; all but the first three are
optional. `facets` is the facet registry (search_ui/facets.py, one entry per facet); `public_url`
(GONGGAO_PUBLIC_URL) is the site's address for the absolute links of Atom feeds, else the Host
header's. Every route answers GET and HEAD; other methods get a 405 with `Allow: GET, HEAD`, but the saved
searches' routes, which also take POST (and PATCH / DELETE in the API). With `users` (GONGGAO_AUTH,
search_ui/auth.py) those ask for HTTP Basic credentials and show each user their own searches.
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
    GET /search/results       the results region of /search alone (chips, facets, results, charts): the
                              fragment app.js swaps in while the user types (instant results)
    GET /status               per source: last runs, errors by kind, next run, health, and the alert
                              deliveries of saved searches (failing ones with time and reason); twin /status.json
    GET /follow               the page behind a search's feed link: the Atom address to copy, a preview of
                              the newest entries, a form to save the search with e-mail / webhook alerts
    GET /saved                the saved searches (twin /saved.json); POST /saved saves one (a form);
    GET /saved/{search_id}    → its place on /saved; POST /saved/{search_id} renames it, changes its alerts
                              or deletes it (action=rename|alerts|delete). Form posts from other sites: 403
    GET /api/v1/saved-searches                   list; POST: save one (JSON body); /api/v1/saved-searches/{search_id}:
                                                 GET, PATCH (name, email, webhook_url, lang), DELETE
    GET /api/v1/search        the versioned API: also /api/v1/facets, /api/v1/doc/{doc_id} and
                              /api/v1/status; /api/search stays as an alias of /api/v1/search
    GET /healthz              200 {"status": "ok"} when Meilisearch answers, else 503
    GET /openapi.json         the API schema (no Swagger UI: it needs a CDN and inline script)
    GET /static/{path}        CSS, one small script, favicon

Catalog-backed parts (evidence, versions, archived copy, status) need WebConfig.catalog_url; without
it those parts are left out and /status says so.

Search parameters (/search, /search.json, /api/v1/search, /api/v1/facets, the exports and the feed),
described with their types and allowed values in /openapi.json (written from the facet registry):

    q            keywords; Traditional is converted to Simplified (matching runs on *_search). Words
                 that name a place, a time or a hazard become filters when the search still finds
                 something (understand.py; the answer's "understanding" says which; literal=1: never)
    region       "陕西省", "陕西省 > 安康市" or "陕西省 > 安康市 > 汉阴县"; parts pick region.lvl0/1/2;
                 repeatable, OR
    hazard       hazard code (config/hazards.yaml); repeatable, OR (hazard_mode=and: all of them)
    source_type, issuer_level, event_type   codes of config/vocabulary.py; repeatable, OR
    issuer, site issuer and site name (发布机构, 网站) as the documents write them; repeatable, OR
    safety=1     safety-related only
    year         four digits, 1900–2100; repeatable, OR
    copies       one (default: one result per reprint cluster) | all
    semantic=1   hybrid keyword + embedding search keeping the documents above a relevance floor
                 (search_ui/semantic.py); the page, API, exports and feed hold the same documents
    region_q     text typed into the region list's search box (finds regions by name; no effect on hits)
    from, to     YYYY-MM-DD (1900-01-01 to 2100-12-31), inclusive days in Asia/Shanghai, on published_at
    date         7d | 30d | this_year | last_year: counted back from today; with from/to, both apply
    in           title | doc_number: the words are matched in that field only
    sort         relevance | date (newest first) | date_asc; default: relevance with a query, date without
    page         1-based;  per_page 1–100 (default 20); numbers in ASCII digits (a full-width
                 page=１２ is a 400, not page 12)
    facet        restrict the facets counted to these facet attributes; repeatable (default all)

A search without hits also gets "zero": each filter with the hits without it, the nearest searches
(relax.py). Anything else, a value out of range, or parameters longer than 4,000 characters in all, is a 400
with {"error": "…"} (a friendly page on
HTML routes, which also ignore share-tracking parameters such as WeChat's from=singlemessage).
Meilisearch unreachable or refusing: 503 with a message, never a traceback.

Modules: app (factory, headers), routes_pages / routes_api / routes_export (thin views), service
(one data function per page), facets (the facet registry), parsing (one parameter value), query
and syntax (URL ↔ Meilisearch requests, pure), understand (query words → filters, pure) with lexicon
(its names: gazetteer, hazard taxonomy), relax (the searches next to one without hits, pure), openapi
(the schema's search parameters), runner (multi-search), semantic (the hybrid searches and their
floor), cache (answers of searches without words, until the index changes), highlight (safe <mark>
snippets, pure), timeline, china_grid (the province tile
map), export (CSV/XLSX/JSONL), feed (Atom), docpage (evidence, versions, reprints, citation),
archive (the sandboxed archived copy), status (crawl status), views (template contexts), i18n,
region_names (region names in English), schemas (OpenAPI shapes), web (shared helpers); saved searches:
routes_saved, saved (checks and shapes), schemas_saved, auth (GONGGAO_AUTH users), alerts/ (matching
new documents and delivering e-mail digests and webhooks).
"""
