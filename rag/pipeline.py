"""The facade the CLI, the API and the eval runner share: one loaded index, one embedder, one retriever."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from embeddings import Embedder, create_embedder
from rag.config import Settings
from rag.dates import parse_user_date
from rag.errors import AnswerCancelledError, DocumentNotFoundError, IndexEmptyError, InvalidInputError
from rag.index import Index, load_index
from rag.ingest import IngestReport, ingest
from rag.models import Agreement, Answer, Article
from rag.retrieve import Filters, Mode, Retriever, SearchResult

if TYPE_CHECKING:
    from rag.answer import AnswerParams, Evidence
    from rag.conversation import Turn
    from rag.evaluate import EvalReport
    from rag.question import Question
    from rag.scorer import EvidenceModel

logger = logging.getLogger(__name__)

WARM_QUESTIONS = (
    "Hai bên đã ký thỏa thuận hợp tác khi nào, ở đâu?",
    "ai dan dau doan dai bieu sang tham va lam viec",
    "Who signed the cooperation agreement, and when?",
)
"""Questions a starting server answers before it says it is ready (one per language form)."""


def validate_question(question: object, max_chars: int) -> str:
    """A usable question or InvalidInputError naming what is wrong with it."""
    if not isinstance(question, str):
        raise InvalidInputError(f"the question must be a string, got {type(question).__name__}")
    question = question.strip()
    if not question:
        raise InvalidInputError("the question is empty")
    if any("\ud800" <= ch <= "\udfff" for ch in question):
        raise InvalidInputError("the question holds an invalid character (a lone surrogate)")
    if len(question) > max_chars:
        raise InvalidInputError(f"the question is {len(question)} characters long; the limit is {max_chars}")
    return question


MAX_HISTORY_TURNS = 10
MAX_ANSWER_CHARS = 5000


def validate_history(history: object, max_chars: int) -> list[Turn]:
    """The conversation so far as turns (``Turn`` or ``{"role", "content"}``), at most
    ``MAX_HISTORY_TURNS``; user turns at most ``max_chars`` long, answers ``MAX_ANSWER_CHARS``."""
    from rag.conversation import Turn

    if not isinstance(history, Sequence) or isinstance(history, str):
        raise InvalidInputError("history must be a list of turns")
    if len(history) > MAX_HISTORY_TURNS:
        raise InvalidInputError(f"history has {len(history)} turns; the limit is {MAX_HISTORY_TURNS}")
    turns = []
    for i, item in enumerate(history, start=1):
        role, content = (
            ((item.role, item.content) if isinstance(item, Turn) else (item.get("role"), item.get("content")))
            if isinstance(item, (Turn, dict))
            else (None, None)
        )
        if role not in ("user", "assistant") or not isinstance(content, str):
            raise InvalidInputError(f"history turn {i} needs a role 'user' or 'assistant' and a text content")
        limit = max_chars if role == "user" else MAX_ANSWER_CHARS
        if len(content) > limit or any("\ud800" <= ch <= "\udfff" for ch in content):
            raise InvalidInputError(f"history turn {i} is longer than {limit} characters or not valid text")
        turns.append(Turn(role, content))
    return turns


@dataclass
class Pipeline:
    """Load once, query many times; ``add`` ingests and swaps in the new index without a restart.

    >>> pipe = Pipeline.open(Settings(index_dir=Path("index")))
    >>> [h.chunk.doc_id for h in pipe.search("Quảng Ninh hội đàm với Quảng Tây", k=3).hits]
    """

    settings: Settings
    embedder: Embedder
    retriever: Retriever
    model: EvidenceModel | None = None
    """The learned evidence models (None: the shipped ones, ``rag/data/scorer.json``)."""

    @property
    def index(self) -> Index:
        """The live index (the retriever holds it, so one reference swap switches both)."""
        return self._live().index

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Pipeline:
        index = open_index(settings)
        embedder = embedder or create_embedder(settings)
        return cls(settings, embedder, cls._retriever(index, embedder, settings))

    _reload_guard = threading.Lock()

    def _live(self) -> Retriever:
        """The retriever over the newest committed data. FAISS: the generation this pipeline loaded or
        added. Postgres: reloaded when another process (an ingest, another server) committed since."""
        retriever = self.retriever
        if self.settings.backend != "postgres":
            return retriever
        from rag.pgstore import store_version

        if store_version(self.settings) == retriever.index.manifest.get("store_version"):
            return retriever
        with self._reload_guard:
            version = store_version(self.settings)
            if version != self.retriever.index.manifest.get("store_version"):
                from rag.pgstore import load_snapshot

                index = load_snapshot(self.settings, previous=self.retriever.index)  # what changed only
                self.retriever = self._retriever(index, self.embedder, self.settings)
                self.warm_in_background()
            return self.retriever

    @staticmethod
    def _retriever(index: Index, embedder: Embedder, settings: Settings) -> Retriever:
        return Retriever(
            index,
            embedder,
            candidates=settings.candidates,
            rrf_k=settings.rrf_k,
            dense_weight=settings.dense_weight,
            lexical_weight=settings.lexical_weight,
            vi_lexical_boost=settings.vi_lexical_boost,
            en_lexical_boost=settings.en_lexical_boost,
            lead_weight=settings.lead_weight,
            part_weight=settings.part_weight,
            part_candidates=settings.part_candidates,
            max_query_tokens=settings.max_query_tokens,
        )

    def warm(self) -> None:
        """Load everything a first question needs, so that it is as fast as any later one: the derived
        tables, the embedder's first run, the answer modules and the learned scorer (by answering a few
        questions of each language; with an LLM configured, only the extractive evidence is weighed)."""
        _warm(self.retriever)
        if not self.index.articles:
            return
        llm_on = self.settings.llm_enabled and bool(self.settings.llm_base_url)
        for question in WARM_QUESTIONS:
            if llm_on:
                self.assess(question)
            else:
                self.ask(question)

    def warm_in_background(self) -> None:
        """Build what the live generation derives once (diacritic restorer, IDF) in a background thread,
        so that a server's first diacritic-free question does not wait for it (seconds on a large
        corpus). One-shot commands skip this: they would pay for tables their one question may not use."""
        threading.Thread(target=_warm, args=(self.retriever,), name="rag-warm", daemon=True).start()

    def _require_articles(self, index: Index) -> None:
        """IndexEmptyError unless ``index`` (the snapshot a request reads) holds articles."""
        if not index.articles:
            raise IndexEmptyError(
                f"the index in {str(self.settings.index_dir)!r} is empty: "
                f"add articles with `rag ingest PATH --index {self.settings.index_dir}`"
            )

    def search(
        self, query: str, k: int | None = None, *, mode: Mode = "hybrid", filters: Filters | None = None
    ) -> SearchResult:
        retriever = self._live()
        self._require_articles(retriever.index)
        return retriever.search(query, self.settings.top_k if k is None else k, mode=mode, filters=filters)

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        history: Sequence[Turn] = (),
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> Answer:
        """Retrieve, then compose a grounded, cited answer (or an honest abstention). With ``history``
        (the conversation so far, oldest first) a follow-up that names no subject of its own is
        rewritten from it; the answer then says what it is about and carries ``rewritten_question``.

        ``cancelled`` is asked between the stages; when it says True, AnswerCancelledError ends the work
        (a server whose client went away)."""
        from rag.answer import answer_question, searched_names
        from rag.conversation import resolve
        from rag.question import analyze

        asked = validate_question(question, self.settings.max_question_chars)
        history = validate_history(history, self.settings.max_question_chars)
        k = self.settings.top_k if top_k is None else top_k
        if not 1 <= k <= 100:
            raise InvalidInputError(f"top_k must be between 1 and 100, got {k}")
        retriever = self._live()  # one snapshot: an upload may swap in a new generation meanwhile
        self._require_articles(retriever.index)
        _checkpoint(cancelled)
        resolved = resolve(asked, history)
        question = resolved.question
        t0 = time.perf_counter()
        analysis = analyze(question, resolved.language)  # (once: retrieval and answering both read it)
        k_search = max(k, self.settings.answer_candidates)
        result = retriever.search(question, k_search, names=searched_names(analysis), parts=analysis.parts)
        retrieve_ms = (time.perf_counter() - t0) * 1000
        _checkpoint(cancelled)
        answer = answer_question(
            question,
            result.hits,
            retriever.index,
            retrieve_ms=retrieve_ms,
            max_citations=k,
            params=self._answer_params(),
            question_vector=retriever.question_vector(question),
            analysis=analysis,
            embed_question=retriever.question_vector,
        )
        llm_on = self.settings.llm_enabled and bool(self.settings.llm_base_url)
        if llm_on and not (answer.abstained and not answer.citations):  # extractive answer = fallback
            from rag.generate import get_composer

            _checkpoint(cancelled)
            answer = get_composer(self.settings).compose(
                question, result.hits, answer, articles=retriever.index.articles
            )
        if resolved.rewritten:  # (after the LLM, which writes its own text)
            answer.question = asked
            answer.extra["rewritten_question"] = question
            if resolved.topic:
                about = "About" if answer.language == "en" else "Về"
                answer.answer = f"{about} {resolved.topic}: {answer.answer}"
        return answer

    def _answer_params(self) -> AnswerParams:
        from rag.answer import AnswerParams

        return replace(AnswerParams.from_settings(self.settings), model=self.model)

    def evidence(self, question: str, top_k: int | None = None) -> list[Evidence]:
        """The candidate sentences ``ask`` weighs for ``question``, with their features and scores
        (what the scorer is trained on: ``eval/train_scorer.py``)."""
        return self._evidence(question, top_k)[1]

    def assess(self, question: str) -> tuple[list[Evidence], dict[str, float]]:
        """The scored evidence for ``question``, best first, and the question-level features the
        abstention model reads (what ``eval/train_scorer.py`` learns from)."""
        from rag.answer import question_features

        q, evidence = self._evidence(question)
        evidence.sort(key=lambda e: -e.score)
        return evidence, question_features(q, evidence)

    def _evidence(self, question: str, top_k: int | None = None) -> tuple[Question, list[Evidence]]:
        from rag.answer import scored_evidence, searched_names
        from rag.question import analyze

        question = validate_question(question, self.settings.max_question_chars)
        k = max(self.settings.top_k if top_k is None else top_k, self.settings.answer_candidates)
        retriever = self._live()
        q = analyze(question)
        hits = retriever.search(question, k, names=searched_names(q)).hits
        params = self._answer_params()
        vector = retriever.question_vector(question)
        return q, scored_evidence(q, hits, retriever.index, params, vector)

    def agreements(
        self, party: str | None = None, date_from: str | None = None, date_to: str | None = None
    ) -> list[Agreement]:
        """The agreements timeline extracted at ingest, filtered by party (any spelling) and by a date
        range typed as a user would (2024, 2024-06, 12/6/2024); InvalidInputError for a bad value."""
        return _agreements(self.index, party, date_from, date_to)

    @staticmethod
    def read_agreements(
        settings: Settings, party: str | None = None, date_from: str | None = None, date_to: str | None = None
    ) -> list[Agreement]:
        """``agreements`` from the index on disk, without loading the embedder (for one-shot commands)."""
        return _agreements(open_index(settings), party, date_from, date_to)

    @staticmethod
    def ingest(
        paths: Sequence[str | Path],
        settings: Settings,
        *,
        rebuild: bool = False,
        progress: bool = False,
        embedder: Embedder | None = None,
    ) -> IngestReport:
        """Load, clean, chunk, embed and index files or folders into ``settings.index_dir`` (an
        incremental upsert by doc_id and content hash; ``rebuild`` starts afresh)."""
        return ingest(paths, settings, rebuild=rebuild, progress=progress, embedder=embedder)

    def evaluate(self, dataset: str | Path, *, answers: bool = True) -> EvalReport:
        """Retrieval metrics (every mode) and, with ``answers``, answer metrics on a gold dataset."""
        from rag.evaluate import load_dataset, run_eval

        questions = load_dataset(dataset)
        return run_eval(questions, self._live(), dataset=str(dataset), ask=self.ask if answers else None)

    def article(self, doc_id: str) -> Article:
        art = self.index.articles.get(doc_id)
        if art is None:
            raise DocumentNotFoundError(f"no document {doc_id!r} in the index")
        return art

    def documents(self) -> list[Article]:
        return sorted(self.index.articles.values(), key=lambda a: a.doc_id)

    _write_guard = threading.Lock()

    def add(self, paths: Sequence[str | Path], *, replace: bool = True) -> IngestReport:
        """Ingest files into the live index and switch readers to the new generation when it is done.
        With ``replace=False`` an article that would replace an indexed one of the same doc_id with other
        content is refused (DocumentExistsError) and nothing changes."""
        with self._write_guard:
            t0 = time.perf_counter()
            settings = self.settings
            if settings.backend == "postgres":  # an upload is one transaction, whatever its size
                settings = settings.model_copy(update={"pg_batch_articles": 100_000})
            report = ingest(paths, settings, embedder=self.embedder, replace=replace)
            if report.written:
                index = open_index(self.settings)
                self.retriever = self._retriever(index, self.embedder, self.settings)
                self.warm_in_background()
            report.timings_s["total"] = time.perf_counter() - t0
            return report


def _checkpoint(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise AnswerCancelledError("the answer was cancelled")


def open_index(settings: Settings) -> Index:
    """The committed index of the configured backend: the live FAISS generation in
    ``settings.index_dir``, or a snapshot of the database at ``settings.database_url``."""
    if settings.backend == "postgres":
        from rag.pgstore import load_snapshot

        return load_snapshot(settings)
    return load_index(settings.index_dir)


def _agreements(
    index: Index, party: str | None, date_from: str | None, date_to: str | None
) -> list[Agreement]:
    from rag.agreements import filter_timeline, timeline_from_json

    if party is not None and not party.strip():
        raise InvalidInputError("the party is blank")
    records = timeline_from_json(index.extras.get("agreements", []))
    return filter_timeline(
        records,
        party=party.strip() if party else None,
        date_from=parse_user_date(date_from) if date_from else None,
        date_to=parse_user_date(date_to) if date_to else None,
    )


def _warm(retriever: Retriever) -> None:
    from rag.answer import idf_table

    try:
        retriever.restorer()
        idf_table(retriever.index)
    except Exception:  # a question will build them (and report any error) when it needs them
        logger.debug("warming the index's derived tables failed", exc_info=True)
