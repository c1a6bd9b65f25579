"""Write the foreign development articles: chosen records of the benchmark corpus, by doc_id.

The ids were picked by hand from a keyword pre-filter (signing, memorandum, talks, visits, cooperation
in the title or lead) for variety of parties: ministries, countries, provinces, cities, armies,
companies, banks, universities, youth and culture bodies. Run from the repository root:

    python eval/foreign/select.py [--bench ../shared/bench/vietnews-test.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

IDS = """
002747 003501 003746 004740 004780 004812 004822 004824 004996 005020 005076 005359 005368 005397
005479 005546 005572 005860 005936 006410 006990 007297 007387 007510 007733 007782 008383 008603
008998 009429 010557 010573 010939 011326 011424 011585 012121 012419 012440 012682 013455 013612
013628 013811 013824 014076 014125 014143 016067 016185 017293 017833 018370 018380 019529 021334
021651 015701
""".split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared/bench/vietnews-test.jsonl.gz")
    parser.add_argument("--out", type=Path, default=HERE / "articles.jsonl")
    args = parser.parse_args()
    wanted = {f"vietnews-test-{i}" for i in IDS}
    found: dict[str, dict] = {}
    with gzip.open(args.bench, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doc_id"] in wanted:
                found[rec["doc_id"]] = {"doc_id": rec["doc_id"], "title": rec["title"], "text": rec["text"]}
    missing = wanted - found.keys()
    if missing:
        raise SystemExit(f"not in {args.bench.name}: {sorted(missing)}")
    with args.out.open("w", encoding="utf-8") as fh:
        for doc_id in sorted(found):
            fh.write(json.dumps(found[doc_id], ensure_ascii=False) + "\n")
    print(f"{len(found)} articles -> {args.out}")


if __name__ == "__main__":
    main()
