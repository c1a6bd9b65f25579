"""No rule names the seed corpus: its people and places appear only in data files, tests and docs."""

from __future__ import annotations

import re
from pathlib import Path

from rag.text import fold

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("rag", "api", "embeddings")
CODE_SUFFIXES = {".py", ".js", ".html", ".css"}


def seed_names() -> list[str]:
    lines = (ROOT / "tests" / "data" / "seed_names.txt").read_text(encoding="utf-8").splitlines()
    return [fold(line).strip() for line in lines if line.strip() and not line.startswith("#")]


def code_files() -> list[Path]:
    return sorted(
        p
        for d in CODE_DIRS
        for p in (ROOT / d).rglob("*")
        if p.suffix in CODE_SUFFIXES and "data" not in p.relative_to(ROOT).parts
    )


def test_the_scan_sees_the_code_and_the_names() -> None:
    assert len(seed_names()) >= 30
    assert any(p.name == "answer.py" for p in code_files())


def test_no_seed_name_in_code() -> None:
    found = []
    for path in code_files():
        text = re.sub(r"\s+", " ", fold(path.read_text(encoding="utf-8")))
        for name in seed_names():
            if re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text):
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert not found, "seed-corpus names in code (move them to a data file):\n" + "\n".join(found)
