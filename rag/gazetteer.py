"""Knowledge the rules need, from data files a user can replace: places (``rag/data/places.tsv``: name,
country, kind; and ``rag/data/world-places.tsv``: capitals and cities abroad), countries
(``rag/data/countries.tsv``; those whose names the press writes in Sino-Vietnamese,
``rag/data/sino-vietnamese-names.tsv``), office titles (``rag/data/titles.tsv``: Vietnamese, English),
kinds of people that are no office (``rag/data/person-nouns.tsv``), Vietnamese family names
(``rag/data/surnames.tsv``) and units of measure (``rag/data/units.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rag.text import CAPS, LOWER, fold
from rag.text import TONE_PAIRS as _TONE_PAIRS

DEFAULT_PLACES = (
    Path(__file__).with_name("data") / "places.tsv",
    Path(__file__).with_name("data") / "world-places.tsv",
)
DEFAULT_TITLES = Path(__file__).with_name("data") / "titles.tsv"
DEFAULT_COUNTRIES = Path(__file__).with_name("data") / "countries.tsv"
DEFAULT_SINO = Path(__file__).with_name("data") / "sino-vietnamese-names.tsv"
DEFAULT_UNITS = Path(__file__).with_name("data") / "units.tsv"
DEFAULT_PERSON_NOUNS = Path(__file__).with_name("data") / "person-nouns.tsv"
DEFAULT_SURNAMES = Path(__file__).with_name("data") / "surnames.tsv"
DEFAULT_KOREAN_SURNAMES = Path(__file__).with_name("data") / "korean-surnames.tsv"


@lru_cache(maxsize=4)
def places(paths: tuple[Path, ...] = DEFAULT_PLACES) -> dict[str, frozenset[str]]:
    """Folded place name -> the countries it names a place of (from every file of ``paths``)."""
    return _places_of_kind(paths, None)


@lru_cache(maxsize=4)
def capitals(paths: tuple[Path, ...] = DEFAULT_PLACES) -> dict[str, frozenset[str]]:
    """Folded name of a capital (kind "capital" in the third column of ``paths``) -> its countries."""
    return _places_of_kind(paths, "capital")


def _places_of_kind(paths: tuple[Path, ...], kind: str | None) -> dict[str, frozenset[str]]:
    """Folded place name -> its countries, over the lines of ``paths`` of that kind (any, with None)."""
    table: dict[str, set[str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, country, *rest = line.split("\t")
            if kind is None or (rest and rest[0].strip() == kind):
                table.setdefault(fold(name).strip(), set()).add(country.strip())
    return {name: frozenset(countries) for name, countries in table.items()}


@lru_cache(maxsize=4)
def sino_vietnamese_countries(path: Path = DEFAULT_SINO) -> frozenset[str]:
    """Folded names of the countries whose people's names Vietnamese news writes in Sino-Vietnamese
    syllables (``rag/data/sino-vietnamese-names.tsv``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line).strip() for line in lines if line.strip() and not line.startswith("#"))


def _unit_key(name: str) -> str:
    """A unit's name as a question's folded words give it ("ki-lô-mét" -> "ki lo met")."""
    return " ".join(fold(name).replace("-", " ").split())


@lru_cache(maxsize=4)
def units(path: Path = DEFAULT_UNITS) -> dict[str, tuple[str, ...]]:
    """A unit as a question spells it out, folded with its hyphens as spaces ("ki lo met"), -> its
    abbreviations as news writes them after a number ("km"), from ``rag/data/units.tsv``."""
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or not cells[0].strip():
            continue  # (a line without its abbreviations is no unit)
        key = _unit_key(cells[0])
        shorts = [s.strip() for s in cells[1].split("|") if s.strip()]
        if shorts:
            table[key] = tuple(dict.fromkeys((*table.get(key, ()), *shorts)))
    return table


