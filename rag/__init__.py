"""Grounded question answering over Vietnamese news: the public API.

Everything a program needs is importable from ``rag``; the CLI and the HTTP API use nothing else (the
benchmark workers and the scorer trainer in ``eval/`` also reach into the internals they measure)::

    import rag

    rag.Pipeline.ingest(["data/articles"], rag.Settings())
    pipe = rag.Pipeline.open(rag.Settings())
    answer = pipe.ask("Quảng Ninh ký thỏa thuận với Quảng Tây khi nào?")
    print(answer.answer, [c.quote for c in answer.citations])

Names are resolved on first use, so ``import rag`` stays cheap for commands that need little.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.config import Settings, get_settings
    from rag.conversation import Turn
    from rag.dbserver import start_server as start_database
    from rag.dbserver import stop_server as stop_database
    from rag.errors import (
        AnswerCancelledError,
        BadDocumentError,
        DocumentExistsError,
        DocumentNotFoundError,
        EmbedderError,
        IndexCorruptError,
        IndexEmptyError,
        IndexMismatchError,
        IndexNotFoundError,
        InvalidInputError,
        RagError,
    )
    from rag.evaluate import EvalReport, GoldQuestion, groups_matched, load_dataset, percentile
    from rag.index import clean_index_dir
    from rag.ingest import IngestReport, SkippedFile
    from rag.models import Agreement, Answer, Article, Chunk, Citation, Hit
    from rag.pipeline import Pipeline, validate_history, validate_question
    from rag.retrieve import MODES, Filters, Mode, SearchResult
    from rag.worker import run_worker

_EXPORTS = {
    "Settings": "rag.config",
    "get_settings": "rag.config",
    "start_database": "rag.dbserver:start_server",
    "stop_database": "rag.dbserver:stop_server",
    "RagError": "rag.errors",
    "AnswerCancelledError": "rag.errors",
    "InvalidInputError": "rag.errors",
    "BadDocumentError": "rag.errors",
    "IndexNotFoundError": "rag.errors",
    "IndexCorruptError": "rag.errors",
    "IndexMismatchError": "rag.errors",
    "EmbedderError": "rag.errors",
    "DocumentNotFoundError": "rag.errors",
    "Turn": "rag.conversation",
    "DocumentExistsError": "rag.errors",
    "IndexEmptyError": "rag.errors",
    "EvalReport": "rag.evaluate",
    "GoldQuestion": "rag.evaluate",
    "load_dataset": "rag.evaluate",
    "groups_matched": "rag.evaluate",
    "percentile": "rag.evaluate",
    "clean_index_dir": "rag.index",
    "IngestReport": "rag.ingest",
    "SkippedFile": "rag.ingest",
    "Agreement": "rag.models",
    "Answer": "rag.models",
    "Article": "rag.models",
    "Chunk": "rag.models",
    "Citation": "rag.models",
    "Hit": "rag.models",
    "Pipeline": "rag.pipeline",
    "validate_history": "rag.pipeline",
    "validate_question": "rag.pipeline",
    "Filters": "rag.retrieve",
    "Mode": "rag.retrieve",
    "MODES": "rag.retrieve",
    "SearchResult": "rag.retrieve",
    "run_worker": "rag.worker",
}

__all__ = [
    "Agreement",
    "Answer",
    "AnswerCancelledError",
    "Article",
    "BadDocumentError",
    "Chunk",
    "Citation",
    "DocumentExistsError",
    "DocumentNotFoundError",
    "EmbedderError",
    "EvalReport",
    "Filters",
    "GoldQuestion",
    "Hit",
    "IndexCorruptError",
    "IndexEmptyError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "IngestReport",
    "InvalidInputError",
    "MODES",
    "Mode",
    "Pipeline",
    "RagError",
    "SearchResult",
    "Settings",
    "SkippedFile",
    "Turn",
    "clean_index_dir",
    "get_settings",
    "groups_matched",
    "load_dataset",
    "percentile",
    "run_worker",
    "start_database",
    "stop_database",
    "validate_history",
    "validate_question",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    module, _, attribute = module.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
