"""The on-disk index: articles, chunks, dense vectors (FAISS), BM25, a manifest, written atomically.

Layout of ``index_dir``::

    CURRENT                 name of the live generation (replaced atomically with os.replace)
    gen-<time>-<rand>/      one complete generation
        manifest.json       version, embedder, counts, corpus checksum, sha256 of every file
        articles.jsonl      cleaned articles with metadata
        chunks.jsonl        chunks with offsets
        dense.faiss         vectors, row i = chunk i
        sentences.json      every sentence of every chunk once: [doc_id, start, end], row i
        sentences.npy       their vectors (float16), row i = sentence i (evidence scoring at answer time)
        lexical/            BM25 tokens and matrices
        <extra>.json        artifacts of later stages (e.g. the agreements timeline)

A new generation is written beside the live one and becomes live only when complete, so a crash or a
failed ingest leaves the previous index untouched, and a reader never sees a half-built index.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from rag.lexical import LexicalIndex
from rag.models import Article, Chunk
from rag.store import FaissStore, VectorStore

INDEX_VERSION = 2  # 2: sentence vectors
REBUILD_HINT = "rebuild it with `rag ingest --rebuild` (or delete the directory and run `rag ingest`)"


class IndexFormatError(IndexMismatchError):
    """The index was written by another version of the index format."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corpus_checksum(articles: list[Article]) -> str:
    digest = hashlib.sha256()
    for art in sorted(articles, key=lambda a: a.doc_id):
        digest.update(f"{art.doc_id}\x00{art.content_hash}\n".encode())
    return digest.hexdigest()


@dataclass
class Index:
    """A loaded generation. Immutable once built: ingest produces a new one."""

    directory: Path
    manifest: dict[str, Any]
    articles: dict[str, Article]
    chunks: list[Chunk]
    dense: VectorStore
    lexical: LexicalIndex
    extras: dict[str, Any] = field(default_factory=dict)
    sentence_keys: list[tuple[str, int, int]] = field(default_factory=list)
    """Every sentence of the chunks once, as (doc_id, start, end) in article offsets."""
    sentence_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float16))
    """Row i is the passage vector of ``sentence_keys[i]`` (float16, L2-normalised)."""
    _rows_by_doc: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _sentence_rows: dict[tuple[str, int], int] = field(default_factory=dict, repr=False)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    """Values derived from this generation once and reused by later stages (e.g. IDF weights)."""

    def __post_init__(self) -> None:
        rows: dict[str, list[int]] = {}
        for i, chunk in enumerate(self.chunks):
            rows.setdefault(chunk.doc_id, []).append(i)
        self._rows_by_doc = rows
        self._sentence_rows = {(doc, start): i for i, (doc, start, _end) in enumerate(self.sentence_keys)}

    def sentence_row(self, doc_id: str, start: int) -> int | None:
        """Row of the sentence of ``doc_id`` starting at ``start`` in ``sentence_vectors``, if any."""
        return self._sentence_rows.get((doc_id, start))

    def sentence_rows_of(self, doc_ids: set[str]) -> list[int]:
        """Rows of every sentence of these documents, in order."""
        return [i for i, (doc, _s, _e) in enumerate(self.sentence_keys) if doc in doc_ids]

    @property
    def embedder_info(self) -> dict[str, Any]:
        return dict(self.manifest.get("embedder", {}))

    def rows_of(self, doc_id: str) -> list[int]:
        return self._rows_by_doc.get(doc_id, [])

    def check_embedder(self, embedder_key: str) -> None:
        """Fail clearly when queries would be embedded by another model than the stored vectors."""
        built = self.embedder_info.get("key")
        if built != embedder_key:
            raise IndexMismatchError(
                f"the index in {self.directory} was built with embedder {built!r}, "
                f"but the configured embedder is {embedder_key!r}: {REBUILD_HINT}"
            )


def _live_generation(index_dir: Path) -> Path:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        raise IndexNotFoundError(
            f"no index found in the directory {str(index_dir)!r}: "
            f"build one with `rag ingest --index {index_dir}`"
        )
    name = pointer.read_text(encoding="utf-8").strip()
    gen = index_dir / name
    if not name or "/" in name or not gen.is_dir():
        raise IndexCorruptError(f"{pointer} names a missing generation {name!r}: {REBUILD_HINT}")
    return gen


