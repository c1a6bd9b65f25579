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
    # punctuation is kept: "5,8%" is the share, after or before any mark
    assert groups_matched("tăng 5,8%, cao hơn", [["5,8%"]])
    assert not groups_matched("tăng 5,8 điểm", [["5,8%"]])
    # every group, each by any of its alternatives; an empty alternative matches nothing
    assert not groups_matched("Ông Trần Văn Lộc", [["Trần Văn Lộc"], ["Lê Văn Khải"]])
    assert not groups_matched("Ông Trần Văn Lộc", [[""]])
    assert groups_matched("anything", [])
