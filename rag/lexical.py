"""BM25 over underthesea word-segmented, diacritic-folded tokens (``rag.text.lexical_tokens``)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import IndexCorruptError


def _bm25s() -> Any:
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG
    return bm25s


class LexicalIndex:
    """bm25s over pre-tokenised chunks; ``search`` scores every chunk so filters are exact."""

    def __init__(self, bm25: Any, tokens: list[list[str]] | None, *, tokens_file: Path | None = None) -> None:
        """``tokens`` per chunk, or None with ``tokens_file`` to read them on first use: searching never
        needs them (only an incremental ingest does), and at 5,000 articles they hold ~0.4 GiB."""
        self.bm25 = bm25
        self._tokens = tokens
        self._tokens_file = tokens_file
        self._rows = len(tokens) if tokens is not None else _count_lines(tokens_file)

    @property
    def tokens(self) -> list[list[str]]:
        if self._tokens is None:
            self._tokens = _read_tokens(self._tokens_file) if self._tokens_file else []
        return self._tokens

    def __len__(self) -> int:
        """Rows (chunks) in the index."""
        return self._rows

    @classmethod
    def build(cls, tokens: Sequence[list[str]]) -> LexicalIndex:
        bm25s = _bm25s()
        tokens = [list(t) if t else ["∅"] for t in tokens]
        bm25 = bm25s.BM25()
        if tokens:
            bm25.index(tokens, show_progress=False)
        return cls(bm25, list(tokens))

    def search(
        self, query_tokens: list[str], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        if not self._rows or not query_tokens or k <= 0:
            return []
        scores = np.asarray(self.bm25.get_scores(query_tokens), dtype=np.float32)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def holding(self, tokens: Sequence[str]) -> np.ndarray:
        """A boolean mask of the rows that hold every one of ``tokens`` (from the postings)."""
        held = np.zeros(self._rows, dtype=bool)
        if not self._rows or not tokens:
            return held
        indptr = np.asarray(self.bm25.scores["indptr"])
        indices = np.asarray(self.bm25.scores["indices"])
        held[:] = True
        for token in dict.fromkeys(tokens):
            column = self.bm25.vocab_dict.get(token)
            if column is None or column + 1 >= len(indptr):
                held[:] = False
                break
            rows = np.zeros(self._rows, dtype=bool)
            rows[indices[indptr[column] : indptr[column + 1]]] = True
            held &= rows
        return held

    def idf(self) -> dict[str, float]:
        """Inverse document frequency of every indexed token, ``log(1 + N / df)``."""
        if not self._rows:
            return {}
        indptr = np.asarray(self.bm25.scores["indptr"])
        df = np.diff(indptr)
        values = np.log1p(self._rows / np.maximum(df, 1)).tolist()  # vectorised: one pass, no per-token numpy
        vocab = self.bm25.vocab_dict.items()
        return {tok: values[i] for tok, i in vocab if tok and i < len(values)}

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with open(directory / "tokens.jsonl", "w", encoding="utf-8") as fh:
            for toks in self.tokens:
                fh.write(json.dumps(toks, ensure_ascii=False) + "\n")
        if self._rows:
            self.bm25.save(str(directory / "bm25"), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        bm25s = _bm25s()
        try:
            lexical = cls(None, None, tokens_file=directory / "tokens.jsonl")  # tokens are read when needed
            if not len(lexical):
                return cls.build([])
            lexical.bm25 = bm25s.BM25.load(str(directory / "bm25"), show_progress=False, verbosity=0)
        except (OSError, ValueError) as exc:
            raise IndexCorruptError(f"cannot read the lexical index in {directory}: {exc}") from exc
        return lexical


def _count_lines(path: Path | None) -> int:
    if path is None:
        return 0
    with open(path, "rb") as fh:
        return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))


def _read_tokens(path: Path) -> list[list[str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"cannot read the lexical tokens {path}: {exc}") from exc
