"""Read article files (.txt pages, Markdown, HTML, JSONL records) into cleaned ``Article`` values.

``load_paths`` takes files or folders and never stops at one bad input: every file or record it cannot use
is reported by name in ``LoadResult.skipped`` (binary, not UTF-8, empty, too large, nothing left after
cleaning, malformed JSON line, missing field, duplicate ``doc_id``, unsupported type, missing path) and the
rest loads. ``load_file`` is the strict single-file form that raises ``BadDocumentError``.

>>> result = load_paths(["data/articles"])
>>> [a.doc_id for a in result.articles][:1], result.skipped
(['000_08bd8cb68632ae08'], [])
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from rag.clean import clean_page, content_hash, extract_body, infer_published
from rag.dates import parse_user_date
from rag.errors import BadDocumentError, InvalidInputError
from rag.models import Article
from rag.text import nfc

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz")
DEFAULT_MAX_FILE_BYTES = 5_000_000
DEFAULT_MAX_DECOMPRESSED_BYTES = 200_000_000


@dataclass
class SkippedFile:
    """A file (or ``file:line`` record) that was not loaded, and why."""

    source: str
    reason: str


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


# ------------------------------------------------------------------------------------------- public API
def load_paths(
    paths: Sequence[str | Path],
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_decompressed_bytes: int | None = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> LoadResult:
    """Load files and folders (walked recursively, in sorted order, supported types only).

    ``max_file_bytes`` bounds each file; for JSONL it bounds each record, since those files are streamed
    (an over-long line is read past, never held). ``max_decompressed_bytes`` bounds what a ``.jsonl.gz``
    may expand to (the rest of the file is skipped with its reason). A ``doc_id`` seen before is skipped
    (the first one wins).
    """
    if max_file_bytes < 1:
        raise InvalidInputError(f"max_file_bytes must be at least 1, got {max_file_bytes}")
    result = LoadResult()
    first_source: dict[str, str] = {}
    for path in _expand(paths, result.skipped):
        for item in _load_items(path, max_file_bytes, max_decompressed_bytes):
            if isinstance(item, SkippedFile):
                result.skipped.append(item)
                continue
            article, source = item
            if article.doc_id in first_source:
                first = first_source[article.doc_id]
                reason = f"duplicate doc_id {article.doc_id!r} (already loaded from {first})"
                result.skipped.append(SkippedFile(source, reason))
                continue
            first_source[article.doc_id] = source
            result.articles.append(article)
    return result


def load_file(path: str | Path, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> list[Article]:
    """The articles of one file; raises BadDocumentError naming the file (or ``file:line``) and the reason."""
    path = Path(path)
    if not path.is_file():
        raise BadDocumentError(str(path), "no such file")
    if _suffix(path) is None:
        raise BadDocumentError(str(path), _unsupported_reason(path))
    articles: list[Article] = []
    for item in _load_items(path, max_file_bytes, DEFAULT_MAX_DECOMPRESSED_BYTES):
        if isinstance(item, SkippedFile):
            raise BadDocumentError(item.source, item.reason)
        articles.append(item[0])
    return articles


def iter_jsonl_records(
    path: str | Path, limit: int | None = None, *, max_record_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Iterator[dict[str, Any]]:
    """Stream the JSON objects of a ``.jsonl`` or ``.jsonl.gz`` file, one line at a time.

    Raises BadDocumentError (``file:line``) on a malformed line. Blank lines are ignored.

    >>> next(iter_jsonl_records("../shared/bench/vietnews-test.jsonl.gz"))["doc_id"]
    'vietnews-test-000001'
    """
    for _lineno, record in _jsonl_lines(Path(path), max_record_bytes, limit):
        if isinstance(record, SkippedFile):
            raise BadDocumentError(record.source, record.reason)
        yield record


def record_to_article(record: dict[str, Any], source: str | None = None) -> Article:
    """One JSONL record (``doc_id``, ``title``, ``text``, optional ``url``, ``published``, ``author``) as an
    Article, its text cleaned. Raises BadDocumentError when a field is missing or nothing is left."""
    where = source or "record"
    doc_id = record.get("doc_id")
    text = record.get("text")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        raise BadDocumentError(where, "record has no doc_id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool):
        raise BadDocumentError(where, f"doc_id must be a string, got {type(doc_id).__name__}")
    if not isinstance(text, str) or not text.strip():
        raise BadDocumentError(where, f"record {doc_id!r} has no text")
    for name in ("doc_id", "title", "text", "url", "author", "published"):
        value = record.get(name)
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            raise BadDocumentError(where, f"record {str(doc_id)!r}: {name} holds a lone surrogate (not text)")
    title = nfc(str(record.get("title") or "")).strip()
    published = _parse_published(record.get("published") or record.get("date"))
    return _build(
        doc_id=str(doc_id).strip(),
        title=title,
        body_text=text,
        published=published,
        url=_opt_str(record.get("url")),
        author=_opt_str(record.get("author")),
        source=source,
    )


# ---------------------------------------------------------------------------------------- file walking
def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True) if name.endswith(s)), None)


def _unsupported_reason(path: Path) -> str:
    return f"unsupported file type {path.suffix or '(none)'!r} (supported: {', '.join(SUPPORTED_SUFFIXES)})"


def _expand(paths: Sequence[str | Path], skipped: list[SkippedFile]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and _suffix(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if _suffix(path) is None:
                skipped.append(SkippedFile(str(path), _unsupported_reason(path)))
            else:
                yield path
        else:
            skipped.append(SkippedFile(str(path), "no such file or directory"))


_Item = tuple[Article, str] | SkippedFile


def _load_items(path: Path, max_file_bytes: int, max_decompressed: int | None = None) -> Iterator[_Item]:
    """Articles (with their source label) and skips of one supported file."""
    suffix = _suffix(path)
    if suffix in (".jsonl", ".jsonl.gz"):
        yield from _load_jsonl(path, max_file_bytes, max_decompressed)
        return
    try:
        text = _read_text(path, max_file_bytes, html=suffix in (".html", ".htm"))
        article = _PARSERS[suffix or ""](text, path)
    except BadDocumentError as err:
        yield SkippedFile(err.source, err.reason)
        return
    yield article, str(path)


# ------------------------------------------------------------------------------------------- decoding
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _read_text(path: Path, max_file_bytes: int, *, html: bool = False) -> str:
    try:
        size = path.stat().st_size
        if size > max_file_bytes:
            raise BadDocumentError(str(path), f"file too large: {size} bytes (limit {max_file_bytes})")
        data = path.read_bytes()
    except OSError as err:
        raise BadDocumentError(str(path), f"cannot read: {err.strerror or err}") from err
    text = decode_bytes(data, str(path), html=html)
    if not text.strip():
        raise BadDocumentError(str(path), "empty file")
    return text


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or an HTML page's declared charset.

    Anything else is refused with a reason rather than decoded into mojibake.
    """
    if not data.strip():
        raise BadDocumentError(source, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source)
    if b"\x00" in data:
        raise BadDocumentError(source, "binary file (contains NUL bytes), not text")
    declared = _HTML_CHARSET.search(data[:4096]) if html else None
    if declared and declared.group(1).decode("ascii").lower().replace("_", "-") not in ("utf-8", "utf8"):
        return _strict(data, declared.group(1).decode("ascii"), source)
    return _strict(data, "utf-8", source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except LookupError as err:
        raise BadDocumentError(source, f"unknown declared encoding {encoding!r}") from err
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise BadDocumentError(
            source,
            f"not valid {encoding.upper()} text (byte 0x{bad} at offset {err.start}); save it as UTF-8",
        ) from err
    if any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text[:10000]):
        raise BadDocumentError(source, "binary file (control characters), not text")
    return text


