"""The learned evidence models: two logistic regressions, shipped as JSON (``rag/data/scorer.json``).

Each candidate sentence of the retrieved passages gets a few general features (lexical coverage of the
question's weighted terms, the multilingual embedder's cosine between question and sentence, the fit of
the question type's slot, the passage's rank, ...). The sentence model turns them into the probability
that the sentence answers the question; the answer quotes the most probable sentences. The question
model reads the evidence as a whole (``QUESTION_FEATURES``) and gives the probability that the question
is answered at all; the answer abstains below its ``threshold``. Weights and threshold are learned from
the dev question sets by ``python eval/train_scorer.py``; no weight is tuned by hand.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_MODEL = Path(__file__).with_name("data") / "scorer.json"

FEATURES: tuple[str, ...] = (
    "coverage",  # share of the question's IDF-weighted terms in the sentence (1/3 for its passage)
    "own",  # the same share, counting only the sentence itself
    "focus",  # coverage with the terms of the article's title discounted
    "distinct",  # the sentence's share of the question's terms, each weighed by its rarity in the article
    "semantic",  # cosine of the question's and the sentence's embedder vectors
    "semantic_gap",  # semantic minus the best semantic among the candidates (<= 0)
    "type_fit",  # the question type's slot in the sentence (a date for when, a person for who, ...)
    "names",  # share of the names the question gives that the sentence holds
    "inv_rank",  # 1 / rank of the passage the sentence comes from
    "lead",  # the sentence opens its article (news leads say who met whom, when, where)
    "asked",  # the sentence names the noun the question asks for ("những văn kiện nào": a "văn kiện")
)


QUESTION_FEATURES: tuple[str, ...] = (
    "best",  # the best sentence's probability
    "second",  # the second best's
    "best_semantic",  # the best cosine of question and sentence among the candidates
    "best_coverage",  # the best lexical coverage
    "best_own",  # the best coverage by the sentence alone
    "slot",  # the question type's slot in the best sentence (its type fit)
    "names_held",  # share of the names the question gives that the best sentence's article holds
    "english",  # the question is in English (its terms match the Vietnamese text less)
    "absent",  # the least share of the question's weighted terms missing from a sentence and its passage
)


@dataclass(frozen=True)
class SentenceScorer:
    """``probability(features) = sigmoid(intercept + sum(coef[f] * features[f]))``."""

    coef: Mapping[str, float]
    intercept: float
    threshold: float
    meta: Mapping[str, object]

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * features.get(name, 0.0) for name, w in self.coef.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.coef),
            "coef": list(self.coef.values()),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SentenceScorer:
        names = [str(n) for n in data["features"]]
        weights = [float(w) for w in data["coef"]]
        return cls(
            dict(zip(names, weights, strict=True)),
            float(data["intercept"]),
            float(data["threshold"]),
            dict(data.get("meta", {})),
        )


@dataclass(frozen=True)
class EvidenceModel:
    """The two learned models: ``sentence`` ranks the candidate sentences; ``question`` gives the
    probability that the question is answered by the best of them, and the answer abstains below its
    ``threshold``."""

    sentence: SentenceScorer
    question: SentenceScorer

    def to_json(self) -> dict[str, object]:
        return {"sentence": self.sentence.to_json(), "question": self.question.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EvidenceModel:
        return cls(SentenceScorer.from_json(data["sentence"]), SentenceScorer.from_json(data["question"]))


@lru_cache(maxsize=4)
def load_model(path: Path = DEFAULT_MODEL) -> EvidenceModel:
    """The shipped models (or another JSON file of the same shape)."""
    return EvidenceModel.from_json(json.loads(path.read_text(encoding="utf-8")))
