"""Question analysis (rag/question.py): language, question types, years and meeting numbers, two-part
questions, English glossary terms. No index, no model."""

from __future__ import annotations

import pytest

from rag.question import (
    Language,
    analyze,
    asked_nouns,
    detect_language,
    lexical_query,
    mentions_meeting_number,
    question_type,
    question_types,
    split_question,
)


# -------------------------------------------------------------------------------------------- language
@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?", "vi"),
        ("Phiên họp thứ 9 diễn ra ở đâu?", "vi"),
        ("lao cai ky thoa thuan voi chau hong ha khi nao", "vi-nodiacritics"),
        ("ai dan dau doan dai bieu chau van son", "vi-nodiacritics"),
        ("When did Lao Cai sign an agreement with Honghe?", "en"),
        ("Who led the Wenshan delegation?", "en"),
        # English with Vietnamese names that keep their diacritics is still English
        ("Where did Lào Cai and Hồng Hà sign the 2024 agreement?", "en"),
    ],
)
def test_detect_language(question: str, language: str) -> None:
    assert detect_language(question) == language
    assert analyze(question).language == language


def test_a_bare_name_is_not_english() -> None:
    """One English-looking word is not enough: names and short phrases stay Vietnamese."""
    assert detect_language("Hà Giang") == "vi"
    assert detect_language("Ha Giang") == "vi-nodiacritics"
    assert detect_language("the Hà Giang") == "vi"  # a single English function word
    assert detect_language("") == "vi-nodiacritics"


# ----------------------------------------------------------------------------------------------- types
@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?", "when"),
        ("Phiên họp diễn ra vào ngày nào?", "when"),
        ("lao cai ky thoa thuan o dau", "where"),
        ("Hội đàm tổ chức tại đâu?", "where"),
        ("Ai dẫn đầu đoàn đại biểu châu Văn Sơn?", "who"),
        ("Đoàn đại biểu do ai dẫn đầu?", "who"),
        ("Phó Bí thư Tỉnh ủy Vân Nam nào tham dự hội nghị?", "who"),
        ("Có bao nhiêu văn bản được ký kết?", "how_many"),
        ("Những nội dung nào được thống nhất?", "list"),
        ("Hội nghị có được tổ chức trực tuyến không?", "yes_no"),
        ("Hà Giang hợp tác với Vân Nam", "what"),
        ("When did Lao Cai sign with Honghe?", "when"),
        ("Which city hosted the 10th session?", "where"),
        ("Where was the first meeting held?", "where"),
        ("Who headed the Honghe delegation?", "who"),
        ("How many cooperation contents did Lào Cai and Honghe agree on?", "how_many"),
        ("List the agreements signed in 2024", "list"),
        ("Did the two sides agree to open a new border gate?", "yes_no"),
    ],
)
def test_question_type(question: str, qtype: str) -> None:
    q = analyze(question)
    assert q.qtype == qtype
    assert question_type(question, q.language) == qtype
    assert q.qtypes[0] == qtype


def test_a_two_part_question_has_both_types_main_first() -> None:
    q = analyze("Lào Cai ký thỏa thuận với châu Hồng Hà khi nào, ở đâu?")
    assert q.qtypes == ["when", "where"]
    types = question_types("lao cai ky thoa thuan o dau va khi nao", "vi-nodiacritics")
    assert set(types) == {"when", "where"}
    assert question_types("Ai chủ trì?", "vi") == ["who"]


def test_an_office_and_which_asks_for_a_person() -> None:
    """A title of the titles table followed by "nào", with only names between them, asks "who"."""
    assert question_types("Phó thủ tướng Campuchia nào dự hội nghị?", "vi")[0] == "who"
    assert question_types("pho thu tuong campuchia nao du hoi nghi", "vi-nodiacritics")[0] == "who"
    assert question_types("Bộ trưởng nào đã tới thăm?", "vi")[0] == "who"
    assert question_types("bi thu tinh uy quang ninh nao ky", "vi-nodiacritics")[0] == "who"
    assert "who" not in question_types("Thủ tướng ký với tập đoàn nào?", "vi")
    assert "who" not in question_types("Bộ trưởng nước nào đã tới?", "vi")
    assert "who" not in question_types("Thủ tướng Nguyễn Văn An ký với tập đoàn nào?", "vi")
    assert "who" not in question_types("Hai nước lần lượt làm Chủ tịch của tổ chức nào?", "vi")


def test_english_types_of_amounts_dates_and_names() -> None:
    for question, qtype in [
        ("On what exact date did the two unions sign the agreement?", "when"),
        ("In which year did they sign?", "when"),
        ("What percentage of voters approved the agreement?", "how_many"),
        ("What was the value of bilateral trade in 2017?", "how_many"),
        ("How large is the credit agreement?", "how_many"),
        ("What is the name of the Chinese defence minister?", "who"),
        ("What is the name of the space programme?", "what"),
    ]:
        assert question_types(question, "en")[0] == qtype, question


def test_review_of_question_analysis() -> None:
    """Cases a review of this milestone's rules found."""
    from rag.answer import required_names
    from rag.question import _stems

    assert "bien" not in analyze("How many seats did the party win?").terms  # "seats" is no "sea"
    assert _stems("signing") == ["sign", "signe"] and _stems("metal") == []
    assert "fpt global centre" in analyze("Trung tâm FPT Global Centre ký với ai?").names  # English words in
    assert "imf" in required_names(analyze("How much did the IMF lend to Vietnam?"))  # a Vietnamese name
    for question, qtype in [
        ("What is the name of the agreement on general cooperation?", "what"),
        ("What was the name of the CEO of the airline?", "who"),
        ("What happened that day?", "what"),
    ]:
        assert question_types(question, "en")[0] == qtype, question
    assert analyze("How long was the visit?").counted and not analyze("How long is the border?").counted


def test_types_read_the_folded_question() -> None:
    """With or without diacritics, the same question is the same type."""
    for marked, plain in [
        ("Hội nghị diễn ra khi nào?", "hoi nghi dien ra khi nao?"),
        ("Ký kết ở đâu?", "ky ket o dau?"),
        ("Ai chủ trì?", "ai chu tri?"),
    ]:
        assert question_type(marked, "vi") == question_type(plain, "vi-nodiacritics") != "what"


