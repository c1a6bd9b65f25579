"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates fused by reciprocal rank fusion.

Fusion: ``score(chunk) = Σ_r  w_r / (rrf_k + rank_r(chunk))`` over the retrievers ``r`` that returned
the chunk among their ``candidates`` best (ranks from 1; ``rrf_k`` = 60, ``w_r`` = 1 by default; the
BM25 weight is doubled for Vietnamese questions, where segmented lexical matching is the sharper signal,
and raised by 1.3 for English ones, whose glossary translation gives BM25 the articles' own wording).
One more list encodes the shape of a news article: its lead (first passage) says who met whom, when,
where and in what form, so the lead of the best-ranked document enters the fusion at rank 1 with weight
``lead_weight`` (0.3): enough to lift "Hội nghị trực tuyến ... chiều 27/4" into the top 5 for "was the
meeting held in person?" (0.25 is not), too little to push out a passage both retrievers rank well
(0.4 cost one gold answer with 1,000 distractor articles; leads of the other documents get nothing:
tried, they crowd out the passages that answer). A two-part question
("... ở tỉnh nào, và thực tế đã diễn ra tại đâu, vào ngày nào?") is also searched part by part, each
part's lists entering the fusion at half weight, so that the passage answering the second part is not
crowded out by the first.
When no article of the fused top ``k`` (the dense best kept among them, below) holds a name the answer
needs (``names``: "Vietjet", a one-word company that weighs little against five generic words other
articles' passages hold too), both retrievers rank the passages holding it once more, among themselves,
and those lists join the fusion (countries are left out: common, and named many ways).
The passage dense retrieval ranks first for the whole question stays among the fused first five (fifth
when fusion put it lower or left it out): hybrid never loses the passage the multilingual model finds
best, which the lexical side, through a glossary for English, may miss.
RRF needs no score calibration between cosine similarities and BM25 scores, and a chunk that both
retrievers rank well beats one that only one of them likes. Filters (documents, date range) are applied
inside both retrievers, before the top candidates are taken, so they never empty a result that exists.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from embeddings.base import Embedder
from rag.dates import in_date_range, parse_user_date
from rag.diacritics import DiacriticRestorer
from rag.errors import InvalidInputError
from rag.gazetteer import country_aliases
from rag.index import Index
from rag.models import Hit
from rag.question import detect_language, lexical_query, split_question
from rag.text import lexical_tokens, syllables

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some documents and/or a publication date range (ISO prefixes, inclusive;
    see ``rag.dates.in_date_range``: an article with no publication date is outside any range)."""

    doc_ids: frozenset[str] | None = None
    date_from: str | None = None
    date_to: str | None = None

    def is_empty(self) -> bool:
        return not self.doc_ids and not self.date_from and not self.date_to

    def admits(self, doc_id: str, published: str | None) -> bool:
        if self.doc_ids and doc_id not in self.doc_ids:
            return False
        return in_date_range(published, self.date_from, self.date_to)

    @classmethod
    def parse(
        cls,
        doc_ids: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Filters:
        """Filters from user input: dates as typed (2024, 2024-06, 12/6/2024); InvalidInputError if bad."""
        return cls(
            doc_ids=frozenset(doc_ids) if doc_ids else None,
            date_from=parse_user_date(date_from) if date_from else None,
            date_to=parse_user_date(date_to) if date_to else None,
        )


@dataclass
class SearchResult:
    hits: list[Hit]
    timings_ms: dict[str, float]


def cap_tokens(text: str, count_tokens: Callable[[str], int], limit: int) -> str:
    """The longest prefix of ``text``, cut at a space, that ``count_tokens`` counts as at most ``limit``
    tokens (``text`` itself when it fits; found by bisection, so a long text costs a few counts)."""
    if count_tokens(text) <= limit:
        return text
    words = text.split(" ")
    if count_tokens(words[0]) > limit:  # one endless word: cut it by characters instead
        words, sep = list(text), ""
    else:
        sep = " "
    low, high = 0, len(words)  # words[:low] fits, words[:high] does not
    while high - low > 1:
        mid = (low + high) // 2
        if count_tokens(sep.join(words[:mid])) <= limit:
            low = mid
        else:
            high = mid
    return sep.join(words[:low])


class Retriever:
    """Searches one loaded index with one embedder.

    >>> retriever = Retriever(index, embedder)
    >>> [h.chunk.doc_id for h in retriever.search("quang ninh ky thoa thuan voi quang tay", k=5).hits]
    """

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        *,
        candidates: int = 50,
        rrf_k: int = 60,
        dense_weight: float = 1.0,
        lexical_weight: float = 1.0,
        check_embedder: bool = True,
        vi_lexical_boost: float = 2.0,
        en_lexical_boost: float = 1.3,
        lead_weight: float = 0.3,
        part_weight: float = 0.5,
        part_candidates: int = 4,
        max_query_tokens: int = 512,
    ) -> None:
        if candidates < 1:
            raise InvalidInputError(f"candidates must be at least 1, got {candidates}")
        if rrf_k < 1:
            raise InvalidInputError(f"rrf_k must be at least 1, got {rrf_k}")
        if check_embedder:
            index.check_embedder(embedder.cache_key())
        self.index = index
        self.embedder = embedder
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.weights = {"dense": dense_weight, "lexical": lexical_weight}
        self.vi_lexical_boost = vi_lexical_boost
        self.en_lexical_boost = en_lexical_boost
        self.lead_weight = lead_weight
        self.part_weight = part_weight
        self.part_candidates = part_candidates
        self.max_query_tokens = max_query_tokens
        self._cache_lock = threading.Lock()
        self._restorer_lock = threading.Lock()
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed_query(self, query: str) -> np.ndarray:
        """The query's vector, from a small LRU cache (thread-safe: the API searches from a thread pool)."""
        with self._cache_lock:
            cached = self._query_cache.get(query)
            if cached is not None:
                self._query_cache.move_to_end(query)
                return cached
        vec = self.embedder.embed_queries(
            [cap_tokens(query, self.embedder.count_tokens, self.max_query_tokens)]
        )[0]
        with self._cache_lock:
            self._query_cache[query] = vec
            while len(self._query_cache) > 512:
                self._query_cache.popitem(last=False)
        return vec

    def question_vector(self, question: str) -> np.ndarray:
        """The vector dense search uses for ``question`` (marks restored when it has none; cached)."""
        unmarked = detect_language(question) == "vi-nodiacritics"
        return self.embed_query(self.restorer().restore(question) if unmarked else question)

    def restorer(self) -> DiacriticRestorer:
        """Diacritic restoration from this index's articles, built once per loaded generation."""
        with self._restorer_lock:  # its own lock: other searches need not wait for the first build
            restorer = self.index.memo.get("restorer")
            if restorer is None:
                restorer = DiacriticRestorer.build(a.text for a in self.index.articles.values())
                self.index.memo["restorer"] = restorer
        return restorer

    def clear_query_cache(self) -> None:
        with self._cache_lock:
            self._query_cache.clear()

    def _mask(self, filters: Filters | None) -> np.ndarray | None:
        if filters is None or filters.is_empty():
            return None
        admitted = {
            doc_id for doc_id, art in self.index.articles.items() if filters.admits(doc_id, art.published)
        }
        mask = np.zeros(len(self.index.chunks), dtype=bool)
        for doc_id in admitted:
            mask[self.index.rows_of(doc_id)] = True
        return mask

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        mode: Mode = "hybrid",
        filters: Filters | None = None,
        names: Sequence[str] = (),
        parts: Sequence[str] = (),
    ) -> SearchResult:
        """The ``k`` best chunks for ``query``, best first, with timings per stage. ``names`` (folded) are
        those an answer's passage must hold (``rag.answer.searched_names``): in hybrid mode, both
        retrievers rank the passages holding them once more, among themselves (``_named``). In hybrid mode,
        each part of a two-part question (``split_question``) is searched too, its lists weighed by
        ``part_weight``; and each of ``parts`` (``Question.parts``: the events or sides a question sets
        against each other) on its own, its ``part_candidates`` best passages added after the ``k``."""
        if not isinstance(query, str) or not query.strip():
            raise InvalidInputError("the question is empty")
        if not 1 <= k <= 1000:
            raise InvalidInputError(f"k must be between 1 and 1000, got {k}")
        if mode not in MODES:
            raise InvalidInputError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        timings: dict[str, float] = {"embed": 0.0, "dense": 0.0, "lexical": 0.0}
        mask = self._mask(filters)
        n = max(self.candidates, k)
        events, halves = (parts, split_question(query)) if mode == "hybrid" else ((), [])
        lists: list[tuple[str, float, list[tuple[int, float]]]] = []
        language = detect_language(query)
        lexical_boost = self.en_lexical_boost if language == "en" else self.vi_lexical_boost
        unmarked = mode != "lexical" and language == "vi-nodiacritics"
        for text, share in [(query, 1.0)] + [(p, self.part_weight) for p in halves]:
            if mode in ("hybrid", "dense"):
                t0 = time.perf_counter()
                qvec = self.embed_query(self.restorer().restore(text) if unmarked else text)
                t1 = time.perf_counter()
                lists.append(("dense", self.weights["dense"] * share, self.index.dense.search(qvec, n, mask)))
                timings["embed"] += (t1 - t0) * 1000
                timings["dense"] += (time.perf_counter() - t1) * 1000
            if mode in ("hybrid", "lexical"):
                t0 = time.perf_counter()
                tokens = lexical_tokens(lexical_query(text))
                weight = self.weights["lexical"] * lexical_boost * share
                lists.append(("lexical", weight, self.index.lexical.search(tokens, n, mask)))
                timings["lexical"] += (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        if isinstance(names, str):
            names = [names]
        if mode == "hybrid":
            # (the names looked for in the passages kept, the dense best among them: a passage that it
            # pushes out may be the only one of the article naming them)
            hits = self._keep_dense_best(self._fuse(lists, k), lists, k)
            if names:
                named = self._named(hits, query, names, mask, n, lexical_boost)
                if named:
                    lists = lists + named
                    hits = self._keep_dense_best(self._fuse(lists, k), lists, k)
        else:
            hits = self._single(lists[0][2], mode, k)
        timings["fuse"] = (time.perf_counter() - t0) * 1000
        for side in events if self.part_candidates else ():  # ("A và B, việc nào diễn ra trước": the passages
            # about A and those about B, which one search for both may not rank high enough; added, not fused)
            held = {h.chunk.chunk_id for h in hits}
            found = self.search(side, self.part_candidates, mode=mode, filters=filters)
            hits = hits + [h for h in found.hits if h.chunk.chunk_id not in held]
            for key, value in found.timings_ms.items():
                timings[key] = timings.get(key, 0.0) + value
        return SearchResult(hits, {key: v for key, v in timings.items() if v or key == "fuse"})

    def _named(
        self,
        hits: list[Hit],
        query: str,
        names: Sequence[str],
        mask: np.ndarray | None,
        n: int,
        lexical_boost: float,
    ) -> list[tuple[str, float, list[tuple[int, float]]]]:
        """When no article of ``hits`` writes one of the ``names`` (its words in a row), a dense and a
        lexical list of the passages that hold the names missing (all of them, or else any):
        a one-word name ("Vietjet") weighs little against five generic words ("ký biên bản ghi nhớ hợp
        tác") that other articles' passages hold too. Nothing when every name is held already."""
        names = [name for name in names if name not in country_aliases()]  # (common, and named many ways)
        # the names no retrieved article writes (its words in a row: " hoang anh gia lai ")
        articles = [self.index.articles.get(doc) for doc in dict.fromkeys(h.chunk.doc_id for h in hits)]
        words = [_written(a.title, a.text) for a in articles if a is not None]
        absent = [name for name in names if not any(f" {' '.join(syllables(name))} " in w for w in words)]
        if not absent:
            return []
        # the passages holding each such name: its syllables and the pairs of them the index keeps
        # ("hoang_anh", "anh_gia", "gia_lai": not "Gia Lai ... thầy Hoàng ... tiếng Anh")
        missing = [self.index.lexical.holding(_name_tokens(name)) for name in absent]
        held = np.logical_and.reduce(missing)
        if not held.any():
            held = np.logical_or.reduce(missing)
        if mask is not None:
            held &= mask
        if not held.any():
            return []
        qvec = self.question_vector(query)
        tokens = lexical_tokens(lexical_query(query))
        return [
            ("dense", self.weights["dense"], self.index.dense.search(qvec, n, held)),
            ("lexical", self.weights["lexical"] * lexical_boost, self.index.lexical.search(tokens, n, held)),
        ]

    def _keep_dense_best(
        self, hits: list[Hit], lists: list[tuple[str, float, list[tuple[int, float]]]], k: int
    ) -> list[Hit]:
        """The passage dense retrieval ranks first for the whole question (``lists[0]``), among the first
        five of the fused ``hits`` (fifth when it fell lower or out, with its fused score): fusion never
        loses what dense alone finds first (an English question whose glossary words miss the article's
        wording)."""
        if not lists or lists[0][0] != "dense" or not lists[0][2]:
            return hits
        row = lists[0][2][0][0]
        chunk_id = self.index.chunks[row].chunk_id
        at = next((i for i, h in enumerate(hits) if h.chunk.chunk_id == chunk_id), None)
        floor = min(_DENSE_BEST_WITHIN, k) - 1
        if at is not None and at <= floor:
            return hits
        if at is None:
            hit = self._fused(lists)[row]
            hits = hits[: k - 1]  # (its place made among the ``k``; fewer than ``k`` found, nothing is lost)
        else:
            hit = hits.pop(at)
        if floor < len(hits):  # (the fused score of the place it takes: the scores stay in order)
            hit.score = max(hit.score, hits[floor].score)
        return hits[:floor] + [hit] + hits[floor:]

    def _single(self, ranked: list[tuple[int, float]], mode: str, k: int) -> list[Hit]:
        hits = []
        for rank, (row, score) in enumerate(ranked[:k], start=1):
            hit = Hit(self.index.chunks[row], score)
            _set_rank(hit, mode, rank, score)
            hits.append(hit)
        return hits

    def _fuse(self, lists: list[tuple[str, float, list[tuple[int, float]]]], k: int) -> list[Hit]:
        fused = self._fused(lists)
        return sorted(fused.values(), key=lambda h: (-h.score, h.chunk.chunk_id))[:k]

    def _fused(self, lists: list[tuple[str, float, list[tuple[int, float]]]]) -> dict[int, Hit]:
        """Every passage of ``lists`` by its row, with its fused score and the lead's share."""
        fused: dict[int, Hit] = {}
        for i, (name, weight, results) in enumerate(lists):
            for rank, (row, score) in enumerate(results, start=1):
                hit = fused.setdefault(row, Hit(self.index.chunks[row], 0.0))
                hit.score += weight / (self.rrf_k + rank)
                if i < 2:  # the ranks reported are those of the whole question
                    _set_rank(hit, name, rank, score)
        if self.lead_weight and fused:
            self._add_lead(fused)
        return fused

    def _add_lead(self, fused: dict[int, Hit]) -> None:
        """The lead list: one entry, the first passage of the best-ranked document, at rank 1."""
        best = min(fused.values(), key=lambda h: (-h.score, h.chunk.chunk_id))
        rows = self.index.rows_of(best.chunk.doc_id)
        row = min(rows, key=lambda r: self.index.chunks[r].n)
        lead = fused.setdefault(row, Hit(self.index.chunks[row], 0.0))
        lead.score += self.lead_weight / (self.rrf_k + 1)


_DENSE_BEST_WITHIN = 5  # (the fused rank the dense retriever's best passage is kept within)


@lru_cache(maxsize=1024)  # (each article folded once, not once per question)
def _written(title: str, text: str) -> str:
    """An article's folded syllables, " "-joined with a space at each end."""
    return " " + " ".join(syllables(f"{title}\n{text}")) + " "


def _name_tokens(name: str) -> list[str]:
    """The lexical tokens a passage writing ``name`` holds: its syllables and adjacent pairs."""
    words = syllables(name)
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def _set_rank(hit: Hit, name: str, rank: int, score: float) -> None:
    if name == "dense":
        hit.dense_rank, hit.dense_score = rank, score
    else:
        hit.lexical_rank, hit.lexical_score = rank, score
