"""Questions answered from the indexed articles: one JSON answer, or a stream of Server-Sent Events."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.sse import EventSourceResponse, ServerSentEvent

from api.deps import AskDep, PipelineDep
from api.errors import INTERNAL_ERROR, public_message, status_of
from api.schemas import Answer, AskRequest, ErrorDetail
from rag import RagError, Turn

logger = logging.getLogger("api")

router = APIRouter(prefix="/ask", tags=["ask"])

WORDS_PER_DELTA = 3

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorDetail, "description": "Invalid question, top_k or history."},
    503: {"model": ErrorDetail, "description": "No index is loaded (run `rag ingest`)."},
}


def split_deltas(text: str, words: int = WORDS_PER_DELTA) -> list[str]:
    """Pieces of ``text`` of a few words each, cut at word boundaries; they concatenate back to ``text``."""
    tokens = [t for t in re.split(r"(?<=\s)(?=\S)", text) if t]
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]


def history(body: AskRequest) -> list[Turn]:
    return [Turn(t.role, t.content) for t in body.history]


@router.post("", response_model=Answer, responses=ERRORS)
def ask(body: AskDep, pipeline: PipelineDep) -> dict[str, Any]:
    """Answer a question with citations from the indexed articles, or say the articles do not answer it."""
    return pipeline.ask(body.question, body.top_k, history(body)).to_json()


@router.post(
    "/stream",
    response_class=EventSourceResponse,
    response_model=None,
    responses=ERRORS,
    response_description=(
        '`event: delta` with `data: {"text": ...}` pieces of the answer text, then `event: answer` with '
        'the full Answer JSON; `event: error` with `{"detail": ...}` if answering fails.'
    ),
)
async def ask_stream(body: AskDep, pipeline: PipelineDep) -> AsyncIterator[ServerSentEvent]:
    """Stream the answer as Server-Sent Events: text pieces, then the full answer."""
    try:
        answer = await run_in_threadpool(pipeline.ask, body.question, body.top_k, history(body))
    except RagError as exc:
        detail = public_message(exc) if status_of(exc) < 500 or status_of(exc) == 503 else INTERNAL_ERROR
        yield ServerSentEvent(event="error", data={"detail": detail})
        return
    except Exception:
        logger.exception("answering a streamed question failed")
        yield ServerSentEvent(event="error", data={"detail": INTERNAL_ERROR})
        return
    data = answer.to_json()
    for piece in split_deltas(data["answer"]):
        yield ServerSentEvent(event="delta", data={"text": piece})
    yield ServerSentEvent(event="answer", data=data)