def test_english_rules_do_not_apply_to_vietnamese() -> None:
    assert question_type("When did they sign?", "en") == "when"
    assert question_type("When did they sign?", "vi") == "what"  # no Vietnamese question word


# ------------------------------------------------------------------------------ years, meetings, parts
def test_years_and_meeting_numbers() -> None:
    q = analyze("Where was the 9th Joint Working Group session held in 2023, in Hà Giang?")
    assert q.ordinals == [9] and q.years == ["2023"]
    assert analyze("Phiên họp lần thứ hai diễn ra năm 2019 ở tỉnh nào?").ordinals == [2]
    assert analyze("Where was the first meeting held?").ordinals == [1]
    assert analyze("Hội nghị lần thứ 3 giữa 5 tỉnh").ordinals == [3]
    assert analyze("Lào Cai và Hà Giang hợp tác").ordinals == []
    assert analyze("Giai đoạn 2024 – 2028, năm 2019").years == ["2024", "2028", "2019"]
    assert analyze("Có 1500 người và 2100 xe").years == []  # not plausible years


def test_mentions_meeting_number() -> None:
    assert mentions_meeting_number("Phiên họp thứ 9 Nhóm công tác liên hợp", 9)
    assert mentions_meeting_number("Phien hop thu chin", 9)
    assert mentions_meeting_number("lần thứ hai Hội nghị", 2)
    assert not mentions_meeting_number("Phiên họp thứ 9 Nhóm công tác liên hợp", 10)
    assert not mentions_meeting_number("Thứ chín, hai bên nhất trí", 9)  # a list item, not a meeting
    # the first meeting as a question names it ("phiên họp ... đầu tiên" is ordinal 1)
    assert analyze("Phiên họp hợp tác chung đầu tiên tổ chức ở đâu?").ordinals == [1]
    assert mentions_meeting_number("chủ trì phiên họp hợp tác chung đầu tiên giữa hai bên", 1)
    assert not mentions_meeting_number("chủ trì phiên họp hợp tác chung đầu tiên giữa hai bên", 2)
    assert not mentions_meeting_number("Hội nghị thứ 10 được tổ chức lần đầu tiên tại Hà Nội", 1)


def test_split_question() -> None:
    assert split_question("Phiên họp lần thứ 10 tổ chức ở đâu, và diễn ra vào ngày nào?") == [
        "Phiên họp lần thứ 10 tổ chức ở đâu",
        "diễn ra vào ngày nào",
    ]
    assert split_question("Lào Cai và Hà Giang ký gì?") == []  # "và" between names does not split
    assert split_question("Hà Giang hợp tác với Vân Nam") == []


# ------------------------------------------------------------------------------------ English queries
def test_english_questions_search_with_vietnamese_terms() -> None:
    text = lexical_query("When did Lao Cai sign the cooperation agreement with Honghe?")
    assert text.startswith("When did Lao Cai sign")
    for term in ("hợp tác", "thỏa thuận", "Hồng Hà"):
        assert term in text
    q = analyze("Who led the Wenshan delegation?")
    assert "van son" in q.names and "Văn Sơn" in q.search_text


def test_english_country_names_are_searched_in_vietnamese() -> None:
    """Countries by their English names and adjectives (``rag/data/countries.tsv``); "US" in capitals
    only ("us" is a pronoun), and both of its Vietnamese names."""
    q = analyze("What did the Malaysian and Turkish ministers agree on?")
    assert {"malaysia", "tho_nhi"} <= set(q.terms) and "malaysian" not in q.terms
    us = analyze("When did the US sign the deal?")  # one of its names is a term, the other an alternative
    assert "hoa_ky" in us.terms and "my" in us.alternatives["hoa_ky"]
    assert "hoa_ky" not in analyze("Tell us when the deal was signed?").terms


def test_a_word_is_translated_only_where_the_question_uses_a_glossary_term() -> None:
    """ "signing" by "sign"; "cemetery" stays untranslated though some glossary key has the word; the
    other equivalents of a term are alternatives, not more terms."""
    from rag.question import _untranslated

    assert _untranslated("Who broke the cemetery after the signing?") == ["broke", "cemetery"]
    from rag.question import _translations

    assert ["Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"] in _translations(
        "Who heads the Department of Culture, Sports and Tourism?"
    )
    q = analyze("When did the party delegation arrive?")
    assert "dang" in q.terms and "chinh_dang" not in q.terms and "chinh_dang" in q.alternatives["dang"]


def test_english_plurals_and_foreign_places_are_translated() -> None:
    """ "deliveries" by "delivery", "loan" by the glossary's "loans"; a foreign place by the spelling
    Vietnamese news uses ("Beijing" -> "Bắc Kinh"), the question's own when it is one of them."""
    from rag.question import _untranslated

    assert not {"deliveries", "loan"} & set(_untranslated("Were the deliveries of the loan delayed?"))
    q = analyze("Who did the delegation meet in Beijing?")
    assert "Bắc Kinh" in q.search_text and "bac kinh" in q.names
    assert "la habana" not in analyze("Bà Ana Lê đã gặp ai khi tới Havana?").names


def test_places_and_abbreviations_of_english_questions() -> None:
    from rag.answer import required_names
    from rag.gazetteer import country_aliases

    assert country_aliases()["hy lap"] == country_aliases()["greece"]  # two lines, one country
    q = analyze("Which Chilean president held talks at the Presidential Palace in Hanoi?")
    assert "ha noi" in q.places  # the event's place: an article may not name the city
    hcmc = analyze("On what day did the HCMC People's Committee chairman meet the delegation?")
    assert "hcmc" not in required_names(hcmc) and "hcm" in hcmc.terms  # searched by its translation
    # a lower-case glossary word that is also the name of a place is no name ("văn bản", "Văn Bàn")
    assert "van ban" not in analyze("Lãnh đạo hai tỉnh ký văn bản gì tại hội nghị?").names


def test_vietnamese_questions_keep_their_text() -> None:
    question = "Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?"
    assert lexical_query(question).startswith(question)
    q = analyze("  Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?  ")
    assert q.text == question and "lao cai" in q.names


