"""Evaluation against a gold dataset (DESIGN.md schema): retrieval and answer metrics, latency.

Retrieval, per mode (lexical = BM25 alone, dense alone, hybrid), over answerable questions:
Hit@1 and Hit@5 (a chunk of a relevant document in the top 1 / 5), MRR@10 (reciprocal rank of the first
relevant chunk in the top 10), facts-in-top-5 (every ``must_include`` group matched in the top 5
passages). Answers: fact accuracy (every group matched in the answer text), citation accuracy (share of
citations that come from a relevant document), abstention precision and recall; latency p50/p95.
Matching ignores case, diacritics (đ = d), runs of white space and a number's leading zero, and takes an
alternative only as whole words: "no" is not in "Hà Nội", nor "4 văn kiện" in "14 văn kiện", nor "2 tỷ" in
"2,2 tỷ".
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.conversation import Turn, resolve
from rag.errors import InvalidInputError
from rag.models import Answer, Hit
from rag.retrieve import Mode, Retriever
from rag.text import match_key

LANGS = ("vi", "vi-nodiacritics", "en")


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    lang: str
    answerable: bool
    question: str
    must_include: list[list[str]]
    relevant_docs: list[str]
    type: str | None = None
    history: list[Turn] = field(default_factory=list)
    """The conversation before the question (a follow-up), oldest turn first."""


def load_dataset(path: Path | str) -> list[GoldQuestion]:
    """Read and validate a gold JSONL file; a bad line raises InvalidInputError naming it."""
    path = Path(path)
    if not path.exists():
        raise InvalidInputError(f"dataset {path} does not exist")
    questions: list[GoldQuestion] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                row = json.loads(line)
                q = GoldQuestion(
                    id=str(row["id"]),
                    lang=str(row["lang"]),
                    answerable=bool(row["answerable"]),
                    question=str(row["question"]),
                    must_include=[[str(a) for a in group] for group in row["must_include"]],
                    relevant_docs=[str(d) for d in row["relevant_docs"]],
                    type=row.get("type"),
                    history=[Turn(t["role"], str(t["content"])) for t in row.get("history") or []],
                )
                if any(t.role not in ("user", "assistant") for t in q.history):
                    raise ValueError("history roles must be 'user' or 'assistant'")
            except (ValueError, KeyError, TypeError) as exc:
                raise InvalidInputError(f"{where}: not a valid gold question ({exc})") from exc
            if q.lang not in LANGS:
                raise InvalidInputError(f"{where}: lang must be one of {LANGS}, got {q.lang!r}")
            if q.id in seen:
                raise InvalidInputError(f"{where}: duplicate id {q.id!r}")
            if q.answerable and not (q.must_include and q.relevant_docs):
                raise InvalidInputError(f"{where}: answerable questions need must_include and relevant_docs")
            seen.add(q.id)
            questions.append(q)
    if not questions:
        raise InvalidInputError(f"dataset {path} holds no questions")
    return questions


def groups_matched(text: str, groups: Sequence[Sequence[str]]) -> bool:
    """True when every group has at least one alternative in ``text`` (case/diacritics/space-insensitive),
    as whole words: not inside a longer word or number ("no" in "Hà Nội", "20" in "200" or "20.000", "2 tỷ"
    in "2,2 tỷ"); a number's leading zero ignored ("06/3" is "6/3")."""
    key = _match_key(text)
    return all(any(_has_words(key, _match_key(alt)) for alt in group) for group in groups)


_LEADING_ZERO = re.compile(r"(?<![\d.,])0+(?=\d)")  # (a number's own, not a decimal's: "0,05" stays)


def _match_key(text: str) -> str:
    return _LEADING_ZERO.sub("", match_key(text))


def _has_words(key: str, alt: str) -> bool:
    """``alt`` occurs in ``key`` with no word character right before or after it where it begins or ends
    with one ("$10 billion" is in "us$10 billion", "(DIA)" in "phòng(DIA)"), nor a number's "." or ","
    where it begins or ends with a digit."""
    if not alt:
        return False
    left = (r"(?<!\w)" if re.match(r"\w", alt[0]) else "") + (r"(?<!\d[.,])" if alt[0].isdigit() else "")
    right = (r"(?!\w)" if re.match(r"\w", alt[-1]) else "") + (r"(?![.,]\d)" if alt[-1].isdigit() else "")
    return re.search(left + re.escape(alt) + right, key) is not None


def percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[idx]


@dataclass
class RetrievalRow:
    id: str
    lang: str
    ranks: list[str]
    first_relevant: int | None
    facts_in_top5: bool
    ms: float


def retrieval_metrics(rows: list[RetrievalRow]) -> dict[str, float]:
    n = len(rows) or 1
    lat = [r.ms for r in rows]
    return {
        "questions": len(rows),
        "hit@1": sum(r.first_relevant == 1 for r in rows) / n,
        "hit@5": sum(r.first_relevant is not None and r.first_relevant <= 5 for r in rows) / n,
        "mrr@10": sum(1 / r.first_relevant for r in rows if r.first_relevant and r.first_relevant <= 10) / n,
        "facts@5": sum(r.facts_in_top5 for r in rows) / n,
        "p50_ms": percentile(lat, 50),
        "p95_ms": percentile(lat, 95),
    }


