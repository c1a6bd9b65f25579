"""The postgres backend's own guarantees, against a real server: migrations, BM25 in SQL equal to bm25s,
concurrent ingests without duplicates, readers that see each commit. (Retrieval, answers, the API and
crash safety run on both backends in their own test modules.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from rag.config import Settings
from rag.evaluate import load_dataset
from rag.ingest import ingest
from rag.pipeline import Pipeline
from rag.question import lexical_query
from rag.text import lexical_tokens
from tests.conftest import ARTICLES, ROOT, create_database, drop_database, pg_settings
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.slow  # a real database server

NEW_ARTICLE = (
    "Lai Châu và Hồng Hà bàn về cửa khẩu Ma Lù Thàng\n\n"
    "Sáng 5/9/2024, tại thị xã Phong Thổ, lãnh đạo tỉnh Lai Châu đã hội đàm với lãnh đạo châu Hồng Hà "
    "về việc nâng cấp cửa khẩu Ma Lù Thàng.\n\nHai bên nhất trí thành lập tổ công tác chung.\n"
)


@pytest.fixture
def empty_db(pg_server: str, tmp_path: Path, cache_dir: Path) -> Iterator[Settings]:
    url = create_database(pg_server)
    yield pg_settings(url, cache_dir, tmp_path / "unused")
    drop_database(url)


def _sql(settings: Settings, query: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(settings.database_url or "") as conn:
        return list(conn.execute(query).fetchall())


def test_migrations_are_recorded_and_applied_once(empty_db: Settings) -> None:
    from rag.pgstore import get_pool, migrate, migrations

    get_pool(empty_db)  # first use migrates
    versions = [v for v, _name, _sql in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    assert [r[0] for r in _sql(empty_db, "SELECT version FROM schema_migrations ORDER BY 1")] == versions
    assert migrate(empty_db.database_url or "") == []  # nothing left to apply
    tables = {r[0] for r in _sql(empty_db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"articles", "chunks", "sentences", "postings", "agreements", "embedding_cache"} <= tables


def test_empty_database_says_how_to_build(empty_db: Settings) -> None:
    from rag.errors import IndexNotFoundError

    with pytest.raises(IndexNotFoundError, match="rag ingest"):
        Pipeline.open(empty_db, embedder=FakeEmbedder())


def test_unreachable_database_is_one_clear_error(tmp_path: Path) -> None:
    from rag.dbserver import free_port
    from rag.errors import IndexNotFoundError

    settings = pg_settings(f"postgresql://postgres@127.0.0.1:{free_port()}/none", tmp_path, tmp_path)
    with pytest.raises(IndexNotFoundError, match="cannot connect to the database 127.0.0.1"):
        Pipeline.open(settings, embedder=FakeEmbedder())
    with pytest.raises(IndexNotFoundError, match="RAG_DATABASE_URL"):
        Pipeline.open(Settings(backend="postgres", index_dir=tmp_path), embedder=FakeEmbedder())


def test_bm25_in_sql_ranks_as_bm25s(fake_pg_pipeline: Pipeline, fake_faiss_pipeline: Pipeline) -> None:
    """Every gold question's lexical top 20: the same chunks in the same order, the same scores."""
    questions = load_dataset(ROOT / "eval" / "gold.jsonl")
    pg, faiss = fake_pg_pipeline.index, fake_faiss_pipeline.index
    for q in questions:
        tokens = lexical_tokens(lexical_query(q.question))
        got = [(pg.chunks[r].chunk_id, s) for r, s in pg.lexical.search(tokens, 20)]
        want = [(faiss.chunks[r].chunk_id, s) for r, s in faiss.lexical.search(tokens, 20)]
        assert [c for c, _ in got] == [c for c, _ in want], q.id
        assert all(abs(a - b) <= 1e-4 * max(1.0, b) for (_, a), (_, b) in zip(got, want, strict=True)), q.id
    assert pg.lexical.idf().keys() == faiss.lexical.idf().keys()


def _counters_match(settings: Settings) -> None:
    [(n_chunks, total, rows, tokens)] = _sql(
        settings,
        "SELECT n_chunks, total_tokens, (SELECT count(*) FROM chunks), "
        "(SELECT coalesce(sum(lexical_len), 0) FROM chunks) FROM store_meta",
    )
    assert (n_chunks, total) == (rows, tokens)


INGEST = """
import sys
from rag.config import Settings
from rag.ingest import ingest
from tests.fakes import FakeEmbedder
settings = Settings(backend="postgres", database_url=sys.argv[1], pg_batch_articles=2, cache_dir=sys.argv[2])
report = ingest(sys.argv[3:], settings, embedder=FakeEmbedder())
print(len(report.added), len(report.unchanged))
"""


def test_concurrent_ingests_leave_no_duplicates(empty_db: Settings, pg_server: str, tmp_path: Path) -> None:
    """Two processes ingest the same articles at once (two articles per transaction): every article
    once, every chunk id once, the BM25 counters equal to the rows."""
    extra = tmp_path / "new"
    extra.mkdir()
    (extra / "lai_chau_2024.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    args = [
        sys.executable,
        "-c",
        INGEST,
        empty_db.database_url or "",
        str(tmp_path),
        str(ARTICLES),
        str(extra),
    ]
    procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    added = [tuple(map(int, out.split())) for out in outs]
    assert sum(a for a, _ in added) == 6 and all(a + u == 6 for a, u in added)  # each written once
    [(articles, chunks, distinct)] = _sql(
        empty_db, "SELECT (SELECT count(*) FROM articles), count(*), count(DISTINCT chunk_id) FROM chunks"
    )
    assert articles == 6 and chunks == distinct
    reference = empty_db.model_copy(update={"database_url": create_database(pg_server)})
    try:
        ingest([ARTICLES, extra], reference, embedder=FakeEmbedder())  # one process alone
        query = "SELECT chunk_id, data->>'text' FROM chunks ORDER BY chunk_id"
        assert _sql(empty_db, query) == _sql(reference, query)
    finally:
        drop_database(reference.database_url or "")
    _counters_match(empty_db)


