"""Library errors mapped to HTTP status codes; a catch-all that logs and reveals nothing internal."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from rag import (
    AnswerCancelledError,
    BadDocumentError,
    DocumentExistsError,
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
    (DocumentExistsError, 409),
    (AnswerCancelledError, 499),
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


_PATH = re.compile(r"(?<![\w.:/])(?:/[^\s/'\"`;,()]+)+/?")
"""An absolute POSIX path in a message (``/srv/rag/index/gen-1/chunks.jsonl``)."""


def basenames(message: str) -> str:
    """``message`` with every absolute path reduced to its last part: a client is never shown where the
    server keeps its files."""
    return _PATH.sub(lambda m: m.group(0).rstrip("/").rsplit("/", 1)[-1] or "/", message)


def public_message(exc: RagError) -> str:
    """The message a client may see: the library's own text (files named by their base name only),
    with ``rag ingest`` advice for a 503."""
    message = basenames(str(exc))
    if isinstance(exc, IndexNotFoundError | IndexCorruptError) and "rag ingest" not in message:
        message = f"{message}; build the index with `rag ingest`"
    return message


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


def _safe(value: object) -> str:
    """Text that JSON can carry whatever the client sent (lone surrogates replaced)."""
    return str(value).encode("utf-8", "replace").decode("utf-8")


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """A 422 naming each field and what is wrong with it, never echoing the input back: the input may
    hold values JSON cannot render (NaN, Infinity, lone surrogates)."""
    assert isinstance(exc, RequestValidationError)
    detail = [
        {
            "loc": [_safe(part) for part in error.get("loc", ())],
            "msg": _safe(error.get("msg", "")),
            "type": _safe(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(RagError, rag_error_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
