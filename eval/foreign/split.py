"""Split the foreign question files by article into dev.jsonl (tune on it) and test.jsonl (milestones).

An article goes to ``test`` when its position in the sorted article list is 2 modulo 3 (19 of 58);
a question follows its first relevant article, an unanswerable question (no article) its id's CRC32
modulo 3. Run from the repository root: ``python eval/foreign/split.py``.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ids = [
        json.loads(line)["doc_id"]
        for line in (HERE / "articles.jsonl").read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    test_docs = {doc for i, doc in enumerate(sorted(ids)) if i % 3 == 2}
    split: dict[str, list[str]] = {"dev": [], "test": []}
    for path in sorted(HERE.glob("questions-b*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            q = json.loads(line)
            docs = q.get("relevant_docs") or []
            is_test = docs[0] in test_docs if docs else zlib.crc32(q["id"].encode()) % 3 == 2
            split["test" if is_test else "dev"].append(json.dumps(q, ensure_ascii=False))
    for name, lines in split.items():
        (HERE / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} questions")
    (HERE / "test-articles.txt").write_text("\n".join(sorted(test_docs)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
