"""Ingest: load + clean -> chunk -> embed -> index, incrementally and atomically.

``ingest`` upserts documents by ``doc_id``: an unchanged document (same content hash, same chunking and
embedder) keeps its chunks and vectors, a changed one replaces its old chunks, a new one is added, and
documents not named stay as they are (``rebuild=True`` starts from nothing). When nothing changes no new
generation is written. Embeddings go through the content-hash cache, so re-embedding text the machine
has seen before costs nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from embeddings import CachedEmbedder, Embedder, create_embedder
from rag.agreements import build_timeline, timeline_order
from rag.chunk import Chunker
from rag.config import Settings
from rag.errors import (
    DocumentExistsError,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    InvalidInputError,
)
from rag.index import (
    REBUILD_HINT,
    Index,
    IndexFormatError,
    load_index,
    remove_leftovers,
    stored_doc_ids,
    write_index,
    write_lock,
)
from rag.load import SkippedFile, load_paths
from rag.models import Article, Chunk
from rag.text import lexical_tokens

logger = logging.getLogger(__name__)


@dataclass
class IngestReport:
    index_dir: Path
    documents: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    embedded: int = 0
    cache_hits: int = 0
    written: bool = False
    timings_s: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "index_dir": str(self.index_dir),
            "documents": self.documents,
            "chunks": self.chunks,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "embedded": self.embedded,
            "cache_hits": self.cache_hits,
            "written": self.written,
            "timings_s": {k: round(v, 3) for k, v in self.timings_s.items()},
        }

    def summary(self) -> str:
        lines = [
            f"index: {self.index_dir} ({self.documents} documents, {self.chunks} chunks)"
            if self.documents
            else f"index: {self.index_dir} (no document could be indexed)",
            f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}, "
            f"skipped {len(self.skipped)} file(s); embedded {self.embedded} passage(s), "
            f"{self.cache_hits} from cache",
            "time: " + ", ".join(f"{k} {v:.2f}s" for k, v in self.timings_s.items()),
        ]
        lines += [f"skipped {s.source}: {s.reason}" for s in self.skipped]
        if not self.written:
            lines.append("nothing changed: the index was left as it was")
        return "\n".join(lines)


def chunking_info(settings: Settings) -> dict[str, Any]:
    return {
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
    }


def ingest(
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    progress: bool = False,
    replace: bool = True,
) -> IngestReport:
    """Load the files or folders in ``paths`` and upsert them into ``settings.index_dir``.

    With ``replace=False`` an article whose ``doc_id`` is indexed with other content is not replaced:
    DocumentExistsError, and the index is unchanged.

    >>> report = ingest(["data/articles"], Settings())
    >>> print(report.summary())
    """
    t0 = time.perf_counter()
    loaded = load_paths(
        paths,
        max_file_bytes=settings.max_file_bytes,
        max_decompressed_bytes=settings.max_decompressed_bytes,
    )
    load_s = time.perf_counter() - t0
    if not loaded.articles:  # nothing to write: never create (or empty) an index for nothing
        report = IngestReport(index_dir=Path(settings.index_dir), skipped=loaded.skipped)
        try:
            if settings.backend == "faiss":
                report.documents = len(stored_doc_ids(settings.index_dir))
        except (IndexNotFoundError, IndexCorruptError):
            pass
        report.timings_s = {"load_clean": load_s}
        return report
    report = ingest_articles(
        loaded.articles, settings, rebuild=rebuild, embedder=embedder, progress=progress, replace=replace
    )
    report.skipped = loaded.skipped + report.skipped
    report.timings_s = {"load_clean": load_s, **report.timings_s}
    return report


def ingest_articles(
    articles: Sequence[Article],
    settings: Settings,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    progress: bool = False,
    replace: bool = True,
) -> IngestReport:
    """Upsert already-loaded articles (the JSONL benchmark path and ``ingest`` both end here)."""
    index_dir = Path(settings.index_dir)
    report = IngestReport(index_dir=index_dir)
    seen: set[str] = set()
    unique: list[Article] = []
    for art in articles:
        if art.doc_id in seen:
            report.skipped.append(SkippedFile(art.doc_id, "duplicate doc_id in this ingest; kept the first"))
            continue
        seen.add(art.doc_id)
        unique.append(art)
    embedder = embedder or create_embedder(settings)
    if settings.backend == "postgres":
        return _ingest_postgres(
            unique, settings, embedder, report, rebuild=rebuild, progress=progress, replace=replace
        )
    with write_lock(index_dir):
        removed = remove_leftovers(index_dir)
        if removed:
            logger.info("removed what an interrupted ingest left in %s: %s", index_dir, ", ".join(removed))
        old = None if rebuild else _existing(index_dir, embedder, settings, seen)
        return _build(unique, old, settings, embedder, report, progress, replace)


def _existing(index_dir: Path, embedder: Embedder, settings: Settings, incoming: set[str]) -> Index | None:
    try:
        old = load_index(index_dir)
    except IndexNotFoundError:
        return None
    except IndexFormatError as exc:
        # an index of an older format is rebuilt when this ingest brings every article it holds
        # (`rag ingest data/articles` after an upgrade); otherwise articles would be lost: say so
        if not stored_doc_ids(index_dir) <= incoming:
            raise
        logger.warning("%s; rebuilding it from the articles given", exc)
        return None
    old.check_embedder(embedder.cache_key())
    if old.manifest.get("settings", {}).get("chunking") != chunking_info(settings):
        raise IndexMismatchError(f"the index in {index_dir} was chunked with other settings; {REBUILD_HINT}")
    return old


@dataclass
class Prepared:
    """Fresh articles made ready for a store: chunks, their vectors and lexical tokens, every sentence
    of the chunks once with its vector, and the articles' agreement records."""

    chunks: list[Chunk]
    vectors: np.ndarray
    tokens: list[list[str]]
    sentence_keys: list[tuple[str, int, int]]
    sentence_vectors: np.ndarray
    timings: dict[str, float]


