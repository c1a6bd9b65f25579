"""The HTTP API through TestClient, on an index of the five articles built with ``FakeEmbedder``.

The API's contract (shapes, status codes, hostile input, uploads, CORS) does not depend on the model, so
these tests run on the fast fake-embedder index; one slow test checks the app on the real embedder.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.routers.ask import split_deltas
from api.routers.documents import safe_filename
from rag.cli import main as cli_main
from rag.config import Settings
from rag.errors import IndexCorruptError
from tests.conftest import BACKENDS, fake_embedder_everywhere, pg_settings

STATIC = Path(__file__).resolve().parent.parent / "api" / "static"
WHEN_Q = (
    "Phiên họp thứ 9 Nhóm công tác liên hợp giữa 4 tỉnh biên giới Việt Nam và tỉnh Vân Nam "
    "diễn ra vào ngày nào?"
)
WHEN_DOC = "000_08bd8cb68632ae08"
ANSWER_KEYS = {"question", "answer", "abstained", "language", "citations", "timings_ms"}
CITATION_KEYS = {"n", "doc_id", "chunk_id", "title", "published", "url", "quote", "score", "quotes"}
HIT_KEYS = {"doc_id", "chunk_id", "title", "published", "score", "text"}
META_KEYS = {"doc_id", "title", "published", "published_inferred", "url", "author", "chunks"}
AGREEMENT_KEYS = {"id", "date", "date_text", "place", "parties", "action", "what", "doc_id", "quote"}

NEW_ARTICLE = """Lào Cai và Vân Nam khai trương tuyến xe buýt du lịch Sa Pa – Mông Tự

LCĐT - Sáng 14/5/2024, tại thành phố Lào Cai, Sở Giao thông vận tải tỉnh Lào Cai và Sở Giao thông châu Hồng Hà
đã khai trương tuyến xe buýt du lịch quốc tế Sa Pa – Mông Tự, chạy mỗi ngày hai chuyến.

Tuyến xe buýt dài 180 km, đi qua cửa khẩu quốc tế Lào Cai – Hà Khẩu, phục vụ du khách hai nước.
"""


# ---------------------------------------------------------------------------------------------- helpers


class Response(Protocol):
    """What the tests read of a TestClient response (httpx or httpx2, depending on Starlette)."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def headers(self) -> Any: ...

    def json(self) -> Any: ...


store_backend = pytest.fixture(scope="module", params=BACKENDS)(lambda request: request.param)


@pytest.fixture(scope="module")
def api_settings(
    request: pytest.FixtureRequest, store_backend: str, fake_index_dir: Path, cache_dir: Path
) -> Settings:
    if store_backend == "postgres":
        url = request.getfixturevalue("fake_pg_url")
        return pg_settings(url, cache_dir, fake_index_dir, cors_origins=["http://allowed.example"])
    return Settings(index_dir=fake_index_dir, cache_dir=cache_dir, cors_origins=["http://allowed.example"])


@contextmanager
def fake_client(app: FastAPI, **kwargs: Any) -> Iterator[TestClient]:
    """A TestClient whose app opened its pipeline with ``FakeEmbedder`` (patched in for start-up only)."""
    test_client = TestClient(app, **kwargs)
    with fake_embedder_everywhere():
        test_client.__enter__()
    try:
        yield test_client
    finally:
        test_client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def client(api_settings: Settings) -> Iterator[TestClient]:
    """One app on the read-only fake-embedder session index for every test that does not change it."""
    with fake_client(create_app(api_settings)) as test_client:
        yield test_client


def assert_client_error(response: Response, *statuses: int) -> Any:
    """A 4xx (one of ``statuses`` when given) with a JSON ``detail``."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if statuses:
        assert response.status_code in statuses, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["detail"], body
    return body


def sse_events(text: str) -> list[tuple[str, Any]]:
    """(event, parsed data) pairs of a text/event-stream body; keep-alive comments ignored."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[len("event:") :].strip()
            elif line.startswith("data:"):
                data.append(line[len("data:") :].lstrip(" "))
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


def snapshot(client: TestClient) -> tuple[Any, Any, Any]:
    """What a failed upload must not change: health counts, the document list, a search result."""
    health = client.get("/health").json()
    health.pop("ready", None)  # the warm-up may finish meanwhile
    return (
        health,
        client.get("/documents").json(),
        client.get("/search", params={"q": "cửa khẩu Lào Cai Hà Khẩu", "k": 5}).json(),
    )


def open_writes(settings: Settings, **updates: Any) -> Settings:
    """``settings`` with anonymous uploads opened explicitly (they are closed by default)."""
    return settings.model_copy(update={"allow_anonymous_writes": True, **updates})


def upload(client: TestClient, *files: tuple[str, bytes], headers: dict[str, str] | None = None) -> Response:
    parts = [("files", (name, io.BytesIO(content), "application/octet-stream")) for name, content in files]
    return client.post("/documents", files=parts, headers=headers or {})


# ----------------------------------------------------------------------------------------------- health


