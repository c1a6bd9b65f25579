"""The general evidence layer: gazetteers, one-word names, titles, amounts, the learned models."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from rag.answer import (
    _MONEY,
    _holds_title,
    asked_titles,
    has_person,
    person_names,
    required_names,
    single_names,
)
from rag.gazetteer import country_aliases, country_names, looks_foreign, places_of, starts_with_place, titles
from rag.question import analyze, question_types
from rag.scorer import FEATURES, QUESTION_FEATURES, EvidenceModel, SentenceScorer, load_model
from rag.text import fold


def test_gazetteers_are_data_files() -> None:
    assert starts_with_place("Quảng Ninh và") and not starts_with_place("Quảng cáo")
    assert "quang tay" in places_of("Trung Quốc")
    assert country_aliases()["russia"] == {"nga", "lien bang nga"} and "chile" in country_aliases()["chilean"]
    # (the most usual Vietnamese name first, as the file lists it; every UN member state is there)
    assert country_names()["russia"][0] == "nga" and country_names()["south sudan"][0] == "nam sudan"
    assert titles()["Phó Thủ tướng"] == "Deputy Prime Minister"


@pytest.mark.parametrize(
    ("word", "foreign"),
    [("bidv", True), ("techcombank", True), ("chile", True), ("nguyen", False), ("nghieng", False)],
)
def test_a_word_that_cannot_be_one_vietnamese_syllable(word: str, foreign: bool) -> None:
    assert looks_foreign(word) is foreign


def test_one_word_names_are_required() -> None:
    assert single_names(analyze("hop dong hop tac giua bidv va vimo tri gia bao nhieu")) == ["bidv", "vimo"]
    assert "chile" in required_names(analyze("On what date did Vietnam and Chile sign the documents?"))
    # English capitalised words other than countries and acronyms are not required (spelled otherwise)
    english = required_names(analyze("Which landmarks did the Cuban Communist Youth Union visit?"))
    assert "communist" not in english and "cuban communist" not in english
    assert "cuban" in english  # a country's adjective: matched with "Cuba" (countries.tsv)
    # (a short alias only in capitals: "UN" is a party, the last word of "Kim Jong Un" is not)
    assert "un" not in required_names(analyze("Who did Kim Jong Un meet in Hanoi?"))
    assert "un" in required_names(analyze("What did the UN agree with Vietnam?"))


def test_people_after_titles_and_deputies_kept_distinct() -> None:
    assert has_person("đã có cuộc gặp chủ tịch Cuba Raul Castro.")
    assert not has_person("Bí thư Tỉnh ủy Quảng Ninh phát biểu tại hội nghị.")
    assert not has_person("Chủ tịch UBND tỉnh chủ trì.")
    for text in (
        "Bí thư Tỉnh ủy Lào Cai chủ trì",
        "Bộ trưởng Ngoại giao phát biểu",
        "Phó Thủ tướng Thường trực",
    ):
        assert not has_person(text), text  # a place that starts with a country word, an office
    wanted = asked_titles(analyze("What is the name of the Đà Nẵng Vice Chairman who attended?"))
    assert (
        wanted[0] == "pho chu tich" and "chu tich" not in wanted
    )  # (and "Phó Chủ nhiệm", also "Vice Chairman")
    assert asked_titles(analyze("Ai là Phó Trưởng Ban đối ngoại có mặt?")) == ["pho truong ban"]
    assert not _holds_title("ông A, Phó Chủ tịch UBND tỉnh", ["chu tich ubnd"])
    assert _holds_title("ông A, Chủ tịch UBND tỉnh", ["chu tich ubnd"])


def test_amounts_and_the_how_many_word() -> None:
    for text in ("đạt 15 tỉ USD", "49 triệu euro", "10 tỷ đô la", "US$5 billion", "tăng 36%"):
        assert _MONEY.search(text), text
    assert not _MONEY.search("đồng chí Nguyễn Văn An")
    assert question_types("Có mấy văn bản được ký?", "vi") == ["how_many"]
    assert "how_many" not in question_types("Hai bên khai trương tổ máy nào?", "vi")  # "máy": a machine


def test_learned_models_load_and_round_trip(tmp_path: Path) -> None:
    model = load_model()
    assert list(model.sentence.coef) == list(FEATURES)
    assert list(model.question.coef) == list(QUESTION_FEATURES)
    assert 0.0 <= model.question.threshold < 1.0
    assert model.sentence.meta.get("command") == "python eval/train_scorer.py"
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    assert EvidenceModel.from_json(json.loads(path.read_text(encoding="utf-8"))) == model
    scorer = SentenceScorer({"semantic": 2.0}, -1.0, 0.5, {})
    assert scorer.probability({"semantic": 0.5}) == pytest.approx(0.5)
    assert scorer.probability({"semantic": 1.0}) > scorer.probability({"semantic": 0.0})


def test_names_that_titles_introduce() -> None:
    from rag.answer import _titled_names

    assert _titled_names("đã có cuộc gặp chủ tịch Cuba Raul Castro.") == ["Raul Castro"]
    assert _titled_names("Tổng thống Nga Putin và Thủ tướng Nguyễn Văn An") == ["Putin", "Nguyễn Văn An"]
    assert _titled_names("Bộ trưởng Bộ Quốc phòng chủ trì; Chủ tịch UBND tỉnh phát biểu") == []
    # past the body and the place the office belongs to, to the first run of words that is a name
    assert _titled_names("Chủ tịch Uỷ ban Đối ngoại Hạ viện John Miller nói") == ["John Miller"]
    # a body's name with commas and its abbreviation in parentheses
    assert _titled_names(
        "Tổng giám đốc Tổ chức Giáo dục, Khoa học và Văn hoá của Liên Hợp Quốc (UNESCO) Irina Bokova ký"
    ) == ["Irina Bokova"]
    assert _titled_names("Bộ trưởng Quốc phòng, Đại tướng Lê Văn Hải đón") == ["Lê Văn Hải"]
    # a comma goes on only into an enumeration of the body's name, not into the next clause
    assert _titled_names("Theo Bộ trưởng Công Thương, Nguyễn Văn Hải là người ký") == []
    assert _titled_names("Tổng thống Mỹ, Thủ tướng Nhật Bản Shinzo Abe phát biểu") == ["Shinzo Abe"]
    assert _titled_names("Phó thủ tướng Campuchia Samdech Kol Sarin Vong cho biết") == [
        "Samdech Kol Sarin Vong"
    ]
    assert _titled_names("Chủ tịch UBND tỉnh Lạng Sơn cho biết Hà Nội sẽ hỗ trợ") == []
    # names whose parts a spaced hyphen joins, as Vietnamese news writes them; not an office so joined
    assert _titled_names("Chủ tịch Uỷ ban Châu Âu Jean - Pierre Dubois nói") == ["Jean - Pierre Dubois"]
    assert _titled_names("Thủ tướng Lào Bun - thong Chit - ma - ny thông báo") == [
        "Bun - thong Chit - ma - ny"
    ]
    assert person_names("ông Nguyễn Văn An - Chủ tịch UBND tỉnh phát biểu") == ["Nguyễn Văn An"]


def test_abbreviations_match_whole_words_only() -> None:
    from rag.answer import _holds

    assert _holds(" chu tich tp hcm tiep doan ", "tphcm")
    assert not _holds(" nen kinh te vi mo on dinh ", "vimo")  # "vĩ mô" is not VIMO
    assert not _holds(" chi le ", "chile")


def test_the_cli_and_the_api_use_only_the_public_api() -> None:
    import ast

    root = Path(__file__).resolve().parent.parent
    for path in [root / "rag" / "cli.py", *sorted((root / "api").rglob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rag."):
                raise AssertionError(f"{path.name} imports from {node.module}")
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("rag.") for a in node.names), path.name


def test_english_office_words_are_not_names() -> None:
    names = required_names(
        analyze("When did Prime Minister Nguyễn Xuân Phúc pay his official visit to Romania?")
    )
    assert names == ["nguyen xuan phuc", "romania"]
    # a country named in English is required by its Vietnamese names, whatever its words
    assert "new zealand" in required_names(analyze("Who signed the Vietnam–New Zealand dairy agreement?"))
    assert "pm" not in required_names(analyze("What did Vietjet buy during French PM Philippe's visit?"))


def _evidence(text: str, own: float):  # type: ignore[no-untyped-def]
    from rag.answer import Evidence
    from rag.models import Article, Chunk, Hit

    article = Article("d", "Tiêu đề", text)
    chunk = Chunk("d#0", "d", 0, text, 0, len(text), "Tiêu đề", None, [(0, len(text))])
    ev = Evidence(Hit(chunk, 1.0), 1, article, 0, len(text), text)
    ev.own = own
    return ev


def test_yes_no_verdicts_only_from_a_sentence_that_states_it() -> None:
    from rag.answer import DEFAULT_PARAMS, _verdict

    q = analyze("Việt Nam có ủng hộ đối thoại liên Triều không?")
    assert _verdict(q, _evidence("Việt Nam ủng hộ đối thoại liên Triều.", 0.9), DEFAULT_PARAMS) == "Có"
    assert _verdict(q, _evidence("Việt Nam không ủng hộ việc này.", 0.9), DEFAULT_PARAMS) == "Không"
    not_only = _evidence("Việt Nam không chỉ ủng hộ mà còn thúc đẩy đối thoại.", 0.9)
    assert _verdict(q, not_only, DEFAULT_PARAMS) == "Có"
    assert _verdict(q, _evidence("Hai bên hội đàm.", 0.2), DEFAULT_PARAMS) is None
    english = analyze("Did Vietnam say that it supports the inter-Korean dialogue?")
    assert _verdict(english, _evidence("Việt Nam ủng hộ đối thoại.", 0.9), DEFAULT_PARAMS) == "Yes"


def test_people_an_honorific_introduces() -> None:
    from rag.answer import person_names

    text = (
        "Thứ trưởng Lê Văn Hải cùng ông Simon Carter, Tổng giám đốc tập đoàn, và bà Ana María Ortiz ký kết."
    )
    assert person_names(text) == ["Lê Văn Hải", "Simon Carter", "Ana María Ortiz"]
    assert person_names("Bà Susana phát biểu.") == ["Susana"]  # one word that is no Vietnamese syllable
    # a province, an office, a country and a Vietnamese word are not people
    assert person_names("tỉnh Bà Rịa - Vũng Tàu, ông Chủ tịch, ông TGĐ, ông Việt Nam, bà Năm") == []
    # a capitalised honorific inside a sentence is part of a place; an office after one is not a name
    assert person_names("Tỉnh Bà Rịa-Vũng Tàu, lên Bà Nà Hills, đường Ông Ích Khiêm, Bà Mẹ Việt Nam") == []
    assert person_names("ông Phó Thủ tướng Phạm Bình Hải") == ["Phạm Bình Hải"]
    assert person_names("UBND Huyện Mai Sơn, Xã Lê Lợi") == []
    # a name followed by where it lies is a place: "X (province, country)"; a person's hometown is not
    assert person_names("Vận động viên Nguyễn Thị Oanh (Bắc Giang, Việt Nam) về nhất.") == ["Nguyễn Thị Oanh"]
    text = (
        "cặp cửa khẩu Lý Văn (Quảng Ninh, Việt Nam) - Đông Hưng (Quảng Tây, Trung Quốc) và "
        "ông Lê Văn Hải (Hà Nội)"
    )
    assert person_names(text) == ["Lê Văn Hải"]


def test_who_answers_skip_the_asked_person_and_the_witnesses() -> None:
    from rag.answer import _lead_person

    q = analyze("Ai đã ký hợp đồng mua máy bay với hãng Aerotec?")
    ev = _evidence(
        "Dưới sự chứng kiến của Thủ tướng Trần Văn Bình và Tổng thống Mark Olsen, ông Hoàng Minh Tú và "
        "ông Peter Gray ký hợp đồng với hãng Aerotec.",
        0.9,
    )
    assert _lead_person(q, ev) == "Hoàng Minh Tú và Peter Gray"
    active = _evidence(
        "Thủ tướng Trần Văn Bình chứng kiến lễ ký giữa Bộ trưởng Lê Văn Hải và ông Peter Gray.", 0.9
    )
    assert _lead_person(analyze("Ai ký hiệp định?"), active) == "Lê Văn Hải và Peter Gray"
    witnessed = analyze("Ai chứng kiến lễ ký hợp đồng với hãng Aerotec?")
    assert "Trần Văn Bình" in (_lead_person(witnessed, ev) or "")
    # several people, one after the party asked about: that one, unless the question asks for all of them
    ev = _evidence("Ngoại trưởng Pháp Jean Morel và Ngoại trưởng Nhật Bản Ken Sato ký thoả thuận.", 0.9)
    assert _lead_person(analyze("Ai đại diện phía Nhật Bản ký thoả thuận?"), ev) == "Ken Sato"
    assert _lead_person(analyze("Những ai đã ký thoả thuận?"), ev) == "Jean Morel và Ken Sato"


def test_titles_match_either_tone_placement() -> None:
    from rag.answer import _titled_names
    from rag.gazetteer import tone_placements

    assert tone_placements("Bí thư Tỉnh ủy") == {"Bí thư Tỉnh ủy", "Bí thư Tỉnh uỷ"}
    assert _titled_names("Cao uỷ thương mại Anna Berg phát biểu") == ["Anna Berg"]


def test_an_amount_comes_from_a_sentence_about_what_is_asked() -> None:
    from rag.answer import DEFAULT_PARAMS, _with_slot

    q = analyze("Dự án cầu Tân Hưng có tổng vốn đầu tư bao nhiêu?")
    about = _evidence("Dự án cầu Tân Hưng được khởi công hôm qua với tổng vốn đầu tư lớn.", 0.8)
    other = _evidence("Úc là nhà đầu tư lớn thứ 17 với 182 dự án, vốn 912 triệu USD.", 0.3)
    found, why = _with_slot(q, [about, other], [], DEFAULT_PARAMS)
    assert found == [] and why == "no passage states an amount"
    # the sentence right after the relevant one continues it ("... Tổng vốn của dự án này là ...")
    nxt = _evidence("Tổng vốn của dự án này là 300 triệu USD.", 0.3)
    nxt.start, nxt.end = about.end + 1, about.end + 1 + len(nxt.text)
    assert _with_slot(q, [about, other, nxt], [], DEFAULT_PARAMS)[0] == [nxt]


def test_a_verdict_from_a_sentence_and_the_one_that_completes_it() -> None:
    from rag.answer import DEFAULT_PARAMS, _densest_clause, _verdict

    q = analyze("Tổng thống Olsen có nhận lời mời dự hội nghị không?")
    invited = _evidence("Chủ tịch nước mời Tổng thống Olsen dự hội nghị.", 0.45)
    invited.held = {"tong_thong": 0.15, "olsen": 0.15, "moi": 0.05, "hoi_nghi": 0.1}
    accepted = _evidence("Tổng thống Olsen đã nhận lời.", 0.4)
    accepted.held = {"tong_thong": 0.15, "olsen": 0.15, "nhan_loi": 0.25}
    assert _verdict(q, invited, DEFAULT_PARAMS) is None  # the invitation alone does not say
    assert _verdict(q, invited, DEFAULT_PARAMS, accepted) == "Có"
    eager = _evidence("Tổng thống Olsen đã nhận lời và nói không thể bỏ lỡ dịp này.", 0.4)
    eager.held = {"olsen": 0.15, "nhan": 0.1, "loi": 0.1, "nhan_loi": 0.05}
    assert _verdict(q, invited, DEFAULT_PARAMS, eager) == "Có"  # the negation is about something else
    declined = _evidence("Tổng thống Olsen chưa nhận lời.", 0.4)
    declined.held = eager.held
    assert _verdict(q, invited, DEFAULT_PARAMS, declined) == "Không"
    text = "Bộ xác nhận trường không có hoạt động giảng dạy tại Mỹ, không hề có kiểm định quốc gia."
    assert _densest_clause(text, set(q.terms) | {"kiem", "dinh", "kiem_dinh", "quoc_gia"}).startswith(
        "không hề"
    )


def test_the_office_of_the_body_asked_about() -> None:
    from rag.answer import _lead_person, asked_titles, person_names

    # "the Acme general director": the one written with that office of that body, not the other's
    q = analyze("Who is the ACME general director who spoke at the ceremony?")
    ev = _evidence(
        "Ông Lê Văn Tâm – Tổng Giám đốc công ty Zenit cho biết ACME là đối tác lâu năm; ông Đỗ Minh Khoa – "
        "Tổng Giám đốc Tập đoàn ACME phát biểu.",
        0.9,
    )
    assert _lead_person(q, ev) == "Đỗ Minh Khoa"
    # an office named after a meeting names the meeting, not the person asked about
    asked = analyze("chu tich ubnd tinh ha nam du hoi nghi truc tuyen bi thu tinh uy la ai")
    assert asked_titles(asked) == ["chu tich ubnd", "chu tich uy ban nhan dan"]  # (one office)
    # the last syllable of a place's name is not the administrative word before a place
    assert person_names("Bí thư Tỉnh ủy Phong Châu Lò Văn Pao phát biểu") == ["Lò Văn Pao"]
    assert person_names("tại châu Văn Sơn") == []


def test_a_comparison_of_amounts_gives_each_side() -> None:
    from rag.answer import _compares, _other_amount

    q = analyze("Hiệp định xoá bao nhiêu phần trăm thuế hàng A sang B so với hàng B sang A?")
    assert _compares(q) and not _compares(analyze("Hiệp định xoá bao nhiêu phần trăm thuế?"))
    other = _evidence("Ngược lại, 71% thuế hàng B sang A được xoá ngay.", 0.5)
    assert _other_amount(q, other, "65%") == "71%"
    assert _other_amount(q, _evidence("Hàng A được xoá 65% thuế.", 0.5), "65%") is None
    assert _other_amount(q, _evidence("Ngược lại, 5% thuế hàng B được xoá.", 0.5), "65%") == "5%"


def test_a_question_for_the_day_is_not_answered_with_a_year() -> None:
    from rag.answer import _lead_date
    from rag.dates import find_dates

    ev = _evidence("Hai bên ký ba văn bản về đào tạo năm học 2019 - 2020.", 0.8)
    ev.dates = find_dates(ev.text)
    assert _lead_date(analyze("Hai bên ký ba văn bản vào ngày nào?"), ev) is None
    assert _lead_date(analyze("On what date did they sign the documents?"), ev) is None
    assert _lead_date(analyze("Hai bên ký ba văn bản khi nào?"), ev) is not None  # a year may answer "when"


def test_a_duration_is_a_number_right_before_its_unit() -> None:
    from rag.answer import _lead_amount

    q = analyze("Khoản vay cho ngân hàng A có kỳ hạn bao lâu?")
    assert _lead_amount(q, _evidence("Kỳ hạn khoản vay lên tới 14 năm, lãi suất thấp.", 0.9)) == "14 năm"
    # a date is not a duration
    assert _lead_amount(q, _evidence("Hợp đồng vay được ký ngày 14 tháng 3 năm 2019.", 0.9)) is None


def test_who_signed_for_a_side_is_someone_of_that_side() -> None:
    """ "Ai thay mặt X ...", "Who led X's ...": not a person the title or the clause gives to another
    country; a question for both sides gets both."""
    from rag.answer import _lead_person

    ev = _evidence(
        "Bộ trưởng Nội vụ nước Mỹ Kevin Moore cho biết thỏa thuận với Guatemala sẽ có hiệu lực.", 0.9
    )
    assert _lead_person(analyze("Ai đã thay mặt chính phủ Guatemala ký thỏa thuận với Mỹ?"), ev) is None
    assert _lead_person(analyze("Ai đã thay mặt Mỹ ký thỏa thuận với Guatemala?"), ev) == "Kevin Moore"
    ev = _evidence("Trưởng nhóm công tác phía Trung Quốc là ông Chu Văn Kiện, Vụ trưởng.", 0.9)
    assert _lead_person(analyze("Who led Vietnam's working group in the talks with China?"), ev) is None
    ev = _evidence(
        "Ngoại trưởng Hy Lạp Nikos Pappas và Ngoại trưởng Macedonia Nikola Stojanov ký thỏa thuận.", 0.9
    )
    both = analyze("Who signed the agreement on behalf of Greece and Macedonia?")
    assert _lead_person(both, ev) == "Nikos Pappas and Nikola Stojanov"


def test_who_is_asked_only_right_next_to_the_name() -> None:
    from rag.answer import _asks_identity, _lead_person

    assert _asks_identity(" ong tran van binh la ai ", "Trần Văn Bình")
    assert _asks_identity(" who is tran van binh ", "Trần Văn Bình")
    assert _asks_identity(" thu truong bo ngoai giao tran van binh giu chuc vu gi ", "Trần Văn Bình")
    # the end of a clause about someone else: the question asks for that one
    long = " bo truong quoc phong nuoc b lan dau toi tham va hoi dam voi dai tuong tran van binh la ai "
    assert not _asks_identity(long, "Trần Văn Bình")
    ev = _evidence("Bộ trưởng Trần Văn Bình đón Thượng tướng Nguỵ Văn Hải, Bộ trưởng Quốc phòng nước B.", 0.9)
    q = analyze("Who was the defence minister of B welcomed by Defence Minister Tran Van Binh?")
    assert _lead_person(q, ev) == "Nguỵ Văn Hải"


def test_untranslated_english_words_do_not_weigh() -> None:
    """An English word in lower case that no article uses is a word the glossary could not translate:
    it does not lower the support; a capitalised name no article uses still does."""
    from rag.answer import _weights

    idf = {"hop": 1.0, "tac": 1.0, "hop_tac": 2.0}
    q = analyze("What cooperation did they discuss over teleconference with Zorblax?")
    weights = _weights(q, idf, 5.0)
    assert "teleconference" not in weights and weights["zorblax"] == 5.0


def test_an_amount_of_any_kind_when_nothing_counted_is_asked() -> None:
    from rag.answer import _compares, _lead_amount

    budget = analyze("Kế hoạch năm 2019 của hội đồng có ngân sách là bao nhiêu?")
    assert _lead_amount(
        budget, _evidence("Hội đồng thông qua kế hoạch với ngân sách khoảng 15,8 triệu USD.", 0.9)
    )
    grew = analyze("How much did exports of A to B grow after the deal?")
    assert _lead_amount(grew, _evidence("Giá trị xuất khẩu của A vào B tăng gấp 1,6 lần.", 0.9)) == "1,6 lần"
    rank = analyze("Hội nghị năm nay là lần thứ mấy hội nghị được tổ chức?")
    assert _lead_amount(rank, _evidence("Đây là lần thứ hai hội nghị được tổ chức.", 0.9)) == "lần thứ hai"
    assert _lead_amount(rank, _evidence("Hội nghị được tổ chức tại tỉnh B.", 0.9)) is None
    assert _compares(analyze("A là đối tác lớn thứ mấy của B, còn B là đối tác lớn thứ mấy của A?"))
    assert not _compares(rank)


def test_a_place_of_the_kind_and_country_asked() -> None:
    from rag.answer import _lead_place

    province = analyze("Hội nghị các tỉnh biên giới lần thứ 10 được tổ chức tại tỉnh nào?")
    assert _lead_place(province, _evidence("Hội nghị lần thứ 10 được tổ chức tại Campuchia.", 0.9)) is None
    assert _lead_place(province, _evidence("Hội nghị diễn ra tại tỉnh An Giang.", 0.9)) == "tại tỉnh An Giang"
    city = analyze("Vòng đàm phán thứ 10 được tổ chức tại thành phố nào của Trung Quốc?")
    assert _lead_place(city, _evidence("Vòng đàm phán thứ 9 diễn ra tại Hà Nội.", 0.9)) is None
    english = analyze("In which Chinese city were the talks held?")
    assert _lead_place(english, _evidence("Vòng đàm phán diễn ra tại Hà Nội.", 0.9)) is None
    anywhere = analyze("Vòng đàm phán thứ 10 diễn ra ở đâu?")
    assert _lead_place(anywhere, _evidence("Vòng đàm phán thứ 10 diễn ra tại Hà Nội.", 0.9)) == "tại Hà Nội"
    # the kind of place in lower case before its name: a state, a lake region, a stadium
    for text, place in [
        ("Học viện ở bang Ohio cho biết", "tại bang Ohio"),
        ("Lễ ký tiến hành tại khu vực vùng hồ Ohrid ở biên giới", "tại khu vực vùng hồ Ohrid"),
        ("Trận đấu diễn ra trên sân Mỹ Đình nhằm", "tại sân Mỹ Đình"),
    ]:
        assert _lead_place(anywhere, _evidence(text, 0.9)) == place
    assert _lead_place(analyze("Where was the match played?"), _evidence("trên sân Mỹ Đình.", 0.9)) == (
        "in Mỹ Đình"
    )
    # a country and the name after it: the country ("tại Đức Richard Grenell"); places that begin with a
    # country's name stay whole; an office's place named after the clause's subject ("... cho biết Đại sứ
    # Mỹ tại Đức") is no event's; the office that opens its clause acts there
    assert _lead_place(anywhere, _evidence("Đại sứ Mỹ tại Đức Richard Grenell gửi thư.", 0.9)) == "tại Đức"
    told = _evidence("Nhà Trắng cho biết Đại sứ Mỹ tại Đức Richard Grenell gửi thư.", 0.9)
    assert _lead_place(anywhere, told) is None
    for place in ("Anh Sơn", "Mỹ Đình", "Nga Sơn"):
        assert _lead_place(anywhere, _evidence(f"Hội nghị diễn ra tại {place}.", 0.9)) == f"tại {place}"
    english = analyze("Where was the conference held?")
    hall = _evidence("Hội nghị diễn ra tại Trung tâm Hội nghị Quốc gia.", 0.9)
    assert _lead_place(english, hall).startswith("in Trung tâm Hội nghị")  # (a kind of body, not stripped)
    assert _lead_place(anywhere, _evidence("Hội đàm tại Hàn Quốc.", 0.9)) == "tại Hàn Quốc"


def test_a_list_question_fits_a_sentence_that_enumerates() -> None:
    from rag.answer import _type_fit

    q = analyze("Hai bên ký văn kiện trong những lĩnh vực nào?")
    listing = _evidence(
        "Hai bên ký các văn kiện về khoa học công nghệ, tài chính và phòng chống tội phạm.", 0.5
    )
    plain = _evidence("Sau hội đàm, hai bên ký nhiều văn kiện quan trọng.", 0.5)
    assert _type_fit(q, listing, "list") > _type_fit(q, plain, "list")


def test_review_of_amounts_people_and_lists() -> None:
    """Cases a review of this milestone's rules found."""
    from rag.answer import _ENUMERATION, _asked_side, _compares, _lead_amount, _lead_person, _titled_names

    duration = analyze("Khoản vay cho ngân hàng A có kỳ hạn bao lâu?")
    assert _lead_amount(duration, _evidence("Sau ngày ký, khoản vay được giải ngân ngay.", 0.9)) is None
    students = analyze("Trường ký hợp đồng với bao nhiêu sinh viên?")  # a count asked: not the fee
    assert _lead_amount(students, _evidence("Nhà trường hoàn trả học phí 15 triệu đồng.", 0.9)) is None
    rank = analyze("Hội nghị là lần thứ mấy?")
    assert _lead_amount(rank, _evidence("Hội nghị khai mạc vào thứ Hai tại Hà Nội.", 0.9)) is None
    projects = analyze("How many projects did Singapore invest in Vietnam?")  # "Nam" is no "năm" (five)
    assert (
        _lead_amount(projects, _evidence("Singapore đầu tư vào Việt Nam với 2.000 dự án.", 0.9))
        == "2.000 dự án"
    )
    ev = _evidence("Bộ trưởng Công Thương nước A Nguyễn Văn An ký biên bản.", 0.9)
    assert _lead_person(analyze("Ai ký biên bản?"), ev) == "Nguyễn Văn An"  # no "Văn An" beside it
    assert _titled_names("Theo Đại sứ Mỹ John Smith - cựu Bộ trưởng, ...") == ["John Smith"]
    assert person_names("bà Đỗ Thị Hà phát biểu") == ["Đỗ Thị Hà"]  # "Đô đốc" is a title, "Đỗ" no
    assert not _asked_side(" ai da gap thu tuong campuchia ben le hoi nghi asean ")
    assert not _asked_side(" who signed on behalf of the ministry with japan ")
    assert not _compares(analyze("Hãng hàng không mua bao nhiêu máy bay?"))
    for sentence in (
        "Sau hội đàm, hai bên ký nhiều văn kiện và thỏa thuận.",
        "Ông A cho biết: năm nay, kim ngạch tăng.",
    ):
        assert not _ENUMERATION.search(sentence), sentence


