"""Vietnamese date expressions: recognition, resolution of partial dates, formatting and user input."""

from __future__ import annotations

from datetime import date

import pytest

from rag.dates import DateMention, find_dates, format_en, format_vi, parse_user_date
from rag.errors import InvalidInputError


def only(text: str, reference: date | None = None) -> DateMention:
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "mention", "iso", "precision", "pod"),
    [
        ("Ký ngày 12/6/2024 tại Côn Minh.", "ngày 12/6/2024", "2024-06-12", "day", None),
        ("ngày 12/12/2018, tại tỉnh Lai Châu", "ngày 12/12/2018", "2018-12-12", "day", None),
        ("được ký 27/3/2023.", "27/3/2023", "2023-03-27", "day", None),
        (
            "Chỉ thị số 11-CT/TU ngày 04 tháng 02 năm 2026 về",
            "ngày 04 tháng 02 năm 2026",
            "2026-02-04",
            "day",
            None,
        ),
        ("tổ chức vào tháng 5/2021.", "tháng 5/2021", "2021-05", "month", None),
        ("Hội nghị báo cáo viên tháng 12 năm 2025", "tháng 12 năm 2025", "2025-12", "month", None),
        ("diễn ra vào cuối tháng 3/2024.", "cuối tháng 3/2024", "2024-03", "month", None),
        ("tại tỉnh Vân Nam vào năm 2024.", "năm 2024", "2024", "year", None),
        ("Hà Minh Hưng - 18:10, 27/04/2022", "18:10, 27/04/2022", "2022-04-27", "day", None),
        ("Sáng 5.6.2024, đoàn", "Sáng 5.6.2024", "2024-06-05", "day", "sáng"),
    ],
)
def test_explicit_dates(text: str, mention: str, iso: str, precision: str, pod: str | None) -> None:
    m = only(text)
    assert (m.text, m.iso, m.precision, m.part_of_day, m.year_explicit) == (
        mention,
        iso,
        precision,
        pod,
        True,
    )
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "iso", "end_iso"),
    [
        ("Thỏa thuận hợp tác giai đoạn 2024 – 2028;", "2024", "2028"),
        ("đã ký Thỏa thuận hợp tác giai đoạn 2019 – 2023.", "2019", "2023"),
        ("nhiệm kỳ 2026 - 2031", "2026", "2031"),
        ("(21/6/1925-21/6/2025)", "1925-06-21", "2025-06-21"),
        ("từ ngày 28 đến ngày 30/6/2024", "2024-06-28", "2024-06-30"),
        ("từ tháng 10/2016 đến 9/2017", "2016-10", "2017-09"),
    ],
)
def test_ranges(text: str, iso: str, end_iso: str) -> None:
    m = only(text)
    assert (m.precision, m.iso, m.end_iso) == ("range", iso, end_iso)


@pytest.mark.parametrize(
    ("text", "mention", "pod", "day", "month"),
    [
        ("sáng 27/3, tại thành phố Hà Giang", "sáng 27/3", "sáng", 27, 3),
        ("chiều tối 16/1, tại thành phố Lào Cai", "chiều tối 16/1", "chiều tối", 16, 1),
        ("Chiều 18/3, tại thành phố Hà Giang", "Chiều 18/3", "chiều", 18, 3),
        ("Tối 13/2, tại Trung tâm Triển lãm", "Tối 13/2", "tối", 13, 2),
        ("qua nắm bắt tình hình, ngày 13/2, Tỉnh ủy", "ngày 13/2", None, 13, 2),
    ],
)
def test_partial_date_without_reference_has_no_year(
    text: str, mention: str, pod: str | None, day: int, month: int
) -> None:
    m = only(text)
    assert (m.text, m.iso, m.precision, m.year_explicit, m.part_of_day) == (mention, None, "day", False, pod)
    assert (m.day, m.month, m.year) == (day, month, None)


def test_partial_dates_resolve_in_the_reference_year() -> None:
    assert only("sáng 27/3, tại", date(2023, 3, 27)).iso == "2023-03-27"
    assert only("chiều tối 16/1, tại", date(2025, 1, 16)).iso == "2025-01-16"
    # a past-tense date a few months after the reference stays in the reference year
    assert only("Ngày 20/6, đoàn đã làm việc", date(2024, 3, 18)).iso == "2024-06-20"
    assert only("Từ 1/3, giá điện tăng", date(2024, 3, 18)).iso == "2024-03-01"


