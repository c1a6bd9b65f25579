"""Bounded load check of the HTTP API: a real uvicorn server, N ``POST /ask`` from C concurrent clients.

Starts ``uvicorn api.app:create_app --factory`` on a free 127.0.0.1 port over ``--index``, warms it up,
sends ``--requests`` questions (cycled from ``--dataset``, eval/gold.jsonl by default) from
``--concurrency`` clients, stops the server, and prints and writes the numbers (count, errors, latency
p50/p95/max, throughput, server memory) to ``--out`` (.json) and the same name with ``.md``.
Exits 1 if any request failed, 2 if the server did not start.

    python eval/loadtest.py --index index --out eval/results/loadtest.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from rag import percentile

ROOT = Path(__file__).resolve().parent.parent
SEQUENTIAL = 11
"""Questions sent one at a time right after /health says ready (the first against the rest)."""
FALLBACK_QUESTIONS = [
    "Lào Cai ký thỏa thuận với châu Hồng Hà khi nào, ở đâu?",
    "Ai dẫn đầu đoàn đại biểu châu Văn Sơn?",
    "Where was the 9th Joint Working Group session held?",
    "Hà Giang và Vân Nam hợp tác trong những lĩnh vực nào?",
    "Who won the 2022 World Cup?",
]


@dataclass
class Result:
    """One request: latency in ms, HTTP status (0 when no response), error text if it failed."""

    latency_ms: float
    status: int
    error: str | None = None
    server_ms: float | None = None
    """The answer's own ``timings_ms.total`` (the server's work, without HTTP and queueing)."""


@dataclass
class Report:
    requests: int
    concurrency: int
    ok: int
    errors: int
    error_kinds: dict[str, int]
    latency_ms: dict[str, float]
    wall_s: float
    throughput_rps: float
    server_rss_mb: float | None
    index: str
    questions: int
    started_at: str
    warmup: int
    workers: int = 1
    startup_to_ready_s: float | None = None
    first_after_ready_ms: float | None = None
    next_after_ready_p50_ms: float | None = None
    first_after_ready_server_ms: float | None = None
    next_after_ready_server_p50_ms: float | None = None
    server_cpu_ms_per_request: float | None = None
    bomb: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)


def load_questions(path: Path) -> list[str]:
    if not path.exists():
        return list(FALLBACK_QUESTIONS)
    questions = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                question = json.loads(line).get("question")
                if isinstance(question, str) and question.strip():
                    questions.append(question)
    return questions or list(FALLBACK_QUESTIONS)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(index: Path, port: int, log_path: Path, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "RAG_INDEX_DIR": str(index),
        "RAG_HOST": "127.0.0.1",
        "RAG_PORT": str(port),
        "RAG_ALLOW_ANONYMOUS_WRITES": "true",  # loopback only: the bomb upload needs to be let in
    }
    if workers > 1:  # as `rag serve --workers` does: share the cores, only warm workers answer
        env.setdefault("RAG_EMBEDDER_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))
        env["RAG_WARM_BEFORE_SERVING"] = "true"
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]
    command += ["--workers", str(workers)]
    log = open(log_path, "wb")  # noqa: SIM115 - the child owns it until it exits
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(base: str, server: subprocess.Popen[bytes], timeout_s: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        try:
            response = httpx.get(f"{base}/health", timeout=2)
            if response.status_code == 200 and response.json().get("ready", True):
                return dict(response.json())
            if response.status_code == 503:
                raise RuntimeError(f"the server has no usable index: {response.json().get('detail')}")
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the server was not healthy after {timeout_s:.0f} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def server_rss_mb(pid: int) -> float | None:
    """Resident memory of the server: the process and its workers (MiB)."""
    try:
        import psutil

        process = psutil.Process(pid)
        return float(sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])) / 2**20
    except Exception:  # psutil missing or the process gone: memory is a nice-to-have
        return None


def server_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) the server and its workers have used so far."""
    try:
        import psutil

        process = psutil.Process(pid)
        times = [p.cpu_times() for p in [process, *process.children(recursive=True)]]
        return float(sum(t.user + t.system for t in times))
    except Exception:
        return None


