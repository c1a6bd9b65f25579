"""Grounded answers: evidence sentences chosen inside the retrieved passages, composed with citations.

The offline composer is extractive. It never writes a fact of its own: the answer's lead (a resolved
date, a place, a number) is taken from the chosen sentence, resolved against its article's date, and the
sentence itself is quoted verbatim and cited. When no sentence covers the question well enough the
answer abstains and lists the nearest passages.
"""

from __future__ import annotations

import calendar
import math
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise

import numpy as np

from rag.config import Settings
from rag.dates import DateMention, find_dates, format_en, format_vi, quarter_of
from rag.gazetteer import (
    PERSON_NAME,
    SURNAMES,
    affiliated_person_nouns,
    ambiguous_surnames,
    capitals,
    country_acronyms,
    country_aliases,
    english_country_names,
    english_title_names,
    is_syllable,
    korean_surnames,
    looks_foreign,
    measures,
    office_nouns_en,
    office_titles,
    person_nouns,
    place_prefix,
    places,
    sino_vietnamese_countries,
    starts_with_place,
    title_synonyms,
    titled_surnames,
    titles,
    units,
)
from rag.index import Index
from rag.models import Answer, Article, Citation, Hit, merge_citations
from rag.question import (
    BODY_ROLES,
    EN_WORDS,
    PLACE_KINDS,
    STOP_WORDS,
    TIME_UNITS,
    WHY,
    Language,
    Question,
    analyze,
    compare_sides,
    counted_synonyms,
    counts_things_en,
    exclusive_values,
    glossary,
    meeting_number_pattern,
    mentions_meeting_number,
    money_kinds,
    opposites,
    split_question,
    title_fields,
    verbs,
)
from rag.scorer import EvidenceModel, load_model
from rag.sentences import OPENERS
from rag.text import CAPS as _CAPS
from rag.text import LOWER as _LOWER
from rag.text import (
    abbreviations,
    fold,
    has_diacritics,
    lexical_tokens,
    same_tones,
    segment,
    spelled_parts,
    syllables,
)
from rag.timeline import answer_from_timeline


@dataclass(frozen=True)
class AnswerParams:
    """The composer's weights and thresholds (``Settings.answer_*``; meanings in rag/config.py)."""

    count_fit: float = 0.45
    dated_share: float = 0.6
    runner_up: float = 0.6
    keep_share: float = 0.6
    title_discount: float = 0.3
    timeline_min_records: int = 2
    min_coverage: float = 0.25
    verdict_share: float = 0.6
    stated_share: float = 0.5
    max_words: int = 120
    threshold: float | None = None
    """Abstain below this probability that the question is answered (None: the learned threshold)."""
    model: EvidenceModel | None = None
    """The learned evidence models (None: the shipped ``rag/data/scorer.json``)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> AnswerParams:
        return cls(
            count_fit=settings.answer_count_fit,
            dated_share=settings.answer_dated_share,
            runner_up=settings.answer_runner_up,
            keep_share=settings.answer_keep_share,
            title_discount=settings.answer_title_discount,
            timeline_min_records=settings.timeline_min_records,
            threshold=settings.answer_threshold,
            min_coverage=settings.answer_min_coverage,
            verdict_share=settings.answer_verdict_share,
            stated_share=settings.answer_stated_share,
            max_words=settings.answer_max_words,
        )


DEFAULT_PARAMS = AnswerParams()
# an amount: a number, an optional scale word and a currency ("1,8 tỷ USD", "49 triệu euro", "10 tỉ đô
# la", "200 triệu USD", "$5 billion"), or a number with a scale word alone ("6,5 tỷ")
_SCALE = r"(?:(?:nghìn|ngàn)\s+t[ỷỉ]|tỷ|tỉ|triệu|nghìn|ngàn|trăm|billion|million|thousand|bn|tr)"
_CURRENCY = (
    r"(?:đồng(?!\s+(?:chí|thời|ý|tình|hành|bộ|minh|nghiệp))|VNĐ|VND|USD|US\$|đô\s*la|đôla|NDT|nhân\s+dân\s+tệ|"
    r"euro|EUR|yên|yen|won|rúp|ruble|bảng\s+Anh|SGD|ringgit|baht|kip|riel|peso|%)"
)
_COUNTED_THINGS = (
    r"(?:cổ\s+phiếu|cổ\s+phần|người|tấn|lượt|khách|thùng|thành\s+viên|lao\s+động|học\s+sinh|sinh\s+viên"
    r"|hộ|liều|chiếc|con|lít|thuê\s+bao|tài\s+khoản|sản\s+phẩm|shares|people|tonnes|tons|barrels|doses"
    r"|hành\s+khách|du\s+khách|cử\s+tri|công\s+nhân|cư\s+dân|dân|xe|phương\s+tiện|hội\s+viên|đảng\s+viên"
    r"|việc\s+làm|visitors|users|subscribers|passengers|tourists|vehicles|voters|workers|jobs)\b"
)
_MONEY = re.compile(
    rf"(?:US)?\$\s*\d[\d.,]*(?:\s*{_SCALE})?|\d[\d.,]*\s*(?:{_SCALE}\s*)?{_CURRENCY}"
    # (a bare scale, not one counting a thing: "14,5 triệu cổ phiếu", "2 triệu người" are no money)
    rf"|\d[\d.,]*\s*(?:(?:(?:nghìn|ngàn)\s+)?t[ỷỉ]|triệu|billion|million)\b(?!\s+{_COUNTED_THINGS})",
    re.IGNORECASE,
)
# the kinds of place written in lower case before a place's name ("ở bang X", "tại khu vực vùng hồ X")
_PLACE_KINDS = (
    r"thành phố|tỉnh|huyện|châu|thủ đô|điểm cầu(?: tỉnh)?|Trung tâm|bang|vùng|khu vực|quận|xã|phường|"
    r"thị xã|thị trấn|đảo|sân vận động|sân bay(?: quốc tế)?|sân|cảng|vịnh|hồ|miền|khách sạn|nhà hát|"
    r"bệnh viện|hội trường|nhà khách|làng|thôn|khu|trụ sở|TP\.|Tp\."  # ("tại TP. Thủ Dầu Một")
)
# particles inside foreign names ("Omar bin Khalid", "Jisr al - Shughur", "Vincent van Gogh")
_NAME_PARTICLES = frozenset("bin al el de du da von van".split())
_PLACE_PARTICLE = "|".join(sorted(_NAME_PARTICLES))
_PLACE = re.compile(
    r"\b(?:[Tt]ại|[Ởở]|trên(?=\s+sân\b(?!\s+khấu)))\s+"  # (sentence-initial too: "Tại Hà Nội, ...")
    r"(?!Hội nghị|Hội đàm|Hội thảo|Diễn đàn|Đại hội|Kỳ họp|Phiên họp|Lễ|Chương trình|Liên hoan"
    r"|Cuộc\b|Buổi\b|Đối thoại)"
    # (a kind of place and up to four words that qualify it: "tại làng đình chiến Panmunjom", "tại thành
    # phố công nghiệp điện tử Lạc Sơn")
    # (not "của", "và": "tại Thủ đô của Kazakhstan" names a kind of place alone)
    # (not a word that makes the kind another word, "xã hội", "sân khấu", nor "khu này"; a stage with its
    # name is a place, "tại sân khấu Ngôi Sao", not "trên sân khấu Việt Nam", the stage as an art)
    rf"((?:(?i:{_PLACE_KINDS})\s+(?!hội\b|khấu\b(?!\s+[{_CAPS}]))(?:(?!của\b|và\b|với\b|này\b|đó\b|ấy\b|kia\b|có\b|nơi\b|mà\b|đặt\b|được\b|là\b|từng\b|đang\b)[{_LOWER}]+\s+){{0,4}}?){{0,3}}"
    # ("TP.HCM", "Trường ĐH Tôn Đức Thắng"; a particle inside a foreign name: "Jisr al - Shughur")
    rf"(?:TP\.|Tp\.)?[{_CAPS}][\wÀ-ỹ]*(?:(?:\s+(?:{_PLACE_PARTICLE})(?:\s+-)?)?\s+[{_CAPS}][\wÀ-ỹ]*"
    # (a particle between spaced hyphens: "Villa - de - Sol")
    rf"|\s+-\s+[a-z]{{1,4}}\s+-\s+[{_CAPS}][\wÀ-ỹ]*){{0,4}})"
)
# an office held in a place ("đại sứ Mỹ tại Philippines", "Tổng lãnh sự quán Việt Nam tại Osaka"), whose
# place is no event's
_OFFICE_IN = re.compile(
    r"\b(?P<office>đại sứ(?: quán)?|tổng lãnh sự(?: quán)?|lãnh sự(?: quán)?|cơ quan đại diện"
    r"|văn phòng đại diện|trưởng đại diện|phóng viên thường trú|thường trú)(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3}\s+$",
    re.IGNORECASE,
)


_WHO_STANDS_WHERE = re.compile(
    r"\s*(?:[Tt]ừ (?:trái|phải) (?:qua|sang)(?: phải| trái)?|\((?:trái|phải)\))\s*[,:]"
)


def _only_asks(text: str) -> bool:
    """``text`` is a question the article itself asks ("Câu hỏi là liệu A có ... hay không?"): it ends in a
    question mark, outside quotation marks, with a word that asks ("liệu", "phải chăng", "hay không"),
    and is neither an interviewer's ("* Ông có ...?") nor one it reports someone asked ("A hỏi B vì sao
    ...?", "A chất vấn: ...?")."""
    return bool(
        _QUESTION_MARK_END.search(text)
        and _ASKS_ITSELF.search(text)
        and not _INTERVIEW_MARK.match(text)
        and not _REPORTED_QUESTION.search(text)
        and ":" not in text
        and not re.search(r"[“\"][^“”\"]*\?[\s\"”’)]*$", text)
    )


_ASKS_ITSELF = re.compile(r"\b(?:liệu|phải chăng|hay không|hay chưa|có phải)\b", re.IGNORECASE)
# (someone asked: "A hỏi B ...", "chất vấn"; not "câu hỏi", the question the article poses)
_REPORTED_QUESTION = re.compile(
    r"\b(?:(?<!câu )hỏi|chất vấn|đặt câu hỏi|thắc mắc|băn khoăn)\b", re.IGNORECASE
)
_INTERVIEW_MARK = re.compile(r"\s*(?:[*•–-]|(?:Hỏi|PV|Phóng viên)\s*:)")
_QUESTION_MARK_END = re.compile(r"\?[\s\"”’)]*$")  # (a sentence that ends in a question mark, quoted or not)


def _lists_asked(q: Question, text: str) -> bool:
    """``text`` writes "gồm" after at least two pairs of the words the question writes before its own
    "gồm" (within the seven words before it): it lists the very thing asked. ("thu gom", to collect, is
    no "gồm".)"""
    asked = re.split(r"(?<!thu) gom ", q.words, maxsplit=1)[0].split()
    pairs = set(zip(asked, asked[1:], strict=False))
    words = _WORD.findall(same_tones(text).lower())
    return any(
        len(pairs & set(zip(before, before[1:], strict=False))) >= 2
        for i, w in enumerate(words)
        if w == "gồm" or (w == "gom" and not has_diacritics(q.text) and words[i - 1 : i] != ["thu"])
        for before in [[fold(b) for b in words[max(0, i - 7) : i]]]
    )


def _signs_asked(q: Question, text: str) -> bool:
    """``text`` says someone signed (``_SIGNED_BY``) and, of a Vietnamese question, names the paper the
    question names after its "ký" (two words: "Ai đã ký công văn ..." and "A vừa ký công văn gửi ...",
    "Công văn do A ký"; not "A từng ký thư gửi ...")."""
    if not _SIGNED_BY.search(text):
        return False
    paper = re.search(r" ky (?:ket )?(\w+ \w+) ", q.words) if q.language != "en" else None
    return paper is None or f" {paper.group(1)} " in f" {' '.join(_WORD.findall(fold(text)))} "


def _office_asked_before(q: Question, text: str, place: re.Match[str]) -> bool:
    """The where-phrase ``place`` of ``text`` is the place of an office (``_OFFICE_IN``) that the question
    names too ("the city's representative office" for "văn phòng đại diện TP A tại Nhật Bản"), and not a
    place the question names itself ("Đại sứ A tại B trình quốc thư ở đâu": not B)."""
    office = _OFFICE_IN.search(text[max(0, place.start() - 40) : place.start()])
    if office is None:
        return False
    asked = f" {' '.join(_WORD.findall(fold(q.search_text)))} "
    where = " ".join(_WORD.findall(fold(place.group(1))))
    return (
        f" {' '.join(_WORD.findall(fold(office.group('office'))))} " in asked
        and f" {where} " not in asked
        and not person_names(place.group(1))  # (not the place run into its holder's name: "tại B Lê Văn A")
    )


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` inside quotation marks ("..." or “...”) that quote words said (more than
    three words; not a quoted name, "\" Chợ Đêm \"")."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text) if len(_WORD.findall(m.group(0))) > 3]


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


# where someone lives or comes from, right before a place ("trú tại", "ngụ ở", "quê ở"), and a question
# asking it (folded)
_HOME_BEFORE = re.compile(r"\b(?:trú|ngụ|cư trú|thường trú|tạm trú|quê|quê quán)\s*$", re.IGNORECASE)
# the place after "quê (quán)" or "sinh (ra) ở": at most four capitalised words after a kind of place if
# any, and the larger units after it, each with its kind ("quê ở xã A, huyện B, tỉnh C")
_HOME_KIND = r"(?:tỉnh|huyện|xã|thành phố|thị xã|thị trấn|quận|phường|thôn|ấp|TP\.?)\s*"
_HOME_PLACE = re.compile(
    r"(?:\b[Qq]uê(?:\s+(?:quán|gốc|nội))?(?:\s*:)?(?:\s+(?:ở|tại))?|\bsinh\s+(?:ra\s+)?(?:ở|tại))\s+"
    rf"((?:{_HOME_KIND})?[{_CAPS}]\w*(?:\.[{_CAPS}]\w*)*(?:\s*-?\s*[{_CAPS}]\w*){{0,3}}"
    rf"(?:\s*,\s*(?:{_HOME_KIND})?[{_CAPS}]\w*(?:\s+[{_CAPS}]\w*){{0,3}})*)"
)
# a hometown asked, a question's word right after "quê" (as written with marks, "quê", not "quế"; and
# folded: not "Trần Văn Lộc, quê ở Nghệ An, bị bắt tại đâu"); a home of any kind, folded
_HOMETOWN_EN = r"hometown|home town|native province"
_HOMETOWN_FOLDED = rf"que (?:o|quan|tai)|{_HOMETOWN_EN}"
_ASKS_HOMETOWN = (
    re.compile(
        r" (?:quê(?: quán| gốc)?(?: ở| tại)? (?:đâu|(?:tỉnh|huyện|xã|thành phố|quận|phường|nơi) nào)"
        rf"|{_HOMETOWN_EN}) "
    ),
    re.compile(
        r" (?:que(?: quan| goc)?(?: o| tai)? (?:dau|(?:tinh|huyen|xa|thanh pho|quan|phuong|noi) nao)"
        rf"|{_HOMETOWN_EN}) "
    ),
)
_ASKS_HOME = re.compile(
    r" (?:(?:song|sinh song|tru|ngu|cu tru) (?:o|tai)|lives?|lived|living|resides?|resided"
    rf"|{_HOMETOWN_FOLDED}) "
)


def _home_place(q: Question, text: str) -> re.Match[str] | None:
    """The place ``text`` writes after "quê (quán, gốc)" or "sinh ra ở" (``_HOME_PLACE``; "quê" first) when
    the question asks someone's hometown: one of its units a place of the gazetteer or written with its
    kind ("tỉnh Bình An"), of the kind asked if any ("quê ở xã nào": "xã Tân Lập"), not a place the
    question names itself; of the one asked, the last person named before it being one the question
    names, if any is (not "Vợ ông A, bà B, quê Nam Định"). None otherwise."""
    if not _says(q, *_ASKS_HOMETOWN):
        return None
    kind = re.search(r" (tinh|huyen|xa|thanh pho|tp|thi xa|thi tran) nao ", q.words)
    asked = [n for n in required_names(q) if n not in q.places]
    # (where someone's "quê" is written, over where they were born: "sinh ra ở A nhưng quê gốc B")
    for m in sorted(_HOME_PLACE.finditer(text), key=lambda m: not m.group(0)[:1].lower() == "q"):
        people = [n for n in person_names(text) if 0 <= text.find(n) < m.start()]
        last = max(people, key=lambda n: text.rfind(n, 0, m.start()), default=None)
        if asked and last is not None and not any(_holds(_words_of("", last), n) for n in asked):
            continue
        units = [u.strip() for u in m.group(1).split(",")]
        # (a unit written with its kind is one, "tỉnh Bình An", whether or not the gazetteer knows it)
        bare = [re.sub(rf"^{_HOME_KIND}", "", u) for u in units]
        if any(
            (starts_with_place(b) or b != u)
            and (kind is None or fold(u).startswith(f"{kind.group(1)} ") or starts_with_place(b))
            and (_place_fits(q, u) or _place_fits(q, b))
            for u, b in zip(units, bare, strict=True)
        ):
            return m
    return None


def _places_in(text: str) -> Iterator[re.Match[str]]:
    """The where-phrases of ``text`` (``_PLACE``), not the place of an office (``_OFFICE_IN``) that the
    clause names after its subject ("cho biết đại sứ Mỹ tại Philippines"): the office that opens its
    clause is where its act is ("Đại sứ quán Việt Nam tại Lào tổ chức lễ ..."), and so is a venue
    ("tiếp Đại sứ Nhật Bản tại trụ sở Chính phủ")."""
    for m in _PLACE.finditer(text):
        if _TOPIC_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # ("thảo luận về cuộc khủng hoảng tại Syria": what was discussed, not where)
        if _affiliation_before(text[max(0, m.start() - 40) : m.start()]):
            continue  # ("theo A, chuyên gia tại Trung tâm B": where A works, not where anything was)
        office = _OFFICE_IN.search(text[max(0, m.start() - 40) : m.start()])
        if office is not None:
            before = re.split(r"[,.;:]", text[: max(0, m.start() - 40) + office.start()])[-1]
            venue = re.match(rf"(?i:{_PLACE_KINDS})\s", m.group(1))
            if before.strip() and not venue:
                continue
        yield m


def _affiliation_before(before: str) -> bool:
    """A kind of person whose place is where they work (``person-nouns.tsv``, "affiliated"), with up to
    two words that qualify it, set after a name by a comma right before the place's "tại"/"ở": "Pavel
    Ostrov, chuyên gia tại", "B, nhà nghiên cứu cấp cao ở" (not "nói với phóng viên tại C", where it was
    said; nor after a place or a source, "Vụ nổ xảy ra ở Syria, nhà nghiên cứu ở Aleppo", "Theo Reuters,
    chuyên gia ở Paris")."""
    m = _affiliation_re().search(before)
    if m is None:
        return False
    words = m.group("name").split()
    before_name = re.findall(r"\w+", before[: m.start()])[-1:]
    if words[0].lower() in OPENERS:  # ("Theo A B," opening the sentence)
        before_name, words = words[:1], words[1:]
    name = " ".join(words)
    # (a source of one word, "Theo Reuters,"; "theo A B," is a person's name)
    source = bool(before_name) and before_name[0].lower() in OPENERS and len(words) == 1
    return bool(words) and not (
        source or fold(name) in places() or fold(name) in country_aliases() or starts_with_place(name)
    )


@lru_cache(maxsize=1)
def _affiliation_re() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(affiliated_person_nouns(), key=len, reverse=True))
    word = rf"[{_CAPS}][\w'’-]*"
    return re.compile(rf"(?P<name>{word}(?:\s+{word}){{0,3}}),\s*(?i:{nouns})(?:\s+[^\W\d_]+){{0,2}}?\s*$")


# a matter a place belongs to, right before it ("cuộc khủng hoảng tại Syria", "tình hình an ninh ở Biển
# Đông"): a topic, not where an event was
_TOPIC_BEFORE = re.compile(
    r"\b(?:khủng hoảng|xung đột|tình hình|chiến sự|cuộc chiến|chiến tranh|căng thẳng|bạo lực|bất ổn"
    r"|nội chiến|tranh chấp)(?:\s+[a-zà-ỹđ]+){0,2}\s*$",
    re.IGNORECASE,
)
_DAY_PARTS = frozenset("sang trua chieu toi dem hom ngay".split())
# a kind of venue written before its name in lower case
_VENUE_KIND = re.compile(
    r"(?i:đại lễ đường|cung điện|cung văn hóa|cung văn hoá|quảng trường|bảo tàng|nhà hát|nhà khách|lăng|dinh)"
    r"(?!\w)"
)
# a kind of administrative place without its name ("Thủ đô", not "Sân vận động" of a school)
_BARE_KIND = re.compile(
    r"(?i:thành phố|tỉnh|huyện|châu|thủ đô|quận|xã|phường|thị xã|thị trấn|bang|vùng|khu vực|miền)"
)
# near a place: "gần quần đảo A", "ngoài khơi (bờ biển) B" (a kind of place between at most; not "rất gần",
# "xích lại gần", ties)
_NEAR_PLACE = re.compile(
    r"(?<!lại )(?<!rất )(?<!khá )(?<!càng )(?<!sát )(?<!quá )(?<!\w)((?i:gần|ngoài khơi))\s+"
    r"((?:(?:quần đảo|đảo|bờ biển|vùng biển|thành phố|tỉnh|bang)\s+)?"
    r"([A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3}))"
)
_NEAR_EN = {"gan": "near", "ngoai khoi": "off"}
# what happens at a place, in the clause before "gần"/"ngoài khơi" ("diễn ra ngày 27/6 gần quần đảo A")
_HAPPENS = re.compile(
    r"(?<!\w)(?:diễn ra|xảy ra|nằm|tổ chức|tập trận|đóng quân|hoạt động|rơi|chìm|bị bắt|bắt giữ|tấn công"
    r"|phát hiện|neo đậu|mắc cạn|mất tích|đâm|bốc cháy|phát nổ|tuần tra)(?!\w)",
    re.IGNORECASE,
)


# what puts another event between the act and the place ("diễn ra ... giữa lúc Trung Quốc tuần tra gần A")
# (a word of time or cause followed by an actor)
_OTHER_EVENT = re.compile(
    r"(?<!\w)(?i:khi|lúc|giữa|sau|trước|trong bối cảnh|do|vì|về|bàn|mà|nơi|để|và|nhằm)(?!\w)"
    # (with an actor of its own, a capitalised name within three words: not "rơi lúc 10h sáng 5/3 gần A",
    # "chìm khi đang đánh bắt gần B")
    r"(?=(?:\s+[\w/]+){0,3}?\s+[A-ZĐ])"
)


_TOOK_PLACE = frozenset(("dien ra", "xay ra", "to chuc"))


def _near_fits(q: Question, text: str, m: re.Match[str]) -> bool:
    """``m`` (``_NEAR_PLACE``) names a place of the gazetteer, or off a country's coast ("ngoài khơi
    Somalia"), that the question does not already name (``_place_fits``), where the act asked happens: it
    opens the sentence, or the last verb of happening (``_HAPPENS``) before it in its clause is one the
    question writes (or an English question's glossary term for it), or says only that it took place
    ("diễn ra", ``_TOOK_PLACE``), with no other event between
    (``_OTHER_EVENT``; not "diễn ra ... giữa lúc Trung Quốc tăng cường tuần tra gần A")."""
    name = m.group(3)
    off = fold(m.group(1)) == "ngoai khoi"
    if not (starts_with_place(name) or (off and fold(name) in country_aliases())):
        return False
    before = text[: m.start()]
    if before.strip():
        clause = _CLAUSE_MARK.split(before)[-1]
        happens = list(_HAPPENS.finditer(clause))
        verb = fold(happens[-1].group(0)) if happens else ""
        # (or one that says only that it happened, "diễn ra", "xảy ra", "tổ chức", for "được tổ chức ở đâu",
        # "tập trận ở đâu")
        asked = bool(verb) and (
            f" {verb} " in q.words or verb.replace(" ", "_") in q.terms or verb in _TOOK_PLACE
        )
        if not asked or _OTHER_EVENT.search(clause[happens[-1].end() :]):
            return False
    return _place_fits(q, m.group(2))


# where someone goes ("tới thăm X", "đến X", "sang X", "thăm X"): a place only when the gazetteer knows it
_DESTINATION = re.compile(
    r"\b(?:tới|đến|sang|thăm)(?:\s+thăm)?\s+"
    r"((?:(?:bang|tỉnh|thành phố)\s+)?[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})"
)
# (one the gazetteer does not know, described as a place right after it: "tới thăm Tháp Hữu nghị, nơi ...")
# (a name in capitals with at most one word in lower case at its end, "Tháp Hữu nghị"; not "sang Bộ Ngoại
# giao năm 2010, nơi", nor a place only spoken of, "nhắc đến X, nơi")
_DESTINATION_DESCRIBED = re.compile(
    r"(?<!nhắc )(?<!nói )(?<!cập )\b(?:tới|đến|sang|thăm)(?:\s+thăm)?\s+"
    r"([A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*)*(?:\s+[a-zà-ỹđ]+)?),\s+nơi\s"
)
# a verb of speaking of something right before "đến"/"tới" ("nói đến", "liên quan đến"), or with up to two
# words after it ("đề cập trực tiếp đến", "nhắc lại tới"; not "nói sẽ đến Hà Nội")
_SPOKEN_OF = re.compile(r"\b(?:(?:đề cập|nhắc|ám chỉ)(?:\s+\w+){0,2}|nói|liên quan|bàn)\s*$", re.IGNORECASE)
_PERSON = re.compile(
    r"\b(?:đồng chí|ông|bà)\s+[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*)+|(?:[A-ZĐ][\wÀ-ỹ]+\s+){2}[A-ZĐ][\wÀ-ỹ]+"
)
# an honorific (lower case inside a sentence, capitalised only at its start: "Bà Rịa", "Bà Nà", "đường
# Ông Ích Khiêm" are places) and the name it introduces
# a capitalised word, with the parts a hyphen joins, spaced or not ("Jean - Claude", "Jae - in": how
# Vietnamese news writes foreign given names; ``_joined_name`` cuts an office joined the same way)
# capital letters (in U+1EA0..U+1EF9, "Ạ".."ỹ", capitals and small letters alternate: "ở" is no capital)
# (after a spaced hyphen, no Vietnamese function word nor first syllable of a verb of saying or doing, as
# written: "tỉnh Tân Lập - cho hay", "Quảng Nam - nơi có", "tỉnh Bình An - cam kết", a dash closing an
# aside; a given name's syllables, "Jae - in", "Vo - la - chít", are none of them)
_AFTER_ASIDE = (
    "cho|và|là|nơi|người|thì|khi|để|với|còn|sau|tại|ngày|rồi|nhưng|mà|sẽ|đã|đang|cũng|có|không|được|bị|từ"
    "|trong|theo|cam|chia|trao|lo|mong|tin|ghi|nói|khẳng|nhấn|phát|đề|yêu|kiến|giải|bày|nêu|tiết|thông|chỉ"
    "|hứa|ký|tham|trả|đánh|nhận|xác|công|tuyên|đồng|bác|phản|kêu|nhắc|chúc|gửi|làm|về|đến|tới"
)
_CAP_WORD = (
    rf"[{_CAPS}][\w'’]*(?:-[\w'’]+)*"
    rf"(?:\s-\s(?!(?:{_AFTER_ASIDE})(?![\w'’]))[\w'’]+(?:-[\w'’]+)*)*"
)
# (a lower-case particle inside a foreign name: "Albert del Rosario", "Ursula von der Leyen", "Mohammed
# bin Salman", "Lula da Silva"; between two capitalised words only)
_PARTICLE = r"(?:\s+(?:al|el|de|del|della|di|du|da|dos|das|von|van|der|den|ter|bin|ibn|le|la)){1,2}\s+"
# a capitalised word no capitalised word follows ("Văn phòng Nội các Ostrov nói")
_LONE_SURNAME = re.compile(rf"(?<![\w-])[{_CAPS}][^\W\d_]+(?![\w-])(?!\s+[{_CAPS}])")
# (and a doctor's title, the name right after it: "tiến sĩ Lorinda Kemp", "Bác sĩ Nguyễn Văn An"; not
# where the doctor works, "Bác sĩ Bệnh viện A", "Tiến sĩ Kinh tế học")
_HONORIFIC_NAME = re.compile(
    rf"(?:(?<!\w)(?:ông|bà|ngài)|(?:^|(?<=[.!?:;“\"(]\s)|(?<=[.!?:;“\"(]))(?:Ông|Bà|Ngài)|(?<!\w)M(?:r|rs|s)\.?"
    rf"|(?<!\w)(?:[Tt]iến\s+sĩ|[Bb]ác\s+sĩ|TS\.?|BS\.?|P?GS\.?))"
    rf"\s+(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}|(?<=\w){_PARTICLE}{_CAP_WORD}){{0,3}})(?!\w)"
)
# a company or a body a few words before a country and a name ("tập đoàn năng lượng Nga Gazprom Neft",
# "hãng xe Hàn Quốc Hyundai Motor"), written with its marks (folded, "hang" is also "hàng")
_BODY_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(
        same_tones(w) for w in ("tập đoàn", "công ty", "hãng", "ngân hàng", "tổ chức", "quỹ", "doanh nghiệp")
    )
    + r")\b"
)
# the last word of a company's name, not of a person's
_COMPANY_END = frozenset(
    "inc corp corporation group motor motors holdings ltd co company electronics airlines".split()
)
# (and what is named after a person: a street, a school, a bridge, a hospital, "Trường THCS Lê Văn A",
# "đường Trần Văn B": no person)
_PLACE_BEFORE = re.compile(
    r"(?<!\w)(tỉnh|châu|thành phố|huyện|xã|cửa khẩu|ga|sông|thị xã|thị trấn|phường|quận|đường|phố|đại lộ|"
    r"trường|THCS|THPT|tiểu học|mầm non|chuyên|ĐH|đại học|(?<!yêu )(?<!nhu )(?<!toàn )cầu|bệnh viện|"
    r"sân vận động"
    # (a house's number: "số 86/5 Trần Phú", "(12A Lê Lợi", "tại 86 Lê Lợi", "ngõ 12 Lê Lợi" is a
    # street; not "áo số 9 Trần Văn A", "tay vợt số 1 B", a shirt's number or a rank, nor a date, "ngày
    # 26/2 A")
    r"|(?:\(|\b(?:tại|ở|nhà|địa chỉ|ngõ|hẻm|ngách|kiệt)\s+)(?:số\s+)?\d+[\w/-]*"
    r"|\bsố\s+\d+[A-Z]?(?:/\w+)+)\s*$",
    re.IGNORECASE,
)
# "Bí thư Tỉnh ủy Phong Châu Nguyễn An": "Châu" ending a place's name, not the word "châu" before a place
_PLACE_NAME_ENDING = re.compile(r"[A-ZĐ][\wÀ-ỹ]*\s+Châu\s*$")
_NOT_A_NAME = re.compile(r"^(?:Văn (?:Hóa|Hoá|Kiện)|Lê Ninh)\b")  # capitalised common nouns, Lenin
_ASKS_PLAN = re.compile(r"\b(du kien|ke hoach|se|sap|expected|planned|scheduled|will|plan)\b")
_COUNT_WORDS = r"(?:\d+|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
_NUMBER = re.compile(r"(?<![\d/.,])(\d{1,3}(?:[.,]\d{3})*|\d+)(?![\d/])")
_PLANNED = re.compile(r"\b(dự kiến|sẽ|tới|sắp|kế hoạch|đề nghị cấp có thẩm quyền cho phép)\b", re.IGNORECASE)


@dataclass
class Evidence:
    """A candidate sentence of a retrieved passage, with its score for the question."""

    hit: Hit
    rank: int
    article: Article
    start: int
    end: int
    text: str
    coverage: float = 0.0
    own: float = 0.0
    """Share of the question's weighted terms in the sentence itself (no passage credit)."""
    score: float = 0.0
    """The learned scorer's probability that this sentence answers the question."""
    base: float = 0.0
    """The score without the type fit, so that another part of the question can be scored."""
    dates: list[DateMention] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    """The scorer's inputs (``rag.scorer.FEATURES``)."""
    absent: float = 0.0
    """Share of the question's weighted terms found neither in the sentence nor in its passage."""
    held: dict[str, float] = field(default_factory=dict)
    """The question's terms in the sentence itself, with their shares of the weight (summing to ``own``)."""

    @property
    def doc_id(self) -> str:
        return self.hit.chunk.doc_id

    @property
    def planned(self) -> bool:
        return bool(_PLANNED.search(self.text)) or any(d.future for d in self.dates)


def idf_table(index: Index) -> dict[str, float]:
    """IDF of the index's lexical tokens, computed once per loaded generation."""
    if "idf" not in index.memo:
        idf = index.lexical.idf()
        index.memo["idf_top"] = max(idf.values(), default=1.0)
        index.memo["idf"] = idf
    table: dict[str, float] = index.memo["idf"]
    return table


def _reference(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def candidates(hits: list[Hit], index: Index) -> list[Evidence]:
    """Every sentence of the retrieved passages once, attributed to the best-ranked passage holding it."""
    seen: set[tuple[str, int]] = set()
    out: list[Evidence] = []
    for rank, hit in enumerate(hits, start=1):
        article = index.articles.get(hit.chunk.doc_id)
        if article is None:
            continue
        for start, end in hit.chunk.sentences:
            key = (article.doc_id, start)
            if key in seen:
                continue
            seen.add(key)
            out.append(Evidence(hit, rank, article, start, end, article.text[start:end]))
    return out


def _weights(q: Question, idf: dict[str, float], top: float | None = None) -> dict[str, float]:
    """IDF weights of the question's terms; bigrams count 1.5 times. A term the articles never use weighs
    the most: the question is about something they do not cover, which lowers its support."""
    top = max(idf.values(), default=1.0) if top is None else top
    # an English word in lower case that no article uses is one the glossary could not translate, not
    # a sign that the articles do not cover the question (a name they do not use still is)
    vocabulary = set(re.findall(r"\b[a-z][a-z'-]+", q.text)) if q.language == "en" else set()
    return {
        t: idf.get(t, top) * (1.5 if "_" in t else 1.0) for t in q.terms if t in idf or t not in vocabulary
    }


def _type_fit(q: Question, ev: Evidence, qtype: str, p: AnswerParams = DEFAULT_PARAMS) -> float:
    text = ev.text
    fit = 0.0
    if qtype == "when" and ev.planned and not _ASKS_PLAN.search(fold(q.text)):
        fit -= 0.15  # "when was it held": a report that it took place beats one that it was planned
    if qtype == "when":
        best = max(
            (0.25 if d.precision == "day" else 0.15 if d.precision == "month" else 0.1 for d in ev.dates),
            default=0.0,
        )
        fit += best
        if best and q.years and all(y in text for y in q.years):
            fit += 0.1  # "when was the 2019-2023 agreement signed": its own sentence, not its successor's
    elif qtype == "where":
        fit += 0.2 if next(_places_in(text), None) or _address(text) else 0.0
    elif qtype == "who":
        fit += 0.3 if _PERSON.search(text) or has_person(text) else 0.0
        title = fold(ev.article.title)
        own = [n for n in q.names if n not in q.places and n not in title]
        if own and any(person_names(c) and any(n in fold(c) for n in own) for c in text.split(";")):
            fit += 0.2  # the person belongs to what the question names ("Quảng Ninh's Party Secretary")
    elif qtype == "how_many":
        fit += _count_fit(q, ev, p)
    elif qtype == "list" and _ENUMERATION.search(text):
        fit += 0.2  # "ký các văn bản hợp tác như A, B và C", "gồm: A; B"
    folded = fold(text)
    title = fold(ev.article.title)
    for n in q.ordinals:
        if re.search(meeting_number_pattern(n), title):
            continue  # the article is about that meeting: naming it, or another, says nothing more
        if re.search(meeting_number_pattern(n), folded):
            fit += 0.1
        elif re.search(r"\b(phien hop|hoi nghi)\b[^.;]{0,30}\b(thu|lan thu|lan)\s+\d+\b", folded):
            fit -= 0.15
    if q.years and any(_year_of_its_own(y, ev) for y in q.years):
        fit += 0.1
    return fit


def _year_of_its_own(year: str, ev: Evidence) -> bool:
    """``ev`` writes ``year``: "mặt bằng 2017", "Ngày 15/3/2017, Quốc hội thông qua ..."; not when it is
    only the year of a day's date and the sentence gives another year of its own ("ngày 24/2/2017, ... còn
    lại khoản cho thuê mặt bằng năm 2016": a report's day, 2016 what it says of the thing asked)."""
    days = [(d.start, d.end) for d in ev.dates if d.precision == "day"]
    found = [m.start() for m in re.finditer(rf"(?<!\d){year}(?!\d)", ev.text)]
    if any(not any(s <= at < e for s, e in days) for at in found):
        return True
    # (the years it writes on their own, not in a date: "năm 2016", "2016")
    others = {m.group(0) for m in re.finditer(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/-]|\.\d)", ev.text)} - {year}
    return bool(found) and not others


# a sentence that enumerates: "như A, B", "gồm A, B", short items before "và" ("A, B và C"),
# "...: A; B", or announces the items that follow ("... ba nội dung:"); not "Ngày 3/5, A và B ký ..."
_ENUMERATION = re.compile(
    r"\b(?:như|gồm|bao gồm)\b[^.;]*[,;]|:\s*$|:[^.]*;|(?:[^,.;:\d]{1,25},)+[^,.;:\d]{1,25}\bvà\b"
)


_PERCENT_NOUNS = frozenset({"phan tram", "phan", "percent", "percentage", "%", "ti le"})
# a ratio as news writes it ("tỉ lệ 1:0,5", "1 : 2", a vote "210-190"; a decimal part a tokeniser spaced,
# "1:0, 375", of three digits); not a span of per cents or of ages ("6-7%", "18-25 tuổi")
_RATIO = re.compile(
    r"(?<![\d:/.,-])(?<!tuổi )\d+\s*[:–-]\s*\d+(?:,\d+|,\s\d{3,})?(?![\d:/-])(?!\s*(?:%|tuổi\b))"
)
# the words a rate is named by, as written ("tỉ lệ phiếu", "tỷ lệ hoán đổi")
_RATE_WORDS = re.compile(r"\b(?:[Tt][ỉỷ] lệ|ratio)\b")


def _ratios(q: Question, ev: Evidence) -> list[re.Match[str]]:
    """The ratios a sentence writes within a few words after the rate they are of ("tỉ lệ bỏ phiếu
    210-190"), for a question asking a rate (``Question.counted``); not a date, nor a clock time after
    "lúc"."""
    if "ti le" not in q.counted:
        return []
    return [
        m
        for named in _RATE_WORDS.finditer(ev.text)
        for m in _RATIO.finditer(ev.text, named.end(), named.end() + 40)
        if not any(d.start <= m.start() < d.end for d in ev.dates)
        and not re.search(r"\blúc\s*$", ev.text[max(0, m.start() - 6) : m.start()])
    ]


def _abbreviation(q: Question, noun: str) -> bool:
    """A noun counted (folded) is an abbreviation: one word no Vietnamese syllable spells ("fta"), or that
    the question writes in capitals ("BOT")."""
    return " " not in noun and (
        not is_syllable(noun) or re.search(rf"\b{re.escape(noun.upper())}\b", q.text) is not None
    )


def _counted_after_asked(q: Question, text: str) -> bool:
    """``text`` writes a number right after (within two words of) the two words the question writes before
    its "bao nhiêu" ("tham gia bao nhiêu FTA": "tham gia 12 hiệp định ...")."""
    asked = re.search(r" (\w+ \w+) (?:bao nhieu|may) ", q.words)
    said = f" {' '.join(_WORD.findall(fold(text)))} "
    return asked is not None and re.search(rf" {asked.group(1)} (?:\w+ ){{0,2}}?\d", said) is not None


def _asked_after_noun(q: Question, noun: str, written: list[str]) -> int:
    """How many of the words after ``written[0]`` (an amount's last word, of ``noun``), each a name's (a
    capital first), the question writes right after its "bao nhiêu" and that noun too (at most two; "bao
    nhiêu công dân Nga": "6 công dân Nga", not "6 công dân"; not "13 đối tác là thành" for "mấy đối tác là
    thành viên"), none past a mark ("6 công dân, Nga ..."): they belong to the amount."""
    asked = re.search(rf" (?:bao nhieu|may) {re.escape(noun)} ((?:\w+ ?){{1,2}})", f"{q.words} ")
    if not asked:
        return 0
    n = 0
    for k, wanted in enumerate(asked.group(1).split()):
        if (
            k + 1 >= len(written)
            or re.search(r"[^\w]$", written[k])
            or not written[k + 1][:1].isupper()
            or fold(written[k + 1]).rstrip('.,;:!?)”"') != wanted
        ):
            break
        n += 1
    return n


def _other_number(q: Question, text: str) -> bool:
    """``text`` gives the number of a meeting, a term or a time ("lần IX", "khoá 9", "lần thứ 9") where
    the question gives another ("lần X")."""
    asked = {m.group(1): m.group(2) for m in _NUMBERED.finditer(q.words)}
    said = {(m.group(1), m.group(2)) for m in _NUMBERED.finditer(" ".join(_WORD.findall(fold(text))))}
    return any(head in asked and number != asked[head] for head, number in said)


# a meeting's, a term's or a time's number after its word ("lần thứ 9", "khoá X", "lần IX"; folded)
_NUMBERED = re.compile(
    r"(?<!\w)(lần thứ|lần|khóa|khoá|nhiệm kỳ|lan thu|lan|khoa|nhiem ky)\s+"
    r"(\d+|[IVXLC]+\b|[ivxlc]+\b|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?!\w)"
)


def _of_other_numbered(q: Question, text: str) -> bool:
    """``text`` gives a thing the question numbers with another number, and never with the question's:
    "3 phòng ngủ" for "căn condotel 2 phòng ngủ", "Hội nghị lần thứ 9" for "lần thứ 10" (a number then a
    noun of two words, no unit, time or money; or a meeting's, a term's or a time's number, ``_NUMBERED``).
    The text is about another item."""
    # (not the noun a how-many question counts, "trong 25 đối tác ..., có mấy đối tác là ...", nor the one
    # it asks for, "hai đại sứ nào khác")
    counted = {w for c in (*q.counted, *q.asked) for w in c.split()[:1]}
    asked = {noun: n for noun, n in _numbered_nouns(q.text).items() if noun.split()[0] not in counted}
    if not asked:
        return False
    said = _numbered_nouns(text)
    return any(noun in asked and not asked[noun] & numbers for noun, numbers in said.items())


@lru_cache(maxsize=1024)
def _numbered_nouns(text: str) -> dict[str, frozenset[str]]:
    """The numbers ``text`` gives each numbered noun, folded (``_of_other_numbered``), as one form
    (``_number_value``: "1.000" and "1000", "XV" and "15", "hai" and "2"): a meeting's, a term's or a time's
    number after its word written in lower case ("lần thứ 10", "khóa XV"; not "Thái Lan 2 - 1"); and a
    number, then a noun of two words, not a date's ("ngày 27/11 Chương trình"), a year, a part of another
    number, nor a count of people ("3 người chết")."""
    found: dict[str, set[str]] = {}
    for m in _NUMBERED.finditer(text):
        found.setdefault(fold(m.group(1)).replace("lan thu", "lan"), set()).add(_number_value(m.group(2)))
    written = same_tones(text)
    for m in re.finditer(
        rf"(?<![\w.,/-])(\d+(?:[.,]\d+)*|{_NUMBER_WORDS_BEFORE})\s+([^\W\d_]+)\s+([^\W\d_]+)\b", written
    ):
        number, first, second = m.group(1), fold(m.group(2)), fold(m.group(3))
        if {first, second} & (_NOT_NUMBERED | _NOT_QUANTITY | STOP_WORDS) or first in units():
            continue
        if re.fullmatch(r"(?:19|20)\d\d", number) or _NUMBER_OF_OTHER.search(fold(written[: m.start()])):
            continue  # (a year; a day, a paper's, a class's, a room's or a meeting's number: "ngày 27 tới",
            # "số 12 Lê Lợi", "lần thứ 10 Ban Chấp hành")
        found.setdefault(f"{first} {second}", set()).add(_number_value(number))
    # (read once per text: the question's, and an article's, are read again for each of its sentences)
    return {noun: frozenset(numbers) for noun, numbers in found.items()}


def _number_value(number: str) -> str:
    """One form of a number as written: digits without separators ("1.000" -> "1000", "2,5" -> "2.5"), a
    Roman numeral's or a number word's value ("XV" -> "15", "hai" -> "2")."""
    word = _NTH_WORDS.get(number.lower())
    if word is not None:
        return str(word)
    if re.fullmatch(r"[ivxlc]+", number.lower()):
        values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
        digits = [values[c] for c in number.lower()]
        return str(sum(-d if d < e else d for d, e in zip(digits, digits[1:] + [0], strict=True)))
    whole, _, decimal = re.sub(r"\.(?=\d{3}\b)", "", number).partition(",")
    return f"{whole}.{decimal}" if decimal else whole


# words before a number that make it a day's, a paper's, a class's, a room's or a meeting's (folded)
_NUMBER_OF_OTHER = re.compile(r"\b(?:ngay|hom|thang|nam|sang|chieu|toi|dem|so|lop|phong|thu|lan|khoa)\s*$")
# words after a number that make it no thing's number: a time, a date, an age, a share, money, a scale; or
# a count of people
_NOT_NUMBERED = frozenset(
    "nam thang tuan ngay gio tieng phut giay quy the ky tuoi phan tram ty ti trieu nghin ngan tram chuc usd "
    "dong euro yen do km m ha tan lan khoa nhiem nguoi".split()
)
# number words before a noun, as written ("hai phòng ngủ"; not "năm", as often the year)
_NUMBER_WORDS_BEFORE = "hai|ba|bốn|sáu|bảy|tám|chín|mười"


def _counted_then_asked(q: Question, text: str) -> bool:
    """``text`` writes a number, its counted noun as the question writes it after "bao nhiêu", then the
    question's two words after that noun ("bao nhiêu đại biểu tham dự": "443 đại biểu tham dự")."""
    said = f" {' '.join(_WORD.findall(fold(text)))} "
    for noun in q.counted:
        asked = re.search(rf" (?:bao nhieu|may) {re.escape(noun)} (\w+ \w+) ", f"{q.words} ")
        if asked and re.search(rf" \d[\d.,]* {re.escape(noun)} {asked.group(1)} ", said):
            return True
    return False


_SPELLED_OUT = 7  # (the most words an abbreviation's noun is written out in before it: "hiệp định ... (FTA)")


def _count_fit(q: Question, ev: Evidence, p: AnswerParams = DEFAULT_PARAMS) -> float:
    """A how-many answer states a count of the very thing asked about ("9 nhóm nội dung")."""
    folded = fold(ev.text)
    synonyms = _synonyms_counted(q)
    for noun in _counted_nouns(q):
        # a duration's unit right after its number, not in a date: "14 năm", not "14 tháng 3 năm 2019"
        # (and written in digits: "sau ngày ký" is "after", not "six days")
        count, between, tail = (
            (r"\d+", "", r"(?!\s*\d)") if noun in TIME_UNITS else (_COUNT_WORDS, r"(?:\w+\s+){0,2}?", "")
        )
        if noun not in q.counted:  # (the people "bao nhiêu người" is about: counted in digits, "5.000 lao
            # động"; "Năm Thanh niên" is a year's name)
            count = r"\d+"
        if noun in synonyms:  # (another wording, right after the number: "3 quốc gia", not
            # "50.000 m3 nước" for "bao nhiêu nước")
            between = ""
        # (a unit written onto a number in digits counts its noun, or is it: "198km đường", "198km")
        lead = rf"{count}\s+" if noun in TIME_UNITS else rf"(?:{count}\s+|\d+(?:{_UNITS}\s+|(?={_UNITS}\b)))"
        counting = rf"{between}{re.escape(noun)}\b{tail}"
        pattern = rf"(?<!thu )(?<!lan )\b{lead}{counting}"
        if _abbreviation(q, noun):  # (an abbreviation after the noun written out, in digits: "12 hiệp định
            # thương mại tự do (FTA)" for "bao nhiêu FTA")
            spelled = rf"\b\d[\d.,]*\s+(?:\w+\s+){{1,{_SPELLED_OUT}}}?\(\s*{re.escape(noun)}\s*\)"
            pattern = rf"(?:{pattern}|{spelled})"
        for m in re.finditer(pattern, folded):
            if not any(d.start <= m.start() < d.end for d in ev.dates):  # ("Sáng 15-5 đại biểu": a date)
                return p.count_fit
        # (or a number word before it as written, marks and all: "chỉ một ngày trước đó", not "sau ngày
        # ký", "bây giờ", "tháng hai năm 2020", "lúc hai giờ chiều")
        if noun in _TIME_UNITS_MARKED and _DURATION_IN_WORDS[noun].search(same_tones(ev.text)):
            return p.count_fit
        # ("lãi suất bao nhiêu": a per cent of that rate, in its clause; not "tổng tài sản tăng 7,62%")
        if noun in _PERCENT_NOUNS and (
            _rate_given(q.rate, ev.text) if q.rate else re.search(r"\d\s*%", ev.text) or _ratios(q, ev)
        ):
            return p.count_fit  # "bao nhiêu phần trăm": "74%"; "tỉ lệ ... bao nhiêu": "tỉ lệ 1:0,5"
        # "bao nhiêu mét": "sâu 13 m", "13m"; "bao nhiêu gam": "400 g" (as written: "12 Hà Nội" is no
        # hectare)
        if any(re.search(rf"\d\s*{re.escape(short)}(?![\w²³])", ev.text) for short in units().get(noun, ())):
            return p.count_fit
    if _measured(q, ev):  # "công suất bao nhiêu": "với công suất 65.000 trứng / giờ", in any unit
        return p.count_fit
    if _count_named_before(q, ev):  # "bao nhiêu chỉ tiêu": "Tổng chỉ tiêu tuyển sinh ... là 1.900."
        return p.count_fit
    if not q.counted and _amount_of_asked(q, ev):  # "đầu tư bao nhiêu tiền": "khoản đầu tư 35 triệu
        # USD", more than "doanh thu hơn 90 triệu USD" of the same sentence's neighbour
        return 0.25
    spans = [(d.start, d.end) for d in ev.dates]
    numbers = [m for m in _NUMBER.finditer(ev.text) if not any(s <= m.start() < e for s, e in spans)]
    return 0.1 if numbers else 0.0


# a duration's units and the number words before them, as written (lower case, one tone placement)
_TIME_UNITS_MARKED = {
    "nam": "năm",
    "thang": "tháng",
    "tuan": "tuần",
    "ngay": "ngày",
    "gio": "giờ",
    "phut": "phút",
}
# ("tiếng" left out: "một tiếng nói chung" is a voice; "3 tiếng" in digits counts hours)
# ("năm" left out: "năm tháng" is "years", "tháng năm" May)
_NUMBER_WORDS_MARKED = ("một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "vài")
_DURATION_IN_WORDS = {
    noun: re.compile(
        rf"(?<!thứ )(?<!lần )(?<!tháng )(?<!lúc )(?<!\w)(?:{'|'.join(_NUMBER_WORDS_MARKED)}|"
        rf"{'|'.join(w.capitalize() for w in _NUMBER_WORDS_MARKED)})\s+{unit}\b"
        r"(?!\s*\d)(?!\s+(?:sáng|chiều|tối|trưa|đêm)\b)"
    )
    for noun, unit in _TIME_UNITS_MARKED.items()
}


def _rate_given(rate: str, text: str) -> bool:
    """``text`` gives the rate ``rate`` names (folded Vietnamese: "lai suat") in per cent in one of its
    clauses ("lãi suất cho vay 6,5%/năm", "giảm 0,5% lãi suất"; not "Lãi suất không đổi, lợi nhuận tăng
    12%")."""
    clauses = re.split(r"[;]|[,.](?!\d)", fold(text))
    return any(re.search(rf"\b{rate}\b", c) and _PER_CENT.search(c) for c in clauses)


_PER_CENT = re.compile(r"\d\s*%|\d\s+phan tram\b")  # (folded)


def _counts_whole(q: Question, noun: str, folded: str) -> bool:
    """``folded`` counts in digits a noun of two words or more that the question counts and whose first
    word is ``noun`` ("12 hang muc" for "hang")."""
    return any(
        re.search(rf"\b\d[\d.,]*\s+{re.escape(c)}\b", folded) for c in q.counted if c.startswith(f"{noun} ")
    )


# a time before or after something asked ("bao lâu sau khi", "sau bao lâu", "cách nhau bao lâu", "how long
# after", "how far apart")
_ASKS_OFFSET = re.compile(
    r" (?:bao lau (?:truoc|sau)|(?:truoc|sau) bao lau|cach nhau bao lau|how long (?:before|after)|apart"
    # (the unit asked, then the offset: "how many minutes before", "bao nhiêu ngày trước khi", "mấy giờ sau")
    r"|(?:how many|bao nhieu|may)"
    r" (?:minutes|hours|days|weeks|months|years|phut|gio|tieng|ngay|tuan|thang|nam)"
    r" (?:before|after|earlier|later|truoc|sau)) "
)


def _duration_in_words(words: list[str], i: int, noun: str) -> bool:
    """``words[i]`` is a number word that counts the unit of time ``noun`` as ``_DURATION_IN_WORDS`` reads
    it, with the word before it and the two after."""
    if noun not in _DURATION_IN_WORDS:
        return False
    before = same_tones(words[i - 1]) + " " if i else ""
    around = before + same_tones(" ".join(words[i : i + 3]))
    return _DURATION_IN_WORDS[noun].match(around, len(before)) is not None


def _says_acts(q: Question, text: str) -> bool:
    """A Vietnamese question names acts of ``rag/data/verbs-en.tsv`` ("ký", "thăm", "có hiệu lực") and the
    text says one of them, as written ("thường kỳ", "kỷ niệm" are no "ký", whether or not the question
    is typed with its marks)."""
    acts = _acts_of(q.text, q.language)
    words = " " + " ".join(_WORD.findall(same_tones(text.lower()))) + " "
    return any(f" {a} " in words for a in acts)


# a question about what someone said (marked, or folded and English) and a sentence that reports it
_ASKS_SAID = (
    re.compile(
        r" (?:nói|tuyên bố|cáo buộc|lên tiếng|phát biểu|cho biết|khẳng định|cảnh báo|chỉ trích|tiết lộ) "
    ),
    re.compile(
        r" (?:noi rang|tuyen bo|cao buoc|len tieng|phat bieu|cho biet|khang dinh|canh bao|chi trich|tiet lo"
        r"|say|says|said|accuse|accused|warn|warned|claimed|stated that) "
    ),
)
_REPORTS_SAYING = re.compile(
    r"\b(?:tuyên bố|cho biết|cho rằng|cho hay|nói|khẳng định|tiết lộ|dẫn lời|phát biểu|cáo buộc|cảnh báo)\b",
    re.IGNORECASE,
)


def _person_says(q: Question, text: str) -> bool:
    """The question asks about what a person it names said, and the text reports that person saying
    something that shares a pair of words with the question ("Reuters dẫn lời ông Ostrov hôm 4/10 nói Bình
    An đã phá vỡ thoả thuận" for "A lên tiếng cáo buộc Bình An phá vỡ thoả thuận vào ngày nào")."""
    if not _says(q, *_ASKS_SAID, asking_only=True) or not _REPORTS_SAYING.search(text):
        return False
    named = {w for n in q.names for w in n.split()}
    pairs = {t for t in q.terms if "_" in t and not set(t.split("_")) <= named}
    if not pairs & set(lexical_tokens(text, use_segmentation=False)):
        return False
    words = _written_words(text, plain=True)
    persons = {fold(n) for n in person_names(q.text)}
    return any(
        f" {n} " in words or re.search(rf" (?:ong|ba|ngai) {re.escape(n.split()[-1])} ", words)
        for n in q.names
        # (a person's name: a Vietnamese one, or one with a foreign word; not a body's or a place's)
        if len(n.split()) >= 2
        and n not in places()
        and n not in country_aliases()
        and (any(looks_foreign(w) for w in n.split()) or n in persons)
    )


@lru_cache(maxsize=256)
def _acts_of(question: str, language: str) -> tuple[str, ...]:
    """The Vietnamese verbs of ``rag/data/verbs-en.tsv`` a Vietnamese question uses, lower case with one
    tone placement: as written when it is marked; typed without marks, every verb of the table that
    folds to words of the question ("ky": "ký", "kí"); none for an English question."""
    if language == "en":
        return ()
    marked = language == "vi"
    words = " " + " ".join(_WORD.findall(same_tones(question.lower()) if marked else fold(question))) + " "
    phrases = {same_tones(v.lower()) for values in verbs().values() for v in values}
    return tuple(sorted(a for a in phrases if f" {a if marked else fold(a)} " in words))


def _phase_numbers(folded: str) -> set[int]:
    """The numbers of the phases a folded text names ("giai doan 2", "giai doan hai", "phase two")."""
    return {
        int(m[1]) if m[1].isdigit() else _PHASE_WORDS[m[1]]
        # (not a span of years: "giai đoạn hai năm")
        for m in re.finditer(
            rf"\b(?:giai doan|phase) (\d|{'|'.join(_PHASE_WORDS)})\b(?! (?:nam|thang|years?)\b)", folded
        )
    }


_PHASE_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "one": 1, "two": 2, "three": 3, "four": 4}

# a model's or a series' code: up to three capitals and a number, joined or by a hyphen ("S -400",
# "F-35", "G20", "A321neo"); in a question typed in lower case, joined or hyphenated too ("s-500")
_CODE = re.compile(r"(?<![\w-])([A-Z]{1,3})(?:\s?-\s?)?(\d{2,4})(?![\d,.]\d)(?=[a-z]*\b)")
_CODE_TYPED = re.compile(r"(?<![\w-])([A-Za-z]{1,3})(?:\s?-\s?)?(\d{2,4})(?![\d,.]\d)(?=[a-z]*\b)")


_OTHER_THAN = re.compile(r" (?:ngoai|khac|other|besides|apart from|except) ")


def _codes(text: str, typed: bool = False) -> set[tuple[str, str]]:
    """The (folded letters, number) of each code ``text`` writes (``_CODE``; ``typed``: any case)."""
    return {(m[1].lower(), m[2]) for m in (_CODE_TYPED if typed else _CODE).finditer(text)}


def _of_other_code(text: str, asked: set[tuple[str, str]]) -> bool:
    """``text`` names a code of the letters the question's code has with another number ("S -400" for
    "S-500", "F-16" for "F-35"), and not the question's own: another model, another series."""
    own = _codes(text)
    letters = {a for a, _ in asked}
    return not own & asked and any(a in letters for a, _ in own)


def _amount_of_asked(q: Question, ev: Evidence) -> bool:
    """A Vietnamese how-many question's words right before "bao nhiêu" (what it asks the amount of: "đầu
    tư bao nhiêu tiền", "doanh thu đạt bao nhiêu") are followed in the sentence, within three words, by an
    amount (of money, when money is asked)."""
    asked = _quantity_asked(q.text, q.words, q.language)
    if asked is None or asked in q.names:
        return False
    amount = _MONEY_FOLDED if q.wants_money else r"\d[\d.,]*"
    between = rf"(?:\s+(?!{_DATE_WORDS})[^\s\d]+){{0,3}}?"
    return (
        re.search(rf"\b{re.escape(asked)}\b{between}\s+(?:hon\s+|gan\s+|khoang\s+)?{amount}", fold(ev.text))
        is not None
    )


# the name of a thing of a kind amounts are given for, after its kind ("dự án cảng B", "Công ty B")
_THING_NAMED = re.compile(
    r"(?<!\w)(?i:dự án|cảng|cầu|công ty|tập đoàn|nhà máy|tuyến|khu|sân bay|đường|tỉnh|thành phố)"
    r"\s+([A-ZĐ][\w-]*)"
)


def _amount_given(q: Question, usable: list[Evidence]) -> list[Evidence]:
    """The sentences of the best one's article that give an amount right after the question's words before
    "bao nhiêu" (``_amount_of_asked``), however few of its other words they share: "vốn điều lệ không dưới
    2.500 tỷ đồng" for "phải có vốn điều lệ tối thiểu bao nhiêu", not "số tiền tối thiểu ... không dưới
    1.260 tỷ đồng" of a sentence sharing more. Only for a thing had, after "có" ("có vốn điều lệ"), not an
    act ("đã chi bao nhiêu", "trị giá bao nhiêu": other sums of the article are spent or worth so too)."""
    asked = _quantity_asked(q.text, q.words, q.language)
    if asked is None or not re.search(rf" co (?:\w+ ){{0,2}}{re.escape(asked)} ", q.words):
        return []
    first = max(usable, key=lambda e: e.score)
    # (nor one naming what the question does not, "Còn với dự án cảng B, ... vốn điều lệ không dưới 900 tỷ":
    # another thing's amount)
    return [
        e
        for e in usable
        if e.doc_id == first.doc_id
        and _amount_of_asked(q, e)
        and all(f" {fold(w)} " in q.words for w in _THING_NAMED.findall(e.text))
    ]


def _money_of_other_kinds(q: Question, text: str) -> bool:
    """Whether every sum of money a sentence gives is said, in its clause, to be of kinds other than the
    question's (``Question.money``): "hai dự án khai thác trị giá hơn 6 tỷ USD" does not answer "gây
    thiệt hại bao nhiêu tiền", nor "nhận được 4,8 tỷ USD tiền đầu tư" "hối lộ bao nhiêu tiền". A sentence
    that names one of the question's kinds anywhere, or gives a sum whose clause names no kind, may."""
    if not q.money or money_kinds(text) & q.money:
        return False
    sums = list(_MONEY.finditer(text))
    for m in sums:
        start = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_MARKS) + 1
        ends = [i for i in (text.find(c, m.end()) for c in _CLAUSE_MARKS) if i >= 0]
        if not money_kinds(text[start : min(ends, default=len(text))]):
            return False
    return bool(sums)


# (what ends the clause a sum of money is given in, for ``_money_of_other_kinds``)
_CLAUSE_MARKS = ",;:()"


@lru_cache(maxsize=256)
def _quantity_asked(text: str, words: str, language: str) -> str | None:
    """The folded words ``_amount_of_asked`` looks for, read once per question: the one or two words right
    before "bao nhiêu" (not a function word, a number, a name written in capitals, nor the object of a
    preposition: "rót vào Bình An bao nhiêu", "doanh thu của công ty là bao nhiêu"); None if none."""
    m = _QUANTITY_ASKED.search(words)
    if m is None or language == "en":
        return None
    first, second = m[1].split()
    if second in _NOT_QUANTITY or second.isdigit():
        return None
    asked = second if first in _NOT_QUANTITY or first.isdigit() else m[1]
    before = words[: m.start(1)].split()[-1:]
    written = re.search(rf"(?i)\b{re.escape(asked)}\b", fold(text))
    capital = written is not None and text[written.start() : written.start() + 1].isupper()
    if capital or (before and before[0] in _PREPOSITIONS and asked == m[1]):
        return None
    return asked


# the two words a how-many question asks the amount of (folded, fillers skipped: "đầu tư là bao nhiêu")
_QUANTITY_ASKED = re.compile(
    r" (\w+ \w+) (?:(?:la|dat|o muc|len toi|khoang|tong cong|duoc|toi thieu|toi da|it nhat)(?: la)? )?"
    r"bao nhieu "
)
_SCALE_FOLDED = r"(?:(?:nghin|ngan) t[yi]|trieu|ty|ti|nghin|ngan|tram)"
_MONEY_FOLDED = rf"\d[\d.,]*\s*{_SCALE_FOLDED}?\s*(?:usd|dong|euro|yen|do la|\$|bang anh)"
_DATE_WORDS = r"(?:ngay|thang|nam|trong|tu|den)\b"
# (a preposition before the words asked makes them its object, no quantity: "rót vào Bình An bao nhiêu")
_PREPOSITIONS = frozenset("vao cho voi cua tai o tu".split())
# (words of a question that name no quantity: "đã", "là", "các", ...)
_NOT_QUANTITY = frozenset(
    "da dang se va cua duoc la co cho voi tai o trong nay do khi thi ma cung cac nhung".split()
)


# a count given after its noun as what it is: the noun counted, at most ten words (no number, no mark)
# between, "là", "đạt", "lên tới", "khoảng", then a number in digits that ends the clause (folded)
_COUNT_IS = (
    r"\b{noun}\b(?: [^\W\d]+){{0,10}}? (?:la|dat|len toi|len den|(?:la |vao )?khoang)"
    r" (\d+(?:[.,]\d+)*)(?![.,]?\d)(?=\s*(?:[.;:()]|\s[-–]\s|,(?!\d)|$))"
)
# what may stand right before the noun of such a count: "số", "tổng (số)", "con số", or the clause's start
_COUNT_OPENS = re.compile(r"(?:\b(?:so|tong|tong so|tong cong|con so)|^|[,;:(])\s*$")
# words of reporting between the noun and its count: another's word, not the count ("Người dân cho biết
# giá vé là 50.000")
_REPORTING_WORDS = re.compile(r"\b(?:cho biet|cho hay|noi|khang dinh|tuyen bo|thong bao)\b")


def _count_named_before(q: Question, ev: Evidence) -> list[tuple[int, str]]:
    """The counts a sentence gives after the noun a how-many question counts, as what it is ("bao nhiêu chỉ
    tiêu": "Tổng chỉ tiêu tuyển sinh năm nay của trường là 1.900."), in digits ending the clause (offset,
    as written): the noun after "số", "tổng" or opening its clause (``_COUNT_OPENS``), no word of
    reporting between (``_REPORTING_WORDS``); not a year (a count of 2.000 is written with its dot), not in a
    date, not one the question gives; none when folding changes the text's length."""
    folded = fold(ev.text)
    if len(folded) != len(ev.text):
        return []
    found = []
    for noun in q.counted:
        # (the noun whole, not its head alone: "chỉ" of "chỉ tiêu" is "Chị"; nor a duration, a share)
        if noun in TIME_UNITS or noun in _PERCENT_NOUNS or any(n.startswith(f"{noun} ") for n in q.counted):
            continue
        # (what the question says of the noun right after it, "bao nhiêu người bị thương", is written between
        # too: not "số người chết là 3")
        said = re.search(rf" bao nhieu {re.escape(noun)} ((?:\w+ ){{0,2}})", q.words)
        told = [w for w in (said.group(1).split() if said else []) if w not in STOP_WORDS]
        if " " not in noun and not told:  # (a noun of one word alone, "bao nhiêu người", is any people's:
            # "số người bị thương là 12" is no count of a festival's visitors)
            continue
        for m in re.finditer(_COUNT_IS.format(noun=re.escape(noun)), folded):
            at = m.start(1)
            between = folded[m.start() : at].split()
            if (
                not _COUNT_OPENS.search(folded[: m.start()])
                or _REPORTING_WORDS.search(" ".join(between))
                or re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1))
                or any(d.start <= at < d.end for d in ev.dates)
                or _stated_count(q, [m.group(1)])
                or not all(w in between for w in told)
                or re.search(r"\b(?:so hieu|bien so|ma so)\b", " ".join(between))
            ):
                continue
            found.append((at, ev.text[at : m.end(1)]))
    return found


def _measured(q: Question, ev: Evidence) -> list[tuple[int, str]]:
    """The amounts a sentence gives within a few words after the name of the quantity a question asks
    ("công suất bao nhiêu", ``rag/data/units.tsv``): "công suất 65.000 trứng / giờ", "diện tích khoảng
    186 ha", "công suất gấp đôi 120.000 trứng / giờ", in whatever unit follows (offset, text as written;
    not across a comma, not a date)."""
    # (a quantity asked: its units are what the question counts, "công suất bao nhiêu"; not one the
    # question only names, "nhà máy có công suất lớn nhất tỉnh sử dụng bao nhiêu lao động")
    named = [
        what for what, given in measures().items() if f" {what} " in q.words and set(given) & set(q.counted)
    ]
    if not named:
        return []
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", ev.text)]
    folded = [fold(w).strip('.,;:()“”"') for _, w in spans]
    out: list[tuple[int, str]] = []
    for what in named:
        parts = what.split()
        for i in range(len(folded) - len(parts)):
            if folded[i : i + len(parts)] != parts:
                continue
            k = i + len(parts)
            # (at most three words between, none closing a clause: "công suất lên tới 420 MW")
            while k < min(len(spans) - 1, i + len(parts) + 3) and not re.search(r"[\d,.;:]", spans[k][1]):
                k += 1
            at = spans[k][0]
            if not re.fullmatch(r"\d[\d.,]*", folded[k]) or any(d.start <= at < d.end for d in ev.dates):
                continue
            # (its unit: a word in lower case, "trứng", or one of units.tsv, "MW")
            unit = k + 1 < len(spans) and fold(spans[k + 1][1]).strip(".,;:") in _unit_words()
            end = k + 1 + (k + 1 < len(spans) and (unit or _noun_goes_on([w for _, w in spans], k + 1)))
            if end + 1 < len(spans) and spans[end][1] == "/":  # a rate: "65.000 trứng / giờ"
                end += 2
            out.append((at, " ".join(w for _, w in spans[k:end]).strip(".,;:")))
    return out


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every unit of ``rag/data/units.tsv``, spelled out or abbreviated, folded ("mw", "ha", "km")."""
    return frozenset(fold(u) for name, shorts in units().items() for u in (name, *shorts))


def _synonyms_counted(q: Question) -> list[str]:
    """The other wordings (``counted-synonyms.tsv``, folded) of the nouns a how-many question counts."""
    found = [f for n in q.counted for v in counted_synonyms().get(n, ()) if (f := fold(v)) not in q.counted]
    return list(dict.fromkeys(found))


def _counted_nouns(q: Question) -> list[str]:
    """What a how-many question counts; for "bao nhiêu người" (how many people), the people it is about
    too: "số lao động ... là bao nhiêu người" is answered by "5.000 lao động"."""
    joined = [n.replace(" ", "") for n in q.counted if " " in n]  # (written as one word: "ôtô", "ô tô")
    # (and the nouns articles count it as, ``counted-synonyms.tsv``: "dân thường" as "291 thường dân")
    joined += _synonyms_counted(q)
    if "nguoi" not in q.counted:
        return q.counted + joined
    # (the two words after "số" or after "bao nhiêu người": "số lao động ...", "bao nhiêu người lao động")
    about = [m.group(1) for m in _PEOPLE_COUNTED.finditer(q.words)]
    # (or the people the question quantifies elsewhere: "đưa nhiều binh sĩ ..., mỗi bên bao nhiêu người"
    # is answered by "5.000 binh sĩ"; counted in digits only)
    about += [m.group(1) for m in _PEOPLE_QUANTIFIED.finditer(q.words) if "nguoi" not in m.group(1).split()]
    return q.counted + joined + [n for n in dict.fromkeys(about) if n not in q.counted and n not in q.names]


# units written onto a number ("198km", "20ha", "100MW"; not "9h", "10h30": a time)
_UNITS = r"(?:km2|km|m2|m|ha|kg|mw|kw|gw|mm|cm)"
_PEOPLE_QUANTIFIED = re.compile(r"(?<= )(?:nhieu|cac|nhung) (\w+ \w+)(?= )")
_PEOPLE_COUNTED = re.compile(r"(?<= )(?:so(?! voi )|bao nhieu nguoi) (\w+ \w+)(?= )")


def article_sentence_tokens(index: Index, doc_id: str) -> list[set[str]]:
    """The lexical tokens of every sentence of an article (its chunks' sentences once, in order),
    computed once per loaded generation."""
    table: dict[str, list[set[str]]] = index.memo.setdefault("sentence_tokens", {})
    tokens = table.get(doc_id)
    if tokens is None:
        article = index.articles.get(doc_id)
        spans = sorted({s for row in index.rows_of(doc_id) for s in index.chunks[row].sentences})
        text = article.text if article is not None else ""
        tokens = table[doc_id] = [
            set(lexical_tokens(text[a:b], use_segmentation=False, spell_out=True)) for a, b in spans
        ]
    return tokens


def _local_weights(q: Question, weights: dict[str, float], sentences: list[set[str]]) -> dict[str, float]:
    """The question's term weights within one article: a term most of its sentences hold (the parties,
    the event) weighs little there, one few sentences hold (the detail asked) much. Terms the article
    never uses are left out: within it they tell no sentence from another."""
    n = len(sentences)
    out: dict[str, float] = {}
    for t, w in weights.items():
        options = [t, *q.alternatives.get(t, [])]
        df = sum(any(o in s for o in options) for s in sentences)
        if df:
            out[t] = w * math.log((n + 1) / df)
    return out


def _found(term: str, q: Question, own: set[str], ctx: set[str]) -> float:
    """1 when the sentence holds the term (or a paraphrase of it), 1/3 when only its passage does."""
    options = [term, *q.alternatives.get(term, [])]
    if any(t in own for t in options):
        return 1.0
    return 1 / 3 if any(t in ctx for t in options) else 0.0


def score_evidence(
    q: Question,
    evidence: list[Evidence],
    idf: dict[str, float],
    top_idf: float | None = None,
    p: AnswerParams = DEFAULT_PARAMS,
    *,
    semantic: list[float] | None = None,
    index: Index | None = None,
) -> None:
    """Score each sentence for the question: its features, then the learned scorer's probability.

    ``coverage``: the share of the question's weighted terms found in the sentence, or at a third of
    their weight elsewhere in its passage; ``focus`` the same with the terms of the article's title
    discounted (the whole article is about them, so within it they cannot tell the answering sentence
    from the others); ``distinct`` the share of the question's terms the sentence holds, each weighted
    by how few sentences of its article hold it (``index`` gives the articles' sentences; without it
    the feature is 0); ``semantic`` the embedder's cosine of question and sentence (``semantic[i]`` for
    ``evidence[i]``), plus the type fit, names, the passage's rank and whether it is the news lead.
    """
    scorer = (p.model or load_model()).sentence
    sims = semantic if semantic is not None else [0.0] * len(evidence)
    best_sim = max(sims, default=0.0)
    weights = _weights(q, idf, top_idf)
    total = sum(weights.values()) or 1.0
    context: dict[str, set[str]] = {}
    titles: dict[str, set[str]] = {}
    local: dict[str, dict[str, float]] = {}
    for ev, sim in zip(evidence, sims, strict=True):
        chunk = ev.hit.chunk
        ctx = context.get(chunk.chunk_id)
        if ctx is None:
            ctx = context[chunk.chunk_id] = set(
                lexical_tokens(f"{chunk.title}\n{chunk.text}", use_segmentation=False, spell_out=True)
            )
        title = titles.get(chunk.doc_id)
        if title is None:
            title = titles[chunk.doc_id] = set(
                lexical_tokens(chunk.title, use_segmentation=False, spell_out=True)
            )
        own = set(lexical_tokens(ev.text, use_segmentation=False, spell_out=True))
        found = {t: _found(t, q, own, ctx) for t in weights}
        ev.coverage = sum(weights[t] * f for t, f in found.items()) / total
        ev.held = {t: weights[t] / total for t, f in found.items() if f == 1.0}
        ev.own = sum(ev.held.values())
        ev.absent = sum(weights[t] for t, f in found.items() if f == 0.0) / total
        focus_w = {t: w * (p.title_discount if t in title else 1.0) for t, w in weights.items()}
        focus = sum(focus_w[t] * f for t, f in found.items()) / (sum(focus_w.values()) or 1.0)
        local_w = local.get(chunk.doc_id)
        if local_w is None:
            sentences = article_sentence_tokens(index, chunk.doc_id) if index is not None else []
            local_w = local[chunk.doc_id] = _local_weights(q, weights, sentences)
        distinct = sum(w for t, w in local_w.items() if found[t] == 1.0) / (sum(local_w.values()) or 1.0)
        # ("hôm nay" of an article without its date is no date: the day is not given; "năm nay" is
        # shown as written)
        ev.dates = [
            d
            for d in find_dates(ev.text, _reference(ev.article), relative=True)
            if not (d.relative and d.iso is None and d.precision == "day")
        ]
        names = sum(n in fold(ev.text) for n in q.names) / len(q.names) if q.names else 0.0
        first = chunk.sentences[0] if chunk.sentences else (-1, -1)
        ev.features = {
            "coverage": ev.coverage,
            "own": ev.own,
            "focus": focus,
            "distinct": distinct,
            "semantic": sim,
            "semantic_gap": sim - best_sim,
            "type_fit": _type_fit(q, ev, q.qtype, p),
            "names": names,
            "inv_rank": 1.0 / ev.rank,
            "lead": 1.0 if chunk.n == 0 and (ev.start, ev.end) == tuple(first) else 0.0,
            "asked": 1.0 if q.asked and _names_asked(q, ev.text) else 0.0,
        }
        ev.score = scorer.probability(ev.features)
        ev.base = scorer.probability({**ev.features, "type_fit": 0.0})


def _bodies_of_places(q: Question) -> list[tuple[str, str]]:
    """The bodies a Vietnamese question names by their place: (the folded words before the place ending
    with its kind, the place): "Công an tỉnh Long An" -> ("cong an tinh", "long an")."""
    if q.language == "en":
        return []
    out = []
    for place in (n for n in q.names if n in places()):
        for m in re.finditer(
            rf" ((?:\w+ ){{1,3}})(tinh|thanh pho|tp|huyen|quan|bang) {re.escape(place)} ", q.words
        ):
            # (the body's name: its first word one of a body, none a name's: not "tỉnh A thăm tỉnh B")
            head = m.group(1).split()
            while head and (
                head[0] not in _BODY_HEADS or any(f" {n} " in f" {' '.join(head)} " for n in q.names)
            ):
                head = head[1:]
            if head:
                out.append((f"{' '.join(head)} {m.group(2)}", place))
    return out


def _of_other_place(text: str, bodies: list[tuple[str, str]]) -> bool:
    """``text`` names one of ``bodies`` of another place ("cong an tinh" then "Quảng Trị"), not of its own."""
    words = " " + " ".join(_WORD.findall(fold(text))) + " "
    if any(f" {place} " in words for _, place in bodies):  # (a place the question names itself)
        return False
    for body, _place in bodies:
        for m in re.finditer(rf" {re.escape(body)} ((?:\w+ ){{1,3}})", words):
            if starts_with_place(m.group(1)):
                return True
    return False


_DEMONSTRATIVES = frozenset("này đó kia".split())  # (not "trên": "một nhà hàng trên phố A" is where)


def _unnamed(q: Question, text: str) -> bool:
    """Each time ``text`` writes the noun the question asks for, it is an indefinite one ("một đơn vị tư
    vấn", "đơn vị tư vấn độc lập khác"; "a", "another") with no name in capitals right after it."""
    matches = list(_WORD.finditer(text))
    tokens = [(m.group(0), fold(m.group(0))) for m in matches]
    folded = [f for _, f in tokens]
    if _named_before(q, text):  # (named before it: "A, một luật sư hình sự")
        return False
    found = False
    for noun in q.asked:
        parts = noun.split()
        # (the question's words but the noun asked: "X nào", or "X" opening "X ... có tên là gì")
        others = q.words.replace(f" {noun} nao ", " ")
        others = (
            others[len(noun) + 1 :]
            if others.startswith(f" {noun} ") and _ASKS_NAME.search(others)
            else others
        )
        for i in range(len(folded) - len(parts) + 1):
            if folded[i : i + len(parts)] != parts:
                continue
            # (not one the question names itself: "Doanh nghiệp nào được doanh nghiệp dự án cho vay")
            if f" {' '.join(folded[i : i + len(parts) + 1])} " in others:
                continue
            after = tokens[i + len(parts) : i + len(parts) + 3]
            clause = re.split(r"[,;.:]", text[matches[i + len(parts) - 1].end() :])[0]
            if after and after[0][0].lower() in _DEMONSTRATIVES:  # ("nhà hàng này": the one written
                if _DESCRIBED.search(fold(clause)):  # before again; "nhà hàng này mang tên A" names it)
                    return False
                continue
            found = True
            # (one the article will not name: "quan chức Mỹ giấu tên", "một nguồn tin đề nghị không nêu tên")
            if _ANONYMOUS.match(fold(text[matches[i + len(parts) - 1].end() :][:80])):
                continue
            # (named right after it, or listed: "một số địa danh như A, B"; not "một khách sạn bên ngoài
            # Bình Nhưỡng", where it is)
            if any(raw[:1].isupper() for raw, _ in after[:1]) or _LISTED & set(
                folded[i + len(parts) : i + 9]
            ):
                return False
            before = folded[max(0, i - 3) : i]
            one = "mot" in before and not _SOME & set(before)  # ("một số", "một vài": some, not one)
            # (described: "một thỏa thuận hợp tác về năng lượng" answers "thỏa thuận nào")
            if _DESCRIBED.search(fold(clause)):
                return False
            if not one and "khac" not in [f for _, f in after]:
                return False
    return found


_ANONYMOUS = re.compile(
    # (folded, with its punctuation: "quan chức Mỹ giấu tên", ", người đề nghị được giấu tên,", "với điều
    # kiện giấu tên", "không nêu tên cho biết"; not "không nêu tên các công ty": someone else's name)
    r"\s*,?\s*(?:nguoi\s+)?(?:(?:de nghi|xin|yeu cau|voi dieu kien)\s+)?(?:duoc\s+)?"
    r"(?:giau (?:ten|danh tinh)|an danh"
    r"|khong (?:muon )?(?:neu|tiet lo|cong bo) (?:ten|danh tinh)"
    r"(?=\s*(?:[,.;)]|$|cho (?:biet|hay)|noi|xac nhan)))"
)
# the question asks for a name: "có tên là gì", "tên gọi là gì", "tên của dự án là gì", "what is the name of",
# "what are the names", "what is it called"
_ASKS_NAME = re.compile(
    r" (?:co |mang )?ten(?: goi| cua(?: \w+){1,3}?)?(?: la)? gi "
    r"| what (?:is|are|was|were) (?:the )?names? | what (?:is|are|was|were)(?: \w+){1,5} called $"
)


def _says_more(q: Question, text: str) -> bool:
    """``text`` has two words or more (folded, not the question's, not function words) beyond the question,
    or one with a word not the question's right next to it, only a space between (a new word of two
    syllables whose other folds like a function word: "dịch vụ bảo trì", "bao" of "bao nhiêu"; not "A
    (trái) và B", a caption)."""
    asked = set(q.words.split())
    folded = fold(text)
    found = [m for m in _WORD.finditer(folded) if m.group(0) not in asked]
    content = {m.group(0) for m in found if m.group(0) not in STOP_WORDS}
    if len(content) >= 2:
        return True
    return any(
        (a.group(0) in content or b.group(0) in content) and folded[a.end() : b.start()] == " "
        for a, b in zip(found, found[1:], strict=False)
    )


def _gives_name(q: Question, text: str) -> bool:
    """``text`` writes a name the question does not: a capitalised word past its first that is no word
    of the question (nor of its Vietnamese terms), of a place or country, or of an office title; or words
    in quotation marks that are not all the question's own."""
    known = set(q.words.split()) | set(_WORD.findall(fold(q.search_text)))
    # (not the question's own words quoted: "chống chuyện \"sáng đăng, trưa gặp\"")
    for quoted in re.finditer(r"[“\"«'‘]([^“”\"«»'‘’]{2,60})[”\"»'’]", text):
        if set(_WORD.findall(fold(quoted.group(1)))) - known - STOP_WORDS:
            return True
    spans = [(m.start(1), m.end(1)) for m in _places_in(text)] + [
        (m.start(), m.end()) for m in office_titles().finditer(text)
    ]
    words = list(_WORD.finditer(text))
    placed: set[int] = set()  # (the words of a place of the gazetteer: "Đà Nẵng")
    for j in range(len(words)):
        placed.update(range(j, j + place_prefix([w.group(0) for w in words[j : j + 5]])))
    for i, m in enumerate(words[1:], 1):
        word = m.group(0)
        if not word[:1].isupper() or fold(word) in known or fold(word) in country_aliases():
            continue
        before = [fold(w.group(0)) for w in words[max(0, i - 4) : i]]
        if (
            "theo" in before
            and all(  # (the source: "Theo Reuters", "theo hãng tin Al Jazeera")
                w in _SOURCE_WORDS or words[j].group(0)[:1].isupper()
                for j, w in enumerate(
                    before[before.index("theo") + 1 :], i - len(before) + before.index("theo") + 1
                )
            )
        ):
            continue
        if any(a <= m.start() < b for a, b in spans) or i in placed:
            continue
        window = [fold(w.group(0)) for w in words[max(0, i - 2) : i + 3]]
        if any(  # (a word of a country's name: "Thổ Nhĩ Kỳ")
            " ".join(window[a:b]) in country_aliases()
            for a in range(len(window))
            for b in range(a + 2, len(window) + 1)
        ):
            continue
        return True
    return False


# a name given as such ("mang tên A", "có tên là \"A\"", "được gọi là A", "đặt tên A"), a capital first; not
# "cái gọi là" (so-called)
_NAMED_SO = re.compile(
    rf"(?i:(?<!cái )\b(?:mang tên|có tên|tên là|tên gọi|gọi là|đặt tên|lấy tên))\s+(?:là\s+)?[“\"«'‘]?\s*"
    rf"[{_CAPS}]"
)


def _named_so_near(q: Question, text: str) -> bool:
    """``text`` gives a name as such (``_NAMED_SO``) within 60 characters of the noun the question asks
    for, before or after ("chương trình có tên A, một dự án ..." for "dự án ... tên là gì"; not "Cơ sở B mang
    tên C" for the ship the sentence names later on)."""
    folded = fold(text)
    nouns = [m for noun in q.asked for m in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", folded)]
    return any(
        abs(m.start() - n.start()) <= 60 and (n.end() <= m.start() or n.start() >= m.end())
        for m in _NAMED_SO.finditer(text)
        for n in nouns
    )


_SOURCE_WORDS = frozenset("dai hang tin bao to kenh trang".split())


_LISTED = frozenset("nhu gom la bao".split())
_DESCRIBED = re.compile(r"\b(?:ve|cua|hop tac|thuoc|mang ten|co ten)\b")
_SOME = frozenset("so vai loat trong".split())


def _names_one(q: Question, text: str) -> bool:
    """``text`` names one of the noun the question asks for, right after it or after "là" in its clause
    ("Doanh nghiệp A", "Doanh nghiệp được vay là Công ty CP Tân Hòa", "chủ đề \"A\""): words in quotation
    marks, two capitalised words or more, or
    one that is no Vietnamese syllable ("Vingroup"); not a country, a place, one syllable (the State,
    "doanh nghiệp Nhà nước") or a short acronym of a kind ("doanh nghiệp FDI")."""
    for noun in q.asked:
        parts = r"\s+".join(re.escape(p) for p in noun.split())
        for m in re.finditer(rf"(?<!\w){parts}(?!\w)", fold(text)):
            # (or words in quotation marks right after it, a capital first: a theme, a slogan, "với chủ đề
            # \" A - B \""; not scare quotes, "doanh nghiệp \" sân sau \"")
            if re.match(
                rf"\s*(?:là\s+)?[“\"«'‘]\s*[{_CAPS}][^“”\"«»'‘’]*?\s+\w+[^“”\"«»'‘’]*[”\"»'’]",
                text[m.end() :],
            ):
                return True
            clause = re.split(r"[,;.:]", text[m.end() :])[0]
            said = re.search(r"\blà\s+(.*)", clause)
            for words in (clause.split()[:6], said.group(1).split()[:6] if said else []):
                runs = re.findall(rf"[{_CAPS}][\w-]*(?:\s+[{_CAPS}][\w-]*)*", " ".join(words))
                for name in runs:
                    key = fold(name)
                    if (
                        (name.isupper() and len(name) <= 3)
                        or key in country_aliases()
                        or starts_with_place(name)
                        or f" {' '.join(_WORD.findall(key))} " in q.words  # (one the question names)
                    ):
                        continue
                    if " " in key or not is_syllable(key):
                        return True
    return False


def _named_before(q: Question, text: str) -> bool:
    """``text`` writes a person's name (``person_names``), then a comma, a kind of person (``_person_noun``)
    and the noun the question asks for, up to three words after the comma ("Anh Nguyễn Văn A, kỹ sư phần
    mềm", "A, một luật sư hình sự"; not a place, "Tại Bình An, kỹ sư ...", nor a thing, "Theo ông A, tàu
    ...", "A, giám đốc công ty")."""
    folded = fold(text)
    if len(folded) != len(text):
        return False
    for noun in q.asked:
        for m in re.finditer(rf"\s*,\s*(?:mot\s+)?((?:\w+\s+){{0,3}}?){re.escape(noun)}(?!\w)", folded):
            kind = (m.group(1).split() + noun.split())[:2]
            if _person_noun(" ".join(kind)) and any(
                text[: m.start()].endswith(n) for n in person_names(text)
            ):
                return True
    return False


# the second syllables of Sino-Vietnamese nouns for a kind of person ("ngư dân", "kỹ sư", "nhân viên",
# "sinh viên", "chuyên gia", "bác sĩ", "phi công", "nghi phạm", "công nhân"), the first of nouns for a
# person ("người", "ông", "bà", "chồng", "vợ"), and kin and teachers, folded
_PERSON_SECOND = frozenset("dan su vien sinh gia si cong pham nhan".split())
_PERSON_FIRST = frozenset("nguoi ong ba chong vo".split())
_KIN = frozenset({"con trai", "con gai", "con dau", "con re", "co giao", "thay giao", "nha bao"})


@lru_cache(maxsize=1)
def _folded_person_nouns() -> frozenset[str]:
    return frozenset(fold(n) for n in person_nouns())


def _person_noun(noun: str) -> bool:
    """``noun`` (folded) names a kind of person: one of ``person-nouns.tsv``, kin, or by its syllables."""
    parts = noun.split()
    return bool(parts) and (
        noun in _KIN
        or noun in _folded_person_nouns()
        or parts[0] in _PERSON_FIRST
        or (len(parts) >= 2 and parts[1] in _PERSON_SECOND)
    )


def _names_asked(q: Question, text: str) -> bool:
    """The sentence names the noun the question asks for (``Question.asked``), as a whole word."""
    words = " " + " ".join(_WORD.findall(fold(text))) + " "
    return any(f" {noun} " in words for noun in q.asked)


def _person_acted_on(q: Question, text: str) -> bool:
    """``text`` names someone by an honorific right after two words the question writes in a row, its act
    done to that person ("kỷ luật cảnh cáo ông A" for "Cán bộ nào bị kỷ luật cảnh cáo"; not "Ông A, Chủ
    nhiệm Ủy ban kiểm tra, ký quyết định kỷ luật")."""
    for m in _HONORIFIC_NAME.finditer(text):
        before = _WORD.findall(re.sub(r"\s*(?:đối với|với)\s*$", "", fold(text[: m.start()])))[-2:]
        if len(before) == 2 and not set(before) <= STOP_WORDS and f" {' '.join(before)} " in q.words:
            return True
        # (or the subject of "bị"/"được" and the act: "Ông A, nguyên Trưởng phòng B, bị kỷ luật cảnh cáo")
        passive = re.search(r"\b(?:bi|duoc) ((?:\w+ ){1,8})", fold(text[m.end() : m.end() + 160]) + " ")
        if passive:
            words = passive.group(1).split()
            if any(
                f" {a} {b} " in q.words and not {a, b} <= STOP_WORDS
                for a, b in zip(words, words[1:], strict=False)
            ):
                return True
    return False


def _writes_asked(q: Question, text: str) -> bool:
    """``_names_asked``; a noun of one syllable as a word of its own or the first of one, as the segmenter
    reads the sentence (folded, "truong" is also the second syllable of "lập trường")."""
    if all(" " in noun for noun in q.asked):
        return _names_asked(q, text)
    firsts = {fold(token).split("_")[0] for token in segment(text)}
    return any(noun in firsts if " " not in noun else _names_asked(q, text) for noun in q.asked)


def sentence_similarities(evidence: list[Evidence], index: Index, qvec: np.ndarray | None) -> list[float]:
    """Cosine of the question vector and each candidate sentence's vector stored at ingest (0 if none)."""
    if qvec is None or not len(index.sentence_vectors):
        return [0.0] * len(evidence)
    rows = [index.sentence_row(ev.doc_id, ev.start) for ev in evidence]
    found = [r for r in rows if r is not None]
    sims = index.sentence_vectors[found].astype(np.float32) @ np.asarray(qvec, dtype=np.float32)
    by_row = dict(zip(found, sims.tolist(), strict=True))
    return [float(by_row[r]) if r is not None else 0.0 for r in rows]


# a when-question asking when a statement was made (folded): the verb of telling right before the time
# asked, or, in English, the verb of its main clause ("When did A announce that ..."; not "When will the
# summit that A announced be held")
_REPORT_DATE_ASKED = re.compile(
    r"(?<! bai)(?<! ra)(?<! theo)(?<! ban) (?P<verb>thong bao|cong bo|tuyen bo|cho biet|tiet lo|phat bieu)"
    r"(?: (?:dieu|viec|thong tin|tin) (?:nay|do))? (?:vao )?(?:ngay|hom|luc|thoi diem) nao"
    r"(?: ve(?: \w+){1,8})? $"
    # (in English, a verb of announcing only: "When did A say the meeting would take place" asks its date)
    r"|^ (?:on )?(?:when|what date|which date|what day|which day) (?:did|has|had)"
    r"(?: (?!that\b|which\b|who\b)\w+){1,12}? (?:announce|reveal|declare|disclose) "
)
# a verb of telling, as an article writes it, and the words that make "thông báo" a noun right before it
_TELLING = re.compile(
    r"(?<!\w)(?:thông báo|công bố|tuyên bố|cho biết|cho hay|tiết lộ|phát biểu|khẳng định)(?!\w)",
    re.IGNORECASE,
)
_TELLING_NOUN = re.compile(r"(?<!\w)(?:ra|theo|trong|bản|một|các|những|tờ)\s+$", re.IGNORECASE)


# a paper of a numbered kind, with its number (folded): "nghi quyet 132", "quyet dinh so 137 / qd - xttm"
_PAPER_KINDS = (
    r"(?:nghi quyet|nghi dinh|quyet dinh|thong tu|chi thi|cong van|ket luan|luat|sac lenh|ke hoach|thong bao"
    r"|to trinh)"
)
# another paper a sentence refers to, not the one it tells of ("theo Nghị quyết 12", "thực hiện ...")
_PAPER_REFERRED = re.compile(r"\b(?:theo|can cu|thuc hien|thay the|sua doi|bo sung|tai)\s*$")
_NUMBERED_PAPER = re.compile(rf" (?P<kind>{_PAPER_KINDS}) (?:so )?(?P<no>\d+)\b")
# the number of such a paper asked ("nghị quyết số mấy", "quyết định số bao nhiêu")
_PAPER_NUMBER_ASKED = re.compile(rf" (?P<kind>{_PAPER_KINDS}) so (?:may|bao nhieu) ")
# ... right before a date it dates, its issuer between at most ("nghi quyet 26 cua hoi nghi ... ngay")
_PAPER_DATED = re.compile(
    rf"\b(?P<kind>{_PAPER_KINDS}) (?:so )?(?P<no>\d+)(?: ?[/\-–] ?[a-z0-9]+)*"
    r"(?: cua [^,;.]{0,60}?)? (?:ngay )?$"
)


# a verb whose year describes the subject, not the time asked ("công ty thành lập năm 1995")
_DESCRIBING_YEAR = r"(?:thanh lap|ra doi|sinh|khanh thanh|xay dung|hoan thanh|khoi cong|founded|built|born)"
# a sentence opening with the year its clause is of ("Năm 2019, ...", "Trong năm 2018, ...", "In 2017, ...")
_YEAR_OPENING = re.compile(r"^\W*(?:(?:trong|vào|tới|đến)\s+)?(?:năm|in)\s+(\d{4})\s*,", re.IGNORECASE)


def _of_another_year(text: str, years: list[str]) -> bool:
    """``text`` opens with a year other than ``years`` and writes none of them."""
    m = _YEAR_OPENING.match(text)
    return m is not None and m.group(1) not in years and not any(y in text for y in years)


def _dates_other_paper(text: str, d: DateMention, papers: set[tuple[str, str]]) -> bool:
    """``d`` is written right after a numbered paper (its date), of a kind of ``papers`` but another
    number than theirs; with no ``papers``, one of any kind that the sentence refers to ("thực hiện Kế
    hoạch số 357-KH/ĐU, ngày 5/7/2019 của ...", ``_PAPER_REFERRED``), not one it says was issued."""
    before = re.sub(r"\s+", " ", fold(text[: d.start]).lower()).rstrip() + " "  # (its punctuation kept)
    # (a comma between the paper and its date when its issuer follows the date: "Nghị quyết số 12-NQ/TW,
    # ngày 19-5-2018 của Hội nghị Trung ương")
    if re.match(r"\s*của\b", text[d.end :], re.IGNORECASE):
        before = re.sub(r", (ngay )?$", r" \1", before)
    m = _PAPER_DATED.search(before)
    if m is None:
        return False
    if not papers:
        return _PAPER_REFERRED.search(before[: m.start()]) is not None
    kinds = {kind for kind, _ in papers}
    return m["kind"] in kinds and (m["kind"], m["no"]) not in papers


def _dates_asked(q: Question, ev: Evidence, marked: bool = False) -> list[DateMention]:
    """The sentence's dates that can answer: asked when something ends ("kết thúc vào ngày nào", "until
    when"), not a date that starts a span ("từ ngày 15/5"); asked when it starts or arrives ("bắt đầu",
    "khai mạc", "arrive"), not one that ends it ("kéo dài đến ngày 9/3"). A span of both ends answers
    either. With ``marked``, only the dates written as the end (the start) asked ("đến năm 2028"), and
    none when the question asks neither."""
    # (not a day the question gives itself: "vào ngày nào mà khiến giá vàng hôm 14/9 lao dốc" asks for
    # another day than 14/9; but "ngày 14/9 năm nào" asks that day's year)
    given = q.days and not _ASKS_YEAR.search(q.words)
    dates = [d for d in ev.dates if (d.day, d.month) not in q.days] if given else ev.dates
    # (not the date of another numbered paper of the kind the question names: "Nghị quyết 26 ngày
    # 19-5-2018" for "nghị quyết 132 ... ký ngày nào")
    # (nor, when the question names no paper, the date of a paper the sentence refers to: "thực hiện Kế
    # hoạch số 357-KH/ĐU, ngày 5/7/2019 của Đảng uỷ" does not date the conference it plans)
    papers = {(m["kind"], m["no"]) for m in _NUMBERED_PAPER.finditer(q.words)}
    if papers or not re.search(rf"\b{_PAPER_KINDS}\b", q.words):
        dates = [d for d in dates if not _dates_other_paper(ev.text, d, papers)]
    if not _says(q, *_ASKS_REPORT):  # ("Báo A ngày 17-8 dẫn thông tin ... cho hay B gặp C": when the
        # paper wrote it, not when B met C)
        dates = [d for d in dates if not _reported(ev.text, d)]
        # (nor the day someone told of another day: "ông A ngày 13/7 cho biết, cuộc gặp bắt đầu lúc 13h
        # ngày 16/7" dates the meeting on 16/7; with no later day, "Tập đoàn A hôm 7/3 cho biết họ đã nộp
        # đơn ... từ năm 2018", the day told is the act's)
        dates = [
            d
            for d in dates
            if not (
                _REPORTED.match(ev.text, d.end)
                and any(
                    o.start > d.end and o.day is not None and (not (o.iso and d.iso) or o.iso >= d.iso)
                    for o in ev.dates
                )
            )
        ]
    elif (told := _REPORT_DATE_ASKED.search(q.words)) and not _FUTURE_WORD.search(q.words):
        # when someone announced something ("On what date did A announce that the summit would be held in
        # B", "A thông báo vào ngày nào"; not "A sẽ công bố vào ngày nào"): a date after the sentence's verb
        # of telling in its clause, before what it tells ("..., Bộ Ngoại giao A thông báo hôm 9/2", "tuyên bố
        # trên Twitter hôm 12/3 rằng ..."), else one before it ("Trong thông điệp hôm 9/2, A thông báo cuộc
        # gặp sẽ diễn ra trong hai ngày 27 - 28/2"), else any. The verb the question names, if the sentence
        # writes it; "thông báo" as a noun ("ra thông báo", "theo thông báo") is no verb.
        verbs = [v for v in _TELLING.finditer(ev.text) if not _TELLING_NOUN.search(ev.text[: v.start()])]
        named = [v for v in verbs if told["verb"] and fold(v.group(0)) == told["verb"]]
        verb = next(iter(named or verbs), None)
        if verb is not None:
            # (after the verb, in its clause, before what it tells: "rằng", "là", ":", a quote, "sẽ")
            after = ev.text[verb.end() :]
            end = re.search(r"[,;.]|\b(?:rằng|là|sẽ|dự kiến)\b|[:“\"]", after)
            reach = verb.end() + (end.start() if end else len(after))
            own = [d for d in dates if verb.end() <= d.start < reach]
            dates = own or [d for d in dates if d.end <= verb.start()] or dates
    if not _FUTURE_WORD.search(q.words) and not _asks_deadline(q):  # (nor, of what has happened, a
        # date of what would: "nếu kế hoạch lại bị bác bỏ ngày 20-3 tới, chính phủ sẽ ..."; it dates the vote
        # of "lần bỏ phiếu tới", and a time limit, "bị phạt nếu không đăng ký trước ngày 15-5 tới")
        dates = [d for d in dates if not _conditional(ev.text, d)]
    before_day = _says(q, *_ASKS_BEFORE_DAY)
    # ("đặt thời hạn chót nào": a time limit asked by its name; "trước ngày 1/3" writes one, and a sentence
    # with none gives no date: not the day the limit was set, "Hôm 5/2, A yêu cầu B ký trước ngày 1/3")
    named_limit = _LIMIT_NAMED.search(q.words) is not None
    if before_day or _says(q, *_ASKS_DEADLINE):  # "hạn chót ... là ngày nào": a date written as the time
        # limit, "trước nửa đêm ngày 5/5", before any other
        due = [
            d
            for d in dates
            if _DUE_BEFORE.search(ev.text[max(0, d.start - 40) : d.start])
            or ((before_day or named_limit) and _BEFORE_DAY.search(ev.text[max(0, d.start - 40) : d.start]))
        ]
        if due or (marked and before_day) or named_limit:
            return due
    ends, starts = _says(q, *_ASKS_END), _says(q, *_ASKS_START)
    if ends == starts:
        return [] if marked else dates
    wrong, right = (_STARTS_BEFORE, _ENDS_BEFORE) if ends else (_ENDS_BEFORE, _STARTS_BEFORE)
    before = {id(d): ev.text[max(0, d.start - 30) : d.start] for d in dates}
    fits = [d for d in dates if d.precision == "range" or not wrong.search(before[id(d)])]
    # (the end asked, "đến năm nào": the date written as one, "đến năm 2028", before any other)
    written = [d for d in fits if d.precision == "range" or right.search(before[id(d)])]
    return written if marked else written or fits


# a word of what is to come in a question (folded: "tới" is also "tôi", "tối"; only the rule is not applied)
_FUTURE_WORD = re.compile(
    r" (?:toi|sap|se|du kien|du dinh|lich trinh|han chot|tiep theo|ke tiep|next|upcoming|will|coming"
    r"|scheduled|expected|planned|due|deadline) "
)


def _conditional(text: str, d: DateMention) -> bool:
    """``d`` is an upcoming date in a clause of a condition ("nếu ... bị bác bỏ ngày 20-3 tới"), not in what
    follows it ("nếu điều kiện cho phép thì hội nghị diễn ra ngày 20-6 tới")."""
    clause = re.split(r"[,;:]", text[: d.start])[-1]
    condition = _UNREALISED.search(clause)
    return d.future and condition is not None and not re.search(r"\bthì\b", clause[condition.end() :])


# a date that dates a report, right before its verb ("Báo A ngày 17-8 dẫn thông tin", "Tin từ Đại sứ quán
# ngày 16-5 cho biết"), and a question about a report, a statement or an announcement
_REPORTED = re.compile(
    r"[\s,]*(?:cho biết|cho hay|đưa tin|dẫn (?:thông tin|lời|nguồn)|trích dẫn|loan tin|tường thuật)\b",
    re.IGNORECASE,
)
# (a paper, an agency, a channel or a source by its name: "Báo India Today", "hãng tin AP", "Tin từ Đại sứ
# quán"; not "họp báo", "thông báo", "báo cáo", "Đài Loan", "vũ trang")
_MEDIA = re.compile(
    r"(?<!\w)(?<!họp )(?<!thông )(?<!vũ )(?<!Họp )(?<!Thông )"
    r"(?:[Bb]áo|[Tt]ờ|[Hh]ãng tin|[Hh]ãng thông tấn|[Tt]hông tấn xã|[Đđ]ài|[Kk]ênh|[Tt]rang|[Tt]ạp chí"
    r"|[Tt]in từ|[Nn]guồn tin)\s+(?!Loan\b)[A-ZĐ]"
)


def _reported(text: str, d: DateMention) -> bool:
    """``d`` dates a report: a verb only news reports with right after it ("DPA ngày 12/2 đưa tin"), or
    a paper, an agency or a source of news in its clause before it (or an agency's name alone, "Reuters
    ngày 3/5 dẫn lời") and a verb of reporting right after it (not "Huawei hôm 7/3 cho biết họ đã nộp
    đơn", its own act, nor "ông A ngày 3/5 dẫn lời", a person's)."""
    if _NEWS_VERB.match(text, d.end):  # (a verb only news is the subject of: "DPA ngày 12/2 đưa tin")
        return True
    clause = re.split(r"[,.;:]", text[: d.start])[-1]
    if _AGENCY_ALONE.fullmatch(clause) and _QUOTING.match(text, d.end):  # ("Reuters ngày 3/5 dẫn lời")
        return True
    return _REPORTED.match(text, d.end) is not None and _MEDIA.search(clause) is not None


_NEWS_VERB = re.compile(r"[\s,]*(?:đưa tin|loan tin)\b", re.IGNORECASE)
# a news agency by its own name alone, the whole clause before a date ("..., Reuters ngày 3/5 dẫn lời"):
# one or two words of Latin letters, the first a capital (no honorific, title or Vietnamese name), that
# quotes someone right after it (not "Huawei hôm 7/3 cho biết", a company telling of its own act)
_AGENCY_ALONE = re.compile(r"\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?\s*")
_QUOTING = re.compile(r"[\s,]*(?:dẫn (?:lời|nguồn|thông tin)|trích (?:dẫn|lời))\b", re.IGNORECASE)


_ASKS_REPORT = (
    re.compile(
        r" (?:cho biết|cho hay|đưa tin|(?:dẫn|đăng|đăng tải) (?:thông tin|lời|nguồn|tin)|loan tin|tường thuật"
        r"|nói|tuyên bố|thông báo|công bố|phát biểu) "
    ),
    re.compile(
        # (folded, not "noi" of "Hà Nội", "dan" of "dân": "nói rằng", "dẫn lời")
        r" (?:cho biet|cho hay|dua tin|(?:dan|dang|dang tai) (?:thong tin|loi|nguon|tin)|loan tin|tuong thuat"
        r"|noi rang|tuyen bo|thong bao|cong bo|phat bieu|say|said|says|report|reported|reports|announce"
        r"|announced|stated|tell|told) "
    ),
)
# the end or the start of something asked (marked words, or folded and English ones)
_ASKS_END = (
    re.compile(
        r" (?:kết thúc|bế mạc|hết hạn|(?:đến|tới) (?:ngày|khi|năm|tháng) nào|đến bao giờ|kéo dài đến) "
    ),
    re.compile(
        r" (?:ket thuc|be mac|het han|(?:den|toi) (?:ngay|khi|nam|thang) nao|den bao gio|keo dai den|"
        r"end|ends|ended|until|finish|finished|conclude|concluded|expire|expired|expires) "
    ),
)
_ASKS_START = (
    re.compile(r" (?:bắt đầu|khai mạc|khởi công|khởi hành|từ (?:ngày|khi) nào|từ bao giờ) "),
    re.compile(
        r" (?:bat dau|khai mac|khoi cong|khoi hanh|tu (?:ngay|khi) nao|tu bao gio|start|started|starts|begin|"
        r"began|begins|arrive|arrived|arrives|arrival|launch|launched) "
    ),
)
# a time limit asked (marked words, or folded and English ones), and the words that write a date as one
_ASKS_DEADLINE = (
    re.compile(r" (?:hạn chót|thời hạn|hạn cuối|chậm nhất|muộn nhất) "),
    re.compile(r" (?:han chot|thoi han|han cuoi|cham nhat|muon nhat|deadline|no later than) "),
)
# (or "before which day" itself: "phải báo cáo trước ngày nào", "by what date"; then "trước ngày 21-12" is
# the limit)
_ASKS_BEFORE_DAY = (
    re.compile(r" trước (?:ngày|thời điểm|thời hạn) nào "),
    re.compile(r" (?:truoc (?:ngay|thoi diem|thoi han) nao|by (?:what|which) (?:date|day)) "),
)


# a time limit asked by its name and "nào" (folded): "đặt thời hạn chót nào", "hạn cuối nào"
_LIMIT_NAMED = re.compile(r" (?:thoi )?han (?:chot|cuoi(?: cung)?) nao ")


def _asks_deadline(q: Question) -> bool:
    """The question asks for a time limit ("hạn chót", "trước ngày nào")."""
    return _says(q, *_ASKS_DEADLINE) or _says(q, *_ASKS_BEFORE_DAY)


_BEFORE_DAY = re.compile(
    r"\btrước\s+(?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?\s+)?(?:ngày\s+|hôm\s+)?$", re.IGNORECASE
)
_DUE_BEFORE = re.compile(  # (not "trước" alone: "gặp nhau trước ngày 5/5" is no time limit)
    r"\b(?:(?:hạn chót|thời hạn|hạn cuối|chậm nhất|muộn nhất)(?:\s+(?:là|vào|trước))?"
    r"|trước\s+(?:nửa|hết|cuối))"
    r"(?:\s+(?:nửa|đêm|cuối|hết))*\s+(?:ngày\s+|hôm\s+)?$",
    re.IGNORECASE,
)
# the words that start or end something, as written ("từ", not "tư" of "Đầu tư")
_START_WORDS = r"từ|bắt đầu|khai mạc"
_END_WORDS = r"kết thúc|bế mạc"
# the words that make a date the start or the end of a span ("từ ngày 15/5", "kéo dài đến ngày 9/3")
# (or a thing ended between: "kết thúc nhiệm kỳ vào tháng 2-2018", "bắt đầu chuyến thăm vào ngày 5/3")
_STARTS_BEFORE = re.compile(
    rf"\b(?:(?:{_START_WORDS})(?:\s+(?:từ|vào))?|(?:bắt đầu|khai mạc)(?:\s+[^\W\d]+){{1,2}}?\s+(?:từ|vào))"
    r"\s+(?:ngày\s+|hôm\s+)?$",
    re.IGNORECASE,
)
# ("đến vào ngày 10/11", arrives on, is no end)
_ENDS_BEFORE = re.compile(
    rf"\b(?:đến|tới|(?:hết|{_END_WORDS})(?:(?:\s+[^\W\d]+){{0,2}}?\s+vào)?)\s+(?:ngày\s+|hôm\s+)?$",
    re.IGNORECASE,
)


# a when-question asking for a year (folded)
_ASKS_YEAR = re.compile(r" (?:nam nao|nam may|nam bao nhieu|(?:what|which) year|in what year) ")
# a time of day asked ("lúc mấy giờ", "what time") and written ("13h10", "9 giờ 30", "13:10")
_ASKS_CLOCK = re.compile(r"(?<!keo dai)(?<!mat)(?<!trong) (?:may gio|what time(?! frame| of)) ")
_CLOCK = re.compile(
    r"(?<![\d/.,-])\d{1,2}(?:h\d{0,2}(?!\w)|:\d{2}|\s+giờ(?:\s+\d{1,2}(?:\s+phút)?)?)(?![\d/])"
)


# the words before the base of a comparison ("so với năm 2016", "so với cùng thời điểm năm 2016", "hơn năm
# ngoái"); not a time limit, "không muộn hơn tháng 12", "sớm hơn ngày 1/1"
_COMPARED_WITH = re.compile(
    r"(?<!\w)(?:so với|(?<!muộn )(?<!sớm )(?<!chậm )(?<!trễ )hơn)"
    r"(?:\s+(?:cùng|kỳ|thời|điểm|gian|mức|của|hồi|cả)){0,3}\s+$",
    re.IGNORECASE,
)


def _upcoming(q: Question, ev: Evidence) -> list[DateMention]:
    """The sentence's dates of something upcoming: marked so ("dự kiến ký vào ngày 30-6", "tháng tới"),
    or, when none is, opening the sentence or a clause after ";" that says it will happen ("Ngày 19/5,
    Thủ tướng sẽ hội kiến ..."), else one after a will-word that the question's words lead to
    (``_after_will``)."""
    # (not the base of a comparison: "sẽ gần hơn so với năm 2016" says nothing of when)
    marked = [
        d for d in ev.dates if d.future and not _COMPARED_WITH.search(ev.text[max(0, d.start - 30) : d.start])
    ]
    if marked:
        return marked
    out = []
    for k, d in enumerate(ev.dates):
        # (opening a clause after a comma too: "Theo hiệp định ..., từ ngày 1-6, gỗ ... sẽ không thể ...")
        # (and the date a state holds from, "từ ngày 1-6", with the whole clause of what will hold)
        since = _FROM_WORDS.search(ev.text[: d.start])
        before = ev.text[: since.start() if since else d.start].rstrip()
        opening = not before or before.endswith(";") or bool(since and before.endswith(","))
        after = ev.text[d.end : ev.dates[k + 1].start if k + 1 < len(ev.dates) else len(ev.text)]
        if opening and _WILL.match(re.split(r"[;.]", after)[0][: 90 if since else 60]):
            out.append(d)
    return out or _after_will(q, ev)


def _verb_asked_before(q: Question, before: str) -> bool:
    """The two words right before a date (after ``before``'s last "vào", "trong" or "ngày" aside) are two
    words the question writes together ("thông qua giữa năm 2019" for "dự kiến thông qua luật khi nào")."""
    words = _WORD.findall(fold(before))
    while words and words[-1] in ("vao", "trong", "ngay"):
        words.pop()
    return len(words) >= 2 and f" {words[-2]} {words[-1]} " in f" {q.words} "


_WILL_WORD = re.compile(r"\b(?:sẽ|dự\s+kiến)\b", re.IGNORECASE)
# a past act or a past day between a will-word and a date ("sẽ ký hợp đồng đã đàm phán hôm 5/3", "sẽ sửa
# luật được thông qua năm 2024")
_PAST_BETWEEN = re.compile(
    r"\b(?:đã|vừa|từng|hôm|hồi|trước\s+(?:đó|đây)|(?:năm|tháng|tuần)\s+(?:ngoái|trước)|được)\b", re.IGNORECASE
)
# the will-word's own passive ("sẽ được thông qua", "dự kiến được ký"), no past
_WILL_PASSIVE = re.compile(r"^\s*(?:sẽ\s+)?được\b", re.IGNORECASE)


def _after_will(q: Question, ev: Evidence) -> list[DateMention]:
    """The first date after "sẽ" or "dự kiến" in its clause, nothing past between, right after two words
    of the question ("Ủy ban sẽ tổ chức các hội nghị ... trước khi Quốc hội xem xét thông qua giữa năm
    2019" for "dự kiến xem xét thông qua luật vào thời gian nào"; not "dự kiến thăm A trên đường sang B dự
    diễn đàn C ngày 26 - 27/4" for "dự kiến thăm A vào ngày nào"), not a numbered paper's ("Nghị quyết 26
    ngày 19-5-2018") and, the article dated, not before its day."""
    published = ev.article.published
    for d in ev.dates:
        clause = ev.text[: d.start].split(";")[-1]
        wills = list(_WILL_WORD.finditer(clause))
        if not wills:
            continue
        between = clause[wills[-1].end() :]
        if (
            _PAST_BETWEEN.search(_WILL_PASSIVE.sub("", between))
            or any(d.start - len(between) <= o.start and o.end <= d.start for o in ev.dates)  # (another)
            or re.search(r"\d\s*(?:,\s*)?(?:ngày\s*)?$", between)
            or (published and d.iso and d.iso < published[: len(d.iso)])
            or not _verb_asked_before(q, ev.text[: d.start])
        ):
            continue
        return [d]
    return []


# "sẽ" or "dự kiến" in the words right after a date
_WILL = re.compile(r"[^;.]*?\b(?:sẽ|dự kiến)\b", re.IGNORECASE)
_FROM_WORDS = re.compile(r"\b(?:kể\s+)?từ\s+$", re.IGNORECASE)  # ("từ ngày 1-6": a state from that day)


def _clock(q: Question, text: str) -> str | None:
    """The time of day ``text`` writes, not the start of something when its end is asked ("kết thúc lúc
    mấy giờ": not "bắt đầu ... vào lúc 9h30") nor its end when its start is."""
    ends, starts = _says(q, *_ASKS_END), _says(q, *_ASKS_START)
    wrong = (_STARTED if ends else _ENDED) if ends != starts else None
    for m in _CLOCK.finditer(text):
        if wrong is not None and wrong.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        return m.group(0)
    return None


# (anywhere in the words before a time of day; "đến" may be "arrives")
_STARTED = re.compile(rf"\b(?:{_START_WORDS})\b", re.IGNORECASE)
_ENDED = re.compile(rf"\b(?:{_END_WORDS})\b", re.IGNORECASE)


def _at_part_asked(q: Question, mentions: list[DateMention]) -> list[DateMention]:
    """The dates written with the part of the day the question asks ("vào tối ngày nào": "tối 4-5");
    none when it asks none."""
    asked = (
        _ASKS_PART_OF_DAY[0].search(same_tones(q.text.lower()))
        if q.language == "vi"
        else _ASKS_PART_OF_DAY[1].search(q.words)
    )
    part = fold(asked.group(1)) if asked else ""
    return [d for d in mentions if part and d.part_of_day and fold(d.part_of_day).startswith(part)]


def _own_clause_dates(q: Question, ev: Evidence, mentions: list[DateMention]) -> list[DateMention]:
    """Of a sentence that lists people clause by clause, each opening with the one it is about and giving
    that one's date ("Đó là các ông A, ... (nghỉ hưu từ 1/2); và ông B, ... (nghỉ hưu từ 1/12/2017)"), the
    dates of the one clause that names the one the question names (every name it gives but its places and
    countries), none when that clause gives none; else ``mentions``: a date of a clause that opens with
    anything else is everyone's ("Bộ trưởng A ngày 1/2 đã trao quyết định cho ông B, ...; ông C, ...", "...;
    quyết định do Chủ tịch nước D ký ngày 1/2")."""
    if ";" not in ev.text:
        return mentions
    asked = [n for n in required_names(q) if n not in q.places and n not in country_aliases()]
    if not asked:
        return mentions
    spans, at = [], 0
    for part in ev.text.split(";"):
        spans.append((at, at + len(part)))
        at += len(part) + 1
    leads = {span: _clause_lead(ev.text[span[0] : span[1]]) for span in spans}
    own = [
        (a, b)
        for a, b in spans
        if all(_holds(" " + " ".join(_WORD.findall(fold(ev.text[a:b]))) + " ", n) for n in asked)
    ]
    if len(own) != 1:
        return mentions
    a, b = own[0]
    clause_of = {d.start: next(s for s in spans if s[0] <= d.start < s[1]) for d in mentions}
    outside = [d for d in mentions if clause_of[d.start] != own[0]]
    # (each of them in a clause about someone, after that one's name)
    if outside and all(
        (lead := leads[clause_of[d.start]]) is not None and d.start >= clause_of[d.start][0] + lead
        for d in outside
    ):
        return [d for d in mentions if a <= d.start < b]
    return mentions


# what may open a clause about one of a list before the name ("và ông", "Đó là các ông", "gồm bà")
_LIST_LEAD = re.compile(
    r"\s*(?:và\s+)?(?:(?:đó|Đó)\s+là\s+|gồm\s+|là\s+)?(?:(?:các|hai|ba)\s+)?(?:ông|bà|Ông|Bà)?\s*$"
)


def _clause_lead(clause: str) -> int | None:
    """Where the name of the person ``clause`` opens with ends, when nothing but ``_LIST_LEAD``'s words
    come before it; else None."""
    names = person_names(clause)
    first = min((clause.find(n) for n in names if n in clause), default=-1)
    if first < 0 or not _LIST_LEAD.fullmatch(clause[:first]):
        return None
    return first + len(next(n for n in names if clause.find(n) == first))


def _lead_date(q: Question, ev: Evidence) -> str | None:
    """The sentence's date, most precise first: a day or a span of days ("từ ngày 2 đến 6/10/2017"),
    else a month or a year with its qualifier as written ("cuối năm 2019"; asked the year, of those the one
    the question's words lead to, ``_led_to``); of a question about an
    upcoming event, an upcoming date ("dự kiến sẽ ký vào ngày 30-6", not "thông cáo ngày 25-6")."""
    if _ASKS_CLOCK.search(q.words):  # "lúc mấy giờ": the time of day, a date does not answer it
        clock = _clock(q, ev.text)
        return (f"At {clock}" if q.language == "en" else f"Lúc {clock}") if clock else None
    mentions = _own_clause_dates(q, ev, _dates_asked(q, ev))
    if _ASKS_YEAR.search(q.words):  # "từ năm nào", "in what year": a date with its year (written, or the
        mentions = [d for d in mentions if d.iso]  # article's), not "25-5" of an undated article
    upcoming = _upcoming(q, ev) if _asks_upcoming(q) else []
    if upcoming:
        mentions = [d for d in mentions if d in upcoming]
    # "vào tối ngày nào", "sáng hôm nào": the date written with that part of the day, if one is
    mentions = _at_part_asked(q, mentions) or mentions
    dated = [d for d in mentions if d.iso and (d.precision != "range" or d.end_iso)]
    # ("từ ngày nào đến ngày nào", "from what date to what date": a span of days first)
    span_first = bool(_ASKS_SPAN.search(q.words))
    partial = next(
        (
            d
            for d in sorted(
                mentions, key=lambda d: (span_first and d.precision != "range", -_led_to(q, ev, d))
            )
            if not d.iso and d.day and d.month and d.precision in ("day", "range")
        ),
        None,
    )
    days = [d for d in dated if d.precision == "day" or (d.precision == "range" and len(d.iso or "") == 10)]
    if partial is not None and not days:
        # an undated article's "ngày 27-8" (before a month or a year the sentence also gives): as
        # written, never with an invented year
        if partial.precision == "range" and partial.end_day and partial.end_month:
            return _span_without_year(partial, q.language)  # "12 và 13/12", "từ 2 đến 6/10"
        if q.language == "en":
            return f"On {partial.day}/{partial.month} (day/month; the year is not given)"
        return f"Ngày {partial.day}/{partial.month} (bài không nêu năm)"
    month = next(
        (d for d in mentions if not d.iso and d.month and not d.day and d.precision == "month"), None
    )
    if month is not None and month.month and not dated and not _ASKS_DAY.search(q.words):
        # an undated article's "vào tháng 8": the month as written, never with an invented year
        if q.language == "en":
            return f"In {calendar.month_name[month.month]} (the year is not given)"
        return f"Tháng {month.month} (bài không nêu năm)"
    relative = next((d for d in mentions if d.relative and not d.iso), None)
    if relative is not None and not dated and not _ASKS_DAY.search(q.words):
        # "cuối năm nay" of an article without its date: as written, never resolved against a guess
        # (a month or a year: a day of an undated article is no date, ``score_evidence``)
        if q.language == "en":
            return f"“{relative.text}”, as the article writes it (the article's date is not given)"
        return f"{relative.text[:1].upper() + relative.text[1:]} (bài không ghi ngày đăng)"
    if not dated or (not days and _ASKS_DAY.search(q.words)):
        return None  # "vào ngày nào", "on what date": a month or a year does not answer it
    rank = {"day": 0, "range": 0, "month": 1, "year": 2}

    def precision(d: DateMention) -> int:  # a span of months or of years ranks as a month
        return 1 if d.precision == "range" and len(d.iso or "") < 10 else rank[d.precision]

    # (of two days, the one the question's words lead to: "trao trả tự do hôm 13/6 ... và đã qua đời vào
    # ngày 19/6" for "qua đời khi nào")
    # (asked the year, "vào năm nào": a day first, then of a month and a year the one the question's words
    # lead to, a month answering it no better than a year: "lần đầu vào năm 2013 và ... gần đây nhất vào
    # tháng 7/2016")
    by_year = bool(_ASKS_YEAR.search(q.words))
    dated.sort(
        key=lambda d: (
            span_first and d.precision != "range",
            precision(d) > 0 if by_year else precision(d),
            -_led_to(q, ev, d),
            precision(d),
            d.start,
        )
    )
    d = dated[0]
    assert d.iso is not None
    en = q.language == "en"
    quarter = quarter_of(d)
    if quarter is not None:  # "quý 4-2016", as written; "in the fourth quarter of 2016"
        if en:
            qual = {"cuối": "late in ", "đầu": "early in ", "giữa": "in the middle of "}.get(
                d.text.split()[0].lower(), "in "
            )
            return f"{qual[:1].upper()}{qual[1:]}the {_ORDINAL_EN[quarter]} quarter of {d.iso[:4]}"
        return d.text[:1].upper() + d.text[1:]
    if d.precision == "range" and d.end_iso:
        if d.iso[:7] == d.end_iso[:7]:  # one month: "từ ngày 2 đến 6/10/2017", "from 2 to 6 October 2017"
            first = int(d.iso[8:])
            return (
                f"From {first} to {format_en(d.end_iso)}"
                if en
                else f"Từ ngày {first} đến {format_vi(d.end_iso)[5:]}"
            )
        vi = f"từ {format_vi(d.iso)} đến {format_vi(d.end_iso)}"  # days, months ("tháng 3/2024") or years
        if len(d.iso) == 4 and re.match(r"giai\s+đoạn|nhiệm\s+kỳ", d.text, re.IGNORECASE):
            vi = f"giai đoạn {d.iso[:4]} – {d.end_iso[:4]}"
        return f"From {format_en(d.iso)} to {format_en(d.end_iso)}" if en else vi[:1].upper() + vi[1:]

    def written(d: DateMention) -> str:
        assert d.iso is not None
        qual = re.match(r"(cuối|đầu|giữa)\s", d.text, re.IGNORECASE) if d.precision != "day" else None
        if en:
            words = {"cuối": "late ", "đầu": "early ", "giữa": "mid-"}
            lead = "on " if d.precision == "day" else "in " + (words[qual.group(1).lower()] if qual else "")
            return lead + format_en(d.iso)
        return f"{qual.group(1).lower()} {format_vi(d.iso)}" if qual else format_vi(d.iso)

    text = written(d)
    # (a date given as one of two, "vào cuối năm 2018 hoặc đầu năm 2019": both, as the article gives them)
    other = next(
        (
            o
            for o in ev.dates
            if o.start > d.end and o.iso and re.fullmatch(r"\s+(?:hoặc|hay|or)\s+", ev.text[d.end : o.start])
        ),
        None,
    )
    if other is not None:
        text += (" or " if en else " hoặc ") + written(other)
    return text[:1].upper() + text[1:]


_ORDINAL_EN = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def _both_dates(q: Question, ev: Evidence) -> str | None:
    """Two when-questions in one ("được ký ngày nào và công bố ngày nào") that ``ev`` answers with two
    dates, each the one the words of its own part (not the other's) lead to ("Quyết định ngày 22-1 ...
    công bố sáng nay 23-1"): both, in the question's order; else None."""
    asked = _when_parts(q.text) if q.qtypes == ["when"] and len(ev.dates) >= 2 else ()
    if len(asked) != 2:
        return None
    # (each part by its own verb, the words right before its "ngày nào", which must be written next to a
    # date of its own, before it or after it in its clause: "ký ngày nào" is not answered by "Ngày 5/3,
    # Bộ cho biết ... có hiệu lực từ ngày 1/4", nor "công bố" by the day it was signed)
    chosen = []
    for part in asked:
        verb = _part_verb(part)
        scores = [
            (len(verb & set(_date_words(ev, d, 6) + _words_after(ev, d))), -k) for k, d in enumerate(ev.dates)
        ]
        best = max(scores)
        if not verb or best[0] == 0:
            return None
        chosen.append(ev.dates[-best[1]])
    if chosen[0] is chosen[1]:
        return None
    first, second = (_lead_date(part, replace(ev, dates=[d])) for part, d in zip(asked, chosen, strict=True))
    if first is None or second is None or first == second:
        return None
    return f"{first}; {second[:1].lower()}{second[1:]}"


def _part_verb(part: Question) -> set[str]:
    """The folded words a when-question writes right before it asks when (up to three, not a name's nor a
    function word): "được ký ngày nào" -> {"ky"}, "có hiệu lực khi nào" -> {"hieu", "luc"}."""
    words = part.words.split()
    while words and words[-1] in _WHEN_WORDS | {"when", "what", "date", "day", "did", "was", "is"}:
        words.pop()
    names = {fold(w) for w in _WORD.findall(part.text) if w[:1].isupper()}
    return {w for w in words[-3:] if w not in STOP_WORDS and w not in names and w not in _WHEN_WORDS}


def _words_after(ev: Evidence, d: DateMention, reach: int = 8) -> list[str]:
    """The folded words after a date of ``ev`` in its clause, up to the next date (at most ``reach``)."""
    after = min((m.start for m in ev.dates if m.start >= d.end), default=len(ev.text))
    return _WORD.findall(fold(re.split(r"[;.]", ev.text[d.end : after])[0]))[:reach]


@lru_cache(maxsize=64)
def _when_parts(question: str) -> tuple[Question, ...]:
    """The parts of a question (``split_question``) analysed, when each asks when; else none (analysed once
    per question, not per candidate sentence)."""
    asked = tuple(analyze(part) for part in split_question(question))
    return asked if all(a.qtype == "when" for a in asked) else ()


def _led_to(q: Question, ev: Evidence, d: DateMention) -> int:
    """How many of the question's words (of the events it orders, if any; names and the words asking
    when aside) the date's own words hold: the six words before it, back to the date before it, and,
    when it opens its clause ("Ngày 2/3, A ký ...; ngày 12/3, A khai trương ..."), the words after it to
    the clause's end or the next date."""
    asked = set(" ".join(q.events).split()) if q.events else set(q.terms)
    asked -= _name_words(q)
    return sum(w in asked and w not in _WHEN_WORDS for w in _date_words(ev, d, 6))


def _name_words(q: Question) -> set[str]:
    """The question's words written with a capital, folded: a name's, not the act asked."""
    return {fold(w) for w in _WORD.findall(q.text) if w[:1].isupper()}


def _date_words(ev: Evidence, d: DateMention, back: int | None = None) -> list[str]:
    """The folded words that go with a date of ``ev``: those before it, back to the date before it (the
    last ``back`` of them), and, when it opens its clause, those after it to the clause's end or the
    next date (at most 12)."""
    before = max((m.end for m in ev.dates if m.end <= d.start), default=0)
    words = _WORD.findall(fold(ev.text[before : d.start]))[-back if back else 0 :]
    if not re.search(r"\w", re.split(r"[;,.]", ev.text[before : d.start])[-1]):  # (it opens its clause)
        after = min((m.start for m in ev.dates if m.start >= d.end), default=len(ev.text))
        words += _WORD.findall(fold(re.split(r"[;.]", ev.text[d.end : after])[0]))[:12]
    return words


_WHEN_WORDS = frozenset("ngay nam thang nao khi vao luc hom bao gio".split())


def _digits(text: str) -> set[str]:
    """The numbers written in ``text``, without leading zeros ("06/10/2017" -> {"6", "10", "2017"})."""
    return {n.lstrip("0") or "0" for n in re.findall(r"\d+", text)}


def _span_without_year(d: DateMention, language: str) -> str:
    """Days written without a year, from the mention's parts: "Từ ngày 25 đến 27/4 (bài không nêu năm)",
    "On 12 and 13 December (the year is not given)", "From 28 February to 2 March (...)"."""
    assert d.day and d.month and d.end_day and d.end_month
    if language == "en":
        first = f"{d.day}" if d.month == d.end_month else f"{d.day} {calendar.month_name[d.month]}"
        last = f"{d.end_day} {calendar.month_name[d.end_month]}"
        words = ("On", "and") if d.two_days else ("From", "to")
        return f"{words[0]} {first} {words[1]} {last} (the year is not given)"
    sep = "-" if re.search(r"\d-\d{1,2}$", d.text) else "/"  # "27-4" or "27/4", as the article writes it
    # (the first day with its month when the article writes it so: "27/8 và 28/8")
    whole = d.month != d.end_month or re.search(rf"(?<!\d)0?{d.day}\s*{sep}\s*0?{d.month}(?!\d)", d.text)
    first = f"{d.day}{sep}{d.month}" if whole else f"{d.day}"
    last = f"{d.end_day}{sep}{d.end_month}"
    text = f"Ngày {first} và {last}" if d.two_days else f"Từ ngày {first} đến {last}"
    return f"{text} (bài không nêu năm)"


# (marked when the question is: "tới ngày nào" is no evening, "sang ngày nào" no morning)
_ASKS_PART_OF_DAY = (
    re.compile(r"\b(sáng|trưa|chiều|tối|đêm) (?:ngày|hôm|nào|thứ)\b"),
    re.compile(r" (sang|trua|chieu|toi|dem) (?:ngay|hom|nao|thu) "),
)
# a span is asked, with both ends: "từ ngày nào đến ngày nào", "kéo dài trong những ngày nào", "from
# what date to what date" (not "từ ngày nào" alone: since when)
_ASKS_SPAN = re.compile(
    r" tu (?:ngay|thang|nam) nao den (?:ngay|thang|nam) nao "
    r"|(?:keo dai|dien ra|to chuc)(?: vao| trong) nhung ngay nao | vao nhung ngay nao "
    r"| from (?:what|which) (?:date|day) to | between (?:what|which) dates | (?:what|which) dates "
)
# a sentence about the article's event by a word for it ("Sự kiện diễn ra ...", "Hội nghị kéo dài ...")
_EVENT_AGAIN = re.compile(
    r"\s*(?:Sự kiện|Hội nghị|Diễn đàn|Hội thảo|Chuyến thăm|Chương trình|Lễ hội|Triển lãm|Đại hội)"
    r"\s+(?:này\s+|năm nay\s+)?(?:sẽ\s+|đã\s+)?(?:diễn ra|kéo dài|được tổ chức|tổ chức)\b"
)
_ASKS_DAY = re.compile(
    r" (?:ngay (?:cu the |chinh xac )?nao|ngay may|ngay bao nhieu|hom nao|ngay thang(?: nam)? nao"
    r"|(?:what|which) (?:exact |specific |precise )?(?:date|day)) "
)


# a where-question asking for several places of a kind ("những tỉnh, thành phố nào", "các thành phố
# nào", "which cities")
_ASKS_PLACES = re.compile(
    r" (?:nhung|cac) (?:tinh|thanh pho|huyen|dia phuong|quoc gia|nuoc)(?: (?:tinh|thanh pho|huyen))? nao "
    r"| (?:which|what) (?:\w+ )?(?:cities|provinces|towns|districts|localities|countries) "
)
# ... and the places an article lists after their kind ("các thành phố A, B và C", "7 tỉnh, thành phố
# (A, B, ... và C)"): two or more capitalised names (a lower-case particle joined by a hyphen allowed,
# "al - Bab")
_LISTED_NAME = rf"(?:[a-z]{{1,3}}\s*-\s*)?{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}"
_LISTED_PLACES = re.compile(  # (the kind in lower case: not "Đại học Quốc gia Hà Nội")
    r"(?<!\w)(?:tỉnh, thành phố|tỉnh, thành|thành phố|tỉnh|huyện|địa phương|quốc gia|nước)\s*\(?\s*"
    rf"(?P<names>{_LISTED_NAME}(?:\s*,\s*{_LISTED_NAME})*(?:\s*,?\s+(?:và|cùng)\s+{_LISTED_NAME}))"
)


def _listed_places(q: Question, text: str) -> str | None:
    """The places a sentence lists after their kind, when the question asks for several of a kind."""
    if not _ASKS_PLACES.search(q.words):
        return None
    for m in _LISTED_PLACES.finditer(text):
        names = m.group("names")
        items = re.split(r"\s*,\s*|\s+(?:và|cùng)\s+", names)
        # (places, not a body or an office joined to the last one: "tỉnh Quảng Ninh và Bộ Công Thương",
        # "thành phố Osaka và Thủ tướng A")
        if any(fold(i.split()[0]) in _BODY_WORDS or _starts_with_title(i.split()) for i in items):
            continue
        return names.replace(" và ", " and ").replace(" cùng ", " and ") if q.language == "en" else names
    return None


_HONORIFIC = "(?i:ông|bà|ngài)"
_PLACES_JOINED = re.compile(r"\s*(?:,|và|cùng|hoặc)\s*(?:[a-zà-ỹđ]+\s+){0,4}", re.IGNORECASE)


def _lead_place(q: Question, ev: Evidence) -> str | None:
    address = _address(ev.text)
    if address and _ASKS_ADDRESS.search(q.words):  # ("địa chỉ ở đâu", "what is the address")
        return f"at {address}" if q.language == "en" else address
    belongs = _ASKS_BELONGING.search(q.words)
    if belongs:  # ("A thuộc huyện và tỉnh nào": the unit of that kind the sentence names, "huyện B (C)")
        fits = [
            (at, place)
            for at, place in _kinds_named(ev.text, belongs.group(1))
            if _place_fits(q, place) and _unit_of_asked(q, ev.text, at)
        ]
        if fits:
            unit = fits[_identified(ev.text, [at for at, _ in fits], _identifiers(q.text))][1]
            return f"in {unit}" if q.language == "en" else unit
    asked_kind = _kind_asked(q)
    if asked_kind:  # ("trên đảo nào": the island the sentence names, "trên đảo Manus", not the talks' city)
        named = _kind_named(ev.text, asked_kind, _identifiers(q.text))
        if named:
            return f"in {named}" if q.language == "en" else f"tại {named}"
    listed = _listed_places(q, ev.text)
    if listed:  # ("những tỉnh nào": each of them, as the sentence lists them)
        return f"in {listed}" if q.language == "en" else listed
    if "list" in q.qtypes:  # ("ở những thành phố nào": each place the sentence gives, in its order)
        found = [
            match
            for match in _places_in(ev.text)
            if _place_fits(q, match.group(1))
            and not _BARE_KIND.fullmatch(_whole_words(ev.text, match.start(1), match.end(1)))
        ]
        # (places joined to each other, "tại A và tại B", "ở A và một ở B"; not where it was announced,
        # "Tại buổi họp báo ở A, hãng sẽ mở văn phòng tại B")
        runs: list[list[re.Match[str]]] = []
        for match in found:
            if runs and _PLACES_JOINED.fullmatch(ev.text[runs[-1][-1].end(1) : match.start()]):
                runs[-1].append(match)
            else:
                runs.append([match])
        run = next((r for r in runs if len(r) >= 2), [])
        several = list(dict.fromkeys(_whole_words(ev.text, r.start(1), r.end(1)).strip() for r in run))
        if len(several) >= 2:
            joiner = " and " if q.language == "en" else " và "
            places_given = ", ".join(several[:-1]) + joiner + several[-1]
            return f"in {places_given}" if q.language == "en" else places_given
    quoted = _quoted_spans(ev.text)
    m = next(
        (
            m
            # (a place the reporting words give before one inside a quote: "\" ... an ninh ở khu vực A ... \",
            # Reuters dẫn tuyên bố của Ngoại trưởng B tại Hội nghị ... tại C": the words were said at C)
            for m in sorted(_places_in(ev.text), key=lambda m: any(a <= m.start() < b for a, b in quoted))
            # (not a kind of place alone: "tại Thủ đô của Kazakhstan")
            if _place_fits(q, m.group(1))
            and not _BARE_KIND.fullmatch(_whole_words(ev.text, m.start(1), m.end(1)))
            and not _held_by_other_country(q, ev.text, m.end(1))
            # (not where someone lives, "bà A (SN 1980, trú tại quận B)", unless that is asked)
            and not (
                _HOME_BEFORE.search(ev.text[max(0, m.start() - 30) : m.start()])
                and not _ASKS_HOME.search(q.words)
            )
        ),
        None,
    )
    if _says(q, *_ASKS_HOMETOWN):  # "quê ở tỉnh nào": the place right after "quê (quán)", "Ông A (56 tuổi)
        # quê Phú Thọ", or none; not where A works, "làm việc tại B"
        m = _home_place(q, ev.text)
        if m is None:
            return None
    if not m and q.qtype == "where":  # "văn phòng đại diện TP A tại Nhật Bản" for where that office is
        m = next((m for m in _PLACE.finditer(ev.text) if _office_asked_before(q, ev.text, m)), None)
    if not m and _ASKS_VENUE.search(q.words):  # "đã đến sân bay quốc tế Vienna": the venue named
        m = next((m for m in _VENUE_NAMED.finditer(ev.text) if _place_fits(q, m.group(1))), None)
    if not m:  # "mời ông A tới thăm Bình Nhưỡng": where someone goes, a place of the gazetteer
        m = next(
            (
                m
                for m in _DESTINATION.finditer(ev.text)
                # (with its kind too: "tới thăm bang Bavaria")
                if starts_with_place(_LOCALITY_WORDS.sub("", m.group(1)))
                and _place_fits(q, m.group(1))
                # (not a place only spoken of: "tránh đề cập trực tiếp đến Bắc Kinh", "nhắc tới A")
                and not _SPOKEN_OF.search(ev.text[max(0, m.start() - 25) : m.start()])
            ),
            None,
        )
    if not m:  # "sẽ tới thăm Tháp Hữu nghị, nơi tưởng niệm ...": a destination the sentence says is a place
        m = next((m for m in _DESTINATION_DESCRIBED.finditer(ev.text) if _place_fits(q, m.group(1))), None)
    if not m:  # "diễn ra gần quần đảo A", "ngoài khơi B": near a place, as the sentence puts it
        near = next((n for n in _NEAR_PLACE.finditer(ev.text) if _near_fits(q, ev.text, n)), None)
        if near:
            if q.language == "en":  # (the name alone: "near Hawaii", not "near quần đảo Hawaii")
                return f"{_NEAR_EN[fold(near.group(1))]} {near.group(3)}"
            return f"{near.group(1).lower()} {near.group(2)}"
    if not m:  # "dự án 584 Tân Kiên (huyện Bình Chánh, TP. HCM)": the locality written in brackets
        # (of several, the one after the question's identifier: "trạm T1 (phường A) và trạm T2 (phường B)")
        bracketed = [m for m in _BRACKETED_PLACE.finditer(ev.text) if _place_fits(q, m.group(1))]
        if bracketed:
            m = bracketed[_identified(ev.text, [b.start() for b in bracketed], _identifiers(q.text))]
    if not m and address:  # "toạ lạc tại địa chỉ số 12 đường A, phường B": a street address
        return f"at {address}" if q.language == "en" else address
    if not m and (asked := _ASKS_LOCALITY_KIND.search(q.words)):
        # "được phóng từ thành phố nào": the place the sentence names with that kind after the question's
        # word before it ("được phóng từ thành phố A"; not "rời tỉnh A, đoàn đến tỉnh B" for "đến tỉnh nào")
        # (of the country asked, if any: not "tại thành phố A, Việt Nam" for "thành phố nào của Trung Quốc")
        before = asked.group(0).split()[0]
        fits = [
            (at, place)
            for at, place in _kinds_named(ev.text, asked.group(1))
            if re.search(rf"\b{before}\s*$", fold(ev.text[:at]))
            and _place_fits(q, place)
            and not _held_by_other_country(q, ev.text, at + len(place))
        ]
        if fits:
            named = fits[_identified(ev.text, [at for at, _ in fits], _identifiers(q.text))][1]
            return f"in {named}" if q.language == "en" else f"tại {named}"
    if not m:
        return None
    place = _country_first(_whole_words(ev.text, m.start(1), m.end(1)).strip())
    # a kind of venue whose name follows it, both cut at the first word in lower case ("tại Đại lễ đường
    # Nhân dân", "Cung điện Hoàng gia"): the name too, to the end of its last word
    kind = _VENUE_KIND.match(ev.text, m.start(1))
    if kind and len(place) <= kind.end() - m.start(1):
        name = re.match(rf"\s+{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}", ev.text[kind.end() :])
        tokens = list(re.finditer(r"\S+", name.group(0))) if name else []
        words = [t.group(0) for t in tokens]
        # (to a title or a time of day that opens the clause's subject: "tại Quảng trường Ba Đình Chủ tịch
        # nước chủ trì ...", "Sáng ...")
        cut = next(
            (i for i in range(len(words)) if _starts_with_title(words[i:]) or fold(words[i]) in _DAY_PARTS),
            len(words),
        )
        if cut:
            place = _whole_words(ev.text, m.start(1), kind.end() + tokens[cut - 1].end()).strip()
    # a building and its city ("tại Cung Cách mạng ở La Habana", "tại Nhà Quốc hội, thủ đô X")
    within = _WITHIN.match(ev.text, m.start(1) + len(place))
    if within:
        place += within.group(0).rstrip(" ,")
    if q.language == "en":
        # (and the words that qualify a locality before its name: "thành phố công nghiệp điện tử Lạc Sơn")
        place = re.sub(rf"^((?:thành phố|tỉnh|thủ đô|bang)\s+)(?:[{_LOWER}]+\s+)+(?=[{_CAPS}])", r"\1", place)
        bare = (
            place
            if fold(place) in country_aliases() or fold(place) in places()
            else re.sub(
                # (its kind's words before the name, not those of a name the gazetteer knows: "châu Âu")
                # (nor "châu" of a continent, one word after it: "châu Á", "châu Phi")
                rf"^(?:thành phố|TP\.|tỉnh|huyện|châu(?!\s+[{_CAPS}]\S*$)|thủ đô|điểm cầu(?: tỉnh)?|bang|quận"
                r"|thị xã"
                # (not "sân" of "sân bay quốc tế Vienna"; a village, a compound and the words that qualify it:
                # "làng đình chiến Panmunjom" is Panmunjom)
                r"|sân(?: vận động)?(?! bay| khấu)"
                rf"|(?:làng|thôn|khu|trụ sở)(?:\s+[{_LOWER}]+){{0,2}}(?=\s+[{_CAPS}]))\s+",
                "",
                place,
            )
        )
        return f"in {bare}"
    return f"tại {place}"


def _as_placed(lead: str | None) -> str:
    """The place of a where-answer's lead, without its "tại" / "in"."""
    return re.sub(r"^(?:in|tại)\s+", "", lead or "")


def _known_locality(lead: str | None) -> bool:
    """A place ``_lead_place`` gives that the gazetteer knows or the sentence writes with its kind ("tại
    bang New Jersey"), not any capitalised words after "tại" ("tại Liên minh châu Âu")."""
    place = _as_placed(lead)
    return bool(place) and (_LOCALITY_WORDS.match(place) is not None or fold(place) in places())


def _city_of_country(
    q: Question, ev: Evidence, evidence: list[Evidence], same_event: bool = False
) -> tuple[Evidence, str] | None:
    """A place of the country ``ev`` names as where ("tại Lào"), given by another candidate sentence of
    the same article, with that sentence: the city a question asking for one wants. With ``same_event``,
    only a sentence about the question's event: one naming a party of the question that is neither a
    place nor a country, else one of its countries or groups ("G7"; not the country answered), else one
    sharing an act of the question with ``ev`` (not where ministers met others before the summit)."""
    named = [fold(m.group(1)) for m in _places_in(ev.text)]
    countries = {c for n in named if n in country_aliases() for c in country_aliases()[n]}
    if not countries:
        return None
    names = [n for n in required_names(q) if n not in places()]
    parties = [n for n in names if n not in country_aliases()]
    groups = [n for n in names if n in country_aliases() and not country_aliases()[n] & countries]
    for other in sorted(evidence, key=_by_score):
        if other.doc_id != ev.doc_id or other is ev:
            continue
        words = _words_of("", other.text)
        if (
            same_event
            and not (parties and any(_holds(words, n) for n in parties))
            and not (not parties and any(_holds(words, n) for n in groups))
            and not (not parties and not groups and _same_act(q, ev.text, other.text))
        ):
            continue
        lead = _lead_place(q, other)
        bare = fold(_LOCALITY_WORDS.sub("", _as_placed(lead))).strip()
        if lead and {fold(c) for c in places().get(bare, ())} & countries:
            return other, lead
        # (a place the gazetteer does not know, written with that country after it: "tại Ise Shima, Nhật";
        # the country's longest name there, "Nhật Bản vào ngày 26/5")
        for m in _places_in(other.text):
            after = re.match(rf",\s+((?:[{_CAPS}][\w'’-]*\s*){{1,3}})", other.text[m.end() :])
            then = after.group(1).split() if after else []
            country = next(
                (
                    " ".join(then[:n])
                    for n in (3, 2, 1)
                    if len(then) >= n and set(country_aliases().get(fold(" ".join(then[:n])), ())) & countries
                ),
                None,
            )
            if country:
                return other, f"{'in' if q.language == 'en' else 'tại'} {m.group(1)}, {country}"
    return None


def _country_first(place: str) -> str:
    """A country and the capitalised words after it are the country and a name ("Đại sứ Mỹ tại Đức
    Richard Grenell"): the country alone."""
    words = place.split()
    n = next((n for n in (4, 3, 2, 1) if fold(" ".join(words[:n])) in country_aliases()), 0)
    # (the longest country first: "Hàn Quốc" is a country, not "Hàn" and a name; "Anh Sơn", "Mỹ Đình",
    # "Nga Sơn" are places: a name after a country is one that cannot be Vietnamese words)
    if not 0 < n < len(words) or fold(place) in places() or not looks_foreign(fold(words[n])):
        return place
    return " ".join(words[:n])


def _place_fits(q: Question, place: str) -> bool:
    """A place can answer the where-question: one that asks for a city or a province ("tỉnh nào",
    "which city") is not answered with a country, nor with a place of another country than the one it
    names ("thành phố nào của Trung Quốc", "which Chinese city": not Hà Nội); one that asks for a
    country ("nước nào", "which country") is answered with a country; one that asks for a kind of
    venue ("khách sạn nào", "which hotel") with a venue of that kind. Not a place the where-question
    names itself ("những địa điểm nào ở Việt Nam": a place in Việt Nam)."""
    # (nor after the kind of a venue, written in lower case: "sân bay Long Thành" for "Ngoài Long Thành,
    # những sân bay nào"; not "thành phố Hồ Chí Minh" for "Chủ tịch Hồ Chí Minh", nor "Châu Đốc")
    kind = re.match(r"(?:sân bay(?: quốc tế)?|sân vận động|cảng|khách sạn|bệnh viện|nhà hát)\s+", place)
    named = place[kind.end() :] if kind else place
    named = named if all(w[:1].isupper() for w in named.split()) else place  # (not "trường Đại học X")
    # (but a venue of a kind the question does not write: "Đối thoại Hải Đông ở đâu" is answered by
    # "tại khách sạn Hải Đông", the event named after its venue)
    head = " ".join(fold(kind.group(0)).split()[:2]) if kind else ""  # ("san bay" of "sân bay quốc tế")
    other_kind = kind is not None and named != place and f" {head} " not in q.words
    if q.qtype == "where" and _question_writes(q, named) and not _offered(q, named) and not other_kind:
        return False  # (unless the question offers it: "ở Đà Nẵng hay Huế")
    venue = _ASKS_VENUE.search(q.words)
    if venue:
        kinds = [k for k in _VENUES if f" {k} " in venue.group(0)]
        bare = fold(place)  # (whole words: not "Santiago" for "sân", nor "sân bay")
        airport = any("san bay" in _VENUES[k] for k in kinds)
        if bare in places():  # (a city or a province is no venue: "Nha Trang" is no "Nhà ...")
            return False
        return not (bare.startswith("san bay") and not airport) and any(
            bare == k or bare.startswith(f"{k} ") for kind in kinds for k in _VENUES[kind]
        )
    if _ASKS_COUNTRY.search(q.words):  # (or a place of a country the gazetteer knows: "tại Bangkok")
        bare = fold(_LOCALITY_WORDS.sub("", place)).strip()
        return bare in country_aliases() or bare in places()
    m = _ASKS_LOCALITY.search(q.words)
    if not m:
        return True
    bare = fold(_LOCALITY_WORDS.sub("", place)).strip()
    # ("châu Âu" is Europe, no prefecture "Âu"; so is any "châu" and one word: "châu Phi")
    whole = fold(place) in country_aliases() or re.fullmatch(r"châu\s+\S+", place) is not None
    if whole or bare in country_aliases() or (bare not in places() and _NO_LOCALITY.match(place)):
        return False  # (nor a school, a ministry or a company, "Trường ĐH X", nor a sea: no city)
    country = _asked_country(q)
    state = re.search(r" (?:bang nao|which (?:\w+ )?state|what state) ", q.words) is not None
    if state:  # (a state of the country the question puts its subject in: "dự án ở Mỹ nằm ở bang nào";
        # not a city nor a province: "TP Đà Nẵng")
        country = country or _country_placed(q.words)
        if re.match(r"(?i)(?:tp\.?\s?|thành phố\s|tỉnh\s|huyện\s|quận\s)", place):
            return False
    known = places().get(bare)
    if known is None and not _LOCALITY_WORDS.match(place) and _ASKS_PROVINCE.search(q.words):
        return False  # ("tỉnh nào": a province of the gazetteer or one written as one, "tỉnh Thái Bình";
        # not a region, "Đồng bằng sông Hồng"; a district or a city may be one the gazetteer lacks)
    return not (country and known and not {fold(c) for c in known} & country)


def _question_writes(q: Question, name: str) -> bool:
    """The question writes ``name`` as whole words: with its marks when it is marked ("thống nhất" does
    not write "Nhật"), folded otherwise."""
    if q.language == "vi":
        return _written_words(name) in _written_words(q.text)
    return f" {fold(name)} " in q.words


def _asked_country(q: Question) -> frozenset[str]:
    """The country whose locality the where-question asks for ("thành phố nào của Trung Quốc", "which
    Chinese city", "where in Russia"), folded; empty if it names none."""
    m = _ASKS_LOCALITY.search(q.words)
    return (
        _country_opening((m.group("of") or m.group("adj") or m.group("in") or "").split())
        if m
        else frozenset()
    )


# the unit that holds a place, written right after it: "thị trấn A, bang B", "huyện A, tỉnh B"
_HELD_BY = re.compile(
    r"\s*,\s*(?:(?:bang|tỉnh|thành phố|TP\.?|thủ đô|vùng)\s+([A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})"
    # (without its kind, a name that ends the clause: "tại A, B." but not "Tại A, B và C ký ...")
    r"|([A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})(?=\s*(?:[.;)]|$)))"
)


def _held_by_other_country(q: Question, text: str, end: int) -> bool:
    """The place ``text`` writes up to ``end`` is followed by the unit that holds it, and that unit is one of
    the gazetteer in another country than the one whose locality the question asks for ("thành phố nào
    của Nga": not "thị trấn A, bang Texas")."""
    m = _HELD_BY.match(text, end)
    known = places().get(fold(m.group(1) or m.group(2))) if m else None
    country = _asked_country(q)
    return bool(known and country and not {fold(c) for c in known} & country)


# a street address: "số 12 đường Tân Hòa, phường Lạc Sơn, quận Tây Lâm", "số 5 ngõ 20 phố Bình An",
# "tại số 18 Lê Văn Khải", "ở 12/4 phố Hải Đông" (a house number after "số" or "địa chỉ", or one with a
# slash; the lane and the street, then the ward, district, city or province after commas)
_ADDRESS_NAME = r"[A-ZĐ\d][\wÀ-ỹ]*(?:\.[\wÀ-ỹ]+)*(?:\s+[A-ZĐ\d][\wÀ-ỹ]*(?:\.[\wÀ-ỹ]+)*){0,4}"
_ADDRESS_NUMBER = (
    r"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*(?:\s+(?:ngõ|ngách|hẻm|kiệt)\s+\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*)*\s+"
)
_ADDRESS_AREAS = (
    rf"(?:,\s+(?:(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh)\s+|TP\.?\s*){_ADDRESS_NAME})*"
)
_STREET = r"(?:đường|phố|đại lộ)\s+"
_ADDRESS = re.compile(
    # (after "tại", "ở" or "địa chỉ", the street word may go unsaid after "số": "tại số 18 Lê Văn Khải";
    # elsewhere "số" and the street word both: not "thương hiệu số 1 Việt Nam", "tại 2 Hội nghị")
    rf"\b(?:tại|ở|(?i:địa chỉ):?)\s+((?:[Ss]ố\s+{_ADDRESS_NUMBER}(?:{_STREET})?|{_ADDRESS_NUMBER}{_STREET})"
    rf"{_ADDRESS_NAME}{_ADDRESS_AREAS})"
    rf"|(?<![Tt]rong )([Ss]ố\s+{_ADDRESS_NUMBER}{_STREET}{_ADDRESS_NAME}{_ADDRESS_AREAS})"
)


def _address(text: str) -> str | None:
    """The first street address ``text`` writes (``_ADDRESS``), as written; or a house number and a
    street's name without "số" or a street word, followed by a city of the gazetteer ("tại 32 Hào Nam, Hà
    Nội"; not "tại 2 Hội nghị")."""
    m = _ADDRESS.search(text)
    if m:
        return m.group(1) or m.group(2)
    for c in _ADDRESS_IN_CITY.finditer(text):
        street = c.group(2).split()[1:]
        # (a street's name, not a body's, an event's or an abbreviation: "tại 2 Hội Nghị, A", "2 SEA Games")
        if street[0].isupper() or fold(street[0]) in _BODY_WORDS:
            continue
        # (a city of the gazetteer among the areas after it: "32 Hào Nam, Đống Đa, Hà Nội", "TP Hà Nội")
        areas = [re.sub(r"^TP\.?\s*", "", _LOCALITY_WORDS.sub("", a.strip())) for a in c.group(3).split(",")]
        if any(a and (starts_with_place(a) or fold(a) in places()) for a in areas):
            return c.group(0)[c.start(1) - c.start() :].strip()
    return None


# a house number and a street's name after "tại" or "ở", then one to three areas set off by commas
_ADDRESS_IN_CITY = re.compile(
    rf"\b(?:tại|ở)\s+((\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*\s+{_ADDRESS_NAME})"
    rf"((?:,\s+(?:(?:phường|xã|quận|huyện|thị xã|thành phố|tỉnh)\s+|TP\.?\s*)?{_ADDRESS_NAME}){{1,3}}))"
)


# a question asking for an address (folded words)
_ASKS_ADDRESS = re.compile(r" (?:dia chi|address|addresses) ")
# ... or for a street ("nằm trên đường phố nào", "ở phố nào", "on which street"; not "thành phố nào", nor
# "bằng đường nào", by which way)
_ASKS_STREET = re.compile(
    r" (?:duong pho|tuyen pho|con pho|(?<!thanh )pho) nao | (?:tren|o|tai) (?:con |tuyen )?duong nao "
    r"| (?:which|what) (?:street|road|avenue) "
)
# a street named: "phố Tràng Tiền", "đường số 5 Lê Lợi", "đại lộ Nguyễn Văn Linh"
# (not "thành phố A"; a highway too: "Quốc lộ 14", "đường cao tốc A")
_STREET_NAMED = re.compile(
    r"(?<!\w)(?:[Đđ]ường(?:\s+cao\s+tốc)?|(?<![Tt]hành )[Pp]hố|[Đđ]ại lộ|[Qq]uốc lộ|[Tt]ỉnh lộ|[Cc]ao tốc)"
    r"\s+(?:số\s+\d+\s+)?[A-ZĐ\d]"
)
_BRACKETED_PLACE = re.compile(
    r"\(((?:huyện|quận|tỉnh|TP\.?|thành phố|xã|phường|thị xã|thị trấn|bang)\s+[A-ZĐ\d][^(),;]*)"
)


def _country_placed(words: str) -> frozenset[str]:
    """The country a question puts its subject in, folded words: "dự án ... ở Mỹ", "tại Nhật Bản", "in
    Japan" (the first one so named), as ``country_aliases`` gives it; empty if none."""
    for m in re.finditer(r" (?:o|tai|in) ((?:\w+ ){1,3})", words):
        country = _country_opening(m[1].split())
        if country:
            return country
    return frozenset()


# the nouns of a list question that ask for countries or for places ("những nước nào", "các tỉnh nào")
_LISTED_KINDS = {
    "nuoc": "country",
    "quoc gia": "country",
    "tinh": "place",
    "thanh pho": "place",
    "dia phuong": "place",
}


def _places_listed(text: str, kind: str) -> int:
    """How many countries (``kind`` "country") or places of the gazetteer (cities, provinces) ``text``
    names in capitals ("tại Thái Lan, Singapore, Hàn Quốc": 3 countries)."""
    table = country_aliases() if kind == "country" else places()
    found: set[frozenset[str]] = set()
    for run in re.finditer(rf"{_CAP_WORD}(?:\s+{_CAP_WORD})*", text):
        words = [fold(w) for w in run.group(0).split()]
        i = 0
        while i < len(words):
            n = next((n for n in (3, 2, 1) if " ".join(words[i : i + n]) in table), 0)
            if n:
                key = " ".join(words[i : i + n])
                found.add(table[key] if kind == "country" else frozenset((key,)))
            i += n or 1
    return len(found)


def _country_opening(words: list[str]) -> frozenset[str]:
    """The country the first one, two or three of ``words`` (folded) name, longest first; empty if none."""
    aliases = country_aliases()
    key = next((k for n in (3, 2, 1) if (k := " ".join(words[:n])) in aliases), None)
    return aliases[key] if key is not None else frozenset()


# an office asked of one country: "which Chilean president", "Bộ trưởng Ngoại giao Nga nào" (the
# country's words before "nào", a title or "quan chức"/"lãnh đạo" before them)
_OFFICERS_EN = frozenset(("official", "officials", "leader", "leaders"))


def _titled_of_other_countries(q: Question, text: str, country: frozenset[str]) -> bool:
    """``text`` introduces people with titles (but those the question names) and every one's title gives
    a country other than ``country``. (Unlike ``_all_of_other_sides``, a person named without a title
    does not keep the sentence: "Tổng thống Peru A và lãnh đạo B" answers no "Which Chilean president".)"""
    titled = [c for n, c in _titled(text) if f" {fold(n)} " not in q.words]
    return bool(titled) and all(c and not c & country for c in titled)


def _short_of_other_countries(ev: Evidence, country: frozenset[str]) -> bool:
    """``ev`` titles no one and every person it calls by one word is one its article titles in full with
    a country other than ``country`` ("bà Ostrova" after "Ngoại trưởng Canada Maria Ostrova": no
    answer to which US foreign minister)."""
    short = _short_named(ev.text, ev.article.text)
    if not short or _titled(ev.text) or any(" " in n for n in person_names(ev.text)):
        return False  # (nor one naming someone else in full: "Bà Ostrova và ông John Miller đồng chủ trì")
    of = dict(_titled(ev.article.text))
    return all((c := of.get(full)) and not c & country for _, full in short)


def _asked_office_country(q: Question) -> frozenset[str]:
    """The country of the office a who-question asks for ("Which Chilean president ...": "chile",
    "Quan chức Mỹ nào"), folded; empty if it names none."""
    words = q.words.split()
    if q.language == "en":
        for i, w in enumerate(words):
            if w not in ("which", "what"):
                continue
            for n in (1, 2):  # ("which South Korean official")
                office = words[i + 1 + n] if i + 1 + n < len(words) else ""
                if office in office_nouns_en() or office in _OFFICERS_EN:
                    country = _country_opening(words[i + 1 : i + 1 + n])
                    if country:
                        return country
        return frozenset()
    table = {fold(t) for t in titles()} | {"quan chuc", "lanh dao"}
    for i, w in enumerate(words):
        if w != "nao":
            continue
        for n in (3, 2, 1):
            key = " ".join(words[max(0, i - n) : i])
            if i - n > 0 and key in country_aliases():
                before = words[: i - n]
                if any(" ".join(before[-k:]) in table for k in (1, 2, 3, 4) if len(before) >= k):
                    return country_aliases()[key]
    return frozenset()


_ASKS_LOCALITY = re.compile(
    r" (?:(?:tinh|thanh pho|huyen|dia phuong|bang) nao(?: (?:cua|o|thuoc) (?P<of>\w+(?: \w+){0,2}))?"
    r"|(?:which|what) (?:(?P<adj>\w+(?: (?!and |or )\w+)?) )?(?:city|province|town|prefecture|district|state)"
    r"|where in (?P<in>\w+(?: \w+){0,2}))(?= )"  # ("where in Russia": a place of Russia, not Russia)
)
# the kinds of venue a where-question may ask for (folded, Vietnamese and English) -> how articles
# write them
_VENUES = {
    "khach san": ("khach san",),
    "hotel": ("khach san",),
    "trung tam hoi nghi": ("trung tam hoi nghi",),
    "san van dong": ("san van dong", "san"),
    "stadium": ("san van dong", "san"),
    "nha hat": ("nha hat",),
    "theatre": ("nha hat",),
    "theater": ("nha hat",),
    "benh vien": ("benh vien",),
    "hospital": ("benh vien",),
    "san bay": ("san bay",),
    "airport": ("san bay",),
    "hoi truong": ("hoi truong",),
    "hall": ("hoi truong",),
    "toa nha": ("toa nha", "cao oc", "tru so"),
    "trai tam giam": ("trai tam giam",),
    "trai giam": ("trai giam", "trai tam giam"),
    "prison": ("trai giam", "trai tam giam", "nha tu"),
    "nha tu": ("nha tu", "trai giam"),
    "toa an": ("toa an", "tand"),
    "factory": ("nha may",),
}
_ASKS_VENUE = re.compile(
    rf" (?:(?:{'|'.join(k for k in _VENUES if ' ' in k)})(?: quoc te)?(?: (?:hay|hoac) (?:\w+ ){{1,4}}?)? nao"
    r"|(?:in |at |to )?(?:which|what) (?:hotel|stadium|theatre|theater|hospital|airport|hall|prison"
    r"|factory)) "
)


def _offered(q: Question, place: str) -> bool:
    """The where-question offers ``place`` as one of its choices: right after "hay", "hoặc", "or" (and
    "ở", "tại", "in", "at"), or before it, alone or in a list ("ở Hà Nội, Đà Nẵng hay Huế", "in Hue or Da
    Nang"); not a place after a choice of something else ("tại hội trường hay khách sạn nào ở Hà Nội", "in
    which district or ward in Hanoi": Hanoi is given)."""
    name = re.escape(" ".join(_WORD.findall(fold(place))))
    text = _comma_words(q.text).strip()  # (folded words and the commas of a list)
    at = r"(?:(?:o|tai|in|at) )?"
    after_choice = rf"\b(?:hay|hoac|or) {at}{name}\b"
    before_choice = rf"\b{name}(?: , {at}\w+(?: \w+){{0,3}}?)* (?:, )?(?:hay|hoac|or)\b"
    return re.search(f"{after_choice}|{before_choice}", text) is not None


# (a place's kind in lower case before its name, "TP." joined to it too: "tỉnh A", "TP.HCM")
_VENUE_PLACE = r"(?:\s+(?:tỉnh|thành phố|quận|huyện)|\s+TP\.?\s*)"
# (a capitalised word of the venue's name, not one opening a person's name: "Tòa án Hải Đông Trần Văn Lộc")
_VENUE_WORD = rf"(?!(?:{SURNAMES})\s+[A-ZĐ])[A-ZĐ][\wÀ-ỹ]*"
_VENUE_NAMED = re.compile(
    r"(?<!\w)((?i:sân bay|khách sạn|nhà hát|bệnh viện|sân vận động|trung tâm hội nghị|toà nhà|tòa nhà|cao ốc"
    r"|trại tạm giam|trại giam|nhà tù|toà án|tòa án|nhà máy)(?:\s+(?i:quốc tế))?"
    # (a court's or a prison's kind and number before its place, in any case: "Tòa án nhân dân tỉnh A",
    # "Tòa án Nhân dân Tối cao", "Trại tạm giam số 1 Công an TP B")
    r"(?:\s+(?i:nhân dân))?(?:\s+(?i:tối cao|cấp cao|quân sự|số \d+))?(?:\s+Công an)?"
    rf"(?:(?<=(?i:tối cao))(?=[\s,.;]|$)"
    rf"|{_VENUE_PLACE}?\s*{_VENUE_WORD}(?:(?:{_VENUE_PLACE}|\s+){_VENUE_WORD}){{0,4}})"
    # (or a court by its abbreviation: "TAND TP Hải Đông", "TAND TP.HCM")
    r"|TAND\s+(?i:tối cao|cấp cao)(?=[\s,.;]|$)"
    rf"|TAND{_VENUE_PLACE}?\s*{_VENUE_WORD}(?:\s+{_VENUE_WORD}){{0,2}})"
)
_NO_LOCALITY = re.compile(
    r"(?:trường|đại học|ĐH|học viện|viện|bộ|sở|công ty|tập đoàn|ngân hàng|trụ sở|văn phòng|nhà máy"
    r"|biển|vịnh|sông|eo biển|quần đảo|bán đảo|đại dương|Ấn Độ Dương|Thái Bình Dương|Đại Tây Dương)\b",
    re.IGNORECASE,
)
_ASKS_PROVINCE = re.compile(r" (?:tinh nao|(?:which|what) (?:\w+ )?provinces?) ")
# "ở địa điểm nào", "tên là gì" of a where-question: a place named, not a sentence without one
_ASKS_SPOT = re.compile(r" (?:dia diem (?:cu the )?nao|ten (?:la )?gi|what is the name|what was the name) ")
# the kind of place a where-question asks by its noun (folded): "trên đảo nào", "tại vùng biển nào"
_ASKS_KIND = re.compile(rf" (?:o|tai|tren) ({'|'.join(sorted(PLACE_KINDS, key=len, reverse=True))}) nao ")
# ... in English: "at which port", "on which island" (the kind by the glossary's Vietnamese for it)
_ASKS_KIND_EN = re.compile(r" (?:at|in|on) which (\w+) ")


def _kind_asked(q: Question) -> str | None:
    """The kind of place a where-question asks by (folded, a key of ``PLACE_KINDS``): "ở cảng nào", "at
    which port" (its Vietnamese by the glossary); None when it asks by none of them."""
    if q.language != "en":
        m = _ASKS_KIND.search(q.words)
        return m.group(1) if m else None
    m = _ASKS_KIND_EN.search(q.words)
    kinds = [fold(v) for v in glossary().get(m.group(1), [])] if m else []
    return next((k for k in kinds if k in PLACE_KINDS), None)


def _identifiers(text: str) -> set[str]:
    """The (folded) identifiers ``text`` writes: letters and digits in one word that is no year or plain
    number ("T2", "A3", "F-35" as "f35")."""
    return set(_identifier_list(text))


def _identifier_list(text: str) -> list[str]:
    """The (folded) identifiers ``text`` writes (``_identifiers``), in order."""
    return [fold(m[0]).replace("-", "") for m in _IDENTIFIER.finditer(text)]


_IDENTIFIER = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[\w]+(?:-\d+)?(?![\w-])")


def _asked_codes(q: Question) -> set[str]:
    """The item codes a question writes, a letter or a few and a number ("gói thầu A7" -> "a7"), folded."""
    return {c for c in _identifier_list(q.text) if re.fullmatch(r"[a-z]{1,3}\d{1,3}", c)}


def _of_other_items(q: Question, text: str, codes: set[str]) -> bool:
    """``text`` does not write the code asked and is about other items of its series: it writes another code
    of the same letters, a number at most five away ("A5" for the "A7" asked; not "G20" for "G7"), or,
    one item asked, a count of the question's noun before its code ("3 gói thầu" for "gói thầu A7")."""
    written = set(_identifier_list(text))
    if written & codes:
        return False
    asked = [m for c in codes if (m := re.fullmatch(r"([a-z]+)(\d+)", c))]
    if any(
        (m := re.fullmatch(r"([a-z]{1,3})(\d{1,3})", c)) is not None
        and any(a[1] == m[1] and abs(int(a[2]) - int(m[2])) <= 5 for a in asked)
        for c in written
    ):
        return True
    if len(codes) > 1:  # (several items asked: a count of them is theirs, "3 gói thầu A5, A6, A7")
        return False
    nouns = {n for c in codes if (n := re.search(rf"((?:\w+ ){{1,2}}){c} ", q.words))}
    folded = " ".join(_WORD.findall(fold(text)))
    return any(re.search(rf"\b\d+ {n[1].strip()}\b", folded) for n in nouns)


def _kind_named(text: str, kind: str, identifiers: set[str] | None = None) -> str | None:
    """The place ``text`` names with the (folded) kind of place ``kind`` right before its capitalised
    name, as written: "đảo Manus" for "dao"; None if it names none. Of several, the one whose nearest
    identifier before it is one of ``identifiers`` (the question's; ``_identified``): "trạm T1 (phường A),
    trạm T2 (phường B)" gives B for "T2"; else the first."""
    named = list(_kinds_named(text, kind))
    return named[_identified(text, [at for at, _ in named], identifiers or set())][1] if named else None


def _identified(text: str, starts: list[int], identifiers: set[str]) -> int:
    """Of places starting at ``starts`` in ``text`` (in order), the index of the first whose nearest
    identifier before it (``_identifiers``, after the place before it) is one of ``identifiers``: "trạm T1
    (phường A), trạm T2 (phường B)" gives B for "T2"; the first when none is so written."""
    for k, at in enumerate(starts):
        # (the nearest: not "dự án A1 đặt trạm T1 (phường B)" for "trạm T2 của dự án A1")
        nearest = _identifier_list(text[starts[k - 1] if k else 0 : at])[-1:]
        if nearest and nearest[0] in identifiers:
            return k
    return 0


# the kinds of locality a where-question may ask by with any preposition ("từ thành phố nào"), folded ->
# as written, one tone placement
_LOCALITY_KINDS = {
    fold(k): k for k in ("thành phố", "tỉnh", "huyện", "quận", "phường", "xã", "thị xã", "thị trấn", "bang")
}


def _unit_of_asked(q: Question, text: str, at: int) -> bool:
    """The unit ``text`` names at ``at`` is the one the question's place lies in: written right after one
    of the question's names (", huyện B", " thuộc huyện B", " (huyện B"), or as the unit of a local body
    ("Phòng Giáo dục & Đào tạo huyện B", "UBND huyện B"); not a neighbour ("giáp ranh huyện B") nor a
    benefactor ("vốn tài trợ của tỉnh B")."""
    before = fold(text[max(0, at - 60) : at])
    # (the question's names, or its two words before "thuộc", typed in lower case: "seo pa chu thuoc")
    asked = re.search(r"(\w+ \w+) thuoc ", q.words)
    names = [*q.names, *([asked.group(1)] if asked else [])]
    if any(re.search(rf"\b{re.escape(n)}\s*(?:,|\(|thuoc)\s*$", before) for n in names):
        return True
    return bool(_LOCAL_BODY_BEFORE.search(before))


# a local body right before its unit, its name's words between ("Phòng Giáo dục & Đào tạo", "UBND", "Công
# an", "Toà án nhân dân"), folded
_LOCAL_BODY_BEFORE = re.compile(
    r"\b(?:phong|ubnd|uy ban nhan dan|cong an|toa an(?: nhan dan)?|so|huyen uy|tinh uy|ban chi dao|trung tam)"
    r"(?: (?!cua\b|voi\b|va\b)[\w&]+){0,5}\s*$"
)


# "thuộc huyện (và tỉnh) nào": the administrative unit something lies in, of the first kind asked
_ASKS_BELONGING = re.compile(
    rf" thuoc ({'|'.join(sorted(_LOCALITY_KINDS, key=len, reverse=True))})"
    rf"(?: (?:va|hay) (?:{'|'.join(_LOCALITY_KINDS)}))? nao "
)
_ASKS_LOCALITY_KIND = re.compile(
    rf" (?:o|tai|tu|den|toi) ({'|'.join(sorted(_LOCALITY_KINDS, key=len, reverse=True))}) nao "
)


def _kinds_named(text: str, kind: str) -> Iterator[tuple[int, str]]:
    """Each place ``text`` names with the kind ``kind`` right before its capitalised name (``_kind_named``),
    with where it starts."""
    words = list(re.finditer(r"[\w'’-]+", text))
    # (with its marks: "đảo", not "lãnh đạo"; "vùng biển", not "bền vững")
    marked = PLACE_KINDS.get(kind) or _LOCALITY_KINDS[kind]
    size = len(marked.split())
    for i in range(len(words) - size):
        if same_tones(" ".join(w.group(0).lower() for w in words[i : i + size])) != marked:
            continue
        if marked == "cảng" and re.match(r"\s+hàng\s+không\b", text[words[i].end() :], re.IGNORECASE):
            continue  # ("Cảng Hàng không Quốc tế A" is an airport, no port "Cảng Hàng")
        name: list[re.Match[str]] = []
        for w in words[i + size : i + size + 4]:
            # (right after the kind, and after each other, by a space only: not "trên đảo, Tổng thống")
            before = words[i + size - 1] if not name else name[-1]
            if not w.group(0)[:1].isupper() or text[before.end() : w.start()].strip():
                break
            name.append(w)
        if name:
            end = name[-1].end()
            # (with the units it is of and a pair's other side as written: "khu vực A, huyện B, tỉnh C – D")
            while more := _PLACE_GOES_ON.match(text, end):
                end = more.end()
            bracketed = _PLACE_BRACKETED.match(text, end)
            if bracketed and starts_with_place(bracketed.group(1)):
                end = bracketed.end()
            yield words[i].start(), text[words[i].start() : end]


# (after a comma, a unit it is of, "huyện B"; after a dash, a pair's other side, "– D"; not the next
# clause: "trên đảo A, Thủ tướng ...")
_PLACE_GOES_ON = re.compile(
    rf"(?:,\s+(?:huyện|tỉnh|xã|châu|quận|thành phố|thị xã|phường|bang)\s+|\s+[–-]\s+)"
    rf"[{_CAPS}][\w'’-]*(?:\s+[{_CAPS}][\w'’-]*){{0,3}}"
)
# (or the unit it is of in brackets, a place of the gazetteer: "huyện B (C)"; not a source, "(Reuters)")
_PLACE_BRACKETED = re.compile(rf"\s+\(([{_CAPS}][\w'’-]*(?:\s+[{_CAPS}][\w'’-]*){{0,3}})\)")


# ("bị bắt giữ tại vùng biển nào", "ở thành phố nào": a place of the kind named, which a sentence that
# names none does not give; not "như thế nào", "bằng cách nào", "đến mức nào", "về vấn đề nào")
_ASKS_WHICH_PLACE = re.compile(
    r" (?:o|tai|toi|den|tu) (?!(?:\w+ )?(?:the|cach|muc|van de) )(?:\w+ ){1,2}nao "
)
_ASKS_COUNTRY = re.compile(r" (?:nuoc nao|quoc gia nao|which country|what country)(?! s) ")
_LOCALITY_WORDS = re.compile(
    r"^(?:thành phố|tỉnh|huyện|châu|thủ đô|bang|quận|điểm cầu(?: tỉnh)?)\s+", re.IGNORECASE
)


_WITHIN = re.compile(
    r"(?:\s+ở(?:\s+(?:thủ đô|thành phố|tỉnh))?|,\s+(?:thủ đô|thành phố|tỉnh|TP\.?))"
    r"\s*[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3}"
)


def _whole_words(text: str, start: int, end: int) -> str:
    """``text[start:end]`` extended to the end of the segmented word it stops inside: a capitalised name
    that runs on in lower case ("Phủ Chủ tịch", "Cung Cách mạng") is not cut after its capitals, nor
    before the capitalised words that go on after that word ("Trung tâm Hội nghị Quốc gia")."""
    if not re.match(rf" [{_LOWER}]", text[end:]):
        return text[start:end]
    tokens = [token.replace("_", " ") for token in segment(text)]
    for _ in range(4):  # (a few words of the name, each capitalised and running on in lower case)
        word_end = _segmented_end(text, tokens, end)
        if word_end == end or _name_ends_at(text, text.rfind(" ", 0, end) + 1):
            return text[start:word_end]  # (the word is an office's title: "... Hà Nội Giám đốc")
        run = word_end
        while (more := re.match(rf" [{_CAPS}][\wÀ-ỹ]*", text[run:])) and not _name_ends_at(text, run + 1):
            run += more.end()
        if run == word_end:
            return text[start:word_end]
        end = run
    return text[start:end]


# the first words of another body, which end a place's name: "Phủ Chủ tịch Bộ Ngoại giao tổ chức"
_OTHER_BODY = re.compile(r"(?:Bộ|Sở|Ủy ban|Uỷ ban|UBND)\s")


def _name_ends_at(text: str, at: int) -> bool:
    """A capitalised name running on in ``text`` ends before ``at``: an office's title, another body, a
    person, a weekday or a country starts there ("tại Quảng trường A Chủ tịch nước B", "... Quốc gia Chủ
    nhật tuần trước", "... Quốc gia Việt Nam và Hàn Quốc ký")."""
    words = [fold(w) for w in re.findall(r"\w+", text[at : at + 40])[:3]]
    return bool(
        office_titles().match(text, at)
        or _OTHER_BODY.match(text, at)
        or PERSON_NAME.match(text, at)
        or " ".join(words[:2]) in ("chu nhat", "thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay")
        or _country_opening(words)
    )


def _segmented_end(text: str, words: list[str], end: int) -> int:
    """The end of the segmented word (of ``words``, in order) that ``end`` falls inside, or ``end``."""
    pos = 0
    for word in words:
        found = text.find(word, pos)
        if found < 0:
            continue
        pos = found + len(word)
        if found < end < pos:
            return pos
        if found >= end:
            break
    return end


def _lead(
    q: Question, ev: Evidence, p: AnswerParams = DEFAULT_PARAMS, qtype: str | None = None
) -> str | None:
    """The slot the question asks for (its main type, or ``qtype``) as ``ev`` gives it, or None."""
    qtype = qtype or q.qtype
    if qtype == "when":
        when = _both_dates(q, ev) or _lead_date(q, ev)
        where = _lead_place(q, ev)
        return f"{when}, {where}" if when and where else when
    if qtype == "where":
        where = _lead_place(q, ev)
        if where:
            return where[:1].upper() + where[1:]
    taken = _office_taken(q, ev.text) if qtype in ("who", "what") else None
    if taken:  # ("A được phân công giữ chức vụ gì / nào": the office the sentence puts A in, with A's name)
        return f"{_in_full(taken[0], ev.article.text)}, {taken[1]}"
    if qtype == "who":
        person = _lead_person(q, ev)
        office = _office_given(ev.text, person) if person and _ASKS_OFFICE.search(q.words) else None
        if person and office:  # ("A giữ chức vụ gì": the office the sentence gives A, with A's name)
            return f"{_in_full(person, ev.article.text)}, {office}"
        return _in_full(person, ev.article.text) if person else person
    if qtype == "how_many":
        return _lead_amount(q, ev)
    if qtype == "yes_no":
        return _verdict(q, ev, p)
    return None


# negation ("không chỉ ... mà còn", "not only": not a negation)
_NEGATION = re.compile(
    r"\b(khong(?! chi\b| nhung\b)|chua|chang|cha he|tu choi|bac bo|phu nhan|not(?! only)|never"
    # (an unlikely outcome: "ít (có) khả năng", "khó có khả năng")
    r"|it (?:co )?kha nang|kho co kha nang)\b"
)
# "không" of a compound is no negation ("Không quân", "hàng không", "không gian", "phòng không" air
# defence, "không kích" an air strike; not "không kích hoạt"); read with its marks: folded, "không quân"
# is "không quan tâm" and "không khí" "không khi nào"
_NOT_NEGATION = re.compile(
    r"\bhàng\s+không\b|\bkhông\s+(?:quân|khí|gian|phận|lực|trung|tặc|ảnh(?!\s+hưởng))\b"
    # (air defence by what it is of: "hệ thống phòng không", "vũ khí chống tăng và phòng không"; not "Bộ
    # Quốc phòng không xác nhận", "Văn phòng không bình luận")
    r"|\b(?:hệ\s+thống|tên\s+lửa|lực\s+lượng|pháo|vũ\s+khí|quân\s+chủng|binh\s+chủng|đơn\s+vị|và)\s+phòng\s+không\b"
    r"|\bphòng\s+không\s*-\s*không\s+quân\b"
    r"|\bkhông\s+kích\b(?!\s+(?:thích|hoạt|động|cầu|nổ))"
    # (nor words other marks make other words that fold alike: "khổng lồ", "chùa", "chúa", "sửa chữa",
    # "hồ chứa", "khống chế")
    r"|\b(?:khổng|khống|chùa|chúa|chữa|chứa|chừa)\b",
    re.IGNORECASE,
)


def _negation_text(text: str) -> str:
    """``text`` folded for ``_NEGATION``, its compounds of "không" left out, and its capitalised words past a
    word or a comma (a name, "cầu Chưa Sơn", is no "chưa"; "Không" opening a sentence or a quote stays)."""
    return fold(_NOT_NEGATION.sub(" ", _NAMED_WORD.sub(" ", text)))


_NAMED_WORD = re.compile(rf"(?<=[\w,;)]\s)[{_CAPS}]\w*")


def _verdict(q: Question, ev: Evidence, p: AnswerParams, then: Evidence | None = None) -> str | None:
    """Yes or no when the sentence itself (with the one right after it, ``then``: "A mời B dự hội nghị.
    B đã nhận lời.") holds most of the question's weighted terms (``verdict_share``): "no" when it
    negates, "yes" otherwise; else no verdict (the quote speaks). "No", whatever it holds, when it says
    that what a "more than" question asks of is the same (``_same_as_compared``)."""
    if then is None and _denies_any(q, ev.text):  # ("có trình đề án nào ... không": "chưa trình một đề án
        # nào", whatever else the sentence leaves unsaid)
        return _verdict_of(q, True)
    if then is None and _same_as_compared(q, ev.text):  # ("có cao hơn cảnh báo hồi tháng 1 không":
        # "Cảnh báo này ... tương tự cảnh báo ... hồi tháng 1", the same, not more, whatever it calls the one
        # asked about)
        return _verdict_of(q, True)
    held = ev.own if then is None else sum({**ev.held, **then.held}.values())
    if held < p.verdict_share:
        return None  # the sentence does not state what is asked: no verdict, the quote speaks
    objects = _asked_objects(q)
    if objects:  # nor when it lacks what the act is asked of ("có nhắc tới Hội An không": "Hội An")
        said = ev.text if then is None else f"{ev.text} {then.text}"
        words = _words_of("", said)
        if not all(_holds(words, n) or _named_again(said, n) for n in objects):
            return None
    # (nor when it says nothing of what the act is done to: "có ra được tuyên bố chung không" is not
    # answered by a sentence about how long the talks would last)
    if not _object_said(q, ev.text if then is None else f"{ev.text} {then.text}"):
        return None
    if then is None:
        negated = _negated_for(q, ev.text)
    else:  # the sentence that completes it negates what is asked, not something else it adds
        negated = _negates(then.text, set(then.held)) or _negated_for(q, ev.text)
    # (or it gives the act to another side than the question does: "theo đề nghị của phía B" for "do phía
    # A đề nghị phải không")
    return _verdict_of(q, negated or _other_side_acts(q, ev.text))


# "có V O nào ... không" (folded): whether any was done, the verb and its object before "nào"
_ASKS_ANY = re.compile(r" co ((?:\w+ ){1,4}?)nao ")


def _denies_any(q: Question, text: str) -> bool:
    """A Vietnamese yes/no question asks whether any was done ("có trình đề án nào lên B không", the verb
    asked and its object before "nào") and a clause of ``text`` denies every one, the same words after the
    negation ("chưa trình một đề án nào", "chưa từng ký bất kỳ hợp đồng nào"), "không" read as
    ``_negation_text`` reads it; no name in that clause the question does not give (not "Trường A chưa
    trình đề án nào, còn trường B đã trình" for B), no exception after it ("nào khác", "ngoài"), and no
    word before it that makes the denial a claim or a condition ("bác bỏ ... không nộp khoản nào", "nếu")."""
    if q.language == "en" or not q.predicate:
        return False
    denial = _denial_of(q.predicate[0], q.words)
    if denial is None:
        return False
    given = set(q.words.split())
    for clause in re.split(r"[,;:]|\bcòn\b|\bnhưng\b", text):
        folded = " ".join(w for w in re.sub(r"\bbat ky\b", " ", _negation_text(clause)).split() if w != "mot")
        m = denial.search(folded)
        if m is None or _CLAIMED_OR_IF.search(folded[: m.start()]):
            continue
        # (the names of the clause, its first word aside, are the question's: the one it asks about)
        named = {fold(w) for w in _WORD.findall(clause)[1:] if w[:1].isupper()}
        if named <= given:
            return True
    return False


@lru_cache(maxsize=256)  # (asked for every candidate sentence: read the question once)
def _denial_of(verb: str, words: str) -> re.Pattern[str] | None:
    """The denial of every one that ``_denies_any`` looks for, of a question's first verb asked and its
    folded words: the verb and its object before "nào" after a negation; None when it asks no "có V O nào"."""
    first = fold(verb).split()[0]
    asked = next(
        (m.group(1).split() for m in _ASKS_ANY.finditer(words) if m.group(1).startswith(f"{first} ")), None
    )
    if not asked or len(asked) < 2:
        return None
    return re.compile(
        rf"\b(?:chua|khong|chang|cha)(?: he| tung)?(?: co)? {' '.join(asked)} nao\b"
        r"(?! khac\b| ngoai\b| them\b)"
    )


# what makes a denial someone's claim or a condition (folded): "bác bỏ thông tin ... không nộp", "nếu"
_CLAIMED_OR_IF = re.compile(r"\b(?:bac bo|phu nhan|cao buoc|cho rang|tin don|neu|gia su|truong hop)\b")


# a Vietnamese yes/no question asking whether something is more or less than another (folded: "có ở mức
# cao hơn cảnh báo hồi tháng 1 không"), the words after "hơn"; and a sentence saying it is the same as
# another ("tương tự", "tương đương", "ngang bằng", "bằng với", "giống như"), the words after that
_ASKS_MORE_THAN = re.compile(
    r" (?:cao|lon|nhieu|thap|it|nho|manh|yeu|dat|re) hon (?P<other>(?:\w+ ){2,}?)khong $"
)
_SAME_WORDS = re.compile(r"\b(?:tuong tu|tuong duong|ngang bang|bang voi|giong nhu|giong voi)\b")


def _same_as_compared(q: Question, text: str) -> bool:
    """A Vietnamese yes/no question asks whether something is more or less than another
    (``_ASKS_MORE_THAN``) and ``text`` says it is the same as that one: its "tương tự" (``_SAME_WORDS``) is
    followed by the first two words the question writes after "hơn", and by every one of them (three or
    more) in its clause; and ``text`` writes no "hơn" itself ("giá A cao hơn giá B, trong khi ... tương tự
    giá C")."""
    if q.language == "en":
        return False
    asked = _ASKS_MORE_THAN.search(q.words)
    folded = fold(text)
    same = _SAME_WORDS.search(folded)
    if asked is None or same is None or " hon " in f" {' '.join(_WORD.findall(folded))} ":
        return False
    other = asked["other"].split()
    clause = _WORD.findall(re.split(r"[,;]|\.(?!\d)", folded[same.end() :])[0])
    after = clause[1:] if clause[:1] in (["nhu"], ["voi"]) else clause  # ("tương tự như", "bằng với")
    return len(other) >= 3 and set(other) <= set(clause) and after[:2] == other[:2]


# a side named as the one who acts or asks: "do (phía) A", "bởi A", "theo đề nghị của (phía) A"; as written
# with marks ("do", not "độ" of "thái độ Mỹ"), and folded for a question typed without them
_AGENT_SIDE = re.compile(
    r"(?<!\w)(?:do|bởi|theo (?:đề nghị|lời mời|yêu cầu) của) (?:phía |bên )?((?:\w+ ?){1,3})", re.IGNORECASE
)
_AGENT_SIDE_FOLDED = re.compile(
    r"\b(?:do|boi|theo (?:de nghi|loi moi|yeu cau) cua) (?:phia |ben )?((?:\w+ ?){1,3})"
)


def _agent_countries(text: str, folded: bool = False) -> set[frozenset[str]]:
    """The countries ``_AGENT_SIDE`` names in ``text`` (``_AGENT_SIDE_FOLDED`` in folded words), each by the
    first one to three words after it."""
    matches = _AGENT_SIDE_FOLDED.finditer(text) if folded else _AGENT_SIDE.finditer(same_tones(text))
    found = (_country_opening(fold(m.group(1)).split()) for m in matches)
    return {c for c in found if c}


def _other_side_acts(q: Question, text: str) -> bool:
    """A yes/no question gives an act to one country ("do phía A đề nghị") and ``text`` gives it to another
    country only ("theo đề nghị của phía B"): the answer is no."""
    if q.language == "en":
        return False
    asked = _agent_countries(q.words, folded=True) if q.language != "vi" else _agent_countries(q.text)
    said = _agent_countries(text)
    return bool(asked) and bool(said) and not asked & said


_FIRST = re.compile(
    r"\blần\s+(?:đầu|thứ\s+nhất)\b|\bfirst\s+time\b", re.IGNORECASE
)  # (a sentence saying it is the first)
_ASKS_FIRST = re.compile(r" (?:lan dau tien|lan dau|for the first time|the first time) ")
# (as written with marks, with what it is the first of between: "lần hội nghị đầu tiên"; not "Hà Lan";
# "lần thứ nhất", not "Lan thu nhặt")
_ASKS_FIRST_MARKED = re.compile(r"\blần (?:\w+ ){1,3}?đầu tiên\b|\blần thứ nhất\b")
# a later time: "lần thứ ba", and "lần ba", "lần 2" where the phrase ends ("hội nghị lần ba vừa diễn ra";
# not "lần hai nhà lãnh đạo gặp nhau": "the time the two leaders met")
_LATER = re.compile(
    r"\blần\s+thứ\s+(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười|[2-9]|\d{2,})\b"
    r"|\blần\s+(?:hai|ba|tư|[2-9])(?=\s*(?:[,.;:)]|$)|\s+(?:diễn ra|tại|ở|vào|này|được|của|trong|liên tiếp"
    r"|vừa|sau|giữa|với|năm|hồi)\b)"
    r"|\b(?:second|third|\d+(?:nd|rd|th))\s+time\b",
    re.IGNORECASE,
)
# an earlier time, opening its clause ("Hồi tháng 12/2011, ông A đã có chuyến thăm ...", not "phục hồi
# năm 2021"), or "đã từng": a later time when the sentence says the very act asked of the one asked about
_EARLIER = re.compile(r"(?:^|[,;:(]\s*|\b(?:từ|vào)\s+)hồi\s+(?:tháng|năm)\s+\d|\bđã\s+từng\b", re.IGNORECASE)


def _says_act_of(q: Question, e: Evidence) -> bool:
    """``e`` says the act a yes/no question asks about (its verb) of the one it asks about (every name it
    gives but places: "ông A thăm Hải Đông" for "A thăm Hải Đông lần đầu?")."""
    names = [n for n in required_names(q) if n not in q.places]
    words = _words_of("", e.text)
    return (not q.predicate or _verb_in(q, e) is not None) and all(_holds(words, n) for n in names)


def _asked_objects(q: Question) -> list[str]:
    """The names (of two words or more) a Vietnamese yes/no question gives after the verb it asks about:
    what the act is asked of ("A có nhắc tới Hội An không": "hoi an"), which a sentence must name to say
    yes or no."""
    if q.language == "en" or not q.predicate:
        return []
    at = [q.words.find(f" {fold(v)} ") for v in q.predicate]
    found = [i for i in at if i >= 0]
    if not found:
        return []
    after = q.words[min(found) :]
    # (a name of two words or more: one word, "liên Triều", is often said again as "việc này")
    return [n for n in required_names(q) if " " in n and f" {n} " in after]


def _object_said(q: Question, text: str) -> bool:
    """``text`` writes what a Vietnamese yes/no question asks the act to be done to, its first content word
    after the verb asked about ("có ra được tuyên bố chung không": "tuyên"), as written with its marks
    (folded for a question typed without them), or names it back ("việc này"); true when the question
    writes none."""
    if q.language == "en" or not q.predicate:
        return True
    words = q.words.split()
    verb = fold(q.predicate[0]).split()
    at = next((i for i in range(len(words) - len(verb), -1, -1) if words[i : i + len(verb)] == verb), None)
    if at is None:
        return True
    marked = q.language == "vi" and len(_WORD.findall(q.text)) == len(words)
    written = [same_tones(w.lower()) for w in _WORD.findall(q.text)] if marked else words
    after = range(at + len(verb), len(words) - 1)
    first = next((k for k in after if words[k] not in STOP_WORDS and not words[k].isdigit()), None)
    if first is None:
        return True
    said = _WORD.findall(same_tones(text.lower()) if marked else fold(text))
    return written[first] in said or bool(_NAMED_BACK.search(fold(text)))


_NAMED_BACK = re.compile(r"\b(?:viec|dieu|van de|chuyen) (?:nay|do|ay)\b|\bnhu vay\b")


_ASKS_YET = re.compile(r" da (?:\w+ )+chua $| (?:yet|already) ")
_UNREALISED = re.compile(r"\b(?:nếu|giả sử|trong trường hợp)\b", re.IGNORECASE)  # (not "sẽ" alone: "sẽ có


# hiệu lực" of a treaty signed)
def _plans_asked(q: Question, text: str) -> bool:
    """``text`` only plans the act asked about: the word in lower case right after "sẽ", "dự kiến", "sắp"
    is one of the question's, and the sentence does not write it elsewhere ("sẽ vận hành thử nghiệm" for
    "đã vận hành chưa"; not "sẽ dự hội nghị" after a visit, nor "chính thức vận hành ... và sẽ vận hành
    thêm 20 chuyến")."""
    folded = fold(text)
    for m in _FUTURE.finditer(text):
        after = re.match(r"\s+([^\W\d_]+)", text[m.end() :])
        if after is None or not after.group(1).islower():
            continue
        word = fold(after.group(1))
        if word in q.terms and word not in STOP_WORDS:
            planned = len(re.findall(rf"\b(?:se|du kien|sap|ke hoach) {word}\b", folded))
            return planned == len(re.findall(rf"\b{word}\b", folded))
    return False


# a time to come for an act ("sẽ", "dự kiến", "sắp", "kế hoạch"; not "sắp xếp", nor "tới", also "arrive")
_FUTURE = re.compile(r"\b(?:sẽ|dự kiến|sắp(?!\s+xếp)|kế hoạch)\b", re.IGNORECASE)


_REALISED = re.compile(r"\b(?:đã|vừa|từng)\b", re.IGNORECASE)


def _negated_for(q: Question, text: str) -> bool:
    """``text`` negates (``_NEGATION``), the verb the question asks about aside when it is itself one of
    refusal: "đã bác bỏ kế hoạch" says yes to "có bác bỏ kế hoạch không"."""
    for verb in q.predicate:
        if _NEGATION.search(f" {fold(verb)} "):
            text = re.sub(rf"(?<!\w){re.escape(verb)}(?!\w)", " ", same_tones(text), flags=re.IGNORECASE)
    # (nor "không đúng đối tượng" after the whole act asked, written word for word: the act took place,
    # improperly)
    text = _without_improperly(q, text)
    # (nor a negation the question writes itself with the two words after it, what it asks about: "rời EU
    # mà không cần thoả thuận" says yes to "có tuyên bố sẵn sàng rời EU mà không cần thỏa thuận không"; not
    # "không người nào" for "máy bay không người lái")
    folded = _negation_text(text)
    for m in _ASKED_NEGATION.finditer(q.words):
        folded = re.sub(r"\b" + r"\s+".join(m.group(0).split()) + r"\b", " ", folded)
    return (
        bool(_NEGATION.search(folded))
        or _too_early_for(q, text)
        or _rarely_for(q, text)
        or _cancelled_for(q, text)
        or _later_one_for(q, text)
        or _other_country_for(q, text)
    )


def _other_country_for(q: Question, text: str) -> bool:
    """A Vietnamese yes/no question, written with its marks, gives a country right after two words ("sản
    xuất từ format gốc của Mỹ"), and ``text`` writes those two words before another country each time it
    writes them ("format gốc của Đan Mạch") and never names the question's: the answer is no. A country is
    written with a capital, on both sides ("y tế", "hạn chế", "lao động" are none); not one of a list,
    "thăm Hàn Quốc rồi tới thăm Tokyo" for "có tới thăm Nhật Bản không"."""
    if q.language != "vi":
        return False
    asked, asked_at = _countries_at(q.text)
    words, said_at = _countries_at(text)
    named = [c for c in said_at if c]
    for i in range(2, len(asked)):
        country = asked_at[i]
        before = asked[i - 2 : i]
        if not country or any(c & country for c in named):
            continue
        after = [said_at[j] for j in range(2, len(words)) if words[j - 2 : j] == before]
        if after and all(other and not other & country for other in after):
            return True
    return False


def _countries_at(text: str) -> tuple[list[str], list[frozenset[str]]]:
    """``text``'s words, folded, and the country each written with a capital opens (empty if none)."""
    raw = _WORD.findall(text)
    words = [fold(w) for w in raw]
    return words, [
        _country_opening(words[k : k + 3]) if w[:1].isupper() else frozenset() for k, w in enumerate(raw)
    ]


# a Vietnamese question's "the first" of something, not of a time ("tổng thống Mỹ đầu tiên", folded; "lần
# đầu tiên" is ``_ASKS_FIRST``): the up to four words before it and after it
_ASKS_FIRST_ONE = re.compile(r"((?: \w+){1,4}) dau tien((?: \w+){0,4})")
# a later one of something, as written in words: "tổng thống Mỹ thứ ba", "thứ nhì" (the up to five words
# before it in its clause, the up to six after); not "lần thứ ba", a time, nor a weekday, "vào thứ ba", "thứ
# Ba" (a capital), "thứ 4" (in figures, a weekday as often), nor a rank in a series, "thứ 46"
_LATER_ONE = re.compile(
    r"((?:[^\W\d_]+\s+){1,5})thứ\s+(nhì|hai|ba|tư|năm|sáu|bảy|tám|chín)(?!\w)((?:\s+[^\W\d_]+){0,6})",
    re.IGNORECASE,
)
# an English question's "the first" of something ("the first project", the noun the glossary gives in
# Vietnamese; "the first time" is ``_ASKS_FIRST``)
_ASKS_FIRST_EN = re.compile(r" (?:is|was|are|were) (?:\w+ ){1,8}?the first (\w+) ")
_WEEKDAY_BEFORE = frozenset("lan vao hom ngay sang chieu toi trua dem tuan cac nhung moi".split())
# (words that tell nothing of what the first is of: "là", "phải là", "có", "nước"...)
_FIRST_FILLERS = frozenset("la co phai duoc da se mot cac nhung nuoc nguoi".split())


def _later_one_for(q: Question, text: str) -> bool:
    """A Vietnamese question asks whether something is the first of its kind ("có phải là tổng thống Mỹ đầu
    tiên tới A không") and ``text`` says it is a later one: "thứ ba" after two words in a row of the four
    the question writes before "đầu tiên" (a name's and fillers aside, ``_FIRST_FILLERS``), in the five
    before it, and a word of the four the question writes after "đầu tiên" (no stop word) in the six after
    it ("là tổng thống Mỹ thứ ba tới A"); not when ``text`` calls it the first too, nor "lần thứ ba" or a
    weekday ("vào thứ ba")."""
    if q.language == "en":  # ("Is A the first project of B": "A là dự án thứ hai", what it is called, the
        # noun asked as the glossary gives it in Vietnamese right before "thứ"; not "là con thứ hai")
        first = _ASKS_FIRST_EN.search(q.words)
        if first is None or "dau tien" in fold(text):
            return False
        nouns = [fold(v).split() for v in glossary().get(first.group(1), ())]
        return any(
            "la" in (before := _WORD.findall(fold(m.group(1))))
            and before[-1] not in _WEEKDAY_BEFORE
            and not m.group(2)[:1].isupper()
            and any(n and before[-len(n) :] == n for n in nouns)
            for m in _LATER_ONE.finditer(text)
        )
    asked = _ASKS_FIRST_ONE.search(q.words)
    if asked is None or fold(text).count("dau tien"):
        return False
    aside = _name_words(q) | _FIRST_FILLERS
    words = asked.group(1).split()
    pairs = {(a, b) for a, b in pairwise(words) if not {a, b} & aside}
    of = set(asked.group(2).split()) - STOP_WORDS
    for m in _LATER_ONE.finditer(text):
        before = _WORD.findall(fold(m.group(1)))
        if (before[-1:] and before[-1] in _WEEKDAY_BEFORE) or m.group(2)[:1].isupper():
            continue
        after = set(_WORD.findall(fold(_CLAUSE_MARK.split(m.group(3))[0])))
        if pairs & set(pairwise(before)) and of & after:
            return True
    return False


def _too_early_for(q: Question, text: str) -> bool:
    """``text`` says it is too early for what the question asks about: "quá sớm để" as written ("quả sớm" is
    early fruit), a word of the question's (no name's) within the eight words after it in its clause ("còn
    quá sớm để bàn tới việc bỏ chế độ nghĩa vụ quân sự"; not "Dù còn quá sớm để đánh giá hiệu quả, dự án
    đã hoàn thành" for "có hoàn thành không"); unless the question asks whether it is too early."""
    if re.search(r" (?:qua som|too early) ", q.words):
        return False
    asked = {t for t in q.terms if "_" not in t} - _name_words(q) - STOP_WORDS
    written = same_tones(text)
    return any(
        asked & set(_WORD.findall(fold(_CLAUSE_MARK.split(written[m.end() :])[0]))[:8])
        for m in _TOO_EARLY.finditer(written)
    )


_TOO_EARLY = re.compile(r"(?<!\w)quá\s+sớm\s+để(?!\w)", re.IGNORECASE)
# what ends a clause, for the words of one before or after a phrase
_CLAUSE_MARK = re.compile(r"[,;:.!?]")
# a cancellation or a postponement, as written (with the tones placed as ``same_tones`` places them:
# "hủy chuyến thăm", "hõan cuộc họp"; folded, "huy" is also "chỉ huy", "hoan" "hoàn thành"); not a
# destruction, "phá huỷ", "tiêu hủy", "thiêu hủy", "phân hủy", "tự hủy", "hủy diệt", "hủy hoại", nor a
# truce or a buffer, "hòa hoãn", "hoãn xung"
_CANCELLED = re.compile(
    r"(?<!\w)(?<!phá )(?<!tiêu )(?<!thiêu )(?<!phân )(?<!tự )(?<!hòa )(?:hủy|hõan)(?!\w)"
    r"(?!\s+(?:diệt|hoại|xung)(?!\w))",
    re.IGNORECASE,
)
# a question about calling off, putting off, stopping, suspending or lifting something itself (as
# written, tones as ``same_tones`` places them, or in English); typed without marks, those of two
# syllables, or "huy", "hoan" (which may be either)
_ASKS_CANCELLED = re.compile(
    r"(?<!\w)(?:hủy|hõan|dời|lùi|bỏ|gỡ|dỡ|ngừng|dừng|thu hồi|rút lại|tạm dừng|đình chỉ)(?!\w)"
    r"|\b(?:cancel\w*|postpone\w*|call\w* off|scrap\w*|delay\w*|suspend\w*|lift\w*|revok\w*|overturn\w*"
    r"|abolish\w*|put\w* off|stop\w*|halt\w*|withdr[ae]w\w*)\b",
    re.IGNORECASE,
)
_ASKS_CANCELLED_PLAIN = re.compile(
    r" (?:huy|hoan|do bo|bai bo|go bo|xoa bo|tam dung|tam hoan|ngung|dinh chi|thu hoi|rut lai) "
)


def _cancelled_for(q: Question, text: str) -> bool:
    """``text`` says that what the question asks about was cancelled or put off (``_CANCELLED``), and the
    question asks about no cancellation, delay, stop or lifting itself (yes to "did A cancel his visit").
    What was called off is two words in a row of the question's (a name's aside) in the three words after
    the verb in its clause ("Tổng thống A huỷ chuyến thăm" says no to "did A go ahead with his visit"), or,
    the verb passive ("bị hoãn"), in the five before it ("Hội nghị B đã bị hoãn"); not "Sau hai lần bị
    hoãn, hội nghị đã khai mạc", nor "đã thăm C sau khi hủy chuyến thăm D" for "có thăm C không"."""
    if _ASKS_CANCELLED.search(same_tones(q.text)) or (
        q.language == "vi-nodiacritics" and _ASKS_CANCELLED_PLAIN.search(q.words)
    ):
        return False
    names = _name_words(q)
    asked = {t for t in q.terms if "_" in t and not set(t.split("_")) <= names}
    written = same_tones(text)
    for m in _CANCELLED.finditer(written):
        after = _WORD.findall(fold(_CLAUSE_MARK.split(written[m.end() :])[0]))[:4]
        before = _WORD.findall(fold(_CLAUSE_MARK.split(written[: m.start()])[-1]))
        passive = before[-1:] in (["bi"], ["duoc"])
        words = after + (["|"] + before[-6:-1] if passive else [])
        pairs = {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}
        if asked & pairs:
            return True
    return False


_ASKS_OFTEN = re.compile(r" (?:often|frequently|regularly|thuong xuyen|nhieu lan|lien tuc) ")
# (as written: "ít khí CO2" is little gas)
_RARELY = re.compile(r"(?<!\w)(?:ít|hiếm)\s+khi(?!\w)", re.IGNORECASE)


def _rarely_for(q: Question, text: str) -> bool:
    """Asked whether something happens often (``_ASKS_OFTEN``), ``text`` says it rarely does ("nhưng ít khi
    bị biểu tình"): in the clause that writes the verb asked about, or anywhere when none writes it
    (not "thường xuyên đi công tác, ít khi ở nhà" for whether one travels often)."""
    if not _ASKS_OFTEN.search(q.words):
        return False
    clauses = re.split(r"[,;]", same_tones(text))
    verbs = [fold(v) for v in q.predicate]
    acting = [c for c in clauses if any(f" {v} " in f" {' '.join(_WORD.findall(fold(c)))} " for v in verbs)]
    return any(_RARELY.search(c) for c in acting or clauses)


# the whole act a Vietnamese yes/no question asks about, four words or more after "có (bị/được)" or "đã", up
# to its closing "không"/"chưa" (folded)
_WHOLE_ACT_ASKED = re.compile(r" (?:co|da) (?:bi |duoc )?(?P<act>(?:\w+ ){4,})(?:khong|chua) $")


def _without_improperly(q: Question, text: str) -> str:
    """``text`` without the "không đúng <rule>" (``_IMPROPERLY``: improperly, against the rule) written after
    the act a Vietnamese yes/no question asks about (``_WHOLE_ACT_ASKED``), when ``text`` writes that act
    word for word: it says how the act was done, not that it was not ("A tự ý ký quyết định cho B ... không
    đúng đối tượng")."""
    m = _WHOLE_ACT_ASKED.search(q.words) if q.language != "en" else None
    if m is None or _NEGATION.search(f" {m['act']}"):
        return text
    act = m["act"].split()
    words = list(_WORD.finditer(text))
    folded = [fold(w.group(0)) for w in words]
    for k in range(len(folded) - len(act) + 1):
        if folded[k : k + len(act)] == act:
            end = words[k + len(act) - 1].end()
            return text[:end] + _IMPROPERLY.sub(" ", text[end:])
    return text


# "không đúng" and the rule it breaks: an act done improperly ("là không đúng quy định" too; not "không
# đúng sự thật", untrue)
_IMPROPERLY = re.compile(
    r"\bkhông đúng (?:tiêu chuẩn|đối tượng|quy định|thẩm quyền|quy trình|thủ tục|luật|pháp luật"
    r"|mục đích)\b",
    re.IGNORECASE,
)


# a negation and the two words after it in a question's (folded) words ("mà không cần thỏa thuận")
_ASKED_NEGATION = re.compile(r"\b(?:khong|chua|chang|not|never)(?: \w+){2}(?= )")


# the act a Vietnamese yes/no question asks about, three to eight words after "có (bị/được)" or "đã", up
# to its closing "không"/"chưa" (folded)
_ACT_ASKED = re.compile(r" (?:co|da) (?:bi |duoc )?(?P<act>(?:\w+ ){3,8})(?:khong|chua) $")


def _act_refused(q: Question, text: str) -> bool:
    """``text`` writes the act a Vietnamese yes/no question asks about (``_ACT_ASKED``) whole in one clause,
    right after "không" or "chưa" as written (not "chùa", "khống") and a word at most ("quyết định không
    khởi tố vụ án hình sự"); not "không chỉ", "không những" (not only), "không ai", nor a refusal revoked
    ("hủy quyết định không khởi tố")."""
    m = _ACT_ASKED.search(q.words) if q.language != "en" else None
    if m is None:
        return False
    act = m["act"].split()
    for clause in re.split(r"[,;:.!?]", text):
        marked = [w.lower() for w in _WORD.findall(same_tones(clause))]
        folded = [fold(w) for w in marked]
        for k in range(len(folded) - len(act) + 1):
            if folded[k : k + len(act)] != act:
                continue
            before = marked[max(0, k - 2) : k]
            if before[-1:] in (["không"], ["chưa"]):
                at = k - 1
            elif len(before) == 2 and before[0] in ("không", "chưa") and before[1] not in _NOT_REFUSING:
                at = k - 2
            else:
                continue
            # (not a refusal revoked, "hủy bỏ quyết định không ...", nor a question, "có hay không", nor
            # "không thể không")
            if not any(
                w in ("hủy", "huỷ", "bãi", "thu", "bác", "hay", "thể") for w in marked[max(0, at - 4) : at]
            ):
                return True
    return False


# words after "không" that make it no refusal of what follows ("không chỉ khởi tố": not only)
_NOT_REFUSING = frozenset("chỉ những riêng phải ai lâu ngần".split())


def _ceases_asked(q: Question, text: str) -> bool:
    """A yes/no question asks whether something goes on ("tiếp tục", "keep", "continue", "still") and
    ``text`` says it ends ("chấm dứt", "dừng", "ngừng", "kết thúc", "bãi bỏ") with one of the question's
    words within the six after it ("chấm dứt chính sách cấp thị thực"; not "Sau khi kết thúc hội nghị,
    A sẽ tiếp tục viện trợ"), which the question does not ask itself, nor the sentence say goes on."""
    folded = fold(text)
    if (
        not _ASKS_CONTINUING.search(q.words)
        or _CEASING_FOLDED.search(q.words)
        or " tiep tuc " in f" {folded} "
    ):
        return False
    words = _WORD.findall(folded)
    asked = {t for t in q.terms if "_" not in t and t not in STOP_WORDS}
    for m in _CEASING.finditer(same_tones(text)):
        before = _WORD.findall(fold(text[: m.start()]))[-1:]
        if before in (["khi"], ["khong"], ["chua"]):  # ("sau khi kết thúc", "không dừng")
            continue
        at = len(_WORD.findall(fold(text[: m.end()])))
        if asked & set(words[at : at + 6]):
            return True
    return False


def _subject_does_verb(q: Question, e: Evidence) -> bool:
    """``e`` writes the yes/no question's subject and, at most four words after it in its clause, a verb
    of the act asked or of stating ("Bộ Quốc phòng A đã xác nhận ..." for "Bộ Quốc phòng A có thừa nhận ...
    không": the one asked of says it; not "B xác nhận Bộ Quốc phòng A có liên quan")."""
    if not q.subject:
        return False
    verb = _verb_in(q, e)
    acted = _STATING if verb is None else re.escape(" ".join(_WORD.findall(fold(verb))))
    subject = re.escape(" ".join(_WORD.findall(fold(q.subject))))
    return any(
        re.search(rf"\b{subject} (?:\w+ ){{0,4}}?(?:{acted})\b", " ".join(_WORD.findall(fold(c))))
        for c in re.split(r"[,;]", e.text)
    )


# verbs of stating or acknowledging (folded)
_STATING = r"xac nhan|thua nhan|cong nhan|khang dinh|cho biet|tuyen bo|thong bao|noi"


def _writes_act(q: Question, text: str) -> bool:
    """``text`` writes an act of ``opposites()`` the yes/no question asks of, in one of its forms."""
    joined = " " + " ".join(re.findall(r"\w+", same_tones(text.lower()))) + " "
    return any(f" {form} " in joined for act in _acts_asked(q) for form in _act_forms(act))


def _opposite_said(q: Question, text: str) -> bool:
    """A yes/no question asks of an act of ``opposites()``, its verb or the one a verb of consent opens
    ("Ostrovia có nới lỏng ...", "có đồng ý nới lỏng lệnh trừng phạt không", "did A agree to ease"), and
    ``text`` says an opposite of it ("Ostrovia sẽ duy trì các lệnh trừng phạt"): with its marks (not "đổ bộ"
    for "dỡ bỏ"), not negated nor an earlier act in the four words before ("không", "chưa bao giờ phản
    đối", "từng tẩy chay"), with two words in a row of what the act is of in the question ("lệnh trừng")
    within the ten after it in its clause (not past "trong khi", "nhưng", "đồng thời"), after the one asked
    of (the question's subject) with no one else named between; and the sentence says neither the act
    asked nor a verb of its English verb's ("giảm bớt" for "nới lỏng": ease)."""
    acts = _acts_asked(q)
    if not acts or _writes_act(q, text):
        return False
    words = re.findall(r"\w+", same_tones(text.lower()))
    folded = [fold(w) for w in words]
    breaks = {k for k, w in enumerate(words) if w in ("nhưng", "còn", "song")}
    breaks |= {k for k in range(len(words) - 1) if " ".join(words[k : k + 2]) in ("trong khi", "đồng thời")}
    # (the clause ends at a comma, a semicolon or a full stop, too)
    ends = [len(re.findall(r"\w+", text[: m.start()])) for m in re.finditer(r"[,;.]", text)]
    subject = _subject_words(q)
    people = [len(re.findall(r"\w+", text[:at])) for at, _ in _people(text, q.words, q.text)]
    table = opposites()
    for act in acts:
        pairs = _act_objects(q, act, table[act])
        for other in table[act]:
            size = len(other.split())
            for at in (k for k in range(len(words) - size + 1) if " ".join(words[k : k + size]) == other):
                if {"khong", "chua", "chang", "cha", "tung", "truoc"} & set(folded[max(0, at - 4) : at]):
                    continue
                stop = min([k for k in (*breaks, *ends) if k >= at + size] + [at + size + 10])
                said = f" {' '.join(folded[at + size : stop])} "
                if not any(f" {pair} " in said for pair in pairs):
                    continue
                if subject:  # (its subject before it, no person named between: not "A dự, còn ông B ...")
                    starts = [
                        k for k in range(at - len(subject) + 1) if folded[k : k + len(subject)] == subject
                    ]
                    if not starts or any(starts[-1] + len(subject) <= p < at for p in people):
                        continue
                return True
    return False


def _subject_words(q: Question) -> list[str]:
    """The last two words (folded) of the one a yes/no question asks of: its subject, or, typed without
    marks, its words before "co" ("ostrovia co noi long ...")."""
    if q.subject:
        return _WORD.findall(fold(q.subject))[-2:]
    typed = re.match(r" ((?:\w+ ){1,4}?)co ", q.words) if q.language == "vi-nodiacritics" else None
    return typed.group(1).split()[-2:] if typed else []


# verbs of consent, whose next verb is the act asked ("có đồng ý nới lỏng", "có bỏ phiếu ủng hộ"; folded)
_CONSENTING = frozenset({"dong y", "nhat tri", "chap nhan", "quyet dinh", "bo phieu", "san sang", "cam ket"})
# (in English: "agree to ease", "vote in favour of", "in support of")
_CONSENTED_EN = re.compile(r" (?:to (\w+)|in (?:favou?r|support) of) ")


def _acts_asked(q: Question) -> list[str]:
    """The acts of ``opposites()`` a yes/no question asks of, as the table writes them: its verb, or the verb
    right after a verb of consent (``_CONSENTING``); none when its verb is another ("từ chối tham gia").
    With its marks when the question has them ("đổ bộ" is no "dỡ bỏ"); folded when typed without."""
    table = opposites()
    plain = q.language == "vi-nodiacritics"
    by_key = {fold(a) if plain else a: a for a in table}
    verbs_asked = [fold(v) if plain else same_tones(v.lower()) for v in q.predicate]  # (the verb asked first)
    if not verbs_asked:
        return []
    consenting = {fold(v) for v in verbs_asked} & _CONSENTING
    if verbs_asked[0] in by_key or not consenting:
        return [by_key[verbs_asked[0]]] if verbs_asked[0] in by_key else []
    if q.language == "en":
        m = _CONSENTED_EN.search(q.words)
        word = (m.group(1) or "support") if m else ""
        return [
            by_key[f]
            for f in dict.fromkeys(same_tones(v.lower()) for v in verbs().get(word, ()))
            if f in by_key
        ]
    written = re.findall(r"\w+", fold(q.text) if plain else same_tones(q.text.lower()))
    asked = f" {' '.join(written)} "
    found: list[str] = []
    for verb in verbs_asked:
        after = asked.split(f" {verb} ", 1)[1] if f" {verb} " in asked else ""
        found += [a for key, a in by_key.items() if f" {after}".startswith(f" {key} ")]
    return list(dict.fromkeys(found))


def _act_forms(act: str) -> set[str]:
    """An act as written, with the Vietnamese of each English verb it renders (``verbs-en.tsv``)."""
    forms = {act}
    for values in verbs().values():
        written = {same_tones(v.lower()) for v in values}
        if act in written:
            forms |= written
    return forms


# words that link an act to what it is of, no part of it (folded): "với", "của", "việc", "các"
_LINKING = frozenset("voi cua cac nhung cho ve doi toi viec la mot moi".split())


def _act_objects(q: Question, act: str, others: tuple[str, ...]) -> list[str]:
    """What an act is of in the question, as pairs of words in a row (folded): of its first three words after
    the act that are no linking words (``_LINKING``) nor of a name it gives ("lenh trung", "trung phat"); in
    English, of its Vietnamese terms of two words but those of the acts and the names."""
    acted = {w for phrase in (act, *others) for w in fold(phrase).split()}
    acted |= {w for name in (*q.names, *required_names(q)) for w in name.split()}  # (who acts, or for whom)
    if q.language == "en":
        pairs = [t.replace("_", " ") for t in q.terms if t.count("_") == 1]
        return [p for p in pairs if not set(p.split()) & acted and not set(p.split()) <= STOP_WORDS]
    key = fold(act)
    after = q.words.split(f" {key} ", 1)[1].split() if f" {key} " in q.words else []
    content = [w for w in after if w not in _LINKING and w not in acted][:3]
    return [f"{a} {b}" for a, b in zip(content, content[1:], strict=False)] or content


_ASKS_CONTINUING = re.compile(r" (?:tiep tuc|keep|keeps|continue|continues|still) ")
_CEASING = re.compile(r"\b(?:chấm dứt|dừng|ngừng|ngưng|kết thúc|bãi bỏ|hủy bỏ|xóa bỏ)\b", re.IGNORECASE)
_CEASING_FOLDED = re.compile(r" (?:cham dut|dung|ngung|ket thuc|bai bo|huy bo|xoa bo|stop|end|scrap) ")


def _other_value(q: Question, best: Evidence, others: list[Evidence]) -> bool:
    """The question asks about one value of a kind whose values exclude each other (``exclusive_values``:
    "có bị khiển trách không"), and ``best``, naming whom the question names, gives another of that kind
    ("bị cảnh cáo") while none of ``others`` naming them gives the one asked ("bị cách chức" as well as
    "bị cảnh cáo" by the Party)."""
    names = [n for n in required_names(q) if n not in q.places]
    # (typed in lower case, no name is known: the three words after an honorific, "ong le van khai co bi")
    typed = _HONORIFIC_TYPED.search(q.words) if not names and q.text == q.text.lower() else None
    names += [typed.group(1)] if typed else []
    if not names:  # (of no one named: "có đại biểu nào bỏ phiếu chống không" is another matter)
        return False

    def about(e: Evidence) -> bool:
        words = _words_of("", e.text)
        return all(_holds(words, n) or _named_again(e.text, n) for n in names)

    if not about(best):
        return False
    for values in exclusive_values().values():
        asked = [i for i, (wordings, _) in enumerate(values) if any(f" {w} " in q.words for w in wordings)]
        if len(asked) != 1:  # (none, or a choice between two: "khiển trách hay cảnh cáo")
            continue
        given = _values_given(values, best.text)
        if given and asked[0] not in given:
            # (any mention of the value asked in a sentence about them: "đã ký quyết định cách chức ông A")
            return not any(asked[0] in _values_given(values, e.text, loose=True) for e in others if about(e))
    return False


_HONORIFIC_TYPED = re.compile(r" (?:ong|ba) (\w+ \w+ \w+) ")


def _values_given(values: list[tuple[list[str], list[str]]], text: str, loose: bool = False) -> set[int]:
    """Which of a kind's ``values`` ``text`` gives: a wording of it, after one of its context words within
    the four words before it when it has any ("bị cảnh cáo", "hình thức cảnh cáo"; not ``loose``)."""
    words = _WORD.findall(fold(text))
    said = f" {' '.join(words)} "
    given = set()
    for i, (wordings, context) in enumerate(values):
        for w in wordings:
            for m in re.finditer(rf" {re.escape(w)} ", said):
                before = f" {' '.join(said[: m.start()].split()[-4:])} "
                if loose or not context or any(f" {c} " in before for c in context):
                    given.add(i)
    return given


def _verdict_of(q: Question, negated: bool) -> str:
    if q.language == "en":
        return "No" if negated else "Yes"
    return "Không" if negated else "Có"


def _by_score(e: Evidence) -> float:
    return -e.score


def _stating(
    q: Question, ranked: list[Evidence], floor: float = 0.0, strict: bool = False
) -> tuple[Evidence, str] | None:
    """The best sentence holding the verb a yes/no question asks about (any of ``Question.predicate``),
    a pair of words of what it is asked about (in it or in the sentence before it) and the name before
    the verb (``Question.subject``), with at least ``floor`` of the question's terms; and that verb."""
    if not q.predicate:
        return None
    subject = q.subject.split()
    if (
        q.language == "en"
        and subject
        and (subject[-1].lower() in glossary() or fold(subject[-1]) in country_aliases())
    ):
        subject = []  # English words ("South Korea's Ministry"), not a name the article writes
    # a person is named again by the last word of the name ("ông Abe", "Thủ tướng Phúc"); a body or a
    # country by all of it ("Bộ Thống nhất Hàn Quốc")
    person = bool(subject) and (
        looks_foreign(subject[-1]) or bool(person_names(q.subject)) or q.language == "en"
    )
    # what it is asked about: the pairs of words after the verb ("trả lời đề nghị ký hiệp định ..."; in
    # English, of the question's Vietnamese terms), one of which the sentence holds (not "nhất trí tăng
    # cường hợp tác chống cướp biển" for "nhất trí hướng tới Bộ Quy tắc ứng xử ở Biển Đông": one
    # syllable is too often another word's, "biển" of "cướp biển")
    if q.language == "en":
        obj = {t for t in q.terms if "_" in t}
    else:
        folded_q = " " + " ".join(_WORD.findall(fold(q.text))) + " "
        before_verb, _, after = folded_q.partition(f" {fold(q.predicate[0])} ")
        # (the clause before the one asked: "A xin giảm mức phạt thì Phó chủ tịch B có đồng ý không")
        before_verb = before_verb.split(" thi ")[0]
        obj = {t for t in lexical_tokens(after, use_segmentation=False) if "_" in t}
        # (nothing written after the verb: what it is asked about comes before it, "A xin giảm mức phạt, B
        # có đồng ý không")
        obj = obj or {t for t in lexical_tokens(before_verb, use_segmentation=False) if "_" in t}
    # (the verb asked, not its synonyms: "có đồng ý ký thỏa thuận": "thỏa thuận" is what it is about)
    obj -= {fold(v).replace(" ", "_") for v in (q.predicate if q.language == "en" else q.predicate[:1])}
    if strict:  # (what it is asked about, not a country or the place: "viet_nam" is in most sentences)
        obj -= {n.replace(" ", "_") for n in [*country_aliases(), *q.places]}
        if not obj:
            return None
    for e in ranked:
        verb = _verb_in(q, e)
        if verb is None:
            continue
        before = _previous_sentence(e, ranked)  # ("Chủ tịch nước mời ông A thăm Việt Nam. Ông A nhận lời.")
        # (the share of the question's terms it holds; with the sentence before it when the question
        # names who does it, which the sentence must name then: "Ông A đã nhận lời.")
        if (e.own if before is None or not subject else sum({**before.held, **e.held}.values())) < floor:
            continue
        context = e.text if before is None else f"{before.text} {e.text}"
        if not obj & set(lexical_tokens(context, use_segmentation=False, spell_out=True)):
            continue
        if q.ordinals and any(
            mentions_meeting_number(e.text, n) for n in range(1, 40) if n not in q.ordinals
        ):
            continue  # another meeting than the one asked about ("phiên họp lần thứ 10")
        if (
            not subject
            or q.subject in e.text
            # (a body or a place as written, whatever its case: "tỉnh A" for "Tỉnh A có được hỏi ý kiến
            # không"; a person is named again by the surname, below)
            or (
                _KIND_FIRST.match(q.subject) is not None
                and f" {' '.join(_WORD.findall(fold(q.subject)))} "
                in f" {' '.join(_WORD.findall(fold(e.text)))} "
            )
            or (person and (_named_again(e.text, fold(q.subject)) or _by_office(q, e.text)))
        ):
            return e, fold(verb)
    return None


# a place or a body named with its kind first, which news writes in lower case too ("tỉnh A", "công ty B")
_KIND_FIRST = re.compile(
    r"(?i:thành phố|tỉnh|huyện|quận|xã|phường|bang|bộ|sở|công ty|tập đoàn|ngân hàng|trường|bệnh viện)"
    rf"\s+[{_CAPS}]"  # (with a name: not "Bộ trưởng", "Xã hội", "Trường hợp")
)


def _with_verb_asked(
    q: Question, best: Evidence, slot: str | None, candidates: list[Evidence], floor: float
) -> tuple[Evidence, str | None]:
    """A yes/no question's sentence and verdict: ``best`` and ``slot``, unless ``best`` gives a verdict
    without the verb the question asks about and a candidate sentence with that verb (``_stating``,
    strictly) gives one; then that sentence and its verdict."""
    if slot is None or not q.predicate or _verb_in(q, best) is not None:
        return best, slot
    stated = _stating(q, candidates, floor, strict=True)
    if stated is None:
        return best, slot
    found, verb = stated
    return found, _verdict_of(q, _negates(found.text, set(verb.split())))


def _by_office(q: Question, text: str) -> bool:
    """``text`` calls the person a Vietnamese yes/no question is about by the office and country the
    question writes before the name, with no name after it ("Tổng thống Nga đã nhận lời" for "Tổng thống
    Nga Omar Solaris có nhận lời ... không"); not someone else of that office ("Phó Tổng thống Nga", "Cựu
    Tổng thống Nga", "Phu nhân Tổng thống Nga", "người phát ngôn của Tổng thống Nga"), nor one named
    after it ("Tổng thống Nga, ông A,", "Tổng thống Nga (A)")."""
    at = q.text.find(q.subject)
    if q.language == "en" or at < 0:
        return False
    words = q.subject.split()
    country = next((n for n in (3, 2, 1) if fold(" ".join(words[:n])) in country_aliases()), 0)
    if not country or country == len(words):
        return False
    title = next(
        (m for m in office_titles().finditer(q.text) if q.text[m.start() : at].strip() == m.group(0).strip()),
        None,
    )
    if title is None:
        return False
    office = f"{title.group(0).strip()} {' '.join(words[:country])}"
    written = same_tones(text)
    for m in re.finditer(rf"(?<!\w){re.escape(same_tones(office))}(?!\w)", written, re.IGNORECASE):
        # (not someone else of that office, nor of its holder's staff or body: "Phó Tổng thống Nga",
        # "Trợ lý Tổng thống Nga", "Văn phòng Tổng thống Nga")
        before = _WORD.findall(written[: m.start()].lower())
        staff, longest = _staff_words()
        if any(" ".join(before[-n:]) in staff for n in range(1, min(longest, len(before)) + 1)):
            continue
        if _NAMED_AFTER.match(text, m.end()):
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _staff_words() -> tuple[frozenset[str], int]:
    """The words that, written right before an office, make someone else than its holder (lower case, one
    tone placement), and the most words one has: a deputy, a former holder, a spouse or "của" ("Phó",
    "Cựu", "nguyên", "Phu nhân"), office titles and kinds of people ("Trợ lý Tổng thống", "Người phát
    ngôn Tổng thống") and the heads of a holder's bodies ("Văn phòng Tổng thống")."""
    words = [*titles(), *person_nouns(), "văn phòng", "phủ", "cơ quan", "đặc phái viên", "trợ lý", "cố vấn"]
    words += "phó cựu nguyên nhân của vợ chồng con".split()
    staff = frozenset(" ".join(_WORD.findall(same_tones(w.lower()))) for w in words)
    return staff, max(len(w.split()) for w in staff)


# a name right after an office, or after a comma or a bracket ("Tổng thống Nga A", ", ông A", "(A)")
_NAMED_AFTER = re.compile(rf"\s*(?:[,(–-]\s*(?:(?:ông|bà)\s+)?)?[{_CAPS}]")


def _other_agent(q: Question, e: Evidence) -> bool:
    """``e`` says the verb the yes/no question asks about as done by someone else than its subject: a
    passive whose agent is named ("Bình luận được A đưa ra" for "B có đưa ra bình luận nào không")."""
    verb = _verb_in(q, e)
    if verb is None:
        return False
    m = re.search(rf"\b(?:được|bị|do)\s+((?:\S+\s+){{1,4}}?){re.escape(verb)}\b", e.text, re.IGNORECASE)
    agent = m.group(1) if m else ""
    return any(w[:1].isupper() for w in agent.split()) and fold(q.subject) not in fold(agent)


def _subject_acts(q: Question, e: Evidence) -> bool:
    """``e`` writes the yes/no question's subject (``Question.subject``) and, up to four words after it,
    the verb it asks about ("Trung Quốc chưa đưa ra", "Trung Quốc hôm qua đã đưa ra")."""
    verb = _verb_in(q, e)
    if verb is None:
        return False
    words = _written_words(e.text)
    subject = _written_words(q.subject).strip()
    # (not the object of a request: "A yêu cầu B đưa ra bình luận")
    pattern = (
        rf"(?<!yêu cầu)(?<!đề nghị)(?<!kêu gọi)(?<!buộc) {re.escape(subject)} (?:\w+ ){{0,4}}?"
        rf"{re.escape(verb.lower())} "
    )
    return re.search(pattern, words) is not None


def _verb_in(q: Question, e: Evidence) -> str | None:
    """The verb a yes/no question asks about (one of ``Question.predicate``) that ``e`` writes, or None;
    as written (one tone placement: folded, "ký" would be "kỳ", "mời" "mới"), folded only for a question
    typed without marks."""
    words = _written_words(e.text, plain=q.language == "vi-nodiacritics")
    return next((v for v in q.predicate if f" {v} " in words), None)


def _verb_conditional(q: Question, e: Evidence) -> bool:
    """The verb a yes/no question asks about is written in ``e`` only in a clause of a condition ("nếu
    ... lại bị bác bỏ", "trong trường hợp ... bị bác bỏ")."""
    verb = _verb_in(q, e)
    if verb is None:
        return False
    plain = q.language == "vi-nodiacritics"
    asked = verb.split()
    verdicts = []
    for clause in re.split(r"[,;:]", e.text):
        marked = _WORD.findall(same_tones(clause))
        words = [fold(w) for w in marked] if plain else marked
        at = next((k for k in range(len(words)) if words[k : k + len(asked)] == asked), None)
        if at is None:
            continue
        # (the condition's word before the verb, nothing said done between: "nếu ... lại bị bác bỏ"; not
        # "đã thông qua luật ... bị phạt nếu vi phạm", nor "nếu ... thì đã ký")
        before = " ".join(marked[:at])
        condition = _UNREALISED.search(before)
        verdicts.append(condition is not None and not _REALISED.search(before[condition.end() :]))
    return bool(verdicts) and all(verdicts)


def _written_words(text: str, plain: bool = False) -> str:
    """``text``'s words in lower case with one tone placement (folded with ``plain``), space-joined with a
    space at each end, to find a verb as a whole word ("ký", not "kỳ" of "Hoa Kỳ")."""
    return " " + " ".join(_WORD.findall(fold(text) if plain else same_tones(text))) + " "


def _negates(text: str, terms: set[str]) -> bool:
    """A negation within three words before a question term the text holds ("chưa nhận lời"), or a
    verb of refusal ("từ chối", "bác bỏ"); not one about something else ("nhận lời và khẳng định không
    thể bỏ lỡ")."""
    words = re.findall(r"\w+", fold(text))
    refusal = re.search(r"\b(?:tu choi|bac bo|phu nhan)\b", " ".join(words))
    if refusal and not terms & set(refusal.group(0).split()):  # (unless refusing is what is asked)
        return True
    return any(
        w in terms and _NEGATION.search(" ".join(words[max(0, i - 3) : i])) is not None
        for i, w in enumerate(words)
    )


_NUMBER_WORDS = frozenset("mot hai ba bon nam sau bay tam chin muoi hang vai".split())
_NUMBER_WORDS_WRITTEN = frozenset("một hai ba bốn năm sáu bảy tám chín mười mươi hàng vài".split())


# a count, then "trong (tổng) số" before the whole it is part of, as written ("6 trong số 11")
_PART_OF_WHOLE = re.compile(r"(\d[\d.]*) trong (?:tổng )?số", re.IGNORECASE)
# a question asking for the whole itself ("khối A có bao nhiêu quốc gia", "gồm bao nhiêu"; folded)
_ASKS_WHOLE = re.compile(
    r" (?:co|gom|bao gom)(?: tong cong| tat ca)? bao nhieu(?: \w+){1,3} (?:thanh vien )?$"
    r"| how many \w+(?: \w+)? (?:does|do|did)(?: \w+){1,5}? have "
)


def _part_of(q: Question, words: list[str], i: int) -> int:
    """Where the count at word ``i`` starts: at the part it is of a whole it writes after "trong (tổng) số"
    ("6 trong số 11 quốc gia", given whole), in one clause, a smaller number that is no year nor a rank,
    day or month ("thứ 6 trong số 11"); at ``i`` itself when there is none or the question asks for the
    whole ("có bao nhiêu quốc gia")."""
    if _ASKS_WHOLE.search(q.words):
        return i
    for k in (3, 4):
        m = _PART_OF_WHOLE.fullmatch(" ".join(words[i - k : i])) if k <= i else None
        whole = re.match(r"[\d.]+", words[i])
        # (not a rank, a day or a month: "phiên họp thứ 6 trong số 11")
        ordinal = i - k > 0 and fold(words[i - k - 1]) in ("thu", "ngay", "thang", "lan", "phien")
        if m and whole and not ordinal and not re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            if _number(m.group(1)) < _number(whole.group(0)):
                return i - k
    return i


def _number(written: str) -> float:
    """A whole number as Vietnamese news writes it ("3.500")."""
    return float(written.replace(".", "") or 0)


def _unbracketed(amount: str) -> str:
    """``amount`` without a bracket it opens or closes but does not close or open, or that wraps it whole:
    "(60 tuổi" -> "60 tuổi" (of "Ông A (60 tuổi, trú tại ...)"), "(60 tuổi)" too; "5 người (3 nữ)" stays."""
    if amount.startswith("(") and ")" not in amount:
        amount = amount[1:]
    if amount.endswith(")") and "(" not in amount:
        amount = amount[:-1]
    if amount.startswith("(") and amount.endswith(")") and amount.count("(") == 1:  # ("(60 tuổi)")
        amount = amount[1:-1]
    return amount


def _people_named(words: list[str], k: int) -> int:
    """How many words after ``words[k]`` (a count's last word) name the people counted: "người" then a
    country's name or its first words, in capitals ("7000 người Việt Nam", "39 kỹ sư người Việt"), with
    no punctuation between (not "25 người, Bộ Y tế ...", "3.000 người Chủ nhật")."""
    if words[k] == "người":
        start = k + 1
    elif words[k] == words[k].rstrip(".,;:()") and k + 1 < len(words) and words[k + 1] == "người":
        start = k + 2
    else:
        return 0
    aliases = country_aliases()
    for n in (2, 1):
        run = words[start : start + n]
        if (
            len(run) < n
            or not all(w[:1].isupper() for w in run)
            or any(w != w.rstrip(".,;:()") for w in run[:-1])
        ):
            continue
        name = fold(" ".join(run).rstrip(".,;:()"))
        if name in aliases or any(a.startswith(f"{name} ") for a in aliases):
            return start + n - 1 - k
    return 0


# the words a number names a thing after (as written, lower case, one tone placement): a road, an article of
# a law, a paper, a ward, a hamlet, or any place with "số" ("quốc lộ 10", "Điều 5", "Nghị định 38", "quận
# 1", "thôn 4", "đường số 3"); not a head noun that also counts ("tuyến đường 6 làn xe", "mỗi phòng 2 khối",
# "tổng số 120 đại biểu"; nor "bình quân 280 người", as folding would read "quận")
_NUMBER_NAMING = (
    "quốc lộ|tỉnh lộ|hương lộ|ql|điều|chương|nghị định|quyết định|thông tư|quận|phường|khu phố|thôn|tổ|ấp|xóm"
    "|km|đường số|nhà số|phòng số|tuyến số|cổng số|bến số|lô số|khu số|tầng số"
)
_NUMBER_NAMES = re.compile(rf"(?<!\w)(?:{'|'.join(same_tones(w) for w in _NUMBER_NAMING.split('|'))})$")


def _lead_amount(q: Question, ev: Evidence) -> str | None:
    """The amounts or counts a how-many question asks for, as the sentence writes them ("1,8 tỷ USD",
    "74%", "ba văn kiện"), in sentence order: each one the question asks for ("bao nhiêu dự án, vốn
    bao nhiêu"), each side of a comparison ("65% ... 71%"); at most three."""
    asked_paper = _PAPER_NUMBER_ASKED.search(q.words)
    if asked_paper:  # "nghị quyết số mấy": the number of a paper of that kind, as written ("Nghị quyết
        # 132"), not one the question gives ("thực hiện Nghị quyết 26")
        given = {m["no"] for m in _NUMBERED_PAPER.finditer(q.words)}
        folded_text = fold(ev.text)
        written = [
            m
            for m in re.finditer(rf"\b{asked_paper['kind']} (?:so )?(\d+)\b", folded_text)
            if m.group(1) not in given
        ]
        # (not one the sentence refers to, if it writes another: "theo Nghị quyết 12, ... ban hành Nghị quyết
        # 45"; the only one, it is: "thực hiện theo nghị quyết số 02")
        papers = [m for m in written if not _PAPER_REFERRED.search(folded_text[: m.start()])] or written
        # (one such paper, the text's length unchanged by folding; several: the one right after a verb of
        # issuing, "ban hành Nghị quyết 45 để triển khai Nghị quyết 12", else the sentence does not tell)
        if len({m.group(1) for m in papers}) > 1:
            papers = [
                m for m in papers if re.search(r"(?:ban hanh|ky|thong qua)\s*$", folded_text[: m.start()])
            ]
        if len({m.group(1) for m in papers}) == 1 and len(folded_text) == len(ev.text):
            return ev.text[papers[0].start() : papers[0].end()]
        return None
    change = _CHANGE_BOTH_ENDS.search(ev.text) if _ASKS_BEFORE_AFTER.search(q.words) else None
    if change:  # ("trước và sau": both ends of the change, "từ 4.500 đồng lên 18.000 đồng")
        before, after = change["before"].strip(), change["after"].strip()
        return f"from {before} to {after}" if q.language == "en" else f"{before} → {after}"
    found: list[tuple[int, str]] = []
    if q.wants_money or any(n in _PERCENT_NOUNS for n in q.counted):
        found += [(m.start(), m.group(0).strip()) for m in _MONEY.finditer(ev.text)]
        # (written without the spaces a tokeniser put in it: "1:0, 375" is 1:0,375)
        found += [(m.start(), re.sub(r"\s+", "", m.group(0))) for m in _ratios(q, ev)]
    words = ev.text.split()
    offsets = []
    pos = 0
    for w in words:
        pos = ev.text.find(w, pos)
        offsets.append(pos)
        pos += len(w)
    folded = [fold(w).strip('.,;:()“”"') for w in words]
    marked = fold(ev.text) != ev.text.lower()  # (a text written with its marks)
    # (a unit as news abbreviates it, too: "bao nhiêu mét" is answered by "13 m")
    counted = _counted_nouns(q)
    synonyms = _synonyms_counted(q)
    if "met vuong" in counted:  # (square metres, not metres)
        counted = [n for n in counted if n != "met"]
    # (first word, last word, offset) of each amount of each noun counted, as written or as news
    # abbreviates its unit
    spans_of: dict[str, list[tuple[int, int, int]]] = {}
    for base in counted:
        of_noun = spans_of.setdefault(base, [])
        for noun in [base, *(fold(short) for short in units().get(base, ()))]:
            if noun in _PERCENT_NOUNS:
                continue
            parts = noun.split()
            # (a duration's unit follows its number, "14 năm"; so does another wording, "3 quốc gia")
            reach = 1 if noun in TIME_UNITS or base in synonyms else 3
            # (an abbreviation asked, "bao nhiêu FTA", is the noun written out before it in parentheses:
            # "12 hiệp định thương mại tự do (FTA)")
            spelled_out = _SPELLED_OUT + 1 if _abbreviation(q, noun) else 0
            for i, w in enumerate(folded):
                # (a unit may be written onto the number: "198km đường"; a span of numbers is one, "3-5 ngày",
                # but not a day and month: "Sáng 15-5 đại biểu ...")
                digits = bool(re.fullmatch(rf"\d[\d.,]*(?:{_UNITS})?", w)) and (
                    noun not in TIME_UNITS or w.replace(".", "").replace(",", "").isdigit()
                )
                in_date = any(d.start <= offsets[i] < d.end for d in ev.dates)
                # (or one of a total: "153/300 phiếu thuận")
                digits = digits or (bool(re.fullmatch(r"\d+[-–/]\d+", w)) and not in_date)
                # a number word in lower case ("Việt Nam" has no "năm"), not before a unit of time ("sau
                # ngày ký" is "after")
                # (before one, only as written with its marks: "một ngày", "sáu ngày" but not "sau ngày")
                spelled = (
                    w in _NUMBER_WORDS
                    and words[i][:1].islower()
                    # (as written, its marks too, in a text written with them: "bay" of "máy bay" is no "bảy")
                    and (same_tones(words[i].strip('.,;:()“”"')) in _NUMBER_WORDS_WRITTEN or not marked)
                    and noun in q.counted
                    # ("một" before the first word of a noun counted, in a sentence that counts the whole
                    # noun in digits: "một danh sách ... 12 hạng mục" for "bao nhiêu hạng mục", the article
                    # "a")
                    and not (w == "mot" and _counts_whole(q, noun, " ".join(folded)))
                    and (noun not in TIME_UNITS or _duration_in_words(words, i, noun))
                )
                if not (digits or spelled):
                    continue
                if i and folded[i - 1] == "thu":  # an ordinal ("lần thứ 4"), not a count
                    continue
                if digits and re.sub(r"^[\d.,]+", "", w) == noun:  # the unit asked, onto the number: "198km"
                    if _stated_count(q, words[i : i + 1]):
                        continue  # (the question's own count: "trong 25 đối tác, có mấy đối tác ...")
                    of_noun.append((i, i, offsets[i]))
                    continue
                j = next(
                    (
                        j
                        for j in range(
                            i + 1, min(i + 1 + max(reach, spelled_out), len(folded) - len(parts) + 1)
                        )
                        if folded[j : j + len(parts)] == parts
                        and (j < i + 1 + reach or (digits and words[j].startswith("(")))
                        and not (noun in TIME_UNITS and j + 1 < len(folded) and folded[j + 1].isdigit())
                    ),
                    None,
                )
                if j is not None:
                    if _stated_count(q, words[i : j + len(parts)]):
                        continue
                    # ("kéo dài bao lâu": not a time before or after something, "diễn ra một tuần trước hội
                    # nghị G20", unless that is asked, "bao lâu sau")
                    after = folded[j + len(parts)] if j + len(parts) < len(folded) else ""
                    if noun in TIME_UNITS and after in ("truoc", "sau") and not _ASKS_OFFSET.search(q.words):
                        continue
                    part = _part_of(q, words, i)
                    of_noun.append((part, j + len(parts) - 1, offsets[part]))
    # (another wording counted only when the sentence does not count the noun asked itself: "12 nước quan
    # sát viên", not "3 quốc gia" of the same sentence for "bao nhiêu nước")
    if any(spans_of.get(n) for n in q.counted):
        for other in synonyms:
            spans_of.pop(other, None)
    # one amount per noun: the first, or the one whose words around it the question's around it are; a
    # noun's head joins the noun when both are counted ("tấn" with "tấn thép", "phiếu" with "phiếu thuận"
    # and with "phiếu chống")
    for base, spans in spans_of.items():
        if any(other.startswith(f"{base} ") for other in spans_of):
            continue
        pool = spans + [
            span for head, more in spans_of.items() if base.startswith(f"{head} ") for span in more
        ]
        if pool:
            widest = {span[2]: span for span in sorted(pool, key=lambda span: span[1])}  # (per offset)
            ranked = sorted(widest.values(), key=lambda span: span[2])
            i, k, at = _in_asked_context(q, base, words, ranked)
            k += _asked_after_noun(q, base, words[k : k + 3])
            k += _people_named(words, k)
            found.append((at, _unbracketed(" ".join(words[i : k + 1]).strip(".,;:"))))
    if not found:  # the amount right after the quantity asked: "công suất 65.000 trứng / giờ"
        found += _measured(q, ev)
    if not found:  # the count given as what the noun is: "Tổng chỉ tiêu ... là 1.900."
        found += _count_named_before(q, ev)
    if not found and _ASKS_RANK.search(q.words):  # a rank asked ("thứ mấy": "thứ 11", "lần thứ hai")
        found += [(m.start(), m.group(0)) for m in _RANK.finditer(ev.text)]
    if not found and _ASKS_TALLY.search(q.words):  # a vote or a score ("tỷ lệ phiếu": "224-201")
        found += [
            (m.start(), m.group(0))
            for m in _TALLY.finditer(ev.text)
            if not any(d.start <= m.start() < d.end for d in ev.dates)
        ][:1]
    if not found and not q.counted and not q.wants_money:  # nothing counted is asked ("ngân sách bao
        # nhiêu", "how much did exports grow"): an amount of money, a share, a multiple ("gấp 1,6 lần")
        # (not money for a count of things: "how many coins were sold" is no price)
        # (nor a measure: "how many sailors" is not the ship's "110 m")
        if not (q.language == "en" and counts_things_en(q.words)):
            found += [(m.start(), m.group(0).strip()) for m in _MONEY.finditer(ev.text)]
            found += [(m.start(), m.group(0)) for m in _MEASURE.finditer(ev.text)]  # "1137 km", "200 ha"
        found += [(m.start(), m.group(0)) for m in _MULTIPLE.finditer(ev.text)]
        # (a level of the thing the question names right before "bao nhiêu": "đạt IELTS bao nhiêu" is
        # answered by "IELTS 5.5")
        # (a word no Vietnamese syllable spells, a test or an index, not the last syllable of a compound:
        # "lạm phát bao nhiêu"; nor a year after it, "PMI 2024")
        asked = re.search(r" (\w+) (?:la |dat |o muc )?bao nhieu\b", q.words)
        if asked and asked.group(1) in q.terms and not is_syllable(asked.group(1)):
            found += [
                (offsets[i], f"{words[i]} {words[i + 1]}".strip(".,;:"))
                for i, w in enumerate(folded[:-1])
                if w == asked.group(1)
                and re.fullmatch(r"\d[\d.,]*", folded[i + 1])
                and not re.fullmatch(r"(?:1[89]|20)\d\d", folded[i + 1])
            ]
    if (
        not found
        and not q.counted
        and not q.wants_money
        and re.search(" (?:how many|number of|la bao nhieu|dat bao nhieu) ", q.words)
    ):
        # a count of what no table names in English ("how many sailors", "the number of pillars"), or of
        # what a Vietnamese question does not name ("nhu cầu thị trường ... là bao nhiêu": "450.000 xe"): a
        # number before a word in lower case, not in a date, not a year, not an ordinal
        counts = [
            i
            for i, w in enumerate(folded[:-1])
            if re.fullmatch(r"\d[\d.,]*", w)
            and not re.fullmatch(r"(?:1[89]|20)\d\d", w)
            and words[i + 1][:1].islower()
            and not (i and folded[i - 1] == "thu")
            and not any(d.start <= offsets[i] < d.end for d in ev.dates)
            and not re.fullmatch(rf"{_UNITS}|%|ty|trieu|nghin|ngan|tram|tuoi", folded[i + 1])  # ("110 m")
            # (nor a time, "18 năm qua", unless an English question counts what no table names)
            and (folded[i + 1] not in TIME_UNITS or q.language == "en")
            # (nor an age: "độ tuổi từ 60 trở lên", "tuổi 60")
            and not re.search(r"\btuoi(?: tu| la)?$", " ".join(folded[max(0, i - 3) : i]))
            # (nor the number that names a road, an article, a district: "quốc lộ 10", "Điều 5", "quận 1")
            and not _NUMBER_NAMES.search(same_tones(" ".join(words[max(0, i - 2) : i]).lower()))
        ]
        # (for a Vietnamese question, the amount of what it names: a word of its own, not a function word,
        # among the six before the number, "nhu cầu thị trường trong nước đạt khoảng 450.000 xe", and the
        # amounts of the same noun after it, "và tăng lên 900.000 xe"; not "kéo dài 3 ngày cùng 12 thành
        # viên" for "bức thư có kích thước là bao nhiêu")
        if q.language != "en":
            named = [
                i
                for i in counts
                if any(f" {x} " in q.words and x not in STOP_WORDS for x in folded[max(0, i - 6) : i])
            ]
            nouns = {folded[i + 1] for i in named}
            counts = [i for i in counts if (named and i >= named[0] and folded[i + 1] in nouns)]
        found += [
            (offsets[i], " ".join(words[i : i + 2 + _noun_goes_on(words, i + 2)]).strip(".,;:"))
            for i in counts
        ]
    if not found and not q.counted and not q.wants_money and _WHICH_MORE_OF_TWO.search(q.words):
        # which of two is larger, no amount asked nor given ("A hay B là thị trường lớn hơn": "B là thị
        # trường đứng thứ hai, chỉ sau A"): the rank, not a time ("lần thứ hai")
        # (with the one it comes after, when the clause names it: "thứ hai, chỉ sau Indonesia")
        found += [
            (m.start(), f"{m.group(0)}, {after.group(0).strip()}" if after else m.group(0))
            for m in _RANK.finditer(ev.text)
            if not m.group(0).lower().startswith("lần")
            for after in [_RANKED_AFTER.search(re.split(r"[.;]", ev.text[m.end() :])[0])]
        ]
    # (a price per unit asked, "giá mỗi m2": the amounts the sentence gives per that unit, if any)
    # (a price asked right as one per a unit, "bao nhiêu tiền một lượt": none given per that unit in its
    # clause, the sentence does not say it, "15.000 tỷ đồng" is no toll)
    if _ASKS_PRICE_PER.search(q.words) or _ASKS_SUM_PER_TIME.search(q.words):
        found = _per_unit(q, ev.text, found, in_clause=True)
    else:
        found = _per_unit(q, ev.text, found) or found
    longest: dict[int, str] = {}  # one amount per number ("4 Bí thư" over "4 Bí")
    for at, text in found:
        if len(text) > len(longest.get(at, "")):
            longest[at] = text
    # (each amount with the word that bounds it, "hơn 2.000 tỉ đồng": more than that; one amount asked, not
    # each side of a comparison, which is matched by its number)
    one = q.qtype == "how_many" and not (
        _COMPARE.search(q.words) or _DIFFERENCE.search(q.words) or _asked_twice(q)
    )
    lower = ev.text.lower() if one else ""
    for at, text in longest.items() if one else ():
        bound = _BOUND_BEFORE.search(lower, 0, at)
        # (not before "so với" in its clause: "đắt hơn 200 triệu so với ..." is a difference)
        after = re.split(r"[,;.]", ev.text[at + len(text) :])[0]
        if bound and text[:1].isdigit() and ev.text[at : at + len(text)] == text and "so với" not in after:
            longest[at] = ev.text[bound.start("bound") : bound.end("bound")] + " " + text
    asked_share = any(n in _PERCENT_NOUNS for n in q.counted) or _says(q, *_ASKS_SHARE)
    amounts = [
        a
        for a in dict.fromkeys(longest[at] for at in sorted(longest))
        # not an amount the question states itself ("the 200 million USD loan"), nor a share for money
        # ("học phí bao nhiêu": not "hoàn trả 50% học phí")
        if not (
            _stated_count(q, a.split())
            or (_MONEY.search(a) and _numbers(a) <= _numbers(_without_designations(q.text)))
        )
        and (asked_share or not a.rstrip().endswith("%"))
    ][:3]
    return ", ".join(amounts) if amounts else None


def _per_unit(
    q: Question, text: str, found: list[tuple[int, str]], in_clause: bool = False
) -> list[tuple[int, str]]:
    """Of the amounts ``found`` in ``text`` (at, as written), those given per the unit a question asking a
    price per unit names ("giá mỗi m2": "50 tỉ đồng (tương đương 10 triệu đồng / m2)" gives 10 triệu đồng);
    with ``in_clause``, when none is, those whose clause writes "mỗi" (or "/") and that unit elsewhere
    ("Phí mỗi lượt là 35.000 đồng", "35.000 đồng/xe/lượt"); none when it asks none or the text gives none."""
    rate = _ASKS_RATE.search(q.words) or _ASKS_SUM_PER_TIME.search(q.words)
    if not rate:
        return []
    units_written = _RATE_UNITS[rate.group(1)]
    # ("hàng tháng", "hằng năm" for a span of time; not "hàng tấn", tons of)
    timed = units_written in ("tháng", "năm")
    every_each = r"|\bh[àằ]ng\s+" if timed else ""
    per = re.compile(
        # (for a span of time, "hằng năm" too, not "trên năm thị trường", five, nor "một năm sau", a year on)
        rf"\s*(?:/|mỗi|một|hàng|hằng|per|a)\s*(?:{units_written})(?!\w)(?!\s+(?:sau|trước|qua|nay|nữa)\b)"
        if timed
        else rf"\s*(?:/|mỗi|một|trên|per|a)\s*(?:{units_written})(?!\w)",
        re.IGNORECASE,
    )
    each = re.compile(
        rf"(?:/\s*(?:\w+\s*/\s*)?|\bmỗi\s+|\bcho\s+mỗi\s+|\bper\s+{every_each})(?:{units_written})(?!\w)",
        re.IGNORECASE,
    )
    direct, in_its_clause = [], []
    for at, amount in found:
        if amount not in text[at:]:
            continue
        end = text.find(amount, at) + len(amount)
        if per.match(text, end):
            direct.append((at, amount))
            continue
        clause = re.split(r"[,;.]\s", text[:end])[-1] + re.split(r"[,;.]\s", text[end:])[0]
        # (a span of time may open the sentence, in short pieces set off by commas before the amount's
        # clause: "Mỗi tháng, ngân sách thu 6 tỷ USD", "Từ năm 2022, trung bình mỗi tháng, ...")
        opening = re.split(r",\s", text[:end])[:-1] if timed else []
        if (
            opening
            and all(len(piece.split()) <= 6 for piece in opening)
            and any(each.search(p) for p in opening)
        ):
            clause = f"{' '.join(opening)} {clause}"
        # (not an amount of that unit itself: "lô đất 2.000 m2")
        if (
            in_clause
            and each.search(clause)
            and not re.search(rf"(?:{units_written})$", amount, re.IGNORECASE)
        ):
            in_its_clause.append((at, amount))
    return direct or in_its_clause


# a price per unit asked ("giá mỗi m2", "per square metre", folded), and each unit as written
_RATE_UNITS = {
    "m2": "m2|m²|mét vuông",
    "met vuong": "m2|m²|mét vuông",
    "square metre": "m2|m²|mét vuông",
    "square meter": "m2|m²|mét vuông",
    "tan": "tấn",
    "tonne": "tấn",
    "ton": "tấn",
    "kg": "kg|ki-lô-gam|kilogam",
    "lit": "lít",
    "litre": "lít",
    "liter": "lít",
    "luong": "lượng|chỉ",
    "ha": "ha|héc-ta|hecta",
    "hecta": "ha|héc-ta|hecta",
    "thung": "thùng",
    "luot": "lượt",
    # (a sum per a span of time, ``_ASKS_SUM_PER_TIME``)
    "thang": "tháng",
    "month": "tháng",
    "nam": "năm",
    "year": "năm",
}
_ASKS_RATE = re.compile(
    r" (?:moi|mot|tren|per|each|a) (m2|met vuong|square metre|square meter|tan|tonne|ton|kg|lit|litre|liter"
    r"|luong|ha|hecta|thung|luot) "
)
# a price asked right as one per a unit ("bao nhiêu tiền một lượt", "how much per ton")
_ASKS_PRICE_PER = re.compile(
    r" (?:bao nhieu(?: tien| dong)?|how much(?: money)?) (?:moi|mot|tren|per|each|a)"
    r" (?:m2|met vuong|tan|kg|lit|luong|ha|hecta|thung|luot|square metre|square meter|tonne|ton|litre|liter) "
)
# a sum of money asked right as one per a span of time ("bao nhiêu tỷ USD mỗi tháng", "how many billion
# dollars a month"): only an amount written so answers
_ASKS_SUM_PER_TIME = re.compile(
    r" (?:bao nhieu|how (?:much|many))(?: tien)?(?: (?:nghin|ngan|trieu|ty|ti|thousand|million|billion)){0,2}"
    r"(?: (?:usd|dong|do la|do|euro|dollars?))?"
    # (not "một năm sau", a year on)
    r" (?:moi|hang|per|each|(?:mot|a)(?= \w+ (?!sau |truoc |qua |nay |nua |later |ago )))"
    r" (thang|nam|month|year) "
)
# a tally asked ("tỷ lệ phiếu", "số phiếu", "tỷ số", "the vote", "the score") and as written ("224-201")
_ASKS_TALLY = re.compile(
    r" (?:(?:ty le|ti le|so) phieu|bo phieu|phieu bau|phieu thuan|ty so|ti so|votes?|voted|tally|score) "
)
# (not a share, "5-7%", nor a quarter and its year, "quý 1-2024")
_TALLY = re.compile(r"(?<![\d/.,])\d{1,4}\s?[-–]\s?(?!(?:19|20)\d\d\b)\d{1,4}(?![\d/.,]\d|\s?%)")


# the words of a how-many question around what it asks ("... trong bao nhiêu ngày kể từ ...": "trong",
# "ke", "tu")
# words too common to tell two amounts apart by the words around them
_GLUE_WORDS = frozenset("co la da duoc cua va the of a an is are was were".split())
# the words that ask an amount (folded; "may" is "mấy" or "máy", read by ``_asking``)
_ASKING = r"(?:bao nhieu|how many|how much|number of|may)"


def _asking(q: Question, noun: str) -> re.Match[str] | None:
    """Where the question asks the amount of ``noun`` (folded): "bao nhiêu" (or "mấy") right before it,
    else the first words that ask an amount; with up to three words before and after (not "máy" of "nhà
    máy", "máy bay": a question with its marks must write "mấy", one without them must not write "nhà
    may" or "may bay")."""
    words = q.words
    if q.language == "vi" and "mấy" not in q.text.lower():
        words = words.replace(" may ", " _ ")
    elif q.language != "en":
        words = re.sub(r" (?:nha may|may bay) ", " _ _ ", words)
    around = r"(?:(?P<before>(?: \w+){1,3}) )?"
    for asked in (
        rf"{_ASKING} {re.escape(noun)}",
        r"(?:bao nhieu|how many|how much|number of)(?: \w+)?",
        r"may(?: \w+)?",
    ):
        m = re.search(rf"{around}\b{asked}\b(?P<after>(?: \w+){{1,3}})?", words)
        if m:
            return m
    return None


def _in_asked_context(
    q: Question, noun: str, words: list[str], spans: list[tuple[int, int, int]]
) -> tuple[int, int, int]:
    """Of the amounts of ``noun`` a sentence (its ``words`` as written) gives (``spans``: first word, last
    word, offset), the one with the most of the words the question writes around what it asks (up to
    three on each side, within the amount's clause: "trong bao nhiêu ngày kể từ 1-12" is answered by
    "trong vòng 90 ngày", not "kéo dài hai ngày"); the first on a tie."""
    asked = _asking(q, noun)
    if len(spans) == 1 or asked is None:
        return spans[0]
    around = {
        w for w in f"{asked['before'] or ''} {asked['after'] or ''}".split() if not w.isdigit()
    } - _GLUE_WORDS

    def clause_words(first: int, last: int) -> list[str]:
        """The words from ``first`` to ``last`` (either order) that share the amount's clause."""
        step = 1 if last >= first else -1
        out = []
        for at in range(first, last + step, step):
            if not 0 <= at < len(words) or (step < 0 and re.search(r"[,;.:]$", words[at])):
                break
            out.append(fold(words[at]).strip('.,;:()“”"'))
            if step > 0 and re.search(r"[,;.:]$", words[at]):
                break
        return out

    def shared(span: tuple[int, int, int]) -> int:
        i, k, _ = span
        near = [] if re.search(r"[,;.:]$", words[k]) else clause_words(k + 1, k + 3)
        near += clause_words(i - 1, i - 3)
        return len(around & {w for w in near if not w.isdigit()})

    return max(spans, key=shared)


def _stated_count(q: Question, words: list[str]) -> bool:
    """The count ``words`` write ("25 đối tác") is the question's own: the same number with the same
    noun ("trong 25 đối tác, có mấy đối tác"; not the "5" of "trong 5 năm qua" for "5 dự án")."""
    return f" {' '.join(_WORD.findall(fold(' '.join(words))))} " in q.words


def _noun_goes_on(words: list[str], i: int) -> bool:
    """``words[i]`` is a second syllable of the noun before it ("thuỷ thủ"), not a function word."""
    return i < len(words) and words[i][:1].islower() and fold(words[i]).strip(".,;:") not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(
    "da dang se va cua duoc la co cho voi tai o trong tu den nay do khi thi ma cung vao ra len xuong "
    "theo".split()
)


def _says(q: Question, marked: re.Pattern[str], plain: re.Pattern[str], asking_only: bool = False) -> bool:
    """The question (with ``asking_only``, from its clause that asks for a time to its end: not "A nói
    sẽ đàm phán" of "A nói sẽ đàm phán ..., vậy B vào ngày nào") uses words of ``marked`` (its
    lower-case words as written, when it is marked: "sẽ", not "sẻ" of "chia sẻ"; "tăng", not "giám
    đốc") or of ``plain`` (its folded words, when it is typed without marks or in English)."""
    asking = q.text
    if asking_only:  # from the clause that asks for a time to the end ("Khi nào, theo A, hai bên sẽ ký?")
        clauses = re.split(r"[,;]", q.text)
        at = next((k for k in range(len(clauses) - 1, -1, -1) if _ASKS_TIME.search(fold(clauses[k]))), 0)
        asking = ",".join(clauses[at:])
    if q.language == "vi":
        return marked.search(" " + " ".join(_WORD.findall(asking.lower())) + " ") is not None
    return plain.search(" " + " ".join(_WORD.findall(fold(asking))) + " ") is not None


_ASKS_TIME = re.compile(
    r"\b(?:khi nao|bao gio|(?:ngay|thang|nam|hom|luc|thoi diem|thoi gian) nao|when"
    r"|(?:what|which) (?:date|day|time))\b"
)
# a share or a change, which a percentage answers ("tăng bao nhiêu", "by how much did trade grow")
_ASKS_SHARE = (
    # (and a share of a whole: "chiếm tỷ trọng bao nhiêu", "chiếm bao nhiêu"; not "chiếm đoạt", "chiếm
    # dụng", "lấn chiếm", "chiếm được bao nhiêu thị trấn", nor "chiêm", a rice crop)
    re.compile(
        r" (?:phần trăm|tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|(?<!lấn )chiếm(?= (?:bao nhiêu|khoảng|phần|tỷ|tỉ)\b)"
        r"|tăng|giảm) "
    ),
    re.compile(
        r" (?:phan tram|ty le|ti le|ty trong|ti trong|(?<!lan )chiem(?= (?:bao nhieu|khoang|phan|ty|ti)\b)"
        r"|tang|giam(?! doc)|percent|percentage|share|proportion|rate|grow|grew|"
        r"growth|increase|increased|rise|rose|fall|fell|decline|declined|drop|dropped) "
    ),
)


def _amounts(text: str) -> set[str]:
    """The numbers of the amounts with their units (money, shares) a text writes ("90%" -> {"90"})."""
    return {n for m in _MONEY.finditer(text) for n in _numbers(m.group(0))}


# a word right before an amount that bounds it ("hơn", "gần", "khoảng", "dưới", "ít nhất"; not "trên", as
# often "on" as "over": "trên 3 tuyến", "trên 12 ha đất"; not "hơn" after a comparative, "nhiều hơn 1.200
# thí sinh" is a difference of 1.200)
_BOUNDS = "gần như|gần|khoảng|chừng|xấp xỉ|dưới|ít nhất|tối thiểu|tối đa|chưa đến|chưa tới|không quá"
# the adjectives a comparative "hơn" follows (one lookbehind each: Python's are of fixed width)
_COMPARATIVES = " )(?<!".join(
    "nhiều ít cao thấp lớn nhỏ dài ngắn rộng hẹp đắt rẻ chậm muộn sớm nhanh nặng nhẹ xa gần sâu kém trễ lâu "
    "mạnh yếu tốt già trẻ".split()
)
_BOUND_BEFORE = re.compile(  # (searched in the text in lower case: "Nhiều hơn" too)
    rf"(?<!\w)(?P<bound>{_BOUNDS}|(?<!{_COMPARATIVES} )hơn)\s+$"
)
_BOUND_OPENING = re.compile(rf"^(?i:{_BOUNDS}|hơn)\s+")


def _unbounded(amount: str) -> str:
    """An amount without the word that bounds it (``_BOUND_BEFORE``): "Hơn 2.000 tỉ đồng" -> "2.000 tỉ
    đồng"."""
    return _BOUND_OPENING.sub("", amount)


def _without_designations(text: str) -> str:
    """``text`` without the numbers that are part of a name ("S-400", "Su -35", "G20", "MH17"): such a
    number gives no amount, so an answer may write the same one ("S-400 có giá bao nhiêu": "400 triệu
    USD")."""
    return _DESIGNATION.sub(" ", text)


# a letter-led name with its number, glued or hyphenated ("S-400", "S -400", "G20"; not "ngày 20-10")
_DESIGNATION = re.compile(
    r"\b(?!(?i:VND|VNĐ|USD|US|EUR|GBP|JPY|CNY|Rs|Rp)(?:\d|\b))"  # (not a currency's code, "VND400")
    r"(?:[A-Za-z]{1,6}-?|[A-Z][A-Za-z]{0,5}\s-)(?=\d)\d+(?![\w.,]\d)"
)


def _numbers(text: str) -> set[str]:
    """The numbers a text writes, thousands separators dropped ("1.137" -> "1137"; "1,5" stays)."""
    return {re.sub(r"[.,](?=\d{3}(?!\d))", "", n) for n in re.findall(r"\d[\d.,]*\d|\d", text)}


# each amount a question asks ("bao nhiêu", "how long"), folded
_AMOUNT_ASKED = re.compile(r" (?:bao nhieu|how (?:many|much|long|far|big|large|high|deep|wide|tall)) ")
# a distance, an area or a weight with its unit
_MEASURE = re.compile(
    r"(?<![\w.,/-])\d[\d.,]*\s*(?:km2|km²|km|ki-lô-mét|kilômét|kilomet|mét vuông|m2|m²|m3|m³|mét|m|ha|"
    r"héc-ta|hecta|tấn(?!\s+công)|kg)(?!\w)",
    re.IGNORECASE,
)
_MULTIPLE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s+lần(?!\s+thứ)\b")
_RANK = re.compile(  # (the number word in lower case: "thứ Hai" is Monday)
    r"\b(?:[Ll]ần\s+)?thứ\s+(?:\d+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba))?)\b"
)
_ASKS_RANK = re.compile(r" (?:thu may|thu bao nhieu|what rank|which rank|ranks?|ranked) ")
# the one a rank comes after, named ("chỉ sau Indonesia", "sau Hàn Quốc và Nhật Bản")
_RANKED_AFTER = re.compile(r"\b(?:chỉ\s+)?(?:đứng\s+)?sau\s+[A-ZĐ][\w-]*(?:\s+(?:và\s+)?[A-ZĐ][\w-]*)*")
# which of two is more, or less ("A hay B là thị trường lớn hơn"; not "cho hay", "said", nor "Hãy")
_WHICH_MORE_OF_TWO = re.compile(
    r"(?<=\w )(?<!cho )(?:nao|hay|which) (?:\w+ ){0,6}?(?:lon|nhieu|cao|nho|it|thap) hon (?!\d)"
    r"|\bwhich (?:\w+ ){0,8}?(?:larger|bigger|smaller)\b"
)


# a who-question asking who did something together with someone it names ("Ai đã cùng A lao ra biển"): as
# written with marks, "cùng", not "cũng"; folded, not "cung cấp", "cung ứng"; not "cùng ngày", the same day
_ASKS_COMPANION = (
    re.compile(
        r" ai (?:đã |sẽ |là người |cũng là người )?(?:đi )?cùng (?!(?:ngày|lúc|thời|năm|tháng|dịp|kỳ)\b)"
    ),
    re.compile(
        r" ai (?:da |se |la nguoi |cung la nguoi )?(?:di )?cung "
        r"(?!(?:cap|ung|ngay|luc|thoi|nam|thang|dip|ky)\b)"
    ),
)
# what joins the one named before to the one after by "cùng", as written (lower case, one tone placement),
# nothing else between: "A cùng B", "A (22 tuổi) cùng bạn là B", "B, người đã cùng A" (not "cùng ngày", the
# same day; not "cũng"; not "A cùng bạn lao ra biển cứu B", whom they saved)
_JOINED_BY_CUNG = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:người|là người)\s+)?(?:đã\s+)?cùng(?:\s+với)?"
    r"(?:\s+(?:người bạn|bạn|anh|chị|ông|bà|em|đồng đội|đồng nghiệp)(?:\s+là)?)?\s*"
)


def _companion(q: Question, text: str) -> str | None:
    """The person ``text`` joins by "cùng" to the one a question asking for a companion names (``_ASKS_
    COMPANION``): only "cùng" and the words of ``_JOINED_BY_CUNG`` between them ("A cùng bạn là B", "B,
    người đã cùng A"), A named in full or by the last word of the name, in a text that writes one of the
    words the question gives their act ("lao ra biển cứu"); None when it asks none, the text is not written
    with its marks, or it joins no one so."""
    if not _says(q, *_ASKS_COMPANION):
        return None
    folded = fold(text)
    written = same_tones(text)
    if len(folded) != len(text) or len(written) != len(text) or written == folded:  # (read with its marks)
        return None
    anchors = []
    acts: set[str] = set()
    for name in (n for n in required_names(q) if n not in q.places and n not in country_aliases()):
        # (what the question says they did together: its first three words of meaning after the name,
        # "lao ra biển cứu", one of which the text writes; not "cùng A đến thăm" for "cùng A lao ra biển")
        said = q.words.partition(f" {name} ")[2].split()
        acts |= set([w for w in said if w not in STOP_WORDS][:3])
        anchors += [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", folded)]
        # (or by the last word of the name alone, in capitals, no other capitalised word beside it: "Sinh
        # cùng bạn là B" for "Ngô Hà Sinh")
        last = name.split()[-1]
        anchors += [
            m.span()
            for m in re.finditer(rf"\b{re.escape(last)}\b", folded)
            if " " in name
            and text[m.start()].isupper()
            and not re.match(rf"\s+[{_CAPS}]", text[m.end() :])
            and not re.search(rf"[{_CAPS}][\w'’-]*\s+$", text[: m.start()])
        ]
    if acts and not acts & set(_WORD.findall(folded)):
        return None
    for at, person in _people(text, q.words, q.text):
        end = at + len(person)
        for a, b in anchors:
            between = written[end:a] if end <= a else written[b:at] if b <= at else None
            # (or "A và B cùng ...", "B và A cùng ...": "cùng" right after the second of them)
            second = max(a, at)
            after = written[b if second == a else end :]
            if between is not None and (
                _JOINED_BY_CUNG.fullmatch(between)
                or (between.strip() == "và" and re.match(r"\s*(?:\([^()]*\)\s*)?cùng\s", after))
            ):
                return person
    return None


# "lãnh đạo nào của B", "quan chức nào thuộc B": the body B whose person a who-question asks for (folded)
_BODY_ASKED = re.compile(
    r" (?:lanh dao|quan chuc|can bo|nguoi dung dau|chuyen gia) nao (?:cua|thuoc) (?P<body>\w+(?: \w+){0,7})"
)


def _body_asked(q: Question) -> list[str]:
    """The words of the body whose person a who-question asks for (``_BODY_ASKED``), to a word in lower case
    that goes on with the clause (``_CLAUSE_WORDS``, a verb of ``_AFTER_BODY``), its long spellings
    shortened (``_short_bodies``; at most six words), its kinds of place aside: "lãnh đạo nào của Trung
    ương Đoàn đã ký" -> ["trung", "uong", "doan"], "của Ủy ban nhân dân tỉnh Bình An cho biết" -> ["ubnd",
    "binh", "an"]; empty when it asks none, or of a country (the side, ``_asked_side``)."""
    m = _BODY_ASKED.search(q.words) if q.qtype == "who" else None
    if m is None or _asked_side(q.words, q.text):
        return []
    # (as written, when the question's words align with its folded ones: a capitalised word goes on with the
    # name, "Bộ Tài chính", "TP Đà Nẵng", though "tai", "da" fold as "tại", "đã"; so does "và" before one,
    # "Sở Giáo dục và Đào tạo")
    written = re.findall(r"\w+", q.text)
    first = len(q.words[: m.start("body")].split())
    aligned = len(written) == len(q.words.split())
    folded = m.group("body").split()
    kept: list[str] = []
    for k, w in enumerate(folded):
        token = written[first + k] if aligned else w
        after = written[first + k + 1] if aligned and first + k + 1 < len(written) else ""
        if token[:1].isupper() or (w == "va" and after[:1].isupper()):
            kept.append(w)
            continue
        if w in _CLAUSE_WORDS or w in _AFTER_BODY_WORDS or " ".join(folded[k : k + 2]) in _AFTER_BODY:
            break
        kept.append(w)
    words = _short_bodies(" ".join(kept)).split()[:6]
    # (nor a kind of place, which the title may leave out: "Phó chủ tịch UBND Bình An" for "tỉnh Bình An")
    return [w for w in words if w not in _PLACE_KIND_WORDS]


# the words of time and aspect a question goes on with after a body's name, in lower case (folded: "vừa",
# "mới", "đang", "cũng", "tiếp", "tham dự")
_AFTER_BODY_WORDS = frozenset("vua moi dang cung tiep tham".split())
# the verbs a question goes on with after a body's name (folded)
_AFTER_BODY = frozenset(
    "cho biet|cho hay|tra loi|phat bieu|yeu cau|khang dinh|tuyen bo|thong bao|dua ra|phu trach|nhan dinh"
    "|nhan xet|nhan manh|danh gia|de nghi|de xuat|chi dao|ky ket|ban hanh|gui thu".split("|")
)


# the abbreviations (``rag/data/abbreviations.tsv``) a body's name is written with in a question or a title
# alike: "ủy ban nhân dân" as "UBND", "hội đồng nhân dân" as "HĐND", "thành phố" as "TP"
_BODY_ABBREVIATIONS = ("UBND", "HĐND", "TP")
_PLACE_KIND_WORDS = frozenset("tinh tp huyen quan xa phuong".split())


@lru_cache(maxsize=1)
def _body_spellings() -> tuple[tuple[str, str], ...]:
    """(folded long form, folded abbreviation) of ``_BODY_ABBREVIATIONS``, as the abbreviations table
    spells them out."""
    table = abbreviations()
    return tuple((fold(table[short]), fold(short)) for short in _BODY_ABBREVIATIONS if short in table)


def _short_bodies(folded: str) -> str:
    """Folded words with a body's long spellings shortened (``_body_spellings``)."""
    words = f" {' '.join(folded.split())} "
    for long, short in _body_spellings():
        words = words.replace(f" {long} ", f" {short} ")
    return words.strip()


_HONORIFIC_ONLY = re.compile(r"\s*(?:ông|bà|anh|chị)?\s*", re.IGNORECASE)


def _someone_of(q: Question, text: str, body: list[str]) -> bool:
    """``text`` names someone who can answer with a title that holds the words of ``body`` in order: the title
    before the name, back to the last mark ("Thứ trưởng Bộ Công Thương A"; or set off before an honorific,
    "Giám đốc Sở B, ông A"), the name itself ("Viettel A"), or the offices set off after it by commas,
    dashes or a bracket ("ông A - Phó giám đốc Sở Giáo dục -", "B, chuyên gia từ Ngân hàng
    C")."""
    for at, name in _people(text, q.words, q.text):
        pieces = re.split(r"[,;:.()“”\"]", text[max(0, at - 120) : at])
        before = pieces[-1]
        if len(pieces) > 1 and _HONORIFIC_ONLY.fullmatch(before):  # ("Giám đốc Sở B, ông A": the title set
            # off before the honorific)
            before = pieces[-2]
        # (from the last title on: not "Sau khi B ký quyết định, Bí thư Tỉnh đoàn C A")
        titles = list(office_titles().finditer(before))
        before = before[titles[-1].start() :] if titles else ""
        after, run = "", at + len(name)
        while piece := re.match(r"\s*(?:,|\(|\s[-–]\s)\s*([^,;()–]+?)(?=\s*(?:[,;()–]|\s-\s|$))", text[run:]):
            words = piece.group(1).split()
            # (an office, or a kind of person: "chuyên gia từ Ngân hàng C")
            if (
                not _starts_with_title(words)
                and " ".join(fold(w) for w in words[:2]) not in _folded_person_nouns()
            ):
                break
            after += " " + piece.group(1)
            run += piece.end()
        # (in order, the name read with the title when it is no Vietnamese full name, "Viettel A"; not
        # "Bộ Công Thương Nguyễn Văn An" for "Bộ Công an")
        words = name.split()
        named = " ".join(words[:-3]) if len(words) > 3 else "" if PERSON_NAME.fullmatch(name) else name
        said = iter(_short_bodies(" ".join(_WORD.findall(fold(f"{before} {named} {after}")))).split())
        if all(w in said for w in body):
            return True
    return False


def _role_doer(q: Question, text: str, people: list[tuple[int, str]] | None = None) -> str | None:
    """The person ``text`` names right before the verb of the act a who-question asks by
    (``Question.role``), at most two words between (an aside in brackets aside), no negation, ask or
    delegation (``_NOT_DONE``) between nor right before the "do" that gives the person the act, and none
    that asks the act of the person or denies it (``_ASKED_OF``: "B đề nghị Chủ tịch A ký", "không phải A
    ký") before it, its title only between ("Tổ còn lại do Phó chủ tịch A phụ trách", "ông A chủ trì"; not "A
    không phụ trách", "A từ chối ký", "A được B uỷ quyền ký", "không do A phụ trách"; nor a title's "thư
    ký"); the words as written in a text written with its marks ("ký", not "kỳ vọng", "kỹ"; "chưa", not
    "chứa"). ``people``: ``_people`` of ``text``, when the caller has them. None when it asks by none or no
    one is named so."""
    if not q.role:
        return None
    written = same_tones(text)
    plain = fold(text)
    if len(written) != len(text) or len(plain) != len(text):
        return None
    marked = written != plain
    read = written if marked else plain
    title = r"(?<![Tt]hư )(?<![Tt]hu )"  # (not a title's "ký", "thư ký")
    verbs = [
        m.start()
        for v in q.role
        for m in re.finditer(rf"(?<!\w){title}{re.escape(v if marked else fold(v))}(?!\w)", read)
    ]
    not_done = _NOT_DONE[0] if marked else _NOT_DONE[1]
    asked_of = _ASKED_OF[0] if marked else _ASKED_OF[1]
    for at, person in people if people is not None else _people(text, q.words, q.text):
        end = at + len(person)
        # (nor right before the "do" that gives the act to the person: "Tổ thứ hai không do Phó chủ tịch A
        # phụ trách"; the clause's subject, "Kho chứa hàng do A phụ trách", aside)
        given = list(re.finditer(r"\b(?:do|bởi|boi)\s", read[:at]))
        before = read[max(0, given[-1].start() - 12) : given[-1].start()] if given else ""
        # (an ask or a denial before the person, only its title between: up to eight words, none that opens
        # another clause)
        clause = re.split(r"[,.;:]", read[:at])[-1]
        asks = list(asked_of.finditer(clause))
        between = clause[asks[-1].end() :] if asks else ""
        if asks and len(between.split()) <= 8 and not _OPENS_CLAUSE.search(between):
            continue
        for v in verbs:
            # (an aside in brackets between: "ông A (khi đó là Bí thư Tỉnh uỷ) chỉ đạo")
            if v < end:
                continue
            between = re.sub(r"^\s*\([^()]*\)", " ", read[end:v])
            if (
                len(between.split()) <= 2
                and not re.search(r"[,.;:]", between)
                and not not_done.search(between)
                and not not_done.search(before)
            ):
                return person
    return None


# what keeps an act from being done by the one named before it: a negation, a refusal, an ask, the passive
# ("A được ký": A is signed for), its end ("thôi phụ trách"), a delegation or another's act ("A uỷ quyền ký",
# "A nhận chỉ đạo", "A dưới sự chỉ đạo"); as written with marks, and folded
_NOT_DONE = (
    re.compile(
        r"(?<!\w)(?:không|chưa|chẳng|từ chối|đề nghị|yêu cầu|muốn|sẽ|được|bị|thôi|uỷ quyền|ủy quyền|giao|nhận"
        r"|dưới sự|theo sự)(?!\w)"
    ),
    re.compile(
        r"\b(?:khong|chua|chang|tu choi|de nghi|yeu cau|muon|se|duoc|bi|thoi|uy quyen|giao|nhan|duoi su"
        r"|theo su)\b"
    ),
)
# what asks an act of the one named after it, or denies that one did it, before the name and its title: "B
# đề nghị Chủ tịch A ký", "không phải Chủ tịch A ký" (not "Công văn yêu cầu các sở ... do A ký")
_ASKED_OF = (
    re.compile(r"(?<!\w)(?:đề nghị|yêu cầu|mời|giao cho|uỷ quyền cho|ủy quyền cho|không phải)(?!\w)", re.I),
    re.compile(r"\b(?:de nghi|yeu cau|moi|giao cho|uy quyen cho|khong phai)\b"),
)
# a word that opens another clause (as written or folded): what an ask asks is over before it ("yêu cầu các
# sở rà soát dự án do Phó chủ tịch A ký")
_OPENS_CLAUSE = re.compile(r"(?<!\w)(?:do|của|cua|và|va|đã|da|được|duoc|để|de|thì|thi|mà|ma)(?!\w)", re.I)


def _lead_person(q: Question, ev: Evidence) -> str | None:
    """The person a who-question asks for, as the sentence writes the name: in the clause naming the
    office asked about when the question names one; of several, the one nearest after a name the
    question asks about, else each of them (at most three; each of them too when the question asks for
    several: "những ai"). A person the question itself names is not the answer ("who signed with
    minister A?" asks for A's partner) unless it asks who A is; nor a witness ("dưới sự chứng kiến của
    A") unless it asks who witnessed."""
    invited_by = _person_after_asked(q, ev.text)
    if invited_by:  # ("theo lời mời của ai": the one named right after "lời mời của")
        return invited_by
    companion = _companion(q, ev.text)
    if companion:  # ("ai đã cùng A cứu ...": the one "cùng" joins to A)
        return companion
    replacer = _replacer(q, ev.text)
    if replacer:  # ("ai ... thay ông A": the one named before "thay ông A")
        return replacer
    kinds = _kinds_acted_on(q, ev.text)
    if kinds:  # ("mời những ai đến chứng kiến": "các chuyên gia, nhà báo", the kinds written after "mời")
        return kinds
    wanted = asked_titles(q)
    near = _nearest_to_office(q, ev.text, _office_phrases(q, wanted))
    if near:  # ("Tư lệnh Hạm đội 7 ... là ai": the one named right next to that office)
        return near
    subject = None
    received = _office_phrases(q, wanted, asked=False)
    if received:  # ("Tư lệnh hạm đội 9 đã tiếp ai?": that office received; anyone else is asked)
        # (an office the question gives with its holder's name, "Ngoại trưởng Nga A đã gặp ai": A, whom
        # ``_people`` leaves out already; not the next person named after A)
        unnamed = [o for o in received if not any(f" {n} " in f" {o} " for n in required_names(q))]
        subject, wanted = _nearest_to_office(q, ev.text, unnamed) if unnamed else None, []
    clauses = [c for c in re.split(r"[;]", ev.text) if not wanted or _holds_title(c, wanted)]
    about = [n for n in required_names(q) if n not in q.places] or required_names(q)
    asked = q.words
    # "the X general director": the clause naming someone with that office of that body comes first
    qualified = [(clause, _qualified_people(q, clause, wanted)) for clause in clauses]
    qualified.sort(key=lambda pair: not pair[1])
    plural = _asks_plural(asked)
    for clause, named_with_office in qualified:
        people = [(at, n) for at, n in named_with_office or _people(clause, asked, q.text) if n != subject]
        if not people:
            continue
        if len(people) == 1:
            return people[0][1]
        # several people: the one written nearest after a name the question asks about ("Đoàn đại biểu
        # châu X do đồng chí A làm Trưởng đoàn"); none when the sentence does not tell
        if wanted:  # (those the office asked introduces, if any: "phát ngôn viên của ông A, B nói ... sẽ
            # gặp Ngoại trưởng C" for "phát ngôn viên nào")
            introduced = [p for p in people if _introduced_by(clause, p, people, wanted, whose_only=True)]
            if len(introduced) == 1:
                return introduced[0][1]
        # (the one right before the verb of the act asked, "Phó chủ tịch A vừa ký công văn ... Bí thư B",
        # alone in doing it: not "A và B ký")
        doer = None if plural else _role_doer(q, clause, people)
        if doer and not _done_with_another(clause, doer, people):
            return doer
        folded = fold(clause)
        anchors = [m.start() for n in about for m in re.finditer(rf"\b{re.escape(n)}\b", folded)]
        after = [(pos - a, name) for pos, name in people for a in anchors if pos > a]
        if after and not plural and q.language != "en":
            return min(after)[1]
        if wanted:  # ("những thủ tướng nào": those the office asked introduces, if any; not "ngoại trưởng B")
            people = [p for p in people if _introduced_by(clause, p, people, wanted)] or people
            if len(people) == 1:
                return people[0][1]
        # nothing tells them apart ("A và B ký thỏa thuận"): each of them, as the sentence orders them
        names = [name for _, name in sorted(people)][: 6 if plural else 3]
        joiner = " and " if q.language == "en" else " và "
        return ", ".join(names[:-1]) + joiner + names[-1]
    # "Bà Hằng đưa ra bình luận ...": the person the article names in full elsewhere
    short = [n for n in _short_unasked(q, ev) if n != subject]
    if len(short) == 1 and (
        not wanted
        or _titled_in(ev.article.text, short[0], wanted)
        or _titled_in(ev.text, short[0].split()[-1], wanted)
    ):
        return short[0]  # (for an office asked, one the article introduces with it)
    return (
        _office_agent(q, ev.text)
        or _organiser(q, ev.text)
        or (_quote_speaker(q, ev) if _asks_saying(q) else None)
    )


def _done_with_another(text: str, name: str, people: list[tuple[int, str]]) -> bool:
    """``text`` joins someone else of ``people`` (offset, name) to ``name``: "và", "cùng" (or "and") between
    the one named before it and it, no comma after it ("A và Chủ tịch UBND TP. Hải Đông B ký"; not "đối với
    vụ việc này, B ký", "cùng ngày, B ký"); or "với", "cùng" (or "with") between it and one named after it in
    the sentence ("A đã ký thoả thuận với Bộ trưởng B")."""
    at = next((a for a, n in people if n == name), -1)
    end = at + len(name)
    before = [a + len(n) for a, n in people if a + len(n) <= at]
    if before and re.search(r"(?<!\w)(?:và|cùng|and)(?!\w)[^,;]*$", text[max(before) : at], re.IGNORECASE):
        return True
    after = [a for a, n in people if a >= end]
    between = re.split(r"[.;]", text[end : min(after)])[0] if after else ""
    return bool(re.search(r"(?<!\w)(?:với|cùng|with)(?!\w)", between, re.IGNORECASE))


# a quotation opened by someone named before it in its sentence, with a verb of saying and a colon right
# before the mark ("ông A tuyên bố: \"", "Bà B nói: “")
_QUOTE_OPENED = re.compile(
    r"(?:nói|tuyên bố|khẳng định|cho biết|cho hay|nhấn mạnh|phát biểu|cảnh báo|tiết lộ|said|says|stated)"
    r"\s*:\s*[\"“]\s*$",
    re.IGNORECASE,
)


def _asks_saying(q: Question) -> bool:
    """The question asks about what someone said (``_ASKS_SAID``, or a verb of ``_QUOTE_OPENED``)."""
    return _says(q, *_ASKS_SAID) or bool(_SAYING_ASKED.search(q.words))


# the verbs of ``_QUOTE_OPENED``, folded
_SAYING_ASKED = re.compile(
    r" (?:noi|tuyen bo|khang dinh|cho biet|cho hay|nhan manh|phat bieu|canh bao|tiet lo|said|says|stated) "
)


def _quote_speaker(q: Question, ev: Evidence) -> str | None:
    """The one who says ``ev`` when it lies inside a quotation opened in an earlier sentence of its article,
    within a few hundred characters ("ông A tuyên bố: \" ... . / Đó là thực tế. / Nhưng nếu ... \"."): the
    person named right before the verb of saying that opens it (at most three words between, no comma
    nor bracket: not "của ông A, ông B cũng khẳng định"), not one the question names. The marks are read
    in order from the article's start (“ opens, ” closes, " opens or closes); a sentence that starts with
    a closing mark is outside."""
    article = ev.article.text
    if article[ev.start : ev.end] != ev.text or ev.text.lstrip()[:1] in ('"', "”"):
        return None
    opened = -1  # (where the quotation still open opened, if one is)
    for m in re.finditer(r'["“”]', article[: ev.start]):
        mark = m.group(0)
        opened = m.start() if mark == "“" or (mark == '"' and opened < 0) else -1
    if opened < 0 or ev.start - opened > 500:
        return None
    lead = re.split(r"(?<=[.!?])\s+|\n", article[: opened + 1])[-1]  # (the sentence it opens in)
    verb = _QUOTE_OPENED.search(lead)
    if verb is None:
        return None
    for at, name in sorted(_people(lead, q.words, q.text), reverse=True):
        # (one office set off by commas or dashes between: "Ông A, Bộ trưởng Quốc phòng B, cảnh báo:")
        gap = re.sub(r"^\s*[,–-][^,;()]{1,80}[,–-]\s*", " ", lead[at + len(name) : verb.start()])
        if at + len(name) <= verb.start():
            return name if len(gap.split()) <= 3 and not re.search(r"[,;()]", gap) else None
    return None


# the attribution right after a quotation closes: a verb of saying soon after the mark, in its clause
# ("\", ông A viết trên Twitter ngày 6-3", "\" - Bộ trưởng B nói")
# (a comma or a dash first: not a new sentence or quotation, "... chờ đợi.” Người phát ngôn B cho biết")
_SAID_AFTER = re.compile(
    r"\s*[,–—-]\s*[^,.;:!?\"“”]{0,60}?\b(?:nói|viết|đăng|tuyên bố|khẳng định|cho biết|cho hay|nhấn mạnh|"
    r"nêu rõ|phát biểu|cảnh báo|tiết lộ|chia sẻ|said|says|wrote|tweeted)\b",
    re.IGNORECASE,
)
# a question about when someone wrote or posted something ("viết rằng", "đăng dòng tweet"), as written
# with marks and folded
_ASKS_WRITTEN = (
    re.compile(r" (?:viết rằng|đăng (?:dòng|bài|tweet|tin|tải)|nhấn mạnh|cho hay|chia sẻ|nêu rõ) "),
    re.compile(r" (?:viet rang|dang (?:dong|bai|tweet|tin|tai)|wrote|tweeted|posted) "),
)


def _asks_said_or_written(q: Question) -> bool:
    """The question asks about what someone said or wrote: its words as written when it is marked ("nói",
    not "Nội", "nơi", "kết nối"; "đăng dòng", not "đang đóng"), folded otherwise."""
    if q.language == "vi":
        return _says(q, *_ASKS_SAID) or _says(q, *_ASKS_WRITTEN)
    return _asks_saying(q) or _says(q, *_ASKS_WRITTEN)


def _quote_closing(ev: Evidence, evidence: list[Evidence]) -> Evidence | None:
    """The retrieved sentence of ``ev``'s article where a quotation that is open at ``ev``'s end closes,
    within a few hundred characters, when a verb of saying follows the closing mark in its clause: the
    sentence that says who said ``ev``'s words, and when ("\" Tiến triển tích cực ... . / ... / Có thể
    là hi vọng hão \", ông A viết trên Twitter ngày 6-3"). The marks are read in order from the article's
    start (“ opens, ” closes, " opens or closes; a pair of straight marks inside a curly quotation is a
    title)."""
    article = ev.article.text
    if article[ev.start : ev.end] != ev.text:
        return None
    opened, inner = -1, False
    for m in re.finditer(r'["“”]', article[: ev.end]):
        mark = m.group(0)
        if mark == '"' and opened >= 0 and article[opened] == "“":
            # (a title quoted inside, a pair of straight marks before the closing one: “... ký thỏa thuận
            # "Bầu trời mở" ...”; a straight mark alone closes it, a typing slip)
            closes_at = article.find("”", m.end())
            straight = article.find('"', m.end())
            if inner or (straight >= 0 and (closes_at < 0 or straight < closes_at)):
                inner = not inner
                continue
        opened = m.start() if mark == "“" or (mark == '"' and opened < 0) else -1
    if opened < 0:
        return None
    # (one opened by “ is closed by ”, not by a title quoted inside it: “... gọi là "bước ngoặt" ...”)
    close = re.compile(r"”" if article[opened] == "“" else r'["”]').search(article, ev.end)
    if close is None or close.start() - ev.end > 500:
        return None
    # (the comma may stand inside the mark: "... sẵn sàng,” ông A viết")
    said = _SAID_AFTER.match(article, close.end()) or (
        article[close.start() - 1 : close.start()] == "," and _SAID_AFTER.match("," + article[close.end() :])
    )
    if not said:
        return None
    closing = next(
        (e for e in evidence if e.doc_id == ev.doc_id and e is not ev and e.start <= close.start() < e.end),
        None,
    )
    # (a date of what it says, inside the quotation, is no date of its saying: "... trước ngày 30-6 \", ông
    # A nói")
    if closing is None or any(closing.start + d.start < close.end() for d in closing.dates):
        return None
    return closing


def _short_unasked(q: Question, ev: Evidence) -> list[str]:
    """The full names of the people ``ev`` calls by one word (``_short_named``) that the question does not
    name: neither whole nor by that word ("ông Kim" for "tranh Trump - Kim"), unless it asks who that is."""
    asked = q.words
    out = []
    for at, name in _short_named(ev.text, ev.article.text):
        word = re.match(r"[\w'’-]+", ev.text[at:])
        # (as the question writes it, capital and marks: "Kim" in "tranh Trump - Kim"; not "tháng" for
        # "ông Thắng", nor a question typed without marks, whose words are many names)
        called = (
            word is not None
            and q.language != "vi-nodiacritics"
            and re.search(rf"(?<![\w'’]){re.escape(word.group(0))}(?![\w'’])", q.text) is not None
        )
        if not _names_person(asked, name) and not (
            called and word and not _asks_identity(asked, word.group(0))
        ):
            out.append(name)
    return out


@lru_cache(maxsize=256)  # (each article once, not once per candidate sentence and question)
def _article_people(article_text: str) -> tuple[str, ...]:
    """The people an article names: by ``person_names`` and by the office titles introducing them
    ("người phát ngôn Bộ Quốc phòng Peru Pavel Ostrov")."""
    people = person_names(article_text)
    # (a titled name holding one of those names of two words or more is that one with more words before it,
    # "Bình An Lê Văn Khải"; one holding a name of one word is that name in full, "Maria Ostrova")
    titled = [
        name
        for name in (_trimmed_name(name) for name, _ in _titled(article_text))
        if name and not any(" " in p and p in name for p in people)
    ]
    people = [p for p in people if " " in p or not any(p != name and p in name.split() for name in titled)]
    return tuple(dict.fromkeys(people + titled))


# "theo lời mời của ai", "được ký bởi ai": the words the person asked for comes right after
# (and "sẽ gặp ai": the one named right after "gặp" in the sentence, "ông A sẽ gặp Tổng thống B")
_MET_VERBS = ("gap", "gap go", "hoi kien", "tiep kien")
# (and the verbs that put someone in an office or send them: "chỉ định ai làm công tố viên đặc biệt", "cử ai
# làm đặc sứ"; folded, "cu" is also "cũ", "cư": in the sentence, only as "cử" is written)
_NAMED_VERBS = ("chi dinh", "bo nhiem", "de cu", "cu")
_ASKED_AFTER = re.compile(
    rf" ((?:\w+ ){{1,2}}(?:cua|voi|boi|tu)|{'|'.join(_MET_VERBS + _NAMED_VERBS)}) (?:nhung )?ai "
)
# the same asked in the passive: "Ai được Chủ tịch tỉnh A bổ nhiệm làm ...", answered by the one named
# right after the verb ("ký quyết định bổ nhiệm ông B làm ...")
_ASKED_PASSIVE = re.compile(rf" ?ai (?:da |se )?duoc (?:\w+ ){{0,8}}?({'|'.join(_NAMED_VERBS)}) ")


# a who-question asking whom an act is done to: the verb right before "(những) ai" ("mời những ai đến
# chứng kiến"; folded; not "là ai")
_ACTED_ON_ASKED = re.compile(r"(?:^| (\w+)) (?!nhung |cac )(\w+) (?:nhung |cac )?ai (?!la )")


# words that stand before a verb, not a part of it (folded): "sẽ mời", "đã bắt", "và bổ nhiệm"
_BEFORE_VERB = frozenset(
    "da se dang vua moi con cung lai duoc bi va thi roi deu chua khong hay co muon phai".split()
)


@lru_cache(maxsize=1)
def _folded_person_kinds() -> str:
    """The kinds of people of person-nouns.tsv, folded, as a regex alternation (longest first)."""
    return "|".join(sorted((re.escape(fold(k)) for k in person_nouns()), key=len, reverse=True))


def _kinds_acted_on(q: Question, text: str) -> str | None:
    """The kinds of people (person-nouns.tsv) ``text`` writes right after the verb a Vietnamese
    who-question puts before "(những) ai", with "các"/"những" first and joined by commas or "và" ("mời
    các chuyên gia và nhà báo Mỹ tới chứng kiến" for "mời những ai đến chứng kiến"), as written; None when
    it writes none so (then a person named is looked for)."""
    m = _ACTED_ON_ASKED.search(q.words) if q.language != "en" else None
    if m is None or m.group(2) in STOP_WORDS:
        return None
    folded = fold(text)
    if len(folded) != len(text):
        return None
    kinds = _folded_person_kinds()
    aux = _BEFORE_VERB | STOP_WORDS
    asked_before = m.group(1) or ""
    asked = next((w for w in _WORD.findall(q.text) if fold(w) == m.group(2)), "")
    names: list[str] | None = None  # (read once, when a match needs them)
    for found in re.finditer(
        rf"(?:(\w+) )?\b{re.escape(m.group(2))} "
        rf"((?:cac|nhung) (?:{kinds})(?:(?:,| va) (?:cac |nhung )?(?:{kinds}))*)\b",
        folded,
    ):
        # (the whole verb: "bổ nhiệm" asked is not "miễn nhiệm"; the word before it the question's, a
        # function word, or a name's last word, "Tổng thống A mời")
        before = found.group(1) or ""
        if (
            asked_before
            and before != asked_before
            and asked_before not in aux
            and before not in aux
            and not (before and text[found.start(1)].isupper())
        ):
            continue
        # (people named after the kinds are the answer: "bắt các nghi phạm A và B", "... gồm: A, B")
        lead = re.match(r"\s*,?\s*(?:(?:bao\s+)?gồm|là)?\s*:?\s*", text[found.end(2) :])
        at = found.end(2) + (lead.end() if lead else 0)
        names = person_names(text) if names is None else names
        if any(text.startswith(n, at) for n in names):
            continue
        # (the verb as the question writes it, marks and all, when it has them: "mời", not "mỗi", "mới")
        if q.language == "vi":
            verb_at = found.end(1) + 1 if found.group(1) else found.start()
            if same_tones(text[verb_at : verb_at + len(asked)]).lower() != same_tones(asked).lower():
                continue
        return text[found.start(2) : found.end(2)]
    return None


def _only_title_between(between: str) -> bool:
    """Nothing but spaces, an honorific or an office title (with its country or body) stands between."""
    words = between.split()
    if words[:1] and words[0].lower() in ("cựu", "nguyên"):  # ("cựu giám đốc FBI A": a former holder)
        words = words[1:]
    return not words or words[0].lower() in ("ông", "bà", "ngài") or _starts_with_title(words)


def _acts(q: Question, e: Evidence) -> bool:
    """``e`` writes one of the verbs of the act a who-question asks by (``Question.role``), as words."""
    words = _written_words(e.text)
    return (
        any(f" {v} " in words for v in q.role)
        or _paper_of(q, e.text)
        # (a commander is named by the office too: "Hạm trưởng tàu A là đại tá B" for "ai chỉ huy tàu A")
        or ("chỉ huy" in q.role and _holds_title(e.text, _commander_titles()))
    )


@lru_cache(maxsize=1)
def _commander_titles() -> list[str]:
    """The (folded) titles of ``titles.tsv`` whose English is a commander's or a ship's captain's, not a
    deputy's, a rank's ("Army Captain") nor a team's ("Team Captain")."""
    return [
        fold(t)
        for t, en in titles().items()
        if re.fullmatch(r"Commander(?:-in-Chief)?|Captain(?: of the ship)?", en)
        and not fold(t).startswith("pho ")
    ]


def _paper_of(q: Question, text: str) -> bool:
    """The question asks who signed a paper of a kind (``_SIGNED_PAPERS_MARKED``: "Ai đã ký quyết định thu phí
    ...", "ký" as written when the question has its marks, not "kỹ") and ``text`` writes that paper as a
    person's ("theo quyết định của Phó chủ tịch A về việc thu phí"): the one it is of signed it; not a
    body's ("quyết định của Bộ Giao thông vận tải")."""
    paper = _signed_paper_asked(q)
    if paper is None:
        return False
    folded = fold(text)
    people = sorted(at for at, _ in _people(text, q.words, q.text))
    # (the person right after "của", a title between at most: "quyết định của Phó chủ tịch UBND tỉnh A B")
    for m in re.finditer(rf"\b{paper} cua\b", folded):
        at = next((a for a in people if a > m.end()), None)
        between = text[m.end() : at] if at is not None else ""
        if at is not None and len(between) <= 60 and not re.search(r"[,.;]", between):
            if _only_title_between(between):
                return True
    return False


def _described_asked(q: Question) -> list[str]:
    """The names a what-question asks a description of ("A nhận xét B là người như thế nào", "B là người
    ra sao": B), folded."""
    return [
        n
        for n in required_names(q)
        if re.search(rf" {re.escape(n)} la (?:mot )?(?:nguoi )?(?:nhu )?(?:the nao|ra sao) ", q.words)
    ]


def _describes(text: str, described: list[str]) -> bool:
    """``text`` writes one of ``described`` (folded names) then "là" and what it is, not an office ("A là
    một nhà cải cách"; not "A là Thủ tướng giai đoạn 2006 - 2016", who A was)."""
    folded = fold(text)
    if len(folded) != len(text):
        return False
    for n in described:
        for m in re.finditer(rf"\b{re.escape(n)} la\b", folded):
            if text[m.end() - 2 : m.end()].lower() != "là":  # (as written: not "lạ lẫm")
                continue
            words = text[m.end() :].split()
            while words and fold(words[0]) in ("mot", "nguoi", "nguyen", "cuu"):  # ("là một", "là nguyên")
                words = words[1:]
            held = " ".join(fold(w) for w in words[:2]) in ("uy vien", "thanh vien")  # (a member's seat)
            if not held and not _starts_with_title(words[:4]):
                return True
    return False


def _signed_paper_asked(q: Question) -> str | None:
    """The kind of paper a question asks about the signing of (``_SIGNED_PAPERS_MARKED``, folded: "Ai đã
    ký quyết định ..." -> "quyet dinh"; "ký" as written when the question has its marks, not "kỹ"), or
    None."""
    return _signed_paper(q.text, q.language, q.words)


@lru_cache(maxsize=256)  # (asked for every candidate sentence: read the question once)
def _signed_paper(text: str, language: str, folded: str) -> str | None:
    """``_signed_paper_asked`` of a question's text, language and folded words."""
    verb = r"(?:ký|kí)" if language == "vi" else r"(?:ky|ki)"
    words = " " + " ".join(_WORD.findall(same_tones(text.lower()) if language == "vi" else folded)) + " "
    papers = "|".join(_SIGNED_PAPERS_MARKED if language == "vi" else map(fold, _SIGNED_PAPERS_MARKED))
    signed = re.search(rf" {verb} ({papers}) ", words)
    return fold(signed.group(1)) if signed else None


def _signing_dated(q: Question, text: str) -> bool:
    """A question asks when a paper of a kind was signed (``_SIGNED_PAPERS_MARKED``: "ký văn bản ... ngày
    nào") and ``text`` dates a signing right after "ký", a word of the day first ("ký ngày 9-1", "ký vào
    sáng 9/1"), whose paper, the last one it names before that "ký" in its clause, is of that kind ("Văn
    bản do Thứ trưởng A ký ngày 9-1"; not "Văn bản nêu rõ hợp đồng ... được ký ngày 2-1")."""
    paper = _signed_paper_asked(q)
    if paper is None:
        return False
    folded = fold(text)
    for m in re.finditer(r"\b(?:ky|ki)(?: vao)? (?:ngay|hom|sang|chieu|toi|trua)\b(?: ngay)? \d", folded):
        clauses = re.split(r"[,;:.]\s", folded[: m.start()])
        named = list(_PAPER_NOUN.finditer(clauses[-1]))
        # (a clause set off by commas that gives the signer, "Văn bản số 12, do Thứ trưởng A ký ngày 9-3,":
        # the paper of the clause before)
        if not named and len(clauses) > 1 and re.match(r"\s*(?:do|duoc|boi)\b", clauses[-1]):
            named = list(_PAPER_NOUN.finditer(clauses[-2]))
        if named and named[-1].group(0) == paper:
            return True
    return False


# the kinds of paper a sentence may say were signed (folded): the official's own and deals
_PAPER_NOUN = re.compile(
    r"\b(?:quyet dinh|cong van|van ban|nghi quyet|chi thi|thong bao|cong dien|hop dong|thoa thuan|bien ban"
    r"|ban ghi nho|hiep dinh|to trinh|nghi dinh|thong tu)\b"
)


def _papers_numbered(q: Question) -> list[int]:
    """The numbers of the papers a question names by kind (``_PAPER_KINDS``) and number: after "số", with
    its code after a slash, or of two digits or more ("Quyết định 512", "Thông tư số 03/2018/TT-BTC": 512,
    3); not a count after a verb, "thông báo 2 ca", "thông báo 15 ca" (an announcement's only with "số"
    or a slash)."""
    found = []
    for m in re.finditer(rf"\b(?P<kind>{_PAPER_KINDS}) (?P<so>so )?(?P<no>\d+)(?P<code>/)?", fold(q.text)):
        marked = m["so"] or m["code"]
        if marked or (len(m["no"]) >= 2 and m["kind"] != "thong bao"):
            found.append(int(m["no"]))
    return found


@lru_cache(maxsize=256)
def _numbers_written(title: str, text: str) -> frozenset[int]:
    """The numbers an article (title and text) writes, each whole ("3/2018": 3 and 2018; "1.500" none of
    them), once per article."""
    return frozenset(int(n) for n in re.findall(r"(?<![\d.,])\d+(?![\d]|[.,]\d)", f"{title}\n{text}"))


# the papers an official signs as their own, as written (one tone placement)
_SIGNED_PAPERS_MARKED = tuple(
    same_tones(p)
    for p in ("quyết định", "công văn", "văn bản", "nghị quyết", "chỉ thị", "thông báo", "công điện")
)


# "cử" (sends, puts in a post) as written: not "bầu cử", "ứng cử", "đề cử", "đô cử" ("cử tri", "cử nhân": no
# title and name right after it, ``_person_after_asked``)
_SENT = re.compile(
    r"(?<!bầu )(?<!ứng )(?<!tranh )(?<!tuyển )(?<!tiến )(?<!đề )(?<!đô )(?<!\w)cử(?!\w)",
    re.IGNORECASE,
)


def _person_after_asked(q: Question, text: str) -> str | None:
    """The person ``text`` names right after the words the question puts before "ai" ("theo lời mời
    của Tổng thống Peru A" for "theo lời mời của ai": A; a title may come between), not one the question
    names; None when the sentence does not write those words so. Asked for several ("của những ai"):
    that one and those named after it up to the end of the sentence or a semicolon."""
    m = _ASKED_AFTER.search(q.words) or _ASKED_PASSIVE.match(q.words)
    if m:
        before = m.group(1).strip()
    elif _asks_inviter(q):  # "ai mời A sang thăm": the one "theo lời mời của" names
        before = "loi moi cua"
    else:
        return None
    folded = fold(text)
    ends = [p.end() for p in re.finditer(rf"\b{re.escape(before)}\b", folded)]
    if before == "cu":  # ("cử ông A", not "nhiệm kỳ cũ", "dân cư", "bầu cử", "cử tri"; in the question too)
        if q.language == "vi" and not _SENT.search(q.text):
            return None
        ends = [end for end in ends if _SENT.match(text, end - 2)]
    # (not where those words name someone the question names: "theo lời mời của A và B", asked about
    # A's trip, is about another's)
    named = [n for n in q.names if n not in q.places and n not in country_aliases()]
    ends = [end for end in ends if not any(n in re.split(r"[.;]", folded[end:])[0] for n in named)]
    if not ends:
        return None
    people = sorted(_people(text, q.words, q.text))
    # ("sẽ gặp Tổng thống B": the person right after the verb, a title or an honorific between at most; not
    # "gặp trục trặc ... nên ông B phải chờ"; "chỉ định cựu giám đốc FBI A làm ...")
    verb = before in _MET_VERBS + _NAMED_VERBS or before.endswith(" tu")  # ("từ bà A", not "từ năm ...")
    for at, name in people:
        if any(
            0 <= at - end <= 60
            and not re.search(r"[.;,]", text[end:at])
            and (not verb or _only_title_between(text[end:at]))
            for end in ends
        ):
            if not _asks_plural(q.words):
                return name
            stop = re.search(r"[.;]", text[at:])
            limit = at + stop.start() if stop else len(text)
            names = [n for pos, n in people if at <= pos < limit][:6]
            joiner = " and " if q.language == "en" else " và "
            return ", ".join(names[:-1]) + joiner + names[-1] if len(names) > 1 else name
    return None


def _asks_inviter(q: Question) -> bool:
    """The question asks who invited ("Ai đã mời A ...", "who invited A"; "mời" as written: folded, it
    is also "mới", new)."""
    if q.language == "en":
        return " who invited " in q.words or " who had invited " in q.words
    text = (
        " "
        + " ".join(
            _WORD.findall(q.text.lower() if q.language == "vi-nodiacritics" else same_tones(q.text.lower()))
        )
        + " "
    )
    if q.language == "vi-nodiacritics":  # ("ai moi duoc bau": who was newly elected) a visit after it
        return bool(re.search(r" ai (?:da )?moi (?!duoc |la |den |nhat )(?:\w+ )*(?:sang|tham|du) ", text))
    return bool(re.search(r" ai (?:đã )?mời ", text))


def _short_named(text: str, article_text: str) -> list[tuple[int, str]]:
    """The people ``text`` calls by an honorific and one word ("Bà Hằng", "ông Tập"), each with the full
    name the article gives elsewhere ("Lê Thị Thu Hằng", "Tập Cận Bình"): the one name of the article
    whose last word (a Vietnamese given name, a Western surname) or first word (a Chinese or Korean
    surname, written first) it is; none when several fit."""
    out: list[tuple[int, str]] = []
    for m in _HONORIFIC_NAME.finditer(text):
        words = _joined_name(m.group("name")).split()
        if len(words) != 1 or words[0].isupper():
            continue
        full = _article_people(article_text)
        fits = {n for n in full if len(n.split()) >= 2 and words[0] in (n.split()[0], n.split()[-1])}
        if len(fits) == 1:
            out.append((m.start("name"), fits.pop()))
    # (a foreign surname alone right after an office and its body, "Cố vấn kinh tế Nội các Ostrov nói":
    # the one person of the article with that surname, when the sentence does not write the name whole)
    for m in _LONE_SURNAME.finditer(text):
        word, at = m.group(0), m.start()
        key = fold(word)
        if not looks_foreign(word) or any(at == start for start, _ in out) or key in places():
            continue  # (nor a place: "khách sạn Orchid Singapore")
        if key in country_aliases():
            continue
        # (an office right before it, its body's words between and nothing that ends a clause)
        office = list(office_titles().finditer(text[max(0, at - 60) : at]))
        if not office or re.search(r"[,.;:()]", text[max(0, at - 60) + office[-1].end() : at]):
            continue
        fits = {n for n in _article_people(article_text) if len(n.split()) >= 2 and n.split()[-1] == word}
        fits |= _foreign_runs(word, article_text)
        if len(fits) == 1 and (whole := fits.pop()) not in text:
            out.append((at, whole))
    # (and a foreign name's one word a source gives for what a sentence says, ", theo Ostrov.", "Ostrov nói":
    # the one person of the article that word names; not a news agency, "theo Reuters", which names none)
    for m in _SAID_BY_ONE.finditer(text):
        word = m.group("word") or m.group("subject")
        at = m.start("word") if m.group("word") else m.start("subject")
        if any(at == start for start, _ in out) or fold(word) in places() or fold(word) in country_aliases():
            continue
        prev = re.search(rf"([{_CAPS}][^\s,.;:]*)\s+$", text[:at]) if m.group("subject") else None
        if prev and (
            fold(f"{prev.group(1)} {word}") in places()
            or not re.search(r"(?:^|[,.;:“”\"]\s*)$", text[: prev.start()])
        ):
            continue  # (the last word of a capitalised run: "UBND tỉnh Quảng Nam cho biết", a place's; not
            # one opening the clause, "Tướng Ostrov nhấn mạnh")
        fits = {
            n
            for n in _article_people(article_text)
            if len(n.split()) >= 2 and word in (n.split()[0], _joined_name(n).split()[-1])
        }
        fits |= _foreign_runs(word, article_text)
        if len(fits) == 1 and (whole := fits.pop()) not in text:
            out.append((at, whole))
    return sorted(out)


# body words that are as written no name ("Quỹ", folded "quy", is also the given name "Quý")
_BODY_HEADS_MARKED = frozenset(same_tones(w) for w in ("quỹ", "viện", "tổ"))


def _trimmed_name(name: str) -> str:
    """A name an office introduces, without a body's words before it: its last two capitalised words and
    what joins them ("Solaris Pavel Ostrov" -> "Pavel Ostrov"; "Pedro de la Cruz", "Kim Sang - ho" stay
    whole), a Vietnamese personal name as it is; none when it opens with a body's word ("Quỹ Tiền")."""
    vietnamese = PERSON_NAME.search(name)  # ("Bình An Lê Văn Khải": the Vietnamese name in it)
    if vietnamese:
        return vietnamese.group(0)
    words = name.split()
    if not words or fold(words[0]) in _BODY_WORDS or same_tones(words[0]) in _BODY_HEADS_MARKED:
        return ""  # (as written: folded, "quy" is also the given name "Quý")
    capitals = [k for k, w in enumerate(words) if w[:1].isupper()]
    return " ".join(words[capitals[-2] :]) if len(capitals) > 2 else name


def _foreign_runs(word: str, article_text: str) -> set[str]:
    """The foreign names ``article_text`` writes whole with ``word`` last, after a body's words or none:
    "Nội các Pavel Ostrov" -> "Pavel Ostrov" (its capitalised words from the first that cannot be a
    Vietnamese syllable)."""
    out = set()
    for run in re.finditer(rf"((?:[A-ZĐ][^\W\d_]+\s+){{1,3}}){re.escape(word)}(?![\w-])", article_text):
        if _ORGANISATION_BEFORE.search(article_text[max(0, run.start() - 20) : run.start()]):
            continue  # (a news agency or a company: "Hãng tin Solaris Post")
        given = run.group(1).split()
        # (not a country before it: "Bộ Quốc phòng Peru Pavel Ostrov")
        while given and (not looks_foreign(given[0]) or fold(given[0]) in country_aliases()):
            given = given[1:]
        if given:
            out.add(" ".join([*given, word]))
    return out


# a body named before capitalised words: they are its name, no person's ("hãng tin Solaris Post")
_ORGANISATION_BEFORE = re.compile(
    r"(?i:hãng(?:\s+tin)?|báo|tờ|đài|trang|tạp\s+chí|tập\s+đoàn|công\s+ty|tổ\s+chức|hiệp\s+hội|quỹ|ngân\s+hàng)"
    r"\s+$"
)
# a source's one word: "..., theo Ostrov." / "Theo Ostrov, ..."; "Ostrov nói", "Ostrov cho biết" (the last
# word of a name written whole is no such source: the name is in the sentence)
_SAID_BY_ONE = re.compile(
    rf"(?<!\w)[Tt]heo\s+(?P<word>[{_CAPS}][^\W\d_]+)(?=\s*[.,;!]|\s*$)"
    rf"|(?<![\w-])(?P<subject>[{_CAPS}][^\W\d_]+)\s+(?:nói|cho biết|nhấn mạnh|khẳng định|tuyên bố)(?!\w)"
)


# a question asking someone's office ("giữ chức vụ gì", "chức danh gì", "chức vụ nào", "what position
# does A hold"), folded
_ASKS_OFFICE = re.compile(
    r" (?:chuc vu|chuc danh|giu chuc) (?:gi|nao) | (?:what|which) (?:position|post|office|title) "
)
# the words that qualify an office before it, as written ("nguyên Trưởng phòng", "hiện là Giám đốc")
_OFFICE_QUALIFIERS = re.compile(
    r"(?:nguyên|cựu|hiện là|hiện nay là|đương kim|tân|quyền)\s+(?:[Pp]hó\s+)?|[Pp]hó\s+", re.IGNORECASE
)
# honorifics, ranks and academic titles that may stand between an office and the name ("Bí thư A đồng chí
# B", "Giám đốc Công an tỉnh A Đại tá B")
_RANKS = (
    r"(?:[Đđ]ại|[Tt]hượng|[Tt]rung|[Tt]hiếu)\s+(?:tá|úy|uý|tướng)|[Đđ]ại\s+tướng"
    r"|GS\.?TS|PGS\.?TS|TS\.?BS|GS|PGS|TS|ThS|BS|[Bb]ác sĩ|[Tt]iến sĩ|[Tt]hạc sĩ"
)
_NAME_HONORIFICS = re.compile(rf"\s+(?:ông|bà|ngài|Ngài|đồng chí|{_RANKS})\.?$")
_ONLY_RANK = re.compile(rf"(?:{_RANKS})\.?")
# what ends an office's words after a name, as written in lower case: a verb of telling, a conjunction
# before someone, a time ("cho biết", "đã", "và ông", "từ năm")
_OFFICE_AFTER_ENDS = re.compile(
    r"\s(?:cho biết|cho hay|nói|khẳng định|phát biểu|chia sẻ|nhấn mạnh|tuyên bố|thông báo|đã|vừa|sẽ|đang"
    r"|từ (?:năm|ngày|tháng)|giai đoạn \d{4}|vào|hôm|vì|để|khi|nhưng|mà|rằng|thì|cùng|với|được|bị|là|cũng"
    r"|trong|sau|trước"
    r"|và (?:ông|bà|các|những|một)|và [A-ZĐ]\w* [A-ZĐ]\w* [A-ZĐ]\w*(?: |,|$))(?!\w)"
)
# words between an office and a name that tell it is not that person's (a verb, a conjunction)
_NOT_OF_NAME = frozenset("là đã cho biết nói tiếp gặp với được bị đang sẽ vừa cùng ký".split())


# an appointment told as earlier than the news: a bare year ("Năm 2015, ..."), "trước đó", "giữ chức đến"
_EARLIER_APPOINTMENT = re.compile(
    r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])|(?<!\w)(?:trước đó|trước đây|giữ chức đến)(?!\w)", re.IGNORECASE
)
# words of a company's legal form, not its name ("Công ty TNHH A" is "Công ty A")
_LEGAL_FORMS = frozenset("tnhh cp mtv co phan jsc".split())


def _other_body(text: str, other: str) -> bool:
    """``text`` names a company or a group (``_NAMED_BODY``) whose capitalised words ``other`` does not
    write ("Công ty B bổ nhiệm ông C" beside "Tổng giám đốc Công ty A là ông D"), its legal form aside."""
    words = _words_of("", other)
    for m in _NAMED_BODY.finditer(text):
        caps = [fold(w) for w in m.group(0).split() if w[:1].isupper()][1:]  # (its kind's word aside)
        caps = [w for w in caps if w not in _LEGAL_FORMS]
        if caps and f" {' '.join(caps)} " not in words and not all(f" {w} " in words for w in caps):
            return True
    return False


def _office_given(text: str, name: str) -> str | None:
    """The office ``text`` gives the person ``name`` as written: a title of ``titles.tsv`` right before
    the name with its body's words only between ("Bí thư Thành ủy Hà Nội Hoàng Trung Hải" -> "Bí thư
    Thành ủy Hà Nội"; not "Thủ tướng A đã tiếp bà B" for B; a rank alone, "Trung tướng A", only when no
    office follows), else one set off right after it ("ông A, nguyên Trưởng phòng B (nay là Giám đốc C) vì
    ..." -> "nguyên Trưởng phòng B (nay là Giám đốc C)", "bà A (Phó Giám đốc Sở B) cho biết"), up to a
    comma, a closing parenthesis, a verb or a time ("Ông A - Giám đốc Sở B cho biết ..." -> "Giám đốc Sở
    B"); None if none."""
    for found in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        before = _office_before(text, found.start())
        after = _office_after(text, found.end())
        if before and _ONLY_RANK.fullmatch(before) and after:
            return after
        if before or after:
            return before or after
    return None


def _office_before(text: str, at: int) -> str | None:
    """The farthest title before ``text[at:]`` with only its body's or place's words between
    (``_office_given``): "Phó trưởng Đoàn đại biểu Quốc hội tỉnh A B", not its inner "đại biểu"; with
    "Phó" before it, the deputy's office."""
    titles = [m for m in office_titles().finditer(text[: at + 1]) if m.end() <= at]
    best = None
    for m in sorted(titles, key=lambda m: -m.start()):
        between = text[m.end() : at]
        words = between.split()
        if re.search(r"[,;:()“”\"]", between) or len(words) > 12 or has_person(between):
            break
        if any(w in _NOT_OF_NAME for w in words) or _VERB_BEFORE_SOMEONE.search(between):
            break
        # ("và" inside a body's name, "Sở Kế hoạch và Đầu tư"; not before another office or someone)
        if any(
            w == "và"
            and (k + 1 == len(words) or not words[k + 1][:1].isupper() or _starts_with_title(words[k + 1 :]))
            for k, w in enumerate(words)
        ):
            break
        start = m.start()
        deputy = re.search(r"(?<!\w)[Pp]hó\s+$", text[max(0, start - 6) : start])
        best = text[start - (len(deputy.group(0)) if deputy else 0) : at]
    if best is None:
        return None
    office = _NAME_HONORIFICS.sub("", best.rstrip(" -–")).strip()
    return office or None


# a word in lower case right before an honorific: a verb whose object is the person ("đề nghị ông A")
_VERB_BEFORE_SOMEONE = re.compile(r"(?<!\S)[a-zà-ỹđ]+\s+(?:ông|bà|ngài)\s*$")


# what introduces an office after a name ("A, người từng giữ chức B", "người vừa được bổ nhiệm làm B",
# "người đang nắm giữ cương vị B"); "từng", "đã" make it a former one
_HELD_OFFICE = re.compile(
    r"người\s+(?:(?P<former>từng|đã)\s+|(?:đang|hiện|vừa)\s+)?(?:được\s+(?:bổ\s+nhiệm|bầu)\s+(?:làm\s+)?)?"
    r"(?:(?:nắm\s+)?giữ\s+(?:chức\s+(?:vụ\s+)?|cương\s+vị\s+)?|là\s+|làm\s+|đảm\s+(?:nhiệm|nhận)\s+(?:chức\s+)?)",
    re.IGNORECASE,
)


def _office_after(text: str, end: int) -> str | None:
    """An office set off after a name ending at ``end`` by a comma, a dash or a parenthesis (an age or a
    year of birth first skipped: "(48 tuổi, Giám đốc ...)") (``_office_given``)."""
    after = re.match(r"\s*(?:,|-|–|\((?:\d+\s+tuổi,\s*|SN\s+\d{4},\s*)?)\s*", text[end:])
    if after is None:
        return None
    enclosed = "(" in after.group(0)
    start = end + after.end()
    # ("A, người từng giữ chức Bí thư Tỉnh ủy B": the office after what introduces it)
    held = _HELD_OFFICE.match(text, start) if not enclosed else None
    start = held.end() if held else start
    qualifier = _OFFICE_QUALIFIERS.match(text, start)
    title = office_titles().match(text, qualifier.end() if qualifier else start)
    if title is None:
        return None
    # (the title's words as the office table reads them, a body's "A, B và C" one name; then up to a verb,
    # a time, someone else, a closing parenthesis)
    reach = title.end() + len(title.group("after"))
    now = re.match(r"\s*\((?:nay là|nay|hiện là|tức)\b[^()]*\)", text[reach:])
    reach += now.end() if now else 0  # ("(nay là Giám đốc C)": what the office is now)
    stop = reach
    depth = 1 if enclosed else 0
    for m in re.finditer(r"\(|\)|[;]|\.(?=\s|$)|\s[-–]\s", text[start:reach]):
        k, token = start + m.start(), m.group(0)
        if token == "(":
            # (an aside kept only when it says what the office is now, or spells it: "(nay là ...)", "(MIT)")
            if depth == 0 and not re.match(r"\((?:nay là|nay|hiện là|tức|[A-ZĐ&]{2,8}\))", text[k:]):
                stop = k
                break
            depth += 1
        elif token == ")":
            depth -= 1
            if depth <= 0:
                stop = k + (0 if enclosed else 1)
                break
        elif depth == 0 or enclosed:
            stop = k
            break
    else:
        closing = text.find(")", start) if enclosed else -1
        stop = min(stop, closing) if closing >= 0 else stop
    office = text[start:stop]
    # (the first end outside an aside kept: "(nay là ...)" says what the office is now)
    ending = next(
        (
            e
            for e in _OFFICE_AFTER_ENDS.finditer(office)
            if office.count("(", 0, e.start()) <= office.count(")", 0, e.start())
        ),
        None,
    )
    office = office[: ending.start()] if ending else office
    office = office.strip(" ,-–")
    words = office.split()
    if words and held and held.group("former") and not _OFFICE_QUALIFIERS.match(office):
        words.insert(0, "nguyên")  # (a former office: "người từng giữ chức B" -> "nguyên B")
    return " ".join(words[:20]) if words else None


def _in_full(name: str, article_text: str) -> str:
    """A one-word name as the article writes it in full elsewhere ("Bà Lord" -> "Ellen Lord"), when one
    name of the article fits (``_short_named``); else the name as it is."""
    if " " in name or name.isupper():
        return name
    full = _article_people(article_text)
    # (by its last word only: a surname written first, "Kim", is shared by a family: "Kim Yo Jong")
    fits = {n for n in full if len(n.split()) >= 2 and name == n.split()[-1]}
    return fits.pop() if len(fits) == 1 else name


def _office_taken(q: Question, text: str) -> tuple[str, str] | None:
    """For a question asking the office someone it names is put in ("A được phân công giữ chức vụ gì", "bị
    điều xuống làm chức vụ gì"), that person as the sentence names them and the office it writes right
    after "làm" or "giữ chức" following their name, no one else named between ("... phân công ông A (Giám
    đốc Sở B) giữ chức Bí thư Quận uỷ C, thay ông D ..." -> (A, "Bí thư Quận uỷ C"); "... giáng chức ông A;
    điều ông này xuống làm Phó giám đốc" -> (A, "Phó giám đốc"))."""
    if q.language == "en" or not _ASKS_OFFICE_TAKEN.search(q.words):
        return None
    asked = f" {' '.join(_WORD.findall(fold(q.text)))} "
    for name in person_names(text):
        if f" {' '.join(_WORD.findall(fold(name)))} " not in asked:
            continue
        at = text.find(name) + len(name)
        for m in _TAKES_OFFICE.finditer(text, at):
            if person_names(text[at : m.start()]):
                break  # (someone else's)
            if _HELD_BEFORE.search(text, max(at, m.start() - 20), m.start()):
                continue  # (an office held before or left: "người từng làm A", "thôi giữ chức A")
            office = _OFFICE_TAKEN_ENDS.split(text[m.end() :])
            words = office[0].split()[:14]
            joined = next(
                (k for k, w in enumerate(words) if w == "và" and PERSON_NAME.match(" ".join(words[k + 1 :]))),
                None,
            )
            words = words[:joined]  # (not "và B giữ chức ...", another's)
            held = words[1:] if fold(words[0]) == "pho" else words  # ("làm Phó giám đốc")
            if held and _starts_with_title(held):
                return name, " ".join(words)
    return None


# where the office a sentence puts someone in ends: a mark, or a lower-case word that goes on with something
# else ("... Bí thư Huyện uỷ A, thay ông B", "... Giám đốc Sở B từ ngày 1/3", "... để được điều động")
_OFFICE_TAKEN_ENDS = re.compile(
    r"\s*[,;.()]|\s+(?:thay|kể|từ|trong|nhiệm kỳ|để|được|sau|khi|theo|đã|đang|sẽ|cho|tại|giữ|làm)\s"
    r"|\s+và\s+(?=(?:ông|bà|anh|chị)\s)"
)
# what marks an office as one held before or left, right before the words that give it ("từng làm",
# "nguyên là", "thôi giữ chức", "miễn nhiệm chức", "trước đây làm")
_HELD_BEFORE = re.compile(
    r"(?<!\w)(?:từng|nguyên|thôi|miễn nhiệm|trước đây|trước đó|cựu|đang|trong thời gian|khi)"
    r"(?:\s+\w+){0,3}\s+$"
)


# a question asking the office someone is put in: a verb of it, then "làm" or "giữ chức", then the office
# asked ("được phân công giữ chức vụ gì", "bị điều xuống làm chức vụ gì", "được bổ nhiệm làm gì")
_ASKS_OFFICE_TAKEN = re.compile(
    r" (?:duoc|bi|se duoc|da duoc|da bi) (?:\w+ ){0,2}?(?:phan cong|dieu dong|bo nhiem|bau|cu|giao|dieu"
    r"|chuyen|luan chuyen|de bat|chi dinh|giang chuc|cach chuc)(?: \w+){0,2}? (?:lam|giu chuc|giu|dam nhan"
    r"|dam nhiem) (?:chuc vu |chuc danh |chuc |vi tri )?(?:gi|nao) "
)
# where a sentence puts someone in an office: "làm", "giữ chức (vụ)", "đảm nhận (chức)", "lên", "xuống làm"
_TAKES_OFFICE = re.compile(
    r"(?<!\w)(?:làm|giữ chức(?:\s+vụ)?|giữ cương vị|đảm nhận(?:\s+chức(?:\s+vụ)?)?|đảm nhiệm(?:\s+chức"
    r"(?:\s+vụ)?)?)\s+(?=[A-ZĐ])"
)


def _replacer(q: Question, text: str) -> str | None:
    """For a question asking who replaces someone it names ("Ai được bổ nhiệm ... thay ông A"), the
    person a sentence names last before it writes that one replaced ("Ông B được điều động về ... thay
    ông A": B); not where another is replaced ("phân công ông A ..., thay ông C")."""
    if q.qtype != "who":
        return None
    replaced = _replaced_names(q)
    if not replaced:
        return None
    for m in _REPLACING_WRITTEN.finditer(text):
        after = " " + " ".join(_WORD.findall(fold(text[m.end() :]))) + " "
        if not any(after.startswith(f" {n} ") for n in replaced):
            continue
        before = [n for n in person_names(text[: m.start()]) if fold(n) not in replaced]
        if not before:
            return None
        # (the subject of an act of taking the place, between the name and "thay": "B được điều động về ...
        # thay ông A"; not one who speaks of it, "theo ông B, việc thay ông A ...", "B đề nghị cử người thay")
        between = text[text.rfind(before[-1], 0, m.start()) + len(before[-1]) : m.start()]
        if (
            (not between.strip() or _TAKING_ACT.search(between))
            and not re.search(r"(?:người|việc)\s*$", between, re.IGNORECASE)
            and not _NOT_THE_TAKER.search(between)
            and not re.search(r"[;.:]", between)
            and len(between.split()) <= 12
        ):  # ("B thay ông A": right before it)
            return before[-1]
        return None
    return None


# an act of taking someone's place, between its subject and "thay" ("được điều động về", "sẽ làm", "lên")
_TAKING_ACT = re.compile(
    r"(?<!\w)(?:được|bổ nhiệm|điều động|bầu|phân công|giữ chức|đảm nhận|đảm nhiệm|làm|lên|về|sẽ)(?!\w)",
    re.IGNORECASE,
)
# words that put someone else in the place, between a name and "thay": saying, asking, sending, another
# ("B cho biết tỉnh sẽ bổ nhiệm cán bộ khác thay ông A", "B đề nghị cử người thay")
_NOT_THE_TAKER = re.compile(
    r"(?<!\w)(?:cho biết|nói|cho rằng|khẳng định|đề nghị|đề xuất|yêu cầu|cử|khác|lần lượt)(?!\w)",
    re.IGNORECASE,
)
# the words of ``_REPLACING`` as an article writes them, with the honorific after them
_REPLACING_WRITTEN = re.compile(
    r"(?<!\w)(?:thay thế cho|thay thế|thay cho|thay(?! (?:mặt|đổi|vì|vào đó)\b)|kế nhiệm)"
    r"(?:\s+(?:ông|bà|đồng chí))?(?!\w)",
    re.IGNORECASE,
)


def _office_agent(q: Question, text: str) -> str | None:
    """An office that leads or signs without its holder's name ("Phái đoàn do Tư lệnh không quân dẫn
    đầu"): who did it, when the question does not name that office itself."""
    offices = [m.group("office") for m in _AGENT.finditer(text)] + _office_subject(q, text)
    wanted = asked_titles(q) if offices else []
    for office in offices:
        if (
            _starts_with_title(office.split())
            and not person_names(office)
            and fold(office) not in fold(q.text)
            and (not wanted or _holds_title(office, wanted))  # ("Bộ trưởng nào": not a Thứ trưởng)
        ):
            return office
    return None


def _office_subject(q: Question, text: str) -> list[str]:
    """The office that opens a sentence (after its time, if any) as the subject of the verb a Vietnamese
    question asks who did, with no holder's name: "Thủ tướng Chính phủ vừa ký ban hành nghị định 123"
    for "Ai ký ban hành nghị định 123"; the title (a deputy's with "Phó") and the words of its body up to
    the verb, no comma between; only where the sentence writes every number the question does ("nghị
    định 100" is not the "nghị định 45" asked)."""
    asked = _ASKS_WHO_DID.search(q.words)
    if asked is None or q.language == "en":
        return []
    verb = asked.group("verb").split()
    verb = verb if verb[1:] == ["ban"] else verb[:1]  # ("ký ban hành"; "ký nghị định 45": "ký")
    if verb[0] not in _ISSUING or not _numbers(q.text) <= _numbers(text):
        return []
    clause = _TIME_OPENING.sub("", text)  # ("Ngày 5/3, ...": after the time)
    words = clause.split()
    folded = [fold(w).strip(",.;:") for w in words]
    deputy = 1 if folded[:1] == ["pho"] else 0
    if not _starts_with_title(words[deputy : deputy + 4]) or (deputy and len(words) < 2):
        return []
    for at in range(deputy + 1, min(len(words), 18)):  # (the verb soon after: the office's words before it)
        if folded[at : at + len(verb)] != verb:
            continue
        end = at
        while end > deputy + 1 and folded[end - 1] in _BEFORE_ACT:
            end -= 1
        if " ".join(folded[end - 2 : end]) == "chinh thuc":  # ("đã chính thức ký")
            end -= 2
            while end > deputy + 1 and folded[end - 1] in _BEFORE_ACT:
                end -= 1
        office = " ".join(words[:end])
        # (the title, then its body's name: capitalised words and the lower-case ones that go on from one,
        # "Bộ Tài chính", a unit's kind before one, "UBND tỉnh Bình An", "và" or "-" between two; not "Thủ
        # tướng yêu cầu Bộ trưởng khẩn trương ký ...", where the title's holder asks another)
        title = max((len(t) for t in _title_phrases() if folded[deputy : deputy + len(t)] == t), default=0)
        start = deputy + title
        plain = [
            k
            for k in range(start, end)
            if words[k][:1].islower()
            and not (k > start and words[k - 1][:1].isupper())
            and not (
                k + 1 < end
                and words[k + 1][:1].isupper()
                and (folded[k] in _UNIT_KINDS or words[k] in ("và", "-"))
            )
        ]
        # (nor another office inside it, the one given the act: "Chủ tịch UBND tỉnh A giao Giám đốc Sở B ký")
        other = any(
            words[k][:1].isupper() and _starts_with_title(words[k : k + 4]) for k in range(start + 1, end)
        )
        if not title or plain or other or re.search(r"[,;:()]", office):
            return []
        return [office]
    return []


# a sentence's opening time, up to its comma ("Ngày 5/3,", "Sáng nay,", "Chiều 12-4 tại Hà Nội,")
_TIME_OPENING = re.compile(
    r"^(?:(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ôm|[Mm]ới đây|[Vv]ừa qua)\b[^,]{0,30}"
    r"|[^,]{0,12}\d{1,2}\s*[/-]\s*\d{1,2}[^,]{0,12}),\s+"
)
# the acts of signing or issuing a paper that an office does without its holder's name ("Thủ tướng Chính phủ
# vừa ký ban hành", "Bộ trưởng Bộ A đã phê duyệt"), folded first words
_ISSUING = frozenset("ky ban phe quyet".split())
# kinds of administrative unit written in lower case before their names ("tỉnh Bình An")
_UNIT_KINDS = frozenset("tinh huyen quan xa phuong thanh thi nuoc".split())


# "ai (đã) ký ban hành ...": who did the act, its first two words (or one, before the question's end)
_ASKS_WHO_DID = re.compile(r"^ (?:ai|nguoi nao) (?:(?:da|se|vua|la nguoi) )*(?P<verb>\w+(?: \w+)?) ")
# adverbs between a subject and its verb ("vừa", "đã", "mới"; "chính thức" as two words, above)
_BEFORE_ACT = frozenset("vua da moi cung se".split())


def _organiser(q: Question, text: str) -> str | None:
    """The body a sentence says organised, hosted or funded something ("Diễn đàn ... (do Quỹ môi trường
    X tổ chức)"), when the question asks who did that: a body is an answer to it, as a person is."""
    if not _ASKS_ORGANISER.search(q.words):
        return None
    m = _ORGANISED_BY.search(text)
    return m.group("body") if m and fold(m.group("body")) not in fold(q.text) else None


_ASKS_ORGANISER = re.compile(
    r" (?:ai|who) (?:(?:da|se|la|nguoi|dung ra|did|will|has|had|was|is) )*"
    r"(?:to chuc|dang cai|tai tro|organi[sz]e[sd]?|host(?:s|ed)?|sponsor(?:s|ed)?|fund(?:s|ed)?) "
    r"|\bdo ai (?:to chuc|dang cai|tai tro)\b"
)
_ORGANISED_BY = re.compile(
    r"\bdo\s+(?P<body>[A-ZĐ][\wÀ-ỹ]*(?:\s+[\wÀ-ỹ&-]+){0,11}?)\s+(?:phối hợp\s+|đứng ra\s+|cùng\s+)?"
    r"(?:tổ chức|đăng cai|tài trợ)\b"
)


# "do <office> dẫn đầu / chủ trì / làm trưởng đoàn": who leads, named by the office alone
_AGENT = re.compile(
    r"(?<!tự )\bdo\s+(?P<office>[A-ZĐ][\wÀ-ỹ]*(?:\s+[\wÀ-ỹ]+){1,5}?)\s+"
    r"(?:dẫn đầu|chủ trì|làm trưởng đoàn|đứng đầu|ký|phụ trách)\b"
)


def _qualified_people(q: Question, text: str, wanted: list[str]) -> list[tuple[int, str]]:
    """The people of ``text`` written next to an office the question asks about together with a body or
    place it names ("ông A – Tổng Giám đốc Tập đoàn VNPT" for "the VNPT general director", "Bí thư Tỉnh
    ủy X B" for "X's Party Secretary"): the office and the name within a few words of the person. (Not a
    person the question names: "Ai được Thủ tướng A bổ nhiệm làm Chủ tịch ..." is not the chairman named
    beside A in another story.)"""
    # (unless the office asked is of that person: "Trợ lý Thủ tướng A")
    persons = {fold(n) for n in person_names(q.text)}
    about = [n for n in required_names(q) if n not in q.places] or required_names(q)
    about = [
        n
        for n in about
        if n not in persons
        or any(re.search(rf" {re.escape(t)} (?:\w+ ){{0,3}}{re.escape(n)} ", q.words) for t in wanted)
    ]
    if not wanted or not about:
        return []
    folded = fold(text)
    people = sorted(_people(text, q.words, q.text))
    bounds = [0] + [at + len(name) for at, name in people]  # the end of the person before each one
    out = []
    for k, (at, name) in enumerate(people):
        after = people[k + 1][0] if k + 1 < len(people) else len(text)
        # the words between this person and the previous one, or the next one (at most 50 characters)
        for lo, hi in ((max(bounds[k], at - 50), at), (at + len(name), min(after, at + len(name) + 50))):
            window = " " + " ".join(_WORD.findall(folded[lo:hi])) + " "
            if any(f" {t} " in window for t in wanted) and any(_holds(window, n) for n in about):
                out.append((at, name))
                break
    return out


def _body_named(text: str, name: str) -> bool:
    """``text`` writes the (folded) ``name`` opening with a body's word, as written with its marks ("Nhà
    Trắng", "Bộ Ngoại giao", "Tập đoàn A"; not "Tập Cận Bình", a person)."""
    tokens = _WORD.findall(text)
    size = len(name.split())
    for i in range(len(tokens) - size + 1):
        if " ".join(fold(t) for t in tokens[i : i + size]) == name:
            head = " ".join(same_tones(t.lower()) for t in tokens[i : i + 2])
            # (typed without marks, by the words folded: "nha trang")
            heads = _BODY_FIRST_MARKED if has_diacritics(text) else _BODY_FIRST_FOLDED
            return any(head == b or head.startswith(f"{b} ") for b in heads)
    return False


# the first words of a body's name, with their marks ("nhà" of "Nhà Trắng", "tập đoàn"; not "tập")
_BODY_FIRST_MARKED = frozenset(
    same_tones(w)
    for w in (
        "nhà",
        "bộ",
        "ủy ban",
        "uỷ ban",
        "sở",
        "công ty",
        "ngân hàng",
        "viện",
        "trường",
        "cục",
        "tổng cục",
        "đài",
        "liên",
        "hội",
        "đảng",
        "quốc hội",
        "văn phòng",
        "ban",
        "hãng",
        "tổ chức",
        "tập đoàn",
        "quỹ",
        "điện",
        "phủ",
        "cao ủy",
        "cao uỷ",
        "tòa",
        "toà",
        "hạ viện",
        "thượng viện",
        "lầu",
    )
)
_BODY_FIRST_FOLDED = frozenset(fold(b) for b in _BODY_FIRST_MARKED)
# who a question typed in lower case asks the replacement of: the words after "thay ông" up to the
# next part of the question, or its end (folded)
_REPLACED_TYPED = re.compile(
    r" (?:thay the|thay|ke nhiem)(?: cho)? (?:ong|ba) (\w+(?: \w+){1,3})"
    r"(?= (?:lam|giu|o|tai|sau|khi|vao|tren|trong|la) | $)"
)
# a sentence saying someone takes another's place or is put in a post, with its marks (not "cho thấy",
# "thay mặt", "thay đổi", "thay vào đó")
_TAKES_PLACE = re.compile(
    r"(?<!\w)(?:thay(?! (?:mặt|đổi|vì|vào đó)\b)|kế nhiệm|kế vị|tiếp quản|đảm (?:nhận|nhiệm)|vị trí của"
    r"|bổ nhiệm|được bầu|giữ chức|replac|succeed|took over|appoint|elect)",
    re.IGNORECASE,
)


def _replaced_names(q: Question) -> list[str]:
    """The names a question writes right after a word of replacing ("thay ông A", "who replaced A")."""
    return [n for n in required_names(q) if re.search(rf"{_REPLACING} {re.escape(n)} ", q.words)]


# the words of a question asking who replaced someone, before the name (folded)
_REPLACING = (
    r" (?:thay the cho|thay the|thay cho|thay|ke nhiem cua|ke nhiem|replaced?|replacing|took over from"
    r"|succeed(?:ed|s|ing)?)(?: ong| ba| dong chi| mr| ms)?"
)


def _office_of_other_body(q: Question, text: str, wanted: list[str]) -> bool:
    """The question asks for the holder of an office of a body it names right after the title ("người
    phát ngôn Nhà Trắng"; not a country's), and each time ``text`` writes that title, another body's name
    follows it, after "của" or not ("người phát ngôn của Cao uỷ Liên Hợp Quốc")."""
    countries = country_aliases()
    bodies = [
        (title.split(), n.split())
        for title in wanted
        for n in required_names(q)
        if (f" {title} {n} " in q.words or f" {title} cua {n} " in q.words)
        and n not in countries
        and _body_named(q.text, n)
    ]
    if not bodies:
        return False
    tokens = _WORD.findall(text)
    folded = [fold(t) for t in tokens]
    people = {fold(n.split()[0]) for n in [*person_names(text), *(n for n, _ in _titled(text))]}
    other = False
    for title, body in bodies:
        for i in range(len(folded) - len(title) + 1):
            if folded[i : i + len(title)] != title:
                continue
            j = i + len(title)
            of = j < len(folded) and folded[j] == "cua"
            j += of
            # (the office with no body after it, or its holder's name right after it: it may be the one
            # asked, "Người phát ngôn A cho biết")
            if j >= len(tokens) or folded[j] in people or not (of or tokens[j][:1].isupper()):
                return False
            if " ".join(body) in " ".join(folded[j : j + len(body) + 6]):
                return False
            other = True
    return other


def _office_phrases(q: Question, wanted: list[str], asked: bool | None = True) -> list[str]:
    """The offices of a Vietnamese question with the words it writes right after their titles (folded,
    up to three words, to a clause word: "tư lệnh hạm đội 7 của Mỹ" -> "tu lenh ham doi 7"): with
    ``asked``, those whose holder it asks for ("... là ai?", "Ai là ...?", "... tên là gì?", "Phó thủ
    tướng Campuchia nào"); with ``asked`` False, the others ("Tư lệnh hạm đội 9 đã tiếp ai?": the office
    received, someone else is asked); with None, all."""
    if q.language == "en":
        return _office_phrases_en(q, wanted) if asked is not False else []
    phrases = []
    # (each time the question writes the title: "Ngoại trưởng Pháp A đã gặp ngoại trưởng Đức nào")
    written = [
        (t, m) for t in wanted for m in re.finditer(rf"(?= {re.escape(t)} ((?:\w+ ){{1,3}}))", q.words)
    ]
    for title, m in written:
        # (a group of holders is no office: "Ai dẫn đầu đoàn thượng nghị sĩ Mỹ" asks for one of them)
        if not re.search(r" (?:doan|cac|nhung|nhom)$", q.words[: m.start()]):
            words = m.group(1).split()
            cut = next(
                (i for i, w in enumerate(words) if w in _CLAUSE_WORDS or w in _OFFICE_ENDS), len(words)
            )
            if cut:
                phrases.append(f"{title} {' '.join(words[:cut])}")
            elif words[:2] == ["nao", "cua"] and any(
                f" {title} nao cua {other} " in q.words for other in wanted if other != title
            ):  # "Cố vấn nào của Tổng thống Nga": that office (not "Đại sứ nào của Mỹ")
                phrases.append(title)
    if asked is None:
        return phrases
    holder = _ASKS_HOLDER.search(q.words) is not None
    one = not _asks_plural(q.words)
    return [
        p
        for p in phrases
        if (
            holder
            or re.search(rf" {re.escape(p)} (?:\w+ ){{0,2}}nao ", q.words) is not None
            # ("Ai làm trưởng đoàn ...", "ai thay mình giữ chức Bí thư ..."; not "những ai được bầu làm
            # phó bí thư", whose holders are listed, each)
            or (one and _asks_holder_of(q, p))
        )
        == asked
        # (not the office whose holder's adviser is asked: "Cố vấn nào của Tổng thống Nga")
        and (asked or not re.search(rf" nao cua {re.escape(p)} ", q.words))
    ]


def _office_phrases_en(q: Question, wanted: list[str]) -> list[str]:
    """``_office_phrases`` of an English question whose holder it asks ("Who is the Governor of Gunma
    province ...", "the name of the mayor of X"; not "Who did the Governor of X receive"): the title it
    writes with "of" and a place's name in capitals, as Vietnamese news writes it, the title, a kind of
    place and the name ("thong doc tinh gunma"; the title alone before the name may be another word
    folded, "thị trường X" for "thị trưởng X")."""
    phrases = []
    english = {fold(vi): names for vi, names in english_title_names().items()}
    for vi in wanted:
        for en in english.get(vi, ()):
            held = re.compile(
                rf"(?i:^(?:who (?:is|was|are|were)|what (?:is|was) the name of) (?:the )?(?:\w+ ){{0,2}}?"
                rf"{re.escape(en)} of (?:the )?)([{_CAPS}][\w-]*(?: [{_CAPS}][\w-]*){{0,3}})"
            )
            m = held.match(q.text.strip())
            if m is None:
                continue
            name = " ".join(_WORD.findall(fold(m.group(1))))
            name = re.sub(r"(?: (?:province|prefecture|state|city|county|region))+$", "", name)
            if name in country_aliases():  # ("the President of France": a country's, asked as such)
                continue
            phrases += [f"{fold(vi)} {kind} {name}" for kind in ("tinh", "bang", "thanh pho", "tp")]
    return list(dict.fromkeys(phrases))


# the country whose news this is: Vietnamese news writes its own ministries without the country's name
# ("người phát ngôn Bộ Ngoại giao"), a foreign one with it ("Bộ Ngoại giao Trung Quốc")
_HOME_COUNTRY = frozenset({"viet nam"})


def _without_country(office: str) -> str:
    """A folded office phrase without the country that ends it after more than its title ("nguoi phat
    ngon bo ngoai giao viet nam" -> "nguoi phat ngon bo ngoai giao"; "ngoai truong my" stays: the title
    alone is anyone's)."""
    words = office.split()
    countries = country_aliases()
    for n in (3, 2, 1):
        # (of a ministry's office only, the country right after the ministry's name: "bo ngoai giao my",
        # not "dai su my tai viet nam")
        if len(words) > n + 2 and " ".join(words[-n:]) in countries and "bo" in words[:-n]:
            return " ".join(words[:-n])
    return office


def _office_countries(offices: list[str]) -> frozenset[str]:
    """The countries that end the office phrases, after their titles ("ngoai truong my": Mỹ's names)."""
    countries = country_aliases()
    found: set[str] = set()
    for office in offices:
        words = office.split()
        # (a country that ends the phrase: "ngoai truong my"; not the "Y" of "bo truong y te")
        name = next((" ".join(words[-n:]) for n in (3, 2, 1) if " ".join(words[-n:]) in countries), None)
        if name is not None and len(name.split()) < len(words):
            found |= countries[name]
            continue
        # (or right after the title that opens it, the phrase running on into the question's verb:
        # "nguoi phat ngon bo ngoai giao my tuyen bo")
        title = max((t for t in _folded_title_set() if office.startswith(f"{t} ")), key=len, default=None)
        if title is not None:
            after = words[len(title.split()) :]
            name = next((" ".join(after[:n]) for n in (3, 2, 1) if " ".join(after[:n]) in countries), None)
            # (not the first word of an office's field or of a place: "bo truong y te" is no minister of
            # Ý, "bo truong lao dong" none of Lào, nor is a province whose name opens with a country's)
            if name is None:
                continue
            pair = " ".join(after[:2])
            field = " " not in name and any(f == pair or f.startswith(f"{pair} ") for f in title_fields())
            # (a country that is a place too is still one: "singapore")
            if not field and place_prefix(after[:2]) <= len(name.split()):
                found |= countries[name]
    return frozenset(found)


def _of_other_countries(text: str, wanted: list[str], countries: frozenset[str]) -> bool:
    """``text`` names holders of the office asked, each of them of another country than ``countries``."""
    sides = []
    for name, country in _titled(text):  # (the people written with that title right before the name)
        at = text.find(name)
        if at >= 0 and any(
            # (the title and the country right before the name, in its clause: "người phát ngôn Bộ Ngoại giao
            # Trung Quốc A"; not "A, người phát ngôn Bộ Ngoại giao, cho biết Thủ tướng Nhật Bản B")
            re.search(rf"\b{re.escape(t)}\b", fold(re.split(r"[,;.]", text[max(0, at - 60) : at])[-1]))
            for t in wanted
        ):
            sides.append(country)
    if sides:  # (a holder's counterpart holds the same office: "Ngoại trưởng Nga A và người đồng cấp Mỹ
        # B", "người đồng cấp Mỹ, B")
        aliases = country_aliases()
        for name in person_names(text):
            led = _LED_BY.search(" ".join(_WORD.findall(fold(text[: text.find(name)]))) + " ")
            if led and led.group(1).strip() in aliases:
                sides.append(aliases[led.group(1).strip()])
    return bool(sides) and all(country and not country & countries for country in sides)


def _nearest_to_office(q: Question, text: str, offices: list[str]) -> str | None:
    """The person of ``text`` named nearest to one of ``offices`` (folded office phrases), within 50
    characters of it."""
    folded = fold(text)
    spans = [m.span() for o in offices for m in re.finditer(rf"\b{re.escape(o)}\b", folded)]
    if not spans:  # (the office of a ministry of the news's own country, which it leaves out, "người phát
        # ngôn Bộ Ngoại giao" for "... Bộ Ngoại giao Việt Nam nào"; not "Bộ Ngoại giao nước này", "Bộ Ngoại
        # giao của B")
        for office in offices:
            bare = _without_country(office)
            if bare == office or country_aliases().get(office[len(bare) :].strip()) != _HOME_COUNTRY:
                continue
            spans += [
                m.span()
                for m in re.finditer(rf"\b{re.escape(bare)}\b", folded)
                if not re.match(r"\s+(?:cua|nuoc)\b", folded[m.end() :])
                and not _country_opening(re.findall(r"\w+", folded[m.end() : m.end() + 40])[:3])
            ]
    best: tuple[int, str] | None = None
    for at, name in _people(text, q.words, q.text):
        for start, end in spans:
            # the office right after the name and a comma, a dash or a bracket ("Philip Sawyer, Tư lệnh ...",
            # "ông A (Trưởng công an xã B)"), or before it in the same clause and outside brackets ("Phó
            # Trưởng Ban Đối ngoại Trần Văn An"; not "ông A (Trưởng công an xã B) ... nhưng ông C")
            between = text[at + len(name) : start] if start >= at else text[end:at]
            fits = re.fullmatch(r"\s*[,–(-]\s*", between) if start >= at else not re.search(r"[;.)]", between)
            if fits and len(between) <= 50 and (best is None or len(between) < best[0]):
                best = (len(between), name)
    return best[1] if best else None


_ASKS_HOLDER = re.compile(r" la (?:ai|ong nao|ba nao|vi nao|nguoi nao)(?: |$)|^ ai la | ten (?:la )?gi $")
# the verbs by which a question asks who holds the office after them ("Ai làm trưởng đoàn", "ai giữ chức
# Bộ trưởng", "ai được bổ nhiệm làm Giám đốc")
_HOLDS = (
    r"(?:(?:hien |dang |se |duoc |da )*(?:lam|giu chuc(?: vu)?|giu vi tri|giu cuong vi|dam nhiem|dam nhan"
    r"|(?:bo nhiem|bau|cu) (?:lam|giu chuc))(?: chuc)?)"
)


def _asks_holder_of(q: Question, office: str) -> bool:
    """The question asks who holds ``office`` (a folded phrase) by a verb of holding after "ai", with at
    most three words between and no one among them ("Ai làm trưởng đoàn", "ai thay mình giữ chức"; not
    "Ai cử ông A làm trưởng đoàn", which asks who sent A)."""
    m = re.search(rf" ai (?P<gap>(?:\w+ ){{0,3}}?){_HOLDS} {re.escape(office)} ", q.words)
    if m is None:
        return False
    gap = f" {m['gap']}"
    return not re.search(r" (?:ong|ba|anh|chi|co|em|chau|nguoi) ", gap) and not any(
        f" {n} " in gap for n in required_names(q)
    )


_OFFICE_ENDS = frozenset("cua nao nguoi ai hien dang cung phat noi gap tiep du".split())


def _represented(q: Question) -> list[str]:
    """The bodies (folded names the question requires, not countries) a who-question asks a
    representative of: "đại diện (cho) Tập đoàn Novaland", "thay mặt X", "on behalf of X"."""
    m = _REPRESENTS.search(q.words)
    if not m:
        return []
    span = f" {m.group('body')} "
    countries = country_aliases()
    return [n for n in required_names(q) if f" {n} " in span and n not in countries and n not in q.places]


_REPRESENTS = re.compile(
    r" (?:dai dien|thay mat|on behalf of|representing|represented)(?: (?:cho|phia|the|of))* "
    r"(?P<body>\w+(?: \w+){0,5})"
)


def _says_represents(q: Question, text: str, bodies: list[str]) -> bool:
    """``text`` says that the person named last before its "đại diện" represents one of ``bodies`` (within
    eight words after it: "chính quyền mới của Tổng thống B"), the name right before it or set off by one
    clause between commas ("Ngoại trưởng A, người mới nhậm chức, đại diện cho ..."); not someone the
    sentence says met the representative ("A đã gặp một quan chức, người đại diện cho ..."), nor "A, không
    ai đại diện" (a comma must close what is set off)."""
    folded = " " + fold(text) + " "  # (folding keeps the text's length: ``folded[i + 1]`` is ``text[i]``'s)
    for m in _REPRESENTS.finditer(folded):
        window = " " + " ".join(_WORD.findall(folded[m.start("body") :])[:8]) + " "
        if not any(f" {b} " in window for b in bodies):
            continue
        before = text[: m.start()]
        people = _people(before, q.words, q.text)
        if not people:
            continue
        at, name = max(people)
        if re.fullmatch(r"\s*(?:,[^,;.]*,)?\s*", before[at + len(name) :]):
            return True
    return False


def _named_for(text: str, bodies: list[str]) -> bool:
    """``text`` names someone (``person_names``) right after "Đại diện" or "Thay mặt" and one of ``bodies``
    (folded): "Đại diện A, ông B ...", "Thay mặt A, bà B", "đại diện phía A là bà B" (not "Đại diện A Việt
    Nam cho biết")."""
    folded = fold(text)
    if len(folded) != len(text):
        return False
    people: list[str] | None = None  # (read only once a body is found after "Đại diện")
    for body in bodies:
        for m in re.finditer(
            rf"\b(?:dai dien|thay mat) (?:cho )?(?:phia |ben )?{re.escape(body)}\s*(?:,|-|–|la)?\s*"
            rf"(?:(?:ong|ba)\s+)?",
            folded,
        ):
            people = person_names(text) if people is None else people
            if any(text.startswith(name, m.end()) for name in people):
                return True
    return False


def _person_near(q: Question, text: str, bodies: list[str]) -> bool:
    """Someone who can answer is named within 60 characters of one of ``bodies`` in ``text``."""
    # (the office itself, not its deputy: "phó vụ trưởng Vụ A" is not near "vụ trưởng Vụ A"; "phó" as
    # written, "thành phố A" is a city; the marker keeps the folded text as long as the text)
    folded = fold(re.sub(r"(?i)(?<!\w)phó(?!\w)", "ph@", text))
    people = _people(text, q.words, q.text)
    for at, name in people:
        # (further after a name the offices set off by commas that follow it, to the next person: "Anh A,
        # trưởng ban B, phó chủ tịch thường trực Hội C cho biết"; not "Anh A, sinh viên, đã được ...")
        end = at + len(name) + 60
        run = at + len(name)
        while segment := re.match(r",\s*([^,;]+)", text[run:]):  # ("TP. A": a dot inside a sentence)
            if not _starts_with_title(segment.group(1).split()):
                break
            run += segment.end()
            end = max(end, run)
        end = min([end] + [other for other, _ in people if other > at])
        window = " " + " ".join(re.findall(r"[\w@]+", folded[max(0, at - 63) : end])) + " "
        for b in bodies:
            # (the deputy's office joined to its "phó", however the office is written: "Phó Chủ tịch Ủy
            # ban nhân dân tỉnh A" names no "chu tich ubnd tinh a")
            without = (
                window.replace("ph@", "pho") if b.startswith("pho ") else window.replace(" ph@ ", " ph@")
            )
            if any(_holds(without, form) for form in _office_forms(b)):
                return True
    return False


def _office_forms(office: str) -> list[str]:
    """The ways news writes a folded office phrase: as given, without the unit's kind repeated after a
    title formed from it ("pho vu truong vu cong chuc" as "pho vu truong cong chuc"), and a deputy's such
    title the other way round ("vu pho cong chuc")."""
    forms = [office]
    short = re.sub(r"\b(\w+) truong \1 ", r"\1 truong ", f"{office} ").strip()
    if short != office:
        forms.append(short)
        deputy = re.match(r"pho (\w+) truong (.+)", short)
        if deputy:
            forms.append(f"{deputy.group(1)} pho {deputy.group(2)}")
    return forms


def _people(clause: str, asked: str, written: str = "") -> list[tuple[int, str]]:
    """The people of ``clause`` that can answer a who-question whose folded words are ``asked`` (as
    ``written``, when given), with their positions: not one the question names (unless it asks who that
    one is), not a witness (unless it asks who witnessed)."""
    persons = person_names(clause)
    titled = _titled(clause)
    found = list(dict.fromkeys(persons + [name for name, _ in titled]))
    # (one person once: not "Văn An" beside "Nguyễn Văn An")
    everyone = [(clause.find(n), n) for n in found if not any(n != m and n in m for m in found)]
    side = _asked_side(asked, written)
    if side:  # "Ai thay mặt chính phủ X ký ...": not someone of another country, as the title gives
        # it ("Bộ trưởng Nội vụ Mỹ A") or the side the clause names before ("Trưởng đoàn phía Y là A")
        of = {name: country for name, country in titled if country}
        for at, n in everyone:  # ("lãnh đạo Triều Tiên Kim Jong-un": of the country before the name)
            led = _LED_BY.search(fold(clause[:at]))
            if n not in of and led and led.group(1).strip() in country_aliases():
                of[n] = country_aliases()[led.group(1).strip()]
        named_side = _asked_side(" " + " ".join(_WORD.findall(fold(clause))) + " ", clause)
        everyone = [(at, n) for at, n in everyone if (of.get(n) or named_side or side) & side]
        if side <= _HOME:  # (Vietnam's side: no one whose name cannot be Vietnamese, "Malmstrom")
            everyone = [
                (at, n) for at, n in everyone if n in of or not any(map(looks_foreign, fold(n).split()))
            ]
        elif not side & (_HOME | sino_vietnamese_countries()):  # (a foreign side whose names are not
            # written in Vietnamese syllables: not "Đại sứ Nguyễn Quốc Cường" among those Japan sent,
            # unless a title gives him that country)
            everyone = [(at, n) for at, n in everyone if n in of or not PERSON_NAME.fullmatch(n)]
    # (a foreign name the question gives by its last word too: "Trump" names "Donald Trump", unless
    # another person of the clause bears it: "Ivanka Trump", or another name opens with it, "vua Salman Bin
    # A" beside "Mohammed Bin Salman")
    last = [_WORD.findall(fold(n))[-1:] for _, n in everyone]
    first = [_WORD.findall(fold(n))[:1] for _, n in everyone]
    named = [
        (at, n)
        for at, n in everyone
        if _names_person(asked, n, last.count(_WORD.findall(fold(n))[-1:]) + _opens_other_name(clause, n))
        or _names_korean(written, n, first.count(_WORD.findall(fold(n))[:1]))
    ]
    # asked who A is: A, when A is a person's name the sentence gives (not an office like "Châu ủy X")
    own = [(at, n) for at, n in named if n in persons and _asks_identity(asked, n, written)]
    if own:
        return own
    people = [p for p in everyone if p not in named]
    if not _WITNESS.search(asked):
        spans = _witness_spans(fold(clause))
        people = [(at, n) for at, n in people if not any(a <= at < b for a, b in spans)]
    return people


# the country of the articles' language, whose people bear Vietnamese names
_HOME = frozenset({"viet nam"})


def _opens_other_name(clause: str, name: str) -> bool:
    """The last word of ``name`` opens another name in ``clause``, outside ``name`` itself: "Omar bin
    Khalid" beside "Said bin Omar" (a word alone, "ông Omar", is the same person; nor a building, "Omar
    Tower")."""
    words = name.split()
    if not words:
        return False
    held = [(m.start(), m.end()) for m in re.finditer(re.escape(name), clause)]
    return any(
        not any(a <= m.start() < b for a, b in held)
        # (a particle after it, or two more capitalised words: not "Omar Tower", a building)
        for m in re.finditer(
            rf"(?<!\w){re.escape(words[-1])}(?:{_PARTICLE}|(?:\s+[{_CAPS}][\w'’-]*){{2}})", clause
        )
    )


def _names_person(asked: str, name: str, bearers: int = 1) -> bool:
    """The question (its folded words ``asked``) names this person: all of the name, or the last word
    of a foreign one ("Trump"; a Vietnamese name's last word is a given name, often another word) that
    no other person at hand bears (``bearers``: how many do; "Donald Trump" and "Ivanka Trump")."""
    words = _WORD.findall(fold(name))
    if " " + " ".join(words) + " " in asked:
        return True
    return bearers == 1 and len(words) > 1 and looks_foreign(words[-1]) and f" {words[-1]} " in asked


def _names_korean(written: str, name: str, bearers: int = 1) -> bool:
    """The question (as ``written``) names this Korean person by the family name alone that opens the
    name, no capitalised word right before or after it ("the Ostrov - Kim meeting", "Ostrov-Kim" name "Kim
    Ho-jun"; "Kim Min Seo" does not, nor "Tân An", a place whose last word is a family name) and, in a
    Vietnamese question, beside a dash or ending a phrase ("Kim ngạch" is none), a name no other person
    at hand bears (``bearers``)."""
    raw = name.split()
    words = _WORD.findall(fold(name))
    if bearers != 1 or len(raw) < 2 or len(words) < 2 or raw[0] not in korean_surnames():
        return False
    if not any(map(looks_foreign, words[1:])):
        return False
    for m in re.finditer(rf"(?<!\w){re.escape(raw[0])}(?![\w-])(?!\s+[{_CAPS}])", written):
        if re.search(rf"[{_CAPS}][\w'’]*\s+$", written[: m.start()]):
            continue
        # (in a Vietnamese question, joined by a dash to another name or ending a phrase: "Trump - Kim",
        # "gặp Kim?"; not "Kim ngạch", "miền Nam")
        dashed = re.search(r"[-–]\s*$", written[: m.start()]) or re.match(r"\s*[-–]", written[m.end() :])
        if has_diacritics(written) and not dashed and not re.match(r"\s*(?:[?.,;:!]|$)", written[m.end() :]):
            continue
        return True
    return False


# the head of a province's departments (folded: "Sở"), which no country's name ends (not "Phòng", of "Phòng
# Thương mại Mỹ", a chamber of commerce)
_PROVINCIAL_BODIES = frozenset({"so"})


@lru_cache(maxsize=256)
def _segmented_words(written: str) -> tuple[str, ...]:
    """``written``'s words as the segmenter joins them, each word's syllables folded and joined by spaces."""
    return tuple(" ".join(fold(w) for w in re.findall(r"\w+", t.replace("_", " "))) for t in segment(written))


def _joined_before(written: str, k: int) -> bool:
    """The ``k``-th word of ``written`` (a question with its marks) is the last syllable of a word of two
    or more syllables that the segmenter joins ("giáo dục", "đạo đức"); false for a question without marks,
    which the segmenter does not join."""
    tokens = re.findall(r"\w+", written)
    if not written or written == fold(written) or k >= len(tokens):
        return False
    syllables = [fold(t) for t in tokens]
    at = 0
    for word in _segmented_words(written):
        size = len(word.split())
        if at <= k < at + size:
            return k > at and word.split() == syllables[at : at + size]
        at += size
    return False


@lru_cache(maxsize=512)  # (asked for every clause of every candidate sentence: parse the question once)
def _asked_side(asked: str, written: str = "") -> frozenset[str]:
    """The country whose person a who-question asks for (folded Vietnamese names), from its folded
    words: "thay mặt (chính phủ) X", "đại diện (cho) (phía) X", "phía X", "on behalf of X", "X's"; with
    the question as ``written``, not a group whose member it names ("North Korean leader Kim Jong-il")."""
    countries = country_aliases()
    tokens = re.findall(r"\w+", written)
    # (a country as the question writes it, in capitals when it writes any past its first word: "Sở Giáo dục"
    # names no "Đức")
    cased = len(tokens) == len(asked.split()) and any(t[:1].isupper() for t in tokens[1:])

    def country(at: int, n: int) -> str | None:
        name = " ".join(words[at : at + n])
        # (in a body's name, "Sở Giáo dục"; right after the connector any case will do, "thay mặt chính
        # phủ lào")
        if name not in countries or (at and cased and not tokens[first + at][:1].isupper()):
            return None
        # (nor, in a body's name, a country in lower case that is the last syllable of a word of two, as the
        # segmenter reads the words written with their marks: "sở giáo dục" typed in lower case names no
        # "Đức"; nor one ending the name of a province's department, "so giao duc" typed without marks)
        lower = first + at < len(tokens) and tokens[first + at][:1].islower()
        if at and (words[0] in _PROVINCIAL_BODIES or (lower and _joined_before(written, first + at))):
            return None
        return name

    for m in _SIDE_ASKED.finditer(asked):
        words, found = m.group("side").split(), []
        first = len(asked[: m.start("side")].split())
        while words:  # countries right after the connector, joined by "và"/"and" ("thay mặt A và B")
            name = next((c for n in (3, 2, 1) if (c := country(0, n))), None)
            if name is None:
                break
            found.append(countries[name])
            words = words[len(name.split()) :]
            first += len(name.split())
            if words[:1] not in (["va"], ["and"]):
                break
            words = words[1:]
            first += 1
        if found:
            return frozenset().union(*found)
        # a body of one country after the connector ("phía Đoàn Thanh niên Nhân dân cách mạng Lào",
        # "đại diện Bộ Quốc phòng Nam Phi"): the country its name ends with, right before the clause
        # goes on (not "phía bắc giáp X", "Bộ Y tế", "Đại học Y Hà Nội", "quỹ 5 triệu USD")
        words = m.group("side").split()
        first = len(asked[: m.start("side")].split())
        if words[0] in _DIRECTIONS:
            continue
        for at in range(1, len(words)):
            if words[at] in _CLAUSE_WORDS or words[at].isdigit():  # (the body's name ends)
                break
            name = next(
                (
                    c
                    for n in (3, 2, 1)
                    if at + n <= len(words)
                    and (c := country(at, n))
                    and (at + n == len(words) or words[at + n] in _CLAUSE_WORDS)
                ),
                None,
            )
            if name is not None:
                return countries[name]
    # "the Vietnamese working group", "the Chinese delegation"; "vietnam's" -> "vietnam s": the country
    # the words before end with
    for m in (*_SIDE_GROUP.finditer(asked), *re.finditer(r" ((?:\w+ ){0,2}?\w+) s ", asked)):
        # (a person's name right after the group, two words in capitals that are no place nor country:
        # its member, named; the one asked is of any side. Not "Chinese official Tuesday", "envoy Beijing")
        k = len(asked[: m.end()].split())
        name = " ".join(tokens[k : k + 2])
        if (
            m.re is _SIDE_GROUP
            and len(tokens) == len(asked.split()) > k + 1
            and all(t[:1].isupper() for t in tokens[k : k + 2])
            and not starts_with_place(name)
            and not any(fold(t) in countries for t in tokens[k : k + 2])
        ):
            continue
        words = m.group(1).split()
        for n in range(len(words)):
            if " ".join(words[n:]) in countries:
                return countries[" ".join(words[n:])]
    return frozenset()


def _all_of_other_sides(q: Question, text: str, side: frozenset[str]) -> bool:
    """Every person ``text`` names with a title, but those the question names itself, has another
    country than ``side`` in it, and the text names no one without a title ("ông A")."""
    every = _titled(text)
    titled = [(name, country) for name, country in every if fold(name) not in q.names]
    untitled = [n for n in person_names(text) if all(n != name for name, _ in every)]
    return bool(titled) and not untitled and all(country and not country & side for _, country in titled)


_SIDE_ASKED = re.compile(
    # ("quan chức nào của Bộ Ngoại giao A": an official of A)
    r" (?:(?:quan chuc|lanh dao|can bo|nguoi|vi) nao (?:cua|thuoc)"
    r"|thay mat|dai dien|phia|phai doan|on behalf of|representing|represented|represent)"
    r"(?: (?:cho|chinh phu|nuoc|phia|the|government|of))* (?P<side>\w+(?: \w+){0,8})"
)
_DIRECTIONS = frozenset("bac nam dong tay north south east west".split())
_SIDE_GROUP = re.compile(
    r" ((?:\w+ )?\w+) (?:working group|delegation|side|team|negotiators|officials?|leaders?|representatives?"
    r"|envoys?) "
)
# words that end a body's name in a folded question (a verb, a preposition, a conjunction)
_CLAUSE_WORDS = frozenset(
    "trong voi tai ky de den toi khi va da se la o cho gui in at with and to for signed".split()
)


def _witness_spans(folded: str) -> list[tuple[int, int]]:
    """Where a (folded) clause names witnesses: after "(dưới|trước) sự chứng kiến của" up to the next
    comma, or before "chứng kiến" back to the previous comma ("Thủ tướng A chứng kiến lễ ký giữa ...")."""
    spans = [m.span() for m in _WITNESS_SPAN.finditer(folded)]
    for m in re.finditer(r"\bchung kien\b", folded):
        if not folded[: m.start()].endswith("su "):
            spans.append((max(folded.rfind(c, 0, m.start()) for c in ",;.") + 1, m.start()))
    return spans


# "dưới sự chứng kiến của A và B, ...": the people named up to the next comma only witnessed
_WITNESS = re.compile(r" (?:chung kien|witness\w*) ")
_WITNESS_SPAN = re.compile(r"\bsu chung kien\b[^,;.]*")
_JOINED = re.compile(r", | and | và ")  # the people a who-answer joins
_PLURAL_WHO = re.compile(
    r" (?:nhung ai|nhung nguoi nao|cac ai|ai va ai|hai nguoi nao|who were|who are|which people|which two) "
    # ("những lãnh đạo nào", "các quan chức nào", "which leaders": people of a plural noun; a longer office,
    # "những Thứ trưởng Ngoại giao nào", ``_asks_plural``)
    r"| (?:nhung|cac) (?:nha )?(?:\w+ ){1,2}nao "
    # ("trưởng đoàn của A và B là ai": one of each side)
    r"| cua (?:\w+ ){1,3}va (?:\w+ ){1,3}la ai "
    r"| which (?:\w+ )?(?:leaders|officials|ministers|representatives|delegates|executives|diplomats"
    r"|lawmakers|presidents|members|heads) "
)


# "những/các" and three to six words before "nào": people when they are an office or a kind of person
_SEVERAL_OF = re.compile(r" (?:nhung|cac) ((?:\w+ ){3,6})nao ")
# what may follow an office in the words asked: its body or its country ("Bộ Ngoại giao", "Chính phủ")
_OFFICE_OF = re.compile(r"(?:bo|chinh phu|uy ban|quoc hoi|so|tinh|thanh pho) ")


def _asks_plural(asked: str) -> bool:
    """A who-question (its folded words) asks for several people: ``_PLURAL_WHO``, or "những"/"các" and
    three to six words before "nào" that are an office of ``rag/data/titles.tsv`` or a kind of person, whole
    or followed by its body or its country ("những Thứ trưởng Ngoại giao nào", "những Thứ trưởng Bộ Ngoại giao
    nào"; not "các văn kiện hợp tác nào", "các đại sứ quán nào")."""
    if _PLURAL_WHO.search(asked):
        return True
    m = _SEVERAL_OF.search(asked)
    if m is None:
        return False
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        kind, rest = " ".join(words[:n]), " ".join(words[n:])
        if (kind in _folded_title_set() or kind in _folded_person_nouns()) and (
            not rest or _OFFICE_OF.match(rest + " ") is not None or rest in country_aliases()
        ):
            return True
    return False


def _asks_identity(asked: str, name: str, written: str = "") -> bool:
    """The question (its folded words; as ``written``, when given) asks who ``name`` is: "A là ai?", "A
    giữ chức vụ gì?", "Who is A?", "What is the position of A?" ("Who was the minister that A welcomed?"
    asks for someone else)."""
    n = " ".join(_WORD.findall(fold(name)))
    # (A opens the question, after at most a title: "Thứ trưởng Bộ Ngoại giao A là ai?"; not the end of a
    # clause about someone else: "Bộ trưởng nước B ... hội đàm với Đại tướng A là ai?"; a clause set off
    # by commas may describe A: "Ông A, người đã gặp B, đang giữ chức vụ gì?")
    identity = r"(?:la ai|la nguoi nao|giu chuc vu gi|chuc vu gi|chuc danh gi|chuc vu nao|giu chuc gi) "
    commas = _comma_words(written) if written else ""
    return bool(
        re.search(rf"^ (?:\w+ ){{0,6}}?{n} (?:\w+ ){{0,2}}?{identity}", asked)
        # (an office asked of A a few words on, no one else named between nor a clause: "Ông A ở huyện B
        # trước đây giữ chức vụ gì"; not "Ông A đã bổ nhiệm bà B giữ chức vụ gì", "A được ai tiếp, người đó
        # giữ chức vụ gì")
        or re.search(
            rf"^ (?:\w+ ){{0,6}}?{n} (?:(?!(?:ai|who|ong|ba|ngai|nguoi|vi|bo|de|cu|ke)\b)\w+ ){{0,8}}?"
            r"(?:giu|dam nhan|dam nhiem) (?:chuc vu|chuc danh|chuc) (?:gi|nao) ",
            commas or asked,
        )
        or re.search(rf"^ (?:\w+ ){{0,6}}?{n} , [^,]+ , (?:\w+ ){{0,2}}?{identity}", commas)
        # (not an office A's name qualifies: "Who is the A national security adviser ...", "who is the A
        # envoy" ask for A's adviser, A's envoy)
        or (
            (m := re.search(rf" who (?:is|was) (?:\w+ ){{0,3}}?{n} (\w*)", asked)) is not None
            and m.group(1) not in _office_words_en()
        )
        or re.search(rf" (?:position|title|role|job) (?:of|does|did|is|was) (?:\w+ ){{0,3}}?{n} ", asked)
    )


@lru_cache(maxsize=64)
def _comma_words(text: str) -> str:
    """The folded words of ``text`` with its commas kept as words (" ong a , nguoi da gap b , ... ")."""
    return " " + " ".join(re.findall(r"\w+|,", fold(text))) + " "


@lru_cache(maxsize=1)
def _office_words_en() -> frozenset[str]:
    """The lower-case words of the English office titles (``titles.tsv``: "minister", "adviser",
    "secretary", ...) and a few nouns of office beside them, not their function words."""
    words = {
        w for ens in english_title_names().values() for en in ens for w in re.findall(r"[a-z]+", en.lower())
    }
    words |= {"adviser", "advisor", "aide", "envoy", "official", "spokesman", "spokeswoman", "counterpart"}
    return frozenset(words - EN_WORDS - {"of", "the", "for", "and"})


def _titled_names(text: str) -> list[str]:
    """Names that office titles introduce (``_titled``)."""
    return [name for name, _country in _titled(text)]


_RESIDENCE = re.compile(r"(?<!\w)(?:[Dd]inh|Phủ|(?<![Cc]hính\s)phủ)\s+$")


def _titled(text: str) -> list[tuple[str, frozenset[str]]]:
    """Names that office titles introduce, each with the country its title gives (folded Vietnamese
    names; empty when none): the first run of capitalised words (at most seven) within the 13 words
    after a title that is a name, without a leading country ("Tổng thống Nga Ivanov" -> Ivanov, of
    "nga"). Not a place ("Bí thư Tỉnh ủy Quảng Ninh"), not a body or an office ("Chủ tịch Uỷ ban Đối
    ngoại Hạ viện John Miller" -> John Miller): a one-word name must be one that cannot be a
    Vietnamese syllable ("Ivanov", "Dubois")."""
    countries = country_aliases()
    out = []
    for m in office_titles().finditer(text):
        if _MEETING_OF.search(text[max(0, m.start() - 16) : m.start()]) and not PERSON_NAME.match(
            m.group("after").lstrip()
        ):
            continue  # a meeting of such offices ("Hội nghị Bộ trưởng hợp tác Mekong - Nhật Bản")
        if _RESIDENCE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # the office's residence: "Dinh Tổng thống Solaris", "Phủ Chủ tịch" are buildings
        after = m.group("after")
        # (a body of the glossary first, in any case, is the office's: "phát ngôn viên Lầu Năm góc A" -> A)
        body = _glossary_body_end(after, len(after) - len(after.lstrip()))
        lone: frozenset[str] = frozenset()
        for run in _CAP_RUN.finditer(after, body or 0):
            words = _joined_name(run.group(0)).split()
            # (a body of the glossary written in capitals is the office's too: "người phát ngôn Lầu Năm Góc,"
            # names no one, "Người phát ngôn Lầu Năm Góc Jeff Davis" names Jeff Davis; a place is cut below)
            glossed = 0
            if not starts_with_place(run.group(0)):
                glossed = next((n for n in (4, 3, 2) if len(words) >= n and _glossary_body(words[:n])), 0)
            if glossed and len(words) - glossed < 2:
                continue
            words = words[glossed:]
            # (a country first is no body: "Trung Quốc Du Chính Thanh", though "Trung" opens "Trung tâm")
            of_country = any(len(words) > n and fold(" ".join(words[:n])) in countries for n in (3, 2, 1))
            # (the city of the office before its holder: "Thị trưởng London John Smith" -> John Smith; two
            # words or more after the place, one of them no Vietnamese syllable)
            cut = place_prefix(words) if not of_country else 0
            # (or a Vietnamese name: "Thị trưởng Hà Nội Nguyễn Văn A")
            rest = words[cut:]
            # (or three or four syllables of a Vietnamese name opening with a family name the list of
            # surnames marks ambiguous, as it opens places too: "tỉnh Cà Mau Thái Văn Khải"; no place in
            # them, "Tết Nguyên Đán", "Đường Hồ Chí Minh")
            ambiguous = bool(
                cut
                and len(rest) in (3, 4)
                and fold(rest[0]) in ambiguous_surnames()
                and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in rest)
                and not any(starts_with_place(" ".join(rest[k:])) for k in range(len(rest)))
            )
            placed = bool(
                cut
                and len(rest) >= 2
                and (
                    any(looks_foreign(fold(w)) for w in rest)
                    or PERSON_NAME.fullmatch(" ".join(rest))
                    or ambiguous
                )
                and not starts_with_place(" ".join(rest))
                # (not a company or a club named after its city: "London Stock Exchange", "Paris Saint
                # Germain")
                and not any(w.lower() in _english_words() or w.lower() in EN_WORDS for w in rest)
            )
            if placed:
                words = rest
            elif (
                words[0].isupper()
                or (fold(words[0]) in _BODY_WORDS and not of_country)
                or words[0] in _MARKED_BODY_WORDS
                or starts_with_place(run.group(0))
            ):
                continue
            if len(words) > 1 and fold(words[1]) == "uy":  # "Châu ủy", "Đảng ủy": a Party committee
                continue
            if words[-1].rstrip(".").lower() in _COMPANY_END:  # "Tổng giám đốc Bình An Corp": the company
                # (as written: "Trần Quang Cơ" is a name)
                continue
            if _ABBREVIATED.match(after, run.end()):  # "Tập đoàn Tài chính Sumitomo Mitsui (SMFG)": a body
                continue
            # countries listed ("các bộ trưởng Úc, Brunei Darussalam, Canada"); a place its kind introduces
            # ("Thống đốc bang Hạ Áo"), before the name when one follows ("bang California Jerry Brown")
            if _all_countries(fold(run.group(0))):
                if fold(run.group(0)) in countries:  # (the office's country alone: "Đặc phái viên Mỹ về ...")
                    lone = countries[fold(run.group(0))]
                continue
            # (a site its kind names: "Tổng thống A sẽ tới căn cứ B", "sân bay quốc tế C"; a name of two
            # words or more after the site's ending the run is the holder's, "Bí thư huyện đảo D Nguyễn
            # Văn E", "Chỉ huy trưởng căn cứ không quân D Pavel Ostrov")
            if not placed and _SITE_BEFORE.search(after[: run.start()]):
                named = next(
                    (
                        k
                        for k in range(1, len(words) - 1)
                        if PERSON_NAME.fullmatch(" ".join(words[k:]))
                        or all(looks_foreign(fold(w)) for w in words[k:])
                    ),
                    None,
                )
                if named is None:
                    continue
                words = words[named:]
            # (not a Vietnamese full name after the kind of the office's body: "Phó Chủ tịch UBND tỉnh
            # Hoàng Văn Khải" is Hoàng Văn Khải, no province "Hoàng")
            local = _LOCAL_UNIT_BEFORE.search(m.group(0) + after[: run.start()])
            if (
                not placed
                # (the title's own last words too: "Bí thư Tỉnh ủy A")
                and (local or _KIND_BEFORE.search(m.group(0) + after[: run.start()]))
                # (after "chuyên", a person's name is the school's namesake: "Trường THPT chuyên Lê Văn A")
                and (not PERSON_NAME.fullmatch(" ".join(words)) or (local and local["gifted"]))
            ):  # (its first word the place: a run that starts with a place of the gazetteer is skipped
                # above)
                if len(words) < 3:
                    continue
                # (the place's words, one or more, then the holder's name: "quận Hoàn Kiếm Nguyễn Văn
                # An" is Nguyễn Văn An; the longest tail that is a Vietnamese name, else the place's one word;
                # of a commune or a school, its name whole: "xã Phúc Khánh Thượng" names no holder)
                tail = next(
                    (k for k in range(1, len(words) - 1) if PERSON_NAME.fullmatch(" ".join(words[k:]))), None
                )
                if (tail is None or PERSON_NAME.fullmatch(" ".join(words))) and local:
                    continue  # (nor a school named after a person: "Trường THPT chuyên Lê Văn A")
                words = words[tail or 1 :]
            country: frozenset[str] = frozenset()
            # (a country after "tại" is where the office is, not whose: "Đại sứ Việt Nam tại Nhật Bản A";
            # after "về", what it deals with, the office's country written before it: "Đặc phái viên Mỹ về
            # Iran A")
            at_place = re.search(r"(tại|ở|về)\s+$", after[: run.start()])
            # (no country after "về" is no place either: "Cao ủy về Người tị nạn A" -> A)
            posted = at_place is not None and at_place.group(1) != "về"
            for n in (3, 2, 1) if not ambiguous else ():  # (such a name: "Thái" is no Thailand)
                if len(words) > n and fold(" ".join(words[:n])) in countries:
                    country = (
                        (lone if at_place.group(1) == "về" else frozenset())
                        if at_place is not None
                        else countries[fold(" ".join(words[:n]))]
                    )
                    words = words[n:]
                    break
            else:  # (no country after "tại": a place, "Tổng thống Israel tại Dinh Độc Lập"; but the city
                # and then the holder, "Đại sứ Mỹ tại Bắc Kinh John Smith")
                if posted and not placed and fold(" ".join(words)) not in countries:
                    break
            # (after the body's place, its abbreviation before its holder's Vietnamese name: "Chủ tịch câu
            # lạc bộ Đà Nẵng UNESCO Trần Văn An" -> Trần Văn An)
            if len(words) >= 3 and words[0].isupper() and PERSON_NAME.fullmatch(" ".join(words[1:])):
                words = words[1:]
            name = " ".join(words)
            if starts_with_place(name) or fold(name) in countries:
                continue
            # (no company's kind in capitals after a spaced dash: "Sài Gòn - TNHH Một" of "Tổng Công ty Sài
            # Gòn - TNHH Một thành viên"; "Kim Ho - in" is a name)
            dash = next(
                (
                    k
                    for k in range(len(words) - 1)
                    if words[k] == "-" and words[k + 1].isupper() and len(words[k + 1]) > 1
                ),
                None,
            )
            if dash is not None:  # (a person's name before it, if any: "Thongloun Sisoulith - TBT Lào"; not a
                # company's place, "Bình An - TNHH Một")
                words = words[:dash]
                name = " ".join(words)
                foreign = all(
                    looks_foreign(fold(w)) and w.lower() not in EN_WORDS and w.lower() not in _english_words()
                    for w in words
                )
                if len(words) < 2 or not (PERSON_NAME.fullmatch(name) or foreign):
                    continue
            if len(words) == 1 and not looks_foreign(fold(name)):
                continue
            # (another title after the country: "lãnh đạo Lào Phó Thủ tướng A" -> its holder, A)
            if country and _starts_with_title(after[after.find(name, run.start()) :].split()[:5]):
                continue
            out.append((name, country))
            break
        else:  # (the name set off by commas after the office and where it is: "Đại diện thương mại Nga
            # tại Việt Nam, Maxim Golikov, cho rằng")
            apposed = _APPOSED_AFTER.match(text, m.end("after"))
            # (not a list of countries after the office: "các bộ trưởng Úc, Brunei Darussalam, Canada")
            if apposed and re.search(r"\b(?:tại|ở)\s", m.group("after")):
                name = apposed.group(1)
                if not (
                    starts_with_place(name) or _all_countries(fold(name)) or _starts_with_title(name.split())
                ):
                    first = m.group("after").split()
                    country = next(
                        (countries[k] for n in (3, 2, 1) if (k := fold(" ".join(first[:n]))) in countries),
                        frozenset(),
                    )
                    out.append((name, country))
    return out


_APPOSED_AFTER = re.compile(r",\s+((?:[A-ZĐ][\w'’-]+\s+){1,3}[A-ZĐ][\w'’-]+)\s*,")


_LEADER_BEFORE = re.compile(r"(?:lãnh đạo|người đồng cấp)$")
# (the capitalised name of a meeting, "Hội nghị Bộ trưởng ...": not "tại hội nghị Bộ trưởng A nói")
_MEETING_OF = re.compile(r"(?<!\w)(?:Hội nghị|Cuộc họp|Phiên họp|Diễn đàn|Đối thoại)\s+$")
_LED_BY = re.compile(r"(?:lanh dao|nguoi dong cap) ((?:\w+ ){1,2})$")
_KIND_BEFORE = re.compile(
    r"(?<!\w)(?:bang|tỉnh|thành phố|vùng|khu vực|quận|huyện|châu|xứ|thị trấn|thị xã)\s+$"
    # (or the Party committee of such a unit, "Bí thư Huyện uỷ Hải Đông": the unit's name, no holder's)
    r"|(?<!\w)(?:[Tt]ỉnh|[Hh]uyện|[Tt]hành|[Qq]uận|[Tt]hị|[Đđ]ảng|[Xx]ã)\s+(?:uỷ|ủy)\s+$"
)
# ... of a commune, a ward or a school ("Hiệu trưởng Trường tiểu học Bình An", "Trường THPT A", a school's
# own "trường" after a head's title: "hiệu trưởng trường A"; not "Bộ trưởng Môi trường", "thị trường"):
# the unit's name, no holder's, unless a Vietnamese name follows it
_LOCAL_UNIT_BEFORE = re.compile(
    r"(?:(?<!\w)(?:xã|phường|Trường)|(?<=trưởng )trường"
    r"|(?<!\w)(?i:tiểu học|mầm non|trung học cơ sở|trung học phổ thông)|(?<!\w)(?:THCS|THPT))"
    r"(?P<gifted>\s+[Cc]huyên)?\s+$"  # ("Trường THPT chuyên A": a school for the gifted)
)
# a site's kind, with up to two lower-case words that qualify it ("căn cứ không quân", "sân bay quốc tế",
# "thủ đô"): the capitalised words after it are its name, no office holder's
_SITE_BEFORE = re.compile(
    r"(?<!\w)(?:căn cứ|sân bay|cảng|đảo|làng|thủ đô|khu nghỉ dưỡng)(?:\s+[a-zà-ỹđ]+){0,2}\s+$"
)


def _all_countries(folded: str) -> bool:
    """The (folded) words are countries only, one after another ("brunei darussalam canada")."""
    words = folded.split()
    if not words:
        return True
    return any(
        " ".join(words[:n]) in country_aliases() and _all_countries(" ".join(words[n:]))
        for n in range(min(3, len(words)), 0, -1)
    )


_ABBREVIATED = re.compile(r"\s*\([A-Z][A-Z&\-]+\)")


def _person_noun_at(text: str, at: int) -> bool:
    """``text`` has a kind of person of ``person-nouns.tsv`` at ``at``, in any case ("chuyên gia về ...")."""
    return _person_nouns_re().match(text, at) is not None


@lru_cache(maxsize=1)
def _person_nouns_re() -> re.Pattern[str]:
    nouns = sorted(person_nouns(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(n) for n in nouns)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _kind_then_name_re() -> re.Pattern[str]:
    """A kind of person (``person-nouns.tsv``; its first letter in either case, "Nhà phân tích" opening a
    sentence), then capitalised words: its name."""
    nouns = sorted((n.lower() for n in person_nouns()), key=len, reverse=True)
    kinds = "|".join(f"[{n[0].upper()}{n[0]}]{re.escape(n[1:])}" for n in nouns)
    return re.compile(
        rf"(?<!\w)(?:{kinds})\s+"
        rf"(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}|(?<=\w){_PARTICLE}{_CAP_WORD}){{1,3}})(?![\w'’-])"
    )


# words before a kind of person that make it many, of a body ("các nhà khoa học Viện A"), as written, and
# the articles that open a foreign body's name ("phóng viên Le Monde"), folded
_MANY_BEFORE = re.compile(r"(?<!\w)(?:các|những|nhiều|một số|giới|\d+)\s+$", re.IGNORECASE)
_FOREIGN_ARTICLES = frozenset("le la les el al the der die das de du von".split())


def _plain_foreign_name(name: str, found: dict[str, int]) -> bool:
    """``name`` (capitalised words) can be a foreign person's: one word of it no Vietnamese syllable, none
    in capitals or with other signs than a hyphen, none a place, a country or an English word, no body's
    first word ("Viện"), not a body of the glossary, and no part or whole of a name ``found`` already."""
    raw = name.split()
    words = [fold(w) for w in raw]
    countries = country_aliases()
    return (
        any(looks_foreign(w) for w in words)
        and words[0] not in _BODY_WORDS
        and not any(w.isupper() or not w.replace("-", "").isalpha() for w in raw)
        and not any(w in _english_words() or starts_with_place(w) or w in countries for w in words)
        and fold(name) not in _glossary_names()
        and not any(name in known or known in name for known in found)
    )


def _marked_vietnamese_name(name: str, found: dict[str, int]) -> bool:
    """``name`` (capitalised words after a kind of person) is a Vietnamese personal name whatever its
    family name, one ``surnames.tsv`` may not hold ("cô giáo Cái Thị Vui"): three or four words, the
    second the middle name "Thị" or "Văn" (not "Thị Xã", "Văn Hoá"), none a place, a body's first word or
    in capitals, and no part or whole of a name ``found`` already."""
    raw = name.split()
    words = [fold(w) for w in raw]
    return (
        len(raw) in (3, 4)
        and raw[1] in ("Thị", "Văn")
        # (not a place or a field: "Thị Xã", "Thị Trấn", "Văn Hoá", "Văn Học")
        and not re.search(r"\bthi (?:xa|tran)\b|\bvan (?:hoa|hoc|phong|mieu|nghe)\b", " ".join(words))
        and words[0] not in _BODY_WORDS
        and not any(w.isupper() or not w.isalpha() or starts_with_place(w) for w in raw)
        and not any(name in known or known in name for known in found)
    )


# a kind of body right before a name, as written ("nhà thầu GS ...", "Công ty GS ...")
_BODY_KIND_BEFORE = re.compile(
    r"(?<!\w)(?:công ty|tập đoàn|nhà thầu|liên danh|cửa hàng|hãng|doanh nghiệp|ngân hàng)\s+$", re.IGNORECASE
)
# a word before an office that makes it the object of a meeting, not the subject (folded, one word a list)
_MET_WITH = [["voi"], ["gap"], ["cua"], ["cung"], ["tiep"], ["va"]]
# "của ông A, B C" after an office: whose office, then its holder's name set off by a comma
_OFFICE_OF_SOMEONE = re.compile(
    rf"\s+của\s+(?:ông|bà)\s+{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}},\s+"
    rf"(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,3}})(?![\w'’-])"
)


_APPOSED_NAME = re.compile(
    rf"(?<![\w'’\-]){_CAP_WORD}(?:\s+{_CAP_WORD}|(?<=\w){_PARTICLE}{_CAP_WORD}){{1,3}}(?=, | - )"
)


def _korean_name(name: str) -> bool:
    """``name`` is written as a Korean personal name: a family name of ``korean_surnames()``, then a given
    name whose last syllable a spaced hyphen joins in lower case ("Kim Ho - jun", "Park Min - seo"); not a
    place, a country or a title ("Việt Nam - do", "Thủ tướng Bo - ra"), nor a film's or a plane's name
    ("Star Wars - the", "Air Force - one")."""
    words = name.replace(" - ", " ").split()
    return (
        len(words) in (2, 3)
        and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)? - [a-z]{1,4}", name) is not None
        and words[0] in korean_surnames()
        and not starts_with_place(name)
        and fold(name.split(" - ")[0]) not in country_aliases()
        and not _starts_with_title(name.split())
    )


_KOREAN_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+ [A-Z][a-z]+ - [a-z]{1,4}(?![\w'’-])")


def _holder_after(text: str, office: re.Match[str]) -> bool:
    """The office ``office`` matched in ``text`` has a holder of its own after it (``_titled``), not the
    body it is of ("phát ngôn viên của Solaris")."""
    span = text[office.start() : office.end() + len(office.group("after"))]
    # (nor anyone after "của" in it: "phát ngôn viên của hãng A", "của Tổng thống B" name whose office it is)
    return any(
        not re.search(r"\bcủa\b", span[: span.find(name)], re.IGNORECASE)
        for name, _ in _titled(span)
        if name in span
    )


_OFFICE_QUALIFIER = re.compile(r"(?:(?:một|nữ|nam|cựu|nguyên|tân|đương kim|quyền)\s+){1,2}(?=\w)")
# (a place's name before a comma: "Hôm qua ở Ostrovia City, nguyên Thủ tướng nói" names no one)
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:ở|tại)\s*$", re.IGNORECASE)
# (up to seven words, so that a body, a country and a name run together are one run, not cut in a name)
# (a middle initial, "John J. Sullivan", is a word of the run)
# (a middle initial of a foreign name, "John J. Sullivan": after it, a name of plain letters, not a
# sentence's next word, "Trần Văn B. Ông cho biết", "Lê Thị H. Theo ...")
_INITIAL = (
    r"(?<=\s[A-Z])\.\s+(?!(?:Theo|Trong|Sau|Khi|Hai|Ba|Anh|Chi|Cho|Con|Nhung|The|In|On|At|He|She)\b)"
    r"(?=[A-Z][a-z]+\b)"
)
_CAP_RUN = re.compile(
    rf"(?<![\w'’\-]){_CAP_WORD}(?:{_INITIAL}{_CAP_WORD}|\s+{_CAP_WORD}|(?<=\w){_PARTICLE}{_CAP_WORD}){{0,6}}"
    rf"(?![\w'’\-])"
)


def _joined_name(name: str) -> str:
    """``name`` up to a part joined by a spaced hyphen that is not more of the name: a Vietnamese word
    (marked: "John Smith - cựu Bộ trưởng", "- đồng Chủ tịch"), an office, a body or a place ("Nguyễn Văn
    A - Chủ tịch"); "Jean - Pierre Dubois", "Kim Ho - in" stay whole."""
    parts = name.split(" - ")
    kept = parts[:1]
    for part in parts[1:]:
        words = part.split()
        marked = fold(words[0]) != words[0].lower()
        if marked or _starts_with_title(words) or fold(words[0]) in _BODY_WORDS or starts_with_place(part):
            break
        kept.append(part)
    return " - ".join(kept)


def _cite(ev: Evidence, n: int) -> Citation:
    c = ev.hit.chunk
    return Citation(n, c.doc_id, c.chunk_id, c.title, c.published, ev.article.url, ev.text, ev.hit.score)


def _date_label(art: Article, language: str) -> str:
    if not art.published:
        return "không rõ ngày" if language != "en" else "undated"
    return format_en(art.published) if language == "en" else format_vi(art.published)


def _fits_part(ev: Evidence, qtype: str) -> bool:
    if qtype == "when":
        return bool(ev.dates)
    if qtype == "where":
        return next(_places_in(ev.text), None) is not None
    if qtype == "who":
        return bool(person_names(ev.text))
    return True


_PARENTHESIS = re.compile(r"\s*\(([^()]{2,60})\)")


def _located_name(name: str, text: str, end: int) -> bool:
    """``name``, ending at ``end``, is a place: at most two words followed by where it lies, a
    parenthesis of known places or countries separated by commas ("X (Ohio, Mỹ)"); a longer name is a
    person from there ("Nguyễn Thị Oanh (Bắc Giang, Việt Nam)")."""
    m = _PARENTHESIS.match(text, end) if len(name.split()) <= 2 else None
    if m is None:
        return False
    parts = [p.strip() for p in m.group(1).split(",")]
    return len(parts) >= 2 and all(starts_with_place(p) or fold(p) in country_aliases() for p in parts)


@lru_cache(maxsize=1)
def _glossary_names() -> frozenset[str]:
    """The (folded) capitalised Vietnamese equivalents of the glossary of two words or more: bodies and
    places ("Lầu Năm Góc", "Nhà Trắng"), whatever surname their first word may also be."""
    return frozenset(
        fold(v) for values in glossary().values() for v in values if v[:1].isupper() and " " in v.strip()
    )


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset[str]:
    """Every Vietnamese equivalent of the glossary, folded ("hoi dong nhan dan", "nha giao uu tu")."""
    return frozenset(fold(v) for values in glossary().values() for v in values)


def _glossary_body(words: list[str]) -> bool:
    """``words`` are the name of a body or place of the glossary, not a country's."""
    name = fold(" ".join(words))
    return name in _glossary_names() and name not in country_aliases()


def _glossary_body_end(text: str, start: int) -> int | None:
    """Where a body or place of the glossary of two to four words written from ``start`` ends, written
    with a word in lower case that the glossary capitalises ("Lầu Năm góc" for "Lầu Năm Góc": no run of
    capitals tells it); None when none is written so there."""
    words = list(re.finditer(r"[\w'’-]+", text[start : start + 60]))
    for n in (4, 3, 2):
        if (
            len(words) >= n
            and words[0].start() == 0
            and words[0].group(0)[:1].isupper()
            and any(w.group(0)[:1].islower() for w in words[1:n])
            and not any(
                text[start + words[k].end() : start + words[k + 1].start()].strip() for k in range(n - 1)
            )
            # (a country is whose the office is: "Trung quốc")
            and _glossary_body([w.group(0) for w in words[:n]])
        ):
            return start + words[n - 1].end()
    return None


def _office_or_honorific_before(text: str, start: int) -> bool:
    """An honorific ("ông", "bà", "ngài") or an office of ``rag/data/titles.tsv`` ends right before
    ``start`` in ``text`` ("Chủ tịch Tập Cận Bình")."""
    if _HONORIFIC_BEFORE.search(text[max(0, start - 8) : start]):
        return True
    # (a country may stand between: "Chủ tịch Trung Quốc Tập Cận Bình")
    words = list(re.finditer(r"[\w'’-]+", text[max(0, start - 30) : start]))
    country = next(
        (
            words[-n].start()
            for n in (3, 2, 1)
            if len(words) >= n and fold(" ".join(w.group(0) for w in words[-n:])) in country_aliases()
        ),
        None,
    )
    if country is not None:
        start = max(0, start - 30) + country
    titles_near = office_titles().finditer(text, max(0, start - 60), start + 1)
    return any(m.end() < start and text[m.end() : start].isspace() for m in titles_near)


def person_names(text: str) -> list[str]:
    """Personal names, in text order: a common surname followed by one to three capitalised syllables,
    not a place; and a name of any origin that an honorific introduces ("ông John Miller", "bà
    Ana María López", "Mr Peter Gray": two to four capitalised words, or one that cannot be
    a Vietnamese syllable); a foreign name with its office or kind of person after a comma, or its kind
    of person after a spaced dash ("Hong Min - nhà nghiên cứu", a Korean family name unmarked in a
    marked text counting as foreign); and the further forms below."""
    found: dict[str, int] = {}
    taken = 0  # (where a name read inside an earlier run ends: its tail is no other name)
    for m in PERSON_NAME.finditer(text):
        if m.start() < taken:
            continue
        if starts_with_place(m.group(0)):  # (a place whose first word is a surname, then a name: "Hà Nội
            # Nguyễn Văn A"; the match took the place's words)
            cut = place_prefix(m.group(0).split())
            after = re.match(rf"\s*(?:\S+\s+){{{cut}}}", text[m.start() :])
            following = PERSON_NAME.match(text, m.start() + after.end()) if after else None
            if following and not starts_with_place(following.group(0)):
                m = following
        opening = m.group(0).split()
        term = fold(" ".join(opening[:2])) in _glossary_words()
        if opening[0] in titled_surnames() and (term or not _office_or_honorific_before(text, m.start())):
            # ("Tập Sự Trần Văn Lộc" in a heading, "Chủ tịch Tập Đoàn A Trần Văn Lộc": the name that follows
            # the words, if any; "Chủ tịch Tập Cận Bình" is a name)
            starts = [w.start() for w in re.finditer(r"\S+", text[m.start() : m.end()])][2 if term else 1 :]
            retries = (PERSON_NAME.match(text, m.start() + k) for k in starts)
            retry = next((r for r in retries if r and r.group(0).split()[0] not in titled_surnames()), None)
            if retry is None:
                continue
            m = retry
            taken = m.end()
        before = text[max(0, m.start() - 12) : m.start()]
        name = m.group(0)
        # (the end of a country whose first word comes before: "Bồ Đào Nha António Costa" is no "Đào
        # Nha"; the name that follows it is the titles' reading, ``_titled``)
        last = re.findall(r"[\w'’-]+", before)[-1:]
        words = name.split()
        if last and any(fold(" ".join(last + words[:n])) in country_aliases() for n in (1, 2)):
            continue
        after_place = _PLACE_BEFORE.search(before) and not _PLACE_NAME_ENDING.search(before)
        if not (
            after_place
            or _NOT_A_NAME.match(name)
            or starts_with_place(name)
            or fold(name) in _glossary_names()  # ("Lầu Năm Góc": a body the glossary gives, no person)
            or _glossary_body_end(text, m.start()) is not None  # (written "Lầu Năm góc")
            or _located_name(name, text, m.end())
        ):
            found.setdefault(name, m.start())
    for m in _HONORIFIC_NAME.finditer(text):
        words = _joined_name(m.group("name")).split()
        name = " ".join(words)
        if re.match(r"P?GS", m.group(0)) and (
            len(words) < 2
            or all(fold(w) in _english_words() for w in words)
            or _BODY_KIND_BEFORE.search(text[: m.start()])
        ):
            continue  # ("GS Construction", "nhà thầu GS E&C": a company's name, not a professor's)
        # (a body's first word opens a person's name of three words, as Chinese names are written, none of
        # the others a body's and no two of them a phrase of the glossary: "ông Tập Cận Bình", not "ông
        # Tổng Liên đoàn", "bà Hội Đồng Nhân Dân", "ông Thanh Tra Chính Phủ")
        body = fold(words[0]) in _BODY_WORDS and not (
            len(words) == 3
            and not any(fold(w) in _BODY_WORDS for w in words[1:])
            and not any(fold(" ".join(words[i : i + 2])) in _glossary_words() for i in range(2))
        )
        if words[0].isupper() or body or _starts_with_title(words):
            continue  # "ông TGĐ", "bà Chủ tịch", "ông Phó Thủ tướng", "Bà Mẹ": an office, not a name
        if starts_with_place(m.group(0)) or starts_with_place(name) or fold(name) in country_aliases():
            continue  # "Bà Rịa", "ông Việt Nam"
        if len(words) == 1 and not looks_foreign(name):
            continue
        if not any(name in known or known in name for known in found):
            found.setdefault(name, m.start("name"))
    # a foreign name with its office right after it ("Mark Toner, phát ngôn viên Bộ Ngoại giao Mỹ, cho
    # hay ..."): two to four capitalised words, one of them no Vietnamese syllable, none a place
    countries = country_aliases()
    for m in _APPOSED_NAME.finditer(text):
        name = m.group(0)
        # (a given name joined by a hyphen to a short lower-case syllable of plain letters, as Korean names
        # are written: "Lee Kyung - jae", read as two words; two or three words, not a place, a country or
        # a title before it: not "Việt Nam - do", "Thủ tướng Hun - sen")
        joined = re.sub(r"\s+-\s+", "-", name).split()
        korean = len(joined) in (2, 3) and _korean_name(name)
        raw = joined if korean else name.split()
        words = [fold(w) for w in raw]
        # (the office after a word of who holds it: "Anna Petrova, nữ phát ngôn viên của hãng", "cựu")
        # (right after the comma first: "cố vấn" is an office, "cố" before one is "the late")
        # (or a spaced dash before a kind of person: "Hong Min - nhà nghiên cứu cao cấp của Viện B")
        gap = 2 if text.startswith(", ", m.end()) else 3
        qualifier = _OFFICE_QUALIFIER.match(text, m.end() + gap)
        starts = [m.end() + gap] + ([qualifier.end()] if qualifier else [])
        office = next((o for at in starts if (o := office_titles().match(text, at))), None)
        # (or a kind of person: "Pavel Ostrov, chuyên gia về Lạc Sơn, nhận định"; after a spaced dash only
        # a kind: "các ông: A - Bộ trưởng quốc phòng, B - ..." lists those an office is taken from)
        kind = office is None and any(_person_noun_at(text, at) for at in starts)
        office = office if gap == 2 else None
        if (
            (office or kind)
            and all(w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha() for w in raw)
            # (not "ở", "G20", "AFP")
            # (or, opening the sentence, a name of Vietnamese syllables as a Chinese one is written:
            # "Cảnh Sảng, người phát ngôn Bộ Ngoại giao Trung Quốc, ...")
            and (
                any(looks_foreign(w) for w in words)
                or korean
                # (a Korean family name then a given name, unmarked in a text written with marks: "Hong Min
                # - nhà nghiên cứu", not a place or a country, "Hong Kong, ...")
                or (
                    len(raw) in (2, 3)
                    and raw[0] in korean_surnames()
                    and name.isascii()
                    and fold(text) != text.lower()
                    and not starts_with_place(name)
                    and fold(name) not in countries
                    and fold(name) not in places()
                )
                or (
                    gap == 2  # (not a heading before a spaced dash: "Thời Sự - Phóng viên ...")
                    and not text[: m.start()].strip(' “"')
                    and words[0] not in _BODY_WORDS
                    and not _starts_with_title(raw)
                    and not starts_with_place(name)
                    # (nor a country, a body or a region: "Tây Ban Nha, Thủ tướng nước này", "Lầu Năm Góc")
                    and fold(name) not in countries
                    and fold(name) not in _glossary_names()
                    and fold(name) not in places()
                )
            )
            and raw[0].lower() not in OPENERS  # (not "Theo Reuters, Bộ trưởng ...")
            and not _PLACE_PREPOSITION_BEFORE.search(text[: m.start()])
            and not any(w in _english_words() or starts_with_place(w) or w in countries for w in words)
            # (the office has a holder of its own: "Sau hội nghị G20 Osaka, Thủ tướng Lê Văn An ...")
            # (a name after "của" is the office's body: "phát ngôn viên của Solaris")
            and not (office and _holder_after(text, office))
            and not any(name in known or known in name for known in found)
        ):
            found.setdefault(name, m.start())
    # a foreign name right after a kind of person ("nhà phân tích Lena Marsh tại Quỹ B cho biết"): two to
    # four capitalised words, one of them no Vietnamese syllable, none a place, a country, a word of the
    # English glossary or in capitals ("phóng viên CNN", "chuyên gia Nga Pavel Ostrov" is the country's)
    # (not many of a body, "các nhà khoa học Max Planck", nor a body's name, "phóng viên Le Monde", "Viện
    # A"; a name set off by a spaced dash ends there: "Lena Marsh - Quỹ B -")
    for m in _kind_then_name_re().finditer(text):
        name = re.split(rf"\s+-\s+(?=[{_CAPS}])", m.group("name"))[0]
        if (
            len(name.split()) >= 2
            and not _MANY_BEFORE.search(text[: m.start()])
            and fold(name).split()[0] not in _FOREIGN_ARTICLES
            and (_plain_foreign_name(name, found) or _marked_vietnamese_name(name, found))
        ):
            found.setdefault(name, m.start("name"))
    # a foreign name set off by a comma after the office of someone an honorific names ("phát ngôn viên của
    # ông Ostrov, Pavel Petrov nói", "cố vấn của bà A, B C cho biết"): two to four capitalised words, one
    # of them no Vietnamese syllable, none a place or a country, the office's words right before "của"
    for m in _OFFICE_OF_SOMEONE.finditer(text):
        name = m.group("name")
        prior = [fold(w) for w in _WORD.findall(text[max(0, m.start() - 60) : m.start()])]
        # (the office opening its clause: not "sau cuộc gặp với cố vấn của ông A, B nói", B met the adviser)
        if any(
            " ".join(prior[-n:]) in _folded_title_set() and prior[-n - 1 : -n] not in _MET_WITH
            for n in range(1, min(len(prior), 5) + 1)
        ) and _plain_foreign_name(name, found):
            found.setdefault(name, m.start("name"))
    # a Korean name as news writes one, a Korean family name and a given name whose last syllable a spaced
    # hyphen joins in lower case ("Kim Ho - jun"), wherever it is
    for m in _KOREAN_NAME.finditer(text):
        name = m.group(0)
        if _korean_name(name) and not any(name in known or known in name for known in found):
            found.setdefault(name, m.start())
    # a foreign name right after its country, as news writes one without a title or an honorific ("phi
    # công danh dự Nga Valentin Padalka tuyên bố"): two or three capitalised words that cannot be
    # Vietnamese syllables, after a country written inside the sentence
    tokens = [(m.start(), m.group(0)) for m in re.finditer(r"[\w'’-]+", text)]
    for i in range(1, len(tokens)):
        if not tokens[i - 1][1][0].islower() or not tokens[i][1][0].isupper():
            continue
        n = next((n for n in (3, 2, 1) if fold(" ".join(w for _, w in tokens[i : i + n])) in countries), 0)
        before = same_tones(" ".join(w for _, w in tokens[max(0, i - 4) : i]).lower())
        # (after "lãnh đạo", "người đồng cấp": a name of any syllables, "lãnh đạo Trung Quốc Tập Cận Bình")
        leader = _LEADER_BEFORE.search(before) is not None
        run: list[tuple[int, str]] = []
        for at, word in tokens[i + n : i + n + (4 if leader else 3)] if n else []:
            # (a word in capitals is no name's: "tàu sân bay Mỹ USS Carl Vinson", a ship)
            if not (word[0].isupper() and (leader or looks_foreign(fold(word)))) or word.isupper():
                break
            # (one name: words apart only by spaces, none a country: not "Úc, Brunei, Canada")
            end = run[-1][0] + len(run[-1][1]) if run else tokens[i + n - 1][0] + len(tokens[i + n - 1][1])
            if text[end:at].strip() or fold(word) in countries:
                break
            run.append((at, word))
        if (
            leader
            and run
            and (
                starts_with_place(" ".join(w for _, w in run))
                or _starts_with_title(text[run[0][0] :].split()[:5])
            )
        ):  # ("lãnh đạo Lào Phó Thủ tướng A": the title introduces A)
            run = []
        # (not a company's: "tập đoàn Nga Gazprom Neft", "Công ty Nhật Bản Mitsubishi Corporation")
        if (
            len(run) >= 2
            and not _BODY_BEFORE.search(before)
            and not any(
                (fold(w) in _english_words() and not leader) or fold(w) in _COMPANY_END for _, w in run
            )
        ):
            name = " ".join(word for _, word in run)
            if not any(name in known or known in name for known in found):
                found.setdefault(name, run[0][0])
    return sorted(found, key=found.__getitem__)


@lru_cache(maxsize=1)
def _title_initials() -> frozenset[str]:
    """The initials of the office titles of three words or more ("tns" of "Thượng nghị sĩ", "ptt" of "Phó
    Thủ tướng", "tbt" of "Tổng Bí thư"): how questions abbreviate a title."""
    return frozenset("".join(w[0] for w in t) for t in _title_phrases() if len(t) >= 3)


def _starts_with_title(words: list[str]) -> bool:
    """The (capitalised) words begin with a whole office title of ``titles.tsv`` or "Mẹ" ("Phó Thủ
    tướng", "Đô đốc"; not "Đỗ Thị Hà", though "Đô đốc" starts with "do")."""
    folded = [fold(w) for w in words]
    # a whole title, or the start of one ("ông Phó Thủ" of "Phó Thủ tướng": the name stops at "tướng")
    return folded[:1] == ["me"] or any(
        folded[: len(t)] == t or t[: len(folded)] == folded for t in _title_phrases()
    )


@lru_cache(maxsize=1)
def _title_phrases() -> list[list[str]]:
    return [fold(t).split() for t in titles()]


@lru_cache(maxsize=1)
def _folded_title_set() -> frozenset[str]:
    """The office titles, folded ("bo truong cong an")."""
    return frozenset(" ".join(t) for t in _title_phrases())


_SIDE = re.compile(r"^\s*(?:ve phia|phia)\s+([^:;,]+?)\s+(?:co|gom)\b")


# what follows the words that describe someone in a question asking who that is (folded): "là", a verb's
# auxiliary ("được phỏng vấn", "đã phát biểu", "hiện ...")
_AFTER_DESCRIBED = frozenset("la duoc da dang se vua hien nay do tung moi bi".split())


def _described_as_asked(q: Question, clause: str, people: list[tuple[int, str]]) -> bool:
    """A person of ``clause`` is set off by a dash or a comma from words that describe them as a question
    asking who that one is ("... là ai", "tên là gì"; not "ai đã phỏng vấn ...") does: the description up to
    the next punctuation, three to twelve words and no number, every one the question's in a row ("ông A -
    cán bộ tổ chức B -"; not "ông A, phó chủ tịch UBND tỉnh C" for the province D's, nor "Theo ông A, tình
    hình ..." whose words after the comma are what A says)."""
    words_asked = q.words
    if not re.search(r" (?:la ai|ten (?:la )?gi|la nguoi nao) $", words_asked):
        return False
    for at, name in people:
        if re.search(r"\btheo\s+(?:ông|bà|ngài)?\s*$", clause[:at], re.IGNORECASE):
            continue
        m = re.match(r"\s*[-–,]\s*(.+)", clause[at + len(name) :])
        if m is None:
            continue
        described = re.split(r"[-–,;.()]", m.group(1))[0]
        words = _WORD.findall(fold(described))
        if not 3 <= len(words) <= 12 or re.search(r"\d", described):
            continue
        phrase = f" {' '.join(words)} "
        if phrase not in words_asked or " ai " in words_asked[: words_asked.index(phrase)] + " ":
            continue
        # (the whole of what the question says of that one: a verb or "là" right after, "phó chủ tịch UBND
        # tỉnh" is not "phó chủ tịch UBND tỉnh Bình An")
        rest = words_asked[words_asked.index(phrase) + len(phrase) :].split()
        if rest[:1] and rest[0] in _AFTER_DESCRIBED:
            return True
    return False


def _person_for(q: Question, ev: Evidence, wanted: list[str], required: list[str]) -> bool:
    """A person who can answer (``_people``: not one the question names, not a witness) is named in the
    same clause as one of the names the question is about (its event locations aside): "Cần Thơ; Nguyễn
    Văn An, ..." names nobody for Cần Thơ. A list headed by the side it belongs to ("Về phía Việt Nam có
    ...; Nguyễn Văn An, ...") names that side's people in every clause."""
    asked = q.words
    found = [(c, people) for c in ev.text.split(";") if (people := _people(c, asked, q.text))]
    clauses = [c for c, _ in found]  # someone not named in the question
    named = [people for _, people in found]
    titled_elsewhere = False
    if not clauses or (wanted and not any(_holds_title(c, wanted) for c in clauses)):
        # ("Bà Hằng ...", named in full elsewhere in the article; for an office asked, with that office
        # there: "ông Nghĩa nói" after "Bộ trưởng Giao thông Trương Quang Nghĩa")
        short = _short_unasked(q, ev)
        # (or, called by the surname alone, with that office in the sentence: "Cố vấn Nội các Ostrov")
        titled_elsewhere = bool(wanted) and any(
            _titled_in(ev.article.text, n, wanted) or _titled_in(ev.text, n.split()[-1], wanted)
            for n in short
        )
        if short and (not wanted or titled_elsewhere):
            clauses, named = [ev.text], [[]]
    if not clauses:
        return False
    if wanted and not titled_elsewhere and not any(_holds_title(c, wanted) for c in clauses):
        return False  # "the Vice Chairman": a person named with that very office (a deputy is not it)
    # (the person the clause describes as the question does, in three words or more right after the name:
    # "ông A - cán bộ tổ chức B - khẳng định" for "cán bộ tổ chức B được phỏng vấn ... là ai")
    if any(_described_as_asked(q, c, people) for c, people in zip(clauses, named, strict=True)):
        return True
    about = [n for n in required if n not in q.places]
    # (or a person an English question names whom the article names too: an English spelling need not be
    # required of every article, but where the article writes it, a clause naming that person is about the
    # question's matter: "argued that Le Van Khai could be impeached")
    if about and q.language == "en":
        article = _words_of("", ev.article.text)
        about += [
            n
            for n in (_without_title(n) for n in q.names)
            if n and len(n.split()) >= 2 and n not in about and f" {n} " in article
        ]
    if not about:
        return True
    # (the very office asked with nothing of whose ("Chủ tịch nước nào", or a kind of person, "Ai là báo
    # cáo viên ..."; not "Đại sứ Pháp nào", "Ai là chủ tịch công ty A"), right
    # before the person's name: "Đến dự khánh thành có nguyên Chủ tịch nước A", in an article about the
    # question's names, need not name them again)
    # (and the sentence says the act asked, when the question names one: not "Năm ngoái, Chủ tịch nước A
    # đến dự lễ khởi công cầu B" for who came to an inauguration)
    bare = [
        t
        for t in wanted
        if f" {t} nao " in asked or (asked.startswith(f" ai la {t} ") and t in _folded_person_nouns())
    ]
    if bare and (not _acts_of(q.text, q.language) or _says_acts(q, ev.text)):
        if any(_titled_in(c, n, bare) for c, people in zip(clauses, named, strict=True) for _, n in people):
            return True
    side = _SIDE.match(fold(ev.text))
    if side and any(_holds(f" {side.group(1)} ", n) for n in about):
        return True
    # (a clause naming the event the question names by its proper name, "Hội nghị Quân uỷ Trung ương có sự
    # tham gia của A, B" for "những lãnh đạo nào đã tham dự Hội nghị Quân uỷ Trung ương ... nơi ông C phát
    # biểu": the event is what the question is about, the person it names only places it)
    event = _placed_by_event(q, about)
    if event and any(_holds(_words_of("", c), event) for c in clauses):
        return True
    # (a clause giving the amount or share the question gives, "tuyên bố ... đã đi được 90% chặng đường":
    # "ông A thông tin: Chúng tôi đã đi được 90% ...", says what the question asks about)
    given = _amounts(q.text)
    if given and any(given <= _amounts(c) for c in clauses):
        return True
    # (or two numbers or more the question gives, bare: "nói số ghế hiện là 294 chứ không phải 300" for "phát
    # ngôn viên đảng này cho rằng số ghế ... là 294, không phải 300")
    numbers = {n for n in _numbers(_DATE_OR_YEAR.sub(" ", q.text)) if len(n) >= 2}
    if len(numbers) >= 2 and any(numbers <= _numbers(c) for c in clauses):
        return True
    # (a one-word part of a person's name, from a question typed in lower case, "jong" of "kim jong un":
    # that person named again, "ông Kim", if the article writes the name in full)
    return any(
        any(
            _holds(_words_of("", c), n)
            or _named_again(c, n)
            or _written_in_full(c, n, ev.article.text)
            or (" " not in n and any(_named_again(c, f) for f in _full_person_names(ev.article.text, n)))
            for n in about
        )
        for c in clauses
    )


# the kinds of event that open an event's proper name ("Hội nghị Quân uỷ Trung ương")
_EVENT_KINDS = re.compile(
    r"\b(?:Hội nghị|Hội thảo|Diễn đàn|Đại hội|Kỳ họp|Phiên họp|Hội chợ|Triển lãm|Lễ hội)\s+"
)


def _events_named(text: str) -> list[str]:
    """The events ``text`` names by their proper names (folded): the kind of event, then two capitalised
    words or more, with a word in lower case between two of them ("Hội nghị Quân uỷ Trung ương" ->
    "hoi nghi quan uy trung", "Diễn đàn Kinh tế Thế giới"; not "hội nghị thượng đỉnh", nor "Hội nghị Quân
    uỷ" alone; a function word is no part, "Lễ hội Hoa Đà Lạt cùng Lê Văn Khải"), to a punctuation mark."""
    found = []
    for m in _EVENT_KINDS.finditer(text):
        words = re.findall(r"[\w'’-]+|[^\w\s]", text[m.end() :])[:14]
        name: list[str] = []
        for i, word in enumerate(words):
            following = words[i + 1] if i + 1 < len(words) else ""
            if word[:1].isupper():
                name.append(word)
            elif not (
                name
                and name[-1][:1].isupper()
                and word[:1].isalpha()
                and fold(word) not in STOP_WORDS
                and following[:1].isupper()
            ):
                break  # (a word in lower case between two capitalised ones: "Quân uỷ Trung")
            else:
                name.append(word)
        if sum(w[:1].isupper() for w in name) >= 2:
            found.append(fold(m.group(0) + " ".join(name)))
    return found


def _placed_by_event(q: Question, names: list[str]) -> str | None:
    """The event a Vietnamese question names by its proper name (``_events_named``) when it gives each of
    ``names`` only to place that event, after a relative word that follows it ("Hội nghị A ngày 7/1 nơi
    Tổng bí thư B phát biểu"; not "Ông B đã tiếp ai tại Hội nghị A"): its folded words; else None."""
    if q.language != "vi" or not names:
        return None
    for event in _events_named(q.text):
        words = " ".join(_WORD.findall(event))
        at = q.words.find(f" {words} ")
        relative = re.search(r" (?:noi|ma|tai do|khi do) ", q.words[at:]) if at >= 0 else None
        if relative and all(f" {n} " in q.words[at + relative.start() :] for n in names):
            return words
    return None


# a relative of someone, asked (folded: "vợ ông A", "con trai của bà B")
_RELATIVE_ASKED = re.compile(
    r" (?:vo|chong|con trai|con gai|con dau|con re|con|me|cha|bo|chau|em trai|em gai|anh trai|chi gai"
    r"|ong noi|ba noi|ong ngoai|ba ngoai) (?:cua )?(?:ong|ba|anh|chi|co) "
)
# an age written right after a name ("Ông B (60 tuổi", "Ông B, 55 tuổi")
_AGE_AFTER = re.compile(r"\s*[(,]\s*\d{1,3}\s+tuổi\b")


def _ages_of_others(q: Question, e: Evidence) -> bool:
    """Every age ``e`` gives is written right after a person named there (``_AGE_AFTER``) whom the
    question does not name, while it names someone the article names: "Ông B (60 tuổi, trú tại ...)" does
    not tell how old "cô giáo A" is. (The sentence is read first; the whole article only when every age it
    gives is another's.)"""
    # (not when the question asks a relative's age, "Vợ ông A bao nhiêu tuổi")
    ages = list(re.finditer(r"\d{1,3}\s+tuổi\b", e.text))
    if not ages or _RELATIVE_ASKED.search(q.words):
        return False
    people = person_names(e.text)
    for age in ages:
        owners = [
            n
            for n in people
            if (at := e.text.rfind(n, 0, age.start())) >= 0
            and (m := _AGE_AFTER.match(e.text, at + len(n))) is not None
            and m.end() == age.end()
        ]
        if not owners or any(f" {fold(n)} " in q.words for n in owners):
            return False
    named = [n for n in person_names(e.article.text) if f" {fold(n)} " in q.words]
    # (nor of a sentence that names the one asked by the given name, "vợ ông Khải là bà B, 58 tuổi")
    return bool(named) and not any(
        re.search(rf"\b(?:ông|bà|anh|chị|cô)\s+{re.escape(n.split()[-1])}\b", e.text) for n in named
    )


# a date or a year, whose numbers say when, not what ("ngày 15/12/2023", "năm 2023", "2023")
_DATE_OR_YEAR = re.compile(r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\b(?:19|20)\d{2}\b")


def _written_in_full(text: str, name: str, article_text: str) -> bool:
    """``text`` writes in full a body the article gives the short name ``name`` (folded) in brackets
    after its full name elsewhere ("Tổng công ty Cổ phần Đầu tư Phát triển Xây dựng (Dic Corp)": a
    sentence naming the corporation in full, without the brackets, names Dic Corp)."""
    full = _full_names(article_text).get(name)
    return full is not None and f" {full} " in _words_of("", text)


@lru_cache(maxsize=256)
def _full_names(article_text: str) -> dict[str, str]:
    """Folded short name -> the last (up to six) folded words of the full name the article writes right
    before it in brackets: at least three words, the first written with a capital, none a number."""
    found: dict[str, str] = {}
    for m in _BRACKETED_SHORT.finditer(article_text):
        words = _WORD.findall(m.group("full"))[-6:]
        # (not a word opening the clause, "Theo Tổng cục Thống kê (GSO)"; nor a person's name before
        # the brackets, "ông Nguyễn Văn An (Bộ Công Thương)")
        while words and (not words[0][:1].isupper() or same_tones(words[0].lower()) in _BEFORE_FULL_NAME):
            words = words[1:]
        if len(words) >= 3 and not any(" ".join(words).endswith(n) for n in person_names(" ".join(words))):
            found.setdefault(fold(m.group("short")).strip(), fold(" ".join(words)))
    return found


# words that open a clause before a body's name (as written, lower case)
_BEFORE_FULL_NAME = frozenset("theo tại ở của với và cho từ sau trước khi ông bà".split())


# a full name and its short name in brackets: "Ngân hàng Thương mại Cổ phần Hải Đông (HDBank)"
_BRACKETED_SHORT = re.compile(r"(?P<full>(?:[^\W\d_]+ ){3,12}?)\((?P<short>[A-ZĐ][\w&.\- ]{1,30}?)\)")


def _titled_in(text: str, name: str, wanted: list[str]) -> bool:
    """``text`` introduces the person ``name`` with one of the ``wanted`` offices right before the name,
    nothing but the capitalised words of its body and place between ("Bộ trưởng Giao thông Trương Quang
    Nghĩa", "Chủ tịch UBND tỉnh Bình An Lê Văn A"; not "Chủ tịch UBND tỉnh yêu cầu ông A"); a minister
    also by the ministry's first words, as ``_holds_title`` reads them."""
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        # (a degree's dot inside the words between is no sentence's end: "báo cáo viên PGS.TS A")
        before = re.split(r"[;:!?\n]|\.(?!\w)|, ", text[max(0, m.start() - 80) : m.start()])[-1]
        written = _WORD.findall(before)
        folded = [fold(w) for w in written]
        for title in (t.split() for t in wanted):
            sizes = [len(title), *_ministry_prefixes(title)]
            for start in range(len(written)):
                if start and folded[start - 1] == "pho" and title[0] != "pho":
                    continue  # (a deputy is not the office)
                rest = [written[start + n :] for n in sizes if folded[start : start + n] == title[:n]]
                if any(_body_words(words) for words in rest):
                    return True
    return False


def _body_words(words: list[str]) -> bool:
    """``words`` can be the rest of an office's body and place before its holder's name: capitalised names
    with the lower-case syllables that follow their first ("Giao thông", "Tài nguyên và Môi trường") and
    kinds of place ("tỉnh Bình An"); not a clause ("tỉnh yêu cầu ông")."""
    named, lower = False, 0
    for w in words:
        if w[:1].isupper():
            named, lower = True, 0
        elif fold(w) in _PLACE_KIND_WORDS:
            lower = 0
        elif named and lower < 3:
            lower += 1
        else:
            return False
    return True


_PLACE_KIND_WORDS = frozenset("tinh thanh pho huyen quan xa phuong tp".split())


@lru_cache(maxsize=1)
def _korean_surnames_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in korean_surnames())


@lru_cache(maxsize=256)
def _full_person_names(article_text: str, part: str) -> list[str]:
    """The (folded) names of people of two words or more the article writes that hold the one folded word
    ``part`` (a lower-case question gives "jong" of "kim jong un")."""
    return [
        f
        for f in (fold(n) for n in person_names(article_text))
        if len(f.split()) >= 2 and f" {part} " in f" {f} "
    ]


def _named_again(text: str, name: str) -> bool:
    """``text`` names again the person of the (folded) ``name`` of two words or more, by the last word
    written with a capital ("ông Trump" for "Donald Trump"); not a place or a country ("Hàn Quốc")."""
    words = name.split()
    if len(words) < 2 or starts_with_place(name) or name in country_aliases():
        return False
    # (a Korean name by its family name, the first: "ông Kim" for "Kim Jong Un"; not a Vietnamese name,
    # "bà Hà" for "Hà Văn An")
    korean = words[0] in _korean_surnames_folded() and any(looks_foreign(w) for w in words[1:])
    called = {words[-1], *(words[:1] if korean else [])}
    # after an honorific or an office title, and not the first word of another name ("ông Trump"; not
    # "Trung Quốc" for "Nguyễn Văn Trung", "tỉnh Quảng Ninh" for "Trần Đại Quang")
    for m in re.finditer(r"(?<!\w)(\w+)(?!\s+[A-ZĐÀ-Ỹ])", text):
        if not m.group(1)[:1].isupper() or fold(m.group(1)) not in called:
            continue
        before = " ".join(_WORD.findall(fold(text[max(0, m.start() - 30) : m.start()]))[-3:])
        if re.search(r"(?:^| )(?:ong|ba|ngai|dong chi|mr|mrs|ms)$", before) or any(
            before.endswith(" ".join(t)) for t in _title_phrases()
        ):
            return True
    return False


_PRESIDENT_OF = re.compile(r"\bpresident of (?:the )?((?:[\w'-]+ ?){1,4})", re.IGNORECASE)
# the words that make an English name a body's ("the European Commission", "the Asian Development Bank")
_BODY_NOUNS_EN = frozenset(
    "commission bank council committee union organization organisation federation association court"
    " parliament assembly party company corporation group foundation fund cross forum university".split()
)


# (a report after a kind of person opening a question, which makes the name asked another's: "nghi phạm
# khai kẻ chủ mưu tên là gì", "phóng viên hỏi người phát ngôn ..."; not "nghi phạm người A", "nhận hối lộ")
_NOT_OF_THE_ONE_NAMED = r"(?:khai|hoi|noi|cho biet|cho rang|tiet lo|xac nhan|to cao|ke|nguoi phat ngon) "


def asked_titles(q: Question) -> list[str]:
    """The offices a question names, as folded Vietnamese titles ("Vice Chairman" -> "pho chu tich")."""
    table = titles()
    if q.language == "en":
        text = " " + " ".join(_WORD.findall(q.text.lower())) + " "
        # (every English name of an office: "Foreign Secretary", "Secretary of State" for "Ngoại trưởng")
        names = english_title_names()
        pairs = [(" ".join(_WORD.findall(en.lower())), vi) for vi, ens in names.items() for en in ens]
    else:
        text = " " + " ".join(_WORD.findall(fold(q.text))) + " "
        pairs = [(fold(vi), vi) for vi in table]
        # (a kind of person only where the question asks for one: "chuyên gia (Nga) nào", "tên (những)
        # đại biểu ... là gì", "nghi phạm ... tên là gì", "ai là báo cáo viên ..."; not "ai đã tấn công
        # phóng viên", "bị cáo buộc")
        for vi in person_nouns():
            noun = re.escape(fold(vi))
            picked = rf" {noun} (?:(?!nhung |cac )\w+ ){{0,3}}?nao "
            # (or opening with it and asking its name: "nghi phạm ... bị bắt tên là gì")
            opening = rf"^ {noun} (?:(?!{_NOT_OF_THE_ONE_NAMED})\w+ )*?(?:ten (?:la )?gi|la ai) $"
            # (or "Ai là báo cáo viên ...", "ai là nạn nhân ...": who is the one of that kind)
            who_is = rf"^ ai la (?:nguoi )?{noun} "
            named = rf"^ (?:ho )?ten (?:cua )?(?:nhung |cac )?{noun} "
            if re.search(rf"{picked}|{named}|{opening}|{who_is}", text):
                pairs.append((fold(vi), vi))
    for key in _introducing_titles(q):  # "Tổng thống Donald Trump điện đàm với Thủ tướng nào": not asked
        text = text.replace(f" {key} ", " ", 1)
    if q.language != "en" and q.role:
        # ("Lãnh đạo nào ... đã ký công văn ... vào trang trại Bí thư Huyện uỷ": the kind asked before the
        # act, a title after it is of whom or what it is done to, not the asked one's; not after "ai", which
        # names no kind, "Ai đã ký công văn gửi Bí thư B", nor when the act puts someone in an office, "được
        # bổ nhiệm làm Thứ trưởng")
        acts = [text.find(f" {fold(v)} ") for v in q.role if f" {fold(v)} " in text]
        before = text[: min(acts) + 1] if acts else ""
        if " nao " in before and not _takes_office().search(text[len(before) - 1 :]):
            text = before
    if q.language == "vi":  # ("Người phát ngôn Phủ tổng thống": a building, or the body housed there; its
        # title is not asked)
        for m in office_titles().finditer(q.text):
            residence = _RESIDENCE.search(q.text[max(0, m.start() - 12) : m.start()])
            if residence:  # (that very one: "Phủ tổng thống", the words after the building's)
                building = " ".join(_WORD.findall(fold(residence.group(0) + m.group(0))))
                text = text.replace(f" {building} ", " ", 1)
    groups: dict[str, list[str]] = {}  # (an English rendering several titles share: every one of them)
    for key, vi in pairs:
        groups.setdefault(key, []).append(vi)
    found: list[str] = []
    if q.language == "en":  # (a plural asks for the office too: "the general directors")
        for key in groups:
            text = text.replace(f" {key}s ", f" {key} ")
    for key in sorted(groups, key=len, reverse=True):
        if f" {key} " not in text:
            continue
        if f" {key} office" in text:  # "the representative office": a body, no office holder asked
            continue
        if _EVENT_BEFORE.search(text[: text.index(f" {key} ") + 1]):
            text = text.replace(f" {key} ", " ")  # "Hội nghị trực tuyến Bí thư Tỉnh ủy": the meeting's name
            continue
        deputy = f" pho {key} " in text or f" vice {key} " in text or f" deputy {key} " in text
        for vi in groups[key]:
            title = fold(vi)
            title = f"pho {title}" if deputy and not title.startswith("pho ") else title
            if not any(f" {title} " in f" {f} " for f in found):
                found.append(title)
        text = text.replace(f" {key} ", " ")
    if q.language == "en" and "chu tich nuoc" in found and (body := _PRESIDENT_OF.search(q.text)):
        # (the president of a body, not of a country, is its "Chủ tịch": "the president of the World
        # Rowing Federation", "of the European Commission"; not "of the Philippines", "of the country")
        words = [fold(w) for w in body.group(1).split()]
        country = words[:1] in (["country"], ["nation"], ["republic"], ["state"]) or any(
            " ".join(words[:n]) in country_aliases() for n in (1, 2, 3)
        )
        if not country or any(w in _BODY_NOUNS_EN for w in words):
            found.append("chu tich")
    # "Thủ tướng tiếp vị chủ tịch nào ...": the office asked is the one "nào" picks, the others are named
    # (not "Cố vấn nào của Tổng thống Nga": that office is part of the one asked)
    which = [t for t in found if re.search(rf" {re.escape(t)} (?:\w+ ){{0,2}}nao ", q.words)]
    of_other = any(f" {t} nao cua {o} " in q.words for t in which for o in found if o != t)
    asked = which if q.language != "en" and which and not of_other else found
    # ("Chủ tịch UBND huyện A, người ký quyết định kỷ luật Trưởng Công an xã B, tên là gì": the office
    # the question opens with and asks the name of; the others describe what that one did)
    head = [t for t in found if q.words.startswith(f" {t} ")]
    # (described by what it did, "người"/"mà" before any other office: not "Giám đốc Công an tỉnh đã báo
    # cáo Chủ tịch UBND tỉnh, Chủ tịch UBND tỉnh là ai")
    if (
        q.language != "en"
        and head
        and not which
        and re.search(r" (?:ten (?:la )?gi|la ai) $", q.words)
        and re.match(
            rf" {re.escape(head[0])} (?:(?!{'|'.join(re.escape(t) for t in found)})\w+ )*?(?:nguoi|ma) ",
            q.words,
        )
    ):
        asked = head
    # ("Trưởng công an xã A bị Phó Bí thư B ... là ai": the office of a passive's agent is named, not
    # asked, when another one is)
    agents = [t for t in asked if q.language != "en" and re.search(rf" (?:bi|duoc) {re.escape(t)} ", q.words)]
    asked = [t for t in asked if t not in agents] or asked
    if q.language != "en" and not which:  # ("Ai bị kỷ luật vì cắt ghép chữ ký của Phó bí thư B", "Thư ký
        # riêng của Chủ tịch A là ai": the office whose something is named, after "của", is not the one asked)
        # (not the office the one asked takes over: "Ai sẽ đảm nhận công việc của Chủ tịch tỉnh A"; nor the
        # one whose name is asked, "Tên của phóng viên ... là gì")
        asked = [
            t
            for t in asked
            if f" cua {t} " not in q.words
            or re.search(
                rf" (?:ten|vi tri|chuc vu|chuc danh|cuong vi|cong viec|nhiem vu|ghe|quyen|ke nhiem|thay|the)"
                rf" cua {re.escape(t)} ",
                q.words,
            )
        ]
    # (and the same office written another way: "người phát ngôn" is "phát ngôn viên")
    same = title_synonyms()
    # (and a narrower office of that kind written another way, which does not write the title asked:
    # "Ngoại trưởng" is "Bộ trưởng Ngoại giao", Foreign Minister, a minister; not "CEO" for "giám đốc")
    return list(
        dict.fromkeys(
            t for title in asked for t in (title, *sorted(same.get(title, ())), *_narrower_titles(title))
        )
    )


@lru_cache(maxsize=256)
def _narrower_titles(title: str) -> tuple[str, ...]:
    """The other ways of writing a narrower office of the kind ``title`` (folded) names, which do not write
    it: "ngoai truong" for "bo truong" (Foreign Minister, "Bộ trưởng Ngoại giao", is a Minister); not "ceo"
    for "giam doc" (a Chief Executive Officer is no Director by the titles' English)."""
    same = title_synonyms()
    english = {fold(vi): en.lower() for vi, en in titles().items()}
    return tuple(
        sorted(
            {
                t
                for o in same
                if o.startswith(f"{title} ") and english.get(o, "").endswith(f" {english.get(title, '-')}")
                for t in same[o]
                if not any(f" {x} " in f" {t} " for x in (title, *same.get(title, ())))
            }
        )
    )


@lru_cache(maxsize=1)
def _takes_office() -> re.Pattern[str]:
    """An office someone is put in or holds (folded words, ``_HOLDS``): "làm Thứ trưởng", "giữ chức Phó chủ
    tịch", "được bổ nhiệm làm Giám đốc" (a title of ``titles()`` right after; not "làm rõ", nor "là", a
    description: "ông A, là Giám đốc Sở B")."""
    offices = "|".join(sorted({re.escape(fold(vi)) for vi in titles()}, key=len, reverse=True))
    return re.compile(rf" {_HOLDS} (?:pho )?(?:{offices}) ")


def _introducing_titles(q: Question) -> list[str]:
    """The titles (folded; lower case in English) that the question writes before a name it gives: an
    office of someone named, not the office asked for ("Tổng thống Donald Trump", "Bộ trưởng Kinh tế
    Đức Peter Altmaier", "Prime Minister Nguyen Xuan Phuc")."""
    keys = []
    if q.language == "en":
        for en in sorted({en for ens in english_title_names().values() for en in ens}, key=len, reverse=True):
            if en.lower().endswith(" of"):  # ("Principal of X": the body's name follows, not the holder's)
                continue
            for m in re.finditer(rf"\b{re.escape(en)}\s+(?P<next>[\w'-]+)", q.text, re.IGNORECASE):
                word = m.group("next")
                if (
                    word[:1].isupper()
                    and fold(word) not in country_aliases()
                    and word.lower() not in _EN_PLAIN
                ):
                    keys.append(en.lower())
        return keys
    for m in office_titles().finditer(q.text):
        after = m.group("after")
        # the office a person named takes ("ông Mark Esper làm Bộ trưởng Quốc phòng Mỹ")
        # ("bổ nhiệm bà A vào vị trí Phó Cố vấn ...": the post A is put in)
        took = re.search(
            r"(\w+)\s+(?:làm|là|giữ chức|nhậm chức|trở thành|vào (?:vị trí|chức vụ|chức|ghế|cương vị))\s+"
            r"(?:phó\s+)?$",
            q.text[: m.start()],
            re.IGNORECASE,
        )
        if took and any(name.endswith(took.group(1)) for name in person_names(q.text[: took.end(1)])):
            keys.append(" ".join(_WORD.findall(fold(m.group(0)))))
            continue
        # (a Vietnamese name after a body's abbreviations too: "Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân")
        for name in [name for name, _country in _titled(m.group(0) + after)] + person_names(after)[:1]:
            between = after[: after.find(name)].split() if name in after else None
            # (only the words of a body, a place or a country between: "Bộ trưởng Kinh tế Đức Peter
            # Altmaier"; not "Thủ tướng đã tiếp Tổng thống Donald Trump")
            if between is not None and all(
                w[:1].isupper() or (k and between[k - 1][:1].isupper()) for k, w in enumerate(between)
            ):
                keys.append(" ".join(_WORD.findall(fold(m.group(0)))))
    if q.language == "vi-nodiacritics":  # (typed without marks or capitals: a title right before a
        # Vietnamese surname and two more words, or two foreign words, "thu tuong tran minh tam", "tong
        # thong pavel ostrov"; not "thu tuong nuoc nao")
        # (each title once, the longest: "pho thu tuong A", not "thu tuong A" inside it)
        for m in _folded_titles().finditer(q.words):
            title = m.group("title")
            following = [w for w in m.group("a", "b", "c") if w]
            vietnamese = following[0] in _FOLDED_SURNAMES and len(following) == 3
            spelled = following if vietnamese else following[:2]
            if len(following) == 3 and following[1] in _NAME_PARTICLES:  # ("hoang tu omar bin khalid")
                spelled = [following[0], following[2]]
            if (
                (vietnamese or all(map(looks_foreign, spelled)))
                and not {" ".join(following[:n]) for n in (1, 2)} & set(country_aliases())
                and not set(spelled) & (STOP_WORDS | _QUESTION_WORDS)
            ):
                keys.append(title)
    return keys


@lru_cache(maxsize=1)
def _folded_titles() -> re.Pattern[str]:
    """The office titles folded, longest first, each with the three words after it (a question typed
    without marks: "thu tuong tran minh tam ...")."""
    keys = sorted(_folded_title_set(), key=len, reverse=True)
    alternation = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<= )(?P<title>{alternation}) (?P<a>\w+) (?P<b>\w+) (?P<c>\w+)?")


# (common surnames that are seldom another word once folded: not "lê"/"lễ", "vũ"/"vụ", "đặng"/"đảng",
# "phan"/"phản", "lý"/"lý do", "võ"/"vợ", "hồ"/"họ", "đỗ"/"đó", "ngô"/"ngõ")
_FOLDED_SURNAMES = frozenset(fold(n) for n in "Nguyễn Trần Phạm Hoàng Huỳnh Bùi Trịnh Đinh Dương".split())
_QUESTION_WORDS = frozenset("ai nao gi dau bao sao khi nhieu may".split())
# capitalised English words after a title that are no name ("Minister Of", "President Who")
_EN_PLAIN = frozenset("of for and who which what whose that the a an".split())


# an office named right after a meeting ("hội nghị (trực tuyến) Bí thư Tỉnh ủy ...") names the meeting
# (the words before a title that make it the name of a meeting, or of a rank: "Hội nghị trực tuyến Bí thư
# Tỉnh ủy", "hội đồng chức danh giáo sư")
_EVENT_BEFORE = re.compile(
    r" (?:hoi nghi|cuoc hop|phien hop|hoi dam)(?: truc tuyen| cap cao)? $| chuc danh $"
    r"|(?:conference|meeting) (?:of )?(?:the )?$"
)


def _introduced_by(
    clause: str,
    person: tuple[int, str],
    people: list[tuple[int, str]],
    wanted: list[str],
    whose_only: bool = False,
) -> bool:
    """The office ``clause`` gives ``person`` (at, name) is one of ``wanted``: written right before the
    name, since the person before it and the last comma or "và" ("Thủ tướng nước A Lê Văn Hải"), or right
    after it ("Lê Văn Hải, Thủ tướng nước A,"); with ``whose_only``, only one of someone set off before the
    name ("phát ngôn viên của ông A, B": B's)."""
    at, name = person
    start = max((a + len(n) for a, n in people if a + len(n) <= at), default=0)
    parts = re.split(r"[,;]|\s(?:và|and)\s", clause[start:at])
    before = parts[-1]
    whose = (
        re.match(r"(.*?)\s+của\s+(?:ông|bà)\s", parts[-2]) if not before.strip() and len(parts) > 1 else None
    )
    if whose_only:  # ("phát ngôn viên của ông A, B": the office of whose, set off by a comma before the name)
        return whose is not None and _holds_title(whose.group(1), wanted)
    before = whose.group(1) if whose else before
    own = re.match(r"\s*[,–-]\s*([^,;]*?)(?=[,;]|\s(?:và|and)\s|$)", clause[at + len(name) :])
    return _holds_title(before, wanted) or (own is not None and _holds_title(own.group(1), wanted))


@lru_cache(maxsize=1024)
def _longer_title(words: str) -> bool:
    """The (folded) ``words`` open an office title of the table ("bo truong cong an")."""
    return any(t == words or t.startswith(f"{words} ") for t in _folded_title_set())


def _holds_title(text: str, wanted: list[str]) -> bool:
    """``text`` names one of the ``wanted`` offices itself, not only its deputy ("phó ..."); a minister
    also by the ministry's first words, as news shortens it before the holder's name ("Bộ trưởng Giao
    thông Trương Quang Nghĩa" for "Bộ trưởng Giao thông vận tải")."""
    folded = " " + " ".join(_WORD.findall(fold(text))) + " "
    for title in wanted:
        for m in re.finditer(rf" {re.escape(title)} ", folded):
            # (not the end of a longer title: "trưởng công an" of "Bộ trưởng Công an")
            before = folded[: m.start()].split()[-1:]
            if before and before[0] != "pho" and _longer_title(f"{before[0]} {title}"):
                continue
            if title.startswith("pho ") or not folded[: m.start() + 1].endswith(" pho "):
                return True
    shortened = [t.split() for t in wanted if _ministry_prefixes(t.split())]
    if not shortened:
        return False
    written = _WORD.findall(text)
    words = [fold(w) for w in written]
    for parts in shortened:
        for n in _ministry_prefixes(parts):
            for i in range(len(words) - n):
                if (
                    words[i : i + n] == parts[:n]
                    and written[i + n][:1].isupper()
                    and (i == 0 or words[i - 1] != "pho")
                ):
                    return True
    return False


def _ministry_prefixes(title: list[str]) -> list[int]:
    """For a minister's or a vice minister's office (folded words), the shorter word counts news writes
    it with before a name, four words at least ("bo truong giao thong" of "bo truong giao thong van
    tai"); none for another office."""
    return list(range(len(title) - 1, 3, -1)) if title[:2] in (["bo", "truong"], ["thu", "truong"]) else []


def has_person(text: str) -> bool:
    """A Vietnamese personal name, or anyone a title of ``rag/data/titles.tsv`` introduces (not a place
    or a country that follows a title: "Bí thư Tỉnh ủy Quảng Ninh", "Tổng thống Nga")."""
    if person_names(text):
        return True
    return bool(_titled_names(text))


# first words of a body or an office, not of a person's name, after a title
_BODY_WORDS = frozenset(
    "uy ban bo so tinh thanh huyen hoi dang quoc trung cong tap ngan vien truong cuc tong dai lien nha "
    "chinh quan mat hang doan nhom khu cang phong khoa benh".split()
)
# (and those that fold like a family name, as written: "Vụ Công chức" is a ministry's department, "Vũ Văn
# A" a person)
_MARKED_BODY_WORDS = frozenset({"Vụ"})
# (and the first words of a body a question names by its place: "UBND tỉnh A")
_BODY_HEADS = _BODY_WORDS | {"ubnd", "hdnd"}


_WORD = re.compile(r"\w+")
# (words that open a question, not a name: "Ngoài Thủ tướng A, ...", "Sang Nga, ...", "Nhân dịp ...",
# "Giữa Biên bản ghi nhớ và Tuyên bố ...")
_NOT_NAME_START = frozenset(
    "theo tai cac nhung ban dang o va cua voi khi sau truoc ngoai sang nhan vao giua".split()
)


def _is_name(name: str, language: Language = "vi") -> bool:
    """A name worth requiring: not a capitalised sentence opening or body ("Theo Phó Chủ tịch", "Ban Đối
    ngoại"); in an English question, no English word in it ("Quảng Ninh Party")."""
    words = name.split()
    if words[0] in _NOT_NAME_START:
        return False
    return language != "en" or not any(w in _english_words() for w in words)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    # English glossary terms for common nouns ("party", "president"); names ("quang ninh") are not English
    common = (term for term, values in glossary().items() if not any(v[:1].isupper() for v in values))
    return frozenset(w for term in common for w in term.split()) | EN_WORDS


def searched_names(q: Question) -> list[str]:
    """The ``required_names`` retrieval searches for when no retrieved article holds one: those the
    question writes itself (not a glossary's Vietnamese for an English word: "văn bản" for "documents")."""
    return [n for n in required_names(q) if f" {n} " in q.words]


@lru_cache(maxsize=1)
def _spelled_abbreviations() -> dict[str, str]:
    """The abbreviations of ``rag/data/abbreviations.tsv``, folded: "htx" -> "hop tac xa"."""
    return {fold(short): " ".join(_WORD.findall(fold(long))) for short, long in abbreviations().items()}


def required_names(q: Question) -> list[str]:
    """The names an answer's article must hold (folded): the question's names of two or more words and
    its one-word names (``single_names``). An English question's own capitalised runs are English
    spellings ("Cuban Communist Party") that a Vietnamese article need not contain: of those, only names
    typed with Vietnamese marks ("Đà Nẵng") or put into Vietnamese by the glossary are required."""
    countries = country_aliases()
    # (English office words in front of a name only in an English question: "Public Bank Việt Nam" keeps
    # "Public")
    stripped = map(_without_title, q.names) if q.language == "en" else iter(q.names)
    names = [n for n in stripped if n and (_is_name(n, q.language) or n in countries)]
    if q.language == "en":
        folded = " " + " ".join(_WORD.findall(fold(q.text))) + " "
        marked = {fold(w) for w in _WORD.findall(q.text) if fold(w) != w.lower()}
        names = [  # (a country or a place of the gazetteer in English is known in Vietnamese: required;
            # so is a Vietnamese name typed without marks, "Tran Dai Quang", "Long Thanh": every word a
            # Vietnamese syllable and no English word)
            n
            for n in names
            if f" {n} " not in folded
            or any(w in marked for w in n.split())
            or n in countries
            or (
                all(is_syllable(w) and w not in glossary() and w not in EN_WORDS for w in n.split())
                and f" {n} " in _outside_terms(q.text)
            )
        ]
    covered = {w for n in names for w in n.split()} | english_title_words()
    found = names + [w for w in single_names(q) if w not in covered]
    if q.language == "en" and _home_only_qualifies(q.text):
        found = [n for n in found if country_aliases().get(n) != _HOME_COUNTRY]
    return found


@lru_cache(maxsize=1)
def _home_names() -> re.Pattern[str]:
    """The home country's names of ``rag/data/countries.tsv`` in any form ("Vietnam", "Viet Nam",
    "Vietnamese"), as an English question writes them."""
    forms = sorted((n for n, vi in country_aliases().items() if vi == _HOME_COUNTRY), key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in forms) + r")(?!\w)", re.I
    )


def _home_only_qualifies(text: str) -> bool:
    """An English question writes the home country only as what qualifies a law or a company by its name:
    with "'s" before a law's name in title case ("Vietnam's Anti-Corruption Law", its last word one of
    ``_LAW_WORDS``), or right before a word in title case that is no weekday nor month, nor a body or an
    office every country has ("Vietnam Railways chairman"; not "Vietnam Prime Minister", "Vietnam Consulate
    General"). The home country's news writes its own laws and companies without the country's name, so
    no article need hold it. Not "Vietnam and Laos", "a visit to Vietnam", "Vietnam's GDP", "Vietnam's
    Foreign Ministry", "with Vietnam Tuesday", nor the adjective, which tells a side ("which Vietnamese
    official"); nor a question in title case ("How Did A Help Vietnam After The Storm")."""
    if any(w in _TITLE_CASED for w in re.findall(r"\w+", text)[1:]):  # ("How Did A Help Vietnam After ...")
        return False
    english = english_country_names()

    def qualifies(m: re.Match[str]) -> bool:
        if " ".join(fold(m.group(0)).split()) not in english:
            return False  # (the adjective)
        owned = re.match(r"['’]s((?:\s+[A-Z][\w’'-]*)+)", text[m.end() :])
        if owned:  # ("Vietnam's Anti-Corruption Law": a law's name)
            return owned.group(1).split()[-1].lower() in _LAW_WORDS
        after = re.match(r"\s+([A-Z][a-z][\w'’-]*)", text[m.end() :])
        word = after.group(1).lower() if after else ""
        return bool(word) and not (
            word in _CALENDAR_WORDS_EN or word in _STATE_WORDS_EN or fold(word) in english_title_words()
        )

    mentions = list(_home_names().finditer(text))
    return bool(mentions) and all(qualifies(m) for m in mentions)


# the last words of a law's name ("Anti-Corruption Law", "Labour Code")
_LAW_WORDS = frozenset("law laws act code decree resolution ordinance".split())
# English function words capitalised past a question's first word: a question in title case
_TITLE_CASED = frozenset(
    "The Of In On At To With After Before For And Or Did Does Was Were Is Are Has Have Had Will From "
    "By".split()
)
# (the bodies every country has that the office titles' words do not already hold, ``english_title_words``)
_STATE_WORDS_EN = frozenset(
    "air border central coast communist court customs department embassy ministries navy people supreme "
    "consulate consular constitutional mission permanent".split()
)
_CALENDAR_WORDS_EN = frozenset(w.lower() for w in [*calendar.day_name, *calendar.month_name] if w)


@lru_cache(maxsize=1)
def english_title_words() -> frozenset[str]:
    """Words of the English office titles (``rag/data/titles.tsv``) and their short forms."""
    words = {w for ens in english_title_names().values() for en in ens for w in fold(en).split()}
    return frozenset(words | {"pm", "mr", "mrs", "ms", "dr", "gen", "sen", "rep"})


def _without_title(name: str) -> str:
    """A name without the English office words in front of it ("prime minister tran minh tam")."""
    words = name.split()
    while words and words[0] in english_title_words():
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else ""


@lru_cache(maxsize=256)
def _outside_terms(question: str) -> str:
    """An English question's folded words outside the glossary's terms of two words or more (" ... "):
    "South China Sea", "Ho Chi Minh City" are translated as a whole, not names of their own."""
    plain = re.sub(r"['’]s\b", "", question.lower())  # ("Tran Dai Quang's invitation")
    free = " " + " ".join(re.findall(r"\w+", plain)) + " "
    for term in (t for t in glossary() if " " in t and f" {t} " in free):
        free = free.replace(f" {term} ", " ")
    return fold(free)


def single_names(q: Question) -> list[str]:
    """One-word names of a question, folded: a company, a country, a foreign person ("BIDV", "Chile",
    "Dubois"; "techcombank" typed without capitals). In Vietnamese, a word in capitals or one that
    cannot be a Vietnamese syllable; in English, an acronym, a country of ``rag/data/countries.tsv``
    ("Russia", "Chilean") or a word typed with Vietnamese marks; other capitalised English words may be
    spelled differently in a Vietnamese article, and are left to the abstention model."""
    # (a word, not the end of a code opening with digits: "9M729" names no "M729")
    words = re.findall(r"(?<![\w&-])[^\W\d_][\w&-]*", re.sub(r"['’]s\b", "", q.text))
    # (a Vietnamese country of one syllable standing alone, not the question's first word: "thăm chính
    # thức Áo", "Đức"; not "Anh" of "Nguyễn Tuấn Anh")
    lone = {
        m.group(0)
        for m in re.finditer(r"(?<=\w )[^\W\d_]+", q.text)
        if m.group(0)[:1].isupper()
        and not q.text[: m.start() - 1].split()[-1][:1].isupper()
        and not q.text[m.end() : m.end() + 2][1:].isupper()
    }
    aliases = country_aliases()
    if q.language == "en":  # a country inside a term the glossary translates ("South China Sea") is no party
        free = _outside_terms(q.text)
        aliases = {k: v for k, v in aliases.items() if f" {k} " in free}
    out: list[str] = []
    for word in words:
        key = fold(word)
        if len(key) < 2 or key in _SINGLE_STOP or "-" in key or "&" in key or key in units():
            continue  # abbreviations joined by "-" or "&" are written in many ways ("GD-ĐT", "GD&ĐT"); (a
            # unit is no name: "bao nhiêu hecta")
        if re.fullmatch(_CURRENCY, word, re.IGNORECASE) and re.search(
            rf"\d[\d.,]*\s*(?:{_SCALE}\s*)?{re.escape(word)}\b|{_SCALE}\s+{re.escape(word)}\b",
            q.text,
            re.IGNORECASE,
        ):
            continue  # (nor a currency after an amount: "hàng chục tỉ USD"; "Euro 2024" is a name)
        # (an English abbreviation the glossary translates otherwise, "HCMC", "MOET": matched by its
        # translation; "IMF", "WTO", written so in Vietnamese too, stay required)
        translated = q.language == "en" and fold(glossary().get(key, [word])[0]) != key
        # (an office title's initials name no party: "TNS McCain" is Thượng nghị sĩ McCain)
        upper = word.isupper() and len(word) >= 2 and not translated
        if q.language == "en":
            # (a country's alias of three letters or fewer only in capitals: "UN", not "Kim Jong Un")
            short = len(key) <= 3 and not word.isupper()
            wanted = upper or (key in aliases and not short) or (word[0].isupper() and key != word.lower())
        else:
            # (an English word borrowed in lower case in a question written with its marks is no name:
            # "dòng tweet", "tuyến metro"; a brand in lower case still is, "hãng xe vinfast"; typed without
            # marks, a name is often in lower case too: "techcombank")
            borrowed = q.language == "vi" and word.islower() and key in _english_words()
            # (typed without marks, a union's or a country's acronym in lower case: "eu ra tuyen bo"; not
            # the end of a foreign name, "kim jong un")
            acronym = (
                q.language == "vi-nodiacritics"
                and word.islower()
                and key in country_acronyms()
                and not any(looks_foreign(w) for w in q.words[: q.words.find(f" {key} ")].split()[-1:])
            )
            wanted = (
                upper
                or acronym
                or (looks_foreign(key) and key not in EN_WORDS and not borrowed)
                or (word in lone and key in aliases)
            )
        # (nor an abbreviation of the press's common words, ``abbreviations.tsv``: "GS", "THPT")
        spelled = _spelled_abbreviations().get(key)
        if wanted and spelled in aliases and spelled not in out:  # ("VN": the country it stands for)
            out.append(spelled)
        elif wanted and key not in out and key not in _title_initials() and spelled is None:
            out.append(key)
    return out


# a source that reports (folded: "Reuters đưa tin", "hãng A cho biết"; not "dẫn đầu"), and a source's
# report dated right after its name, no comma between ("Reuters ngày 24/3 dẫn ...", "AP hôm 5/6 đưa tin";
# not "Theo Reuters, ngày 24/3, ...")
_REPORTS = r"(?:dua tin|dan loi|cho hay|cho biet|bao cao|reported|reports|said|quoted)"
_DATED_AFTER = r"\s+(?:ngay|hom|on)\s+\d"


def _reporting_sources(q: Question) -> list[str]:
    """The names the question gives as reporting ("Reuters đưa tin ..."), folded."""
    return [n for n in required_names(q) if re.search(rf" {re.escape(n)} {_REPORTS} ", q.words)]


def _source_dated(q: Question, text: str) -> bool:
    """A when-question asks when a source it names reported ("Reuters đưa tin ... vào ngày nào") and
    ``text`` dates that source's report right after its name ("Reuters ngày 24/3 dẫn tuyên bố ...")."""
    folded = fold(text)
    return any(re.search(rf"\b{re.escape(n)}{_DATED_AFTER}", folded) for n in _reporting_sources(q))


def _cited_source(q: Question, name: str) -> bool:
    """The question cites ``name`` (folded) as its source: "theo Reuters", "dẫn lời A", "according to A"."""
    return (
        re.search(rf" (?:theo|dan loi|according to|citing|reported by) {re.escape(name)} ", q.words)
        is not None
    )


def _english_names_held(q: Question, names: list[str], usable: list[Evidence]) -> list[str]:
    """An English question's names and capitalised words that ``required_names`` leaves to the abstention
    model (they may be spelled otherwise in Vietnamese) but that a retrieved article writes as the question
    does ("VinaCapital", "Truman", "Pavel Ostrov"): the answer comes from the articles holding
    them. Not its first word, an English word, a glossary term or a title's."""
    # (not a word of a name the question gives, "Ho Chi Minh", nor of a glossary term, "Ho Chi Minh City")
    held = {w for n in [*names, *q.names] for w in n.split()}
    free = _outside_terms(q.text)
    plain = re.sub(r"['’]s\b", "", q.text)
    # (a run of capitalised words an article may write as one: "Straits Times", "Straitstimes"; then no
    # word of it is required, whichever way the question spells it)
    joined = {
        w: fold(run.group(0).replace(" ", ""))
        for run in re.finditer(r"[A-ZĐ][\w-]+(?: [A-ZĐ][\w-]+)+", plain)
        for w in map(fold, run.group(0).split())
    }
    articles = [_article_words(e.article) for e in {e.doc_id: e for e in usable}.values()]
    # (a name of several words the question gives, written whole by a retrieved article: "Pavel Ostrov";
    # not a place, which the event's article may leave unsaid, "talks at the Presidential Palace in
    # Hanoi", nor one of English words, glossary terms or titles only)
    out = [
        n
        for n in dict.fromkeys(q.names)
        if " " in n
        and n not in names
        and n not in q.places
        and n not in places()
        and n not in country_aliases()
        and any(
            w not in _english_words()
            and w not in glossary()
            and w not in EN_WORDS
            and w not in english_title_words()
            for w in n.split()
        )
        and any(_holds(w, n) for w in articles)
    ]
    for m in re.finditer(r"(?<=[\w.,] )[A-ZĐ][\w-]{2,}", plain):
        key = fold(m.group(0))
        if key in joined and any(_holds(words, joined[key]) for words in articles):
            continue
        if key in held or key in out or key in _english_words() or key in glossary() or key in EN_WORDS:
            continue
        if _cited_source(q, key):  # ("According to Reuters, ...": a source, not a party)
            continue
        if f" {key} " not in free:
            continue
        if key in english_title_words() or key in country_aliases():
            continue
        if _stands_for_country(key, names):  # ("Washington said ..." with "the US": the government,
            # which an article need not call by its capital)
            continue
        if any(_holds(words, key) for words in articles):
            out.append(key)
    return out


def _without_capitals_for_countries(q: Question, names: list[str]) -> list[str]:
    """``names`` (folded) but a capital that stands for its country's government beside that country: one
    a Vietnamese question has say or mean to do something (``_CAPITAL_ACTS``: "Theo quan chức Mỹ,
    Washington có ý định ..."), which an article need not write. Not a place ("khi thăm Washington", "ở thủ
    đô Tokyo", "Tokyo vẫn là thành phố ..."), nor a city-state's name, which is its country's too. (An
    English question requires no capital it writes in English: ``required_names``.)"""
    kept = [
        n
        for n in names
        if not (
            _stands_for_country(n, [m for m in names if m != n])
            and re.search(rf" {re.escape(n)} (?:\w+ )?{_CAPITAL_ACTS} ", q.words) is not None
            and re.search(rf" {_TO_PLACE} {re.escape(n)} ", q.words) is None
        )
    ]
    return kept or names


# a word that puts a place after it (folded): "ở", "tại", "tới", "thăm", "thủ đô", "thành phố"
_TO_PLACE = r"(?:o|tai|den|toi|tham|sang|ve|tu|roi|thu do|thanh pho)"
# what a government says or means to do, said of its capital (folded; one word may come between:
# "Washington hiện có ý định", "Tokyo cũng phản đối")
_CAPITAL_ACTS = (
    r"(?:co y dinh|tuyen bo|cho biet|khang dinh|phan doi|yeu cau|de nghi|muon|du dinh|cao buoc|chi trich"
    r"|canh bao|bac bo|keu goi|tu choi|phan ung|cam ket|thong bao)"
)


def _stands_for_country(key: str, names: list[str]) -> bool:
    """``key`` (folded) is the capital of a country that ``names`` (a question's required names) names
    too: "Washington" beside "the US" stands for its government (not "Osaka" beside "Japan")."""
    countries = {fold(c).strip() for c in capitals().get(key, frozenset())}
    return any(n in countries or countries & country_aliases().get(n, frozenset()) for n in names)


_SINGLE_STOP = frozenset("tp ubnd hdnd ii iii iv vi vii viii ix xi xii".split())


def _article_words(article: Article) -> str:
    """The article's title and text as " "-joined folded words (what ``_holds`` searches), then its
    capitalised one-syllable words marked "^" ("^nhat": "Nhật" as a country's short form, not "nhất"),
    then the words its abbreviations stand for."""
    return _words_of(article.title, article.text)


# a capitalised word of English letters only, four or more, then an organisation's word ("Japan Airlines")
_ENGLISH_IN_NAME = re.compile(
    r"(?<![\w-])(?<!bang )(?<!Bang )(?<!South )(?<!North )(?<!New )([A-Z][a-z]{3,})"
    r"(?=\s+(?:Airlines|Airways|Air|Post|Bank|Telecom|Group|Times|News|Daily|Motors|Railways|Television|"
    r"Radio|Steel|Petroleum|Oil|Gas|Electric|Power|Insurance|Holdings|Corporation|Company|Tourism|Logistics)"
    r"(?![\w-]))"
)
# (the one definition: an earlier one, "ông|bà|ngài" only, was replaced by this one before any use)
_HONORIFIC_BEFORE = re.compile(r"(?i:\b(?:ông|bà|anh|chị|mr|ms|mrs|dr)\.?)\s+$")


@lru_cache(maxsize=4096)  # (each article once, not once per question and candidate sentence)
def _words_of(title: str, text: str) -> str:
    raw = f"{title}\n{text}"
    words = " ".join(_WORD.findall(fold(raw)))
    # (not a sentence's first word: "Nhất trí với ...")
    capitals = dict.fromkeys(
        f"^{fold(m.group(0))}"
        for m in _WORD.finditer(raw)
        if m.group(0)[:1].isupper()
        and is_syllable(m.group(0))
        and not re.search(r"(?:^|[.!?:\n“\"]\s*)$", raw[max(0, m.start() - 3) : m.start()])
    )
    # (and what its abbreviations stand for: an article that writes only "ĐBSCL" is about "Cửu Long")
    spelled = " | ".join(" ".join(_WORD.findall(fold(part))) for part in dict.fromkeys(spelled_parts(raw)))
    # (and the people it calls by one name after an honorific, marked "@": "ông Tập", "ông Trump")
    called = dict.fromkeys(f"@{fold(m[1])}" for m in _CALLED.finditer(raw))
    # (and the Vietnamese names of the countries it writes by their English names inside an organisation's
    # name, one of its words after it: "Nhật Bản" for "Japan Airlines"; not after an honorific, "bà Georgia
    # Airlines", nor a state's, "bang Georgia Power")
    english_names = english_country_names()
    english = dict.fromkeys(
        name
        for m in _ENGLISH_IN_NAME.finditer(raw)
        if (form := m.group(1).lower()) in english_names and not _HONORIFIC_BEFORE.search(raw, 0, m.start())
        for name in sorted(english_names[form])
        if not any(other.startswith(f"{name} ") for other in english_names[form])  # (not "Nhật" alone)
    )
    spelled += "".join(f" | {name}" for name in english)
    return f" {words} | {' '.join(capitals)} | {spelled} | {' '.join(called)} "


_CALLED = re.compile(rf"(?<!\w)(?:ông|bà|ngài|Ông|Bà|Ngài)\s+([{_CAPS}][\w'’-]*)(?![\w'’-]|[ \t]+[{_CAPS}])")


def _holds(words: str, name: str) -> bool:
    """``words`` (" "-joined folded words of an article) holds ``name`` or a Vietnamese name of it; a
    short form of a country in one syllable ("Nhật" for "Nhật Bản") only as marked by ``_article_words``
    (written with a capital); a name of three words or more also by its initials ("TP.HCM")."""
    aliases = country_aliases().get(name, frozenset())
    short = {a for a in aliases if a != name and " " not in a and any(o.startswith(f"{a} ") for o in aliases)}
    if any(f" {form} " in words for form in (name, *(aliases - short))):
        return True
    table = _spelled_abbreviations()  # ("htx dong nam" typed for the article's "Hợp tác xã Đông Nam")
    if any(w in table for w in name.split()):
        spelled = " ".join(table.get(w, w) for w in name.split())
        if f" {spelled} " in words:
            return True
    if any(f" ^{form} " in words for form in short):
        return True
    parts = name.split()
    # a person the article calls by one word of the name after an honorific: a foreign name by its last
    # word ("ông Trump" for "Donald Trump"), a Chinese name of three Vietnamese syllables by its first
    # ("ông Tập" for "Tập Cận Bình"; not a Vietnamese name, "ông Hùng" may be another Hùng); not a place
    if " @" in words and len(parts) >= 2 and name not in places() and name not in country_aliases():
        foreign = any(looks_foreign(w) for w in parts)
        chinese = len(parts) == 3 and all(map(is_syllable, parts)) and not PERSON_NAME.match(name.title())
        if (foreign and f" @{parts[-1]} " in words) or (chinese and f" @{parts[0]} " in words):
            return True
    if (
        len(parts) >= 2
        and re.search(  # with a middle initial or two ("John J. Sullivan" for "John Sullivan"; a
            # consonant: the "o" of "Long ở An Giang" is a word)
            rf" {re.escape(parts[0])}(?: [b-df-hj-np-tv-z]){{1,2}} {re.escape(' '.join(parts[1:]))} ",
            words,
        )
    ):
        return True
    # a name of three words or more by its initials ("TP.HCM" for "Hồ Chí Minh")
    initials = "".join(p[0] for p in parts)  # (alone only when no syllable: "hcm", not "dat" of "đạt")
    if len(parts) >= 3 and re.search(
        rf"(?:tp| ){initials} " if not is_syllable(initials) else rf"tp{initials} ", words
    ):
        return True
    tokens = words.split()
    # an abbreviation the article spells out ("CNTT" for "công nghệ thông tin"): consecutive words whose
    # first letters spell it (four letters or more, no Vietnamese syllable: chance seldom spells one)
    if " " not in name and 4 <= len(name) <= 6 and name.isalpha() and not is_syllable(name):
        firsts = "".join(t.lstrip("^")[:1] for t in tokens)
        if name in firsts:
            return True
    # an abbreviation written with spaces or dots in the article ("tphcm" for "TP. HCM"): consecutive
    # whole words that join into the name, one of them no Vietnamese syllable ("vi mo" is not "vimo")
    if " " in name or len(name) < 4 or name not in words.replace(" ", ""):
        return False
    return any(
        "".join(run) == name and not all(map(is_syllable, run))
        for n in (2, 3, 4)
        for run in (tokens[i : i + n] for i in range(len(tokens) - n + 1))
    )


def question_features(
    q: Question, ranked: list[Evidence], names: list[str] | None = None, words: str | None = None
) -> dict[str, float]:
    """The question-level inputs of the abstention model (``rag.scorer.QUESTION_FEATURES``);
    ``ranked`` is the scored evidence, best first; ``names`` the question's ``required_names`` and
    ``words`` the best article's folded words, when the caller has them already."""
    if not ranked:
        return {}
    best = ranked[0]
    names = required_names(q) if names is None else names
    held = 1.0
    if names:
        if words is None:
            words = _article_words(best.article)
        held = sum(_holds(words, n) for n in names) / len(names)
    return {
        "best": best.score,
        "second": ranked[1].score if len(ranked) > 1 else 0.0,
        "best_semantic": max(e.features.get("semantic", 0.0) for e in ranked),
        "best_coverage": max(e.coverage for e in ranked),
        "best_own": max(e.own for e in ranked),
        "slot": best.features.get("type_fit", 0.0),
        "names_held": held,
        "english": 1.0 if q.language == "en" else 0.0,
        "absent": min(e.absent for e in ranked),
    }


_WE = re.compile(r" (?:chung ta|nuoc ta) ")  # (an article that speaks of its own country as "we")


def _answerable(
    q: Question, ranked: list[Evidence], p: AnswerParams = DEFAULT_PARAMS
) -> tuple[list[Evidence], str | None]:
    """The sentences that can answer, or why none can (the reason is reported with the abstention).

    First the coverage floor and the abstention model over all the evidence, then the hard
    requirements of the question (the names it gives, the meeting number, an amount, a count of the
    thing it counts, a person for "who", a date for "when") over what is left.
    """
    usable = ranked
    if not usable:
        return [], "no passage"
    support = max(e.coverage for e in usable)
    # (a comparison's sentence answers one of its two sides, about half the question: "kim ngạch ... với
    # tổng vốn đầu tư ..., con số nào lớn hơn", two amounts asked; not "tăng bao nhiêu phần trăm so với
    # năm 2022", one amount)
    # (and two events ordered in time, "A trước hay sau B", or two things set side by side, "A so với B")
    two_sided = (
        q.qtype == "compare"
        or bool(q.events)
        or bool(_WHICH_MORE.search(q.words))
        or bool(_COMPARE.search(q.words) and not _SINCE_PERIOD.search(q.words))
        or _asked_twice(q)
    )
    floor = p.min_coverage / 2 if two_sided else p.min_coverage
    if support < floor:
        return [], f"low support {support:.2f}"
    # Every name the question gives must be known to some retrieved article (a cross-article question
    # may take each from another): among thousands of news articles, one about another company's
    # contract shares every generic word of the question but not "Tân Hòa". Sentences from articles
    # holding all the names are preferred (below).
    names = required_names(q)
    articles: dict[str, str] = {}  # doc_id -> folded title and text, each article folded once
    if names or q.ordinals:
        for e in usable:
            if e.doc_id not in articles:
                articles[e.doc_id] = fold(f"{e.article.title}\n{e.article.text}")
    words = {e.doc_id: _article_words(e.article) for e in usable if names and e.doc_id in articles}
    model = p.model or load_model()
    features = question_features(q, usable, names, words.get(usable[0].doc_id))
    confidence = model.question.probability(features)
    threshold = p.threshold if p.threshold is not None else model.question.threshold
    if confidence < threshold:
        return [], f"low confidence {confidence:.2f}"
    for name in names:  # whole words: "an giang" is not in "lan giang"; (the event's place may go
        # unsaid: "talks at the Presidential Palace in Hanoi", an article that says "Phủ Chủ tịch")
        if name not in q.places and not any(_holds(key, name) for key in words.values()):
            return [], f"no passage is about {name!r}"
    for year in q.years:  # "in February 2026": some retrieved article must know that year
        if not any(year in e.article.text or (e.article.published or "").startswith(year) for e in usable):
            return [], f"no passage is about {year}"
    timed = [
        y
        for y in q.years
        if re.search(rf"(?:^ | (?:trong|vao|hoi|tu|den) )nam {y} | nam {y} $| in {y} ", q.words)
        and not re.search(rf" {_DESCRIBING_YEAR} (?:vao |tu )?(?:nam )?{y} ", q.words)
    ]
    if timed and q.qtype != "when":  # (a year the question is of, "năm 2018 ai làm cụm trưởng", "trong năm
        # 2018", not one that describes its subject, "công ty thành lập năm 1995": a sentence that does not
        # open with another year, "Năm 2019, A làm cụm trưởng", if any)
        usable = [e for e in usable if not _of_another_year(e.text, timed)] or usable
    if not two_sided:  # ("căn condotel 2 phòng ngủ": not a sentence about "3 phòng ngủ", another item; nor
        # any sentence of an article that writes the thing with other numbers only, "lần thứ 9" for "lần thứ
        # 10")
        other = {
            doc: _of_other_numbered(q, f"{e.article.title}\n{e.article.text}")
            for doc, e in {e.doc_id: e for e in usable}.items()
        }
        usable = [e for e in usable if not other[e.doc_id] and not _of_other_numbered(q, e.text)]
        if not usable:
            return [], "no passage is about the numbered thing asked"
    if q.ordinals:  # "the 11th session": only articles about a meeting the question names can answer (an
        # English session or meeting may be an assembly's, "kỳ họp thứ 11")
        sessions = q.language == "en"
        patterns = [re.compile(meeting_number_pattern(n, sessions)) for n in q.ordinals]
        usable = [e for e in usable if any(pt.search(articles[e.doc_id]) for pt in patterns)]
        if not usable:
            return [], "no passage mentions meeting number " + " or ".join(map(str, q.ordinals))
    # The articles about the question's names first: those holding every name, else those holding most
    # of them (a comparison, a list or a who-question, whose person may be named in one article and the
    # event in another, any of them); an article about Vietnam and France does not answer a question
    # about Vietnam and Chile. The slot is looked for in the first pool that has one, so a "when"
    # sentence is measured against the best sentence of the articles about the names, not of another.
    pools = [usable]
    names = [n for n in names if n not in q.places] or names  # (the event's place may go unsaid)
    names = _without_capitals_for_countries(q, names)
    if names:
        held = {e.doc_id: sum(_holds(words[e.doc_id], n) for n in names) for e in usable}
        need = 1 if q.qtype in ("compare", "list", "who") else len(names) // 2 + 1
        every = [e for e in usable if held[e.doc_id] == len(names)]
        most = [e for e in usable if held[e.doc_id] >= need]
        if q.qtype not in ("compare", "list", "who"):  # (one event: its article holds every party the
            # question names that is no place: "A gặp Tổng thống B ở đâu" is not answered by A's article
            # that does not name B)
            # (nor the source it cites: "Theo Reuters, ...")
            parties = [
                n
                for n in names
                if n not in places() and n not in country_aliases() and not _cited_source(q, n)
            ]
            most = [e for e in most if all(_holds(words[e.doc_id], n) for n in parties)]
        pools = [pool for pool in (every, most if len(most) > len(every) else []) if pool]
        # (a country may go unsaid, "chúng ta" for Vietnam in a Vietnamese interview: the scorer's best
        # sentence, of an article that speaks as "we" and holds every other name, first when it is far
        # ahead of the best of the articles holding them all)
        others = [n for n in names if n not in country_aliases()]
        lead = usable[0]
        if (
            every
            and others
            and len(others) < len(names)
            and held[lead.doc_id] < len(names)
            and all(_holds(words[lead.doc_id], n) for n in others)
            and lead.score >= 2 * max(e.score for e in every)
            and _WE.search(words[lead.doc_id]) is not None
        ):
            pools.insert(0, [e for e in usable if all(_holds(words[e.doc_id], n) for n in others)])
        if not pools:
            return [], "no passage is about " + " or ".join(names)
    # (an English question's other capitalised words that a retrieved article writes as the question does,
    # "VinaCapital": the articles holding them only, when any does)
    also = _english_names_held(q, names, usable) if q.language == "en" else []
    if also:
        first = [
            [e for e in pool if all(_holds(_article_words(e.article), n) for n in also)] for pool in pools
        ]
        pools = [pool for pool in first if pool] or pools
    if q.days:  # "cuộc điện đàm ngày 28/3": of the articles about the names, those that give that day
        # (another article about the same parties without that day reports another event)
        given = {e.doc_id: _days_given(e.article) for e in {e.doc_id: e for e in usable}.values()}
        dated = {doc for doc, days in given.items() if all(day in days for day in q.days)}
        pools = [[e for e in pool if e.doc_id in dated] or pool for pool in pools]
    why = ""
    for pool in pools:
        found, reason = _with_slot(q, pool, names, p)
        if found:
            best = max(e.score for e in found)
            # (a further part of the question is answered by another sentence, often less like the whole
            # question, "ở tỉnh nào, và ... vào ngày nào": for it, half the share will do; so for the
            # other side of a comparison of amounts, "khoản vay của A và khoản viện trợ của B lần lượt")
            parts = q.qtypes[1:] if split_question(q.text) else []
            compares = _compares(q)
            kept = [e for e in found if e.score >= p.keep_share * best]
            # (... and the sentence right after a kept one that gives the other amount: "... trao đổi 14
            # văn kiện. Các hợp đồng giữa hai nước đạt trị giá 22 tỷ USD.")
            after = {id(n) for e in kept if compares and (n := _next_sentence(e, found))}
            # (the other side of a comparison by its share of the question's terms, at least half the
            # best's: each side is about half the question, which the sentence model scores lower)
            best_own = max(e.own for e in found)
            return kept + [
                e
                for e in found
                if id(e) not in {id(k) for k in kept}
                and (
                    (
                        e.score >= p.keep_share / 2 * best
                        and (any(_fits_part(e, t) for t in parts) or (compares and _lead_amount(q, e)))
                    )
                    or (compares and e.own >= p.stated_share * best_own and _lead_amount(q, e))
                    or (id(e) in after and _lead_amount(q, e))
                )
            ], None
        why = why or reason
        # (a who-question whose best sentence is in the articles holding every name it gives, and that
        # none of them answers: not someone an article holding only some of the names mentions)
        if q.qtype == "who" and pool is pools[0] and len(pools) > 1 and usable[0] in pool:
            break
    return [], why


def _days_given(article: Article) -> set[tuple[int, int]]:
    """Every (day, month) the article's title and text give, each day of a span of one month included."""
    given: set[tuple[int, int]] = set()
    for d in find_dates(f"{article.title}\n{article.text}"):
        if d.day and d.month:
            given.add((d.day, d.month))
        if d.end_day and d.end_month:
            given.add((d.end_day, d.end_month))
            if d.month == d.end_month and d.day and not d.two_days:
                given |= {(day, d.month) for day in range(d.day, d.end_day + 1)}
    return given


# the content or details of something not made public ("không nêu cụ thể nội dung", "chưa công bố chi tiết")
_UNDISCLOSED = re.compile(
    r"\b(?:không|chưa) (?:nêu|tiết lộ|công bố|cho biết)(?: cụ thể| rõ)?(?: về)? (?:nội dung|chi tiết)\b",
    re.IGNORECASE,
)
# a question asking how a meeting or talks ended (folded words): "đã đi đến kết luận gì", "đã thống nhất
# được những gì", "what did the meeting conclude", "what was the outcome of"
_ASKS_OUTCOME = re.compile(
    r" da (?:\w+ ){0,4}?(?:ket luan|ket qua|quyet dinh|thong nhat|nhat tri|dat duoc)(?: \w+){0,3}? "
    r"(?:gi|nao|the nao|ra sao) "
    r"| what did (?:\w+ ){1,8}?(?:conclude|decide|agree|achieve|result in) "
    r"| what (?:was|were) the (?:outcome|result|conclusion)s? "
)
# a sentence announcing a meeting to come (lower case, one tone placement): "sẽ gặp", "dự kiến ... sẽ họp";
# "sẽ diễn ra cuộc họp", "sẽ tổ chức hội nghị", a meeting named; no outcome said ("nhất trí sẽ tăng cường
# hợp tác" is one), not "sẽ gặp khó khăn"
_ANNOUNCED = re.compile(
    r"\b(?:dự kiến|sẽ|sắp)(?:\s+\S+){0,6}?\s+(?:(?P<meet>gặp|họp|hội đàm)"
    r"(?!\s+(?:khó khăn|trở ngại|sự cố|vấn đề|rủi ro))|diễn ra|tổ chức|làm việc)\b"
)
_MEETING_NAMED = re.compile(
    r"\b(?:cuộc họp|buổi họp|phiên họp|hội nghị|cuộc gặp|buổi gặp|buổi làm việc|hội đàm|cuộc đàm phán)\b"
)
_OUTCOME_SAID = re.compile(r"\b(?:nhất trí|thống nhất|kết luận|đạt được|quyết định)\b")


def _announces_meeting(text: str) -> bool:
    """``text`` announces a meeting to come and says no outcome (``_ANNOUNCED``)."""
    words = same_tones(text.lower())
    announced = _ANNOUNCED.search(words)
    return bool(
        announced
        and (announced.group("meet") or _MEETING_NAMED.search(words))
        and not _OUTCOME_SAID.search(words)
    )


def _with_slot(
    q: Question, usable: list[Evidence], names: list[str], p: AnswerParams
) -> tuple[list[Evidence], str]:
    """The sentences of ``usable`` that meet the question's hard requirements (an amount, a count of
    the thing it counts, a person for "who", a date for "when"), or none and why."""
    # (a sentence that asks, "... một câu hỏi nữa là liệu A hay B?", states nothing: another, if any; not
    # an interviewer's question, "* Ông có cam kết ...?", nor a question reported, "A chất vấn B: ...?")
    usable = [e for e in usable if not _only_asks(e.text)] or usable
    if q.qtype in ("what", "list", "yes_no"):  # (nor does a photo's caption that only says who stands where,
        # "Từ trái qua, A và B.", say what they did)
        usable = [e for e in usable if not _WHO_STANDS_WHERE.match(e.text)] or usable
    # an amount or a count from a sentence about as relevant as the most relevant one, or from the one
    # right after it ("... ký thỏa thuận với X. 2 bản thỏa thuận này ..."): the article about the
    # question's parties often gives other amounts of other things
    best_own = max(e.own for e in usable)
    # (each side of a comparison is about half the question: "khoản vay A và hạn mức B lần lượt")
    share = p.dated_share / 2 if _compares(q) else p.dated_share
    relevant = {id(e) for e in usable if e.own >= share * best_own}
    # (and the scorer's best, and any it scores within a tenth of it: it weighs more than the words shared)
    top = max(e.score for e in usable)
    relevant |= {id(e) for e in usable if top > 0 and e.score >= 0.9 * top}
    relevant |= {id(after) for e in usable if id(e) in relevant and (after := _next_sentence(e, usable))}
    # "Công an tỉnh A ... bao nhiêu": not a sentence about the same body of another place ("Công an tỉnh
    # B điều tra ... 11 công ty"), which does not name A
    phase = _phase_numbers(q.words)
    if phase:  # "giai đoạn 2", "phase two": not a sentence about another phase only ("Giai đoạn 1 có giá
        # trị đầu tư gần 20 triệu USD")
        usable = [e for e in usable if not (_phase_numbers(fold(e.text)) or phase).isdisjoint(phase)]
        if not usable:
            return [], "the passages are about another phase"
    numbered = _papers_numbered(q)
    if numbered:  # ("Ai ký ban hành Quyết định 512": an article that writes that number; not the signer of
        # "Thông tư số 03/2018" in another)
        usable = [e for e in usable if set(numbered) <= _numbers_written(e.article.title, e.article.text)]
        if not usable:
            return [], "no passage is about the paper numbered " + " or ".join(map(str, numbered))
    # ("Ngoài S-400, ... hệ thống nào khác": another model asked)
    asked_codes = set() if _OTHER_THAN.search(q.words) else _codes(q.text, typed=True)
    if asked_codes:  # "mua bao nhiêu hệ thống S-500": not a sentence about the S-400 only
        usable = [e for e in usable if not _of_other_code(e.text, asked_codes)]
        if not usable:
            return [], "the passages are about another model"
    # "cuộc họp đã đi đến kết luận gì": when the sentence most about it only announces the meeting to come
    # ("Dự kiến chiều nay sẽ diễn ra cuộc họp giữa ..."), the articles cannot tell how it ended
    if _ASKS_OUTCOME.search(q.words) and _announces_meeting(min(usable, key=_by_score).text):
        return [], "the passages that match only announce it"
    # "đã ký những văn kiện nào": when the sentence most about it says the content was not given ("song
    # không nêu cụ thể nội dung thảo luận"), the articles cannot tell what it was
    if q.qtype in ("what", "list") and _UNDISCLOSED.search(min(usable, key=_by_score).text):
        return [], "the passages that match say it was not made public"
    placed = _bodies_of_places(q)
    if placed:
        usable = [e for e in usable if not _of_other_place(e.text, placed)]
        if not usable:
            return [], "the passages are about " + " or ".join(f"{b} of another place" for b, _ in placed)
        best_own = max(e.own for e in usable)
    # "Đơn vị tư vấn nào ...?": every sentence naming such a thing, or the one most likely to answer,
    # says only "một đơn vị tư vấn" (a, another one): the articles do not name it
    if q.asked and q.qtype in ("what", "who", "where"):
        naming = sorted((e for e in usable if _names_asked(q, e.text)), key=_by_score)
        # (the best one, for a single thing picked: "Doanh nghiệp nào", not "những vấn đề gì")
        # (or the one whose name is asked: "Quan chức Mỹ ... tên là gì"; not several, "những/hai khách sạn",
        # "what are the names")
        asked = re.escape(q.asked[0])
        one = (
            (f" {q.asked[0]} nao " in q.words or bool(_ASKS_NAME.search(q.words)))
            and not re.search(rf" (?:nhung|cac|hai|ba|bon|nam|\d+) {asked} ", q.words)
            and " names " not in q.words
        )
        best_unnamed = (
            one
            and bool(naming)
            and _unnamed(q, naming[0].text)
            and not any(_names_one(q, e.text) for e in naming)
        )
        # (a kind of person asked, "Cán bộ nào bị kỷ luật": the sentence most about it may name the person
        # by an office without the kind's noun, "kỷ luật ông A, nguyên Trưởng phòng B")
        best = min(usable, key=_by_score)
        named_otherwise = (
            one and q.qtype == "who" and not _names_asked(q, best.text) and _person_acted_on(q, best.text)
        )
        if naming and not named_otherwise and (all(_unnamed(q, e.text) for e in naming) or best_unnamed):
            return [], f"the passages name no particular {q.asked[0]!r}"
    if q.qtype in ("what", "list") and _asks_signed(q):  # ("đã ký kết văn kiện gì": a sentence
        # that says something was signed, "ký", "lễ ký", "sign"; not one that only places the meeting)
        usable = [e for e in usable if _SIGNED.search(same_tones(e.text))]
        if not usable:
            return [], "no passage says what was signed"
    if _asks_agreed(q):  # ("đã thống nhất những gì", "what did A and B agree on": a sentence that says
        # something was agreed, or one right next to such a sentence, ``_agreement_said``; not one that only
        # places the meeting with nothing agreed near it, "A phát biểu tại B nhân chuyến thăm của C")
        usable = [e for e in usable if _agreement_said(e, usable)]
        if not usable:
            return [], "no passage says what was agreed"
    if q.qtype in ("what", "list") and q.language != "en":  # (a sentence that only restates the question,
        # "Ông A phát biểu tại B." for "theo ông A phát biểu ở B thì cái gì ...", tells nothing: one that says
        # something more, if any)
        usable = [e for e in usable if _says_more(q, e.text)] or usable
    if q.qtype == "what" and _ASKS_THEME.search(q.words):  # ("Hội nghị A có chủ đề gì": a sentence that
        # writes a theme, "với chủ đề \"...\"", else the articles do not say; not what was said there)
        usable = [e for e in usable if re.search(r"\bchu de\b", fold(e.text))]
        if not usable:
            return [], "the passages give no theme"
    called = _called_asked(q) if q.qtype == "what" else None
    if called:  # ("X gọi cuộc không kích là gì": a sentence of the best one's article that says X called
        # something so, "Xinhua gọi cuộc tấn công Syria là \"...\"", however few of the other words it shares)
        first = min(usable, key=_by_score)
        usable = [
            e for e in usable if e.doc_id == first.doc_id and _calls_as_asked(q, called, e.text)
        ] or usable
    if q.qtype == "what" and q.asked and q.language != "en":  # ("làm việc ở trường nào": when the best
        # sentence does not write "trường", one of its article at least 0.4 as relevant that writes it with a
        # name in capitals right after, "thuộc Trường Chính sách Công A tại B", answers)
        # (by the share of the question's words, "relevant" above: a quote of the question's own words is the
        # scorer's best)
        first = min(usable, key=_by_score)
        if not _writes_asked(q, first.text):
            usable = [
                e
                for e in usable
                if e.doc_id == first.doc_id and e.own >= 0.4 * first.own and _names_one(q, e.text)
            ] or usable
    if q.qtype == "what" and q.asked:
        usable = _named_one_instead(q, usable)
    if q.qtype == "what" and (described := _described_asked(q)):  # ("nhận xét A là người như thế nào": a
        # sentence of the best one's article that writes "A là ..." and no office after it, if any)
        first = max(usable, key=lambda e: e.score)
        usable = [e for e in usable if e.doc_id == first.doc_id and _describes(e.text, described)] or usable
    if q.qtype == "what" and q.asked and q.asked[0] in BODY_ROLES:  # ("nhà đầu tư dự án A là ai": a
        # sentence of the best one's article that writes the role and a company's name, "Liên danh Công ty
        # CP A - Công ty B đảm nhận vai trò nhà đầu tư", however few of the question's words it shares)
        first = min(usable, key=_by_score)
        usable = [
            e
            for e in usable
            if e.doc_id == first.doc_id
            and any(_names_asked(q, c) and _NAMED_BODY.search(c) for c in re.split(r"[,;]", e.text))
        ] or usable
    if q.qtype in ("what", "list") and re.search(
        r"(?<!thu) gom ", q.words
    ):  # "các biện pháp trừng phạt mới gồm những gì": a
        # sentence whose words before its "gồm" are the question's ("các biện pháp trừng phạt mới của A bao
        # gồm ..."), if one of these articles has one, lists them
        listing = [e for e in usable if _lists_asked(q, e.text)]
        usable = listing or usable
    if _ASKS_NAME.search(q.words) and q.qtype in ("what", "where", "list"):  # "hai tuyến cao tốc đó có
        # tên là gì": not a sentence that names none ("muốn giành lại 2 đường cao tốc")
        # (a sentence about as relevant as the best: another names other things)
        usable = [e for e in usable if id(e) in relevant and _gives_name(q, e.text)]
        if not usable:
            return [], "no passage gives the name asked"
        if q.qtype == "what" and q.asked and q.asked[0] != "ten goi" and not _person_noun(q.asked[0]):
            # ("Con tàu ... có tên là gì": a name for that thing, right after its noun or given as such near
            # it; not another name of the sentence, "Tư lệnh Bộ Tư lệnh A khánh thành cơ sở sửa chữa tàu")
            usable = [e for e in usable if _names_one(q, e.text) or _named_so_near(q, e.text)]
            if not usable:
                return [], f"no passage names the {q.asked[0]!r} asked"
    if q.qtype == "how_many" and (codes := _asked_codes(q)):  # ("Riêng gói thầu A7 ... bao nhiêu": not a
        # sentence about other items of its series, "tổng mức xây lắp 2.423 tỉ đồng, đây là 3 gói thầu")
        usable = [e for e in usable if not _of_other_items(q, e.text, codes)]
        if not usable:
            return [], f"no passage gives an amount for {' or '.join(sorted(codes)).upper()}"
    if q.wants_money and q.qtype == "how_many" and q.counted:  # a count and an amount of money ("bao
        # nhiêu văn kiện, trị giá bao nhiêu"): a sentence that gives either, the answer takes both
        usable = [
            e
            for e in usable
            if id(e) in relevant and (_MONEY.search(e.text) or _count_fit(q, e, p) >= p.count_fit)
        ]
        if not usable:
            return [], "no passage states an amount"
    elif q.wants_money:
        usable = _amount_given(q, usable) or [
            e for e in usable if _MONEY.search(e.text) and id(e) in relevant
        ]
        if not usable:
            return [], "no passage states an amount"
        usable = [e for e in usable if not _money_of_other_kinds(q, e.text)]
        if not usable:
            return [], f"no passage states the {' or '.join(sorted(q.money))} asked"
    elif q.qtype == "how_many" and q.counted:
        counting = [e for e in usable if _count_fit(q, e, p) >= p.count_fit]
        # (or, none as relevant as the best, one of the best's article that counts what an abbreviation
        # names, "bao nhiêu FTA": no other thing is counted so; not a noun of words, "bao nhiêu binh sĩ")
        first = max(usable, key=lambda e: e.score)
        # (right after the question's words before "bao nhiêu": "đã ký kết, tham gia 12 ...", not "đã mua 30
        # UAV" for "tại triển lãm có bao nhiêu UAV được giới thiệu")
        # (or the only one of the best's article that writes the count then the question's two words
        # after its noun: "Đại hội với 443 đại biểu tham dự" for "Đại hội ... có bao nhiêu đại biểu tham
        # dự", the best being a caption that names the congress and counts nobody; two such do not tell
        # which; nor one of another number, "Đại hội lần IX với 390 đại biểu tham dự" for "lần X")
        then_asked = [
            e
            for e in counting
            if e.doc_id == first.doc_id and _counted_then_asked(q, e.text) and not _other_number(q, e.text)
        ]
        usable = (
            [e for e in counting if id(e) in relevant]
            or [
                e
                for e in counting
                if e.doc_id == first.doc_id
                and _counted_after_asked(q, e.text)
                and any(
                    _abbreviation(q, n) and _count_fit(replace(q, counted=[n]), e, p) >= p.count_fit
                    for n in q.counted
                )
            ]
            or (then_asked if len(then_asked) == 1 else [])
        )
        if "tuoi" in q.counted:  # ("cô giáo A bao nhiêu tuổi": not "Ông B (60 tuổi, ...)", another's age)
            usable = [e for e in usable if not _ages_of_others(q, e)]
        if not usable:
            return [], f"no passage counts {q.counted[0]!r}"
        # (a noun of two words counted whole, "10.913 hội viên", before its first word alone that the
        # question's reading also counts, "13 Hội": a sentence about as relevant that counts the whole)
        # (only where the best counts that first word as a name, with its capital: not "người" for "người
        # lao động", the same people)
        whole = [n for n in q.counted if " " in n and n.split()[0] in q.counted]
        first = max(usable, key=lambda e: e.score)
        named_count = re.search(r"\d\s+(\w+)$", _lead_amount(q, first) or "")
        if whole and named_count and named_count.group(1)[:1].isupper():
            top = first.score
            usable = [
                e
                for e in usable
                if e.score >= p.stated_share * top
                and _count_fit(replace(q, counted=whole), e, p) >= p.count_fit
            ] or usable
    # a share the question gives is of what it asks ("which items made up about 30%"): a sentence that
    # gives the 30%, when the scorer finds it at least half as likely as ``stated_share`` of its best, not
    # one about the 40% (an amount of money describes the subject more often: "the cooperative that earns
    # 10 billion a year is in which commune")
    # (a decimal comma or point alike: "2.5%" is "2,5%")
    shares = {
        n.replace(",", ".")
        for m in re.finditer(r"\d[\d.,]*\s*(?:%|percent\b|per cent\b|phần trăm\b|phan tram\b)", q.text)
        for n in _numbers(m.group(0))
    }
    if shares and q.qtype in ("what", "list"):
        top = max(e.score for e in usable)
        usable = [
            e
            for e in usable
            if shares <= {n.replace(",", ".") for n in _amounts(e.text)}
            and e.score >= p.stated_share / 2 * top
        ] or usable
    if q.qtypes == ["what"] and WHY.search(q.words):
        # "vì sao A chọn B": a sentence of the best one's article that gives a reason ("lí do là bởi ..."),
        # when the scorer finds it at least a share of its best (four fifths of ``stated_share``: the
        # reason's sentence shares fewer of the question's words)
        top_doc = max(usable, key=lambda e: e.score)
        reasons = [
            e
            for e in usable
            if e.doc_id == top_doc.doc_id
            and e.score >= 0.8 * p.stated_share * top_doc.score
            and _BECAUSE.search(e.text)
        ]
        # (none of those: the first one opening with the reason soon after the best one, if any, "Lý do là
        # ...": it gives the reason of what that one says, in words of its own)
        opening = [
            e
            for e in sorted(usable, key=_start)
            if not reasons
            and e.doc_id == top_doc.doc_id
            and 0 <= e.start - top_doc.end <= _REASON_REACH
            and _REASON_OPENS.match(e.text)
        ]
        usable = reasons or opening[:1] or usable
    if q.qtypes == ["what"] and (stems := _what_stems(q)):
        # "kêu gọi các bên tôn trọng điều gì": a sentence that writes the question's words and goes on
        # with what they ask, when the scorer finds it at least half as likely as its best
        top = max(e.score for e in usable)
        for stem in stems:
            stating = [
                e for e in usable if e.score >= p.stated_share * top and f" {stem} " in _words_of("", e.text)
            ]
            if stating:
                usable = stating
                break
    if (
        q.qtype == "how_many" and not q.wants_money and not q.counted
    ):  # an amount of any kind ("how long is the border")
        # from a sentence about as relevant as the best (any sentence with a number: one more tempting
        # question answered on dev-en, none more answered right)
        stated = [e for e in _amount_given(q, usable) if _lead_amount(q, e)]
        usable = stated or [e for e in usable if id(e) in relevant and _lead_amount(q, e)]
        if not usable:
            return [], "no passage states an amount"
        usable = _both_ends_first(q, usable, p)
        # (two asked, "how long was A, and how much of B": a sentence that gives two, if any)
        if len(_AMOUNT_ASKED.findall(q.words)) > 1:
            usable = [e for e in usable if ", " in (_lead_amount(q, e) or "")] or usable
    if q.qtype == "who":
        wanted = asked_titles(q)
        # ("Ai được bổ nhiệm thay ông A", "who replaced A": a sentence that names A, the one replaced)
        replaced = _replaced_names(q)
        # (typed in lower case, no name is known: the words after "thay ông" up to the next part, "ai sẽ thay
        # ông a b c làm bí thư")
        typed = _REPLACED_TYPED.search(q.words) if not replaced and q.text == q.text.lower() else None
        replaced += [typed.group(1)] if typed else []
        if replaced:
            # (and that says someone takes a place: not "đã thi hành kỷ luật ông A" for "ai sẽ thay ông A")
            naming = [
                e
                for e in usable
                if all(_holds(_words_of("", e.text), n) or _named_again(e.text, n) for n in replaced)
            ]
            taking = [e for e in naming if _TAKES_PLACE.search(same_tones(e.text))]
            # (of those, the ones that write the replaced right after the replacing, as the question does,
            # if any: "B được điều động ... thay ông A", not "phân công ông A ..., thay ông C", where A
            # replaces C)
            taking = [
                e
                for e in taking
                if all(re.search(rf"{_REPLACING} {re.escape(n)} ", _words_of("", e.text)) for n in replaced)
            ] or taking
            # (the office the question writes, even one it gives a body's name after, "Tổng giám đốc Công
            # ty A"; not one of a person it names, "Tổng thống A bổ nhiệm ai thay ông B")
            office = wanted or [
                fold(m.group(0))
                for m in office_titles().finditer(q.text)
                if not has_person(m.group(0) + " " + " ".join(m.group("after").split()[:3]))
            ]
            if not taking and office:  # (or, in two sentences of one article, the one replaced of the
                # office asked, "Tổng giám đốc ... là ông A ... thôi nhiệm", and someone put in that office,
                # "bổ nhiệm bà B làm Tổng giám đốc")
                # (no other company than the one replaced's: not "Cùng ngày, Công ty B bổ nhiệm ông C làm Tổng
                # giám đốc"; nor an earlier appointment, "Năm 2015, ...")
                left = {e.doc_id: e for e in naming if _holds_title(e.text, office)}
                taking = [
                    e
                    for e in usable
                    if e.doc_id in left
                    and _holds_title(e.text, office)
                    and _TAKES_PLACE.search(same_tones(e.text))
                    and not any(_holds(_words_of("", e.text), n) for n in replaced)
                    and not _other_body(e.text, left[e.doc_id].text)
                    and not _EARLIER_APPOINTMENT.search(e.text)
                ]
                names = [n for n in names if n not in replaced]  # (named in the other sentence)
            usable = taking
            if not usable:
                return [], "no passage names " + " or ".join(replaced) + ", the one replaced"
        # ("Tư lệnh Hạm đội 7": someone named next to the office with the words the question gives it, in
        # a sentence that need not name the event)
        offices = _office_phrases(q, wanted)
        top = max(e.score for e in usable)
        about_saying = _asks_saying(q)
        # (an office the question gives someone else, "Ai nói Chủ tịch A có thể hiểu ...", is not asked: the
        # one asked need not hold it, as ``_lead_person`` reads it)
        wanted = [] if not offices and _office_phrases(q, wanted, asked=False) else wanted
        body = _body_asked(q)  # ("lãnh đạo nào của B": someone whose title names B)
        # ("theo lời mời của ai": a sentence naming someone right after "lời mời của", if any, whatever
        # the office the question gives its subject: "Tổng thống A sang thăm theo lời mời của những ai")
        usable = [e for e in usable if _person_after_asked(q, e.text)] or [
            e
            for e in usable
            if _person_for(q, e, wanted, names)
            or _companion(q, e.text)
            or _role_doer(q, e.text)
            or (body and _someone_of(q, e.text, body))
            or _office_agent(q, e.text)
            or _organiser(q, e.text)
            or _replacer(q, e.text)
            or _office_taken(q, e.text)
            or (offices and _person_near(q, e.text, offices))
            # (a sentence inside someone's quotation, about as relevant as the best, for a question about
            # what someone said: "lãnh đạo nào cảnh báo rằng ...")
            or (not wanted and about_saying and e.score >= p.stated_share * top and _quote_speaker(q, e))
        ]
        if not usable:
            return [], "no passage names a person for it"
        if body:  # ("lãnh đạo nào của Trung ương Đoàn": a sentence naming someone whose title names that
            # body, if any; not "ông A, Bí thư Tỉnh đoàn B, cho biết Trung ương Đoàn vừa ký ...")
            usable = [e for e in usable if _someone_of(q, e.text, body)] or usable
        # ("ai đã cùng A ...": a sentence that joins someone to A by "cùng" in the act asked, if any)
        usable = [e for e in usable if _companion(q, e.text)] or usable
        if _ASKS_OFFICE.search(q.words):  # ("A giữ chức vụ gì": a sentence that gives the person an office,
            # if any)
            # (the one whose office is asked: "Ông A ... giữ chức vụ gì" asks A's, "Ai ... và giữ chức vụ gì"
            # anyone's)
            anyone = re.search(r" (?:ai|who) ", q.words) is not None
            usable = [
                e
                for e in usable
                if (who := _lead_person(q, e))
                and _office_given(e.text, who)
                and (anyone or _asks_identity(q.words, who, q.text))
            ] or usable
        country = _asked_office_country(q)
        if country:  # ("Which Chilean president": not a sentence whose titled people, but those the
            # question names, are all of other countries, "Tổng thống Peru A"; if any other)
            usable = [e for e in usable if not _short_of_other_countries(e, country)]
            if not usable:
                return [], "no passage names a person of the country asked"
            usable = [e for e in usable if not _titled_of_other_countries(q, e.text, country)] or usable
        if q.role:  # "Ai chủ trì hội nghị?": a sentence that says someone chaired it, not that A attended
            # (or, for "Ai đại diện A ký ...", one that names someone for A, "Đại diện A, ông B phát biểu")
            bodies = _represented(q)
            usable = [e for e in usable if _acts(q, e) or _named_for(e.text, bodies)]
            if not usable:
                return [], f"no passage says who did it ({q.role[0]})"
        # "Ai ký ...?": not the guests a sentence lists ("Tham dự lễ ký kết có ông A, ..."), who attended
        if _says(q, *_ASKS_SIGNER) and not _says(q, *_ASKS_ATTENDANCE):
            usable = [e for e in usable if not _ATTENDING.match(e.text)]
            # (and, the signer asked as such, a sentence that says someone signed: not one where a leader
            # "nhấn mạnh", "nói")
            if _SIGNER_VERB.search(q.words) and not _represented(q):
                usable = [e for e in usable if _SIGNED_BY.search(e.text) or _paper_of(q, e.text)]
            # (a document of the kind the question names: not who signed a joint statement for "ai ký bản
            # ghi nhớ", when the sentence names the kind it signed)
            asked_kinds = _signed_kinds(q.words)
            if asked_kinds:
                usable = [
                    e for e in usable if (kinds := _signed_kinds(fold(e.text))) is None or kinds & asked_kinds
                ]
            if not usable:
                return [], "no passage names who signed"
        # a deal the question names by its amount ("ký thỏa thuận 1,8 tỷ USD"): the person is named in a
        # sentence about it (that gives the amount), or with the office and the body asked about, or with
        # the office asked in an article that gives the amount ("the 10,000 billion dong project": "Phó
        # thủ tướng A yêu cầu ... do dự án thuộc thẩm quyền ...", the amount in the article's lead), or,
        # the signer asked, in a sentence of such an article saying someone signed ("A vừa ký công văn")
        given = _amounts(q.text)
        signer_asked = _says(q, *_ASKS_SIGNER) and bool(_SIGNER_VERB.search(q.words))
        if given:
            bodies = _represented(q)
            usable = [
                e
                for e in usable
                if given <= _numbers(e.text)
                or _qualified_people(q, e.text, wanted)
                or (
                    not _amounts(e.text)  # (not a sentence about a deal of another amount)
                    # (the office asked, or, the signer asked, a sentence that says someone signed; or someone
                    # named with the body the question asks who represented, "Đại diện A, ông B")
                    and (
                        (_holds_title(e.text, wanted) if wanted else signer_asked and _signs_asked(q, e.text))
                        or _named_for(e.text, bodies)
                    )
                    and given <= _numbers(e.article.text)
                )
            ]
            if not usable:
                return [], "no passage names a person for the deal of that amount"
        # "the VNPT general director": a sentence naming someone with that office of that body, if any;
        # so for an office with the words the question gives it
        if offices:
            near = [e for e in usable if _person_near(q, e.text, offices)]
            # ("Ngoại trưởng Mỹ nào": none named so, then not a sentence whose holders of that office are
            # of other countries only, "Ngoại trưởng Canada A")
            countries = _office_countries(offices)
            if not near and countries:
                usable = [e for e in usable if not _of_other_countries(e.text, wanted, countries)]
                if not usable:
                    return [], "no passage names the holder of " + " or ".join(offices)
            usable = near or usable
        # ("người phát ngôn Nhà Trắng": not a sentence that gives that office of another body only,
        # "người phát ngôn của Cao uỷ Liên Hợp Quốc A")
        usable = [e for e in usable if not _office_of_other_body(q, e.text, wanted)]
        if not usable:
            return [], "no passage names the holder of that office of that body"
        usable = [e for e in usable if _qualified_people(q, e.text, wanted)] or usable
        # "Ai đại diện Tập đoàn X ký ...": someone named next to X ("Đại diện X, ông A"; "ông A – Tổng
        # giám đốc X"), not a guest of the ceremony; none, and the articles do not say
        bodies = _represented(q)
        if bodies:
            usable = [
                e for e in usable if _person_near(q, e.text, bodies) or _says_represents(q, e.text, bodies)
            ]
            if not usable:
                return [], "no passage names someone of " + " or ".join(bodies)
        # "the Lao side's leader": a sentence naming someone as of that side, if any ("Bí thư Trung ương
        # Đoàn ... Lào A"; not "anh B gặp đoàn đại biểu Lào", which names B of no side)
        side = _asked_side(q.words, q.text)
        if side:  # (else not a sentence whose titled people are all of other countries: "phát ngôn viên Bộ
            # Ngoại giao Lạc Sơn A" for "quan chức nào của Bộ Ngoại giao Hải Đông")
            usable = [e for e in usable if any(country & side for _, country in _titled(e.text))] or [
                e for e in usable if not _all_of_other_sides(q, e.text, side)
            ]
            if not usable:
                return [], "no passage names someone of the side asked"
    if q.qtype in ("when", "where"):
        # the date (the place) must come from a sentence about as relevant as the most relevant one, or
        # from one naming the very meeting asked about ("Trước đó, Hội nghị lần thứ nhất được tổ chức
        # vào ...", "Phái đoàn tại phiên họp lần thứ 25 ở Hạ Long")
        best_own = max(e.own for e in usable)
        upcoming = q.qtype == "when" and _asks_upcoming(q)  # "sẽ ký vào ngày nào", "when will"
        scored_best = max(usable, key=lambda e: e.score)
        best_doc = scored_best.doc_id
        deadline = q.qtype == "when" and _asks_deadline(q)  # (once, not once per sentence)
        continued = (
            {
                id(after)
                for e in usable
                if e.doc_id == best_doc
                and e.own >= p.stated_share * best_own
                and (after := _next_sentence(e, usable)) is not None
            }
            if deadline
            else set()
        )
        # ("vụ thử thứ 5 ... được phóng từ thành phố nào": the best sentence names the event and no place,
        # the one right after it gives the place of the kind asked, "tên lửa được phóng từ thành phố A")
        # (that writes the question's verb before it: "phóng từ thành phố A"; not where the next event was)
        kind = _ASKS_LOCALITY_KIND.search(q.words) if q.qtype == "where" else None
        after_best = (
            _next_sentence(scored_best, usable) if kind and _lead_place(q, scored_best) is None else None
        )
        if after_best is not None and not (
            kind
            and _kind_named(after_best.text, kind.group(1))
            and (verb := re.search(r"(\w+) $", q.words[: kind.start() + 1])) is not None
            and re.search(
                rf" {verb.group(1)}{kind.group(0)[:-4]}\w",
                f" {' '.join(_WORD.findall(fold(after_best.text)))} ",
            )
        ):
            after_best = None
        # (the best sentence's "hôm nay" of an undated article: the day another sentence of its article
        # gives the same person's act, "Thủ tướng A phát biểu tại B hôm 9/11", a photo's caption often)
        best_text = scored_best.text
        today = _today_of_undated(scored_best) if q.qtype == "when" else set()
        # (the first sentence after the best one, in its article, that names its event back and says
        # when it happened: "... một hành khách gây rối tại sân bay A ... Qua xác minh, sự việc xảy ra
        # vào ngày 1/8")
        # (the best sentence opening a quotation and giving no date: the one where the quotation closes
        # says who said it and when, "... hi vọng hão \", ông A viết trên Twitter ngày 6-3")
        # (asked when it was said or written: not the date of an act the quotation tells of)
        # (a question asking when a source it names reported: once, not once per sentence)
        reporting = q.qtype == "when" and bool(_reporting_sources(q))
        closing = (
            _quote_closing(scored_best, usable)
            if q.qtype == "when" and not scored_best.dates and _asks_said_or_written(q)
            else None
        )
        told = min(
            (
                e
                for e in usable
                if q.qtype == "when"
                and e.doc_id == best_doc
                and e.start >= scored_best.end
                and _EVENT_BACK.search(e.text)
            ),
            key=_start,
            default=None,
        )
        slotted = [
            e
            for e in usable
            if (
                (_clock(q, e.text) if _ASKS_CLOCK.search(q.words) else _dates_asked(q, e))
                if q.qtype == "when"
                else _lead_place(q, e)
            )
            and (
                e.own >= p.dated_share * best_own
                # (an English question's words are the glossary's, not the article's: the scorer's best
                # sentence too, which weighs more than the words shared)
                or (q.language == "en" and top > 0 and e.score >= 0.9 * top)
                # (a place of the kind asked, "bang nào", from a sentence the scorer finds at least half as
                # likely as its best, of the same article: "... nói với phóng viên tại bang X")
                or (
                    q.qtype == "where"
                    and _ASKS_LOCALITY.search(q.words) is not None
                    and top > 0
                    and e.score >= p.stated_share * top
                    and e.doc_id == best_doc
                    and _known_locality(_lead_place(q, e))
                )
                or (q.ordinals and all(mentions_meeting_number(e.text, n) for n in q.ordinals))
                # (a date of the best sentence's article that the scorer finds at least half as likely as
                # its best and that says the act asked: "Lễ ký kết diễn ra sáng 27/2", the signing named
                # again without its parties)
                or (
                    q.qtype == "when"
                    and top > 0
                    and e.score >= p.stated_share * top
                    and e.doc_id == best_doc
                    and (_says_acts(q, e.text) or _person_says(q, e.text))
                )
                # (so is a time limit asked, "hạn chót ... là ngày nào": a date of the best sentence's
                # article written as one, "trước nửa đêm ngày 5/5", half as relevant will do)
                # (or the sentence right after one of them: "... báo cáo lại việc A. Việc báo cáo này phải
                # hoàn thành trước ngày 21-12")
                or (
                    deadline
                    and e.doc_id == best_doc
                    and (e.own >= p.stated_share * best_own or id(e) in continued)
                    and bool(_dates_asked(q, e, marked=True))
                )
                # (an upcoming date is rarer: half as relevant as the best sentence will do)
                or (upcoming and e.own >= p.stated_share * best_own and _upcoming(q, e))
                # (or, of the best sentence's article, one naming the question's subject again by the
                # words it opens with, "Giải đua dự kiến tổ chức vào tháng 4" for "Giải đua xe ...
                # dự kiến được tổ chức khi nào", that dates the act asked, or what is upcoming if asked)
                or (
                    e.doc_id == best_doc
                    and _opens_as_question(q, e.text)
                    and (bool(_upcoming(q, e)) if upcoming else _says_acts(q, e.text))
                )
                or e is told
                or e is closing
                or e is after_best
                # (the signing of a paper asked, "ký văn bản ... ngày nào": a sentence of the best one's
                # article that dates the signing of that kind of paper, "Văn bản do Thứ trưởng A ký ngày 9-1")
                or (q.qtype == "when" and e.doc_id == best_doc and _signing_dated(q, e.text))
                or (reporting and _source_dated(q, e.text))
                # (where the thing the question opens with is: a sentence of the best one's article that
                # writes it with its place right after, "căn biệt thự ở xã A" for "căn biệt thự ... nằm ở
                # đâu")
                or (q.qtype == "where" and e.doc_id == best_doc and _subject_placed(q, e.text))
                or (
                    bool(today)
                    and e.doc_id == best_doc
                    and bool(today & _named_people(e.text))
                    and any(d.precision == "day" for d in e.dates)
                    and _same_act(q, best_text, e.text)
                )
            )
        ]
        if q.qtype == "when" and not slotted:
            return [], "the passages that match do not give a date"
        if reporting:  # ("Reuters đưa tin ... ngày nào": the date of that source's report, over a
            # date another article gives; not over one its own article gives the event, "Ngày 20/3, tàu ...")
            reports = [e for e in slotted if _source_dated(q, e.text)]
            own = {e.doc_id for e in reports}
            if reports and not any(e.doc_id in own and not _source_dated(q, e.text) for e in slotted):
                slotted = reports
        if q.qtypes == ["when"] and not _ASKS_CLOCK.search(q.words):  # (a date the answer can lead with,
            # if any: not one ``_lead_date`` turns down, "cam kết theo thoả thuận hồi tháng 9")
            slotted = [e for e in slotted if _lead_date(q, e)] or slotted
        if q.qtype == "when" and _PHONED.search(q.words):  # ("điện đàm ... vào ngày nào": a sentence
            # that says they spoke by phone, if any; not the day of talks to come, "sẽ hội đàm ... 29/6")
            slotted = [e for e in slotted if _PHONED.search(_words_of("", e.text))] or slotted
        if q.qtype == "where":  # ("quê ở tỉnh nào": a sentence that gives the place after "quê", if any)
            slotted = [e for e in slotted if _home_place(q, e.text)] or slotted
        if q.qtype == "where" and not slotted:  # (a place of any kind, in any sentence, or none is given)
            if not any(_lead_place(q, e) or _PLACE_WORD.search(e.text) for e in usable):
                return [], "the passages that match do not give a place"
        if q.qtype == "where" and _ASKS_ADDRESS.search(q.words):  # "có địa chỉ ở đâu": a street address
            # the best sentence's article writes, if any
            slotted = [e for e in usable if e.doc_id == best_doc and _address(e.text)] or slotted
        if q.qtype == "where" and _ASKS_STREET.search(q.words):  # "nằm trên đường phố nào": a sentence of the
            # best one's article naming a street or an address, else the articles do not say
            slotted = [
                e
                for e in usable
                if e.doc_id == best_doc and (_address(e.text) or _STREET_NAMED.search(e.text))
            ]
            if not slotted:
                return [], "the passages name no street"
        if q.qtype == "when" and _ASKS_SPAN.search(q.words):  # "từ ngày nào đến ngày nào": a span, if any
            spans = [e for e in slotted if any(d.precision == "range" for d in e.dates)]
            if not spans and slotted:  # ("Sự kiện diễn ra từ ngày 25 - 26/11": the event of the best
                # sentence's article, written as such)
                doc = max(slotted, key=lambda e: e.score).doc_id
                spans = [
                    e
                    for e in usable
                    if e.doc_id == doc
                    and _EVENT_AGAIN.match(e.text)
                    and any(d.precision == "range" for d in e.dates)
                ]
            slotted = spans or slotted
        elif q.qtype == "when":  # "đến năm nào": a sentence that writes a date as the end asked, if any
            slotted = [e for e in slotted if _dates_asked(q, e, marked=True)] or slotted
            # ("vụ A xảy ra vào ngày nào": a sentence about as relevant as the best that writes the words
            # before it right before a date, "vụ A đã xảy ra vào sáng 9/6", if any; not the day the news
            # reports, "Sáng 13/6, ông B cho biết ... A")
            slotted = [
                e
                for e in slotted
                if e.own >= p.dated_share * best_own
                and e.score >= p.stated_share * scored_best.score
                and _dated_as_asked(q, e)
            ] or slotted
            # ("vào tối ngày nào": a sentence that dates it with that part of the day, if any)
            slotted = [e for e in slotted if _at_part_asked(q, e.dates)] or slotted
            # ("trưng cầu dân ý lần hai vào thời điểm nào": a sentence dating the time of that number, if
            # any; not "từng tổ chức ... vào tháng 9/2014", the first)
            nth = _nth_times(q.text)[:1] if q.language != "en" else []
            if nth:
                slotted = [
                    e for e in slotted if nth[0] in _nth_times(e.text) and _first_of_asked(q, e, nth[0])
                ] or slotted
        if q.qtypes == ["when"] and _says(q, *_ASKS_SIGNER):  # "ký ... vào ngày nào": a sentence that
            # says someone signed, if any (not the meeting that announced the deal the day after; a
            # further part, "ở đâu và ký ngày nào", is looked for in the same sentences)
            slotted = [e for e in slotted if _SIGNED.search(e.text)] or slotted
        if upcoming:  # a date the article gives as upcoming ("dự kiến", "sẽ", "tới"), not the day it reports
            # (when it is only someone's word, "tuyên bố sẽ rút ... vào ngày nào", the day of the word will
            # do when no sentence gives the act's: "... ngày 20-10, tuyên bố sẽ rút")
            said = _reported_will(q)
            slotted = [e for e in slotted if _upcoming(q, e)] or [
                e for e in slotted if any(f" {v} " in _words_of("", e.text) for v in said)
            ]
            if not slotted:
                return [], "the passages that match give no upcoming date"
        usable = slotted or usable  # (a place is often written in other ways: a where-answer may lack it)
    return usable, ""


# talking by phone (folded words): "điện đàm", "cuộc điện thoại", "phone call", "spoke by phone" (not a
# "phone number")
_PHONED = re.compile(
    r" (?:dien dam|(?:cuoc|qua|goi) dien thoai|goi dien|dien thoai (?:cho|voi)"
    r"|noi chuyen (?:qua )?dien thoai|(?:tele)?phone (?:calls?|conversations?|talks?)|(?:tele)?phoned"
    r"|by (?:tele)?phone|over the (?:tele)?phone) "
)


# the two words a Vietnamese when-question writes before what it asks ("xảy ra vào ngày nào", folded)
_ASKED_DATE_VERB = re.compile(
    r" (\w+ \w+) (?:vao )?(?:(?:ngay|thoi gian|thoi diem|hom|luc|nam|thang) nao|khi nao|bao gio) "
)


def _dated_as_asked(q: Question, e: Evidence) -> bool:
    """``e`` writes the two words the question writes before "(vào) ngày nào" right before one of its
    dates ("xảy ra vào sáng 9/6" for "xảy ra vào ngày nào"), "vào", "lúc" or "trong", a part of the day
    and "ngày" or "hôm" between at most."""
    m = _ASKED_DATE_VERB.search(q.words) if q.language != "en" and q.qtypes == ["when"] else None
    # (words of an act: not a name, "đoàn đại biểu Quốc hội Bình An vào ngày nào")
    if m is None or set(m.group(1).split()) <= STOP_WORDS or any(m.group(1) in n for n in required_names(q)):
        return False
    upcoming = _asks_upcoming(q)
    for d in e.dates:
        if d.future and not upcoming:  # (not "dự kiến diễn ra ngày 16/5" for what took place)
            continue
        window = e.text[max(0, d.start - 30) : d.start]
        verb = r"\W+".join(m.group(1).split())
        at = re.search(
            rf"(?<!\w){verb}(?:\W+(?:vao|luc|trong))?(?:\W+(?:sang|chieu|toi|trua|dem))?(?:\W+(?:ngay|hom))?\W*$",
            fold(window),
        )
        # (as written in lower case, the words of an act: not "Tại Tân Hòa hôm 5/6" for "đến tân hòa khi nào")
        if at is not None and window[at.start() : at.start() + len(m.group(1))].islower():
            return True
    return False


# the time of an event's number, as written with its marks ("lần hai", "lần thứ 3", "lần đầu" the first;
# not "Thái Lan hai lần"; "tư", "năm" only after "thứ": "lần năm 2014" is no fifth time)
_NTH_TIME = re.compile(
    r"(?<!\w)lần\s+(?:(?:thứ|thu)\s+(nhất|nhat|hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|tám|tam|chín|chin|mười|muoi|\d{1,2})"
    r"|(hai|ba|sáu|sau|bảy|bay|tám|tam|chín|chin|\d{1,2})|(đầu|dau)(?!\s+(?:tư|tu)(?!\w)))(?!\w)"
)
_NTH_WORDS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_NTH_WORDS |= {fold(w): n for w, n in _NTH_WORDS.items()}


def _nth_times(text: str) -> list[int]:
    """The numbers of the times ``text`` names, in order ("lần hai", "lần thứ 2": 2; "lần đầu", "lần thứ
    nhất": 1, not "lần đầu tư"; typed without marks, "lan hai")."""
    lowered = same_tones(text.lower())
    found = _NTH_TIME.finditer(lowered if has_diacritics(text) else lowered.replace("lan ", "lần "))
    return [
        1 if m.group(3) else int(n) if n.isdigit() else _NTH_WORDS[n]
        for m in found
        if (n := m.group(1) or m.group(2) or m.group(3))
    ]


def _first_of_asked(q: Question, e: Evidence, n: int) -> bool:
    """A first time the sentence writes is of the act asked: a word of the question's (no name's, nor one of
    "lần đầu tiên" or of asking when) within the four words either side of "lần đầu" or "lần thứ nhất"
    (not "thủy thủ lần đầu tiên giao lưu" for "thăm lần đầu tiên")."""
    if n != 1:
        return True
    # (nor "thứ nhất" unless the question writes it so: "thử", "Nhật" are words of the act)
    ordinal = {"thu", "nhat"} if " lan thu nhat " in q.words else set()
    asked = set(q.terms) - _name_words(q) - STOP_WORDS - _WHEN_WORDS - {"lan", "dau", "tien"} - ordinal
    words = _WORD.findall(fold(e.text))
    return any(
        asked & set(words[max(0, k - 4) : k] + words[k + size : k + size + 4])
        for k in range(len(words) - 1)
        for size in (2, 3)  # ("lần đầu", "lần thứ nhất")
        if words[k : k + size] in (["lan", "dau"], ["lan", "thu", "nhat"])
    )


_DATE_WORD_SET = frozenset("ngay thang nam hom sang chieu toi trua dem".split())


def _opens_as_question(q: Question, text: str) -> bool:
    """``text`` opens with the question's first two words, the head of its subject written in lower case
    after the first ("Giải đua ..." for "Giải đua xe ... khi nào"; not a title, a name, nor a question
    word: "Thủ tướng", "Bình An", "Khi nào")."""
    if q.language == "en":
        return False
    opening = q.text.split()[:2]
    written = text.split()[:2]
    if len(opening) < 2 or len(written) < 2 or not opening[1][:1].islower():
        return False
    head = " ".join(fold(w) for w in opening)
    if head in _folded_title_set() or set(head.split()) & (_QUESTION_WORDS | STOP_WORDS):
        return False
    return " ".join(fold(w).strip(",.:") for w in written) == head


def _subject_placed(q: Question, text: str) -> bool:
    """``text`` writes the three words a Vietnamese where-question opens with (its subject's head, not a
    title, a name, a question word nor function words only: "căn biệt thự", "nhà máy thủy"), then at most
    two words, then "ở" or "tại" and a capitalised name ("căn biệt thự ở xã Sơn Đông": a place's kind
    allowed before it)."""
    if q.language == "en":
        return False
    opening = q.text.split()[:3]
    if len(opening) < 3 or opening[1][:1].isupper() or any(w[:1].isdigit() for w in opening):
        return False
    words = [fold(w).strip(",.:") for w in opening]
    if " ".join(words[:2]) in _folded_title_set() or set(words) & _QUESTION_WORDS or set(words) <= STOP_WORDS:
        return False
    folded = fold(text)
    if len(folded) != len(text):
        return False
    for m in re.finditer(rf"(?<!\w){re.escape(' '.join(words))}(?: \w+){{0,2}}? (?:o|tai) ", folded):
        after = text[m.end() : m.end() + 40]
        if re.match(r"(?:(?:xã|phường|huyện|quận|tỉnh|thành phố|TP\.?)\s+)?[A-ZĐ]", after):
            return True
    return False


# an event named back as the subject of its happening ("sự việc xảy ra vào", "vụ việc trên diễn ra")
_EVENT_BACK = re.compile(
    r"\b(?:[Ss]ự việc|[Vv]ụ việc|[Ss]ự cố|[Ss]ự kiện|[Vv]ụ (?:việc )?(?:này|trên)|[Vv]iệc này)"
    r"(?:\s+(?:này|trên|nói trên))?\s+(?:đã\s+|được\s+)?(?:xảy ra|diễn ra)\b"
)


def _same_act(q: Question, text: str, other: str) -> bool:
    """``text`` and ``other`` write a pair of words of the question in lower case, as an act ("phát biểu"
    in "tuyên bố trong bài phát biểu" and "phát biểu tại Viện B"; not "hội đàm" for "hội kiến", nor an
    office's "Thủ tướng")."""

    def pairs(sentence: str) -> set[str]:  # (of content words: not "trong một", "vào ngày")
        words = re.findall(r"[\w-]+", sentence)
        return {
            f"{fold(a)} {fold(b)}"
            for a, b in zip(words, words[1:], strict=False)
            if a[:1].islower()
            and b[:1].islower()
            and not {fold(a), fold(b)} & (STOP_WORDS | _NUMBER_WORDS | _DATE_WORD_SET)
        }

    asked = q.words.split()
    return bool({" ".join(p) for p in zip(asked, asked[1:], strict=False)} & pairs(text) & pairs(other))


# a reason given ("lí do là", "bởi vì", "là do", "nguyên nhân", "because"), as written; not "ký bởi" (by),
# "vì lợi ích chung" (for), "vì vậy" (so), "vì sao"
_BECAUSE = re.compile(
    r"\b(?:lí do|lý do|nguyên nhân|bởi vì|là bởi|là vì|là do|because|due to"
    r"|vì(?!\s+(?:vậy|thế|sao|lợi ích|hoà bình|hòa bình|mục tiêu|một|sự|tương lai|người)\b))\b"
    # (and the reason before a consequence the sentence draws itself: "đây là dự án ... vốn ODA, nên nếu thu
    # phí là chưa phù hợp"; not one that opens it, "Vì vậy, ...", whose reason is the sentence before)
    r"|,\s*(?:nên|cho nên|vì vậy|vì thế|do đó|do vậy)\b",
    re.IGNORECASE,
)


# a sentence opening with the reason of what the one before says ("Lý do là ...", "Nguyên nhân là do"), and
# how far after the best sentence (in characters) it may come
# (saying it: "Lý do là", "Nguyên nhân chính là do"; not "Nguyên nhân ... đang được điều tra")
_REASON_OPENS = re.compile(r"(?:Lí do|Lý do|Nguyên nhân|Sở dĩ)(?:\s+chính)?\s+(?:là|bởi|vì|do)\b")
_REASON_REACH = 600


# a what-question asking an event's theme (folded words): "có chủ đề gì", "mang chủ đề chính thức là gì",
# "what was the theme"; not "những chủ đề nào", nor "trao đổi về chủ đề gì", the topics discussed
_ASKS_THEME = re.compile(
    r" (?:co|mang|voi|lay|duoi) chu de (?:chinh thuc )?(?:la )?gi"
    r" | (?:was|is) (?:the|its) (?:official )?theme "
)
# a what-question asking what someone called something: "X gọi (coi, mô tả, ví, xem) Y là gì", as written
# with marks (not "kêu gọi", "tên gọi", "cách gọi", "vì", "vị trí"); typed without them, "goi" and "mo ta"
# only (not "gợi ý", "gọi điện")
_CALLED_MARKED = re.compile(
    r"(?<!\w)(?<!tên )(?<!cách )(?<!kêu )(?P<verb>gọi|coi|mô tả|ví|xem)\s+(?:\w+\s+){1,10}?là\s+gì\b"
)
_CALLED_UNMARKED = re.compile(
    r"(?<! ten)(?<! cach)(?<! keu) (?P<verb>goi|mo ta) (?!y |dien )(?:\w+ ){1,10}?la gi "
)
_VERB_MARKED = {"goi": "gọi", "mo ta": "mô tả"}


def _called_asked(q: Question) -> tuple[str, str] | None:
    """The verb of calling a Vietnamese what-question asks about (``_CALLED_MARKED``), as written with its
    marks, and the question's folded words before it (whoever called it so); None when it asks no such."""
    if q.language == "vi":
        m = _CALLED_MARKED.search(same_tones(q.text.lower()))
        return (m["verb"], f" {fold(m.string[: m.start()])} ") if m else None
    if q.language == "vi-nodiacritics":
        m = _CALLED_UNMARKED.search(q.words)
        return (_VERB_MARKED[m["verb"]], m.string[: m.start() + 1]) if m else None
    return None


def _calls_as_asked(q: Question, called: tuple[str, str], text: str) -> bool:
    """``text`` writes the verb of calling the question asks about (``_called_asked``) with a "là" after
    it in the same clause, and a name the question gives before that verb (who called it so) before it."""
    verb, before = called
    written = same_tones(text.lower())
    at = re.search(rf"(?<!\w)(?<!kêu ){verb}\b[^,;.]*?\blà\b", written)
    if at is None:
        return False
    subjects = [n for n in required_names(q) if f" {n} " in before]
    return any(re.search(rf"\b{re.escape(n)}\b", fold(text[: at.start()])) for n in subjects)


def _what_stems(q: Question) -> list[str]:
    """The words a Vietnamese what-question writes right before "gì" ("kêu gọi các bên tôn trọng điều gì":
    "keu goi cac ben ton trong"), folded, when they are four words or more: a sentence writing them
    whole goes on with the answer; then their end from a name the question gives, when it is followed by
    a word of its own ("đòi B phải làm gì": "b phai", as "A yêu cầu B phải rút quân ..." writes it)."""
    stem = _what_stem(q)
    if not stem:
        return []
    padded = f" {stem} "
    tails = [
        tail
        for n in required_names(q)
        if f" {n} " in padded
        and (tail := padded[padded.rindex(f" {n} ") :].strip()) != stem
        and len(tail.split()) > len(n.split())
    ]
    return [stem, *tails[:1]]


def _what_stem(q: Question) -> str:
    """The words a what-question writes right before "gì" (``_what_stems``), four or more, or ""."""
    if q.language == "en":
        return ""
    if " gi " not in q.words:
        return ""
    words = q.words.split(" gi ", 1)[0].split()
    while words and words[-1] in ("dieu", "nhung", "cai", "viec", "van", "de", "lam"):  # ("làm gì")
        words = words[:-1]
    words = words[-6:]
    while words and words[0] in ("da", "se", "dang", "co", "deu", "cung", "con", "la"):
        words = words[1:]
    return " ".join(words) if len(words) >= 4 else ""


def _today_of_undated(ev: Evidence) -> set[str]:
    """The people ``ev`` names when it dates its act by the article's own day ("hôm nay", "sáng nay") and
    the article gives no date to resolve it by; else none."""
    if _reference(ev.article) is not None or not any(
        d.relative and d.iso is None and d.precision == "day" and fold(d.text).split()[-1] == "nay"
        for d in find_dates(ev.text, None, relative=True)
    ):
        return set()
    return _named_people(ev.text)


def _named_people(text: str) -> set[str]:
    """The people ``text`` names: by name (``person_names``) or after their titles (``_titled_names``)."""
    return {*person_names(text), *_titled_names(text)}


# who signed, who attended (marked words, or folded and English ones)
_ASKS_SIGNER = (  # (not the nouns "thư ký", "đăng ký", "chữ ký", "ký túc xá")
    re.compile(r"(?<!\bthư)(?<!\bđăng)(?<!\bchữ) (?:ký|ký kết|đặt bút) (?!túc )"),
    re.compile(
        # (folded, nor "Thổ Nhĩ Kỳ", "Hoa Kỳ" (but "Thanh Hóa ký"), "nhiệm kỳ", "thời kỳ", "học kỳ", "kỳ họp"
        # (but "ký hợp tác", "ký hợp đồng"), "kỷ niệm", "kỷ lục", "kỷ luật", "kỳ vọng", "kỳ thi", "kỹ sư")
        r"(?<!\bthu)(?<!\bdang)(?<!\bchu)(?<!\bnhi)(?<!(?<!thanh |khanh )\bhoa)(?<!\bnhiem)(?<!\bthoi)"
        r"(?<!\bhoc) (?:ky|ky ket|dat but) (?!tuc |niem |luc |luat |vong |thi |su |hop (?!tac|dong))"
        r"| (?:sign|signed|signs|signing|signatory|signatories) "
    ),
)
# signing as what the person asked did ("Ai đã ký ...", "who signed"; not "phát biểu tại lễ ký", "the
# signing ceremony", "đề xuất ký hiệp định")
# a what- or list-question for the things signed ("đã ký kết văn kiện gì", "ký những thỏa thuận nào", "what
# did they sign", "which agreements were signed"), folded
_ASKS_SIGNED = re.compile(
    r" (?:ky|ky ket) "
    r"(?!(?:luat|niem|luc|vong|thi|hop|su|nang|thuat|tich) )(?:(?:nhung|cac) )?(?:\w+ ){0,3}?"
    r"(?:gi|nao) "
    r"| what (?:\w+ ){0,8}?sign | which (?:\w+ ){0,3}?(?:were|was|did) (?:\w+ ){0,8}?sign"
)


# "ky" after these is another word: "thư ký", "Hoa Kỳ", "nhiệm kỳ", "thế kỷ", "thời kỳ", "chu kỳ", "nhật ký",
# "học kỳ"; typed without marks, "đăng ký" too (registering, over "đang ký", which the marks tell apart)
_KY_OF_OTHER_WORDS = re.compile(r" (?:thu|hoa|nhiem|the|thoi|chu|nhat|hoc) ky(?= )")
_KY_OF_OTHER_WORDS_PLAIN = re.compile(r" (?:dang|thu|hoa|nhiem|the|thoi|chu|nhat|hoc) ky(?= )")


def _asks_signed(q: Question) -> bool:
    """A what- or list-question asks for the things signed (``_ASKS_SIGNED``); written with marks, with
    "ký"/"kí" itself ("kỷ luật", "kỷ niệm", "đăng ký", "thư ký" are no signing; "đang ký" is); no "ky" of
    another word either way (``_KY_OF_OTHER_WORDS``: "trong nhiệm kỳ nào")."""
    if q.language == "vi":  # ("kí" folds to "ki"; "đang ký" is signing, which the marks tell)
        signing = re.search(r"(?<!đăng )(?<!thư )\b(?:ký|kí)\b", same_tones(q.text), re.IGNORECASE)
        words = _KY_OF_OTHER_WORDS.sub(" x", re.sub(r" ki(?= )", " ky", q.words))
        return signing is not None and _ASKS_SIGNED.search(words) is not None
    return _ASKS_SIGNED.search(_KY_OF_OTHER_WORDS_PLAIN.sub(" x", q.words)) is not None


# a what-question asking what parties agreed (folded: "đã thống nhất những gì", "đạt được thỏa thuận gì",
# "sẽ cam kết với A những gì", "what did A and B agree on", "what was agreed", "which agreements did"): the
# verb after "đã", "đạt được", "sẽ", "đều", "cùng", so that a name folded the same is not read as one
# ("huyện Thống Nhất có những xã nào", "bác sĩ Đông y nào")
_ASKS_AGREED = re.compile(
    r" (?:da|dat duoc|se|deu|cung) (?:cung )?(?:thong nhat|nhat tri|dong y|thoa thuan|cam ket|ky ket)"
    r"(?: duoc)? "
    r"(?:voi (?:\w+ ){1,4}?)?(?:(?:nhung|cac|ve) )?(?:\w+ ){0,4}?(?:gi|nao) "
    r"| what (?:did|do|does|have|has|had|will|would|could) (?:\w+ ){0,8}?agreed? | what was agreed "
    r"| (?:what|which) (?:\w+ )?agreements? (?:did|do|does|were|was|have|has|had|will) "
    r"| what (?:\w+ ){0,8}?reach (?:an )?agreements? "
)
# a sentence saying something was agreed, as written ("Hai bên nhất trí", "ký kết", "đồng thuận", "hiệp
# định"; not "Sân vận động Thống Nhất", "Tổng Thư ký", "nhật ký", "ký túc xá", "ký quỹ"), and a negation
# within the three words before it ("không đồng ý", "không thể thống nhất", "chưa đạt được thỏa thuận", "Mỹ
# không ký": ``_says_agreed``)
_AGREED = re.compile(
    r"\b(?:[Nn]hất trí|[Tt]hống nhất|[Đđ]ồng ý|[Đđ]ồng thuận|[Tt]h(?:ỏa|oả) thuận"
    r"|[Cc]am kết|[Tt]án thành|[Cc]hấp thuận|[Hh]iệp định|[Hh]iệp ước)\b"
    r"|(?<![Đđ]ăng )(?<![Tt]hư )\b(?:(?<![Nn]hật )[Kk][ýí]|[Kk][ýí](?= kết))\b"
    r"(?! (?:hiệu|ức|túc|sinh|giả|tự|sự|quỹ|họa|hoạ|gửi|thác|âm))|\b[Aa]gree"
)
_NEGATED_BEFORE = re.compile(
    r"(?<!hàng )(?<!phòng )\b(?:không|chưa|chẳng)\b(?!\s+(?:chỉ|những|quân|gian|khí)\b)(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)  # (not "hàng không", "Phòng không - Không quân", "không chỉ ... mà còn")


def _says_agreed(text: str) -> bool:
    """``text`` says something was agreed (``_AGREED``), not negated within the three words before."""
    return any(
        not _NEGATED_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) for m in _AGREED.finditer(text)
    )


def _asks_agreed(q: Question) -> bool:
    """A what- or list-question asks what parties agreed (``_ASKS_AGREED``)."""
    return q.qtype in ("what", "list") and _ASKS_AGREED.search(q.words) is not None


def _agreement_said(e: Evidence, evidence: list[Evidence]) -> bool:
    """``e`` says something was agreed (``_says_agreed``), or a candidate right before or after it does:
    what it goes on ("..., một lệnh ngừng bắn đã được đưa ra. Hai bên nhất trí ..."), or what it gives
    ("Hai bên đạt được sự đồng thuận. Theo đó, ...")."""
    near = (e, _previous_sentence(e, evidence), _next_sentence(e, evidence))
    return any(_says_agreed(s.text) for s in near if s is not None)


_SIGNER_VERB = re.compile(
    r"^ (?:ai|nguoi)(?: (?!le |buoi |sau |khi |tai |truoc |trong )\w+){0,7} (?:ky|ky ket|dat but) "
    r"| who (?:\w+ )?(?:signed|signs|will sign|sign) "
)


# a sentence saying someone signed (marked words: not "Hoa Kỳ", "nhiệm kỳ", "kỷ niệm", "đăng ký", "thư ký")
_SIGNED = re.compile(r"(?<!đăng )(?<!thư )\b(?:ký|kí|đặt bút)\b(?! hiệu)|\bsign", re.IGNORECASE)
# ... by someone: not a signing the sentence names as a thing ("bình luận về việc ký kết", "dự lễ ký")
_SIGNED_BY = re.compile(
    r"\b(?:thực hiện|tiến hành)\s+lễ\s+ký\b"
    r"|(?<!đăng )(?<!thư )(?<!việc )(?<!lễ )\b(?:ký|kí|đặt bút)\b(?! hiệu)|\bsign",
    re.IGNORECASE,
)
# a place of any kind a sentence names (a where-answer need not be one "tại" introduces: "thuộc Khu công
# nghiệp X", "lãnh đạo tỉnh X")
_PLACE_WORD = re.compile(
    r"(?i:\b(?:thuộc|nằm (?:ở|tại|trong|trên))|(?<!\w)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|bang"
    r"|khu công nghiệp|khu kinh tế|thủ đô))\s+[A-ZĐ]"
)
_ASKS_ATTENDANCE = (
    re.compile(r" (?:tham dự|có mặt) "),
    re.compile(r" (?:tham du|co mat|attend|attended|attends|attending|present) "),
)
# the kind of document signed, right after "ký (kết)" (folded)
_KINDS = (
    r"ban ghi nho|bien ban ghi nho|thoa thuan|hiep dinh|hop dong|tuyen bo chung|nghi dinh thu|bien ban"
    r"|ke hoach|chuong trinh|cong uoc|hiep uoc"
)
_SIGNED_KIND = re.compile(rf"\b(?:ky|ky ket)(?: (?:cac|nhung|mot|hai|ba|\d+))? ({_KINDS})\b")


def _signed_kinds(folded: str) -> set[str] | None:
    """The kinds of document ``folded`` text says were signed ("ký bản ghi nhớ" -> {"ban ghi nho"}),
    with those listed after the first ("ký bản ghi nhớ và thỏa thuận"), or None when it names none
    ("biên bản ghi nhớ" and "bản ghi nhớ" are one kind)."""
    kinds: list[str] = []
    for m in _SIGNED_KIND.finditer(folded):  # (each "ký X", and a kind joined to it by "và", "cùng")
        kinds.append(m.group(1))
        joined = re.match(rf"(?:\s+\w+){{0,4}}?\s+(?:va|cung)\s+({_KINDS})\b", folded[m.end() :])
        if joined:
            kinds.append(joined.group(1))
    return {k.replace("bien ban ghi nho", "ban ghi nho") for k in kinds} or None


# a sentence that lists who attended: "Tham dự buổi lễ ký kết có ông A ...", "Có mặt tại lễ ký có ..."
_ATTENDING = re.compile(r"\W*(?:Cùng\s+)?(?:Tham dự|Có mặt)\b[^.;:]{0,80}?\s(?:có|gồm)\s", re.IGNORECASE)


# a question about an upcoming event
_ASKS_UPCOMING = (
    re.compile(r" (?:sẽ|dự kiến|sắp) "),
    re.compile(r" (?:se|du kien|sap|will|to be|scheduled|expected to|planned to|plans to) "),
)
# a verb of saying, lower case: what follows it is what was said
_SAYING = re.compile(r"\b(?:tuyên bố|cho biết|cho rằng|cho hay|nói|khẳng định|tiết lộ)\b")
# "sẽ" reported by a verb of saying ("tuyên bố sẽ rút ... vào ngày nào": when it was said)
_REPORTED_WILL = (
    re.compile(
        # (the one who will act may come between, a name or "hai bên": "tuyên bố Washington sẽ rút"; not
        # a noun's "công bố", "thông báo": "Lễ công bố quy hoạch sẽ diễn ra", "Bản thông báo của Bộ sẽ")
        # (nor a paper's "xác nhận": "Giấy xác nhận sẽ được cấp", "phiếu xác nhận")
        r"(?<![Ll]ễ )(?<![Bb]uổi )(?<![Bb]ản )(?<![Bb]ài )(?<!quả )(?<![Cc]uộc )(?<![Ll]ời )(?<![Vv]iệc )"
        r"(?<![Gg]iấy )(?<![Pp]hiếu )(?<![Đđ]ơn )"
        r"\b((?i:tuyên bố|cho biết|nói(?! chuyện)|khẳng định|xác nhận|thông báo|công bố|tiết lộ))"
        rf"((?: rằng| là)?(?: [{_CAPS}][\w-]*){{0,3}}"
        r"(?: (?:hai|các) bên| họ| chúng tôi| nước này)?) (?:sẽ|sắp)\b"
    ),
    re.compile(  # (folded, not "noi": "Hà Nội", "nơi"; the one who will act, one word, may come between:
        # "xac nhan kovana se rut", "confirmed that Kovana will"; not "giay xac nhan se duoc cap")
        r"(?<!giay )(?<!phieu )(?<!don )"
        r"\b(tuyen bo|cho biet|khang dinh|xac nhan|thong bao|cong bo|tiet lo|said|announced|declared"
        r"|confirm(?:s|ed)?)"
        r"((?: rang| la| that)?(?: he| she| it| they| (?:hai|cac) ben| ho| chung toi| \w+)?)"
        r" (?:se|sap|will)\b"
    ),
)

# "sẽ" in a judgement, the words of what is judged between ("nhận định mức tăng lương năm sau sẽ thấp hơn
# ... vào ngày nào": when it was judged, from a sentence that says so when none gives a date to come); not
# a clause of its own ("nhận định ... và sẽ ký"), nor the noun ("kết quả nhận định", "nhận định của chuyên
# gia sẽ được công bố"); "đánh giá" is too often one ("kỳ thi đánh giá năng lực", "báo cáo đánh giá")
_JUDGED_WILL = (
    re.compile(
        r"(?<!quả )(?<!cáo )(?<![Bb]ản )(?<!những )(?<!các )(?<!lời )\b((?i:nhận định|nhận xét))(?! của\b)"
        r"((?: (?!(?:và|rồi|để|lại|thì|nhưng)\b)[\w-]+){0,8}?) (?:sẽ|sắp)\b"
    ),
    re.compile(
        r"(?<!ket qua )(?<!bao cao )(?<!ban )(?<!nhung )(?<!cac )(?<!loi )"
        r"\b(nhan dinh|nhan xet|assess(?:ed|es)?|judged?|judges)(?! cua\b)"
        r"((?: (?!(?:va|roi|de|lai|thi|nhung|and|then)\b)[\w-]+){0,8}?) (?:se|sap|will|would)\b"
    ),
)


def _asks_upcoming(q: Question) -> bool:
    """The question asks about a time to come ("sẽ ký vào ngày nào", "when will"); not one ordering two
    events ("A trước hay sau khi ông nói B sẽ không đáp trả?": what someone said would be is one of
    them, each one's date is asked)."""
    return not q.events and _says(q, *_ASKS_UPCOMING, asking_only=True)


def _reported_will(q: Question) -> tuple[str, ...]:
    """The verbs of saying (folded) when the question's time to come is only what someone said would be
    ("A tuyên bố sẽ rút khỏi hiệp ước vào ngày nào"): it may ask for the day it was said, from a sentence
    that says so; else none."""
    marked = q.language == "vi"
    said = (_REPORTED_WILL[0 if marked else 1], _JUDGED_WILL[0 if marked else 1])
    asked = q.text if marked else fold(q.text)  # (with its capitals: the one who will act is a name)
    text = said[1].sub(r"\1\2", said[0].sub(r"\1\2", asked))
    if text == asked or _says(replace(q, text=text), *_ASKS_UPCOMING, asking_only=True):
        return ()
    return tuple(dict.fromkeys(fold(m.group(1)) for r in said for m in r.finditer(asked)))


def compose(
    q: Question,
    evidence: list[Evidence],
    hits: list[Hit],
    max_citations: int,
    p: AnswerParams = DEFAULT_PARAMS,
) -> Answer:
    ranked = sorted(evidence, key=lambda e: -e.score)
    usable, why = _answerable(q, ranked, p)
    if why is not None:
        answer = _abstain(q, ranked, hits, max_citations)
        answer.extra["abstain_reason"] = why
        return answer
    ranked = usable
    best = ranked[0]
    listed = _LISTED_KINDS.get(next((a for a in q.asked if a in _LISTED_KINDS), ""))
    if q.qtype == "list" and listed is not None and _places_listed(best.text, listed) < 2:
        # "ở những nước nào", "những tỉnh nào": a sentence of the best one's article that lists countries
        # (places) and holds about as much of the question, if any
        lists = (
            e
            for e in sorted(evidence, key=_by_score)
            if e is not best
            and e.doc_id == best.doc_id
            and e.own >= p.stated_share * best.own
            and _places_listed(e.text, listed) >= 2
        )
        best = next(lists, best)
        ranked = [best] + [e for e in ranked if e is not best]
    slot = _lead(q, best, p)  # what the answer leads with: a date, a place, a name, an amount, yes/no
    if (
        q.qtype == "where"
        and slot is not None
        and fold(re.sub(r"^(?:in|at|tại|ở)\s+", "", slot, flags=re.IGNORECASE)) in country_aliases()
        and not _ASKS_COUNTRY.search(q.words)
    ):  # ("ở đâu" answered by a country alone, "tại Nhật": the place in it another sentence of the
        # article gives, "tại Ise Shima, Nhật", if one does)
        best, slot = _city_of_country(q, best, evidence, same_event=True) or (best, slot)
    if slot is None and q.qtype in _SLOT_NEEDED:  # a "when" answer states a date, a how-many one an
        # amount, a where one the place (of the kind asked: "tỉnh nào"): the best sentence with one
        best, slot = next(((e, lead) for e in ranked[1:] if (lead := _lead(q, e, p))), (best, None))
        if slot is None and q.qtype == "where" and _ASKS_LOCALITY.search(q.words):
            # "which city": the best sentence says the country ("gặp ... tại Lào"); the article's city
            # of that country ("có mặt tại thủ đô Vientiane, Lào"), from any of its candidate sentences
            found = _city_of_country(q, ranked[0], evidence)
            if found is not None:
                best, slot = found
        if slot is None and (
            q.qtype != "where"
            or _ASKS_LOCALITY.search(q.words)
            or _ASKS_SPOT.search(q.words)
            or _ASKS_COUNTRY.search(q.words)
            or _ASKS_VENUE.search(q.words)
            or _ASKS_WHICH_PLACE.search(q.words)
        ):
            answer = _abstain(q, ranked, hits, max_citations)
            answer.extra["abstain_reason"] = f"the passages that match give no {_SLOT_NEEDED[q.qtype]}"
            return answer
        ranked = [best] + [e for e in ranked if e is not best]
    following: Evidence | None = None
    # (a yes/no question's candidate sentences: every one of the articles retrieved, best first; and the
    # least share of the question's terms one must hold: about half the best's)
    pool = {e.doc_id for e in ranked}
    candidates = (
        sorted((e for e in evidence if e.doc_id in pool), key=_by_score) if q.qtype == "yes_no" else []
    )
    floor = p.stated_share * max(e.own for e in ranked)
    leading = best  # (the best sentence before a yes/no question's verdict is looked for elsewhere)
    if q.qtype == "yes_no" and (
        _ASKS_FIRST.search(q.words)
        or (q.language == "vi" and _ASKS_FIRST_MARKED.search(q.text.lower()))
        or (q.language == "vi-nodiacritics" and " lan thu nhat " in q.words)
    ):  # "có phải lần đầu tiên ...": "no" from a
        # sentence about as relevant as the best that counts it a later time ("lần thứ 3 trong năm nay")
        later = next(
            (
                e
                for e in candidates
                if e.own >= floor
                and (_LATER.search(e.text) or (_EARLIER.search(e.text) and _says_act_of(q, e)))
                and not _FIRST.search(e.text)
            ),
            None,
        )
        if later is not None:
            best, slot = later, _verdict_of(q, True)
            ranked = [best] + [e for e in ranked if e is not best]
    if q.qtype == "yes_no" and slot is not None:
        # the best sentence holds most of the question but not the verb it asks about ("mời ông A thăm"
        # for "did A accept the invitation"): a sentence of these articles with the verb, if any
        best, slot = _with_verb_asked(q, best, slot, candidates, floor)
        ranked = [best] + [e for e in ranked if e is not best]
    if q.qtype == "yes_no" and slot is None:  # yes or no from the best sentence that states it ...
        best, slot = next(((e, v) for e in ranked[1:] if (v := _verdict(q, e, p))), (best, None))
        # (so for that one: "xác định, có bác sỹ A ... tham gia", for "A có thừa nhận ... không")
        best, slot = _with_verb_asked(q, best, slot, candidates, floor)
        # ... or the one with the very verb asked about, of any candidate sentence of these articles
        # ("có trả lời ... không": "Ông A không trả lời đề nghị"): negated right before it or refused, "no"
        # (about half as relevant as the best sentence at least: "... tổ chức trước đây" is not it)
        stated = None if slot else _stating(q, candidates, floor)
        if stated is not None:
            best, verb = stated
            slot = _verdict_of(q, _negates(best.text, set(verb.split())))
        if slot is None:  # ... or one of the best one's article that writes the act asked whole, three
            # words or more, right after "không"/"chưa" ("ra quyết định không khởi tố vụ án hình sự" for
            # "có bị khởi tố vụ án hình sự không"): no
            refused = next(
                (e for e in candidates if e.doc_id == best.doc_id and _act_refused(q, e.text)), None
            )
            if refused is not None:
                best, slot = refused, _verdict_of(q, True)
        if slot is None:  # ... or that, with the sentence right after it, does
            following = _next_sentence(best, evidence)
            slot = _verdict(q, best, p, following) if following is not None else None
        if (
            slot is None
            and best.features.get("distinct", 0.0) >= p.verdict_share
            and best.own >= p.verdict_share / 2
            and _object_said(q, best.text)
        ):
            # ... or that holds most of what sets the question apart within its article (the terms few
            # of its sentences hold: "lần đầu tiên ... tại nước ngoài")
            following = None
            slot = _verdict_of(q, _negated_for(q, best.text))
        ranked = [best] + [e for e in ranked if e is not best]
    if (
        q.qtype == "yes_no"
        and slot is not None
        and q.subject
        and q.language != "en"
        and _other_agent(q, best)
    ):
        # the best sentence has the verb, but another does it ("Bình luận được A đưa ra" for "B có đưa
        # ra bình luận nào không"): a sentence where the question's subject does it, if any ("B chưa đưa
        # ra bình luận nào")
        acting = next((e for e in candidates if e.own >= floor and _subject_acts(q, e)), None)
        if acting is not None:
            acted = _verb_in(q, acting)  # (one there is: ``_subject_acts``)
            assert acted is not None
            best, slot = acting, _verdict_of(q, _negates(acting.text, set(fold(acted).split())))
            following = None
            ranked = [best] + [e for e in ranked if e is not best]
    if q.qtype == "yes_no" and slot == _verdict_of(q, False) and _ASKS_YET.search(q.words):
        # "đã ... chưa?", "has it ... yet?": a sentence that says what would happen if it did, and not that
        # it did, says not yet ("nếu có đường bay thẳng và được miễn thị thực, ... sẽ sôi động hơn")
        if _UNREALISED.search(best.text) and not _REALISED.search(best.text):
            slot = _verdict_of(q, True)
        elif _plans_asked(q, best.text) and not _REALISED.search(best.text):
            slot = None  # (nor does a plan say it did: "sẽ vận hành thử nghiệm trong tháng 8")
    if (
        q.qtype == "yes_no"
        and slot is not None
        and not _ASKS_YET.search(q.words)
        and _verb_conditional(q, best)
    ):
        slot = None  # the act asked only in what would happen ("nếu kế hoạch lại bị bác bỏ ngày 20-3 tới,
        # chính phủ sẽ ..."): neither yes nor no, the quote speaks (asked "đã ... chưa?": not yet, above)
    if q.qtype == "yes_no" and slot == _verdict_of(q, False) and _ceases_asked(q, best.text):
        slot = _verdict_of(q, True)  # asked whether it goes on, the sentence says it ends ("chấm dứt")
    if q.qtype == "yes_no" and slot == _verdict_of(q, False) and _opposite_said(q, best.text):
        slot = _verdict_of(q, True)  # asked whether they eased it, the sentence says they keep it
    elif (
        q.qtype == "yes_no"
        and slot != _verdict_of(q, True)
        and not _writes_act(q, best.text)
        and not _subject_does_verb(q, best)
    ):
        # the sentence writes neither the act asked nor has the one asked of do a verb of it (not "A đã xác
        # nhận có liên quan" for "A có thừa nhận liên quan"; but "B xác nhận A có liên quan"); one of its
        # article says that the one asked of did its opposite ("Phủ tổng thống A bác bỏ có liên quan" for
        # "Phủ tổng thống A có thừa nhận liên quan ... không"), however few of the question's words it
        # holds: no, from it
        opposed = next((e for e in candidates if e.doc_id == best.doc_id and _opposite_said(q, e.text)), None)
        if opposed is not None:
            best, slot, following = opposed, _verdict_of(q, True), None
            ranked = [best] + [e for e in ranked if e is not best]
    if q.qtype == "yes_no" and _other_value(q, leading, candidates):
        # the best sentence gives another value of the kind asked ("bị cảnh cáo" for "có bị khiển trách
        # không"): no, from it, whatever another sentence says of someone else ("B bị khiển trách")
        best, slot, following = leading, _verdict_of(q, True), None
        ranked = [best] + [e for e in ranked if e is not best]
    chosen = [best] if following is None or slot is None else [best, following]
    # Same event in another article (same resolved date or same meeting), cited together.
    best_isos = {d.iso for d in best.dates if d.iso and d.precision == "day"}
    for ev in ranked[1:]:
        if len(chosen) >= min(max_citations, 3) or ev.score < p.runner_up * best.score:
            break
        if ev.doc_id in {c.doc_id for c in chosen}:
            continue
        isos = {d.iso for d in ev.dates if d.iso and d.precision == "day"}
        if best_isos & isos or (q.ordinals and ev.score >= 0.9 * best.score):
            chosen.append(ev)
    # A two-part question ("ở đâu ... ngày nào") gets the best sentence for each further part (of those
    # left for the first part, or of the best one's article: the requirements of the first part, "a
    # sentence that says the event took place" for "ngày nào", are not the other's)
    spare = [
        e
        for e in sorted(evidence, key=_by_score)
        if q.qtype != "yes_no" and e.doc_id == best.doc_id and e not in ranked
    ]
    for qtype in q.qtypes[1:]:
        if not split_question(q.text) and any(_fits_part(e, qtype) for e in chosen):
            continue  # one clause asking "khi nào, ở đâu": the sentence chosen answers both
        # (one that adds to the answer: not the place or the date the answer already leads with)
        part = max(
            (
                e
                for e in ranked + spare
                if e not in chosen and _fits_part(e, qtype) and _adds_part(q, e, p, qtype, slot)
            ),
            key=lambda e: _rescore(e, q, qtype, p),
            default=None,
        )
        if part is not None and len(chosen) < max_citations:
            chosen.append(part)
    # A comparison of amounts ("bao nhiêu phần trăm ... A so với B"): the other side's amount too, from
    # the sentence of these articles that names a side the first lacks and holds most of the question's
    # words the first lacks, with an amount of the same unit ("vào Việt Nam" when the first gives the
    # amount "vào Lào"), else the best sentence that gives another amount
    if _compares(q) and slot and len(chosen) < max_citations:
        # (none when the first gives the amounts of both already: "15.000 tấn, gồm 5.000 tấn A và 10.000 tấn
        # B"; the other side is a name of the question the first does not hold: not a national total)
        unit = re.sub(r"^[\d.,\s]+", "", slot.split(", ")[0]).strip()
        told = ", " in slot or (bool(unit) and len(re.findall(rf"\d\s*{re.escape(unit)}", best.text)) >= 2)
        first = " " + " ".join(_WORD.findall(fold(best.text))) + " "
        missing = [] if told else [n for n in q.names if not _holds(first, n)]
        sides = [
            (gain, e)
            for e in sorted(evidence, key=_by_score)
            if missing
            and e.doc_id in pool
            and e not in chosen
            and any(_holds(" " + " ".join(_WORD.findall(fold(e.text))) + " ", n) for n in missing)
            and (gain := sum(w for t, w in e.held.items() if t not in best.held)) > 0
            and (amount := _other_amount(q, e, slot))
            and (not unit or amount.split()[-1] == unit.split()[-1])  # (of the same unit: "15 tỷ USD")
            # (and per the unit asked, "giá mỗi m2", when the first is: not a lot's whole price)
            and (
                not _per_unit(q, best.text, [(0, a) for a in slot.split(", ")])
                or _per_unit(q, e.text, [(0, a) for a in amount.split(", ")])
            )
        ]
        # (else the best sentence with another amount: of those the first part left, or of the same unit
        # in the articles retrieved, "tại 34 Showroom" beside "45 Showroom")
        same_unit = (
            e
            for e in sorted(evidence, key=_by_score)
            if unit
            and not told
            and e.doc_id in pool
            and e not in chosen
            # (about what the first sentence is not: a question term it lacks, "tuần lễ ra mắt")
            and sum(w for t, w in e.held.items() if t not in best.held) > 0
            and (amount := _other_amount(q, e, slot))
            and any(_unit_of(a) == _unit_of(slot.split(", ")[0]) for a in amount.split(", "))
        )
        other = (
            max(sides, key=lambda pair: pair[0])[1]
            if sides
            else next(same_unit, None)
            or next((e for e in ranked[1:] if e not in chosen and _other_amount(q, e, slot)), None)
        )
        if other is not None:
            chosen.append(other)
    # "Who were the chief executives of A and B", "những ai": the people other sentences name too
    if q.qtype == "who" and slot and _asks_plural(q.words):
        slot, more = _more_people(q, best, slot, evidence, pool, p)
        chosen += more[: max(0, max_citations - len(chosen))]
    # Which of two events came first: each one's date, from one sentence that dates both ("chuyến thăm
    # của A tới Hoa Kỳ (8-2017) và của B tới Việt Nam (1-2018)") or the other's from the sentence about it
    if q.events and slot and len(chosen) < max_citations:
        candidates = sorted((e for e in evidence if e.doc_id in pool), key=_by_score)
        # (a sentence dating both, of any article retrieved: each event's words lead to its date)
        both = next((pair for e in sorted(evidence, key=_by_score) if (pair := _dates_of_both(q, e))), None)
        other = None if both else _other_event(q, best, candidates)
        if both:
            chosen[0:1] = both
            best, slot = both[0], _lead_date(q, both[0]) or slot
        elif other is not None:
            if other.doc_id != best.doc_id and chosen[0] is best:
                # (the other event dated by another article: a sentence of that article dating the best
                # one's event as well, if any, rather than a like meeting of another article, "hội đàm
                # ngày 29/6" for "cuộc điện đàm" of the article that dates the election)
                mine = q.events[0] if _first_is_first(q, best, other) else q.events[1]
                other_date = _lead_date(q, other)
                same = [
                    e
                    for e in candidates
                    if e.doc_id == other.doc_id
                    and e is not other
                    and _event_share(e, mine) >= max(_event_share(best, mine), 1e-9)
                    and _lead_date(q, e) not in (None, other_date)
                ]
                if same:
                    best = chosen[0] = max(same, key=lambda e: (_event_share(e, mine), e.score))
                    slot = _lead(q, best, p) or slot
            chosen.append(other)
    # The same meeting reported by another article (planned in one, held in another).
    if q.ordinals and len(chosen) < max_citations:
        cited = {c.doc_id for c in chosen}
        other = next(
            (
                e
                for e in ranked  # (already only sentences of articles about that very meeting)
                if e.doc_id not in cited and any(mentions_meeting_number(e.text, n) for n in q.ordinals)
            ),
            None,
        )
        if other is not None:
            chosen.append(other)
    # A close runner-up often completes the answer (the next sentence of a list, the other side's view).
    if len(chosen) == 1 and len(chosen) < max_citations and not (q.qtype in ("when", "where") and slot):
        follow = next(
            (e for e in ranked[1:] if e.doc_id == best.doc_id and e.score >= p.runner_up * best.score), None
        )
        if follow is not None:
            chosen.append(follow)
    # A sentence that announces what follows ("... đề xuất: ...", "... gồm:") is completed by the next
    # one, and by the items of a list that follows it ("- ...", "+ ...", "1. ...")
    for lead_in in [e for e in chosen if ": " in e.text or e.text.rstrip().endswith(":")]:
        after = _next_sentence(lead_in, evidence)
        while after is not None and after not in chosen and len(chosen) < max_citations:
            chosen.insert(chosen.index(lead_in) + 1, after)
            lead_in, after = after, _next_sentence(after, evidence)
            if after is None or not _ITEM.match(after.text):
                break
    # A sentence that announces items ("ông A nêu ba vấn đề ...") followed by paragraphs that open with
    # their ordinals ("Thứ nhất, ...", "Thứ hai, ..."): those paragraphs' first sentences, in order
    if q.qtype in ("what", "list") and not slot:
        for lead_in in list(chosen):
            items = _ordinal_items(lead_in, evidence)
            if not items or lead_in not in chosen:
                continue
            rest = [e for e in chosen if e not in items]  # (in order, the first ones kept at the cap)
            at = rest.index(lead_in) + 1
            chosen = rest[:at] + items[: max(0, max_citations - len(rest))] + rest[at:]
    # What was agreed is often in the sentence after the one naming the agreement: "Theo đó, ...",
    # "Cụ thể, ..." spells it out
    # (or goes on with more of it: "Đồng thời, thực hiện đầy đủ ...", after the best sentence or the last)
    if q.qtype in ("what", "list") and not slot and len(chosen) < max_citations:
        after = _next_sentence(chosen[-1], evidence)
        # (or, for a list, names the items of the noun asked: "Hai công ty bị nhắm đến gồm A và B")
        goes_on = _next_sentence(best, evidence)
        if (
            after is not None
            and after not in chosen
            and (
                _SPELLS_OUT.match(after.text)
                or (q.qtype == "list" and any(_spells_items(n, after.text) for n in q.asked))
                # (a sentence that says names were given, "đăng bài viết nêu tên các công ty", and the next
                # one that names them)
                or (_NAMES_GIVEN.search(chosen[-1].text) is not None and _gives_name(q, after.text))
            )
        ):
            chosen.append(after)
        elif (
            goes_on is not None and goes_on not in chosen and best in chosen and _GOES_ON.match(goes_on.text)
        ):
            chosen.insert(chosen.index(best) + 1, goes_on)
        else:  # (or a later sentence of the best one's article says what the thing asked about has, named
            # back: "KCNA cho biết vũ khí này có ..." for "loại vũ khí mới có những đặc điểm gì")
            back = next(
                (
                    e
                    for e in sorted(evidence, key=lambda e: e.start)
                    if e.doc_id == best.doc_id and e.start >= best.end and _describes_back(q, e.text)
                ),
                None,
            )
            if back is not None and back not in chosen:
                chosen.append(back)
    # A sentence that points back to what it is about ("đã ký 3 văn bản nêu trên") is read with
    # the sentence before it, which names them
    if (
        q.qtype in ("what", "list")
        and not slot
        and len(chosen) < max_citations
        and (_NAMED_ABOVE.search(best.text) or _POINTS_BACK.match(best.text))
    ):
        before = _previous_sentence(best, evidence)
        if before is not None and before not in chosen and best in chosen:
            chosen.insert(chosen.index(best), before)
    # "Những văn kiện nào ...?": sentences that name none of them ("chứng kiến ký kết các văn kiện", "ký
    # một số văn bản khác") do not answer
    unnamed = _unnamed_items(q, chosen, evidence) if q.qtype == "list" and not slot else None
    # ("đã chọn đơn vị tư vấn nào": sentences that write those words and name none after them, "yêu cầu
    # ... nhanh chóng lựa chọn đơn vị tư vấn, tổ chức ...", do not say which)
    unnamed = unnamed or (_unnamed_one(q, chosen) if q.qtypes == ["what"] and not slot else None)
    handed = _given_to_named(q, unnamed, best, evidence) if unnamed and q.qtype == "what" else None
    if handed is not None:  # ("bàn giao cho cơ quan nào": the sentence that hands it to one by name)
        chosen, unnamed = [handed], None
    if unnamed:
        answer = _abstain(q, ranked, hits, max_citations)
        answer.extra["abstain_reason"] = f"the passages that match name no {unnamed!r}"
        return answer
    # A what- or list-answer of one sentence is read with the sentence right after it in its article, if
    # retrieved: news often names the act in one sentence and gives its content in the next ("... một lệnh
    # ngừng bắn về thương mại đã được đưa ra. Hai bên nhất trí không áp thêm thuế ..."); after the checks
    # above, which read the chosen sentences alone. Not for a question picking one ("cơ quan nào", "A và B,
    # công ty nào"; two sides compared are read on), nor a next sentence that is no prose of the same event
    # (``_reads_on``)
    if (
        q.qtype in ("what", "list")
        and not slot
        and len(chosen) == 1
        and max_citations > 1
        and not (q.qtype == "what" and _picks_one(q))
        and (after := _next_sentence(chosen[0], evidence)) is not None
        and _reads_on(after)
    ):
        chosen.append(after)
    text, shown = _render(q, chosen, slot, p, following if slot is not None else None)
    chosen = [ev for ev in chosen if ev.doc_id in shown]  # only articles the answer's markers point to
    citations, _ = merge_citations(
        [_cite(ev, i) for i, ev in enumerate(chosen, start=1)], {ev.doc_id: ev.article.text for ev in chosen}
    )
    answer = Answer(q.text, text, False, q.language, citations)
    if slot:
        answer.extra["slot"] = slot
    return answer


# what is no prose going on from the sentence before: a photo or video caption ("- Ảnh: REUTERS", "Video:
# Reuters."), a source line ("(Theo AFP)"); and a sentence opening with a time of its own ("Hôm 10/5, ...",
# "Sáng 5/3, ..."), another event
_NOT_READ_ON = re.compile(
    r"(?i:\b(?:ảnh|video|clip)\s*:)|\((?i:theo|nguồn)\b[^)]*\)\s*\.?\s*$"
    r"|^\s*(?:Hôm|Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Rạng sáng|Cuối|Đầu|Giữa|Tháng|Năm)\s+(?:nay|qua|\d)"
)


def _picks_one(q: Question) -> bool:
    """The question asks which one of a kind ("Công ty nào đã trúng thầu", "which company won"): the noun it
    asks for (``q.asked``) before "nào", or in an English question opening with "which"."""
    return bool(q.asked) and (f" {q.asked[0]} nao " in q.words or " which " in q.words)


def _reads_on(ev: Evidence) -> bool:
    """``ev`` is prose that may go on from the sentence before it: at least five words, ending as a statement
    ends (not a heading, a byline or a question: "Triển vọng FTA Việt - Anh", "Ánh Ngọc.", "Vì sao?"), and
    none of ``_NOT_READ_ON``."""
    text = ev.text.strip()
    return (
        len(_WORD.findall(text)) >= 5
        and re.search(r"[.!…][\"”»)]?\s*$", text) is not None
        and not _NOT_READ_ON.search(text)
    )


def _unnamed_items(q: Question, chosen: list[Evidence], evidence: list[Evidence]) -> str | None:
    """The (folded) noun a Vietnamese list question asks for ("những văn kiện nào" -> "van kien") when
    the chosen sentences write it only after a number or a vague word ("các", "một số", "bốn") and name
    no item of it: nothing after it in the sentence introduces items (":", a quote, "gồm", "như", "là"),
    the words right after it hold no name in capitals and start no list ("các lĩnh vực khoa học, xây
    dựng và tài chính" names three) and the sentence after it does not spell them out ("Đó là ...",
    "Gồm ..."); else None (and None when none of them writes it)."""
    m = re.search(r" (?:nhung|cac) (\w+ \w+)(?: \w+){0,5} nao ", q.words)
    if q.language == "en" or not m:
        return None
    noun = m.group(1)
    seen = False
    for ev in chosen:
        folded = fold(ev.text)
        for occ in re.finditer(rf"\b{re.escape(noun)}\b", folded):
            seen = True
            before = folded[: occ.start()].split()[-2:]
            rest = re.split(r"(?<=[.!?])\s", ev.text[occ.end() :], maxsplit=1)[0]
            first = re.split(r"[,;.]| và ", rest, maxsplit=1)[0]
            vague = bool(before) and (
                before[-1] in _VAGUE or " ".join(before) == "mot so" or before[-1].isdigit()
            )
            # (a name in capitals right after it, not the country it is of nor a name the question gives:
            # "hai công ty Nhật muốn trồng tỏi ở Lý Sơn")
            capitals = [
                c.group(0)
                for c in _CAP_RUN.finditer(first)
                if c.group(0)[:1].isupper() and f" {fold(c.group(0))} " not in q.words
            ]
            # (more items after a comma or "và"; not a clause a conjunction opens: ", nhưng ...")
            listed = re.match(
                r"\s*(?:[,;]|\s+và\s)(?!\s*(?:nhưng|song|còn|trong khi|vì|do|để|tuy|mà|theo)\b)",
                rest[len(first) :],
            )
            # ("3 cổ đông góp vốn chính, trong đó ông A góp ...": each of them after "trong đó", a name in
            # capitals first; not "trong đó có hai doanh nghiệp nước ngoài")
            among = re.search(r"\btrong đó(?:\s+có)?\s+(?:(?:ông|bà)\s+)?(\w+)", rest)
            named = (
                re.search(r"[:“\"«]|\b(?:gồm|như)\b", rest)
                or (among is not None and among.group(1)[:1].isupper())
                # ("là" of the clause itself or of the next one opening with it, ", đó là A, B"; not a
                # later clause's "quyết định là ...")
                or re.search(r"\blà\b", first)
                or re.match(r"\s*[,;]\s*(?:đó\s+|đấy\s+)?là\b", rest[len(first) :])
                or any(fold(c) not in country_aliases() for c in capitals)
                # (an item of its own, not words the question gives the noun: "các ngân hàng thương mại
                # và ngư dân" for "những ngân hàng thương mại nào")
                or (first.strip() and f" {fold(first).strip()} " not in q.words and listed)
            )
            after = _next_sentence(ev, evidence)
            spelled = after is not None and (_SPELLS_OUT.match(after.text) or _spells_items(noun, after.text))
            if not vague or named or spelled:
                return None
    # (another chosen sentence may name them without the noun, several people the question does not
    # name: "thả các ông Kim A, Kim B và Kim C")
    others = [ev for ev in chosen if not re.search(rf"\b{re.escape(noun)}\b", fold(ev.text))]
    for ev in others:
        for m in _NAME_LIST.finditer(ev.text):
            items = re.split(r",\s+|\s+và\s+", m.group(0))
            if sum(f" {fold(i)} " not in q.words and not starts_with_place(i) for i in items) >= 2:
                return None
    return noun if seen else None


def _named_one_instead(q: Question, usable: list[Evidence]) -> list[Evidence]:
    """For a what-question asking which one of a noun ("which bank lent ..."), when the best of ``usable``
    writes the noun and names none (``_unnamed_one_of``: "do bị ngân hàng siết nợ"; not one named before
    it, "bán cho Conad, tập đoàn bán lẻ ..."), the sentences of its article at least half as likely that
    name one right after it ("ngân hàng TMCP A đã cho ... vay"), if any; else ``usable``."""
    first = min(usable, key=_by_score)
    if not (_names_asked(q, first.text) and _unnamed_one_of(q, [first], q.asked[0])):
        return usable
    # (and at least half as much of the question's words: not "Ngân hàng Nhà nước chi nhánh A cho biết ...")
    return [
        e
        for e in usable
        if e.doc_id == first.doc_id
        and e.score >= 0.5 * first.score
        and e.own >= 0.5 * first.own
        and _names_one(q, e.text)
    ] or usable


def _unnamed_one(q: Question, chosen: list[Evidence]) -> str | None:
    """The (folded) words a Vietnamese what-question writes from a kind of body to "nào" ("đơn vị tư vấn
    nào" -> "don vi tu van", "công ty nào") when every chosen sentence writes them and none names one right
    after them (a name in capitals the question does not give, ":", a quote, "là", "gồm"); else None."""
    if q.language == "en":  # ("which bank": the nouns the glossary gives it, "ngân hàng")
        m = re.search(r" which (\w+) ", q.words)
        nouns = [fold(v) for v in glossary().get(m.group(1), [])] if m else []
        return next((n for n in nouns if n in _BODY_NOUNS and _unnamed_one_of(q, chosen, n)), None)
    # (a body, which news names: "đơn vị tư vấn nào", not "sáng kiến nào", which it describes; what is
    # done to it, not the subject, "Đơn vị nào kiểm tra ...", which a sentence names before its verb)
    m = _WHICH_BODY.search(q.words)
    if not m or not q.words[: m.start()].strip():
        return None
    return m.group(1) if _unnamed_one_of(q, chosen, m.group(1)) else None


def _given_to_named(q: Question, body: str, best: Evidence, evidence: list[Evidence]) -> Evidence | None:
    """For a question asking to which body something was done ("được bàn giao cho cơ quan nào", ``body``
    the folded kind), the highest-scored sentence of ``best``'s article that writes the question's verb
    and, within eight words after it, its preposition right before a body's name, in capitals and opening
    with a body's word ("bàn giao số thuốc lá trên cho Công an TP. A", "chuyển đến Sở B"; not "cho Ông
    C"); None when none does."""
    m = re.search(rf" (\w+ \w+) (cho|toi|den|voi) {re.escape(body)} nao ", q.words)
    if m is None:
        return None
    verb, prep = m.groups()
    for e in sorted((e for e in evidence if e.doc_id == best.doc_id), key=lambda e: -e.score):
        folded = fold(e.text)
        if len(folded) != len(e.text):
            continue
        for at in (v.end() for v in re.finditer(rf"\b{verb}\b", folded)):
            # (within the verb's clause, eight words on: "chở" folds as "cho" too, so each "cho" is tried)
            reach = re.match(r"(?:\s+[^\s,.;:]+){1,9}", folded[at:])
            for given in re.finditer(rf"\s{prep}\s+", reach.group(0) if reach else ""):
                name = re.match(_CAP_WORD, e.text[at + given.end() :])
                if name and (fold(name.group(0)) in _BODY_HEADS or name.group(0).isupper()):
                    return e
    return None


def _unnamed_one_of(q: Question, chosen: list[Evidence], words: str) -> bool:
    """Every chosen sentence writes the (folded) ``words`` and names none right after them
    (``_unnamed_one``)."""
    for ev in chosen:
        folded = fold(ev.text)
        spots = list(re.finditer(rf"\b{re.escape(words)}\b", folded))
        if len(folded) != len(ev.text) or not spots:
            return False
        for spot in spots:
            rest = ev.text[spot.end() :]
            if re.match(r"\s*(?:[:“\"«(]|(?:là|gồm|như|mang tên|có tên)\b)", rest):
                return False
            # (named before them, as what is made one, "Công ty A được chọn làm đơn vị tư vấn", or in
            # apposition, "Công ty A, đơn vị tư vấn ...", "Công ty A (đơn vị tư vấn)")
            before = ev.text[: spot.start()]
            if re.search(r"\b(?:làm|là|thành)\s*$", before) and _CAP_RUN.search(
                re.split(r"[,.;:]", before)[-1]
            ):
                return False
            if re.search(rf"{_CAP_WORD}\s*[,(]\s*$", before):
                return False
            # (or set off by commas right after them: "sự kiện lớn nhất, Lễ hội A, ...")
            if re.match(rf"\s*,\s*{_CAP_WORD}", rest):
                return False
            # (a name in capitals, a few words of its kind in lower case before it at most: "Công ty cổ
            # phần đầu tư A")
            clause = " ".join(re.split(r"[,.;:()]", rest, maxsplit=1)[0].split()[:7])
            for name in _CAP_RUN.finditer(clause):
                if name.group(0)[:1].isupper() and f" {fold(name.group(0))} " not in q.words:
                    return False
    return True


# a company or a group of them named, as written: its kind, then a name in capitals in a few words
_NAMED_BODY = re.compile(
    r"(?<!\w)(?:[Cc]ông ty|[Tt]ập đoàn|[Tt]ổng công ty|[Ll]iên danh|[Dd]oanh nghiệp|[Bb]an [Qq]uản lý|UBND"
    r"|[Ủủ]y ban|[Uu]ỷ ban|Sở|Bộ)(?:\s+[^\W\d_]+){0,4}?"
    r"\s+[A-ZĐ][\w&-]*"
)
# kinds of body that news names (folded): "which bank" is answered by the bank's name
_BODY_NOUNS = frozenset(
    # (not "tổ chức", as often "to hold": "sẽ tổ chức sự kiện nào")
    ["don vi", "cong ty", "ngan hang", "doanh nghiep", "tap doan", "nha thau", "co quan"]
)
_WHICH_BODY = re.compile(rf" ((?:{'|'.join(sorted(_BODY_NOUNS))})(?: \w+){{0,3}}?) nao ")


def _spells_items(noun: str, text: str) -> bool:
    """``text`` names items of the (folded) ``noun`` in capitals after it and "gồm", "là" or "như" in the
    same clause ("Hai công ty bị nhắm đến gồm Marinex và ...")."""
    folded = fold(text)
    if len(folded) != len(text):
        return False
    return any(
        text[m.end() : m.end() + 1].isupper()
        for m in re.finditer(rf"\b{re.escape(noun)}\b[^.;:]{{0,60}}?\b(?:gom|la|nhu)\s+", folded)
    )


# names of two capitalised words or more, listed ("Kim Ho Jun, Park Min Seo và Lee Dong Hwa")
_NAME2 = rf"[{_CAPS}][\w'’-]*(?:\s+[{_CAPS}][\w'’-]*)+"
_NAME_LIST = re.compile(rf"{_NAME2}(?:,\s+{_NAME2})*\s+và\s+{_NAME2}")
_VAGUE = frozenset("cac nhieu nhung hai ba bon nam sau bay tam chin muoi".split())
# (not "không muốn nêu tên", "từ chối nêu tên": a source left anonymous)
_NAMES_GIVEN = re.compile(
    r"(?<!không )(?<!chưa )(?<!muốn )(?<!được )(?<!chối )\b(?:nêu tên|kể tên|điểm tên|điểm mặt|liệt kê)\b",
    re.IGNORECASE,
)
# (where the phrase ends: not "nói trên truyền hình", "nêu trên trang web", said or posted on)
_NAMED_ABOVE = re.compile(
    r"\b(?:nêu trên|kể trên|nói trên|trên đây|vừa nêu)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:tại|là|đã|sẽ|được|của|này|vào|cũng|đều|với|và|sau|trong)\b)",
    re.IGNORECASE,
)
# a sentence whose subject is what the one before it says ("Đây sẽ là chìa khoá để ...", "Điều này cho
# thấy ...")
_POINTS_BACK = re.compile(
    # (not a bare "Đây là ...", most often saying what the sentence itself is about, "Đây là lần thứ bảy
    # ..."; nor "Đây sẽ là lần ...", "chuyến ...")
    r"\s*[\"“]?\s*(?:Đây\s+(?:(?:cũng|chính|mới|vẫn|đã)\s+)*sẽ\s+là(?!\s+(?:lần|chuyến|cuộc|năm)\b)"
    r"|(?:Điều này|Điều đó|Việc này|Việc đó)\s+(?:(?:sẽ|cũng|chính|mới|vẫn|đã)\s+)*"
    r"(?:là|được|cho thấy|giúp|khiến|có thể))\b"
)
_SPELLS_OUT = re.compile(
    r"\s*(?:Theo đó|Cụ thể|Trong đó|Theo thoả thuận|Theo thỏa thuận|Đó là|Đó gồm|Gồm|Bao gồm"
    # (the things the sentence before counts, named back: "Ba nội dung này gồm ...")
    r"|(?:Các|Những|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười|\d+)\s+(?:\w+\s+){1,3}?(?:này|đó|trên)\s+"
    r"(?:bao gồm|gồm)\b)",
    re.IGNORECASE,
)
# a sentence that goes on with more of what the one before it says, with no subject of its own
_GOES_ON = re.compile(
    r"\s*(?:Đồng thời|Ngoài ra|Bên cạnh đó|Cùng với đó|Đồng thời với đó)\s*,(?!\s*(?:[A-ZĐ]|ông\b|bà\b))"
)
_SLOT_NEEDED = {"when": "date", "how_many": "amount", "where": "place of the kind asked", "who": "person"}
_ITEM = re.compile(r"\s*(?:[-+•–*]|\d{1,2}[.)]|[a-zđ][.)])\s")


def _previous_sentence(ev: Evidence, evidence: list[Evidence]) -> Evidence | None:
    """The candidate sentence right before ``ev`` in its article, if it was retrieved."""
    earlier = (e for e in evidence if e.doc_id == ev.doc_id and e.end <= ev.start)
    before = max(earlier, key=lambda e: e.end, default=None)
    return before if before is not None and ev.start - before.end < 4 else None


def _asks_two_ends(q: Question) -> bool:
    """A where-question asks for both ends of a route or a span ("bắt đầu từ đâu và kết thúc ở đâu", "từ
    đâu đến đâu", "where does it start and end")."""
    if q.qtype != "where":
        return False
    if q.language == "vi":  # ("đâu", not "đầu", "dầu" of "bắt đầu", "đầu tư", "lọc dầu")
        return len(re.findall(r"\bđâu\b", q.text.lower())) >= 2
    if q.language == "en":
        return re.search(r" (?:start|begin)s? (?:\w+ ){0,5}?(?:and|where does it) end", q.words) is not None
    return len(re.findall(r" (?:tu|o|tai|den|toi) dau\b(?! tu)", q.words)) >= 2


def _ordinal_items(lead_in: Evidence, evidence: list[Evidence]) -> list[Evidence]:
    """The sentences after ``lead_in`` in its article that open with the ordinals of a list ("Thứ nhất,
    ...", "Trước hết, ...", "Thứ hai, ..."; "Một là", "Hai là"), each within four sentences of the one
    before; none when no first item follows."""
    later = sorted((e for e in evidence if e.doc_id == lead_in.doc_id and e.start >= lead_in.end), key=_start)
    items: list[Evidence] = []
    gap = 0
    for ev in later:
        opens = _ORDINAL_OPENING.match(ev.text)
        rank = None
        if opens and opens[1]:
            rank = int(opens[1]) - 1 if opens[1].isdigit() else _ORDINALS.index(fold(opens[1]))
        rank = _COUNTS.index(fold(opens[2])) if opens and opens[2] else rank
        rank = 0 if opens and opens[3] else rank
        if rank == len(items):
            items.append(ev)
            gap = 0
            continue
        gap += 1
        if gap > 4:
            break
    return items if len(items) >= 2 else []


def _start(ev: Evidence) -> int:
    return ev.start


_ORDINALS = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay")  # "Thứ nhất", ...
_COUNTS = ("mot", "hai", "ba", "bon", "nam", "sau", "bay")  # "Một là", ...
_ORDINAL_OPENING = re.compile(  # (not a weekday: "Thứ Hai tuần trước", "Thứ 2, ngày 10/5"; the first
    # also "Trước hết,")
    r"\s*(?:Thứ (nhất|hai|ba|tư|năm|sáu|bảy|[1-7])(?:,|\s+là\b)(?!\s*(?:ngày|tuần|\d))"
    r"|(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy) là\b"
    r"|(Trước hết|Trước tiên|Đầu tiên),)",
    re.IGNORECASE,
)


def _describes_back(q: Question, text: str) -> bool:
    """``text`` names back a thing of two words the question writes together, and says what it has ("vũ
    khí này có \"...\"", "hiệp định này gồm ..." for "loại vũ khí dẫn đường mới có những đặc điểm gì"; not
    what it is, "cuộc thử nghiệm này là phản ứng ...")."""
    return any(
        f" {m.group(1)} " in q.words for m in re.finditer(r"\b(\w+ \w+) nay (?:co|gom|bao gom)\b", fold(text))
    )


def _next_sentence(ev: Evidence, evidence: list[Evidence]) -> Evidence | None:
    """The candidate sentence right after ``ev`` in its article, if it was retrieved."""
    later = (e for e in evidence if e.doc_id == ev.doc_id and e.start >= ev.end)
    after = min(later, key=lambda e: e.start, default=None)
    return after if after is not None and after.start - ev.end < 4 else None


# an amount asked before and after a change ("lương tối thiểu trước và sau đợt tăng"), and a change written
# with both ends after its verb ("tăng từ 4.500 đồng lên 18.000 đồng", "giảm từ 12% xuống còn 9%"; not a
# range, "từ 18 đến 60 tuổi")
_ASKS_BEFORE_AFTER = re.compile(r" (?:truoc va sau|before and after) ")
_CHANGE_BOTH_ENDS = re.compile(
    r"\b(?:tăng|giảm|nâng|hạ|điều chỉnh)(?:\s+\w+){0,3}?\s+từ\s+(?:mức\s+)?"
    r"(?P<before>\d+(?:[.,]\d+)*(?:\s*%|[^\d,;.()]{0,25}?))\s+(?:lên|xuống|còn)\s+(?:còn\s+|mức\s+)?"
    r"(?P<after>\d+(?:[.,]\d+)*(?:\s*%|(?:\s+(?:nghìn|ngàn|triệu|tỷ|tỉ))?\s+[^\s\d,;.()]+)?)",
    re.IGNORECASE,
)


def _both_ends_first(q: Question, usable: list[Evidence], p: AnswerParams) -> list[Evidence]:
    """For an amount asked before and after a change ("trước và sau ... là bao nhiêu"), the sentences of
    ``usable`` that write both ends (``_CHANGE_BOTH_ENDS``: "tăng từ 4.500 đồng lên 18.000 đồng") that the
    scorer finds at least ``stated_share`` as likely as its best, if any; else ``usable``."""
    if not _ASKS_BEFORE_AFTER.search(q.words):
        return usable
    top = max(e.score for e in usable)
    return [
        e for e in usable if _CHANGE_BOTH_ENDS.search(e.text) and e.score >= p.stated_share * top
    ] or usable


_COMPARE = re.compile(
    r" (?:so voi|so sanh|lan luot|moi ben|compared?|respectively|versus|vs|truoc va sau|before and after) "
    r"| (?:bigger|larger|higher|greater|smaller|lower|worth more|cost more|more valuable|more expensive) "
    r".*(?: or | than (?!\d))|(?: or | than (?!\d)).* (?:bigger|larger|worth more) "
    r"| (?:nao|hay) .*(?:nhieu|lon|cao|it|nho|thap) (?:tien |von )?hon (?!\d)"
    r"|^ (?!ai )(?:.* )?(?<!khi )(?<!the )(?:nao|hay)(?: \w+){0,3} (?:nhieu|it) (?:\w+ ){1,4}"
    r"hon (?!nua )(?!\d)"
)


# "so với năm 2022", "so với cùng kỳ": a change since a period, one amount asked (folded)
_SINCE_PERIOD = re.compile(r" so voi (?:nam|cung ky|thang|quy|ky|\d)")


def _compares(q: Question) -> bool:
    """A how-many question comparing two amounts ("A so với B", "lần lượt", "respectively") or asking
    for two ("A là đối tác lớn thứ mấy của B, còn B là đối tác thứ mấy của A?")."""
    return q.qtype == "how_many" and (bool(_COMPARE.search(q.words)) or _asked_twice(q))


# two amounts set against each other ("chênh nhau thế nào", "chênh lệch", "khác nhau", "difference")
_DIFFERENCE = re.compile(r" (?:chenh|khac nhau|difference|differ) ")


def _asked_twice(q: Question) -> bool:
    """The question asks for two amounts ("bao nhiêu ..., còn ... bao nhiêu"; "máy bay", "nhà máy" are no
    "mấy")."""
    return len(re.findall(r"(?<= )(?:bao nhieu|(?<!nha )may(?! bay)|how many|how much)(?= )", q.words)) >= 2


# which of two is more ("con số nào lớn hơn", "which is larger")
_WHICH_MORE = re.compile(
    r" (?:nao|which)(?: \w+){0,2} (?:lon hon|nhieu hon|cao hon|larger|bigger|higher|more|greater) "
)


def _more_people(
    q: Question, best: Evidence, slot: str, evidence: list[Evidence], pool: set[str], p: AnswerParams
) -> tuple[str, list[Evidence]]:
    """For a who-question asking for several people ("who were the chief executives of A and B",
    "những ai"), the people other sentences of the articles ``pool`` name too (at most three in all, or
    as many as the best sentence names, or up to six a list under the office asked names), and those
    sentences: first, a sentence of ``best``'s article that lists the one found among others under the
    office asked (``_listed_with``); then, for each body the question names that ``best`` does not, the
    best sentence naming someone next to it; then the sentences about half as relevant as the best."""
    people = _JOINED.split(slot)
    fuller = False  # (a name listed more fully by another sentence)
    most = max(3, len(people))
    wanted, required = asked_titles(q), required_names(q)
    ranked = [e for e in sorted(evidence, key=_by_score) if e.doc_id in pool and e is not best]
    bodies = [
        n for n in _bodies_named(q) if not _holds(" " + " ".join(_WORD.findall(fold(best.text))) + " ", n)
    ]
    candidates = [next((e for e in ranked if _person_near(q, e.text, [body])), None) for body in bodies] + [
        e for e in ranked if e.score >= p.keep_share / 2 * best.score
    ]
    added: list[Evidence] = []
    # (first, a sentence of the best one's article that lists the one found among others under the office
    # asked, plural or counted, however relevant the scorer finds it: every one it lists, six at most, "Ba
    # Thứ trưởng Ngoại giao gồm các ông A, B, C vừa nhận quyết định nghỉ hưu" for "những Thứ trưởng Ngoại
    # giao nào"; not "Dự lễ có Thứ trưởng A, ông B và ông C")
    listings = (
        (e, _listed_with(e.text, people, wanted)) for e in ranked if e.doc_id == best.doc_id and wanted
    )
    listing = next(((e, n) for e, n in listings if n), None)
    if listing is not None:
        people, _ = _merged_people(people, listing[1])
        added.append(listing[0])
        fuller = True
        most = max(most, min(len(people), 6))
    for ev in candidates:
        if len(people) >= most:
            break
        if ev is None or ev in added or not _person_for(q, ev, wanted, required):
            continue
        people, changed = _merged_people(people, _JOINED.split(_lead_person(q, ev) or ""))
        if changed:
            added.append(ev)
            fuller = True
    people = people[:most]
    joiner = " and " if q.language == "en" else " và "
    if len(people) > 1:
        return ", ".join(people[:-1]) + joiner + people[-1], added
    return (people[0] if fuller else slot), added


# a plural or a count before an office, as written ("các", "những", "ba", "3"), with its number
_SEVERAL = {
    "các": 0,
    "những": 0,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
# what may stand between the office heading a list and its first name ("gồm các ông", "là")
_LIST_HEAD_TAIL = frozenset({"gồm", "là", "các", "ông", "bà"})


def _listed_with(text: str, people: list[str], offices: list[str]) -> list[str]:
    """The names of a list in ``text`` of three names or more with nothing else between them but commas
    and "và" ("các ông A, B và C"), when it holds one of ``people`` (a whole name, or its last words) and
    one of ``offices`` (folded), plural or counted, heads it right before it (``_heading_count``: "Ba Thứ
    trưởng gồm các ông A, B, C", as many as it counts; not "Dự lễ có Thứ trưởng A, ông B và ông C", nor
    "Hai Thứ trưởng đã tiếp các ông A, B, C"); else none."""
    found = sorted(
        (m.start(), m.end(), name)
        for name in set(person_names(text))
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    )
    runs: list[list[str]] = []
    starts: list[int] = []
    for k, (start, _end, name) in enumerate(found):
        gap = text[found[k - 1][1] : start] if k else ""
        if k and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*(?:(?:ông|bà)\s+)?", gap):
            runs[-1].append(name)
        else:
            runs.append([name])
            starts.append(start)
    asked = [f" {' '.join(fold(p).split())} " for p in people]
    for run, at in zip(runs, starts, strict=True):
        names = [" ".join(n.split()) for n in run]  # (one space between words, however written)
        count = _heading_count(text[:at], offices)
        if (
            len(names) >= 3
            and count is not None
            and any(f" {fold(n)} ".endswith(a) for n in names for a in asked)
        ):
            return names[:count] if count else names
    return []


def _heading_count(before: str, offices: list[str]) -> int | None:
    """How many people an office heading a list right before it counts ("Ba Thứ trưởng gồm các ông" -> 3;
    "các Thứ trưởng" -> 0, any number): the words of ``before`` end with a count or a plural as written,
    one of ``offices`` (folded), then at most "gồm", "là", "các", "ông", "bà"; else None."""
    words = _WORD.findall(before)
    while words and words[-1].lower() in _LIST_HEAD_TAIL:
        words.pop()
    folded = [fold(w) for w in words]
    for office in (o.split() for o in offices):
        k = len(office)
        if len(words) > k and folded[-k:] == office:
            several = words[-k - 1].lower()
            if several in _SEVERAL:
                return _SEVERAL[several]
            if several.isdigit():
                return int(several)
    return None


def _merged_people(people: list[str], names: list[str]) -> tuple[list[str], bool]:
    """``people`` with ``names`` added, each person once: a name already listed (or a part of one) is
    left out, and the full name of someone listed by parts of it takes their place ("Justin Trudeau" for
    "Trudeau"); and whether the list changed."""
    out = list(people)
    changed = False
    for n in names:
        if not n or f" {fold(n)} " in f" {' '.join(fold(p) for p in out)} ":
            continue
        parts = [k for k, known in enumerate(out) if f" {fold(known)} " in f" {fold(n)} "]
        if parts:
            out[parts[0]] = n
            out = [p for k, p in enumerate(out) if k not in parts[1:]]
        else:
            out.append(n)
        changed = True
    return out, changed


def _bodies_named(q: Question) -> list[str]:
    """The bodies a who-question names (folded names it requires: not countries, not its places)."""
    countries = country_aliases()
    return [n for n in required_names(q) if n not in countries and n not in q.places]


def _event_share(ev: Evidence, event: str) -> float:
    """The share of an event's words (``Question.events``) that the sentence holds."""
    words = set(event.split())
    return len(words & set(_WORD.findall(fold(ev.text)))) / len(words) if words else 0.0


def _dates_of_both(q: Question, ev: Evidence) -> list[Evidence] | None:
    """When one sentence dates both events a question orders, the sentence once for each event's date
    (a copy holding that date alone), the first event's first: the date each event's words lead to
    (the words back to the date before it), or None."""
    mentions = [d for d in _dates_asked(q, ev) if _lead_date(q, replace(ev, dates=[d]))]
    if len(mentions) < 2:
        return None

    def led(d: DateMention, event: str) -> int:
        words = set(event.split())
        return sum(w in words for w in _date_words(ev, d))

    def reported(x: DateMention, y: DateMention) -> bool:  # the later date inside what was said, the
        # verb of saying right after the first ("A hôm 5/3 cho rằng B sẽ không đáp trả đòn thuế có hiệu
        # lực từ 1/9": 1/9 dates no saying; not "... ký ngày 3/2, còn B nói sẽ ký vào ngày 5/4")
        lo, hi = sorted((x, y), key=lambda d: d.start)
        between = ev.text[lo.end : hi.start].lower()
        said = _SAYING.search(between)
        return (
            said is not None
            and len(between[: said.start()].split()) <= 2
            and not re.search(r"\bvào(?:\s+ngày)?\s*$", between)
        )

    a, b = q.events
    pairs = [
        (led(x, a) + led(y, b), x, y) for x in mentions for y in mentions if x is not y and not reported(x, y)
    ]
    if not pairs:
        return None
    score, first, then = max(pairs, key=lambda t: t[0])
    # (a third of each event's words at least: not "Triều Tiên" alone for "talks between the US and China
    # on North Korea")
    if led(first, a) * 3 < len(a.split()) or led(then, b) * 3 < len(b.split()):
        return None
    return [replace(ev, dates=[first]), replace(ev, dates=[then])]


def _other_event(q: Question, best: Evidence, evidence: list[Evidence]) -> Evidence | None:
    """Of a question ordering two events in time, the sentence dating the event ``best`` is not about
    (more about that one than about the other, with another date), the most about it first."""
    known = _lead_date(q, best)
    found = []
    # (``best`` may share words with both events, "Erdogan hôm 22/1 chia sẻ Thổ Nhĩ Kỳ đã có thoả thuận
    # với Nga về ... người Kurd ở Afrin": of the two ways to pair the events with it and another dated
    # sentence, the one whose sentences hold more of their events' words)
    for mine, other in (q.events, q.events[::-1]):
        found += [
            (_event_share(best, mine) + share, e.score, e)
            for e in evidence
            if e is not best
            and (share := _event_share(e, other)) > _event_share(e, mine)
            and (when := _lead_date(q, e))
            and when != known
        ]
    return max(found, key=lambda t: t[:2], default=(0.0, 0.0, None))[2]


def _first_is_first(q: Question, best: Evidence, other: Evidence) -> bool:
    """Whether ``best`` (dating one of the question's two events, ``other`` the other) is about its first
    event: the pairing whose sentences hold more of their events' words."""
    a, b = q.events
    return _event_share(best, a) + _event_share(other, b) >= _event_share(best, b) + _event_share(other, a)


def _order_verdict(q: Question, first: Evidence, then: Evidence) -> str | None:
    """Whether the question's first event (dated by ``first``) came before or after the second (dated by
    ``then``), when both dates are of the same precision and comparable (each with its year, or both
    of one article), else None."""
    if first is then or (first.text == then.text and first.dates == then.dates):
        return None  # (one sentence and one date: nothing compared)
    a, b = _date_key(q, first), _date_key(q, then)
    if a is None or b is None or len(a) != len(b) or (None in (a[0], b[0]) and first.doc_id != then.doc_id):
        return None
    a, b = (a[1:], b[1:]) if None in (a[0], b[0]) else (a, b)
    if not re.search(r" (?:truoc hay sau|sau hay truoc|before or after|after or before) ", q.words):
        return None  # ("which came first: A or B": the dates tell)
    en = q.language == "en"
    if a == b:
        return "At the same time" if en else "Cùng thời điểm"
    return ("Before" if a < b else "After") if en else ("Trước" if a < b else "Sau")


def _date_key(q: Question, ev: Evidence) -> tuple[int | None, ...] | None:
    """The (year, month, day) of the date the answer gives from ``ev`` (year None when not written, fewer
    parts for a month or a year)."""
    lead = _lead_date(q, ev)
    mentions = _dates_asked(q, ev)
    if not lead or not mentions:
        return None
    d = max(mentions, key=lambda d: len(_digits(d.text) & _digits(lead)))
    if d.iso:
        return tuple(int(x) for x in d.iso.split("-"))
    return (None, d.month, d.day) if d.month and d.day else None


def _unit_of(amount: str) -> str:
    """An amount's unit, folded ("45 Showroom" -> "showroom", "1,5 tỷ USD" -> "ty usd", "3-5 ngày" ->
    "ngay")."""
    return fold(re.sub(r"^[\d.,\s/–-]+", "", amount)).strip()


def _other_amount(q: Question, ev: Evidence, known: str) -> str | None:
    """The amounts ``ev`` gives that the answer does not yet state."""
    lead = _lead_amount(q, ev)
    if not lead:
        return None
    stated = {fold(a) for a in known.split(", ")}  # whole amounts: "5%" is not stated by "65%"
    new = [a for a in lead.split(", ") if fold(a) not in stated]
    return ", ".join(new) or None


def _adds_part(q: Question, ev: Evidence, p: AnswerParams, qtype: str, slot: str | None) -> bool:
    """The sentence's answer to a further part of the question is not one the answer gives already."""
    lead = _lead(q, ev, p, qtype)
    return lead is None or not slot or fold(lead) not in fold(slot)


def _rescore(ev: Evidence, q: Question, qtype: str, p: AnswerParams) -> float:
    """The sentence model's probability for another part of the question (its own type's slot)."""
    scorer = (p.model or load_model()).sentence
    return scorer.probability({**ev.features, "type_fit": _type_fit(q, ev, qtype, p)})


def _render(
    q: Question,
    chosen: list[Evidence],
    first: str | None,
    p: AnswerParams = DEFAULT_PARAMS,
    then: Evidence | None = None,
) -> tuple[str, set[str]]:
    """A chat bubble's answer: the slot the question asks for first (``first``, which ``chosen[0]`` gives:
    a date, a place, a name, an amount, yes or no) with a short clause of its sentence, or, when there is
    no slot, the chosen sentences clipped to ``p.max_words`` words; ``[n]`` markers number articles (one
    per article, in order of appearance). ``then`` is the sentence after ``chosen[0]`` that completes
    what it states (a yes/no verdict drawn from both). Quotes are not repeated here: they are the
    citations'. Returns the text and the doc_ids it cites."""
    numbers: dict[str, int] = {}
    for ev in chosen:
        numbers.setdefault(ev.doc_id, len(numbers) + 1)

    def mark(evs: list[Evidence]) -> str:
        return "[" + ", ".join(str(n) for n in sorted({numbers[e.doc_id] for e in evs})) + "]"

    best = chosen[0]
    leads: list[tuple[str, Evidence]] = []
    if first:
        leads.append((first, best))
        for qtype in q.qtypes[1:]:  # the other parts of a two-part question, from their own sentences
            for ev in chosen:
                lead = _lead(q, ev, p, qtype)
                if lead and not any(fold(lead) in fold(known) for known, _ in leads):
                    leads.append((lead, ev))
                    break
        if _compares(q):  # the other side of a comparison of amounts
            other = next((e for e in chosen[1:] if _other_amount(q, e, first)), None)
            if other is not None:
                leads.append((_other_amount(q, other, first) or "", other))
        if q.events:  # the date of the other event of two ordered in time
            known = _lead_date(q, best)
            other = next((e for e in chosen[1:] if (d := _lead_date(q, e)) and d != known), None)
            if other is not None and known:
                leads[:1] = [(known, best), (_lead_date(q, other) or "", other)]
    terms = set(q.terms)
    parts: list[str] = []
    cited: list[Evidence] = []
    if first:
        others = {id(ev) for _, ev in leads[1:]}
        same_event = [best] + [e for e in chosen[1:] if e.doc_id != best.doc_id and id(e) not in others]
        if len(leads) == 1:  # the slot, then the words of its sentence that state it
            anchor = first
            if q.qtype == "when" and best.dates:  # (the sentence's own words for the date the answer gives:
                # of several, the one sharing most of its numbers, "từ ngày 14 đến 18-5" after "Chiều 21-5")
                given = _digits(first)
                anchor = max(best.dates, key=lambda d: len(_digits(d.text) & given)).text
            elif q.qtype == "where":
                anchor = re.sub(r"^(?:in|tại)\s+", "", first, flags=re.IGNORECASE)
            elif (taken := _office_taken(q, best.text)) and first.endswith(taken[1]):  # (the office someone
                # is put in: from the words that give it)
                anchor = taken[1]
            elif q.qtype == "who" and fold(first) not in fold(best.text):  # (a person the sentence calls
                # by one word, "ông Nghĩa", named in full elsewhere: from that word)
                anchor = next(
                    (
                        m.group(0)
                        for w in reversed(first.split())
                        if (m := re.search(rf"(?<!\w)(?:{_HONORIFIC}\s+)?{re.escape(w)}(?!\w)", best.text))
                    ),
                    first,
                )
            budget = p.max_words // 5
            if _compares(q) or _asks_two_ends(q) or "list" in q.qtypes:  # both sides' amounts, with what
                # each is of; a route's two ends ("bắt đầu từ đâu và kết thúc ở đâu"), the other one in the
                # sentence too; a list's other items ("ở những thành phố nào": "ở A cùng ... ở B")
                budget = p.max_words // 2
            if q.qtype == "yes_no":  # what states it, not only the first "không" of the sentence: the
                # clause that holds the question's words, and what the sentence says with it
                anchor = _densest_clause(best.text, terms)
                budget = p.max_words // 2
                if then is not None:  # "A mời B dự hội nghị. B đã nhận lời.": the sentence that answers
                    budget = max(budget - len(then.text.split()), budget // 2)
            gist = clip(best.text, terms, budget, anchor=anchor)
            if q.qtype == "yes_no" and fold(first) in ("khong", "no"):
                # (a "no" the words kept do not say: from the clause that negates, of those sharing a word
                # with the question the one sharing most, "... đề nghị mua lại căn nhà số 105, ... nhưng
                # thành phố không đồng ý"; not an unrelated "chưa")
                shared = {c.strip(): len(terms & set(syllables(c))) for c in _CLAUSE_BREAK.split(best.text)}
                negating = max(
                    (c for c, n in shared.items() if n and c and _negated_for(q, c)),
                    key=lambda c: shared[c],
                    default=None,
                )
                if negating is not None and fold(negating) not in fold(gist):
                    # (up to the negating clause, back to the clause holding the question's words if it
                    # comes before, within three quarters of the words an answer has: what was refused too)
                    end = best.text.find(negating) + len(negating)
                    dense = best.text.find(anchor) if anchor else -1
                    if dense >= end:  # (the question's words after the refusal: up to them)
                        end = dense + len(anchor)
                        dense = best.text.find(negating)
                    span = len(best.text[dense:end].split()) if 0 <= dense < end else 0
                    gist = clip(
                        best.text[:end], terms, max(budget, min(span, p.max_words * 3 // 4)), anchor=negating
                    )
                    if best.text[end:].strip(" .") and not gist.endswith("…"):
                        gist = f"{gist} …"
            if then is not None:  # (from what the act is asked of, when the sentence names it)
                held = next((o for o in _asked_objects(q) if f" {o} " in _words_of("", then.text)), None)
                gist = f"{gist} {clip(then.text, terms, p.max_words // 5, anchor=held)}"
            if q.language == "en":  # "Yes: “<the Vietnamese words>”"
                gist = f"“{gist}”"
            parts.append(f"{first[:1].upper() + first[1:]}: {gist} {mark(same_event)}")
        elif q.events:  # whether the first event came before the second, then each one's date and words
            pair = leads[:2] if _first_is_first(q, best, leads[1][1]) else leads[1::-1]
            verdict = _order_verdict(q, pair[0][1], pair[1][1])
            if verdict:
                parts.append(f"{verdict}.")
            if pair[0][1].text == pair[1][1].text:  # one sentence dates both: it once
                (first_when, ev), (then_when, _) = pair
                gist = clip(ev.text, terms, p.max_words // 2, anchor=ev.dates[0].text)
                gist = f"“{gist}”" if q.language == "en" else gist
                parts.append(f"{first_when}; {then_when[:1].lower() + then_when[1:]}: {gist} {mark([ev])}")
            for when, ev in pair if pair[0][1].text != pair[1][1].text else []:
                dated = max(ev.dates, key=lambda d: len(_digits(d.text) & _digits(when)), default=None)
                anchor = dated.text if dated is not None else when
                gist = clip(ev.text, terms, p.max_words // 3, anchor=anchor)
                gist = f"“{gist}”" if q.language == "en" else gist
                parts.append(f"{when}: {gist} {mark([ev] if ev is not best else same_event)}")
            leads = leads[:1] + leads[2:]
        elif _compares(q) and q.language != "en":  # each side with what its amount is of
            for lead, ev in leads:  # (the words around each amount: what it is of, how it compares)
                gist = clip(ev.text, terms, p.max_words // (len(leads) + 1), anchor=lead.split(", ")[0])
                parts.append(f"{lead}: {gist} {mark([ev] if ev is not best else same_event)}")
            leads = leads[:1]
        else:
            parts.append(f"{first} {mark(same_event)}.")
        parts.extend(f"{_sentence(lead)[:-1]} {mark([ev])}." for lead, ev in leads[1:])
        cited = same_event + [ev for ev in chosen if ev not in same_event and id(ev) in others]
    else:
        budget = p.max_words
        yes_no = q.qtype == "yes_no"  # no sentence says yes or no: the answer gives no verdict, only what
        # the articles state (worded without a verdict word, which would read as one)
        if yes_no and q.language != "en":
            parts.append("Các bài viết chỉ nêu:")
        # (items that open with their ordinals, "Thứ nhất, ...": each its share of what is left, the last
        # one too)
        listed = len(chosen) > 2 and any(_ORDINAL_OPENING.match(ev.text) for ev in chosen[1:])
        for i, ev in enumerate(chosen):
            share = budget // (len(chosen) - i) if listed else budget
            if cited and (budget < 10 or ev.doc_id != best.doc_id):
                break
            if any(fold(ev.text) == fold(c.text) for c in cited):
                continue  # (an article may repeat a sentence: a photo caption and the text)
            piece = clip(ev.text, terms, share, anchor=_densest_clause(ev.text, terms))
            budget -= len(piece.split())
            if q.language == "en" and not cited:
                source = (
                    f"The article of {_date_label(ev.article, 'en')}"
                    if ev.article.published
                    else "An article"
                )
                parts.append(f"{source} {'only states' if yes_no else 'reports'}: “{piece}” {mark([ev])}")
            elif q.language == "en":
                parts.append(f"“{piece}” {mark([ev])}")
            else:
                parts.append(f"{piece} {mark([ev])}")
            cited.append(ev)
    planned = [ev for ev in cited if ev.planned]
    done = [ev for ev in cited if not ev.planned and ev.doc_id not in {e.doc_id for e in planned}]
    if planned and done:  # two articles on one event: one reports it as planned, the other as held
        pm, dm = mark(planned[:1]), mark(done[:1])
        if q.language == "en":
            parts.append(f"Note: one article {pm} reports this as planned, another {dm} that it took place.")
        else:
            parts.append(
                f"Lưu ý: một bài {pm} nêu đây là dự kiến, bài khác {dm} cho biết sự kiện đã diễn ra."
            )
    return " ".join(parts), {ev.doc_id for ev in cited}


def _sentence(lead: str) -> str:
    """A lead as the first sentence of the answer ("Có." / "Trần Văn A.")."""
    return lead[:1].upper() + lead[1:] + ("" if lead.endswith(".") else ".")


_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—]\s)")


_DAY_MONTH = re.compile(r"\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{2,4})?")


def clip(text: str, terms: set[str], budget: int, anchor: str | None = None) -> str:
    """At most about ``budget`` words of a sentence, cut at clause boundaries with "…": from the clause
    holding ``anchor`` (the answer's slot), else from an enumeration after a colon, else from the first
    clause holding a question term, forward
    (what a sentence adds to the question comes after the words it shares with it), then backward."""
    words = text.split()
    if len(words) <= budget:
        return text
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c.strip()]
    key = fold(anchor) if anchor else ""
    held = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    start = next((k for k, c in enumerate(clauses) if key and held.search(fold(c))), None)
    words_first, _, rest = key.partition(", ")
    if start is None and not any(c.isdigit() for c in words_first) and _DAY_MONTH.fullmatch(rest.strip()):
        # (a date written across a clause break, "hôm nay, 12-3": its day and month; not several amounts,
        # "12,7 tỷ USD, 5,3 tỷ USD", nor a count and an amount)
        key = rest.strip()
        held = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        start = next((k for k, c in enumerate(clauses) if key and held.search(fold(c))), None)
    if start is None and words_first and rest and not any(c.isdigit() for c in key):  # (a place written
        # across a clause break, "xã A, TP B": the clause of its first part; not several amounts)
        first_part = re.compile(rf"(?<!\w){re.escape(words_first)}(?!\w)")
        start = next((k for k, c in enumerate(clauses) if first_part.search(fold(c))), None)
        key = words_first if start is not None else key
    if start is None:  # an announced enumeration ("... về: A, B, C") is what the sentence says
        start = next((k for k, c in enumerate(clauses[:-1], start=1) if c.endswith(":")), None)
    if start is None:
        start = next((k for k, c in enumerate(clauses) if any(w in terms for w in syllables(c))), 0)
    sizes = [len(c.split()) for c in clauses]
    i, j, total = start, start + 1, sizes[start]
    while j < len(clauses) and total + sizes[j] <= budget:
        total += sizes[j]
        j += 1
    # a person's office in the next clause, too long to hold whole, before the clauses back: its first
    # words ("… ông A, Chủ tịch UBND quận đã đề nghị công ty …", not "Sau khi nghe ý kiến các bên, ông A …")
    part = None
    if (
        key
        and j == start + 1 < len(clauses)
        and budget - total >= 3
        and re.search(rf"(?<!\w){re.escape(key)}\W*$", fold(clauses[start]))
        and (anchor in person_names(clauses[start]) or anchor in _titled_names(clauses[start]))
    ):
        if office_titles().match(clauses[j]):
            part = " ".join(clauses[j].split()[: budget - total])
            total = budget
    while i > 0 and total + sizes[i - 1] <= budget:
        i -= 1
        total += sizes[i]
    if part is None and key and j == start + 1 < len(clauses) and total <= 4 and budget - total >= 6:
        # (a slot's short clause, at most four words with those before it, then a long one, "Ngày 22/7, một
        # tài khoản ... chia sẻ ...": the long one's first words, what the slot is the date or place of; not
        # the slot's words alone)
        part = " ".join(clauses[j].split()[: budget - total])
        total = budget
    # (a slot's short last clause after a long one, ", 12-3.": the long one's last words before it)
    before = clauses[i - 1].split()[total - budget :] if i > 0 and total < budget // 2 else []
    words = " ".join(clauses[i:j] + ([part] if part else [])).split()
    words = before + words
    cut_left, cut_right = i > 0, j < len(clauses)
    if len(words) > budget:  # one long clause: from its first question term on, moved to hold the
        # slot's own words when they are outside ("… lần thứ 10 trong 2 ngày 9-10 tháng 1")
        folded_words = [fold(w).strip('.,;:“”"()') for w in words]
        hit = next((k for k, w in enumerate(folded_words) if w in terms), 0)
        lo = max(0, min(hit - 3, len(words) - budget))
        anchor_words = [w.strip('.,;:“”"()') for w in key.split()]
        size = len(anchor_words)
        at = next((k for k in range(len(words)) if size and folded_words[k : k + size] == anchor_words), None)
        if at is not None and size <= budget and not lo <= at <= lo + budget - size:
            lo = max(0, min(at, at + size - budget))  # (the window moved to hold the slot's words)
        cut_left, cut_right = cut_left or lo > 0, cut_right or lo + budget < len(words)
        words = words[lo : lo + budget]
    out = " ".join(words).rstrip(",;:–—")
    return ("… " if cut_left else "") + out + (" …" if cut_right else "")


def _densest_clause(text: str, terms: set[str]) -> str:
    """The clause of ``text`` holding the most question terms (the first of equals)."""
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c.strip()] or [text]
    return max(
        clauses,
        key=lambda c: len(terms.intersection(lexical_tokens(c, use_segmentation=False, spell_out=True))),
    )


def _abstain(q: Question, ranked: list[Evidence], hits: list[Hit], max_citations: int) -> Answer:
    nearest: list[Evidence] = []  # the best sentence of each of the nearest articles
    for ev in ranked:
        if ev.doc_id not in {e.doc_id for e in nearest}:
            nearest.append(ev)
        if len(nearest) >= min(3, max_citations):
            break
    citations = [_cite(ev, i) for i, ev in enumerate(nearest, start=1)]
    if q.language == "en":
        text = "The articles do not say: none of them answers this question. The nearest passages are listed."
    else:
        text = "Các bài viết không có thông tin về câu hỏi này. Các đoạn gần nhất được liệt kê bên dưới."
    return Answer(q.text, text, True, q.language, citations)


def scored_evidence(
    q: Question,
    hits: list[Hit],
    index: Index,
    params: AnswerParams = DEFAULT_PARAMS,
    question_vector: np.ndarray | None = None,
) -> list[Evidence]:
    """Every candidate sentence of ``hits``, with its features and the scorer's probability."""
    evidence = candidates(hits, index)
    sims = sentence_similarities(evidence, index, question_vector)
    score_evidence(
        q, evidence, idf_table(index), index.memo.get("idf_top"), params, semantic=sims, index=index
    )
    return evidence


def _one_sided(q: Question, answer: Answer) -> bool:
    """A comparison of amounts whose answer gives one amount or none: fewer than two numbers in its
    text that are neither the question's own, nor of a date, nor a year, nor a citation marker; or one
    that names its two sides (``compare_sides``), each then answered on its own when both can be."""
    # (a what-question too when it sets two amounts against each other: "đoạn nào dài hơn")
    if not _compares(q) and not (q.qtype in ("how_many", "what") and _COMPARED.search(q.words)):
        return False
    if answer.abstained or compare_sides(q.text) is not None:
        return True
    text = re.sub(r"\[\d+\]", " ", answer.answer)
    dated = {n for d in find_dates(text) for n in _numbers(text[d.start : d.end])}
    given = {n for n in _numbers(text) - dated if not re.fullmatch(r"(?:19|20)\d\d", n)}
    return len(given - _numbers(q.text)) < 2


# the quantity a comparison names after its sides: "..., dự án nào có mức đầu tư lớn hơn"
_MEASURE_COMPARED = re.compile(
    r"\b(?:nào|nao)\s+(?:có\s+|co\s+)?(?P<what>\w+(?:\s+\w+){0,3}?)\s+"
    r"(?:lớn|nhiều|cao|dài|rộng|lon|nhieu|dai|rong)\s+(?:hơn|hon)\b",
    re.IGNORECASE,
)
# "cái nào dài hơn", "bên nào nhiều hơn", "chênh nhau": two amounts compared (folded words)
_COMPARED = re.compile(
    r" (?:nao|hay|ai) .*(?:nhieu|lon|cao|it|nho|thap|dai|ngan|tre|gia)(?: tuoi)? hon (?!\d)"
    r"| chenh (?:lech|nhau)"
)
# what the question counts of each side: "..., ai lớn tuổi hơn và mỗi người bao nhiêu tuổi" asks each
# side's "bao nhiêu tuổi"
_COUNTED_OF_EACH = re.compile(r"\b(?:bao nhiêu|bao nhieu)\s+(?P<what>\w+)\s*\??$", re.IGNORECASE)


def _each_side(
    q: Question,
    hits: list[Hit],
    index: Index,
    max_citations: int,
    params: AnswerParams,
    question_vector: np.ndarray | None,
    embed_question: Callable[[str], np.ndarray] | None = None,
) -> Answer | None:
    """Each side of a comparison answered as a how-many question of its own (``compare_sides``: "khoản
    A so với khoản B" -> "khoản A bao nhiêu", "khoản B bao nhiêu"), the two answers one after the other,
    each with its citation; or a side's answer alone when its sentence gives both amounts ("dự án A trị
    giá 6,77 triệu USD và dự án B 17,8 triệu USD"). None unless both sides get an amount, different
    ones, each from a sentence holding at least half the words that set its side apart from the other
    ("vay", not "viện trợ")."""
    sides = compare_sides(q.text)
    if sides is None:
        return None
    ask = " how much?" if q.language == "en" else " bao nhiêu?" if q.language == "vi" else " bao nhieu?"
    # (the quantity compared, when the question names it after the sides: "A và B, dự án nào có mức đầu
    # tư lớn hơn" asks each side's "mức đầu tư")
    measured = _MEASURE_COMPARED.search(q.text)
    if measured and q.language != "en":
        ask = f" có {measured['what']}{ask}" if q.language == "vi" else f" co {measured['what']}{ask}"
    elif counted := _COUNTED_OF_EACH.search(q.text):
        ask = f"{ask[:-1]} {counted['what']}?"
    own = [set(syllables(side)) for side in sides]
    subs = [analyze(side + ask, q.language) for side in sides]
    parts: list[tuple[str, Answer]] = []
    for i, sub in enumerate(subs):
        if sub.qtype != "how_many":
            return None
        # (the side's own vector, when there is an embedder: the whole question's is as near the other
        # side's sentence)
        vector = embed_question(sub.text) if embed_question is not None else question_vector
        answer = compose(sub, scored_evidence(sub, hits, index, params, vector), hits, 1, params)
        slot = str(answer.extra.get("slot", ""))
        if answer.abstained or not slot or not answer.citations:
            return None
        apart = {w for w in own[i] - own[1 - i] if w in sub.terms}
        quoted = set(syllables(" ".join(answer.citations[0].quotes or [answer.citations[0].quote])))
        if len(apart & quoted) < len(apart) / 2:
            return None  # (an amount of the other side's sentence, or of another article)
        amounts = slot.split(", ")
        # (one sentence gives both: two amounts of one unit, and it names the other side too)
        other = {w for w in own[1 - i] - own[i] if w in subs[1 - i].terms}
        both = len(other & quoted) >= len(other) / 2
        if len(amounts) >= 2 and len({_unit_of(a) for a in amounts[:2]}) == 1 and both:
            answer.question = q.text
            return answer
        parts.append((amounts[0], answer))  # (of two units, "440 tỉ đồng, 6,5 km": the first, the one asked)
    if fold(_unbounded(parts[0][0])) == fold(_unbounded(parts[1][0])):  # ("hơn 400", "400": one amount)
        return None
    cites = [a.citations[0] for _, a in parts]
    texts = {c.doc_id: index.articles[c.doc_id].text for c in cites if c.doc_id in index.articles}
    citations, numbers = merge_citations(cites, texts)
    text = " ".join(a.answer.replace("[1]", f"[{n}]") for (_, a), n in zip(parts, numbers, strict=True))
    answer = Answer(q.text, text, False, q.language, citations[:max_citations])
    answer.extra["slot"] = ", ".join(slot for slot, _ in parts)
    return answer


# two sides compared (folded words): which came first, which is more, how they differ
_SIDES_COMPARED = re.compile(r" (?:truoc|sau|som hon|muon hon|\w+ hon|khac nhau|khac gi|so voi) ")


def _other_side_said(
    q: Question,
    answer: Answer,
    hits: list[Hit],
    index: Index,
    max_citations: int,
    params: AnswerParams,
    embed_question: Callable[[str], np.ndarray] | None = None,
) -> Answer | None:
    """A what-question setting two sides against each other (``compare_sides``: "đâu là nơi A coi là ứng
    viên, còn đâu là nơi B nhắc tới") answered from one side's sentences only: the other side asked on its
    own, its sentence added with its citation. None unless the answer quotes at least half the words that
    set one side apart from the other and not of the other's, and the other side's own answer does."""
    # (each side a question of its own, the second after "còn", or the two compared, "cuộc nào diễn ra
    # trước", "khác nhau thế nào": not "A và B, cơ quan nào chủ trì", which picks one of them)
    sides = compare_sides(q.text)
    if (
        q.qtype != "what"
        or sides is None
        or answer.abstained
        or not answer.citations
        or not (_SIDES_COMPARED.search(q.words) or re.search(r",\s*(?:còn|con)\s", q.text, re.IGNORECASE))
    ):
        return None
    own = [set(syllables(side)) for side in sides]
    terms = set(q.terms)
    apart = [{w for w in own[i] - own[1 - i] if w in terms} for i in (0, 1)]
    quotes = {quote for c in answer.citations for quote in c.quotes}
    quoted = set(syllables(" ".join(quotes)))
    said = [bool(words) and len(words & quoted) >= len(words) / 2 for words in apart]
    if said.count(True) != 1:
        return None
    other = said.index(False)
    sub = analyze(sides[other].rstrip(" ?") + "?", q.language)
    vector = embed_question(sub.text) if embed_question is not None else None
    more = compose(sub, scored_evidence(sub, hits, index, params, vector), hits, 1, params)
    if more.abstained or not more.citations:
        return None
    added = more.citations[0].quotes
    if len(apart[other] & set(syllables(" ".join(added)))) < len(apart[other]) / 2 or set(added) <= quotes:
        return None
    cites = answer.citations + more.citations[:1]
    texts = {c.doc_id: index.articles[c.doc_id].text for c in cites if c.doc_id in index.articles}
    citations, numbers = merge_citations(cites, texts)
    if len(citations) > max_citations:  # (no room for the other side's source)
        return None
    text = f"{answer.answer} {more.answer.replace('[1]', f'[{numbers[-1]}]')}"
    return Answer(q.text, text, False, q.language, citations, extra=dict(answer.extra))


def answer_question(
    question: str,
    hits: list[Hit],
    index: Index,
    *,
    retrieve_ms: float = 0.0,
    max_citations: int = 5,
    params: AnswerParams = DEFAULT_PARAMS,
    question_vector: np.ndarray | None = None,
    language: Language | None = None,
    analysis: Question | None = None,
    embed_question: Callable[[str], np.ndarray] | None = None,
) -> Answer:
    """Compose a grounded answer to ``question`` from ``hits`` (the retrieved passages, best first);
    ``question_vector`` is the embedder's vector of the question (for the semantic feature), and
    ``embed_question`` makes one for a part of it (each side of a comparison, asked on its own);
    ``language`` the language to answer in when the caller knows it (a rewritten follow-up's);
    ``analysis`` the question's analysis when the caller has made it (``analyze(question, language)``)."""
    t0 = time.perf_counter()
    q = analysis if analysis is not None else analyze(question, language)
    evidence = scored_evidence(q, hits, index, params, question_vector)
    answer = answer_from_timeline(
        q,
        index,
        max(1, max_citations),
        min_records=params.timeline_min_records,
        doc_ids={h.chunk.doc_id for h in hits},
    ) or compose(q, evidence, hits, max(1, max_citations), params)
    if max_citations >= 2 and _one_sided(q, answer):  # a comparison answered for one side or none:
        # each side on its own (a citation each)
        answer = _each_side(q, hits, index, max_citations, params, question_vector, embed_question) or answer
    elif max_citations >= 2:  # two sides of what-question, one answered: the other too
        answer = _other_side_said(q, answer, hits, index, max_citations, params, embed_question) or answer
    compose_ms = (time.perf_counter() - t0) * 1000
    answer.timings_ms = {"retrieve": retrieve_ms, "compose": compose_ms, "total": retrieve_ms + compose_ms}
    answer.extra["question_type"] = q.qtype
    answer.extra["support"] = round(max((e.coverage for e in evidence), default=0.0), 4)
    return answer
