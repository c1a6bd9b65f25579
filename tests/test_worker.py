"""Distributed embedding: ``rag ingest --queue`` hands its passages to two ``rag worker`` processes
through the database's job queue; one worker is killed with SIGKILL mid-job, its job is retried by the
other after the lease, and the ingest completes with every vector equal to a local embedding's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from launch import rag_command  # scripts/launch.py
from rag.index import load_index
from tests.conftest import ARTICLES, ROOT, create_database, drop_database

pytestmark = pytest.mark.slow  # a database, the real model in three processes


@pytest.fixture
def empty_url(pg_server: str) -> Iterator[str]:
    from rag.pgstore import migrate

    url = create_database(pg_server)
    migrate(url)
    yield url
    drop_database(url)


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return list(conn.execute(sql).fetchall())


def test_two_workers_and_a_kill(empty_url: str, index_dir: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "RAG_BACKEND": "postgres",
        "RAG_DATABASE_URL": empty_url,
        "RAG_CACHE_DIR": str(tmp_path / "unused-cache"),
        "RAG_EMBEDDER_THREADS": "1",
        "RAG_PG_JOB_TEXTS": "24",
        "RAG_PG_JOB_LEASE_S": "4",
    }
    logs = [open(tmp_path / f"worker{i}.log", "w") for i in range(2)]  # noqa: SIM115
    workers = [
        subprocess.Popen([*rag_command(), "-v", "worker"], env=env, cwd=ROOT, stdout=log, stderr=log)
        for log in logs
    ]
    victim, survivor = workers
    ingest = None
    try:
        ingest = subprocess.Popen(
            [*rag_command(), "ingest", str(ARTICLES), "--backend", "postgres", "--queue", "--json"],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 180
        killed_job = None
        while killed_job is None and time.monotonic() < deadline:
            running = _rows(
                empty_url,
                f"SELECT id FROM embed_jobs WHERE status = 'running' AND worker LIKE '%:{victim.pid}'",
            )
            if running:
                victim.send_signal(signal.SIGKILL)
                victim.wait(timeout=30)
                killed_job = running[0][0]
            else:
                time.sleep(0.05)
        assert killed_job is not None, "the first worker never claimed a job"
        out, err = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, err
        report = json.loads(out)
        assert report["documents"] == 5 and len(report["added"]) == 5
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
            ingest.communicate()
        for proc in workers:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
        for log in logs:
            log.close()
    jobs = _rows(empty_url, "SELECT id, status, attempts, worker FROM embed_jobs ORDER BY id")
    assert jobs and all(status == "done" for _id, status, _a, _w in jobs)
    [(_, _, attempts, worker)] = [j for j in jobs if j[0] == killed_job]
    assert attempts >= 2 and worker.endswith(f":{survivor.pid}")  # retried by the other worker
    assert {w.rsplit(":", 1)[1] for *_, w in jobs} <= {str(victim.pid), str(survivor.pid)}
    # every chunk vector is the one a local ingest of the same articles computed
    local = load_index(index_dir)
    stored = dict(_rows(empty_url, "SELECT chunk_id, embedding::text FROM chunks"))
    assert sorted(stored) == sorted(c.chunk_id for c in local.chunks)
    mine = np.vstack([np.asarray(json.loads(stored[c.chunk_id])) for c in local.chunks])
    assert np.allclose(mine, local.dense.vectors(), atol=1e-3)
