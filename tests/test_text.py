"""Vietnamese text utilities: folding, matching keys, lexical tokens."""

from rag.text import fold, has_diacritics, lexical_tokens, match_key


def test_fold_strips_diacritics_and_d() -> None:
    assert fold("Lào Cai ĐIỆN BIÊN đồng ý") == "lao cai dien bien dong y"


def test_match_key_ignores_case_diacritics_and_space() -> None:
    assert match_key("  Hồng   Hà ") == match_key("hong ha")


def test_has_diacritics() -> None:
    assert has_diacritics("Côn Minh")
    assert not has_diacritics("Con Minh")


def test_lexical_tokens_match_with_and_without_diacritics() -> None:
    with_marks = set(lexical_tokens("Lào Cai ký thỏa thuận với châu Hồng Hà"))
    without = set(lexical_tokens("lao cai ky thoa thuan voi chau hong ha"))
    assert {"lao_cai", "thoa_thuan", "hong_ha"} <= with_marks & without
    segmented = lexical_tokens("Chính quyền nhân dân châu Hồng Hà ký kết Thỏa thuận hợp tác")
    assert "chau_hong_ha" in segmented  # an underthesea compound word longer than a bigram


def test_diacritic_restorer_uses_the_corpus_spelling() -> None:
    from rag.diacritics import DiacriticRestorer

    texts = [
        "Hội nghị lần thứ nhất tại Lào Cai. Hội nghị lần thứ hai.",
        "Hội đàm tại Hà Giang; hôi nghi (a typo, once).",
        "Đầu tiên, đầu tư vào cửa khẩu.",
    ]
    r = DiacriticRestorer.build(texts)
    # most frequent spelling per folded word / word pair; pairs first; unknown words kept as typed
    assert r.restore("hoi nghi lan thu nhat tai lao cai") == "hội nghị lần thứ nhất tại lào cai"
    assert r.restore("hoi dam tai ha giang") == "hội đàm tại hà giang"
    assert r.restore("sau rieng") == "sau rieng"
    # question words are spelt as questions spell them, not as the articles' most frequent homograph
    assert r.restore("cua khau o dau") == "cửa khẩu ở đâu"
    assert DiacriticRestorer.build(["Ba bà", "bà ba"]).words["ba"] == "ba"  # a tie: the first met


def test_remembered_tokens_are_a_fresh_list_each_time() -> None:
    from rag.text import lexical_tokens

    first = lexical_tokens("Lào Cai ký thỏa thuận", use_segmentation=False)
    first.append("changed")
    again = lexical_tokens("Lào Cai ký thỏa thuận", use_segmentation=False)
    assert "changed" not in again and again == [
        "lao",
        "cai",
        "ky",
        "thoa",
        "thuan",
        "lao_cai",
        "cai_ky",
        "ky_thoa",
        "thoa_thuan",
    ]


def test_underthesea_models_load_safely_from_several_threads_at_once() -> None:
    # a server warms up in one thread while it answers in another: the first calls of the segmenter and
    # the sentence splitter in a fresh interpreter, from eight threads at once, all succeed
    import subprocess
    import sys

    script = (
        "import threading\n"
        "from rag.text import segment\n"
        "from rag.sentences import split_sentences\n"
        "errors = []\n"
        "def work():\n"
        "    try:\n"
        "        segment('Chủ tịch tỉnh Lào Cai tiếp đoàn đại biểu.')\n"
        "        split_sentences('Hai bên ký kết. Đoàn về nước.')\n"
        "    except Exception as exc:\n"
        "        errors.append(repr(exc))\n"
        "threads = [threading.Thread(target=work) for _ in range(8)]\n"
        "[t.start() for t in threads]\n"
        "[t.join() for t in threads]\n"
        "print(errors)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_an_abbreviation_of_news_writing_adds_the_words_it_stands_for() -> None:
    tokens = lexical_tokens("toạ đàm với SV tại Trường ĐH Bách khoa", use_segmentation=False, spell_out=True)
    assert {"sv", "sinh_vien", "truong_dai", "dai_hoc"} <= set(tokens)
    assert tokens.count("sinh") == 1  # (each added once, after the words as written)
    # only as written: a lower-case "sv" or a longer word holding it is no abbreviation
    assert "sinh_vien" not in lexical_tokens("sv đi học, SVĐ mới", use_segmentation=False, spell_out=True)
    # a question in full words and an article in short ones share their tokens
    asked = set(lexical_tokens("trường đại học nào", use_segmentation=False))
    assert {"dai_hoc", "truong_dai"} <= asked & set(tokens)
    # (by default, for questions and the BM25 index, as written: a question's one word is not five)
    assert lexical_tokens("Chủ tịch UBND tỉnh", use_segmentation=False) == [
        "chu",
        "tich",
        "ubnd",
        "tinh",
        "chu_tich",
        "tich_ubnd",
        "ubnd_tinh",
    ]