def test_days_a_question_gives() -> None:
    from rag.question import analyze

    assert analyze("Trong cuộc điện đàm ngày 28/3, hai bên thống nhất gì?").days == [(28, 3)]
    assert analyze("Which documents did they sign on May 27?").days == [(27, 5)]
    assert analyze("Hai bên ký thỏa thuận khi nào?").days == []
    # "Việt Nam nào" asks which one, not which year
    assert analyze("chu tich nuoc viet nam nao hop bao ngay 23/3").qtypes == ["who"]


def test_articles_that_mention_the_days_asked_about() -> None:
    from rag.answer import _days_given
    from rag.models import Article

    article = Article("d", "Hội đàm", "Chuyến thăm từ 22 đến 24/3. Sáng 12 và 15-4, hai bên họp báo.")
    assert _days_given(article) == {(22, 3), (23, 3), (24, 3), (12, 4), (15, 4)}  # two days: not 13-14/4


def test_how_much_money_is_not_a_count_of_money() -> None:
    from rag.question import analyze

    q = analyze("Tập đoàn đầu tư bao nhiêu tiền để mở công ty con ở Hàn Quốc?")
    assert q.wants_money and q.counted == []
    assert analyze("Hai bên ký bao nhiêu dự án, vốn bao nhiêu?").counted[0] == "du an"
    assert analyze("Tập đoàn A đầu tư bao nhiêu vào tỉnh B?").counted == []  # (a preposition, no noun)
    # more of a thing: two counts of it compared
    q = analyze("Kế hoạch A và kế hoạch B, bên nào có nhiều lĩnh vực ưu tiên hơn?")
    assert q.qtype == "how_many" and q.counted[:2] == ["linh vuc", "linh"]
    assert analyze("Hai bên hay ba bên góp nhiều tiền hơn?").counted == []
    # no comparison: "khi nào", "hơn nữa", a who-question
    assert analyze("Khi nào nước A sẽ có nhiều chuyến bay thẳng hơn tới nước B?").qtype == "when"
    assert analyze("Tỉnh nào đề xuất hỗ trợ nhiều nguồn lực hơn nữa cho vùng cao?").qtype != "how_many"
    assert analyze("Ai cho rằng doanh nghiệp nào cần nhiều ưu đãi hơn?").qtype == "who"
    assert analyze("Chủ tịch nước A đã ân xá bao nhiêu tù nhân?").counted[0] == "tu nhan"


def test_how_many_times_asks_a_multiple_not_money() -> None:
    from rag.question import analyze

    q = analyze("Giá trị xuất khẩu của nước A sang nước B tăng bao nhiêu lần?")
    assert q.qtype == "how_many" and not q.wants_money
    assert analyze("Giá trị xuất khẩu của nước A sang nước B là bao nhiêu?").wants_money


def test_how_long_asks_a_duration() -> None:
    from rag.question import analyze

    q = analyze("Khoản vay hợp vốn cho ngân hàng A có kỳ hạn tối đa bao lâu?")
    assert q.qtype == "how_many" and not q.wants_money and "nam" in q.counted
    assert "thang" in analyze("How long will the loan to bank A last?").counted
    assert analyze("How long is the border between A and B?").counted == []


def test_names_split_where_one_name_ends_and_another_begins() -> None:
    """An abbreviation or a country runs into a person's name in a question; an article writes them
    apart ("ông Bruno Angelet - đại sứ EU"); an organisation's English words stay with its abbreviation."""
    assert analyze("Theo đại sứ EU Bruno Angelet, EVFTA có lợi gì?").names == ["bruno angelet"]
    assert "huynh thanh dat" in analyze("Giám đốc Đại học Quốc gia TP. HCM Huỳnh Thành Đạt đề nghị gì?").names
    assert "richard grenell" in analyze("Đại sứ Mỹ Richard Grenell gửi thư cho ai?").names
    assert "fpt global centre" in analyze("Trung tâm FPT Global Centre ký với ai?").names


def test_a_country_short_form_counts_only_with_its_capital() -> None:
    from rag.answer import _article_words, _holds
    from rag.models import Article

    def words(text: str) -> str:
        return _article_words(Article("d", "Tin", text))

    assert _holds(words("Putin muốn Nga - Nhật ký hiệp định hoà bình."), "nhat ban")
    assert not _holds(words("Hai bên nhất trí ký hiệp định."), "nhat ban")  # "nhất", not "Nhật"
    assert _holds(words("Hai bên nhất trí. Nhật Bản ký."), "nhat ban")


def test_time_words_are_read_with_their_marks() -> None:
    """ "tháng nào" asks which month, "trực thăng nào" which helicopter (typed without marks, the two
    are one word)."""
    assert question_types("Hai bên ký hiệp định vào tháng nào?", "vi")[0] == "when"
    assert question_types("Trực thăng mới được nâng cấp từ mẫu trực thăng nào?", "vi")[0] == "what"


def test_whether_and_whose_name() -> None:
    # "đã có ... nào ... chưa?" asks whether, not who; an office before "tên là gì" asks its holder's name
    q = "Kể từ năm 1953, đã có nhà lãnh đạo tại nhiệm nào của hai nước tới thăm nhau chưa?"
    assert question_types(q, "vi")[0] == "yes_no"
    assert (
        question_types("tu lenh khong quan nuoc B dan dau phai doan ten la gi", "vi-nodiacritics")[0] == "who"
    )
    assert question_types("Tuyến du lịch mới có tên là gì?", "vi")[0] == "what"


