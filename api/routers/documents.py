"""The indexed articles: list, read one, and upload new ones into the live index."""

from __future__ import annotations

import contextlib
import fcntl
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.deps import ApiKeyDep, PipelineDep, SettingsDep
from api.errors import basenames
from api.schemas import Document, DocumentMeta, ErrorDetail, IngestReport, UploadRejected
from rag import Article

router = APIRouter(prefix="/documents", tags=["documents"])

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz")
UPLOAD_FIELD = "files"
COPY_BLOCK = 64 * 1024
MAX_NAME_CHARS = 150

UPLOAD_BODY_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [UPLOAD_FIELD],
                    "properties": {
                        UPLOAD_FIELD: {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Article files: " + " ".join(ALLOWED_SUFFIXES),
                        }
                    },
                }
            }
        },
    }
}


def _meta(article: Article, chunks: int) -> dict[str, Any]:
    return {
        "doc_id": article.doc_id,
        "title": article.title,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "url": article.url,
        "author": article.author,
        "chunks": chunks,
    }


@router.get("", response_model=list[DocumentMeta], responses={503: {"model": ErrorDetail}})
def list_documents(pipeline: PipelineDep) -> list[dict[str, Any]]:
    """Every indexed article's metadata, by doc_id (without the text)."""
    index = pipeline.index  # one snapshot, even if an upload swaps the index meanwhile
    articles = sorted(index.articles.values(), key=lambda a: a.doc_id)
    return [_meta(a, len(index.rows_of(a.doc_id))) for a in articles]


@router.get(
    "/{doc_id}",
    response_model=Document,
    responses={404: {"model": ErrorDetail}, 503: {"model": ErrorDetail}},
)
def get_document(doc_id: str, pipeline: PipelineDep) -> dict[str, Any]:
    """One article's metadata and its cleaned text."""
    index = pipeline.index
    article = pipeline.article(doc_id)
    return {**_meta(article, len(index.rows_of(doc_id))), "text": article.text}


def safe_filename(raw: str | None) -> str:
    """The base name of an uploaded file, reduced to safe characters; 422 when nothing usable is left."""
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/")
    name = PurePosixPath(name).name
    name = re.sub(r"[^\w.\-]+", "_", name).lstrip("._-")[-MAX_NAME_CHARS:]
    if not name or not allowed_suffix(name) or name.lower() in ALLOWED_SUFFIXES:
        raise HTTPException(422, f"unusable file name {raw!r}")
    return name


def allowed_suffix(name: str) -> bool:
    return name.lower().endswith(ALLOWED_SUFFIXES)


def _save(upload: UploadFile, target: Path, max_bytes: int) -> None:
    """Copy an upload to ``target`` block by block; 413 as soon as it exceeds ``max_bytes``."""
    size = 0
    upload.file.seek(0)
    with open(target, "wb") as out:
        while block := upload.file.read(COPY_BLOCK):
            size += len(block)
            if size > max_bytes:
                raise HTTPException(413, f"{target.name} is larger than the limit of {max_bytes} bytes")
            out.write(block)


def _check_uploads(items: list[tuple[str, UploadFile | str]], max_files: int) -> list[tuple[str, UploadFile]]:
    """(safe name, file) pairs, or the 4xx that explains what is wrong with the form."""
    files: list[tuple[str, UploadFile]] = []
    for key, value in items:
        if key != UPLOAD_FIELD:
            raise HTTPException(
                422, f"unexpected form field {key!r}: send files in the field {UPLOAD_FIELD!r}"
            )
        if not isinstance(value, UploadFile):
            raise HTTPException(422, f"the field {UPLOAD_FIELD!r} must hold files, not text")
        if not allowed_suffix(value.filename or ""):
            raise HTTPException(
                415, f"unsupported file type {value.filename!r}: allowed are {', '.join(ALLOWED_SUFFIXES)}"
            )
        files.append((safe_filename(value.filename), value))
    if not files:
        raise HTTPException(422, f"no file uploaded: send one or more files in the field {UPLOAD_FIELD!r}")
    if len(files) > max_files:
        raise HTTPException(413, f"{len(files)} files uploaded; the limit is {max_files}")
    names = [name for name, _ in files]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise HTTPException(422, f"duplicate file names: {', '.join(duplicates)}")
    return files