# --------------------------------------------------------------------------------------- format parsers
def _parse_txt(text: str, path: Path) -> Article:
    article = clean_page(text, path.stem, str(path))
    return _checked(article, str(path))


def _parse_md(text: str, path: Path) -> Article:
    meta, body = _front_matter(text)
    plain, h1 = markdown_to_text(body)
    title = nfc(meta.get("title") or h1 or "").strip()
    return _build(
        doc_id=path.stem,
        title=title,
        body_text=plain,
        published=_parse_published(meta.get("date") or meta.get("published")),
        url=_opt_str(meta.get("url") or meta.get("source")),
        author=_opt_str(meta.get("author")),
        source=str(path),
    )


def _parse_html(text: str, path: Path) -> Article:
    import trafilatura

    extracted = trafilatura.extract(
        text,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not extracted:
        raise BadDocumentError(str(path), "no article text found in the HTML page")
    data: dict[str, Any] = json.loads(extracted)
    return _build(
        doc_id=path.stem,
        title=nfc(str(data.get("title") or "")).strip(),
        body_text=str(data.get("text") or ""),
        published=_parse_published(data.get("date")),
        url=_opt_str(data.get("source") or data.get("url")),
        author=_opt_str(data.get("author")),
        source=str(path),
    )


_PARSERS = {".txt": _parse_txt, ".md": _parse_md, ".html": _parse_html, ".htm": _parse_html}


def _build(
    *,
    doc_id: str,
    title: str,
    body_text: str,
    published: str | None,
    url: str | None,
    author: str | None,
    source: str | None,
) -> Article:
    """An Article from already-extracted parts: clean the body, fill metadata gaps from it, hash."""
    body = extract_body(body_text, title or None)
    inferred = False
    published = published or body.published
    if published is None:
        published = infer_published(body.text)
        inferred = published is not None
    article = Article(
        doc_id=doc_id,
        title=title,
        text=body.text,
        published=published,
        published_inferred=inferred,
        url=url or body.url,
        author=author or body.author,
        source_path=source,
        content_hash=content_hash(title, published, body.text),
    )
    return _checked(article, source or doc_id)


def _checked(article: Article, source: str) -> Article:
    if not article.text.strip():
        raise BadDocumentError(source, "no article text left after cleaning")
    return article


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    text = nfc(str(value)).strip()
    return text or None


def _parse_published(value: object) -> str | None:
    """An ISO date from a metadata value ("2024-06-12", "2024-06-12T08:00:00+07:00", "12/6/2024"), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).strip()
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?$", text)
    if match:
        text = match.group(1)
    try:
        iso = parse_user_date(text)
    except InvalidInputError:
        return None
    return iso if len(iso) == 10 else None


# -------------------------------------------------------------------------------------------- markdown
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_FENCE = re.compile(r"^\s*(?:```|~~~)")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_EMPHASIS = [
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1"),
]
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` YAML front matter between ``---`` lines (title, date, url, author)."""
    match = re.match(r"^\ufeff?---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def _md_inline(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _MD_AUTOLINK.sub(r"\1", line)
    line = re.sub(r"`([^`]*)`", r"\1", line)
    for pattern in _MD_EMPHASIS:
        line = pattern.sub(r"\2", line)
    return _HTML_TAG.sub("", line).strip()


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Markdown as plain paragraphs (separated by a blank line) and its first ``# heading``.

    Headings, list items and table rows become their own paragraphs; soft-wrapped lines are joined;
    emphasis and links keep their text; images, rules, reference definitions and code fences go.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    h1: str | None = None

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in markdown.replace("\r\n", "\n").split("\n"):
        if _MD_FENCE.match(raw) or _MD_REF_DEF.match(raw) or _MD_TABLE_SEP.match(raw):
            continue
        if not raw.strip() or _MD_RULE.match(raw):
            flush()
            continue
        if _MD_SETEXT.match(raw) and current:
            heading = current.pop()
            flush()
            paragraphs.append(heading)
            h1 = h1 or (heading if raw.strip().startswith("=") else None)
            continue
        heading_match = _MD_HEADING.match(raw)
        if heading_match:
            flush()
            text = _md_inline(heading_match.group(2))
            if text:
                paragraphs.append(text)
                h1 = h1 or (text if len(heading_match.group(1)) == 1 else None)
            continue
        line = _MD_QUOTE.sub("", raw)
        if _MD_LIST.match(line) or line.strip().startswith("|"):
            flush()
            line = _MD_LIST.sub("", line)
            line = " | ".join(c.strip() for c in line.strip().strip("|").split("|")) if "|" in line else line
            text = _md_inline(line)
            if text:
                paragraphs.append(text)
            continue
        text = _md_inline(line)
        if text:
            current.append(text)
    flush()
    return "\n\n".join(p for p in paragraphs if p), h1


# ----------------------------------------------------------------------------------------------- JSONL
SKIP_BLOCK = 1 << 20
"""Bytes read at a time while skipping the rest of an over-long line (memory stays bounded)."""


class DecompressionLimitError(Exception):
    """A compressed file expanded past the configured maximum of decompressed bytes."""


class _LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def bounded_lines(handle: _LineReader, max_line: int, max_total: int | None = None) -> Iterator[bytes | int]:
    """The lines of a binary stream, never holding more than ``max_line + 1`` bytes of one in memory.

    A line longer than ``max_line`` bytes (newline included) is read past in blocks and given as its
    length (an ``int``) instead of its bytes. ``max_total`` bounds the bytes read altogether (the
    decompressed size of a ``.gz``): past it, ``DecompressionLimitError``.
    """
    total = 0

    def count(n: int) -> None:
        nonlocal total
        total += n
        if max_total is not None and total > max_total:
            raise DecompressionLimitError(f"it expands to more than {max_total} bytes (the limit)")

    while line := handle.readline(max_line + 1):
        count(len(line))
        if len(line) <= max_line:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := handle.readline(SKIP_BLOCK)):
            count(len(line))
            size += len(line)
        yield size


def _open_lines(path: Path, max_line: int, max_decompressed: int | None) -> Iterator[bytes | int]:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            yield from bounded_lines(handle, max_line, max_decompressed)
    else:
        with path.open("rb") as handle:
            yield from bounded_lines(handle, max_line)


def _jsonl_lines(
    path: Path, max_record_bytes: int, limit: int | None = None, max_decompressed: int | None = None
) -> Iterator[tuple[int, dict[str, Any] | SkippedFile]]:
    """(line number, record or skip) for each non-blank line, streamed; file-level errors end the stream."""
    count = 0
    try:
        for lineno, raw in enumerate(_open_lines(path, max_record_bytes, max_decompressed), start=1):
            if limit is not None and count >= limit:
                return
            where = f"{path}:{lineno}"
            if isinstance(raw, int):
                item: dict[str, Any] | SkippedFile | None = SkippedFile(
                    where, f"record too large: {raw} bytes (limit {max_record_bytes})"
                )
            else:
                item = _parse_jsonl_line(raw, where, max_record_bytes, first=lineno == 1)
            if item is None:
                continue
            count += 1
            yield lineno, item
    except DecompressionLimitError as err:
        yield 0, SkippedFile(str(path), f"not read to the end: {err}")
    except (OSError, EOFError, zlib.error) as err:
        yield 0, SkippedFile(str(path), f"cannot read: {err}")


def _parse_jsonl_line(
    raw: bytes, where: str, max_record_bytes: int, *, first: bool
) -> dict[str, Any] | SkippedFile | None:
    if len(raw) > max_record_bytes:
        return SkippedFile(where, f"record too large: {len(raw)} bytes (limit {max_record_bytes})")
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return SkippedFile(where, f"not valid UTF-8 (byte 0x{raw[err.start : err.start + 1].hex()})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return SkippedFile(where, f"malformed JSON: {err.msg} at column {err.colno}")
    except RecursionError:
        return SkippedFile(where, "malformed JSON: nested too deeply")
    if not isinstance(record, dict):
        return SkippedFile(where, f"expected a JSON object, got {type(record).__name__}")
    return record


def _load_jsonl(path: Path, max_record_bytes: int, max_decompressed: int | None) -> Iterator[_Item]:
    seen_any = False
    for lineno, record in _jsonl_lines(path, max_record_bytes, max_decompressed=max_decompressed):
        seen_any = True
        if isinstance(record, SkippedFile):
            yield record
            continue
        where = f"{path}:{lineno}"
        try:
            yield record_to_article(record, where), where
        except BadDocumentError as err:
            yield SkippedFile(err.source, err.reason)
    if not seen_any:
        yield SkippedFile(str(path), "empty file (no JSON records)")
