"""Saved searches as the pages and the API see them: checking what a user sends, and the shapes shown.

A saved search stores its search as the canonical query string of `SearchParams` (the same the
search page's links use, without paging and the region-list box), so two spellings of one search
are one search and an old link keeps working when it is opened from the list.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl

from config.errors import BadInput, NotFound
from indexer.store.saved_searches import SavedSearch, SavedSearches, SearchAlertState
from search_ui.alerts.targets import check_email, check_webhook_url
from search_ui.facets import FacetRegistry
from search_ui.i18n import LANGS, Translator
from search_ui.parsing import REGION_SEPARATOR
from search_ui.query import DEFAULT_PER_PAGE, SearchParams, parse_params, strip_share_noise

MAX_NAME_CHARS = 100
MAX_SEARCHES_PER_OWNER = 200
FIELDS = frozenset({"name", "query", "email", "webhook_url", "lang"})


class UnknownSavedSearch(NotFound):
    pass


def now() -> int:
    return int(time.time())


def canonical_query(query: str, registry: FacetRegistry) -> tuple[str, SearchParams]:
    """The search's canonical query string (BadInput with the search page's message if invalid)."""
    pairs = [(k, v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True) if k != "lang"]
    params = parse_params(strip_share_noise(pairs), registry=registry)
    params = replace(params, page=1, per_page=DEFAULT_PER_PAGE, region_q="", facets=())
    return params.query_string(), params


def default_name(params: SearchParams, t: Translator) -> str:
    """A name that says what the search is: its words, regions and hazards ("防溺水 + 汉阴县 + 防溺水")."""
    parts = [params.q] if params.q else []
    parts += [t.region(r.rsplit(REGION_SEPARATOR, 1)[-1]) for r in params.values("region")]
    parts += [t.hazard(h) for h in params.values("hazard")] + [str(y) for y in params.values("year")]
    return (" + ".join(parts) or t("saved_default_name"))[:MAX_NAME_CHARS]


def check_name(value: str) -> str:
    name = " ".join(value.split())
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in name):
        raise BadInput("'name' must not contain control characters")
    if not name:
        raise BadInput("'name' must not be empty")
    if len(name) > MAX_NAME_CHARS:
        raise BadInput(f"'name' is too long ({len(name)} characters; at most {MAX_NAME_CHARS})")
    return name


def check_lang(value: str) -> str:
    if value not in LANGS:
        raise BadInput(f"'lang' must be one of {', '.join(LANGS)}, got {value!r}")
    return value


def check_fields(data: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, str]:
    """Only known fields, each a string."""
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise BadInput(f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(FIELDS))}")
    for name in required:
        if name not in data:
            raise BadInput(f"{name!r} is required")
    for name, value in data.items():
        if value is not None and not isinstance(value, str):
            raise BadInput(f"{name!r} must be a string")
    return {k: v or "" for k, v in data.items()}


def create(store: SavedSearches, owner: str, data: dict[str, Any], registry: FacetRegistry, *,
           public_webhooks_only: bool, t: Translator) -> SavedSearch:
    fields = check_fields(data)
    query, params = canonical_query(fields.get("query", ""), registry)
    if len(store.of_owner(owner)) >= MAX_SEARCHES_PER_OWNER:
        raise BadInput(f"at most {MAX_SEARCHES_PER_OWNER} saved searches per user; delete some first")
    return store.create(
        owner, check_name(fields.get("name") or default_name(params, t)), query,
        email=check_email(fields.get("email", "")),
        webhook_url=check_webhook_url(fields.get("webhook_url", ""), public_only=public_webhooks_only),
        lang=check_lang(fields.get("lang") or t.lang), now=now())


def update(store: SavedSearches, owner: str, search_id: int, data: dict[str, Any], *, public_webhooks_only: bool) -> SavedSearch:
    """Rename, or change where alerts go (a field left out is kept; an empty one is cleared)."""
    fields = check_fields(data)
    if "query" in fields:
        raise BadInput("the search of a saved search cannot change; save the new search under its own name")
    changes: dict[str, Any] = {}
    if "name" in fields:
        changes["name"] = check_name(fields["name"])
    if "email" in fields:
        changes["email"] = check_email(fields["email"])
    if "webhook_url" in fields:
        changes["webhook_url"] = check_webhook_url(fields["webhook_url"], public_only=public_webhooks_only)
    if "lang" in fields:
        changes["lang"] = check_lang(fields["lang"])
    found = store.update(owner, search_id, now=now(), **changes) if changes else store.get(owner, search_id)
    if found is None:
        raise UnknownSavedSearch(f"no saved search with id {search_id}")
    return found


def get(store: SavedSearches, owner: str, search_id: int) -> SavedSearch:
    found = store.get(owner, search_id)
    if found is None:
        raise UnknownSavedSearch(f"no saved search with id {search_id}")
    return found


def delete(store: SavedSearches, owner: str, search_id: int) -> None:
    if not store.delete(owner, search_id):
        raise UnknownSavedSearch(f"no saved search with id {search_id}")


@dataclass
class SavedView:
    """One saved search on the list page and in the API."""

    search: SavedSearch
    alerts: SearchAlertState

    @property
    def url(self) -> str:
        return "/search" + (f"?{self.search.query}" if self.search.query else "")

    @property
    def feed_url(self) -> str:
        return "/search.atom" + (f"?{self.search.query}" if self.search.query else "")

    def to_json(self) -> dict[str, Any]:
        s, a = self.search, self.alerts
        return {
            "id": s.id, "name": s.name, "query": s.query, "url": self.url, "feed_url": self.feed_url,
            "email": s.email, "webhook_url": s.webhook_url, "lang": s.lang,
            "created_at": s.created_at, "updated_at": s.updated_at, "watermark": s.watermark,
            "alerts": {"last_sent_at": a.last_sent_at, "pending": a.pending, "failing": a.failing,
                       "last_error": a.last_error},
        }


def views(store: SavedSearches, owner: str) -> list[SavedView]:
    return [SavedView(s, store.alert_state(s.id)) for s in store.of_owner(owner)]
