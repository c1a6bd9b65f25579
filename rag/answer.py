"""Grounded answers: evidence sentences chosen inside the retrieved passages, composed with citations.

The offline composer is extractive. It never writes a fact of its own: the answer's lead (a resolved
date, a place, a number) is taken from the chosen sentence, resolved against its article's date, and the
sentence itself is quoted verbatim and cited. When no sentence covers the question well enough the
answer abstains and lists the nearest passages.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from datetime import date

from rag.dates import DateMention, find_dates, format_en, format_vi
from rag.index import Index
from rag.models import Answer, Article, Citation, Hit
from rag.question import Question, analyze
from rag.text import fold, lexical_tokens

# Abstain when the best sentence (with its passage as context) covers less than this share of the
# question's weighted content terms. Calibrated on eval/gold.jsonl (see README, "Abstention").
MIN_SUPPORT = 0.30
_MONEY = re.compile(
    r"\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|USD|NDT|nhân dân tệ|euro|%)|\d[\d.,]*\s*(?:tỷ|triệu)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:tại|ở)\s+(?!Hội nghị|Hội đàm|Phiên họp|Lễ|Chương trình|Liên hoan)"
    r"((?:thành phố|tỉnh|huyện|châu|thủ đô|điểm cầu(?: tỉnh)?|Trung tâm)?\s*"
    r"[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})"
)
_PERSON = re.compile(r"\b(?:đồng chí|ông|bà)\s+[A-ZĐ]|(?:[A-ZĐ][\wÀ-ỹ]+\s+){2}[A-ZĐ][\wÀ-ỹ]+")
_NUMBER = re.compile(r"(?<![\d/.,])(\d{1,3}(?:[.,]\d{3})*|\d+)(?![\d/])")
_PLANNED = re.compile(r"\b(dự kiến|sẽ|tới|sắp|kế hoạch|đề nghị cấp có thẩm quyền cho phép)\b", re.IGNORECASE)
_VI_NUMBER_WORDS = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}


@dataclass
class Evidence:
    """A candidate sentence of a retrieved passage, with its score for the question."""

    hit: Hit
    rank: int
    article: Article
    start: int
    end: int
    text: str
    coverage: float = 0.0
    score: float = 0.0
    dates: list[DateMention] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.hit.chunk.doc_id

    @property
    def planned(self) -> bool:
        return bool(_PLANNED.search(self.text)) or any(d.future for d in self.dates)


def idf_table(index: Index) -> dict[str, float]:
    """IDF of the index's lexical tokens, computed once per loaded generation."""
    if "idf" not in index.memo:
        index.memo["idf"] = index.lexical.idf()
    idf: dict[str, float] = index.memo["idf"]
    return idf


