"""Vietnamese date expressions: find them in text, resolve partial ones, format and parse ISO dates.

``find_dates`` recognises the forms Vietnamese news uses ("sáng 27/3", "ngày 12/6/2024", "hôm 5-4",
"ngày 04 tháng 02 năm 2026", "cuối tháng 3/2024", "năm 2024", "giai đoạn 2024 – 2028",
"18:10, 27/04/2022", "trong tháng 4 tới", ...). A date written without its year is resolved against the
article's own date (``reference``) and stays ``iso=None`` when there is none: a year is never invented.

>>> [m.iso for m in find_dates("Chiều 18/3, tại Đà Nẵng ... cuối tháng 3/2024", date(2024, 3, 18))]
['2024-03-18', '2024-03']
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from rag.errors import InvalidInputError
from rag.gazetteer import starts_with_place

Precision = Literal["day", "month", "year", "range"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: ``text == source[start:end]``.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (None for a partial date without a reference).
    For ``precision == "range"`` it is the start of the range at the range's own granularity
    ("giai đoạn 2024 – 2028" -> ``iso="2024"``, ``end_iso="2028"``; "28 - 30/6/2024" -> ``2024-06-28`` and
    ``2024-06-30``). ``day``, ``month``, ``year`` are the parts as written (``year`` None when the text has
    none); ``future`` is True when the text marks the date as upcoming ("tới", "sắp", "dự kiến", "sẽ").
    """

    start: int
    end: int
    text: str
    iso: str | None
    precision: Precision
    year_explicit: bool
    part_of_day: str | None
    end_iso: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    future: bool = False
    end_day: int | None = None
    end_month: int | None = None
    """The last day of a span of days and its month ("từ 25 đến 27-4": 27 and 4), as written."""
    two_days: bool = False
    """Two days named together ("12 và 13/12"), not a span."""
    relative: bool = False
    """Written relative to the article's day ("hôm qua", "cuối năm nay", "tháng tới"): ``iso`` is resolved
    against the reference, None without one (the answer then shows it as written)."""


# --------------------------------------------------------------------------------------------- patterns
_POD = r"(?P<pod>rạng\s+sáng|sáng\s+sớm|sáng|trưa|chiều\s+tối|chiều|tối|đêm|khuya)"
_WEEKDAY = r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật),?\s+)"
_TIME = r"(?:(?<!\d)\d{1,2}(?::|h)\d{2}(?::\d{2})?,?\s+)"
# "sáng 27/3", "chiều nay 15-5", "chiều tối ngày 16/1", "ngày 12/6", "hôm 26/6", "Thứ Sáu, ngày 23 ...",
# "18:10, 27/04/2022"
_PREFIX = (
    rf"(?:{_TIME}?{_WEEKDAY}?(?:{_POD}\s+(?:nay,?\s+)?(?:ngày\s+|hôm\s+)?|(?:ngày|hôm)\s+(?:nay,?\s+)?)"
    rf"|{_TIME}(?:ngày\s+)?|{_WEEKDAY}(?:ngày\s+)?)?"
)
# (not "lần đầu", "lần cuối": the first or last time, "đến Việt Nam lần đầu năm 2011" is in 2011)
_QUAL = r"(?:(?<!lần\s)(?P<qual>cuối|đầu|giữa|trung\s+tuần)\s+)?"
_NUM_L = r"(?<![\d/.,:])(?<![\d][\-–])"  # not glued to a longer number
_NUM_R = r"(?![\d/])(?![.,:]\d)"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_DASH = r"\s*(?:[-–—]|đến(?:\s+ngày)?)\s*"
_FUTURE_AFTER = re.compile(r"^\s*(?:sắp\s+)?tới\b(?!\s*(?:nay|ngày|\d|thời\s+điểm\s+này))", re.IGNORECASE)
# a past day's "hôm", "hồi" right before a date or opening it (not "phục hồi", "thu hồi")
_PAST_BEFORE = re.compile(r"(?<!\w)(?:hôm|hồi)\s+$", re.IGNORECASE)
_PAST_OPENING = re.compile(r"(?:hôm|hồi)\b", re.IGNORECASE)
# the verb of the clause right after the date, marked upcoming ("vào ngày 20/10 sẽ khai mạc")
_FUTURE_RIGHT_AFTER = re.compile(r"^\s*(?:sẽ|sắp(?!\s+xếp)|dự\s+kiến)\b", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:sắp|dự\s+kiến|sẽ|kế\s+hoạch|chuẩn\s+bị)\b", re.IGNORECASE)
# tomorrow right before the day named ("vào ngày mai 21/2", "ngày mai (12-6)"; not "ngày mai táng 2/3")
_TOMORROW_BEFORE = re.compile(
    r"(?<!\w)(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+mai\s*[-,(]?\s*(?:tức\s+)?$"
)
_DOC_NUMBER_BEFORE = re.compile(r"\b(?:số|no\.?)\s*$", re.IGNORECASE)
# a number that names a place, not a date, in lower case as written: a room's or an alley's in an address
# ("phòng 3/2", "hẻm 45/2", "ngõ 12/3"; not "Thạch Phòng 12/5"), and a class's, its grade at most 12
# ("lớp 1/5", "lớp 12/3"; not "khai giảng lớp 15/9")
_PLACE_NUMBER_BEFORE = re.compile(r"(?<!\w)(?:phòng|hẻm|ngõ|ngách|kiệt)\s*$")
_CLASS_BEFORE = re.compile(r"(?<!\w)lớp\s*$")
# "hơn 1/3 diện tích", "chiếm 2/3": a fraction after a word of quantity, not a date
_QUANTITY_BEFORE = re.compile(
    r"\b(?:hơn|khoảng|gần|chiếm|còn|trên|dưới|chỉ|bằng|mất|giảm|tăng|đạt|hết|tới|cả|gấp)\s*$", re.IGNORECASE
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + pattern, re.IGNORECASE)


