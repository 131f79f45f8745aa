"""Request and response shapes of the saved-searches API (/api/v1/saved-searches), for the OpenAPI schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SavedSearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field("", description="The search's URL parameters, as after the ? of /search (e.g. region=陕西省&hazard=drowning)")
    name: str | None = Field(None, description="At most 100 characters; default: made from the search")
    email: str | None = Field(None, description="Where e-mail digests of new matches go (one address)")
    webhook_url: str | None = Field(None, description="Where new matches are POSTed as JSON (http or https)")
    lang: Literal["zh", "en"] | None = Field(None, description="Language of the alert messages (default: the interface's)")


class SavedSearchPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, description="A new name")
    email: str | None = Field(None, description="A new address; empty string: no e-mail alerts")
    webhook_url: str | None = Field(None, description="A new URL; empty string: no webhook")
    lang: Literal["zh", "en"] | None = None


class AlertState(BaseModel):
    last_sent_at: int | None = Field(description="When an alert of this search was last delivered (unix seconds)")
    pending: int = Field(description="Deliveries waiting to be sent")
    failing: int = Field(description="Pending deliveries that failed at least once (retried with backoff)")
    last_error: str | None


class SavedSearchOut(BaseModel):
    id: int
    name: str
    query: str
    url: str = Field(description="The search page of this search")
    feed_url: str = Field(description="Its Atom feed")
    email: str | None
    webhook_url: str | None
    lang: str
    created_at: int
    updated_at: int
    watermark: int = Field(description="Documents first seen from this time (unix seconds) on count as new")
    alerts: AlertState


class SavedSearchList(BaseModel):
    user: str | None = Field(description="The signed-in user (GONGGAO_AUTH); null on a single-user install")
    searches: list[SavedSearchOut]