def test_the_verb_and_the_subject_a_yes_no_question_asks_about() -> None:
    # the verb as written (lower case, one tone placement); folded only when the question is typed so
    q = analyze("Thủ tướng Nhật Shinzo Abe có trả lời đề nghị ký hiệp định hoà bình không?")
    assert (q.predicate[0], q.subject) == ("trả lời", "Nhật Shinzo Abe")
    assert "phản hồi" in q.predicate  # (the verbs the table gives for "respond" with it)
    q = analyze("Bộ Thống nhất Hàn Quốc có chấp nhận đề nghị đàm phán của Triều Tiên không?")
    assert (q.predicate, q.subject) == (("chấp nhận",), "Bộ Thống nhất Hàn Quốc")
    assert analyze("thu tuong abe co tra loi de nghi khong").predicate[:2] == ("tra loi", "phan hoi")
    assert analyze("Trường A có được kiểm định quốc gia không?").predicate == ("kiểm định",)
    assert analyze("Nga có thực sự huỷ cuộc tập trận không?").predicate == ("hủy cuộc",)  # "huỷ" = "hủy"
    assert analyze("Việt Nam có tham gia về cơ chế không?").predicate[0] == "tham gia"  # "cơ" is no "có"
    assert analyze("Đã ký hiệp định chưa?").predicate == ("ký hiệp",)  # the first word may open it
    assert analyze("Sau đó Bộ Y tế có phê duyệt vắc xin không?").subject == "Bộ Y tế"
    assert analyze("Tuyên bố có phải được hai bộ ký năm 2017 không?").predicate == ()  # whether it is so
    assert analyze("Ông A có được không?").predicate == ()
    assert analyze("Ai ký biên bản?").predicate == ()
    # in English, the first verb of rag/data/verbs-en.tsv after the auxiliary, by its Vietnamese words
    q = analyze("Did Vladimir Putin accept President Tran Dai Quang's invitation to visit Vietnam?")
    assert "nhận lời" in q.predicate and q.subject == "Vladimir Putin"
    assert (
        "ủng hộ"
        in analyze("Did Romanian businesses at the forum support the EU signing the EVFTA?").predicate
    )
    assert "cấm" in analyze("Has Vietnam banned the import of pork?").predicate
    assert analyze("Did the free trade agreement take effect?").predicate == ()  # "the free ...": a noun


def test_a_title_before_a_name_the_question_gives_is_not_the_office_asked() -> None:
    from rag.answer import asked_titles

    q = analyze("Ngày 26-7, Tổng thống Donald Trump đã điện đàm với tân Thủ tướng Anh nào?")
    assert asked_titles(q) == ["thu tuong", "thu tuong chinh phu"]  # (the same office written in full)
    assert asked_titles(analyze("Bộ trưởng Kinh tế Đức Peter Altmaier gặp Đại sứ nào?")) == ["dai su"]
    assert asked_titles(analyze("Who did Prime Minister Nguyen Xuan Phuc meet?")) == []
    assert asked_titles(analyze("Bí thư Tỉnh ủy Quảng Ninh là ai?")) == ["bi thu tinh uy"]


def test_english_names_typed_without_marks_are_required() -> None:
    """A Vietnamese name typed without marks in an English question ("Long Thanh", "Tran Dai Quang") is
    required like a marked one; a term the glossary translates whole ("South China Sea", "Ho Chi Minh
    City") names no party of its own, and a name of three words is held by its initials ("TP.HCM")."""
    from rag.answer import _holds, required_names

    assert "long thanh" in required_names(
        analyze("When was the Long Thanh International Airport loan signed?")
    )
    assert not {"trung quoc", "china"} & set(
        required_names(analyze("Did they agree on the South China Sea?"))
    )
    assert "trung quoc" in required_names(analyze("Did China agree on the South China Sea?"))
    assert _holds(" ubnd tp hcm va viettel ", "ho chi minh") and _holds(" tphcm ", "ho chi minh")
    assert question_types("In which country was the summit held?", "en")[0] == "where"
    assert question_types("Hội nghị diễn ra ở nước nào?", "vi")[0] == "where"


def test_amounts_a_question_states_or_does_not_ask() -> None:
    from rag.answer import _lead_amount
    from tests.test_evidence import _evidence

    q = analyze("What interest rate does the 200 million USD loan to the bank carry?")
    assert _lead_amount(q, _evidence("Hợp đồng tín dụng trị giá 200 triệu USD được ký hôm qua.", 0.9)) is None
    fee = analyze("How much is the annual tuition fee at the college?")
    assert (
        _lead_amount(fee, _evidence("Trường hoàn trả 50% học phí nếu sinh viên không có việc.", 0.9)) is None
    )
    grow = analyze("By how much did bilateral trade grow in 2017?")
    assert (
        _lead_amount(grow, _evidence("Kim ngạch thương mại song phương tăng 36% trong năm 2017.", 0.9))
        == "36%"
    )


def test_review_of_this_milestones_rules() -> None:
    """Cases a review of the milestone's rules found."""
    from rag.answer import _ASKS_SHARE, _ASKS_UPCOMING, _named_again, _numbers, _office_agent, _says

    names = analyze("Thái Bình và Mỹ Tho ký kết; Hàn Mặc Tử").names
    assert "thai binh" in names and "my tho" in names and "han mac tu" in names  # no country split off
    assert question_types("Ai là trụ trì chùa?", "vi")[0] == "who"  # "chùa" is no "chưa"
    assert question_types("Ai chỉ huy lực lượng phòng không?", "vi")[0] == "who"
    assert question_types("Hai bên ký hiệp định vào thang nào?", "vi")[0] == "when"  # typed without marks
    assert question_types("Đại sứ quán tổ chức lễ hội có tên gì?", "vi")[0] == "what"
    assert not _says(analyze("Hai ngân hàng sáp nhập vào ngày nào?"), *_ASKS_UPCOMING)  # "sáp", not "sắp"
    assert not _says(analyze("Ông A chia sẻ thông tin này vào ngày nào?"), *_ASKS_UPCOMING)
    assert not _says(analyze("Tổng giám đốc cho biết doanh thu đạt bao nhiêu tiền?"), *_ASKS_SHARE)
    assert _numbers("1,5 tỷ USD") == {"1,5"} and _numbers("1.137 km") == {"1137"}
    assert not _named_again("Trung Quốc tuyên bố", "nguyen van trung") and _named_again(
        "ông Trump nói", "donald trump"
    )
    who = analyze("Ai chủ trì hội nghị?")
    assert _office_agent(who, "Hội nghị do Thủ tướng chủ trì.") == "Thủ tướng"
    assert _office_agent(who, "Hiệp định thương mại tự do Bộ trưởng hai nước ký.") is None


