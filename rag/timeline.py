"""Answers drawn from the agreements timeline: "what did X agree with Y", "what was signed in 2024".

The timeline (``rag.agreements``, built at ingest) holds one record per meeting, signing, agreement or
proposal, each with its source sentence. A question that asks for the agreements between named parties
or in a given year is answered with the matching records, oldest first, each citing its sentence.
Only what the cited sentence itself says is rendered (parties and places it does not name are left out),
so the answer stays grounded.
"""

from __future__ import annotations

import calendar
import re

from rag.agreements import filter_timeline, timeline_from_json
from rag.dates import format_en, format_vi
from rag.index import Index
from rag.models import Agreement, Answer, Citation, merge_citations
from rag.question import Question, mentions_meeting_number
from rag.text import fold, match_key

_ABOUT_AGREEMENTS = re.compile(
    r"\b(thoa thuan|ky ket|ky|nhat tri|thong nhat|van ban|bien ban|agree|agreed|agreement|agreements|sign|"
    r"signed|memorandum|memoranda)\b"
)
# a list of the agreements or the meetings themselves ("những văn bản nào", "các cuộc gặp nào"), not of
# something else they are about ("những tổ chức nào", "các lĩnh vực nào": the composer's)
_ASKS_LIST = re.compile(
    r"\b(nhung|cac) (van ban|van kien|thoa thuan|bien ban|hiep dinh|ban ghi nho|mou|cam ket|hop dong|su kien|"
    r"cuoc|lan|dip|hoat dong)\b.{0,60}\b(nao|gi)\b|\b(ky|ky ket|thong nhat|nhat tri) nhung gi\b|\bliet ke\b"
    r"|\bwhat (was|were|did|has|have)\b.{0,80}\b(agree(?!\w* to \w)|sign)"  # (not "agree to adopt": what)
    r"|\b(which|what) (agreements|documents|memoranda)\b|\blist\b"
)
_SIGNING = {"ký kết"}
_AGREEING = {"ký kết", "nhất trí", "thống nhất tổ chức"}
_ACTION_EN = {
    "ký kết": "signed",
    "nhất trí": "agreed on",
    "thống nhất tổ chức": "agreed to hold",
    "dự kiến tổ chức": "planned",
    "đề xuất": "proposed",
    "hội đàm": "held talks",
    "họp": "met",
    "gặp xã giao": "held a courtesy meeting",
}


def asks_for_agreements(q: Question) -> bool:
    folded = fold(q.text)
    return bool(_ABOUT_AGREEMENTS.search(folded) and _ASKS_LIST.search(folded) and (q.names or q.years))


def matching_records(q: Question, index: Index) -> list[Agreement]:
    records = timeline_from_json(index.extras.get("agreements", []))
    signing_only = re.search(r"\b(ky|ky ket|sign|signed|signing)\b", fold(q.text)) is not None
    wanted = _SIGNING if signing_only else _AGREEING
    records = [r for r in records if r.action in wanted]
    for name in [n for n in q.names if n not in q.places]:
        records = filter_timeline(records, party=name)
    for year in q.years:
        records = filter_timeline(records, date_from=year, date_to=year)
    for n in q.ordinals:  # "at the 11th session": only records from articles about that very meeting
        records = [r for r in records if _article_mentions(index, r.doc_id, n)]
    return records


def _article_mentions(index: Index, doc_id: str, n: int) -> bool:
    article = index.articles.get(doc_id)
    return article is not None and mentions_meeting_number(f"{article.title}\n{article.text}", n)


def _in_quote(text: str | None, quote: str) -> bool:
    return bool(text) and match_key(text or "") in match_key(quote)


def _cite(record: Agreement, index: Index, n: int) -> Citation | None:
    article = index.articles.get(record.doc_id)
    if article is None:
        return None
    offset = article.text.find(record.quote)
    chunk = next(
        (
            index.chunks[r]
            for r in index.rows_of(record.doc_id)
            if index.chunks[r].start <= offset < index.chunks[r].end
        ),
        None,
    )
    if offset < 0 or chunk is None:
        return None
    return Citation(
        n, record.doc_id, chunk.chunk_id, article.title, article.published, article.url, record.quote, 1.0
    )


def _line(record: Agreement, n: int, language: str) -> str:
    quote = record.quote
    parties = [p for p in record.parties if _in_quote(p, quote)]
    place = record.place if _in_quote(record.place, quote) else None
    when = ""
    if record.date and not record.date.startswith("--"):
        when = format_en(record.date) if language == "en" else format_vi(record.date)
    elif record.date and language == "en":  # a day and a month (a month) without a year ("--03-21", "--12")
        day = f"{int(record.date[5:])} " if len(record.date) > 4 else ""
        when = f"{day}{calendar.month_name[int(record.date[2:4])]} (year not stated)"
    elif record.date_text:  # ... as the article writes it
        when = f"{record.date_text} (không rõ năm)"
    if language == "en":
        head = ", ".join(x for x in (when, f"in {place}" if place else "") if x)
        who = " and ".join(parties)
        action = _ACTION_EN.get(record.action, record.action)
        line = f"{who + ' ' if who else ''}{action} “{record.what}” [{n}]."
    else:
        head = ", ".join(
            x for x in (when[:1].upper() + when[1:] if when else "", f"tại {place}" if place else "") if x
        )
        who = " và ".join(parties)
        line = f"{who + ' ' if who else ''}{record.action} {record.what} [{n}]."
    if not head:  # no date, no place: the record as the article gives it, without an empty heading
        return line[:1].upper() + line[1:]
    return f"{head}: {line}"


def answer_from_timeline(
    q: Question,
    index: Index,
    max_citations: int,
    *,
    min_records: int = 2,
    doc_ids: set[str] | None = None,
) -> Answer | None:
    """A list answer from the timeline, or None when the question is not of that kind or too few match.
    With ``doc_ids`` (the retrieved articles) only their records count."""
    if not asks_for_agreements(q):
        return None
    records = matching_records(q, index)
    if doc_ids is not None:
        records = [r for r in records if r.doc_id in doc_ids]
    if len(records) < min_records:
        return None
    shown: list[tuple[Agreement, Citation]] = []
    for record in records[: max(max_citations, min_records)]:
        citation = _cite(record, index, len(shown) + 1)
        if citation is not None:
            shown.append((record, citation))
    if len(shown) < min_records:
        return None
    texts = {r.doc_id: index.articles[r.doc_id].text for r, _ in shown}
    citations, numbers = merge_citations([c for _, c in shown], texts)  # one source per article
    lines = [_line(record, n, q.language) for (record, _), n in zip(shown, numbers, strict=True)]
    more = len(records) - len(shown)
    if q.language == "en":
        intro = f"The articles report {len(records)} such events"
        tail = f", {len(shown)} of them here:" if more > 0 else ":"
    else:
        intro = f"Các bài viết ghi nhận {len(records)} sự kiện"
        tail = f", dưới đây là {len(shown)} sự kiện:" if more > 0 else ":"
    text = intro + tail + "\n" + "\n".join(f"- {line}" for line in lines)
    answer = Answer(q.text, text, False, q.language, citations)
    answer.extra["source"] = "timeline"
    return answer