@lru_cache(maxsize=4)
def measures(path: Path = DEFAULT_UNITS) -> dict[str, tuple[str, ...]]:
    """What a question asks for by a quantity's name, folded ("cong suat"), -> the folded units it is
    given in, spelled out and abbreviated ("megawatt", "mw", ...; the third column of
    ``rag/data/units.tsv``)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3 or not cells[0].strip():
            continue
        given = [_unit_key(cells[0])]
        given += [fold(s.strip()) for s in cells[1].split("|") if s.strip()]
        for what in cells[2].split("|"):
            key = " ".join(fold(what).split())
            if key:
                table[key] = tuple(dict.fromkeys((*table.get(key, ()), *given)))
    return table


def places_of(country: str) -> tuple[str, ...]:
    """Folded names of the places the gazetteer gives for ``country`` (as written in the file)."""
    return tuple(sorted(name for name, countries in places().items() if country in countries))


def _surname_rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip().split("\t") for line in lines if line.strip() and not line.startswith("#")]


def surnames(path: Path = DEFAULT_SURNAMES) -> str:
    """The family names of ``path`` (one per line, as written; not those marked "ambiguous") as a regex
    alternation, longest first."""
    names = {row[0].strip() for row in _surname_rows(path) if row[1:2] != ["ambiguous"]}
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=4)
def korean_surnames(path: Path = DEFAULT_KOREAN_SURNAMES) -> frozenset[str]:
    """The Korean family names of ``path``, as written (one per line)."""
    return frozenset(row[0].strip() for row in _surname_rows(path))


@lru_cache(maxsize=4)
def titled_surnames(path: Path = DEFAULT_SURNAMES) -> frozenset[str]:
    """The family names of ``path`` marked "titled" (as written): a name opening with one is read only after
    an office or an honorific ("Chủ tịch Tập A", "ông Tập A"), as it opens common nouns in capitals too
    ("Tập Sự", "Tập Kết")."""
    return frozenset(row[0].strip() for row in _surname_rows(path) if row[1:2] == ["titled"])


@lru_cache(maxsize=4)
def ambiguous_surnames(path: Path = DEFAULT_SURNAMES) -> frozenset[str]:
    """The family names of ``path`` marked "ambiguous" (they open places and bodies too: "Thái"), folded."""
    return frozenset(fold(row[0].strip()) for row in _surname_rows(path) if row[1:2] == ["ambiguous"])


# A Vietnamese personal name: a family name of ``rag/data/surnames.tsv`` followed by one to three
# capitalised syllables (the one recogniser of such names; ``rag.answer.person_names`` adds the other
# forms).
SURNAMES = surnames()
# (a given name may open with a marked capital and be one letter: "Lê Văn Ý", "Lê Thị H."; not the words
# of a body or a feast, "Cao Ủy Liên Hợp Quốc", "Đoàn Ủy ban", "Lễ Tạ Ơn", "Quan Âm")
PERSON_NAME = re.compile(rf"\b(?:{SURNAMES})(?:\s+(?![UỦ][yỷ]\b|Ơn\b|Âm\b)[{CAPS}][{LOWER}]*){{1,3}}\b")


def starts_with_place(text: str) -> bool:
    """True when ``text`` begins with a whole place name of the gazetteer ("Hà Nội ..." but not "Hàn")."""
    return place_prefix(text.split()) > 0


def place_prefix(words: list[str]) -> int:
    """How many of ``words`` make the longest whole place name of the gazetteer they open with (0: none)."""
    folded = fold(" ".join(words)).split()
    table = places()
    return next((n for n in range(min(len(folded), 5), 0, -1) if " ".join(folded[:n]) in table), 0)


@lru_cache(maxsize=4)
def _title_rows(path: Path) -> tuple[tuple[str, ...], ...]:
    """The rows of a titles table (Vietnamese, English, optional "same"), stripped; comments left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(
        tuple(p.strip() for p in line.split("\t"))
        for line in lines
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=4)
def titles(path: Path = DEFAULT_TITLES) -> dict[str, str]:
    """Vietnamese office title (as written, NFC) -> its English rendering (the first of the English
    names its row gives)."""
    return {row[0]: row[1].split("|")[0].strip() for row in _title_rows(path)}


