"""Strip page chrome from scraped Vietnamese news pages and extract the article's metadata.

A scraped page is the article (title, maybe a byline, paragraphs, photo captions) wrapped in chrome: site
headers, image file names, alt-text residue, social links, related-news blocks, comment and rating widgets.
The rules are structural and general rather than tied to one site:

- everything after a known related-news / comment heading ("Tin cùng chuyên mục", "Có thể bạn quan tâm",
  "Ý kiến độc giả", ...) is dropped, and so is a trailing run of news "cards" (a headline printed twice, or
  a headline and a teaser cut off with "...") even when it has no heading; a weak heading ("Xem thêm",
  "Tin liên quan") drops itself and the headlines under it but not prose after them (digests use it
  between real sections);
- lines that are never article text are dropped: image file names, "<headline> ảnh 3" captions, the
  headline itself, short ASCII-only residue ("Quang Ninh", "fb yt zl tw", "Analytic"), rating stars, bare
  date/time stamps, "Powered by ...", inline "Xem thêm: <headline>" links;
- a long unpunctuated line glued under a sentence in the same block is a run of related headlines;
- a line printed twice in a row (a caption) is kept once;
- the trailing author line and "Nguồn: <url>" become metadata, and a "LCĐT - " dateline prefix is dropped.

Kept lines are never rewritten (only NFC and white space are normalised), so every sentence of the cleaned
text is a verbatim substring of the page. The publication date is the page's own byline date when there is
one (a site-header date before the headline is ignored), otherwise it is inferred from the article's own
cleaned text and flagged ``published_inferred``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rag.dates import DateMention, find_dates
from rag.models import Article
from rag.sentences import breaks_name
from rag.text import fold, has_diacritics, nfc

# Headings that open a related-news, navigation or comment block: the rest of the page is chrome.
CHROME_HEADINGS: frozenset[str] = frozenset(
    fold(h)
    for h in (
        "Tin cùng chuyên mục",
        "Có thể bạn quan tâm",
        "Cùng chủ đề",
        "Cùng tác giả",
        "Cùng chuyên mục",
        "Tin nổi bật",
        "Tin nổi bật trang chủ",
        "Tin mới nhất",
        "Tin mới",
        "Tin mới cập nhật",
        "Xem thêm",
        "Đọc thêm",
        "Bài viết cùng chủ đề",
        "Bài viết liên quan",
        "Bài liên quan",
        "Tin liên quan",
        "Tin khác",
        "Các tin khác",
        "Tin đã đưa",
        "Tin xem nhiều",
        "Đọc nhiều",
        "Xem nhiều",
        "Đọc nhiều nhất",
        "Ý kiến độc giả",
        "Ý kiến bạn đọc",
        "Gửi ý kiến",
        "Gửi bình luận",
        "Mã bảo mật",
        "Bạn thấy bài viết này thế nào",
        "Từ khóa",
        "Từ khoá",
        "Tags",
    )
)
# Weak headings introduce a few related links inside the text: the heading and the headlines right after it
# go, prose after them stays (some sites put "Xem thêm" between real sections of a digest).
WEAK_HEADINGS: frozenset[str] = frozenset(
    fold(h) for h in ("Xem thêm", "Đọc thêm", "Tin liên quan", "Bài liên quan", "Bài viết liên quan")
)
# Headings that may carry a label after a colon ("Bài viết cùng chủ đề: Tỉnh Quảng Ninh") and still cut.
_LABELLED_HEADINGS = {fold(h) for h in ("Bài viết cùng chủ đề", "Cùng chủ đề", "Từ khóa", "Từ khoá", "Tags")}
# Inline links to other articles inside the body: the line goes, the text after it stays.
_INLINE_LINK = re.compile(r"^(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|>>|»)\s*:?\s*\S", re.IGNORECASE)
_SITE_CHROME = re.compile(
    r"^(?:powered by\b.*|mobile ver\w*.*|phiên bản di động|trang chủ|đăng nhập|đăng ký|in bài viết|"
    r"chia sẻ|lên đầu trang|về đầu trang|bản quyền\b.*|©.*)$",
    re.IGNORECASE,
)
_IMAGE_FILE = re.compile(r"^.{0,150}\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|heic)$", re.IGNORECASE)
_PHOTO_NO = re.compile(r"^(?P<head>.+?)\s*[-–|:]?\s+ảnh\s+\d{1,3}$", re.IGNORECASE)
_STARS = re.compile(r"[★☆✩✭]")
_TIME = re.compile(r"\b\d{1,2}(?::|h)\d{2}(?::\d{2})?\b(?:\s*(?:AM|PM|GMT\s*[+-]\s*\d+))?", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;\"”’»)\]]$")
_DATELINE = re.compile(r"^(?P<tag>\S+(?:\s+\S+){0,2}?)(?:\s*\([^)]{1,25}\))?\s*[-–—]\s+(?=\S)")
_BYLINE = re.compile(
    r"^(?P<who>[^\d]{2,80}?)\s+[-–|]\s+(?P<stamp>\d{1,2}(?::|h)\d{2}(?::\d{2})?,?\s+\d{1,2}/\d{1,2}/\d{4})$"
)
_SOURCE_URL = re.compile(r"^(?:nguồn|source|theo)\s*:?\s*(?P<url>https?://\S+)$", re.IGNORECASE)
_SOURCE_NAME = re.compile(r"^(?:nguồn\s*:.{1,80}|theo\s+\S.{0,60})$", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:bài(?:\s+và|\s*,)?\s+ảnh|bài|tin|tin\s*,\s*ảnh|ảnh|nhóm\s+pv)\s*:\s*(?P<name>.+)$", re.I
)
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w’'-]*|(?:[^\W\d_]\.){1,3}[^\W\d_]?\.?)$")
_NOT_NAME_START = frozenset(
    fold(w) for w in ("Ông", "Bà", "Anh", "Chị", "Em", "Cháu", "Theo", "Nguồn", "Ảnh", "Video", "Clip")
)
_GLUED_MIN_WORDS = 15
_MAX_HEADING_CHARS = max(len(h) for h in CHROME_HEADINGS) + 60
_CARD_GAP = 7
_CARD_TAIL = 10


@dataclass
class CleanedBody:
    """Cleaned text (paragraphs separated by a blank line) and the metadata found in its chrome."""

    text: str
    author: str | None = None
    url: str | None = None
    published: str | None = None
    paragraphs: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------- public API
def clean_page(raw: str, doc_id: str, source_path: str | None = None) -> Article:
    """A scraped plain-text page as an Article: title, cleaned text, dates, author, url, content hash."""
    blocks = _blocks(raw)
    title, blocks = _take_title(blocks)
    byline_author, byline_date, blocks = _take_byline(blocks)
    body = _clean_blocks(blocks, title)
    published = byline_date or body.published
    inferred = False
    if published is None:
        published = infer_published(body.text)
        inferred = published is not None
    return Article(
        doc_id=doc_id,
        title=title,
        text=body.text,
        published=published,
        published_inferred=inferred,
        url=body.url,
        author=byline_author or body.author,
        source_path=source_path,
        content_hash=content_hash(title, published, body.text),
    )


def clean_body(text: str, title: str | None = None) -> str:
    """The same chrome stripping for text without page structure (Markdown, JSONL records)."""
    return extract_body(text, title).text


def extract_body(text: str, title: str | None = None) -> CleanedBody:
    """``clean_body`` that also returns the trailing author, source url and byline date it removed."""
    return _clean_blocks(_blocks(text), title)


def content_hash(title: str, published: str | None, text: str) -> str:
    """sha256 hex of ``title + "\\n" + published + "\\n" + text`` (an absent date counts as "")."""
    return hashlib.sha256(f"{title}\n{published or ''}\n{text}".encode()).hexdigest()


_TARGET_BEFORE = re.compile(r"(?:đến|tới|trước|sau|tầm nhìn|mục tiêu|giai đoạn)\s*$", re.IGNORECASE)


def infer_published(text: str) -> str | None:
    """The article's date inferred from its own (cleaned) text, or None.

    The first day/month in the lede gives the day ("sáng 27/3"); its year comes, in order, from a full date
    with the same day and month ("ký ngày 27/3/2023"), a year written in the lede, a month of that year
    ("cuối tháng 3/2024"), or the latest year the text mentions at least twice. Without a lede date, the
    latest full date of the text that is not announced as upcoming ("ký ngày 12/6/2024"). Never a year the
    text does not give, nor one before the latest year of a day or month it reports (a birthday of 1984 in
    an article that speaks of May 2018), unless the text writes that very day with its year.
    """
    if not text.strip():
        return None
    # a target year ("đến năm 2025", "tầm nhìn 2030") is not a year the article reports from
    mentions = [
        m
        for m in find_dates(text)
        if m.precision != "year" or not _TARGET_BEFORE.search(text[max(0, m.start - 16) : m.start])
    ]
    lede_end = _lede_end(text)
    lede = [m for m in mentions if m.start < lede_end]
    anchor = next((m for m in lede if m.precision == "day" and m.day and m.month), None)
    # (a news text is written in or after the latest year it reports a day or a month of: "sinh ngày
    # 8/1/1984" is not its date when it also speaks of "tháng 5/2018"; an unknown year rather than a wrong
    # one. By year only: "Tháng 7-2018 sẽ chốt" may be a plan of the article's own year.)
    reported = _latest_reported_year(mentions, text)
    if anchor is None:
        latest = _latest_full_date(mentions)
        return None if latest is None or latest[:4] < reported else latest
    if anchor.iso:
        return anchor.iso
    assert anchor.day is not None and anchor.month is not None
    year = _anchor_year(anchor, mentions, lede)
    if year is None or not _valid(year, anchor.month, anchor.day):
        return None
    day = date(year, anchor.month, anchor.day).isoformat()
    # (the lede's day written again with its year is the article's day, whatever else it reports: "Sáng
    # 12/6 ... Ngày 12/6/2018 là ngày lịch sử")
    written = any(m.precision == "day" and m.iso == day for m in mentions)
    return None if day[:4] < reported and not written else day


# ------------------------------------------------------------------------------------ page structure
def _blocks(raw: str) -> list[list[str]]:
    """Blocks of non-empty lines, split at blank lines; text without any blank line is one line per block."""
    text = nfc(raw).replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", text)
    lines = [line.strip() for line in text.split("\n")]
    if not any(not line for line in lines[1:-1]) and len([x for x in lines if x]) > 1:
        # (a line broken after an abbreviation, "diễn ra tại TP.\nThủ Dầu Một", goes on: a source that
        # puts each sentence on its line split it where a full stop ends none)
        joined: list[str] = []
        for line in (x for x in lines if x):
            if joined and breaks_name(joined[-1], line):
                joined[-1] += " " + line
            else:
                joined.append(line)
        return [[line] for line in joined]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _take_title(blocks: list[list[str]]) -> tuple[str, list[list[str]]]:
    """The headline: the first line that is not site-header chrome. Header lines before it are dropped."""
    vietnamese = has_diacritics(" ".join(" ".join(b) for b in blocks[:20]))
    for bi, block in enumerate(blocks):
        for li, line in enumerate(block):
            if _is_header_chrome(line, vietnamese):
                continue
            rest = [block[li + 1 :]] + blocks[bi + 1 :]
            return _strip_site_suffix(line), [b for b in rest if b]
    return "", []


def _is_header_chrome(line: str, vietnamese: bool) -> bool:
    if _SITE_CHROME.match(line) or _is_stamp_line(line) or len(line.split()) <= 2:
        return True
    return vietnamese and _is_ascii_residue(line)


def _strip_site_suffix(title: str) -> str:
    return re.sub(r"\s+\|\s+[^|]{2,40}$", "", title).strip()


def _take_byline(blocks: list[list[str]]) -> tuple[str | None, str | None, list[list[str]]]:
    """A byline right under the headline ("Trần Thị Bình - 18:10, 27/04/2022" or a bare date stamp)."""
    if not blocks:
        return None, None, blocks
    first = blocks[0][0]
    author, published = _parse_byline(first)
    if published is None and _is_stamp_line(first):
        published = _stamp_date(first)
    if published is None:
        return None, None, blocks
    rest = [blocks[0][1:]] + blocks[1:]
    return author, published, [b for b in rest if b]


def _parse_byline(line: str) -> tuple[str | None, str | None]:
    match = _BYLINE.match(line)
    if not match:
        return None, None
    who = re.split(r"\s+[-–|]\s+", match["who"].strip())[-1].strip()
    return (who if _is_name(who) else None), _stamp_date(match["stamp"])


def _stamp_date(line: str) -> str | None:
    days = [m for m in find_dates(line) if m.precision == "day" and m.iso]
    return days[0].iso if days else None


def _is_stamp_line(line: str) -> bool:
    """A line that is only a date/time stamp ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27")."""
    if len(line) > 80 or not any(c.isdigit() for c in line):
        return False
    mentions = find_dates(line)
    has_time = bool(_TIME.search(line))
    if not has_time and not any(m.precision == "day" for m in mentions):
        return False
    rest = line
    for m in sorted(mentions, key=lambda x: -x.start):
        rest = rest[: m.start] + " " + rest[m.end :]
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    rest = re.sub(r"\b(?:ngày|lúc|cập nhật|đăng)\b", " ", rest, flags=re.IGNORECASE)
    return not re.sub(r"[\W_]+", "", rest)


