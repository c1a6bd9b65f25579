"""The one sentence splitter: underthesea's ``sent_tokenize`` mapped back to exact character offsets.

Articles (chunking, evidence, the timeline) and answers (the grounding check) are split by the same
function. A repair pass re-joins sentences that underthesea splits after an abbreviation ("TP.", "TS.") or
before a piece that opens with a word in lower case ("Bình An Co." / "op ...", "Alibaba." / "com") or with
a comma or a semicolon ("Công ty A Co." / ", có ..."); a paragraph break always ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from rag.gazetteer import starts_with_place
from rag.text import UNDERTHESEA_LOCK

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|Th\.S|Q|P|St|Mr|Mrs|Dr|No|Ths|Ts|TT|Tr|tr|v\.v)\.|\b[A-ZĐ]\.)$"
)
_PARA = re.compile(r"\n\s*\n")


def _goes_on(piece: str) -> bool:
    """``piece`` opens with a word in lower case, a comma or a semicolon: the sentence before it goes on (a
    full stop inside a name, "Co. op", "Co., có ..."), not a new sentence ("iPhone bán chạy" is one: a
    capital inside its first word)."""
    if piece.lstrip()[:1] in (",", ";"):  # (no sentence opens with a comma: "Công ty A Co." / ", có ...")
        return True
    first = piece.split(maxsplit=1)[0] if piece.strip() else ""
    word = first.rstrip(".,;:)”\"'")  # ("op)" of "(Bình An Co. op) cho biết")
    # (not a list's item, a letter or a roman numeral with its mark: "a)", "ii.")
    item = word != first and re.fullmatch(r"[a-z]|[ivx]+", word) is not None
    return word.isalpha() and word.islower() and not item


def breaks_name(line: str, following: str) -> bool:
    """A line broken inside a name: it ends with "TP." and the next line goes on with a city (one of the
    gazetteer, initials, or capitalised words that open no body: "Huế", "HCM", "Thủ Dầu Một"), or it ends
    with a title's abbreviation of two letters or more ("PGS.") and the next line goes on with a name of
    capitalised words ("TS Huỳnh Thành Đạt"). Not initials ("Ảnh: V.Đ."), "v.v.", nor a sentence that
    ends with the abbreviation before one that opens with a body, a title, a pronoun or a preposition
    ("... cho TP." / "Bộ Công Thương ...", "Thiếu tướng Nguyễn ...", "Ông Lâm ...", "Như Tuổi Trẻ ..."),
    or with an organisation's abbreviation ("UBND TP ...")."""
    words = following.split()[:2]
    if re.search(r"(?:^|[\s(])T[Pp]\.$", line):
        return (
            starts_with_place(following[:40])
            or bool(re.match(r"[A-ZĐ]{2,4}\b", following))
            or (
                len(words) == 2
                and all(w[:1].isupper() for w in words)
                and words[0].lower() not in OPENERS | _BODY_HEADS
            )
        )
    return (
        bool(re.search(r"(?:^|[\s(])[A-Z][A-Za-z]+\.$", line))
        and bool(_ABBREV.search(line))
        and len(words) == 2
        and all(w[:1].isupper() for w in words)
        and words[0].lower() not in OPENERS
        and not (words[0].isupper() and len(words[0]) > 3)
    )


# Words that open the name of a body, not of a city ("Bộ Công Thương", "Sở Y tế", "Công an TP ...")
_BODY_HEADS = frozenset("bộ sở cục ban ủy uỷ viện trường hội công ngân tập đảng chính quốc tổng".split())

# Capitalised words that open a sentence rather than go on with a name (pronouns, prepositions, kin
# terms, numerals)
OPENERS = frozenset(
    "ông bà anh chị em cô chú bác như theo tại trong khi sau trước với về do để nếu nhưng còn các những một "
    "hai ba đây đó này chúng họ tôi".split()
)


@lru_cache(maxsize=1)
def _sent_tokenize() -> Callable[[str], list[str]]:
    with UNDERTHESEA_LOCK:  # (its model loaded once, before any other thread calls it)
        from underthesea import sent_tokenize

        sent_tokenize("Hà Nội. Huế.")
    return sent_tokenize


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for match in _PARA.finditer(text):
        yield pos, match.start()
        pos = match.end()
    yield pos, len(text)


def _locate(text: str, pieces: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of each piece in ``text[start:end]``, searched in order (pieces are verbatim)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, cursor, end)
        if found < 0:  # the tokenizer normalised something: fall back to the rest of the paragraph
            spans.append((cursor, end))
            return spans
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``; paragraph breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraph_spans(text):
        para = text[p_start:p_end]
        if not para.strip():
            continue
        lead = len(para) - len(para.lstrip())
        p_start, p_end = p_start + lead, p_start + len(para.rstrip())
        raw = _locate(text, _sent_tokenize()(text[p_start:p_end]), p_start, p_end)
        merged: list[tuple[int, int]] = []
        for s, e in raw:
            # (after an abbreviation; or before a piece that opens with a word in lower case, which no
            # sentence of news does: "Bình An Co." / "op trực tiếp quản lý ...")
            if merged and (_ABBREV.search(text[merged[-1][0] : merged[-1][1]]) or _goes_on(text[s:e])):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        spans.extend(merged)
    return spans