def test_places_abroad_are_places_not_people() -> None:
    """Capitals and cities abroad (``rag/data/world-places.tsv``) are places: "tới Moskva" names no one,
    and a place of a country tells that country's side."""
    from rag.answer import _titled
    from rag.gazetteer import DEFAULT_PLACES, places

    assert starts_with_place("Moskva") and starts_with_place("Bình Nhưỡng")
    assert "trieu tien" in {fold(c) for c in places()["binh nhuong"]}
    assert _titled("Phái đoàn do Tư lệnh không quân dẫn đầu ngày 20/9 đã tới Moskva.") == []
    world = next(p for p in DEFAULT_PLACES if p.name == "world-places.tsv")
    for line in world.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):  # every country of the file is one of countries.tsv
            assert fold(line.split("\t")[1]) in country_aliases(), line


def test_short_forms_and_initials_do_not_match_other_words() -> None:
    from rag.answer import _article_words, _holds, _titled
    from rag.models import Article

    assert not _holds(
        _article_words(Article("d", "Tin", "Nhất trí với đề xuất.")), "nhat ban"
    )  # sentence start
    assert not _holds(" dat 10 ty ", "do anh tuan")  # initials that are a syllable only after "TP"
    assert _titled("Đại sứ Virginia Palmer cho biết.") == [("Virginia Palmer", frozenset())]  # a first name


