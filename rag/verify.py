"""Grounding check of an answer against its citations: every sentence cites, every fact is in what it cites.

``unsupported_claims(answer_text, citations)`` splits the answer into sentences and returns one
human-readable problem per violation (an empty list means the answer is verified):

- every sentence with content carries at least one ``[n]`` marker, and every ``n`` is a citation
  (a lead such as "Ngày 12/6/2024, tại Bắc Kinh [1]." is a sentence like any other; a lead-in that
  ends with ":" and states no date, number or name may go without one);
- every **date** of the sentence is one its cited quotes give: the same date written in the quote, or
  a partial date of the quote ("sáng 27/3") that resolves against the article's date
  (``find_dates(quote, reference=published)``) to the same day; a month or a year is supported by a
  quote date of that month or year; a full date equal to a cited article's own ``published`` date is
  supported too (answers label articles with it: "bài ngày 27/3/2023 [2]");
- every **number** (digits, outside dates) is a number of a cited quote ("1.000" = "1,000" = "1000";
  a year also when it is the year of a date that resolves from the quote);
- every **name** (a run of two or more capitalised words, Vietnamese or Latin) is in a cited quote, as
  a whole or as consecutive pieces of two or more words each ("Quảng Ninh Nguyễn Văn An"); English words
  may instead be matched through the domain glossary ("Joint Working Group" -> "nhóm công tác liên hợp").

Comparisons use ``match_key`` (case, diacritics and spacing ignored). The ``[n]`` markers themselves,
list numbering ("1.", "2)") and article titles quoted in “...” that equal a citation's title are not
claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from rag.dates import find_dates
from rag.models import Citation
from rag.question import glossary
from rag.sentences import split_sentences
from rag.text import match_key, nfc

ClaimKind = Literal["date", "number", "name"]
DatePoint = tuple[int | None, int | None, int | None]  # (day, month, year), None where not stated

MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]")
_MARKER_RUN = re.compile(r"(?:\s*" + MARKER.pattern + r")+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+–]|\d{1,2}[.)]|[a-zđ][.)])\s+", re.IGNORECASE)
_CLOSERS = '”’")\\]»'
_INLINE_NUMBER_END = re.compile(r"(?:^|[:;])\s*\(?\d{1,2}[.)]$")  # "thống nhất: 1." is not a sentence
_INLINE_ITEM = re.compile(r"(?:(?<=[:;])|^)\s*\(?\d{1,2}[.)](?=\s)")
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\S")
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH_RX = r"(?P<mon>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_EN_DATES = [
    re.compile(rf"(?<![\w/])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_RX}(?:,?\s+(?P<y>\d{{4}}))?\b"),
    re.compile(rf"\b{_MONTH_RX}\s+(?P<d>\d{{1,2}}){_ORD}(?:,?\s+(?P<y>\d{{4}}))?\b(?![/.]?\d)"),
    re.compile(rf"\b{_MONTH_RX}(?:\s+of)?,?\s+(?P<y>\d{{4}})\b"),
    # a bare month name, capitalised ("in March"); "May" alone is too often the verb
    re.compile(
        r"\b(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b"
    ),
]
_NOT_NAME_WORDS = {m for m in _MONTHS if len(m) > 3} | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# Capitalised only because they start a sentence or a clause: never the first word of a name.
_LEADING_FUNCTION_WORDS = set(
    "the a an on in at of for from by to and or but with according during after before since as this that "
    "these those both it its their there note yes no who what when where which while also however "
    "theo tại ngày các những bài ông bà anh chị đồng phía trong về sáng chiều tối trưa đêm hôm năm tháng "
    "lưu còn và với cùng hai ba bốn đây đó khi sau trước tuy nhiên ngoài ra".split()
)


@dataclass(frozen=True)
class Claim:
    """A checkable fact of an answer sentence: a date, a number or a name, as written."""

    kind: ClaimKind
    text: str
    points: tuple[DatePoint, ...] = ()
    """Dates: the day/month/year parts as written (a range has two points)."""
    value: str = ""
    """Numbers: the normalised number. Names: the folded words, space-separated."""
    at_start: bool = False
    """Names: the run starts the sentence, so its first word may be capitalised for that reason only."""


@dataclass
class AnswerSentence:
    """A sentence of an answer, with the citation numbers its ``[n]`` markers name."""

    text: str
    markers: list[int] = field(default_factory=list)


@dataclass
class _Facts:
    """What a quote (read against its article's date) can support."""

    words: str
    numbers: set[str] = field(default_factory=set)
    days: set[tuple[int, int, int]] = field(default_factory=set)
    day_months: set[tuple[int, int]] = field(default_factory=set)
    months: set[tuple[int, int]] = field(default_factory=set)
    month_numbers: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    published: tuple[int, int, int] | None = None


# ------------------------------------------------------------------------------------------ sentences
def marker_numbers(text: str) -> list[int]:
    """The citation numbers named by the ``[n]`` markers of ``text``, in order, without repeats."""
    out: list[int] = []
    for m in MARKER.finditer(text):
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            bounds = [int(x) for x in re.split(r"\s*[–-]\s*", part)]
            numbers = (
                range(bounds[0], bounds[-1] + 1) if len(bounds) == 2 and bounds[0] <= bounds[1] else bounds
            )
            out.extend(n for n in numbers if n not in out)
    return out


def _extend(sentence: AnswerSentence, more: str) -> None:
    space = "" if not more or more[0].isspace() or more[0] in _CLOSERS + ".;," else " "
    sentence.text = f"{sentence.text}{space}{more}"
    sentence.markers.extend(n for n in marker_numbers(more) if n not in sentence.markers)


def answer_sentences(text: str) -> list[AnswerSentence]:
    """Sentences of an answer, by line, then by the one sentence splitter (``rag.sentences``).

    Pieces split inside “quotes” are joined again; markers written after the full stop
    ("... Trung Quốc). [1]") belong to the sentence before them; list bullets and numbering at the start
    of a line are dropped.
    """
    out: list[AnswerSentence] = []
    for raw_line in nfc(text).replace("**", "").splitlines():
        line = _LIST_ITEM.sub("", raw_line, count=1).strip()
        depth = 0  # open “quotes” in the sentence being built
        line_start = len(out)
        for start, end in split_sentences(line):
            part = line[start:end]
            if out and len(out) == line_start:  # a line that opens with markers: they close the last one
                lead = _MARKER_RUN.match(part)
                if lead:
                    _extend(out[-1], lead.group(0).strip())
                    part = part[lead.end() :].lstrip(" .;")
                    if not re.search(r"\w", part):
                        continue
            elif len(out) > line_start:
                # closing quotes and markers that open a piece close the sentence before it
                lead = re.match(rf"[{_CLOSERS}]*(?:{_MARKER_RUN.pattern})?[.;]?", part)
                if lead and lead.group(0):
                    _extend(out[-1], lead.group(0))
                    depth = max(0, depth - lead.group(0).count("”"))
                    part = part[lead.end() :].lstrip()
                if not re.search(r"\w", part):
                    continue
                if depth > 0 or _INLINE_NUMBER_END.search(out[-1].text):
                    _extend(out[-1], " " + part)
                    depth = max(0, depth + part.count("“") - part.count("”"))
                    continue
            out.append(AnswerSentence(part.strip(), marker_numbers(part)))
            depth = max(0, part.count("“") - part.count("”"))
    return out


# --------------------------------------------------------------------------------------------- claims
def extract_claims(sentence: str, titles: list[str] | tuple[str, ...] = ()) -> list[Claim]:
    """The dates, numbers and names a sentence states (markers, numbering and quoted titles aside)."""
    text = _without_titles(MARKER.sub(" ¦ ", nfc(sentence)), titles)
    text = _INLINE_ITEM.sub(" ¦ ", _LIST_ITEM.sub("", text, count=1))
    claims: list[Claim] = []
    spans: list[tuple[int, int]] = []
    for mention in find_dates(text):
        points: list[DatePoint] = [(mention.day, mention.month, mention.year)]
        if mention.precision == "range":
            end = _range_end(mention.text, mention.end_iso)
            if end is not None:
                points.append(end)
        claims.append(Claim("date", mention.text.strip(), tuple(points)))
        spans.append((mention.start, mention.end))
    for rx in _EN_DATES:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in spans):
                continue
            day = int(m["d"]) if m.groupdict().get("d") else None
            year = int(m["y"]) if m.groupdict().get("y") else None
            month = _MONTHS[m["mon"].lower()]
            if day is not None and not 1 <= day <= 31:
                continue
            claims.append(Claim("date", m.group(0), ((day, month, year),)))
            spans.append(m.span())
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + " ¦ " + text[e:]
    for m in _NUMBER.finditer(text):
        claims.append(Claim("number", m.group(0), value=_normalise_number(m.group(0))))
    for run, at_start in _name_runs(text):
        words = re.findall(r"\w+", match_key(" ".join(run)))
        claims.append(Claim("name", " ".join(run), value=" ".join(words), at_start=at_start))
    return claims