# ------------------------------------------------------------------------------------------ cleaning
def _clean_blocks(blocks: list[list[str]], title: str | None) -> CleanedBody:
    vietnamese = has_diacritics(title or "") or has_diacritics(" ".join(" ".join(b) for b in blocks))
    blocks = _cut_at_heading(blocks)
    blocks = _cut_card_run(blocks, vietnamese)
    blocks, author, url, published = _take_trailing_meta(blocks, title, vietnamese)
    repeated_photo_heads = _repeated_photo_heads(blocks)
    lines: list[str] = []
    for block in blocks:
        lines.extend(_filter_block(block, title, vietnamese, repeated_photo_heads))
    lines = _drop_consecutive_duplicates(lines)
    if lines:
        lines[0] = _strip_dateline(lines[0])
    paragraphs = [line for line in lines if line]
    return CleanedBody("\n\n".join(paragraphs), author, url, published, paragraphs)


def _heading_key(line: str) -> str:
    return fold(line).strip().rstrip(":?!. ").strip()


def _is_heading(line: str) -> bool:
    if len(line) > _MAX_HEADING_CHARS:
        return False
    key = _heading_key(line)
    if key in CHROME_HEADINGS:
        return True
    head, sep, _ = key.partition(":")
    return bool(sep) and head.strip() in _LABELLED_HEADINGS


