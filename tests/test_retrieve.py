"""Hybrid retrieval: quality on the real index (Vietnamese with and without diacritics, English; slow),
and modes, filters and argument checks on the fake-embedder index (fast)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from rag.errors import InvalidInputError
from rag.pipeline import Pipeline
from rag.question import analyze
from rag.retrieve import Filters, Hit, Retriever
from tests.conftest import BACKENDS, real_settings
from tests.fakes import FakeEmbedder

store_backend = pytest.fixture(scope="module", params=BACKENDS)(lambda request: request.param)


@pytest.fixture(scope="module")
def pipe(request: pytest.FixtureRequest, store_backend: str, index_dir: Path) -> Pipeline:
    return Pipeline.open(real_settings(request, store_backend))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "doc_id", "fact"),
    [
        ("Lào Cai ký thỏa thuận với châu Hồng Hà ở đâu?", "004_82141dc137c1d59f", "Côn Minh"),
        ("lao cai ky thoa thuan voi chau hong ha o dau", "004_82141dc137c1d59f", "Côn Minh"),
        ("Where did Lao Cai sign its 2024-2028 agreement with Honghe?", "004_82141dc137c1d59f", "Côn Minh"),
        ("hoi dam ha giang chau van son", "003_7b96b415da9b37b1", "Hội đàm"),
        ("Who led the Wenshan delegation in the talks with Ha Giang?", "003_7b96b415da9b37b1", "Trần Minh"),
        ("Phiên họp thứ 9 Nhóm công tác liên hợp", "000_08bd8cb68632ae08", "Phiên họp thứ 9"),
    ],
)
def test_hybrid_finds_the_passage(pipe: Pipeline, query: str, doc_id: str, fact: str) -> None:
    hits = pipe.search(query, 5).hits
    assert doc_id in [h.chunk.doc_id for h in hits[:3]]
    assert any(fact in h.chunk.text for h in hits if h.chunk.doc_id == doc_id)
    assert hits == sorted(hits, key=lambda h: -h.score)


@pytest.mark.slow
def test_the_best_documents_lead_is_lifted(pipe: Pipeline) -> None:
    """The form of the meeting is in the news lead only ("Hội nghị trực tuyến ..."): the lead list
    brings it into the top 5; without it the article's other passages fill them."""
    question = "Was the April 2022 meeting of the five provincial Party Secretaries held in person?"
    lead = "001_bf80daea8e84e235#0"
    assert lead in [h.chunk.chunk_id for h in pipe.search(question, 5).hits]
    without = Retriever(pipe.index, pipe.embedder, lead_weight=0.0)
    assert lead not in [h.chunk.chunk_id for h in without.search(question, 5).hits]


def test_each_mode_and_hit_json(fake_pipeline: Pipeline) -> None:
    for mode in ("lexical", "dense", "hybrid"):
        hits = fake_pipeline.search("cửa khẩu thông minh", 3, mode=mode).hits  # type: ignore[arg-type]
        assert len(hits) == 3
        assert set(hits[0].to_json()) == {"doc_id", "chunk_id", "title", "published", "score", "text"}


