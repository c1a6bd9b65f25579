"""Pydantic models of the HTTP edge: strict request bodies, response shapes of DESIGN.md."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# ----------------------------------------------------------------------------------------------- requests


class Turn(BaseModel):
    """One turn of the conversation: a user's question or the assistant's answer text."""

    model_config = ConfigDict(extra="forbid", strict=True)

    role: Literal["user", "assistant"]
    content: str = Field(
        max_length=5000,
        description="A question (at most max_question_chars, 2000 by default) or an answer (at most 5000).",
    )


class AskRequest(BaseModel):
    """A question to answer from the indexed articles."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"question": "Quảng Ninh ký thỏa thuận với Quảng Tây khi nào?"}]},
    )

    question: str = Field(
        min_length=1,
        description="The question (1 to max_question_chars characters, 2000 by default; not blank).",
    )
    top_k: int = Field(default=5, ge=1, le=20, description="How many passages the answer may cite.")
    history: list[Turn] = Field(
        default_factory=list,
        max_length=10,
        description=(
            "The conversation so far, oldest first (at most 10 turns). A follow-up that names no subject of "
            "its own takes it from here; the Answer then has `rewritten_question`."
        ),
    )

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the question is empty")
        return value


# ---------------------------------------------------------------------------------------------- responses


class ErrorDetail(BaseModel):
    """Every client error: a 4xx with a JSON ``detail`` (a message, or validation errors)."""

    detail: str | list[dict[str, Any]]


class Citation(BaseModel):
    """An article an answer cites (one entry per article); ``quote`` and ``quotes`` are verbatim text of
    the cleaned article: ``quotes`` every sentence cited from it, ``quote`` them as one span when they are
    adjacent, else the first."""

    n: int
    doc_id: str
    chunk_id: str
    title: str
    published: str | None
    url: str | None
    quote: str
    score: float
    quotes: list[str] = Field(default_factory=list)


class Answer(BaseModel):
    """A grounded answer with ``[n]`` markers pointing into ``citations`` (or an honest abstention)."""

    model_config = ConfigDict(extra="allow")

    question: str
    answer: str
    abstained: bool
    language: str
    citations: list[Citation]
    timings_ms: dict[str, float]
    rewritten_question: str | None = Field(
        default=None, description="The question answered, when a follow-up was rewritten from the history."
    )


class Hit(BaseModel):
    """A retrieved passage."""

    doc_id: str
    chunk_id: str
    title: str
    published: str | None
    score: float
    text: str


class SearchResponse(BaseModel):
    """The passages that best match a question, best first."""

    question: str
    hits: list[Hit]


class Agreement(BaseModel):
    """A meeting, signing, agreement, proposal or decision reported by an article."""

    id: str
    date: str | None = Field(
        description=(
            "YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM (a day or a month the article gives without its "
            "year) or null."
        ),
    )
    date_text: str | None
    place: str | None
    parties: list[str]
    action: str
    what: str
    doc_id: str
    quote: str


class DocumentMeta(BaseModel):
    """An indexed article's metadata (without its text)."""

    doc_id: str
    title: str
    published: str | None = Field(description="ISO date or null.")
    published_inferred: bool = Field(description="True when the date was inferred from the text.")
    url: str | None
    author: str | None
    chunks: int = Field(description="Number of passages the article was split into.")


class Document(DocumentMeta):
    """An indexed article: metadata and the cleaned text."""

    text: str


class SkippedFile(BaseModel):
    """A file an ingest could not use, and why."""

    source: str
    reason: str


class IngestReport(BaseModel):
    """What an upload changed in the index."""

    index_dir: str
    documents: int
    chunks: int
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    skipped: list[SkippedFile]
    embedded: int
    cache_hits: int
    written: bool
    timings_s: dict[str, float]


class UploadRejected(BaseModel):
    """No uploaded file could be ingested; the index is unchanged."""

    detail: str
    skipped: list[SkippedFile]


class Health(BaseModel):
    """The service is up and an index is loaded."""

    status: Literal["ok"]
    ready: bool = Field(
        description="Models, tables and caches are loaded: the first question is as fast as any other."
    )
    documents: int
    chunks: int
    embedder: str
