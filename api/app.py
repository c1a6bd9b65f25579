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
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psutil
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware

from api.errors import install_error_handlers
from api.limits import AnswerSlots
from api.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware, WriteOriginMiddleware
from api.routers import agreements, ask, docs, documents, health, search, static
from api.routers.documents import remove_stale_upload_folders
from rag import (
    EmbedderError,
    IndexCorruptError,
    IndexNotFoundError,
    Pipeline,
    Settings,
    clean_index_dir,
    get_settings,
)

logger = logging.getLogger("api")

JSON_BODY_LIMIT = 64 * 1024  # every JSON endpoint; uploads have their own limit
MULTIPART_OVERHEAD = 64 * 1024
WRITES = {("POST", "/documents")}
"""The endpoints that change the index: they need the API key and a listed origin."""

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
    """Clean what killed processes left, open the pipeline once (remembering why not when there is no
    usable index), then warm it in the background: ``/health`` says ``ready`` once that is done."""
    settings: Settings = app.state.settings
    app.state.pipeline = None
    app.state.pipeline_error = None
    app.state.ready = threading.Event()
    app.state.answer_slots = AnswerSlots(settings.max_concurrent_answers, settings.max_queued_answers)
    await run_in_threadpool(_remove_leftovers, settings)
    try:
        app.state.pipeline = await run_in_threadpool(Pipeline.open, settings)
    except (IndexNotFoundError, IndexCorruptError, EmbedderError) as exc:
        logger.warning("serving without an index: %s", exc)
        app.state.pipeline_error = exc
    else:
        manifest = app.state.pipeline.index.manifest
        logger.info(
            "loaded index %s: %s documents, %s chunks; warming up",
            settings.index_dir,
            manifest.get("documents"),
            manifest.get("chunks"),
        )
        if settings.warm_before_serving:
            await run_in_threadpool(_warm, app.state.pipeline, app.state.ready)
        else:
            threading.Thread(
                target=_warm, args=(app.state.pipeline, app.state.ready), name="rag-warm-up", daemon=True
            ).start()
    yield
    app.state.pipeline = None


def _remove_leftovers(settings: Settings) -> None:
    """What a killed ingest or upload left: temporary generations, pointer files, upload folders (a
    read-only index directory is served as it is)."""
    try:
        removed = clean_index_dir(settings.index_dir)
    except OSError as exc:
        logger.warning("could not check %s for leftovers of interrupted writes: %s", settings.index_dir, exc)
        removed = []
    removed += remove_stale_upload_folders(older_than=psutil.Process().create_time())
    if removed:
        logger.info("removed what interrupted writes left behind: %s", ", ".join(removed))


def _warm(pipeline: Pipeline, ready: threading.Event) -> None:
    t0 = time.perf_counter()
    try:
        pipeline.warm()
    except Exception:  # a question will load what failed here (and report its error) when it needs it
        logger.warning("warming up failed; the first questions may be slow", exc_info=True)
    ready.set()
    logger.info("ready: models, tables and caches loaded in %.1f s", time.perf_counter() - t0)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application, configured by ``settings`` (default: ``get_settings()``, i.e. RAG_* variables)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Vietnamese news RAG",
        summary="Grounded, cited answers over Vietnamese news articles.",
        version="0.1.0",
        openapi_tags=TAGS,
        lifespan=lifespan,
        docs_url=None,  # served by api.routers.docs from packaged assets (no CDN)
        redoc_url=None,
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
        allow_origins=[*settings.cors_origins, *settings.write_origins],
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type", "X-API-Key", "Accept"],
        max_age=600,
    )
    # Outermost: a write from a page of an unlisted origin is refused before CORS or anything else.
    app.add_middleware(WriteOriginMiddleware, origins=settings.write_origins, writes=WRITES)
    app.include_router(ask.router)
    app.include_router(search.router)
    app.include_router(agreements.router)
    app.include_router(documents.router)
    app.include_router(health.router)
    app.include_router(static.router)
    docs.install(app)
    return app


app = create_app()
