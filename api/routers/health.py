"""Liveness and what the loaded index holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.deps import PipelineDep
from api.schemas import ErrorDetail, Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": ErrorDetail}})
def health(pipeline: PipelineDep, request: Request) -> dict[str, Any]:
    """The service is up; whether it is ready (models, tables and caches loaded: the first question is
    as fast as any other); the loaded index's document and chunk counts and its embedder."""
    index = pipeline.index
    embedder = index.embedder_info
    ready = getattr(request.app.state, "ready", None)
    return {
        "status": "ok",
        "ready": bool(ready is not None and ready.is_set()),
        "documents": len(index.articles),
        "chunks": len(index.chunks),
        "embedder": str(embedder.get("name") or embedder.get("key") or "unknown"),
    }
