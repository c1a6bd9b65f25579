"""A content-hash embedding cache: re-embedding unchanged text costs a lookup, not a model call."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from embeddings.base import Embedder, WrappedEmbedder


def text_key(embedder_key: str, text: str) -> str:
    return hashlib.sha256(f"{embedder_key}\x00{text}".encode()).hexdigest()


def _vectors(rows: Iterable[tuple[str, bytes]], dim: int) -> dict[str, np.ndarray]:
    """Stored float32 blobs of the expected width (a vector of another width is a miss)."""
    found = {key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows}
    return {key: vec for key, vec in found.items() if vec.shape[0] == dim}


def _blobs(items: Sequence[tuple[str, np.ndarray]]) -> list[tuple[str, bytes]]:
    return [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items]


class VectorCache(Protocol):
    """Where ``CachedEmbedder`` keeps vectors: a local SQLite file or the shared database."""

    def get_many(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]: ...

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None: ...


class PgEmbeddingCache:
    """The same cache in the ``embedding_cache`` table of the postgres backend, shared by every
    process and machine that embeds for it (``pool`` is a psycopg connection pool)."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    def get_many(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self.pool.connection() as conn:
            for start in range(0, len(keys), 5000):
                rows = conn.execute(
                    "SELECT key, vec FROM embedding_cache WHERE key = ANY(%s)",
                    (list(keys[start : start + 5000]),),
                )
                found.update(_vectors(rows, dim))
        return found

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        with self.pool.connection() as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO embedding_cache (key, vec) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
                _blobs(items),
            )


class EmbeddingCache:
    """SQLite table of ``sha256(embedder key, text) -> float32 vector``; safe across processes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self._db.commit()

    def get_many(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                batch = list(keys[start : start + 500])
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", batch)
                found.update(_vectors(rows, dim))
        return found

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
                _blobs(items),
            )
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()


class CachedEmbedder(WrappedEmbedder):
    """Wraps an embedder; passages whose (model, text) hash is cached are not embedded again."""

    def __init__(self, inner: Embedder, cache: VectorCache) -> None:
        super().__init__(inner)
        self.cache = cache
        self.hits = 0
        self.misses = 0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(self.inner.cache_key(), t) for t in texts]
        found = self.cache.get_many(list(dict.fromkeys(keys)), self.dim)
        missing = [i for i, k in enumerate(keys) if k not in found]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            fresh = self.inner.embed_passages([texts[i] for i in missing])
            self.cache.put_many([(keys[i], fresh[j]) for j, i in enumerate(missing)])
            for j, i in enumerate(missing):
                found[keys[i]] = fresh[j]
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out