@lru_cache(maxsize=4)
def person_nouns(path: Path = DEFAULT_PERSON_NOUNS) -> dict[str, str]:
    """Vietnamese noun for a kind of person that is no office ("chuyên gia", "bị cáo") -> its English
    ("expert", "defendant"), from ``path``: asked for like an office, but no title before a name."""
    return {row[0]: row[1].lower() for row in _title_rows(path)}


@lru_cache(maxsize=4)
def affiliated_person_nouns(path: Path = DEFAULT_PERSON_NOUNS) -> tuple[str, ...]:
    """The kinds of person of ``path`` marked "affiliated" (as written): after a name, the place their
    "tại"/"ở" gives is where that person works ("A, chuyên gia tại Viện B")."""
    return tuple(row[0] for row in _title_rows(path) if row[2:3] == ("affiliated",))


@lru_cache(maxsize=4)
def english_title_names(path: Path = DEFAULT_TITLES) -> dict[str, tuple[str, ...]]:
    """Vietnamese office title -> every English name of it its row gives: the rendering, then the other
    ways English news names that office ("Foreign Minister|Foreign Secretary|Secretary of State"),
    which questions may use."""
    return {row[0]: tuple(n.strip() for n in row[1].split("|") if n.strip()) for row in _title_rows(path)}


@lru_cache(maxsize=1)
def office_nouns_en(path: Path = DEFAULT_TITLES) -> frozenset[str]:
    """The nouns that head the English office titles of ``path``, lower case: the last word before
    "of"/"for"/"to" ("Minister of Foreign Affairs" -> "minister", "Lieutenant General" -> "general"),
    and each part of a hyphenated one ("editor-in-chief" -> also "editor")."""
    out: set[str] = set()
    for english in (en for names in english_title_names(path).values() for en in names):
        head = re.split(r" (?:of|for|to) ", english.lower())[0]
        words = re.findall(r"[a-z][a-z\-]*", head)
        if words:
            out.add(words[-1])
            out.update(w for w in words[-1].split("-") if len(w) > 2 and w not in ("in", "the"))
    return frozenset(out)


@lru_cache(maxsize=1)
def title_synonyms(path: Path = DEFAULT_TITLES) -> dict[str, frozenset[str]]:
    """Folded Vietnamese title -> the folded titles of the same office: the rows of ``path`` whose third
    column is "same", grouped by their English ("người phát ngôn" and "phát ngôn viên")."""
    groups: dict[str, set[str]] = {}
    for row in _title_rows(path):
        if len(row) >= 3 and row[2] == "same":
            groups.setdefault(row[1].split("|")[0].strip(), set()).add(fold(row[0]))
    return {title: frozenset(group) for group in groups.values() for title in group}


@lru_cache(maxsize=1)
def office_titles() -> re.Pattern[str]:
    """An office title of ``titles()`` (either tone placement, any case) and the 16 words after it
    (words a spaced hyphen joins count as one; a quote ends them, and so does a comma unless an
    enumeration follows it, as in a body's name or a portfolio: "Bộ Lao động, Thương binh và Xã hội",
    "Bộ trưởng phụ trách kinh doanh, thương mại và doanh nghiệp A"; an abbreviation in parentheses is
    a word, "(UNESCO)"): group ``after``, where the name of its holder is looked for ("Tổng thống Nga
    Ivanov", "Chủ tịch Uỷ ban Đối ngoại Hạ viện John Miller", "Phó thủ tướng nước B Samdech Kol
    Sarin")."""
    forms = {form for t in titles() for form in tone_placements(t)}
    alternatives = "|".join(re.escape(t) for t in sorted(forms, key=len, reverse=True))
    # (a lookahead: the next title inside these words is matched too)
    word = (  # ("Kim Ho - in": "Ho - in" one word)
        # (after a comma: capitalised words of a body's name, or lower-case ones of a portfolio, then "và")
        r"(?:\s+|,\s+(?=[A-ZĐ][\w'’\-]*(?:\s+[\w'’\-]+){0,3}?\s+và\s"
        r"|[a-zà-ỹđ][\w'’\-]*(?:\s+[a-zà-ỹđ][\w'’\-]*){0,3}?\s+và\s))"
        r"(?:\([A-ZĐ][\w&.'’\-]*\)|[\w/&.'’\-]+(?:\s-\s[\w'’\-]+)*)"
    )
    return re.compile(rf"(?<!\w)(?i:{alternatives})(?=(?P<after>(?:{word}){{1,16}}))")


