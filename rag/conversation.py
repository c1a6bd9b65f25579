"""Follow-up questions: a question that lacks its own subject takes it from the conversation.

Two kinds of follow-up are rewritten into a question that stands on its own, so that retrieval and the
answer work as for any question:

- a new subject for the previous question ("còn Đà Nẵng thì sao?", "what about Hanoi?", "năm 2023
  thì sao?"): the previous question with that name (of the same country, when the gazetteer knows it) or
  that date put in place of its own;
- a question that names nothing ("khi nào?", "and when was that?", "họ ký những văn bản nào?"): the
  question followed by what the previous question was about (its words without its question words).

A question that names its own subject is answered on its own. The previous question is itself resolved
first, so a chain of follow-ups keeps its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rag.dates import find_dates
from rag.gazetteer import places
from rag.question import Language, analyze, detect_language
from rag.text import fold, has_diacritics, nfc

Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class Turn:
    """One turn of a conversation (DESIGN.md ``history`` item)."""

    role: Role
    content: str


@dataclass(frozen=True)
class Resolved:
    """The question to answer: the user's own, or one rewritten from the conversation."""

    question: str
    language: Language
    """The language of the question answered: the user's, or the previous question's when the user's
    words alone do not tell ("where?") or when the previous question was rewritten with a new subject."""
    rewritten: bool = False
    topic: str | None = None
    """What a rewritten question is about ("Đà Nẵng"), for the answer to say so."""


# "còn Đà Nẵng thì sao?", "vậy còn năm 2023?", "what about Hanoi?", "and in 2023?", "how about X"
_NEW_SUBJECT = [  # ("X thế nào?" / "X ra sao?" ask how X went: not a new subject)
    re.compile(r"^(?:va |con |the con |vay con |vay )?(?P<x>.+?) thi (?:sao|the nao)$"),
    re.compile(r"^(?:va |the |vay )?con (?P<x>.+)$"),
    re.compile(r"^(?:and |so )?(?:what|how) about (?P<x>.+)$"),
    re.compile(r"^and (?:for |in |with |at )?(?P<x>.+)$"),
]
# words that point back at what was said ("sự kiện đó", "hai bên", "they", "that")
_POINTING = re.compile(
    r"\b(do|nay|ay|kia|ho|hai ben|cac ben|luc do|khi do|that|this|it|they|them|there|then|those|these|"
    r"he|she|its|their|his|her)\b"
)
# question words, dropped from the previous question when it becomes the context of a new one
_ASKING = re.compile(
    r"\b(khi nao|bao gio|ngay nao|ngay may|thang nao|nam nao|luc nao|o dau|tai dau|dia diem nao|"
    r"bao nhieu|nhung gi|nhung ai|nguoi nao|ai|gi|nao|co phai|phai khong|hay khong|khong|chua|the nao|"
    r"ra sao|cho biet|when|where|who|whom|whose|what|which|how many|how much|how|did|does|do|is|was|"
    r"were|are)\b"
)
# a question that sets itself against the previous one ("còn phía X thì ai dự?", "and who led X?") asks
# about the same event even when it names its own party
_CONTRAST = re.compile(r"^(?:còn|thế còn|vậy còn|với|and|but|also|what about|how about)(?!\w)", re.IGNORECASE)
# typed without marks, "con" is "còn" unless it begins a noun ("con số", "con đường", "con người")
_CONTRAST_UNMARKED = re.compile(r"^(?:con|the con|vay con|voi)\b(?! (?:so|duong|nguoi|trai|gai|tau|dau)\b)")
_MAX_SUBJECT_WORDS = 6
# words that tell a language: English function words, Vietnamese question and function words
_ENGLISH_OR_VIETNAMESE = re.compile(
    r"\b(the|a|an|of|in|on|did|does|is|was|were|who|what|when|where|which|how|and|about|that|"
    r"khi|nao|ai|dau|gi|cua|va|voi|tai|da|duoc|cac|nhung|the|thi|sao|bao|nhieu)\b"
)


def resolve(question: str, history: Sequence[Turn] = ()) -> Resolved:
    """The question to answer for ``question`` asked after ``history`` (oldest turn first)."""
    previous: str | None = None
    for turn in history:
        if turn.role == "user" and turn.content.strip():
            previous = _resolve(turn.content, previous).question
    return _resolve(question, previous)