def test_distances_long_meeting_names_and_the_slot_kept_in_its_clause() -> None:
    from rag.answer import _lead_amount, clip
    from rag.question import mentions_meeting_number
    from tests.test_evidence import _evidence

    border = analyze("How long is the border shared by the two countries?")
    text = "Hai nước chia sẻ 1137 km đường biên giới chung."
    assert _lead_amount(border, _evidence(text, 0.9)) == "1137 km"
    long_name = (
        "Hội nghị Hợp tác và Phát triển các tỉnh biên giới của nước A - nước B lần thứ 10 diễn ra hôm nay."
    )
    assert mentions_meeting_number(long_name, 10)  # (61 characters between)
    commas = (
        "Hội nghị diễn ra tại Hà Nội, với sự tham dự của 300 đại biểu từ nhiều nước, là lần thứ 5 A đăng cai."
    )
    assert not mentions_meeting_number(commas, 5)
    sentence = (
        "Đó là thông điệp xuyên suốt tại Hội nghị Hợp tác và Phát triển các tỉnh biên giới nước A - "
        "nước B lần thứ 10 trong 2 ngày 9-10 tháng 1."
    )
    assert "9-10 tháng 1" in clip(sentence, {"hoi", "nghi"}, 24, anchor="ngày 9-10 tháng 1")


def test_the_asking_clause_a_surname_the_question_gives_and_a_country_asked() -> None:
    from rag.answer import _ASKS_UPCOMING, _people, _place_fits, _says

    q = analyze("trump va johnson noi se dam phan ngay sau khi anh roi eu, vay anh roi eu vao ngay nao")
    assert not _says(q, *_ASKS_UPCOMING, asking_only=True)  # "sẽ" is in another clause
    assert _says(analyze("Khi nào hai bên sẽ ký hiệp định?"), *_ASKS_UPCOMING, asking_only=True)
    with_ivanka = analyze("Who accompanied Trump on his visit to Japan?")
    sentence = "Ông Donald Trump cùng con gái là bà Ivanka Trump tới Tokyo."
    assert "Ivanka Trump" in [name for _, name in _people(sentence, with_ivanka.words)]
    where = analyze("In which country was the summit held?")
    assert _place_fits(where, "Singapore") and _place_fits(where, "Bình Nhưỡng")  # (a country's capital)
    assert not _place_fits(where, "Cung Văn hoá Hữu nghị")


def test_money_is_wanted_only_when_asked() -> None:
    # an amount the question gives names the deal; a who-, when- or where-question asks for no amount
    assert not analyze("Giám đốc quốc gia của ADB, người nói về khoản vay 188 triệu USD, là ai?").wants_money
    assert not analyze("Who represented IFC at the signing of the USD 100 million loan?").wants_money
    assert not analyze("In which province will the rice value chain project be built?").wants_money
    assert analyze("Giá trị hợp đồng giữa hai công ty là bao nhiêu?").wants_money
    assert analyze("How much is the loan worth?").wants_money


def test_what_a_how_many_question_counts() -> None:
    # unmarked "may" is "mấy" (how many), not in "nhà máy" (a factory) or "máy bay"
    assert analyze("ai la chu tich nutifood phat bieu tai le khanh thanh nha may o thuy dien").qtypes == [
        "who"
    ]
    assert analyze("hai ben ky may van ban").counted[:1] == ["van ban"]
    # "giảm từ bao nhiêu xuống bao nhiêu": a change, no thing counted ("xuống" is no boat), the rate it names
    assert analyze("ty le no xau da giam tu bao nhieu xuong bao nhieu").counted == ["ti le"]
    # each noun of a two-part question ("how many soldiers or how many tonnes")
    both = analyze("Trực thăng chở được bao nhiêu binh lính hoặc bao nhiêu tấn hàng?").counted
    assert {"binh linh", "tan hang"} <= set(both)
    # not a country: "how many Vietnamese military personnel"
    assert "viet nam" not in analyze("How many Vietnamese military personnel did Australia train?").counted


def test_which_items_asks_for_a_list() -> None:
    assert analyze("Hai bên đánh giá kết quả những dự án hợp tác nào?").qtype == "list"
    assert analyze("Triều Tiên đã thả những công dân Mỹ nào?").qtype == "list"


def test_at_which_venue_asks_where() -> None:
    assert analyze("At which stadium will the friendly match be held?").qtype == "where"
    assert analyze("In which hotel did the delegation stay?").qtype == "where"


def test_an_english_comparison_asks_for_amounts() -> None:
    assert analyze("Which was bigger: the A contract or the B deal?").qtype == "how_many"
    assert analyze("How does the 2019 target compare with the 2018 number of visitors?").qtype == "how_many"


def test_english_where_and_which_office_holder() -> None:
    # "where" as a relative word ("the ceremony where A signed") asks no place
    assert analyze("Which Deputy Minister of Finance spoke at the ceremony where A signed?").qtype == "who"
    assert analyze("Who signed the contract, and where?").qtypes == ["where", "who"]
    assert analyze("Where did the two sides sign the deal?").qtype == "where"


def test_an_english_whether_after_an_opening_clause() -> None:
    question = "After A and B ended their joint venture, has it been made clear who will hold the rights?"
    assert analyze(question).qtype == "yes_no"
    assert analyze("In 2019, who signed the deal?").qtype == "who"


def test_which_exact_day_and_which_unit() -> None:
    # "vào ngày cụ thể nào" asks when, as "vào ngày nào" does
    assert analyze("Hai bên hội kiến tại Hà Nội vào ngày cụ thể nào?").qtype == "when"
    # "đơn vị nào" asks for a body, not a person ("vị nào")
    assert analyze("Đơn vị nào đứng ra tổ chức diễn đàn?").qtype != "who"
    assert analyze("Vị nào chủ trì diễn đàn?").qtype == "who"
    assert analyze("Which Chinese officials met the delegation?").qtype == "who"