def test_the_passage_dense_ranks_first_stays_in_the_first_five(fake_pipeline: Pipeline) -> None:
    """Fusion never drops what dense retrieval alone ranks first: kept fifth when it fell lower or out,
    its score that of the place it takes (the scores stay in order); left where it is when within."""
    retriever = fake_pipeline.retriever
    hits = retriever.search("cửa khẩu thông minh", 5).hits
    held = {h.chunk.chunk_id for h in hits}
    row = next(r for r, c in enumerate(retriever.index.chunks) if c.chunk_id not in held)
    kept = retriever._keep_dense_best(list(hits), [("dense", 1.0, [(row, 0.9)])], 5)
    assert len(kept) == 5 and kept[4].chunk.chunk_id == retriever.index.chunks[row].chunk_id
    assert kept[4].dense_rank == 1
    assert [h.score for h in kept] == sorted((h.score for h in kept), reverse=True)
    first = next(r for r, c in enumerate(retriever.index.chunks) if c.chunk_id == hits[1].chunk.chunk_id)
    assert retriever._keep_dense_best(list(hits), [("dense", 1.0, [(first, 0.9)])], 5) == hits
    # ranked lower than fifth among more: moved up to fifth, the others after it in their order
    more = retriever.search("cửa khẩu thông minh", 8).hits
    seventh = next(r for r, c in enumerate(retriever.index.chunks) if c.chunk_id == more[6].chunk.chunk_id)
    moved = retriever._keep_dense_best(list(more), [("dense", 1.0, [(seventh, 0.9)])], 8)
    assert [h.chunk.chunk_id for h in moved] == [
        h.chunk.chunk_id for h in more[:4] + [more[6]] + more[4:6] + more[7:]
    ]
    assert [h.score for h in moved] == sorted((h.score for h in moved), reverse=True)


def test_filters_by_document_and_date(fake_pipeline: Pipeline) -> None:
    pipe = fake_pipeline
    only = pipe.search("hợp tác", 10, filters=Filters(doc_ids=frozenset({"002_a94f6f6cfb8fd38e"}))).hits
    assert only and {h.doc_id for h in only} == {"002_a94f6f6cfb8fd38e"}
    in_2024 = pipe.search("hợp tác", 20, filters=Filters(date_from="2024", date_to="2024")).hits
    assert in_2024 and all((h.chunk.published or "").startswith("2024") for h in in_2024)
    assert not pipe.search("hợp tác", 5, filters=Filters(date_from="2030")).hits


def test_page_chrome_is_never_found(fake_pipeline: Pipeline) -> None:
    """Page chrome was cleaned away before indexing: no embedder can find it."""
    pipe = fake_pipeline
    for headline in (
        "Thủ tướng Phạm Minh Chính dâng hương tại Hoàng thành Thăng Long",
        "Sầu riêng xuất khẩu qua Lào Cai đạt gần nửa tỷ USD",
        "Chiến sự Nga-Ukraine",
    ):
        assert all(headline not in h.chunk.text for h in pipe.search(headline, 20).hits)


@pytest.mark.parametrize(("query", "k"), [("", 5), ("   ", 5), ("Lào Cai", 0), ("Lào Cai", 5000)])
def test_bad_arguments_are_named(fake_pipeline: Pipeline, query: str, k: int) -> None:
    with pytest.raises(InvalidInputError):
        fake_pipeline.search(query, k)


def test_cap_tokens_keeps_the_longest_prefix_that_fits() -> None:
    from rag.retrieve import cap_tokens

    def count(text: str) -> int:
        return len(text.split())

    assert cap_tokens("một hai ba", count, 5) == "một hai ba"
    assert cap_tokens("một hai ba bốn năm sáu", count, 4) == "một hai ba bốn"
    assert cap_tokens("x" * 50, len, 8) == "x" * 8  # one endless word: cut by characters


def test_only_the_configured_tokens_of_a_question_are_embedded(fake_index_dir: Path) -> None:
    from rag.index import load_index

    class Recording(FakeEmbedder):
        seen: list[str] = []

        def count_tokens(self, text: str) -> int:
            return len(text.split())

        def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
            self.seen.extend(texts)
            return super().embed_queries(texts)

    embedder = Recording()
    retriever = Retriever(load_index(fake_index_dir), embedder, max_query_tokens=16)
    retriever.search("hợp tác " * 400, k=3)
    assert embedder.seen and all(len(text.split()) <= 16 for text in embedder.seen)


def _corpus_pipeline(tmp_path: Path, articles: dict[str, str]) -> Pipeline:
    from rag.config import Settings

    folder = tmp_path / "articles"
    folder.mkdir(parents=True)
    for doc_id, text in articles.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    Pipeline.ingest([folder], settings, embedder=FakeEmbedder())
    return Pipeline.open(settings, embedder=FakeEmbedder())


