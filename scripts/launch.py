"""Run `rag serve` in a subprocess on a free loopback port: for the browser test and the screenshots.

Tooling, not part of the installed package: imported as ``launch`` with scripts/ on ``sys.path``
(``scripts/screenshots.py`` runs beside it; pytest adds it through ``pythonpath`` in pyproject.toml).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx

# Debian's chromium, driven by Playwright (a test tool's own browser download fails here); the flags keep
# it off the network it cannot reach and off the sandbox root cannot use.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class ServerStartError(RuntimeError):
    """`rag serve` exited or did not answer /health in time (the message carries its log)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rag_command() -> list[str]:
    """The `rag` console script of this interpreter's environment."""
    rag = Path(sys.executable).with_name("rag")
    return [str(rag)] if rag.exists() else [sys.executable, "-c", "from rag.cli import main; main()"]


@contextmanager
def serve_subprocess(
    index_dir: Path,
    env: Mapping[str, str],
    log_path: Path,
    *,
    timeout_s: float = 90.0,
    cwd: Path | None = None,
) -> Iterator[str]:
    """Yield the base URL of `rag serve --index DIR` once /health says it is ready; stop it on exit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [*rag_command(), "serve", "--host", "127.0.0.1", "--port", str(port), "--index", str(index_dir)]
    with open(log_path, "w+b") as log:
        server = subprocess.Popen(command, cwd=cwd, env=dict(env), stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                if server.poll() is not None:
                    log.seek(0)
                    output = log.read().decode(errors="replace")
                    raise ServerStartError(f"rag serve exited with {server.returncode}:\n{output}")
                try:
                    health = httpx.get(f"{base}/health", timeout=2)
                    if health.status_code == 200 and health.json().get("ready", True):
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise ServerStartError(f"rag serve did not become healthy within {timeout_s:.0f} s")
                time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