def test_terms_weigh_by_their_rarity_within_the_article() -> None:
    from rag.answer import _local_weights

    q = analyze("Bộ trưởng Marta Ruiz tán thành đề xuất nào?")
    sentences = [
        {"marta", "ruiz", "tham"},
        {"marta", "ruiz", "hoi_dam"},
        {"marta", "ruiz", "tan_thanh", "de_xuat"},
    ]
    weights = dict.fromkeys(["marta", "ruiz", "tan_thanh", "de_xuat", "absent_term"], 1.0)
    local = _local_weights(q, weights, sentences)
    assert "absent_term" not in local  # a term the article never uses tells no sentence from another
    assert local["tan_thanh"] > local["marta"] > 0.0  # the detail asked outweighs the party named


def test_a_yes_no_verdict_from_what_sets_the_question_apart() -> None:
    """No sentence holds most of the question's words, but the best one holds most of what sets the
    question apart within its article (``distinct``): its verdict; "Không quân" is no negation."""
    from rag.answer import compose

    q = analyze("Buổi giới thiệu hôm qua có phải là lần đầu tiên đoàn quảng bá ở nước ngoài không?")
    text = "Đây là lần đầu tiên đoàn quảng bá ở nước ngoài, tại sân bay Không quân cũ."
    for distinct, verdict in ((0.8, True), (0.2, False)):
        ev = _evidence(text, 0.3)
        ev.coverage, ev.score, ev.features = 0.5, 0.5, {"distinct": distinct}
        answer = compose(q, [ev], [ev.hit], 3)
        assert answer.answer.startswith("Có:") is verdict, answer.answer


