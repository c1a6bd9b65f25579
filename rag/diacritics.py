"""Diacritic restoration for questions typed without marks, from the corpus's own vocabulary.

"hoi nghi lan thu nhat" becomes "hội nghị lần thứ nhất": each pair of words (then each word) is
replaced by its most frequent marked spelling in the indexed articles. The dense embedder reads the
restored text (e5 handles marked Vietnamese far better than unmarked); lexical search is folded anyway.
Words the articles never use are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
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

    >>> r = DiacriticRestorer.build(["Hội nghị lần thứ nhất được tổ chức tại Quảng Ninh."])
    >>> r.restore("hoi nghi lan thu nhat o quang ninh")
    'hội nghị lần thứ nhất o quảng ninh'
    """

    def __init__(self, pairs: dict[str, str], words: dict[str, str]) -> None:
        self.pairs = pairs
        self.words = words

    @classmethod
    def build(cls, texts: Iterable[str]) -> DiacriticRestorer:
        # Count spellings first (C-speed Counter updates), fold each distinct word once, then keep the
        # most frequent spelling per folded key; ties go to the spelling met first, as Counter does.
        word_counts: Counter[str] = Counter()
        pair_counts: Counter[tuple[str, str]] = Counter()
        for text in texts:
            tokens = _WORD.findall(text.lower())
            word_counts.update(tokens)
            pair_counts.update(zip(tokens, tokens[1:], strict=False))
        folded = {w: fold(w) for w in word_counts}
        words = _most_frequent((folded[w], w, n) for w, n in word_counts.items())
        pairs = _most_frequent(
            (f"{folded[a]} {folded[b]}", f"{a} {b}", n) for (a, b), n in pair_counts.items()
        )
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


def _most_frequent(entries: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """key -> the spelling with the highest count (the first one met on a tie)."""
    best: dict[str, tuple[int, str]] = {}
    for key, spelling, n in entries:
        current = best.get(key)
        if current is None or n > current[0]:
            best[key] = (n, spelling)
    return {key: spelling for key, (_, spelling) in best.items()}