@pytest.fixture
def writable_db(pg_server: str, fake_pg_template: str, tmp_path: Path, cache_dir: Path) -> Iterator[Settings]:
    url = create_database(pg_server, fake_pg_template)
    yield pg_settings(url, cache_dir, tmp_path / "unused")
    drop_database(url)


def test_a_reader_sees_each_commit_and_only_commits(writable_db: Settings, tmp_path: Path) -> None:
    """A pipeline opened before another process's ingest answers from the new article right after the
    commit; a changed article replaces its chunks; the counters follow every write."""
    reader = Pipeline.open(writable_db, embedder=FakeEmbedder())
    version = reader.index.manifest["store_version"]
    path = tmp_path / "lai_chau_2024.txt"
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    args = [sys.executable, "-c", INGEST, writable_db.database_url or "", str(tmp_path), str(path)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0 and done.stdout.split() == ["1", "0"], done.stderr
    hits = reader.search("cửa khẩu Ma Lù Thàng Phong Thổ", 3, mode="lexical").hits
    assert hits[0].chunk.doc_id == "lai_chau_2024"
    assert reader.index.manifest["store_version"] == version + 1 and len(reader.documents()) == 6
    path.write_text(NEW_ARTICLE.replace("tổ công tác chung", "tổ công tác thường trực"), encoding="utf-8")
    report = ingest([path], writable_db, embedder=FakeEmbedder())
    assert report.updated == ["lai_chau_2024"] and report.written
    texts = [c.text for c in reader.index.chunks if c.doc_id == "lai_chau_2024"]
    assert any("thường trực" in t for t in texts) and not any("tổ công tác chung" in t for t in texts)
    ids = [c.chunk_id for c in reader.index.chunks]
    assert len(ids) == len(set(ids))
    _counters_match(writable_db)
    again = ingest([path], writable_db, embedder=FakeEmbedder())
    assert not again.written and again.unchanged == ["lai_chau_2024"]
    assert reader.index.manifest["store_version"] == version + 2  # a no-op commits nothing
    _same_as_a_full_load(reader, writable_db)  # the reader reloaded only what changed, twice
    rebuilt = ingest([path], writable_db, embedder=FakeEmbedder(), rebuild=True)
    assert rebuilt.documents == 1 and [a.doc_id for a in reader.documents()] == ["lai_chau_2024"]
    _same_as_a_full_load(reader, writable_db)
    _counters_match(writable_db)


def _same_as_a_full_load(reader: Pipeline, settings: Settings) -> None:
    from rag.pgstore import load_snapshot

    mine, full = reader.index, load_snapshot(settings)
    assert mine.manifest == full.manifest
    assert sorted(mine.articles) == sorted(full.articles)
    key = {c.chunk_id: int(pk) for c, pk in zip(full.chunks, full.dense.ids, strict=True)}  # type: ignore[attr-defined]
    assert {c.chunk_id: int(pk) for c, pk in zip(mine.chunks, mine.dense.ids, strict=True)} == key  # type: ignore[attr-defined]
    assert sorted(mine.sentence_keys) == sorted(full.sentence_keys)
    order = {k: i for i, k in enumerate(full.sentence_keys)}
    rows = [order[k] for k in mine.sentence_keys]
    assert (mine.sentence_vectors == full.sentence_vectors[rows]).all()
    assert mine.extras == full.extras


def test_a_lost_database_is_a_503_not_a_500(pg_server: str, fake_pg_template: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from tests.conftest import fake_embedder_everywhere

    url = create_database(pg_server, fake_pg_template)
    client = TestClient(create_app(pg_settings(url, tmp_path, tmp_path / "unused")))
    with fake_embedder_everywhere():
        client.__enter__()
    try:
        assert client.get("/health").json()["documents"] == 5
        drop_database(url)  # the database goes away under a running server
        for response in (client.get("/health"), client.post("/ask", json={"question": "Hà Giang hội đàm?"})):
            assert response.status_code == 503, response.text
            assert "database 127.0.0.1" in response.json()["detail"] and "Traceback" not in response.text
    finally:
        client.__exit__(None, None, None)


def test_rows_holding_tokens_are_those_of_bm25s(
    fake_pg_pipeline: Pipeline, fake_faiss_pipeline: Pipeline
) -> None:
    """The passages holding every syllable of a name (what retrieval ranks once more for a name the
    best articles lack): the same rows from the postings table as from bm25s's matrix."""
    pg, faiss = fake_pg_pipeline.index, fake_faiss_pipeline.index
    for tokens in (["lao", "cai"], ["hong", "ha"], ["van", "son"], ["khong", "co", "tu", "nay"], []):
        got = {pg.chunks[r].chunk_id for r in np.flatnonzero(pg.lexical.holding(tokens))}
        want = {faiss.chunks[r].chunk_id for r in np.flatnonzero(faiss.lexical.holding(tokens))}
        assert got == want, tokens
    assert np.flatnonzero(faiss.lexical.holding(["lao", "cai"])).size > 0