def test_upcoming_partial_dates_take_the_next_occurrence() -> None:
    m = only("dự kiến diễn ra trong tháng 4 tới.", date(2024, 3, 18))
    assert (m.text, m.iso, m.precision, m.future) == ("tháng 4", "2024-04", "month", True)
    assert only("Hội nghị sẽ diễn ra ngày 10/1 tới", date(2024, 12, 20)).iso == "2025-01-10"
    assert only("dự kiến ngày 5/2", date(2024, 3, 18)).iso == "2025-02-05"


def test_december_in_a_january_article_is_last_year() -> None:
    assert only("Ngày 28/12, đoàn công tác đã", date(2025, 1, 16)).iso == "2024-12-28"


def test_day_range_without_year_resolves_with_reference() -> None:
    m = only("Từ ngày 28 - 30/6, tại huyện Si Ma Cai", date(2024, 7, 3))
    assert (m.precision, m.iso, m.end_iso) == ("range", "2024-06-28", "2024-06-30")
    assert only("Từ ngày 28 - 30/6, tại").iso is None


def test_month_and_year_without_thang() -> None:
    m = only("tại Kỳ họp lần thứ 39 (2/2017) và", date(2018, 4, 28))
    assert (m.text, m.iso, m.precision) == ("2/2017", "2017-02", "month")
    assert find_dates("chiếm 1/2000 dân số, văn bản số 3/2017") == []
    # outside parentheses a bare m/yyyy is a ratio, a document or a quarter, not a month
    assert find_dates("quy hoạch tỷ lệ 1/2000, Nghị quyết 11/2018") == []
    m = only("quy hoạch tỷ lệ 1/2000, quý 1/2019")
    assert (m.text, m.precision, m.iso, m.end_iso) == ("quý 1/2019", "range", "2019-01", "2019-03")


def test_a_quarter_is_its_three_months_and_reads_back_as_written() -> None:
    from rag.dates import quarter_of

    for text, iso, end, n in (
        ("bàn giao căn hộ là quý 4-2016, nhưng", "2016-10", "2016-12", 4),
        ("hoàn thành trong quý II/2020.", "2020-04", "2020-06", 2),
        ("vào cuối quý 3 năm 2018", "2018-07", "2018-09", 3),
    ):
        m = only(text)
        assert (m.precision, m.iso, m.end_iso, m.year_explicit, quarter_of(m)) == ("range", iso, end, True, n)
    assert quarter_of(only("từ tháng 3 đến tháng 5/2019")) is None
    assert find_dates("quý 5-2016, quý 0/2019, đá quý 1/2019") == []
    assert only("hoàn thành quý 4 – 2016").iso == "2016-10"
    assert only("quý 4-2016").month is None  # (no month is written)
    assert only("dự kiến quý 3-2030 sẽ xong").future


def test_tu_toi_joins_two_days_into_a_range() -> None:
    m = only("chuyến thăm kéo dài từ ngày 7/1 tới 10/1, theo", date(2019, 1, 8))
    assert (m.text, m.iso, m.end_iso, m.day, m.end_day) == (
        "từ ngày 7/1 tới 10/1",
        "2019-01-07",
        "2019-01-10",
        7,
        10,
    )
    m = only("từ 25-4 tới 27-4-2019")
    assert (m.iso, m.end_iso) == ("2019-04-25", "2019-04-27")
    # (not a quantity, nor "tới" alone: the end, or an arrival)
    assert find_dates("giảm từ 5 tới 7-10%") == []
    assert find_dates("chiếm từ 1 tới 2/3 tổng số") == []
    for quantity in ("nhiệt độ từ 1-2 tới 3-4 độ C", "diện tích từ 7-8 tới 9-10 ha", "tỷ số từ 2-1 tới 3-1"):
        assert find_dates(quantity) == [], quantity
    assert [d.precision for d in find_dates("sẽ tới 10/1 và về 12/1", date(2019, 1, 2))] == ["day", "day"]