def test_two_events_ordered_in_time_ask_when_each_happened() -> None:
    q = analyze("Hai bên ký biên bản ghi nhớ trước hay sau khi khai trương văn phòng đại diện?")
    assert q.qtype == "when"
    assert q.events == ("hai ben ky bien ban ghi nho", "khai truong van phong dai dien")
    en = analyze("Did the two sides sign the memorandum before or after the office opened?")
    assert en.qtype == "when" and len(en.events) == 2 and "ky" in en.events[0].split()
    assert analyze("Which came first: the memorandum or the office?").events[0].startswith("memorandum ")
    assert analyze("Hai bên ký biên bản ghi nhớ vào ngày nào?").events == ()


def test_a_country_before_a_one_word_foreign_name() -> None:
    # "Thủ tướng Nga Medvedev": the article may write "Thủ tướng Nga Dmitry Medvedev"; no name "nga medvedev"
    assert "nga medvedev" not in analyze("Thủ tướng Nga Medvedev muốn tận dụng hiệp định nào?").names
    assert analyze("Thủ tướng Nga Dmitry Medvedev muốn gì?").names == ["dmitry medvedev"]
    # not a place of the gazetteer, nor English words after a country's adjective
    assert "my tho" in analyze("Thành phố Mỹ Tho ký với ai?").names
    from rag.question import _name_parts

    assert _name_parts(["Cuban", "Communist"], "en") == [["Cuban", "Communist"]]
    # (a phrase of the glossary ends an English name: "Communist Party" is "Đảng Cộng sản")
    assert "cuban communist" not in analyze("Who leads the Cuban Communist Party delegation?").names


def test_more_ways_to_order_events_and_compare_amounts() -> None:
    # "A và B, chuyến nào diễn ra trước?", "A và B lần lượt diễn ra vào ngày nào?"
    q = analyze("Chuyến thăm của ông Lâm và chuyến thăm của ông Bình, chuyến nào diễn ra trước?")
    assert q.qtype == "when" and q.events == ("chuyen tham ong lam", "chuyen tham ong binh")
    assert len(analyze("Lễ ký và lễ khai trương lần lượt diễn ra vào ngày nào?").events) == 2
    # "nào trước cuộc hội đàm" (before the talks) orders nothing
    q = analyze("Triều Tiên đã thả những công dân nào trước cuộc hội đàm thượng đỉnh?")
    assert q.qtype == "list" and q.events == ()
    # two amounts compared; "máy bay" is no "mấy" unless counted
    assert analyze("Hợp đồng của A và của B, hợp đồng nào có giá trị lớn hơn?").qtype == "how_many"
    assert analyze("Hợp đồng mua máy bay nào có giá trị lớn hơn, của A hay của B?").counted == []
    assert analyze("Vietjet mua bao nhiêu máy bay?").counted[:1] == ["may bay"]
    assert analyze("Số sản phẩm nhà ở nhiều hơn hay ít hơn số sản phẩm nghỉ dưỡng?").counted[:1] == [
        "san pham"
    ]
    assert analyze("Which deal was worth more, A's or B's?").qtype == "how_many"


def test_which_city_with_an_adjective_asks_where() -> None:
    assert analyze("In which Russian city is the summit being held?").qtype == "where"
    assert analyze("Which Chinese province signed the deal?").qtype == "where"


def test_ordinary_questions_the_new_rules_leave_alone() -> None:
    # "dân số" is no count of what follows "số"; "mấy máy bay" counts aircraft
    assert analyze("Dân số của thành phố Hải Đông năm 2023 là bao nhiêu?").counted[:1] != ["cua thanh"]
    assert analyze("Hãng Hải Đông đặt mua mấy máy bay?").counted[:1] == ["may bay"]
    # "kéo dài mấy giờ" asks how long; "what time frame" asks no time of day
    assert analyze("Chuyến bay kéo dài mấy giờ?").qtype == "how_many"
    assert analyze("What time frame did the two sides set for the talks?").qtype != "when"
    # a threshold is no comparison of two amounts; "những văn kiện nào trước" orders no events
    assert analyze("Dự án nào có vốn đầu tư lớn hơn 1 tỷ USD?").qtype != "how_many"
    assert analyze("Which company signed a deal worth more than 1 billion USD?").qtype != "how_many"
    q = analyze("Việt Nam và Nhật Bản đã ký những văn kiện nào trước?")
    assert q.qtype == "list" and q.events == ()


def test_news_abbreviations_are_matched_by_their_spelled_out_forms() -> None:
    q = analyze("Trường CĐ nghề Long An nhận thiết bị của UBND tỉnh hôm nào?")
    assert "cao_dang" in q.alternatives["cd"] and "uy_ban" in q.alternatives["ubnd"], q.alternatives
    q = analyze("Trường Cao đẳng nghề Long An nhận thiết bị hôm nào?")
    assert "cd" in q.alternatives["cao_dang"], q.alternatives


def test_ti_is_ty_typed_without_marks() -> None:
    # "tỉ" and "tỷ" are one word: typed without marks, "ti le", "ti dong" ask for a share, an amount
    from rag.answer import _ASKS_SHARE, _says

    assert _says(analyze("ti le co dong dong y o hai ngan hang la bao nhieu"), *_ASKS_SHARE)
    assert analyze("du an tri gia bao nhieu ti dong").wants_money
    assert not analyze("khoan vay 5 ti dong co ky han bao lau").wants_money  # (an amount given, not asked)


