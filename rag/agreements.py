"""The agreements timeline: meetings, signings, agreements, proposals and decisions the articles report.

Extracted at ingest, sentence by sentence, by general rules (no article-specific strings):

* **Events** (a record each, several per sentence when the sentence reports several):
  - a meeting (``họp``, ``hội đàm``, ``gặp xã giao``): a meeting noun ("Phiên họp", "Hội nghị",
    "buổi Hội đàm", "buổi gặp xã giao", "đã hội đàm với", ...) reported as taking place ("đã diễn ra X",
    "đã có buổi X", "trong khuôn khổ X", "tổ chức X", "X ... được tổ chức / diễn ra / đã bàn thảo").
    Outside the lede it needs a date of its own (an undated "tại Hội nghị" is the article's event again,
    or background). A meeting whose own date lies after the article's event ("vào năm 2024", "trong tháng
    4 tới") is planned: ``thống nhất tổ chức`` when the sentence agrees on it, else ``dự kiến tổ chức``.
  - a signing (``ký kết``): "A (và B) đã ký (kết) DOC (với B)", "chứng kiến Lễ ký kết ...: DOC1 giữa A và B;
    DOC2 ...", "DOC ... được X ký ngày D" (a passive or relative signing counts only with its own date).
    Several documents ("DOC1 với B1 và DOC2 với B2", a ";"-list after ":") give several records. Future
    ("sớm ký kết", "tiến tới ký"), nominal ("việc ký kết") and undated relative signings are not records.
* **Statements** (at most one per sentence, when no planned meeting absorbs it): an agreement (``nhất trí``:
  nhất trí, thống nhất, đồng ý) or, failing one, a proposal (``đề xuất``: đề xuất, đề nghị, kiến nghị,
  mong muốn) used as a verb: not a noun ("các đề xuất", "sự nhất trí", "Với mong muốn"), not passive or
  relative ("đã được thống nhất", "nội dung đã thống nhất"), not an opinion ("nhất trí cho rằng"), not a
  purpose or a future content ("để ... thống nhất", "sớm thống nhất"), not "Sau khi thảo luận, thống nhất".

Dates: ``find_dates(sentence, reference=article date)``; only temporal mentions count (attributive years
such as "dự án năm 2025" and validity periods such as "giai đoạn 2024 – 2028" do not); the most precise one
wins. A record without a date of its own inherits the article's event date: the lede's date ("sáng 27/3"),
else the article's published date (``date_text`` and place then those of the article's first event dated
that day, or null); a year is never invented. An undated event that repeats a dated one of the article
(same action, date and parties: the lede's "Mới đây ... đã ký") is dropped. Questions (interviews) give
nothing; a "Theo đó, ..." sentence without a record of its own extends the previous record's quote.
Place: "tại [thành phố|tỉnh] X" of the sentence, else the event's place when the record is on the event's
date. Parties: UBND / HĐND / Chính quyền nhân dân / Nhân đại / Đoàn đại biểu / Tỉnh ủy / titled people
("Bí thư Tỉnh ủy Quảng Ninh"; "đồng chí X, Chủ tịch UBND tỉnh Y" -> "Chủ tịch UBND tỉnh Y X") / companies and
banks / "tỉnh|châu X, Y và Z" lists (expanded) / "5 tỉnh" collectives; a record naming only one side
("Hai bên", "2 bên", or one party) is completed with the other side of the article's event (the lede's
parties), a subjectless sentence takes the parties of the previous sentence's record. Sides are told by
markers (Việt Nam / Trung Quốc, UBND / Nhân đại, châu X, a small gazetteer of Chinese border-province
names, the names the article itself marks "(Trung Quốc)").

Linear in the text and fast (a few ms per article): sentences without a trigger word are skipped after a
cheap test, rules look back a bounded distance, and a sentence gives at most a dozen events.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from rag.chunk import split_sentences
from rag.dates import DateMention, find_dates, in_date_range
from rag.gazetteer import (
    PERSON_NAME,
    country_aliases,
    looks_foreign,
    office_titles,
    places_of,
    starts_with_place,
)
from rag.models import Agreement, Article
from rag.text import LOWER, fold

#: The fixed action vocabulary.
ACTIONS = (
    "họp",
    "hội đàm",
    "gặp xã giao",
    "ký kết",
    "nhất trí",
    "đề xuất",
    "thống nhất tổ chức",
    "dự kiến tổ chức",
)
EVENT_ACTIONS = frozenset({"họp", "hội đàm", "gặp xã giao", "ký kết"})

# ------------------------------------------------------------------------------------------ lexicon
_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_UY = r"(?:[Ủủ]y|[Uu]ỷ)"
# Capitalised words that start a title, a body or a document, never a place or a person's name.
_HEADS = (
    rf"(?:UBND|HĐND|{_UY}\s+ban|{_UY}\s+viên|Đoàn|Bí\s+thư|Chủ\s+tịch|Chủ\s+nhiệm|Quyền|"
    rf"Phó\s+(?:Chủ|Bí|Tỉnh|Châu|Trưởng|Giám|Thủ|Tổng)|Công\s+ty|Ngân\s+hàng|Tập\s+đoàn|Tổng\s+công|"
    rf"Tổng\s+Lãnh|Hội\s+(?:nghị|đàm|đồng|thảo)|Phiên|Kỳ\s+họp|Th(?:ỏa|oả)|Biên\s+bản|Hợp\s+(?:đồng|tác)|"
    rf"Ban|Bộ|Sở|Nhân\s+(?:đại|dân)|Chính\s+(?:quyền|phủ)|Lễ|Châu\s+(?:trưởng|{_UY})|Tỉnh|Lãnh\s+đạo|"
    rf"Cửa\s+khẩu|Khu|Trung\s+tâm|Thứ|Trong|Tại|Ngày|Sáng|Chiều|Tối|Đồng\s+chí|Việt\s+Nam|Trung\s+Quốc)(?!\w)"
)
_CAPW = rf"(?!{_HEADS})[{_UP}][\w\-]*"
_NAME = rf"{_CAPW}(?:\s+{_CAPW}){{0,5}}"
_PNAME = rf"{_CAPW}(?:\s+{_CAPW}){{1,3}}"  # a person's name: 2-4 capitalised syllables
_PAREN = r"(?:\s*\([^()]{1,60}\))?"
_NUM = r"(?:\d+|hai|ba|bốn|năm|sáu|bảy)"
_COLL = rf"{_NUM}\s+tỉnh(?:\s+biên\s+giới)?(?:\s+của\s+(?:Việt\s+Nam|Trung\s+Quốc))?(?!\w)"
_ORGWORD = (
    rf"(?:UBND|HĐND|{_UY}\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|Tỉnh\s+{_UY}|Châu\s+{_UY}|"
    rf"Huyện\s+{_UY}|Thành\s+{_UY}|[Cc]hính\s+quyền\s+nhân\s+dân|Nhân\s+đại)"
)
_TITLE = (
    r"(?:(?:Quyền|Phó)\s+)*(?:Bí\s+thư|Chủ\s+tịch|Châu\s+trưởng|Tỉnh\s+trưởng|Chủ\s+nhiệm|Trưởng\s+[Bb]an|"
    r"Bộ\s+trưởng|Thứ\s+trưởng|Tổng\s+[Ll]ãnh\s+sự|Đại\s+sứ|Tổng\s+[Gg]iám\s+đốc|Giám\s+đốc)"
    r"(?:\s+[Tt]hường\s+trực)?"
)
_UNIT = r"(?:tỉnh|châu|huyện|thành\s+phố)"


def _list(unit: str) -> str:
    """``Name (, Name)* (và|với [unit] Name)`` with optional "(Việt Nam)"-style parentheses."""
    return (
        rf"{_NAME}(?:{_PAREN},\s+{_NAME}){{0,11}}"
        rf"(?:{_PAREN}\s+(?:và|với)\s+(?:{unit}\s+)?{_NAME}(?=\W|$))?{_PAREN}"
    )


_APPOS_LOC = rf"(?:,\s+(?:tỉnh|huyện|châu|thành\s+phố)\s+{_NAME})?"

_P_APPOS = re.compile(
    rf"(?:[Đđ]ồng\s+chí|[Ôô]ng|[Bb]à)\s+(?P<name>{_PNAME}),\s+(?:{_UY}\s+viên[^,;.]{{0,80}}?,\s+)*"
    rf"(?P<title>{_TITLE}(?:\s+{_ORGWORD})?(?:\s+{_UNIT}(?!\w))?(?:\s+{_NAME})?)"
)
_P_BARE_PERSON = re.compile(rf"[Đđ]ồng\s+chí\s+(?P<name>{_PNAME})(?!\s*,\s*(?:{_TITLE}|{_UY}\s+viên))")
_P_TITLED = re.compile(
    rf"(?P<head>{_TITLE}(?:\s+{_ORGWORD})?)"
    rf"(?:\s+(?P<unit>(?:các\s+)?(?:tỉnh|châu|[Tt]hành\s+phố)(?!\s+{_UY}))\s*:?)?"
    rf"\s+(?P<tail>{_COLL}|{_list('tỉnh')})"
)
_P_GOV = re.compile(
    rf"(?P<head>(?:[Ll]ãnh\s+đạo\s+)?(?:Ban\s+Thường\s+vụ\s+)?(?:{_ORGWORD}|[Đđ]oàn\s+đại\s+biểu))"
    rf"(?:\s+(?P<unit>(?:các\s+)?(?:tỉnh|châu|huyện|thành\s+phố))\s*:?)?"
    rf"\s+(?P<tail>{_COLL}|{_list('tỉnh')})(?P<loc>{_APPOS_LOC})"
)
_P_UNIT = re.compile(
    rf"(?P<head>(?:[Ll]ãnh\s+đạo\s+)?)(?P<unit>(?:các\s+)?[Tt]ỉnh(?!\s+{_UY}))\s+(?P<tail>{_list('tỉnh')})"
    rf"|(?P<head2>(?:[Ll]ãnh\s+đạo\s+)?)(?P<unit2>(?:các\s+)?châu)\s+(?P<tail2>{_list('châu')})(?P<loc>{_APPOS_LOC})"
)
_P_COLL = re.compile(rf"(?<!\w){_COLL}")
_ORG_HEAD = (
    r"(?:Công\s+ty|Ngân\s+hàng|Tập\s+đoàn|Tổng\s+công\s+ty|Hợp\s+tác\s+xã|Sở|Bộ|Cục|Tổng\s+cục|Chi\s+cục|"
    r"Ban\s+quản\s+lý|Hải\s+quan|Đồn\s+[Bb]iên\s+phòng)"
)
_ORG_STOP = (
    r"(?:giữa|với|về|tại|giai|để|nhằm|đã|sẽ|ký|cùng|trong|theo|cho|là|có|được|đến|sẵn|phối|tham|làm|"
    # (and the verbs that make a record, "Sở A kiến nghị ...": no part of a name)
    rf"khai|chủ|thực|triển|đề|nhất|thống|đồng|kiến(?=\s+nghị)|mong(?=\s+muốn)|và(?=\s+(?:{_ORG_HEAD}|UBND|[Cc]hính\s+quyền|các|những)))(?!\w)"
)
_P_ORG = re.compile(
    rf"{_ORG_HEAD}(?:\s+(?!{_ORG_STOP})[\w&\-]+){{1,15}}(?:,\s+(?:huyện|tỉnh|châu|thành\s+phố)\s+{_NAME})?"
)
_PARTY_PATTERNS = (_P_APPOS, _P_TITLED, _P_GOV, _P_ORG, _P_UNIT, _P_BARE_PERSON, _P_COLL)
_NOT_PARTY_BEFORE = re.compile(rf"(?:{_UY}\s+viên|Trưởng|Phó|thuộc|điểm\s+cầu)\s+$")
_LIST_ITEM = re.compile(_NAME)
_PAREN_SPAN = re.compile(r"\([^()]*\)")

_PLACE = re.compile(
    rf"(?<!\w)tại\s+(?:(?:thành\s+phố|tỉnh|thủ\s+đô|thị\s+xã|huyện|TP\.?)\s+)?(?P<name>{_NAME})"
    rf"(?:,\s+(?:tỉnh|thành\s+phố)\s+{_NAME})?"
)

# Events and statements
_MEETING = re.compile(
    r"(?:(?:buổi|cuộc)\s+(?P<talks>[Hh]ội\s+đàm)|(?:buổi|cuộc)\s+(?P<courtesy>gặp\s+xã\s+giao|tiếp\s+xã\s+giao)"
    r"|(?:buổi|cuộc)\s+(?:gặp\s+mặt|gặp\s+gỡ|làm\s+việc|hội\s+kiến)"
    r"|(?<=đã\s)(?:(?P<talks3>hội\s+đàm)|(?P<courtesy2>gặp\s+xã\s+giao)|hội\s+kiến|gặp\s+gỡ|gặp\s+mặt)(?=\s+với\s)"
    r"|[Pp]hiên\s+họp|Kỳ\s+họp|[Hh]ội\s+nghị|[Hh]ội\s+thảo|Diễn\s+đàn|(?P<talks2>Hội\s+đàm))(?!\w)"
)
_MEETING_REPORTED_BEFORE = re.compile(
    r"(?:diễn\s+ra|(?:đã\s+)?có|tổ\s+chức|khuôn\s+khổ|tiến\s+hành|đã)\s+$", re.IGNORECASE
)
_MEETING_REPORTED_AFTER = re.compile(
    r"(?<!\w)(?:diễn\s+ra|được\s+tổ\s+chức|tổ\s+chức|bàn\s+thảo|khai\s+mạc|bế\s+mạc|đã\s+họp)(?!\w)"
)
_NP_END = re.compile(
    rf"\s+(?:tại|diễn\s+ra|dự\s+kiến|sẽ|được|đã|vào|nhằm|để|do|với\s+sự)(?!\w)|[;.!?]|,\s+(?![{_UP}])"
    rf"|,\s+(?={_HEADS})|\s+[-–]\s+"
)
_DOC = (
    r"(?:[Bb]iên\s+bản(?:\s+ghi\s+nhớ)?|[Bb]ản\s+ghi\s+nhớ|[Tt]h(?:ỏa|oả)\s+thuận|[Hh]ợp\s+đồng|[Hh]iệp\s+định|"
    r"[Nn]ghị\s+định\s+thư|[Cc]hương\s+trình\s+hợp\s+tác|[Vv]ăn\s+bản|[Tt]uyên\s+bố\s+chung|[Kk]ế\s+hoạch)"
)
_DOC_BEFORE = re.compile(rf"(?:{_DOC}|[Nn]ội\s+dung)\s+$")
_DOC_RX = re.compile(rf"(?<!\w){_DOC}(?!\w)")
_AND_DOC = re.compile(rf"\s+và\s+(?={_DOC})")
_SIGN = re.compile(
    r"(?<![Đđ]ăng\s)(?<![Tt]hư\s)(?<![Cc]hữ\s)(?<!\w)ký(?:\s+kết)?(?!\w)"
    r"(?!\s+(?:hiệu|tự|ức|sự|giả|túc|quỹ|sinh|gửi|nhận))"
)
_SIGN_FUTURE_BEFORE = re.compile(r"(?<!\w)(?:sớm|sẽ|tiến\s+tới|dự\s+kiến|cần|chưa|chuẩn\s+bị)\s+$")
_SIGN_NOMINAL_BEFORE = re.compile(r"(?<!\w)(?:việc|nội\s+dung|[Ll]ễ|cuộc)\s+$")
_SIGN_CEREMONY_BEFORE = re.compile(r"(?:chứng\s+kiến|tổ\s+chức|diễn\s+ra|dự)\s+(?:buổi\s+)?[Ll]ễ\s+$")
_SIGN_HELD_AFTER = re.compile(r"(?<!\w)(?:đã\s+)?(?:diễn\s+ra|được\s+tổ\s+chức)(?!\w)")
_OBJECT_END = re.compile(
    r"\s+(?:tại|nhằm|để|(?:đã\s+)?diễn\s+ra|(?:đã\s+)?được\s+tổ\s+chức|vào\s+(?:ngày|sáng|chiều|tối))\s+"
    rf"|,\s+(?=[{LOWER}])"
)
_SIGN_PASSIVE_BEFORE = re.compile(
    rf"(?:(?<!\w)được\s+[^;,]{{0,40}}|(?:{_DOC}|[Nn]ội\s+dung)\s+(?:đã\s+|vừa\s+|mà\s+)?(?:được\s+)?"
    r"|(?<!\w)mà\s+[^;,]{0,40})$"
)
_AGREE = re.compile(r"(?<!\w)(?:nhất\s+trí|thống\s+nhất|đồng\s+ý|đồng\s+thuận)(?!\w)", re.IGNORECASE)
_PROPOSE = re.compile(r"(?<!\w)(?:đề\s+xuất|đề\s+nghị|kiến\s+nghị|mong\s+muốn)(?!\w)", re.IGNORECASE)
_STMT_NOUN_BEFORE = re.compile(
    r"(?<!\w)(?:được|các|những|sự|với|theo|của|này|nhiều|mọi|một|(?-i:trang))\s+$|(?<!thứ\s)(?<!\w)\d+\s+$|(?<!\w)sự(?!\w)[^.;]{0,18}$",
    re.IGNORECASE,
)
# (a noun, not a verb: "kiến nghị của", "đề xuất này", "kiến nghị đó", "kiến nghị được ký")
_STMT_AFTER_SKIP = re.compile(r"\s+(?:cho\s+rằng|của|này|đó|(?:đã\s+)?được\s+ký)(?!\w)")
_STMT_FUTURE_BEFORE = re.compile(r"(?<!\w)(?:sớm|sẽ|cần|tiến\s+tới|để|nhằm)\s+(?:\w+\s+)?$", re.IGNORECASE)
_STMT_AFTER_SUB = re.compile(r"(?<!\w)sau\s+khi(?:\s+\w+){1,3},\s*$", re.IGNORECASE)
_STMT_RELATIVE_BEFORE = re.compile(
    r"(?<!\w)(?:nội\s+dung|vấn\s+đề|văn\s+bản|kết\s+quả|điều)\s+(?:đã\s+)?(?:được\s+)?$", re.IGNORECASE
)
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm)(?!\w)", re.IGNORECASE)
_GENERIC_SIDES = re.compile(
    r"(?<!\w)(?:các|hai|2)\s+(?:bên|phía)(?!\w)|(?<!\w)hai\s+địa\s+phương|(?<!\w)2\s+tỉnh/châu", re.IGNORECASE
)
_CONTINUATION = re.compile(r"^(?:Theo\s+đó|Cụ\s+thể|Trong\s+đó)\s*[,:]")
_TEMPORAL_YEAR_BEFORE = re.compile(r"(?<!\w)(?:vào|trong|đến|từ|sang|tới)\s+$", re.IGNORECASE)

# Sides: Chinese-side markers (folded), the Chinese places of the gazetteer (rag/data/places.tsv),
# and the article's own "(Trung Quốc)" / "(Việt Nam)" marks.
_CN_MARKERS = (
    "trung quoc",
    "nhan dai",
    "chinh quyen nhan dan",
    "chau uy",
    "chau truong",
    "tinh truong",
    *places_of("Trung Quốc"),
)
_CN_MARKER = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(m) for m in _CN_MARKERS) + r")(?!\w)")
_VN_MARKERS = ("viet nam", "ubnd", "uy ban nhan dan", "hoi dong nhan dan", "hdnd", "tinh uy", "huyen uy")
_CN_PREFECTURE = re.compile(rf"(?<!\w)châu\s+[{_UP}]")
_COUNTRY_MARK = re.compile(r"(?:\s*\((?:[^()]{0,40},\s*)?|,\s+)(Trung\s+Quốc|Việt\s+Nam)(?!\w)")
_NAME_AT_END = re.compile(rf"(?<![\w\-]){_NAME}$")
_COLLECTIVE = re.compile(rf"(?<!\w){_NUM}\s+tỉnh(?!\w)|các\s+tỉnh$", re.IGNORECASE)

_WHAT_MAX = 160
_BACK = 240  # how far back a rule looks from its trigger (keeps a sentence's analysis linear)
_MAX_EVENTS = 12  # events read from one sentence at most
_DIGIT = re.compile(r"\d")


# ----------------------------------------------------------------------------------------- helpers
@dataclass(frozen=True)
class _Party:
    start: int
    end: int
    names: tuple[str, ...]


@dataclass
class _Record:
    pos: int  # anchor offset in the sentence (ordering within the sentence)
    action: str
    what: str
    parties: list[str]
    date: str | None
    date_text: str | None
    own_date: bool
    place: str | None
    span: tuple[int, int] = (0, 0)  # the part of the sentence the record was read from
    event: bool = True
    generic: bool = False  # the subject is "các bên" / "hai bên": the event's parties


@dataclass
class _Context:
    """The article's event: the lede's date, place and parties (or the article's own date)."""

    date: str | None
    date_text: str | None
    place: str | None
    parties: list[str]
    cn_names: set[str] = field(default_factory=set)
    vn_names: set[str] = field(default_factory=set)


def _clean(text: str) -> str:
    text = _PAREN_SPAN.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:.")
    return re.sub(r"^(?:[Đđ]ồng chí|[Cc]ác đồng chí)\s+", "", text)


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def _cap(text: str, limit: int = _WHAT_MAX) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:.…")
    if len(text) <= limit:
        return text
    cut = text.rfind(", ", 0, limit)
    if cut < limit // 3:
        cut = text.rfind(" ", 0, limit)
    return text[:cut].rstrip(" ,;:")


def _inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _expand(head: str, unit: str | None, tail: str, loc: str | None = None) -> tuple[str, ...]:
    """``head unit Name1, Name2 và Name3`` -> one party per name (a title ending in "ủy" drops the unit);
    ``loc`` is a location apposition of a single name ("thành phố Thâm Quyến, tỉnh Quảng Đông")."""
    names = [m.group(0) for m in _LIST_ITEM.finditer(_PAREN_SPAN.sub("", tail))]
    if len(names) < 2:
        return (_clean(f"{head} {unit or ''} {tail}{loc or ''}"),)
    single = re.sub(r"^các\s+", "", unit or "").strip()
    head = head.strip()
    if re.search(rf"{_UY}$", head):
        single = ""
    return tuple(_clean(f"{head} {single} {name}") for name in names)


def _match_party(m: re.Match[str], titles: dict[str, str]) -> tuple[str, ...]:
    groups = m.groupdict()
    if m.re is _P_APPOS:
        return (_clean(f"{groups['title']} {groups['name']}"),)
    if m.re is _P_BARE_PERSON:
        name = groups["name"]
        return (_clean(f"{titles[name]} {name}") if name in titles else name,)
    if m.re is _P_TITLED:
        names = _expand(groups["head"], groups.get("unit"), groups["tail"] or "")
        if len(names) == 1:  # "Phó Chủ tịch UBND tỉnh Lê Quang Huy": the fuller title the article gives
            person = next((n for n in titles if names[0].endswith(" " + n)), None)
            if person and titles[person].startswith(names[0][: -len(person)].strip()):
                return (f"{titles[person]} {person}",)
        return names
    if m.re is _P_GOV:
        return _expand(groups["head"], groups.get("unit"), groups["tail"] or "", groups.get("loc"))
    if m.re is _P_UNIT:
        if groups.get("tail") is not None:
            return _expand(groups["head"] or "", groups["unit"], groups["tail"])
        return _expand(groups["head2"] or "", groups["unit2"], groups["tail2"], groups.get("loc"))
    return (_clean(m.group(0)),)


def _find_parties(sentence: str, titles: dict[str, str], excluded: list[tuple[int, int]]) -> list[_Party]:
    """Non-overlapping party mentions (earliest, then longest, wins), outside parentheses and places."""
    candidates: list[tuple[int, int, re.Match[str]]] = []
    for rx in _PARTY_PATTERNS:
        for m in rx.finditer(sentence):
            start, end = m.span()
            end = len(sentence[:end].rstrip(" ,"))
            if end > start:
                candidates.append((start, -end, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    taken: list[_Party] = []
    for start, neg_end, m in candidates:
        end = -neg_end
        if _inside(excluded, start, end) or any(start < p.end and p.start < end for p in taken):
            continue
        if _NOT_PARTY_BEFORE.search(sentence[max(0, start - 20) : start]):
            continue
        names = tuple(n for n in _match_party(m, titles) if n)
        if names:
            taken.append(_Party(start, end, names))
    return taken


def _dedupe(names: Iterable[str]) -> list[str]:
    """Drop repeated parties and those another party contains (folded); keep first-seen order."""
    out: list[str] = []
    for name in names:
        key = _key(name)
        if not key:
            continue
        if any(key in _key(o) for o in out):
            continue
        out = [o for o in out if _key(o) not in key]
        out.append(name)
    return out


def _side(name: str, ctx: _Context) -> str:
    """``"cn"``, ``"vn"``, ``"both"`` (a collective such as "Bí thư Tỉnh ủy 5 tỉnh") or ``"?"``."""
    key = _key(name)
    if _CN_MARKER.search(key) or _CN_PREFECTURE.search(
        name
    ):  # (whole words: "trung tam an" holds no "tam a")
        return "cn"
    if any(n in key for n in ctx.cn_names):
        return "cn"
    if "viet nam" in key:
        return "vn"
    if _COLLECTIVE.search(name):
        return "both"
    if any(m in key for m in _VN_MARKERS) or any(n in key for n in ctx.vn_names):
        return "vn"
    if re.search(rf"(?<!\w)tỉnh\s+[{_UP}]", name):
        return "vn"
    return "?"


def _complete(parties: list[str], ctx: _Context) -> list[str]:
    """A record that names one side only (one party, or parties all of one known side) gets the other side
    of the article's event; a collective party ("Bí thư Tỉnh ủy 5 tỉnh") names both."""
    sides = [_side(p, ctx) for p in parties]
    if "both" in sides or {"vn", "cn"} <= set(sides):
        return parties
    if len(parties) >= 2 and "?" in sides:
        return parties
    missing = {"vn", "cn"} - set(sides)
    ctx_sides = [(p, _side(p, ctx)) for p in ctx.parties]
    extra = [p for p, s in ctx_sides if s in missing or s == "both"]
    if not extra and len(parties) < 2:
        extra = [p for p, _ in ctx_sides]
    return _dedupe(parties + extra)


def _precision(m: DateMention) -> int:
    """0 for a day (or a range of days), 1 for a month (or a range of months), 2 for a year."""
    if m.precision == "range":
        return 0 if m.day is not None else 1
    return {"day": 0, "month": 1, "year": 2}[m.precision]


def _temporal(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions that date something: no validity periods, no attributive years, nothing in quotes."""
    opens = [m.start() for m in re.finditer(r"“", sentence)]
    closes = [m.start() for m in re.finditer(r"”", sentence)]
    straight = [m.start() for m in re.finditer(r'"', sentence)]
    out = []
    for m in mentions:
        if m.precision == "range" and m.day is None and m.month is None:
            continue
        if m.precision == "year" and not _TEMPORAL_YEAR_BEFORE.search(sentence, max(0, m.start - 8), m.start):
            continue
        quoted = (
            bisect_left(opens, m.start) > bisect_left(closes, m.start) or bisect_left(straight, m.start) % 2
        )
        if not quoted:
            out.append(m)
    return out


def _best(mentions: list[DateMention]) -> DateMention | None:
    return min(mentions, key=lambda m: (_precision(m), m.start), default=None)


def _after(a: str, b: str) -> bool:
    """True when ISO (partial) date ``a`` lies after ``b`` at their common precision."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _reference(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


# --------------------------------------------------------------------------------------- extraction
class _Sentence:
    """One sentence analysed: dates, places, parties."""

    def __init__(self, text: str, ref: date | None, titles: dict[str, str]) -> None:
        self.text = text
        self.dates = _temporal(text, find_dates(text, ref)) if _DIGIT.search(text) else []
        self.places = [(m.start(), m.end(), m.group("name")) for m in _PLACE.finditer(text)]
        parens = [m.span() for m in _PAREN_SPAN.finditer(text)]
        self.parties = _find_parties(text, titles, [(s, e) for s, e, _ in self.places] + parens)

    def parties_in(self, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
        return [
            n
            for p in self.parties
            if start <= p.start < end and not _overlaps(skip, p.start, p.end)
            for n in p.names
        ]

    def place(self, start: int = 0, end: int | None = None) -> str | None:
        end = len(self.text) if end is None else end
        return next((name for s, _, name in self.places if start <= s < end), None)

    def best_date(self, skip: Sequence[tuple[int, int]] = ()) -> DateMention | None:
        return _best([m for m in self.dates if not _overlaps(skip, m.start, m.end)])


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The ``;``-delimited clause around ``pos`` (at most ``2 * _BACK`` characters either side)."""
    lo, hi = max(0, pos - 2 * _BACK), min(len(text), pos + 2 * _BACK)
    start = text.rfind(";", lo, pos)
    end = text.find(";", pos, hi)
    return (lo if start < 0 else start + 1), (hi if end < 0 else end)


def _np_end(text: str, start: int, sent: _Sentence) -> int:
    m = _NP_END.search(text, start + 1)
    end = m.start() if m else len(text)
    for d in sent.dates:
        if start < d.start < end:
            end = d.start
    for p in sent.parties:  # a party that starts inside the phrase ends inside it
        if start <= p.start < end < p.end:
            end = p.end
    return len(text[:end].rstrip(" ,"))


def _meetings(sent: _Sentence, lede: bool, ctx: _Context, agree_at: int) -> list[_Record]:
    """The meetings a sentence reports (``agree_at``: where its first agreement verb is, if any)."""
    text = sent.text
    out: list[_Record] = []
    taken: list[tuple[int, int]] = []
    for n, m in enumerate(_MEETING.finditer(text)):
        if len(out) >= _MAX_EVENTS or n >= 4 * _MAX_EVENTS:
            break
        start = m.start()
        if _inside(taken, start, m.end()) or _DOC_BEFORE.search(text[max(0, start - 25) : start]):
            continue
        end = _np_end(text, start, sent)
        taken.append((start, end))
        before = text[max(0, start - 25) : start]
        window = text[end : end + 60]
        cut = re.search(r"[;.]", window)
        window = window[: cut.start()] if cut else window
        reported = bool(_MEETING_REPORTED_BEFORE.search(before)) or bool(
            _MEETING_REPORTED_AFTER.search(window)
        )
        if not reported or re.search(r"(?<!\w)việc\s+(?:\w+\s+){0,3}$", before):
            continue
        own = sent.best_date()
        if own is None and not lede:
            continue
        action = "hội đàm" if (m.group("talks") or m.group("talks2") or m.group("talks3")) else "họp"
        if m.group("courtesy") or m.group("courtesy2"):
            action = "gặp xã giao"
        iso = own.iso if own else ctx.date
        if (
            own is not None
            and own.iso
            and ctx.date
            and not lede
            and (_after(own.iso, ctx.date) or own.future)
        ):
            action = "thống nhất tổ chức" if agree_at < start else "dự kiến tổ chức"
        # the meeting's own parties, and a host named right after it ("... sẽ do tỉnh X chủ trì tổ chức")
        host = re.search(r"[,;.]", text[end:])
        parties = sent.parties_in(start, end + host.start() if host else len(text))
        if len(parties) < 2:  # "A đã có buổi Hội đàm với B", "A đã hội đàm với B": the subject too
            c_start, _ = _clause(text, start)
            parties = sent.parties_in(c_start, start, taken[:-1] + [r.span for r in out]) + parties
        out.append(
            _Record(
                pos=start,
                action=action,
                what=_cap(text[start:end], 240),
                parties=parties,
                date=iso,
                date_text=own.text if own else ctx.date_text,
                own_date=own is not None,
                place=sent.place(),
                span=(start, end),
            )
        )
    return out


def _signings(sent: _Sentence, ctx: _Context, meetings: list[_Record]) -> list[_Record]:
    text = sent.text
    out: list[_Record] = []
    meeting_spans = [r.span for r in meetings]
    for n, m in enumerate(_SIGN.finditer(text)):
        if len(out) >= _MAX_EVENTS or n >= 4 * _MAX_EVENTS:
            break
        start, end = m.span()
        before = text[max(0, start - 60) : start]
        if _SIGN_FUTURE_BEFORE.search(before) or _inside(meeting_spans, start, end):
            continue
        c_start, c_end = _clause(text, start)
        held = _SIGN_HELD_AFTER.search(text, end, c_end)  # "Lễ ký kết X đã diễn ra ngày D"
        if (
            _SIGN_NOMINAL_BEFORE.search(before)
            and not _SIGN_CEREMONY_BEFORE.search(before)
            and not (held and re.search(r"[Ll]ễ\s+$", before))
        ):
            continue
        adjacent = next(
            (
                d
                for d in sent.dates
                if 0 <= d.start - end <= 8 and re.fullmatch(r"\s*(?:vào\s+)?", text[end : d.start])
            ),
            None,
        )
        if adjacent is not None:  # "Biên bản ... được X ký ngày 27/3/2023": a dated (passive) signing
            docs = list(_DOC_RX.finditer(text, max(c_start, start - _BACK), start))
            d_start = docs[-1].start() if docs else start
            passive = re.search(r"\s+được\s+", text[d_start:start])
            what = text[d_start : d_start + passive.start()] if passive else text[d_start:start]
            out.append(
                _Record(
                    pos=d_start,
                    action="ký kết",
                    what=_cap(what, 240),
                    parties=sent.parties_in(d_start, adjacent.end),
                    date=adjacent.iso,
                    date_text=adjacent.text,
                    own_date=True,
                    place=sent.place(start),
                    span=(d_start, adjacent.end),
                )
            )
            continue
        if _SIGN_PASSIVE_BEFORE.search(text[max(c_start, start - _BACK) : start]):
            continue
        subject = sent.parties_in(c_start, start, meeting_spans)
        if not subject and any(c_start <= s < start for s, _ in meeting_spans):
            continue  # "Hội nghị ... đã bàn thảo và đi đến ký kết ...": the meeting's own record
        obj_start = end
        colon = text.find(":", obj_start, c_end)
        if colon >= 0:  # "ký kết 4 văn bản ... về: DOC1 giữa A và B; DOC2 ...; DOC3 ..."
            obj_end = len(text)
            items = _split_items(text, colon + 1, obj_end, ";")
        else:
            obj_end = c_end
            stop = _OBJECT_END.search(text[obj_start:obj_end])
            if stop:
                obj_end = obj_start + stop.start()
            items = _split_items(text, obj_start, obj_end, None)
        own = sent.best_date()
        for i_start, i_end in items:
            item = text[i_start:i_end]
            cut = re.search(r"\s+(?:với|giữa)\s+" if colon >= 0 else r"\s+với\s+", item)
            what = item[: cut.start()] if cut else item
            parties = sent.parties_in(i_start, i_end)
            if len(parties) < 2 and not any(_side(p, ctx) == "both" for p in parties):
                parties = _dedupe(subject + parties)
            if len(parties) < 2:  # parties of any kind, as the sentence names them
                parties = _dedupe(parties + _named_parties(text, c_start, start, i_start, i_end))
            out.append(
                _Record(
                    pos=i_start,
                    action="ký kết",
                    what=_cap(what, 240) or "hợp tác",
                    parties=parties,
                    date=own.iso if own else ctx.date,
                    date_text=own.text if own else ctx.date_text,
                    own_date=own is not None,
                    place=sent.place(),
                    span=(c_start if colon < 0 else start, i_end),
                )
            )
    return out


_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:đã|vừa|mới|chính\s+thức|cùng|cũng|sẽ|hôm\s+nay|đồng\s+thời|mới\s+đây|tiến\s+hành))+\s*$",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^(?:ông|bà|ngài|đồng\s+chí)\s+", re.IGNORECASE)
_BETWEEN = re.compile(
    r"(?<!\w)giữa\s+(?P<a>[^,;.:()]+?)\s+(?:và|với)\s+(?P<b>[^,;.:]+?)"
    r"(?=\s*(?:[,;.:]|$)|\s+(?:về|tại|nhằm|để|trong|vào|nhân|theo)\s)"
)
_MAX_PARTY_WORDS = 14
_WITNESS = re.compile(r"(?<!\w)(?:chứng\s+kiến|[Ll]ễ)(?!\w)")
# a clause that says something (a verb of speech or stance), not a name
_NOT_A_NAME_PART = re.compile(
    r"(?<!\w)(?:cho\s+biết|nhất\s+trí|bày\s+tỏ|ủng\s+hộ|xác\s+nhận|đề\s+nghị|khẳng\s+định|là|không|nếu)(?!\w)",
    re.IGNORECASE,
)
# lower-case words that begin the name of a body ("tập đoàn X", "ngân hàng X", "bộ X", "cơ quan X")
_BODY_HEADS = frozenset("tap ngan cong bo tong truong dai uy hoi lien quy vien co chinh doan".split())


def _named_parties(text: str, c_start: int, start: int, o_start: int, o_end: int) -> list[str]:
    """The parties a signing sentence names in any form, when the known patterns found fewer than two:
    the subject before "ký" after its adverbials ("Ngày 8/8/2018, tại Hà Nội, A và B đã ký ...") and
    "giữa A và B" in what was signed. Each is a capitalised name of at most ``_MAX_PARTY_WORDS`` words."""
    subject = _SUBJECT_TAIL.sub("", text[c_start:start].rsplit(", ", 1)[-1]).strip(" ,")
    if _WITNESS.search(subject):  # "A và B chứng kiến lễ ký": witnesses, not parties
        subject = ""
    parts = re.split(r"\s+(?:và|với|cùng)\s+", subject) if subject else []
    between = _BETWEEN.search(text, o_start, o_end)
    if between:
        parts += [between.group("a"), between.group("b")]
    out = []
    lead = re.sub(r"^\W+", "", text)  # (the sentence from its first word: what opens it)
    for part in parts:
        part = _HONORIFIC.sub("", part.strip(" ,"))
        words = part.split()
        if not words or len(words) > _MAX_PARTY_WORDS or _NOT_A_NAME_PART.search(part):
            continue
        # (the sentence's first word is capitalised as such: a name only when it cannot be a Vietnamese
        # word, "Vietjet", or is a country or a place, "Nga", or with a capitalised word after it; "Tại
        # buổi", "Gần 900.000 người", "- Hai bên" name no one)
        part = re.sub(r"^\W+", "", part)
        words = part.split()
        if not words:
            continue
        opening = lead.startswith(part)
        capitals = [
            i
            for i, w in enumerate(words)
            if w[:1].isupper() and (i or not opening or looks_foreign(w) or _country_or_place(w))
        ]
        body = fold(words[0]) in _BODY_HEADS
        if not (capitals and (opening or capitals[0] == 0 or body)) and not (
            opening and office_titles().match(part)  # ("Chủ tịch nước và Tổng thống B ký ...": an office)
        ):
            continue
        named = " ".join(words[: len(capitals)])
        last = words[len(capitals) - 1] if capitals else ""
        if (  # a name (not a body's, "Hội Bảo vệ thiên nhiên", "Báo Nhân dân"), then words not of it
            capitals
            and not body
            and capitals == list(range(len(capitals)))
            and (
                looks_foreign(last)
                or (len(last) > 1 and last.isupper())
                or PERSON_NAME.fullmatch(named) is not None
                or _country_or_place(named)
            )
        ):
            part = " ".join(words[: len(capitals)])  # ("Trump nói khi", "HAGL đã" -> "Trump", "HAGL")
        out.append(part)
    return out


def _country_or_place(name: str) -> bool:
    """A country or a place of the gazetteers ("Nga", "Trung Quốc", "Phnom Penh")."""
    return fold(name) in country_aliases() or (starts_with_place(name) and len(name.split()) <= 3)


def _split_items(text: str, start: int, end: int, sep: str | None) -> list[tuple[int, int]]:
    """Spans of the documents of a signing's object: ``;``-separated, or "DOC1 ... và DOC2 ..."."""
    if sep is not None:
        spans, pos = [], start
        for part in text[start:end].split(sep):
            s = pos + len(part) - len(part.lstrip())
            e = pos + len(part.rstrip(" .;"))
            if e > s:
                spans.append((s, e))
            pos += len(part) + len(sep)
        return spans
    cuts = [start] + [start + m.start() for m in _AND_DOC.finditer(text[start:end])] + [end]
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        lead = re.match(r"\s*(?:và\s+)?", text[a:b])
        spans.append((a + (lead.end() if lead else 0), b))
    return spans


def _first_trigger(
    text: str, rx: re.Pattern[str], skip: Sequence[tuple[int, int]] = ()
) -> re.Match[str] | None:
    """The first agreement/proposal verb of ``text`` that reports a statement (see the module docstring)."""
    for n, m in enumerate(rx.finditer(text)):
        if n >= 4 * _MAX_EVENTS:
            break
        start = m.start()
        before = text[max(0, start - 40) : start]
        clause_start, _ = _clause(text, start)
        if _overlaps(skip, start, m.end()):
            continue
        if (
            _STMT_NOUN_BEFORE.search(before)
            or _STMT_FUTURE_BEFORE.search(before)
            or _STMT_AFTER_SUB.search(before)
            or _STMT_RELATIVE_BEFORE.search(before)
            or _STMT_AFTER_SKIP.match(text, m.end())
            or _PURPOSE.search(text, max(clause_start, start - _BACK), start)
        ):
            continue
        return m
    return None


def _statement(sent: _Sentence, ctx: _Context, events: list[_Record]) -> _Record | None:
    text = sent.text
    skip = [r.span for r in events]
    agree = _first_trigger(text, _AGREE, skip)
    trigger = agree or _first_trigger(text, _PROPOSE, skip)
    if trigger is None:
        return None
    obj = text[trigger.end() :]
    obj = re.sub(r"^[\s,:]*(?:cao\s+)?(?:(?:về|với)\s+)?(?:việc\s+)?", "", obj)
    obj = re.split(r"[;:]", obj, maxsplit=1)[0]
    own = sent.best_date(skip)
    return _Record(
        pos=trigger.start(),
        action="đề xuất" if agree is None else "nhất trí",
        what=_cap(obj),
        parties=[n for p in sent.parties if not _overlaps(skip, p.start, p.end) for n in p.names],
        date=own.iso if own else ctx.date,
        date_text=own.text if own else ctx.date_text,
        own_date=own is not None,
        place=sent.place() if own is not None else None,
        span=trigger.span(),
        event=False,
        generic=bool(_GENERIC_SIDES.search(text[: trigger.start()])),
    )


def _learn(text: str) -> tuple[dict[str, str], set[str], set[str]]:
    """Per article: person -> title ("đồng chí X, Chủ tịch UBND tỉnh Y"), and the names the article marks
    "(Trung Quốc)" or ", Việt Nam" (the sides)."""
    titles: dict[str, str] = {}
    for m in _P_APPOS.finditer(text):
        name, title = m.group("name"), _clean(m.group("title"))
        if len(title) > len(titles.get(name, "")):
            titles[name] = title
    cn: set[str] = set()
    vn: set[str] = set()
    for m in _COUNTRY_MARK.finditer(text):
        name = _NAME_AT_END.search(text[max(0, m.start() - 40) : m.start()])
        if name:
            (cn if m.group(1).startswith("Trung") else vn).add(_key(name.group(0)))
    return titles, cn - vn, vn - cn


def _context(article: Article, lede: _Sentence, cn: set[str], vn: set[str]) -> _Context:
    own = lede.best_date()
    return _Context(
        date=own.iso if own else article.published,
        date_text=own.text if own else None,
        place=lede.place(),
        parties=_dedupe(n for p in lede.parties for n in p.names),
        cn_names=cn,
        vn_names=vn,
    )


def _finish(rec: _Record, ctx: _Context, previous: list[_Record]) -> _Record:
    """Parties completed (see ``_complete``), the event's place for a record on the event's date."""
    parties = _dedupe(rec.parties)
    if (
        not parties
    ):  # "Các bên nhất trí ...": the event's parties; "Đồng thời, mong muốn ...": the previous ones
        carried = [r for r in previous if not r.event]
        parties = list(carried[-1].parties) if carried and not rec.event and not rec.generic else ctx.parties
    rec.parties = _complete(parties, ctx)
    if rec.place is None and rec.date is not None and rec.date == ctx.date:
        rec.place = ctx.place
    if rec.place:
        rec.place = _clean(rec.place)
    return rec


def _same_what(a: str | None, b: str | None) -> bool:
    """Two records' objects can be one: either is unnamed, or one's words hold the other's."""
    return not a or not b or _key(a) in _key(b) or _key(b) in _key(a)


def _covered(small: list[str], big: list[str]) -> bool:
    return all(any(_key(a) in _key(b) or _key(b) in _key(a) for b in big) for a in small)


def _has_trigger(sentence: str) -> bool:
    """Cheap test before the full analysis: could the sentence give a record at all?"""
    if _SIGN.search(sentence) or (_DIGIT.search(sentence) and _MEETING.search(sentence)):
        return True
    return bool(_first_trigger(sentence, _AGREE) or _first_trigger(sentence, _PROPOSE))


def _records(sent: _Sentence, lede: bool, ctx: _Context) -> list[_Record]:
    """A sentence's records in text order: its events, and its statement unless a planned meeting took it."""
    agree = _first_trigger(sent.text, _AGREE)
    meetings = _meetings(sent, lede, ctx, len(sent.text) if agree is None else agree.start())
    events = meetings + _signings(sent, ctx, meetings)
    planned = any(r.action.endswith("tổ chức") for r in events)
    stmt = None if planned else _statement(sent, ctx, events)
    return sorted(events + ([stmt] if stmt else []), key=lambda r: r.pos)


def extract(article: Article) -> list[Agreement]:
    """Records for one article, in text order."""
    text = article.text
    spans = split_sentences(text)
    if not spans:
        return []
    ref = _reference(article)
    titles, cn, vn = _learn(text)
    first = _Sentence(text[spans[0][0] : spans[0][1]], ref, titles)
    ctx = _context(article, first, cn, vn)
    found: list[tuple[int, int, int, _Record]] = []  # (sentence start, k, quote end, record)
    previous: list[_Record] = []
    prev_end = -1
    for i, (start, end) in enumerate(spans):
        raw = text[start:end]
        records: list[_Record] = []
        if not raw.rstrip().endswith("?") and (i == 0 or _has_trigger(raw)):
            records = _records(first if i == 0 else _Sentence(raw, ref, titles), i == 0, ctx)
        if not records:
            same_paragraph = "\n" not in text[prev_end:start]
            if previous and same_paragraph and _CONTINUATION.match(raw):
                # "Theo đó, ..." spells out the previous sentence's record: its quote goes on
                found = [(s, k, end if any(r is p for p in previous) else e, r) for s, k, e, r in found]
            else:
                previous = []
            prev_end = end
            continue
        records = [_finish(r, ctx, previous) for r in records]
        for k, rec in enumerate(records):
            found.append((start, k, end, rec))
        previous, prev_end = records, end
    dated = [r for _, _, _, r in found if r.own_date and r.action in EVENT_ACTIONS]
    anchor = next((d for d in dated if ctx.date_text is None and d.date == ctx.date), None)
    # a lede without a date of its own: the article's event is its first dated event on the article's date
    if anchor is not None:
        for _, _, _, rec in found:
            if not rec.own_date and rec.date == anchor.date:
                rec.date_text, rec.place = anchor.date_text, rec.place or anchor.place
    # what the parties of a dated event agreed, in a later sentence without a date ("Đối với châu X, 2 bên
    # thống nhất ..."), is of that event: the nearest one before it whose parties are its own
    for at, (_, _, _, rec) in enumerate(found):
        if rec.date is None and rec.date_text is None and rec.action not in EVENT_ACTIONS:
            before = [
                r
                for _, _, _, r in found[:at]
                if any(r is d for d in dated) and r.date and _covered(rec.parties, r.parties)
            ]
            if before:
                rec.date, rec.date_text = before[-1].date, before[-1].date_text
                rec.place = rec.place or before[-1].place
    # an event reported again without its own date (the lede's "Mới đây ... đã ký") is the dated one's
    # double (of the same date, or without any in an article without a date of its own, when it names no
    # other document: "Mới đây, A đã ký thỏa thuận với B" and "Ngày 12/6, A và B ký Thỏa thuận ...")
    out = []
    seen: set[tuple[str, str | None, str | None, tuple[str, ...]]] = set()
    for start, k, q_end, rec in found:
        # (a sentence the article prints twice, a caption and the body: one record)
        key = (rec.action, rec.date, rec.what, tuple(rec.parties))
        if key in seen:
            continue
        seen.add(key)
        if (
            not rec.own_date
            and rec.action in EVENT_ACTIONS
            and any(
                d.action == rec.action
                and (d.date == rec.date or (rec.date is None and _same_what(rec.what, d.what)))
                and _covered(rec.parties, d.parties)
                for d in dated
            )
        ):
            continue
        out.append(
            Agreement(
                id=f"{article.doc_id}:{start:06d}-{k}",
                date=rec.date or _partial_iso(rec.date_text, text[start:q_end]),
                date_text=rec.date_text,
                place=rec.place,
                parties=rec.parties,
                action=rec.action,
                what=rec.what,
                doc_id=article.doc_id,
                quote=text[start:q_end],
            )
        )
    return out


def timeline_order(row: dict[str, Any]) -> tuple[int, str, str, str]:
    """The order of the timeline (the same key ``rag.ingest`` merges with): by date, then the days and
    months without a year ("--03-21", "--12"), undated last."""
    date = row.get("date") or ""
    return (
        2 if not date else 1 if date.startswith("--") else 0,
        date,
        row.get("doc_id") or "",
        row.get("id") or "",
    )


def _partial_iso(date_text: str | None, quote: str = "") -> str | None:
    """A day and a month (a month) written without a year, as an ISO 8601 date without its year:
    "ngày 21/3" -> "--03-21", "đầu tháng 12" -> "--12" (never an invented year); None for anything else,
    and for a lunar date ("tháng 1 âm lịch" in ``quote``: no month of the calendar)."""
    if date_text and re.search(rf"{re.escape(date_text)}\s*\(?\s*(?:âm\s+lịch|ÂL)", quote, re.IGNORECASE):
        return None
    found = find_dates(date_text) if date_text else []
    d = found[0] if len(found) == 1 else None
    if d is None or d.iso or not d.month:
        return None
    return f"--{d.month:02d}-{d.day:02d}" if d.day else f"--{d.month:02d}"


def build_timeline(articles: list[Article]) -> list[dict[str, Any]]:
    """The whole corpus's records, sorted by date (undated last), as JSON-ready dicts."""
    rows = [r.to_json() for art in articles for r in extract(art)]
    rows.sort(key=timeline_order)
    return rows


def timeline_from_json(rows: list[dict[str, Any]]) -> list[Agreement]:
    """Agreement records from ``build_timeline`` rows (as persisted with the index); unknown keys ignored."""
    fields = Agreement.__dataclass_fields__
    return [Agreement(**{k: v for k, v in row.items() if k in fields}) for row in rows]


# ------------------------------------------------------------------------------------------ filtering
@lru_cache(maxsize=1)
def _glossary() -> tuple[tuple[str, tuple[str, ...]], ...]:
    from rag.question import glossary

    entries = [(_key(en), tuple(_key(v) for v in vi)) for en, vi in glossary().items()]
    return tuple(sorted(entries, key=lambda e: -len(e[0])))


def party_keys(party: str) -> set[str]:
    """Folded spellings of a party query: as typed, and with English names put into Vietnamese
    ("Haiphong" -> "hai phong", "Hanoi" -> "ha noi")."""
    key = _key(party)
    keys = {key} if key else set()
    translated = key
    for en, vi in _glossary():
        if vi and re.search(rf"(?<!\w){re.escape(en)}(?!\w)", translated):
            translated = re.sub(rf"(?<!\w){re.escape(en)}(?!\w)", vi[0], translated)
    if translated:
        keys.add(translated)
    return keys


def filter_timeline(
    records: list[Agreement],
    *,
    party: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Agreement]:
    """Records with a party matching ``party`` (case, diacritics and English names ignored) and a date in
    ``[date_from, date_to]`` (ISO prefixes; an undated record is left out of any date range)."""
    keys = party_keys(party) if party else set()
    out = []
    for rec in records:
        if keys and not any(k in _key(p) for p in rec.parties for k in keys):
            continue
        if not in_date_range(rec.date, date_from, date_to):
            continue
        out.append(rec)
    return out