def stored_doc_ids(index_dir: Path | str) -> set[str]:
    """The doc_ids of the live generation's articles, read without loading the rest (any format)."""
    gen = _live_generation(Path(index_dir))
    try:
        return {str(row["doc_id"]) for row in _read_jsonl(gen / "articles.jsonl")}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(f"unreadable index data in {gen}: {exc}; {REBUILD_HINT}") from exc


def load_index(index_dir: Path | str, verify: bool = True) -> Index:
    """Load the live generation; a damaged or foreign index raises IndexCorruptError naming the fix."""
    index_dir = Path(index_dir)
    gen = _live_generation(index_dir)
    try:
        manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"unreadable manifest in {gen}: {exc}; {REBUILD_HINT}") from exc
    if not isinstance(manifest, dict) or manifest.get("version") != INDEX_VERSION:
        found = manifest.get("version") if isinstance(manifest, dict) else None
        raise IndexFormatError(
            f"index format version {found!r} in {gen}, expected {INDEX_VERSION}; {REBUILD_HINT}"
        )
    files = manifest.get("files", {})
    if verify:
        for rel, meta in files.items():
            path = gen / rel
            if not path.exists():
                raise IndexCorruptError(f"index file {path} is missing; {REBUILD_HINT}")
            if path.stat().st_size != meta.get("bytes") or _sha256(path) != meta.get("sha256"):
                raise IndexCorruptError(f"index file {path} is damaged (checksum mismatch); {REBUILD_HINT}")
    try:
        articles = {a.doc_id: a for a in map(Article.from_dict, _read_jsonl(gen / "articles.jsonl"))}
        chunks = [Chunk.from_dict(d) for d in _read_jsonl(gen / "chunks.jsonl")]
        extras = {
            name[: -len(".json")]: json.loads((gen / name).read_text(encoding="utf-8"))
            for name in manifest.get("extras", [])
        }
        sentence_keys = [
            (str(d), int(a), int(b)) for d, a, b in json.loads((gen / "sentences.json").read_text("utf-8"))
        ]
        sentence_vectors = np.load(gen / "sentences.npy", allow_pickle=False)
        dim = int(manifest.get("vector_store", {}).get("dim", -1))
        if sentence_vectors.ndim != 2 or (len(sentence_vectors) and sentence_vectors.shape[1] != dim):
            raise ValueError(f"sentence vectors of shape {sentence_vectors.shape}, expected (n, {dim})")
    except (OSError, ValueError, TypeError) as exc:
        raise IndexCorruptError(f"unreadable index data in {gen}: {exc}; {REBUILD_HINT}") from exc
    dense = FaissStore.load(gen / "dense.faiss", manifest.get("vector_store", {}).get("type", "flat"))
    lexical = LexicalIndex.load(gen / "lexical")
    if (
        len(dense) != len(chunks)
        or len(lexical) != len(chunks)
        or len(sentence_vectors) != len(sentence_keys)
    ):
        raise IndexCorruptError(
            f"index in {gen} is inconsistent: {len(chunks)} chunks, {len(dense)} vectors, "
            f"{len(lexical)} lexical rows, {len(sentence_keys)} sentences with {len(sentence_vectors)} "
            f"vectors; {REBUILD_HINT}"
        )
    return Index(gen, manifest, articles, chunks, dense, lexical, extras, sentence_keys, sentence_vectors)


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _write_jsonl(path: Path, rows: Iterator[dict[str, Any]] | list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def write_lock(index_dir: Path) -> Iterator[None]:
    """One writer at a time per index directory (readers never need the lock)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_index(
    index_dir: Path | str,
    *,
    articles: list[Article],
    chunks: list[Chunk],
    vectors: np.ndarray,
    tokens: list[list[str]],
    embedder_info: dict[str, Any],
    settings_info: dict[str, Any],
    extras: dict[str, Any] | None = None,
    exact_max: int = 200_000,
    sentence_keys: list[tuple[str, int, int]] | None = None,
    sentence_vectors: np.ndarray | None = None,
) -> Index:
    """Write a complete new generation, then switch CURRENT to it atomically; returns it loaded.

    Call under ``write_lock``. Older generations are removed once the switch is done, keeping the
    previous one so that a reader that loaded it a moment ago can finish.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    if not (len(chunks) == len(vectors) == len(tokens)):
        raise ValueError(f"{len(chunks)} chunks, {len(vectors)} vectors, {len(tokens)} token rows")
    sentence_keys = list(sentence_keys or [])
    dim = int(embedder_info["dim"])
    sentence_vectors = (
        np.zeros((0, dim), dtype=np.float16)
        if sentence_vectors is None
        else np.ascontiguousarray(sentence_vectors, dtype=np.float16)
    )
    if len(sentence_keys) != len(sentence_vectors):
        raise ValueError(f"{len(sentence_keys)} sentences, {len(sentence_vectors)} sentence vectors")
    name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
    tmp = index_dir / f".tmp-{name}"
    tmp.mkdir()
    try:
        _write_jsonl(tmp / "articles.jsonl", [a.to_dict() for a in articles])
        _write_jsonl(tmp / "chunks.jsonl", [c.to_dict() for c in chunks])
        dense = FaissStore.build(vectors, dim, exact_max=exact_max)
        dense.save(tmp / "dense.faiss")
        lexical = LexicalIndex.build(tokens)
        lexical.save(tmp / "lexical")
        (tmp / "sentences.json").write_text(json.dumps([list(k) for k in sentence_keys]), encoding="utf-8")
        with open(tmp / "sentences.npy", "wb") as fh:
            np.save(fh, sentence_vectors, allow_pickle=False)
        extra_names = []
        for key, value in (extras or {}).items():
            (tmp / f"{key}.json").write_text(
                json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            extra_names.append(f"{key}.json")
        files = {
            str(p.relative_to(tmp)): {"bytes": p.stat().st_size, "sha256": _sha256(p)}
            for p in sorted(tmp.rglob("*"))
            if p.is_file()
        }
        manifest = {
            "version": INDEX_VERSION,
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "embedder": embedder_info,
            "settings": settings_info,
            "documents": len(articles),
            "chunks": len(chunks),
            "corpus_checksum": corpus_checksum(articles),
            "vector_store": {"type": dense.kind, "dim": dim},
            "extras": extra_names,
            "files": files,
        }
        (tmp / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        _fsync_tree(tmp)
        previous = _current_name(index_dir)
        final = index_dir / name
        os.replace(tmp, final)
        pointer_tmp = index_dir / f".CURRENT.{secrets.token_hex(3)}"
        try:
            pointer_tmp.write_text(name + "\n", encoding="utf-8")
            with open(pointer_tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(pointer_tmp, index_dir / "CURRENT")
        except BaseException:
            pointer_tmp.unlink(missing_ok=True)
            shutil.rmtree(final, ignore_errors=True)
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _prune(index_dir, keep={name} | ({previous} if previous else set()))
    return Index(
        final,
        manifest,
        {a.doc_id: a for a in articles},
        chunks,
        dense,
        lexical,
        dict(extras or {}),
        sentence_keys,
        sentence_vectors,
    )


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())


def _current_name(index_dir: Path) -> str | None:
    """The generation ``CURRENT`` names, if it names one that exists."""
    try:
        name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name if name and "/" not in name and (index_dir / name).is_dir() else None


def _prune(index_dir: Path, keep: set[str]) -> None:
    """Remove every generation but ``keep`` (the new one and the one CURRENT named before it, which a
    reader may still be using), and what a killed writer left behind. Call under ``write_lock``."""
    for path in index_dir.glob("gen-*"):
        if path.is_dir() and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
    remove_leftovers(index_dir)


def remove_leftovers(index_dir: Path) -> list[str]:
    """Remove what a writer killed mid-write leaves: ``.tmp-gen-*`` directories, ``.CURRENT.*`` files
    and generations that ``CURRENT`` never named (renamed into place, then killed before the switch).
    Call under ``write_lock`` (no writer is running then, so none of these is in use). Returns the names
    removed."""
    removed = []
    for path in [*index_dir.glob(".tmp-gen-*"), *index_dir.glob(".CURRENT.*")]:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path.name)
    current = _current_name(index_dir)
    if current is not None:
        written = _written_at(index_dir / current)
        for path in index_dir.glob("gen-*"):
            # an orphan was written after the live generation: it was never switched to
            if path.is_dir() and path.name != current and _written_at(path) > written:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
    return removed


def _written_at(generation: Path) -> float:
    """When a generation was completed: its manifest is the last file written (infinitely recent when it
    has none: an incomplete generation is never the previous one)."""
    try:
        return (generation / "manifest.json").stat().st_mtime
    except OSError:
        return float("inf")


def clean_index_dir(index_dir: Path | str) -> list[str]:
    """``remove_leftovers`` when no writer holds the index's lock (a server starting); nothing when one
    does (that writer cleans up itself) or when the directory does not exist."""
    index_dir = Path(index_dir)
    if not index_dir.is_dir():
        return []
    with open(index_dir / ".lock", "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return []
        try:
            return remove_leftovers(index_dir)
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
