"""Diacritic restoration from the corpus's own vocabulary (rag/diacritics.py)."""

from __future__ import annotations

import pytest

from rag.diacritics import QUESTION_WORDS, DiacriticRestorer
from rag.load import load_paths
from rag.text import fold
from tests.conftest import ARTICLES


@pytest.fixture(scope="module")
def corpus() -> DiacriticRestorer:
    return DiacriticRestorer.build(f"{a.title}\n{a.text}" for a in load_paths([ARTICLES]).articles)


def test_words_and_pairs_take_their_most_frequent_spelling() -> None:
    r = DiacriticRestorer.build(["Hội nghị lần thứ nhất.", "Hội nghị lần thứ hai.", "hôi nghi (a typo)."])
    assert r.words["hoi"] == "hội" and r.pairs["hoi nghi"] == "hội nghị"  # 2 against 1
    assert r.restore("hoi nghi lan thu nhat") == "hội nghị lần thứ nhất"


def test_a_pair_wins_over_its_words() -> None:
    """ "ba" alone is mostly "bà" here, but the pair "thu ba" was only ever "thứ ba"."""
    r = DiacriticRestorer.build(["Bà Lan và bà Hoa.", "Bà Mai.", "Vào thứ ba."])
    assert r.restore("ba lan") == "bà lan"
    assert r.restore("thu ba") == "thứ ba"
    assert r.restore("vao ba") == "vào bà"  # no such pair: word by word


def test_ties_go_to_the_spelling_met_first() -> None:
    assert DiacriticRestorer.build(["Ba bà", "bà ba"]).words["ba"] == "ba"
    assert DiacriticRestorer.build(["bà Ba", "ba bà"]).words["ba"] == "bà"


def test_unknown_words_are_kept_and_text_is_lower_cased_words() -> None:
    r = DiacriticRestorer.build(["Hội đàm tại Hà Giang."])
    assert r.restore("hoi dam sau rieng") == "hội đàm sau rieng"
    assert r.restore("HOI DAM, tai Ha Giang?!") == "hội đàm tại hà giang"  # punctuation is not kept
    assert r.restore("Hội đàm") == "hội đàm"  # already marked: left as typed
    assert r.restore("") == ""


def test_question_words_are_spelt_as_questions_spell_them() -> None:
    """In news text "dau" is mostly "đầu" (đầu tư, đầu tiên); in a question it is "đâu"."""
    r = DiacriticRestorer.build(["Đầu tiên, đầu tư vào cửa khẩu. Đầu năm, bao gồm ba nội dung."])
    assert r.restore("cua khau o dau") == "cửa khẩu ở đâu"
    assert r.restore("dau tu khi nao") == "đầu tư khi nào"  # the pair "dau tu" is the corpus's
    assert r.restore("bao nhieu noi dung") == "bao nhiêu nội dung"
    for key, value in QUESTION_WORDS.items():
        assert fold(value) == key
        assert r.restore(key) == value


def test_restoring_the_five_articles_vocabulary(corpus: DiacriticRestorer) -> None:
    assert corpus.restore("hoi dam ha giang chau van son") == "hội đàm hà giang châu văn sơn"
    assert corpus.restore("lao cai ky thoa thuan voi chau hong ha o dau") == (
        "lào cai ký thỏa thuận với châu hồng hà ở đâu"
    )
    restored = corpus.restore("phien hop thu 9 nhom cong tac lien hop")
    assert restored == "phiên họp thứ 9 nhóm công tác liên hợp"


def test_every_entry_folds_back_to_its_key(corpus: DiacriticRestorer) -> None:
    assert len(corpus.words) > 400 and len(corpus.pairs) > 1000
    for table in (corpus.words, corpus.pairs):
        for key, spelling in table.items():
            assert fold(spelling) == key, (key, spelling)
