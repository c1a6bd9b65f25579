"""The FAISS vector store (rag/store.py): exact and HNSW search, masks, vectors, save/load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from embeddings.base import l2_normalize
from rag.errors import IndexCorruptError
from rag.store import FaissStore, VectorStore

DIM = 32


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    rng = np.random.default_rng(7)
    return l2_normalize(rng.standard_normal((300, DIM)).astype(np.float32))


def brute_force(vectors: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    return [int(i) for i in np.argsort(-(vectors @ query), kind="stable")[:k]]


@pytest.mark.parametrize(("exact_max", "kind"), [(1000, "flat"), (300, "flat"), (299, "hnsw"), (0, "hnsw")])
def test_exact_up_to_the_threshold_hnsw_above(vectors: np.ndarray, exact_max: int, kind: str) -> None:
    store = FaissStore.build(vectors, DIM, exact_max=exact_max)
    assert store.kind == kind and len(store) == len(vectors)
    assert isinstance(store, VectorStore)


@pytest.mark.parametrize("exact_max", [1000, 0])
def test_search_returns_the_nearest_rows_by_inner_product(vectors: np.ndarray, exact_max: int) -> None:
    store = FaissStore.build(vectors, DIM, exact_max=exact_max)
    for i in (0, 17, 299):
        results = store.search(vectors[i], 5)
        assert results[0][0] == i and results[0][1] == pytest.approx(1.0, abs=1e-5)
        assert [r for r, _ in results] == brute_force(vectors, vectors[i], 5)  # HNSW is exact at this size
        scores = [s for _, s in results]
        assert scores == sorted(scores, reverse=True)
        assert np.allclose(scores, [float(vectors[r] @ vectors[i]) for r, _ in results], atol=1e-5)


@pytest.mark.parametrize("exact_max", [1000, 0])
def test_allowed_mask(vectors: np.ndarray, exact_max: int) -> None:
    store = FaissStore.build(vectors, DIM, exact_max=exact_max)
    allowed = np.zeros(len(vectors), dtype=bool)
    allowed[[3, 50, 120, 240]] = True
    results = store.search(vectors[0], 10, allowed=allowed)
    assert sorted(r for r, _ in results) == [3, 50, 120, 240]  # k is cut to the allowed rows
    assert [r for r, _ in results] == [r for r in brute_force(vectors, vectors[0], 300) if allowed[r]]
    assert store.search(vectors[0], 5, allowed=np.zeros(len(vectors), dtype=bool)) == []


def test_k_bounds_and_an_empty_store(vectors: np.ndarray) -> None:
    store = FaissStore.build(vectors[:4], DIM)
    assert len(store.search(vectors[0], 50)) == 4
    assert store.search(vectors[0], 0) == []
    empty = FaissStore.build(np.zeros((0, DIM), dtype=np.float32), DIM)
    assert len(empty) == 0 and empty.search(vectors[0], 5) == []
    assert empty.vectors().shape == (0, DIM)


def test_vectors_come_back_in_row_order(vectors: np.ndarray) -> None:
    for exact_max in (1000, 0):
        stored = FaissStore.build(vectors, DIM, exact_max=exact_max).vectors()
        assert stored.dtype == np.float32 and np.allclose(stored, vectors)
    # a flat list of floats is read as rows of ``dim``
    assert len(FaissStore.build(vectors[:3].ravel(), DIM)) == 3


@pytest.mark.parametrize("exact_max", [1000, 0])
def test_save_and_load_round_trip(vectors: np.ndarray, exact_max: int, tmp_path: Path) -> None:
    store = FaissStore.build(vectors, DIM, exact_max=exact_max)
    path = tmp_path / "dense.faiss"
    store.save(path)
    loaded = FaissStore.load(path, store.kind)
    assert loaded.kind == store.kind and len(loaded) == len(store)
    assert np.allclose(loaded.vectors(), vectors)
    for i in (1, 42):
        before, after = store.search(vectors[i], 7), loaded.search(vectors[i], 7)
        assert [r for r, _ in after] == [r for r, _ in before]
        assert np.allclose([s for _, s in after], [s for _, s in before])


def test_unreadable_file_is_index_corruption(tmp_path: Path) -> None:
    path = tmp_path / "dense.faiss"
    path.write_bytes(b"not a faiss index")
    with pytest.raises(IndexCorruptError, match="cannot read the FAISS index"):
        FaissStore.load(path, "flat")
    with pytest.raises(IndexCorruptError):
        FaissStore.load(tmp_path / "missing.faiss", "flat")