def eval_retrieval(
    questions: Sequence[GoldQuestion], search: Callable[[str, int], list[Hit]]
) -> tuple[dict[str, Any], list[RetrievalRow]]:
    """Retrieval metrics overall and per language for one search function (answerable questions)."""
    rows: list[RetrievalRow] = []
    for q in questions:
        if not q.answerable:
            continue
        t0 = time.perf_counter()
        hits = search(resolve(q.question, q.history).question if q.history else q.question, 10)
        ms = (time.perf_counter() - t0) * 1000
        relevant = set(q.relevant_docs)
        first = next((i for i, h in enumerate(hits, start=1) if h.chunk.doc_id in relevant), None)
        top5 = "\n".join(h.chunk.text for h in hits[:5])
        rows.append(
            RetrievalRow(
                q.id,
                q.lang,
                [h.chunk.chunk_id for h in hits],
                first,
                groups_matched(top5, q.must_include),
                ms,
            )
        )
    metrics: dict[str, Any] = {"all": retrieval_metrics(rows)}
    for lang in LANGS:
        sub = [r for r in rows if r.lang == lang]
        if sub:
            metrics[lang] = retrieval_metrics(sub)
    return metrics, rows


def retriever_search(retriever: Retriever, mode: Mode) -> Callable[[str, int], list[Hit]]:
    """``retriever``'s search in ``mode``; hybrid as ``Pipeline.ask`` searches, with the names the
    answer needs and the question writes (``rag.answer.searched_names``)."""
    if mode != "hybrid":
        return lambda question, k: retriever.search(question, k, mode=mode).hits
    from rag.answer import searched_names
    from rag.question import analyze

    return lambda question, k: retriever.search(question, k, names=searched_names(analyze(question))).hits


@dataclass
class AnswerRow:
    id: str
    lang: str
    answerable: bool
    abstained: bool
    fact_ok: bool
    citations: int
    citations_relevant: int
    compose_ms: float
    total_ms: float
    answer: str = ""
    failure: str = ""
    qtype: str | None = None


def answer_metrics(rows: list[AnswerRow]) -> dict[str, float]:
    answerable = [r for r in rows if r.answerable]
    unanswerable = [r for r in rows if not r.answerable]
    abstained = [r for r in rows if r.abstained]
    cited = [r for r in answerable if not r.abstained]
    n_cit = sum(r.citations for r in cited)
    return {
        "questions": len(rows),
        "fact_accuracy": sum(r.fact_ok for r in answerable) / (len(answerable) or 1),
        "citation_accuracy": sum(r.citations_relevant for r in cited) / (n_cit or 1),
        "abstention_precision": sum(not r.answerable for r in abstained) / (len(abstained) or 1),
        "abstention_recall": sum(r.abstained for r in unanswerable) / (len(unanswerable) or 1),
        "answerable_abstained": sum(r.abstained for r in answerable),
        # how long a chat bubble is: words of the answer text (markers included), answered questions only
        "answer_words_p50": percentile([len(r.answer.split()) for r in rows if not r.abstained], 50),
        "compose_p50_ms": percentile([r.compose_ms for r in rows], 50),
        "compose_p95_ms": percentile([r.compose_ms for r in rows], 95),
        "total_p50_ms": percentile([r.total_ms for r in rows], 50),
        "total_p95_ms": percentile([r.total_ms for r in rows], 95),
    }


def eval_answers(
    questions: Sequence[GoldQuestion], ask: Callable[..., Answer]
) -> tuple[dict[str, Any], list[AnswerRow]]:
    rows: list[AnswerRow] = []
    for q in questions:
        ans = ask(q.question, history=q.history) if q.history else ask(q.question)
        relevant = set(q.relevant_docs)
        fact_ok = q.answerable and not ans.abstained and groups_matched(ans.answer, q.must_include)
        rel = sum(c.doc_id in relevant for c in ans.citations)
        failure = ""
        if q.answerable and ans.abstained:
            failure = "abstained"
        elif q.answerable and not fact_ok:
            failure = "missing fact"
        elif not q.answerable and not ans.abstained:
            failure = "answered an unanswerable question"
        rows.append(
            AnswerRow(
                q.id,
                q.lang,
                q.answerable,
                ans.abstained,
                fact_ok,
                len(ans.citations),
                rel,
                ans.timings_ms.get("compose", 0.0),
                ans.timings_ms.get("total", 0.0),
                ans.answer,
                failure,
                q.type,
            )
        )
    metrics: dict[str, Any] = {"all": answer_metrics(rows)}
    for lang in LANGS:
        sub = [r for r in rows if r.lang == lang]
        if sub:
            metrics[lang] = answer_metrics(sub)
    return metrics, rows


def metrics_by_type(rows: list[AnswerRow]) -> dict[str, dict[str, float]]:
    """Answer metrics per question type (the dataset's optional ``type``), types in sorted order."""
    types = sorted({r.qtype for r in rows if r.qtype})
    return {t: answer_metrics([r for r in rows if r.qtype == t]) for t in types}