def _resolve(question: str, previous: str | None) -> Resolved:
    question = nfc(question.strip())
    language = detect_language(question)
    if not previous:
        return Resolved(question, language)
    previous = nfc(previous.strip())
    folded = _plain(fold(question))
    if len(_ENGLISH_OR_VIETNAMESE.findall(folded)) < 2:  # "where?", "khi nào?": too few words to tell
        language = detect_language(previous) if not has_diacritics(question) else language
    unmarked = language == "vi-nodiacritics"
    for pattern in _NEW_SUBJECT:
        m = pattern.match(folded)
        if m and len(m.group("x").split()) <= _MAX_SUBJECT_WORDS and not _ASKING.search(m.group("x")):
            subject = _original(question, fold(question).find(m.group("x")), m.group("x"))
            rewritten = _with_subject(previous, subject)
            if rewritten is not None:  # the previous question, asked of X: in the previous one's language
                return Resolved(rewritten, detect_language(rewritten), True, subject)
    q = analyze(question, language)
    contrast = bool(_CONTRAST.match(question.lower()) or (unmarked and _CONTRAST_UNMARKED.match(folded)))
    if (q.names or q.places) and not contrast:
        return Resolved(question, language)  # it names its own subject
    if len(folded.split()) > 8 and not (contrast or _POINTING.search(folded)):
        return Resolved(question, language)  # a question of its own about nothing named
    folded_prev = fold(previous)
    named = sorted((folded_prev.find(n), n) for n in analyze(previous).names if folded_prev.find(n) >= 0)
    own = bool(q.names or q.places)
    # a question that names its own party takes the event, not the previous question's parties
    context = _without_question_words(previous, [(at, len(n)) for at, n in named] if own else [])
    if not context:
        return Resolved(question, language)
    rewritten = f"{question.rstrip(' ?.')} – {context}?"
    joiner = " and " if language == "en" else " và "
    topic = None if own else joiner.join(_original(previous, at, n) for at, n in named[:2]) or None
    return Resolved(rewritten, language, True, topic)


def _plain(folded: str) -> str:
    return " ".join(re.findall(r"\w+", folded))


def _original(text: str, start: int, folded_part: str) -> str:
    """The part of ``text`` whose folded form starts at ``start`` and spells ``folded_part`` (fold keeps
    every character's position; punctuation between words is allowed for)."""
    if start < 0:
        return folded_part
    words = folded_part.split()
    end, pos = start, start
    folded = fold(text)
    for w in words:
        pos = folded.find(w, pos)
        if pos < 0:
            break
        end = pos + len(w)
        pos = end
    return text[start:end]


def _with_subject(previous: str, subject: str) -> str | None:
    """``previous`` asked of ``subject``: a date for its date, a name for its name of the same country
    (or its first name); None when ``subject`` is neither a date nor a name."""
    folded_prev = fold(previous)
    if find_dates(subject) or re.fullmatch(r"(?:nam |in )?\d{4}", fold(subject)):
        dates = find_dates(previous)
        if dates:
            d = dates[0]
            return previous[: d.start] + subject + previous[d.end :]
        year = re.search(r"\b(19|20)\d\d\b", previous)
        if year:
            return previous[: year.start()] + subject + previous[year.end() :]
        return f"{previous.rstrip(' ?.')} {subject}?"
    place = _place(subject)
    named = analyze(subject)
    if not (named.names or named.places or place):
        return None  # "Kết quả hội đàm", "the Prime Minister": not a party of the previous question
    names = analyze(previous).names
    spans = [(folded_prev.find(n), n) for n in names if folded_prev.find(n) >= 0]
    if not spans:
        return f"{subject}: {previous}"
    kind, bare = place or ("", subject)
    countries = places()[fold(bare)] if place else frozenset[str]()
    same = [(at, n) for at, n in spans if countries and places().get(n, frozenset()) & countries]
    at, name = min(same or spans)
    original = _original(previous, at, name)
    if kind and folded_prev[:at].rstrip().endswith(fold(kind)):
        subject = bare  # "với châu Y" -> "với châu X", not "với châu châu X"
    return previous[:at] + subject + previous[at + len(original) :]


def _place(subject: str) -> tuple[str, str] | None:
    """``(kind, name)`` when the gazetteer knows ``subject`` or its end ("châu X", "tỉnh X": X)."""
    words = subject.split()
    for i in range(len(words)):
        if fold(" ".join(words[i:])) in places():
            return " ".join(words[:i]), " ".join(words[i:])
    return None


def _without_question_words(question: str, drop: Sequence[tuple[int, int]] = ()) -> str:
    """The question's words without its question words, the ``drop`` spans (start, length) and final
    punctuation: what it was about."""
    folded = fold(question)
    if len(folded) != len(question):  # (a character whose lower case is longer: keep the words as they are)
        return question.strip(" ?.")
    keep = [True] * len(question)
    spans = [(m.start(), m.end() - m.start()) for m in _ASKING.finditer(folded)] + list(drop)
    for start, length in spans:
        for i in range(start, start + length):
            keep[i] = False
    text = "".join(ch for ch, k in zip(question, keep, strict=True) if k)
    return re.sub(r"\s+", " ", text).strip(" ?.,;:–-")