def prepare(
    fresh: list[Article], settings: Settings, embedder: Embedder, report: IngestReport, progress: bool
) -> Prepared:
    """Chunk, embed (chunks and sentences) and tokenise ``fresh``: the store-independent work of ingest."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    chunker = Chunker(
        count_tokens=embedder.count_tokens,
        max_tokens=embedder.max_tokens,
        budget=settings.chunk_tokens,
        overlap=settings.chunk_overlap_sentences,
    )
    new_chunks: list[Chunk] = []
    for art in tqdm(fresh, desc="chunk", unit="doc", disable=not progress, leave=False):
        new_chunks.extend(chunker.chunk(art))
    timings["chunk"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    texts = [c.embed_text() for c in new_chunks]
    new_vectors = _embed(embedder, texts, settings.embedder_batch_size, progress, report, "chunk")
    new_keys = sentence_keys(new_chunks)
    by_id = {a.doc_id: a for a in fresh}
    sentence_texts = [by_id[doc].text[a:b] for doc, a, b in new_keys]
    new_sentence_vectors = _embed(
        embedder, sentence_texts, settings.embedder_batch_size, progress, report, "sentence"
    )
    timings["embed"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    new_tokens = [
        lexical_tokens(f"{c.title}\n{c.text}")
        for c in tqdm(new_chunks, desc="lexical", unit="chunk", disable=not progress, leave=False)
    ]
    timings["lexical"] = time.perf_counter() - t0
    return Prepared(new_chunks, new_vectors, new_tokens, new_keys, new_sentence_vectors, timings)


def _build(
    articles: list[Article],
    old: Index | None,
    settings: Settings,
    embedder: Embedder,
    report: IngestReport,
    progress: bool,
    replace: bool = True,
) -> IngestReport:
    incoming = {a.doc_id: a for a in articles}
    kept_articles: list[Article] = []
    kept_chunks: list[Chunk] = []
    kept_rows: list[int] = []
    if old is not None:
        for doc_id, art in old.articles.items():
            new = incoming.get(doc_id)
            if new is None or new.content_hash == art.content_hash:
                kept_articles.append(art)
                rows = old.rows_of(doc_id)
                kept_rows.extend(rows)
                kept_chunks.extend(old.chunks[r] for r in rows)
                if new is not None:
                    report.unchanged.append(doc_id)
            else:
                report.updated.append(doc_id)
    if report.updated and not replace:
        _refuse_replacing(report.updated)
    fresh = [a for a in articles if old is None or a.doc_id not in old.articles or a.doc_id in report.updated]
    report.added = [a.doc_id for a in fresh if a.doc_id not in report.updated]

    all_articles = kept_articles + fresh
    if old is not None and not fresh and len(kept_articles) == len(old.articles):
        report.documents, report.chunks = len(all_articles), len(kept_chunks)
        return report  # nothing changed: a no-op
    if not all_articles:
        return report  # never an empty index: the previous one (or none) stays
    prepared = prepare(fresh, settings, embedder, report, progress)
    timings = prepared.timings
    all_chunks = kept_chunks + prepared.chunks
    report.documents, report.chunks = len(all_articles), len(all_chunks)
    new_vectors, new_keys, new_tokens = prepared.vectors, prepared.sentence_keys, prepared.tokens
    new_sentence_vectors = prepared.sentence_vectors

    t0 = time.perf_counter()
    if old is not None and kept_rows:
        old_vectors = old.dense.vectors()[kept_rows]
        old_tokens = [old.lexical.tokens[r] for r in kept_rows]
    else:
        old_vectors = np.zeros((0, embedder.dim), dtype=np.float32)
        old_tokens = []
    vectors = np.vstack([old_vectors, new_vectors]) if len(new_vectors) else old_vectors
    kept_ids = {a.doc_id for a in kept_articles}
    if old is not None and kept_ids:
        old_rows = old.sentence_rows_of(kept_ids)
        old_keys = [old.sentence_keys[r] for r in old_rows]
        old_sentence_vectors = old.sentence_vectors[old_rows].astype(np.float32)
    else:
        old_keys, old_sentence_vectors = [], np.zeros((0, embedder.dim), dtype=np.float32)
    extras = {"agreements": _timeline(old, kept_articles, fresh)}
    write_index(
        settings.index_dir,
        articles=all_articles,
        chunks=all_chunks,
        vectors=vectors,
        tokens=old_tokens + new_tokens,
        embedder_info=embedder.describe(),
        settings_info={"chunking": chunking_info(settings)},
        extras=extras,
        exact_max=settings.faiss_exact_max,
        sentence_keys=old_keys + new_keys,
        sentence_vectors=np.vstack([old_sentence_vectors, new_sentence_vectors]),
    )
    timings["index"] = time.perf_counter() - t0
    report.written = True
    report.timings_s = timings
    return report


def _refuse_replacing(doc_ids: list[str]) -> None:
    raise DocumentExistsError(
        f"{len(doc_ids)} article(s) would replace an indexed one with other content: "
        f"{', '.join(doc_ids[:10])}; send replace=true to replace them (nothing was changed)"
    )


def _ingest_postgres(
    articles: list[Article],
    settings: Settings,
    embedder: Embedder,
    report: IngestReport,
    *,
    rebuild: bool,
    progress: bool,
    replace: bool = True,
) -> IngestReport:
    """Upsert into the database, one transaction per batch of ``settings.pg_batch_articles`` whole
    articles (a rebuild is one transaction: the store is replaced at once or not at all)."""
    from rag import pgstore

    if settings.pg_embed_queue:  # the workers embed; one call hands them up to 1,024 passages at once
        from rag.worker import QueuedEmbedder

        if isinstance(embedder, CachedEmbedder):
            embedder = CachedEmbedder(QueuedEmbedder(embedder.inner, settings), embedder.cache)
        else:
            embedder = QueuedEmbedder(embedder, settings)
        settings = settings.model_copy(update={"embedder_batch_size": 1024})
    chunking = chunking_info(settings)
    report.index_dir = Path(f"postgres:{pgstore.describe_url(settings.database_url or '')}")
    if not rebuild:
        pgstore.check_compatible(settings, embedder.cache_key(), chunking)
    stored = {} if rebuild else pgstore.stored_hashes(settings, [a.doc_id for a in articles])
    changed = [a.doc_id for a in articles if a.doc_id in stored and stored[a.doc_id] != a.content_hash]
    if changed and not replace:
        _refuse_replacing(changed)
    report.unchanged = [a.doc_id for a in articles if stored.get(a.doc_id) == a.content_hash]
    fresh = [a for a in articles if stored.get(a.doc_id) != a.content_hash]
    timings: dict[str, float] = {}
    size = max(len(fresh), 1) if rebuild else settings.pg_batch_articles
    for start in range(0, len(fresh), size):
        part = fresh[start : start + size]
        counts = IngestReport(index_dir=report.index_dir)
        prepared = prepare(part, settings, embedder, counts, progress)
        report.embedded += counts.embedded
        report.cache_hits += counts.cache_hits
        for key, value in prepared.timings.items():
            timings[key] = timings.get(key, 0.0) + value
        t0 = time.perf_counter()
        batch = pgstore.Batch(
            part,
            prepared.chunks,
            prepared.vectors,
            prepared.tokens,
            prepared.sentence_keys,
            prepared.sentence_vectors,
            build_timeline(part),
        )
        written, skipped = pgstore.commit_batch(
            settings, batch, embedder_info=embedder.describe(), chunking=chunking, replace_all=rebuild
        )
        timings["index"] = timings.get("index", 0.0) + time.perf_counter() - t0
        report.written = report.written or bool(written)
        report.updated += [d for d in written if d in stored]
        report.added += [d for d in written if d not in stored]
        report.unchanged += skipped  # written by a concurrent ingest meanwhile, with the same content
    report.documents, report.chunks = pgstore.counts(settings)
    report.timings_s = timings
    return report


def _timeline(old: Index | None, kept: list[Article], fresh: list[Article]) -> list[dict[str, Any]]:
    """The agreements timeline. Kept documents keep their records from the old generation (like their
    chunks and vectors), so an incremental ingest extracts, i.e. sentence-splits, only the new documents;
    the merged list is sorted exactly as ``build_timeline`` sorts it."""
    previous = old.extras.get("agreements") if old is not None else None
    if not isinstance(previous, list):
        return build_timeline(kept + fresh)
    kept_ids = {a.doc_id for a in kept}
    rows = [r for r in previous if r.get("doc_id") in kept_ids] + build_timeline(fresh)
    rows.sort(key=timeline_order)
    return rows


def sentence_keys(chunks: list[Chunk]) -> list[tuple[str, int, int]]:
    """Every sentence of ``chunks`` once (overlapping chunks share sentences), in document order."""
    seen: set[tuple[str, int, int]] = set()
    keys: list[tuple[str, int, int]] = []
    for chunk in chunks:
        for start, end in chunk.sentences:
            key = (chunk.doc_id, int(start), int(end))
            if key not in seen:
                seen.add(key)
                keys.append(key)
    return keys


def _embed(
    embedder: Embedder, texts: list[str], batch: int, progress: bool, report: IngestReport, unit: str
) -> np.ndarray:
    """Passage vectors of ``texts``; the report counts chunks only (sentences are embedded besides)."""
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    if batch < 1:
        raise InvalidInputError(f"embedder batch size must be at least 1, got {batch}")
    parts = []
    hits_before = embedder.hits if isinstance(embedder, CachedEmbedder) else 0
    bar = tqdm(total=len(texts), desc=f"embed {unit}s", unit=unit, disable=not progress, leave=False)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths: less padding
    for start in range(0, len(texts), batch):
        part = [texts[i] for i in order[start : start + batch]]
        parts.append(embedder.embed_passages(part))
        bar.update(len(part))
    bar.close()
    if unit == "chunk":
        if isinstance(embedder, CachedEmbedder):
            report.cache_hits = embedder.hits - hits_before
        report.embedded = len(texts) - report.cache_hits
    vectors = np.empty((len(texts), embedder.dim), dtype=np.float32)
    vectors[order] = np.vstack(parts)
    return vectors
