"""Diacritic restoration for questions typed without marks, from the corpus's own vocabulary.

"hoi nghi lan thu nhat" becomes "hội nghị lần thứ nhất": each pair of words (then each word) is
replaced by its most frequent marked spelling in the indexed articles. The dense embedder reads the
restored text (e5 handles marked Vietnamese far better than unmarked); lexical search is folded anyway.
Words the articles never use are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rag.text import fold

_WORD = re.compile(r"\w+", re.UNICODE)
# Question words are rare in news text, so the articles' own spelling of them is often another word
# ("dau" is "đầu" in articles, "đâu" in questions): these win over the corpus.
QUESTION_WORDS = {
    "o dau": "ở đâu",
    "tai dau": "tại đâu",
    "khi nao": "khi nào",
    "bao gio": "bao giờ",
    "bao nhieu": "bao nhiêu",
    "la ai": "là ai",
    "la gi": "là gì",
    "the nao": "thế nào",
    "ra sao": "ra sao",
    "nao": "nào",
    "gi": "gì",
    "ai": "ai",
    "dau": "đâu",
    "may": "mấy",
    "khong": "không",
    "chua": "chưa",
}


class DiacriticRestorer:
    """Maps folded words and word pairs to their most frequent marked form.

    >>> r = DiacriticRestorer.build(["Hội nghị lần thứ nhất được tổ chức tại Lào Cai."])
    >>> r.restore("hoi nghi lan thu nhat o lao cai")
    'hội nghị lần thứ nhất o lào cai'
    """

    def __init__(self, pairs: dict[str, str], words: dict[str, str]) -> None:
        self.pairs = pairs
        self.words = words

    @classmethod
    def build(cls, texts: Iterable[str]) -> DiacriticRestorer:
        pair_counts: dict[str, Counter[str]] = defaultdict(Counter)
        word_counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            tokens = [w.lower() for w in _WORD.findall(text)]
            for i, w in enumerate(tokens):
                word_counts[fold(w)][w] += 1
                if i + 1 < len(tokens):
                    pair = f"{w} {tokens[i + 1]}"
                    pair_counts[fold(pair)][pair] += 1
        pairs = {k: c.most_common(1)[0][0] for k, c in pair_counts.items()}
        words = {k: c.most_common(1)[0][0] for k, c in word_counts.items()}
        for key, value in QUESTION_WORDS.items():
            (pairs if " " in key else words)[key] = value
        return cls(pairs, words)

    def restore(self, text: str) -> str:
        words = _WORD.findall(text.lower())
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words):
                pair = self.pairs.get(f"{words[i]} {words[i + 1]}")
                if pair:
                    out.extend(pair.split(" "))
                    i += 2
                    continue
            out.append(self.words.get(words[i], words[i]))
            i += 1
        return " ".join(out)
