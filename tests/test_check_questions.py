"""eval/foreign/check_questions.py, the checker the question writers run: run as a program on small files."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from rag.evaluate import groups_matched

CHECKER = Path(__file__).resolve().parent.parent / "eval" / "foreign" / "check_questions.py"


def _check(tmp_path: Path, questions: list[dict], text: str) -> subprocess.CompletedProcess[str]:
    articles = tmp_path / "new-articles.jsonl"
    record = {"doc_id": "x-1", "title": "Ký kết hợp tác", "text": text}
    articles.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "new.jsonl"
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(CHECKER), str(path), "--articles", str(articles)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _question(**extra: object) -> dict:
    return {
        "id": "N-01",
        "lang": "vi",
        "type": "when",
        "answerable": True,
        "question": "Hai bên ký khi nào?",
        "must_include": [["12/3"]],
        "relevant_docs": ["x-1"],
    } | extra


def test_an_article_holding_a_line_separator_is_read_whole(tmp_path: Path) -> None:
    # (U+2028 is valid inside a JSON string written with ensure_ascii=False; lines end at "\n" only)
    done = _check(tmp_path, [_question()], "Hai bên bàn về\u2028hợp tác. Hai bên ký ngày 12/3.")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 questions, 0 problems" in done.stdout


def test_a_fact_the_article_does_not_hold_is_reported(tmp_path: Path) -> None:
    done = _check(tmp_path, [_question(must_include=[["15/4"]])], "Hai bên ký ngày 12/3.")
    assert done.returncode == 1
    assert "no alternative of ['15/4']" in done.stdout


def test_a_fact_is_held_only_as_the_eval_matches_it(tmp_path: Path) -> None:
    # as whole words, as rag.evaluate.groups_matched reads an answer: "2/3" is not in "12/3" nor "2 tỷ" in
    # "2,2 tỷ", "20" in "20.000", "Hà" in "Hàn"; a leading zero is ignored on either side; an empty
    # alternative holds nothing
    inside = _check(
        tmp_path,
        [_question(must_include=[["2/3"], ["2 tỷ"], ["20"], ["Hà"], [""]])],
        "Hai bên ký ngày 12/3, trị giá 2,2 tỷ USD, với 20.000 người của Hàn Quốc.",
    )
    assert inside.returncode == 1
    for group in ("['2/3']", "['2 tỷ']", "['20']", "['Hà']", "['']"):
        assert f"no alternative of {group}" in inside.stdout, group
    for n, (alt, text) in enumerate((("06/3", "Hai bên ký ngày 6/3."), ("6/3", "Hai bên ký ngày 06/3."))):
        (tmp_path / str(n)).mkdir()
        zero = _check(tmp_path / str(n), [_question(must_include=[[alt]])], text)
        assert zero.returncode == 0, zero.stdout


def test_the_checker_matches_as_the_eval_does() -> None:
    # the checker's copy of the eval's matching (it runs on a bare Python) agrees with rag.evaluate
    spec = importlib.util.spec_from_file_location("check_questions", CHECKER)
    assert spec is not None and spec.loader is not None
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    texts = (
        "Hai bên ký ngày 06/3/2026 tại Hà Nội, trị giá 2,2 tỷ USD.",
        "Lãi suất giảm 0,05% còn 1,5%; 20.000 người; US$10 billion; (DIA)và Đức ð.",
        "Ông TRẦN VĂN LỘC nói: “Không”. Cóc, Nội, nói, 14 văn kiện, 4 văn kiện.",
    )
    alts = (
        "6/3",
        "06/3",
        "2 tỷ",
        "2,2 tỷ",
        "0,5%",
        "0,05%",
        "1,5%",
        "20",
        "20.000",
        "$10 billion",
        "(DIA)",
        "Đức",
        "duc d",
        "trần văn lộc",
        "không",
        "no",
        "có",
        "4 văn kiện",
        "Hà Nội",
        "Hà",
        "",
    )
    for text in texts:
        for alt in alts:
            expected = groups_matched(text, [[alt]])
            assert checker._found(checker.fold(alt), checker.fold(text)) == expected, (alt, text)
