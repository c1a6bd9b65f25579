"""Shared fixtures: the five real articles ingested once, with the real default embedder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rag.config import Settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One embedding cache for the whole session."""
    return tmp_path_factory.mktemp("rag-cache")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Path:
    """An index of ``data/articles`` built once per session (read-only: copy it before changing it)."""
    from rag.ingest import ingest

    directory = tmp_path_factory.mktemp("rag-index")
    report = ingest([ARTICLES], Settings(index_dir=directory, cache_dir=cache_dir))
    assert report.documents == len(list(ARTICLES.iterdir())), report.summary()
    return directory


@pytest.fixture
def settings(index_dir: Path, cache_dir: Path) -> Settings:
    """Settings that point at the session index."""
    return Settings(index_dir=index_dir, cache_dir=cache_dir)


@pytest.fixture
def writable_settings(index_dir: Path, cache_dir: Path, tmp_path: Path) -> Settings:
    """Settings that point at a private copy of the session index, for tests that change it."""
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return Settings(index_dir=copy, cache_dir=cache_dir)