# ------------------------------------------------------------------------------------- the noun asked
@pytest.mark.parametrize(
    ("question", "language", "asked"),
    [
        ("Hai bên đã ký những văn kiện hợp tác nào?", "vi", ("van kien",)),
        ("Lãnh đạo nào của tỉnh trả lời báo chí?", "vi", ("lanh dao",)),
        ("Chủ tịch nước gửi lời chia buồn về sự việc gì?", "vi", ("su viec",)),
        ("HAI BÊN ĐÃ KÝ NHỮNG VĂN KIỆN NÀO?", "vi", ("van kien",)),
        # ("những"/"các" of another phrase, before a verb, is not the noun's: the sides sign documents)
        ("Các bên đã ký văn kiện nào?", "vi", ("van kien",)),
        ("Các doanh nghiệp Việt Nam đầu tư vào lĩnh vực nào?", "vi", ("linh vuc",)),
        ("Doanh nghiệp Hàn Quốc nào đầu tư vào tỉnh?", "vi", ("doanh nghiep",)),  # (back over a name)
        # a verb, an office before a name, or a word that asks for anything is no noun asked for
        ("Vietjet đã ký hợp đồng mua gì với Boeing?", "vi", ()),
        ("Thủ tướng sẽ hội đàm với Thủ tướng Nhật nào?", "vi", ()),
        ("Hai bên đã thống nhất những gì?", "vi", ()),
        ("Hai bên bàn về điều gì?", "vi", ()),
        # typed without marks: the two words before "nào", or the one after a function word
        ("tien vien tro se dung cho nhung linh vuc nao", "vi-nodiacritics", ("linh vuc",)),
        ("hai ben ban ve van de gi", "vi-nodiacritics", ("van de",)),
        ("co quan nao cap phep", "vi-nodiacritics", ("co quan",)),
        ("ky van ban nao", "vi-nodiacritics", ("van ban",)),
        ("viet nam ky voi nuoc nao", "vi-nodiacritics", ("nuoc",)),
        ("hai ben thong nhat nhung gi", "vi-nodiacritics", ()),
        ("hop tac nhu the nao", "vi-nodiacritics", ()),
    ],
)
def test_the_noun_a_vietnamese_question_asks_for(
    question: str, language: Language, asked: tuple[str, ...]
) -> None:
    assert asked_nouns(question, language) == asked


def test_the_noun_an_english_question_asks_for() -> None:
    # the last word of the phrase "which"/"what" opens, in Vietnamese by the glossary
    assert "du an" in analyze("Which two Danish-supported projects did the PM mention?").asked
    assert "kinh phi" in analyze("Which fund is financing the ground station?").asked  # ("fund": a verb too)
    assert analyze("What did the two sides agree?").asked == ()
    assert analyze("Who signed the memorandum?").asked == ()
    # ("which" of a relative clause asks nothing; "what kind of X" asks for X; a hyphenated adjective
    # is no verb; of the equivalents, those of more than one syllable: "đền" folded is also "đến")
    assert asked_nouns("Who chaired the meeting at which the deal was signed?", "en") == ()
    assert "du an" in asked_nouns("What kind of projects did they agree on?", "en")
    assert asked_nouns("Which state-owned company signed the deal?", "en")[:1] == ("cong ty",)
    assert asked_nouns("Which temple did the Indian prime minister visit?", "en") == ("den tho",)


def test_a_time_is_no_noun_asked_for() -> None:
    # (a when-question's date is its slot: "ngày nào", "what date" name no noun a sentence should hold)
    assert asked_nouns("Biên bản được ký ngày nào?", "vi") == ()
    assert asked_nouns("bien ban duoc ky vao thoi diem nao", "vi-nodiacritics") == ()
    assert asked_nouns("On what date was the memorandum signed?", "en") == ()
    # (nor is the noun of a when-, where- or how-many question, whose slot is typed already)
    assert asked_nouns("Hai bên ký văn kiện tại tỉnh nào?", "vi") == ("tinh",)
    assert analyze("Hai bên ký văn kiện tại tỉnh nào?").asked == ()


def test_english_by_the_words_of_its_tables_not_only_its_function_words() -> None:
    assert detect_language("Who chairs THACO, HAGL's strategic partner?") == "en"
    assert detect_language("sinh vien uef ra truong dat ielts bao nhieu") == "vi-nodiacritics"
    assert detect_language("doanh nghiep startup nao ky hop dong logistics voi cang") == "vi-nodiacritics"
    assert detect_language("Startup fintech nào gọi vốn Series B?") == "vi"  # (marked: Vietnamese)


def test_names_and_phrases_that_look_like_question_words_do_not_set_the_type() -> None:
    # "may" after a foreign name is the name, not "mấy" (how many)
    assert analyze("ba theresa may tro lai brussels ngay nao").qtype == "when"
    # "số lượng lớn" is a large quantity, not "how many"
    assert analyze("theo ong a, nhat ban dong y mua so luong lon mat hang nong san nao").qtype == "what"
    # a campaign's name, not a person's: "người" is not the question's subject
    assert analyze("Chiến dịch nhằm vào lực lượng người Kurd ở thành phố Afrin có tên là gì?").qtype == "what"
    assert analyze("Chủ tịch tập đoàn X, người phát biểu tại hội nghị, tên là gì?").qtype == "who"
    assert analyze("Trong chuyến thăm, ông A đã tiếp Chủ tịch tập đoàn X, người đó tên là gì?").qtype == "who"
    # "ở bang nào": where
    assert analyze("tong thong dang o bang nao khi noi se goi dien").qtype == "where"


def test_people_after_nguoi_are_no_person_asked() -> None:
    # "người Kurd" names a people: the question asks where, not who
    q = "Thổ Nhĩ Kỳ và Nga ký thỏa thuận chống người Kurd ở Afrin tại thành phố nào?"
    assert analyze(q).qtypes == ["where"]
    assert analyze("tho nhi ky ky thoa thuan chong nguoi kurd o afrin tai thanh pho nao").qtypes == ["where"]
    assert analyze("Người Mỹ nào dẫn đầu đoàn?").qtype == "who"  # (a person of that people, asked)


def test_who_of_a_people_and_of_a_later_clause_and_counts_after_acronyms() -> None:
    for question in [
        "Người Nga nào đã bị trục xuất?",
        "Người Kurd nào bị bắt?",
        "Người anh của nghi phạm tên là gì?",
        "Người lao động bị thương nặng nhất tên là gì?",
        "Theo bài viết, người đứng đầu Bộ Ngoại giao Mỹ tên là gì?",
    ]:
        assert analyze(question).qtype == "who", question
    assert analyze("Chiến dịch do ông Erdogan phát động có tên là gì?").qtype == "what"
    assert analyze("Bà Theresa May từ chức vào ngày nào?").qtypes == ["when"]
    assert analyze("asean may nuoc ky hiep dinh").qtype == "how_many"
    assert analyze("Tinh den thang 6 may doanh nghiep pha san?").qtype == "how_many"