def tone_placements(text: str) -> set[str]:
    """``text`` with its tones written on either vowel of "oa", "oe", "uy" (all one way, then all the
    other): {"Cao ủy", "Cao uỷ"}; capitalised forms follow the lower-case ones. Meant for titles and
    names to match: a syllable where the pair is not a diphthong ("quý") may get a form no one writes,
    which is harmless."""
    pairs = _TONE_PAIRS + [(a.capitalize(), b.capitalize()) for a, b in _TONE_PAIRS]
    old, new = text, text
    for a, b in pairs:
        old, new = old.replace(b, a), new.replace(a, b)
    return {text, old, new}


@lru_cache(maxsize=4)
def country_aliases(path: Path = DEFAULT_COUNTRIES) -> dict[str, frozenset[str]]:
    """Folded name of a country in any listed form (Vietnamese, English, adjective) -> its folded
    Vietnamese names: "russia" -> {"nga"}, "chilean" -> {"chile"}, "viet nam" -> {"viet nam"}. Lines
    that share a name are one country: "Hy Lạp" and "Hi Lạp" (both "Greece") name each other."""
    return {name: frozenset(vis) for name, vis in country_names(path).items()}


@lru_cache(maxsize=4)
def country_names(path: Path = DEFAULT_COUNTRIES) -> dict[str, tuple[str, ...]]:
    """``country_aliases`` with each country's Vietnamese names in the file's order, the most usual
    first ("russia" -> ("nga", "lien bang nga")): what an English name is put into Vietnamese as."""
    groups: list[tuple[set[str], list[str]]] = []  # (every name, the Vietnamese names) of each country
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vi, *others = [fold(c).strip() for c in line.split("\t")]
        names = {n for n in (vi, *others) if n}
        shared = [g for g in groups if g[0] & names]
        vis = list(dict.fromkeys([v for g in shared for v in g[1]] + [vi]))
        merged = (names.union(*(g[0] for g in shared)), vis)
        groups = [g for g in groups if g not in shared] + [merged]
    return {name: tuple(vis) for names, vis in groups for name in names}


@lru_cache(maxsize=4)
def english_country_names(path: Path = DEFAULT_COUNTRIES) -> dict[str, frozenset[str]]:
    """The English name of each country or union of ``path`` (its second column, folded: "Japan", "NATO";
    not its adjective, the third) -> its folded Vietnamese names: "vietnam" -> {"viet nam"}."""
    aliases = country_aliases(path)
    found: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if line.strip() and not line.startswith("#") and len(columns) > 1 and columns[1].strip():
            name = fold(columns[1]).strip()
            found[name] = aliases.get(name, frozenset())
    return found


@lru_cache(maxsize=4)
def country_acronyms(path: Path = DEFAULT_COUNTRIES) -> frozenset[str]:
    """The names of ``path`` written in capitals, two to six letters, folded ("eu", "asean", "lhq"): a
    question typed without marks names them in lower case ("eu ra tuyen bo ...")."""
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            found.update(fold(c) for c in line.split("\t") if re.fullmatch(r"[A-Z]{2,6}", c.strip()))
    return frozenset(found)


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?"
)


def is_syllable(word: str) -> bool:
    """True when a (folded) word can be one Vietnamese syllable: "nguyen", "vi"; not "tp", "bidv"."""
    return _SYLLABLE.fullmatch(fold(word)) is not None


def looks_foreign(word: str) -> bool:
    """True when a (folded) word of three letters or more cannot be one Vietnamese syllable: "bidv",
    "techcombank", "chile"."""
    word = fold(word)
    return len(word) >= 3 and word.isalpha() and not is_syllable(word)
