"""Dependencies shared by the routers: settings, the loaded pipeline, the upload API key."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from api.schemas import AskRequest
from rag import IndexNotFoundError, Pipeline, Settings, get_settings, validate_question

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
    """The request with its question stripped and checked against ``max_question_chars`` (else a 422)."""
    question = validate_question(body.question, settings.max_question_chars)
    return body.model_copy(update={"question": question})


AskDep = Annotated[AskRequest, Depends(valid_ask)]

api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="Required for uploads when RAG_API_KEY is set."
)


def require_api_key(settings: SettingsDep, key: Annotated[str | None, Security(api_key_header)]) -> None:
    """Let the request through when no key is configured or the ``X-API-Key`` header matches it."""
    if not settings.api_key:
        return
    if not key:
        raise HTTPException(401, "missing X-API-Key header", headers={"WWW-Authenticate": "ApiKey"})
    if not secrets.compare_digest(key.encode(), settings.api_key.encode()):
        raise HTTPException(403, "invalid API key")


ApiKeyDep = Annotated[None, Depends(require_api_key)]
