"""Ingest (incremental, bad files) and the `rag` CLI contract, end to end.

Ingest and the CLI's contract run with ``FakeEmbedder``; ``rag eval``'s retrieval gate needs the real
model and is slow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from rag.cli import main
from rag.config import Settings
from rag.index import load_index
from rag.ingest import ingest
from rag.pipeline import open_index
from tests.conftest import ARTICLES, BACKENDS, fake_embedder_everywhere
from tests.fakes import FakeEmbedder

WHEN_Q = "Phiên họp thứ 9 Nhóm công tác liên hợp diễn ra vào ngày nào?"
store_backend = pytest.fixture(scope="module", params=BACKENDS)(lambda request: request.param)

NEW_ARTICLE = (
    "Lai Châu và Hồng Hà bàn về cửa khẩu Ma Lù Thàng\n\n"
    "Sáng 5/9/2024, tại thị xã Phong Thổ, lãnh đạo tỉnh Lai Châu đã hội đàm với lãnh đạo châu Hồng Hà "
    "về việc nâng cấp cửa khẩu Ma Lù Thàng.\n\nHai bên nhất trí thành lập tổ công tác chung.\n"
)


def test_incremental_upsert(fake_writable_settings: Settings, tmp_path: Path) -> None:
    writable_settings = fake_writable_settings
    embedder = FakeEmbedder()
    again = ingest([ARTICLES], writable_settings, embedder=embedder)
    assert not again.written and len(again.unchanged) == 5 and again.embedded == 0
    assert embedder.calls["passages"] == 0  # unchanged documents keep their vectors

    new = tmp_path / "new"
    new.mkdir()
    (new / "lai_chau_2024.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (new / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (new / "latin1.txt").write_bytes("Hội đàm".encode("cp1258", errors="replace") + b"\xff\xfe\x00")
    (new / "empty.md").write_text("   \n")
    added = ingest([new], writable_settings, embedder=embedder)
    assert added.added == ["lai_chau_2024"] and added.written
    assert {Path(s.source).name for s in added.skipped} == {"binary.txt", "latin1.txt", "empty.md"}
    index = open_index(writable_settings)
    assert len(index.articles) == 6
    new_sentences = [k for k in index.sentence_keys if k[0] == "lai_chau_2024"]
    assert len(new_sentences) == 2 and len(index.sentence_keys) == len(index.sentence_vectors)
    # only the new article's chunks and sentences were embedded; the others kept their vectors
    assert embedder.calls["passages"] == added.embedded + len(new_sentences) and added.embedded > 0

    (new / "lai_chau_2024.txt").write_text(
        NEW_ARTICLE.replace("Ma Lù Thàng", "Ma Lù Thàng mới"), encoding="utf-8"
    )
    changed = ingest([new / "lai_chau_2024.txt"], writable_settings, embedder=embedder)
    assert changed.updated == ["lai_chau_2024"]
    index = open_index(writable_settings)
    ids = [c.chunk_id for c in index.chunks]
    assert len(ids) == len(set(ids))  # the changed article replaced its old chunks
    assert all("mới" in c.text for c in index.chunks if c.doc_id == "lai_chau_2024" and "Ma Lù" in c.text)
    # the changed article's sentences replaced its old ones, and every stored sentence vector is the
    # vector of its own sentence (ingest embeds them sorted by length and puts them back in order)
    keys = index.sentence_keys
    assert len(keys) == len(set(keys)) == len(index.sentence_vectors)
    mine = [k for k in keys if k[0] == "lai_chau_2024"]
    assert all(
        "mới" in index.articles["lai_chau_2024"].text[a:b]
        for _d, a, b in mine
        if "Ma Lù" in index.articles["lai_chau_2024"].text[a:b]
    )
    texts = [index.articles[d].text[a:b] for d, a, b in keys]
    expected = FakeEmbedder().embed_passages(texts)
    assert np.allclose(index.sentence_vectors.astype(np.float32), expected, atol=2e-3)


def _run(args: list[str], settings: Settings) -> tuple[int, str, str]:
    runner = CliRunner()
    env = {
        "RAG_CACHE_DIR": str(settings.cache_dir),
        "RAG_INDEX_DIR": str(settings.index_dir),
        "RAG_BACKEND": settings.backend,
        "RAG_DATABASE_URL": settings.database_url or "",
    }
    from rag.config import get_settings

    get_settings.cache_clear()
    result = runner.invoke(main, args, env=env, catch_exceptions=False)
    get_settings.cache_clear()
    return result.exit_code, result.stdout, result.stderr


def _run_fake(args: list[str], settings: Settings) -> tuple[int, str, str]:
    """``_run`` with ``FakeEmbedder`` in place of the configured embedder."""
    with fake_embedder_everywhere():
        return _run(args, settings)


def test_cli_search_json_contract(fake_settings: Settings) -> None:
    code, out, _ = _run_fake(
        ["search", "lao cai ky thoa thuan", "Hà Giang hội đàm", "--k", "3", "--json"], fake_settings
    )
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["question"] == "lao cai ky thoa thuan" and len(first["hits"]) == 3
    assert set(first["hits"][0]) == {"doc_id", "chunk_id", "title", "published", "score", "text"}


def test_cli_ingest_json_contract(tmp_path: Path, cache_dir: Path) -> None:
    settings = Settings(index_dir=tmp_path / "idx", cache_dir=cache_dir)
    args = ["ingest", str(ARTICLES), "--index", str(settings.index_dir), "--json"]
    code, out, _ = _run_fake(args, settings)
    assert code == 0
    first = json.loads(out)
    assert first["documents"] == 5 and len(first["added"]) == 5 and first["written"] is True
    assert first["embedded"] == first["chunks"] > 5
    code, out, _ = _run_fake(args, settings)
    again = json.loads(out)
    assert code == 0 and again["written"] is False and len(again["unchanged"]) == 5
    assert load_index(settings.index_dir).manifest["embedder"]["name"].startswith("fake/")


def test_cli_eval_report_contract(fake_settings: Settings, tmp_path: Path) -> None:
    """The report's shape and files; the retrieval gate itself needs the real model (below)."""
    code, out, _ = _run_fake(
        [
            "eval",
            "--index",
            str(fake_settings.index_dir),
            "--out",
            str(tmp_path / "rep"),
            "--no-answers",
            "--json",
        ],
        fake_settings,
    )
    assert code == 0
    report = json.loads(out)
    assert set(report["retrieval"]) == {"lexical", "dense", "hybrid"}
    for mode in report["retrieval"].values():
        assert 0 <= mode["all"]["hit@5"] <= 1
    assert (tmp_path / "rep" / "eval.md").read_text().startswith("# Evaluation report")