def test_a_foreign_person_the_question_names_by_the_last_word() -> None:
    from rag.answer import _names_person

    asked = " who did trump meet in hanoi "
    assert _names_person(asked, "Donald Trump")  # "Trump" names him: he is not the answer
    assert not _names_person(asked, "Kim Jong Un")
    # a Vietnamese name's last word is a given name, often another word ("Anh": the UK)
    assert not _names_person(" ai dai dien anh ky ", "Chu Ngọc Anh")


def test_the_scorers_best_sentence_may_give_the_count_whatever_words_it_shares() -> None:
    """A how-many slot comes from a sentence about as relevant as the best by shared words, or from the
    learned scorer's best: "thời gian mất từ 3-5 ngày" shares few of the question's words."""
    from rag.answer import DEFAULT_PARAMS, _with_slot

    q = analyze("Khách xin thị thực đi du lịch nước B mất bao nhiêu ngày?")
    counting = _evidence("Thủ tục không phức tạp, thời gian mất từ 3-5 ngày.", 0.2)
    wordy = _evidence("Lượng khách đi du lịch nước B tăng mạnh, thị thực được cấp nhanh.", 0.6)
    counting.score, wordy.score = 0.4, 0.1
    found, why = _with_slot(q, [counting, wordy], [], DEFAULT_PARAMS)
    assert found == [counting], why
    counting.score, wordy.score = 0.1, 0.4  # not the scorer's best, and too few words shared: no count
    assert _with_slot(q, [wordy, counting], [], DEFAULT_PARAMS)[0] == []


