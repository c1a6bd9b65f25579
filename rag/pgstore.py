"""The ``postgres`` backend: PostgreSQL + pgvector as the shared store of many servers and ingests.

What the FAISS backend keeps in generation directories lives in tables (``rag/migrations/*.sql``):
articles, chunks with offsets and metadata and their vectors (pgvector; an HNSW index with cosine
distance over ``halfvec``), every sentence's vector (``halfvec``), the lexical index as postings of the
project's own folded, segmented tokens with BM25 computed in SQL, the agreements timeline and the
embedding cache. Writes are transactions instead of generation switches:

- ``ingest_articles`` commits per batch of whole articles; readers see only committed articles, a
  failed batch changes nothing; concurrent ingests lock each ``doc_id`` (advisory transaction locks,
  in sorted order) and upsert by ``doc_id`` and content hash, so they never duplicate a chunk id.
- every committed write moves ``store_meta.version``; a reader (``load_snapshot``) holds the articles,
  chunks, sentence vectors and timeline of one version in memory and searches vectors and postings in
  the database, and ``Pipeline`` reloads when the version moves, so every server sees a new article
  right after its commit.

Retrieval is unchanged: ``PgVectorStore`` and ``PgLexicalIndex`` implement ``search`` (and ``idf``)
with the interfaces of ``FaissStore`` and ``LexicalIndex``, over the rows of the loaded snapshot.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from rag.config import Settings
from rag.errors import IndexMismatchError, IndexNotFoundError
from rag.index import INDEX_VERSION, Index
from rag.models import Article, Chunk
from rag.store import VectorStore

logger = logging.getLogger(__name__)

MIGRATION_LOCK = 7_243_001  # pg_advisory_lock key held while migrating
BM25_K1, BM25_B = 1.5, 0.75  # bm25s's defaults (method "lucene"), so both backends rank alike
REBUILD_HINT = "rebuild it with `rag ingest --rebuild` (RAG_BACKEND=postgres)"


class StoreUnavailableError(IndexNotFoundError):
    """The database cannot be reached or is not configured."""


def describe_url(url: str) -> str:
    """``host:port/db`` of a URL, without user or password (for messages)."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 5432}{parts.path}"


def _url(settings: Settings) -> str:
    if not settings.database_url:
        raise StoreUnavailableError(
            "RAG_BACKEND=postgres needs RAG_DATABASE_URL (a local one: `rag db start --dir .cache/db`)"
        )
    return settings.database_url


# ------------------------------------------------------------------------------------------ migrations
def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of every migration file, in order."""
    found = []
    for entry in resources.files("rag").joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            version, _, name = entry.name[: -len(".sql")].partition("_")
            found.append((int(version), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(url: str) -> list[int]:
    """Apply the migrations this database lacks, each in its own transaction; the versions applied.

    Safe to run from many processes at once (an advisory lock serialises them)."""
    import psycopg

    applied: list[int] = []
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        raise StoreUnavailableError(f"cannot connect to the database {describe_url(url)}: {exc}") from exc
    with conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
            for version, name, sql in migrations():
                if version in done:
                    continue
                with conn.transaction():
                    conn.execute(sql.encode())  # no parameters: several statements in one call
                    conn.execute(
                        "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name)
                    )
                applied.append(version)
                logger.info("applied migration %04d_%s", version, name)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    return applied


# ------------------------------------------------------------------------------------------ pools
_POOLS: dict[tuple[str, int], Any] = {}
_POOLS_LOCK = threading.Lock()


def _configure(conn: Any) -> None:
    from pgvector.psycopg import register_vector

    register_vector(conn)
    conn.commit()


def get_pool(settings: Settings) -> Any:
    """The process's connection pool for ``settings.database_url`` (migrated on first use)."""
    url = _url(settings)
    key = (url, settings.pg_pool_size)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            from psycopg_pool import ConnectionPool

            migrate(url)
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=settings.pg_pool_size,
                configure=_configure,
                open=True,
                timeout=60,
                name=f"rag-{describe_url(url)}",
            )
            _POOLS[key] = pool
    return pool


def close_pools(url: str | None = None) -> None:
    """Close this process's pools (all, or those of ``url``)."""
    with _POOLS_LOCK:
        for key in [k for k in _POOLS if url is None or k[0] == url]:
            _POOLS.pop(key).close()


@contextmanager
def connection(settings: Settings) -> Iterator[Any]:
    """A pooled connection; database errors become RagErrors with the database named."""
    import psycopg

    try:
        with get_pool(settings).connection() as conn:
            yield conn
    except psycopg.OperationalError as exc:
        raise StoreUnavailableError(f"database {describe_url(_url(settings))}: {exc}") from exc


