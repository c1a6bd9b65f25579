"""Questions answered from the indexed articles: one JSON answer, or a stream of Server-Sent Events."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import threading
from collections.abc import AsyncIterator
from functools import partial
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from fastapi.sse import format_sse_event

from api.deps import AnswerSlotDep, AskDep, PipelineDep
from api.errors import INTERNAL_ERROR, public_message, status_of
from api.schemas import Answer, AskRequest, ErrorDetail
from rag import Pipeline, RagError, Turn

logger = logging.getLogger("api")

router = APIRouter(prefix="/ask", tags=["ask"])

WORDS_PER_DELTA = 3

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorDetail, "description": "Invalid question, top_k or history."},
    503: {
        "model": ErrorDetail,
        "description": "No index is loaded (run `rag ingest`), or the server is busy (see Retry-After).",
    },
}


def split_deltas(text: str, words: int = WORDS_PER_DELTA) -> list[str]:
    """Pieces of ``text`` of a few words each, cut at word boundaries; they concatenate back to ``text``."""
    tokens = [t for t in re.split(r"(?<=\s)(?=\S)", text) if t]
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]


def history(body: AskRequest) -> list[Turn]:
    return [Turn(t.role, t.content) for t in body.history]


@router.post("", response_model=Answer, responses=ERRORS)
def ask(body: AskDep, pipeline: PipelineDep, _slot: AnswerSlotDep) -> dict[str, Any]:
    """Answer a question with citations from the indexed articles, or say the articles do not answer it."""
    return pipeline.ask(body.question, body.top_k, history(body)).to_json()


class EventStream(StreamingResponse):
    """A stream of Server-Sent Events (the endpoint writes the events itself, so that it controls what
    happens when the client goes away)."""

    media_type = "text/event-stream"


STREAM_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": spec["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}},
    }
    for status, spec in ERRORS.items()
}
"""The stream's errors before it starts are plain JSON, not events (FastAPI would list them under the
route's media type, text/event-stream)."""


@router.post(
    "/stream",
    response_class=EventStream,
    response_model=None,
    responses=STREAM_ERRORS,
    response_description=(
        '`event: delta` with `data: {"text": ...}` pieces of the answer text, then `event: answer` with '
        'the full Answer JSON; `event: error` with `{"detail": ...}` if answering fails.'
    ),
)
async def ask_stream(
    body: AskDep, pipeline: PipelineDep, request: Request, _slot: AnswerSlotDep
) -> EventStream:
    """Stream the answer as Server-Sent Events: text pieces, then the full answer."""
    if await request.is_disconnected():  # gone while it waited for a slot: no work for nobody
        logger.info("a client left /ask/stream before its answer was started; nothing was computed")
        return EventStream(iter(()))
    return EventStream(
        _answer_events(pipeline, body.question, body.top_k, history(body)),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def _event(event: str, data: dict[str, Any]) -> bytes:
    return format_sse_event(data_str=json.dumps(data, ensure_ascii=False), event=event)


async def _answer_events(
    pipeline: Pipeline, question: str, top_k: int, turns: list[Turn] | None = None
) -> AsyncIterator[bytes]:
    """The events of one answer. When the client disconnects, the server cancels this generator: the
    answering thread is told to stop at its next stage, and one INFO line says so (no traceback)."""
    cancel = threading.Event()
    work = asyncio.get_running_loop().run_in_executor(
        None, partial(pipeline.ask, question, top_k, turns or [], cancelled=cancel.is_set)
    )
    try:
        answer = await asyncio.shield(work)
    except asyncio.CancelledError:
        cancel.set()
        with anyio.CancelScope(shield=True):  # keep the slot until the thread has stopped
            with contextlib.suppress(Exception):
                await work
        logger.info("a client left /ask/stream before its answer was ready; the answer was cancelled")
        raise
    except RagError as exc:
        detail = public_message(exc) if status_of(exc) < 500 or status_of(exc) == 503 else INTERNAL_ERROR
        yield _event("error", {"detail": detail})
        return
    except Exception:
        logger.exception("answering a streamed question failed")
        yield _event("error", {"detail": INTERNAL_ERROR})
        return
    data = answer.to_json()
    for piece in split_deltas(data["answer"]):
        yield _event("delta", {"text": piece})
    yield _event("answer", data)
