"""sentence-transformers backend: any local model directory or hub name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.base import Embedder, as_float32_rows
from rag.errors import EmbedderError


def default_prefixes(model: str) -> tuple[str, str]:
    """e5 models expect ``query: `` / ``passage: ``; other models get no prefix unless configured."""
    return ("query: ", "passage: ") if "e5" in Path(model).name.lower() else ("", "")


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model with configurable prefixes, normalisation, length and segmentation.

    ``segment_words`` feeds underthesea word-segmented text (``Lào_Cai``), as PhoBERT-style Vietnamese
    models expect.

    >>> emb = SentenceTransformerEmbedder("/path/to/all-MiniLM-L6-v2")
    >>> emb.embed_passages(["Hội đàm tại Đà Nẵng"]).shape
    (1, 384)
    """

    def __init__(
        self,
        model: str,
        *,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        normalize: bool = True,
        max_length: int | None = None,
        segment_words: bool = False,
        batch_size: int = 16,
        threads: int | None = None,
    ) -> None:
        if not model:
            raise EmbedderError(
                "sentence-transformers needs a model: set RAG_EMBEDDER_MODEL to a path or name"
            )
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise EmbedderError("sentence-transformers is not installed") from exc
        if threads:
            torch.set_num_threads(threads)
        try:
            self._model: Any = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises many kinds (OSError, HF hub errors, ValueError)
            raise EmbedderError(
                f"could not load sentence-transformers model {model!r}: {exc}. "
                "Give a local model directory, or a hub name on a machine with network access."
            ) from exc
        if max_length:
            self._model.max_seq_length = max_length
        dq, dp = default_prefixes(model)
        self.query_prefix = dq if query_prefix is None else query_prefix
        self.passage_prefix = dp if passage_prefix is None else passage_prefix
        self.normalize = normalize
        self.segment_words = segment_words
        self.batch_size = batch_size
        dim = self._model.get_embedding_dimension() or 0
        self.dim = int(dim)
        self.max_tokens = int(self._model.max_seq_length or 512)
        self.name = f"sentence-transformers/{Path(model).name or model}"
        self._model_ref = model

    def _prepare(self, texts: Sequence[str], prefix: str) -> list[str]:
        if self.segment_words:
            from rag.text import segment

            texts = [" ".join(segment(t)) for t in texts]
        return [prefix + t for t in texts]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=self.normalize,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return as_float32_rows(vectors, self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(self._prepare(texts, self.query_prefix))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(self._prepare(texts, self.passage_prefix))

    def count_tokens(self, text: str) -> int:
        prepared = self._prepare([text], self.passage_prefix)[0]
        return len(self._model.tokenizer(prepared, add_special_tokens=True)["input_ids"])

    def cache_key(self) -> str:
        return "|".join(
            [
                self.name,
                str(Path(self._model_ref).resolve()) if Path(self._model_ref).exists() else self._model_ref,
                self.query_prefix,
                self.passage_prefix,
                f"norm={self.normalize}",
                f"len={self.max_tokens}",
                f"seg={self.segment_words}",
            ]
        )