def store_version(settings: Settings) -> int:
    with connection(settings) as conn:
        return int(conn.execute("SELECT version FROM store_meta").fetchone()[0])


# ------------------------------------------------------------------------------------------ readers
class PgVectorStore(VectorStore):
    """Dense search in the database (pgvector, cosine over L2-normalised vectors = inner product);
    rows are the snapshot's chunk rows, ``ids[row]`` the chunk's primary key."""

    kind = "pgvector-hnsw"

    def __init__(self, settings: Settings, ids: np.ndarray, dim: int) -> None:
        self.settings = settings
        self.ids = ids
        self.dim = dim
        self.row_of = {int(pk): row for row, pk in enumerate(ids)}

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        if not len(self.ids) or k <= 0:
            return []
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(-1)
        where, params = "", {"q": q, "k": int(k)}
        if allowed is not None:
            wanted = self.ids[np.flatnonzero(allowed)]
            if not len(wanted):
                return []
            where, params["allowed"] = "WHERE id = ANY(%(allowed)s)", wanted.tolist()
        d = int(self.dim)
        sql = (
            f"SELECT id, 1 - (embedding <=> %(q)s) AS score FROM chunks {where} "
            f"ORDER BY embedding::halfvec({d}) <=> %(q)s::vector({d})::halfvec({d}) LIMIT %(k)s"
        )
        with connection(self.settings) as conn, conn.transaction():
            conn.execute(f"SET LOCAL hnsw.ef_search = {max(int(self.settings.pg_ef_search), int(k))}")
            conn.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
            rows = conn.execute(sql, params).fetchall()
        # a chunk committed after this snapshot was loaded is not among its rows: skipped
        found = [(self.row_of[pk], float(score)) for pk, score in rows if pk in self.row_of]
        found.sort(key=lambda rs: -rs[1])  # halfvec order, re-ranked by the exact float32 cosine
        return found

    def vectors(self) -> np.ndarray:
        with connection(self.settings) as conn:
            got = dict(conn.execute("SELECT id, embedding FROM chunks").fetchall())
        return np.vstack([np.asarray(got[int(pk)], dtype=np.float32) for pk in self.ids]).reshape(
            -1, self.dim
        )

    def save(self, path: Path) -> None:  # pragma: no cover - the database is the storage
        raise NotImplementedError("the postgres store is saved by its transactions")

    def __len__(self) -> int:
        return len(self.ids)


_BM25_SQL = """
WITH q AS (SELECT t AS term, count(*) AS qtf FROM unnest(%(terms)s::text[]) AS t GROUP BY t),
st AS (SELECT n_chunks::float8 AS n, total_tokens::float8 / greatest(n_chunks, 1) AS avgdl FROM store_meta),
w AS (
    SELECT q.term, q.qtf, ln(1 + (st.n - df.df + 0.5) / (df.df + 0.5)) AS idf
    FROM q CROSS JOIN st
    JOIN LATERAL (SELECT count(*)::float8 AS df FROM postings p WHERE p.term = q.term) df ON df.df > 0
)
SELECT p.chunk,
       sum(w.qtf * w.idf * p.tf / (p.tf + %(k1)s * (1 - %(b)s + %(b)s * c.lexical_len / st.avgdl))) AS score
FROM w JOIN postings p ON p.term = w.term JOIN chunks c ON c.id = p.chunk CROSS JOIN st
{where}
GROUP BY p.chunk ORDER BY score DESC, p.chunk LIMIT %(k)s
"""


