"""The demo page and the embeddable chat widget."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response

router = APIRouter(tags=["ui"])

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
WIDGET_CACHE = "public, max-age=300"
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def _file(name: str) -> Path:
    path = STATIC_DIR / name
    if not path.is_file():
        raise HTTPException(404, f"{name} is not installed")
    return path


def demo_csp(html: str) -> str:
    """Only 'self': scripts from this origin plus the page's own inline scripts (pinned by hash).

    Inline styles stay allowed because the widget styles its shadow root with a ``<style>`` element.
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.finditer(html)
    )
    script_src = f"'self' {hashes}".strip()
    return (
        f"default-src 'self'; script-src {script_src}; style-src 'self' 'unsafe-inline'; img-src 'self'; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'self'"
    )


@lru_cache(maxsize=4)
def _demo(path: Path, mtime_ns: int, size: int) -> tuple[bytes, str]:
    body = path.read_bytes()
    return body, demo_csp(body.decode("utf-8"))


@router.get(
    "/", response_class=HTMLResponse, response_model=None, responses={404: {"description": "Missing."}}
)
def demo_page() -> Response:
    """The demo page with the chat widget."""
    path = _file("demo.html")
    stat = path.stat()
    body, csp = _demo(path, stat.st_mtime_ns, stat.st_size)
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": csp, "Cache-Control": "no-cache"},
    )


@router.get(
    "/widget.js",
    response_class=Response,
    response_model=None,
    responses={200: {"content": {"application/javascript": {}}}, 404: {"description": "Missing."}},
)
def widget_script() -> Response:
    """The embeddable chat widget (one script; add it to any page)."""
    return FileResponse(
        _file("widget.js"),
        media_type="application/javascript; charset=utf-8",
        headers={"Cache-Control": WIDGET_CACHE},
    )


FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="8" fill="#0f766e"/>'
    '<path d="M8 10h16v10H14l-5 4v-4H8z" fill="#fff"/></svg>'
)


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """The site icon (a speech bubble), so that no page load ends in a 404."""
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})