def _cut_at_heading(blocks: list[list[str]]) -> list[list[str]]:
    """Drop everything from the first chrome heading that follows some article text.

    A weak heading ("Xem thêm") drops itself and the headlines right after it, not the prose that follows.
    """
    seen_text = False
    skipping_links = False
    out: list[list[str]] = []
    for block in blocks:
        kept: list[str] = []
        for line in block:
            if skipping_links and not _ends_sentence(line) and len(line.split()) <= 40:
                continue
            skipping_links = False
            if _is_heading(line):
                if _heading_key(line) in WEAK_HEADINGS:
                    skipping_links = True
                elif seen_text:
                    if kept:
                        out.append(kept)
                    return out
                continue
            kept.append(line)
            seen_text = seen_text or _is_sentence(line)
        if kept:
            out.append(kept)
    return out


def _cut_card_run(blocks: list[list[str]], vietnamese: bool) -> list[list[str]]:
    """Drop a trailing run of news cards even without a heading.

    A card is a short headline followed, in the next block, by the same headline again or by a teaser cut
    off with "...". Three or more cards close together that run to the end of the page are a related-news
    list: the page is cut at the first of them.
    """
    units = [
        (bi, line)
        for bi, block in enumerate(blocks)
        for line in block
        if not _is_line_chrome(line, None, vietnamese, set())
    ]
    starts = [j for j in range(len(units) - 1) if _is_card(units[j], units[j + 1])]
    for n, first in enumerate(starts):
        run = starts[n:]
        dense = all(b - a <= _CARD_GAP for a, b in zip(run, run[1:], strict=False))
        if len(run) >= 3 and dense and len(units) - run[-1] <= _CARD_TAIL:
            cut_block, cut_line = units[first]
            head = blocks[cut_block][: blocks[cut_block].index(cut_line)]
            return blocks[:cut_block] + ([head] if head else [])
    return blocks


