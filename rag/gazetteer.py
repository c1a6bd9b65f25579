"""Place names from a data file (``rag/data/places.tsv``: name, country, kind), folded for matching.

The file is knowledge, not code: replace or extend it for another region (``RAG_PLACES_FILE`` is not
needed; edit the file shipped with the package, or point ``places(path)`` at another one).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rag.text import fold

DEFAULT_PLACES = Path(__file__).with_name("data") / "places.tsv"


@lru_cache(maxsize=4)
def places(path: Path = DEFAULT_PLACES) -> dict[str, frozenset[str]]:
    """Folded place name -> the countries it names a place of."""
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, *_ = line.split("\t")
        table.setdefault(fold(name).strip(), set()).add(country.strip())
    return {name: frozenset(countries) for name, countries in table.items()}


def places_of(country: str) -> tuple[str, ...]:
    """Folded names of the places the gazetteer gives for ``country`` (as written in the file)."""
    return tuple(sorted(name for name, countries in places().items() if country in countries))


def starts_with_place(text: str) -> bool:
    """True when ``text`` begins with a whole place name of the gazetteer ("Hà Nội ..." but not "Hàn")."""
    words = fold(text).split()
    table = places()
    return any(" ".join(words[:n]) in table for n in range(1, min(len(words), 5) + 1))
