"""Pure ASGI middleware: request body limits, security headers on every response (streaming included)."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HTML_CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"


class SecurityHeadersMiddleware:
    """``nosniff`` and ``Referrer-Policy`` everywhere; HTML gets framing limits (and a CSP when it has none).

    The API docs pages (``/docs``, ``/redoc``) load their assets from a CDN, so they keep their own policy.
    """

    def __init__(self, app: ASGIApp, docs_paths: tuple[str, ...] = ("/docs", "/redoc")) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = str(scope.get("path", "")).startswith(self.docs_paths)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("X-Frame-Options", "SAMEORIGIN")
                    if not is_docs:
                        headers.setdefault("Content-Security-Policy", HTML_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLargeError(HTTPException):
    """The request body passed its limit while it was being read (an HTTPException, so handlers see a 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: the limit is {limit} bytes")


class BodyLimitMiddleware:
    """Bounds request bodies: a declared ``Content-Length`` over the limit is answered 413 before any byte
    is read; a body without one (chunked) is counted as it arrives and cut off at the limit.

    ``limits`` maps ``(method, path)`` to a larger limit (uploads); every other request gets ``default``.
    """

    def __init__(self, app: ASGIApp, default: int, limits: dict[tuple[str, str], int] | None = None) -> None:
        self.app = app
        self.default = default
        self.limits = dict(limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get((scope["method"], scope["path"].rstrip("/") or "/"), self.default)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            detail = "invalid Content-Length" if not declared.isdigit() else BodyTooLargeError(limit).detail
            status = 400 if not declared.isdigit() else 413
            await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        await self.app(scope, limited_receive, send)


class WriteOriginMiddleware:
    """Writes (``writes``: (method, path) pairs) only from the server's own pages or listed origins.

    CORS alone does not stop a cross-origin write: a multipart POST is a "simple" request a browser
    sends without asking first, and only the response is hidden from the page. So a write whose
    ``Origin`` is neither this server nor one of ``origins`` is refused with a 403 before it runs, and so
    is its preflight. Requests without an ``Origin`` (curl, scripts, same-origin GETs) are not browser
    cross-origin requests and pass; they still need the API key.
    """

    def __init__(self, app: ASGIApp, origins: list[str], writes: set[tuple[str, str]]) -> None:
        self.app = app
        self.origins = {o.rstrip("/") for o in origins}
        self.writes = writes

    def allowed(self, scope: Scope, origin: str) -> bool:
        if "*" in self.origins or origin.rstrip("/") in self.origins:
            return True
        host = Headers(scope=scope).get("host", "")
        return bool(host) and origin == f"{scope.get('scheme', 'http')}://{host}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"].rstrip("/") or "/"
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        method = scope["method"]
        if method == "OPTIONS" and "access-control-request-method" in headers:
            method = headers["access-control-request-method"].upper()
        if origin is not None and (method, path) in self.writes and not self.allowed(scope, origin):
            detail = "writes from another origin are refused: list it in RAG_WRITE_ORIGINS to allow it"
            await JSONResponse({"detail": detail}, status_code=403)(scope, receive, send)
            return
        await self.app(scope, receive, send)