def _is_card(unit: tuple[int, str], following: tuple[int, str]) -> bool:
    (block, line), (next_block, next_line) = unit, following
    if block == next_block or len(line.split()) > 40 or re.search(r"[.,:;]$", line):
        return False
    if _same(line, next_line):
        return True
    return bool(re.search(r"(?:\.\.\.|…)$", next_line)) and len(next_line.split()) >= 12


def _take_trailing_meta(
    blocks: list[list[str]], title: str | None, vietnamese: bool
) -> tuple[list[list[str]], str | None, str | None, str | None]:
    """Pop the trailing author line, "Nguồn: <url>" and byline stamps off the end of the article."""
    author: str | None = None
    url: str | None = None
    published: str | None = None
    lines = [(bi, line) for bi, block in enumerate(blocks) for line in block]
    while lines:
        line = lines[-1][1]
        source = _SOURCE_URL.match(line)
        byline_author, byline_date = _parse_byline(line)
        credit = _CREDIT.match(line)
        if source and url is None:
            url = source["url"].rstrip(".,;)")
        elif byline_date and published is None:
            published = byline_date
            author = author or byline_author
        elif credit and _is_name(credit["name"]) and author is None:
            author = credit["name"].strip()
        elif _is_name(line) and author is None and not _is_heading(line):
            author = _name_part(line)
        elif not (_SOURCE_NAME.match(line) and not _is_sentence(line)) and not _is_line_chrome(
            line, title, vietnamese, set()
        ):
            break
        lines.pop()
    rebuilt: list[list[str]] = [[] for _ in blocks]
    for bi, line in lines:
        rebuilt[bi].append(line)
    return [b for b in rebuilt if b], author, url, published


