"""Smoke version of the issue #5 benchmarks: every code path, small inputs (the real runs are manual)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.bench import (
    DEFAULT_JSONL,
    bench_baseline,
    bench_scale,
    iter_distractors,
    machine_info,
    main,
    top_passage_accuracy,
)
from rag.evaluate import GoldQuestion
from rag.models import Chunk, Hit

ROOT = Path(__file__).resolve().parent.parent


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


def test_machine_info_and_usage() -> None:
    info = machine_info()
    assert info["cpu_count"] and info["ram_gib"] > 0 and "cpu_model" in info
    assert main(["no-such-worker", "{}"]) == 2


def test_top_passage_accuracy() -> None:
    chunk = Chunk("d#0", "d", 0, "Ngày 27/3/2023 tại Hà Giang", 0, 10, "", None)
    qs = [
        GoldQuestion("a", "vi", True, "khi nào", [["27/3/2023"], ["Ha Giang"]], ["d"]),
        GoldQuestion("b", "vi", True, "ở đâu", [["Côn Minh"]], ["d"]),
        GoldQuestion("c", "vi", False, "không có", [], []),
    ]
    assert top_passage_accuracy(qs, lambda q, k: [Hit(chunk, 1.0)]) == 0.5


@pytest.mark.skipif(not DEFAULT_JSONL.exists(), reason="the vietnews benchmark file is not on this machine")
def test_baseline_and_scale_smoke(index_dir: Path, cache_dir: Path, small_gold: Path, tmp_path: Path) -> None:
    # index_dir: the session index has put the five articles' passages in the shared embedding cache.
    out = tmp_path / "results"
    base = bench_baseline(
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

    distractors = list(iter_distractors(DEFAULT_JSONL, 3, offset=5))
    assert len(distractors) == 3 and all(a.text for a in distractors)

    res = bench_scale(
        [3],
        lexical_all=True,
        lexical_limit=5,
        articles=ROOT / "data" / "articles",
        dataset=small_gold,
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