def test_a_question_for_the_day_month_and_year_asks_for_a_day() -> None:
    from rag.answer import _lead_date
    from rag.dates import find_dates

    ev = _evidence("Các giáo viên dạy trong năm học 2019-2020 theo thoả thuận với Sở.", 0.9)
    ev.dates = find_dates(ev.text)
    assert _lead_date(analyze("Thoả thuận được ký vào ngày tháng năm nào?"), ev) is None
    assert _lead_date(analyze("Thoả thuận áp dụng cho thời gian nào?"), ev) is not None


def test_a_compound_of_khong_is_no_negation_a_negation_stays_one() -> None:
    from rag.answer import _NEGATION, _negation_text

    for text in (
        "Học viện Không quân Mỹ thành lập năm 1954.",
        "Hãng hàng không ký hợp đồng.",
        "không gian mạng",
    ):
        assert not _NEGATION.search(_negation_text(text)), text
    for text in ("Dự án không ảnh hưởng tới môi trường.", "Hai bên không quan tâm.", "không khi nào"):
        assert _NEGATION.search(_negation_text(text)), text


def test_a_foreign_name_right_after_its_country() -> None:
    from rag.answer import person_names

    said = 'Mẫu trực thăng sẽ được sản xuất ", phi công danh dự Nga Valentin Padalka tuyên bố.'
    assert person_names(said) == ["Valentin Padalka"]
    assert person_names("tỷ phú Úc Andrew Forrest đến thăm") == ["Andrew Forrest"]
    # a company's name after its country is no person; nor are names that pass as Vietnamese syllables
    assert person_names("tập đoàn Nga Gazprom Neft ký hợp đồng") == []
    assert person_names("Công ty Nhật Bản Mitsubishi Corporation đầu tư") == []