def test_day_range_with_hyphenated_day_and_month() -> None:
    # "từ 25 đến 27-4": the end day and the month joined by a hyphen, as many news sites write them
    m = only("thăm chính thức từ 25 đến 27-4, theo lời mời", date(2018, 4, 28))
    assert (m.text, m.iso, m.end_iso) == ("từ 25 đến 27-4", "2018-04-25", "2018-04-27")
    m = only("Từ ngày 14 - 16-4-2019, tại Bucharest")
    assert (m.iso, m.end_iso) == ("2019-04-14", "2019-04-16")
    assert (m.day, m.month, m.end_day, m.end_month, m.two_days) == (14, 4, 16, 4, False)
    assert only("Sáng 12 và 13-12, hai bên họp").two_days
    # without a date word, "từ ... đến" or a year, or before a quantity, hyphenated numbers are not dates
    for text in (
        "sơ đồ 3-5-2 và 3-4-3",
        "mất từ 1 đến 2-3 tuần",
        "tăng từ 5 đến 7-10%",
        "nhóm 3 - 4-5 người",
    ):
        assert find_dates(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "lúc 18:10 hôm qua",
        "SĐT: 02293 762 825",
        "Hội nghị thường niên lần thứ 3",
        "trực 24/7 phục vụ người dân",
        "Thông tư 01/2020/TT-BCT",
        "Hướng dẫn số 27/HD-MTTW-BTT",
        "Nghị quyết số 30-NQ/TU",
        "bố trí 139.828 tỷ đồng",
        "mã 1234/56/20245",
        "giá 1.500/kg",
        "6 tháng đầu năm nay",
        "tỷ lệ 3,2/5",
        "chiếm hơn 1/3 diện tích",
        "gần 2/3 số hộ",
        "ngày 31/2",
    ],
)
def test_non_dates(text: str) -> None:
    assert find_dates(text) == []


def test_mentions_do_not_overlap_and_are_ordered() -> None:
    text = (
        "Chiều 18/3, tại thành phố Hà Giang ... Lễ hội lần thứ I năm 2024 diễn ra vào cuối tháng 3/2024; "
        "giai đoạn 2024 – 2028 và ngày 12/6/2024."
    )
    mentions = find_dates(text, date(2024, 3, 18))
    assert [m.iso for m in mentions] == ["2024-03-18", "2024", "2024-03", "2024", "2024-06-12"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_site_header_stamp_with_weekday() -> None:
    m = find_dates("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27")[0]
    assert (m.text, m.iso) == ("Thứ Sáu, ngày 23 tháng 08 năm 2019", "2019-08-23")


@pytest.mark.parametrize(
    ("iso", "vi", "en"),
    [
        ("2024-06-12", "ngày 12/6/2024", "12 June 2024"),
        ("2024-06", "tháng 6/2024", "June 2024"),
        ("2024", "năm 2024", "2024"),
        ("2023-03-27", "ngày 27/3/2023", "27 March 2023"),
    ],
)
def test_format(iso: str, vi: str, en: str) -> None:
    assert format_vi(iso) == vi
    assert format_en(iso) == en


@pytest.mark.parametrize("bad", ["12/6/2024", "2024-13", "2024-02-30", "June"])
def test_format_rejects_non_iso(bad: str) -> None:
    with pytest.raises(InvalidInputError, match="2024|June"):
        format_vi(bad)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024", "2024"),
        ("2024-06", "2024-06"),
        ("2024-06-12", "2024-06-12"),
        ("12/6/2024", "2024-06-12"),
        ("6/2024", "2024-06"),
        (" 27/03/2023 ", "2023-03-27"),
    ],
)
def test_parse_user_date(value: str, iso: str) -> None:
    assert parse_user_date(value) == iso