_FULL_RANGE = _rx(
    rf"{_PREFIX}{_NUM_L}(?P<d>\d{{1,2}})(?P<s>[/.\-])(?P<m>\d{{1,2}})(?P=s)(?P<y>{_YEAR})"
    rf"{_DASH}(?:ngày\s+)?(?P<d2>\d{{1,2}})(?P<s2>[/.\-])(?P<m2>\d{{1,2}})(?P=s2)(?P<y2>{_YEAR}){_NUM_R}"
)
_DAY_RANGE = _rx(  # "28 - 30/6/2024", "từ 2 đến 6/10", "từ 22 đến 26 / 8", "12 và 13/12" (two days)
    rf"(?:từ\s+)?{_PREFIX}{_NUM_L}(?P<d>\d{{1,2}})(?:/(?P<m>\d{{1,2}}))?(?:{_DASH}|\s+và\s+)(?:ngày\s+)?"
    rf"(?P<d2>\d{{1,2}})\s?/\s?(?P<m2>\d{{1,2}})(?:/(?P<y2>{_YEAR}))?{_NUM_R}"
)
# "từ ngày 7/1 tới 10/1", "từ 25-4 tới 27-4": "tới" joins the two days only after "từ" (alone, "tới 10/1"
# is the end, or an arrival)
# (the first day with its month: "từ 1 tới 2/3 tổng số" is a share)
_DAY_RANGE_TOI = _rx(
    rf"từ\s+{_PREFIX}{_NUM_L}(?P<d>\d{{1,2}})[/\-](?P<m>\d{{1,2}})\s+tới\s+(?:ngày\s+)?"
    rf"(?P<d2>\d{{1,2}})(?P<s2>[/\-])(?P<m2>\d{{1,2}})(?:(?P=s2)(?P<y2>{_YEAR}))?{_NUM_R}"
)
# "từ 25 đến 27-4", "ngày 24 - 25-4-2019": the same with a hyphen before the month (``_dash_day_range``)
_DAY_RANGE_DASH = _rx(
    rf"(?:từ\s+)?{_PREFIX}{_NUM_L}(?P<d>\d{{1,2}})(?:-(?P<m>\d{{1,2}}))?(?:{_DASH}|\s+và\s+)(?:ngày\s+)?"
    rf"(?P<d2>\d{{1,2}})-(?P<m2>\d{{1,2}})(?:-(?P<y2>{_YEAR}))?(?![\d/])(?![.,:]\d)"
)
# a quantity right after a number: "7-10%", "2-3 tuần", "4-5 người" are not dates
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|phần trăm|tuần|ngày|tháng|năm|giờ|phút|người|lần|km|kg|tấn|triệu|tỷ|tỉ|nghìn|ngàn|"
    r"đồng|USD|điểm|bàn|trận|vòng|tầng|mét|m\b|độ\b|ha\b)",
    re.IGNORECASE,
)
# "từ ngày 02 đến ngày 06 tháng 10 năm 2017", "ngày 5 tháng 3 đến ngày 7 tháng 3"
_LONG_RANGE = _rx(
    rf"(?:từ\s+)?{_PREFIX}ngày\s+(?P<d>\d{{1,2}})(?:\s+tháng\s+(?P<m>\d{{1,2}}))?\s*(?:[-–—]|đến)\s*"
    rf"(?:ngày\s+)?(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})(?:\s*(?:năm|,)\s*(?P<y2>{_YEAR}))?(?!\d)"
)
_FULL = _rx(rf"{_PREFIX}{_NUM_L}(?P<d>\d{{1,2}})(?P<s>[/.\-])(?P<m>\d{{1,2}})(?P=s)(?P<y>{_YEAR}){_NUM_R}")
_LONG = _rx(
    rf"{_PREFIX}ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})"
    rf"(?:\s*(?:năm|,)\s*(?P<y>{_YEAR}))?(?!\d)"
)
_MONTH_YEAR = _rx(
    rf"{_QUAL}tháng\s+(?P<m>\d{{1,2}})(?:\s*[/.\-]\s*|\s+năm\s+|\s*,\s*năm\s+)(?P<y>{_YEAR}){_NUM_R}"
)
_MONTH_RANGE = _rx(
    rf"(?:từ\s+)?{_QUAL}tháng\s+(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>{_YEAR}))?\s*(?:[-–—]|đến)\s*(?:tháng\s+)?"
    rf"{_NUM_L}(?P<m2>\d{{1,2}})\s*/\s*(?P<y2>{_YEAR}){_NUM_R}"
)
# "quý 4-2016", "quý I/2019", "cuối quý 3 năm 2018": a quarter of a year, its three months (shown as written)
# (not "đá quý 1/2019", a gem)
_QUARTER = _rx(
    rf"(?<!đá\s){_QUAL}quý\s+(?P<q>[1-4]|IV|I{{1,3}})(?:\s*[/\-–—]\s*|\s+năm\s+|\s*,\s*năm\s+)(?P<y>{_YEAR})"
    rf"{_NUM_R}"
)
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR_RANGE = _rx(
    r"(?:(?:giai\s+đoạn|nhiệm\s+kỳ|niên\s+khóa|niên\s+khoá|từ\s+năm|năm)\s+)?"
    rf"{_NUM_L}(?P<y>{_YEAR})\s*(?:[-–—]|đến(?:\s+năm)?)\s*(?P<y2>{_YEAR})(?![\d/])"
)
# "Kỳ họp lần thứ 39 (2/2017)", "(8-2017)": a month and a four-digit year without "tháng", in parentheses
# only
# (elsewhere "tỷ lệ 1/2000", "Nghị quyết 11/2018", "quý 1/2019" are not months)
_MONTH_YEAR_BARE = re.compile(rf"(?<=\()(?P<m>\d{{1,2}})[/-](?P<y>{_YEAR})(?=\))")
_PARTIAL = _rx(rf"{_PREFIX}{_NUM_L}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_NUM_R}")
# "ngày 5-4", "hôm 5 - 4", "sáng 30-6", "vào 30-6", "(5-4)": a hyphenated day-month only where the words
# around it say it is a date (a bare "5-4" is as often a score or a range)
_PARTIAL_DASH = _rx(
    rf"(?:(?P<open>\(\s*)|{_PREFIX[:-1]}|vào\s+(?:ngày\s+)?){_NUM_L}(?P<d>\d{{1,2}})\s*[-–]\s*"
    rf"(?P<m>\d{{1,2}})(?![\d/])(?![.,:]\d)(?(open)\s*\))"
)
# "có hiệu lực từ 28 - 2", "áp dụng từ 1-3.": a hyphenated day-month after "từ" (``_from_partial_dash``;
# "từ" left out of the date, as a start's word before it)
_FROM_DASH = _rx(rf"(?<=\btừ\s){_NUM_L}(?P<d>\d{{1,2}})\s*[-–]\s*(?P<m>\d{{1,2}})(?![\d/])(?![.,:\-–]\d)")
# what says a day starts something, right before its "từ" ("có hiệu lực từ", "áp dụng từ", "kể từ"), and
# what may follow such a day: the clause's end, "đến nay", "trở đi", "tới" ("từ 15-4 đến nay")
_START_BEFORE = re.compile(
    r"\b(?:hiệu lực|áp dụng|kể|bắt đầu|thực hiện|triển khai|thi hành)\s*$", re.IGNORECASE
)
_START_AFTER = re.compile(r"\s*(?:(?:đến|tới)\s+nay|trở\s+đi)\b", re.IGNORECASE)
_DAY_ENDS = re.compile(r"\s*(?:[.,;:)!?]|$|tới\b(?!\s*\d))", re.IGNORECASE)
_MONTH = _rx(rf"{_QUAL}tháng\s+(?P<m>\d{{1,2}})(?![\d/.,\-]\d)(?!\d)(?!\s*năm\s+\d)")
_YEAR_ONLY = _rx(rf"{_QUAL}năm\s+(?P<y>{_YEAR})(?![\d/])")

