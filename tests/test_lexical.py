"""BM25 over folded tokens (rag/lexical.py): diacritic-insensitive ranking, masks, IDF, save/load."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from rag.errors import IndexCorruptError
from rag.lexical import LexicalIndex
from rag.text import lexical_tokens

DOCS = [
    "UBND tỉnh Lào Cai và chính quyền nhân dân châu Hồng Hà ký kết Thỏa thuận hợp tác.",
    "Hội đàm giữa tỉnh Hà Giang và châu Văn Sơn về cửa khẩu Thanh Thủy.",
    "Giá ca cao toàn cầu tăng cao ảnh hưởng đến các công ty socola.",
    "Phiên họp thứ 9 Nhóm công tác liên hợp diễn ra tại thành phố Hà Giang.",
    "Lào Cai đón du khách qua cửa khẩu quốc tế Lào Cai – Hà Khẩu.",
]


def tokens(text: str) -> list[str]:
    return lexical_tokens(text, use_segmentation=False)  # syllables and bigrams: no segmenter to load


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    return LexicalIndex.build([tokens(d) for d in DOCS])


def rows(results: list[tuple[int, float]]) -> list[int]:
    return [row for row, _ in results]


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("Lào Cai ký thỏa thuận với châu Hồng Hà", 0),
        ("lao cai ky thoa thuan voi chau hong ha", 0),  # typed without diacritics
        ("LÀO CAI KÝ THỎA THUẬN", 0),
        ("hoi dam ha giang van son", 1),
        ("ca cao socola", 2),
        ("phien hop thu 9", 3),
        ("du khách cửa khẩu quốc tế", 4),
    ],
)
def test_the_matching_document_ranks_first_with_or_without_diacritics(
    lexical: LexicalIndex, query: str, best: int
) -> None:
    results = lexical.search(tokens(query), k=5)
    assert results[0][0] == best
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_marked_and_unmarked_queries_score_the_same(lexical: LexicalIndex) -> None:
    marked = lexical.search(tokens("Hội đàm Hà Giang"), k=5)
    plain = lexical.search(tokens("hoi dam ha giang"), k=5)
    assert rows(marked) == rows(plain)
    assert np.allclose([s for _, s in marked], [s for _, s in plain])


def test_only_matching_rows_are_returned_and_k_is_respected(lexical: LexicalIndex) -> None:
    results = lexical.search(tokens("socola"), k=5)
    assert rows(results) == [2]  # no zero-score rows
    assert len(lexical.search(tokens("Hà Giang cửa khẩu Lào Cai"), k=2)) == 2
    assert lexical.search(tokens("Hà Giang"), k=0) == []
    assert lexical.search([], k=5) == []
    assert lexical.search(tokens("sầu riêng"), k=5) == []  # no document has the words
    assert len(lexical.search(tokens("Hà Giang cửa khẩu Lào Cai tỉnh"), k=100)) <= len(DOCS)


def test_allowed_mask_filters_before_ranking(lexical: LexicalIndex) -> None:
    query = tokens("Hà Giang")
    assert set(rows(lexical.search(query, k=5))) >= {1, 3}
    only_three = np.array([i == 3 for i in range(len(DOCS))])
    assert rows(lexical.search(query, k=5, allowed=only_three)) == [3]
    assert lexical.search(query, k=5, allowed=np.zeros(len(DOCS), dtype=bool)) == []


def test_idf_prefers_rare_tokens(lexical: LexicalIndex) -> None:
    idf = lexical.idf()
    n = len(DOCS)
    assert idf["socola"] == pytest.approx(math.log1p(n / 1))  # in one document
    assert idf["lao_cai"] == pytest.approx(math.log1p(n / 2))  # in two
    assert idf["socola"] > idf["lao_cai"] > 0
    assert "sau_rieng" not in idf


def test_save_and_load_round_trip(lexical: LexicalIndex, tmp_path: Path) -> None:
    lexical.save(tmp_path / "lexical")
    assert (tmp_path / "lexical" / "tokens.jsonl").exists()
    loaded = LexicalIndex.load(tmp_path / "lexical")
    assert len(loaded) == len(lexical) == len(DOCS)
    for query in ("lao cai ky thoa thuan", "Hội đàm Hà Giang", "ca cao"):
        before, after = lexical.search(tokens(query), k=5), loaded.search(tokens(query), k=5)
        assert rows(before) == rows(after)
        assert np.allclose([s for _, s in before], [s for _, s in after])
    assert loaded.tokens == lexical.tokens  # read from tokens.jsonl when first needed
    assert loaded.idf() == pytest.approx(lexical.idf())


def test_empty_index_and_empty_rows(tmp_path: Path) -> None:
    empty = LexicalIndex.build([])
    assert len(empty) == 0 and empty.search(["lao"], k=5) == [] and empty.idf() == {}
    empty.save(tmp_path / "empty")
    assert len(LexicalIndex.load(tmp_path / "empty")) == 0
    with_blank = LexicalIndex.build([tokens(DOCS[0]), [], tokens(DOCS[2])])
    assert len(with_blank) == 3  # a chunk without tokens keeps its row
    assert rows(with_blank.search(tokens("socola"), k=5)) == [2]


def test_unreadable_files_are_index_corruption(lexical: LexicalIndex, tmp_path: Path) -> None:
    with pytest.raises(IndexCorruptError, match="lexical"):
        LexicalIndex.load(tmp_path / "missing")
    lexical.save(tmp_path / "broken")
    (tmp_path / "broken" / "tokens.jsonl").write_text('["lao", "cai"]\n{not json\n', encoding="utf-8")
    loaded = LexicalIndex.load(tmp_path / "broken")
    with pytest.raises(IndexCorruptError, match="lexical tokens"):
        _ = loaded.tokens


def test_rows_holding_every_token(lexical: LexicalIndex) -> None:
    assert rows_of(lexical.holding(["lao", "cai"])) == [0, 4]
    assert rows_of(lexical.holding(["lao", "cai", "hong", "ha"])) == [0]
    assert rows_of(lexical.holding(["ha", "giang"])) == [1, 3]
    assert rows_of(lexical.holding(["vietjet"])) == []  # (a token no row holds)
    assert rows_of(lexical.holding([])) == []
    assert rows_of(LexicalIndex.build([]).holding(["lao"])) == []


def rows_of(mask: np.ndarray) -> list[int]:
    return [int(i) for i in np.flatnonzero(mask)]
