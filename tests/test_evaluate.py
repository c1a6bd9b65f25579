"""The evaluation's matching of facts (DESIGN.md: case, diacritics and spacing ignored), as whole words."""

from __future__ import annotations

from rag.evaluate import groups_matched


def test_an_alternative_matches_only_as_whole_words() -> None:
    # case, diacritics (đ = d) and runs of white space ignored
    assert groups_matched("Ông Trần Văn  Lộc ký ngày 26-8.", [["tran van loc"], ["26-8", "26/8"]])
    assert groups_matched("Dự án của ĐỨC", [["duc"]])
    # a yes/no verdict is no part of a longer word: "no" is not in "Hà Nội", "có" not in "Cóc"
    assert not groups_matched("Có: hội nghị ở Hà Nội.", [["không", "no"]])
    assert groups_matched("No: the talks ended.", [["không", "no"]])
    assert not groups_matched("Ông Cóc nói.", [["có", "yes"]])
    # nor a number part of a longer one ("4 văn kiện" in "14 văn kiện", "20" in "200")
    assert not groups_matched("Hai bên ký 14 văn kiện.", [["4 văn kiện"]])
    assert not groups_matched("khoảng 200 mảnh nhựa", [["20"]])
    assert groups_matched("ký 4 văn kiện.", [["4 văn kiện"]])
    # nor a number inside one with a decimal mark or thousands separator ("2 tỷ" in "2,2 tỷ", "20" in
    # "20.000", "5%" in "0,5%"); a date's day and month before its year is one
    assert not groups_matched("Kim ngạch đạt 2,2 tỷ USD.", [["2 tỷ USD"]])
    assert not groups_matched("khoảng 20.000 người", [["20"]])
    assert not groups_matched("lãi suất tăng 0,5%", [["5%"]])
    assert groups_matched("ký ngày 15/9/2026.", [["15/9"]])
    # punctuation is kept: "5,8%" is the share, after or before any mark
    assert groups_matched("tăng 5,8%, cao hơn", [["5,8%"]])
    assert not groups_matched("tăng 5,8 điểm", [["5,8%"]])
    # an alternative that begins or ends with a mark needs no word boundary there
    assert groups_matched("khoản vay US$10 billion", [["$10 billion"]])
    assert groups_matched("Cơ quan Tình báo Quốc phòng(DIA)", [["(DIA)"]])
    assert groups_matched("Cơ quan (DIA)và Bộ", [["(DIA)"]])
    # a number's leading zero is ignored either way
    assert groups_matched("Ngày 06/3, hai bên ký.", [["6/3"]])
    assert groups_matched("Ngày 6/3, hai bên ký.", [["06/3"]])
    # (not a decimal's: "0,05%" is no "0,5%", "1,05 tỷ" no "1,5 tỷ")
    assert not groups_matched("lãi suất giảm 0,05%", [["0,5%"]])
    assert not groups_matched("tăng 1,05 tỷ USD", [["1,5 tỷ USD"]])
    # every group, each by any of its alternatives; an empty alternative matches nothing
    assert not groups_matched("Ông Trần Văn Lộc", [["Trần Văn Lộc"], ["Lê Văn Khải"]])
    assert not groups_matched("Ông Trần Văn Lộc", [[""]])
    assert groups_matched("anything", [])