class PgLexicalIndex:
    """BM25 (bm25s's Lucene variant, k1 1.5, b 0.75) in SQL over the postings table."""

    def __init__(self, settings: Settings, ids: np.ndarray, row_of: dict[int, int]) -> None:
        self.settings = settings
        self.ids = ids
        self.row_of = row_of

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def tokens(self) -> list[list[str]]:  # pragma: no cover - only the FAISS ingest reads tokens back
        raise NotImplementedError("the postgres store keeps postings, not token lists")

    def search(
        self, query_tokens: list[str], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        if not len(self.ids) or not query_tokens or k <= 0:
            return []
        params: dict[str, Any] = {"terms": list(query_tokens), "k": int(k), "k1": BM25_K1, "b": BM25_B}
        where = ""
        if allowed is not None:
            wanted = self.ids[np.flatnonzero(allowed)]
            if not len(wanted):
                return []
            where, params["allowed"] = "WHERE p.chunk = ANY(%(allowed)s)", wanted.tolist()
        with connection(self.settings) as conn:
            rows = conn.execute(_BM25_SQL.format(where=where), params).fetchall()
        return [(self.row_of[pk], float(score)) for pk, score in rows if pk in self.row_of and score > 0]

    def holding(self, tokens: Sequence[str]) -> np.ndarray:
        """A boolean mask of the rows that hold every one of ``tokens`` (as ``LexicalIndex.holding``)."""
        held = np.zeros(len(self.ids), dtype=bool)
        terms = list(dict.fromkeys(tokens))
        if not len(self.ids) or not terms:
            return held
        with connection(self.settings) as conn:
            rows = conn.execute(
                "SELECT chunk FROM postings WHERE term = ANY(%(terms)s) GROUP BY chunk"
                " HAVING count(DISTINCT term) = %(n)s",
                {"terms": terms, "n": len(terms)},
            ).fetchall()
        for (pk,) in rows:
            if pk in self.row_of:
                held[self.row_of[pk]] = True
        return held

    def idf(self) -> dict[str, float]:
        """``log(1 + N / df)`` of every indexed term (as ``LexicalIndex.idf``)."""
        n = len(self.ids)
        if not n:
            return {}
        with connection(self.settings) as conn:
            rows = conn.execute("SELECT term, count(*) FROM postings GROUP BY term").fetchall()
        return {term: float(np.log1p(n / max(df, 1))) for term, df in rows if term}


@dataclass
class _Rows:
    """What a snapshot holds of some articles (all, or those written since a version)."""

    articles: dict[str, Article]
    ids: list[int]
    chunks: list[Chunk]
    keys: list[tuple[str, int, int]]
    vectors: list[np.ndarray]
    records: list[dict[str, Any]]


def _read_rows(conn: Any, since: int | None) -> _Rows:
    where, params = "", tuple[int, ...]()
    if since is not None:  # only the articles written after ``since`` (new or replaced)
        where = "WHERE doc_id IN (SELECT doc_id FROM articles WHERE written_version > %s)"
        params = (since,)
    rows = _Rows({}, [], [], [], [], [])
    for (data,) in conn.execute(f"SELECT data FROM articles {where} ORDER BY doc_id", params):
        art = Article.from_dict(data)
        rows.articles[art.doc_id] = art
    for pk, data in conn.execute(f"SELECT id, data FROM chunks {where} ORDER BY doc_id, n", params):
        rows.ids.append(pk)
        rows.chunks.append(Chunk.from_dict(data))
    sentences = conn.execute(
        f"SELECT doc_id, start_offset, end_offset, embedding FROM sentences {where} "
        "ORDER BY doc_id, start_offset",
        params,
    )
    for doc, start, end, vec in sentences:
        rows.keys.append((doc, start, end))
        rows.vectors.append(vec.to_numpy())
    rows.records = [r for (r,) in conn.execute(f"SELECT record FROM agreements {where}", params)]
    return rows


def _kept(previous: Index, changed: set[str]) -> _Rows:
    """The previous snapshot's rows of the articles that did not change."""
    ids = previous.dense.ids if isinstance(previous.dense, PgVectorStore) else np.zeros(0, dtype=np.int64)
    rows = [i for i, c in enumerate(previous.chunks) if c.doc_id not in changed]
    sentences = [i for i, k in enumerate(previous.sentence_keys) if k[0] not in changed]
    return _Rows(
        {d: a for d, a in previous.articles.items() if d not in changed},
        [int(ids[i]) for i in rows],
        [previous.chunks[i] for i in rows],
        [previous.sentence_keys[i] for i in sentences],
        list(previous.sentence_vectors[sentences]),
        [r for r in previous.extras.get("agreements", []) if r.get("doc_id") not in changed],
    )


def load_snapshot(settings: Settings, previous: Index | None = None) -> Index:
    """The committed store as one consistent ``Index`` (a repeatable-read snapshot). With ``previous``
    (an older snapshot of the same store) only the articles written since are read, unless a rebuild
    happened meanwhile."""
    where = describe_url(_url(settings))
    with connection(settings) as conn, conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        version, embedder, chunking, dim, reset = conn.execute(
            "SELECT version, embedder, chunking, dim, reset_version FROM store_meta"
        ).fetchone()
        if embedder is None:
            raise IndexNotFoundError(f"no articles in the database {where}: build it with `rag ingest`")
        since = previous.manifest.get("store_version") if previous is not None else None
        if previous is None or since is None or reset > since or previous.embedder_info != embedder:
            rows = _read_rows(conn, None)
        else:
            fresh = _read_rows(conn, int(since))
            rows = _kept(previous, set(fresh.articles))
            rows.articles.update(fresh.articles)
            for name in ("ids", "chunks", "keys", "vectors", "records"):
                getattr(rows, name).extend(getattr(fresh, name))
    from rag.agreements import timeline_order

    rows.records.sort(key=timeline_order)
    id_array = np.asarray(rows.ids, dtype=np.int64)
    dense = PgVectorStore(settings, id_array, int(dim))
    sentence_vectors = (
        np.vstack(rows.vectors).astype(np.float16)
        if rows.vectors
        else np.zeros((0, int(dim)), dtype=np.float16)
    )
    manifest = {
        "version": INDEX_VERSION,
        "backend": "postgres",
        "store_version": int(version),
        "embedder": embedder,
        "settings": {"chunking": chunking},
        "documents": len(rows.articles),
        "chunks": len(rows.chunks),
        "vector_store": {"type": dense.kind, "dim": int(dim)},
    }
    lexical: Any = PgLexicalIndex(settings, id_array, dense.row_of)
    return Index(
        Path(f"postgres:{where}"),
        manifest,
        rows.articles,
        rows.chunks,
        dense,
        lexical,
        {"agreements": rows.records},
        rows.keys,
        sentence_vectors,
    )


def counts(settings: Settings) -> tuple[int, int]:
    """Committed articles and chunks."""
    with connection(settings) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        chunks = conn.execute("SELECT n_chunks FROM store_meta").fetchone()[0]
    return int(articles), int(chunks)


def stored_hashes(settings: Settings, doc_ids: Sequence[str]) -> dict[str, str]:
    with connection(settings) as conn:
        rows = conn.execute(
            "SELECT doc_id, content_hash FROM articles WHERE doc_id = ANY(%s)", (list(doc_ids),)
        ).fetchall()
    return dict(rows)


# ------------------------------------------------------------------------------------------ writers
@dataclass
class Batch:
    """Whole articles ready to be committed together (``rag.ingest.prepare``'s output + records)."""

    articles: list[Article]
    chunks: list[Chunk]
    vectors: np.ndarray
    tokens: list[list[str]]
    sentence_keys: list[tuple[str, int, int]]
    sentence_vectors: np.ndarray
    agreements: list[dict[str, Any]]


def check_compatible(settings: Settings, embedder_key: str, chunking: dict[str, Any]) -> None:
    """Refuse to mix vectors of another embedder or chunks of other settings into the store."""
    with connection(settings) as conn:
        stored_embedder, stored_chunking = conn.execute(
            "SELECT embedder, chunking FROM store_meta"
        ).fetchone()
    where = describe_url(_url(settings))
    if stored_embedder is not None and stored_embedder.get("key") != embedder_key:
        raise IndexMismatchError(
            f"the database {where} was built with embedder {stored_embedder.get('key')!r}, but the "
            f"configured embedder is {embedder_key!r}: {REBUILD_HINT}"
        )
    if stored_chunking is not None and stored_chunking != chunking:
        raise IndexMismatchError(f"the database {where} was chunked with other settings; {REBUILD_HINT}")


def _vector_index(conn: Any, dim: int) -> None:
    """The HNSW index over the chunk vectors (half precision, cosine), once the dimension is known."""
    conn.execute(
        f"CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw ON chunks USING hnsw "
        f"((embedding::halfvec({int(dim)})) halfvec_cosine_ops) WITH (m = 16, ef_construction = 64)"
    )


def commit_batch(
    settings: Settings,
    batch: Batch,
    *,
    embedder_info: dict[str, Any],
    chunking: dict[str, Any],
    replace_all: bool = False,
) -> tuple[list[str], list[str]]:
    """Write ``batch`` in one transaction: ``(written, skipped)`` doc_ids.

    Each article replaces a stored one with another content hash; one with the same hash (written by a
    concurrent ingest meanwhile) is skipped. ``replace_all`` first removes every stored article (a
    rebuild, atomic with the batch)."""
    from pgvector import HalfVector

    dim = int(embedder_info["dim"])
    by_doc: dict[str, list[int]] = {}
    for i, chunk in enumerate(batch.chunks):
        by_doc.setdefault(chunk.doc_id, []).append(i)
    sentences_by_doc: dict[str, list[int]] = {}
    for i, key in enumerate(batch.sentence_keys):
        sentences_by_doc.setdefault(key[0], []).append(i)
    records_by_doc: dict[str, list[dict[str, Any]]] = {}
    for record in batch.agreements:
        records_by_doc.setdefault(str(record.get("doc_id")), []).append(record)
    doc_ids = sorted(a.doc_id for a in batch.articles)
    with connection(settings) as conn, conn.transaction():
        if replace_all:
            conn.execute("LOCK TABLE articles IN EXCLUSIVE MODE")
            conn.execute("DELETE FROM articles")
            conn.execute(
                "UPDATE store_meta SET n_chunks = 0, total_tokens = 0, embedder = NULL, chunking = NULL, "
                "dim = NULL"
            )
        for doc_id in doc_ids:  # sorted: two ingests never wait on each other in a cycle
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (doc_id,))
        current = dict(
            conn.execute(
                "SELECT doc_id, content_hash FROM articles WHERE doc_id = ANY(%s)", (doc_ids,)
            ).fetchall()
        )
        write = [a for a in batch.articles if current.get(a.doc_id) != a.content_hash]
        skipped = [a.doc_id for a in batch.articles if current.get(a.doc_id) == a.content_hash]
        if not write:
            return [], skipped
        replaced = [a.doc_id for a in write if a.doc_id in current]
        if replaced:
            removed_chunks, removed_tokens = conn.execute(
                "SELECT count(*), coalesce(sum(lexical_len), 0) FROM chunks WHERE doc_id = ANY(%s)",
                (replaced,),
            ).fetchone()
            conn.execute("DELETE FROM articles WHERE doc_id = ANY(%s)", (replaced,))
            conn.execute(
                "UPDATE store_meta SET n_chunks = n_chunks - %s, total_tokens = total_tokens - %s",
                (removed_chunks, removed_tokens),
            )
        (version,) = conn.execute(
            "UPDATE store_meta SET version = version + 1, embedder = coalesce(embedder, %s), "
            "chunking = coalesce(chunking, %s), dim = coalesce(dim, %s), "
            "reset_version = CASE WHEN %s THEN version + 1 ELSE reset_version END RETURNING version",
            (json.dumps(embedder_info), json.dumps(chunking), dim, replace_all),
        ).fetchone()
        _vector_index(conn, dim)
        rows = [i for a in write for i in by_doc.get(a.doc_id, [])]
        ids = [
            pk
            for (pk,) in conn.execute(
                "SELECT nextval('chunks_id_seq') FROM generate_series(1, %s)", (len(rows),)
            ).fetchall()
        ]
        tokens = [batch.tokens[i] or ["∅"] for i in rows]
        with conn.cursor() as cur:
            with cur.copy(
                "COPY articles (doc_id, content_hash, published, data, written_version) FROM STDIN"
            ) as copy:
                for art in write:
                    copy.write_row(
                        (art.doc_id, art.content_hash, art.published, json.dumps(art.to_dict()), version)
                    )
            with cur.copy(
                "COPY chunks (id, chunk_id, doc_id, n, start_offset, end_offset, data, lexical_len, "
                "embedding) FROM STDIN"
            ) as copy:
                for pk, i, toks in zip(ids, rows, tokens, strict=True):
                    c = batch.chunks[i]
                    copy.write_row(
                        (pk, c.chunk_id, c.doc_id, c.n, c.start, c.end, json.dumps(c.to_dict()), len(toks),
                         batch.vectors[i])
                    )  # fmt: skip
            with cur.copy("COPY postings (term, chunk, tf) FROM STDIN") as copy:
                for pk, toks in zip(ids, tokens, strict=True):
                    for term, tf in Counter(toks).items():
                        copy.write_row((term, pk, tf))
            with cur.copy("COPY sentences (doc_id, start_offset, end_offset, embedding) FROM STDIN") as copy:
                for art in write:
                    for i in sentences_by_doc.get(art.doc_id, []):
                        doc, start, end = batch.sentence_keys[i]
                        copy.write_row((doc, start, end, HalfVector(batch.sentence_vectors[i])))
            with cur.copy("COPY agreements (doc_id, n, record) FROM STDIN") as copy:
                for art in write:
                    for n, record in enumerate(records_by_doc.get(art.doc_id, [])):
                        copy.write_row((art.doc_id, n, json.dumps(record, ensure_ascii=False)))
        conn.execute(
            "UPDATE store_meta SET n_chunks = n_chunks + %s, total_tokens = total_tokens + %s",
            (len(rows), sum(len(t) for t in tokens)),
        )
    return [a.doc_id for a in write], skipped
