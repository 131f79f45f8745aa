"""The OpenAPI schema: FastAPI's own, with the parameters of every search route written from the
facet registry (search_ui/facets.py) and query.CORE_PARAMS.

The search routes read the raw query string (one parser for the HTML page, the API and the exports,
so every problem is a 400 with a message, never FastAPI's 422), so FastAPI cannot see their
parameters; a route asks for them with `openapi_extra=SEARCH` (or EXPORT, which adds `lang`:
the language of the error page a browser gets).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from search_ui.facets import FacetRegistry
from search_ui.i18n import LANGS
from search_ui.query import CORE_PARAMS

KEY = "x-gonggao-parameters"
SEARCH = {KEY: "search"}
EXPORT = {KEY: "export"}
TABLE = {KEY: "table"}


def parameters(registry: FacetRegistry, with_lang: bool = False, with_full: bool = False) -> list[dict[str, Any]]:
    """The OpenAPI parameter objects of a search with this registry's facets."""
    out = []
    for param in CORE_PARAMS:
        schema = param.schema
        if param.name == "facet":                       # its values are the registry's attributes
            schema = {**schema, "enum": list(registry.attributes)}
        if param.repeatable:
            schema = {"type": "array", "items": schema}
        out.append({"name": param.name, "in": "query", "required": False, "description": param.description,
                    "schema": schema, **({"style": "form", "explode": True} if param.repeatable else {})})
    out += [p for facet in registry for p in facet.parameters()]
    if with_lang:
        out.append({"name": "lang", "in": "query", "required": False, "schema": {"type": "string", "enum": list(LANGS)},
                    "description": "Language of the headers and labels (zh default, en), and of the error page a browser gets"})
    if with_full:
        out.append({"name": "full", "in": "query", "required": False, "schema": {"type": "string", "enum": ["0", "1"]},
                    "description": "1: add each document's text (the `body` column of CSV and XLSX; JSON Lines always has it)"})
    return out


def install(app: FastAPI, registry: FacetRegistry) -> None:
    """Make `app.openapi()` write the search parameters of `registry` into the marked routes."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    kind = operation.pop(KEY, None)
                    if kind:
                        operation["parameters"] = parameters(registry, with_lang=kind in ("export", "table"),
                                                             with_full=kind == "table")
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
