"""Question analysis: language, question type, the terms and entities it names, meeting ordinals, years.

Rules work on the diacritic-folded question so that "khi nào" and "khi nao" are the same; English
questions are mapped onto Vietnamese terms through a small domain glossary (``rag/data/glossary.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rag.text import fold, has_diacritics, lexical_tokens, nfc

Language = Literal["vi", "vi-nodiacritics", "en"]
QType = Literal["when", "where", "who", "how_many", "list", "yes_no", "what"]

_EN_WORDS = set(
    "the a an what when who whom whose where which how did does do is was were are has have had with of and "
    "to in on for by at from that this these those there their they it its agree agreed sign signed signing "
    "meeting held hold many much between about during after before under led lead according article say said "
    "will would can could should any all each other than into which year date day month city place".split()
)
_VI_WORDS = set(
    "khi nao bao gio ai o dau gi cua va voi tai da duoc cac nhung nam ngay thang tinh chau hop tac ky ket "
    "thoa thuan hoi nghi phien lan thu nhat trong ve cho la co khong mot hai ba bon nhieu may dien ra "
    "chuc nguoi "
    "doan dai bieu lanh dao chu tich bi thu uy ban nhan dan de xuat noi dung cung giua thi sau truoc".split()
)
# Question words and function words: they say what kind of answer is wanted, not what it is about.
_STOP = set(
    "khi nao bao gio ai o dau gi nhung cac la co khong da duoc the nhu thi ma vay nay do ra vao cua va voi "
    "tai trong ve cho mot bao nhieu may hay cho biet xin vui long hoi which what when who whom whose where "
    "how did does do is was were are has have had the a an of and to in on for by at from that this these "
    "those "
    "there their they it its with between about during many much any all into than will would can could "
    "should please tell me according article articles say said".split()
)

_TYPE_RULES_VI: list[tuple[QType, re.Pattern[str]]] = [
    ("how_many", re.compile(r"\b(bao nhieu|may (?!bay)|so luong)\b")),
    (
        "when",
        re.compile(
            r"\b(khi nao|bao gio|ngay nao|ngay may|ngay bao nhieu|thoi gian nao|luc nao|nam nao|"
            r"thang nao|hom nao|thoi diem nao|vao ngay nao|dien ra vao)\b"
        ),
    ),
    (
        "where",
        re.compile(
            r"\b(o dau|tai dau|dia diem nao|dia diem|noi nao|o nao|thanh pho nao|o tinh nao|"
            r"tai tinh nao|dien ra o)\b"
        ),
    ),
    ("who", re.compile(r"(^|\s)(ai|nguoi nao|vi nao|ong nao|ba nao|lanh dao nao|do ai|chuc vu gi)(\s|\?|$)")),
    (
        "list",
        re.compile(
            r"\b(nhung (gi|noi dung|linh vuc|van ban|cua khau|tinh)|cac .{1,40} nao|liet ke|"
            r"gom nhung|bao gom nhung)\b"
        ),
    ),
    ("yes_no", re.compile(r"\b(co .{1,80} khong|phai khong|hay khong|chua)\s*\??\s*$")),
]
_TYPE_RULES_EN: list[tuple[QType, re.Pattern[str]]] = [
    ("how_many", re.compile(r"\b(how many|how much|number of)\b")),
    (
        "when",
        re.compile(r"\b(when|what date|which date|what year|which year|what day|which day|what month)\b"),
    ),
    (
        "where",
        re.compile(r"\b(where|which city|what city|which province|what place|what venue|which venue)\b"),
    ),
    ("who", re.compile(r"\b(who|whom|whose|which official|which leader|what official)\b")),
    ("list", re.compile(r"\b(list|what are the|which .{1,40} were|what .{1,40} were)\b")),
    ("yes_no", re.compile(r"^(did|does|do|is|was|were|has|have|had|can|will)\b")),
]
_ORDINAL = re.compile(
    r"\b(phien hop|hoi nghi|session|meeting|conference)\b[^?.,]{0,40}?\b(?:lan\s+)?(?:thu\s+)?"
    r"(\d{1,2}|nhat|hai|ba|tu|bay|chin|muoi)\b"
    r"|\b(\d{1,2})(?:st|nd|rd|th)\s+(?:\w+\s+){0,4}?(session|meeting|conference)"
    r"|\b(first|second|third|fourth|fifth|seventh|ninth|tenth)\s+(?:\w+\s+){0,4}?(session|meeting|conference)"
)
_WORD_NUM = {
    "nhat": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "bay": 7,
    "chin": 9,
    "muoi": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "seventh": 7,
    "ninth": 9,
    "tenth": 10,
}
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONEY_Q = re.compile(
    r"\b(gia tri|tong muc dau tu|kinh phi|chi phi|kim ngach|von|bao nhieu tien|ty dong|trieu dong|usd|"
    r"value|cost|worth|budget|price|revenue|turnover|how much money)\b"
)


@lru_cache(maxsize=1)
def glossary() -> dict[str, list[str]]:
    """English domain term -> Vietnamese equivalents (NFC)."""
    entries: dict[str, list[str]] = {}
    path = Path(__file__).with_name("data") / "glossary.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, vi = line.split("\t", 1)
        entries[en.strip().lower()] = [nfc(v.strip()) for v in vi.split("|") if v.strip()]
    return entries


def detect_language(question: str) -> Language:
    """English when English function words outnumber Vietnamese ones (names may keep their diacritics)."""
    words = re.findall(r"[a-z']+", fold(question))
    en = sum(w in _EN_WORDS for w in words)
    vi = sum(w in _VI_WORDS for w in words)
    if en > vi and en >= 2:
        return "en"
    return "vi" if has_diacritics(question) else "vi-nodiacritics"


def lexical_query(question: str) -> str:
    """The text lexical search should match: English questions get their Vietnamese glossary terms."""
    if detect_language(question) != "en":
        return question
    return question + " . " + _translate(question)


def question_type(question: str, language: Language) -> QType:
    folded = fold(nfc(question)).strip()
    rules = _TYPE_RULES_EN if language == "en" else _TYPE_RULES_VI
    for qtype, pattern in rules:
        if pattern.search(folded):
            return qtype
    return "what"


def _translate(question: str) -> str:
    """Vietnamese equivalents of the glossary terms an English question uses (longest match first)."""
    text = " " + re.sub(r"[^\w'\- ]+", " ", question.lower()) + " "
    found: list[str] = []
    for term in sorted(glossary(), key=len, reverse=True):
        needle = f" {term} "
        if needle in text:
            found.extend(glossary()[term])
            text = text.replace(needle, " ")
    return " . ".join(found)


@dataclass
class Question:
    text: str
    language: Language
    qtype: QType
    terms: list[str] = field(default_factory=list)
    """Folded content tokens (syllables, bigrams, segmented words) the evidence should contain."""
    names: list[str] = field(default_factory=list)
    """Folded multi-syllable capitalised names / glossary names the question is about."""
    ordinals: list[int] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    search_text: str = ""
    """What lexical matching uses: the question, plus Vietnamese glossary terms for English questions."""
    wants_money: bool = False
    """An amount of money or trade value is asked for: only a sentence with one can answer."""


def analyze(question: str) -> Question:
    """Language, type, content terms, names, meeting ordinals and years of a question."""
    question = nfc(question.strip())
    language = detect_language(question)
    qtype = question_type(question, language)
    search_text = question
    if language == "en":
        translated = _translate(question)
        kept = [w for w in re.findall(r"[A-Z][\w-]+", question) if w.lower() not in _EN_WORDS]
        search_text = translated + " . " + " ".join(kept)
    terms = [t for t in dict.fromkeys(lexical_tokens(search_text, use_segmentation=False)) if _content(t)]
    names = _names(question, search_text)
    folded = fold(question)
    ordinals = []
    for m in _ORDINAL.finditer(folded):
        raw = m.group(2) or m.group(3) or m.group(5)
        if raw:
            ordinals.append(int(raw) if raw.isdigit() else _WORD_NUM.get(raw, 0))
    years = _YEAR.findall(question)
    wants_money = bool(_MONEY_Q.search(folded))
    return Question(
        question, language, qtype, terms, names, [o for o in ordinals if o], years, search_text, wants_money
    )


def _content(token: str) -> bool:
    parts = token.split("_")
    return not all(p in _STOP for p in parts) and not token.isdigit() or _YEAR.fullmatch(token) is not None


def _names(question: str, search_text: str) -> list[str]:
    """Folded runs of two or more capitalised words (Lào Cai, Trịnh Xuân Trường) and glossary names."""
    names: list[str] = []
    for source in (question, search_text):
        run: list[str] = []
        for raw in re.findall(r"[\w-]+|[^\w\s]", source) + ["."]:
            word = raw.strip("-")
            capital = bool(word) and word[0].isupper() and word.isalpha() and len(run) < 5
            if word.lower() in glossary() or word.lower() in _EN_WORDS:
                capital = False
            if capital and not (not run and fold(word) in _STOP):
                run.append(word)
                continue
            if len(run) >= 2:
                names.append(fold(" ".join(run)))
            run = [word] if capital else []
    lowered = " " + re.sub(r"[^\w ]+", " ", question.lower()) + " "
    for term, vi_names in glossary().items():
        if f" {term} " in lowered:
            names.extend(fold(n) for n in vi_names if n[:1].isupper())
    return [n for n in dict.fromkeys(names) if len(n.split()) >= 2]
