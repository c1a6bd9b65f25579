"""The embedder interface: everything downstream (index, retrieval) sees only this."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

import numpy as np


class Embedder(ABC):
    """Turns queries and passages into L2-normalised float32 vectors.

    Backends add their own prefixes (e5's ``query: `` / ``passage: ``) so callers pass plain text.
    """

    name: str
    dim: int
    max_tokens: int

    @abstractmethod
    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32 vectors of search queries."""

    @abstractmethod
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32 vectors of passages."""

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for ``text`` as a passage, prefix and special tokens included."""

    def cache_key(self) -> str:
        """Identifies the vectors this embedder produces (model, prefixes, options) for the cache."""
        return self.name

    def describe(self) -> dict[str, Any]:
        """What the index manifest records about the embedder."""
        return {"name": self.name, "dim": self.dim, "max_tokens": self.max_tokens, "key": self.cache_key()}


class WrappedEmbedder(Embedder):
    """An embedder that changes how passages are embedded (a cache, a job queue) and is otherwise
    ``inner``: the same queries, token counts and identity."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def cache_key(self) -> str:
        return self.inner.cache_key()

    def describe(self) -> dict[str, Any]:
        return self.inner.describe()


def as_float32_rows(vectors: Any, dim: int) -> np.ndarray:
    """Coerce backend output to a C-contiguous (n, dim) float32 array."""
    arr = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32))
    if arr.ndim == 1:
        arr = arr.reshape(1, -1) if arr.size else arr.reshape(0, dim)
    return arr


def l2_normalize(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)
