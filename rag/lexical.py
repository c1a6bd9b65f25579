"""BM25 over underthesea word-segmented, diacritic-folded tokens (``rag.text.lexical_tokens``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import IndexCorruptError


class LexicalIndex:
    """bm25s over pre-tokenised chunks; ``search`` scores every chunk so filters are exact."""

    def __init__(self, bm25: Any, tokens: list[list[str]]) -> None:
        self.bm25 = bm25
        self.tokens = tokens

    @classmethod
    def build(cls, tokens: Sequence[list[str]]) -> LexicalIndex:
        import bm25s

        tokens = [list(t) if t else ["∅"] for t in tokens]
        bm25 = bm25s.BM25()
        if tokens:
            bm25.index(tokens, show_progress=False)
        return cls(bm25, list(tokens))

    def search(
        self, query_tokens: list[str], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        if not self.tokens or not query_tokens or k <= 0:
            return []
        scores = np.asarray(self.bm25.get_scores(query_tokens), dtype=np.float32)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def idf(self) -> dict[str, float]:
        """Inverse document frequency of every indexed token, ``log(1 + N / df)``."""
        if not self.tokens:
            return {}
        indptr = np.asarray(self.bm25.scores["indptr"])
        df = np.diff(indptr)
        n = len(self.tokens)
        vocab = self.bm25.vocab_dict.items()
        return {tok: float(np.log1p(n / max(int(df[i]), 1))) for tok, i in vocab if tok and i < len(df)}

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with open(directory / "tokens.jsonl", "w", encoding="utf-8") as fh:
            for toks in self.tokens:
                fh.write(json.dumps(toks, ensure_ascii=False) + "\n")
        if self.tokens:
            self.bm25.save(str(directory / "bm25"), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        import bm25s

        try:
            with open(directory / "tokens.jsonl", encoding="utf-8") as fh:
                tokens = [json.loads(line) for line in fh]
            if not tokens:
                return cls.build([])
            bm25 = bm25s.BM25.load(str(directory / "bm25"), show_progress=False, verbosity=0)
        except (OSError, ValueError) as exc:
            raise IndexCorruptError(f"cannot read the lexical index in {directory}: {exc}") from exc
        return cls(bm25, tokens)