@dataclass
class EvalReport:
    dataset: str
    index: dict[str, Any]
    retrieval: dict[str, dict[str, Any]] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    answers_by_type: dict[str, Any] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "index": self.index,
            "retrieval": self.retrieval,
            "answers": self.answers,
            "answers_by_type": self.answers_by_type,
            "failures": self.failures,
        }

    def retrieval_table(self) -> str:
        head = "| mode | Hit@1 | Hit@5 | MRR@10 | facts@5 | p50 ms | p95 ms |"
        lines = [head, "|---|---|---|---|---|---|---|"]
        for mode, per_lang in self.retrieval.items():
            m = per_lang["all"]
            lines.append(
                f"| {mode} | {m['hit@1']:.2f} | {m['hit@5']:.2f} | {m['mrr@10']:.2f} | {m['facts@5']:.2f} "
                f"| {m['p50_ms']:.1f} | {m['p95_ms']:.1f} |"
            )
        return "\n".join(lines)

    def per_language_table(self) -> str:
        lines = ["| mode | lang | n | Hit@1 | Hit@5 | MRR@10 | facts@5 |", "|---|---|---|---|---|---|---|"]
        for mode, per_lang in self.retrieval.items():
            for lang in LANGS:
                if lang in per_lang:
                    m = per_lang[lang]
                    lines.append(
                        f"| {mode} | {lang} | {m['questions']} | {m['hit@1']:.2f} | {m['hit@5']:.2f} "
                        f"| {m['mrr@10']:.2f} | {m['facts@5']:.2f} |"
                    )
        return "\n".join(lines)

    def answer_table(self, by_type: bool = False) -> str:
        table = self.answers_by_type if by_type else self.answers
        if not table:
            return ""
        lines = [
            f"| {'type' if by_type else 'lang'} | n | fact acc. | citation acc. | abstain P | abstain R "
            "| answer words p50 | compose p50 ms | total p50 ms |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for lang, m in table.items():
            lines.append(
                f"| {lang} | {m['questions']} | {m['fact_accuracy']:.2f} | {m['citation_accuracy']:.2f} "
                f"| {m['abstention_precision']:.2f} | {m['abstention_recall']:.2f} "
                f"| {m.get('answer_words_p50', 0):.0f} "
                f"| {m['compose_p50_ms']:.1f} | {m['total_p50_ms']:.1f} |"
            )
        return "\n".join(lines)

    def markdown(self) -> str:
        parts = [
            "# Evaluation report",
            "",
            f"Dataset: `{self.dataset}`; index: {self.index.get('documents')} documents, "
            f"{self.index.get('chunks')} chunks, embedder `{self.index.get('embedder')}`.",
            "",
            "## Retrieval (answerable questions)",
            "",
            self.retrieval_table(),
            "",
            "### Per language",
            "",
            self.per_language_table(),
        ]
        if self.answers:
            parts += ["", "## Answers", "", self.answer_table()]
            if self.answers_by_type:
                parts += ["", "### Per question type", "", self.answer_table(by_type=True)]
        if self.failures:
            parts += ["", "## Failures", ""]
            parts += [f"- `{f['id']}` ({f['kind']}): {f['detail']}" for f in self.failures]
        return "\n".join(parts) + "\n"

    def write(self, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        json_path, md_path = out_dir / "eval.json", out_dir / "eval.md"
        json_path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        md_path.write_text(self.markdown(), encoding="utf-8")
        return [json_path, md_path]


def run_eval(
    questions: Sequence[GoldQuestion],
    retriever: Retriever,
    *,
    dataset: str,
    modes: Sequence[Mode] = ("lexical", "dense", "hybrid"),
    ask: Callable[..., Answer] | None = None,
) -> EvalReport:
    """Retrieval metrics for each mode, then (when ``ask`` is given) answer metrics."""
    manifest = retriever.index.manifest
    report = EvalReport(
        dataset=dataset,
        index={
            "documents": manifest.get("documents"),
            "chunks": manifest.get("chunks"),
            "embedder": manifest.get("embedder", {}).get("name"),
        },
    )
    for mode in modes:
        retriever.search("khởi động", 10, mode=mode)  # load models and caches before timing
        retriever.clear_query_cache()  # every question pays its own query embedding
        metrics, rows = eval_retrieval(questions, retriever_search(retriever, mode))
        report.retrieval[mode] = metrics
        if mode == "hybrid":
            report.failures += [
                {"id": r.id, "kind": "retrieval", "detail": "facts not all in the top 5 passages"}
                for r in rows
                if not r.facts_in_top5
            ]
    if ask is not None:
        retriever.clear_query_cache()  # answers pay for their own retrieval too
        metrics, arows = eval_answers(questions, ask)
        report.answers = metrics
        report.answers_by_type = metrics_by_type(arows)
        report.failures += [
            {"id": r.id, "kind": "answer", "detail": f"{r.failure}: {r.answer[:200]}"}
            for r in arows
            if r.failure
        ]
    return report
