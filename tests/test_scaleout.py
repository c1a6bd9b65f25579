"""Horizontal serving on the postgres backend: two ``rag serve`` processes and one ingest on one
database; both servers see each new article right after its commit, and answer alike."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from launch import rag_command, serve_subprocess  # scripts/launch.py
from tests.conftest import ROOT, create_database, drop_database

pytestmark = pytest.mark.slow  # a database, two servers with the real model, an ingest process

ARTICLES = {
    "xe_buyt_sapa": (
        "Lào Cai và Vân Nam khai trương tuyến xe buýt du lịch Sa Pa – Mông Tự\n\n"
        "Sáng 14/5/2024, tại thành phố Lào Cai, Sở Giao thông vận tải tỉnh Lào Cai và Sở Giao thông châu "
        "Hồng Hà đã khai trương tuyến xe buýt du lịch quốc tế Sa Pa – Mông Tự, chạy mỗi ngày hai chuyến.\n\n"
        "Tuyến xe buýt dài 180 km, đi qua cửa khẩu quốc tế Lào Cai – Hà Khẩu.\n",
        "tuyến xe buýt du lịch Sa Pa Mông Tự",
    ),
    "cho_bien_gioi": (
        "Hà Giang mở chợ biên giới Thanh Thủy – Thiên Bảo vào cuối tuần\n\n"
        "Ngày 2/8/2024, tỉnh Hà Giang và châu Văn Sơn thống nhất mở chợ biên giới Thanh Thủy – Thiên Bảo "
        "vào thứ Bảy và Chủ nhật hằng tuần, phục vụ cư dân hai bên biên giới.\n",
        "chợ biên giới Thanh Thủy Thiên Bảo cuối tuần",
    ),
}


@pytest.fixture
def shared_db(pg_server: str, pg_index_template: str) -> Iterator[str]:
    url = create_database(pg_server, pg_index_template)
    yield url
    drop_database(url)


def _env(url: str, cache_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RAG_BACKEND": "postgres",
        "RAG_DATABASE_URL": url,
        "RAG_CACHE_DIR": str(cache_dir),
        "RAG_EMBEDDER_THREADS": "1",
    }


def _strip(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answer.items() if k != "timings_ms"}


def test_two_servers_see_each_commit(shared_db: str, cache_dir: Path, tmp_path: Path) -> None:
    env = _env(shared_db, cache_dir)
    with ExitStack() as stack:
        bases = [
            stack.enter_context(
                serve_subprocess(tmp_path / "unused", env, tmp_path / f"serve{i}.log", timeout_s=180)
            )
            for i in range(2)
        ]
        documents = 5
        for doc_id, (text, query) in ARTICLES.items():
            for base in bases:  # not there before the ingest
                assert httpx.get(f"{base}/documents/{doc_id}", timeout=30).status_code == 404
            path = tmp_path / f"{doc_id}.txt"
            path.write_text(text, encoding="utf-8")
            done = subprocess.run(
                [*rag_command(), "ingest", str(path), "--backend", "postgres", "--json"],
                env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            documents += 1
            answers = []
            for base in bases:  # the ingest has committed: every server sees the article at once
                health = httpx.get(f"{base}/health", timeout=30).json()
                assert health["documents"] == documents
                assert httpx.get(f"{base}/documents/{doc_id}", timeout=30).status_code == 200
                hits = httpx.get(f"{base}/search", params={"q": query, "k": 3}, timeout=30).json()["hits"]
                assert hits[0]["doc_id"] == doc_id
                answer = httpx.post(f"{base}/ask", json={"question": query}, timeout=60).json()
                answers.append(_strip(answer))
            assert answers[0] == answers[1]  # one database, the same answer from every server