def test_new_patterns_leave_ordinary_text_alone() -> None:
    from rag.answer import _asked_side, _count_fit, _lead_amount, person_names
    from rag.dates import find_dates
    from rag.question import analyze

    # a body of one country asked about, not a country inside ordinary words or after a direction
    assert _asked_side(" ai la lanh dao phia doan thanh nien nhan dan cach mang lao trong cuoc gap ") == {
        "lao"
    }
    for asked in (
        " ai dai dien bo y te phat bieu ",
        " ai dai dien quy dau tu 5 trieu usd ky ",
        " ai dai dien doanh nghiep anh em phat bieu ",
        " phia bac giap trung quoc ",
    ):
        assert _asked_side(asked) == frozenset(), asked

    class Sentence:  # (what the count rules read of a candidate sentence)
        def __init__(self, text: str) -> None:
            self.text, self.dates = text, find_dates(text)

    q = analyze("Có bao nhiêu đại biểu tham dự?")
    for text in ("Lúc 9h các đại biểu tham dự.", "Sáng 15-5 đại biểu các tỉnh tham dự."):
        assert _lead_amount(q, Sentence(text)) is None and _count_fit(q, Sentence(text)) < 0.45, text  # type: ignore[arg-type]
    # unmarked "mấy tỉnh" still asks how many; a company after a country is no person
    assert analyze("co may tinh tham gia du an").qtype == "how_many"
    assert person_names("hãng xe Hàn Quốc Hyundai Motor ra mắt") == []
    assert person_names("tập đoàn năng lượng Nga Gazprom Neft ký") == []
    # English: an auxiliary after "what" is no office asked about; a comparative needs two sides
    assert analyze("What did the minister say about the agreement?").qtype == "what"
    assert analyze("Which party controls the lower house?").qtype == "what"
    assert analyze("Tell me where the summit was held.").qtype == "where"


