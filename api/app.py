"""The FastAPI application: ``create_app(settings)`` for tests and ``uvicorn api.app:create_app --factory``.

The pipeline (index + embedder) is opened once, at start-up. Requests never reload it; an upload swaps a
new index generation in through ``Pipeline.add``. Without an index the app still starts, and the
endpoints that need one answer 503 with a detail that says to run ``rag ingest``.

>>> from fastapi.testclient import TestClient
>>> with TestClient(create_app(Settings(index_dir=Path("index")))) as client:
...     client.get("/health").json()["status"]
'ok'
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware

from api.errors import install_error_handlers
from api.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from api.routers import agreements, ask, documents, health, search, static
from rag import EmbedderError, IndexCorruptError, IndexNotFoundError, Pipeline, Settings, get_settings

logger = logging.getLogger("api")

JSON_BODY_LIMIT = 64 * 1024  # every JSON endpoint; uploads have their own limit
MULTIPART_OVERHEAD = 64 * 1024

TAGS = [
    {"name": "ask", "description": "Grounded, cited answers."},
    {"name": "search", "description": "Passage retrieval."},
    {"name": "agreements", "description": "Timeline of agreements and meetings."},
    {"name": "documents", "description": "The indexed articles; uploads."},
    {"name": "health", "description": "Service status."},
    {"name": "ui", "description": "Demo page and chat widget."},
]


def json_body_limit(settings: Settings) -> int:
    """Bytes a JSON request may have: 64 KB, or more when questions may be longer than that allows."""
    return max(JSON_BODY_LIMIT, 4 * settings.max_question_chars + 4096)


def upload_body_limit(settings: Settings) -> int:
    """Bytes an upload request may have in total: every allowed file at its maximum size, plus framing."""
    return settings.max_upload_files * (settings.max_upload_bytes + 1024) + MULTIPART_OVERHEAD


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the pipeline once; remember why not when there is no usable index."""
    settings: Settings = app.state.settings
    app.state.pipeline = None
    app.state.pipeline_error = None
    try:
        app.state.pipeline = await run_in_threadpool(Pipeline.open, settings)
    except (IndexNotFoundError, IndexCorruptError, EmbedderError) as exc:
        logger.warning("serving without an index: %s", exc)
        app.state.pipeline_error = exc
    else:
        app.state.pipeline.warm_in_background()
        manifest = app.state.pipeline.index.manifest
        logger.info(
            "loaded index %s: %s documents, %s chunks",
            settings.index_dir,
            manifest.get("documents"),
            manifest.get("chunks"),
        )
    yield
    app.state.pipeline = None


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application, configured by ``settings`` (default: ``get_settings()``, i.e. RAG_* variables)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Vietnamese news RAG",
        summary="Grounded, cited answers over Vietnamese news articles.",
        version="0.1.0",
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    # Routers take settings through Depends(get_settings); pin them to this app's (tests may re-override).
    app.dependency_overrides[get_settings] = lambda: settings
    install_error_handlers(app)
    # Added innermost first: CORS wraps everything, so even a 413 carries CORS and security headers.
    app.add_middleware(
        BodyLimitMiddleware,
        default=json_body_limit(settings),
        limits={("POST", "/documents"): upload_body_limit(settings)},
    )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type", "X-API-Key", "Accept"],
        max_age=600,
    )
    app.include_router(ask.router)
    app.include_router(search.router)
    app.include_router(agreements.router)
    app.include_router(documents.router)
    app.include_router(health.router)
    app.include_router(static.router)
    return app


app = create_app()
