"""Library errors mapped to HTTP status codes; a catch-all that logs and reveals nothing internal."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from rag import (
    BadDocumentError,
    DocumentNotFoundError,
    EmbedderError,
    IndexCorruptError,
    IndexNotFoundError,
    InvalidInputError,
    RagError,
)

logger = logging.getLogger("api")

# Most specific first: the first class the error is an instance of decides the status.
STATUS_OF: list[tuple[type[RagError], int]] = [
    (DocumentNotFoundError, 404),
    (InvalidInputError, 422),
    (BadDocumentError, 422),
    (IndexNotFoundError, 503),
    (IndexCorruptError, 503),
    (EmbedderError, 503),
]

INTERNAL_ERROR = "internal server error"


def status_of(exc: RagError) -> int:
    """The HTTP status a library error maps to (500 for an unmapped one)."""
    for cls, status in STATUS_OF:
        if isinstance(exc, cls):
            return status
    return 500


def public_message(exc: RagError) -> str:
    """The message a client may see: the library's own text, with ``rag ingest`` advice for a 503."""
    if isinstance(exc, IndexNotFoundError | IndexCorruptError):
        message = str(exc)
        if "rag ingest" not in message:
            message = f"{message}; build the index with `rag ingest`"
        return message
    return str(exc)


async def rag_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """A library error: its message and the status it maps to."""
    assert isinstance(exc, RagError)
    status = status_of(exc)
    if status >= 500 and status != 503:
        logger.error("unmapped library error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": INTERNAL_ERROR}, status_code=status)
    return JSONResponse({"detail": public_message(exc)}, status_code=status)


async def unhandled_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Anything unexpected: log the traceback, answer a bare 500."""
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RagError, rag_error_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