def _filter_block(block: list[str], title: str | None, vietnamese: bool, photo_heads: set[str]) -> list[str]:
    kept: list[str] = []
    previous: str | None = None
    for line in block:
        chrome = _is_line_chrome(line, title, vietnamese, photo_heads)
        glued = previous is not None and _is_glued_headlines(previous, line)
        if not chrome and not glued:
            kept.append(line)
        if not chrome:
            previous = line
    return kept


def _is_line_chrome(line: str, title: str | None, vietnamese: bool, photo_heads: set[str]) -> bool:
    if _IMAGE_FILE.match(line) or _STARS.search(line) or _SITE_CHROME.match(line):
        return True
    if _INLINE_LINK.match(line) or _is_heading(line):
        return True
    if title and _same(line, title):
        return True
    photo = _PHOTO_NO.match(line)
    if photo and (_key(photo["head"]) in photo_heads or (title and _same(photo["head"], title))):
        return True
    if vietnamese and _is_ascii_residue(line):
        return True
    return _is_stamp_line(line)


def _is_glued_headlines(previous: str, line: str) -> bool:
    """A long unpunctuated line directly under a sentence: headlines of other articles run together."""
    return _ends_sentence(previous) and not _ends_sentence(line) and len(line.split()) >= _GLUED_MIN_WORDS


def _repeated_photo_heads(blocks: list[list[str]]) -> set[str]:
    counts = Counter(
        _key(m["head"]) for block in blocks for line in block if (m := _PHOTO_NO.match(line)) is not None
    )
    return {head for head, n in counts.items() if n >= 2}