@pytest.mark.parametrize("value", ["", "yesterday", "2024-13", "31/2/2024", "13/2024", "2024/06/12", "12-6"])
def test_parse_user_date_rejects_and_names_the_value(value: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_user_date(value)
    assert repr(value) in str(info.value)


def test_hyphenated_day_month_only_where_the_words_say_date() -> None:
    ref = date(2018, 4, 6)
    found = {
        m.text: m.iso
        for t in ("Hôm qua (5-4), hai bên ký", "vào 30-6", "sáng 5 - 4, tại")
        for m in find_dates(t, ref)
    }
    assert found == {"(5-4)": "2018-04-05", "vào 30-6": "2018-06-30", "sáng 5 - 4": "2018-04-05"}
    assert find_dates("tỷ số 5-4 nghiêng về chủ nhà", ref) == []
    assert [m.iso for m in find_dates("từ hôm 26-6 đến nay", None)] == [None]  # no year is invented


@pytest.mark.parametrize(
    ("text", "written", "iso", "precision"),
    [
        ("Hai bên ký hiệp định trước cuối năm nay.", "cuối năm nay", "2019", "year"),
        ("Chiều nay, hai Bộ trưởng hội đàm.", "Chiều nay", "2019-01-25", "day"),
        ("Hôm qua Bộ trưởng tiếp đoàn.", "Hôm qua", "2019-01-24", "day"),
        ("Tổng thống sẽ thăm Hà Nội vào tháng tới.", "tháng tới", "2019-02", "month"),
        ("Năm ngoái hai nước ký 5 văn kiện.", "Năm ngoái", "2018", "year"),
    ],
)
def test_relative_dates_resolve_against_the_article_date(
    text: str, written: str, iso: str, precision: str
) -> None:
    [mention] = find_dates(text, date(2019, 1, 25), relative=True)
    assert (mention.text, mention.iso, mention.precision, mention.relative) == (written, iso, precision, True)
    [undated] = find_dates(text, relative=True)  # without the article's date: as written, no guessed year
    assert undated.text == written and undated.iso is None
    assert find_dates(text, date(2019, 1, 25)) == []  # (only where asked for: not cleaning, timeline)


def test_a_count_before_makes_a_duration_not_a_relative_date() -> None:
    ref = date(2019, 1, 25)
    for text in (
        "trong 5 năm tới, vài tháng tới, hiện nay, cho đến nay",
        "hàng chục năm nay, hai mươi năm nay",
    ):
        assert find_dates(text, ref, relative=True) == [], text
    assert find_dates("chuyển sang năm học mới", ref, relative=True) == []
    assert find_dates("Tháng tới", date(2019, 12, 5), relative=True)[0].iso == "2020-01"  # (across New Year)
    # the date written right after it is the one kept (with the part of the day before it)
    [written] = find_dates("Chiều nay 25/1, lễ đón", ref, relative=True)
    assert (written.text, written.iso, written.part_of_day, written.relative) == (
        "Chiều nay 25/1",
        "2019-01-25",
        "chiều",
        False,
    )


def test_today_with_its_date_and_a_spaced_slash_in_a_span() -> None:
    ref = date(2019, 5, 15)
    [today] = find_dates("Chiều nay 15-5, anh A gặp đoàn đại biểu", ref)
    assert (today.text, today.iso, today.part_of_day) == ("Chiều nay 15-5", "2019-05-15", "chiều")
    [span] = find_dates("thăm chính thức từ ngày 22 đến 26 / 8.", ref)
    assert (span.day, span.end_day, span.end_month, span.precision) == (22, 26, 8, "range")
    assert find_dates("chiếm 1 / 2 dân số", ref) == []  # (a spaced fraction alone is no date)


def test_a_month_and_year_in_parentheses_with_a_hyphen() -> None:
    found = find_dates("chuyến thăm của ông A tới Hoa Kỳ (8-2017) và của ông B tới Việt Nam (1-2018).")
    assert [(d.iso, d.precision) for d in found] == [("2017-08", "month"), ("2018-01", "month")]


def test_toi_before_a_place_is_going_there_not_an_upcoming_date() -> None:
    (went,) = find_dates("Chủ tịch Cuba cùng phu nhân hôm 4/11 tới Bình Nhưỡng, bắt đầu chuyến công du.")
    assert not went.future
    (coming,) = find_dates("Hội nghị sẽ diễn ra vào ngày 4/11 tới, tại Hà Nội.")
    assert coming.future
    (month,) = find_dates("Vào tháng 12 tới, Hà Nội sẽ đăng cai hội nghị.")  # (a comma between)
    assert month.future


def test_a_month_written_as_a_word() -> None:
    ref = date(2019, 3, 20)
    found = [(d.text, d.month, d.iso) for d in find_dates("Ông A hồi tháng hai đã tới thăm.", ref)]
    assert found == [("tháng hai", 2, "2019-02")]
    both = find_dates("vào tháng Mười và cuối tháng Mười Hai, không phải tháng Giêng", ref)
    assert [(d.text, d.month) for d in both] == [("tháng Mười", 10), ("cuối tháng Mười Hai", 12)]
    # not a count after it ("mỗi tháng hai lần") or before it ("sau 6 tháng hai nước"), "tháng năm" (months
    # and years), "tháng một" in lower case
    texts = (
        "Họ gặp mỗi tháng hai lần.",
        "những tháng năm gian khó",
        "tháng một lần",
        "Sau 6 tháng hai nước ký.",
    )
    for text in texts:
        assert find_dates(text, ref) == [], text
    # a month written in digits keeps its rule; the word form does not double it
    assert [d.text for d in find_dates("ngày 5 tháng 3 năm 2019", ref)] == ["ngày 5 tháng 3 năm 2019"]


def test_the_first_or_last_time_is_no_part_of_the_year() -> None:
    # "lần đầu năm 2011" is the first time, in 2011: not "early 2011"; "đầu năm 2011" is
    assert [d.text for d in find_dates("Ông đến Việt Nam lần đầu năm 2011.")] == ["năm 2011"]
    assert [d.text for d in find_dates("Hai bên gặp nhau lần cuối tháng 3/2019.")] == ["tháng 3/2019"]
    assert [d.text for d in find_dates("Đầu năm 2011, ông đến Hà Nội.")] == ["Đầu năm 2011"]


def test_a_hyphenated_day_after_from() -> None:
    # "có hiệu lực từ 28 - 2": a day and month after "từ" where the words say it starts something, the word
    # left out of the date; the article's year when it has one, none invented when it has none
    ref = date(2018, 3, 1)
    assert [(d.text, d.iso) for d in find_dates("Quy định có hiệu lực từ 28 - 2.", ref)] == [
        ("28 - 2", "2018-02-28")
    ]
    (undated,) = find_dates("Quy định có hiệu lực từ 28 - 2.")
    assert (undated.day, undated.month, undated.iso) == (28, 2, None)
    for text, day in (
        ("Luật áp dụng từ 15-4 đến nay.", "15-4"),
        ("Giá giảm kể từ 1-7, theo Bộ.", "1-7"),
        ("Từ 28-2, giá xăng giảm.", "28-2"),
        ("Giá xăng giảm mạnh\n\nTừ 28-2, giá xăng giảm.", "28-2"),
        ("Giá dầu tăng. Từ 28-2, giá xăng giảm.", "28-2"),
        ("Hộ nghèo được hỗ trợ trong 3 tháng (từ 29-9).", "29-9"),
        ("Lương tăng từ 30 - 4 trở đi.", "30 - 4"),
        ("Quy định có hiệu lực từ 1-7 tới.", "1-7"),
    ):
        assert [d.text for d in find_dates(text, ref)] == [day], text
    # a bare "từ 2-1" is as often a score, ages, hours, a formation or a range of counts
    for text in (
        "Đội khách dẫn trước từ 2-1, nhưng thua.",
        "HLV chuyển sơ đồ từ 4-3-3 sang 3-5-2.",
        "Đội chủ nhà áp dụng từ 4-3-3 đến 3-5-2.",
        "Vé dành cho trẻ em từ 6-12.",
        "Cửa hàng mở sáng từ 7-11, chiều từ 13-17.",
        "Lương tăng từ 10-12.",
        "Giá tăng từ 2-3% kể từ 1-3 tuần.",
        "Quy định có hiệu lực từ 2-3 năm.",
        "Dự án kéo dài từ 3-5 năm.",
        "Mỗi nhóm từ 2 - 3 người.",
        "Quy định áp dụng từ 10-5 người trở lên.",
        "Từ 6-12 tuổi, trẻ được miễn phí.",
        "Chương trình bắt đầu từ 8-10 tuổi.",
        "Từ 7-9h, đường cấm xe tải.",
        "Tỉnh triển khai từ 3-5 dự án.",
        "Bộ áp dụng từ 2-3 biện pháp.",
        "Tỉnh đã triển khai từ 2-3 năm nay.",
        "Mỗi xã triển khai từ 2-3 tới 5 mô hình.",
    ):
        assert find_dates(text, ref) == [], text
    # a day with a year after spaced hyphens is not read without its year (that form is left unread)
    assert find_dates("Luật có hiệu lực từ 28 - 2 - 2019.", ref) == []