@router.post(
    "",
    response_model=IngestReport,
    openapi_extra=UPLOAD_BODY_SCHEMA,
    responses={
        401: {"model": ErrorDetail, "description": "Missing X-API-Key header."},
        403: {
            "model": ErrorDetail,
            "description": "Wrong API key; uploads closed (no RAG_API_KEY); or a page of another origin.",
        },
        409: {
            "model": ErrorDetail,
            "description": "An article would replace an indexed one (same doc_id) without replace=true.",
        },
        413: {"model": ErrorDetail, "description": "A file, or the upload, is too large."},
        415: {"model": ErrorDetail, "description": "Not an allowed file type."},
        422: {"model": UploadRejected, "description": "No file could be ingested; the index is unchanged."},
        503: {"model": ErrorDetail},
    },
)
async def upload_documents(
    request: Request,
    _auth: ApiKeyDep,
    pipeline: PipelineDep,
    settings: SettingsDep,
    replace: Annotated[
        bool, Query(description="Replace indexed articles of the same doc_id (else a 409, nothing changed).")
    ] = False,
) -> Any:
    """Ingest uploaded article files into the live index (multipart field ``files``); no restart needed."""
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise HTTPException(415, "send the files as multipart/form-data")
    # Parsed only after the key check. Starlette spools file parts to disk past 1 MB and
    # BodyLimitMiddleware bounds the whole body, so nothing unbounded is held in memory.
    try:
        form = await request.form(
            max_files=settings.max_upload_files, max_fields=settings.max_upload_files, max_part_size=4096
        )
    except StarletteHTTPException as exc:
        if exc.status_code == 400 and "Too many files" in str(exc.detail):
            raise HTTPException(413, f"too many files: the limit is {settings.max_upload_files}") from exc
        raise
    try:
        files = _check_uploads(list(form.multi_items()), settings.max_upload_files)
        with upload_folder() as folder:
            for name, upload in files:
                await run_in_threadpool(_save, upload, folder / name, settings.max_upload_bytes)
            await form.close()
            report = await run_in_threadpool(partial(pipeline.add, [folder], replace=replace))
            data = report.to_json()
            data["index_dir"] = Path(data["index_dir"]).name
            data["skipped"] = [
                {"source": _relative(s["source"], folder), "reason": _relative(s["reason"], folder)}
                for s in data["skipped"]
            ]
    finally:
        await form.close()
    if not (report.added or report.updated or report.unchanged):
        reasons = "; ".join(f"{s['source']}: {s['reason']}" for s in data["skipped"]) or "no article found"
        return JSONResponse(
            {
                "detail": f"no file could be ingested ({reasons}); the index is unchanged",
                "skipped": data["skipped"],
            },
            status_code=422,
        )
    return data


def _relative(text: str, folder: Path) -> str:
    """``text`` with the upload folder's path taken out: files are named by their upload name, never by
    the server's temporary path (any other absolute path is cut to its base name)."""
    for prefix in (str(folder.resolve()) + "/", str(folder) + "/"):
        text = text.replace(prefix, "")
    return basenames(text)


# ------------------------------------------------------------------------------------- upload folders
UPLOAD_PREFIX = "rag-upload-"
OWNER_FILE = ".owner"
"""Held locked (flock) by the process using the folder; a killed process's lock is released by the OS."""


@contextlib.contextmanager
def upload_folder() -> Iterator[Path]:
    """A private temporary folder for one upload, removed afterwards; its owner file stays locked while
    it is in use, so ``remove_stale_upload_folders`` can tell a live upload from a killed server's."""
    folder = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
    try:
        with open(folder / OWNER_FILE, "w") as owner:
            fcntl.flock(owner, fcntl.LOCK_EX)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_upload_folders(older_than: float, root: Path | None = None) -> list[str]:
    """Remove upload folders of killed servers: modified before ``older_than`` (this process's start)
    and not locked by a living owner. Returns the names removed."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(UPLOAD_PREFIX + "*"):
        try:
            if not folder.is_dir() or folder.stat().st_mtime >= older_than:
                continue
            with open(folder / OWNER_FILE, "a") as owner:
                fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: still in use
                shutil.rmtree(folder)
            removed.append(folder.name)
        except OSError:  # in use, vanished meanwhile or not ours to remove: leave it
            continue
    return removed
