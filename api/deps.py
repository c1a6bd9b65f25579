"""Dependencies shared by the routers: settings, the loaded pipeline, the upload API key."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from api.limits import AnswerSlots
from api.schemas import AskRequest
from rag import IndexNotFoundError, Pipeline, Settings, get_settings, validate_history, validate_question

SettingsDep = Annotated[Settings, Depends(get_settings)]

NO_INDEX = "no index is loaded: build one with `rag ingest`, then restart the server"


def get_pipeline(request: Request) -> Pipeline:
    """The pipeline opened at start-up, or the error that kept it from opening (a 503)."""
    pipeline: Pipeline | None = getattr(request.app.state, "pipeline", None)
    if pipeline is None:
        error = getattr(request.app.state, "pipeline_error", None)
        raise error if error is not None else IndexNotFoundError(NO_INDEX)
    return pipeline


PipelineDep = Annotated[Pipeline, Depends(get_pipeline)]


def valid_ask(body: AskRequest, settings: SettingsDep) -> AskRequest:
    """The request with its question stripped and checked against ``max_question_chars``, and its
    history checked the same way (else a 422, for /ask and /ask/stream alike, before any work)."""
    question = validate_question(body.question, settings.max_question_chars)
    validate_history([t.model_dump() for t in body.history], settings.max_question_chars)
    return body.model_copy(update={"question": question})


AskDep = Annotated[AskRequest, Depends(valid_ask)]


async def answer_slot(request: Request) -> AsyncIterator[None]:
    """Hold one of the process's answering slots while the request is served (a 503 with Retry-After
    when the queue is full)."""
    slots: AnswerSlots | None = getattr(request.app.state, "answer_slots", None)
    if slots is None:  # the app did not start (no lifespan): nothing to bound
        yield
        return
    async with slots.slot():
        yield


AnswerSlotDep = Annotated[None, Depends(answer_slot)]

api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Uploads need it (= RAG_API_KEY); with no key configured they are closed unless "
    "RAG_ALLOW_ANONYMOUS_WRITES=true.",
)

WRITES_CLOSED = (
    "uploads are closed: the server has no RAG_API_KEY; set one and send it as X-API-Key "
    "(or set RAG_ALLOW_ANONYMOUS_WRITES=true on a private machine)"
)


def require_api_key(settings: SettingsDep, key: Annotated[str | None, Security(api_key_header)]) -> None:
    """Let a write through when the ``X-API-Key`` header matches ``RAG_API_KEY``, or, with no key
    configured, only when anonymous writes were opened explicitly (closed by default)."""
    if not settings.api_key:
        if settings.allow_anonymous_writes:
            return
        raise HTTPException(403, WRITES_CLOSED)
    if not key:
        raise HTTPException(401, "missing X-API-Key header", headers={"WWW-Authenticate": "ApiKey"})
    if not secrets.compare_digest(key.encode(), settings.api_key.encode()):
        raise HTTPException(403, "invalid API key")


ApiKeyDep = Annotated[None, Depends(require_api_key)]