def _reference(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def candidates(hits: list[Hit], index: Index) -> list[Evidence]:
    """Every sentence of the retrieved passages once, attributed to the best-ranked passage holding it."""
    seen: set[tuple[str, int]] = set()
    out: list[Evidence] = []
    for rank, hit in enumerate(hits, start=1):
        article = index.articles.get(hit.chunk.doc_id)
        if article is None:
            continue
        for start, end in hit.chunk.sentences:
            key = (article.doc_id, start)
            if key in seen:
                continue
            seen.add(key)
            out.append(Evidence(hit, rank, article, start, end, article.text[start:end]))
    return out


def _weights(q: Question, idf: dict[str, float]) -> dict[str, float]:
    top = max(idf.values(), default=1.0)
    return {t: idf.get(t, top) * (1.5 if "_" in t else 1.0) for t in q.terms}


def _type_fit(q: Question, ev: Evidence) -> float:
    text = ev.text
    fit = 0.0
    if q.qtype == "when":
        best = max(
            (0.25 if d.precision == "day" else 0.15 if d.precision == "month" else 0.1 for d in ev.dates),
            default=0.0,
        )
        fit += best
    elif q.qtype == "where":
        fit += 0.2 if _PLACE.search(text) else 0.0
    elif q.qtype == "who":
        fit += 0.15 if _PERSON.search(text) else 0.0
    elif q.qtype == "how_many":
        spans = [(d.start, d.end) for d in ev.dates]
        numbers = [m for m in _NUMBER.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
        words = any(f" {w} " in f" {text.lower()} " for w in _VI_NUMBER_WORDS)
        fit += 0.2 if numbers else 0.08 if words else 0.0
    folded = fold(text)
    for n in q.ordinals:
        if re.search(rf"\b(thu|lan thu|lan)\s+{n}\b", folded):
            fit += 0.25
        elif re.search(r"\b(phien hop|hoi nghi)\b[^.;]{0,30}\b(thu|lan thu|lan)\s+\d+\b", folded):
            fit -= 0.15
    if q.years and any(y in text for y in q.years):
        fit += 0.1
    return fit


def score_evidence(q: Question, evidence: list[Evidence], idf: dict[str, float]) -> None:
    """Coverage of the question's weighted terms (the sentence counts fully, its passage a third)."""
    weights = _weights(q, idf)
    total = sum(weights.values()) or 1.0
    chunk_tokens: dict[str, set[str]] = {}
    for ev in evidence:
        ctx = chunk_tokens.get(ev.hit.chunk.chunk_id)
        if ctx is None:
            ctx = set(lexical_tokens(f"{ev.hit.chunk.title}\n{ev.hit.chunk.text}", use_segmentation=False))
            chunk_tokens[ev.hit.chunk.chunk_id] = ctx
        own = set(lexical_tokens(ev.text, use_segmentation=False))
        covered = sum(w if t in own else w / 3 if t in ctx else 0.0 for t, w in weights.items())
        ev.coverage = covered / total
        ev.dates = find_dates(ev.text, _reference(ev.article))
        names = sum(n in fold(ev.text) for n in q.names) / len(q.names) if q.names else 0.0
        ev.score = ev.coverage + _type_fit(q, ev) + 0.15 * names + 0.05 / ev.rank


def _lead_date(q: Question, ev: Evidence) -> str | None:
    dated = [d for d in ev.dates if d.iso and d.precision != "range"]
    if not dated:
        return None
    dated.sort(key=lambda d: ({"day": 0, "month": 1, "year": 2}.get(d.precision, 3), d.start))
    iso = dated[0].iso
    assert iso is not None
    if q.language == "en":
        return ("On " if dated[0].precision == "day" else "In ") + format_en(iso)
    text = format_vi(iso)
    return text[:1].upper() + text[1:]


def _lead_place(q: Question, ev: Evidence) -> str | None:
    m = _PLACE.search(ev.text)
    if not m:
        return None
    place = m.group(1).strip()
    if q.language == "en":
        bare = re.sub(r"^(thành phố|tỉnh|huyện|châu|thủ đô|điểm cầu(?: tỉnh)?)\s+", "", place)
        return f"in {bare}"
    return f"tại {place}"


def _lead(q: Question, ev: Evidence) -> str | None:
    if q.qtype == "when":
        when = _lead_date(q, ev)
        where = _lead_place(q, ev)
        return f"{when}, {where}" if when and where else when
    if q.qtype == "where":
        where = _lead_place(q, ev)
        if where:
            return where[:1].upper() + where[1:]
    return None


def _cite(ev: Evidence, n: int) -> Citation:
    c = ev.hit.chunk
    return Citation(n, c.doc_id, c.chunk_id, c.title, c.published, ev.article.url, ev.text, ev.hit.score)


def _date_label(art: Article, language: str) -> str:
    if not art.published:
        return "không rõ ngày" if language != "en" else "undated"
    return format_en(art.published) if language == "en" else format_vi(art.published)


def _mentions_ordinal(ev: Evidence, n: int) -> bool:
    """The sentence, its passage or its article's title names meeting number ``n``."""
    context = f"{ev.text}\n{ev.hit.chunk.text}\n{ev.article.title}"
    return re.search(rf"\b(thu|lan thu|lan)\s+{n}\b", fold(context)) is not None


def _answerable(q: Question, ranked: list[Evidence]) -> tuple[list[Evidence], str | None]:
    """The sentences that can answer, or why none can (the reason is reported with the abstention)."""
    if not ranked:
        return [], "no passage"
    support = max(e.coverage for e in ranked)
    if support < MIN_SUPPORT:
        return [], f"low support {support:.2f}"
    usable = [e for e in ranked if e.coverage >= max(MIN_SUPPORT, 0.6 * support)]
    for n in q.ordinals:  # "the 11th session": only sentences about that very meeting can answer
        usable = [e for e in usable if _mentions_ordinal(e, n)]
        if not usable:
            return [], f"no passage mentions meeting number {n}"
    if q.wants_money:
        usable = [e for e in usable if _MONEY.search(e.text)]
        if not usable:
            return [], "no passage states an amount"
    if q.qtype == "when":
        usable = [e for e in usable if any(d.iso or d.text for d in e.dates)]
        if not usable:
            return [], "no relevant passage gives a date"
    return usable, None


def compose(q: Question, evidence: list[Evidence], hits: list[Hit], max_citations: int) -> Answer:
    ranked = sorted(evidence, key=lambda e: -e.score)
    usable, why = _answerable(q, ranked)
    if why is not None:
        answer = _abstain(q, ranked, hits, max_citations)
        answer.extra["abstain_reason"] = why
        return answer
    ranked = usable
    best = ranked[0]
    chosen = [best]
    # Same event in another article (same resolved date or same meeting), cited together.
    best_isos = {d.iso for d in best.dates if d.iso and d.precision == "day"}
    for ev in ranked[1:]:
        if len(chosen) >= min(max_citations, 3) or ev.score < 0.8 * best.score:
            break
        if ev.doc_id in {c.doc_id for c in chosen}:
            continue
        isos = {d.iso for d in ev.dates if d.iso and d.precision == "day"}
        if best_isos & isos or (q.ordinals and ev.score >= 0.9 * best.score):
            chosen.append(ev)
    # For list/what/how-many questions the next sentence of the same passage often completes the answer.
    if q.qtype in ("list", "what", "how_many") and len(chosen) < max_citations:
        follow = next(
            (
                e
                for e in ranked[1:]
                if e.hit is best.hit and e.start > best.start and e.score >= 0.85 * best.score
            ),
            None,
        )
        if follow is not None:
            chosen.append(follow)
    citations = [_cite(ev, i) for i, ev in enumerate(chosen, start=1)]
    text = _render(q, chosen)
    return Answer(q.text, text, False, q.language, citations)


def _render(q: Question, chosen: list[Evidence]) -> str:
    best = chosen[0]
    lead = _lead(q, best)
    parts: list[str] = []
    if q.language == "en":
        if lead:
            parts.append(f"{lead} [1].")
        for i, ev in enumerate(chosen, start=1):
            parts.append(f"“{ev.article.title}” ({_date_label(ev.article, 'en')}) reports: “{ev.text}” [{i}]")
    else:
        if lead:
            parts.append(f"{lead} [1].")
        for i, ev in enumerate(chosen, start=1):
            parts.append(
                f"{ev.text} [{i}]" if i == 1 else f"Bài “{ev.article.title}” cũng nêu: {ev.text} [{i}]"
            )
    planned = [ev for ev in chosen if ev.planned]
    done = [ev for ev in chosen if not ev.planned]
    if planned and done:
        p, d = planned[0], done[0]
        pi, di = chosen.index(p) + 1, chosen.index(d) + 1
        if q.language == "en":
            parts.append(
                f"Note: the article of {_date_label(p.article, 'en')} [{pi}] reports this as planned; "
                f"the article of {_date_label(d.article, 'en')} [{di}] reports that it took place."
            )
        else:
            parts.append(
                f"Lưu ý: bài {_date_label(p.article, 'vi')} [{pi}] nêu đây là dự kiến; "
                f"bài {_date_label(d.article, 'vi')} [{di}] cho biết sự kiện đã diễn ra."
            )
    return " ".join(parts)


def _abstain(q: Question, ranked: list[Evidence], hits: list[Hit], max_citations: int) -> Answer:
    nearest: list[Evidence] = []
    for ev in ranked:
        if ev.hit.chunk.chunk_id not in {e.hit.chunk.chunk_id for e in nearest}:
            nearest.append(ev)
        if len(nearest) >= min(3, max_citations):
            break
    citations = [_cite(ev, i) for i, ev in enumerate(nearest, start=1)]
    if q.language == "en":
        text = "The articles do not say: none of them answers this question. The nearest passages are listed."
    else:
        text = "Các bài viết không có thông tin về câu hỏi này. Các đoạn gần nhất được liệt kê bên dưới."
    return Answer(q.text, text, True, q.language, citations)


def answer_question(
    question: str, hits: list[Hit], index: Index, *, retrieve_ms: float = 0.0, max_citations: int = 5
) -> Answer:
    """Compose a grounded answer to ``question`` from ``hits`` (the retrieved passages, best first)."""
    t0 = time.perf_counter()
    q = analyze(question)
    evidence = candidates(hits, index)
    score_evidence(q, evidence, idf_table(index))
    answer = compose(q, evidence, hits, max(1, max_citations))
    compose_ms = (time.perf_counter() - t0) * 1000
    answer.timings_ms = {"retrieve": retrieve_ms, "compose": compose_ms, "total": retrieve_ms + compose_ms}
    answer.extra["question_type"] = q.qtype
    answer.extra["support"] = round(max((e.coverage for e in evidence), default=0.0), 4)
    if not math.isfinite(answer.extra["support"]):  # pragma: no cover - defensive
        answer.extra["support"] = 0.0
    return answer