def test_a_titles_initials_are_no_required_name() -> None:
    from rag.answer import required_names
    from rag.question import analyze

    names = required_names(analyze("Đại tướng Ngô Xuân Lịch và TNS McCain đã trao đổi những nội dung nào?"))
    assert "tns" not in names and "mccain" in names
    assert "bidv" in required_names(analyze("BIDV ký hợp đồng với đối tác nào?"))


def test_the_scorer_never_trains_on_a_held_out_set() -> None:
    """The held-out sets (``eval/foreign/test.jsonl``, ``fresh5``, ``fresh9``, ``fresh14``, ``fresh15``,
    ``fresh18`` and every even set from ``fresh20``) and their articles are neither in the trainer's sets
    nor in the shipped model's record of what it was trained on (by whole name: "fresh51" is no "fresh5")."""
    trainer = _trainer()
    held_out = {"test", "fresh5", "fresh9", "fresh14", "fresh15", "fresh18"}
    held_out |= {f"fresh{n}" for n in range(20, 100, 2)}

    def stem(path: Path | str) -> str:
        return Path(path).stem.removesuffix("-articles")

    for _name, dataset, articles in trainer.ALL_DEV_SETS:
        assert not any(stem(p) in held_out for p in (dataset, *articles)), dataset
    assert len(trainer.DEV_SETS) >= 10  # (every dev set: dev, dev-en, fresh..fresh8 but fresh5, gold)
    assert all(entry in trainer.ALL_DEV_SETS for entry in trainer.DEV_SETS)
    # (``--all`` takes every dev set written, the latest too)
    odd = {p.stem for p in trainer.FOREIGN.glob("fresh*[13579].jsonl") if int(p.stem[5:]) >= 31}
    assert odd and odd <= {name for name, _d, _a in trainer.ALL_DEV_SETS}
    trained_on = load_model().sentence.meta.get("trained_on", [])
    assert trained_on and not any(stem(t) in held_out for t in trained_on)
    # (the default command trains on the sets the shipped model was trained on, in the same order)
    assert [str(d.relative_to(trainer.ROOT)) for _n, d, _a in trainer.DEV_SETS] == trained_on


