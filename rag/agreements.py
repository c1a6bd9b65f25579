"""The agreements timeline: meetings, signings, agreements, proposals and decisions the articles report.

Extracted at ingest, sentence by sentence, by rules: a sentence that names an action (ký kết, hội đàm,
nhất trí, đề xuất, ...) becomes a record with its date (resolved against the article's own date, or
the article's date for the lede sentence), place ("tại ..."), parties (the bodies it names) and quote.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from rag.chunk import split_sentences
from rag.dates import find_dates
from rag.models import Agreement, Article
from rag.text import fold

_ACTIONS: list[tuple[str, re.Pattern[str]]] = [
    ("ký kết", re.compile(r"\b(ký kết|đã ký|ký ngày|được ký|ký Biên bản|chứng kiến Lễ ký kết)\b")),
    ("hội đàm", re.compile(r"\bHội đàm\b|\bhội đàm\b")),
    ("gặp xã giao", re.compile(r"\bgặp xã giao\b")),
    ("họp", re.compile(r"\b(đã diễn ra Phiên họp|Phiên họp thứ \d+|Hội nghị trực tuyến)\b")),
    ("nhất trí", re.compile(r"\b(nhất trí|thống nhất|đồng ý)\b")),
    ("đề xuất", re.compile(r"\b(đề xuất|đề nghị)\b")),
]
_PARTY = re.compile(
    r"(?:UBND|Ủy ban nhân dân|[Cc]hính quyền nhân dân|Đoàn đại biểu|Bí thư Tỉnh ủy|Hội đồng nhân dân|"
    r"Nhân đại|lãnh đạo)\s+(?:tỉnh|châu|thành phố)?\s*[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,2}"
    r"|\b(?:tỉnh|châu)\s+[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,2}"
)
_WHAT = re.compile(
    r"((?:Thỏa thuận|Thoả thuận|Biên bản|bản ghi nhớ|Biên bản ghi nhớ|Hợp đồng|Chương trình hợp tác)"
    r"[^.;:]{0,120}?)(?=[.;:]|, lãnh đạo|$)"
)
_PLACE = re.compile(
    r"\btại\s+(?!Hội nghị|Phiên họp|buổi)"
    r"((?:thành phố|tỉnh|thủ đô)?\s*[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,2})"
)


def _reference(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def extract(article: Article) -> list[Agreement]:
    """Records for one article, in text order."""
    records: list[Agreement] = []
    ref = _reference(article)
    for n, (start, end) in enumerate(split_sentences(article.text)):
        sentence = article.text[start:end]
        action = next((name for name, rx in _ACTIONS if rx.search(sentence)), None)
        if action is None:
            continue
        dates = [d for d in find_dates(sentence, ref) if d.iso]
        if not dates and n > 0:
            continue  # only the lede may take the article's own date
        iso = dates[0].iso if dates else article.published
        date_text = dates[0].text if dates else None
        parties = list(dict.fromkeys(m.group(0).strip() for m in _PARTY.finditer(sentence)))
        what_m = _WHAT.search(sentence)
        place_m = _PLACE.search(sentence)
        digest = hashlib.sha1(f"{article.doc_id}:{start}".encode()).hexdigest()[:10]
        records.append(
            Agreement(
                id=f"{article.doc_id}:{digest}",
                date=iso,
                date_text=date_text,
                place=place_m.group(1).strip() if place_m else None,
                parties=parties,
                action=action,
                what=(what_m.group(1).strip() if what_m else sentence[:160]),
                doc_id=article.doc_id,
                quote=sentence,
            )
        )
    return records


def build_timeline(articles: list[Article]) -> list[dict[str, Any]]:
    """The whole corpus's records, sorted by date (undated last), as JSON-ready dicts."""
    records = [r for art in articles for r in extract(art)]
    records.sort(key=lambda r: (r.date is None, r.date or "", r.doc_id, r.id))
    return [r.to_json() for r in records]


def timeline_from_json(rows: list[dict[str, Any]]) -> list[Agreement]:
    return [Agreement(**row) for row in rows]


def filter_timeline(
    records: list[Agreement],
    *,
    party: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Agreement]:
    """Records whose parties or quote name ``party`` (any diacritics) and whose date is in the range."""
    out = []
    key = fold(party).strip() if party else None
    for rec in records:
        if key and not any(key in fold(p) for p in rec.parties) and key not in fold(rec.quote):
            continue
        if date_from or date_to:
            if not rec.date:
                continue
            if date_from and rec.date[: len(date_from)] < date_from:
                continue
            if date_to and rec.date[: len(date_to)] > date_to:
                continue
        out.append(rec)
    return out