def test_a_name_no_retrieved_article_holds_is_searched_for(tmp_path: Path) -> None:
    """A one-word name weighs little against five generic words other articles' passages hold too:
    with the names an answer needs, the passages holding them are ranked once more, among themselves."""
    generic = {
        f"doc-{i}": f"Hai bên ký kết biên bản ghi nhớ hợp tác\n\nCơ quan {i} và đối tác đã ký kết biên bản "
        f"ghi nhớ hợp tác, ký kết biên bản ghi nhớ hợp tác giai đoạn mới với cơ quan bạn.\n"
        for i in range(1, 7)
    }
    target = (
        "Hãng bay chào đường bay mới\n\nHãng bay mở năm đường bay mới tới Cần Thơ trong dịp hè.\n\n"
        "Vietjet và thành phố Cần Thơ cũng đã ký biên bản ghi nhớ, thúc đẩy du lịch và đầu tư.\n"
    )
    pipe = _corpus_pipeline(tmp_path, {**generic, "doc-vj": target})
    retriever = Retriever(pipe.index, pipe.embedder)
    question = "Vietjet ký biên bản ghi nhớ hợp tác với cơ quan nào?"
    assert "doc-vj" not in [h.chunk.doc_id for h in retriever.search(question, 3).hits]
    hits = retriever.search(question, 3, names=["vietjet"]).hits
    assert "doc-vj" in [h.chunk.doc_id for h in hits]
    assert hits == sorted(hits, key=lambda h: -h.score)
    # a name a retrieved article holds already, a country, or a name no passage holds: the same ranking
    plain = [h.chunk.chunk_id for h in retriever.search(question, 3).hits]
    for names in (["co quan"], ["viet nam"], ["khong ai co"]):
        assert [h.chunk.chunk_id for h in retriever.search(question, 3, names=names).hits] == plain
    # asked through the pipeline, the question's names are the ones the answer needs
    assert "doc-vj" in [c.doc_id for c in pipe.ask(question).citations]


def test_a_name_is_held_by_its_words_in_a_row(tmp_path: Path) -> None:
    from rag.retrieve import _name_tokens

    pipe = _corpus_pipeline(
        tmp_path,
        {
            "doc-a": "Gia Lai mở lớp học\n\nTỉnh Gia Lai mở lớp. Thầy Hoàng Minh dạy tiếng Anh.\n",
            "doc-b": "Câu lạc bộ ký hợp đồng\n\nCâu lạc bộ Hoàng Anh Gia Lai ký hợp đồng tài trợ mới.\n",
        },
    )
    lexical = pipe.index.lexical
    rows = np.flatnonzero(lexical.holding(_name_tokens("hoang anh gia lai")))
    assert {pipe.index.chunks[r].doc_id for r in rows} == {"doc-b"}
    # a name given as one string is one name, not its letters
    retriever = Retriever(pipe.index, pipe.embedder)
    question = "Ai ký hợp đồng tài trợ?"
    plain = [h.chunk.chunk_id for h in retriever.search(question, 1).hits]
    assert [h.chunk.chunk_id for h in retriever.search(question, 1, names="hoang anh gia lai").hits] == [
        h.chunk.chunk_id for h in retriever.search(question, 1, names=["hoang anh gia lai"]).hits
    ]
    assert plain