def _drop_consecutive_duplicates(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not out or not _same(out[-1], line):
            out.append(line)
    return out


def _strip_dateline(line: str) -> str:
    """Drop an all-caps dateline tag: "LCĐT - Trong khuôn khổ ..." -> "Trong khuôn khổ ..."."""
    match = _DATELINE.match(line)
    if not match:
        return line
    tag = match["tag"]
    letters = [c for c in tag if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return line
    return line[match.end() :]


# ----------------------------------------------------------------------------------- line predicates
def _same(a: str, b: str) -> bool:
    """Equal up to case, diacritics, white space and end punctuation (cheap length test first)."""
    return abs(len(a) - len(b)) <= 4 and _key(a) == _key(b)


@lru_cache(maxsize=4096)
def _key(line: str) -> str:
    return re.sub(r"\s+", " ", fold(line)).strip(" .:")


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def _is_sentence(line: str) -> bool:
    return _ends_sentence(line) and len(line.split()) >= 4


def _is_ascii_residue(line: str) -> bool:
    """Alt text or social-link residue in a Vietnamese page: "Quang Ninh", "fb yt zl tw", "Analytic"."""
    words = line.split()
    if not line.isascii() or not 1 <= len(words) <= 4:
        return False
    return not re.search(r"[\d.!?:;,\"'()]", line)


def _name_part(line: str) -> str:
    return re.sub(r"\s*\([^)]{1,25}\)\s*$", "", line).strip()


def _is_name(line: str) -> bool:
    """A person's name as a byline: 2-5 capitalised words ("Nguyễn Văn An"), maybe "(TTXVN)" after it."""
    name = _name_part(line)
    words = name.split()
    if not 2 <= len(words) <= 5 or len(name) > 40 or "(" in name:
        return False
    if fold(words[0]) in _NOT_NAME_START or fold(" ".join(words[:2])) == "dong chi":
        return False
    return all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


# ---------------------------------------------------------------------------------- date inference
def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _lede_end(text: str) -> int:
    first = text.find("\n\n")
    end = len(text) if first < 0 else first
    return min(end, 600)


def _explicit_years(mentions: list[DateMention]) -> list[int]:
    return [
        m.year for m in mentions if m.year is not None and m.precision != "range" and not m.future and m.iso
    ]


def _most_common_latest(years: list[int]) -> int | None:
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y))


def _anchor_year(anchor: DateMention, mentions: list[DateMention], lede: list[DateMention]) -> int | None:
    same_day = [
        m.year
        for m in mentions
        if m.precision == "day" and m.year and (m.day, m.month) == (anchor.day, anchor.month)
    ]
    if same_day:
        return max(same_day)
    in_lede = _most_common_latest(_explicit_years([m for m in lede if m is not anchor]))
    if in_lede is not None:
        return in_lede
    same_month = [m.year for m in mentions if m.precision == "month" and m.year and m.month == anchor.month]
    if same_month:
        return max(same_month)
    return _dominant_year(_explicit_years(mentions))


def _dominant_year(years: list[int]) -> int | None:
    """The latest year the text mentions, when it is mentioned at least twice (a news text is written in,
    or after, the latest year it reports on); None rather than a guess otherwise."""
    if not years:
        return None
    latest = max(years)
    return latest if years.count(latest) >= 2 else None


def _latest_reported_year(mentions: list[DateMention], text: str) -> str:
    """The latest year of a day or month the text writes out in full and does not announce as upcoming
    ("" when none): not a bare year, often a plan ("tổ chức tại A vào năm 2024"), nor a date a target or
    a term opens ("có hiệu lực từ ngày 1/1/2019", "hạn chót", "đến tháng 6/2020")."""
    dated = [
        m
        for m in mentions
        if m.year_explicit
        and m.precision in ("day", "month")
        and not _TERM_BEFORE.search(text[max(0, m.start - 24) : m.start])
    ]
    return max((str(y) for y in _explicit_years(dated)), default="")


_TERM_BEFORE = re.compile(
    r"(?:(?:đến|tới|trước|sau|tầm nhìn|mục tiêu|giai đoạn|từ|hạn|chậm nhất)"
    r"|(?:hiệu lực|hoàn thành)(?:\s+\w+){0,2})\s*(?:ngày|tháng)?\s*$",
    re.IGNORECASE,
)


def _latest_full_date(mentions: list[DateMention]) -> str | None:
    days = [m.iso for m in mentions if m.precision == "day" and m.year_explicit and m.iso and not m.future]
    return max(days) if days else None
