"""Fuzzing the HTTP API from its own OpenAPI schema: generated bodies, query strings, path parameters and
uploads go to every endpoint (the app in-process, on the fake-embedder index); nothing a client sends may
give a 500. Bounded: a fixed number of examples per endpoint, derandomized (the same run every time)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from rag.config import Settings
from tests.test_api import NEW_ARTICLE, fake_client

EXAMPLES = 50
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
"""Any JSON document (non-finite numbers and raw bytes are sent separately, as text)."""

raw_bodies = st.binary(max_size=300) | st.sampled_from(
    [b"NaN", b'{"question": NaN}', b'{"question": "\\ud800"}', b"[" * 5000, b'{"question": 1e999}']
)


@pytest.fixture(scope="module")
def spec_and_client(
    fake_index_dir: Any, cache_dir: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[dict[str, Any], TestClient]]:
    import shutil

    copy = tmp_path_factory.mktemp("fuzz") / "index"
    shutil.copytree(fake_index_dir, copy)
    app_settings = Settings(
        index_dir=copy, cache_dir=cache_dir, api_key="fuzz-key", max_upload_bytes=20_000, max_upload_files=3
    )
    with fake_client(create_app(app_settings)) as client:
        yield client.get("/openapi.json").json(), client


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values of a (resolved) JSON schema of the kinds this API uses, near and past its bounds: strings,
    integers, numbers, booleans, null, arrays, objects, ``anyOf``, ``enum``."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema or "oneOf" in schema:
        return st.one_of([from_schema(s) for s in schema.get("anyOf", schema.get("oneOf"))])
    kind = schema.get("type")
    if kind == "string":
        low = schema.get("minLength", 0)
        return st.text(min_size=low, max_size=min(schema.get("maxLength", low + 60), low + 60))
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        near = st.integers(min_value=low, max_value=high)
        return near | st.sampled_from([v for v in (low, high) if v is not None] + [0, -1, 10**6])
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=4)
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {name: from_schema(s) for name, s in properties.items() if name in required},
            optional={name: from_schema(s) for name, s in properties.items() if name not in required},
        )
    return json_values


def resolve(schema: Any, components: dict[str, Any]) -> Any:
    """``schema`` with every ``$ref`` to ``#/components/schemas/...`` replaced by its target."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            return resolve(components[ref.rsplit("/", 1)[-1]], components)
        return {k: resolve(v, components) for k, v in schema.items()}
    if isinstance(schema, list):
        return [resolve(v, components) for v in schema]
    return schema


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, ops in spec["paths"].items()
        for method, operation in ops.items()
    ]


def check(response: Any, what: str, seen: set[int]) -> None:
    seen.add(response.status_code)
    assert response.status_code < 500, (what, response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/json"), what
        assert json.loads(response.text)["detail"], what


def test_the_schema_lists_every_endpoint_the_fuzzer_reaches(
    spec_and_client: tuple[dict[str, Any], TestClient],
) -> None:
    spec, _ = spec_and_client
    reached = {(method, path) for method, path, _ in operations(spec)}
    assert {
        ("POST", "/ask"),
        ("POST", "/ask/stream"),
        ("GET", "/search"),
        ("GET", "/agreements"),
        ("GET", "/documents"),
        ("GET", "/documents/{doc_id}"),
        ("POST", "/documents"),
        ("GET", "/health"),
        ("GET", "/"),
        ("GET", "/widget.js"),
    } <= reached


@pytest.mark.parametrize("path", ["/ask", "/ask/stream"])
def test_json_bodies_never_give_a_500(spec_and_client: tuple[dict[str, Any], TestClient], path: str) -> None:
    spec, client = spec_and_client
    operation = spec["paths"][path]["post"]
    schema = resolve(
        operation["requestBody"]["content"]["application/json"]["schema"], spec["components"]["schemas"]
    )
    bodies = from_schema(schema).map(json.dumps) | json_values.map(json.dumps) | raw_bodies

    seen: set[int] = set()

    @FUZZ
    @given(body=bodies)
    def send(body: str | bytes) -> None:
        response = client.post(path, content=body, headers={"Content-Type": "application/json"})
        check(response, f"POST {path} {body!r:.200}", seen)

    send()
    assert {200, 422} <= seen, seen  # both answered and refused bodies were sent


def query_strategy(operation: dict[str, Any], components: dict[str, Any]) -> st.SearchStrategy[Any]:
    params = [p for p in operation.get("parameters", []) if p["in"] == "query"]
    if not params:
        return st.just({})
    schema = {
        "type": "object",
        "properties": {p["name"]: resolve(p.get("schema", {}), components) for p in params},
        "required": [p["name"] for p in params if p.get("required")],
        "additionalProperties": False,
    }
    loose = st.dictionaries(
        st.sampled_from([p["name"] for p in params]),
        st.text(max_size=60) | st.integers().map(str),
        max_size=4,
    )
    return from_schema(schema) | loose


@pytest.mark.parametrize("path", ["/search", "/agreements", "/documents", "/health", "/", "/widget.js"])
def test_query_strings_never_give_a_500(
    spec_and_client: tuple[dict[str, Any], TestClient], path: str
) -> None:
    spec, client = spec_and_client
    strategy = query_strategy(spec["paths"][path]["get"], spec["components"]["schemas"])

    seen: set[int] = set()

    @FUZZ
    @given(params=strategy)
    def send(params: dict[str, Any]) -> None:
        response = client.get(path, params=params)
        check(response, f"GET {path} {params!r:.200}", seen)

    send()
    assert 200 in seen, seen


def test_document_ids_never_give_a_500(spec_and_client: tuple[dict[str, Any], TestClient]) -> None:
    _, client = spec_and_client

    seen: set[int] = set()

    @FUZZ
    @given(doc_id=st.text(min_size=1, max_size=80) | st.sampled_from(["000_08bd8cb68632ae08"]))
    def send(doc_id: str) -> None:
        response = client.get("/documents/" + quote(doc_id.encode("utf-8", "surrogatepass"), safe=""))
        check(response, f"GET /documents/{doc_id!r}", seen)

    send()
    assert {200, 404} <= seen, seen


def test_uploads_never_give_a_500(spec_and_client: tuple[dict[str, Any], TestClient]) -> None:
    _, client = spec_and_client
    names = st.text(max_size=40) | st.sampled_from(
        ["a.txt", "b.jsonl", "c.jsonl.gz", "d.md", "e.html", ".txt"]
    )
    contents = (
        st.binary(max_size=2000)
        | json_values.map(lambda v: (json.dumps(v) + "\n").encode())
        | st.sampled_from([NEW_ARTICLE.encode(), NEW_ARTICLE.replace("180", "190").encode()])
    )
    seen: set[int] = set()

    valid = st.tuples(st.sampled_from(["bus.txt", "xe.md"]), contents).map(lambda pair: [pair])
    files = st.lists(st.tuples(names, contents), max_size=4) | valid

    @FUZZ
    @given(files=files, replace=st.booleans(), key=st.booleans())
    def send(files: list[tuple[str, bytes]], replace: bool, key: bool) -> None:
        response = client.post(
            "/documents",
            params={"replace": str(replace).lower()},
            headers={"X-API-Key": "fuzz-key"} if key else {},
            files=[("files", (name, io.BytesIO(data), "application/octet-stream")) for name, data in files],
        )
        check(response, f"POST /documents {[name for name, _ in files]!r}", seen)

    send()
    assert {200, 401, 415} <= seen, seen