def bomb_upload(base: str, pid: int, folder: Path) -> dict[str, Any]:
    """Upload a 1 MB .jsonl.gz holding 1 GiB of zeros with no newline; the server's RSS before, at its
    peak during the upload (sampled every 20 ms) and after, and the upload's status and time."""
    path = folder / "bomb.jsonl.gz"
    member = gzip.compress(b"0" * (1 << 20), compresslevel=9)
    with open(path, "wb") as fh:
        for _ in range(1024):
            fh.write(member)
    before = server_rss_mb(pid) or 0.0
    peak = before
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, server_rss_mb(pid) or 0.0)

    sampler = threading.Thread(target=sample)
    sampler.start()
    t0 = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            response = httpx.post(f"{base}/documents", files=[("files", ("bomb.jsonl.gz", fh))], timeout=600)
    finally:
        seconds = time.perf_counter() - t0
        done.set()
        sampler.join()
    after = server_rss_mb(pid) or 0.0
    return {
        "file_bytes": path.stat().st_size,
        "decompressed_bytes": 1 << 30,
        "status": response.status_code,
        "detail": str(response.json().get("detail", ""))[:300],
        "seconds": round(seconds, 2),
        "rss_mb_before": round(before, 1),
        "rss_mb_peak": round(peak, 1),
        "rss_mb_after": round(after, 1),
        "rss_growth_mb": round(peak - before, 1),
    }


def one_request(client: httpx.Client, base: str, question: str, top_k: int) -> Result:
    t0 = time.perf_counter()
    try:
        response = client.post(f"{base}/ask", json={"question": question, "top_k": top_k})
        latency = (time.perf_counter() - t0) * 1000
        if response.status_code != 200:
            return Result(latency, response.status_code, f"HTTP {response.status_code}")
        body = response.json()
        if not isinstance(body.get("answer"), str) or "citations" not in body:
            return Result(latency, response.status_code, "malformed answer")
        return Result(latency, response.status_code, server_ms=body.get("timings_ms", {}).get("total"))
    except (httpx.HTTPError, ValueError) as exc:
        return Result((time.perf_counter() - t0) * 1000, 0, type(exc).__name__)