def test_con_opening_a_follow_up_opens_no_name() -> None:
    assert analyze("Còn Bí thư Tỉnh ủy Lai Châu là ai?").names == ["lai chau"]
    assert analyze("Còn Châu trưởng Hồng Hà thì đề nghị gì?").names == ["hong ha"]
    assert analyze("Hội nghị diễn ra tại Côn Minh khi nào?").names == [
        "con minh"
    ]  # (a place, marked otherwise)


def test_a_share_of_money_asked_wants_no_money() -> None:
    q = analyze("kim ngach thuong mai viet nam nga nam 2017 tang bao nhieu phan tram")
    assert not q.wants_money and "phan tram" in q.counted
    assert analyze("Kim ngạch thương mại hai nước năm 2017 đạt bao nhiêu USD?").wants_money


def test_money_and_a_share_both_asked_want_money_and_openers_open_no_name() -> None:
    q = "Nhà máy điện có tổng vốn đầu tư bao nhiêu và doanh nghiệp Nhật Bản nắm bao nhiêu phần trăm cổ phần?"
    assert analyze(q).wants_money
    assert analyze("Và Hà Nội thì sao?").names == ["ha noi"]


def test_an_english_question_opening_with_a_modal_asks_whether() -> None:
    # ("must", "should", "are" ..., first or after an opening clause); a "which" question stays one
    assert analyze("Must the company pay the fine?").qtype == "yes_no"
    assert analyze("Are the two sides planning a summit?").qtype == "yes_no"
    opening = (
        "Under the ministry's guidance, must a contract include a clause on learners who meet its needs?"
    )
    assert analyze(opening).qtype == "yes_no"
    assert analyze("Which company must pay the fine?").qtype != "yes_no"


def test_the_common_noun_opening_a_question_is_what_tên_là_gì_asks_the_name_of() -> None:
    assert analyze("Nhà hàng nổi tiếng mọc lên trên khu đất số 26 tên là gì?").asked == ("nha hang",)
    assert analyze("Bộ trưởng Quốc phòng nước A tên là gì?").qtype == "who"  # (an office: its holder)


def test_an_english_question_offering_two_alternatives_asks_which() -> None:
    # ("are more X or Y?", "Did A or B sign first?": which of the two, not yes or no)
    assert (
        analyze("Among the suspects, are more believed to have fled home or to be hiding?").qtype != "yes_no"
    )
    assert analyze("Did Laos or Cambodia sign first?").qtype != "yes_no"
    assert analyze("Was the meeting held in Hanoi or not?").qtype == "yes_no"
    assert analyze("Were two or more agreements signed during the visit?").qtype == "yes_no"
    assert analyze("Is there a penalty for firms that fail to pay taxes or submit reports?").qtype == "yes_no"


def test_a_units_name_and_its_officials_name_run_together_are_two_names() -> None:
    """A capitalised run right after an administrative unit's word is the unit's name (two words, else
    three) then a Vietnamese name: each required apart, as an article writes them apart ("Trưởng Công an
    xã", then "ông Lê Văn Khải"); not after another word, nor a name alone after the unit's word."""
    names = analyze("Nguyên Trưởng Công an xã Tân Hòa Lê Văn Khải bị xử phạt bao nhiêu tháng tù?").names
    assert "tan hoa" in names and "le van khai" in names and "tan hoa le van khai" not in names
    assert analyze("Bí thư tỉnh Lạc Sơn Trần Văn Lộc ký gì?").names == ["lac son", "tran van loc"]
    assert analyze("Phó Chủ tịch UBND xã Đồi Mây Mới Phạm Văn Tân nói gì?").names == [
        "doi may moi",
        "pham van tan",
    ]
    assert analyze("Chủ tịch UBND xã Lê Văn Khải nói gì?").names == ["le van khai"]
    # (a surname that is also a title's word kept, "Trương"; a unit after "TP" run into the name)
    assert analyze("Chủ tịch UBND xã Tân Hòa Trương Văn Minh nói gì?").names == ["tan hoa", "truong van minh"]
    assert "pham van tan" in analyze("Chủ tịch UBND TP Đồi Mây Phạm Văn Tân nói gì?").names
    # (not after another word: a factory's; a company's is split as a unit's is, 46th round)
    assert "nam ha tran van loc" in analyze("Giám đốc nhà máy Nam Hà Trần Văn Lộc ký gì?").names
    assert analyze("Giám đốc công ty Nam Hà Trần Văn Lộc ký gì?").names == ["nam ha", "tran van loc"]
    assert analyze("Giám đốc Công ty Cổ phần Hải Đông Trần Văn Lộc nói gì?").names == [
        "hai dong",
        "tran van loc",
    ]
    # (a company's name of four words is one: its second half no person's, a Vietnamese name of three words
    # split off only)
    assert analyze("Công ty Bình An Hoàng Long đã ký hợp đồng gì?").names == ["binh an hoang long"]
    # (after an officer's title only: "Công ty Bình An Hoàng Gia Phát" is a company's name of five words;
    # the company's form in capitals, "CP", "TNHH MTV", between)
    assert analyze("Công ty Bình An Hoàng Gia Phát đã ký hợp đồng gì?").names == ["binh an hoang gia phat"]
    assert analyze("Giám đốc Công ty CP Hải Đông Trần Văn Lộc nói gì?").names[-2:] == [
        "hai dong",
        "tran van loc",
    ]
    assert analyze("Giám đốc Công ty TNHH MTV Hải Đông Trần Văn Lộc nói gì?").names[-2:] == [
        "hai dong",
        "tran van loc",
    ]


def test_an_english_office_compound_and_what_it_is_for() -> None:
    # 47th round: a compound ending in an office noun heads the wh-phrase, and what the office is of or for
    # may come before the verb
    assert (
        analyze("Which UN Under-Secretary-General for management told the delegation the plan?").qtype
        == "who"
    )
    assert analyze("Which minister of finance said the tax would rise?").qtype == "who"
    assert analyze("Which acting-president of the assembly signed the decree?").qtype == "who"
    assert analyze("What general principles were agreed?").qtype != "who"
    assert analyze("Which members of NATO opposed the expansion plan?").qtype != "who"
    assert analyze("Which member of the Politburo was appointed deputy prime minister?").qtype == "who"