def _trainer() -> ModuleType:
    """``eval/train_scorer.py`` as a module (eval programs are not an installed package)."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("train_scorer", root / "eval" / "train_scorer.py")
    assert spec is not None and spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    return trainer


def _ranking_data(seed: int, trap: bool = True) -> tuple[list[list[list[float]]], list[list[int]]]:
    """Questions of six candidates, the one holding the facts anywhere among them; ``distinct`` ranks
    within a question (the holding one is 0.5 above its question's level) but the unanswerable questions'
    levels are the highest of all (``trap``), so across questions it does not tell holding from not (else
    every question's level is drawn alike); the cosines
    are a question's level plus noise, ``semantic_gap`` their distance from the question's best."""
    import random

    rng = random.Random(seed)
    distinct, semantic, gap = (FEATURES.index(f) for f in ("distinct", "semantic", "semantic_gap"))
    rows: list[list[list[float]]] = []
    labels: list[list[int]] = []
    for i in range(80):
        answerable = i % 4 != 0
        level = 2.0 + rng.random() * 0.3 if trap and not answerable else rng.random()
        cosine = 0.8 + rng.random() * 0.15
        holding = rng.randrange(6)
        candidates = []
        for j in range(6):
            row = [rng.random() * 0.1 for _ in FEATURES]
            row[distinct] = level + (
                0.5 + rng.random() * 0.1 if answerable and j == holding else rng.random() * 0.3
            )
            row[semantic] = cosine + rng.random() * 0.02
            candidates.append(row)
        best = max(row[semantic] for row in candidates)
        for row in candidates:
            row[gap] = row[semantic] - best
        rows.append(candidates)
        labels.append([int(answerable and j == holding) for j in range(6)])
    return rows, labels


def test_the_listwise_loss_has_its_gradient_and_no_underflow() -> None:
    import numpy as np
    from scipy.optimize import check_grad

    trainer = _trainer()
    rows, labels = _ranking_data(3)
    groups = [(np.array(r), np.array(y)) for r, y in zip(rows, labels, strict=True) if any(y)]
    rng = np.random.default_rng(5)
    for _ in range(3):
        w = rng.normal(size=len(FEATURES))
        assert check_grad(
            lambda v: trainer.listwise_loss(v, groups, 0.1)[0],
            lambda v: trainer.listwise_loss(v, groups, 0.1)[1],
            w,
        ) < 1e-4 * (1 + np.abs(trainer.listwise_loss(w, groups, 0.1)[1]).max())
    # the holding candidates 2,000 below the others: a large finite loss, not inf or NaN
    far = np.zeros(len(FEATURES))
    far[FEATURES.index("distinct")] = -4000.0
    loss, grad = trainer.listwise_loss(far, groups, 0.0)
    assert np.isfinite(loss) and loss > 1000 and np.all(np.isfinite(grad))


def test_the_listwise_sentence_model_ranks_within_a_question_and_is_calibrated() -> None:
    """``fit_sentences(..., "listwise")`` puts the candidate holding the facts first in every answerable
    question, where the pointwise regression, reading ``distinct`` across questions, does not; its
    probabilities sum to about the number of holding candidates (calibrated) and rise with the score."""
    trainer = _trainer()
    rows, labels = _ranking_data(7)

    def first_holds(model: SentenceScorer) -> int:
        return int(trainer.top_holds(model, rows, labels)[0])

    answerable = sum(any(y) for y in labels)
    listwise = trainer.fit_sentences(rows, labels, 0.01, "listwise")
    assert first_holds(listwise) == answerable and listwise.coef["distinct"] > 0
    assert first_holds(trainer.fit_sentences(rows, labels, 0.01, "pointwise")) < answerable
    total = sum(listwise.probability(dict(zip(FEATURES, row, strict=True))) for r in rows for row in r)
    assert total == pytest.approx(sum(map(sum, labels)), rel=0.15)


def test_the_calibration_recovers_its_parameters_and_keeps_the_order() -> None:
    """``calibrate`` finds the scale, level and intercept labels were drawn with; given a score that
    points the wrong way across questions, its scale stays at the positive bound (the order within a
    question is kept); where the score tells holding from not across questions too, the listwise model
    gives the holding candidates the higher probabilities."""
    import numpy as np

    trainer = _trainer()
    rng = np.random.default_rng(11)
    score, best = rng.normal(size=20000), rng.uniform(0.7, 1.0, size=20000)
    truth = 1.5 * score + 2.0 * best - 3.0
    y = (rng.uniform(size=20000) < 1 / (1 + np.exp(-truth))).astype(float)
    scale, level, intercept = trainer.calibrate(score, best, y)
    assert scale == pytest.approx(1.5, abs=0.1) and level == pytest.approx(2.0, abs=0.4)
    assert intercept == pytest.approx(-3.0, abs=0.4)
    assert trainer.calibrate(-score, best, (score > 0).astype(float))[0] == pytest.approx(1e-3)
    rows, labels = _ranking_data(7, trap=False)
    listwise = trainer.fit_sentences(rows, labels, 0.01, "listwise")
    probability = [
        (listwise.probability(dict(zip(FEATURES, row, strict=True))), held)
        for r, y_ in zip(rows, labels, strict=True)
        for row, held in zip(r, y_, strict=True)
    ]
    holding = [pr for pr, held in probability if held]
    other = [pr for pr, held in probability if not held]
    assert sum(holding) / len(holding) > 2 * sum(other) / len(other)
