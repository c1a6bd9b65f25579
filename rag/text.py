"""Vietnamese text utilities shared by every stage: diacritic folding, normalisation, lexical tokens."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

# character-class contents (for ``[...]``) of the letters Vietnamese text writes: lower case and capitals
# with or without marks ("[a-zà-ỹđ]" would take "Ấ", "Ă", "Đ" for lower case: the range holds capitals)
LOWER = "a-zđ" + "".join(c for c in map(chr, range(0xE0, 0x1EFA)) if c.islower() and c != "đ")
CAPS = "A-ZĐ" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c != "Đ")

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


# the tone mark on the first or the second vowel of "oa", "oe", "uy": "Ủy ban" and "Uỷ ban" are one word
TONE_PAIRS = [
    (f"{row[0]}{tail}", f"{vowel}{row[1]}")  # ("ủy", "uỷ")
    for vowel, tail, rows in (
        ("o", "a", ("òà", "óá", "ỏả", "õã", "ọạ")),
        ("o", "e", ("òè", "óé", "ỏẻ", "õẽ", "ọẹ")),
        ("u", "y", ("ùỳ", "úý", "ủỷ", "ũỹ", "ụỵ")),
    )
    for row in rows
]


def same_tones(text: str) -> str:
    """Lower-case ``text`` with every tone of "oa", "oe", "uy" on the first vowel ("huỷ" -> "hủy"), so
    that both placements compare equal."""
    text = text.lower()
    for first, second in TONE_PAIRS:
        text = text.replace(second, first)
    return text


def nfc(text: str) -> str:
    """Unicode NFC: Vietnamese pages mix composed and decomposed diacritics."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


FOLD_CACHED_CHARS = 1000


