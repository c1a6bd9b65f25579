"""The agreements timeline: the full expected list of the five articles, filters, ingest, the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rag.agreements import ACTIONS, build_timeline, extract, filter_timeline, party_keys, timeline_from_json
from rag.cli import main
from rag.config import get_settings
from rag.load import load_paths, record_to_article
from rag.models import Agreement, Article
from rag.pipeline import Pipeline
from rag.text import fold
from rag.timeline import _line
from tests.conftest import fake_embedder_everywhere

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "eval" / "expected_agreements.json").read_text(encoding="utf-8"))
KEYS = {"id", "date", "date_text", "place", "parties", "action", "what", "doc_id", "quote"}


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {a.doc_id: a for a in load_paths([ROOT / "data" / "articles"]).articles}


@pytest.fixture(scope="module")
def timeline(articles: dict[str, Article]) -> list[dict[str, Any]]:
    return build_timeline(list(articles.values()))


def _same(exp: dict[str, Any], got: dict[str, Any]) -> bool:
    return (
        got["doc_id"] == exp["doc_id"]
        and got["quote"] == exp["quote"]
        and got["date"] == exp["date"]
        and got["date_text"] == exp["date_text"]
        and got["action"] == exp["action"]
        and got["place"] == exp["place"]
        and _key(exp["what"]) in _key(got["what"])
        and all(any(_key(p) in _key(q) for q in got["parties"]) for p in exp["parties"])
    )


# ------------------------------------------------------------------------------ the five articles
def test_expected_list_is_consistent(articles: dict[str, Article]) -> None:
    """The expected records themselves: verbatim quotes, ISO (partial) dates, the fixed vocabulary."""
    for exp in EXPECTED:
        text = articles[exp["doc_id"]].text
        assert exp["quote"] in text, exp["quote"][:80]
        assert exp["date_text"] is None or exp["date_text"] in exp["quote"] or exp["date_text"] in text
        assert exp["date"] is None or len(exp["date"]) in (4, 7, 10)
        assert exp["action"] in ACTIONS
        assert len(exp["parties"]) >= 1


def test_timeline_is_the_full_expected_list(timeline: list[dict[str, Any]]) -> None:
    assert len(timeline) == len(EXPECTED)
    unmatched = list(timeline)
    missing = []
    for exp in EXPECTED:
        got = next((g for g in unmatched if _same(exp, g)), None)
        if got is None:
            missing.append(exp)
        else:
            unmatched.remove(got)
    assert not missing, json.dumps(missing[:3], ensure_ascii=False, indent=1)
    assert not unmatched


def test_every_dated_meeting_and_signing_names_both_sides(timeline: list[dict[str, Any]]) -> None:
    events = [r for r in timeline if r["action"] in ("họp", "hội đàm", "gặp xã giao", "ký kết")]
    assert (
        len(events) == sum(e["action"] in ("họp", "hội đàm", "gặp xã giao", "ký kết") for e in EXPECTED) == 19
    )
    for rec in events:
        assert rec["date"], rec
        both = len(rec["parties"]) >= 2 or any(fold(p).split()[-2:] == ["5", "tinh"] for p in rec["parties"])
        assert both, rec


def test_records_shape_quotes_ids_and_order(
    articles: dict[str, Article], timeline: list[dict[str, Any]]
) -> None:
    for rec in timeline:
        assert set(rec) == KEYS
        assert rec["quote"] in articles[rec["doc_id"]].text
        assert rec["id"].startswith(rec["doc_id"] + ":")
    ids = [r["id"] for r in timeline]
    assert len(ids) == len(set(ids))
    assert build_timeline(list(articles.values())) == timeline  # stable ids, stable order
    dated = [r["date"] for r in timeline if r["date"]]
    assert dated == sorted(dated)
    assert all(r["date"] for r in timeline[: len(dated)])  # undated records last
    records = timeline_from_json(timeline)
    assert all(isinstance(r, Agreement) for r in records) and [r.to_json() for r in records] == timeline


def test_extraction_is_per_article_and_repeatable(
    articles: dict[str, Article], timeline: list[dict[str, Any]]
) -> None:
    """Each article's records depend on that article alone (so an incremental ingest can extract only
    the new ones), and extracting again gives the same records whatever the order of the articles."""
    docs = list(articles.values())
    per_article = [r.to_json() for art in docs for r in extract(art)]
    assert sorted(r["id"] for r in per_article) == sorted(r["id"] for r in timeline)
    assert build_timeline(docs[::-1]) == timeline
    for _ in range(2):
        assert build_timeline(docs) == timeline


# ----------------------------------------------------------------------------------- general rules
def _records(text: str, published: str | None) -> list[dict[str, Any]]:
    art = record_to_article({"doc_id": "x", "text": text, "published": published})
    return [r.to_json() for r in extract(art)]


def test_rules_on_unseen_text() -> None:
    text = (
        "Ngày 20/11, tại thành phố Hà Khẩu, UBND tỉnh Lào Cai và chính quyền nhân dân huyện Hà Khẩu "
        "đã ký kết Biên bản ghi nhớ về hợp tác du lịch.\n\n"
        "Lễ ký kết Thỏa thuận hợp tác thương mại giữa Sở Công Thương tỉnh Lào Cai và Cục Thương mại châu "
        "Hồng Hà đã diễn ra chiều 21/11 tại Mông Tự.\n\n"
        "Hai bên cũng thống nhất sẽ tổ chức Hội nghị xúc tiến thương mại vào tháng 3/2024 tại Lào Cai.\n\n"
        "Phó Chủ tịch UBND tỉnh Lào Cai Nguyễn Văn An đề nghị phía châu Hồng Hà tạo điều kiện thông quan.\n\n"
        "Hai bên sẽ sớm ký kết kế hoạch mới; việc ký kết là cần thiết. Anh ấy đăng ký kết hôn."
    )
    recs = _records(text, "2023-11-20")
    assert [(r["action"], r["date"], r["place"]) for r in recs] == [
        ("ký kết", "2023-11-20", "Hà Khẩu"),
        ("ký kết", "2023-11-21", "Mông Tự"),
        ("thống nhất tổ chức", "2024-03", "Lào Cai"),
        ("đề xuất", "2023-11-20", "Hà Khẩu"),
    ]
    assert recs[0]["parties"] == ["UBND tỉnh Lào Cai", "chính quyền nhân dân huyện Hà Khẩu"]
    assert recs[0]["date_text"] == "Ngày 20/11" and recs[3]["date_text"] == "Ngày 20/11"
    assert recs[1]["parties"] == ["Sở Công Thương tỉnh Lào Cai", "Cục Thương mại châu Hồng Hà"]
    assert recs[2]["what"] == "Hội nghị xúc tiến thương mại"
    assert recs[3]["parties"][0] == "Phó Chủ tịch UBND tỉnh Lào Cai Nguyễn Văn An"


def test_lede_takes_the_article_date_and_a_verb_meeting_counts() -> None:
    recs = _records(
        "Mới đây, UBND tỉnh Hà Giang đã ký thỏa thuận hợp tác với chính quyền nhân dân châu Văn Sơn và "
        "thỏa thuận giao lưu với chính quyền nhân dân châu Hồng Hà.\n\nHai bên nhất trí tăng cường hợp tác.",
        "2024-05-02",
    )
    assert [(r["action"], r["date"], r["date_text"], r["what"]) for r in recs] == [
        ("ký kết", "2024-05-02", None, "thỏa thuận hợp tác"),
        ("ký kết", "2024-05-02", None, "thỏa thuận giao lưu"),
        ("nhất trí", "2024-05-02", None, "tăng cường hợp tác"),
    ]
    assert recs[1]["parties"] == ["UBND tỉnh Hà Giang", "chính quyền nhân dân châu Hồng Hà"]
    talks = _records(
        "Sáng 5/9/2024, tại thị xã Phong Thổ, lãnh đạo tỉnh Lai Châu đã hội đàm với lãnh đạo châu Hồng Hà.",
        None,
    )
    assert [(r["action"], r["date"], r["place"], r["parties"]) for r in talks] == [
        ("hội đàm", "2024-09-05", "Phong Thổ", ["lãnh đạo tỉnh Lai Châu", "lãnh đạo châu Hồng Hà"])
    ]


def test_no_year_is_invented() -> None:
    recs = _records(
        "Chiều 27/4, UBND tỉnh Lai Châu và chính quyền nhân dân châu Hồng Hà đã ký kết biên bản.", None
    )
    # the day and the month as an ISO date without its year, the text as written
    assert len(recs) == 1 and recs[0]["date"] == "--04-27" and recs[0]["date_text"] == "Chiều 27/4"
    records = timeline_from_json(recs)
    assert filter_timeline(records) and not filter_timeline(records, date_from="2024")
    line = _line(records[0], 1, "vi")
    assert line.startswith("Chiều 27/4 (không rõ năm): ") and "--" not in line
    assert _line(records[0], 1, "en").startswith("27 April (year not stated): ")


# ---------------------------------------------------------------------------------------- filters
def test_filter_by_party_any_spelling(timeline: list[dict[str, Any]]) -> None:
    records = timeline_from_json(timeline)
    found = {
        name: [r.id for r in filter_timeline(records, party=name)]
        for name in ("Hồng Hà", "hong ha", "HONG HA", "Honghe", "châu Hồng Hà")
    }
    first = found["Hồng Hà"]
    assert len(first) == 9  # 2 signings of Lào Cai with Honghe, the 2024 agreement, the 2025 meeting
    assert all(ids == first for ids in found.values())
    for rec in filter_timeline(records, party="Honghe"):
        assert any("hong ha" in fold(p) for p in rec.parties)
    assert "van nam" in party_keys("Yunnan")
    assert filter_timeline(records, party="Văn Sơn") and not filter_timeline(records, party="Quảng Tây")


def test_filter_by_date_range(timeline: list[dict[str, Any]]) -> None:
    records = timeline_from_json(timeline)
    in_2024 = filter_timeline(records, date_from="2024", date_to="2024")
    assert in_2024 and all(r.date and r.date.startswith("2024") for r in in_2024)
    spring = filter_timeline(records, date_from="2024-03", date_to="2024-04-30")
    assert {r.date for r in spring} == {"2024", "2024-03", "2024-03-18", "2024-04"}  # "2024" overlaps
    assert all(r.date and r.date <= "2018-12-12" for r in filter_timeline(records, date_to="2018-12-12"))
    assert filter_timeline(records, date_from="2100") == []
    signed = filter_timeline(records, party="Honghe", date_from="2024-06-12", date_to="2024-06-12")
    assert [(r.action, r.place) for r in signed] == [("ký kết", "Côn Minh"), ("nhất trí", "Côn Minh")]


# ---------------------------------------------------------------------------- ingest and the CLI
# The timeline is extracted from the text at ingest, whatever the embedder: the fake-embedder index.
def test_pipeline_persists_the_timeline_at_ingest(fake_pipeline: Pipeline) -> None:
    pipe = fake_pipeline
    records = pipe.agreements()
    assert [r.to_json() for r in records] == build_timeline(pipe.documents())
    assert len(records) == len(EXPECTED)
    assert pipe.agreements(party="Honghe", date_from="2024") == filter_timeline(
        records, party="Hồng Hà", date_from="2024"
    )


def _run(args: list[str], index_dir: Path, cache_dir: Path) -> tuple[int, str, str]:
    env = {"RAG_CACHE_DIR": str(cache_dir), "RAG_INDEX_DIR": str(index_dir)}
    get_settings.cache_clear()
    with fake_embedder_everywhere():
        result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    get_settings.cache_clear()
    return result.exit_code, result.stdout, result.stderr


def test_cli_agreements(fake_index_dir: Path, cache_dir: Path, tmp_path: Path) -> None:
    index_dir = fake_index_dir
    code, out, _ = _run(["agreements", "--json"], index_dir, cache_dir)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(EXPECTED) and all(set(r) == KEYS for r in lines)

    code, out, _ = _run(
        ["agreements", "--party", "Honghe", "--from", "1/2024", "--to", "12/6/2024", "--json"],
        index_dir,
        cache_dir,
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all("2024-01" <= r["date"] <= "2024-06-12" for r in rows)
    assert all(any("hong ha" in fold(p) for p in r["parties"]) for r in rows)

    code, out, err = _run(
        ["agreements", "--party", "Văn Sơn", "--index", str(index_dir)], index_dir, cache_dir
    )
    assert code == 0 and "2024-06-12" in out and "châu Văn Sơn" in out and "record(s)" in err

    code, _, err = _run(["agreements", "--from", "soon"], index_dir, cache_dir)
    assert code == 1 and "invalid date 'soon'" in err and "Traceback" not in err
    code, _, err = _run(["agreements", "--party", " "], index_dir, cache_dir)
    assert code == 1 and "blank" in err
    code, _, err = _run(["agreements", "--index", str(tmp_path / "none")], index_dir, cache_dir)
    assert code == 1 and "Traceback" not in err


FOREIGN = Path(__file__).resolve().parents[1] / "eval" / "foreign"


def test_signings_of_any_parties_in_unseen_news() -> None:
    """15 signings of news articles the rules were not written for (``eval/foreign/expected_agreements.json``,
    hand-derived from the article text by a helper who had not read the code; companies, banks, ministries,
    an international organisation, heads of state, armies): the timeline has a signing record whose
    parties contain each side's key, whose date is the one written for it and whose document is the one
    signed. Measured: parties 12, dates 11, documents 12 of 15; the floor is one below."""
    articles = {}
    for line in (FOREIGN / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["doc_id"]] = record_to_article(row, "articles.jsonl")
    expected = json.loads((FOREIGN / "expected_agreements.json").read_text(encoding="utf-8"))
    assert len(expected) >= 10
    parties = dates = iso_dates = documents = 0
    for exp in expected:
        records = [r for r in extract(articles[exp["doc_id"]]) if r.action == "ký kết"]

        def sides(r: Agreement, exp: dict[str, Any] = exp) -> int:
            held = " | ".join(fold(p) for p in r.parties)
            return sum(any(fold(k) in held for k in group) for group in exp["party_keys"])

        best = max(records, key=lambda r: (sides(r), fold(exp["what_key"]) in fold(r.what)), default=None)
        if best is None:
            continue
        parties += sides(best) == len(exp["party_keys"])
        written, got = exp["date_text"], best.date_text
        dates += (written is None and got is None) or bool(
            written and got and (fold(got).strip() in fold(written) or fold(written) in fold(got))
        )
        iso_dates += best.date == exp["date"]  # a day without its year as "--MM-DD", never a guessed year
        documents += fold(exp["what_key"]) in fold(best.what)
    assert parties >= 11 and dates >= 10 and documents >= 11, (parties, dates, documents)
    assert iso_dates >= dates - 1, (iso_dates, dates)


def test_a_sentence_printed_twice_is_one_record() -> None:
    # (a photo caption that repeats the body's sentence)
    sentence = "Bộ trưởng Lê Văn An và Bộ trưởng Kim Min Su đã ký biên bản ghi nhớ về hợp tác giáo dục."
    text = f"Sáng 12/5, hai bộ trưởng hội đàm.\n\n{sentence}\n\nHai bên nhất trí trao đổi.\n\n{sentence}"
    article = record_to_article({"doc_id": "twice", "title": "Hai bộ ký biên bản", "text": text})
    signed = [r for r in extract(article) if r.action == "ký kết"]
    assert len(signed) == 1, signed


def test_an_undated_article_dates_what_its_dated_event_agreed() -> None:
    # an article without a date of its own: what the parties of its dated signing agreed is of that
    # signing; its lede's "Mới đây ... đã ký" is that signing again, a signing of another document is not
    text = (
        "Mới đây, UBND tỉnh Bình An đã ký thỏa thuận hợp tác với chính quyền thành phố Hải Đông.\n\n"
        "Ngày 12/6/2024, tại Tây Lâm, UBND tỉnh Bình An và chính quyền thành phố Hải Đông đã ký kết Thỏa "
        "thuận hợp tác giai đoạn 2024 – 2028.\n\n"
        "Đối với thành phố Hải Đông, hai bên thống nhất 6 nội dung hợp tác trọng tâm.\n\n"
        "UBND tỉnh Bình An cũng đã ký Biên bản ghi nhớ về du lịch với chính quyền thành phố Hải Đông."
    )
    from dataclasses import replace

    article = record_to_article({"doc_id": "undated", "title": "Bình An hợp tác với Hải Đông", "text": text})
    records = extract(replace(article, published=None, published_inferred=False))
    agreed = [r for r in records if r.action == "nhất trí"]
    assert [(r.date, r.place) for r in agreed] == [("2024-06-12", "Tây Lâm")], records
    signed = [r for r in records if r.action == "ký kết"]
    assert [r.date for r in signed] == ["2024-06-12", None], signed


def _undated(text: str) -> list[Agreement]:
    from dataclasses import replace

    article = record_to_article({"doc_id": "undated", "title": "Tin tức", "text": text})
    return extract(replace(article, published=None, published_inferred=False))


def test_what_opens_a_sentence_is_no_party_unless_it_is_a_name() -> None:
    # the sentence's first word is capitalised as such: "Tại buổi", "Gần 900.000 người" name no one; a
    # name is cut before the words after it ("ông Trump nói khi ký" -> "Trump"), a body's name is not
    records = _undated(
        "Tại buổi ký kết hợp tác giữa hai hiệp hội, ông Lê Văn An phát biểu.\n\n"
        "Gần 900.000 người ký kiến nghị gửi quốc hội.\n\n"
        '" Văn bản này giữ các gia đình bên nhau ", ông Morrow nói khi ký sắc lệnh.\n\n'
        "Vietjet đã ký hợp đồng mua 20 máy bay.\n\n"
        "Trước đó, Chính phủ hai nước ký Hiệp định hợp tác kinh tế."
    )
    parties = [r.parties for r in records if r.action == "ký kết"]
    assert parties == [[], [], ["Morrow"], ["Vietjet"], ["Chính phủ hai nước"]], parties
    # a bullet is no word; a country opening the sentence is a name; a body's name is not cut at its
    # capitals; an office opening it stays one
    records = _undated(
        "- Hai bên đã ký biên bản ghi nhớ về hợp tác du lịch.\n\n"
        "Nga và Ukraine đã ký thỏa thuận ngừng bắn.\n\n"
        "Ngày 3/4, Báo Nhân dân và Đài Tiếng nói Việt Nam đã ký thỏa thuận hợp tác.\n\n"
        "Giám đốc marketing và ông Trần Văn Bình đã ký hợp đồng."
    )
    parties = [r.parties for r in records if r.action == "ký kết"]
    expected = [
        ["Nga", "Ukraine"],
        ["Báo Nhân dân", "Đài Tiếng nói Việt Nam"],
        ["Giám đốc marketing", "Trần Văn Bình"],
    ]
    assert parties[-3:] == expected and not any("Hai bên" in p for ps in parties for p in ps), parties


def test_a_proposal_noun_is_no_proposal() -> None:
    # "kiến nghị" a noun (the petition: "trang kiến nghị", "kiến nghị được ký", "đề nghị này"), not a verb
    records = _undated(
        "Có thời điểm kiến nghị được ký hơn 56.000 lần trong một giờ.\n\n"
        "Dữ liệu trên trang kiến nghị cho thấy điều đó.\n\n"
        "Ông A mời ông B thăm Hải Đông và đề nghị này đã được chấp nhận.\n\n"
        "Sở Xây dựng kiến nghị điều chỉnh quy định về phí bảo trì."
    )
    proposed = [(r.quote, r.parties) for r in records if r.action == "đề xuất"]
    # (a name ending "Trang" is no "trang kiến nghị"; "kiến nghị được thông quan" proposes)
    others = _undated(
        "UBND thành phố Nha Trang đề nghị tỉnh bổ sung kinh phí.\n\n"
        "Các doanh nghiệp kiến nghị được thông quan nhanh hơn."
    )
    assert [r.action for r in others] == ["đề xuất", "đề xuất"], others
    # (and the verb that makes the record is no part of the body's name)
    assert proposed == [("Sở Xây dựng kiến nghị điều chỉnh quy định về phí bảo trì.", ["Sở Xây dựng"])], (
        proposed
    )


def test_the_chair_of_a_city_by_its_name() -> None:
    records = _undated("Chủ tịch Thành phố Hải Đông Lê Văn An đồng ý chủ trương lát đá quanh hồ.")
    assert [r.parties for r in records] == [["Chủ tịch Thành phố Hải Đông Lê Văn An"]], records


def test_a_month_without_its_year_is_kept_as_written() -> None:
    # "đầu tháng 12" in an article without a date: "--12" (ISO 8601 without the year), never a guessed one
    records = _undated("Hồi đầu tháng 12, Bình An và Hải Đông đã ký một thỏa thuận thương mại tự do.")
    signed = next(r for r in records if r.action == "ký kết")
    assert (signed.date, signed.date_text) == ("--12", "đầu tháng 12"), signed
    assert "December (year not stated)" in _line(signed, 1, "en")
    # (a lunar month is no month of the calendar)
    lunar = _undated("Mùng 10 tháng 3 âm lịch, Bình An và Hải Đông đã ký thỏa thuận.")
    assert [r.date for r in lunar] == [None], lunar