@pytest.mark.slow
def test_cli_ingest_and_eval(tmp_path: Path, cache_dir: Path) -> None:
    settings = Settings(index_dir=tmp_path / "idx", cache_dir=cache_dir)
    code, out, _ = _run(["ingest", str(ARTICLES), "--index", str(settings.index_dir), "--json"], settings)
    assert code == 0 and json.loads(out)["documents"] == 5
    code, out, _ = _run(
        [
            "eval",
            "--index",
            str(settings.index_dir),
            "--out",
            str(tmp_path / "rep"),
            "--no-answers",
            "--json",
        ],
        settings,
    )
    assert code == 0
    report = json.loads(out)
    assert set(report["retrieval"]) == {"lexical", "dense", "hybrid"}
    assert report["retrieval"]["hybrid"]["all"]["hit@5"] >= 0.95
    # issue #2: every answerable gold question finds a passage holding each of its facts in the top 5
    assert report["retrieval"]["hybrid"]["all"]["facts@5"] == 1.0
    assert (tmp_path / "rep" / "eval.md").read_text().startswith("# Evaluation report")


def test_cli_errors_are_one_clean_line(tmp_path: Path, cache_dir: Path) -> None:
    settings = Settings(index_dir=tmp_path / "none", cache_dir=cache_dir)
    runner = CliRunner()
    result = runner.invoke(main, ["search", "Lào Cai", "--index", str(settings.index_dir)])
    assert result.exit_code == 1
    assert "no index found in" in result.stderr and "Traceback" not in result.stderr
    result = runner.invoke(main, ["search", "x", "--k", "0"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["search", "ask"])
def test_undecodable_arguments_are_one_clean_line(fake_settings: Settings, command: str) -> None:
    # what Python makes of `rag ask "$(printf 'L\xffo Cai')"`: a lone surrogate from surrogateescape
    code, out, err = _run_fake([command, "L\udcffo Cai"], fake_settings)
    assert code == 1 and out == ""
    assert (
        "not valid UTF-8 (byte 0xff)" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    )


def test_a_failed_first_ingest_leaves_no_index(tmp_path: Path, cache_dir: Path) -> None:
    settings = Settings(index_dir=tmp_path / "idx", cache_dir=cache_dir)
    code, out, err = _run_fake(
        ["ingest", str(tmp_path / "nope"), "--index", str(settings.index_dir)], settings
    )
    assert code == 1 and "no document could be indexed" in err and "Traceback" not in err
    assert not settings.index_dir.exists()
    code, _, err = _run_fake(["ask", "Ai ký thỏa thuận?", "--index", str(settings.index_dir)], settings)
    assert code == 1 and "no index found in" in err and "do not say" not in err


def test_an_empty_index_says_it_is_empty(tmp_path: Path, cache_dir: Path) -> None:
    from rag.index import write_index

    settings = Settings(index_dir=tmp_path / "idx", cache_dir=cache_dir)
    embedder = FakeEmbedder()
    write_index(  # what a failed first ingest left before: an index of nothing
        settings.index_dir,
        articles=[],
        chunks=[],
        vectors=np.zeros((0, embedder.dim), dtype=np.float32),
        tokens=[],
        embedder_info=embedder.describe(),
        settings_info={},
    )
    for command in ("ask", "search"):
        code, out, err = _run_fake([command, "Ai ký thỏa thuận?"], settings)
        assert code == 1 and out == "", command
        assert "is empty" in err and "rag ingest" in err and len(err.strip().splitlines()) == 1, err


def test_rag_ask_shows_it_is_loading_on_a_terminal_only(
    fake_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = _run_fake(["ask", WHEN_Q], fake_settings)
    assert code == 0 and "loading" not in err  # not a terminal: nothing on stderr
    monkeypatch.setattr("rag.cli._stderr_is_terminal", lambda: True)
    code, out, err = _run_fake(["ask", WHEN_Q], fake_settings)
    assert code == 0 and out.startswith("? ")
    assert err.startswith("loading the index and the model…") and err.endswith("\r\033[K")


def test_rag_bench_help_names_no_issue_number() -> None:
    for args in (["bench", "--help"], ["--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        assert not re.search(r"\bissues?\b|#\d", result.output, re.IGNORECASE), result.output


def test_worker_and_queue_need_the_postgres_backend(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path)
    code, _, err = _run(["worker", "--max-jobs", "1"], settings)
    assert code == 1 and "RAG_BACKEND=postgres" in err and "Traceback" not in err
    code, _, err = _run(["ingest", str(ARTICLES), "--queue"], settings)
    assert code == 1 and "--queue needs the postgres backend" in err