_MONTHS_EN = [calendar.month_name[i] for i in range(13)]


# ---------------------------------------------------------------------------------------------- helpers
def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _iso_day(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _is_future(text: str, start: int, end: int) -> bool:
    """True when the clause around ``text[start:end]`` marks the date as upcoming."""
    after = _FUTURE_AFTER.match(text[end : end + 12])
    if after:
        # (not "tới" as a verb, before a place someone went to: "hôm 4/11 tới Bình Nhưỡng"; the words right
        # after it, up to any punctuation: "tháng 12 tới, Hà Nội sẽ ..." stays upcoming)
        place = re.match(r"\s+((?:[^\W\d_]+\s*){1,5})", text[end + after.end() :])
        if not (place and starts_with_place(place.group(1).strip())):
            return True
    before = text[max(0, start - 60) : start]
    clause = re.split(r"[.;!?\n]", before)[-1]
    return bool(_FUTURE_BEFORE.search(clause) or _TOMORROW_BEFORE.search(before))


def _shift_year(ref: date, month: int, day: int | None, future: bool) -> int:
    """The year of a day/month (``day=None``: a whole month) written without a year, in an article of ``ref``.

    The reference year, except: an upcoming date ("tới", "dự kiến") takes its next occurrence on or after
    ``ref``; a past-tense date more than ~9 months after ``ref`` (only possible across New Year, e.g.
    "28/12" in a January article) is last year's.
    """
    year = ref.year
    last_day = calendar.monthrange(year, month)[1]
    first = date(year, month, min(day or 1, last_day))
    last = date(year, month, min(day or last_day, last_day))
    if future:
        return year + 1 if last < ref else year
    return year - 1 if (first - ref).days > 270 else year


def _resolve_day(ref: date | None, d: int, m: int, future: bool) -> str | None:
    if ref is None:
        return None
    year = _shift_year(ref, m, d, future)
    return _iso_day(year, m, d) if _valid_day(year, m, d) else None


def _resolve_month(ref: date | None, m: int, future: bool) -> str | None:
    if ref is None:
        return None
    return _iso_month(_shift_year(ref, m, None, future), m)


def _pod(match: re.Match[str]) -> str | None:
    pod = match.groupdict().get("pod")
    return re.sub(r"\s+", " ", pod.lower()) if pod else None


def _int(match: re.Match[str], name: str) -> int | None:
    value = match.groupdict().get(name)
    return int(value) if value else None


# ------------------------------------------------------------------------------------------ converters
_Ctx = tuple[str, date | None]


def _full_range(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    d2, mo2, y2 = int(m["d2"]), int(m["m2"]), int(m["y2"])
    if not (_valid_day(y, mo, d) and _valid_day(y2, mo2, d2)) or (y2, mo2, d2) < (y, mo, d):
        return None
    return _mention(
        m,
        _iso_day(y, mo, d),
        "range",
        True,
        end_iso=_iso_day(y2, mo2, d2),
        parts=(d, mo, y),
        end_parts=(d2, mo2),
    )


def _day_range(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    text, ref = ctx
    d, d2, mo2, y2 = int(m["d"]), int(m["d2"]), int(m["m2"]), _int(m, "y2")
    mo = _int(m, "m") or mo2
    if not (_valid_day(y2, mo, d) and _valid_day(y2, mo2, d2)) or (mo, d) >= (mo2, d2):
        return None
    future = _is_future(text, m.start(), m.end())
    if y2 is not None:
        start_iso: str | None = _iso_day(y2, mo, d)
        end_iso: str | None = _iso_day(y2, mo2, d2)
    else:
        start_iso = _resolve_day(ref, d, mo, future)
        end_iso = _resolve_day(ref, d2, mo2, future)
    return _mention(
        m,
        start_iso,
        "range",
        y2 is not None,
        end_iso=end_iso,
        parts=(d, mo, y2),
        future=future,
        end_parts=(d2, mo2),
    )


def _toi_day_range(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    """ "từ ngày 7/1 tới 10/1": as ``_day_range``, no quantity after it or before it ("từ 7-8 tới 9-10 ha",
    "tỷ số từ 2-1 tới 3-1")."""
    text = ctx[0]
    if _QUANTITY_AFTER.match(text, m.end()) or _MEASURE_BEFORE.search(
        text[max(0, m.start() - 20) : m.start()]
    ):
        return None
    return _day_range(m, ctx)


_MEASURE_BEFORE = re.compile(r"\b(?:tỷ số|tỉ số|nhiệt độ|diện tích|tỷ lệ|tỉ lệ|dân số)\s*$", re.IGNORECASE)


def _dash_day_range(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    """ "từ 25 đến 27-4", "ngày 24 - 25-4": a hyphen between the last day and the month only where the
    words say it is a date (a date word before it, "từ ... đến", or a year after it) and no quantity
    follows ("từ 5 đến 7-10%", "từ 1 đến 2-3 tuần", "sơ đồ 3-5-2" are not dates)."""
    text = ctx[0]
    head = m.group(0)[: m.start("d") - m.start()]
    dated = bool(re.search(r"\S", head)) or m["y2"] is not None
    if not dated or _QUANTITY_AFTER.match(text, m.end()):
        return None
    return _day_range(m, ctx)


def _full(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    if not _valid_day(y, mo, d):
        return None
    return _mention(
        m, _iso_day(y, mo, d), "day", True, parts=(d, mo, y), future=_is_future(ctx[0], *m.span())
    )


def _long(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    d, mo, y = int(m["d"]), int(m["m"]), _int(m, "y")
    if not _valid_day(y, mo, d):
        return None
    future = _is_future(ctx[0], *m.span())
    iso = _iso_day(y, mo, d) if y is not None else _resolve_day(ctx[1], d, mo, future)
    return _mention(m, iso, "day", y is not None, parts=(d, mo, y), future=future)


def _month_year(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    mo, y = int(m["m"]), int(m["y"])
    if not 1 <= mo <= 12:
        return None
    return _mention(
        m, _iso_month(y, mo), "month", True, parts=(None, mo, y), future=_is_future(ctx[0], *m.span())
    )


def _bare_month_year(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    """A month and a year in parentheses without "tháng" ("(2/2017)"), unless a word of quantity or a
    document number comes before it."""
    before = ctx[0][max(0, m.start() - 8) : m.start()]
    if _QUANTITY_BEFORE.search(before) or _DOC_NUMBER_BEFORE.search(before):
        return None
    return _month_year(m, ctx)


def _month_range(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    mo, mo2, y2 = int(m["m"]), int(m["m2"]), int(m["y2"])
    y = _int(m, "y") or y2
    if not (1 <= mo <= 12 and 1 <= mo2 <= 12) or (y, mo) >= (y2, mo2):
        return None
    return _mention(m, _iso_month(y, mo), "range", True, end_iso=_iso_month(y2, mo2), parts=(None, mo, y))


def _quarter(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    """ "quý 4-2016": the range of its months, October to December 2016 (``quarter_of`` reads it back)."""
    first, y = 3 * _QUARTERS[m["q"].upper()] - 2, int(m["y"])
    return _mention(
        m,
        _iso_month(y, first),
        "range",
        True,
        end_iso=_iso_month(y, first + 2),
        parts=(None, None, y),  # (no month written: "quý 4-2016" does not say "tháng 10")
        future=_is_future(ctx[0], *m.span()),
    )


def quarter_of(d: DateMention) -> int | None:
    """The quarter a mention writes ("quý 4-2016" -> 4), or None for any other date."""
    m = re.search(r"quý\s+([1-4]|IV|I{1,3})\b", d.text, re.IGNORECASE)
    return _QUARTERS[m.group(1).upper()] if m and d.precision == "range" else None


def _year_range(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    y, y2 = int(m["y"]), int(m["y2"])
    if not 0 < y2 - y <= 100:
        return None
    return _mention(m, f"{y:04d}", "range", True, end_iso=f"{y2:04d}", parts=(None, None, y))


def _partial(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    text, ref = ctx
    d, mo = int(m["d"]), int(m["m"])
    if not _valid_day(None, mo, d):
        return None
    if m.group(0) == f"{m['d']}/{m['m']}" and _not_a_date(text[max(0, m.start() - 8) : m.start()], d, mo):
        return None
    future = _is_future(text, m.start(), m.end())
    return _mention(m, _resolve_day(ref, d, mo, future), "day", False, parts=(d, mo, None), future=future)


def _from_partial_dash(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    """ "có hiệu lực từ 28 - 2": a day and month after "từ" only where the words say it starts something
    (``_START_BEFORE`` before "từ", or "Từ" opening the sentence or a parenthesis) and the clause ends right
    after it, or ``_START_AFTER`` follows it: a bare "từ 2-1" is as often a score, ages, hours or a range of
    counts ("dẫn trước từ 2-1", "trẻ em từ 6-12", "mở cửa từ 7-11", "áp dụng từ 2-3 biện pháp")."""
    text = ctx[0]
    before = text[max(0, m.start() - 40) : m.start() - 3].rstrip(" \t")  # (the words before "từ ")
    opening = m.start() - 3 <= 0 or before[-1:] in (".", ";", ":", "!", "?", "(", "\n") or not before
    before = before.rstrip()
    after = _START_AFTER.match(text, m.end()) is not None
    starts = _START_BEFORE.search(before) is not None or opening
    if not (after or (starts and _DAY_ENDS.match(text, m.end()))):
        return None
    return _partial(m, ctx)


def _not_a_date(before: str, d: int, mo: int) -> bool:
    """A bare d/m that is "24/7" (round the clock), a number naming a thing ("số 27/3", "lớp 1/5", "hẻm
    45/2"), a fraction ("hơn 1/3")."""
    if (d, mo) == (24, 7) or _DOC_NUMBER_BEFORE.search(before) or _PLACE_NUMBER_BEFORE.search(before):
        return True
    if d <= 12 and _CLASS_BEFORE.search(before):
        return True
    return d < mo <= 10 and bool(_QUANTITY_BEFORE.search(before))


def _month(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    text, ref = ctx
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    future = _is_future(text, m.start(), m.end())
    return _mention(m, _resolve_month(ref, mo, future), "month", False, parts=(None, mo, None), future=future)


# a month written as a word ("hồi tháng hai", "tháng Mười"); not "tháng năm" (months and years) nor "tháng
# một" in lower case, nor a count after it ("mỗi tháng hai lần"), nor "tháng Giêng", "tháng Chạp" (the
# lunar calendar's)
_MONTH_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mười một": 11, "mười hai": 12,
}  # fmt: skip
_MONTH_WORD = re.compile(
    # (not after a count, "sau 6 tháng hai nước ...", "nhiều tháng hai bên ...")
    r"(?<!\d\s)(?<!\d)(?<!nhiều )(?<!mấy )(?<!vài )(?<!các )(?<!những )(?<!mỗi )(?<!hàng )"
    r"(?<!\w)(?:(?P<qual>[Cc]uối|[Đđ]ầu|[Gg]iữa)\s+)?[Tt]háng\s+"
    r"(?P<w>[Mm]ười\s+(?:[Mm]ột|[Hh]ai)|[Hh]ai|[Bb]a|[Tt]ư|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười|Năm|Một)"
    r"(?!\w)(?!\s+(?:lần|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|người|ngày|tuần|bên|nước|phía|đội)\b)"
)


def _month_word(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    text, ref = ctx
    mo = _MONTH_WORDS[re.sub(r"\s+", " ", m["w"].lower())]
    future = _is_future(text, m.start(), m.end())
    return _mention(m, _resolve_month(ref, mo, future), "month", False, parts=(None, mo, None), future=future)


def _year_only(m: re.Match[str], ctx: _Ctx) -> DateMention | None:
    y = int(m["y"])
    return _mention(m, f"{y:04d}", "year", True, parts=(None, None, y), future=_is_future(ctx[0], *m.span()))


def _mention(
    m: re.Match[str],
    iso: str | None,
    precision: Precision,
    year_explicit: bool,
    *,
    parts: tuple[int | None, int | None, int | None],
    end_iso: str | None = None,
    future: bool = False,
    end_parts: tuple[int | None, int | None] = (None, None),
) -> DateMention:
    return DateMention(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        iso=iso,
        precision=precision,
        year_explicit=year_explicit,
        part_of_day=_pod(m),
        end_iso=end_iso,
        day=parts[0],
        month=parts[1],
        year=parts[2],
        future=future,
        end_day=end_parts[0],
        end_month=end_parts[1],
        two_days=end_parts[0] is not None and re.search(r"\svà\s", m.group(0)) is not None,
    )


# dates written relative to the article's own day: (days, months, years) from it, and its precision
_RELATIVE_FORMS: dict[str, tuple[int, int, int, Precision]] = {
    "hôm nay": (0, 0, 0, "day"),
    "nay": (0, 0, 0, "day"),  # "sáng nay", "chiều nay": with a part of the day only
    "hôm qua": (-1, 0, 0, "day"),
    "hôm kia": (-2, 0, 0, "day"),
    "ngày mai": (1, 0, 0, "day"),
    "tháng này": (0, 0, 0, "month"),
    "tháng tới": (0, 1, 0, "month"),
    "năm nay": (0, 0, 0, "year"),
    "năm ngoái": (0, 0, -1, "year"),
    "năm tới": (0, 0, 1, "year"),
}
_RELATIVE = re.compile(
    rf"(?<!\w)(?:{_POD}\s+)?(?:(?P<nay>nay)|{_QUAL}(?P<rel>hôm\s+nay|hôm\s+qua|hôm\s+kia|ngày\s+mai"
    r"|tháng\s+này|tháng\s+tới|năm\s+nay|năm\s+ngoái|năm\s+tới))(?!\w)",
    re.IGNORECASE,
)
# a count before it makes a duration, not a date: "trong 5 năm tới", "vài tháng tới"
_COUNT_BEFORE = re.compile(  # (and "6 tháng đầu năm nay": a period of it)
    r"(?:\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|chục|trăm|hàng|bao|vài|mấy|nhiều|các|những))\s*"
    r"(?:(?:ngày|tuần|tháng|quý)\s+)?$",
    re.IGNORECASE,
)


def _relative_dates(text: str, ref: date | None) -> Iterator[DateMention]:
    for m in _RELATIVE.finditer(text):
        if m["nay"] and not m["pod"]:
            continue  # "nay" alone is "now", not a day
        if _COUNT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        key = "nay" if m["nay"] else re.sub(r"\s+", " ", m["rel"].lower())
        days, months, years, precision = _RELATIVE_FORMS[key]
        iso = None
        if ref is not None:
            if precision == "day":
                iso = (ref + timedelta(days=days)).isoformat()
            elif precision == "month":
                index = ref.year * 12 + ref.month - 1 + months
                iso = _iso_month(index // 12, index % 12 + 1)
            else:
                iso = f"{ref.year + years:04d}"
        future = days > 0 or months > 0 or years > 0 or _is_future(text, m.start(), m.end())
        mention = _mention(m, iso, precision, False, parts=(None, None, None), future=future)
        yield replace(mention, relative=True)


_Converter = Callable[[re.Match[str], _Ctx], DateMention | None]
_RULES: list[tuple[re.Pattern[str], _Converter]] = [
    (_FULL_RANGE, _full_range),
    (_DAY_RANGE, _day_range),
    (_DAY_RANGE_DASH, _dash_day_range),
    (_LONG_RANGE, _day_range),
    (_DAY_RANGE_TOI, _toi_day_range),
    (_FULL, _full),
    (_LONG, _long),
    (_MONTH_RANGE, _month_range),
    (_QUARTER, _quarter),
    (_MONTH_YEAR, _month_year),
    (_YEAR_RANGE, _year_range),
    (_MONTH_YEAR_BARE, _bare_month_year),
    (_PARTIAL, _partial),
    (_PARTIAL_DASH, _partial),
    (_FROM_DASH, _from_partial_dash),
    (_MONTH, _month),
    (_YEAR_ONLY, _year_only),
]


# ------------------------------------------------------------------------------------------- public API
def find_dates(text: str, reference: date | None = None, *, relative: bool = False) -> list[DateMention]:
    """All date expressions of ``text`` (NFC), in order, without overlaps (the most specific form wins).

    ``reference`` (the article's own date) resolves dates written without a year; without it they get
    ``iso=None``. With ``relative``, dates written relative to the article's day too ("hôm qua", "cuối
    năm nay"; ``DateMention.relative``): what an answer's evidence reads, not what cleaning or the
    timeline do.
    """
    windows = _windows(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, convert in _RULES:
        for mention in _matches(pattern, convert, text, reference, windows):
            if any(mention.start < e and s < mention.end for s, e in taken):
                continue
            taken.append((mention.start, mention.end))
            found.append(mention)
    for match in _MONTH_WORD.finditer(text):  # (no digits: the whole text is read for these)
        month = _month_word(match, (text, reference))
        if month is not None and not any(month.start < e and s < month.end for s, e in taken):
            taken.append((month.start, month.end))
            found.append(month)
    for mention in _relative_dates(text, reference) if relative else ():
        # (the date written right after it says the same, more precisely: "Hôm qua (5-4)", "chiều nay 25/1")
        if not any(mention.start < e and s < mention.end + 4 for s, e in taken):
            found.append(mention)
    return sorted((_upcoming_by_verb(m, text, reference) for m in found), key=lambda x: x.start)


def _upcoming_by_verb(mention: DateMention, text: str, reference: date | None) -> DateMention:
    """``mention`` marked upcoming when the verb right after it is ("bộ này vào giữa tháng 10 sẽ ban
    hành"): not after "hôm"/"hồi" (a past day's event, "vụ cháy hôm 5/3 sẽ được điều tra"), and, the
    article dated, only a date its year already puts on or after that day (the year is not moved: "vào
    sáng 11/3 sẽ trả" of a June article stays in March of its year, not upcoming)."""
    if mention.future or not _FUTURE_RIGHT_AFTER.match(text[mention.end : mention.end + 12]):
        return mention
    if _PAST_BEFORE.search(text[max(0, mention.start - 8) : mention.start]) or _PAST_OPENING.match(
        mention.text
    ):
        return mention
    # (the date the clause's time, after "vào" or opening it: not one that ends a phrase about its subject,
    # "luật thông qua ngày 18/1 sẽ có hiệu lực", "cầu khánh thành tháng 5 sẽ được sửa")
    opening = re.search(r"(?:^|[,;.:(“\"]\s*|\bvào\s+)$", text[: mention.start], re.IGNORECASE)
    if not opening and not re.match(r"vào\b", mention.text, re.IGNORECASE):
        return mention
    if reference is not None and not (
        mention.iso and mention.iso >= reference.isoformat()[: len(mention.iso)]
    ):
        return mention
    return replace(mention, future=True)


_DIGITS = re.compile(r"\d+")
_MARGIN = 48  # longest prefix before a date's first digit ("Thứ Sáu, chiều tối ngày ") with room to spare


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of ``text`` around its digits: every date has digits, so only these need scanning."""
    spans: list[tuple[int, int]] = []
    for match in _DIGITS.finditer(text):
        lo, hi = max(0, match.start() - _MARGIN), min(len(text), match.end() + _MARGIN)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _matches(
    pattern: re.Pattern[str],
    convert: _Converter,
    text: str,
    reference: date | None,
    windows: list[tuple[int, int]],
) -> Iterator[DateMention]:
    for lo, hi in windows:
        for match in pattern.finditer(text, lo, hi):
            mention = convert(match, (text, reference))
            if mention is not None:
                yield mention


def _split_iso(iso: str) -> tuple[int, int | None, int | None]:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso.strip())
    if not match:
        raise InvalidInputError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {iso!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise InvalidInputError(f"month out of range in {iso!r}")
    if day is not None and month is not None and not _valid_day(year, month, day):
        raise InvalidInputError(f"day out of range in {iso!r}")
    return year, month, day


def format_vi(iso: str) -> str:
    """Vietnamese form of an ISO date: ``"2024-06-12"`` -> ``"ngày 12/6/2024"``,
    ``"2024-06"`` -> ``"tháng 6/2024"``, ``"2024"`` -> ``"năm 2024"``."""
    year, month, day = _split_iso(iso)
    if month is None:
        return f"năm {year}"
    if day is None:
        return f"tháng {month}/{year}"
    return f"ngày {day}/{month}/{year}"


def format_en(iso: str) -> str:
    """``"2024-06-12"`` -> ``"12 June 2024"``, ``"2024-06"`` -> ``"June 2024"``, ``"2024"`` -> ``"2024"``."""
    year, month, day = _split_iso(iso)
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS_EN[month]} {year}"
    return f"{day} {_MONTHS_EN[month]} {year}"


_USER_FORMS = [
    re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"),
    re.compile(r"(?:(?P<d>\d{1,2})[/.])?(?P<m>\d{1,2})[/.](?P<y>\d{4})"),
]


def in_date_range(value: str | None, date_from: str | None = None, date_to: str | None = None) -> bool:
    """Whether an ISO date, full or partial (``2024``, ``2024-06``, ``2024-06-12``), lies in the inclusive
    range ``[date_from, date_to]`` of ISO prefixes. Dates are compared on their common prefix, so a
    partial date is in range when it overlaps it ("2024" overlaps 2024-03 .. 2024-06). With no bound
    everything is in range; with a bound, an unknown date (None or "") or one without its year is not."""
    if not date_from and not date_to:
        return True
    if not value or value.startswith("--"):  # unknown, or a day without its year ("--03-21")
        return False
    if date_from and value[: len(date_from)] < date_from[: len(value)]:
        return False
    return not (date_to and value[: len(date_to)] > date_to[: len(value)])


def parse_user_date(s: str) -> str:
    """A date typed by a user (``--from``/``--to``) as ISO: ``"2024"``, ``"2024-06"``, ``"2024-06-12"``,
    ``"12/6/2024"`` or ``"6/2024"``. Raises InvalidInputError naming the value otherwise."""
    value = (s or "").strip()
    for form in _USER_FORMS:
        match = form.fullmatch(value)
        if match:
            return _user_iso(s, _int(match, "y"), _int(match, "m"), _int(match, "d"))
    raise InvalidInputError(f"invalid date {s!r}: expected YYYY, YYYY-MM, YYYY-MM-DD, D/M/YYYY or M/YYYY")


def _user_iso(raw: str, y: int | None, m: int | None, d: int | None) -> str:
    assert y is not None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        raise InvalidInputError(f"invalid date {raw!r}: month {m} is not between 1 and 12")
    if d is None:
        return _iso_month(y, m)
    if not _valid_day(y, m, d):
        raise InvalidInputError(f"invalid date {raw!r}: {y}-{m:02d} has no day {d}")
    return _iso_day(y, m, d)