def fold(text: str) -> str:
    """Lower-case and strip diacritics (đ -> d): ``"Đà Nẵng"`` -> ``"da nang"`` (texts up to
    ``FOLD_CACHED_CHARS`` are remembered: answering folds the same sentences question after question;
    whole articles are not kept)."""
    return _fold_short(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


def _fold(text: str) -> str:
    return " ".join(_fold_word(w) for w in text.lower().split(" "))


_fold_short = lru_cache(maxsize=8192)(_fold)


def normalize_space(text: str) -> str:
    return _WS.sub(" ", text).strip()


def match_key(text: str) -> str:
    """The key DESIGN.md matching uses: case, diacritics (đ = d) and runs of white space ignored."""
    return normalize_space(fold(nfc(text)))


def has_diacritics(text: str) -> bool:
    """True when the text carries Vietnamese diacritics (or đ)."""
    letters = [ch for ch in text if ch.isalpha()]
    return any(_fold_word(ch) != ch for ch in letters)


def syllables(text: str) -> list[str]:
    """Folded syllables (word characters) of a text."""
    return [_fold_word(w) for w in _WORD.findall(text.lower())]


# underthesea loads its models on their first call, which is not safe from two threads at once (a server
# warms up in one while answering in another: "'NoneType' object has no attribute 'process'")
UNDERTHESEA_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    with UNDERTHESEA_LOCK:
        from underthesea import word_tokenize

        word_tokenize("Hà Nội", format="text")  # (its model loaded here, once, before any other call)
    return word_tokenize


def segment(text: str) -> list[str]:
    """underthesea word segmentation; compound words come back joined by ``_`` (``Lào_Cai``)."""
    if not text.strip():
        return []
    tokens = _segmenter()(text, format="text").split()
    return [t for t in tokens if _WORD.search(t)]


DEFAULT_ABBREVIATIONS = Path(__file__).with_name("data") / "abbreviations.tsv"


@lru_cache(maxsize=4)
def abbreviations(path: Path = DEFAULT_ABBREVIATIONS) -> dict[str, str]:
    """Abbreviations of news writing (``rag/data/abbreviations.tsv``): written form -> the words it
    stands for ("SV" -> "sinh viên")."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, long = line.split("\t")[:2]
            table[nfc(short.strip())] = nfc(long.strip())
    return table


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str] | None:
    table = abbreviations()
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, keys))})(?!\w)")


def spelled_parts(text: str) -> list[str]:
    """The words each abbreviation of ``text`` stands for, in order ("SV ... ĐHQG" -> ["sinh viên", "đại
    học quốc gia"]); not one joined by a hyphen to a foreign word that is no country nor place of the
    gazetteer, whose name it opens ("VN-Index" names no Việt Nam; "VN-Singapore" does)."""
    pattern = _abbreviation()
    if pattern is None:
        return []
    table = abbreviations()
    return [table[m.group(0)] for m in pattern.finditer(text) if not _opens_foreign_name(text[m.end() :])]


def _opens_foreign_name(rest: str) -> bool:
    """``rest`` (the text right after an abbreviation) goes on with a hyphen and a foreign word that opens
    no country nor place of the gazetteer (of up to three words: "-New Zealand", "-Sri Lanka"): "-Index"."""
    from rag.gazetteer import country_aliases, looks_foreign, places

    joined = re.match(r"-(\w+(?:\s+\w+){0,2})", rest)
    if joined is None:
        return False
    words = fold(joined[1]).split()
    named = [" ".join(words[:n]) for n in range(1, len(words) + 1)]
    return looks_foreign(words[0]) and not any(n in country_aliases() or n in places() for n in named)


CACHED_TOKENS = 2048
"""Texts whose tokens are remembered: answering re-reads the same passages and sentences question after
question (a few tens of MB at most); long texts tokenized with segmentation (ingest) are not kept."""


def lexical_tokens(text: str, use_segmentation: bool = True, spell_out: bool = False) -> list[str]:
    """``_lexical_tokens`` (a fresh list), remembered for the texts answering reads again and again."""
    if use_segmentation and len(text) > 500:
        return list(_lexical_tokens.__wrapped__(text, use_segmentation, spell_out))
    return list(_lexical_tokens(text, use_segmentation, spell_out))


@lru_cache(maxsize=CACHED_TOKENS)
def _lexical_tokens(text: str, use_segmentation: bool = True, spell_out: bool = False) -> tuple[str, ...]:
    """Tokens for the BM25 index and queries, all diacritic-folded and lower-cased.

    Three kinds, so that queries typed with or without diacritics match:
    - syllables: ``lao``, ``cai``;
    - adjacent-syllable bigrams within a clause: ``lao_cai`` (robust for diacritic-free queries,
      where word segmentation is unreliable);
    - underthesea compound words: ``lao_cai``, ``thoa_thuan`` (added once more when not already a bigram,
      so segmented multi-syllable names such as ``chau_hong_ha`` also count).
    With ``spell_out`` (the sentences an answer weighs), an abbreviation of news writing ("SV", "Trường
    ĐH") adds the tokens of the words it stands for ("sinh", ``sinh_vien``), so that they match a question
    in either way of writing. Questions and the BM25 index keep the words as written (a question's one
    abbreviation would weigh as many words; a passage's BM25 length would change, and with it the ranking
    of passages the abbreviations have nothing to do with).
    """
    tokens: list[str] = []
    for clause in re.split(r"[.,;:!?()\[\]\"“”'‘’/\-–—\n]+", nfc(text)):
        sy = syllables(clause)
        written = [*sy, *(f"{a}_{b}" for a, b in zip(sy, sy[1:], strict=False))]
        tokens.extend(written)
        if spell_out:  # (the words each abbreviation stands for, once: "sinh", "vien", "sinh_vien")
            known = set(written)
            for long in spelled_parts(clause):
                sy = syllables(long)
                new = [
                    t
                    for t in [*sy, *(f"{a}_{b}" for a, b in zip(sy, sy[1:], strict=False))]
                    if t not in known
                ]
                tokens.extend(new)
                known.update(new)
    if use_segmentation:
        bigrams = set(tokens)
        for word in segment(nfc(text)):
            if "_" in word:
                folded = "_".join(_fold_word(p) for p in word.lower().split("_"))
                if folded not in bigrams:
                    tokens.append(folded)
    return tuple(tokens)
