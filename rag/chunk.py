"""Sentence-aware, token-budgeted, overlapping chunks with exact character offsets.

Sentences come from ``rag.sentences`` (the one sentence splitter), as offsets in the article text so
that answers can quote the exact sentence. Token counts use the embedder's own tokenizer: no chunk,
with the title and date put in front of it for the embedder, exceeds the model's limit, so nothing is
lost to truncation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.errors import InvalidInputError
from rag.models import Article, Chunk
from rag.sentences import split_sentences

__all__ = ["Chunker", "split_sentences"]

_CLAUSE = re.compile(r"(?<=[;,:])\s+")


@dataclass
class Chunker:
    """Packs sentences into chunks of at most ``budget`` tokens, overlapping by ``overlap`` sentences.

    ``count_tokens`` is the embedder's tokenizer (prefix and special tokens included) and
    ``max_tokens`` its hard input limit.

    >>> chunker = Chunker(count_tokens=embedder.count_tokens, max_tokens=512, budget=200)
    >>> chunks = chunker.chunk(article)
    """

    count_tokens: Callable[[str], int]
    max_tokens: int = 512
    budget: int = 200
    overlap: int = 1

    def __post_init__(self) -> None:
        if self.budget < 16:
            raise InvalidInputError(f"chunk budget must be at least 16 tokens, got {self.budget}")
        if self.overlap < 0:
            raise InvalidInputError(f"chunk overlap must be >= 0 sentences, got {self.overlap}")
        self.budget = min(self.budget, self.max_tokens)
        self._overhead = self.count_tokens("")

    def _tokens(self, text: str) -> int:
        return max(self.count_tokens(text) - self._overhead, 0)

    def _fit(self, text: str, span: tuple[int, int], limit: int) -> list[tuple[int, int]]:
        """Split a sentence longer than ``limit`` tokens at clause boundaries, then at words."""
        s, e = span
        if self._tokens(text[s:e]) <= limit:
            return [span]
        cuts = [s] + [s + m.start() for m in _CLAUSE.finditer(text[s:e])] + [e]
        if len(cuts) <= 2:
            cuts = [s] + [s + m.start() for m in re.finditer(r"\s+", text[s:e])] + [e]
        if len(cuts) <= 2:  # one enormous token run: cut by characters
            step = max(limit, 1)
            return [(i, min(i + step, e)) for i in range(s, e, step)]
        pieces: list[tuple[int, int]] = []
        cur = s
        for i in range(1, len(cuts)):
            if self._tokens(text[cur : cuts[i]]) > limit and cuts[i - 1] > cur:
                pieces.append((cur, cuts[i - 1]))
                cur = cuts[i - 1]
        pieces.append((cur, e))
        out: list[tuple[int, int]] = []
        for ps, pe in pieces:
            while ps < pe and text[ps].isspace():
                ps += 1
            if ps < pe:
                out.extend(self._fit(text, (ps, pe), limit) if (ps, pe) != span else [(ps, pe)])
        return out

    def chunk(self, article: Article) -> list[Chunk]:
        text = article.text
        header = Chunk("", article.doc_id, 0, "", 0, 0, article.title, article.published).embed_text()
        limit = max(min(self.budget, self.max_tokens - self._tokens(header) - 8), 8)
        units = [p for span in split_sentences(text) for p in self._fit(text, span, limit)]
        sizes = [self._tokens(text[s:e]) for s, e in units]
        chunks: list[Chunk] = []
        i = 0
        while i < len(units):
            j, total = i, 0
            while j < len(units) and (j == i or total + sizes[j] <= limit):
                total += sizes[j]
                j += 1
            chunk = self._make(article, units[i:j], len(chunks))
            while chunk.n_tokens > self.max_tokens and j - i > 1:  # sums of parts can undercount
                j -= 1
                chunk = self._make(article, units[i:j], len(chunks))
            chunks.append(chunk)
            if j >= len(units):
                break
            i = max(j - self.overlap, i + 1)
        return chunks

    def _make(self, article: Article, units: list[tuple[int, int]], n: int) -> Chunk:
        start, end = units[0][0], units[-1][1]
        chunk = Chunk(
            chunk_id=f"{article.doc_id}#{n}",
            doc_id=article.doc_id,
            n=n,
            text=article.text[start:end],
            start=start,
            end=end,
            title=article.title,
            published=article.published,
            sentences=list(units),
        )
        chunk.n_tokens = self.count_tokens(chunk.embed_text())
        return chunk
