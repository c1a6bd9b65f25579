"""Typed values that cross stage boundaries: Article, Chunk, Hit, Citation, Answer, Agreement."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned article, as character offsets into ``Article.text``."""

    start: int
    end: int


@dataclass
class Article:
    """A cleaned article: the text a reader sees, without page chrome, and its metadata.

    ``published`` is an ISO date (``YYYY-MM-DD``) or None; ``published_inferred`` is True when the page
    gave no date of its own and the date was inferred from the article's text (never guessed silently).
    """

    doc_id: str
    title: str
    text: str
    published: str | None = None
    published_inferred: bool = False
    url: str | None = None
    author: str | None = None
    source_path: str | None = None
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass
class Chunk:
    """A passage of an article: ``text == article.text[start:end]``; sentences are absolute offsets."""

    chunk_id: str
    doc_id: str
    n: int
    text: str
    start: int
    end: int
    title: str
    published: str | None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    n_tokens: int = 0

    def embed_text(self) -> str:
        """The text given to the embedder: the passage with its document's title and date as context."""
        head = self.title
        if self.published:
            head = f"{head} ({self.published})"
        return f"{head}\n{self.text}" if head else self.text

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sentences"] = [list(s) for s in self.sentences]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chunk:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["sentences"] = [tuple(s) for s in fields.get("sentences", [])]
        return cls(**fields)


@dataclass
class Hit:
    """A retrieved chunk with its fused score and the per-retriever ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_score: float | None = None
    lexical_score: float | None = None

    @property
    def doc_id(self) -> str:
        return self.chunk.doc_id

    @property
    def chunk_id(self) -> str:
        return self.chunk.chunk_id

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md search-hit shape."""
        return {
            "doc_id": self.chunk.doc_id,
            "chunk_id": self.chunk.chunk_id,
            "title": self.chunk.title,
            "published": self.chunk.published,
            "score": round(float(self.score), 6),
            "text": self.chunk.text,
        }


@dataclass
class Citation:
    n: int
    doc_id: str
    chunk_id: str
    title: str
    published: str | None
    url: str | None
    quote: str
    score: float
    quotes: list[str] = field(default_factory=list)
    """Every sentence quoted from this article, in article order (one source entry per article);
    ``quote`` is them as one verbatim span when they are adjacent, else the first."""

    def __post_init__(self) -> None:
        if not self.quotes:
            self.quotes = [self.quote]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(float(self.score), 6)
        return data


def merge_citations(cites: list[Citation], texts: Mapping[str, str]) -> tuple[list[Citation], list[int]]:
    """One citation per article: ``cites`` (one per quoted sentence, best first) grouped by ``doc_id``,
    numbered from 1 in order of first appearance, each with all its article's quotes (``texts``: doc_id ->
    article text, to order them and to join adjacent ones into one verbatim span). Returns the merged
    citations and, for each input citation, the number of the merged one it went into."""
    merged: dict[str, Citation] = {}
    numbers: list[int] = []
    for c in cites:
        m = merged.get(c.doc_id)
        if m is None:
            m = merged[c.doc_id] = Citation(
                len(merged) + 1, c.doc_id, c.chunk_id, c.title, c.published, c.url, c.quote, c.score, []
            )
        m.score = max(m.score, c.score)
        m.quotes.extend(q for q in c.quotes if q not in m.quotes)
        numbers.append(m.n)
    for m in merged.values():
        text = texts.get(m.doc_id, "")
        spans = sorted((text.find(q), q) for q in m.quotes)
        if all(start >= 0 for start, _ in spans):
            m.quotes = [q for _, q in spans]
            end, adjacent = spans[0][0], True
            for start, quote in spans:  # adjacent or overlapping (one quote may hold another)
                adjacent = adjacent and not text[end:start].strip()
                end = max(end, start + len(quote))
            m.quote = text[spans[0][0] : end] if adjacent else m.quotes[0]
        else:
            m.quote = m.quotes[0]
    return list(merged.values()), numbers


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    language: str
    citations: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "language": self.language,
            "citations": [c.to_json() for c in self.citations],
            "timings_ms": {k: round(v, 3) for k, v in self.timings_ms.items()},
        }
        data.update(self.extra)
        return data


@dataclass
class Agreement:
    """A meeting, signing, agreement, proposal or decision reported by an article (DESIGN.md shape)."""

    id: str
    date: str | None
    date_text: str | None
    place: str | None
    parties: list[str]
    action: str
    what: str
    doc_id: str
    quote: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
