"""Distributed embedding over the postgres backend: a job queue table, ``rag worker``, and the embedder
an ingest uses to hand its passages to the workers (``rag ingest --backend postgres --queue``).

- ``QueuedEmbedder.embed_passages`` splits the passages into jobs of ``pg_job_texts``, inserts them into
  ``embed_jobs`` and waits (bounded by ``pg_queue_timeout_s``) until workers have put every vector into
  the shared ``embedding_cache``; ingest then reads them from there as cache hits.
- ``run_worker`` claims one job at a time with ``FOR UPDATE SKIP LOCKED`` (workers never take the same
  job), marks it running under a lease of ``pg_job_lease_s``, embeds, writes the vectors and marks the
  job done in one transaction. A worker killed mid-job leaves its job running past the lease: the next
  worker to look claims it again (up to ``pg_job_attempts`` attempts, then the job is failed and the
  waiting ingest says so).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Sequence

import numpy as np

from embeddings import Embedder
from embeddings.base import WrappedEmbedder
from embeddings.cache import PgEmbeddingCache, text_key
from rag.config import Settings
from rag.errors import EmbedderError, InvalidInputError
from rag.pgstore import connection, get_pool

logger = logging.getLogger(__name__)

_CLAIM = """
UPDATE embed_jobs SET status = 'running', attempts = attempts + 1, worker = %(worker)s,
       lease_until = now() + make_interval(secs => %(lease)s)
WHERE id = (
    SELECT id FROM embed_jobs
    WHERE embedder = %(embedder)s
      AND (status = 'queued' OR (status = 'running' AND lease_until < now()))
    ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1
)
RETURNING id, texts, attempts
"""


class QueuedEmbedder(WrappedEmbedder):
    """Passages are embedded by ``rag worker`` processes through the queue; queries, token counts and
    the embedder's identity come from ``inner`` (the same model the workers load)."""

    def __init__(self, inner: Embedder, settings: Settings) -> None:
        super().__init__(inner)
        self.settings = settings
        self.cache = PgEmbeddingCache(get_pool(settings))
        self.jobs = 0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        key = self.cache_key()
        keys = [text_key(key, t) for t in texts]
        found = self.cache.get_many(list(dict.fromkeys(keys)), self.dim)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if missing:
            ids = enqueue(self.settings, key, missing)
            self.jobs += len(ids)
            wait_for_jobs(self.settings, ids)
            found = self.cache.get_many(list(dict.fromkeys(keys)), self.dim)
        absent = sum(k not in found for k in keys)
        if absent:
            raise EmbedderError(f"{absent} passage vector(s) missing after the workers finished their jobs")
        return np.vstack([found[k] for k in keys]).astype(np.float32).reshape(len(texts), self.dim)


def enqueue(settings: Settings, embedder_key: str, texts: Sequence[str]) -> list[int]:
    """Jobs of at most ``pg_job_texts`` passages each; their ids."""
    from psycopg.types.json import Jsonb

    size = settings.pg_job_texts
    with connection(settings) as conn, conn.transaction():
        return [
            conn.execute(
                "INSERT INTO embed_jobs (embedder, texts) VALUES (%s, %s) RETURNING id",
                (embedder_key, Jsonb(list(texts[start : start + size]))),
            ).fetchone()[0]
            for start in range(0, len(texts), size)
        ]


def wait_for_jobs(settings: Settings, ids: list[int]) -> None:
    """Poll until every job is done; EmbedderError when one failed or the wait outlasts the timeout."""
    deadline = time.monotonic() + settings.pg_queue_timeout_s
    while True:
        with connection(settings) as conn:
            rows = conn.execute(
                "SELECT status, count(*), max(error) FROM embed_jobs WHERE id = ANY(%s) GROUP BY status",
                (ids,),
            ).fetchall()
        by_status = {status: (n, error) for status, n, error in rows}
        if "failed" in by_status:
            raise EmbedderError(f"an embedding job failed: {by_status['failed'][1]}")
        if by_status.get("done", (0, None))[0] == len(ids):
            return
        if time.monotonic() > deadline:
            open_jobs = len(ids) - by_status.get("done", (0, None))[0]
            raise EmbedderError(
                f"{open_jobs} embedding job(s) still open after {settings.pg_queue_timeout_s:.0f} s: is a "
                "`rag worker` running with the same embedder and database?"
            )
        time.sleep(0.2)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_once(settings: Settings, embedder: Embedder, name: str | None = None) -> int | None:
    """Claim and process one job; its id, or None when the queue has nothing for this embedder."""
    name = name or worker_name()
    params = {"worker": name, "lease": float(settings.pg_job_lease_s), "embedder": embedder.cache_key()}
    with connection(settings) as conn, conn.transaction():
        claimed = conn.execute(_CLAIM, params).fetchone()
    if claimed is None:
        return None
    job, texts, attempts = claimed
    if attempts > settings.pg_job_attempts:
        with connection(settings) as conn, conn.transaction():
            conn.execute(
                "UPDATE embed_jobs SET status = 'failed', error = %s, finished_at = now() WHERE id = %s",
                (f"gave up after {attempts - 1} attempts (workers died or failed)", job),
            )
        return int(job)
    try:
        vectors = embedder.embed_passages(texts)
    except Exception as exc:  # the job goes back to the queue; the next attempt may succeed
        logger.warning("job %s failed: %s", job, exc)
        with connection(settings) as conn, conn.transaction():
            conn.execute(
                "UPDATE embed_jobs SET status = 'queued', error = %s, lease_until = NULL WHERE id = %s",
                (str(exc)[:500], job),
            )
        return int(job)
    key = embedder.cache_key()
    # vectors first, then "done": a worker killed in between leaves a job that is retried, never a
    # job marked done without its vectors
    PgEmbeddingCache(get_pool(settings)).put_many(
        [(text_key(key, t), v) for t, v in zip(texts, vectors, strict=True)]
    )
    with connection(settings) as conn, conn.transaction():
        conn.execute(
            "UPDATE embed_jobs SET status = 'done', finished_at = now(), error = NULL WHERE id = %s", (job,)
        )
    logger.info("job %s: %d passages embedded by %s", job, len(texts), name)
    return int(job)


def run_worker(
    settings: Settings,
    embedder: Embedder | None = None,
    *,
    max_jobs: int | None = None,
    idle_exit_s: float | None = None,
) -> int:
    """Process jobs until ``max_jobs`` are done or the queue stayed empty for ``idle_exit_s`` (forever
    when neither is given); the number of jobs processed. The embedder is the configured one (no local
    cache: the vectors go to the database's)."""
    if settings.backend != "postgres":
        raise InvalidInputError("rag worker takes its jobs from the database: set RAG_BACKEND=postgres")
    get_pool(settings)  # a missing or unreachable database is reported before the model loads
    if embedder is None:
        from embeddings import create_embedder

        embedder = create_embedder(settings, cached=False)
    done, idle_since = 0, time.monotonic()
    name = worker_name()
    while max_jobs is None or done < max_jobs:
        job = run_once(settings, embedder, name)
        if job is not None:
            done, idle_since = done + 1, time.monotonic()
            continue
        if idle_exit_s is not None and time.monotonic() - idle_since >= idle_exit_s:
            break
        time.sleep(0.2)
    return done
