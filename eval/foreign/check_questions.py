"""Check a foreign question file: eval schema, ids unique, facts grounded in the named article.

Every must_include group (other than a yes/no verdict group such as ["có", "yes"]) needs at least
one alternative that occurs in its relevant article's title or text as the eval matches it
(``rag.evaluate.groups_matched``, mirrored here so that the checker runs with a bare Python): ignoring case,
diacritics, đ/d, runs of white space and a number's leading zero, as whole words.

    python eval/foreign/check_questions.py eval/foreign/questions-*.jsonl
    python eval/foreign/check_questions.py eval/foreign/new.jsonl --articles eval/foreign/new-articles.jsonl
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = {"vi", "vi-nodiacritics", "en"}
VERDICTS = {"yes", "no", "co", "khong", "dung", "sai", "chua"}
TYPES = {"who", "when", "where", "what", "how_many", "list", "yes_no", "compare"}


def fold(text: str) -> str:
    """``rag.text.match_key``'s folding: lower case, đ/ð = d, combining marks dropped, runs of space one."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("ð", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def _found(alt: str, text: str) -> bool:
    """``alt`` in ``text`` (both folded) as ``rag.evaluate`` matches it: whole words where it begins or ends
    with a word character, no decimal or thousands mark where it begins or ends with a digit."""
    alt, text = (re.sub(r"(?<![\d.,])0+(?=\d)", "", t) for t in (alt, text))
    if not alt:
        return False
    left = (r"(?<!\w)" if re.match(r"\w", alt[0]) else "") + (r"(?<!\d[.,])" if alt[0].isdigit() else "")
    right = (r"(?!\w)" if re.match(r"\w", alt[-1]) else "") + (r"(?![.,]\d)" if alt[-1].isdigit() else "")
    return re.search(left + re.escape(alt) + right, text) is not None


def main(argv: list[str]) -> int:
    paths, extra = [], []
    it = iter(argv)
    for arg in it:
        if arg == "--articles":
            extra.append(Path(next(it)))
        else:
            paths.append(arg)
    articles = {}
    for source in [HERE / "articles.jsonl", *sorted(HERE.glob("fresh*-articles.jsonl")), *extra]:
        # (lines end at "\n" only: an article's text may hold U+2028, which ``splitlines`` splits at)
        for line in source.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            rec = json.loads(line)
            articles[rec["doc_id"]] = fold(rec["title"] + "\n" + rec["text"])
    errors, seen, n = [], set(), 0
    for path in paths:
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                q = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: bad JSON ({exc})")
                continue
            n += 1
            for key in ("id", "lang", "answerable", "question", "must_include", "relevant_docs", "type"):
                if key not in q:
                    errors.append(f"{where}: missing {key}")
            if q.get("id") in seen:
                errors.append(f"{where}: duplicate id {q.get('id')}")
            seen.add(q.get("id"))
            if q.get("lang") not in LANGS:
                errors.append(f"{where}: lang {q.get('lang')!r}")
            if q.get("type") not in TYPES:
                errors.append(f"{where}: type {q.get('type')!r}")
            if q.get("lang") == "vi-nodiacritics" and fold(q["question"]) != q["question"].lower().strip():
                errors.append(f"{where}: vi-nodiacritics question has diacritics")
            docs = q.get("relevant_docs", [])
            if q.get("answerable"):
                if not docs or not q.get("must_include"):
                    errors.append(f"{where}: answerable needs relevant_docs and must_include")
                for doc in docs:
                    if doc not in articles:
                        errors.append(f"{where}: unknown doc {doc}")
                text = " ".join(articles.get(d, "") for d in docs)
                for group in q.get("must_include", []):
                    if set(map(fold, group)) <= VERDICTS:
                        continue  # a yes/no verdict, not a span of the article
                    if not any(_found(fold(alt), text) for alt in group):
                        errors.append(f"{where}: no alternative of {group} occurs in {docs}")
            elif q.get("must_include") or docs:
                errors.append(f"{where}: unanswerable questions have empty must_include and relevant_docs")
    for err in errors:
        print(err)
    print(f"{n} questions, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