def test_health(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["documents"] == 5
    assert body["chunks"] >= 5
    assert body["embedder"].startswith("fake/")  # the embedder the index was built with


# -------------------------------------------------------------------------------------------------- ask


def test_ask_answers_with_citations(client: TestClient) -> None:
    response = client.post("/ask", json={"question": WHEN_Q})
    assert response.status_code == 200
    body = response.json()
    assert ANSWER_KEYS <= set(body)
    assert body["question"] == WHEN_Q
    assert body["abstained"] is False
    assert body["language"] == "vi"
    assert body["citations"], body
    for citation in body["citations"]:
        assert set(citation) == CITATION_KEYS
    assert WHEN_DOC in {c["doc_id"] for c in body["citations"]}
    assert "[1]" in body["answer"]
    assert "27/3" in body["answer"] or "2023-03-27" in body["answer"]


def test_ask_top_k_limits_citations(client: TestClient) -> None:
    body = client.post("/ask", json={"question": WHEN_Q, "top_k": 1}).json()
    assert 1 <= len(body["citations"]) <= 1


def test_ask_out_of_scope_abstains(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who won the 2022 World Cup?"}).json()
    assert body["abstained"] is True
    assert body["answer"]


def test_ask_question_with_markup_is_answered_as_plain_json(client: TestClient) -> None:
    question = '<b>Hà Giang</b> <script>alert("x")</script> phiên họp thứ 9 diễn ra ở đâu?'
    response = client.post("/ask", json={"question": question})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["question"] == question


def test_ask_accepts_the_longest_question(client: TestClient) -> None:
    question = ("Hà Giang phiên họp " * 200)[:2000]
    response = client.post("/ask", json={"question": question})
    assert response.status_code == 200


# ------------------------------------------------------------------------------------------- ask/stream


def test_ask_stream_sends_deltas_then_the_answer(client: TestClient) -> None:
    with client.stream("POST", "/ask/stream", json={"question": WHEN_Q}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        text = response.read().decode("utf-8")
    events = sse_events(text)
    names = [name for name, _ in events]
    assert names[-1] == "answer"
    assert names.count("delta") >= 2
    assert set(names[:-1]) == {"delta"}
    answer = events[-1][1]
    assert ANSWER_KEYS <= set(answer)
    assert "".join(data["text"] for name, data in events if name == "delta") == answer["answer"]
    plain = client.post("/ask", json={"question": WHEN_Q}).json()
    assert answer["answer"] == plain["answer"]
    assert answer["citations"] == plain["citations"]


def test_ask_stream_rejects_bad_input_before_streaming(client: TestClient) -> None:
    for body in ({"question": "   "}, {"question": "x" * 2001}, {"question": "ok", "top_k": 0}, {}):
        response = client.post("/ask/stream", json=body)
        assert_client_error(response, 422)


def test_split_deltas_keeps_the_text() -> None:
    text = "  Phiên họp diễn ra sáng 27/3/2023 [1],\ntại thành phố Hà Giang [2]. "
    pieces = split_deltas(text)
    assert "".join(pieces) == text
    assert len(pieces) > 2
    assert all(len(p.split()) <= 3 for p in pieces)
    assert split_deltas("") == []


# --------------------------------------------------------------------------------------- hostile input

HOSTILE_ASK: list[tuple[str, dict[str, Any]]] = [
    ("empty question", {"json": {"question": ""}}),
    ("blank question", {"json": {"question": " \n\t "}}),
    ("2001 characters", {"json": {"question": "a" * 2001}}),
    ("question is a number", {"json": {"question": 123}}),
    ("question is null", {"json": {"question": None}}),
    ("question is a list", {"json": {"question": ["Hà Giang"]}}),
    ("top_k is a string", {"json": {"question": "Hà Giang", "top_k": "5"}}),
    ("top_k is a float", {"json": {"question": "Hà Giang", "top_k": 5.5}}),
    ("top_k is a bool", {"json": {"question": "Hà Giang", "top_k": True}}),
    ("top_k 0", {"json": {"question": "Hà Giang", "top_k": 0}}),
    ("top_k 10000", {"json": {"question": "Hà Giang", "top_k": 10000}}),
    ("unknown field", {"json": {"question": "Hà Giang", "stream": True}}),
    ("missing question", {"json": {"top_k": 3}}),
    ("array body", {"json": ["Hà Giang"]}),
    ("string body", {"json": "Hà Giang"}),
    (
        "invalid JSON",
        {"content": b'{"question": "Ha Giang"', "headers": {"content-type": "application/json"}},
    ),
    (
        "non-UTF-8 bytes",
        {"content": b'{"question": "\xff\xfe\xc3("}', "headers": {"content-type": "application/json"}},
    ),
    ("empty body", {"content": b"", "headers": {"content-type": "application/json"}}),
    ("form body", {"data": {"question": "Hà Giang"}}),
    ("no content type", {"content": b'{"question": "Ha Giang"}'}),
]


@pytest.mark.parametrize("case", HOSTILE_ASK, ids=[name for name, _ in HOSTILE_ASK])
def test_ask_rejects_hostile_input(client: TestClient, case: tuple[str, dict[str, Any]]) -> None:
    _, kwargs = case
    assert_client_error(client.post("/ask", **kwargs), 400, 413, 415, 422)


def test_one_megabyte_body_is_413_without_reading_it_all(client: TestClient) -> None:
    big = json.dumps({"question": "x" * 1_000_000}).encode()
    response = client.post("/ask", content=big, headers={"content-type": "application/json"})
    assert_client_error(response, 413)
    # Without a Content-Length (chunked), the limit applies as the bytes arrive.
    response = client.post(
        "/ask",
        content=iter([big[i : i + 65536] for i in range(0, len(big), 65536)]),
        headers={"content-type": "application/json"},
    )
    assert_client_error(response, 413)
    assert client.get("/health").status_code == 200


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    assert_client_error(client.get("/nope"), 404)
    assert_client_error(client.get("/ask"), 405)
    assert_client_error(client.delete("/documents"), 405)


# ----------------------------------------------------------------------------------------------- search


def test_search_returns_hits(client: TestClient) -> None:
    response = client.get("/search", params={"q": "lao cai ky thoa thuan voi chau hong ha", "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"question", "hits"}
    assert body["question"] == "lao cai ky thoa thuan voi chau hong ha"
    assert len(body["hits"]) == 3
    for hit in body["hits"]:
        assert set(hit) == HIT_KEYS
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_search_modes_and_filters(client: TestClient) -> None:
    for mode in ("hybrid", "dense", "lexical"):
        body = client.get("/search", params={"q": "cửa khẩu", "k": 2, "mode": mode}).json()
        assert len(body["hits"]) == 2
    body = client.get("/search", params=[("q", "Vân Nam"), ("doc", WHEN_DOC), ("k", 20)]).json()
    assert body["hits"] and {h["doc_id"] for h in body["hits"]} == {WHEN_DOC}
    body = client.get("/search", params={"q": "Vân Nam", "from": "2100", "k": 5}).json()
    assert body["hits"] == []
    body = client.get("/search", params={"q": "Vân Nam", "from": "1/1/2000", "to": "2100-12", "k": 5}).json()
    assert len(body["hits"]) == 5


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 2001},
        {"q": "Hà Giang", "k": 0},
        {"q": "Hà Giang", "k": 21},
        {"q": "Hà Giang", "k": "five"},
        {"q": "Hà Giang", "mode": "magic"},
        {"q": "Hà Giang", "from": "yesterday"},
        {"q": "Hà Giang", "to": "2024-13"},
        {"q": "Hà Giang", "from": "31/2/2024"},
    ],
)
def test_search_rejects_bad_parameters(client: TestClient, params: dict[str, Any]) -> None:
    assert_client_error(client.get("/search", params=params), 422)


def test_search_survives_undecodable_query_bytes(client: TestClient) -> None:
    response = client.get("/search?q=%FF%FE%C3%28&k=2")
    assert response.status_code in (200, 422), response.text
    assert response.headers["content-type"].startswith("application/json")


# ------------------------------------------------------------------------------------------- agreements


def test_agreements_timeline(client: TestClient) -> None:
    response = client.get("/agreements")
    assert response.status_code == 200
    records = response.json()
    assert records, "the five articles report agreements"
    for record in records:
        assert set(record) == AGREEMENT_KEYS
    dated = [r["date"] for r in records if r["date"]]
    assert dated == sorted(dated)
    filtered = client.get("/agreements", params={"party": "châu Hồng Hà"}).json()
    assert filtered and len(filtered) <= len(records)
    assert client.get("/agreements", params={"from": "2100"}).json() == []


@pytest.mark.parametrize(
    "params", [{"from": "soon"}, {"to": "2024-00"}, {"party": ""}, {"party": "  "}, {"party": "x" * 201}]
)
def test_agreements_rejects_bad_parameters(client: TestClient, params: dict[str, str]) -> None:
    assert_client_error(client.get("/agreements", params=params), 422)


# -------------------------------------------------------------------------------------------- documents


def test_documents_list_has_metadata_without_text(client: TestClient) -> None:
    response = client.get("/documents")
    assert response.status_code == 200
    documents = response.json()
    assert len(documents) == 5
    assert [d["doc_id"] for d in documents] == sorted(d["doc_id"] for d in documents)
    for doc in documents:
        assert set(doc) == META_KEYS
        assert doc["chunks"] >= 1
        assert doc["title"]


def test_document_has_metadata_and_text(client: TestClient) -> None:
    response = client.get(f"/documents/{WHEN_DOC}")
    assert response.status_code == 200
    doc = response.json()
    assert set(doc) == META_KEYS | {"text"}
    assert doc["doc_id"] == WHEN_DOC
    assert "Hà Giang" in doc["text"]


@pytest.mark.parametrize("doc_id", ["nope", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "x" * 300])
def test_unknown_document_is_404(client: TestClient, doc_id: str) -> None:
    assert_client_error(client.get(f"/documents/{doc_id}"), 404)


# -------------------------------------------------------------------------------------------- uploads


def test_upload_becomes_searchable_without_restart(fake_writable_settings: Settings) -> None:
    with fake_client(create_app(open_writes(fake_writable_settings))) as client:
        before = client.get("/health").json()
        response = upload(client, ("xe_buyt_sapa.txt", NEW_ARTICLE.encode()))
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["added"] == ["xe_buyt_sapa"]
        assert report["written"] is True
        assert report["documents"] == before["documents"] + 1
        assert client.get("/health").json()["documents"] == before["documents"] + 1
        hits = client.get("/search", params={"q": "xe buýt du lịch Sa Pa Mông Tự", "k": 3}).json()["hits"]
        assert hits[0]["doc_id"] == "xe_buyt_sapa"
        doc = client.get("/documents/xe_buyt_sapa").json()
        assert "180 km" in doc["text"]
        answer = client.post(
            "/ask", json={"question": "Tuyến xe buýt Sa Pa – Mông Tự dài bao nhiêu km?"}
        ).json()
        assert "xe_buyt_sapa" in {c["doc_id"] for c in answer["citations"]}
        # The same file again changes nothing.
        again = upload(client, ("xe_buyt_sapa.txt", NEW_ARTICLE.encode())).json()
        assert again["unchanged"] == ["xe_buyt_sapa"] and again["written"] is False


def test_failed_uploads_change_nothing(fake_writable_settings: Settings) -> None:
    settings = open_writes(fake_writable_settings, max_upload_bytes=20_000, max_upload_files=3)
    with fake_client(create_app(settings)) as client:
        before = snapshot(client)
        binary = bytes(range(256)) * 8
        rejected = upload(client, ("binary.txt", binary))
        body = assert_client_error(rejected, 422)
        assert body["skipped"] and body["skipped"][0]["source"] == "binary.txt"
        assert "/tmp" not in rejected.text
        assert_client_error(upload(client, ("report.pdf", b"%PDF-1.4")), 415)
        assert_client_error(upload(client, ("script.js", b"alert(1)")), 415)
        assert_client_error(upload(client, ("noext", b"text")), 415)
        assert_client_error(upload(client, ("big.txt", ("Lào Cai. " * 4000).encode())), 413)
        assert_client_error(upload(client, *[(f"a{i}.txt", NEW_ARTICLE.encode()) for i in range(4)]), 413)
        assert_client_error(upload(client, ("empty.txt", b"")), 422)
        # A good file together with a too-big one: all or nothing.
        assert_client_error(
            upload(client, ("good.txt", NEW_ARTICLE.encode()), ("big.txt", b"x" * 30_000)), 413
        )
        assert_client_error(client.post("/documents", files=[("other", ("a.txt", b"x"))]), 422)
        assert_client_error(client.post("/documents", files={"files": (None, b"not a file")}), 422)
        assert_client_error(client.post("/documents", json={"files": []}), 413, 415)
        assert_client_error(
            client.post(
                "/documents", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data"}
            ),
            400,
            422,
        )
        assert snapshot(client) == before


def test_upload_total_size_is_bounded(fake_writable_settings: Settings) -> None:
    settings = open_writes(fake_writable_settings, max_upload_bytes=10_000, max_upload_files=2)
    with fake_client(create_app(settings)) as client:
        before = snapshot(client)
        response = upload(client, ("huge.txt", b"a" * 2_000_000))
        assert_client_error(response, 413)
        assert snapshot(client) == before


def test_upload_file_names_are_sanitised(fake_writable_settings: Settings) -> None:
    with fake_client(create_app(open_writes(fake_writable_settings))) as client:
        response = upload(client, ("../../../etc/evil_article.txt", NEW_ARTICLE.encode()))
        assert response.status_code == 200, response.text
        assert response.json()["added"] == ["evil_article"]
        response = upload(client, ("..\\..\\win dows;rm -rf.md", NEW_ARTICLE.replace("180", "181").encode()))
        assert response.status_code == 200, response.text
        assert response.json()["added"] == ["win_dows_rm_-rf"]
    assert not (fake_writable_settings.index_dir.parent.parent / "etc").exists()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a.txt", "a.txt"),
        ("../../x.md", "x.md"),
        ("C:\\Users\\me\\bài báo.html", "bài_báo.html"),
        (".hidden.txt", "hidden.txt"),
        ("data.jsonl.gz", "data.jsonl.gz"),
    ],
)
def test_safe_filename(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected


@pytest.mark.parametrize("raw", ["", "..", "../.txt", ".txt", "a.exe"])
def test_safe_filename_rejects_unusable_names(raw: str) -> None:
    with pytest.raises(Exception, match="unusable file name"):
        safe_filename(raw)


def test_upload_requires_the_api_key_when_configured(fake_writable_settings: Settings) -> None:
    settings = fake_writable_settings.model_copy(update={"api_key": "s3cret-key"})
    with fake_client(create_app(settings)) as client:
        before = snapshot(client)
        missing = upload(client, ("k.txt", NEW_ARTICLE.encode()))
        assert_client_error(missing, 401)
        assert_client_error(
            upload(client, ("k.txt", NEW_ARTICLE.encode()), headers={"X-API-Key": "wrong"}), 403
        )
        assert snapshot(client) == before
        # Reading needs no key.
        assert client.post("/ask", json={"question": WHEN_Q}).status_code == 200
        ok = upload(client, ("k.txt", NEW_ARTICLE.encode()), headers={"X-API-Key": "s3cret-key"})
        assert ok.status_code == 200, ok.text
        assert ok.json()["added"] == ["k"]


# ------------------------------------------------------------------------------ missing / broken index


def test_missing_index_starts_and_answers_503(tmp_path: Path, cache_dir: Path) -> None:
    settings = Settings(index_dir=tmp_path / "no-index", cache_dir=cache_dir, allow_anonymous_writes=True)
    with fake_client(create_app(settings)) as client:
        for response in (
            client.get("/health"),
            client.post("/ask", json={"question": WHEN_Q}),
            client.post("/ask/stream", json={"question": WHEN_Q}),
            client.get("/search", params={"q": "Hà Giang"}),
            client.get("/agreements"),
            client.get("/documents"),
            client.get(f"/documents/{WHEN_DOC}"),
            upload(client, ("a.txt", NEW_ARTICLE.encode())),
        ):
            assert response.status_code == 503, response.text
            assert "rag ingest" in response.json()["detail"]
        # The page is still served.
        assert client.get("/").status_code == 200


def test_corrupt_index_answers_503(fake_index_dir: Path, cache_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(fake_index_dir, copy)
    live = copy / (copy / "CURRENT").read_text().strip()
    (live / "chunks.jsonl").write_text("garbage\n")
    with TestClient(create_app(Settings(index_dir=copy, cache_dir=cache_dir))) as client:
        response = client.get("/health")
        assert response.status_code == 503
        assert "rag ingest" in response.json()["detail"]


def test_internal_errors_are_json_500_without_internals(api_settings: Settings) -> None:
    app = create_app(api_settings)
    with fake_client(app, raise_server_exceptions=False) as client:

        def explode(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret internal state /srv/passwords")

        app.state.pipeline.search = explode  # a bug inside the library, not a client mistake
        response = client.get("/search", params={"q": "Hà Giang"})
        assert response.status_code == 500
        assert response.json() == {"detail": "internal server error"}
        assert "secret" not in response.text


def test_ask_stream_reports_failures_as_error_events(api_settings: Settings) -> None:
    app = create_app(api_settings)
    with fake_client(app) as client:

        def corrupt(*args: Any, **kwargs: Any) -> Any:
            raise IndexCorruptError(
                "index file chunks.jsonl is damaged; rebuild it with `rag ingest --rebuild`"
            )

        def bug(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret internal state")

        for failure, expected in ((corrupt, "rag ingest --rebuild"), (bug, "internal server error")):
            app.state.pipeline.ask = failure
            response = client.post("/ask/stream", json={"question": WHEN_Q})
            assert response.status_code == 200
            events = sse_events(response.text)
            assert [name for name, _ in events] == ["error"]
            assert expected in events[0][1]["detail"]
            assert "secret" not in response.text


# ------------------------------------------------------------------------------------ static, CORS, docs


def test_demo_page_and_widget(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["x-content-type-options"] == "nosniff"
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-eval" not in csp and "*" not in csp
    assert "/widget.js" in page.text
    script = client.get("/widget.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("application/javascript")
    assert "max-age=" in script.headers["cache-control"]
    assert "VnRagWidget" in script.text
    assert script.text == (STATIC / "widget.js").read_text(encoding="utf-8")


def test_cors_allows_configured_origin_only(client: TestClient) -> None:
    allowed = client.get("/health", headers={"Origin": "http://allowed.example"})
    assert allowed.headers["access-control-allow-origin"] == "http://allowed.example"
    other = client.get("/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = client.options(
        "/ask",
        headers={
            "Origin": "http://allowed.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "http://allowed.example"
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = set(spec["components"]["schemas"])
    expected = {
        "Answer",
        "Citation",
        "Hit",
        "SearchResponse",
        "Agreement",
        "DocumentMeta",
        "Document",
        "IngestReport",
        "Health",
        "ErrorDetail",
        "AskRequest",
    }
    assert expected <= schemas, expected - schemas
    paths = spec["paths"]
    for path in (
        "/ask",
        "/ask/stream",
        "/search",
        "/agreements",
        "/documents",
        "/documents/{doc_id}",
        "/health",
    ):
        assert path in paths, path
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("tags"), (method, path)
            assert operation.get("summary") and operation.get("description"), (method, path)
    assert "multipart/form-data" in paths["/documents"]["post"]["requestBody"]["content"]
    assert "text/event-stream" in paths["/ask/stream"]["post"]["responses"]["200"]["content"]
    assert client.get("/docs").status_code == 200


# ------------------------------------------------------------------------------------------------ flood


def test_flood_of_concurrent_requests(client: TestClient) -> None:
    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", "/ask", {"json": {"question": WHEN_Q}}),
        ("POST", "/ask", {"json": {"question": "Ai dẫn đầu đoàn đại biểu châu Văn Sơn?", "top_k": 3}}),
        (
            "POST",
            "/ask/stream",
            {"json": {"question": "Hà Giang và Vân Nam hợp tác trong những lĩnh vực nào?"}},
        ),
        ("GET", "/search", {"params": {"q": "cửa khẩu Bản Vược", "k": 5}}),
        ("GET", "/documents", {}),
        ("GET", "/agreements", {}),
        ("GET", "/health", {}),
        ("POST", "/ask", {"json": {"question": ""}}),
        ("POST", "/ask", {"content": b"\xff\xfe", "headers": {"content-type": "application/json"}}),
        ("GET", "/search", {"params": {"q": "Hà Giang", "k": 999}}),
    ]

    def send(i: int) -> int:
        method, url, kwargs = requests[i % len(requests)]
        response = client.request(method, url, **kwargs)
        response.read()
        return response.status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(send, range(50)))
    assert all(s == 200 or 400 <= s < 500 for s in statuses), statuses
    assert statuses.count(200) == 35
    health = client.get("/health")
    assert health.status_code == 200 and health.json()["documents"] == 5


# ------------------------------------------------------------------------------------------- rag serve


def test_rag_serve_without_index_says_to_ingest(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_main, ["serve", "--index", str(tmp_path / "none"), "--port", "8765"])
    assert result.exit_code == 1
    assert "rag ingest" in result.output


# ------------------------------------------------------------------------------------- the real model


@pytest.mark.slow
def test_the_app_opens_the_configured_real_embedder(index_dir: Path, cache_dir: Path) -> None:
    """Without the fake: the app builds the configured embedder (the default, onnx) itself and answers."""
    with TestClient(create_app(Settings(index_dir=index_dir, cache_dir=cache_dir))) as client:
        health = client.get("/health").json()
        assert health["status"] == "ok" and "onnx/multilingual-e5-small-q4" in health["embedder"]
        body = client.post("/ask", json={"question": WHEN_Q}).json()
        assert body["abstained"] is False and WHEN_DOC in {c["doc_id"] for c in body["citations"]}
        assert "27/3" in body["answer"] or "2023-03-27" in body["answer"]


@pytest.mark.parametrize(
    "body",
    [
        '{"question": "hợp tác", "top_k": NaN}',
        '{"question": "hợp tác", "top_k": Infinity}',
        '{"question": "hợp tác", "top_k": 1e400}',
        '{"question": "\\ud800"}',
        '{"question": "hợp tác", "extra": "\\ud800"}',
        '{"question": "hợp tác", "top_k": "\\udfff"}',
    ],
)
@pytest.mark.parametrize("path", ["/ask", "/ask/stream"])
def test_non_finite_numbers_and_lone_surrogates_are_a_422(client: TestClient, path: str, body: str) -> None:
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert_client_error(response, 422)
    assert "\\ud800" not in response.text and "NaN" not in response.text  # the input is not echoed


# ------------------------------------------------------------------------------ writes closed by default


def test_writes_are_closed_by_default(fake_writable_settings: Settings) -> None:
    assert Settings().allow_anonymous_writes is False and Settings().api_key is None
    with fake_client(create_app(fake_writable_settings)) as client:
        before = snapshot(client)
        body = assert_client_error(upload(client, ("k.txt", NEW_ARTICLE.encode())), 403)
        assert "RAG_API_KEY" in body["detail"] and "RAG_ALLOW_ANONYMOUS_WRITES" in body["detail"]
        assert snapshot(client) == before


def multipart_from(origin: str) -> dict[str, Any]:
    """What a page on ``origin`` sends with a plain HTML form or fetch(): a simple multipart POST, no
    preflight."""
    return {
        "headers": {"Origin": origin},
        "files": [("files", ("evil.txt", io.BytesIO(NEW_ARTICLE.encode())))],
    }


def test_a_cross_origin_upload_from_an_unlisted_origin_is_refused(fake_writable_settings: Settings) -> None:
    settings = open_writes(
        fake_writable_settings, cors_origins=["*"], write_origins=["http://admin.example"], api_key=None
    )
    with fake_client(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        before = snapshot(client)
        refused = client.post("/documents", **multipart_from("http://evil.example"))
        body = assert_client_error(refused, 403)
        assert "RAG_WRITE_ORIGINS" in body["detail"]
        assert "access-control-allow-origin" not in refused.headers
        preflight = client.options(
            "/documents",
            headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
        )
        assert preflight.status_code == 403 and "access-control-allow-origin" not in preflight.headers
        assert snapshot(client) == before
        # reading cross-origin stays open (cors_origins), the server's own page and listed origins write
        assert client.get("/health", headers={"Origin": "http://evil.example"}).status_code == 200
        same = client.post("/documents", **multipart_from("http://127.0.0.1:8000"))
        assert same.status_code == 200, same.text
        listed = client.post("/documents?replace=true", **multipart_from("http://admin.example"))
        assert listed.status_code == 200, listed.text


def test_replacing_an_indexed_article_needs_replace_true(fake_writable_settings: Settings) -> None:
    with fake_client(create_app(open_writes(fake_writable_settings))) as client:
        assert upload(client, ("bus.txt", NEW_ARTICLE.encode())).status_code == 200
        before = snapshot(client)
        changed = NEW_ARTICLE.replace("180 km", "250 km").encode()
        body = assert_client_error(upload(client, ("bus.txt", changed)), 409)
        assert "bus" in body["detail"] and "replace=true" in body["detail"]
        assert snapshot(client) == before
        # the same content again is no replacement: a no-op
        assert upload(client, ("bus.txt", NEW_ARTICLE.encode())).json()["unchanged"] == ["bus"]
        response = client.post(
            "/documents",
            params={"replace": "true"},
            files=[("files", ("bus.txt", io.BytesIO(changed), "text/plain"))],
        )
        assert response.status_code == 200, response.text
        assert response.json()["updated"] == ["bus"]
        assert "250 km" in client.get("/documents/bus").json()["text"]


def test_responses_name_files_by_basename_only(faiss_writable_settings: Settings, tmp_path: Path) -> None:
    index_dir = faiss_writable_settings.index_dir
    with fake_client(create_app(open_writes(faiss_writable_settings))) as client:
        report = upload(client, ("bus.txt", NEW_ARTICLE.encode())).json()
        assert report["index_dir"] == index_dir.name
        record = json.dumps({"doc_id": "dup", "title": "T", "text": NEW_ARTICLE}, ensure_ascii=False)
        twice = upload(client, ("a.jsonl", (record + "\n" + record + "\n").encode()))
        assert twice.status_code == 200, twice.text
        reasons = [s["reason"] for s in twice.json()["skipped"]]
        assert reasons == ["duplicate doc_id 'dup' (already loaded from a.jsonl:1)"], reasons
        for text in (twice.text, json.dumps(report)):
            assert "/tmp" not in text and str(index_dir) not in text and "rag-upload-" not in text
    live = index_dir / (index_dir / "CURRENT").read_text().strip()
    (live / "chunks.jsonl").write_text("garbage\n")
    with fake_client(create_app(faiss_writable_settings)) as client:
        response = client.get("/health")
        assert response.status_code == 503
        detail = response.json()["detail"]
        assert "chunks.jsonl" in detail and str(tmp_path) not in detail and "/" not in detail.split("`")[0]


def test_a_bad_jsonl_upload_is_a_422_with_reasons(fake_writable_settings: Settings) -> None:
    deep = b'{"doc_id": "deep", "text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    with fake_client(create_app(open_writes(fake_writable_settings))) as client:
        before = snapshot(client)
        body = assert_client_error(upload(client, ("deep.jsonl", deep)), 422)
        assert body["skipped"] == [{"source": "deep.jsonl:1", "reason": "malformed JSON: nested too deeply"}]
        assert snapshot(client) == before


def test_upload_folders_of_killed_servers_are_removed(tmp_path: Path) -> None:
    import fcntl
    import os

    from api.routers.documents import OWNER_FILE, remove_stale_upload_folders, upload_folder

    stale = tmp_path / "rag-upload-killed"
    (stale / "x").mkdir(parents=True)
    (stale / "x" / "a.txt").write_text("uploaded")
    busy = tmp_path / "rag-upload-busy"
    busy.mkdir()
    other = tmp_path / "not-ours"
    other.mkdir()
    for folder in (stale, busy, other):
        os.utime(folder, (1_000_000, 1_000_000))
    fresh = tmp_path / "rag-upload-new"
    fresh.mkdir()
    with open(busy / OWNER_FILE, "w") as owner:
        fcntl.flock(owner, fcntl.LOCK_EX)  # a living server's upload
        assert remove_stale_upload_folders(older_than=2_000_000, root=tmp_path) == ["rag-upload-killed"]
    assert not stale.exists() and busy.exists() and other.exists() and fresh.exists()
    with upload_folder() as folder:
        assert folder.name.startswith("rag-upload-") and (folder / OWNER_FILE).exists()
        assert folder.name not in remove_stale_upload_folders(older_than=float("inf"), root=folder.parent)
    assert not folder.exists()


# --------------------------------------------------------------------------- warm start, docs, favicon


def wait_ready(client: TestClient, seconds: float = 60.0) -> dict[str, Any]:
    """/health once it says ready (a bounded wait: the warm-up answers a few questions)."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        health = client.get("/health").json()
        if health["ready"] or time.monotonic() > deadline:
            return health
        time.sleep(0.05)


def test_a_worker_can_warm_up_before_it_serves(api_settings: Settings) -> None:
    app = create_app(api_settings.model_copy(update={"warm_before_serving": True}))
    with fake_client(app) as client:  # start-up returned: the warm-up is already done
        assert client.get("/health").json()["ready"] is True
        assert app.state.pipeline.retriever._query_cache


def test_health_says_ready_once_warmed_up(api_settings: Settings) -> None:
    app = create_app(api_settings)
    warmed: list[str] = []
    with fake_client(app) as client:
        health = wait_ready(client)
        assert health["ready"] is True and health["status"] == "ok"
        pipeline = app.state.pipeline
        # the warm-up built what a first question needs on this generation
        assert {"restorer"} <= set(pipeline.index.memo) and pipeline.retriever._query_cache
        warmed = list(pipeline.retriever._query_cache)
        assert client.post("/ask", json={"question": WHEN_Q}).status_code == 200
    assert len(warmed) >= 3


def test_docs_are_served_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn." not in page.text and "https://" not in page.text
    scripts = re.findall(r'(?:src|href)="(/docs-assets/[^"]+)"', page.text)
    assert len(scripts) == 2
    for url in scripts:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 10_000, url
    redoc = client.get("/redoc")
    assert redoc.status_code == 200 and "cdn." not in redoc.text and "fonts.googleapis" not in redoc.text
    assert client.get("/docs-assets/redoc.standalone.js").status_code == 200


def test_openapi_describes_stream_errors_as_json(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/ask/stream"]["post"]["responses"]
    assert list(responses["200"]["content"]) == ["text/event-stream"]
    for status in ("422", "503"):
        assert list(responses[status]["content"]) == ["application/json"], status
    upload_responses = spec["paths"]["/documents"]["post"]["responses"]
    assert {"401", "403", "409", "413", "415", "422"} <= set(upload_responses)
    assert spec["components"]["schemas"]["Health"]["properties"]["ready"]["type"] == "boolean"


def test_favicon(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert 'rel="icon" href="/favicon.ico"' in client.get("/").text


def test_a_client_leaving_a_stream_cancels_its_answer(caplog: pytest.LogCaptureFixture) -> None:
    """The server cancels the stream's generator when the client disconnects: the answering thread is
    told to stop, the slot is held until it has, and one INFO line says so (no ERROR, no traceback)."""
    import asyncio
    import threading

    from api.routers.ask import _answer_events
    from rag.errors import AnswerCancelledError

    class Slow:
        def __init__(self) -> None:
            self.entered = threading.Event()
            self.stopped = threading.Event()

        def ask(self, question: str, top_k: int, history: Any = (), *, cancelled: Any) -> Any:
            self.entered.set()
            for _ in range(3000):  # at most 30 s
                if cancelled():
                    self.stopped.set()
                    raise AnswerCancelledError("the answer was cancelled")
                threading.Event().wait(0.01)
            raise AssertionError("never cancelled")

    slow = Slow()

    async def scenario() -> None:
        events = _answer_events(slow, WHEN_Q, 5)  # type: ignore[arg-type]
        first = asyncio.ensure_future(events.__anext__())
        assert await asyncio.to_thread(slow.entered.wait, 30)
        first.cancel()
        with pytest.raises(asyncio.CancelledError):
            await first
        assert slow.stopped.is_set()  # the thread had stopped before the generator gave up its slot

    with caplog.at_level("INFO", logger="api"):
        asyncio.run(scenario())
    records = [r for r in caplog.records if r.name == "api"]
    assert [(r.levelname, r.exc_info) for r in records] == [("INFO", None)]
    assert "cancelled" in records[0].getMessage()


def test_rag_serve_workers_runs_uvicorn_with_the_app_factory(
    fake_index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    for name in ("RAG_EMBEDDER_THREADS", "RAG_WARM_BEFORE_SERVING"):
        monkeypatch.setenv(name, "1")  # recorded, so that what serve sets is undone
        monkeypatch.delenv(name)
    monkeypatch.setenv("RAG_INDEX_DIR", "elsewhere")  # the command line wins, and workers inherit it
    result = CliRunner().invoke(
        cli_main, ["serve", "--index", str(fake_index_dir), "--port", "8765", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    ((app, kwargs),) = calls
    assert app == "api.app:create_app" and kwargs["factory"] is True and kwargs["workers"] == 2
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8765
    assert "api" in kwargs["log_config"]["loggers"]
    import os

    assert os.environ["RAG_INDEX_DIR"] == str(fake_index_dir.resolve())
    assert os.environ["RAG_EMBEDDER_THREADS"] == str(max(1, (os.cpu_count() or 1) // 2))
    assert os.environ["RAG_WARM_BEFORE_SERVING"] == "true"
    assert "uploads closed" in result.output


def test_a_starting_server_removes_what_killed_writers_left(faiss_writable_settings: Settings) -> None:
    index_dir = faiss_writable_settings.index_dir
    (index_dir / ".tmp-gen-20990101T000000-dead01").mkdir()
    (index_dir / ".CURRENT.dead02").write_text("gen-none\n")
    with fake_client(create_app(faiss_writable_settings)) as client:
        assert client.get("/health").status_code == 200
    assert not (index_dir / ".tmp-gen-20990101T000000-dead01").exists()
    assert not (index_dir / ".CURRENT.dead02").exists()