def run_load(
    base: str, questions: list[str], total: int, concurrency: int, top_k: int, timeout_s: float
) -> tuple[list[Result], float]:
    """``total`` requests from ``concurrency`` threads (one HTTP client each); results and wall time."""
    results: list[Result] = []
    lock = threading.Lock()
    next_index = 0

    def worker() -> None:
        nonlocal next_index
        with httpx.Client(timeout=timeout_s) as client:
            while True:
                with lock:
                    i = next_index
                    next_index += 1
                if i >= total:
                    return
                result = one_request(client, base, questions[i % len(questions)], top_k)
                with lock:
                    results.append(result)

    threads = [threading.Thread(target=worker, name=f"client-{n}") for n in range(concurrency)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - t0


def markdown(report: Report) -> str:
    lat = report.latency_ms
    rss = f"{report.server_rss_mb:.0f} MB" if report.server_rss_mb is not None else "n/a"
    lines = [
        "# Load test: POST /ask",
        "",
        f"{report.started_at}; index `{report.index}`; {report.questions} distinct questions, "
        f"{report.warmup} warm-up requests not counted.",
        "",
        "| workers | requests | concurrency | ok | errors | p50 ms | p95 ms | max ms | throughput req/s "
        "| server RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {report.workers} | {report.requests} | {report.concurrency} | {report.ok} | {report.errors} "
        f"| {lat['p50']:.0f} | "
        f"{lat['p95']:.0f} | {lat['max']:.0f} | {report.throughput_rps:.1f} | {rss} |",
    ]
    if report.error_kinds:
        lines += ["", "Errors: " + ", ".join(f"{k} × {v}" for k, v in sorted(report.error_kinds.items()))]
    if report.server_cpu_ms_per_request is not None:
        capacity = (os.cpu_count() or 1) * 1000 / report.server_cpu_ms_per_request
        lines += [
            "",
            f"Server CPU time: {report.server_cpu_ms_per_request:.1f} ms per request (all processes), i.e. "
            f"at most {capacity:.0f} requests/s on {os.cpu_count()} cores if the server had them to itself.",
        ]
    if report.first_after_ready_ms is not None:
        lines += [
            "",
            f"Warm start: /health said ready {report.startup_to_ready_s:.1f} s after the server was started; "
            f"the first /ask after that took {report.first_after_ready_ms:.0f} ms, the next "
            f"{SEQUENTIAL - 1} (one at a time, other questions) {report.next_after_ready_p50_ms:.0f} ms p50; "
            f"the server's own time (timings_ms.total) {report.first_after_ready_server_ms:.0f} ms for the "
            f"first, {report.next_after_ready_server_p50_ms:.0f} ms p50 for the next.",
        ]
    if report.bomb:
        b = report.bomb
        lines += [
            "",
            f"Decompression bomb: a {b['file_bytes'] / 1e6:.1f} MB .jsonl.gz holding 1 GiB of zeros with no "
            f"newline, uploaded once: HTTP {b['status']} in {b['seconds']:.1f} s; server RSS "
            f"{b['rss_mb_before']:.0f} MiB before, {b['rss_mb_peak']:.0f} MiB at peak "
            f"(+{b['rss_growth_mb']:.0f} MiB), {b['rss_mb_after']:.0f} MiB after.",
        ]
    lines += [""] + [f"- {note}" for note in report.notes]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--index", type=Path, default=Path(os.environ.get("RAG_INDEX_DIR", "index")))
    parser.add_argument("--dataset", type=Path, default=ROOT / "eval" / "gold.jsonl")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--top-k", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="Per-request timeout, seconds.")
    parser.add_argument("--startup-timeout", type=float, default=120.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes.")
    parser.add_argument(
        "--bomb", action="store_true", help="After the load, upload a 1 GiB gzip bomb and measure RSS."
    )
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "loadtest.json")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")
    if not (args.index / "CURRENT").is_file():
        print(f"no index found in {args.index}: run `rag ingest --index {args.index}`", file=sys.stderr)
        return 2

    questions = load_questions(args.dataset)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = args.out.with_suffix(".server.log")
    started_at = time.strftime("%Y-%m-%d %H:%M:%S")
    bomb = None
    load_before = os.getloadavg()[0]
    t_start = time.perf_counter()
    server = start_server(args.index.resolve(), port, log_path, args.workers)
    try:
        health = wait_healthy(base, server, args.startup_timeout)
        startup_s = time.perf_counter() - t_start
        print(f"server up on {base}: {health}", file=sys.stderr)
        with httpx.Client(timeout=args.timeout) as client:
            # questions the warm-up did not ask, one at a time, right after ready: is the first as fast
            # as the ones after it?
            sequential = [one_request(client, base, q, args.top_k) for q in questions[-SEQUENTIAL:]]
            first_ms = sequential[0].latency_ms
            later_ms = percentile([r.latency_ms for r in sequential[1:]], 50)
            first_server = sequential[0].server_ms or 0.0
            later_server = percentile([r.server_ms or 0.0 for r in sequential[1:]], 50)
            for i in range(args.warmup):
                one_request(client, base, questions[i % len(questions)], args.top_k)
        print(f"sending {args.requests} requests from {args.concurrency} clients...", file=sys.stderr)
        cpu_before = server_cpu_s(server.pid)
        results, wall = run_load(base, questions, args.requests, args.concurrency, args.top_k, args.timeout)
        cpu_after = server_cpu_s(server.pid)
        rss = server_rss_mb(server.pid)
        healthy_after = httpx.get(f"{base}/health", timeout=10).status_code == 200
        if args.bomb:
            with tempfile.TemporaryDirectory(prefix="rag-bomb-") as tmp:
                bomb = bomb_upload(base, server.pid, Path(tmp))
            print(f"bomb: {bomb}", file=sys.stderr)
    except RuntimeError as exc:
        print(f"load test aborted: {exc}; server log: {log_path}", file=sys.stderr)
        return 2
    finally:
        stop_server(server)

    latencies = [r.latency_ms for r in results]
    failures = [r for r in results if r.error]
    report = Report(
        requests=len(results),
        concurrency=args.concurrency,
        ok=len(results) - len(failures),
        errors=len(failures),
        error_kinds=dict(Counter(r.error or "" for r in failures)),
        latency_ms={
            "p50": round(percentile(latencies, 50), 1),
            "p95": round(percentile(latencies, 95), 1),
            "max": round(max(latencies), 1),
            "mean": round(sum(latencies) / len(latencies), 1),
        },
        wall_s=round(wall, 2),
        throughput_rps=round(len(results) / wall, 2),
        server_rss_mb=round(rss, 1) if rss is not None else None,
        index=args.index.name,  # the directory's name: reports carry no machine paths
        questions=len(set(questions)),
        started_at=started_at,
        warmup=args.warmup,
        workers=args.workers,
        startup_to_ready_s=round(startup_s, 1),
        first_after_ready_ms=round(first_ms, 1),
        next_after_ready_p50_ms=round(later_ms, 1),
        first_after_ready_server_ms=round(first_server, 1),
        next_after_ready_server_p50_ms=round(later_server, 1),
        server_cpu_ms_per_request=(
            round((cpu_after - cpu_before) * 1000 / len(results), 1)
            if cpu_before is not None and cpu_after is not None
            else None
        ),
        bomb=bomb,
        notes=[
            f"{args.workers} uvicorn worker(s), {os.cpu_count()} CPU(s); latency is client-side wall time "
            "per request",
            f"{len(set(questions))} distinct questions cycled (repeats hit the query-embedding cache)",
            "server healthy after the run" if healthy_after else "server NOT healthy after the run",
            f"machine load average (1 min) {load_before:.1f} before the run, {os.getloadavg()[0]:.1f} after "
            "(other work on the machine competes for the same cores)",
        ],
    )
    args.out.write_text(json.dumps(asdict(report), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md = markdown(report)
    args.out.with_suffix(".md").write_text(md, encoding="utf-8")
    print(md)
    if failures or not healthy_after:
        print(f"server log: {log_path}", file=sys.stderr)
        return 1
    log_path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