def _range_end(text: str, end_iso: str | None) -> DatePoint | None:
    parts = _iso_parts(end_iso)
    if parts is not None:
        return (parts[2], parts[1], parts[0])
    m = re.search(r"(\d{1,2})/(\d{1,2})\s*$", text)
    return (int(m.group(1)), int(m.group(2)), None) if m else None


def _without_titles(text: str, titles: list[str] | tuple[str, ...]) -> str:
    keys = {_title_key(t) for t in titles if t and t.strip()}
    if not keys:
        return text
    for inner_rx in (r"“([^“”]*(?:“[^“”]*”[^“”]*)*)”", r'"([^"]+)"'):
        text = re.sub(inner_rx, lambda m: " ¦ " if _title_key(m.group(1)) in keys else m.group(0), text)
    return text


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", match_key(title)))


def _name_runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of two or more capitalised words (the flag: the run starts the sentence)."""
    runs: list[tuple[list[str], bool]] = []
    run: list[str] = []
    run_at_start = False
    first_word = True
    for m in list(_WORD.finditer(text)) + [None]:
        token = m.group(0) if m else "."
        is_word = token[:1].isalpha()
        capital = is_word and token[0].isupper() and token.lower() not in _NOT_NAME_WORDS
        if capital:
            if not run:
                run_at_start = first_word
            run.append(token)
        else:
            while run and run[0].lower() in _LEADING_FUNCTION_WORDS:
                run.pop(0)
                run_at_start = False
            if len(run) >= 2:
                runs.append((run, run_at_start))
            run = []
        if is_word:
            first_word = False
    return runs


def _normalise_number(raw: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+", raw):
        return raw.replace(".", "").replace(",", "")
    m = re.fullmatch(r"(\d+)[.,](\d+)", raw)
    if m:
        decimals = m.group(2).rstrip("0")
        return f"{int(m.group(1))}.{decimals}" if decimals else str(int(m.group(1)))
    if raw.isdigit():
        return str(int(raw))
    return re.sub(r"[.,]", "", raw)


# ------------------------------------------------------------------------------------------- support
def _iso_parts(iso: str | None) -> tuple[int, int | None, int | None] | None:
    if not iso:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso.strip())
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


@lru_cache(maxsize=4096)
def _facts(quote: str, published: str | None) -> _Facts:
    quote = nfc(quote)
    facts = _Facts(words=" " + " ".join(re.findall(r"\w+", match_key(quote))) + " ")
    for m in _NUMBER.finditer(quote):
        facts.numbers.add(_normalise_number(m.group(0)))
        facts.numbers.update(str(int(p)) for p in re.split(r"[.,]", m.group(0)) if p)
    pub = _iso_parts(published)
    reference: date | None = None
    if pub and pub[1] and pub[2]:
        facts.published = (pub[0], pub[1], pub[2])
        reference = date(pub[0], pub[1], pub[2])
    for mention in find_dates(quote, reference):
        for iso in (mention.iso, mention.end_iso):
            parts = _iso_parts(iso)
            if parts is None:
                continue
            y, mo, d = parts
            facts.years.add(y)
            if mo:
                facts.months.add((y, mo))
                facts.month_numbers.add(mo)
                if d:
                    facts.days.add((y, mo, d))
                    facts.day_months.add((mo, d))
        if mention.day and mention.month:
            facts.day_months.add((mention.month, mention.day))
        if mention.month:
            facts.month_numbers.add(mention.month)
        if mention.year:
            facts.years.add(mention.year)
    return facts


def _citation_facts(citation: Citation) -> _Facts:
    return _facts(" ".join(citation.quotes) or citation.quote or "", citation.published)


def _point_supported(point: DatePoint, facts: list[_Facts]) -> bool:
    day, month, year = point
    for f in facts:
        if day and month and year:
            if (year, month, day) in f.days or f.published == (year, month, day):
                return True
        elif day and month:
            if (month, day) in f.day_months or (f.published and f.published[1:] == (month, day)):
                return True
        elif month and year:
            if (year, month) in f.months:
                return True
        elif month:
            if month in f.month_numbers:
                return True
        elif year:
            if year in f.years or str(year) in f.numbers:
                return True
    return False


def _phrase_in(words: list[str], facts: list[_Facts]) -> bool:
    needle = " " + " ".join(words) + " "
    return any(needle in f.words for f in facts)


def _glossary_supported(words: list[str], facts: list[_Facts]) -> bool:
    """English words of a name, matched through their Vietnamese glossary equivalents."""
    term = " ".join(words)
    if not term.isascii():
        return False
    equivalents = glossary().get(term)
    if equivalents is None and term.endswith("s"):
        equivalents = glossary().get(term[:-1])
    return any(_phrase_in(re.findall(r"\w+", match_key(vi)), facts) for vi in equivalents or [])


def _name_supported(words: list[str], facts: list[_Facts]) -> bool:
    """The run is a sequence of pieces, each in a quote (two words or more) or a glossary term."""
    n = len(words)
    reachable = [True] + [False] * n
    for i in range(n):
        if not reachable[i]:
            continue
        for j in range(i + 1, n + 1):
            piece = words[i:j]
            if (j - i >= 2 and _phrase_in(piece, facts)) or _glossary_supported(piece, facts):
                reachable[j] = True
    return reachable[n]


def claim_supported(claim: Claim, citations: list[Citation]) -> bool:
    """True when the quotes (and article dates) of ``citations`` support ``claim``."""
    facts = [_citation_facts(c) for c in citations]
    if claim.kind == "date":
        return all(_point_supported(p, facts) for p in claim.points if any(p))
    if claim.kind == "number":
        if any(claim.value in f.numbers for f in facts):
            return True
        year = int(claim.value) if claim.value.isdigit() and len(claim.value) == 4 else None
        return year is not None and any(year in f.years for f in facts)
    words = claim.value.split()
    if _name_supported(words, facts):
        return True
    # The first word may be capitalised only because it starts the sentence ("Đoàn Quảng Ninh ...").
    return claim.at_start and len(words) >= 3 and _name_supported(words[1:], facts)


def _snippet(text: str, limit: int = 70) -> str:
    text = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ------------------------------------------------------------------------------------------ public API
def unsupported_claims(answer_text: str, citations: list[Citation]) -> list[str]:
    """Problems that make ``answer_text`` not grounded in ``citations`` (empty list: verified)."""
    by_n = {c.n: c for c in citations}
    titles = [c.title for c in citations if c.title]
    problems: list[str] = []
    for i, sentence in enumerate(answer_sentences(answer_text), start=1):
        body = MARKER.sub(" ", sentence.text)
        if not re.search(r"\w", body):
            continue
        where = f'sentence {i} "{_snippet(body)}"'
        claims = extract_claims(sentence.text, titles)
        if not sentence.markers:
            if body.rstrip().endswith(":") and not claims:
                continue  # a lead-in to a cited list ("Hai bên thống nhất:")
            problems.append(f"{where} cites no passage ([n] marker missing)")
            continue
        missing = [n for n in sentence.markers if n not in by_n]
        for n in missing:
            problems.append(f"{where} cites [{n}], but there is no citation {n}")
        cited = [by_n[n] for n in sentence.markers if n in by_n]
        if not cited:
            continue
        refs = "".join(f"[{c.n}]" for c in cited)
        for claim in claims:
            if not claim_supported(claim, cited):
                problems.append(f'{where}: {claim.kind} "{claim.text}" is not in the cited passage(s) {refs}')
    return problems
