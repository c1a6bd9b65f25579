"""Answers from the agreements timeline (rag/timeline.py), on the fake-embedder index: the timeline is
extracted from the text at ingest, whatever the embedder."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from rag.index import Index
from rag.pipeline import Pipeline
from rag.question import analyze
from rag.text import fold
from rag.timeline import answer_from_timeline, asks_for_agreements, matching_records

LAO_CAI_HONGHE_VI = "Lào Cai đã ký những thỏa thuận nào với châu Hồng Hà?"
LAO_CAI_HONGHE_EN = "What agreements did Lao Cai sign with Honghe?"
MIN_RECORDS = 2  # one matching record is better told by the sentence composer


@pytest.fixture(scope="module")
def index(fake_pipeline: Pipeline) -> Index:
    return fake_pipeline.index


def test_which_questions_ask_for_the_timeline() -> None:
    for question in (
        LAO_CAI_HONGHE_VI,
        LAO_CAI_HONGHE_EN,
        "What was agreed in 2024?",
        "Liệt kê các văn bản Hà Giang ký với Văn Sơn",
        "Lào Cai và Hồng Hà đã ký những gì trong năm 2019?",
        "Lào Cai và Hồng Hà ký những MOU nào?",
    ):
        assert asks_for_agreements(analyze(question)), question
    for question in (
        "Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?",  # one fact, not a list
        "Những thỏa thuận nào đã được ký?",  # a list, but of no named party or year
        "Những cửa khẩu nào giữa Lào Cai và Hà Khẩu?",  # a list, but not of agreements
        # a list of the parties of an agreement, not of the agreements
        "Việt Nam ký biên bản ghi nhớ với những tổ chức khoa học nào của Australia?",
        # what they agreed to do, not the agreements
        "What did ASEAN and China agree to adopt to reduce the risk of clashes at sea?",
    ):
        assert not asks_for_agreements(analyze(question)), question


def test_matching_records_by_party_in_either_language(index: Index) -> None:
    vi = matching_records(analyze(LAO_CAI_HONGHE_VI), index)
    en = matching_records(analyze(LAO_CAI_HONGHE_EN), index)
    assert [r.id for r in vi] == [r.id for r in en]
    assert [(r.date, r.place) for r in vi] == [("2018-12-12", "Lai Châu"), ("2024-06-12", "Côn Minh")]
    for record in vi:
        assert record.action == "ký kết"  # "ký" asks for signings only
        folded = [fold(p) for p in record.parties]
        assert any("lao cai" in p for p in folded) and any("hong ha" in p for p in folded)


def test_matching_records_by_year_and_meeting(index: Index) -> None:
    in_2024 = matching_records(analyze("What was agreed in 2024?"), index)
    assert len(in_2024) >= MIN_RECORDS
    assert all(r.date and r.date.startswith("2024") for r in in_2024)
    assert {r.action for r in in_2024} <= {"ký kết", "nhất trí", "thống nhất tổ chức"}
    dated = [r.date or "" for r in in_2024]
    assert dated == sorted(dated)  # oldest first (a year-only date sorts before its days)
    assert matching_records(analyze("Những văn bản nào được ký kết năm 2030?"), index) == []
    assert not matching_records(analyze("What was agreed at the 11th Joint Working Group session?"), index)


def test_answer_lists_the_records_with_verbatim_citations(index: Index) -> None:
    answer = answer_from_timeline(analyze(LAO_CAI_HONGHE_VI), index, max_citations=5)
    assert answer is not None
    assert answer.extra["source"] == "timeline" and not answer.abstained and answer.language == "vi"
    lines = answer.answer.splitlines()
    assert lines[0] == "Các bài viết ghi nhận 2 sự kiện:"
    assert lines[1].startswith("- Ngày 12/12/2018, tại Lai Châu: UBND tỉnh Lào Cai và ")
    assert lines[2].startswith("- Ngày 12/6/2024, tại Côn Minh: ")
    # both records come from one article: one source entry holding both quotes, cited by both lines
    assert lines[1].endswith("[1].") and lines[2].endswith("[1].")
    assert [c.n for c in answer.citations] == [1] and len(answer.citations[0].quotes) == 2
    for citation in answer.citations:
        article = index.articles[citation.doc_id]
        chunk = next(c for c in index.chunks if c.chunk_id == citation.chunk_id)
        offset = article.text.find(citation.quote)
        assert offset >= 0 and chunk.start <= offset < chunk.end  # the chunk that holds the sentence
        assert all(q in article.text for q in citation.quotes)
        assert citation.title == article.title and citation.published == article.published


def test_english_answer(index: Index) -> None:
    answer = answer_from_timeline(analyze(LAO_CAI_HONGHE_EN), index, max_citations=5)
    assert answer is not None and answer.language == "en"
    lines = answer.answer.splitlines()
    assert lines[0] == "The articles report 2 such events:"
    assert lines[1].startswith("- 12 December 2018, in Lai Châu: ") and " signed “" in lines[1]
    assert lines[2].startswith("- 12 June 2024, in Côn Minh: ")


def test_long_lists_are_cut_at_max_citations(index: Index) -> None:
    q = analyze("What was agreed in 2024?")
    total = len(matching_records(q, index))
    assert total > 3
    answer = answer_from_timeline(q, index, max_citations=3)
    assert answer is not None and 1 <= len(answer.citations) <= 3  # one per article
    assert answer.answer.startswith(f"The articles report {total} such events, 3 of them here:")
    assert "rag agreements" not in answer.answer  # no tool names in an answer
    assert len(answer.answer.splitlines()) == 1 + 3
    # at least MIN_RECORDS lines even when fewer citations are asked for
    assert len(answer_from_timeline(q, index, max_citations=1).answer.splitlines()) == 1 + MIN_RECORDS  # type: ignore[union-attr]


def test_no_timeline_answer_when_too_few_records_or_not_asked(index: Index) -> None:
    assert len(matching_records(analyze("What did Ha Giang agree with Wenshan?"), index)) < MIN_RECORDS
    assert answer_from_timeline(analyze("What did Ha Giang agree with Wenshan?"), index, 5) is None
    assert answer_from_timeline(analyze("Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?"), index, 5) is None
    empty = dataclasses.replace(index, extras={}, memo={})
    assert answer_from_timeline(analyze(LAO_CAI_HONGHE_VI), empty, 5) is None


def test_lines_say_only_what_the_quote_says(index: Index) -> None:
    """A party or place the cited sentence does not name is left out of the rendered line."""
    rows: list[dict[str, Any]] = [dict(r) for r in index.extras["agreements"]]
    for row in rows:
        row["parties"] = [*row["parties"], "UBND tỉnh Điện Biên Phủ Xa"]
        row["place"] = "Hà Nội Xa Xôi"
    changed = dataclasses.replace(index, extras={**index.extras, "agreements": rows}, memo={})
    answer = answer_from_timeline(analyze(LAO_CAI_HONGHE_VI), changed, 5)
    assert answer is not None and len(answer.answer.splitlines()) == 3
    assert "Điện Biên Phủ Xa" not in answer.answer and "Hà Nội Xa Xôi" not in answer.answer
    assert answer.answer.splitlines()[1].startswith("- Ngày 12/12/2018: UBND tỉnh Lào Cai và ")