def test_each_event_a_question_sets_against_another_is_searched_on_its_own(tmp_path: Path) -> None:
    """ "A trước hay sau B": one search for both may rank only A's passages; each event's own best passages
    are added after the ``k`` (the ``k`` themselves unchanged), none twice."""
    generic = {
        f"doc-{i}": f"Thượng đỉnh Bình An\n\nHội nghị thượng đỉnh Bình An - Hải Đông lần {i} diễn ra tại Tân "
        f"Hòa vào tháng {i}, hội nghị thượng đỉnh Bình An - Hải Đông ở Tân Hòa có quân đội Lạc Sơn dự.\n"
        for i in range(1, 7)
    }
    other = (
        "Tin vắn trong ngày\n\nThời tiết miền núi trở lạnh, giá rau tăng nhẹ ở chợ đầu mối. Lạc Sơn rút quân "
        "khỏi vùng biên vào tháng 11. Giải bóng đá phong trào khai mạc tại sân vận động tỉnh với tám đội.\n"
    )
    pipe = _corpus_pipeline(tmp_path, {**generic, "doc-other": other})
    retriever = Retriever(pipe.index, pipe.embedder, part_candidates=2)
    question = (
        "Hội nghị thượng đỉnh Bình An - Hải Đông ở Tân Hòa diễn ra trước hay sau việc Lạc Sơn rút quân?"
    )
    parts = analyze(question).parts
    assert parts[1] == "Lạc Sơn rút quân", parts
    plain = retriever.search(question, 2).hits
    assert "doc-other" not in [h.chunk.doc_id for h in plain]
    both = retriever.search(question, 2, parts=parts).hits
    assert [h.chunk.chunk_id for h in both[:2]] == [h.chunk.chunk_id for h in plain]
    assert "doc-other" in [h.chunk.doc_id for h in both[2:]]
    assert len({h.chunk.chunk_id for h in both}) == len(both) <= 2 + 2 * 2
    # (off with ``part_candidates=0``; and only in hybrid mode)
    assert (
        Retriever(pipe.index, pipe.embedder, part_candidates=0).search(question, 2, parts=parts).hits == plain
    )
    assert len(retriever.search(question, 2, mode="dense", parts=parts).hits) == 2


def test_names_are_looked_for_in_the_passages_kept(tmp_path: Path) -> None:
    """The names an answer needs are looked for among the passages the search keeps, after the dense
    best took its place among them: a passage it pushes out may be the only one of its article naming
    them, which is then ranked once more among the passages holding them."""
    generic = {
        f"doc-{i}": f"Hai bên ký kết biên bản ghi nhớ hợp tác\n\nCơ quan {i} và đối tác đã ký kết biên bản "
        f"ghi nhớ hợp tác, ký kết biên bản ghi nhớ hợp tác giai đoạn mới với cơ quan bạn.\n"
        for i in range(1, 7)
    }
    others = {
        f"doc-x{i}": f"Thời tiết vùng {i}\n\nTrời mưa to ở vùng {i} trong nhiều ngày liền, nước sông dâng "
        f"cao làm ngập nhiều tuyến đường của vùng {i}.\n"
        for i in range(1, 4)
    }
    target = (
        "Hãng bay chào đường bay mới\n\nHãng bay mở năm đường bay mới tới Cần Thơ trong dịp hè.\n\n"
        "Vietjet và thành phố Cần Thơ cũng đã ký biên bản ghi nhớ, thúc đẩy du lịch và đầu tư.\n"
    )
    pipe = _corpus_pipeline(tmp_path, {**generic, **others, "doc-vj": target})
    retriever = Retriever(pipe.index, pipe.embedder)
    question = "Vietjet ký biên bản ghi nhớ hợp tác với cơ quan nào?"
    ranked = [h.chunk.doc_id for h in retriever.search(question, 20).hits]
    k = ranked.index("doc-vj") + 1  # (the named article's passage last of the ``k`` fused)
    outsider = next(r for r, c in enumerate(pipe.index.chunks) if c.doc_id.startswith("doc-x"))

    def dense_best_outside(hits: list[Hit], lists: object, k: int) -> list[Hit]:
        # (the dense best, from outside the fused ``k``, takes the last place)
        held = {h.chunk.chunk_id for h in hits}
        if pipe.index.chunks[outsider].chunk_id in held:
            return hits[:k]
        return hits[: k - 1] + [Hit(pipe.index.chunks[outsider], 0.0)]

    retriever._keep_dense_best = dense_best_outside  # type: ignore[method-assign]
    hits = retriever.search(question, k, names=["vietjet"]).hits
    assert "doc-vj" in [h.chunk.doc_id for h in hits]
